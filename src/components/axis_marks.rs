//! The events' marks on the axis; re-rendered only when the selection
//! changes, and then only the marks that change. The marks of events a
//! focus leaves out are dimmed by the axis (see [`super::axis`]), not by a
//! render. Thousands of marks come in steps, like the list's rows: the
//! first with the page, the rest after each paint.

use dossier_core::analysis::Analysis;
use dossier_core::view::axis::Geometry;
use dossier_core::view::reading::{row_steps, rows_shown};
use yew::prelude::*;

use super::axis_mark::AxisMark;
use super::steps::use_frame_steps;
use crate::ptr::Ptr;
use crate::spy::ReadingSpy;

#[derive(Properties, PartialEq)]
pub struct AxisMarksProps {
    pub analysis: Ptr<Analysis>,
    pub geometry: Ptr<Geometry>,
    pub selected: Option<usize>,
    pub spy: ReadingSpy,
    pub on_select: Callback<usize>,
}

#[function_component(AxisMarks)]
pub fn axis_marks(p: &AxisMarksProps) -> Html {
    let len = p.geometry.axis.as_ref().map_or(0, |g| g.marks.len());
    let steps = use_frame_steps(true, false, row_steps(len));
    let Some(g) = &p.geometry.axis else {
        return html! {};
    };
    let events = &p.analysis.timeline;
    // The selected event's mark is always there.
    let needed = p
        .selected
        .and_then(|i| g.marks.iter().position(|m| m.event == i));
    let shown = rows_shown(steps, len, needed);
    html! {
        { for g.marks.iter().take(shown).enumerate().map(|(k, m)| {
            let i = m.event;
            html! {
                <AxisMark
                    geometry={p.geometry.clone()}
                    k={k}
                    selected={p.selected == Some(i)}
                    open={events.get(i).is_some_and(|e| e.open_ended)}
                    spy={p.spy.clone()}
                    on_select={p.on_select.clone()}
                />
            }
        }) }
    }
}

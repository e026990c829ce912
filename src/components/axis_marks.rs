//! The events' marks on the axis; re-rendered only when the selection
//! changes, and then only the marks that change. The marks of events a
//! focus leaves out are dimmed by the axis (see [`super::axis`]), not by a
//! render.

use dossier_core::analysis::Analysis;
use dossier_core::view::axis::Geometry;
use yew::prelude::*;

use super::axis_mark::AxisMark;
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
    let Some(g) = &p.geometry.axis else {
        return html! {};
    };
    let events = &p.analysis.timeline;
    html! {
        { for g.marks.iter().enumerate().map(|(k, m)| {
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

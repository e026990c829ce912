//! The timeline list's rows; re-rendered only when the selection, the
//! focus or the listed events change, and then only the rows that change.
//! A long list is rendered in steps: its first rows with the page, the rest
//! a step at a time after each paint, so that the app is live before
//! thousands of rows exist.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use yew::prelude::*;

use dossier_core::view::reading::{row_steps, rows_shown};

use super::event_row::EventRow;
use super::steps::use_frame_steps;
use crate::ptr::Ptr;
use crate::spy::ReadingSpy;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub analysis: Ptr<Analysis>,
    /// The events listed, in order.
    pub events: Rc<Vec<usize>>,
    /// The gap before each listed event, by position in `events`.
    pub gaps: Rc<Vec<Option<AttrValue>>>,
    pub selected: Option<usize>,
    pub roving: Option<usize>,
    /// The focused entity.
    pub focus: Option<usize>,
    pub spy: ReadingSpy,
    pub on_select: Callback<usize>,
    pub on_chip: Callback<String>,
}

#[function_component(EventList)]
pub fn event_list(p: &EventListProps) -> Html {
    let events = &p.analysis.timeline;
    let steps = use_frame_steps(true, false, row_steps(p.events.len()));
    // The selected row and the one the keyboard enters by are always there.
    let needed = [p.selected, p.roving]
        .into_iter()
        .flatten()
        .filter_map(|i| p.events.iter().position(|&e| e == i))
        .max();
    let shown = rows_shown(steps, p.events.len(), needed);
    html! {
        { for p.events.iter().take(shown).enumerate().filter(|(_, &i)| i < events.len()).map(|(k, &i)| {
            let focus = p
                .focus
                .filter(|f| events.get(i).is_some_and(|ev| ev.entities.binary_search(f).is_ok()));
            html! {
                <EventRow
                    key={i}
                    analysis={p.analysis.clone()}
                    i={i}
                    gap={p.gaps.get(k).cloned().flatten()}
                    selected={p.selected == Some(i)}
                    spy={p.spy.clone()}
                    roving={p.roving == Some(i)}
                    focus={focus}
                    on_select={p.on_select.clone()}
                    on_chip={p.on_chip.clone()}
                />
            }
        }) }
    }
}

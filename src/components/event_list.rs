//! The timeline list's rows; re-rendered only when the selection, the
//! focus or the listed events change, and then only the rows that change.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use yew::prelude::*;

use super::event_row::EventRow;
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
    html! {
        { for p.events.iter().enumerate().filter(|(_, &i)| i < events.len()).map(|(k, &i)| {
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

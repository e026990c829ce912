//! One event of the timeline list: its date, label and entity chips.

use dossier_core::analysis::Analysis;
use dossier_core::view::event_label;
use yew::prelude::*;

use crate::ptr::Ptr;
use crate::spy::{use_read, ReadingSpy};

#[derive(Properties, PartialEq)]
pub struct EventRowProps {
    pub analysis: Ptr<Analysis>,
    /// The event's index.
    pub i: usize,
    pub gap: Option<AttrValue>,
    pub selected: bool,
    pub spy: ReadingSpy,
    /// Takes the keyboard focus when the list is tabbed into.
    pub roving: bool,
    /// The focused entity, only when it is one of the event's.
    pub focus: Option<usize>,
    pub on_select: Callback<usize>,
    /// Focuses the entity of a chip, or clears the focus when it is the
    /// focused one.
    pub on_chip: Callback<String>,
}

#[function_component(EventRow)]
pub fn event_row(p: &EventRowProps) -> Html {
    let i = p.i;
    let reading = use_read(&p.spy, i);
    let Some(ev) = p.analysis.timeline.get(i) else {
        return html! {};
    };
    let onclick = p.on_select.reform(move |_: MouseEvent| i);
    let chips: Vec<Html> = ev
        .entities
        .iter()
        .filter_map(|&k| {
            let e = p.analysis.entities.get(k)?;
            let focused = p.focus == Some(k);
            let id = e.id.clone();
            let onclick = p.on_chip.reform(move |_: MouseEvent| id.clone());
            Some(html! {
                <li>
                    <button type="button" class="chip" data-type={e.kind.as_str()} data-entity={e.id.clone()}
                        aria-pressed={focused.to_string()} onclick={onclick}>{ e.name.clone() }</button>
                </li>
            })
        })
        .collect();
    html! {
        <li data-date={ev.date.to_string()}
            data-index={i.to_string()}
            data-until={ev.until.as_ref().map(ToString::to_string)}
            data-gap={p.gap.clone()}
            class={classes!("event", p.selected.then_some("selected"), reading.then_some("reading"), ev.open_ended.then_some("open"), p.gap.is_some().then_some("after-gap"))}
            aria-current={p.selected.then_some("true")}>
            <button type="button" class="ev" onclick={onclick} tabindex={if p.roving { "0" } else { "-1" }}>
                <span class="ev-date">{ event_label(ev) }</span>
                <span class="ev-label">{ ev.label.clone() }</span>
            </button>
            if !chips.is_empty() {
                <ul class="chips" aria-label="Entities in this event">{ for chips }</ul>
            }
        </li>
    }
}

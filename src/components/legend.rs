//! The legend: one toggle per entity type, with its number of mentions.

use dossier_core::analysis::EntityKind;
use dossier_core::view::kind_plural;
use yew::prelude::*;

use crate::state::{use_reader, Action};

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Mentions per type, only types that occur.
    pub counts: Vec<(EntityKind, usize)>,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let state = use_reader();
    if props.counts.is_empty() {
        return html! {
            <div class="legend empty" role="group" aria-label="Highlights" data-testid="legend">
                <span class="muted">{ "No names found in this article." }</span>
            </div>
        };
    }
    html! {
        <div class="legend" role="group" aria-label="Highlights" data-testid="legend">
            { for props.counts.iter().map(|&(kind, n)| {
                let on = !state.is_hidden(kind);
                let d = state.dispatcher();
                let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleType(kind)));
                html! {
                    <button
                        type="button"
                        class="toggle"
                        data-type={kind.as_str()}
                        data-count={n.to_string()}
                        aria-pressed={on.to_string()}
                        title={format!("{} highlights {}", kind_plural(kind), if on { "on: click to hide" } else { "off: click to show" })}
                        onclick={onclick}
                    >
                        <span class="swatch" aria-hidden="true"></span>
                        <span class="label">{ kind_plural(kind) }</span>
                        <span class="count">{ n }</span>
                    </button>
                }
            }) }
        </div>
    }
}

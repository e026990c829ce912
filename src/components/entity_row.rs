//! One entity of the panel's list: its name and mention count.

use dossier_core::analysis::Analysis;
use yew::prelude::*;

use crate::ptr::Ptr;

#[derive(Properties, PartialEq)]
pub struct EntityRowProps {
    pub analysis: Ptr<Analysis>,
    /// The entity's index.
    pub i: usize,
    pub focused: bool,
    /// The entity's page in the set (`#/e/<key>`), if it has one.
    #[prop_or_default]
    pub page: Option<AttrValue>,
    /// Focuses the entity whose id it is given, or clears the focus when
    /// that entity is the focused one.
    pub on_focus: Callback<String>,
}

/// One entity of the list: re-rendered only when it gains or loses the
/// focus (or the analysis changes), never for the rest of the state.
#[function_component(EntityRow)]
pub fn entity_row(p: &EntityRowProps) -> Html {
    crate::renders::entity_row();
    let Some(e) = p.analysis.entities.get(p.i) else {
        return html! {};
    };
    let count = e.mentions.iter().filter(|m| m.part > 0).count();
    let id = e.id.clone();
    let onclick = p.on_focus.reform(move |_: MouseEvent| id.clone());
    html! {
        <li>
            <button
                type="button"
                class={classes!("entity", p.focused.then_some("focus"))}
                data-entity={e.id.clone()}
                data-type={e.kind.as_str()}
                aria-pressed={p.focused.to_string()}
                onclick={onclick}
            >
                <span class="swatch" aria-hidden="true"></span>
                <span class="name">{ e.name.clone() }</span>
                <span class="count" aria-label={format!("{count} mentions")}>{ count }</span>
            </button>
            if let Some(href) = p.page.clone() {
                <a class="to-page" {href} aria-label={format!("In all articles: {}", e.name)} title="In all articles">{ "→" }</a>
            }
        </li>
    }
}

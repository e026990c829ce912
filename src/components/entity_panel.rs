//! The entity panel: the article's entities grouped by type, most mentioned
//! first, with a filter box. Selecting one focuses it.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::{entity_groups, kind_plural};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{use_reader, Action};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub analysis: Rc<Analysis>,
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &PanelProps) -> Html {
    let state = use_reader();
    let filter = use_state(String::new);
    let open = use_state(|| false);
    let analysis = &props.analysis;
    let groups = entity_groups(analysis, &filter);
    let body_count = |i: usize| {
        analysis.entities[i]
            .mentions
            .iter()
            .filter(|m| m.part > 0)
            .count()
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                filter.set(input.value());
            }
        })
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let focused = state.focus.clone();
    let clear = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Focus(None)))
    };
    html! {
        <aside class={classes!("entities", open.then_some("open"))} aria-label="Entities" data-testid="entities">
            <div class="panel-head">
                <h2>{ "Entities" }<span class="muted">{ format!(" {}", analysis.entities.len()) }</span></h2>
                <button type="button" class="drawer-toggle" aria-expanded={open.to_string()} aria-controls="entity-list" onclick={toggle}>
                    { if *open { "Hide" } else { "Show" } }
                </button>
            </div>
            <div class="panel-body" id="entity-list">
                if analysis.entities.is_empty() {
                    <p class="muted">{ "No people, organisations or places were recognised in this article." }</p>
                } else {
                    <input
                        type="search"
                        class="filter"
                        placeholder="Filter entities"
                        aria-label="Filter entities"
                        autocomplete="off"
                        value={(*filter).clone()}
                        oninput={oninput}
                    />
                }
                if let Some(id) = &focused {
                    <p class="focus-note">
                        { "Focused: " }
                        <strong>{ analysis.entities.iter().find(|e| &e.id == id).map(|e| e.name.clone()).unwrap_or_else(|| id.clone()) }</strong>
                        { " " }
                        <button type="button" class="link" onclick={clear}>{ "clear" }</button>
                    </p>
                }
                if groups.is_empty() && !analysis.entities.is_empty() {
                    <p class="muted">{ "No entity matches the filter." }</p>
                }
                { for groups.iter().map(|(kind, ids)| html! {
                    <section class="group" data-type={kind.as_str()} aria-label={kind_plural(*kind)}>
                        <h3>{ kind_plural(*kind) }<span class="muted">{ format!(" {}", ids.len()) }</span></h3>
                        <ul>
                            { for ids.iter().map(|&i| {
                                let e = &analysis.entities[i];
                                let is_focus = focused.as_deref() == Some(e.id.as_str());
                                let d = state.dispatcher();
                                let id = e.id.clone();
                                let onclick = Callback::from(move |_: MouseEvent| {
                                    d.dispatch(Action::Focus((!is_focus).then(|| id.clone())));
                                });
                                html! {
                                    <li key={e.id.clone()}>
                                        <button
                                            type="button"
                                            class={classes!("entity", is_focus.then_some("focus"))}
                                            data-entity={e.id.clone()}
                                            data-type={kind.as_str()}
                                            aria-pressed={is_focus.to_string()}
                                            onclick={onclick}
                                        >
                                            <span class="swatch" aria-hidden="true"></span>
                                            <span class="name">{ e.name.clone() }</span>
                                            <span class="count" aria-label={format!("{} mentions", body_count(i))}>{ body_count(i) }</span>
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }) }
            </div>
        </aside>
    }
}

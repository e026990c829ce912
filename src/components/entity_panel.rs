//! The entity panel: the article's entities grouped by type, most mentioned
//! first, with a filter box. Selecting one focuses it. Hundreds of rows come
//! in steps, like the timeline's: the first with the page, the rest after
//! each paint.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::reading::{row_steps, rows_shown};
use dossier_core::view::{entity_groups, in_all_articles, kind_plural};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::entity_row::EntityRow;
use super::steps::use_frame_steps;
use crate::ptr::Ptr;
use crate::state::{use_reader, Action};

/// How many times entity rows have been rendered (debug builds; see
/// [`crate::renders`]).
pub use crate::renders::entity_rows as row_renders;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub analysis: Rc<Analysis>,
    /// The set-level key of each entity: each row links to its page.
    #[prop_or_default]
    pub keys: Rc<[String]>,
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &PanelProps) -> Html {
    let state = use_reader();
    let filter = use_state(String::new);
    let open = use_state(|| false);
    let analysis = &props.analysis;
    let groups = use_memo((Rc::clone(analysis), (*filter).clone()), |(a, f)| {
        entity_groups(a, f)
    });
    // The rows' handler is made once, so that the rows' props stay equal
    // across renders.
    let on_focus = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |id: String| d.dispatch(Action::ToggleFocus(id)))
        })
    };
    let analysis_ptr = Ptr::from(analysis);
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
    // The rows in steps, through the focused entity's.
    let total: usize = groups.iter().map(|(_, ids)| ids.len()).sum();
    let steps = use_frame_steps(true, false, row_steps(total));
    let needed = focused.as_deref().and_then(|id| {
        groups
            .iter()
            .flat_map(|(_, ids)| ids.iter())
            .position(|&i| analysis.entities.get(i).is_some_and(|e| e.id == id))
    });
    let shown = rows_shown(steps, total, needed);
    let starts: Vec<usize> = groups
        .iter()
        .scan(0, |at, (_, ids)| {
            let start = *at;
            *at += ids.len();
            Some(start)
        })
        .collect();
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
                        <strong>{ analysis.entity_index(id).and_then(|f| analysis.entities.get(f)).map_or_else(|| id.clone(), |e| e.name.clone()) }</strong>
                        { " " }
                        <button type="button" class="link" onclick={clear}>{ "clear" }</button>
                    </p>
                }
                if groups.is_empty() && !analysis.entities.is_empty() {
                    <p class="muted">{ "No entity matches the filter." }</p>
                }
                { for groups.iter().zip(&starts).map(|((kind, ids), &start)| html! {
                    <section class="group" data-type={kind.as_str()} aria-label={kind_plural(*kind)}>
                        <h3>{ kind_plural(*kind) }<span class="muted">{ format!(" {}", ids.len()) }</span></h3>
                        <ul>
                            { for ids.iter().take(shown.saturating_sub(start)).map(|&i| {
                                let focused = analysis
                                    .entities
                                    .get(i)
                                    .is_some_and(|e| focused.as_deref() == Some(e.id.as_str()));
                                html! {
                                    <EntityRow
                                        key={i}
                                        analysis={analysis_ptr.clone()}
                                        page={analysis.entities.get(i).map(|e| AttrValue::from(in_all_articles(&props.keys, i, &e.name).to_hash()))}
                                        i={i}
                                        focused={focused}
                                        on_focus={(*on_focus).clone()}
                                    />
                                }
                            }) }
                        </ul>
                    </section>
                }) }
            </div>
        </aside>
    }
}

//! The entity panel: the article's entities grouped by type, most mentioned
//! first, with a filter box. Selecting one focuses it.

use std::cell::Cell;
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

thread_local! {
    static ROW_RENDERS: Cell<u64> = const { Cell::new(0) };
}

/// How many times entity rows have been rendered so far in this page (the
/// tests read it: a change that concerns no row renders none).
pub fn row_renders() -> u64 {
    ROW_RENDERS.with(Cell::get)
}

#[derive(Properties)]
struct RowProps {
    analysis: Rc<Analysis>,
    /// The entity's index.
    i: usize,
    focused: bool,
    /// Focuses the entity whose id it is given, or clears the focus when
    /// that entity is the focused one.
    on_focus: Callback<String>,
}

impl PartialEq for RowProps {
    fn eq(&self, o: &Self) -> bool {
        self.i == o.i
            && self.focused == o.focused
            && Rc::ptr_eq(&self.analysis, &o.analysis)
            && self.on_focus == o.on_focus
    }
}

/// One entity of the list: re-rendered only when it gains or loses the
/// focus (or the analysis changes), never for the rest of the state.
#[function_component(EntityRow)]
fn entity_row(p: &RowProps) -> Html {
    ROW_RENDERS.with(|n| n.set(n.get() + 1));
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
        </li>
    }
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
    // The rows' handler is made once and reads the focus here, so that the
    // rows' props stay equal across renders.
    let focus_now = use_mut_ref(|| None::<String>);
    focus_now.borrow_mut().clone_from(&state.focus);
    let on_focus = {
        let d = state.dispatcher();
        let focus_now = Rc::clone(&focus_now);
        use_memo((), move |_| {
            Callback::from(move |id: String| {
                let focused = focus_now.borrow().as_deref() == Some(id.as_str());
                d.dispatch(Action::Focus((!focused).then_some(id)));
            })
        })
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
                                let focused = analysis
                                    .entities
                                    .get(i)
                                    .is_some_and(|e| focused.as_deref() == Some(e.id.as_str()));
                                html! {
                                    <EntityRow
                                        key={i}
                                        analysis={Rc::clone(analysis)}
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

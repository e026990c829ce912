//! Find in the article: a search box with the match count and next/previous.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{use_reader, Action};

pub const FIND_INPUT_ID: &str = "find";
const PLACEHOLDER: &str = "Find in article  ( / )";

#[derive(Properties, PartialEq)]
pub struct FindProps {
    /// Number of hits of the current query.
    pub total: usize,
    /// Given the input, for the keys that move the focus to it.
    #[prop_or_default]
    pub input: NodeRef,
}

#[function_component(Find)]
pub fn find(props: &FindProps) -> Html {
    let state = use_reader();
    let total = props.total;
    let oninput = {
        let d = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                d.dispatch(Action::SetFind(input.value()));
            }
        })
    };
    let onkeydown = {
        let d = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                d.dispatch(Action::StepHit {
                    forward: !e.shift_key(),
                    total,
                });
            }
            "Escape" => {
                e.prevent_default();
                d.dispatch(Action::SetFind(String::new()));
                if let Some(input) = e
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                {
                    let _ = input.blur();
                }
            }
            _ => {}
        })
    };
    let step = |forward: bool| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::StepHit { forward, total }))
    };
    let status = if state.find.trim().is_empty() {
        String::new()
    } else if total == 0 {
        "No matches".to_string()
    } else {
        format!("{} of {}", state.hit.min(total - 1) + 1, total)
    };
    // A prerendered page shows the box without the text field until the app
    // is live: a field that does nothing yet, and the most costly element of
    // the first paint.
    if state.restoring {
        return html! {
            <div class="find" data-testid="find" aria-hidden="true">
                <span class="find-box">{ PLACEHOLDER }</span>
                <span class="find-count"></span>
                <button type="button" class="icon" tabindex="-1" disabled={true}>{ "↑" }</button>
                <button type="button" class="icon" tabindex="-1" disabled={true}>{ "↓" }</button>
            </div>
        };
    }
    html! {
        <div class="find" role="search" data-testid="find">
            <label class="visually-hidden" for={FIND_INPUT_ID}>{ "Find in article" }</label>
            <input
                ref={props.input.clone()}
                id={FIND_INPUT_ID}
                type="search"
                placeholder={PLACEHOLDER}
                autocomplete="off"
                spellcheck="false"
                value={state.find.clone()}
                oninput={oninput}
                onkeydown={onkeydown}
            />
            <span class="find-count" aria-live="polite" data-testid="find-count">{ status }</span>
            <button type="button" class="icon" aria-label="Previous match" disabled={total == 0} onclick={step(false)}>{ "↑" }</button>
            <button type="button" class="icon" aria-label="Next match" disabled={total == 0} onclick={step(true)}>{ "↓" }</button>
        </div>
    }
}

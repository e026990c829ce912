//! The keyboard shortcuts, shown with `?`.

use yew::prelude::*;

use crate::dom;
use crate::state::{use_reader, Action};

const KEYS: [(&str, &str); 8] = [
    ("j / k", "next / previous event in the timeline"),
    ("n / p", "next / previous mention (of the focused entity)"),
    ("↑ / ↓", "move through events in the timeline"),
    ("/", "find in the article"),
    ("Ctrl F", "find in the article"),
    ("Enter", "next match (Shift: previous) in the find box"),
    ("Esc", "close, clear the find, then the focus"),
    ("?", "show or hide these keys"),
];

#[function_component(Help)]
pub fn help() -> Html {
    let state = use_reader();
    let close_button = use_node_ref();
    {
        let close_button = close_button.clone();
        use_effect_with((), move |_| {
            if let Some(b) = close_button.cast::<web_sys::Element>() {
                dom::focus(&b);
            }
        });
    }
    let close = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleHelp))
    };
    // A click on the backdrop (outside the dialog) closes it too.
    let backdrop = {
        let d = state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            let outside = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| el.class_list().contains("help-backdrop"));
            if outside {
                d.dispatch(Action::ToggleHelp);
            }
        })
    };
    html! {
        <div class="help-backdrop" onclick={backdrop}>
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    { for KEYS.iter().map(|(k, what)| html! {
                        <div class="key-row"><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></div>
                    }) }
                </dl>
                <button ref={close_button} id="help-close" type="button" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}

//! The "Add articles" control: a file picker whose files go to the reader's
//! articles module ([`crate::added::hand`]). A plain function, not a
//! component: it has no state, and the build-time render shows it the same.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::added::{file_items, hand};

/// What the picker offers (other files can still be chosen; they get a
/// message saying why they are not read).
pub const ACCEPT: &str =
    ".html,.htm,.xhtml,.md,.markdown,.txt,.json,text/html,text/plain,text/markdown,application/json";

pub fn add_control() -> Html {
    let onchange = Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        if let Some(files) = input.files() {
            hand(file_items(&files));
        }
        // The same file can be chosen again.
        input.set_value("");
    });
    html! {
        <label class="add" title="Add articles: saved pages (.html), Markdown or text. Or drop files on the page, or paste.">
            <span>{ "Add articles" }</span>
            <input type="file" multiple=true accept={ACCEPT} {onchange} data-testid="add-input" />
        </label>
    }
}

/// The links to the set's pages (its timeline, search), in the library's
/// and the reader's heads. A plain function like the control above.
pub fn set_nav() -> Html {
    html! {
        <nav class="set-nav" aria-label="The set">
            <a href="#/timeline">{ "Timeline of the set" }</a>
            <a href="#/search">{ "Search" }</a>
        </nav>
    }
}

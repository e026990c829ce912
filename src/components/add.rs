//! Adding articles: the "Add articles" control (a file picker), and the
//! status of the batch being added, of storage and of the last deletion.
//! Both read [`crate::added::use_added`]; outside its provider (the
//! build-time render) the control renders the same and does nothing.

use dossier_core::added::Outcome;
use dossier_core::view::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::added::{file_inputs, use_added, Storage};

/// What the picker offers (other files can still be chosen; they get a
/// message saying why they are not read).
pub const ACCEPT: &str =
    ".html,.htm,.xhtml,.md,.markdown,.txt,.json,text/html,text/plain,text/markdown,application/json";

#[function_component(AddControl)]
pub fn add_control() -> Html {
    let added = use_added();
    let onchange = Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        if let (Some(added), Some(files)) = (&added, input.files()) {
            added.add(file_inputs(&files));
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

fn article_href(slug: &str) -> String {
    Route::Article {
        slug: slug.to_string(),
        entity: None,
        event: None,
    }
    .to_hash()
}

/// One line of a batch's report.
fn outcome_row(o: &Outcome) -> Html {
    match o {
        Outcome::Added { slug, .. } | Outcome::Duplicate { slug, .. } => {
            let class = if matches!(o, Outcome::Added { .. }) {
                "added"
            } else {
                "duplicate"
            };
            html! { <li class={class}><a href={article_href(slug)}>{ o.text() }</a></li> }
        }
        Outcome::Failed { .. } => html! { <li class="failed">{ o.text() }</li> },
        Outcome::Cancelled { .. } => html! { <li class="cancelled">{ o.text() }</li> },
        Outcome::Backup { .. } => html! { <li class="backup">{ o.text() }</li> },
    }
}

/// The adding report: progress and Cancel while a batch runs, what became of
/// each item after, whether articles are kept, and Undo after a deletion.
#[function_component(AddStatus)]
pub fn add_status() -> Html {
    let Some(added) = use_added() else {
        return html! {};
    };
    let s = added.state().clone();
    let session = match &s.storage {
        Storage::Session(why) => Some(why.clone()),
        _ => None,
    };
    if s.batch.is_none() && s.deleted.is_none() && s.problem.is_none() && session.is_none() {
        return html! {};
    }
    let cancel = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.cancel())
    };
    let dismiss = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.dismiss())
    };
    let undo = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.undo())
    };
    let closable = !s.running && (s.batch.is_some() || s.deleted.is_some() || s.problem.is_some());
    html! {
        <section class="adding" aria-label="Adding articles" data-testid="adding">
            if let Some(batch) = &s.batch {
                <p class="progress" role="status" data-testid="add-progress">
                    if s.running {
                        { format!("Adding articles: {}", batch.progress_text()) }
                    } else {
                        { format!("Added {} of {}", batch.added(), batch.articles()) }
                    }
                </p>
                if s.running {
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                }
                if !batch.outcomes().is_empty() {
                    <ul class="outcomes" data-testid="add-outcomes">
                        { for batch.outcomes().iter().map(outcome_row) }
                    </ul>
                }
            }
            if let Some(why) = session {
                <p class="session" role="alert" data-testid="add-session">
                    { format!("Your articles will not be kept after this visit ({why}). To keep them, export them from the library.") }
                </p>
            }
            if let Some(title) = &s.deleted {
                <p class="deleted" role="status">
                    { format!("“{title}” deleted. ") }
                    <button type="button" onclick={undo}>{ "Undo" }</button>
                </p>
            }
            if let Some(problem) = &s.problem {
                <p class="problem" role="alert">{ problem.clone() }</p>
            }
            if closable {
                <button type="button" class="close" aria-label="Close" onclick={dismiss}>{ "×" }</button>
            }
        </section>
    }
}

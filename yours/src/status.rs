//! The adding report: the batch being added (progress, Cancel) and what
//! became of each item, whether articles are kept, Undo after a deletion,
//! and problems with an action. A tray at the foot of the page.

use dossier_core::added::Outcome;
use dossier_core::view::Route;
use yew::prelude::*;

use crate::adding::{use_added, Added, Storage};

fn article_href(slug: &str) -> String {
    Route::Article {
        slug: slug.to_string(),
        entity: None,
        event: None,
        mention: None,
        sentence: None,
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
    let notes_here = s.managing.is_none() && (s.deleted.is_some() || s.problem.is_some());
    if s.batch.is_none() && !notes_here && session.is_none() {
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
    let closable = !s.running && (s.batch.is_some() || notes_here);
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
                    { format!("Your articles will not be kept after this visit ({why}). To keep them, back them up from “Manage your articles” in the library.") }
                </p>
            }
            // While the management dialog is open, it shows these (the
            // page behind it is inert).
            if notes_here {
                { notes(&added) }
            }
            if closable {
                <button type="button" class="close" aria-label="Close" onclick={dismiss}>{ "×" }</button>
            }
        </section>
    }
}

/// Undo after a deletion, and a problem with an action.
pub fn notes(added: &Added) -> Html {
    let s = added.state();
    let undo = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.undo())
    };
    html! {
        <>
            if let Some(title) = &s.deleted {
                <p class="deleted" role="status">
                    { format!("“{title}” deleted. ") }
                    <button type="button" onclick={undo}>{ "Undo" }</button>
                </p>
            }
            if let Some(problem) = &s.problem {
                <p class="problem" role="alert">{ problem.clone() }</p>
            }
        </>
    }
}

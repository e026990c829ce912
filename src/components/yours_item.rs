//! One of the reader's own articles in the library: the library item, what
//! it was added as, and its actions (rename, delete, export).

use std::rc::Rc;

use dossier_core::export::markdown;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::library_item::LibraryItem;
use crate::added::use_added;
use crate::data::{self, format::Summary};
use crate::dom;

#[derive(Properties, PartialEq)]
pub struct YoursProps {
    pub article: Rc<Summary>,
    /// What it was added as (a file name, "Pasted text").
    pub name: String,
}

#[function_component(YoursItem)]
pub fn yours_item(props: &YoursProps) -> Html {
    let added = use_added();
    let editing = use_state(|| false);
    let field = use_node_ref();
    let slug = props.article.slug.clone();
    let title = props.article.meta.title.clone();

    // The field takes the focus when it opens.
    {
        let field = field.clone();
        use_effect_with(*editing, move |&open| {
            if open {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let start = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    let stop = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(false))
    };
    let save = {
        let (editing, field, added, slug) =
            (editing.clone(), field.clone(), added.clone(), slug.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let (Some(input), Some(added)) = (field.cast::<HtmlInputElement>(), &added) {
                added.rename(&slug, &input.value());
            }
            editing.set(false);
        })
    };
    let keys = {
        let editing = editing.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                editing.set(false);
            }
        })
    };
    let delete = {
        let (added, slug) = (added.clone(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(added) = &added {
                added.delete(&slug);
            }
        })
    };
    let export = |md: bool| {
        let (added, slug) = (added.clone(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(y) = data::yours().into_iter().find(|y| y.summary.slug == slug) else {
                return;
            };
            let result = if md {
                dom::download(
                    &format!("{slug}.md"),
                    "text/markdown",
                    &markdown(&y.entry.article),
                )
            } else {
                dom::download(
                    &format!("{slug}.json"),
                    "application/json",
                    &format!("{}\n", y.json),
                )
            };
            if let (Err(why), Some(added)) = (result, &added) {
                added.problem(why);
            }
        })
    };

    let page = {
        let (added, slug) = (added.clone(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(added) = &added {
                added.export_page(Some(slug.clone()));
            }
        })
    };

    html! {
        <LibraryItem article={Rc::clone(&props.article)} yours=true>
            <p class="yours-meta">
                <span class="yours-mark">{ "Yours" }</span>
                <span class="yours-name">{ format!(" · added from {}", props.name) }</span>
            </p>
            if *editing {
                <form class="rename" onsubmit={save} onkeydown={keys}>
                    <label>
                        <span class="visually-hidden">{ "New title" }</span>
                        <input ref={field} type="text" value={title.clone()} aria-label="New title" />
                    </label>
                    <button type="submit">{ "Save" }</button>
                    <button type="button" onclick={stop}>{ "Cancel" }</button>
                </form>
            } else {
                <p class="actions" role="group" aria-label={format!("Actions on “{title}”")}>
                    <button type="button" onclick={start}>{ "Rename" }</button>
                    <button type="button" onclick={delete}>{ "Delete" }</button>
                    <button type="button" onclick={export(false)} title="The analysis, as analyze prints it">{ "Export JSON" }</button>
                    <button type="button" onclick={export(true)} title="The article as Markdown with front matter">{ "Export .md" }</button>
                    <button type="button" onclick={page} title="One page with this article, to send to someone without dossier">{ "Save as page" }</button>
                </p>
            }
        </LibraryItem>
    }
}

//! The management of the reader's articles: a dialog listing them, each with
//! its actions (rename, delete, export as JSON or Markdown, save as a page of
//! its own, choose for one page), and the actions on all of them (back up,
//! save the chosen ones, or all, as one page). On a page the reader was sent,
//! its articles can be kept on the device.

use dossier::dom;
use dossier_core::added::Reply;
use dossier_core::export::markdown;
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

use crate::adding::{kept, use_added, Kept, Storage};
use crate::share;
use crate::status::notes;
use dossier_core::added::ContentKey;

#[function_component(Manage)]
pub fn manage() -> Html {
    let Some(added) = use_added() else {
        return html! {};
    };
    let s = added.state().clone();
    let dialog = use_node_ref();
    let chosen = use_state(Vec::<String>::new);

    // The dialog opens and closes as the state says (modal: the page behind
    // is inert, Escape closes it), on the article it was opened for.
    {
        let dialog = dialog.clone();
        use_effect_with(s.managing.clone(), move |managing| {
            let Some(d) = dialog.cast::<HtmlDialogElement>() else {
                return;
            };
            match managing {
                Some(on) if !d.open() => {
                    let _ = d.show_modal();
                    let at = on.as_deref().and_then(|slug| {
                        dom::query(&format!(
                            "li.manage-item[data-slug=\"{}\"]",
                            dom::attr_value(slug)
                        ))
                    });
                    if let Some(el) = at {
                        dom::scroll_to(&el, false);
                    }
                }
                None if d.open() => d.close(),
                _ => {}
            }
        });
    }
    let onclose = {
        let added = added.clone();
        Callback::from(move |_: Event| added.manage(None))
    };
    let close = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.manage(None))
    };
    let backup = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.export_backup())
    };
    let page = {
        let (added, chosen) = (added.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| added.export_page((*chosen).clone(), false))
    };
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |(slug, on): (String, bool)| {
            let mut list = (*chosen).clone();
            list.retain(|s| *s != slug);
            if on {
                list.push(slug);
            }
            chosen.set(list);
        })
    };
    let list = if s.managing.is_some() {
        kept()
    } else {
        Vec::new()
    };
    // The articles of the page the reader was sent, not kept yet (those
    // whose text is kept already say so).
    let received = if s.managing.is_some() {
        share::received()
    } else {
        Vec::new()
    };
    let known: Vec<ContentKey> = list.iter().map(|k| k.record.key).collect();
    let (had, received): (Vec<_>, Vec<_>) = received
        .into_iter()
        .partition(|r| known.contains(&ContentKey::of(&r.saved.original)));
    let keep_all = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| added.keep(share::received()))
    };
    // Articles deleted since they were chosen are not chosen any more.
    let n = chosen
        .iter()
        .filter(|c| list.iter().any(|k| k.record.slug == **c))
        .count();
    let kept_note = match &s.storage {
        Storage::Session(_) => {
            "They are not kept after this visit in this browser: back them up to keep them."
        }
        _ => "Kept in this browser only.",
    };
    html! {
        <dialog ref={dialog} class="manage" aria-labelledby="manage-title" {onclose} data-testid="manage">
            <header class="manage-head">
                <h2 id="manage-title">{ "Your articles" }</h2>
                <button type="button" class="close" aria-label="Close" onclick={close}>{ "×" }</button>
            </header>
            <p class="list-note">
                { kept_note }
                { " “Back up all” saves them in one file that “Add articles” reads back; a page made of them shows them to someone without dossier, from disk." }
            </p>
            { notes(&added) }
            <p class="manage-all">
                <button type="button" onclick={backup} data-testid="backup">{ "Back up all" }</button>
                <button type="button" onclick={page} data-testid="share-page">
                    { if n == 0 { "Save all as one page".to_string() } else { format!("Save the {n} chosen as one page") } }
                </button>
            </p>
            if !received.is_empty() || !had.is_empty() {
                <section aria-labelledby="received-title" data-testid="received">
                    <h3 id="received-title">{ "In the page you were sent" }</h3>
                    <p class="list-note">
                        { "These articles are in this page only. Kept, they are listed with your own whenever you open dossier in this browser, and you can rename, export and back them up." }
                    </p>
                    if received.len() > 1 {
                        <p class="manage-all">
                            <button type="button" onclick={keep_all.clone()} data-testid="keep-all">
                                { format!("Keep all {} on this device", received.len()) }
                            </button>
                        </p>
                    }
                    <ol class="manage-list">
                        { for received.into_iter().map(|r| {
                            let keep = {
                                let added = added.clone();
                                let listed = r.listed.clone();
                                Callback::from(move |_: MouseEvent| {
                                    added.keep(share::received().into_iter().filter(|x| x.listed == listed).collect())
                                })
                            };
                            html! {
                                <li class="manage-item" key={r.listed.clone()} data-slug={r.listed.clone()}>
                                    <div class="manage-body">
                                        <h3>{ r.title.clone() }</h3>
                                        <p class="actions">
                                            <button type="button" onclick={keep} aria-label={format!("Keep “{}” on this device", r.title)} data-testid="keep">
                                                { "Keep on this device" }
                                            </button>
                                        </p>
                                    </div>
                                </li>
                            }
                        }) }
                        { for had.into_iter().map(|r| html! {
                            <li class="manage-item" key={r.listed.clone()} data-slug={r.listed.clone()}>
                                <div class="manage-body">
                                    <h3>{ r.title.clone() }</h3>
                                    <p class="yours-meta">{ "Already kept on this device, among your articles below." }</p>
                                </div>
                            </li>
                        }) }
                    </ol>
                </section>
            }
            if list.is_empty() && s.managing.is_some() {
                <p>{ "You have not added any articles yet." }</p>
            }
            <ol class="manage-list">
                { for list.into_iter().map(|k| {
                    let on = chosen.contains(&k.record.slug);
                    html! { <ManageItem key={k.record.slug.clone()} kept={Kept::clone(&k)} chosen={on} choose={choose.clone()} /> }
                }) }
            </ol>
        </dialog>
    }
}

#[derive(Properties)]
pub struct ItemProps {
    pub kept: Kept,
    pub chosen: bool,
    pub choose: Callback<(String, bool)>,
}

impl PartialEq for ItemProps {
    fn eq(&self, other: &Self) -> bool {
        self.kept.record.slug == other.kept.record.slug
            && self.kept.title == other.kept.title
            && self.chosen == other.chosen
            && self.choose == other.choose
    }
}

#[function_component(ManageItem)]
pub fn manage_item(props: &ItemProps) -> Html {
    let added = use_added();
    let editing = use_state(|| false);
    let field = use_node_ref();
    let slug = props.kept.record.slug.clone();
    let title = props.kept.title.clone();

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
                // Closes the field, not the dialog.
                e.prevent_default();
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
        let (added, kept) = (added.clone(), props.kept.clone());
        Callback::from(move |_: MouseEvent| {
            let slug = &kept.record.slug;
            let result = Reply::article(&kept.record.item.to_vec()).and_then(|mut item| {
                item.article.meta.title = kept.title.clone();
                if md {
                    dom::download(
                        &format!("{slug}.md"),
                        "text/markdown",
                        &markdown(&item.article),
                    )
                } else {
                    dom::download(
                        &format!("{slug}.json"),
                        "application/json",
                        &format!("{}\n", item.json),
                    )
                }
            });
            if let (Err(why), Some(added)) = (result, &added) {
                added.problem(why);
            }
        })
    };
    let page = {
        let (added, slug) = (added.clone(), slug.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(added) = &added {
                added.export_page(vec![slug.clone()], true);
            }
        })
    };
    let href = dossier_core::view::Route::Article {
        slug: slug.clone(),
        entity: None,
        event: None,
        mention: None,
        sentence: None,
    }
    .to_hash();
    // The article opens behind the dialog, which closes.
    let go = {
        let added = added.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(added) = &added {
                added.manage(None);
            }
        })
    };
    let toggle = {
        let (choose, slug) = (props.choose.clone(), slug.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                choose.emit((slug.clone(), input.checked()));
            }
        })
    };

    html! {
        <li class="manage-item" data-slug={slug.clone()}>
            <label class="choose">
                <input type="checkbox" checked={props.chosen} onchange={toggle} />
                <span class="visually-hidden">{ format!("Choose “{title}” for one page") }</span>
            </label>
            <div class="manage-body">
                <h3><a href={href} onclick={go}>{ title.clone() }</a></h3>
                <p class="yours-meta">{ format!("Added from {}", props.kept.record.name) }</p>
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
            </div>
        </li>
    }
}

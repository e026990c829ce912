//! The reader's own articles, on the app's side. Adding, keeping and
//! managing them is a second module (`yours/`), loaded the first time a
//! reader adds an article or opens their articles' management, or at start
//! when they have stored articles: a visit that does none of that does not
//! carry its code. The app keeps what every visit needs: the "Add articles"
//! control and the drop and paste listeners, which hand items to that module
//! ([`hand`]); the reader's articles, listed and shown like the set's
//! ([`crate::data`]); and the articles a shared page holds ([`share`]).
//!
//! The link: the app sets `window.dossierApp(op, a, b, c, d)` ([`APP_HOOK`])
//! before loading the module, which answers `dossierApp("ready", api)`;
//! then `api("add", items)` and `api("manage", slug)` go one way, and
//! "put", "remove", "rename", "loaded", "taken", "in_set" and "go" the
//! other.

pub mod share;
pub mod store;

use std::cell::RefCell;
use std::rc::Rc;

use dossier_core::added::{Reply, Source};
use dossier_core::view::Route;
use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::data;
use crate::dom;

/// Local storage: how many articles the reader has stored (the module is
/// loaded at start only when there are some).
pub const YOURS_KEY: &str = "dossier.yours";
/// The function the module calls on the app (`window.dossierApp`).
pub const APP_HOOK: &str = "dossierApp";
/// Defined by the single-file page (`dossier.html`), which holds the module
/// inline: starts it.
const INLINE_START: &str = "dossierYoursStart";
/// The module's loader beside the page (trunk's loader shim).
const LOADER: &str = "./yours_loader.js";

/// What the page is told by the module.
pub enum Change {
    /// The reader's articles changed.
    Listed,
    /// Go there, by the reader's doing (an article just added).
    Go(Route),
    /// The module could not be loaded: why.
    Failed(String),
}

#[derive(Default)]
struct Link {
    /// The module's requests function, once it listens.
    api: Option<Function>,
    /// Requests made before it listened.
    queue: Vec<(&'static str, JsValue)>,
    loading: bool,
    /// How the page takes a change (set by the shell).
    changed: Option<Rc<dyn Fn(Change)>>,
    /// A change of the list is waiting to be told.
    listed: bool,
}

thread_local! {
    static LINK: RefCell<Link> = RefCell::new(Link::default());
}

fn tell(change: Change) {
    // The stored articles come one call each: the page renders once for all
    // those of one task.
    if matches!(change, Change::Listed) {
        if LINK.with(|l| std::mem::replace(&mut l.borrow_mut().listed, true)) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            LINK.with(|l| l.borrow_mut().listed = false);
            if let Some(f) = LINK.with(|l| l.borrow().changed.clone()) {
                f(Change::Listed);
            }
        });
        return;
    }
    if let Some(f) = LINK.with(|l| l.borrow().changed.clone()) {
        f(change);
    }
}

/// Sets how the page takes the module's changes (the shell re-renders).
pub fn on_change(f: impl Fn(Change) + 'static) {
    LINK.with(|l| l.borrow_mut().changed = Some(Rc::new(f)));
}

/// Asks the module to do `op` with `arg`, loading it first if needed.
fn request(op: &'static str, arg: JsValue) {
    let api = LINK.with(|l| {
        let mut l = l.borrow_mut();
        if l.api.is_none() {
            l.queue.push((op, arg.clone()));
        }
        l.api.clone()
    });
    match api {
        Some(api) => {
            let _ = api.call2(&JsValue::NULL, &JsValue::from_str(op), &arg);
        }
        None => load(),
    }
}

/// Hands items to add to the module: `File`s, or `[source, text]` for
/// pasted text or HTML.
pub fn hand(items: Array) {
    if items.length() > 0 {
        request("add", items.into());
    }
}

/// Opens the management of the reader's articles (on `slug`, if given).
pub fn manage(slug: Option<&str>) {
    request("manage", slug.map(JsValue::from_str).unwrap_or_default());
}

/// Loads the module (once): it reads the stored articles.
pub fn load() {
    if LINK.with(|l| std::mem::replace(&mut l.borrow_mut().loading, true)) {
        return;
    }
    let Some(w) = dom::window() else {
        return;
    };
    let hook = Closure::<dyn Fn(JsValue, JsValue, JsValue, JsValue, JsValue) -> JsValue>::new(
        |op: JsValue, a: JsValue, b: JsValue, c: JsValue, d: JsValue| hook(op, a, b, c, d),
    );
    let _ = Reflect::set(&w, &JsValue::from_str(APP_HOOK), hook.as_ref());
    // The module calls it for the page's life.
    hook.forget();
    let failed = || {
        tell(Change::Failed(
            "The part of dossier that adds and keeps your articles could not be loaded.".into(),
        ))
    };
    dom::load_module(LOADER, INLINE_START, failed);
}

/// The module's calls.
fn hook(op: JsValue, a: JsValue, b: JsValue, c: JsValue, d: JsValue) -> JsValue {
    match op.as_string().as_deref() {
        // An article of the reader's, encoded as the importer made it:
        // listed under the slug and title given; its title, or nothing when
        // it cannot be read.
        Some("put") => {
            let (Some(slug), Some(name)) = (a.as_string(), b.as_string()) else {
                return JsValue::UNDEFINED;
            };
            let bytes = js_sys::Uint8Array::new(&d).to_vec();
            let Ok(mut item) = Reply::article(&bytes) else {
                return JsValue::UNDEFINED;
            };
            item.article.slug = slug;
            if let Some(title) = c.as_string() {
                item.article.meta.title = title;
            }
            let title = item.article.meta.title.clone();
            data::add_yours(item.article, item.analysis, name);
            tell(Change::Listed);
            JsValue::from_str(&title)
        }
        Some("remove") => {
            data::remove_yours(&a.as_string().unwrap_or_default());
            tell(Change::Listed);
            JsValue::UNDEFINED
        }
        Some("rename") => {
            if let (Some(slug), Some(title)) = (a.as_string(), b.as_string()) {
                data::rename_yours(&slug, &title);
                tell(Change::Listed);
            }
            JsValue::UNDEFINED
        }
        Some("loaded") => {
            data::yours_read();
            tell(Change::Listed);
            JsValue::UNDEFINED
        }
        // Whether the set has an article `a` (a split set whose index is not
        // all at hand asks the site): a promise of true, false, or nothing
        // when the site could not say.
        Some("in_set") => {
            let slug = a.as_string().unwrap_or_default();
            wasm_bindgen_futures::future_to_promise(async move {
                Ok(data::load::in_set(&slug)
                    .await
                    .map_or(JsValue::UNDEFINED, JsValue::from_bool))
            })
            .into()
        }
        Some("taken") => data::slugs()
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>()
            .into(),
        Some("go") => {
            tell(Change::Go(Route::parse(&a.as_string().unwrap_or_default())));
            JsValue::UNDEFINED
        }
        Some("ready") => {
            let queue = LINK.with(|l| {
                let mut l = l.borrow_mut();
                l.api = a.dyn_into::<Function>().ok();
                std::mem::take(&mut l.queue)
            });
            for (op, arg) in queue {
                request(op, arg);
            }
            JsValue::UNDEFINED
        }
        _ => JsValue::UNDEFINED,
    }
}

/// True when local storage says the reader has stored articles.
pub fn has_stored() -> bool {
    dom::storage_get(YOURS_KEY).is_some_and(|n| n != "0" && !n.is_empty())
}

/// Dropped files and pasted text or HTML, anywhere on the page, handed to
/// the module.
pub fn listeners() -> Vec<EventListener> {
    let Some(w) = dom::window() else {
        return Vec::new();
    };
    let active = EventListenerOptions::enable_prevent_default();
    let has_files = |e: &web_sys::DragEvent| {
        e.data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false)
    };
    let over = EventListener::new_with_options(&w, "dragover", active, move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::DragEvent>() {
            if has_files(e) {
                e.prevent_default();
            }
        }
    });
    let dropped = EventListener::new_with_options(&w, "drop", active, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
            return;
        };
        let Some(files) = e.data_transfer().and_then(|dt| dt.files()) else {
            return;
        };
        if files.length() > 0 {
            e.prevent_default();
            hand(file_items(&files));
        }
    });
    let pasted = EventListener::new(&w, "paste", move |e| {
        if dom::typing_in(e.target()) {
            return;
        }
        let Some(dt) = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|e| e.clipboard_data())
        else {
            return;
        };
        if let Some(files) = dt.files().filter(|f| f.length() > 0) {
            hand(file_items(&files));
            return;
        }
        let html = dt.get_data("text/html").unwrap_or_default();
        let text = dt.get_data("text/plain").unwrap_or_default();
        let (source, text) = if !html.trim().is_empty() {
            (Source::PastedHtml, html)
        } else if !text.trim().is_empty() {
            (Source::PastedText, text)
        } else {
            return;
        };
        let item = Array::of2(&JsValue::from(source.code()), &JsValue::from_str(&text));
        hand(Array::of1(&item));
    });
    vec![over, dropped, pasted]
}

/// The files of a picker or a drop, in order.
pub fn file_items(files: &web_sys::FileList) -> Array {
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(JsValue::from)
        .collect()
}

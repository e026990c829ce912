//! Opening an article of a split set: its file is fetched from the page's own
//! origin (`articles/<slug>.bin`, relative to the page), decoded and kept by
//! [`crate::data`]. In the single-file page (`dossier.html`, which may be
//! opened from disk where nothing can be fetched) the files are inlined as
//! `<script type="application/x-dossier-article" id="dossier-article-SLUG">`
//! elements holding base64, and read from there instead. The pages of the
//! library's index after the first (`set/l/<n>.bin`) are read the same way,
//! as the library is read ([`more`]). A slug that is not among the rows at
//! hand may still be in the set: its file is asked for, and a file the site
//! does not have means the set has no such article.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::data::format;
use crate::data::{self, Entry};
use crate::dom;

/// The state of the article a route names.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Ready(Entry),
    /// Its file is being read.
    Loading,
    /// Its file could not be read: why, for the reader.
    Failed(String),
    /// The set has no article with this slug.
    Missing,
}

/// The id of the element that holds an article file in the single-file page.
pub fn inline_id(slug: &str) -> String {
    format!("dossier-article-{slug}")
}

/// The type of that element (data, never run).
pub const INLINE_TYPE: &str = "application/x-dossier-article";

thread_local! {
    /// Files being read, so that going back and forth does not start a
    /// second request for the same article.
    static PENDING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Files that could not be read, until the reader tries again.
    static FAILED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// Slugs whose file the site does not have: not in the set.
    static ABSENT: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// True while a page of the library's index is being read.
    static MORE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn absent(slug: &str) -> bool {
    ABSENT.with(|a| a.borrow().iter().any(|s| s == slug))
}

/// The state of the article `slug` right now.
pub fn state(slug: &str) -> Load {
    if let Some(entry) = data::entry(slug) {
        return Load::Ready(entry);
    }
    let known = data::summary(slug).is_some();
    // Perhaps one of the reader's articles, not yet read from storage.
    if !known && data::yours_pending() {
        return Load::Loading;
    }
    // A split set whose index is not all at hand may have it: its file says.
    if data::split().is_none() || (!known && data::complete()) || absent(slug) {
        return Load::Missing;
    }
    match failure(slug) {
        Some(why) => Load::Failed(why),
        None => Load::Loading,
    }
}

fn failure(slug: &str) -> Option<String> {
    FAILED.with(|f| {
        f.borrow()
            .iter()
            .find(|(s, _)| s == slug)
            .map(|(_, why)| why.clone())
    })
}

fn forget_failure(slug: &str) {
    FAILED.with(|f| f.borrow_mut().retain(|(s, _)| s != slug));
}

/// The article the route names, read from its file when the set is split,
/// and a callback that tries again after a failure. Re-renders the caller
/// when the file has been read (or has failed).
#[hook]
pub fn use_entry(slug: Option<String>) -> (Option<Load>, Callback<()>) {
    let update = use_force_update();
    let attempt = use_state(|| 0u32);
    {
        let update = update.clone();
        // Not before the reader's articles are read: it may be one of them.
        let pending = data::yours_pending();
        use_effect_with(
            (slug.clone(), *attempt, pending),
            move |(slug, _, pending)| {
                if let Some(slug) = slug {
                    if state(slug) == Load::Loading
                        && data::split().is_some()
                        && (!*pending || data::summary(slug).is_some())
                    {
                        start(slug.clone(), update);
                    }
                }
                // Leaving a failed article forgets the failure: opening it
                // again tries again.
                let slug = slug.clone();
                move || {
                    if let Some(slug) = slug {
                        forget_failure(&slug);
                    }
                }
            },
        );
    }
    let retry = {
        let slug = slug.clone();
        let attempt = attempt.clone();
        Callback::from(move |()| {
            if let Some(slug) = &slug {
                forget_failure(slug);
            }
            attempt.set(attempt.wrapping_add(1));
        })
    };
    (slug.as_deref().map(state), retry)
}

/// Reads the file of `slug` unless it is already being read, then re-renders.
fn start(slug: String, done: UseForceUpdateHandle) {
    let fresh = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let fresh = !p.contains(&slug);
        if fresh {
            p.push(slug.clone());
        }
        fresh
    });
    if !fresh {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = match bytes(&slug).await {
            Ok(Some(bytes)) => data::accept(&slug, &bytes)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            // A row of the library names it: the site has lost its file.
            Ok(None) if data::summary(&slug).is_some() => Err(NOT_FOUND.to_string()),
            Ok(None) => {
                ABSENT.with(|a| a.borrow_mut().push(slug.clone()));
                Ok(())
            }
            Err(e) => Err(e),
        };
        PENDING.with(|p| p.borrow_mut().retain(|s| *s != slug));
        if let Err(why) = result {
            FAILED.with(|f| f.borrow_mut().push((slug, why)));
        }
        done.force_update();
    });
}

/// The article `slug` with its analysis: at hand, or read from its file (a
/// split set). For the set's pages, which read many articles at once.
pub async fn read(slug: &str) -> Result<Entry, String> {
    if let Some(entry) = data::entry(slug) {
        return Ok(entry);
    }
    let missing = || format!("there is no article “{slug}” in this set");
    if data::split().is_none() {
        return Err(missing());
    }
    let bytes = bytes(slug).await?.ok_or_else(missing)?;
    data::accept(slug, &bytes).map_err(|e| e.to_string())
}

/// Is the set in `slug`'s file? `Some(true)`/`Some(false)` when the rows
/// at hand or the site say, `None` when its file could not be asked for.
pub async fn in_set(slug: &str) -> Option<bool> {
    if data::summary(slug).is_some() {
        return Some(true);
    }
    if data::split().is_none() || data::complete() || absent(slug) {
        return Some(false);
    }
    match bytes(slug).await {
        Ok(Some(_)) => Some(true),
        Ok(None) => {
            ABSENT.with(|a| a.borrow_mut().push(slug.to_string()));
            Some(false)
        }
        Err(_) => None,
    }
}

/// True in the single-file page (`dossier.html`), which holds the files of
/// its set inline.
pub fn single_file() -> bool {
    dom::document()
        .and_then(|d| {
            d.query_selector(&format!("script[type=\"{INLINE_TYPE}\"]"))
                .ok()
                .flatten()
        })
        .is_some()
}

/// The text of a file the single-file page holds inline, by element id.
pub fn inline_text(id: &str) -> Option<String> {
    dom::document()
        .and_then(|d| d.get_element_by_id(id))
        .filter(|el| {
            el.tag_name().eq_ignore_ascii_case("script")
                && el.get_attribute("type").as_deref() == Some(INLINE_TYPE)
        })
        .map(|el| el.text_content().unwrap_or_default())
}

/// The bytes of an article file: inlined in the page, or fetched; `None`
/// when the site has no such file (the set has no such article).
async fn bytes(slug: &str) -> Result<Option<Vec<u8>>, String> {
    if let Some(text) = inline_text(&inline_id(slug)) {
        return inline_bytes(&text).map(Some);
    }
    // The single-file page holds every article file of its set inline.
    if single_file() {
        return Ok(None);
    }
    let build = data::split().unwrap_or_default();
    fetch_file(&format::blob_url(slug, build), "the article").await
}

/// The id of the element that holds page `n` of the library's index in the
/// single-file page.
pub fn library_inline_id(n: usize) -> String {
    format!("dossier-library-{n}")
}

/// True while the next page of the library's index is being read.
pub fn reading_more() -> bool {
    MORE.with(std::cell::Cell::get)
}

/// Reads the next page of a split set's library index (inline in the
/// single-file page, or fetched) into the rows at hand; nothing when every
/// row is at hand or a page is being read.
pub async fn more() -> Result<(), String> {
    let (Some(n), Some(build)) = (data::next_page(), data::split()) else {
        return Ok(());
    };
    if MORE.with(|m| m.replace(true)) {
        return Ok(());
    }
    let what = "the library's list of articles";
    let bytes = match inline_text(&library_inline_id(n)) {
        Some(text) => inline_bytes(&text),
        None => fetch(&format::SetFolder::Library.url(n, build), what).await,
    };
    MORE.with(|m| m.set(false));
    data::accept_page(n, &bytes?).map_err(|e| e.about(what))
}

/// Decodes the base64 data a page holds inline (an article file, an added
/// article, corrections).
pub fn inline_bytes(base64: &str) -> Result<Vec<u8>, String> {
    let w = dom::window().ok_or("no window")?;
    let binary = w
        .atob(base64.trim())
        .map_err(|_| "the article inlined in the page is damaged".to_string())?;
    // `atob` gives one character per byte, each below 256.
    Ok(binary.chars().map(|c| c as u8).collect())
}

const NOT_FOUND: &str = "the server answered 404 Not Found for the article's file";

/// A file of the site; `what` names it in the messages ("the article").
pub async fn fetch(url: &str, what: &str) -> Result<Vec<u8>, String> {
    fetch_file(url, what)
        .await?
        .ok_or_else(|| format!("the server answered 404 Not Found for {what}'s file"))
}

/// The fetch of `url` the page's first script started while the page
/// loaded (`self.__dossierEarlyReads`, see `scripts/postbuild.mjs`), taken once.
fn early(w: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    let started = js_sys::Reflect::get(w, &JsValue::from_str("__dossierEarlyReads")).ok()?;
    if !started.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let fetch = js_sys::Reflect::get(&started, &key).ok()?;
    let fetch = fetch.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(started.unchecked_ref::<js_sys::Object>(), &key);
    Some(fetch)
}

/// A file of the site, `None` when the server says it has none (404).
async fn fetch_file(url: &str, what: &str) -> Result<Option<Vec<u8>>, String> {
    let offline =
        || format!("{what} could not be downloaded (offline, or the site is unreachable)");
    let w = dom::window().ok_or("no window")?;
    let response = JsFuture::from(early(&w, url).unwrap_or_else(|| w.fetch_with_str(url)))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!(
            "the server answered {} {} for {what}'s file",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response.array_buffer().map_err(|_| offline())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| format!("the download of {what} was interrupted"))?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}

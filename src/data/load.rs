//! Opening an article of a split set: its file is fetched from the page's own
//! origin (`articles/<slug>.bin`, relative to the page), decoded and kept by
//! [`crate::data`]. In the single-file page (`dossier.html`, which may be
//! opened from disk where nothing can be fetched) the files are inlined as
//! `<script type="application/x-dossier-article" id="dossier-article-SLUG">`
//! elements holding base64, and read from there instead.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
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
}

/// The state of the article `slug` right now.
pub fn state(slug: &str) -> Load {
    if let Some(entry) = data::entry(slug) {
        return Load::Ready(entry);
    }
    // Perhaps one of the reader's articles, not yet read from storage.
    if data::summary(slug).is_none() && data::yours_pending() {
        return Load::Loading;
    }
    if data::split().is_none() || data::summary(slug).is_none() {
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
        use_effect_with((slug.clone(), *attempt), move |(slug, _)| {
            if let Some(slug) = slug {
                if state(slug) == Load::Loading
                    && data::split().is_some()
                    && data::summary(slug).is_some()
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
        });
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
            Ok(bytes) => data::accept(&slug, &bytes)
                .map(|_| ())
                .map_err(|e| e.to_string()),
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
    if data::split().is_none() || data::summary(slug).is_none() {
        return Err(format!("there is no article “{slug}” in this set"));
    }
    let bytes = bytes(slug).await?;
    data::accept(slug, &bytes).map_err(|e| e.to_string())
}

/// The bytes of an article file: inlined in the page, or fetched.
async fn bytes(slug: &str) -> Result<Vec<u8>, String> {
    let inline = dom::document()
        .and_then(|d| d.get_element_by_id(&inline_id(slug)))
        .filter(|el| {
            el.tag_name().eq_ignore_ascii_case("script")
                && el.get_attribute("type").as_deref() == Some(INLINE_TYPE)
        });
    if let Some(el) = inline {
        return inline_bytes(&el.text_content().unwrap_or_default());
    }
    let build = data::split().unwrap_or_default();
    fetch(&format::blob_url(slug, build), "the article").await
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

/// A file of the site; `what` names it in the messages ("the article").
pub async fn fetch(url: &str, what: &str) -> Result<Vec<u8>, String> {
    let offline =
        || format!("{what} could not be downloaded (offline, or the site is unreachable)");
    let w = dom::window().ok_or("no window")?;
    let response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|_| offline())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline())?;
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
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

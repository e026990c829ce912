//! The articles a shared page holds: a copy of the single-file page that the
//! reader's articles module made (`yours/src/share.rs`), with each article
//! inlined as data (`<script type="application/x-dossier-added">` holding
//! base64 of the analysis as stored: never run, so the page keeps its
//! strict CSP). They are listed beside the set's for the visit; nothing needs
//! analysing again, so the page works from disk too. The reader can keep
//! them on their device (`yours/src/manage.rs`).

use dossier_core::added::{Imported, Reply, SHARED_TYPE};
use wasm_bindgen::JsCast;

use crate::data;
use crate::dom;

/// The attribute a shared article's element gets: the slug it is listed
/// under for this visit (until the reader keeps it on their device).
pub const LISTED: &str = "data-listed";

/// The articles a shared page holds, added to the library for this visit;
/// how many could not be read.
pub fn read_shared() -> (usize, usize) {
    let Some(list) = dom::document().and_then(|d| {
        d.query_selector_all(&format!("script[type=\"{SHARED_TYPE}\"]"))
            .ok()
    }) else {
        return (0, 0);
    };
    let (mut added, mut bad) = (0, 0);
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let get = |k: &str| el.get_attribute(k).unwrap_or_default();
        match article_of(&el) {
            Ok(mut item) => {
                item.article.slug = data::free_slug(&get("data-slug"));
                // The reader's articles module offers to keep it, by this slug.
                let _ = el.set_attribute(LISTED, &item.article.slug);
                data::add_yours(item.article, item.analysis, get("data-name"));
                added += 1;
            }
            Err(_) => bad += 1,
        }
    }
    (added, bad)
}

/// The article an element of a shared page holds, with the title the sender
/// gave it.
fn article_of(el: &web_sys::Element) -> Result<Imported, String> {
    let bytes = crate::data::load::inline_bytes(&el.text_content().unwrap_or_default())?;
    let mut item = Reply::article(&bytes)?;
    if let Some(title) = el.get_attribute("data-title").filter(|t| !t.is_empty()) {
        item.article.meta.title = title;
    }
    Ok(item)
}

/// Whether a shared page lists articles of its own ([`listed`], without
/// reading them).
pub fn any_listed() -> bool {
    let selector = format!("script[type=\"{SHARED_TYPE}\"][{LISTED}]");
    dom::document()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .is_some()
}

/// The articles of a shared page that are still listed on their own (not
/// kept on the device): the slug each is listed under, and the article.
/// Read by the reader's articles module (to keep them) and the set's pages.
pub fn listed() -> Vec<(String, Imported)> {
    let selector = format!("script[type=\"{SHARED_TYPE}\"][{LISTED}]");
    let Some(list) = dom::document().and_then(|d| d.query_selector_all(&selector).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| Some((el.get_attribute(LISTED)?, article_of(&el).ok()?)))
        .collect()
}

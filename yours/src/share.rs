//! One self-contained page holding some of the reader's articles, to send to
//! someone without dossier: a copy of the single-file page (`dossier.html`,
//! next to this one) with each article inlined as data, as its analysis is
//! stored (`<script type="application/x-dossier-added">` holding base64:
//! never run, so the copy keeps its strict CSP). Opened, that page lists them
//! beside its own set (the app reads them at start: `src/added/share.rs`).
//! The reader's corrections to the set's linking go with them (read by the
//! set's pages when the receiver has none of their own). The receiver can
//! keep them on their device ([`received`]).

use dossier::added::share::LISTED;
use dossier::dom;
use dossier_core::added::{Saved, Source, SHARED_FILE, SHARED_TYPE};
use dossier_core::export::markdown;
use dossier_core::set::correct::CORRECTIONS_TYPE;

use crate::adding::kept;

/// The single-file page, relative to this one.
const SINGLE: &str = "dossier.html";

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn base64(bytes: &[u8]) -> Result<String, String> {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    dom::window()
        .and_then(|w| w.btoa(&binary).ok())
        .ok_or_else(|| "an article could not be encoded".to_string())
}

/// Writes the page holding the articles `only` (all of the reader's when
/// empty) and offers it for saving; `single`: named after its one article.
pub async fn export_page(only: &[String], single: bool) -> Result<(), String> {
    let page = dossier::data::load::fetch(SINGLE, "the single-file page")
        .await
        .map_err(|_| {
            "the single-file page (dossier.html) is not beside this page, so it cannot be copied; \
         use “Back up all” instead"
                .to_string()
        })?;
    let page = String::from_utf8(page).map_err(|_| "dossier.html is damaged".to_string())?;
    let list: Vec<_> = kept()
        .into_iter()
        .filter(|k| only.is_empty() || only.contains(&k.record.slug))
        .collect();
    if list.is_empty() {
        return Err("there are no articles of yours to put in a page".into());
    }
    let mut inline = String::new();
    for k in &list {
        let r = &k.record;
        inline.push_str(&format!(
            "<script type=\"{SHARED_TYPE}\" data-slug=\"{}\" data-name=\"{}\" data-title=\"{}\">{}</script>\n",
            attr(&r.slug),
            attr(&r.name),
            attr(&k.title),
            base64(&r.item.to_vec())?
        ));
    }
    let corrections = dom::storage_get(dossier::pages::CORRECTIONS_KEY).unwrap_or_default();
    if !corrections.trim().is_empty() {
        inline.push_str(&format!(
            "<script type=\"{CORRECTIONS_TYPE}\">{}</script>\n",
            base64(corrections.as_bytes())?
        ));
    }
    let at = page
        .rfind("</body>")
        .ok_or_else(|| "dossier.html is damaged (no </body>)".to_string())?;
    let out = format!("{}{inline}{}", &page[..at], &page[at..]);
    let name = match list.as_slice() {
        [one] if single => format!("{}.html", one.record.slug),
        _ => SHARED_FILE.to_string(),
    };
    dom::download(&name, "text/html", &out)
}

/// An article of a page the reader was sent, listed for this visit only
/// (the app marks each with the slug it lists it under:
/// `dossier::added::share::LISTED`).
pub struct Received {
    /// The slug it is listed under.
    pub listed: String,
    pub title: String,
    /// As an article to keep: its text as Markdown with front matter, the
    /// original a kept article is analysed again from.
    pub saved: Saved,
}

/// The articles of the page the reader was sent that are not kept yet.
pub fn received() -> Vec<Received> {
    dossier::added::share::listed()
        .into_iter()
        .map(|(listed, item)| Received {
            title: item.article.meta.title.clone(),
            saved: Saved {
                name: format!("{listed}.md"),
                source: Source::File,
                title: None,
                added: js_sys::Date::now(),
                original: markdown(&item.article).into_bytes(),
            },
            listed,
        })
        .collect()
}

/// The received article listed as `listed` is no longer listed on its own
/// (it is kept, or was already).
pub fn unlist(listed: &str) {
    let selector = format!("script[{LISTED}=\"{}\"]", dom::attr_value(listed));
    if let Some(el) = dom::query(&selector) {
        let _ = el.remove_attribute(LISTED);
    }
    crate::bridge::remove(listed);
}

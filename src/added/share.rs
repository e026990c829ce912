//! One self-contained page holding the reader's articles, to send to someone
//! without dossier: a copy of the single-file page (`dossier.html`, next to
//! this one) with each article inlined as data, as its analysis is stored
//! (`<script type="application/x-dossier-added">` holding base64: never
//! run, so the copy keeps its strict CSP). Opened, that page lists them
//! beside its own set (for the visit; nothing needs analysing again, so it
//! works from disk too).

use dossier_core::added::{Reply, SHARED_FILE};
use wasm_bindgen::JsCast;

use super::store::{key_from, key_text};
use super::RECORDS;
use crate::data;
use crate::dom;

/// The type of the elements that hold an article in a shared page.
pub const SHARED_TYPE: &str = "application/x-dossier-added";

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

/// Writes the page holding the article `only` (or all of the reader's) and
/// offers it for saving.
pub async fn export_page(only: Option<String>) -> Result<(), String> {
    let page = crate::data::load::fetch(SINGLE).await.map_err(|_| {
        "the single-file page (dossier.html) is not beside this page, so it cannot be copied; \
         use “Back up all” instead"
            .to_string()
    })?;
    let page = String::from_utf8(page).map_err(|_| "dossier.html is damaged".to_string())?;
    let records: Vec<_> = RECORDS.with(|r| {
        r.borrow()
            .iter()
            .filter(|rec| only.as_ref().is_none_or(|slug| rec.slug == *slug))
            .cloned()
            .collect()
    });
    if records.is_empty() {
        return Err("there are no articles of yours to put in a page".into());
    }
    let mut inline = String::new();
    for r in &records {
        let title = data::summary(&r.slug)
            .map(|s| s.meta.title.clone())
            .unwrap_or_default();
        inline.push_str(&format!(
            "<script type=\"{SHARED_TYPE}\" data-slug=\"{}\" data-name=\"{}\" data-title=\"{}\" data-key=\"{}\">{}</script>\n",
            attr(&r.slug),
            attr(&r.name),
            attr(&title),
            key_text(r.key),
            base64(&r.item.to_vec())?
        ));
    }
    let at = page
        .rfind("</body>")
        .ok_or_else(|| "dossier.html is damaged (no </body>)".to_string())?;
    let out = format!("{}{inline}{}", &page[..at], &page[at..]);
    let name = match &only {
        Some(slug) => format!("{slug}.html"),
        None => SHARED_FILE.to_string(),
    };
    dom::download(&name, "text/html", &out)
}

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
        let item = crate::data::load::inline_bytes(&el.text_content().unwrap_or_default())
            .and_then(|b| Reply::article(&b));
        match (item, key_from(&get("data-key"))) {
            (Ok(mut item), Some(key)) => {
                item.article.slug = data::free_slug(&get("data-slug"));
                let title = get("data-title");
                if !title.is_empty() {
                    item.article.meta.title = title;
                }
                data::add_yours(
                    item.article,
                    item.analysis,
                    get("data-name"),
                    key,
                    item.json,
                );
                added += 1;
            }
            _ => bad += 1,
        }
    }
    (added, bad)
}

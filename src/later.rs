//! The chunks of a long prerendered article that the app adopts after it is
//! live. Hydration walks every node of the page and writes every text node
//! and attribute again; on a long article that is most of the app's start.
//! Before it starts, the chunks of the body far from the view
//! (`view::reading::away_from_view`; they are not laid out or painted there,
//! `content-visibility`) are emptied, so the app adopts an empty chunk and
//! renders its text afresh, a few chunks per frame, once it is live
//! (`components::body`). An emptied chunk keeps its size while it is away.
//! The chunks the build wrote as plain text, far down a long article
//! (`data-plain`, `view::reading::marked_chunks`), are always set aside:
//! their marks come with the app. A long library is trimmed the same way:
//! the rows past the first are removed and listed again in steps.

use std::cell::RefCell;

use dossier_core::view::reading::{away_from_view, rows_shown};
use wasm_bindgen::JsCast;

use crate::dom;

thread_local! {
    static LATER: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Empties the chunks of the prerendered body under `root` that lie away
/// from the view, and keeps their indices for [`take`]; removes the
/// library's rows past the first.
pub fn set_aside(root: &web_sys::Element) {
    trim_library(root);
    let Ok(list) = root.query_selector_all("article.body .blocks > .chunk") else {
        return;
    };
    let Some(height) = dom::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
    else {
        return;
    };
    let chunks: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    let boxes: Vec<(f64, f64)> = chunks
        .iter()
        .map(|c| {
            let r = c.get_bounding_client_rect();
            (r.top(), r.bottom())
        })
        .collect();
    let mut later = away_from_view(&boxes, height);
    later.extend(
        chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.has_attribute("data-plain"))
            .map(|(k, _)| k),
    );
    later.sort_unstable();
    later.dedup();
    guess_sizes(&chunks, &boxes);
    for &k in &later {
        if let Some(c) = chunks.get(k) {
            c.set_text_content(None);
            let _ = c.remove_attribute("data-plain");
        }
    }
    LATER.with(|l| *l.borrow_mut() = later);
}

/// The stylesheet counts a chunk not yet laid out as 3000 px tall
/// (`contain-intrinsic-size`). Here each gets its own guess instead: the
/// first chunk's height per character (it is laid out), times the chunk's
/// characters; the browser keeps the real size once it has laid one out.
/// With the one guess for all, scrolling up after a jump far down laid out
/// chunks much shorter than counted, and the text moved under the reader.
fn guess_sizes(chunks: &[web_sys::Element], boxes: &[(f64, f64)]) {
    let chars = |c: &web_sys::Element| {
        js_sys::Reflect::get(c, &"textContent".into())
            .ok()
            .and_then(|t| t.dyn_into::<js_sys::JsString>().ok())
            .map_or(0, |t| t.length())
    };
    let (Some(first), Some(&(top, bottom))) = (chunks.first(), boxes.first()) else {
        return;
    };
    let n = chars(first);
    if n < 500 || bottom <= top {
        return;
    }
    let per_char = (bottom - top) / f64::from(n);
    for c in &chunks[1..] {
        // whole pixels: no float formatting in the WebAssembly
        let h = (f64::from(chars(c)) * per_char).round().max(40.0) as u32;
        if let Some(e) = c.dyn_ref::<web_sys::HtmlElement>() {
            let _ = e
                .style()
                .set_property("contain-intrinsic-size", &format!("auto {h}px"));
        }
    }
}

/// The library's rows past those the app lists first
/// (`view::reading::rows_shown`, see `components::library`) are removed,
/// each with the markers the build's render wrote around it, before the app
/// adopts the page; it lists them again in steps once live.
fn trim_library(root: &web_sys::Element) {
    let Ok(Some(list)) = root.query_selector("main.library ol.library-list") else {
        return;
    };
    let rows = list.children();
    let first = rows_shown(0, rows.length() as usize, None);
    let Some(row) = u32::try_from(first).ok().and_then(|k| rows.item(k)) else {
        return;
    };
    // From the marker before the first row dropped to the end of the list.
    let mut at: Option<web_sys::Node> = match row.previous_sibling() {
        Some(n) if n.node_type() == web_sys::Node::COMMENT_NODE => Some(n),
        _ => Some(row.into()),
    };
    while let Some(node) = at {
        at = node.next_sibling();
        let _ = list.remove_child(&node);
    }
}

/// True in the build's render (native), false in the page: what the build
/// writes whole (far chunks as plain text, every library row) the page
/// adopts in part and completes in steps.
pub const BUILD_RENDER: bool = !cfg!(target_arch = "wasm32");

/// The chunks set aside, once: the body that hydrates takes them.
pub fn take() -> Vec<usize> {
    LATER.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

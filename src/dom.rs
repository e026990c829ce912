//! Small helpers around the browser: storage, the URL hash, scrolling and
//! focus. Every call tolerates a missing window or element.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

pub const HIDDEN_KEY: &str = "dossier.hidden-types";

/// The browser window; `None` outside a browser (the build-time render).
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// A named point on the page's performance timeline (read by the benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The mention a reader clicked while the app was starting, recorded by the
/// page's loader as `window.__dossierEarly = [slug, entity id, ordinal]`:
/// taken once (the record is cleared).
pub fn take_early_click() -> Option<(String, String, usize)> {
    let w = window()?;
    let key = wasm_bindgen::JsValue::from_str("__dossierEarly");
    let v = js_sys::Reflect::get(&w, &key).ok()?;
    if v.is_undefined() || v.is_null() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&w, &key);
    let a = v.dyn_into::<js_sys::Array>().ok()?;
    let slug = a.get(0).as_string()?;
    let id = a.get(1).as_string()?;
    let ordinal = a.get(2).as_string()?.parse().ok()?;
    Some((slug, id, ordinal))
}

/// Marks the page as live: `<html data-app="ready">`.
pub fn set_ready() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-app", "ready");
    }
}

pub fn storage_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(Ok(Some(s))) = window().map(|w| w.local_storage()) {
        // Storage may be full or disabled; the setting then lasts the visit.
        let _ = s.set_item(key, value);
    }
}

pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes the hash, with `held` (an event index) as the history entry's
/// state: a new history entry when `push`, else in place.
pub fn set_location(hash: &str, held: Option<usize>, push: bool) {
    let Some(Ok(h)) = window().map(|w| w.history()) else {
        return;
    };
    let state = held.map_or(wasm_bindgen::JsValue::NULL, |i| {
        wasm_bindgen::JsValue::from_f64(i as f64)
    });
    let _ = if push {
        h.push_state_with_url(&state, "", Some(hash))
    } else {
        h.replace_state_with_url(&state, "", Some(hash))
    };
}

/// The event index the current history entry holds (see [`set_location`]);
/// `None` for anything else there.
pub fn history_held() -> Option<usize> {
    let state = window()?.history().ok()?.state().ok()?;
    let n = state.as_f64()?;
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < u32::MAX as f64).then_some(n as usize)
}

/// Runs `f` once after `ms` milliseconds.
pub fn later(ms: i32, f: impl FnOnce() + 'static) {
    let cb = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
    }
}

/// Runs `f` once the next frame has been painted (a task queued from a
/// `requestAnimationFrame` callback): work the reader does not see is kept
/// out of the frame that answers an input.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || later(0, f));
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

thread_local! {
    /// The reader's inputs counted so far; `None` until first asked.
    static INPUTS: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// How many times the reader has scrolled with a wheel, touched, pressed a
/// pointer or a key since this was first asked (passive listeners on the
/// window, added then). A change tells a watch started by the app that the
/// reader has taken over.
pub fn inputs() -> u32 {
    if let Some(n) = INPUTS.with(|c| c.get()) {
        return n;
    }
    INPUTS.with(|c| c.set(Some(0)));
    if let Some(w) = window() {
        let options = gloo_events::EventListenerOptions {
            phase: gloo_events::EventListenerPhase::Capture,
            passive: true,
        };
        for kind in ["wheel", "touchstart", "pointerdown", "keydown"] {
            gloo_events::EventListener::new_with_options(&w, kind, options, |_| {
                INPUTS.with(|c| c.set(Some(c.get().unwrap_or(0).wrapping_add(1))));
            })
            .forget();
        }
    }
    0
}

pub fn reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

pub fn query(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok()?
}

/// The first element matching `selector` inside the element `node` holds.
pub fn query_in(node: &yew::NodeRef, selector: &str) -> Option<Element> {
    node.cast::<Element>()?.query_selector(selector).ok()?
}

/// The narrowest viewport, in CSS pixels, of the wide layout: the panels
/// beside the text, each scrolling on its own. `assets/app.css` uses the
/// same width in its two layout media queries.
pub const WIDE_MIN_PX: u32 = 1180;

/// Whether the viewport has the wide layout; `None` outside a browser.
fn wide_layout() -> Option<bool> {
    let query = format!("(min-width: {WIDE_MIN_PX}px)");
    let m = window()?.match_media(&query).ok()??;
    Some(m.matches())
}

/// True in the wide layout, where the panels scroll on their own.
pub fn wide() -> bool {
    wide_layout() == Some(true)
}

/// True below the wide layout, where the timeline is a strip at the bottom.
pub fn narrow() -> bool {
    wide_layout() == Some(false)
}

/// Scrolls an element into view (smoothly unless the reader prefers reduced
/// motion); `center` puts it mid-screen (on narrow screens near the top, via
/// its `scroll-margin-top`, clear of the timeline strip), else only as far as
/// needed.
pub fn scroll_to(el: &Element, center: bool) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_behavior(if reduced_motion() {
        ScrollBehavior::Auto
    } else {
        ScrollBehavior::Smooth
    });
    opts.set_block(if center && narrow() {
        ScrollLogicalPosition::Start
    } else if center {
        ScrollLogicalPosition::Center
    } else {
        ScrollLogicalPosition::Nearest
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

pub fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// True when keyboard input goes to a text field.
pub fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.get_attribute("contenteditable").is_some()
        })
}

/// A CSS attribute selector value: ids are URL-safe, but quote anyway.
pub fn attr_value(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

/// Offers `text` as a file to save (`name`, of type `mime`): a Blob URL
/// clicked through a temporary `a[download]`, released right after.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("{name} could not be offered for saving");
    let doc = document().ok_or_else(|| fail(JsValue::NULL))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| fail(JsValue::NULL))?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    later(1000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Loads a module of the page that is not part of the first view: by
/// calling `inline_start()` when the single-file page defines it (its code
/// is inline), or with a `<script type=module src=loader>`. `failed` runs
/// when it cannot be loaded.
pub fn load_module(loader: &str, inline_start: &str, failed: impl Fn() + 'static) {
    use wasm_bindgen::JsCast;
    let Some(w) = window() else {
        return failed();
    };
    let inline = js_sys::Reflect::get(&w, &JsValue::from_str(inline_start))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(start) = inline {
        if start.call0(&JsValue::NULL).is_err() {
            failed();
        }
        return;
    }
    let script = document()
        .and_then(|d| d.create_element("script").ok())
        .and_then(|s| s.dyn_into::<web_sys::HtmlScriptElement>().ok());
    let (Some(script), Some(head)) = (script, document().and_then(|d| d.head())) else {
        return failed();
    };
    script.set_type("module");
    script.set_src(loader);
    gloo_events::EventListener::once(&script, "error", move |_| failed()).forget();
    let _ = head.append_child(&script);
}

/// A new element `<div id=ID>` at the end of the body: the root of a module's
/// own Yew renderer, beside the app's (two Yew roots must not nest).
pub fn module_root(id: &str) -> Option<Element> {
    let doc = document()?;
    let (body, root) = (doc.body()?, doc.create_element("div").ok()?);
    root.set_id(id);
    body.append_child(&root).ok()?;
    Some(root)
}

//! The set's pages (entity pages `#/e/<key>`, the set timeline `#/timeline`,
//! search `#/search?q=`) are a module of their own (`pages/`), loaded the
//! first time one is opened: a visit that only reads does not carry them.
//! The module renders into its own root beside the app's and follows the
//! URL itself; the app shows nothing of its own on those routes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_core::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom;

/// Defined by the single-file page, which holds the module inline.
const INLINE_START: &str = "dossierPagesStart";
/// trunk's loader of the module.
const LOADER: &str = "./pages_loader.js";

thread_local! {
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// Where the reader's corrections to the set's linking are kept (local
/// storage; the text form of `dossier_core::set::correct`).
pub const CORRECTIONS_KEY: &str = "dossier.corrections";

/// The event that tells the pages module the corrections changed (a backup
/// brought some).
pub const CORRECTIONS_EVENT: &str = "dossier-corrections";

/// The event by which the app tells the module where it is: a
/// `CustomEvent` on the window whose `detail` is the route's hash.
pub const ROUTE_EVENT: &str = "dossier-page";

/// Tells the module (if it is loaded) where the app is.
pub fn tell(route: &dossier_core::view::Route) {
    let Some(w) = dom::window() else { return };
    let init = web_sys::CustomEventInit::new();
    let hash = route.to_hash();
    init.set_detail(&wasm_bindgen::JsValue::from_str(&hash));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(ROUTE_EVENT, &init) {
        let _ = w.dispatch_event(&ev);
    }
}

/// Loads the module, once; `failed` runs when it cannot be loaded. (An
/// address naming a page of the set has started it already, beside the
/// app: `dossierPagesStart` is then defined, and returns that start.)
pub fn open(failed: impl Fn() + 'static) {
    if LOADING.with(|l| l.replace(true)) {
        return;
    }
    dom::load_module(LOADER, INLINE_START, move || {
        LOADING.with(|l| l.set(false));
        failed();
    });
}

/// The function the module calls with an article's analysis as the reader
/// corrected it: `(slug, bytes)`, the bytes postcard of `(Analysis, keys)`;
/// without arguments, every corrected analysis is forgotten.
pub const CORRECTED_HOOK: &str = "dossierCorrected";

/// Analyses as the reader corrected them, by slug.
type Corrected = Vec<(String, Rc<Analysis>, Rc<[String]>)>;

thread_local! {
    static CORRECTED: RefCell<Corrected> = const { RefCell::new(Vec::new()) };
}

/// The analysis of `slug` as the reader corrected it, and its entities'
/// keys, if the module has sent it.
pub fn corrected(slug: &str) -> Option<(Rc<Analysis>, Rc<[String]>)> {
    CORRECTED.with(|c| {
        c.borrow()
            .iter()
            .find(|(s, ..)| s == slug)
            .map(|(_, a, k)| (Rc::clone(a), Rc::clone(k)))
    })
}

/// Takes the corrected analyses from the module (`changed` re-renders), and
/// loads it when the reader has corrections: a reader without any does not
/// download it.
pub fn start(changed: impl Fn() + 'static) {
    let Some(w) = dom::window() else { return };
    let hook = Closure::<dyn Fn(JsValue, JsValue)>::new(move |slug: JsValue, bytes: JsValue| {
        let item = slug.as_string().zip(
            bytes
                .dyn_into::<js_sys::Uint8Array>()
                .ok()
                .and_then(|b| postcard::from_bytes::<(Analysis, Vec<String>)>(&b.to_vec()).ok()),
        );
        CORRECTED.with(|c| {
            let mut c = c.borrow_mut();
            match item {
                Some((slug, (analysis, keys))) => {
                    c.retain(|(s, ..)| *s != slug);
                    c.push((slug, Rc::new(analysis), keys.into()));
                }
                None => c.clear(),
            }
        });
        changed();
    });
    let _ = js_sys::Reflect::set(&w, &JsValue::from_str(CORRECTED_HOOK), hook.as_ref());
    // The module calls it for the page's life.
    hook.forget();
    if dom::storage_get(CORRECTIONS_KEY).is_some_and(|t| !t.trim().is_empty()) {
        open(|| {});
    }
}

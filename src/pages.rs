//! The set's pages (entity pages `#/e/<key>`, the set timeline `#/timeline`,
//! search `#/search?q=`) are a module of their own (`pages/`), loaded the
//! first time one is opened: a visit that only reads does not carry them.
//! The module renders into its own root beside the app's and follows the
//! URL itself; the app shows nothing of its own on those routes.

use std::cell::Cell;

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

/// The event by which the app tells the module the page it is on: a
/// `CustomEvent` on the window whose `detail` is the route's hash, or `""`
/// when the app shows a route of its own.
pub const ROUTE_EVENT: &str = "dossier-page";

/// Tells the module (if it is loaded) which page the app is on.
pub fn tell(page: Option<&dossier_core::view::Route>) {
    let Some(w) = dom::window() else { return };
    let init = web_sys::CustomEventInit::new();
    let hash = page.map(|r| r.to_hash()).unwrap_or_default();
    init.set_detail(&wasm_bindgen::JsValue::from_str(&hash));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(ROUTE_EVENT, &init) {
        let _ = w.dispatch_event(&ev);
    }
}

/// Loads the module, once; `failed` runs when it cannot be loaded.
pub fn open(failed: impl Fn() + 'static) {
    if LOADING.with(|l| l.replace(true)) {
        return;
    }
    dom::load_module(LOADER, INLINE_START, move || {
        LOADING.with(|l| l.set(false));
        failed();
    });
}

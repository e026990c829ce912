//! The reader's corrections in the reading view: the app shows each
//! article's own analysis, and this module sends it the analysis of the
//! article it shows as corrected (`dossier_core::set::correct::Overrides`),
//! through `dossier::pages::CORRECTED_HOOK`. The app loads this module at
//! start when the reader has corrections. A split needs the whole set: the
//! article's keys then come from the set's corrected linking.

use dossier_core::set::correct::{self, Correction, Overrides};
use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// How many sends have started.
    static SENDS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn hook() -> Option<Function> {
    let w = dossier::dom::window()?;
    Reflect::get(&w, &JsValue::from_str(dossier::pages::CORRECTED_HOOK))
        .ok()?
        .dyn_into()
        .ok()
}

/// The app's hook, waiting for it while the app starts (a page of the set
/// starts the app after its first screen: this module may be first), for
/// at most about five seconds.
async fn hook_when_ready() -> Option<Function> {
    for _ in 0..100 {
        if let Some(hook) = hook() {
            return Some(hook);
        }
        let tick = js_sys::Promise::new(&mut |go, _| {
            if let Some(w) = dossier::dom::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&go, 50);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    None
}

/// Tells the app the corrected analysis of `slug` (the article it shows, if
/// any), after forgetting those it was told before (the corrections may have
/// changed since).
pub async fn send(slug: Option<&str>, list: &Result<Vec<Correction>, String>) {
    // Only the latest of the sends waiting for the app's hook goes on.
    let me = SENDS.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let Some(hook) = hook_when_ready().await else {
        return;
    };
    if SENDS.with(|n| n.get()) != me {
        return;
    }
    let _ = hook.call0(&JsValue::NULL);
    let (Some(slug), Ok(list)) = (slug, list) else {
        return;
    };
    let overrides = Overrides::of(list);
    let splits = list.iter().any(|c| matches!(c, Correction::Split { .. }));
    if overrides.is_empty() && !splits {
        return;
    }
    let Ok(entry) = dossier::data::load::read(slug).await else {
        return;
    };
    if entry.keys.is_empty() {
        return;
    }
    // A split moves entities between set-level entities: the article's keys
    // then come from the corrected linking of the whole set.
    let mut keys: Vec<String> = entry.keys.to_vec();
    if splits {
        if let Ok(base) = crate::load::read(|_, _| {}).await {
            if let Some(a) = base.slugs.iter().position(|s| s == slug) {
                keys = correct::apply(&base.articles, &base.linking, list).article_keys(a);
            }
        }
    }
    let (analysis, keys) = overrides.apply(&entry.analysis, &keys);
    if let Ok(bytes) = postcard::to_allocvec(&(analysis, keys)) {
        let bytes = Uint8Array::from(bytes.as_slice());
        let _ = hook.call2(&JsValue::NULL, &JsValue::from_str(slug), &bytes);
    }
}

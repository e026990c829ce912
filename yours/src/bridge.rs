//! The link with the app (`src/added/mod.rs` there): the app sets
//! `window.dossierApp(op, a, b, c, d)` before loading this module; the
//! module answers with `dossierApp("ready", api)`, `api(op, a)` taking the
//! app's requests ("add" with the items, "manage" with a slug or nothing).
//! Finished articles go to the app encoded, as the importer made them.

use dossier_core::view::Route;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn app() -> Option<Function> {
    let w = dossier::dom::window()?;
    Reflect::get(&w, &JsValue::from_str(dossier::added::APP_HOOK))
        .ok()?
        .dyn_into()
        .ok()
}

fn call(op: &str, args: [&JsValue; 4]) -> JsValue {
    let Some(f) = app() else {
        return JsValue::UNDEFINED;
    };
    let all = Array::of5(&JsValue::from_str(op), args[0], args[1], args[2], args[3]);
    f.apply(&JsValue::NULL, &all).unwrap_or(JsValue::UNDEFINED)
}

const NONE: JsValue = JsValue::UNDEFINED;

/// Lists the article `item` (an encoded `Reply::Article`) as the reader's,
/// under `slug` and `title` (the reader's, if they renamed it). The title it
/// shows, or `None` when the app could not read the article.
pub fn put(
    slug: &str,
    name: &str,
    title: Option<&str>,
    item: &js_sys::Uint8Array,
) -> Option<String> {
    let title = title.map(JsValue::from_str).unwrap_or(JsValue::NULL);
    call(
        "put",
        [
            &JsValue::from_str(slug),
            &JsValue::from_str(name),
            &title,
            item,
        ],
    )
    .as_string()
}

pub fn remove(slug: &str) {
    call("remove", [&JsValue::from_str(slug), &NONE, &NONE, &NONE]);
}

pub fn rename(slug: &str, title: &str) {
    call(
        "rename",
        [
            &JsValue::from_str(slug),
            &JsValue::from_str(title),
            &NONE,
            &NONE,
        ],
    );
}

/// The stored articles are all listed (an article a URL names is then
/// missing, not loading).
pub fn loaded() {
    call("loaded", [&NONE, &NONE, &NONE, &NONE]);
}

/// Whether the set has an article `slug`: the rows of its index at hand do
/// not say for a large set, the site does. False when it cannot be asked.
pub async fn in_set(slug: &str) -> bool {
    let answer = call("in_set", [&JsValue::from_str(slug), &NONE, &NONE, &NONE]);
    let Ok(promise) = answer.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Every slug the library has at hand: the set's (of a large set, those of
/// its index read so far; see [`in_set`]) and the reader's.
pub fn taken() -> Vec<String> {
    Array::from(&call("taken", [&NONE, &NONE, &NONE, &NONE]))
        .iter()
        .filter_map(|s| s.as_string())
        .collect()
}

/// Goes to `route` by the reader's doing (a new history entry).
pub fn go(route: &Route) {
    call(
        "go",
        [&JsValue::from_str(&route.to_hash()), &NONE, &NONE, &NONE],
    );
}

/// Tells the app the module listens: `api(op, a)` takes its requests.
pub fn ready(api: &Closure<dyn Fn(JsValue, JsValue)>) {
    call("ready", [api.as_ref(), &NONE, &NONE, &NONE]);
}

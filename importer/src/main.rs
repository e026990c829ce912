//! The importer, a Web Worker: the page posts it one item at a time,
//! `[id, source, name, bytes]` (see `dossier_core::added::Source`), and it
//! answers `[id, true, encoded]` with the article and its analysis, or the
//! articles of a backup file (`dossier_core::added::Reply`), or
//! `[id, false, message]`. It posts
//! `"ready"` once it listens, so the page sends nothing before.
//!
//! It is loaded only when a reader first adds an article: the extractor,
//! the charset tables and the analysis engine are not part of the first
//! view.

#[cfg(target_arch = "wasm32")]
fn main() {
    use dossier_core::added::{import_reply, Source};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let msg = js_sys::Array::from(&e.data());
        let id = msg.get(0);
        let source = msg
            .get(1)
            .as_f64()
            .and_then(|c| Source::from_code(c as u32));
        let name = msg.get(2).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&msg.get(3)).to_vec();
        let result = match source {
            Some(source) => import_reply(source, &name, &bytes).and_then(|reply| reply.encode()),
            None => Err(format!("{name}: unknown kind of input")),
        };
        let out = js_sys::Array::new();
        out.push(&id);
        match result {
            Ok(encoded) => {
                out.push(&JsValue::TRUE);
                out.push(&js_sys::Uint8Array::from(encoded.as_slice()));
            }
            Err(message) => {
                out.push(&JsValue::FALSE);
                out.push(&JsValue::from_str(&message));
            }
        }
        // The page may be gone; nothing to tell then.
        let _ = reply.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Natively there is nothing to run: the importer's work is
/// `dossier_core::added::import_reply`, tested in the core crate.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the importer runs as a Web Worker in the page; natively, use `analyze`");
}

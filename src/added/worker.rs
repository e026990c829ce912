//! The page's side of the importer (`importer/`, a Web Worker built by
//! trunk): started when the reader first adds an article, sent one item at a
//! time, answered with the encoded article and analysis or an error message.

use std::cell::RefCell;
use std::collections::HashMap;

use dossier_core::added::Source;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The worker's loader, next to the page (trunk's loader shim).
const URL: &str = "./importer_loader.js";

struct Client {
    worker: Worker,
    ready: bool,
    /// Messages posted before the worker listens.
    queue: Vec<js_sys::Array>,
    /// Items sent and not answered: id to (resolve, reject).
    pending: HashMap<u32, (js_sys::Function, js_sys::Function)>,
    next: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// The importer could not be started (a page opened from disk cannot start
/// a worker).
const NO_START: &str = "the importer could not be loaded: adding articles needs the page served over http(s), not opened from disk";
/// The importer broke down while reading.
const STOPPED: &str =
    "the analysis stopped on this item (an internal error); the rest of the batch goes on";

fn start() -> Result<Client, String> {
    let worker = Worker::new(URL).map_err(|_| NO_START.to_string())?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let data = e.data();
        if data.as_string().as_deref() == Some("ready") {
            let queue = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let Some(c) = c.as_mut() else {
                    return Vec::new();
                };
                c.ready = true;
                std::mem::take(&mut c.queue)
                    .into_iter()
                    .map(|m| (c.worker.clone(), m))
                    .collect::<Vec<_>>()
            });
            for (worker, msg) in queue {
                let _ = worker.post_message(&msg);
            }
            return;
        }
        let msg = js_sys::Array::from(&data);
        let id = msg.get(0).as_f64().unwrap_or(-1.0) as u32;
        let Some((resolve, reject)) =
            CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|c| c.pending.remove(&id)))
        else {
            return;
        };
        if msg.get(1).is_truthy() {
            let _ = resolve.call1(&JsValue::NULL, &msg.get(2));
        } else {
            let _ = reject.call1(&JsValue::NULL, &msg.get(2));
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_e: web_sys::Event| {
        // The worker is unusable: every waiting item fails, and the next one
        // starts a new worker.
        let ready = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| c.ready));
        stop_with(if ready { STOPPED } else { NO_START });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Stops the worker; every item it was reading fails with `why`.
pub fn stop_with(why: &str) {
    let old = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(old) = old {
        old.worker.terminate();
        for (_, (_, reject)) in old.pending {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(why));
        }
    }
}

/// Reads and analyses one item in the worker: the encoded
/// `dossier_core::added::Imported`, or why not.
pub async fn analyse(
    source: Source,
    name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<Vec<u8>, String> {
    let mut failed_start = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let started = CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                *c = Some(start()?);
            }
            let Some(client) = c.as_mut() else {
                return Err(STOPPED.to_string());
            };
            let id = client.next;
            client.next = client.next.wrapping_add(1);
            client.pending.insert(id, (resolve.clone(), reject.clone()));
            let msg = js_sys::Array::new();
            msg.push(&JsValue::from(id));
            msg.push(&JsValue::from(source.code()));
            msg.push(&JsValue::from_str(name));
            msg.push(bytes);
            if client.ready {
                client
                    .worker
                    .post_message(&msg)
                    .map_err(|_| STOPPED.to_string())
            } else {
                client.queue.push(msg);
                Ok(())
            }
        });
        if let Err(why) = started {
            failed_start = Some(why);
        }
    });
    if let Some(why) = failed_start {
        return Err(why);
    }
    match JsFuture::from(promise).await {
        Ok(value) => Ok(js_sys::Uint8Array::new(&value).to_vec()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| STOPPED.to_string())),
    }
}

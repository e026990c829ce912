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
/// The page's inline importer could not be instantiated.
const NO_INLINE: &str = "the importer held in this page could not be started";
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
    STOPS.with(|s| s.set(s.get().wrapping_add(1)));
    STOPPED_WHY.with(|w| *w.borrow_mut() = why.to_string());
    let old = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(old) = old {
        old.worker.terminate();
        for (_, (_, reject)) in old.pending {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(why));
        }
    }
}

/// The importer on this page's own thread, where the page holds it inline
/// (`dossier.html`, which opened from disk cannot start a worker):
/// `dossierImporter()` instantiates it once and gives its exports.
fn inline_importer() -> Option<js_sys::Function> {
    let w = dossier::dom::window()?;
    js_sys::Reflect::get(&w, &JsValue::from_str("dossierImporter"))
        .ok()?
        .dyn_into()
        .ok()
}

thread_local! {
    /// Counts the stops (a cancel), so that an item waiting for its turn on
    /// the page's thread is not read after one.
    static STOPS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static STOPPED_WHY: RefCell<String> = const { RefCell::new(String::new()) };
    /// Whether the importer on the page's thread has read its samples.
    static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Waits for a task of its own (a timer), so that the page answers between
/// two items read on its thread.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = dossier::dom::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Reads and analyses one item on the page's thread, in a task of its own.
async fn analyse_here(
    start: js_sys::Function,
    source: Source,
    name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<Vec<u8>, String> {
    let stops = STOPS.with(|s| s.get());
    let exports = start
        .call0(&JsValue::NULL)
        .map(js_sys::Promise::from)
        .map_err(|_| STOPPED.to_string())?;
    let exports = JsFuture::from(exports)
        .await
        .map_err(|_| NO_INLINE.to_string())?;
    let call = |name: &str, args: &[JsValue]| -> Result<JsValue, String> {
        let f: js_sys::Function = js_sys::Reflect::get(&exports, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| NO_INLINE.to_string())?;
        f.apply(&JsValue::NULL, &args.iter().collect())
            .map_err(|why| why.as_string().unwrap_or_else(|| STOPPED.to_string()))
    };
    // The first time, the importer's code is compiled as it first runs:
    // samples, read one step per task, keep that out of long tasks.
    if !WARM.with(|w| w.replace(true)) {
        loop {
            next_task().await;
            if !call("warm_up", &[]).is_ok_and(|more| more.is_truthy()) {
                break;
            }
        }
    }
    // Reading the item (a saved page parsed, then its article found),
    // analysing it, and what the page does with the result: each a task of
    // its own, so the page answers between them.
    next_task().await;
    if STOPS.with(|s| s.get()) != stops {
        return Err(STOPPED_WHY.with(|w| w.borrow().clone()));
    }
    let (code, name) = (JsValue::from(source.code()), JsValue::from_str(name));
    call("begin_item", &[code, name, bytes.into()])?;
    loop {
        next_task().await;
        let out = call("step_item", &[])?;
        if !out.is_undefined() {
            next_task().await;
            return Ok(js_sys::Uint8Array::new(&out).to_vec());
        }
    }
}

/// Reads and analyses one item in the worker (or on the page's thread, see
/// [`inline_importer`]): the encoded `dossier_core::added::Imported`, or
/// why not.
pub async fn analyse(
    source: Source,
    name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<Vec<u8>, String> {
    if let Some(start) = inline_importer() {
        return analyse_here(start, source, name, bytes).await;
    }
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

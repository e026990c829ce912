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
//!
//! A page opened from disk cannot start a worker: there (`dossier.html`)
//! the same module is instantiated on the page's main thread and the page
//! calls [`begin_item`] and [`step_item`] directly, each step in a task of
//! its own.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Reads and analyses one item: the encoded `Reply`, or why not.
#[cfg(target_arch = "wasm32")]
fn reply_for(source: Option<f64>, name: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    use dossier_core::added::{import_reply, Source};
    match source.and_then(|c| Source::from_code(c as u32)) {
        Some(source) => import_reply(source, name, bytes).and_then(|reply| reply.encode()),
        None => Err(format!("{name}: unknown kind of input")),
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The item being read on a page's main thread, between two steps.
    static PENDING: std::cell::RefCell<Option<Pending>> = const { std::cell::RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
enum Pending {
    Backup(dossier_core::added::Backup),
    /// Read or parsed: the article is found in the next step.
    Staged {
        name: String,
        bytes: Vec<u8>,
        staged: dossier_core::article::Staged,
    },
    /// The article found: analysed in the next step.
    Found {
        name: String,
        bytes: Vec<u8>,
        article: Box<dossier_core::Article>,
    },
}

/// On a page's main thread (a page opened from disk), an item is read in
/// steps, each in a task of its own: this first one reads the item (a saved
/// page is decoded; a backup file's articles are read); then [`step_item`]
/// until it gives the result (a saved page is parsed 64 KiB a step, then its
/// article found, then analysed). `source` is `Source::code`; throws the message
/// naming the item.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn begin_item(source: f64, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
    use dossier_core::added::{is_backup, read_backup, stage_item, Source};
    let pending = match Source::from_code(source as u32) {
        Some(Source::File) if is_backup(bytes) => read_backup(name, bytes).map(Pending::Backup),
        Some(source) => stage_item(source, name, bytes).map(|staged| Pending::Staged {
            name: name.to_string(),
            bytes: bytes.to_vec(),
            staged,
        }),
        None => Err(format!("{name}: unknown kind of input")),
    }
    .map_err(|m| JsValue::from_str(&m))?;
    PENDING.with(|p| *p.borrow_mut() = Some(pending));
    Ok(())
}

/// The next step of the item [`begin_item`] began: `undefined` while steps
/// remain, then the result as the worker answers it (the encoded `Reply`).
/// Throws the message naming the item.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn step_item() -> Result<Option<Vec<u8>>, JsValue> {
    use dossier_core::added::{analyse_item, Reply};
    let reply = match PENDING.with(|p| p.borrow_mut().take()) {
        Some(Pending::Backup(backup)) => Reply::Backup(backup),
        // A page being parsed: the next part of it, a task of its own.
        Some(Pending::Staged {
            name,
            bytes,
            staged: staged @ dossier_core::article::Staged::Parsing(_),
        }) => {
            let (staged, _) = staged.step();
            PENDING.with(|p| {
                *p.borrow_mut() = Some(Pending::Staged {
                    name,
                    bytes,
                    staged,
                })
            });
            return Ok(None);
        }
        Some(Pending::Staged {
            name,
            bytes,
            staged,
        }) => {
            let article = staged
                .finish()
                .map_err(|e| JsValue::from_str(&e.to_string()))?;
            let found = Pending::Found {
                name,
                bytes,
                article: Box::new(article),
            };
            PENDING.with(|p| *p.borrow_mut() = Some(found));
            return Ok(None);
        }
        Some(Pending::Found {
            name,
            bytes,
            article,
        }) => Reply::Article(Box::new(analyse_item(&name, &bytes, *article))),
        None => return Err(JsValue::from_str("no item was begun")),
    };
    reply.encode().map(Some).map_err(|m| JsValue::from_str(&m))
}

/// Samples that take the importer through its main paths (plain text, a
/// saved page with its metadata, Markdown), read once each before the
/// reader's first item.
#[cfg(target_arch = "wasm32")]
const WARM: [(&str, &str); 5] = [
    // Small ones first, so that each first use compiles a part.
    ("tiny.txt", "Tiny\n\nAnna Berg came on 2 June 2023.\n"),
    (
        "tiny.html",
        "<html><head><title>Tiny</title></head><body><p>Anna Berg came to Bergen on 2 June 2023, the council said.</p></body></html>",
    ),
    ("sample.html", include_str!("warm/page.html")),
    (
        "sample.md",
        "# A sample\n\nThe council in Bergen voted in March 2021; *Olav Dahl* chaired it.\n\n- one\n- two\n",
    ),
    (
        "sample.txt",
        "A sample\n\nAnna Berg met the mayor of Tromsø on Friday, 2 June 2023, and said the ferry would run again next week.\n",
    ),
];

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The next sample [`warm_up`] reads.
    static WARMED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// The next table it builds (`usize::MAX`: all built).
    static TABLES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One step of building the recogniser's tables, then of reading the
/// samples (the results are thrown away): on a page's main thread the
/// browser compiles the module's code as it first runs, and one step per
/// task keeps each task short. False once all are done.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn warm_up() -> bool {
    // First the recogniser's tables, one per step.
    let table = TABLES.with(|t| t.get());
    if table != usize::MAX {
        if dossier_core::analysis::entities::build_tables(table) {
            TABLES.with(|t| t.set(table + 1));
        } else {
            TABLES.with(|t| t.set(usize::MAX));
        }
        return true;
    }
    if PENDING.with(|p| p.borrow().is_some()) {
        let _ = step_item();
        return true;
    }
    let at = WARMED.with(|w| w.get());
    let Some((name, text)) = WARM.get(at) else {
        return false;
    };
    WARMED.with(|w| w.set(at + 1));
    let _ = begin_item(0.0, name, text.as_bytes());
    true
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    // On a page's main thread the module only serves `begin_item` and
    // `step_item`.
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let msg = js_sys::Array::from(&e.data());
        let id = msg.get(0);
        let name = msg.get(2).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&msg.get(3)).to_vec();
        let result = reply_for(msg.get(1).as_f64(), &name, &bytes);
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

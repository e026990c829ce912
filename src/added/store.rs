//! The reader's articles kept on the device: one IndexedDB object store,
//! one record per article (keyed by slug) holding the original bytes, the
//! encoded article and analysis, and the engine that made them. Each write
//! is one transaction.

use std::cell::RefCell;

use dossier_core::added::{ContentKey, Source};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "dossier";
const STORE: &str = "articles";
const VERSION: u32 = 1;

/// One stored article.
#[derive(Clone, Debug)]
pub struct Record {
    pub slug: String,
    /// What it was added as (file name, or "Pasted text").
    pub name: String,
    pub source: Source,
    pub key: ContentKey,
    /// The engine that made `item` (`dossier_core::added::ENGINE`).
    pub engine: String,
    /// The bytes as added.
    pub original: Uint8Array,
    /// `dossier_core::added::Imported`, encoded, as the importer made it
    /// (its slug and title are the record's own: see `slug` and `title`).
    pub item: Uint8Array,
    /// The title the reader gave it, if they renamed it.
    pub title: Option<String>,
    /// When it was added (ms since the epoch): the library's order.
    pub added: f64,
}

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), String> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| "cannot write the record".to_string())
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Record {
    fn to_js(&self) -> Result<JsValue, String> {
        let obj = Object::new();
        set(&obj, "slug", &JsValue::from_str(&self.slug))?;
        set(&obj, "name", &JsValue::from_str(&self.name))?;
        set(&obj, "source", &JsValue::from(self.source.code()))?;
        set(&obj, "key", &JsValue::from_str(&self.key.to_text()))?;
        set(&obj, "engine", &JsValue::from_str(&self.engine))?;
        set(&obj, "original", &self.original)?;
        set(&obj, "item", &self.item)?;
        set(&obj, "added", &JsValue::from_f64(self.added))?;
        if let Some(title) = &self.title {
            set(&obj, "title", &JsValue::from_str(title))?;
        }
        Ok(obj.into())
    }

    fn from_js(v: &JsValue) -> Option<Record> {
        let original = get(v, "original").dyn_into::<Uint8Array>().ok()?;
        let item = get(v, "item").dyn_into::<Uint8Array>().ok()?;
        Some(Record {
            slug: get(v, "slug").as_string()?,
            name: get(v, "name").as_string()?,
            source: Source::from_code(get(v, "source").as_f64()? as u32)?,
            key: ContentKey::from_text(&get(v, "key").as_string()?)?,
            engine: get(v, "engine").as_string()?,
            original,
            item,
            added: get(v, "added").as_f64().unwrap_or(0.0),
            title: get(v, "title").as_string(),
        })
    }
}

/// A request's result, once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok_req = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_req.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let err_req = req.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let why = err_req
                .error()
                .ok()
                .flatten()
                .map(|e| e.message())
                .unwrap_or_default();
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_default())
}

/// Resolves when the transaction has committed.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail = reject.clone();
        let err = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = fail.call1(&JsValue::NULL, &JsValue::from_str("the write failed"));
        });
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("the write was refused (is the device's storage full?)"),
            );
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(err.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_default())
}

/// The database, opened (and created) on first use. `Err` says why storage
/// is not available (a private window, a page opened from disk in some
/// browsers, storage turned off).
pub async fn open() -> Result<IdbDatabase, String> {
    if let Some(db) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(db);
    }
    let unavailable = |detail: &str| {
        if detail.is_empty() {
            "this browser does not let the page keep data here".to_string()
        } else {
            format!("this browser does not let the page keep data here ({detail})")
        }
    };
    let factory = crate::dom::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| unavailable(""))?;
    let req = factory
        .open_with_u32(DB, VERSION)
        .map_err(|_| unavailable(""))?;
    let upgrade_req = req.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrade_req
            .result()
            .and_then(|r| r.dyn_into::<IdbDatabase>())
        {
            if !db.object_store_names().contains(STORE) {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("slug"));
                let _ = db.create_object_store_with_optional_parameters(STORE, &params);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = done(&req)
        .await
        .map_err(|e| unavailable(&e))?
        .dyn_into()
        .map_err(|_| unavailable(""))?;
    OPEN.with(|o| *o.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// The articles' store in a new transaction of `mode` (the database opened
/// first: nothing else is awaited inside the transaction).
async fn articles(mode: IdbTransactionMode) -> Result<(IdbTransaction, IdbObjectStore), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|_| "the stored articles cannot be opened".to_string())?;
    let store = tx
        .object_store(STORE)
        .map_err(|_| "the stored articles cannot be opened".to_string())?;
    Ok((tx, store))
}

/// Every stored article, oldest first; records that cannot be read are
/// counted in the second value (they stay stored).
pub async fn all() -> Result<(Vec<Record>, usize), String> {
    let (_tx, store) = articles(IdbTransactionMode::Readonly).await?;
    let req = store
        .get_all()
        .map_err(|_| "the stored articles cannot be read".to_string())?;
    let list = js_sys::Array::from(&done(&req).await?);
    let mut out: Vec<Record> = Vec::new();
    let mut bad = 0;
    for v in list.iter() {
        match Record::from_js(&v) {
            // Oldest first, by insertion (a sort would add its own
            // monomorphised code to the page for a handful of records).
            Some(r) => {
                let at = out
                    .iter()
                    .position(|o| o.added > r.added)
                    .unwrap_or(out.len());
                out.insert(at, r);
            }
            None => bad += 1,
        }
    }
    Ok((out, bad))
}

/// Writes (or replaces) one article.
pub async fn put(record: &Record) -> Result<(), String> {
    let (tx, store) = articles(IdbTransactionMode::Readwrite).await?;
    store.put(&record.to_js()?).map_err(|e| {
        let why = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| (d.name(), d.message()))
            .unwrap_or_default();
        if why.0 == "QuotaExceededError" {
            "the device's storage for this page is full".to_string()
        } else if why.1.is_empty() {
            "the article cannot be stored".to_string()
        } else {
            format!("the article cannot be stored: {}", why.1)
        }
    })?;
    committed(&tx).await
}

/// Deletes one article.
pub async fn delete(slug: &str) -> Result<(), String> {
    let (tx, store) = articles(IdbTransactionMode::Readwrite).await?;
    store
        .delete(&JsValue::from_str(slug))
        .map_err(|_| "the article cannot be deleted".to_string())?;
    committed(&tx).await
}

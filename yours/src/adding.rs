//! Adding and keeping the reader's articles: the state of the batch being
//! added, the actions on the stored articles, and the root of this module's
//! views ([`Yours`]). Components read the handle with [`use_added`].

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use dossier::added::YOURS_KEY;
use dossier::dom;
use dossier_core::added::{
    backup_json, reason, unique_slug, Batch, ContentKey, Outcome, Reply, Saved, Source,
    BACKUP_FILE, ENGINE,
};
use dossier_core::view::Route;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::{bridge, manage::Manage, share, status::AddStatus, worker};
use dossier::added::store::{self, Record};

/// Whether the reader's articles are kept on this device.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Storage {
    /// Not known yet (nothing was stored or read in this visit).
    #[default]
    Unknown,
    Kept,
    /// Not available: why. Added articles last for this visit only.
    Session(String),
}

/// What the page shows about adding: the current or last batch, storage,
/// the last deleted article (for undo), and the management dialog.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Adding {
    pub batch: Option<Batch>,
    pub running: bool,
    pub storage: Storage,
    /// The title of the article last deleted, while it can be restored.
    pub deleted: Option<String>,
    /// A problem with an action on a stored article (rename, delete).
    pub problem: Option<String>,
    /// Changes whenever the reader's articles change.
    pub version: u32,
    /// The management dialog is open (on this article, if one was named).
    pub managing: Option<Option<String>>,
}

pub enum AddAction {
    Batch {
        batch: Batch,
        running: bool,
    },
    Storage(Storage),
    Changed,
    Deleted(Option<String>),
    Problem(Option<String>),
    /// Close the report of the last batch.
    Dismiss,
    /// Open the management dialog (on an article), or close it.
    Manage(Option<Option<String>>),
}

impl Reducible for Adding {
    type Action = AddAction;

    fn reduce(self: Rc<Self>, action: AddAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            AddAction::Batch { batch, running } => {
                s.batch = Some(batch);
                s.running = running;
                s.version = s.version.wrapping_add(1);
            }
            AddAction::Storage(storage) => s.storage = storage,
            AddAction::Changed => s.version = s.version.wrapping_add(1),
            AddAction::Deleted(title) => {
                s.deleted = title;
                s.version = s.version.wrapping_add(1);
            }
            AddAction::Problem(p) => s.problem = p,
            AddAction::Dismiss => {
                if s.running {
                    return self;
                }
                s.batch = None;
                s.deleted = None;
                s.problem = None;
            }
            AddAction::Manage(m) => s.managing = m,
        }
        Rc::new(s)
    }
}

/// One thing to add.
pub enum Input {
    File(web_sys::File),
    Pasted {
        source: Source,
        text: String,
    },
    /// An article of a backup file, or of the page the reader was sent (the
    /// slug it is listed under there, which it replaces).
    Saved(Saved, Option<String>),
}

impl Input {
    /// An item as the app hands it over: a `File`, or `[source, text]` for
    /// pasted text or HTML.
    fn from_js(v: JsValue) -> Option<Input> {
        if let Ok(file) = v.clone().dyn_into::<web_sys::File>() {
            return Some(Input::File(file));
        }
        let pair = js_sys::Array::from(&v);
        let source = Source::from_code(pair.get(0).as_f64()? as u32)?;
        Some(Input::Pasted {
            source,
            text: pair.get(1).as_string()?,
        })
    }

    fn name(&self) -> String {
        match self {
            Input::File(f) => f.name(),
            Input::Pasted {
                source: Source::PastedHtml,
                ..
            } => "Pasted page".to_string(),
            Input::Pasted { .. } => "Pasted text".to_string(),
            Input::Saved(s, _) => s.name.clone(),
        }
    }

    fn size(&self) -> u64 {
        match self {
            Input::File(f) => f.size().max(0.0) as u64,
            Input::Pasted { text, .. } => text.len() as u64,
            Input::Saved(s, _) => s.original.len() as u64,
        }
    }

    fn source(&self) -> Source {
        match self {
            Input::File(_) => Source::File,
            Input::Pasted { source, .. } => *source,
            Input::Saved(s, _) => s.source,
        }
    }

    async fn bytes(&self) -> Result<js_sys::Uint8Array, String> {
        match self {
            Input::File(f) => {
                let buffer = JsFuture::from(f.array_buffer())
                    .await
                    .map_err(|_| "the file could not be read".to_string())?;
                Ok(js_sys::Uint8Array::new(&buffer))
            }
            Input::Pasted { text, .. } => Ok(js_sys::Uint8Array::from(text.as_bytes())),
            Input::Saved(s, _) => Ok(js_sys::Uint8Array::from(s.original.as_slice())),
        }
    }
}

/// One of the reader's articles as this module keeps it: the stored record
/// and the title the library shows.
#[derive(Clone, Debug)]
pub struct Kept {
    pub record: Record,
    pub title: String,
}

thread_local! {
    /// The reader's articles, oldest first.
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
    /// The last deleted article, until another is deleted.
    static DELETED: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// Batches handed over before the stored articles are read.
    static WAITING: RefCell<Option<Vec<Vec<Input>>>> = const { RefCell::new(None) };
}

/// The reader's articles, oldest first.
pub fn kept() -> Vec<Kept> {
    KEPT.with(|k| k.borrow().clone())
}

fn remember(kept: Kept) {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        match k.iter_mut().find(|x| x.record.slug == kept.record.slug) {
            Some(old) => *old = kept,
            None => k.push(kept),
        }
    });
}

fn kept_of(slug: &str) -> Option<Kept> {
    KEPT.with(|k| k.borrow().iter().find(|x| x.record.slug == slug).cloned())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The handle components use.
#[derive(Clone, PartialEq)]
pub struct Added {
    state: UseReducerHandle<Adding>,
    cancel: Rc<Cell<bool>>,
}

impl Added {
    pub fn state(&self) -> &Adding {
        &self.state
    }

    /// Adds a batch (one at a time: a batch started while one runs is
    /// refused with a message).
    pub fn add(&self, inputs: Vec<Input>) {
        if inputs.is_empty() {
            return;
        }
        if self.state.running {
            self.problem("Articles are still being added: wait for them, or cancel.".into());
            return;
        }
        self.cancel.set(false);
        let st = self.state.dispatcher();
        let cancel = Rc::clone(&self.cancel);
        let storage = self.state.storage.clone();
        wasm_bindgen_futures::spawn_local(run(inputs, st, cancel, storage));
    }

    /// Keeps the articles of the page the reader was sent on this device:
    /// each is analysed again from its text and stored, listed once.
    pub fn keep(&self, received: Vec<share::Received>) {
        self.add(
            received
                .into_iter()
                .map(|r| Input::Saved(r.saved, Some(r.listed)))
                .collect(),
        );
    }

    /// Stops the batch: the item being read is abandoned, the rest are not
    /// read; every one gets its outcome.
    pub fn cancel(&self) {
        if self.state.running {
            self.cancel.set(true);
            worker::stop_with("cancelled");
        }
    }

    /// Offers the backup file of the reader's articles for saving.
    pub fn export_backup(&self) {
        if let Err(why) = dom::download(BACKUP_FILE, "application/json", &backup()) {
            self.problem(why);
        }
    }

    /// Offers one self-contained page holding the articles `only` (all of
    /// the reader's when empty); `single`: the page of one article, named
    /// after it.
    pub fn export_page(&self, only: Vec<String>, single: bool) {
        let st = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = share::export_page(&only, single).await {
                st.dispatch(AddAction::Problem(Some(format!(
                    "The page could not be made: {why}."
                ))));
            }
        });
    }

    /// Tells the reader about a problem with an action (an export).
    pub fn problem(&self, why: String) {
        self.state.dispatch(AddAction::Problem(Some(why)));
    }

    pub fn dismiss(&self) {
        self.state.dispatch(AddAction::Dismiss);
    }

    /// Opens the management dialog (scrolled to `slug`), or closes it.
    pub fn manage(&self, open: Option<Option<String>>) {
        self.state.dispatch(AddAction::Manage(open));
    }

    /// Runs a change of the stored articles in the background; `why` says
    /// what a failure means for the reader.
    fn store_later(
        &self,
        change: impl std::future::Future<Output = Result<(), String>> + 'static,
        why: &'static str,
    ) {
        if self.state.storage != Storage::Kept {
            return;
        }
        let st = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = change.await {
                st.dispatch(AddAction::Problem(Some(format!("{why}: {e}."))));
            }
            count_stored();
        });
    }

    /// Deletes one of the reader's articles (undo restores it).
    pub fn delete(&self, slug: &str) {
        let Some(kept) = kept_of(slug) else {
            return;
        };
        KEPT.with(|k| k.borrow_mut().retain(|x| x.record.slug != slug));
        bridge::remove(slug);
        self.state
            .dispatch(AddAction::Deleted(Some(kept.title.clone())));
        DELETED.with(|d| *d.borrow_mut() = Some(kept));
        let slug = slug.to_string();
        self.store_later(
            async move { store::delete(&slug).await },
            "The article was removed from this page but is still stored",
        );
    }

    /// Restores the article deleted last.
    pub fn undo(&self) {
        let Some(kept) = DELETED.with(|d| d.borrow_mut().take()) else {
            return;
        };
        show(&kept.record);
        self.state.dispatch(AddAction::Deleted(None));
        let record = kept.record.clone();
        self.store_later(
            async move { store::put(&record).await },
            "The article is back for this visit but could not be stored again",
        );
    }

    /// Gives one of the reader's articles a new title.
    pub fn rename(&self, slug: &str, title: &str) {
        let title = title.trim();
        let Some(mut kept) = kept_of(slug).filter(|_| !title.is_empty()) else {
            return;
        };
        bridge::rename(slug, title);
        kept.record.title = Some(title.to_string());
        kept.title = title.to_string();
        let record = kept.record.clone();
        remember(kept);
        self.state.dispatch(AddAction::Changed);
        self.store_later(
            async move { store::put(&record).await },
            "The new title holds for this visit but could not be stored",
        );
    }
}

/// Writes how many articles are stored, read at the next start (called
/// only while storage works).
fn count_stored() {
    let n = KEPT.with(|k| k.borrow().len());
    dom::storage_set(YOURS_KEY, &n.to_string());
}

/// Reads one batch, item after item.
async fn run(
    inputs: Vec<Input>,
    st: UseReducerDispatcher<Adding>,
    cancel: Rc<Cell<bool>>,
    mut storage: Storage,
) {
    let items = inputs.iter().map(|i| (i.name(), i.size())).collect();
    let known = KEPT.with(|k| {
        k.borrow()
            .iter()
            .map(|x| (x.record.key, x.record.slug.clone()))
            .collect()
    });
    let mut batch = Batch::new(items, known);
    st.dispatch(AddAction::Batch {
        batch: batch.clone(),
        running: true,
    });
    let mut added: Vec<String> = Vec::new();
    let mut any = false;
    let mut queue: VecDeque<Input> = inputs.into();
    while let Some(input) = queue.pop_front() {
        if cancel.get() {
            break;
        }
        let name = input.name();
        let (outcome, key) = match add_one(&input, &name, &batch, &mut storage, &st).await {
            Step::Done(outcome, key) => (outcome, key),
            // A backup: its articles are the next items.
            Step::Backup(saved) => {
                batch.insert_next(
                    saved
                        .iter()
                        .map(|s| (s.name.clone(), s.original.len() as u64))
                        .collect(),
                );
                let count = saved.len();
                for s in saved.into_iter().rev() {
                    queue.push_front(Input::Saved(s, None));
                }
                (
                    Outcome::Backup {
                        name: name.clone(),
                        count,
                    },
                    None,
                )
            }
        };
        // Articles kept from the page the reader was sent are already in
        // view: only new ones are gone to.
        if let Outcome::Added { slug, .. } = &outcome {
            any = true;
            if !received(&input) {
                added.push(slug.clone());
            }
        }
        let outcome = match outcome {
            Outcome::Failed { name, .. } if cancel.get() => Outcome::Cancelled { name },
            o => o,
        };
        batch.record(outcome, key);
        st.dispatch(AddAction::Batch {
            batch: batch.clone(),
            running: !batch.is_done(),
        });
    }
    batch.cancel();
    st.dispatch(AddAction::Batch {
        batch,
        running: false,
    });
    if any && storage == Storage::Kept {
        count_stored();
    }
    if !added.is_empty() {
        bridge::go(&match added.as_slice() {
            [one] => Route::Article {
                slug: one.clone(),
                entity: None,
                event: None,
                mention: None,
                sentence: None,
            },
            _ => Route::Library,
        });
    }
}

fn received(input: &Input) -> bool {
    matches!(input, Input::Saved(_, Some(_)))
}

/// What became of one item: its outcome, or a backup's articles to read.
enum Step {
    Done(Outcome, Option<ContentKey>),
    Backup(Vec<Saved>),
}

async fn add_one(
    input: &Input,
    name: &str,
    batch: &Batch,
    storage: &mut Storage,
    st: &UseReducerDispatcher<Adding>,
) -> Step {
    match read_one(input, name, batch, storage, st).await {
        Ok(step) => step,
        Err(why) => Step::Done(
            Outcome::Failed {
                name: name.to_string(),
                message: reason(name, &why),
            },
            None,
        ),
    }
}

async fn read_one(
    input: &Input,
    name: &str,
    batch: &Batch,
    storage: &mut Storage,
    st: &UseReducerDispatcher<Adding>,
) -> Result<Step, String> {
    let bytes = input.bytes().await?;
    let key = ContentKey::of(&bytes.to_vec());
    let replaces = match input {
        Input::Saved(_, listed) => listed.as_deref(),
        _ => None,
    };
    if let Some(slug) = batch.duplicate_of(key) {
        // Received and already kept: listed once, as kept.
        if let Some(listed) = replaces {
            share::unlist(listed);
        }
        let outcome = Outcome::Duplicate {
            name: name.to_string(),
            slug: slug.to_string(),
        };
        return Ok(Step::Done(outcome, Some(key)));
    }
    let source = input.source();
    let encoded = worker::analyse(source, name, &bytes).await?;
    let item = match Reply::decode(&encoded)? {
        Reply::Article(item) => *item,
        Reply::Backup(backup) => {
            keep_corrections(&backup.corrections);
            return Ok(Step::Backup(backup.articles));
        }
    };
    let (title, added) = match input {
        Input::Saved(s, _) => (s.title.clone(), s.added),
        _ => (None, now()),
    };
    // A pasted item is named by its title; a file by its name.
    let base = match source {
        Source::File => item.article.slug.clone(),
        _ => dossier_core::article::slug_for_path(&format!("{}.txt", item.article.meta.title)),
    };
    let mut taken = bridge::taken();
    let mut slug = unique_slug(
        &base,
        taken
            .iter()
            .map(String::as_str)
            .filter(|s| Some(*s) != replaces),
    );
    // A slug of the set not among the rows at hand (a large set).
    while Some(slug.as_str()) != replaces && bridge::in_set(&slug).await {
        taken.push(slug);
        slug = unique_slug(
            &base,
            taken
                .iter()
                .map(String::as_str)
                .filter(|s| Some(*s) != replaces),
        );
    }
    let record = Record {
        slug: slug.clone(),
        name: name.to_string(),
        source,
        key,
        engine: ENGINE.to_string(),
        original: bytes,
        item: js_sys::Uint8Array::from(encoded.as_slice()),
        added,
        title,
    };
    if !matches!(storage, Storage::Session(_)) {
        match store::put(&record).await {
            Ok(()) => *storage = Storage::Kept,
            Err(why) => *storage = Storage::Session(why),
        }
        st.dispatch(AddAction::Storage(storage.clone()));
    }
    if let Some(listed) = replaces {
        share::unlist(listed);
    }
    if !show(&record) {
        return Err("the analysed article could not be shown".into());
    }
    let outcome = Outcome::Added {
        name: name.to_string(),
        slug,
    };
    Ok(Step::Done(outcome, Some(key)))
}

/// Lists a stored article in the library (under its record's slug and
/// title) and keeps it here; false when the app could not read it.
fn show(record: &Record) -> bool {
    match bridge::put(
        &record.slug,
        &record.name,
        record.title.as_deref(),
        &record.item,
    ) {
        Some(title) => {
            remember(Kept {
                record: record.clone(),
                title,
            });
            true
        }
        None => false,
    }
}

/// The reader's articles as one backup file ("Add articles" reads it back).
pub fn backup() -> String {
    let saved: Vec<Saved> = KEPT.with(|k| {
        k.borrow()
            .iter()
            .map(|x| Saved {
                name: x.record.name.clone(),
                source: x.record.source,
                title: x.record.title.clone(),
                added: x.record.added,
                original: x.record.original.to_vec(),
            })
            .collect()
    });
    let corrections =
        dossier::dom::storage_get(dossier::pages::CORRECTIONS_KEY).unwrap_or_default();
    backup_json(&saved, &corrections)
}

/// Adds a backup's corrections to those kept on this device, and tells the
/// set's pages.
fn keep_corrections(incoming: &str) {
    if incoming.trim().is_empty() {
        return;
    }
    let key = dossier::pages::CORRECTIONS_KEY;
    let stored = dossier::dom::storage_get(key).unwrap_or_default();
    dossier::dom::storage_set(key, &dossier_core::set::correct::merged(&stored, incoming));
    if let (Some(w), Ok(ev)) = (
        dossier::dom::window(),
        web_sys::Event::new(dossier::pages::CORRECTIONS_EVENT),
    ) {
        let _ = w.dispatch_event(&ev);
    }
}

/// Reads the stored articles at start: those of this engine as stored,
/// those of another (or that the app cannot read) analysed again from their
/// original.
async fn load_stored(st: UseReducerDispatcher<Adding>) {
    let records = match store::all().await {
        Ok((records, bad)) => {
            st.dispatch(AddAction::Storage(Storage::Kept));
            if bad > 0 {
                st.dispatch(AddAction::Problem(Some(format!(
                    "{bad} stored article{} could not be read and {} left as it was.",
                    if bad == 1 { "" } else { "s" },
                    if bad == 1 { "is" } else { "are" }
                ))));
            }
            records
        }
        Err(why) => {
            // Not readable now: nothing is shown, and the count stays for
            // the next visit.
            st.dispatch(AddAction::Storage(Storage::Session(why)));
            bridge::loaded();
            return;
        }
    };
    // Articles of the page the reader was sent that they kept on an earlier
    // visit: listed once, as kept (first unlisted, as they may be listed
    // under the slug the kept one has).
    for r in share::received() {
        if records
            .iter()
            .any(|x| x.key == ContentKey::of(&r.saved.original))
        {
            share::unlist(&r.listed);
        }
    }
    let mut stale = Vec::new();
    for record in records {
        if !show(&record) || record.engine != ENGINE {
            stale.push(record);
        }
    }
    bridge::loaded();
    st.dispatch(AddAction::Changed);
    count_stored();
    // Analysed by another version of dossier: analysed again, in place.
    for mut record in stale {
        let encoded = worker::analyse(record.source, &record.name, &record.original).await;
        let fresh = encoded
            .as_ref()
            .map_err(String::clone)
            .and_then(|e| Reply::article(e).map(|_| e));
        let Ok(encoded) = fresh else {
            st.dispatch(AddAction::Problem(Some(format!(
                "“{}” could not be analysed again by this version of dossier; it is kept as it was.",
                record.name
            ))));
            continue;
        };
        record.item = js_sys::Uint8Array::from(encoded.as_slice());
        record.engine = ENGINE.to_string();
        show(&record);
        let _ = store::put(&record).await;
        st.dispatch(AddAction::Changed);
    }
}

/// The root of this module's views: the adding report and the management
/// dialog. Registers with the app, and reads the stored articles.
#[function_component(Yours)]
pub fn yours() -> Html {
    let state = use_reducer(Adding::default);
    let cancel = use_memo((), |_| Rc::new(Cell::new(false)));
    let added = Added {
        state: state.clone(),
        cancel: Rc::clone(&cancel),
    };

    // The app's requests, once: add items, open the management.
    {
        let added = added.clone();
        use_effect_with((), move |_| {
            // Items handed over while the stored articles are being read
            // wait for them (a duplicate of a stored one is then known).
            WAITING.with(|w| *w.borrow_mut() = Some(Vec::new()));
            let (st, after) = (added.state.dispatcher(), added.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if dossier::added::has_stored() {
                    load_stored(st).await;
                } else {
                    bridge::loaded();
                }
                for inputs in WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default() {
                    after.add(inputs);
                }
            });
            let api = Closure::<dyn Fn(JsValue, JsValue)>::new(move |op: JsValue, a: JsValue| {
                match op.as_string().as_deref() {
                    Some("add") => {
                        let inputs: Vec<Input> = js_sys::Array::from(&a)
                            .iter()
                            .filter_map(Input::from_js)
                            .collect();
                        let inputs = WAITING.with(|w| match w.borrow_mut().as_mut() {
                            Some(waiting) => {
                                waiting.push(inputs);
                                None
                            }
                            None => Some(inputs),
                        });
                        if let Some(inputs) = inputs {
                            added.add(inputs);
                        }
                    }
                    Some("manage") => added.manage(Some(a.as_string())),
                    _ => {}
                }
            });
            bridge::ready(&api);
            // The app keeps calling it for the page's life.
            api.forget();
        });
    }

    html! {
        <ContextProvider<Added> context={added}>
            <AddStatus />
            <Manage />
        </ContextProvider<Added>>
    }
}

/// The adding handle.
#[hook]
pub fn use_added() -> Option<Added> {
    use_context::<Added>()
}

//! The reader's own articles: added from files (picked or dropped) or
//! pasted, read and analysed by the importer ([`worker`]) off the main
//! thread, listed beside the set's and kept on the device ([`store`]).
//!
//! [`AddedProvider`] owns the state of the batch being added and the actions
//! on the reader's articles; components read it with [`use_added`] and call
//! its methods. The articles themselves live in [`crate::data`].

pub mod share;
pub mod store;
pub mod worker;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use std::collections::VecDeque;

use dossier_core::added::{
    backup_json, reason, Batch, ContentKey, Imported, Outcome, Reply, Saved, Source, BACKUP_FILE,
    ENGINE,
};
use dossier_core::view::Route;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::data;
use crate::dom;
use crate::state::{Action, ReaderState};
use store::Record;

/// Local storage: how many articles the reader has stored (the page opens
/// the database at start only when there are some).
pub const YOURS_KEY: &str = "dossier.yours";

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
/// and the last deleted article (for undo).
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
    /// An article of a backup file.
    Saved(Saved),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(f) => f.name(),
            Input::Pasted {
                source: Source::PastedHtml,
                ..
            } => "Pasted page".to_string(),
            Input::Pasted { .. } => "Pasted text".to_string(),
            Input::Saved(s) => s.name.clone(),
        }
    }

    fn size(&self) -> u64 {
        match self {
            Input::File(f) => f.size().max(0.0) as u64,
            Input::Pasted { text, .. } => text.len() as u64,
            Input::Saved(s) => s.original.len() as u64,
        }
    }

    fn source(&self) -> Source {
        match self {
            Input::File(_) => Source::File,
            Input::Pasted { source, .. } => *source,
            Input::Saved(s) => s.source,
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
            Input::Saved(s) => Ok(js_sys::Uint8Array::from(s.original.as_slice())),
        }
    }
}

thread_local! {
    /// The stored form of each of the reader's articles (for rename, and
    /// for undoing a delete).
    static RECORDS: RefCell<Vec<Record>> = const { RefCell::new(Vec::new()) };
    /// The last deleted article, until another is deleted.
    static DELETED: RefCell<Option<(Record, data::Yours)>> = const { RefCell::new(None) };
}

fn remember(record: Record) {
    RECORDS.with(|r| {
        let mut r = r.borrow_mut();
        r.retain(|x| x.slug != record.slug);
        r.push(record);
    });
}

fn record_of(slug: &str) -> Option<Record> {
    RECORDS.with(|r| r.borrow().iter().find(|x| x.slug == slug).cloned())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The handle components use.
#[derive(Clone, PartialEq)]
pub struct Added {
    state: UseReducerHandle<Adding>,
    reader: UseReducerDispatcher<ReaderState>,
    cancel: Rc<Cell<bool>>,
}

impl Added {
    pub fn state(&self) -> &Adding {
        &self.state
    }

    /// Adds a batch (one at a time: a batch started while one runs waits
    /// for nothing and is refused with a message).
    pub fn add(&self, inputs: Vec<Input>) {
        if inputs.is_empty() {
            return;
        }
        if self.state.running {
            self.state.dispatch(AddAction::Problem(Some(
                "Articles are still being added: wait for them, or cancel.".into(),
            )));
            return;
        }
        self.cancel.set(false);
        let (st, reader, cancel) = (
            self.state.dispatcher(),
            self.reader.clone(),
            Rc::clone(&self.cancel),
        );
        let storage = self.state.storage.clone();
        wasm_bindgen_futures::spawn_local(run(inputs, st, reader, cancel, storage));
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

    /// Offers one self-contained page holding the article `only`, or all
    /// of the reader's.
    pub fn export_page(&self, only: Option<String>) {
        let st = self.state.dispatcher();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = share::export_page(only).await {
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

    /// Deletes one of the reader's articles (undo restores it).
    pub fn delete(&self, slug: &str) {
        let Some(yours) = data::remove_yours(slug) else {
            return;
        };
        let title = yours.summary.meta.title.clone();
        let record = record_of(slug);
        RECORDS.with(|r| r.borrow_mut().retain(|x| x.slug != slug));
        if let Some(record) = record {
            DELETED.with(|d| *d.borrow_mut() = Some((record, yours)));
        }
        self.state.dispatch(AddAction::Deleted(Some(title)));
        after_change(&self.reader);
        let st = self.state.dispatcher();
        let slug = slug.to_string();
        let kept = self.state.storage == Storage::Kept;
        wasm_bindgen_futures::spawn_local(async move {
            if kept {
                if let Err(why) = store::delete(&slug).await {
                    st.dispatch(AddAction::Problem(Some(format!(
                        "The article was removed from this page but is still stored: {why}."
                    ))));
                }
                count_stored();
            }
        });
    }

    /// Restores the article deleted last.
    pub fn undo(&self) {
        let Some((record, yours)) = DELETED.with(|d| d.borrow_mut().take()) else {
            return;
        };
        let entry = yours.entry.clone();
        data::add_yours(
            (*entry.article).clone(),
            (*entry.analysis).clone(),
            yours.name.clone(),
            yours.key,
            yours.json.to_string(),
        );
        remember(record.clone());
        self.state.dispatch(AddAction::Deleted(None));
        after_change(&self.reader);
        let st = self.state.dispatcher();
        let kept = self.state.storage == Storage::Kept;
        wasm_bindgen_futures::spawn_local(async move {
            if kept {
                if let Err(why) = store::put(&record).await {
                    st.dispatch(AddAction::Problem(Some(format!(
                        "The article is back for this visit but could not be stored again: {why}."
                    ))));
                }
                count_stored();
            }
        });
    }

    /// Gives one of the reader's articles a new title.
    pub fn rename(&self, slug: &str, title: &str) {
        let title = title.trim();
        if title.is_empty() {
            return;
        }
        let Some(yours) = data::rename_yours(slug, title) else {
            return;
        };
        self.state.dispatch(AddAction::Changed);
        let st = self.state.dispatcher();
        let kept = self.state.storage == Storage::Kept;
        let Some(mut record) = record_of(slug) else {
            return;
        };
        record.title = Some(yours.summary.meta.title.clone());
        remember(record.clone());
        if kept {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(why) = store::put(&record).await {
                    st.dispatch(AddAction::Problem(Some(format!(
                        "The new title holds for this visit but could not be stored: {why}."
                    ))));
                }
            });
        }
    }
}

/// The library lists the reader's articles beside the set's: the set's only
/// article no longer opens by itself.
fn after_change(reader: &UseReducerDispatcher<ReaderState>) {
    let index = data::index();
    let only = (index.len() == 1 && data::yours().is_empty()).then(|| index[0].slug.clone());
    reader.dispatch(Action::SetOnly(only));
}

/// Writes how many articles are stored, read at the next start (called
/// only while storage works).
fn count_stored() {
    let n = RECORDS.with(|r| r.borrow().len());
    dom::storage_set(YOURS_KEY, &n.to_string());
}

/// True when local storage says the reader has stored articles.
pub fn has_stored() -> bool {
    dom::storage_get(YOURS_KEY).is_some_and(|n| n != "0" && !n.is_empty())
}

/// Reads one batch, item after item.
async fn run(
    inputs: Vec<Input>,
    st: UseReducerDispatcher<Adding>,
    reader: UseReducerDispatcher<ReaderState>,
    cancel: Rc<Cell<bool>>,
    mut storage: Storage,
) {
    let items = inputs.iter().map(|i| (i.name(), i.size())).collect();
    let mut batch = Batch::new(items, data::known());
    st.dispatch(AddAction::Batch {
        batch: batch.clone(),
        running: true,
    });
    let mut added: Vec<String> = Vec::new();
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
                    queue.push_front(Input::Saved(s));
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
        if let Outcome::Added { slug, .. } = &outcome {
            added.push(slug.clone());
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
    if !added.is_empty() {
        if storage == Storage::Kept {
            count_stored();
        }
        after_change(&reader);
        reader.dispatch(Action::Go(match added.as_slice() {
            [one] => Route::Article {
                slug: one.clone(),
                entity: None,
                event: None,
            },
            _ => Route::Library,
        }));
    }
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
    if let Some(slug) = batch.duplicate_of(key) {
        let outcome = Outcome::Duplicate {
            name: name.to_string(),
            slug: slug.to_string(),
        };
        return Ok(Step::Done(outcome, Some(key)));
    }
    let source = input.source();
    let encoded = worker::analyse(source, name, &bytes).await?;
    let mut item = match Reply::decode(&encoded)? {
        Reply::Article(item) => *item,
        Reply::Backup(saved) => return Ok(Step::Backup(saved)),
    };
    let (title, added) = match input {
        Input::Saved(s) => (s.title.clone(), s.added),
        _ => (None, now()),
    };
    // A pasted item is named by its title; a file by its name.
    let base = match source {
        Source::File => item.article.slug.clone(),
        _ => dossier_core::article::slug_for_path(&format!("{}.txt", item.article.meta.title)),
    };
    let slug = data::free_slug(&base);
    item.article.slug = slug.clone();
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
    show(item, &record);
    remember(record);
    let outcome = Outcome::Added {
        name: name.to_string(),
        slug,
    };
    Ok(Step::Done(outcome, Some(key)))
}

/// The reader's articles as one backup file ("Add articles" reads it back).
pub fn backup() -> String {
    let saved: Vec<Saved> = RECORDS.with(|r| {
        r.borrow()
            .iter()
            .map(|rec| Saved {
                name: rec.name.clone(),
                source: rec.source,
                title: rec.title.clone(),
                added: rec.added,
                original: rec.original.to_vec(),
            })
            .collect()
    });
    backup_json(&saved)
}

/// Reads the stored articles at start: those of this engine as stored,
/// those of another analysed again from their original.
async fn load_stored(st: UseReducerDispatcher<Adding>, reader: UseReducerDispatcher<ReaderState>) {
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
            data::yours_read();
            st.dispatch(AddAction::Changed);
            after_change(&reader);
            return;
        }
    };
    let mut stale = Vec::new();
    for record in records {
        match Reply::article(&record.item.to_vec()) {
            Ok(item) => {
                if record.engine != ENGINE {
                    stale.push(record.clone());
                }
                show(item, &record);
            }
            // Unreadable (another format of an older version): analysed
            // again from its original below.
            Err(_) => stale.push(record.clone()),
        }
        remember(record);
    }
    data::yours_read();
    st.dispatch(AddAction::Changed);
    after_change(&reader);
    count_stored();
    // Analysed by another version of dossier: analysed again, in place.
    for mut record in stale {
        let encoded = worker::analyse(record.source, &record.name, &record.original).await;
        let item = encoded
            .as_ref()
            .map_err(String::clone)
            .and_then(|e| Reply::article(e));
        let Ok(item) = item else {
            st.dispatch(AddAction::Problem(Some(format!(
                "“{}” could not be analysed again by this version of dossier; it is kept as it was.",
                record.name
            ))));
            continue;
        };
        if let Ok(encoded) = &encoded {
            record.item = js_sys::Uint8Array::from(encoded.as_slice());
        }
        record.engine = ENGINE.to_string();
        show(item, &record);
        remember(record.clone());
        let _ = store::put(&record).await;
        st.dispatch(AddAction::Changed);
    }
}

/// Lists a stored article under its record's slug and title.
fn show(mut item: Imported, record: &Record) {
    item.article.slug = record.slug.clone();
    if let Some(title) = &record.title {
        item.article.meta.title = title.clone();
    }
    data::add_yours(
        item.article,
        item.analysis,
        record.name.clone(),
        record.key,
        item.json,
    );
}

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Owns the adding state; reads the stored articles once the page is live;
/// takes dropped files and pasted text or HTML anywhere on the page.
#[function_component(AddedProvider)]
pub fn added_provider(props: &ProviderProps) -> Html {
    let reader = crate::state::use_reader();
    let state = use_reducer(Adding::default);
    let cancel = use_memo((), |_| Rc::new(Cell::new(false)));
    let added = Added {
        state: state.clone(),
        reader: reader.dispatcher(),
        cancel: Rc::clone(&cancel),
    };

    // Whether the visit started without a place in the URL (read before the
    // shell writes one).
    let placeless = *use_memo((), |_| matches!(dom::hash().as_str(), "" | "#" | "#/"));

    // The stored articles, once the page is live (and only when there are
    // some: a reader who never added one does not open the database).
    {
        let (st, rd) = (state.dispatcher(), reader.dispatcher());
        use_effect_with(reader.restoring, move |&restoring| {
            if !restoring {
                // A page made to share articles holds them inline.
                let (shared, bad) = share::read_shared();
                if bad > 0 {
                    st.dispatch(AddAction::Problem(Some(format!(
                        "{bad} article{} in this page could not be read.",
                        if bad == 1 { "" } else { "s" }
                    ))));
                }
                if shared > 0 {
                    st.dispatch(AddAction::Changed);
                    after_change(&rd);
                    // Opened without a place: the library, which lists them.
                    if placeless {
                        rd.dispatch(Action::Navigate {
                            route: Route::Library,
                            held: None,
                        });
                    }
                }
                if has_stored() {
                    wasm_bindgen_futures::spawn_local(load_stored(st, rd));
                } else {
                    data::yours_read();
                    st.dispatch(AddAction::Changed);
                }
            }
        });
    }

    // Dropped files and pasted text, anywhere on the page.
    {
        let added = added.clone();
        use_effect_with((), move |_| {
            let listeners = listeners(added);
            move || drop(listeners)
        });
    }

    html! {
        <ContextProvider<Added> context={added}>
            { props.children.clone() }
        </ContextProvider<Added>>
    }
}

fn listeners(added: Added) -> Vec<EventListener> {
    let Some(w) = dom::window() else {
        return Vec::new();
    };
    let active = EventListenerOptions::enable_prevent_default();
    let has_files = |e: &web_sys::DragEvent| {
        e.data_transfer()
            .map(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            })
            .unwrap_or(false)
    };
    let over = EventListener::new_with_options(&w, "dragover", active, move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::DragEvent>() {
            if has_files(e) {
                e.prevent_default();
            }
        }
    });
    let drop_added = added.clone();
    let dropped = EventListener::new_with_options(&w, "drop", active, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else {
            return;
        };
        let Some(files) = e.data_transfer().and_then(|dt| dt.files()) else {
            return;
        };
        if files.length() == 0 {
            return;
        }
        e.prevent_default();
        drop_added.add(file_inputs(&files));
    });
    let pasted = EventListener::new(&w, "paste", move |e| {
        if dom::typing_in(e.target()) {
            return;
        }
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(dt) = e.clipboard_data() else {
            return;
        };
        if let Some(files) = dt.files().filter(|f| f.length() > 0) {
            added.add(file_inputs(&files));
            return;
        }
        let html = dt.get_data("text/html").unwrap_or_default();
        let text = dt.get_data("text/plain").unwrap_or_default();
        let input = if !html.trim().is_empty() {
            Input::Pasted {
                source: Source::PastedHtml,
                text: html,
            }
        } else if !text.trim().is_empty() {
            Input::Pasted {
                source: Source::PastedText,
                text,
            }
        } else {
            return;
        };
        added.add(vec![input]);
    });
    vec![over, dropped, pasted]
}

/// The files of a picker or a drop, in order.
pub fn file_inputs(files: &web_sys::FileList) -> Vec<Input> {
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(Input::File)
        .collect()
}

/// The adding handle; `None` outside [`AddedProvider`] (the build-time
/// render, component tests).
#[hook]
pub fn use_added() -> Option<Added> {
    use_context::<Added>()
}

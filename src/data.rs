//! The article set, parsed and analysed by the build script and embedded:
//! either whole, or (a large set) as the first page of the library's index,
//! the other pages read as the library is read and each article read from
//! its own file when it is opened (see [`format`] and [`load`]).
//! Articles read that way are kept here, so reopening one does not fetch it
//! again. Beside the set, the articles the reader added (see
//! [`crate::added`]), analysed in the page.

use std::cell::RefCell;
use std::rc::Rc;

use dossier_core::{Analysis, Article};

pub use dossier_core::bundle as format;
pub mod load;

use format::{BlobError, Set, Summary};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/articles.postcard"));

/// The article files of a split set, for the build-time render to write into
/// `dist/articles/` (empty when the set is embedded whole).
#[cfg(feature = "ssr")]
mod blobs {
    include!(concat!(env!("OUT_DIR"), "/blobs.rs"));
}

/// One article of the set with the analysis the build computed for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    /// The set-level key of each entity (`#/e/<key>`), by entity index;
    /// empty for the reader's own articles, which the set's pages do not
    /// cover yet.
    pub keys: Rc<[String]>,
}

impl Entry {
    /// The set-level key of entity `entity`, if it has one.
    pub fn key(&self, entity: usize) -> Option<&str> {
        self.keys.get(entity).map(String::as_str)
    }
}

struct Store {
    /// The library's rows at hand, from the first: every row of a whole
    /// set; a split set's first page, then each page as it is read.
    index: RefCell<Rc<[Rc<Summary>]>>,
    /// How many articles the set has.
    count: usize,
    /// `Some(build)` when the set is split.
    split: Option<u64>,
    /// Embedded entries, then those read from article files.
    entries: RefCell<Vec<Entry>>,
    /// The reader's articles, oldest first.
    yours: RefCell<Vec<Yours>>,
    /// True until the reader's stored articles have been read.
    yours_pending: std::cell::Cell<bool>,
}

/// An article the reader added.
#[derive(Clone, Debug, PartialEq)]
pub struct Yours {
    pub summary: Rc<Summary>,
    pub entry: Entry,
    /// What it was added as: the file name, or "Pasted text".
    pub name: String,
}

impl Store {
    /// Something of the reader's article `slug`, if there is one.
    fn find_yours<T>(&self, slug: &str, f: impl FnOnce(&Yours) -> T) -> Option<T> {
        self.yours
            .borrow()
            .iter()
            .find(|y| y.summary.slug == slug)
            .map(f)
    }
}

fn store(set: Set) -> Store {
    match set {
        Set::Whole { articles, keys } => {
            let mut entries = Vec::with_capacity(articles.len());
            let mut index = Vec::with_capacity(articles.len());
            let mut keys = keys.into_iter();
            for (article, analysis) in articles {
                let article = Rc::new(article);
                index.push(Rc::new(Summary::of(&article)));
                entries.push(Entry {
                    article,
                    analysis: Rc::new(analysis),
                    keys: keys.next().unwrap_or_default().into(),
                });
            }
            Store {
                count: index.len(),
                index: RefCell::new(index.into()),
                split: None,
                entries: RefCell::new(entries),
                yours: RefCell::new(Vec::new()),
                yours_pending: std::cell::Cell::new(true),
            }
        }
        Set::Split { build, count, head } => Store {
            index: RefCell::new(head.into_iter().map(Rc::new).collect()),
            count,
            split: Some(build),
            entries: RefCell::new(Vec::new()),
            yours: RefCell::new(Vec::new()),
            yours_pending: std::cell::Cell::new(true),
        },
    }
}

thread_local! {
    // The bytes come from our own build script; a mismatch would show as
    // an empty library rather than a crash.
    static STORE: Store = store(format::decode_set(BYTES).unwrap_or(Set::Whole {
        articles: Vec::new(),
        keys: Vec::new(),
    }));
}

/// What the library lists: the articles of the set at hand, in file name
/// order from the first (every one, unless the set is split and the rest of
/// its index has not been read: see [`next_page`]).
pub fn index() -> Rc<[Rc<Summary>]> {
    STORE.with(|s| Rc::clone(&s.index.borrow()))
}

/// How many articles the set has (without the reader's).
pub fn set_count() -> usize {
    STORE.with(|s| s.count)
}

/// The page of a split set's library index to read next, if the library
/// does not list every article yet.
pub fn next_page() -> Option<usize> {
    STORE.with(|s| {
        let at = s.index.borrow().len();
        (at < s.count).then(|| format::library_page_of(at))
    })
}

/// Adds page `n` of the library's index (read from its file) to the rows
/// at hand; a page other than the next one is left out.
pub fn accept_page(n: usize, bytes: &[u8]) -> Result<(), BlobError> {
    let build = split().ok_or(BlobError::OtherBuild)?;
    let rows = format::decode_library_page(bytes, build, n)?;
    if next_page() == Some(n) {
        STORE.with(|s| {
            let mut index = s.index.borrow_mut();
            let all: Vec<Rc<Summary>> = index
                .iter()
                .cloned()
                .chain(rows.into_iter().map(Rc::new))
                .take(s.count)
                .collect();
            *index = all.into();
        });
    }
    Ok(())
}

/// The library's entry for this slug (of the set or the reader's), if it
/// is at hand.
pub fn summary(slug: &str) -> Option<Rc<Summary>> {
    STORE.with(|s| {
        s.index
            .borrow()
            .iter()
            .find(|e| e.slug == slug)
            .cloned()
            .or_else(|| s.find_yours(slug, |y| Rc::clone(&y.summary)))
    })
}

/// The articles the reader added, oldest first.
pub fn yours() -> Vec<Yours> {
    STORE.with(|s| s.yours.borrow().clone())
}

/// How many articles the library holds: the set's and the reader's.
pub fn count() -> usize {
    STORE.with(|s| s.count + s.yours.borrow().len())
}

/// True when every row of the set's index is at hand (a slug not among
/// them is not in the set).
pub fn complete() -> bool {
    next_page().is_none()
}

/// True until the reader's stored articles have been read (an article of
/// theirs that a URL names is then still loading, not missing).
pub fn yours_pending() -> bool {
    STORE.with(|s| s.yours_pending.get())
}

pub fn yours_read() {
    STORE.with(|s| s.yours_pending.set(false));
}

/// Every slug of the library at hand: the set's (those of its index read so
/// far, see [`complete`]) and the reader's.
pub fn slugs() -> Vec<String> {
    STORE.with(|s| {
        s.index
            .borrow()
            .iter()
            .map(|e| e.slug.clone())
            .chain(s.yours.borrow().iter().map(|y| y.summary.slug.clone()))
            .collect()
    })
}

/// A slug for a new article of the reader: `base`, or with a suffix when the
/// set or the reader's articles already have it.
pub fn free_slug(base: &str) -> String {
    STORE.with(|s| {
        let yours = s.yours.borrow();
        let index = s.index.borrow();
        let taken = index
            .iter()
            .map(|e| e.slug.as_str())
            .chain(yours.iter().map(|y| y.summary.slug.as_str()));
        dossier_core::added::unique_slug(base, taken)
    })
}

/// Adds an article of the reader's (its slug already free).
pub fn add_yours(article: Article, analysis: Analysis, name: String) -> Yours {
    let article = Rc::new(article);
    let yours = Yours {
        summary: Rc::new(Summary::of(&article)),
        entry: Entry {
            article,
            analysis: Rc::new(analysis),
            keys: Rc::new([]),
        },
        name,
    };
    STORE.with(|s| {
        let mut list = s.yours.borrow_mut();
        list.retain(|y| y.summary.slug != yours.summary.slug);
        list.push(yours.clone());
    });
    yours
}

/// Removes an article of the reader's; returns it (for undo).
pub fn remove_yours(slug: &str) -> Option<Yours> {
    STORE.with(|s| {
        let mut list = s.yours.borrow_mut();
        let at = list.iter().position(|y| y.summary.slug == slug)?;
        Some(list.remove(at))
    })
}

/// Gives an article of the reader's a new title; returns the renamed one.
pub fn rename_yours(slug: &str, title: &str) -> Option<Yours> {
    STORE.with(|s| {
        let mut list = s.yours.borrow_mut();
        let y = list.iter_mut().find(|y| y.summary.slug == slug)?;
        let mut article = (*y.entry.article).clone();
        article.meta.title = title.to_string();
        y.summary = Rc::new(Summary::of(&article));
        y.entry.article = Rc::new(article);
        Some(y.clone())
    })
}

/// The build tag of a split set's article files; `None` when the set is
/// embedded whole.
pub fn split() -> Option<u64> {
    STORE.with(|s| s.split)
}

/// The article with this slug and its analysis, if it is at hand: embedded,
/// or already read from its file.
pub fn entry(slug: &str) -> Option<Entry> {
    STORE.with(|s| {
        s.entries
            .borrow()
            .iter()
            .find(|e| e.article.slug == slug)
            .cloned()
            .or_else(|| s.find_yours(slug, |y| y.entry.clone()))
    })
}

/// Reads the article file of `slug` (a split set) and keeps the article.
pub fn accept(slug: &str, bytes: &[u8]) -> Result<Entry, BlobError> {
    let build = split().ok_or(BlobError::OtherBuild)?;
    let (article, analysis, keys) = format::decode_blob(bytes, build, slug)?;
    let entry = Entry {
        article: Rc::new(article),
        analysis: Rc::new(analysis),
        keys: keys.into(),
    };
    STORE.with(|s| {
        let mut entries = s.entries.borrow_mut();
        if !entries.iter().any(|e| e.article.slug == slug) {
            entries.push(entry.clone());
        }
    });
    Ok(entry)
}

/// How many bytes of the set the WebAssembly embeds.
pub fn embedded_bytes() -> usize {
    BYTES.len()
}

/// The article files of a split set, `(slug, path)` in the build's output
/// folder, for the build-time render to copy out; empty when the set is
/// embedded whole.
#[cfg(feature = "ssr")]
pub fn blobs() -> &'static [(&'static str, &'static str)] {
    blobs::BLOBS
}

mod shards {
    include!(concat!(env!("OUT_DIR"), "/shards.rs"));
}

/// How many entity shards a split set is served with (`set/e/<n>.bin`);
/// 0 when the set is embedded whole. Only the set's pages module calls it.
pub fn entity_shards() -> usize {
    shards::ENTITY_SHARDS
}

/// How many search shards a split set is served with (`set/s/<n>.bin`,
/// listed in `set/s/keys.bin`); 0 when the set is embedded whole. Only the
/// set's pages module calls it.
pub fn search_shards() -> usize {
    shards::SEARCH_SHARDS
}

/// How many files a split set's timeline is served in (`set/t/<n>.bin`,
/// listed in `set/t/keys.bin`); 0 when the set is embedded whole. Only the
/// set's pages module calls it.
pub fn timeline_files() -> usize {
    shards::TIMELINE_FILES
}

static PAGES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/set.postcard"));

/// The id of the element of the single-file page that holds `set/pages.bin`.
pub const PAGES_INLINE_ID: &str = "dossier-set-pages";

/// What the pages of the set read beyond the articles (the linking, the set
/// timeline), computed by the build: embedded in the pages module when the
/// set is whole, `set/pages.bin` (fetched, or inline in the single-file
/// page) when it is split. Only the set's pages module calls it, so the
/// app's own download does not carry these bytes.
pub async fn pages() -> Result<format::SetPages, String> {
    let Some(build) = split().filter(|_| PAGES.is_empty()) else {
        return format::decode_pages(PAGES).map_err(|e| format!("the set's index is damaged: {e}"));
    };
    let bytes = match load::inline_text(PAGES_INLINE_ID) {
        Some(text) => load::inline_bytes(&text)?,
        None => load::fetch(&format::pages_url(build), "the set's index").await?,
    };
    format::decode_pages_file(&bytes, build).map_err(|e| e.about("the set's index"))
}

/// The files of a split set under `dist/set/` (entity shards, search index,
/// timeline by period, the pages of the library's index after the first), as
/// (folder, path in the build's output folder), for the build-time render to
/// copy into `set/<folder>/` by their names (`dossier_core::bundle::SetFolder`).
#[cfg(feature = "ssr")]
pub fn set_files() -> &'static [(&'static str, &'static str)] {
    shards::SET_FILES
}

/// The path of `set/pages.bin` of a split set in the build's output folder,
/// for the build-time render to copy out; the file is empty when the set is
/// whole.
#[cfg(feature = "ssr")]
pub fn pages_file() -> &'static str {
    concat!(env!("OUT_DIR"), "/set-pages.bin")
}

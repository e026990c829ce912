//! The article set, parsed and analysed by the build script and embedded:
//! either whole, or (a large set) as the library's index, each article then
//! read from its own file when it is opened (see [`format`] and [`load`]). Articles read that way are kept here, so reopening one
//! does not fetch it again.

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
}

struct Store {
    index: Rc<[Rc<Summary>]>,
    /// `Some(build)` when the set is split.
    split: Option<u64>,
    /// Embedded entries, then those read from article files.
    entries: RefCell<Vec<Entry>>,
}

fn store(set: Set) -> Store {
    match set {
        Set::Whole(list) => {
            let mut entries = Vec::with_capacity(list.len());
            let mut index = Vec::with_capacity(list.len());
            for (article, analysis) in list {
                let article = Rc::new(article);
                index.push(Rc::new(Summary::of(&article)));
                entries.push(Entry {
                    article,
                    analysis: Rc::new(analysis),
                });
            }
            Store {
                index: index.into(),
                split: None,
                entries: RefCell::new(entries),
            }
        }
        Set::Split { build, index } => Store {
            index: index.into_iter().map(Rc::new).collect(),
            split: Some(build),
            entries: RefCell::new(Vec::new()),
        },
    }
}

thread_local! {
    // The bytes come from our own build script; a mismatch would show as
    // an empty library rather than a crash.
    static STORE: Store = store(format::decode_set(BYTES).unwrap_or(Set::Whole(Vec::new())));
}

/// What the library lists: every article of the set, in file name order.
pub fn index() -> Rc<[Rc<Summary>]> {
    STORE.with(|s| Rc::clone(&s.index))
}

/// The library's entry for this slug.
pub fn summary(slug: &str) -> Option<Rc<Summary>> {
    STORE.with(|s| s.index.iter().find(|e| e.slug == slug).cloned())
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
    })
}

/// Reads the article file of `slug` (a split set) and keeps the article.
pub fn accept(slug: &str, bytes: &[u8]) -> Result<Entry, BlobError> {
    let build = split().ok_or(BlobError::OtherBuild)?;
    let (article, analysis) = format::decode_blob(bytes, build, slug)?;
    let entry = Entry {
        article: Rc::new(article),
        analysis: Rc::new(analysis),
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

/// The article files of a split set, `(slug, bytes)`, for the build-time
/// render to write out; empty when the set is embedded whole.
#[cfg(feature = "ssr")]
pub fn blobs() -> &'static [(&'static str, &'static [u8])] {
    blobs::BLOBS
}

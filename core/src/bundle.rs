//! The article set as the build writes it and the app reads it back (postcard).
//!
//! A small set is embedded whole in the WebAssembly: every article with its
//! analysis. A large one is split: the WebAssembly carries only the first
//! page of the index the library shows ([`Summary`] per article, the first
//! [`LIBRARY_PAGE`] rows) and how many articles there are; the rest of the
//! index is in pages of its own, `set/l/<n>.bin`, fetched as the library is
//! read, and each article with its analysis is a file of its own,
//! `articles/<slug>.bin`, fetched when it is opened.
//! The rule and its threshold are [`split_above`] and [`SPLIT_ABOVE`]; the
//! reasons are in `docs/performance.md` ("How cost grows with the set").
//!
//! The build script (`build.rs`) writes it and the app reads it, both through
//! this module.

use crate::set::{Linking, TimelineItem};
use crate::view::pages::{entity_view, EntityView, WITH_KEPT};
use crate::{Analysis, Article, Meta};
use serde::{Deserialize, Serialize};

/// A set whose encoded articles take more than this many bytes (and that has
/// more than one article) is split.
pub const SPLIT_ABOVE: usize = 150 * 1024;

/// How many rows of the library's index of a split set one page holds: the
/// first page is embedded, the others are files (`set/l/<n>.bin`). A page
/// is about 20 KiB (7 KiB compressed), so that what the app embeds does not
/// grow with the set.
pub const LIBRARY_PAGE: usize = 64;

/// How long a library teaser may be, in bytes.
pub const TEASER_BYTES: usize = 240;

/// What the library shows of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub slug: String,
    pub meta: Meta,
    pub minutes: u32,
    pub teaser: String,
}

impl Summary {
    pub fn of(article: &Article) -> Self {
        Summary {
            slug: article.slug.clone(),
            meta: article.meta.clone(),
            minutes: u32::try_from(article.reading_minutes()).unwrap_or(u32::MAX),
            teaser: article.teaser(TEASER_BYTES),
        }
    }
}

/// What the app embeds.
#[derive(Debug, PartialEq, Deserialize)]
pub enum Set {
    /// Every article with its analysis, in file name order, and the set-level
    /// key of each of its entities (`keys[article][entity]`, see
    /// [`crate::set::Linking::keys_of`]).
    Whole {
        articles: Vec<(Article, Analysis)>,
        keys: Vec<Vec<String>>,
    },
    /// The index's first page (`head`, at most [`LIBRARY_PAGE`] rows) and
    /// the number of articles; the other pages and each article are separate
    /// files tagged with `build`.
    Split {
        build: u64,
        count: usize,
        head: Vec<Summary>,
    },
}

/// [`Set`] as it is written, without copying the articles (same encoding).
#[derive(Serialize)]
enum SetRef<'a> {
    Whole {
        articles: &'a [(Article, Analysis)],
        keys: &'a [Vec<String>],
    },
    Split {
        build: u64,
        count: usize,
        head: &'a [Summary],
    },
}

/// One page of the library's index of a split set (`set/l/<n>.bin`).
#[derive(Serialize, Deserialize)]
struct LibraryPage {
    build: u64,
    page: usize,
    rows: Vec<Summary>,
}

/// One article file of a split set.
#[derive(Deserialize)]
struct Blob {
    build: u64,
    article: Article,
    analysis: Analysis,
    keys: Vec<String>,
}

#[derive(Serialize)]
struct BlobRef<'a> {
    build: u64,
    article: &'a Article,
    analysis: &'a Analysis,
    keys: &'a [String],
}

/// The build's output: the bytes to embed, and for a split set one file per
/// article, `(slug, bytes)`, in set order.
#[derive(Debug)]
pub struct Encoded {
    pub embedded: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
    /// The pages of the library's index after the first (embedded), in
    /// order: `library[i]` is page `i + 1`.
    pub library: Vec<Vec<u8>>,
    /// Bytes of the whole set encoded as one (what decides the split).
    pub whole: usize,
    /// The tag of a split set's files (0 when the set is whole).
    pub build: u64,
}

/// Whether a set of `count` articles whose encoding takes `bytes` is split.
/// A single article is never split: it is the first view, so it belongs in
/// the first download (and in the build-time render the page hydrates).
pub fn split_above(count: usize, bytes: usize, threshold: usize) -> bool {
    count > 1 && bytes > threshold
}

/// Encodes the set with the set-level keys of its entities (`keys[article]
/// [entity]`), split or whole by [`split_above`] with `threshold`.
pub fn encode(
    set: &[(Article, Analysis)],
    keys: &[Vec<String>],
    threshold: usize,
) -> Result<Encoded, String> {
    let err = |e: postcard::Error| format!("serialising the articles: {e}");
    if keys.len() != set.len() {
        return Err(format!(
            "serialising the articles: {} articles but keys for {}",
            set.len(),
            keys.len()
        ));
    }
    let whole_bytes = postcard::to_allocvec(&SetRef::Whole {
        articles: set,
        keys,
    })
    .map_err(err)?;
    let whole = whole_bytes.len();
    if !split_above(set.len(), whole, threshold) {
        return Ok(Encoded {
            embedded: whole_bytes,
            files: Vec::new(),
            library: Vec::new(),
            whole,
            build: 0,
        });
    }
    let build = fnv1a(&whole_bytes);
    let index: Vec<Summary> = set.iter().map(|(a, _)| Summary::of(a)).collect();
    let mut pages = index.chunks(LIBRARY_PAGE);
    let embedded = postcard::to_allocvec(&SetRef::Split {
        build,
        count: index.len(),
        head: pages.next().unwrap_or_default(),
    })
    .map_err(err)?;
    let library = pages
        .enumerate()
        .map(|(i, rows)| {
            postcard::to_allocvec(&LibraryPage {
                build,
                page: i + 1,
                rows: rows.to_vec(),
            })
            .map_err(err)
        })
        .collect::<Result<_, _>>()?;
    let files = set
        .iter()
        .zip(keys)
        .map(|((article, analysis), keys)| {
            let blob = BlobRef {
                build,
                article,
                analysis,
                keys,
            };
            postcard::to_allocvec(&blob)
                .map(|bytes| (article.slug.clone(), bytes))
                .map_err(err)
        })
        .collect::<Result<_, _>>()?;
    Ok(Encoded {
        embedded,
        files,
        library,
        whole,
        build,
    })
}

/// How many pages the library's index of `count` articles takes.
pub fn library_pages(count: usize) -> usize {
    count.div_ceil(LIBRARY_PAGE)
}

/// The page of the library's index that holds row `row`.
pub fn library_page_of(row: usize) -> usize {
    row / LIBRARY_PAGE
}

/// A folder of a split set's files under `dist/set/`: the pages of the
/// library's index after the first, the entity shards, the search index and
/// the timeline by period. Each holds numbered files (`<n>.bin`) and, for
/// search and the timeline, a list of them; every URL carries the build, so
/// that a stale HTTP cache stays out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetFolder {
    /// `set/l/`: the pages of the library's index after the first.
    Library,
    /// `set/e/`: the entity pages, in shards by key.
    Entities,
    /// `set/s/`: the search index in shards by key range, its list
    /// ([`SEARCH_KEYS_FILE`]) and its facets ([`SEARCH_FACETS_FILE`]).
    Search,
    /// `set/t/`: the set timeline by period and its list
    /// ([`TIMELINE_KEYS_FILE`]).
    Timeline,
}

impl SetFolder {
    /// The folder's name under `dist/set/`.
    pub fn name(self) -> &'static str {
        match self {
            SetFolder::Library => "l",
            SetFolder::Entities => "e",
            SetFolder::Search => "s",
            SetFolder::Timeline => "t",
        }
    }

    /// The name of numbered file `n` in the folder.
    pub fn file(n: usize) -> String {
        format!("{n}.bin")
    }

    /// Where numbered file `n` of the folder lives, relative to the page (so
    /// that a site under a sub-path works).
    pub fn url(self, n: usize, build: u64) -> String {
        self.url_of(&Self::file(n), build)
    }

    /// Where the folder's file `name` lives, relative to the page.
    pub fn url_of(self, name: &str, build: u64) -> String {
        format!("set/{}/{name}?b={build:016x}", self.name())
    }
}

/// Reads page `n` of the library's index of the split set `build`.
pub fn decode_library_page(bytes: &[u8], build: u64, n: usize) -> Result<Vec<Summary>, BlobError> {
    let page: LibraryPage = postcard::from_bytes(bytes).map_err(|_| BlobError::Corrupt)?;
    if page.build != build {
        return Err(BlobError::OtherBuild);
    }
    if page.page != n || page.rows.is_empty() || page.rows.len() > LIBRARY_PAGE {
        return Err(BlobError::Corrupt);
    }
    Ok(page.rows)
}

/// What the pages of the set (entity pages, set timeline, search) read
/// beyond the articles, computed at build time: the linking needs the
/// recogniser's gazetteers, which the page does not carry. The entity pages
/// and the search index are derived from the articles and this linking by
/// `set::entity_index` and `set::SearchIndex::build` when they are opened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetPages {
    pub linking: Linking,
    /// Every dated event and publication date, in time order.
    pub timeline: Vec<TimelineItem>,
    /// What each point of `timeline` is: the event's label, or the
    /// article's title for a publication date.
    pub labels: Vec<String>,
    /// Every article's slug and title, in set order: a split set's app
    /// holds only the first page of the library's index.
    pub slugs: Vec<String>,
    pub titles: Vec<String>,
}

impl SetPages {
    /// Links the set and orders its timeline.
    pub fn of(set: &[(Article, Analysis)]) -> SetPages {
        let entities: Vec<&[crate::analysis::Entity]> =
            set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        SetPages::with_linking(set, crate::set::link(&entities))
    }

    /// Orders the timeline of a set already linked (by the build, then
    /// corrected by the reader).
    pub fn with_linking(set: &[(Article, Analysis)], linking: Linking) -> SetPages {
        let timeline = crate::set::set_timeline(set, &linking);
        let labels = timeline
            .iter()
            .map(|item| match item.point {
                crate::set::index::Point::Published { article } => set
                    .get(article)
                    .map(|(a, _)| a.meta.title.clone())
                    .unwrap_or_default(),
                crate::set::index::Point::Event(r) => set
                    .get(r.article)
                    .and_then(|(_, an)| an.timeline.get(r.event))
                    .map(|e| e.label.clone())
                    .unwrap_or_default(),
            })
            .collect();
        SetPages {
            linking,
            timeline,
            labels,
            slugs: set.iter().map(|(a, _)| a.slug.clone()).collect(),
            titles: set.iter().map(|(a, _)| a.meta.title.clone()).collect(),
        }
    }
}

/// What the set's pages read of a split set, as a file of its own
/// (`set/pages.bin`, [`pages_url`]) tagged with the set's build: the pages
/// module of a large set does not carry it.
pub fn encode_pages_file(pages: &SetPages, build: u64) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(&(build, pages)).map_err(|e| format!("serialising the set's pages: {e}"))
}

/// Reads `set/pages.bin` of the split set `build`.
pub fn decode_pages_file(bytes: &[u8], build: u64) -> Result<SetPages, BlobError> {
    let (tag, pages): (u64, SetPages) =
        postcard::from_bytes(bytes).map_err(|_| BlobError::Corrupt)?;
    if tag != build {
        return Err(BlobError::OtherBuild);
    }
    Ok(pages)
}

/// Where the file of what the set's pages read lives, relative to the page.
pub fn pages_url(build: u64) -> String {
    format!("set/pages.bin?b={build:016x}")
}

/// Encodes what the set's pages read (see [`SetPages`]).
pub fn encode_pages(pages: &SetPages) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(pages).map_err(|e| format!("serialising the set's pages: {e}"))
}

/// Reads back what [`encode_pages`] wrote.
pub fn decode_pages(bytes: &[u8]) -> Result<SetPages, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Reads back what [`encode`] embedded.
pub fn decode_set(bytes: &[u8]) -> Result<Set, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Why an article file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BlobError {
    /// Not an article file of this format.
    Corrupt,
    /// An article file of another build of the set (a stale copy).
    OtherBuild,
    /// The file holds another article.
    OtherArticle(String),
}

impl std::fmt::Display for BlobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlobError::Corrupt => write!(f, "the article file is damaged or not an article"),
            BlobError::OtherBuild => {
                write!(f, "the article file belongs to another version of the site")
            }
            BlobError::OtherArticle(slug) => {
                write!(f, "the article file holds another article (“{slug}”)")
            }
        }
    }
}

impl BlobError {
    /// Why a file of the set other than an article's (`what`: "the set's
    /// index") was refused, for the reader.
    pub fn about(&self, what: &str) -> String {
        match self {
            BlobError::OtherBuild => format!("{what} belongs to another version of the site"),
            _ => format!("{what} is damaged"),
        }
    }
}

/// One article of the set as the app reads it: the article, its analysis and
/// the set-level key of each of its entities.
pub type Item = (Article, Analysis, Vec<String>);

/// Reads one article file of the split set `build`, which must hold `slug`.
pub fn decode_blob(bytes: &[u8], build: u64, slug: &str) -> Result<Item, BlobError> {
    let blob: Blob = postcard::from_bytes(bytes).map_err(|_| BlobError::Corrupt)?;
    if blob.build != build {
        return Err(BlobError::OtherBuild);
    }
    if blob.article.slug != slug {
        return Err(BlobError::OtherArticle(blob.article.slug));
    }
    Ok((blob.article, blob.analysis, blob.keys))
}

/// Where an article file lives, relative to the page (so that a site under a
/// sub-path works); `build` in the query keeps a stale HTTP cache out.
pub fn blob_url(slug: &str, build: u64) -> String {
    format!("articles/{slug}.bin?b={build:016x}")
}

/// The file name of an article in `dist/articles/`.
pub fn blob_file(slug: &str) -> String {
    format!("{slug}.bin")
}

/// About this many entities, and at most about this many bytes on average,
/// go into one entity shard.
pub const ENTITIES_PER_SHARD: usize = 32;
pub const SHARD_BYTES: usize = 128 * 1024;

/// The entity shards of a split set: every entity's page, ready to show
/// ([`EntityView`]), in files of about [`ENTITIES_PER_SHARD`] entities by a
/// hash of the key ([`shard_of`]), so that an entity page of a large set
/// is one small request, not every article of the set.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityShard {
    pub build: u64,
    pub views: Vec<EntityView>,
}

/// How many entity shards a set of `entities` entities whose pages take
/// `bytes` is cut into (a power of two).
pub fn shard_count(entities: usize, bytes: usize) -> usize {
    entities
        .div_ceil(ENTITIES_PER_SHARD)
        .max(bytes.div_ceil(SHARD_BYTES))
        .max(1)
        .next_power_of_two()
}

/// The shard (of `count`) that holds the entity `key`.
pub fn shard_of(key: &str, count: usize) -> usize {
    let count = count.max(1) as u64;
    usize::try_from(fnv1a(key.as_bytes()) % count).unwrap_or(0)
}

/// The entity shards of `set` (split, tagged `build`), listed by `slugs`,
/// with what the build computed for its pages: shard `n` is
/// `result[n]`.
pub fn entity_shards(
    set: &[(Article, Analysis)],
    slugs: &[&str],
    pages: &SetPages,
    build: u64,
) -> Result<Vec<Vec<u8>>, String> {
    let titles: Vec<&str> = set.iter().map(|(a, _)| a.meta.title.as_str()).collect();
    let rows = crate::view::pages::timeline_rows(pages, slugs, &titles);
    let index = crate::set::entity_index(set, &pages.linking);
    let err = |e: postcard::Error| format!("serialising the entity pages: {e}");
    let mut views = Vec::with_capacity(index.pages.len());
    let mut bytes = 0;
    for (i, page) in index.pages.iter().enumerate() {
        let view = entity_view(
            set,
            slugs,
            &pages.linking,
            i,
            page,
            &rows,
            &|_| false,
            WITH_KEPT,
        );
        bytes += postcard::to_allocvec(&view).map_err(err)?.len();
        views.push(view);
    }
    let count = shard_count(views.len(), bytes);
    let mut shards: Vec<Vec<EntityView>> = vec![Vec::new(); count];
    for view in views {
        if let Some(shard) = shards.get_mut(shard_of(&view.key, count)) {
            shard.push(view);
        }
    }
    shards
        .into_iter()
        .map(|views| postcard::to_allocvec(&EntityShard { build, views }).map_err(err))
        .collect()
}

/// The page of entity `key` from its shard of the split set `build`:
/// `None` when the set has no such entity.
pub fn decode_shard(bytes: &[u8], build: u64, key: &str) -> Result<Option<EntityView>, BlobError> {
    let shard: EntityShard = postcard::from_bytes(bytes).map_err(|_| BlobError::Corrupt)?;
    if shard.build != build {
        return Err(BlobError::OtherBuild);
    }
    Ok(shard.views.into_iter().find(|v| v.key == key))
}

/// The file name of the list of the search shards in `dist/set/s/`.
pub const SEARCH_KEYS_FILE: &str = "keys.bin";

/// The file name of the articles' dates, sections and title order in
/// `dist/set/s/` (`crate::set::search::facets`).
pub const SEARCH_FACETS_FILE: &str = "facets.bin";

/// The facets file of a split set ([`SEARCH_FACETS_FILE`]): what search
/// sorts and filters by.
pub fn search_facets(set: &[(Article, Analysis)], build: u64) -> Result<Vec<u8>, String> {
    let articles: Vec<(Option<&str>, Option<&str>, &str)> = set
        .iter()
        .map(|(a, _)| {
            (
                a.meta.date.as_deref(),
                a.meta.section.as_deref(),
                a.meta.title.as_str(),
            )
        })
        .collect();
    crate::set::search::facets::encode(&crate::set::search::facets::facets(&articles, build))
}

/// The search index of a split set (`set`, tagged `build`): its list
/// ([`SEARCH_KEYS_FILE`]) and its shards, in order. The words of each
/// article are counted on every core.
pub fn search_shards(
    set: &[(Article, Analysis)],
    linking: &crate::set::Linking,
    build: u64,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    use crate::set::search::shards;
    let counts = map_on_cores(set, |(a, _)| shards::word_counts(a));
    let ents: Vec<&[crate::analysis::Entity]> =
        set.iter().map(|(_, a)| a.entities.as_slice()).collect();
    let entries = shards::entries(&counts, &ents, linking);
    drop(counts);
    let (keys, files) = shards::cut(entries, set.len(), build)?;
    let keys =
        postcard::to_allocvec(&keys).map_err(|e| format!("serialising the search index: {e}"))?;
    Ok((keys, files))
}

/// The file name of the list of the set timeline's files in `dist/set/t/`.
pub const TIMELINE_KEYS_FILE: &str = "keys.bin";

/// The set timeline of a split set (`pages`, its articles named by `slugs`
/// and `titles`, tagged `build`) by period: its list
/// ([`TIMELINE_KEYS_FILE`]) and its files, in time order.
pub fn timeline_files(
    pages: &SetPages,
    slugs: &[&str],
    titles: &[&str],
    build: u64,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    let rows = crate::view::pages::timeline_rows(pages, slugs, titles);
    crate::view::periods::cut(&rows, build, crate::view::periods::PERIOD_BYTES)
}

/// `f` of every item, in order, computed on as many threads as the machine
/// has cores (the build's work on every article).
pub fn map_on_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per = items.len().div_ceil(threads).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// The list of a split set's search shards, checked against `build`.
pub fn decode_search_keys(
    bytes: &[u8],
    build: u64,
) -> Result<crate::set::search::shards::SearchKeys, BlobError> {
    let keys: crate::set::search::shards::SearchKeys =
        postcard::from_bytes(bytes).map_err(|_| BlobError::Corrupt)?;
    if keys.build != build {
        return Err(BlobError::OtherBuild);
    }
    Ok(keys)
}

/// 64-bit FNV-1a: identifies a build of the set.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(n: usize, words: usize) -> Vec<(Article, Analysis)> {
        (0..n)
            .map(|i| {
                let body: String = (0..words)
                    .map(|w| {
                        format!("Anna Berg met Paolo Conte in Vienna on 3 May 2021, word {w}. ")
                    })
                    .collect();
                let src = format!(
                    "+++\ntitle = \"Story {i}\"\ndate = \"2021-05-0{}\"\n+++\n\n{body}\n",
                    1 + i % 9
                );
                let a =
                    crate::article::parse_article(&format!("{i:03}-story-{i}.md"), src.as_bytes())
                        .expect("a valid article");
                let analysis = crate::analyze(&a.parts(), a.meta.date.as_deref());
                (a, analysis)
            })
            .collect()
    }

    #[test]
    fn the_pages_of_the_set_round_trip_and_link_across_articles() {
        let set = set(3, 2);
        let pages = SetPages::of(&set);
        let bytes = encode_pages(&pages).expect("encodes");
        let back = decode_pages(&bytes).expect("decodes");
        assert_eq!(back, pages);
        // One person named in every article is one entity of the set.
        let anna = back
            .linking
            .entities
            .iter()
            .find(|e| e.name == "Anna Berg")
            .expect("Anna Berg is linked");
        assert_eq!(anna.members.len(), 3);
        // Three publication dates and the events of every article, ordered.
        let published = back
            .timeline
            .iter()
            .filter(|t| matches!(t.point, crate::set::index::Point::Published { .. }))
            .count();
        assert_eq!(published, 3);
        assert_eq!(back.labels.len(), back.timeline.len());
        assert!(back.labels.iter().any(|l| l == "Story 1"));
        assert!(back.timeline.len() > 3);
        assert!(back.timeline.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(decode_pages(&bytes[..bytes.len() / 2]).is_err());
    }

    fn keys(s: &[(Article, Analysis)]) -> Vec<Vec<String>> {
        let entities: Vec<&[crate::analysis::Entity]> =
            s.iter().map(|(_, a)| a.entities.as_slice()).collect();
        crate::set::link(&entities).keys_of()
    }

    fn encode(s: &[(Article, Analysis)], threshold: usize) -> Result<Encoded, String> {
        super::encode(s, &keys(s), threshold)
    }

    #[test]
    fn a_small_set_is_embedded_whole_and_reads_back_the_same() {
        let s = set(3, 5);
        let e = encode(&s, SPLIT_ABOVE).expect("encodes");
        assert!(e.files.is_empty());
        assert_eq!(e.embedded.len(), e.whole);
        let k = keys(&s);
        // One key per entity, the same person the same key in every article.
        assert!(k
            .iter()
            .zip(&s)
            .all(|(k, (_, a))| k.len() == a.entities.len()));
        let anna: Vec<&String> = k
            .iter()
            .zip(&s)
            .filter_map(|(k, (_, a))| {
                let i = a.entities.iter().position(|e| e.name == "Anna Berg")?;
                k.get(i)
            })
            .collect();
        assert_eq!(anna.len(), 3);
        assert!(anna.iter().all(|key| *key == anna[0]));
        assert_eq!(
            decode_set(&e.embedded),
            Ok(Set::Whole {
                articles: s,
                keys: k
            })
        );
        assert!(super::encode(&set(2, 1), &[], SPLIT_ABOVE).is_err());
    }

    #[test]
    fn a_large_set_is_split_into_an_index_and_one_file_per_article() {
        let s = set(4, 40);
        let e = encode(&s, 1000).expect("encodes");
        assert!(e.whole > 1000);
        let Ok(Set::Split {
            build,
            count,
            head: index,
        }) = decode_set(&e.embedded)
        else {
            panic!("not split")
        };
        assert_eq!(count, 4);
        assert!(e.library.is_empty(), "four rows are one page");
        assert!(
            e.embedded.len() < e.whole / 4,
            "the index is a fraction of the set"
        );
        assert_eq!(index.len(), 4);
        assert_eq!(e.files.len(), 4);
        for ((a, analysis), (summary, (slug, bytes))) in s.iter().zip(index.iter().zip(&e.files)) {
            assert_eq!(summary, &Summary::of(a));
            assert_eq!(summary.minutes as usize, a.reading_minutes());
            assert_eq!(summary.teaser, a.teaser(TEASER_BYTES));
            assert_eq!(slug, &a.slug);
            let back = decode_blob(bytes, build, slug).expect("reads back");
            assert_eq!(&back.0, a);
            assert_eq!(&back.1, analysis);
            assert_eq!(back.2.len(), analysis.entities.len());
        }
    }

    #[test]
    fn a_split_set_embeds_the_first_page_of_its_index_and_writes_the_others() {
        let n = 2 * LIBRARY_PAGE + 7;
        let s = set(n, 1);
        let e = encode(&s, 10).expect("encodes");
        let Ok(Set::Split { build, count, head }) = decode_set(&e.embedded) else {
            panic!("not split")
        };
        assert_eq!(count, n);
        assert_eq!(head.len(), LIBRARY_PAGE);
        assert_eq!(library_pages(n), 3);
        assert_eq!(e.library.len(), 2);
        let mut rows = head.clone();
        for (i, bytes) in e.library.iter().enumerate() {
            let page = decode_library_page(bytes, build, i + 1).expect("reads back");
            assert_eq!(library_page_of(rows.len()), i + 1);
            rows.extend(page);
        }
        let want: Vec<Summary> = s.iter().map(|(a, _)| Summary::of(a)).collect();
        assert_eq!(rows, want);
        // What is embedded does not grow with the set.
        let small = encode(&set(LIBRARY_PAGE + 1, 1), 10).expect("encodes");
        assert!(e.embedded.len() <= small.embedded.len() + 16);
        // Another page, another build, or a damaged file is refused.
        let page1 = &e.library[0];
        assert_eq!(
            decode_library_page(page1, build, 2),
            Err(BlobError::Corrupt)
        );
        assert_eq!(
            decode_library_page(page1, build ^ 1, 1),
            Err(BlobError::OtherBuild)
        );
        assert_eq!(
            decode_library_page(&page1[..page1.len() / 2], build, 1),
            Err(BlobError::Corrupt)
        );
        assert_eq!(
            SetFolder::Library.url(3, 0xab),
            "set/l/3.bin?b=00000000000000ab"
        );
        // The set's pages list every article, not only the first page.
        let pages = SetPages::of(&s);
        assert_eq!(pages.slugs.len(), n);
        assert_eq!(pages.titles[n - 1], s[n - 1].0.meta.title);
    }

    #[test]
    fn the_threshold_decides_and_a_single_article_is_never_split() {
        let s = set(2, 10);
        let bytes = encode(&s, usize::MAX).expect("encodes").whole;
        assert!(encode(&s, bytes).expect("encodes").files.is_empty());
        assert_eq!(encode(&s, bytes - 1).expect("encodes").files.len(), 2);
        let one = set(1, 200);
        let e = encode(&one, 10).expect("encodes");
        assert!(e.files.is_empty());
        assert!(
            matches!(decode_set(&e.embedded), Ok(Set::Whole { articles, .. }) if articles.len() == 1)
        );
    }

    #[test]
    fn a_wrong_damaged_or_stale_file_is_refused() {
        let s = set(3, 40);
        let e = encode(&s, 10).expect("encodes");
        let Ok(Set::Split { build, .. }) = decode_set(&e.embedded) else {
            panic!("not split")
        };
        let (slug0, bytes0) = &e.files[0];
        let (slug1, _) = &e.files[1];
        assert_eq!(
            decode_blob(bytes0, build, slug1),
            Err(BlobError::OtherArticle(slug0.clone()))
        );
        assert_eq!(
            decode_blob(bytes0, build ^ 1, slug0),
            Err(BlobError::OtherBuild)
        );
        assert_eq!(
            decode_blob(&bytes0[..bytes0.len() / 2], build, slug0),
            Err(BlobError::Corrupt)
        );
        assert_eq!(
            decode_blob(b"<!doctype html>", build, slug0),
            Err(BlobError::Corrupt)
        );
        assert_eq!(decode_blob(&[], build, slug0), Err(BlobError::Corrupt));
        // Another build of the same articles gets another tag.
        let other = encode(&set(3, 41), 10).expect("encodes");
        let Ok(Set::Split { build: b2, .. }) = decode_set(&other.embedded) else {
            panic!("not split")
        };
        assert_ne!(build, b2);
    }

    #[test]
    fn urls_are_relative_and_carry_the_build() {
        assert_eq!(blob_url("a-b", 0xab), "articles/a-b.bin?b=00000000000000ab");
        assert_eq!(blob_file("a-b"), "a-b.bin");
    }

    /// A set whose articles name different people, in scripts of several
    /// kinds, so that there are more entities than one shard holds.
    fn varied(n: usize) -> Vec<(Article, Analysis)> {
        (0..n)
            .map(|i| {
                let src = format!(
                    "+++\ntitle = \"Report {i} 🚢\"\ndate = \"2021-05-{:02}\"\n+++\n\n\
                     Mayor Halvard Quist{i} met Ingrid Solberg in Tromsø on 3 May 2021 — said \
                     مرحبا 👋🏽 and café. Quist{i} left for Narvik on 4 May 2021.\n",
                    1 + i % 28
                );
                let a = crate::article::parse_article(&format!("{i:03}-report.md"), src.as_bytes())
                    .expect("a valid article");
                let analysis = crate::analyze(&a.parts(), a.meta.date.as_deref());
                (a, analysis)
            })
            .collect()
    }

    /// The view of entity `i` built from the whole set, keeping as many of
    /// the entities named with it as its shard does.
    fn whole_view(s: &[(Article, Analysis)], pages: &SetPages, i: usize) -> EntityView {
        let slugs: Vec<&str> = s.iter().map(|(a, _)| a.slug.as_str()).collect();
        let titles: Vec<&str> = s.iter().map(|(a, _)| a.meta.title.as_str()).collect();
        let rows = crate::view::pages::timeline_rows(pages, &slugs, &titles);
        let index = crate::set::entity_index(s, &pages.linking);
        entity_view(
            s,
            &slugs,
            &pages.linking,
            i,
            &index.pages[i],
            &rows,
            &|_| false,
            WITH_KEPT,
        )
    }

    #[test]
    fn an_entity_page_from_its_shard_takes_renames_types_and_hiding_as_the_whole_set_does() {
        use crate::analysis::EntityKind;
        use crate::set::correct::{self, Correction};
        use crate::view::pages::{corrected_view, WITH_SHOWN};
        // Ingrid Solberg is named with more entities than a page shows.
        let s = varied(WITH_SHOWN + 10);
        let pages = SetPages::of(&s);
        let slugs: Vec<&str> = s.iter().map(|(a, _)| a.slug.as_str()).collect();
        let titles: Vec<&str> = s.iter().map(|(a, _)| a.meta.title.as_str()).collect();
        let shards = entity_shards(&s, &slugs, &pages, 7).expect("encodes");
        let key_of = |name: &str| {
            pages
                .linking
                .entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.key.clone())
                .unwrap_or_else(|| panic!("{name}: {:?}", pages.linking.entities))
        };
        let (ingrid, tromso, narvik) =
            (key_of("Ingrid Solberg"), key_of("Tromsø"), key_of("Narvik"));
        let list = vec![
            Correction::Rename {
                key: ingrid.clone(),
                name: "Ingrid Solberg-Aas".into(),
            },
            Correction::Retype {
                key: ingrid.clone(),
                kind: EntityKind::Organization,
            },
            Correction::Rename {
                key: ingrid.clone(),
                name: "I. Solberg 🧭".into(),
            },
            Correction::Hide {
                key: tromso.clone(),
            },
            Correction::Rename {
                key: narvik.clone(),
                name: "نارفيك".into(),
            },
            Correction::Hide {
                key: narvik.clone(),
            },
        ];
        assert!(correct::keys_only(&list));
        // The page's whole path: the corrections applied to the set.
        let corrected = correct::apply(&s, &pages.linking, &list);
        assert!(corrected.stale.is_empty(), "{:?}", corrected.stale);
        let whole = SetPages::with_linking(&s, corrected.linking.clone());
        let rows = crate::view::pages::timeline_rows(&whole, &slugs, &titles);
        let index = crate::set::entity_index(&s, &whole.linking);
        let mut checked = 0;
        for (i, e) in pages.linking.entities.iter().enumerate() {
            let view = decode_shard(&shards[shard_of(&e.key, shards.len())], 7, &e.key)
                .expect("reads")
                .expect("in its shard");
            let (light, hidden) = corrected_view(&view, &list);
            let expected = entity_view(
                &s,
                &slugs,
                &whole.linking,
                i,
                &index.pages[i],
                &rows,
                &|k| corrected.hidden.contains(k),
                WITH_SHOWN,
            );
            assert_eq!(light, expected, "{}", e.key);
            assert_eq!(hidden, corrected.hidden.contains(&e.key), "{}", e.key);
            checked += 1;
        }
        assert_eq!(checked, pages.linking.entities.len());
        let (ingrid_page, _) = corrected_view(
            &decode_shard(&shards[shard_of(&ingrid, shards.len())], 7, &ingrid)
                .expect("reads")
                .expect("in its shard"),
            &list,
        );
        assert_eq!(ingrid_page.name, "I. Solberg 🧭");
        assert_eq!(ingrid_page.kind, EntityKind::Organization);
        assert!(ingrid_page.aliases.contains(&"Ingrid Solberg".to_string()));
        assert!(ingrid_page
            .aliases
            .contains(&"Ingrid Solberg-Aas".to_string()));
        assert!(ingrid_page
            .with
            .iter()
            .all(|(k, _, _)| *k != tromso && *k != narvik));
        // The next ones named with her take the hidden ones' places.
        assert_eq!(ingrid_page.with.len(), WITH_SHOWN);
        // A merge or a split needs the whole set.
        for c in [
            Correction::Merge {
                key: tromso.clone(),
                into: narvik.clone(),
            },
            Correction::Split {
                key: ingrid.clone(),
                name: "Solberg".into(),
            },
        ] {
            assert!(!correct::keys_only(&[list[0].clone(), c]));
        }
    }

    #[test]
    fn entity_shards_hold_every_entity_page_as_the_whole_set_shows_it() {
        let s = varied(40);
        let pages = SetPages::of(&s);
        let slugs: Vec<&str> = s.iter().map(|(a, _)| a.slug.as_str()).collect();
        let shards = entity_shards(&s, &slugs, &pages, 7).expect("encodes");
        let entities = pages.linking.entities.len();
        assert!(entities > ENTITIES_PER_SHARD, "{entities} entities");
        assert!(shards.len() >= shard_count(entities, 0));
        assert!(shards.len() > 1);
        let mut found = 0;
        for (i, e) in pages.linking.entities.iter().enumerate() {
            let n = shard_of(&e.key, shards.len());
            let view = decode_shard(&shards[n], 7, &e.key)
                .expect("reads")
                .expect("the entity is in its shard");
            // The page's own path: the view built from the whole set.
            assert_eq!(view, whole_view(&s, &pages, i));
            // ... and in no other shard.
            for (m, other) in shards.iter().enumerate() {
                if m != n {
                    assert_eq!(decode_shard(other, 7, &e.key), Ok(None));
                }
            }
            found += 1;
        }
        assert_eq!(found, entities);
        // The person named in every article: 40 articles, each linking to
        // its mention, the sentence cut around the name, non-Latin text whole.
        let key = &pages
            .linking
            .entities
            .iter()
            .find(|e| e.name == "Ingrid Solberg")
            .expect("linked")
            .key;
        let ingrid = decode_shard(&shards[shard_of(key, shards.len())], 7, key)
            .expect("reads")
            .expect("found");
        assert_eq!(ingrid.articles.len(), 40);
        assert!(
            ingrid.articles[0].href.starts_with("#/a/"),
            "{:?}",
            ingrid.articles[0]
        );
        let (href, passage) = &ingrid.shown[0].passages[0];
        assert!(href.contains("/e/"), "{href}");
        let marked: Vec<&str> = passage
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["Ingrid Solberg"]);
        let text: String = passage.iter().map(|(t, _)| t.as_str()).collect();
        assert!(text.contains("Ingrid Solberg in Tromsø"), "{text}");
        assert!(ingrid.events.iter().all(|r| !r.published));
        assert!(
            ingrid.events.iter().any(|r| r.date == "2021-05-03"),
            "{:?}",
            ingrid.events
        );
    }

    #[test]
    fn an_entity_page_names_its_totals_and_keeps_the_first_of_each_list() {
        use crate::view::pages::{ARTICLES_SHOWN, MENTIONS_SHOWN};
        let n = ARTICLES_SHOWN + 5;
        let s = varied(n);
        let pages = SetPages::of(&s);
        let i = pages
            .linking
            .entities
            .iter()
            .position(|e| e.name == "Ingrid Solberg")
            .expect("linked");
        let v = whole_view(&s, &pages, i);
        assert_eq!((v.named, v.articles.len()), (n, ARTICLES_SHOWN));
        assert_eq!(v.mentions, n);
        assert_eq!(v.listed, n);
        let passages: usize = v.shown.iter().map(|g| g.passages.len()).sum();
        assert_eq!(passages, MENTIONS_SHOWN);
        assert_eq!(v.dated, v.events.len());
        assert!(v.dated >= n, "{} events", v.dated);
    }

    #[test]
    fn an_entity_shard_of_another_build_or_damaged_is_refused() {
        let s = varied(3);
        let pages = SetPages::of(&s);
        let slugs: Vec<&str> = s.iter().map(|(a, _)| a.slug.as_str()).collect();
        let shards = entity_shards(&s, &slugs, &pages, 7).expect("encodes");
        assert_eq!(shards.len(), 1);
        let key = &pages.linking.entities[0].key;
        assert!(matches!(decode_shard(&shards[0], 7, key), Ok(Some(_))));
        assert_eq!(decode_shard(&shards[0], 8, key), Err(BlobError::OtherBuild));
        assert_eq!(
            decode_shard(&shards[0][..shards[0].len() / 2], 7, key),
            Err(BlobError::Corrupt)
        );
        assert_eq!(decode_shard(&shards[0], 7, "no-such-key"), Ok(None));
        assert_eq!(
            SetFolder::Entities.url(3, 0xab),
            "set/e/3.bin?b=00000000000000ab"
        );
    }

    #[test]
    fn the_files_of_a_split_set_live_in_one_folder_each_and_carry_the_build() {
        let folders = [
            SetFolder::Library,
            SetFolder::Entities,
            SetFolder::Search,
            SetFolder::Timeline,
        ];
        let names: std::collections::HashSet<&str> = folders.iter().map(|f| f.name()).collect();
        assert_eq!(names.len(), folders.len());
        assert_eq!(SetFolder::file(12), "12.bin");
        assert_eq!(
            SetFolder::Timeline.url(0, 1),
            "set/t/0.bin?b=0000000000000001"
        );
        assert_eq!(
            SetFolder::Search.url(7, 0xab),
            "set/s/7.bin?b=00000000000000ab"
        );
        assert_eq!(
            SetFolder::Search.url_of(SEARCH_KEYS_FILE, 0xab),
            "set/s/keys.bin?b=00000000000000ab"
        );
        assert_eq!(
            SetFolder::Search.url_of(SEARCH_FACETS_FILE, 2),
            "set/s/facets.bin?b=0000000000000002"
        );
        assert_eq!(
            SetFolder::Timeline.url_of(TIMELINE_KEYS_FILE, 3),
            "set/t/keys.bin?b=0000000000000003"
        );
    }

    #[test]
    fn the_pages_file_of_a_split_set_reads_back_only_for_its_build() {
        let s = set(2, 1);
        let pages = SetPages::of(&s);
        let bytes = encode_pages_file(&pages, 9).expect("encodes");
        assert_eq!(decode_pages_file(&bytes, 9), Ok(pages));
        assert_eq!(decode_pages_file(&bytes, 8), Err(BlobError::OtherBuild));
        assert_eq!(
            decode_pages_file(&bytes[..bytes.len() - 3], 9),
            Err(BlobError::Corrupt)
        );
        assert_eq!(pages_url(0x1f), "set/pages.bin?b=000000000000001f");
        assert_eq!(
            BlobError::OtherBuild.about("the set's index"),
            "the set's index belongs to another version of the site"
        );
        assert_eq!(
            BlobError::Corrupt.about("the set's index"),
            "the set's index is damaged"
        );
    }

    #[test]
    fn shards_grow_by_powers_of_two_and_a_key_always_lands_in_one() {
        assert_eq!(shard_count(0, 0), 1);
        assert_eq!(shard_count(ENTITIES_PER_SHARD, SHARD_BYTES), 1);
        assert_eq!(shard_count(ENTITIES_PER_SHARD + 1, 0), 2);
        assert_eq!(shard_count(ENTITIES_PER_SHARD * 5, 0), 8);
        // Heavy pages: more shards than the count of entities asks for.
        assert_eq!(shard_count(ENTITIES_PER_SHARD, SHARD_BYTES * 3), 4);
        for count in [1, 2, 8, 4096] {
            for key in ["", "anna-berg", "ﻣﺮﺣﺒﺎ", "x"] {
                let n = shard_of(key, count);
                assert!(n < count);
                assert_eq!(n, shard_of(key, count));
            }
        }
    }
}

//! Search on a split set from its search shards (`set/s/`,
//! `dossier_core::set::search::shards`): a query reads the list of the
//! shards once, then the shards of its words, ranks every article from
//! them, and reads only the articles of the results it shows (their rows of
//! the library's index, for the slug, and their files, for the snippets).
//! The whole set is read only for what needs all of it: sorting and
//! filtering every article, the reader's corrections and their own
//! articles.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dossier::data;
use dossier::data::format;
use dossier_core::bundle::Summary;
use dossier_core::set::correct::Correction;
use dossier_core::set::parse_query;
use dossier_core::set::search::shards::{self, Loaded, Named, SearchKeys};
use dossier_core::set::Snippet;
use dossier_core::{Analysis, Article};

/// How many candidates of a query with a phrase are read, at most, beyond
/// the results shown, to find the articles that hold the phrase.
const PHRASE_CHECKS: usize = 100;

thread_local! {
    static KEYS: RefCell<Option<Rc<SearchKeys>>> = const { RefCell::new(None) };
    static LOADED: RefCell<Loaded> = RefCell::new(Loaded::default());
    /// Pages of the library's index read for the results, by number.
    static ROWS: RefCell<HashMap<usize, Rc<Vec<Summary>>>> = RefCell::new(HashMap::new());
}

/// Whether search can answer from the shards here: the set is split and
/// served with them, this is not the single file, and nothing of the
/// reader's changes the set (see `crate::shard::light`).
pub fn usable(corrections: &Result<Vec<Correction>, String>) -> bool {
    data::search_shards() > 0
        && crate::shard::light(corrections)
        && !dossier::data::load::single_file()
}

/// One article found, read from its file.
pub struct Found {
    pub slug: String,
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    pub snippets: Vec<Snippet>,
}

/// The answer to a query.
pub struct Answer {
    pub hits: Vec<Found>,
    /// How many articles the query finds (for a phrase: that may hold it).
    pub total: usize,
    /// True when a phrase was not checked in every candidate: `total` is
    /// then an upper bound.
    pub unchecked: bool,
    /// The entities the query names.
    pub named: Vec<Named>,
}

async fn keys(build: u64) -> Result<Rc<SearchKeys>, String> {
    if let Some(keys) = KEYS.with(|k| k.borrow().clone()) {
        return Ok(keys);
    }
    let bytes = data::load::fetch(&format::search_keys_url(build), "the search index").await?;
    let keys = Rc::new(
        format::decode_search_keys(&bytes, build).map_err(|e| e.about("the search index"))?,
    );
    KEYS.with(|k| *k.borrow_mut() = Some(Rc::clone(&keys)));
    Ok(keys)
}

/// The slug of article `n` of the set: from the rows at hand, or from its
/// page of the library's index.
async fn slug_of(n: usize, build: u64) -> Result<String, String> {
    if let Some(row) = data::index().get(n) {
        return Ok(row.slug.clone());
    }
    let page = format::library_page_of(n);
    let rows = match ROWS.with(|r| r.borrow().get(&page).cloned()) {
        Some(rows) => rows,
        None => {
            let what = "the library's list of articles";
            let bytes = data::load::fetch(&format::library_url(page, build), what).await?;
            let rows = Rc::new(
                format::decode_library_page(&bytes, build, page).map_err(|e| e.about(what))?,
            );
            ROWS.with(|r| r.borrow_mut().insert(page, Rc::clone(&rows)));
            rows
        }
    };
    rows.get(n % format::LIBRARY_PAGE)
        .map(|r| r.slug.clone())
        .ok_or_else(|| format!("the library's list has no article {}", n + 1))
}

/// Answers `q` with at most `shown` articles, best first.
pub async fn search(q: &str, shown: usize) -> Result<Answer, String> {
    let build = data::split().unwrap_or_default();
    let keys = keys(build).await?;
    let query = parse_query(q);
    loop {
        let need = LOADED.with(|l| shards::missing(&keys, &l.borrow(), &query));
        if need.is_empty() {
            break;
        }
        let reads = need.iter().map(|&n| async move {
            let bytes = data::load::fetch(&format::search_url(n, build), "the search index").await;
            (n, bytes)
        });
        for (n, bytes) in futures::future::join_all(reads).await {
            let bytes = bytes?;
            LOADED
                .with(|l| l.borrow_mut().add(n, &bytes, build))
                .map_err(|e| e.about("the search index"))?;
        }
    }
    let ranking = LOADED.with(|l| shards::rank(&query, &l.borrow(), keys.articles as usize));
    let phrase = !ranking.phrases.is_empty();
    let limit = if phrase { shown + PHRASE_CHECKS } else { shown };
    let mut hits = Vec::new();
    let mut checked = 0;
    let mut dropped = 0;
    // In rounds of the results still wanted, in rank order.
    while hits.len() < shown && checked < ranking.found.len().min(limit) {
        let end = (checked + shown - hits.len())
            .min(ranking.found.len())
            .min(limit);
        let round = ranking.found[checked..end].iter().map(|&(n, score)| {
            let ranking = &ranking;
            async move {
                let slug = slug_of(n as usize, build).await?;
                let entry = data::load::read(&slug).await?;
                let snippets =
                    shards::hit_in(ranking, n, &entry.article, &entry.analysis, &entry.keys);
                Ok::<_, String>(snippets.map(|snippets| {
                    (
                        score,
                        Found {
                            slug,
                            article: entry.article,
                            analysis: entry.analysis,
                            snippets,
                        },
                    )
                }))
            }
        });
        for found in futures::future::join_all(round).await {
            match found? {
                Some(hit) => hits.push(hit),
                None => dropped += 1,
            }
        }
        checked = end;
    }
    // Ties among those shown: the newer article first, as the whole index ranks.
    hits.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| y.1.article.meta.date.cmp(&x.1.article.meta.date))
    });
    hits.truncate(shown);
    Ok(Answer {
        total: ranking.found.len() - dropped,
        unchecked: phrase && checked < ranking.found.len(),
        hits: hits.into_iter().map(|(_, f)| f).collect(),
        named: ranking.named,
    })
}

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
use dossier_core::analysis::EntityKind;
use dossier_core::bundle::Summary;
use dossier_core::set::correct::{Correction, Overrides};
use dossier_core::set::parse_query;
use dossier_core::set::search::facets::{self, Facets, Filter, Sort};
use dossier_core::set::search::shards::{self, Loaded, Named, Ranking, SearchKeys};
use dossier_core::set::Snippet;
use dossier_core::{Analysis, Article};

/// How many candidates of a query with a phrase are read, at most, beyond
/// the results shown, to find the articles that hold the phrase.
const PHRASE_CHECKS: usize = 100;

thread_local! {
    static KEYS: RefCell<Option<Rc<SearchKeys>>> = const { RefCell::new(None) };
    static FACETS: RefCell<Option<Rc<Facets>>> = const { RefCell::new(None) };
    static LOADED: RefCell<Loaded> = RefCell::new(Loaded::default());
    /// Pages of the library's index read for the results, by number.
    static ROWS: RefCell<HashMap<usize, Rc<Vec<Rc<Summary>>>>> = RefCell::new(HashMap::new());
}

/// Whether search can answer from the shards here: the set is split and
/// served with them, this is not the single file, and nothing of the
/// reader's changes the set beyond renames, types and hiding (see
/// `crate::shard::light`), which [`search`] replays on the index's names.
pub fn usable(corrections: &Result<Vec<Correction>, String>) -> bool {
    crate::shard::served(data::search_shards(), corrections)
}

/// One article found: its row of the library's index, and once its file
/// is read, its snippets.
pub struct Found {
    pub row: Rc<Summary>,
    pub text: Option<Text>,
}

/// What an article found shows of its text.
pub struct Text {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    pub snippets: Vec<Snippet>,
}

/// How the results are filtered and sorted, as the reader set it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arrange {
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub section: String,
    pub kind: Option<EntityKind>,
    /// The name of an entity the articles name.
    pub naming: String,
    /// The sort select's value (`""`: by match, or the newest first
    /// without a query).
    pub sort: String,
}

impl Arrange {
    /// True when it neither filters nor sorts (the ranking as it is).
    fn plain(&self) -> bool {
        *self == Arrange::default()
    }
}

/// The answer to a query.
pub struct Answer {
    pub hits: Vec<Found>,
    /// How many articles the query finds (for a phrase: that may hold it),
    /// filtered.
    pub total: usize,
    /// How many before the filters.
    pub unfiltered: usize,
    /// True when a phrase was not checked in every candidate: `total` is
    /// then an upper bound.
    pub unchecked: bool,
    /// The entities the query names.
    pub named: Vec<Named>,
    /// True once every result shown has its snippets.
    pub complete: bool,
}

async fn keys(build: u64) -> Result<Rc<SearchKeys>, String> {
    if let Some(keys) = KEYS.with(|k| k.borrow().clone()) {
        return Ok(keys);
    }
    let bytes = data::load::fetch(
        &format::SetFolder::Search.url_of(format::SEARCH_KEYS_FILE, build),
        "the search index",
    )
    .await?;
    let keys = Rc::new(
        format::decode_search_keys(&bytes, build).map_err(|e| e.about("the search index"))?,
    );
    KEYS.with(|k| *k.borrow_mut() = Some(Rc::clone(&keys)));
    Ok(keys)
}

/// Every article's date, section and title order (read once).
pub async fn facets() -> Result<Rc<Facets>, String> {
    if let Some(f) = FACETS.with(|f| f.borrow().clone()) {
        return Ok(f);
    }
    let build = data::split().unwrap_or_default();
    let what = "the articles' dates and sections";
    let count = keys(build).await?.articles as usize;
    let bytes = data::load::fetch(
        &format::SetFolder::Search.url_of(format::SEARCH_FACETS_FILE, build),
        what,
    )
    .await?;
    let f = Rc::new(facets::decode(&bytes, build, count).map_err(|e| format!("{what}: {e}"))?);
    FACETS.with(|x| *x.borrow_mut() = Some(Rc::clone(&f)));
    Ok(f)
}

/// The facets, if read already.
pub fn facets_at_hand() -> Option<Rc<Facets>> {
    FACETS.with(|f| f.borrow().clone())
}

/// Reads the shards `query` needs that are not read yet.
async fn load(
    keys: &SearchKeys,
    query: &dossier_core::set::search::Query,
    build: u64,
) -> Result<(), String> {
    loop {
        let need = LOADED.with(|l| shards::missing(keys, &l.borrow(), query));
        if need.is_empty() {
            return Ok(());
        }
        let reads = need.iter().map(|&n| async move {
            let bytes =
                data::load::fetch(&format::SetFolder::Search.url(n, build), "the search index")
                    .await;
            (n, bytes)
        });
        for (n, bytes) in futures::future::join_all(reads).await {
            let bytes = bytes?;
            LOADED
                .with(|l| l.borrow_mut().add(n, &bytes, build))
                .map_err(|e| e.about("the search index"))?;
        }
    }
}

/// The articles that name the entity called `name` (its name, not an
/// alias; case left aside), in order.
async fn naming(
    keys: &SearchKeys,
    name: &str,
    build: u64,
    o: &Overrides,
) -> Result<Vec<u32>, String> {
    load(keys, &shards::name_query(name), build).await?;
    let also = renamed_to(keys, name, build, o).await?;
    Ok(LOADED.with(|l| l.borrow().naming(name, o, &also)))
}

/// The entities the reader renamed to `name`, as the index lists them
/// under their names in the build: each entity's page (its shard) says
/// that name, whose entry is then read.
async fn renamed_to(
    keys: &SearchKeys,
    name: &str,
    build: u64,
    o: &Overrides,
) -> Result<Vec<Named>, String> {
    let mut also = Vec::new();
    for key in shards::renamed_to(o, name) {
        let Some(view) = crate::shard::view(key).await? else {
            continue;
        };
        load(keys, &shards::name_query(&view.name), build).await?;
        also.extend(LOADED.with(|l| l.borrow().named_as(&view.name, key)));
    }
    Ok(also)
}

/// The entities a query names, as the page lists them: hidden ones left
/// out (their articles are still found, as from the whole set).
fn shown_named(named: &[Named], o: &Overrides) -> Vec<Named> {
    named
        .iter()
        .filter(|n| !o.hidden(&n.key))
        .cloned()
        .collect()
}

/// The rows of articles `ns` of the set in the library's index: from the
/// rows at hand, or from their pages (each read once).
async fn rows_of(ns: &[u32], build: u64) -> Result<Vec<Rc<Summary>>, String> {
    let at_hand = data::index();
    let what = "the library's list of articles";
    let mut pages: Vec<usize> = ns
        .iter()
        .map(|&n| n as usize)
        .filter(|&n| n >= at_hand.len())
        .map(format::library_page_of)
        .filter(|p| ROWS.with(|r| !r.borrow().contains_key(p)))
        .collect();
    pages.sort_unstable();
    pages.dedup();
    let reads = pages.into_iter().map(|page| async move {
        let bytes = data::load::fetch(&format::SetFolder::Library.url(page, build), what).await?;
        let rows = format::decode_library_page(&bytes, build, page).map_err(|e| e.about(what))?;
        Ok::<_, String>((
            page,
            Rc::new(rows.into_iter().map(Rc::new).collect::<Vec<_>>()),
        ))
    });
    for read in futures::future::join_all(reads).await {
        let (page, rows) = read?;
        ROWS.with(|r| r.borrow_mut().insert(page, rows));
    }
    ns.iter()
        .map(|&n| {
            let n = n as usize;
            at_hand
                .get(n)
                .cloned()
                .or_else(|| {
                    ROWS.with(|r| {
                        r.borrow()
                            .get(&format::library_page_of(n))
                            .and_then(|rows| rows.get(n % format::LIBRARY_PAGE).cloned())
                    })
                })
                .ok_or_else(|| format!("the library's list has no article {}", n + 1))
        })
        .collect()
}

/// The snippets of article `n` (its row `row`) for `ranking`, from its
/// file; `None` when it does not hold the query's phrase.
async fn text_of(ranking: &Ranking, n: u32, row: &Summary) -> Result<Option<Text>, String> {
    let entry = data::load::read(&row.slug).await?;
    Ok(
        shards::hit_in(ranking, n, &entry.article, &entry.analysis, &entry.keys).map(|snippets| {
            Text {
                article: entry.article,
                analysis: entry.analysis,
                snippets,
            }
        }),
    )
}

/// Answers `q` with at most `shown` articles, best first (or as `how`
/// filters and sorts them; without a query, every article to browse), as
/// the reader's corrections `o` (renames, types and hiding) leave the set;
/// `listed` is called with the results before their snippets are read
/// (not for a phrase, whose articles must be read to know they hold it).
pub async fn search(
    q: &str,
    shown: usize,
    how: &Arrange,
    o: &Overrides,
    listed: impl Fn(Answer),
) -> Result<Answer, String> {
    let build = data::split().unwrap_or_default();
    let keys = keys(build).await?;
    let query = parse_query(q);
    let browsing = q.trim().is_empty();
    let mut ranking = if browsing {
        Ranking {
            found: (0..keys.articles).map(|a| (a, 0.0)).collect(),
            named: Vec::new(),
            marked: Default::default(),
            phrases: Vec::new(),
        }
    } else {
        load(&keys, &query, build).await?;
        let also = renamed_to(&keys, q, build, o).await?;
        LOADED
            .with(|l| shards::rank_corrected(&query, &l.borrow(), keys.articles as usize, &also, o))
    };
    let unfiltered = ranking.found.len();
    let sort = Sort::parse(&how.sort, browsing);
    if !how.plain() || browsing {
        let facets = facets().await?;
        let naming = match how.naming.trim() {
            "" => None,
            name => Some(naming(&keys, name, build, o).await?),
        };
        let filter = Filter {
            from: how.from,
            to: how.to,
            section: Some(how.section.clone()).filter(|s| !s.is_empty()),
            kind: how.kind,
            naming,
        };
        ranking.found = facets.arrange(&ranking.found, &ranking.named, &filter, sort);
    }
    let phrase = !ranking.phrases.is_empty();
    let limit = if phrase { shown + PHRASE_CHECKS } else { shown };
    let mut hits: Vec<(f64, Found)> = Vec::new();
    let mut checked = 0;
    let mut dropped = 0;
    // Ties among those shown: the newer article first, as the whole index
    // ranks (sorted otherwise, they are in order already).
    let order = |hits: &mut Vec<(f64, Found)>| {
        if sort == Sort::Match {
            hits.sort_by(|x, y| {
                y.0.total_cmp(&x.0)
                    .then_with(|| y.1.row.meta.date.cmp(&x.1.row.meta.date))
            })
        }
    };
    // In rounds of the results still wanted, in rank order.
    while hits.len() < shown && checked < ranking.found.len().min(limit) {
        let end = (checked + shown - hits.len())
            .min(ranking.found.len())
            .min(limit);
        let round = &ranking.found[checked..end];
        let ns: Vec<u32> = round.iter().map(|f| f.0).collect();
        let rows = rows_of(&ns, build).await?;
        if !phrase {
            let mut first: Vec<(f64, Found)> = round
                .iter()
                .zip(&rows)
                .map(|(&(_, score), row)| {
                    (
                        score,
                        Found {
                            row: Rc::clone(row),
                            text: None,
                        },
                    )
                })
                .collect();
            order(&mut first);
            if browsing {
                // Nothing to mark: the rows are the results.
                hits.extend(first);
                checked = end;
                continue;
            }
            listed(Answer {
                total: ranking.found.len(),
                unfiltered,
                unchecked: false,
                hits: first.into_iter().map(|(_, f)| f).collect(),
                named: shown_named(&ranking.named, o),
                complete: false,
            });
        }
        let texts = round
            .iter()
            .zip(&rows)
            .map(|(&(n, _), row)| text_of(&ranking, n, row));
        for ((&(_, score), row), text) in round
            .iter()
            .zip(&rows)
            .zip(futures::future::join_all(texts).await)
        {
            match text? {
                Some(text) => hits.push((
                    score,
                    Found {
                        row: Rc::clone(row),
                        text: Some(text),
                    },
                )),
                None => dropped += 1,
            }
        }
        checked = end;
    }
    order(&mut hits);
    hits.truncate(shown);
    Ok(Answer {
        total: ranking.found.len() - dropped,
        unfiltered: unfiltered - dropped,
        unchecked: phrase && checked < ranking.found.len(),
        hits: hits.into_iter().map(|(_, f)| f).collect(),
        named: shown_named(&ranking.named, o),
        complete: true,
    })
}

//! The set as its pages read it: every article with its analysis (read from
//! its file when the set is split) and the build's linking, then the
//! reader's own articles linked to it ([`Base`], [`with_yours`]); and
//! what is derived from them with the reader's corrections applied ([`Set`]):
//! the corrected linking, the entity pages, the search index and the set
//! timeline's rows. The corrections are kept in local storage
//! ([`CORRECTIONS_KEY`], the text form of `dossier_core::set::correct`).

use std::rc::Rc;

use dossier::added::store;
use dossier::data;
use dossier_core::added::Reply;
use dossier_core::analysis::Entity;
use dossier_core::bundle::SetPages;
use dossier_core::set::correct::{self, Corrected, Correction};
use dossier_core::set::link::extend;
use dossier_core::set::{entity_index, EntityIndex, Linking, SearchIndex};
use dossier_core::view::pages::{timeline_rows, TimelineRow};
use dossier_core::{Analysis, Article};

use dossier::pages::CORRECTIONS_KEY;

/// What the build made: the articles and their linking; and, after them,
/// the reader's own articles ([`with_yours`]). Or, for the set timeline
/// alone ([`read_light`]), the build's linking and timeline without the
/// articles (`articles` empty, `pages` the build's).
#[derive(Clone)]
pub struct Base {
    pub articles: Vec<(Article, Analysis)>,
    pub slugs: Vec<String>,
    pub titles: Vec<String>,
    pub linking: Linking,
    /// The build's pages, when the articles were not read (their linking
    /// moved to `linking`).
    pub pages: Option<Rc<SetPages>>,
}

impl Base {
    /// True when every article was read (every page can be built).
    pub fn whole(&self) -> bool {
        self.pages.is_none()
    }
}

/// The set with the reader's corrections applied.
pub struct Set {
    pub base: Rc<Base>,
    pub corrected: Corrected,
    pub entities: EntityIndex,
    pub search: SearchIndex,
    pub rows: Vec<TimelineRow>,
}

impl Set {
    pub fn of(base: Rc<Base>, corrections: &[Correction]) -> Set {
        let s: Vec<&str> = base.slugs.iter().map(String::as_str).collect();
        let t: Vec<&str> = base.titles.iter().map(String::as_str).collect();
        if let Some(pages) = &base.pages {
            // The timeline alone, as the build made it: read only when the
            // corrections rename, retype and hide (`crate::shard::light`),
            // which need no article.
            let rows = timeline_rows(pages, &s, &t);
            return Set {
                corrected: correct::apply(&[], &base.linking, corrections),
                entities: EntityIndex::default(),
                search: SearchIndex::default(),
                rows,
                base,
            };
        }
        let corrected = correct::apply(&base.articles, &base.linking, corrections);
        let pages = SetPages::with_linking(&base.articles, corrected.linking.clone());
        let rows = timeline_rows(&pages, &s, &t);
        let entities = entity_index(&base.articles, &corrected.linking);
        let search = SearchIndex::build(&base.articles, &corrected.linking);
        Set {
            base,
            corrected,
            entities,
            search,
            rows,
        }
    }

    pub fn articles(&self) -> &[(Article, Analysis)] {
        &self.base.articles
    }

    pub fn linking(&self) -> &Linking {
        &self.corrected.linking
    }

    pub fn slug(&self, article: usize) -> &str {
        self.base
            .slugs
            .get(article)
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn title(&self, article: usize) -> &str {
        self.base
            .titles
            .get(article)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// How many articles the set has.
    pub fn len(&self) -> usize {
        self.base.slugs.len()
    }

    pub fn date(&self, article: usize) -> Option<&str> {
        self.base.articles.get(article)?.0.meta.date.as_deref()
    }

    pub fn hidden(&self, key: &str) -> bool {
        self.corrected.hidden.contains(key)
    }

    /// The name of the entity `key` leads to, or the key.
    pub fn name_of(&self, key: &str) -> String {
        let key = self.corrected.resolve(key);
        self.linking()
            .entities
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| key.to_string())
    }
}

/// The reader's corrections as stored (or, with none stored, those a sent
/// page holds), or why they cannot be read.
pub fn stored_corrections() -> Result<Vec<Correction>, String> {
    let text = match dossier::dom::storage_get(CORRECTIONS_KEY) {
        Some(text) => text,
        None => match inline_corrections() {
            Some(Ok(text)) => text,
            Some(Err(why)) => return Err(why),
            None => return Ok(Vec::new()),
        },
    };
    correct::parse(&text).map_err(|e| {
        format!("The corrections kept on this device could not be read ({e}): they are left as they are, and new ones cannot be made")
    })
}

/// The corrections a page sent by another reader holds, if any.
fn inline_corrections() -> Option<Result<String, String>> {
    let el = dossier::dom::document()?
        .query_selector(&format!("script[type=\"{}\"]", correct::CORRECTIONS_TYPE))
        .ok()??;
    let bytes = dossier::data::load::inline_bytes(&el.text_content().unwrap_or_default());
    Some(
        bytes
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string()))
            .map_err(|e| format!("The corrections this page holds could not be read ({e})")),
    )
}

/// Keeps the corrections on this device.
pub fn store_corrections(list: &[Correction]) {
    dossier::dom::storage_set(CORRECTIONS_KEY, &correct::write(list));
}

/// The set with the reader's own articles after its articles: those kept on
/// the device and those of a page they were sent, linked to the set's
/// entities without changing them (`set::link::extend`: the keys the
/// reader's links and corrections name stay valid).
pub async fn with_yours(set: &Rc<Base>) -> Rc<Base> {
    let yours = read_yours().await;
    if yours.is_empty() {
        return Rc::clone(set);
    }
    let own: Vec<&[Entity]> = set
        .articles
        .iter()
        .map(|(_, a)| a.entities.as_slice())
        .collect();
    let added: Vec<&[Entity]> = yours
        .iter()
        .map(|(_, _, a)| a.entities.as_slice())
        .collect();
    let linking = extend(&set.linking, &own, &added);
    let mut base = Base::clone(set);
    base.linking = linking;
    for (slug, article, analysis) in yours {
        base.slugs.push(slug);
        base.titles.push(article.meta.title.clone());
        base.articles.push((article, analysis));
    }
    Rc::new(base)
}

/// The reader's articles, as the library lists them (slug, article with the
/// reader's title, analysis); those that cannot be read are left out here
/// (the library says so).
async fn read_yours() -> Vec<(String, Article, Analysis)> {
    let mut out = Vec::new();
    // Only when some are stored: opening the database would create it.
    if dossier::added::has_stored() {
        if let Ok((records, _)) = store::all().await {
            for r in records {
                if let Ok(mut item) = Reply::article(&r.item.to_vec()) {
                    if let Some(title) = r.title {
                        item.article.meta.title = title;
                    }
                    out.push((r.slug, item.article, item.analysis));
                }
            }
        }
    }
    // A page the reader was sent: its articles not kept, under the slug the
    // library lists them by.
    for (slug, item) in dossier::added::share::listed() {
        out.push((slug, item.article, item.analysis));
    }
    out
}

/// How many article files of a split set are read at once.
const AT_ONCE: usize = 12;

/// Reads the set: `progress(done, total)` as the articles come.
pub async fn read(progress: impl Fn(usize, usize)) -> Result<Base, String> {
    let pages = data::pages().await?;
    let total = pages.slugs.len();
    let mut articles = Vec::with_capacity(total);
    for part in pages
        .slugs
        .chunks(AT_ONCE)
        .zip(pages.titles.chunks(AT_ONCE))
    {
        let read = part.0.iter().zip(part.1).map(|(slug, title)| async move {
            data::load::read(slug)
                .await
                .map_err(|why| format!("“{title}”: {why}"))
        });
        for entry in futures::future::join_all(read).await {
            let entry = entry?;
            articles.push((
                entry.article.as_ref().clone(),
                entry.analysis.as_ref().clone(),
            ));
        }
        progress(articles.len(), total);
    }
    Ok(Base {
        titles: pages.titles,
        articles,
        slugs: pages.slugs,
        linking: pages.linking,
        pages: None,
    })
}

/// What the set timeline needs and no more: the build's linking and
/// timeline, and the set's list of articles; no article is read (a split set of
/// thousands would wait for all their files).
pub async fn read_light() -> Result<Base, String> {
    let mut pages = data::pages().await?;
    Ok(Base {
        articles: Vec::new(),
        slugs: std::mem::take(&mut pages.slugs),
        titles: std::mem::take(&mut pages.titles),
        // The timeline's rows need its points and labels, not the linking.
        linking: std::mem::take(&mut pages.linking),
        pages: Some(Rc::new(pages)),
    })
}

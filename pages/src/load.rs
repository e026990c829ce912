//! The set as its pages read it: every article with its analysis (read from
//! its file when the set is split), the build's linking and set timeline,
//! and what is derived from them once: the entity pages and the search index.

use dossier::data;
use dossier_core::set::{entity_index, EntityIndex, SearchIndex};
use dossier_core::view::pages::{timeline_rows, TimelineRow};
use dossier_core::{Analysis, Article};

pub struct Set {
    pub articles: Vec<(Article, Analysis)>,
    pub slugs: Vec<String>,
    pub linking: dossier_core::set::Linking,
    pub entities: EntityIndex,
    pub search: SearchIndex,
    pub rows: Vec<TimelineRow>,
}

impl Set {
    pub fn slug(&self, article: usize) -> &str {
        self.slugs.get(article).map(String::as_str).unwrap_or("")
    }

    pub fn title(&self, article: usize) -> &str {
        self.articles
            .get(article)
            .map(|(a, _)| a.meta.title.as_str())
            .unwrap_or("")
    }

    pub fn date(&self, article: usize) -> Option<&str> {
        self.articles.get(article)?.0.meta.date.as_deref()
    }

    /// The id, within article `article`, of the set-level entity `entity`.
    pub fn id_in(&self, article: usize, entity: usize) -> Option<&str> {
        let (_, e) = self
            .linking
            .entities
            .get(entity)?
            .members
            .iter()
            .find(|(a, _)| *a == article)?;
        Some(self.articles.get(article)?.1.entities.get(*e)?.id.as_str())
    }
}

/// Reads the set: `progress(done, total)` after each article.
pub async fn read(progress: impl Fn(usize, usize)) -> Result<Set, String> {
    let pages = data::pages()?;
    let index = data::index();
    let mut articles = Vec::with_capacity(index.len());
    for (i, summary) in index.iter().enumerate() {
        let entry = data::load::read(&summary.slug)
            .await
            .map_err(|why| format!("“{}”: {why}", summary.meta.title))?;
        articles.push((
            entry.article.as_ref().clone(),
            entry.analysis.as_ref().clone(),
        ));
        progress(i + 1, index.len());
    }
    let slugs: Vec<String> = index.iter().map(|s| s.slug.clone()).collect();
    let rows = {
        let s: Vec<&str> = slugs.iter().map(String::as_str).collect();
        let t: Vec<&str> = articles
            .iter()
            .map(|(a, _)| a.meta.title.as_str())
            .collect();
        timeline_rows(&pages, &s, &t)
    };
    let entities = entity_index(&articles, &pages.linking);
    let search = SearchIndex::build(&articles, &pages.linking);
    Ok(Set {
        articles,
        slugs,
        linking: pages.linking,
        entities,
        search,
        rows,
    })
}

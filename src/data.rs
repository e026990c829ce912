//! The article set, parsed and analysed by the build script and embedded.

use std::rc::Rc;

use dossier_core::{Analysis, Article};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/articles.postcard"));

/// One article of the set with the analysis the build computed for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
}

thread_local! {
    static SET: (Rc<[Rc<Article>]>, Rc<[Entry]>) = {
        // The bytes come from our own build script; a mismatch would show as
        // an empty library rather than a crash.
        let list: Vec<(Article, Analysis)> = postcard::from_bytes(BYTES).unwrap_or_default();
        let entries: Rc<[Entry]> = list
            .into_iter()
            .map(|(article, analysis)| Entry {
                article: Rc::new(article),
                analysis: Rc::new(analysis),
            })
            .collect();
        let articles = entries.iter().map(|e| Rc::clone(&e.article)).collect();
        (articles, entries)
    };
}

/// Every article of the set, in file name order.
pub fn articles() -> Rc<[Rc<Article>]> {
    SET.with(|s| Rc::clone(&s.0))
}

/// The article with this slug, and its analysis.
pub fn entry(slug: &str) -> Option<Entry> {
    SET.with(|s| s.1.iter().find(|e| e.article.slug == slug).cloned())
}

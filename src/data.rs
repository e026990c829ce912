//! The article set, embedded by the build script.

use std::rc::Rc;

use dossier_core::Article;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/articles.postcard"));

thread_local! {
    static SET: Rc<[Rc<Article>]> = {
        // The bytes come from our own build script; a mismatch would show as
        // an empty library rather than a crash.
        let list: Vec<Article> = postcard::from_bytes(BYTES).unwrap_or_default();
        list.into_iter().map(Rc::new).collect()
    };
}

/// Every article of the set, in file name order.
pub fn articles() -> Rc<[Rc<Article>]> {
    SET.with(Rc::clone)
}

/// The article with this slug.
pub fn article(slug: &str) -> Option<Rc<Article>> {
    articles().iter().find(|a| a.slug == slug).cloned()
}

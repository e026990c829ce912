//! An entity's page read from the build's entity shard (`set/e/<n>.bin`,
//! `dossier_core::bundle::entity_shards`): on a split set, the first view of
//! an entity page is one small request instead of every article of the set.
//! The whole set is still read for what needs all of it: filtering the
//! timeline, merging or splitting entities, and the reader's own articles.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dossier::data;
use dossier::data::format;
use dossier_core::set::correct::{self, Correction};
use dossier_core::view::pages::EntityView;

thread_local! {
    /// The shards read so far, by number.
    static READ: RefCell<HashMap<usize, Rc<Vec<u8>>>> = RefCell::new(HashMap::new());
}

/// Whether an entity's page can be read from its shard here: the set is
/// split and served with shards, the page is not the single file (which
/// holds the articles, not the shards), and nothing of the reader's
/// changes the pages (corrections, their own articles).
pub fn usable(corrections: &Result<Vec<Correction>, String>) -> bool {
    served(data::entity_shards(), corrections)
}

/// Whether files the build made for a split set (`count` of them) can be
/// read in place of the whole set: there are some, this is not the single
/// file (which holds the articles, not those files), and nothing of the
/// reader's changes the set ([`light`]).
pub fn served(count: usize, corrections: &Result<Vec<Correction>, String>) -> bool {
    count > 0 && light(corrections) && !dossier::data::load::single_file()
}

/// Whether the set's pages can show what the build made without reading
/// the articles (an entity's page from its shard, the set timeline from the
/// build's): the set is split, the reader's corrections only rename, retype
/// and hide (replayed on what the build made:
/// `dossier_core::view::pages::corrected_view`; a merge or a split moves
/// articles between entities), and the reader has no articles of their
/// own, which only the whole set can take in.
pub fn light(corrections: &Result<Vec<Correction>, String>) -> bool {
    data::split().is_some()
        && matches!(corrections, Ok(list) if correct::keys_only(list))
        && !dossier::added::has_stored()
        && !dossier::added::share::any_listed()
}

/// The reader's corrections that no longer apply, known from the entities'
/// shards while the pages show what the build made ([`light`]: the list
/// only renames, retypes and hides): those whose entity no shard holds. A
/// shard that cannot be read says nothing here (the page of its entity says
/// why).
pub async fn stale(list: &[Correction]) -> Vec<(usize, String)> {
    let mut keys: Vec<&str> = list.iter().map(|c| c.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    let gone: Vec<&str> = futures::future::join_all(
        keys.iter()
            .map(|&k| async move { matches!(view(k).await, Ok(None)).then_some(k) }),
    )
    .await
    .into_iter()
    .flatten()
    .collect();
    correct::stale_keys(list, |k| !gone.contains(&k))
}

/// The page of entity `key`, `None` when the set has no such entity, or
/// why it could not be read.
pub async fn view(key: &str) -> Result<Option<EntityView>, String> {
    let count = data::entity_shards();
    let build = data::split().unwrap_or_default();
    let n = format::shard_of(key, count);
    let cached = READ.with(|r| r.borrow().get(&n).cloned());
    let bytes = match cached {
        Some(bytes) => bytes,
        None => {
            let url = format::SetFolder::Entities.url(n, build);
            let bytes = Rc::new(data::load::fetch(&url, "the entity's page").await?);
            READ.with(|r| r.borrow_mut().insert(n, Rc::clone(&bytes)));
            bytes
        }
    };
    format::decode_shard(&bytes, build, key).map_err(|e| e.about("the file of its page"))
}

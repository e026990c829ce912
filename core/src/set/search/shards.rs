//! Search over a set too large to read whole: the index cut into shards by
//! key range (docs/design.md, "The set's indexes in shards").
//!
//! The build writes, per word key, every article it occurs in with how often
//! (and how often in the title), and per name or alias of a set-level entity
//! (keys marked with [`NAME_MARK`], so they sort apart) the entities of that
//! name with the articles naming them. Both are sorted by key and cut into
//! files of about [`SEARCH_SHARD_BYTES`]; [`SearchKeys`] lists each file's
//! first key. A query reads the shards of its words, its name and its
//! prefixes' ranges ([`missing`]), ranks the articles exactly as the whole
//! index does ([`super::scored`]), and needs the articles themselves only
//! for the snippets of the results it shows ([`hit_in`]). A quoted phrase
//! is matched on the articles read: the shards know which articles hold all
//! its words, and how often the rarest one occurs, not their positions.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{name_key, snippets, word_key, words, Counts, Query, Snippet};
use crate::analysis::{Analysis, Entity, EntityKind, Span};
use crate::article::Article;
use crate::set::correct::Overrides;
use crate::set::link::Linking;

/// About this many bytes of encoded entries go into one shard (an entry is
/// never cut, so a word in most articles of a large set is a shard of its own).
pub const SEARCH_SHARD_BYTES: usize = 64 * 1024;

/// Starts the key of an entity name's entry (names sort before words).
pub const NAME_MARK: char = '\u{1}';

/// At most this many words of a prefix are searched (as the whole index does).
pub const PREFIX_WORDS: usize = 64;

/// How often a word occurs in one article: (article, times, times in its
/// title).
pub type Share = (u32, u32, u32);

/// A set-level entity as a name's entry lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    /// (article, mentions), in article order.
    pub articles: Vec<(u32, u32)>,
}

impl Named {
    /// As the reader's corrections `o` leave it: its name and type.
    pub fn corrected(mut self, o: &Overrides) -> Named {
        if let Some(name) = o.name(&self.key) {
            self.name = name.to_string();
        }
        if let Some(kind) = o.kind(&self.key) {
            self.kind = kind;
        }
        self
    }
}

/// The keys of the entities the reader renamed to `name` (its name key: case
/// and marks aside): the index knows them by their old names only, so
/// their entries are read under those ([`Loaded::named_as`]).
pub fn renamed_to<'a>(o: &'a Overrides, name: &str) -> Vec<&'a str> {
    let wanted = name_key(name);
    if wanted.is_empty() {
        return Vec::new();
    }
    o.renamed()
        .filter(|(_, new)| name_key(new) == wanted)
        .map(|(k, _)| k)
        .collect()
}

/// What a key leads to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// The articles a word occurs in, in article order.
    Word(Vec<Share>),
    /// The entities with this name or alias.
    Name(Vec<Named>),
}

/// One file of the search index (`set/s/<n>.bin`): entries in key order.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchShard {
    pub build: u64,
    pub entries: Vec<(String, Entry)>,
}

/// The list of the search shards (`set/s/keys.bin`): the first key of each,
/// in order, and how many articles the set has (for the weights).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchKeys {
    pub build: u64,
    pub articles: u32,
    pub first: Vec<String>,
}

/// Each word key of an article with (times, times in the title), by key.
pub fn word_counts(article: &Article) -> Vec<(String, u32, u32)> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for (p, text) in article.parts().iter().enumerate() {
        for (s, e) in words(text) {
            let c = counts.entry(word_key(&text[s..e])).or_default();
            c.0 += 1;
            if p == 0 {
                c.1 += 1;
            }
        }
    }
    let mut out: Vec<(String, u32, u32)> =
        counts.into_iter().map(|(k, (n, t))| (k, n, t)).collect();
    out.sort_unstable();
    out
}

/// Every entry of the index, in key order: the words of each article
/// (`counts[article]`, [`word_counts`]) and the names of the set's entities
/// (`entities[article]` the article's entities, linked by `linking`).
pub fn entries(
    counts: &[Vec<(String, u32, u32)>],
    entities: &[&[Entity]],
    linking: &Linking,
) -> Vec<(String, Entry)> {
    let mut by_word: HashMap<&str, Vec<Share>> = HashMap::new();
    for (a, list) in counts.iter().enumerate() {
        for (k, n, t) in list {
            by_word.entry(k).or_default().push((a as u32, *n, *t));
        }
    }
    // Per set-level entity, the articles naming it and how often.
    let mut naming: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new(); linking.entities.len()];
    for (a, ents) in entities.iter().enumerate() {
        for (i, ent) in ents.iter().enumerate() {
            if let Some(m) = linking
                .of
                .get(a)
                .and_then(|of| of.get(i))
                .and_then(|&e| naming.get_mut(e))
            {
                *m.entry(a as u32).or_default() += ent.mentions.len() as u32;
            }
        }
    }
    let mut names: BTreeMap<String, Vec<Named>> = BTreeMap::new();
    for (e, naming) in linking.entities.iter().zip(naming) {
        let named = Named {
            key: e.key.clone(),
            name: e.name.clone(),
            kind: e.kind,
            articles: naming.into_iter().collect(),
        };
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            let k = name_key(n);
            if k.is_empty() {
                continue;
            }
            let list = names.entry(format!("{NAME_MARK}{k}")).or_default();
            if !list.iter().any(|x| x.key == named.key) {
                list.push(named.clone());
            }
        }
    }
    let mut out: Vec<(String, Entry)> = names
        .into_iter()
        .map(|(k, v)| (k, Entry::Name(v)))
        .chain(
            by_word
                .into_iter()
                .map(|(k, v)| (k.to_string(), Entry::Word(v))),
        )
        .collect();
    out.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    out
}

/// An entry with its articles as gaps from the previous one (smaller numbers
/// encode in fewer bytes).
fn gaps(entry: &mut Entry, forward: bool) {
    fn step<'a>(articles: impl Iterator<Item = &'a mut u32>, forward: bool) {
        let mut prev = 0u32;
        for a in articles {
            if forward {
                let at = *a;
                *a = at.wrapping_sub(prev);
                prev = at;
            } else {
                *a = a.wrapping_add(prev);
                prev = *a;
            }
        }
    }
    match entry {
        Entry::Word(shares) => step(shares.iter_mut().map(|s| &mut s.0), forward),
        Entry::Name(list) => {
            for n in list {
                step(n.articles.iter_mut().map(|x| &mut x.0), forward);
            }
        }
    }
}

/// Cuts the entries (in key order) into shard files tagged `build`, and
/// their list.
pub fn cut(
    entries: Vec<(String, Entry)>,
    articles: usize,
    build: u64,
) -> Result<(SearchKeys, Vec<Vec<u8>>), String> {
    cut_at(entries, articles, build, SEARCH_SHARD_BYTES)
}

/// [`cut`] into shards of about `size` bytes.
fn cut_at(
    entries: Vec<(String, Entry)>,
    articles: usize,
    build: u64,
    size: usize,
) -> Result<(SearchKeys, Vec<Vec<u8>>), String> {
    let err = |e: postcard::Error| format!("serialising the search index: {e}");
    let mut keys = SearchKeys {
        build,
        articles: u32::try_from(articles).unwrap_or(u32::MAX),
        first: Vec::new(),
    };
    let mut files = Vec::new();
    let mut shard: Vec<(String, Entry)> = Vec::new();
    let mut bytes = 0;
    let mut close = |shard: &mut Vec<(String, Entry)>, keys: &mut SearchKeys| {
        if let Some((k, _)) = shard.first() {
            keys.first.push(k.clone());
            let entries = std::mem::take(shard);
            files.push(postcard::to_allocvec(&SearchShard { build, entries }).map_err(err)?);
        }
        Ok::<(), String>(())
    };
    for (k, mut e) in entries {
        gaps(&mut e, true);
        bytes += k.len() + postcard::experimental::serialized_size(&e).map_err(err)?;
        shard.push((k, e));
        if bytes >= size {
            close(&mut shard, &mut keys)?;
            bytes = 0;
        }
    }
    close(&mut shard, &mut keys)?;
    Ok((keys, files))
}

/// The shard (of those `keys` lists) that holds `key`, if any could.
pub fn shard_of_key(keys: &SearchKeys, key: &str) -> Option<usize> {
    keys.first
        .partition_point(|f| f.as_str() <= key)
        .checked_sub(1)
}

/// The entries of the shards read so far.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub shards: BTreeSet<usize>,
    pub entries: BTreeMap<String, Entry>,
}

impl Loaded {
    /// Adds shard `n` (its file's bytes), checking it belongs to `build`.
    pub fn add(
        &mut self,
        n: usize,
        bytes: &[u8],
        build: u64,
    ) -> Result<(), crate::bundle::BlobError> {
        let shard: SearchShard =
            postcard::from_bytes(bytes).map_err(|_| crate::bundle::BlobError::Corrupt)?;
        if shard.build != build {
            return Err(crate::bundle::BlobError::OtherBuild);
        }
        for (k, mut e) in shard.entries {
            gaps(&mut e, false);
            self.entries.insert(k, e);
        }
        self.shards.insert(n);
        Ok(())
    }

    fn shares(&self, word: &str) -> &[Share] {
        match self.entries.get(word) {
            Some(Entry::Word(s)) => s,
            _ => &[],
        }
    }

    /// The articles that name an entity called `name` (its name, not one
    /// of its aliases; case left aside), in order, from the entry of that
    /// name (read through [`name_query`]), with the names the reader's
    /// corrections `o` give; `also` are the entities renamed to it
    /// ([`renamed_to`], [`Loaded::named_as`]).
    pub fn naming(&self, name: &str, o: &Overrides, also: &[Named]) -> Vec<u32> {
        let name = name.trim();
        let listed: &[Named] = match self.entries.get(&format!("{NAME_MARK}{}", name_key(name))) {
            Some(Entry::Name(list)) => list,
            _ => &[],
        };
        let mut articles: Vec<u32> = listed
            .iter()
            .chain(also)
            .filter(|n| o.name(&n.key).unwrap_or(&n.name).eq_ignore_ascii_case(name))
            .flat_map(|n| n.articles.iter().map(|x| x.0))
            .collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }

    /// The entity `key` as the entry of its name in the build, `name`,
    /// lists it (read through [`name_query`]).
    pub fn named_as(&self, name: &str, key: &str) -> Option<Named> {
        match self.entries.get(&format!("{NAME_MARK}{}", name_key(name))) {
            Some(Entry::Name(list)) => list.iter().find(|n| n.key == key).cloned(),
            _ => None,
        }
    }

    /// The first [`PREFIX_WORDS`] words starting with `prefix`, of those read.
    fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a String, &'a [Share])> {
        self.entries
            .range(prefix.to_string()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
            .filter_map(|(k, e)| match e {
                Entry::Word(s) => Some((k, s.as_slice())),
                Entry::Name(_) => None,
            })
            .take(PREFIX_WORDS)
    }
}

/// The query that reads only the entry of the name `name`: its one shard,
/// for [`Loaded::naming`].
pub fn name_query(name: &str) -> Query {
    Query {
        name: Some(name_key(name)),
        ..Query::default()
    }
}

/// The shards `query` still needs, given those read: the shard of each
/// word and of its name, and for a prefix the shards of its range until
/// [`PREFIX_WORDS`] words are read, two at a time when the range goes on.
/// Read them and ask again; empty when the query can be answered.
pub fn missing(keys: &SearchKeys, loaded: &Loaded, query: &Query) -> Vec<usize> {
    let mut need = BTreeSet::new();
    let exact = query
        .words
        .iter()
        .chain(query.phrases.iter().flatten())
        .cloned()
        .chain(query.name.iter().map(|n| format!("{NAME_MARK}{n}")));
    for k in exact {
        need.extend(shard_of_key(keys, &k));
    }
    for p in &query.prefixes {
        let mut at = shard_of_key(keys, p).unwrap_or(0);
        loop {
            if !loaded.shards.contains(&at) {
                need.insert(at);
                // The range goes on into the next shard: read it with this
                // one rather than after it (the prefix's first words are
                // the same whatever else is read).
                if keys
                    .first
                    .get(at + 1)
                    .is_some_and(|n| n.starts_with(p.as_str()))
                {
                    need.insert(at + 1);
                }
                break;
            }
            // The words of the prefix up to the next shard are all read
            // (this shard and those before it in the range are).
            let next = keys.first.get(at + 1);
            let known = loaded
                .entries
                .range(p.to_string()..)
                .take_while(|(k, _)| k.starts_with(p.as_str()) && next.is_none_or(|n| *k < n))
                .filter(|(_, e)| matches!(e, Entry::Word(_)))
                .count();
            match next {
                Some(next) if known < PREFIX_WORDS && next.starts_with(p.as_str()) => at += 1,
                _ => break,
            }
        }
    }
    need.retain(|n| !loaded.shards.contains(n));
    need.into_iter().collect()
}

/// Counts of several lists as one: by article, each article once, summed.
fn merged(mut all: Counts) -> Counts {
    all.sort_unstable_by_key(|x| x.0);
    let mut out: Counts = Vec::with_capacity(all.len());
    for (a, (n, t)) in all {
        match out.last_mut() {
            Some(last) if last.0 == a => {
                last.1 .0 += n;
                last.1 .1 += t;
            }
            _ => out.push((a, (n, t))),
        }
    }
    out
}

/// What the shards say of a query: the articles found, best first (ties to
/// the earlier article, as the set's order is all the shards know), and
/// what to mark in an article read for its snippets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// (article, score), best first.
    pub found: Vec<(u32, f64)>,
    /// The entities the query names, with the articles naming them.
    pub named: Vec<Named>,
    /// The word keys to mark: the query's words and its prefixes' words.
    pub marked: BTreeSet<String>,
    /// The query's phrases, checked in each article read.
    pub phrases: Vec<Vec<String>>,
}

impl Ranking {
    /// True when `article` is found through an entity the query names (so
    /// it needs no phrase).
    fn by_name(&self, article: u32) -> bool {
        self.named
            .iter()
            .any(|n| n.articles.binary_search_by_key(&article, |x| x.0).is_ok())
    }
}

/// Ranks the articles for `query` from the shards read (see [`missing`]).
pub fn rank(query: &Query, loaded: &Loaded, articles: usize) -> Ranking {
    rank_corrected(query, loaded, articles, &[], &Overrides::default())
}

/// Ranks as [`rank`] does, as the reader's corrections `o` (renames, types
/// and hiding) leave the set: `also`, the entities renamed to the query's
/// name ([`renamed_to`], [`Loaded::named_as`]), are named by it too, and
/// the entities named carry their corrected names and types.
pub fn rank_corrected(
    query: &Query,
    loaded: &Loaded,
    articles: usize,
    also: &[Named],
    o: &Overrides,
) -> Ranking {
    let mut elements: Vec<Counts> = Vec::new();
    let mut marked: BTreeSet<String> = BTreeSet::new();
    // (shares are in article order, each article once)
    let of = |shares: &[Share]| -> Counts { shares.iter().map(|s| (s.0, (s.1, s.2))).collect() };
    for w in &query.words {
        elements.push(of(loaded.shares(w)));
        marked.insert(w.clone());
    }
    for p in &query.prefixes {
        let mut all: Counts = Vec::new();
        for (k, shares) in loaded.prefixed(p) {
            marked.insert(k.clone());
            all.extend(shares.iter().map(|s| (s.0, (s.1, s.2))));
        }
        elements.push(merged(all));
    }
    // A phrase: the articles holding all its words, as often as the rarest.
    for ph in &query.phrases {
        let mut m: Option<Counts> = None;
        for w in ph {
            let here = loaded.shares(w);
            m = Some(match m {
                None => of(here),
                Some(m) => m
                    .into_iter()
                    .filter_map(|(a, (n, t))| {
                        let i = here.binary_search_by_key(&a, |s| s.0).ok()?;
                        Some((a, (n.min(here[i].1), t.min(here[i].2))))
                    })
                    .collect(),
            });
        }
        elements.push(m.unwrap_or_default());
    }
    let mut named: Vec<Named> = match query
        .name
        .as_ref()
        .and_then(|n| loaded.entries.get(&format!("{NAME_MARK}{n}")))
    {
        Some(Entry::Name(list)) => list.clone(),
        _ => Vec::new(),
    };
    for n in also {
        if !named.iter().any(|x| x.key == n.key) {
            named.push(n.clone());
        }
    }
    let named: Vec<Named> = named.into_iter().map(|n| n.corrected(o)).collect();
    let by_entity = merged(
        named
            .iter()
            .flat_map(|n| n.articles.iter().map(|&(a, c)| (a, (c, 0))))
            .collect(),
    )
    .into_iter()
    .map(|(a, (c, _))| (a, c))
    .collect::<Vec<_>>();
    let mut found = super::scored(&elements, &by_entity, articles);
    found.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    Ranking {
        found,
        named,
        marked,
        phrases: query.phrases.clone(),
    }
}

/// The snippets of article `n` (read from its file: the article, its
/// analysis and the set-level key of each of its entities) for a ranked
/// query; `None` when the article does not hold a phrase of the query (and
/// does not name an entity it names).
pub fn hit_in(
    ranking: &Ranking,
    n: u32,
    article: &Article,
    analysis: &Analysis,
    keys: &[String],
) -> Option<Vec<Snippet>> {
    let parts = article.parts();
    let mut marks: Vec<Span> = Vec::new();
    let mut phrase_found = vec![false; ranking.phrases.len()];
    for (p, text) in parts.iter().enumerate() {
        let ws: Vec<(usize, usize, String)> = words(text)
            .into_iter()
            .map(|(s, e)| (s, e, word_key(&text[s..e])))
            .collect();
        for (i, (s, e, k)) in ws.iter().enumerate() {
            if ranking.marked.contains(k) {
                marks.push(Span::new(p, *s, *e));
            }
            for (j, ph) in ranking.phrases.iter().enumerate() {
                let Some(last) = ws.get(i + ph.len().saturating_sub(1)) else {
                    continue;
                };
                if !ph.is_empty() && ws[i..i + ph.len()].iter().map(|w| &w.2).eq(ph.iter()) {
                    marks.push(Span::new(p, *s, last.1));
                    phrase_found[j] = true;
                }
            }
        }
    }
    let named = ranking.by_name(n);
    if !named && phrase_found.contains(&false) {
        return None;
    }
    if named {
        for (i, ent) in analysis.entities.iter().enumerate() {
            if keys
                .get(i)
                .is_some_and(|k| ranking.named.iter().any(|x| x.key == *k))
            {
                marks.extend(ent.mentions.iter().copied());
            }
        }
    }
    Some(snippets(analysis, marks))
}

#[cfg(test)]
mod tests {
    use super::super::parse_query;
    use super::super::tests::sample;
    use super::*;
    use crate::set::link;

    /// The sample set's index in shards of about `size` bytes.
    fn sharded(set: &[(Article, Analysis)], size: usize) -> (SearchKeys, Vec<Vec<u8>>, Linking) {
        let ents: Vec<&[Entity]> = set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        let linking = link(&ents);
        let counts: Vec<_> = set.iter().map(|(a, _)| word_counts(a)).collect();
        let (keys, files) =
            cut_at(entries(&counts, &ents, &linking), set.len(), 7, size).expect("cuts");
        (keys, files, linking)
    }

    /// Reads into `loaded` what `query` needs, as the page does.
    fn read_for(keys: &SearchKeys, files: &[Vec<u8>], loaded: &mut Loaded, query: &Query) {
        loop {
            let need = missing(keys, loaded, query);
            if need.is_empty() {
                return;
            }
            for n in need {
                loaded.add(n, &files[n], 7).expect("a shard of this build");
            }
        }
    }

    /// Every shard, read.
    fn read_all(files: &[Vec<u8>]) -> Loaded {
        let mut loaded = Loaded::default();
        for (n, f) in files.iter().enumerate() {
            loaded.add(n, f, 7).expect("a shard of this build");
        }
        loaded
    }

    /// The shards found what the whole index `hits`, in the same order (the
    /// whole index breaks ties by date; the shards by order) and with the
    /// same scores.
    fn assert_ranked_as(ranking: &Ranking, hits: &[crate::set::Hit], what: &str) {
        let mut expected: Vec<(usize, f64)> = hits.iter().map(|h| (h.article, h.score)).collect();
        expected.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        let found: Vec<usize> = ranking.found.iter().map(|f| f.0 as usize).collect();
        assert_eq!(
            found,
            expected.iter().map(|e| e.0).collect::<Vec<_>>(),
            "{what}"
        );
        for ((_, s), (_, e)) in ranking.found.iter().zip(&expected) {
            assert!((s - e).abs() < 1e-9, "{what}: {s} against {e}");
        }
    }

    /// Reads what the query needs, as the page does; returns the ranking
    /// and how many shards were read.
    fn ask(keys: &SearchKeys, files: &[Vec<u8>], q: &str) -> (Ranking, usize) {
        let query = parse_query(q);
        let mut loaded = Loaded::default();
        read_for(keys, files, &mut loaded, &query);
        let n = loaded.shards.len();
        (rank(&query, &loaded, keys.articles as usize), n)
    }

    #[test]
    fn the_articles_naming_an_entity_come_from_its_names_shard_alone() {
        let (set, _) = sample();
        let (keys, files, linking) = sharded(&set, 1);
        let mut checked = 0;
        for (e, entity) in linking.entities.iter().enumerate() {
            let query = name_query(&entity.name.to_uppercase());
            let mut loaded = Loaded::default();
            let need = missing(&keys, &loaded, &query);
            assert_eq!(need.len(), 1, "{}: {need:?}", entity.name);
            for n in need {
                loaded.add(n, &files[n], 7).expect("a shard of this build");
            }
            assert!(missing(&keys, &loaded, &query).is_empty());
            // every entity of that name (case left aside), by the linking
            let mut expected: Vec<u32> = (0..set.len())
                .filter(|&a| {
                    linking.of[a]
                        .iter()
                        .any(|&x| linking.entities[x].name.eq_ignore_ascii_case(&entity.name))
                })
                .map(|a| a as u32)
                .collect();
            expected.dedup();
            assert!(expected
                .iter()
                .any(|&a| linking.of[a as usize].contains(&e)));
            assert_eq!(
                loaded.naming(&format!(" {} ", entity.name), &Overrides::default(), &[]),
                expected,
                "{}",
                entity.name
            );
            checked += 1;
        }
        assert!(checked >= 3, "{checked} entities");
        // an alias is not the entity's name, and a name not in the set
        // names nothing
        let loaded = read_all(&files);
        for entity in &linking.entities {
            for alias in entity.aliases.iter().filter(|a| {
                !linking
                    .entities
                    .iter()
                    .any(|x| x.name.eq_ignore_ascii_case(a))
            }) {
                assert_eq!(
                    loaded.naming(alias, &Overrides::default(), &[]),
                    Vec::<u32>::new(),
                    "{alias}"
                );
            }
        }
        assert_eq!(
            loaded.naming("Nobody Atall", &Overrides::default(), &[]),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn shards_rank_renamed_retyped_and_hidden_entities_as_the_corrected_whole_index_does() {
        use crate::set::correct::{self, Correction};
        use crate::set::SearchIndex;
        let (set, _) = sample();
        let (keys, files, linking) = sharded(&set, 200);
        let key_of = |name: &str| {
            linking
                .entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| e.key.clone())
                .unwrap_or_else(|| panic!("{name}: {:?}", linking.entities))
        };
        let (jane, us, lagos) = (
            key_of("Jane Okafor"),
            key_of("United States"),
            key_of("Lagos"),
        );
        let list = vec![
            Correction::Rename {
                key: jane.clone(),
                name: "Jane Okafor-Lind".into(),
            },
            Correction::Rename {
                key: jane.clone(),
                name: "Amaka Okafor 🌍".into(),
            },
            Correction::Retype {
                key: us.clone(),
                kind: EntityKind::Organization,
            },
            Correction::Hide { key: lagos.clone() },
        ];
        assert!(correct::keys_only(&list));
        let corrected = correct::apply(&set, &linking, &list);
        let whole = SearchIndex::build(&set, &corrected.linking);
        let o = Overrides::of(&list);
        let mut renamed_found = false;
        for q in [
            "Amaka Okafor 🌍 ",
            "amaka okafor ",
            "Jane Okafor-Lind ",
            "Jane Okafor ",
            "United States ",
            "Lagos ",
            "harbour ",
        ] {
            let query = parse_query(q);
            let mut loaded = Loaded::default();
            read_for(&keys, &files, &mut loaded, &query);
            // The entities renamed to the query's name, under their names in
            // the build (the page reads these from the entity's shard).
            let also: Vec<Named> = renamed_to(&o, q)
                .into_iter()
                .filter_map(|k| {
                    let built = &linking.entities.iter().find(|e| e.key == k)?.name;
                    read_for(&keys, &files, &mut loaded, &name_query(built));
                    loaded.named_as(built, k)
                })
                .collect();
            renamed_found |= !also.is_empty();
            let ranking = rank_corrected(&query, &loaded, keys.articles as usize, &also, &o);
            assert_ranked_as(&ranking, &whole.search(&set, q, 10), q);
            // what the query names, with the names and types corrected
            let mut named: Vec<(String, String, EntityKind)> = ranking
                .named
                .iter()
                .map(|n| (n.key.clone(), n.name.clone(), n.kind))
                .collect();
            named.sort();
            let mut expected: Vec<(String, String, EntityKind)> = query
                .name
                .as_ref()
                .and_then(|n| whole.names.get(n))
                .into_iter()
                .flatten()
                .filter_map(|&i| corrected.linking.entities.get(i))
                .map(|e| (e.key.clone(), e.name.clone(), e.kind))
                .collect();
            expected.sort();
            assert_eq!(named, expected, "{q}");
        }
        assert!(
            renamed_found,
            "a query by the new name reads the old name's entry"
        );
        // The entity filter by name: the new name, not the old.
        let loaded = read_all(&files);
        let also: Vec<Named> = renamed_to(&o, "AMAKA okafor 🌍")
            .into_iter()
            .filter_map(|k| loaded.named_as("Jane Okafor", k))
            .collect();
        assert_eq!(also.len(), 1);
        assert_eq!(loaded.naming("amaka okafor 🌍", &o, &also), vec![0, 1]);
        assert_eq!(loaded.naming("Jane Okafor", &o, &[]), Vec::<u32>::new());
        assert_eq!(
            loaded.naming("Jane Okafor", &Overrides::default(), &[]),
            vec![0, 1]
        );
    }

    #[test]
    fn shards_rank_and_mark_as_the_whole_index_does() {
        let (set, whole) = sample();
        for size in [1, 200, SEARCH_SHARD_BYTES] {
            let (keys, files, linking) = sharded(&set, size);
            if size == 1 {
                assert!(files.len() > 20, "one entry a shard: {}", files.len());
            } else if size == SEARCH_SHARD_BYTES {
                assert_eq!(files.len(), 1);
            }
            for q in [
                "harbour ",
                "harbour budget ",
                "harb",
                "harb* vot",
                "Jane Okafor ",
                "United States ",
                "café ",
                "e\u{301}te\u{301} ",
                "zebra ",
                "lagos board ",
            ] {
                let hits = whole.search(&set, q, 10);
                let (ranking, _) = ask(&keys, &files, q);
                assert_ranked_as(&ranking, &hits, &format!("{q} at {size}"));
                for h in &hits {
                    let (article, analysis) = &set[h.article];
                    let keys: Vec<String> = (0..analysis.entities.len())
                        .map(|i| linking.key(h.article, i).unwrap_or("").to_string())
                        .collect();
                    let snippets = hit_in(&ranking, h.article as u32, article, analysis, &keys);
                    assert_eq!(
                        snippets.as_ref(),
                        Some(&h.snippets),
                        "{q}: article {}",
                        h.article
                    );
                }
            }
        }
    }

    #[test]
    fn a_query_reads_only_its_shards() {
        let (set, _) = sample();
        let (keys, files, _) = sharded(&set, 1);
        let (ranking, read) = ask(&keys, &files, "budget ");
        assert_eq!(ranking.found.len(), 1);
        assert!(
            (1..=2).contains(&read),
            "the word's shard and the name's: {read}"
        );
        // a prefix reads the shards of its range, and no other
        let (ranking, read) = ask(&keys, &files, "harb");
        assert_eq!(
            ranking.found.iter().map(|f| f.0).collect::<Vec<_>>(),
            vec![0, 1]
        );
        assert!(read <= 3, "{read}");
        // the first key, and a key before it
        assert!(ask(&keys, &files, "\u{0} ").0.found.is_empty());
    }

    /// 100 words of the prefix "pa", a shard each.
    fn one_word_shards() -> (SearchKeys, Vec<Vec<u8>>) {
        let words: Vec<(String, u32, u32)> =
            (0..100).map(|i| (format!("pa{i:03}"), 1, 0)).collect();
        cut_at(entries(&[words], &[&[]], &Linking::default()), 1, 7, 1).expect("cuts")
    }

    /// The words of "pa" a query of the prefix takes: its first.
    fn first_prefix_words() -> BTreeSet<String> {
        (0..PREFIX_WORDS).map(|i| format!("pa{i:03}")).collect()
    }

    #[test]
    fn a_prefix_takes_its_first_words_whatever_was_read_before() {
        let (keys, files) = one_word_shards();
        assert_eq!(files.len(), 100);
        // an earlier query read the shards of the last 64 words
        let mut loaded = Loaded::default();
        for (n, file) in files.iter().enumerate().skip(36) {
            loaded.add(n, file, 7).expect("a shard");
        }
        let query = parse_query("pa");
        read_for(&keys, &files, &mut loaded, &query);
        let ranking = rank(&query, &loaded, 1);
        assert_eq!(ranking.marked, first_prefix_words());
    }

    #[test]
    fn a_prefix_reads_the_next_shard_of_its_range_with_each() {
        let (keys, files) = one_word_shards();
        let query = parse_query("pa");
        let mut loaded = Loaded::default();
        let mut rounds = 0;
        loop {
            let need = missing(&keys, &loaded, &query);
            if need.is_empty() {
                break;
            }
            assert_eq!(need.len(), 2, "round {rounds}: {need:?}");
            rounds += 1;
            for n in need {
                loaded.add(n, &files[n], 7).expect("a shard");
            }
        }
        // its first 64 words, two shards a round, none past them
        assert_eq!(rounds, PREFIX_WORDS / 2);
        assert_eq!(loaded.shards.len(), PREFIX_WORDS);
        assert_eq!(rank(&query, &loaded, 1).marked, first_prefix_words());
    }

    #[test]
    fn phrases_are_checked_in_the_articles_read() {
        let (set, whole) = sample();
        let (keys, files, linking) = sharded(&set, 1);
        let keys_of = |a: usize| -> Vec<String> {
            (0..set[a].1.entities.len())
                .map(|i| linking.key(a, i).unwrap_or("").to_string())
                .collect()
        };
        // both articles hold "harbour" and "board"; only the first in that order
        let (ranking, _) = ask(&keys, &files, "\"harbour board\"");
        let found: Vec<u32> = ranking.found.iter().map(|f| f.0).collect();
        assert_eq!(found, vec![0, 1]);
        let held: Vec<bool> = found
            .iter()
            .map(|&a| {
                hit_in(
                    &ranking,
                    a,
                    &set[a as usize].0,
                    &set[a as usize].1,
                    &keys_of(a as usize),
                )
                .is_some()
            })
            .collect();
        assert_eq!(held, vec![true, false]);
        let hits = whole.search(&set, "\"harbour board\"", 10);
        let snippets = hit_in(&ranking, 0, &set[0].0, &set[0].1, &keys_of(0));
        assert_eq!(snippets.as_ref(), Some(&hits[0].snippets));
    }

    #[test]
    fn shards_are_tagged_and_checked() {
        let (set, _) = sample();
        let (_, files, _) = sharded(&set, 200);
        let mut loaded = Loaded::default();
        assert_eq!(
            loaded.add(0, &files[0], 8),
            Err(crate::bundle::BlobError::OtherBuild)
        );
        assert_eq!(
            loaded.add(0, b"\xff\xff", 7),
            Err(crate::bundle::BlobError::Corrupt)
        );
        assert!(loaded.add(0, &files[0], 7).is_ok());
        // the gaps come back as article numbers
        let (_, whole) = sample();
        for (k, e) in &loaded.entries {
            if let Entry::Word(shares) = e {
                let expected: Vec<u32> = {
                    let mut v: Vec<u32> = whole.terms[k].iter().map(|p| p.article).collect();
                    v.dedup();
                    v
                };
                assert_eq!(
                    shares.iter().map(|s| s.0).collect::<Vec<_>>(),
                    expected,
                    "{k}"
                );
            }
        }
    }
}

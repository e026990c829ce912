//! Linking the entities of a set of articles: each article-level entity gets
//! a set-level key, equal keys meaning one real-world entity.
//!
//! The method (docs/analysis.md, "Entities across articles"):
//! 1. every article-level entity is reduced to a *normal form* of its name:
//!    lowercase words without dots, possessives or a leading "the", a country
//!    named by any of its names replaced by its canonical name ("U.S. Air
//!    Force" → "united states air force"), company-form suffixes dropped
//!    ("Inc.", "Ltd"); equal normal forms are one entity (a one-word name only
//!    within people, or within the other kinds);
//! 2. a cluster whose name is a short form of another cluster's name is then
//!    attached to it: the other name's article gave it this alias (strongest),
//!    it is its acronym or its surname, or the name after a known place
//!    ("Tegel" of "Berlin Tegel");
//! 3. context decides between several candidates and vetoes a weak one: the
//!    entities a cluster appears with are compared, and two clusters that
//!    both occur, apart, in one article are never joined (the article's own
//!    analysis said they are two). A short name with two equally good
//!    candidates stays on its own ("Smith" with two Smiths and no context).
//!
//! Everything is deterministic: the same analyses give the same keys.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::analysis::entities::{corporate_suffix, country, known_place, slug};
use crate::analysis::{Entity, EntityKind};

/// One entity of the set.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SetEntity {
    /// Readable, URL-safe, unique in the set (`steve-jobs`, `smith-2`).
    pub key: String,
    /// The name its articles use most (the fullest form on a tie).
    pub name: String,
    pub kind: EntityKind,
    /// Every other form seen, most frequent first.
    pub aliases: Vec<String>,
    /// `(article, entity)` indices of the article-level entities it joins,
    /// in order.
    pub members: Vec<(usize, usize)>,
}

/// The set-level entities and, for each article-level entity, its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Linking {
    /// In order of first appearance (article, then entity order).
    pub entities: Vec<SetEntity>,
    /// `of[article][entity]` is an index into `entities`.
    pub of: Vec<Vec<usize>>,
}

impl Linking {
    /// The key of entity `entity` of article `article`.
    pub fn key(&self, article: usize, entity: usize) -> Option<&str> {
        let i = *self.of.get(article)?.get(entity)?;
        self.entities.get(i).map(|e| e.key.as_str())
    }

    /// The key of every entity of every article (`[article][entity]`), as
    /// the encoded set carries them beside each article.
    pub fn keys_of(&self) -> Vec<Vec<String>> {
        self.of
            .iter()
            .map(|ents| {
                ents.iter()
                    .map(|&i| {
                        self.entities
                            .get(i)
                            .map(|e| e.key.clone())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect()
    }
}

/// Words left out of acronyms ("Department of Defense" → "DoD" → "dd").
const FUNCTION_WORDS: [&str; 8] = ["of", "and", "the", "for", "&", "de", "du", "des"];

/// The share of its company a cluster must have in common with a candidate
/// that only the shape of the names proposes (acronym, surname, place).
const WEAK_CONTEXT: f64 = 0.15;

/// The normal form of a name, as words.
pub fn normal_words(name: &str) -> Vec<String> {
    let mut raw: Vec<&str> = name.split_whitespace().collect();
    if raw.len() > 1 && raw[0].eq_ignore_ascii_case("the") {
        raw.remove(0);
    }
    // a country named by any of its names, alone or at the start of a name
    let mut words: Vec<String> = Vec::new();
    let mut rest = &raw[..];
    for k in (1..=raw.len().min(4)).rev() {
        let canon = country(&raw[..k].join(" ")).or_else(|| {
            // "U.S.'s", "America's"
            let j = raw[..k].join(" ");
            let base = j.strip_suffix("'s").or_else(|| j.strip_suffix("’s"))?;
            country(base)
        });
        if let Some(c) = canon {
            words.extend(c.split_whitespace().map(word_form));
            rest = &raw[k..];
            break;
        }
    }
    words.extend(rest.iter().map(|w| word_form(w)));
    words.retain(|w| !w.is_empty());
    // company forms: "Acme Inc." = "Acme", never down to nothing
    while words.len() > 1 {
        let last = raw.last().copied().unwrap_or("");
        if corporate_suffix(last) || corporate_suffix(last.trim_end_matches(',')) {
            words.pop();
            raw.pop();
        } else {
            break;
        }
    }
    words
}

/// One word of a normal form: lowercase letters and digits, no dots,
/// apostrophes or trailing possessive.
fn word_form(w: &str) -> String {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_alphanumeric() || c == '&' || c == '-' {
            out.extend(c.to_lowercase());
        }
    }
    out.trim_matches('-').to_string()
}

/// A name written as an acronym: one word of 2 to 6 capitals (dots allowed).
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len())
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.iter().any(|c| c.is_uppercase())
}

/// The initials of a normal form, function words left out.
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// People and the rest: a one-word name is only joined within its class.
fn class(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization | EntityKind::Place | EntityKind::Group => 1,
        _ => 2,
    }
}

struct Node {
    article: usize,
    /// Initials of the name as written, company form included.
    initials: String,
    kind: EntityKind,
    name: String,
    words: Vec<String>,
    /// Normal forms of the aliases the article gave it.
    alias_forms: Vec<String>,
    mentions: usize,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
}

/// A cluster after the first step: equal normal forms.
struct Cluster {
    words: Vec<String>,
    form: String,
    kind: EntityKind,
    /// The name is written as an acronym somewhere.
    acronym: bool,
    articles: BTreeSet<usize>,
    alias_forms: BTreeSet<String>,
    initials: BTreeSet<String>,
}

/// Links the entities of the articles of a set (each article given by its
/// entities, in the order of the set).
pub fn link(articles: &[&[Entity]]) -> Linking {
    let mut nodes = Vec::new();
    for (a, ents) in articles.iter().enumerate() {
        for e in ents.iter() {
            let mut words = normal_words(&e.name);
            if words.is_empty() {
                // a name of punctuation only: itself, never pooled with others
                words.push(format!("{}#{a}", e.name.trim()));
            }
            let mut alias_forms: Vec<String> = e
                .aliases
                .iter()
                .map(|x| normal_words(x).join(" "))
                .filter(|f| !f.is_empty())
                .collect();
            alias_forms.sort();
            alias_forms.dedup();
            let mut written: Vec<String> = e.name.split_whitespace().map(word_form).collect();
            written.retain(|w| !w.is_empty());
            if written.len() > 1 && written[0] == "the" {
                written.remove(0);
            }
            nodes.push(Node {
                article: a,
                initials: if written.len() > 1 {
                    initials(&written)
                } else {
                    String::new()
                },
                kind: e.kind,
                name: e.name.clone(),
                words,
                alias_forms,
                mentions: e.mentions.len(),
            });
        }
    }

    // 1. equal normal forms
    let mut by_form: BTreeMap<(String, u8, Option<usize>), usize> = BTreeMap::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut node_cluster = Vec::with_capacity(nodes.len());
    for n in &nodes {
        let form = n.words.join(" ");
        let cls = if n.words.len() > 1 { 9 } else { class(n.kind) };
        // a surname alone is read in its article's context before it joins
        // the same surname elsewhere: "Smith" here may not be "Smith" there
        let own = (n.words.len() == 1 && n.kind == EntityKind::Person).then_some(n.article);
        let next = clusters.len();
        let c = *by_form.entry((form.clone(), cls, own)).or_insert(next);
        if c == next {
            clusters.push(Cluster {
                words: n.words.clone(),
                form,
                kind: n.kind,
                acronym: false,
                articles: BTreeSet::new(),
                alias_forms: BTreeSet::new(),
                initials: BTreeSet::new(),
            });
        }
        let cl = &mut clusters[c];
        cl.acronym |= is_acronym(&n.name);
        cl.articles.insert(n.article);
        cl.alias_forms.extend(n.alias_forms.iter().cloned());
        if n.initials.chars().count() >= 2 {
            cl.initials.insert(n.initials.clone());
        }
        node_cluster.push(c);
    }
    // the kind most of a cluster's mentions carry
    let mut votes: Vec<BTreeMap<EntityKind, usize>> = vec![BTreeMap::new(); clusters.len()];
    for (n, &c) in nodes.iter().zip(&node_cluster) {
        *votes[c].entry(n.kind).or_default() += n.mentions.max(1);
    }
    for (cl, v) in clusters.iter_mut().zip(&votes) {
        if let Some((k, _)) = v.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k))) {
            cl.kind = *k;
        }
    }

    // context: the clusters each cluster appears with, by article
    let mut in_article: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); articles.len()];
    for (n, &c) in nodes.iter().zip(&node_cluster) {
        in_article[n.article].insert(c);
    }
    let mut neighbours: Vec<BTreeMap<usize, u32>> = vec![BTreeMap::new(); clusters.len()];
    for set in &in_article {
        for &c in set {
            for &d in set {
                if c != d {
                    *neighbours[c].entry(d).or_default() += 1;
                }
            }
        }
    }

    // 2. candidates: short cluster → longer clusters, with a strength
    let mut by_alias: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, cl) in clusters.iter().enumerate() {
        for f in &cl.alias_forms {
            by_alias.entry(f.as_str()).or_default().push(i);
        }
        if cl.words.len() > 1 {
            if let Some(l) = cl.words.last() {
                by_last.entry(l.as_str()).or_default().push(i);
            }
            let mut all = cl.initials.clone();
            all.insert(initials(&cl.words));
            for ini in all.into_iter().filter(|i| i.chars().count() >= 2) {
                by_initials.entry(ini).or_default().push(i);
            }
        }
    }
    // shared company: how many clusters both appear with, and that count
    // as a share of the smaller company
    let similarity = |a: usize, b: usize| -> (usize, f64) {
        let (na, nb) = (&neighbours[a], &neighbours[b]);
        let shared = na
            .keys()
            .filter(|k| **k != b && nb.contains_key(*k))
            .count();
        let small = na.len().min(nb.len()).max(1);
        (shared, shared as f64 / small as f64)
    };
    let mut attach: Vec<(usize, usize)> = Vec::new();
    let mut attached = vec![false; clusters.len()];
    for (s, short) in clusters.iter().enumerate() {
        let mut cands: BTreeMap<usize, u8> = BTreeMap::new();
        let mut add = |l: usize, strength: u8| {
            if l != s {
                let e = cands.entry(l).or_default();
                *e = (*e).max(strength);
            }
        };
        let sk = class(short.kind);
        for &l in by_alias.get(short.form.as_str()).into_iter().flatten() {
            let lk = class(clusters[l].kind);
            if clusters[l].words.len() > short.words.len() {
                if lk == sk || short.words.len() > 1 {
                    add(l, 3);
                } else if lk == 0 && sk == 1 && !known_place_words(&short.words) {
                    // a surname the recognizer took for an organisation
                    // ("Okafor said" with no first name in the article)
                    add(l, 2);
                }
            }
        }
        if short.words.len() == 1 {
            let w = short.words[0].as_str();
            if short.acronym && sk != 0 {
                for &l in by_initials.get(w).into_iter().flatten() {
                    if class(clusters[l].kind) == 1 {
                        add(l, 2);
                    }
                }
            }
            if short.kind == EntityKind::Person {
                for &l in by_last.get(w).into_iter().flatten() {
                    if clusters[l].kind == EntityKind::Person {
                        add(l, 2);
                    }
                }
            }
        }
        let org_like = matches!(short.kind, EntityKind::Organization | EntityKind::Place);
        if org_like && !short.words.is_empty() && !is_known_place_form(short) {
            // "Berlin Tegel" → "Tegel": a known place, then the name
            if let Some(last) = short.words.last() {
                for &l in by_last.get(last.as_str()).into_iter().flatten() {
                    let long = &clusters[l];
                    let n = long.words.len();
                    if n > short.words.len()
                        && long.words.ends_with(&short.words)
                        && matches!(long.kind, EntityKind::Organization | EntityKind::Place)
                        && known_place_words(&long.words[..n - short.words.len()])
                    {
                        add(l, 1);
                    }
                }
            }
        }
        // the best candidate, if it stands out
        let mut ranked: Vec<(u8, usize, f64, usize)> = cands
            .into_iter()
            .map(|(l, st)| {
                let (shared, share) = similarity(s, l);
                (st, shared, share, l)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then(
                    clusters[b.3]
                        .articles
                        .len()
                        .cmp(&clusters[a.3].articles.len()),
                )
                .then(a.3.cmp(&b.3))
        });
        let Some(&(st, shared, share, l)) = ranked.first() else {
            continue;
        };
        // two candidates as good as each other: the name stays on its own
        let rival = ranked.get(1).is_some_and(|r| r.0 == st && r.1 == shared);
        let has_context = !neighbours[s].is_empty() && !neighbours[l].is_empty();
        // weak evidence needs shared context when both have any
        if rival || (st < 3 && has_context && share < WEAK_CONTEXT) {
            continue;
        }
        attach.push((s, l));
        attached[s] = true;
    }

    // 3. join, never two clusters that one article keeps apart: an article
    // that names both, with names that do not look like one another
    let mut uf = UnionFind((0..clusters.len()).collect());
    // per cluster root: its nodes by article
    let mut members: Vec<BTreeMap<usize, Vec<usize>>> = vec![BTreeMap::new(); clusters.len()];
    for (i, &c) in node_cluster.iter().enumerate() {
        members[c].entry(nodes[i].article).or_default().push(i);
    }
    for (s, l) in attach {
        let (a, b) = (uf.find(s), uf.find(l));
        if a == b {
            continue;
        }
        // the smaller side is walked, the larger looked up
        let (small, large) = if members[a].len() <= members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let apart = members[small].iter().any(|(art, xs)| {
            members[large].get(art).is_some_and(|ys| {
                xs.iter()
                    .any(|&x| ys.iter().any(|&y| !related(&nodes[x], &nodes[y])))
            })
        });
        if apart {
            continue;
        }
        uf.0[small] = large;
        let moved = std::mem::take(&mut members[small]);
        for (art, xs) in moved {
            members[large].entry(art).or_default().extend(xs);
        }
    }

    // surnames that found no full name join the same surname elsewhere
    let mut alone: BTreeMap<&str, usize> = BTreeMap::new();
    for (c, cl) in clusters.iter().enumerate() {
        if attached[c] || cl.words.len() != 1 || cl.kind != EntityKind::Person {
            continue;
        }
        if uf.find(c) != c {
            continue;
        }
        match alone.get(cl.form.as_str()) {
            Some(&first) => uf.0[c] = first,
            None => {
                alone.insert(cl.form.as_str(), c);
            }
        }
    }

    build(&nodes, &node_cluster, &mut uf, articles)
}

/// Two entities of one article whose names look like one name: the same
/// first word ("Acme Inc." and "Acme Motors"), or one is an alias of the
/// other there.
fn related(x: &Node, y: &Node) -> bool {
    let (fx, fy) = (x.words.join(" "), y.words.join(" "));
    (!x.words.is_empty() && x.words.first() == y.words.first() && x.kind != EntityKind::Person)
        || x.alias_forms.contains(&fy)
        || y.alias_forms.contains(&fx)
}

/// The slug of a name: ASCII words with dashes ("zoe-aga"); a name with no
/// Latin letter keeps its own, lowercased ("مصر").
fn key_slug(name: &str) -> String {
    let ascii = slug(name);
    if ascii != "entity" || name.trim().eq_ignore_ascii_case("entity") {
        return ascii;
    }
    let mut out = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        ascii
    } else {
        out
    }
}

fn is_known_place_form(c: &Cluster) -> bool {
    c.kind == EntityKind::Place && known_place_words(&c.words)
}

/// Whether words of a normal form name a known place ("london").
fn known_place_words(words: &[String]) -> bool {
    let title: Vec<String> = words
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect();
    known_place(&title.join(" "))
}

/// The set-level entities from the joined clusters.
fn build(
    nodes: &[Node],
    node_cluster: &[usize],
    uf: &mut UnionFind,
    articles: &[&[Entity]],
) -> Linking {
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    let mut entities: Vec<SetEntity> = Vec::new();
    let mut of: Vec<Vec<usize>> = articles
        .iter()
        .map(|e| Vec::with_capacity(e.len()))
        .collect();
    let mut names: Vec<BTreeMap<&str, usize>> = Vec::new();
    let mut kinds: Vec<BTreeMap<EntityKind, usize>> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let root = uf.find(node_cluster[i]);
        let next = entities.len();
        let e = *index_of_root.entry(root).or_insert(next);
        if e == next {
            entities.push(SetEntity {
                key: String::new(),
                name: String::new(),
                kind: n.kind,
                aliases: Vec::new(),
                members: Vec::new(),
            });
            names.push(BTreeMap::new());
            kinds.push(BTreeMap::new());
        }
        let local = of[n.article].len();
        of[n.article].push(e);
        entities[e].members.push((n.article, local));
        *names[e].entry(n.name.as_str()).or_default() += 1;
        for a in &articles[n.article][local].aliases {
            names[e].entry(a.as_str()).or_default();
        }
        *kinds[e].entry(n.kind).or_default() += n.mentions.max(1);
    }
    for ((ent, names), kinds) in entities.iter_mut().zip(&names).zip(&kinds) {
        let mut ranked: Vec<(&str, usize)> = names.iter().map(|(n, c)| (*n, *c)).collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(
                    b.0.split_whitespace()
                        .count()
                        .cmp(&a.0.split_whitespace().count()),
                )
                .then(a.0.cmp(b.0))
        });
        ent.name = ranked.first().map(|r| r.0.to_string()).unwrap_or_default();
        ent.aliases = ranked.iter().skip(1).map(|r| r.0.to_string()).collect();
        if let Some((k, _)) = kinds
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
        {
            ent.kind = *k;
        }
    }
    // unique keys: the slug; on a clash the kind, then a number
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut first_kind: HashMap<String, EntityKind> = HashMap::new();
    for ent in &mut entities {
        let base = key_slug(&ent.name);
        let mut key = base.clone();
        if taken.contains(&key) {
            if first_kind.get(&base) != Some(&ent.kind) {
                key = format!("{base}-{}", ent.kind.as_str());
            }
            let stem = key.clone();
            let mut i = 2;
            while taken.contains(&key) {
                key = format!("{stem}-{i}");
                i += 1;
            }
        }
        first_kind.entry(base).or_insert(ent.kind);
        taken.insert(key.clone());
        ent.key = key;
    }
    Linking { entities, of }
}

/// The linking of a set with articles added after its own (the reader's):
/// `base` is the set's linking (of `set`), which stays as it is, keys and
/// members; each entity of the `added` articles (numbered after the set's)
/// joins the set-level entity that linking everything at once puts it with
/// (the one most of its cluster's set members belong to), or, when its
/// cluster has none, a set-level entity of its own, keyed apart from every
/// other. Keys the reader's links and corrections name so stay valid.
pub fn extend(base: &Linking, set: &[&[Entity]], added: &[&[Entity]]) -> Linking {
    let all: Vec<&[Entity]> = set.iter().chain(added).copied().collect();
    let fresh = link(&all);
    let n = set.len();
    let mut out = base.clone();
    out.of.resize(n, Vec::new());
    // each cluster of the joint linking → the set-level entity it goes to
    let mut to: HashMap<usize, usize> = HashMap::new();
    for (fi, fe) in fresh.entities.iter().enumerate() {
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for &(a, e) in &fe.members {
            if let Some(&b) = base.of.get(a).and_then(|row| row.get(e)).filter(|_| a < n) {
                *votes.entry(b).or_default() += 1;
            }
        }
        if let Some((&b, _)) = votes
            .iter()
            .max_by_key(|(b, c)| (**c, std::cmp::Reverse(**b)))
        {
            to.insert(fi, b);
        }
    }
    let mut taken: BTreeSet<String> = out.entities.iter().map(|e| e.key.clone()).collect();
    for (k, ents) in added.iter().enumerate() {
        let a = n + k;
        let mut row = Vec::with_capacity(ents.len());
        for (e, ent) in ents.iter().enumerate() {
            let Some(&fi) = fresh.of.get(a).and_then(|r| r.get(e)) else {
                continue;
            };
            let t = match to.get(&fi) {
                Some(&t) => t,
                None => {
                    let fe = &fresh.entities[fi];
                    let mut key = fe.key.clone();
                    let mut i = 2;
                    while taken.contains(&key) {
                        key = format!("{}-{i}", fe.key);
                        i += 1;
                    }
                    taken.insert(key.clone());
                    out.entities.push(SetEntity {
                        key,
                        name: fe.name.clone(),
                        kind: fe.kind,
                        aliases: fe.aliases.clone(),
                        members: Vec::new(),
                    });
                    to.insert(fi, out.entities.len() - 1);
                    out.entities.len() - 1
                }
            };
            let se = &mut out.entities[t];
            se.members.push((a, e));
            if ent.name != se.name && !se.aliases.contains(&ent.name) {
                se.aliases.push(ent.name.clone());
            }
            row.push(t);
        }
        out.of.push(row);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    fn ent(name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
        Entity {
            id: slug(name),
            name: name.to_string(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![Span::new(1, 0, name.len())],
        }
    }
    use EntityKind::{Organization as Org, Person as Per, Place};

    fn keys(set: &[Vec<Entity>]) -> Vec<Vec<String>> {
        let refs: Vec<&[Entity]> = set.iter().map(Vec::as_slice).collect();
        let l = link(&refs);
        (0..set.len())
            .map(|a| {
                (0..set[a].len())
                    .map(|e| l.key(a, e).expect("every entity has a key").to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_surname_joins_the_full_name_of_another_article() {
        let k = keys(&[
            vec![
                ent("Jane Okafor", Per, &["Okafor"]),
                ent("Lagos", Place, &[]),
            ],
            vec![ent("Okafor", Per, &[]), ent("Lagos", Place, &[])],
        ]);
        assert_eq!(k[0][0], "jane-okafor");
        assert_eq!(k[1][0], k[0][0]);
        assert_eq!(k[1][1], k[0][1]);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let set = [
            vec![ent("John Smith", Per, &["Smith"]), ent("Kent", Place, &[])],
            vec![ent("Mary Smith", Per, &["Smith"]), ent("Oslo", Place, &[])],
            // no context: either could be meant
            vec![ent("Smith", Per, &[])],
            // the same company as John Smith
            vec![ent("Smith", Per, &[]), ent("Kent", Place, &[])],
        ];
        let k = keys(&set);
        assert_ne!(k[0][0], k[1][0], "two Smiths: {k:?}");
        assert_ne!(k[2][0], k[0][0]);
        assert_ne!(k[2][0], k[1][0]);
        assert_eq!(k[3][0], k[0][0], "Kent says which Smith");
    }

    #[test]
    fn country_names_and_the_are_one_entity() {
        let k = keys(&[
            vec![ent("United States", Place, &["U.S."])],
            vec![ent("US", Place, &[])],
            vec![ent("America", Place, &[])],
            vec![ent("U.S.", Place, &[]), ent("Kremlin", Org, &[])],
            vec![ent("the Kremlin", Org, &[])],
        ]);
        for a in 1..4 {
            assert_eq!(k[a][0], k[0][0], "article {a}");
        }
        assert_eq!(k[0][0], "united-states");
        assert_eq!(k[4][0], k[3][1]);
    }

    #[test]
    fn acronyms_company_forms_and_placed_names() {
        let k = keys(&[
            vec![
                ent("Northern Rail Authority", Org, &["NRA"]),
                ent("Acme Inc.", Org, &[]),
                ent("Leeds", Place, &[]),
            ],
            vec![
                ent("NRA", Org, &[]),
                ent("Acme", Org, &[]),
                ent("Leeds", Place, &[]),
            ],
            // an acronym no article spelled out, sharing company
            vec![
                ent("Western Ferry Company", Org, &[]),
                ent("Leeds", Place, &[]),
            ],
            vec![ent("WFC", Org, &[]), ent("Leeds", Place, &[])],
        ]);
        assert_eq!(k[1][0], k[0][0]);
        assert_eq!(k[1][1], k[0][1]);
        assert_eq!(k[0][1], "acme-inc");
        assert_eq!(k[3][0], k[2][0]);
    }

    #[test]
    fn a_name_after_a_known_place_is_the_short_name() {
        let k = keys(&[
            vec![
                ent("Berlin Tegel", Place, &[]),
                ent("Lufthafen Board", Org, &[]),
            ],
            vec![ent("Tegel", Place, &[]), ent("Lufthafen Board", Org, &[])],
            // "York" is not "New York": "New" is no known place
            vec![ent("New York", Place, &[]), ent("Hudson", Place, &[])],
            vec![ent("York", Place, &[]), ent("Hudson", Place, &[])],
        ]);
        assert_eq!(k[1][0], k[0][0]);
        assert_ne!(k[3][0], k[2][0]);
    }

    #[test]
    fn unrelated_short_names_are_not_joined_by_shape_alone() {
        let k = keys(&[
            vec![ent("Blue Eyed Apes", Org, &[]), ent("Rome", Place, &[])],
            vec![ent("BEA", Org, &[]), ent("Quito", Place, &[])],
            vec![ent("Jordan", Per, &[])],
            vec![ent("Jordan", Place, &[])],
        ]);
        assert_ne!(k[1][0], k[0][0], "no shared company");
        assert_ne!(k[2][0], k[3][0], "a person and a place");
        assert_eq!(k[2][0], "jordan");
        assert_eq!(k[3][0], "jordan-place");
    }

    #[test]
    fn one_article_keeps_apart_what_it_names_apart() {
        // "Apex" is an alias of both; the article naming both says they are
        // two, and the one that shares company wins the short name
        let k = keys(&[
            vec![
                ent("Apex Motors", Org, &["Apex"]),
                ent("Apex Records", Org, &[]),
            ],
            vec![
                ent("Apex Motors", Org, &["Apex"]),
                ent("Detroit", Place, &[]),
            ],
            vec![ent("Apex", Org, &[]), ent("Detroit", Place, &[])],
            vec![ent("Apex Records", Org, &["Apex"])],
        ]);
        assert_ne!(k[0][0], k[0][1]);
        assert_eq!(k[2][0], k[1][0]);
        assert_eq!(k[3][0], k[0][1]);
    }

    #[test]
    fn added_articles_join_the_sets_entities_and_keep_its_keys() {
        let set = [
            vec![
                ent("Jane Okafor", Per, &["Okafor"]),
                ent("Acme Motors", Org, &["Acme"]),
            ],
            vec![ent("Okafor", Per, &[]), ent("Lagos", Place, &[])],
        ];
        let refs: Vec<&[Entity]> = set.iter().map(Vec::as_slice).collect();
        let base = link(&refs);
        let added = [
            // the same person and company, another place, a new person
            vec![
                ent("Okafor", Per, &[]),
                ent("Acme", Org, &[]),
                ent("Abuja", Place, &[]),
                ent("Tunde Bello", Per, &["Bello"]),
            ],
            vec![ent("Bello", Per, &[]), ent("Jane Okafor", Per, &[])],
            // a person named like a place of the set: an entity of its own
            vec![ent("Lagos", Per, &[])],
        ];
        let arefs: Vec<&[Entity]> = added.iter().map(Vec::as_slice).collect();
        let l = extend(&base, &refs, &arefs);
        // the set's own entities and keys are as they were
        assert_eq!(
            &l.entities[..base.entities.len()]
                .iter()
                .map(|e| &e.key)
                .collect::<Vec<_>>(),
            &base.entities.iter().map(|e| &e.key).collect::<Vec<_>>()
        );
        for a in 0..set.len() {
            assert_eq!(l.of[a], base.of[a]);
        }
        assert_eq!(l.key(2, 0), base.key(0, 0), "Okafor joins Jane Okafor");
        assert_eq!(l.key(3, 1), base.key(0, 0));
        assert_eq!(l.key(2, 1), base.key(0, 1), "Acme joins Acme Motors");
        assert_eq!(l.key(2, 2), Some("abuja"));
        assert_eq!(l.key(2, 3), l.key(3, 0), "Bello joins Tunde Bello");
        assert_eq!(l.key(2, 3), Some("tunde-bello"));
        // a new entity never takes a key of the set
        let lagos = l.key(4, 0).expect("keyed");
        assert_ne!(Some(lagos), base.key(1, 1));
        assert!(l.of[4][0] >= base.entities.len());
        let all: BTreeSet<&str> = l.entities.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(all.len(), l.entities.len(), "keys are unique");
        // members are listed where they belong
        let okafor = &l.entities[l.of[0][0]];
        assert!(okafor.members.contains(&(2, 0)) && okafor.members.contains(&(3, 1)));
        // nothing added: the set's linking
        assert_eq!(extend(&base, &refs, &[]), base);
    }

    #[test]
    fn keys_are_stable_unique_url_safe_slugs() {
        let set = vec![
            vec![ent("Zoë Ağa", Per, &["Ağa"]), ent("São Paulo", Place, &[])],
            vec![ent("مصر", Place, &[]), ent("Ağa", Per, &[])],
            vec![ent("A 2", Org, &[]), ent("A", Org, &[]), ent("A", Per, &[])],
        ];
        let a = keys(&set);
        assert_eq!(a, keys(&set), "same input, same keys");
        assert_eq!(a[0][0], "zoe-aga");
        assert_eq!(a[1][1], a[0][0]);
        let all: Vec<&String> = a.iter().flatten().collect();
        let distinct: BTreeSet<&String> = all.iter().copied().collect();
        // "Ağa" joined "Zoë Ağa": one key fewer than entities
        assert_eq!(distinct.len(), all.len() - 1);
        for k in &all {
            assert!(!k.is_empty());
            assert!(!k.starts_with('-') && !k.ends_with('-'), "{k}");
            assert!(
                k.chars()
                    .all(|c| c.is_alphanumeric() && !c.is_uppercase() || c == '-'),
                "{k}"
            );
        }
        // a name without Latin letters keeps its own letters
        assert_eq!(a[1][0], "مصر");
        // one slug, two entities: the kind tells them apart, then a number
        assert_eq!(a[2][0], "a-2");
        assert_eq!(a[2][1], "a");
        assert_eq!(a[2][2], "a-person");
    }

    #[test]
    fn set_entities_list_members_aliases_and_kind() {
        let set = [
            vec![ent("Jane Okafor", Per, &["Okafor"])],
            vec![ent("Okafor", Per, &[])],
            vec![ent("Jane Okafor", Per, &[])],
        ];
        let refs: Vec<&[Entity]> = set.iter().map(Vec::as_slice).collect();
        let l = link(&refs);
        assert_eq!(l.entities.len(), 1);
        let e = &l.entities[0];
        assert_eq!(e.name, "Jane Okafor");
        assert_eq!(e.kind, Per);
        assert_eq!(e.aliases, vec!["Okafor".to_string()]);
        assert_eq!(e.members, vec![(0, 0), (1, 0), (2, 0)]);
        assert_eq!(link(&[]), Linking::default());
    }
}

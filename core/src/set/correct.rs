//! The reader's corrections to the set's linking: merge two entities, split
//! a name off an entity, rename one, change its type, or hide a false one.
//! They are kept on the reader's device as text, one per line
//! ([`parse`], [`write`]), and applied in order to the linking the build
//! computed ([`apply`]), so they hold across the whole set at once.
//!
//! A correction names entities by their set-level key. One that no longer
//! applies (the set changed under it) is reported, never dropped in silence.

use std::collections::BTreeSet;

use super::link::{Linking, SetEntity};
use crate::analysis::entities::slug;
use crate::analysis::{Analysis, EntityKind};
use crate::article::Article;

/// The type of the element a page to send holds the sender's corrections
/// in (base64 of their text form; data, never run).
pub const CORRECTIONS_TYPE: &str = "application/x-dossier-corrections";

/// `(article, entity)` pairs of a set-level entity.
type Members = Vec<(usize, usize)>;

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// `key` and `into` are one entity: `key`'s articles join `into`, its
    /// names become aliases there, and its key leads to `into`'s page.
    Merge {
        key: String,
        into: String,
    },
    /// The articles where entity `key` is called `name` (its fullest form
    /// there) are about another entity, which gets a key of its own.
    Split {
        key: String,
        name: String,
    },
    Rename {
        key: String,
        name: String,
    },
    Retype {
        key: String,
        kind: EntityKind,
    },
    /// Not an entity: left out of the lists and search, its page says so.
    Hide {
        key: String,
    },
}

impl Correction {
    /// The key it is about.
    pub fn key(&self) -> &str {
        match self {
            Correction::Merge { key, .. }
            | Correction::Split { key, .. }
            | Correction::Rename { key, .. }
            | Correction::Retype { key, .. }
            | Correction::Hide { key } => key,
        }
    }

    /// What it does, for the reader.
    pub fn describe(&self, name_of: impl Fn(&str) -> String) -> String {
        match self {
            Correction::Merge { key, into } => {
                format!("“{}” merged into “{}”", name_of(key), name_of(into))
            }
            Correction::Split { key, name } => {
                format!("“{name}” split off “{}”", name_of(key))
            }
            Correction::Rename { key, name } => format!("“{}” renamed “{name}”", name_of(key)),
            Correction::Retype { key, kind } => {
                format!("“{}” is a {}", name_of(key), kind.as_str())
            }
            Correction::Hide { key } => format!("“{}” hidden", name_of(key)),
        }
    }
}

/// A field of the text form: tabs and line breaks would break the line, so
/// they become spaces.
fn field(s: &str) -> String {
    s.split(['\t', '\n', '\r'])
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// The text form: one correction a line, its fields separated by tabs
/// (`merge KEY INTO`, `split KEY NAME`, `rename KEY NAME`, `type KEY KIND`,
/// `hide KEY`).
pub fn write(corrections: &[Correction]) -> String {
    let mut out = String::new();
    for c in corrections {
        let line = match c {
            Correction::Merge { key, into } => format!("merge\t{}\t{}", field(key), field(into)),
            Correction::Split { key, name } => format!("split\t{}\t{}", field(key), field(name)),
            Correction::Rename { key, name } => format!("rename\t{}\t{}", field(key), field(name)),
            Correction::Retype { key, kind } => format!("type\t{}\t{}", field(key), kind.as_str()),
            Correction::Hide { key } => format!("hide\t{}", field(key)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Reads the text form back. Blank lines are skipped; a line that is not a
/// correction is an error naming it (`line 3: ...`).
pub fn parse(text: &str) -> Result<Vec<Correction>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let bad = |why: &str| format!("line {}: {why}: “{}”", n + 1, line.trim());
        let need = |k: usize| -> Result<(), String> {
            if f.len() != k || f.iter().any(|x| x.is_empty()) {
                Err(bad(&format!("{} fields expected, separated by tabs", k)))
            } else {
                Ok(())
            }
        };
        let c = match f[0] {
            "merge" => {
                need(3)?;
                Correction::Merge {
                    key: f[1].into(),
                    into: f[2].into(),
                }
            }
            "split" => {
                need(3)?;
                Correction::Split {
                    key: f[1].into(),
                    name: f[2].into(),
                }
            }
            "rename" => {
                need(3)?;
                Correction::Rename {
                    key: f[1].into(),
                    name: f[2].into(),
                }
            }
            "type" => {
                need(3)?;
                let kind = EntityKind::parse(f[2]).ok_or_else(|| bad("an unknown type"))?;
                Correction::Retype {
                    key: f[1].into(),
                    kind,
                }
            }
            "hide" => {
                need(2)?;
                Correction::Hide { key: f[1].into() }
            }
            _ => return Err(bad("not a correction")),
        };
        out.push(c);
    }
    Ok(out)
}

/// The corrections `incoming` (a backup's, in text form) added to those
/// `stored`: each line not already there is appended, in order.
pub fn merged(stored: &str, incoming: &str) -> String {
    let mut out: String = stored
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let have: Vec<&str> = stored.lines().map(str::trim).collect();
    for line in incoming.lines() {
        if !line.trim().is_empty()
            && !have.contains(&line.trim())
            && !out.lines().any(|o| o.trim() == line.trim())
        {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The linking with the corrections applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrected {
    pub linking: Linking,
    /// Keys of hidden entities.
    pub hidden: BTreeSet<String>,
    /// Keys merged away, and the key each now leads to.
    pub moved: Vec<(String, String)>,
    /// Corrections that no longer apply: their index, and why.
    pub stale: Vec<(usize, String)>,
}

impl Corrected {
    /// The keys of article `a`'s entities as the corrections leave them. A
    /// split moves an article's entity to a set-level entity of its own,
    /// which the article's keys from the build do not know: the reading
    /// view replays the corrections on these keys when the list splits.
    pub fn article_keys(&self, a: usize) -> Vec<String> {
        self.linking.of.get(a).map_or_else(Vec::new, |ents| {
            ents.iter()
                .map(|&i| {
                    self.linking
                        .entities
                        .get(i)
                        .map(|e| e.key.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
    }

    /// Where `key` leads: itself, or the entity it was merged into.
    pub fn resolve<'a>(&'a self, key: &'a str) -> &'a str {
        follow(&self.moved, key)
    }
}

/// Where `key` leads through the merges `moved` (`(from, to)` in order).
fn follow<'a>(moved: &'a [(String, String)], key: &'a str) -> &'a str {
    let mut k = key;
    // Merges form chains, never cycles (a merge into itself is refused),
    // but a bound keeps a bad list from looping.
    for _ in 0..=moved.len() {
        match moved.iter().find(|(from, _)| from == k) {
            Some((_, to)) => k = to,
            None => break,
        }
    }
    k
}

fn push_alias(e: &mut SetEntity, name: &str) {
    if name != e.name && !e.aliases.iter().any(|a| a == name) {
        e.aliases.push(name.to_string());
    }
}

/// Why a correction of `key` no longer applies when the set has no such
/// entity.
fn no_entity(key: &str) -> String {
    format!("no entity “{key}” in this set")
}

/// The corrections of a list that only renames, retypes and hides
/// ([`keys_only`]) that no longer apply, as [`apply`] reports them, from
/// whether the set has each key (`has`: an entity's shard, without the
/// set's linking). A merge or a split is never reported here.
pub fn stale_keys(list: &[Correction], has: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
    list.iter()
        .enumerate()
        .filter(|(_, c)| keys_only(std::slice::from_ref(c)) && !has(c.key()))
        .map(|(n, c)| (n, no_entity(c.key())))
        .collect()
}

/// Applies `corrections` in order to `linking` of `set`.
pub fn apply(
    set: &[(Article, Analysis)],
    linking: &Linking,
    corrections: &[Correction],
) -> Corrected {
    let mut ents: Vec<Option<SetEntity>> = linking.entities.iter().cloned().map(Some).collect();
    let mut of = linking.of.clone();
    let mut out = Corrected::default();
    let find = |ents: &[Option<SetEntity>], out: &Corrected, key: &str| -> Option<usize> {
        let key = out.resolve(key);
        ents.iter()
            .position(|e| e.as_ref().is_some_and(|e| e.key == key))
    };
    for (n, c) in corrections.iter().enumerate() {
        let Some(i) = find(&ents, &out, c.key()) else {
            out.stale.push((n, no_entity(c.key())));
            continue;
        };
        match c {
            Correction::Merge { into, .. } => {
                let Some(j) = find(&ents, &out, into) else {
                    out.stale.push((n, no_entity(into)));
                    continue;
                };
                if i == j {
                    out.stale
                        .push((n, "an entity cannot be merged into itself".into()));
                    continue;
                }
                let Some(from) = ents[i].take() else { continue };
                if let Some(to) = ents[j].as_mut() {
                    push_alias(to, &from.name);
                    for a in &from.aliases {
                        push_alias(to, a);
                    }
                    to.members.extend(from.members.iter().copied());
                    to.members.sort_unstable();
                }
                for row in of.iter_mut() {
                    for x in row.iter_mut() {
                        if *x == i {
                            *x = j;
                        }
                    }
                }
                let to_key = ents[j].as_ref().map(|e| e.key.clone()).unwrap_or_default();
                out.moved.push((from.key, to_key));
            }
            Correction::Split { name, .. } => {
                let Some(e) = ents[i].as_ref() else { continue };
                let (gone, kept): (Members, Members) = e.members.iter().partition(|(a, k)| {
                    set.get(*a)
                        .and_then(|(_, an)| an.entities.get(*k))
                        .is_some_and(|x| x.name.eq_ignore_ascii_case(name))
                });
                if gone.is_empty() || kept.is_empty() {
                    out.stale
                        .push((n, format!("no article calls “{}” only “{name}”", e.name)));
                    continue;
                }
                let base = {
                    let s = slug(name);
                    if s.is_empty() {
                        "entity".to_string()
                    } else {
                        s
                    }
                };
                let taken = |k: &str| {
                    ents.iter().flatten().any(|e| e.key == k)
                        || out.moved.iter().any(|(from, _)| from == k)
                };
                let mut key = base.clone();
                let mut k = 2;
                while taken(&key) {
                    key = format!("{base}-{k}");
                    k += 1;
                }
                let kind = e.kind;
                let new = ents.len();
                ents.push(Some(SetEntity {
                    key,
                    name: name.clone(),
                    kind,
                    aliases: Vec::new(),
                    members: gone.clone(),
                }));
                for &(a, k) in &gone {
                    if let Some(x) = of.get_mut(a).and_then(|row| row.get_mut(k)) {
                        *x = new;
                    }
                }
                if let Some(e) = ents[i].as_mut() {
                    e.members = kept;
                    let still = |alias: &str| {
                        e.members.iter().any(|(a, k)| {
                            set.get(*a)
                                .and_then(|(_, an)| an.entities.get(*k))
                                .is_some_and(|x| {
                                    x.name == alias || x.aliases.iter().any(|y| y == alias)
                                })
                        })
                    };
                    let aliases = std::mem::take(&mut e.aliases);
                    e.aliases = aliases.into_iter().filter(|a| still(a)).collect();
                }
            }
            Correction::Rename { name, .. } => {
                if let Some(e) = ents[i].as_mut() {
                    let old = std::mem::replace(&mut e.name, name.clone());
                    e.aliases.retain(|a| a != name);
                    push_alias(e, &old);
                }
            }
            Correction::Retype { kind, .. } => {
                if let Some(e) = ents[i].as_mut() {
                    e.kind = *kind;
                }
            }
            Correction::Hide { .. } => {
                if let Some(e) = ents[i].as_ref() {
                    out.hidden.insert(e.key.clone());
                }
            }
        }
    }
    // Entities merged away are dropped; the indices close up.
    let mut new_index = vec![usize::MAX; ents.len()];
    let mut entities = Vec::new();
    for (i, e) in ents.into_iter().enumerate() {
        if let Some(e) = e {
            new_index[i] = entities.len();
            entities.push(e);
        }
    }
    for row in of.iter_mut() {
        for x in row.iter_mut() {
            *x = new_index.get(*x).copied().unwrap_or(usize::MAX);
        }
    }
    out.linking = Linking { entities, of };
    out
}

/// Whether `list` only renames, retypes and hides entities: corrections
/// that keep every article with its entities, so that what the build made
/// from the set (an entity's page, the timeline, the search index) holds
/// with them replayed on keys ([`Overrides`],
/// `crate::view::pages::corrected_view`). A merge or a split moves articles
/// between entities, which needs the whole set.
pub fn keys_only(list: &[Correction]) -> bool {
    list.iter().all(|c| {
        matches!(
            c,
            Correction::Rename { .. } | Correction::Retype { .. } | Correction::Hide { .. }
        )
    })
}

/// What the corrections change in the reading view of one article, which
/// knows its entities' keys but not the set's linking: where each key
/// leads (merges), and the name, type and hiding of the entity it leads to.
/// A split needs the whole set: the keys given to [`Overrides::apply`] are
/// then those of the corrected linking ([`Corrected::article_keys`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    moved: Vec<(String, String)>,
    names: Vec<(String, String)>,
    kinds: Vec<(String, EntityKind)>,
    hidden: Vec<String>,
}

impl Overrides {
    /// The corrections `list`, replayed on keys alone.
    pub fn of(list: &[Correction]) -> Overrides {
        let mut o = Overrides::default();
        for c in list {
            let key = o.key(c.key()).to_string();
            match c {
                Correction::Merge { into, .. } => {
                    let into = o.key(into).to_string();
                    if into != key {
                        // The entity merged into keeps its own name and type.
                        o.moved.push((key, into));
                    }
                }
                Correction::Split { .. } => {}
                Correction::Rename { name, .. } => {
                    // every name given, in order: the last is its name, the
                    // others aliases (as the set's corrected linking has it)
                    o.names.push((key, name.clone()));
                }
                Correction::Retype { kind, .. } => {
                    o.kinds.retain(|(k, _)| *k != key);
                    o.kinds.push((key, *kind));
                }
                Correction::Hide { .. } => o.hidden.push(key),
            }
        }
        o
    }

    pub fn is_empty(&self) -> bool {
        self.moved.is_empty()
            && self.names.is_empty()
            && self.kinds.is_empty()
            && self.hidden.is_empty()
    }

    /// Where `key` leads.
    pub fn key<'a>(&'a self, key: &'a str) -> &'a str {
        follow(&self.moved, key)
    }

    /// The name the reader gave the entity `key` leads to, if renamed.
    pub fn name(&self, key: &str) -> Option<&str> {
        let key = self.key(key);
        self.names
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, n)| n.as_str())
    }

    /// The type the reader gave the entity `key` leads to, if retyped.
    pub fn kind(&self, key: &str) -> Option<EntityKind> {
        let key = self.key(key);
        self.kinds.iter().find(|(k, _)| k == key).map(|(_, t)| *t)
    }

    /// Whether the reader hid the entity `key` leads to.
    pub fn hidden(&self, key: &str) -> bool {
        let key = self.key(key);
        self.hidden.iter().any(|h| h == key)
    }

    /// The entities renamed (their keys) and every name the reader gave
    /// each, in order (the last is its name).
    pub fn renamed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().map(|(k, n)| (k.as_str(), n.as_str()))
    }

    /// `analysis` of an article whose entities have the set-level `keys`,
    /// as the reader corrected it: entities renamed and retyped, two merged
    /// into one, hidden ones left out (and out of the events), with the keys
    /// they now have.
    pub fn apply(&self, analysis: &Analysis, keys: &[String]) -> (Analysis, Vec<String>) {
        let mut out = analysis.clone();
        let mut new_keys = Vec::with_capacity(keys.len());
        let mut index = vec![usize::MAX; analysis.entities.len()];
        let mut entities = Vec::with_capacity(analysis.entities.len());
        for (i, e) in analysis.entities.iter().enumerate() {
            let Some(key) = keys.get(i).map(|k| self.key(k)) else {
                index[i] = entities.len();
                entities.push(e.clone());
                new_keys.push(String::new());
                continue;
            };
            if self.hidden.iter().any(|h| h == key) {
                continue;
            }
            let mut e = e.clone();
            if let Some(name) = self.name(key) {
                if name != e.name {
                    let old = std::mem::replace(&mut e.name, name.to_string());
                    e.aliases.retain(|a| a != name);
                    e.aliases.insert(0, old);
                }
            }
            if let Some((_, kind)) = self.kinds.iter().find(|(k, _)| k == key) {
                e.kind = *kind;
            }
            // Merged into an entity this article names too: one entity.
            if let Some(j) = new_keys.iter().position(|k| k == key) {
                let into: &mut crate::analysis::Entity = &mut entities[j];
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    if *name != into.name && !into.aliases.contains(name) {
                        into.aliases.push(name.clone());
                    }
                }
                into.mentions.extend(e.mentions);
                // The page's own small sort (the standard one would cost the
                // first view kilobytes).
                crate::view::sort_stable(&mut into.mentions, &|a, b| {
                    (a.part, a.start) < (b.part, b.start)
                });
                index[i] = j;
                continue;
            }
            index[i] = entities.len();
            entities.push(e);
            new_keys.push(key.to_string());
        }
        out.entities = entities;
        for ev in &mut out.timeline {
            let mut es: Vec<usize> = ev
                .entities
                .iter()
                .filter_map(|&i| index.get(i).copied().filter(|&j| j != usize::MAX))
                .collect();
            crate::view::sort_stable(&mut es, &|a, b| a < b);
            es.dedup();
            ev.entities = es;
        }
        (out, new_keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::set::{entity_index, link};

    fn set() -> Vec<(Article, Analysis)> {
        [
            "Anna Berg met Paolo Conte in Vienna. Berg said the Vienna Ferry Company would grow.",
            "Paolo Conte spoke in Vienna on Monday. Conte met Anna Berg again.",
            "Berg won the race in Graz. Berg is a young runner.",
        ]
        .iter()
        .enumerate()
        .map(|(i, body)| {
            let src = format!(
                "+++\ntitle = \"Story {i}\"\ndate = \"2021-05-0{}\"\n+++\n\n{body}\n",
                i + 1
            );
            let a = crate::article::parse_article(&format!("{i}.md"), src.as_bytes())
                .expect("a valid article");
            let an = crate::analyze(&a.parts(), a.meta.date.as_deref());
            (a, an)
        })
        .collect()
    }

    fn linking(set: &[(Article, Analysis)]) -> Linking {
        let e: Vec<&[crate::analysis::Entity]> =
            set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        link(&e)
    }

    fn key_of(l: &Linking, name: &str) -> String {
        l.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.key.clone())
            .unwrap_or_else(|| panic!("{name} in {:?}", l.entities))
    }

    #[test]
    fn the_text_form_round_trips_and_bad_lines_are_named() {
        let list = vec![
            Correction::Merge {
                key: "a".into(),
                into: "b".into(),
            },
            Correction::Split {
                key: "b".into(),
                name: "Bé\tx".into(),
            },
            Correction::Rename {
                key: "c".into(),
                name: "قال أحمد 👩‍👩‍👧".into(),
            },
            Correction::Retype {
                key: "c".into(),
                kind: EntityKind::Place,
            },
            Correction::Hide { key: "d".into() },
        ];
        let text = write(&list);
        let back = parse(&text).expect("reads back");
        assert_eq!(back.len(), 5);
        assert_eq!(
            back[1],
            Correction::Split {
                key: "b".into(),
                name: "Bé x".into()
            }
        );
        assert_eq!(back[2], list[2]);
        assert_eq!(back[4], list[4]);
        assert_eq!(parse("\n\n"), Ok(Vec::new()));
        let e = parse("hide\ta\nmerge\ta\n").expect_err("a short line");
        assert!(e.starts_with("line 2:"), "{e}");
        let e = parse("type\ta\tplanet").expect_err("an unknown type");
        assert!(e.contains("unknown type"), "{e}");
        assert!(parse("shout\ta").is_err());
        // A backup's corrections join those kept, without repeats.
        assert_eq!(
            merged(
                "hide\ta\n\nrename\tb\tB\n",
                "rename\tb\tB\nhide\tc\nhide\tc\n"
            ),
            "hide\ta\nrename\tb\tB\nhide\tc\n"
        );
        assert_eq!(merged("", "hide\tc"), "hide\tc\n");
    }

    #[test]
    fn merge_rename_retype_and_hide_hold_across_the_set() {
        let s = set();
        let l = linking(&s);
        let anna = key_of(&l, "Anna Berg");
        let paolo = key_of(&l, "Paolo Conte");
        let c = apply(
            &s,
            &l,
            &[
                Correction::Merge {
                    key: paolo.clone(),
                    into: anna.clone(),
                },
                Correction::Rename {
                    key: paolo.clone(),
                    name: "The pair".into(),
                },
                Correction::Retype {
                    key: anna.clone(),
                    kind: EntityKind::Group,
                },
                Correction::Hide {
                    key: key_of(&l, "Vienna"),
                },
            ],
        );
        assert!(c.stale.is_empty(), "{:?}", c.stale);
        assert_eq!(c.resolve(&paolo), anna);
        let e = c
            .linking
            .entities
            .iter()
            .find(|e| e.key == anna)
            .expect("the merged entity");
        assert_eq!(e.name, "The pair");
        assert_eq!(e.kind, EntityKind::Group);
        assert!(e.aliases.iter().any(|a| a == "Anna Berg"));
        assert!(e.aliases.iter().any(|a| a == "Paolo Conte"));
        assert!(!c.linking.entities.iter().any(|e| e.key == paolo));
        assert!(c.hidden.contains(&key_of(&l, "Vienna")));
        // Every article-level entity still has a set entity, and the pages
        // built on the corrected linking show the merge.
        for row in &c.linking.of {
            assert!(row.iter().all(|&x| x < c.linking.entities.len()));
        }
        let pages = entity_index(&s, &c.linking);
        let page = pages.get(&anna).expect("a page");
        assert_eq!(page.articles.len(), 2);
        assert!(pages.get(&paolo).is_none());
    }

    #[test]
    fn the_reading_view_renames_retypes_and_hides_by_key() {
        let s = set();
        let l = linking(&s);
        let keys = l.keys_of();
        let anna = key_of(&l, "Anna Berg");
        let paolo = key_of(&l, "Paolo Conte");
        let vienna = key_of(&l, "Vienna");
        let o = Overrides::of(&[
            Correction::Merge {
                key: paolo.clone(),
                into: anna.clone(),
            },
            Correction::Rename {
                key: paolo.clone(),
                name: "The pair".into(),
            },
            Correction::Retype {
                key: anna.clone(),
                kind: EntityKind::Group,
            },
            Correction::Hide {
                key: vienna.clone(),
            },
            Correction::Split {
                key: anna.clone(),
                name: "Berg".into(),
            },
        ]);
        assert!(!o.is_empty());
        assert!(Overrides::of(&[]).is_empty());
        let (a, an) = &s[0];
        let (fixed, new_keys) = o.apply(an, &keys[0]);
        assert_eq!(new_keys.len(), fixed.entities.len());
        assert_eq!(
            fixed.entities.len(),
            an.entities.len() - 2,
            "Vienna is left out, the two people are one"
        );
        assert!(!fixed.entities.iter().any(|e| e.name == "Vienna"));
        // Both people are now one renamed group, under Anna Berg's key, with
        // the mentions of both.
        let pair: Vec<usize> = (0..fixed.entities.len())
            .filter(|&i| new_keys[i] == anna)
            .collect();
        assert_eq!(pair.len(), 1);
        let e = &fixed.entities[pair[0]];
        assert_eq!(e.name, "The pair");
        assert_eq!(e.kind, EntityKind::Group);
        assert!(e.aliases.iter().any(|x| x == "Anna Berg"));
        assert!(e.aliases.iter().any(|x| x == "Paolo Conte"));
        let before: usize = an
            .entities
            .iter()
            .filter(|x| x.name == "Anna Berg" || x.name == "Paolo Conte" || x.name == "Berg")
            .map(|x| x.mentions.len())
            .sum();
        assert_eq!(e.mentions.len(), before);
        // Events name only entities that are still there, by their new index.
        for ev in &fixed.timeline {
            assert!(ev.entities.iter().all(|&i| i < fixed.entities.len()));
        }
        assert!(fixed.check(&a.parts()).is_ok());
    }

    #[test]
    fn a_name_is_split_off_where_it_is_all_an_article_calls_the_entity() {
        let s = set();
        let l = linking(&s);
        let anna = key_of(&l, "Anna Berg");
        // Whether or not the linking joined the runner "Berg" of the third
        // article to Anna Berg, after a split (or a merge then a split) the
        // runner has an entity of its own.
        let mut list = Vec::new();
        if let Some(berg) = l
            .entities
            .iter()
            .find(|e| e.name == "Berg" && e.key != anna)
        {
            list.push(Correction::Merge {
                key: berg.key.clone(),
                into: anna.clone(),
            });
        }
        list.push(Correction::Split {
            key: anna.clone(),
            name: "Berg".into(),
        });
        let c = apply(&s, &l, &list);
        assert!(c.stale.is_empty(), "{:?}", c.stale);
        let runner = c
            .linking
            .entities
            .iter()
            .find(|e| e.name == "Berg")
            .expect("split off");
        assert_ne!(runner.key, anna);
        assert!(runner.members.iter().all(|(a, _)| *a == 2));
        let a = c
            .linking
            .entities
            .iter()
            .find(|e| e.key == anna)
            .expect("kept");
        assert!(a.members.iter().all(|(a, _)| *a != 2));
        // The reading view of the third article: its runner leads to the
        // entity split off, and a rename of that entity reaches it there,
        // while the first article keeps Anna Berg as she was.
        let mut renamed = list.clone();
        renamed.push(Correction::Rename {
            key: runner.key.clone(),
            name: "Berg the runner".into(),
        });
        let c = apply(&s, &l, &renamed);
        let keys = c.article_keys(2);
        assert_eq!(keys.len(), s[2].1.entities.len());
        let (shown, shown_keys) = Overrides::of(&renamed).apply(&s[2].1, &keys);
        let at = shown_keys
            .iter()
            .position(|k| *k == runner.key)
            .expect("the runner's key");
        assert_eq!(shown.entities[at].name, "Berg the runner");
        assert!(!shown_keys.contains(&anna));
        let (first, first_keys) = Overrides::of(&renamed).apply(&s[0].1, &c.article_keys(0));
        let at = first_keys
            .iter()
            .position(|k| *k == anna)
            .expect("Anna Berg");
        assert_eq!(first.entities[at].name, "Anna Berg");
        assert!(c.article_keys(99).is_empty());
        // Splitting what no article calls the entity only is reported.
        let c = apply(
            &s,
            &l,
            &[
                Correction::Split {
                    key: anna.clone(),
                    name: "Nobody".into(),
                },
                Correction::Hide {
                    key: "not-a-key".into(),
                },
                Correction::Merge {
                    key: anna.clone(),
                    into: anna.clone(),
                },
            ],
        );
        assert_eq!(
            c.stale.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(c.linking, l, "nothing changed");
    }

    #[test]
    fn stale_renames_retypes_and_hides_are_known_by_key_alone() {
        let s = set();
        let l = linking(&s);
        let anna = key_of(&l, "Anna Berg");
        let list = [
            Correction::Rename {
                key: anna.clone(),
                name: "Anna B.".into(),
            },
            Correction::Hide {
                key: "gone-key".into(),
            },
            Correction::Retype {
                key: "other-gone".into(),
                kind: EntityKind::Place,
            },
            Correction::Hide { key: anna.clone() },
        ];
        let has = |k: &str| l.entities.iter().any(|e| e.key == k);
        let by_keys = stale_keys(&list, has);
        assert_eq!(by_keys.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2]);
        // the same as the whole set's linking reports
        assert_eq!(by_keys, apply(&s, &l, &list).stale);
    }
}

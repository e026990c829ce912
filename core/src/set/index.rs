//! Set-level indexes for the entity pages and the set timeline: pure data
//! computed from the articles, their analyses and the [`Linking`].
//!
//! Each entity's page ([`EntityPage`]) depends only on its own entry, so the
//! index can be cut into shards by key (see docs/design.md, "The set's
//! indexes").

use std::collections::BTreeMap;

use super::link::Linking;
use crate::analysis::{Analysis, EntityKind, Precision, Span};
use crate::article::Article;
use crate::timex::Timex;

/// An article that names an entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Naming {
    pub article: usize,
    pub date: Option<String>,
    pub mentions: usize,
}

/// One mention, with the sentence it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionAt {
    pub article: usize,
    /// The article's own entity (an index into its analysis) and the
    /// mention's ordinal in it: the reading view's `#/a/<slug>/e/<id>/<n>`.
    pub entity: usize,
    pub ordinal: usize,
    pub mention: Span,
    /// The sentence that contains the mention (the mention itself when no
    /// sentence does).
    pub sentence: Span,
}

/// A dated event of an article: `timeline[event]` of `article`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct EventRef {
    pub article: usize,
    pub event: usize,
}

/// Everything an entity page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityPage {
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Newest first, undated last, then in set order.
    pub articles: Vec<Naming>,
    /// Grouped by article in the order of `articles`, in document order
    /// within one.
    pub mentions: Vec<MentionAt>,
    /// Entities named in the same sentences (index into the linking's
    /// entities, number of sentences), most first.
    pub with: Vec<(usize, usize)>,
    /// Its dated events, in time order.
    pub events: Vec<EventRef>,
}

/// The entity pages of a set, one per set-level entity (same order as
/// `Linking::entities`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityIndex {
    pub pages: Vec<EntityPage>,
    /// `(key, page)` sorted by key, for [`EntityIndex::get`].
    by_key: Vec<(String, usize)>,
}

impl EntityIndex {
    /// The page of the entity with this key.
    pub fn get(&self, key: &str) -> Option<&EntityPage> {
        let i = self
            .by_key
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()?;
        self.pages.get(self.by_key[i].1)
    }
}

/// The sentence of `sentences` (sorted) that contains `span`.
pub(super) fn sentence_of(sentences: &[Span], span: Span) -> Option<Span> {
    let i = sentences.partition_point(|s| (s.part, s.start) <= (span.part, span.start));
    let s = *sentences.get(i.checked_sub(1)?)?;
    (s.part == span.part && s.start <= span.start && span.end <= s.end).then_some(s)
}

/// A sort key for a TIMEX3 value: its start and end; values with no
/// calendar reading sort last.
fn date_key(value: &str) -> (bool, i64, i64) {
    match value.parse::<Timex>().ok().and_then(|t| t.bounds()) {
        Some((a, b)) => (false, a, b),
        None => (true, 0, 0),
    }
}

/// Newest first, undated last.
fn newest_first(a: &Option<String>, b: &Option<String>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Builds the entity pages of a set.
pub fn entity_index(set: &[(Article, Analysis)], linking: &Linking) -> EntityIndex {
    let n = linking.entities.len();
    let mut pages: Vec<EntityPage> = linking
        .entities
        .iter()
        .map(|e| EntityPage {
            key: e.key.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            articles: Vec::new(),
            mentions: Vec::new(),
            with: Vec::new(),
            events: Vec::new(),
        })
        .collect();
    let mut with: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); n];
    for (a, (article, analysis)) in set.iter().enumerate() {
        let Some(of) = linking.of.get(a) else {
            continue;
        };
        // per set entity: mentions here; per sentence: set entities in it
        let mut here: BTreeMap<usize, Vec<MentionAt>> = BTreeMap::new();
        let mut in_sentence: BTreeMap<Span, Vec<usize>> = BTreeMap::new();
        for (i, ent) in analysis.entities.iter().enumerate() {
            let Some(&e) = of.get(i) else { continue };
            for (ordinal, &m) in ent.mentions.iter().enumerate() {
                let sentence = sentence_of(&analysis.sentences, m).unwrap_or(m);
                here.entry(e).or_default().push(MentionAt {
                    article: a,
                    entity: i,
                    ordinal,
                    mention: m,
                    sentence,
                });
                in_sentence.entry(sentence).or_default().push(e);
            }
        }
        for list in in_sentence.values_mut() {
            list.sort_unstable();
            list.dedup();
            for &x in list.iter() {
                for &y in list.iter() {
                    if x != y {
                        *with[x].entry(y).or_default() += 1;
                    }
                }
            }
        }
        for (e, mut ms) in here {
            ms.sort_by_key(|m| m.mention);
            pages[e].articles.push(Naming {
                article: a,
                date: article.meta.date.clone(),
                mentions: ms.len(),
            });
            pages[e].mentions.extend(ms);
        }
        for (k, ev) in analysis.timeline.iter().enumerate() {
            let mut es: Vec<usize> = ev
                .entities
                .iter()
                .filter_map(|&i| of.get(i).copied())
                .collect();
            es.sort_unstable();
            es.dedup();
            for e in es {
                pages[e].events.push(EventRef {
                    article: a,
                    event: k,
                });
            }
        }
    }
    for (page, with) in pages.iter_mut().zip(with) {
        page.articles
            .sort_by(|x, y| newest_first(&x.date, &y.date).then(x.article.cmp(&y.article)));
        let order: BTreeMap<usize, usize> = page
            .articles
            .iter()
            .enumerate()
            .map(|(i, n)| (n.article, i))
            .collect();
        page.mentions
            .sort_by_key(|m| (order.get(&m.article).copied(), m.mention));
        let mut w: Vec<(usize, usize)> = with.into_iter().collect();
        w.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        page.with = w;
        page.events.sort_by_key(|r| {
            let ev = &set[r.article].1.timeline[r.event];
            (date_key(&ev.date.to_string()), *r)
        });
    }
    let mut by_key: Vec<(String, usize)> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.key.clone(), i))
        .collect();
    by_key.sort();
    EntityIndex { pages, by_key }
}

/// What a point of the set timeline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Point {
    /// A dated event of an article.
    Event(EventRef),
    /// An article's publication date.
    Published { article: usize },
}

/// One point of the set timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimelineItem {
    /// TIMEX3 value of the start.
    pub date: String,
    pub until: Option<String>,
    pub open_ended: bool,
    pub precision: Precision,
    pub point: Point,
    /// Set-level entities of the event's sentence (none for a publication).
    pub entities: Vec<usize>,
}

/// Every dated event of every article and every publication date, in time
/// order: by start, then the shorter span first (a day before the month it
/// falls in), then publications before events, then set and document order.
pub fn set_timeline(set: &[(Article, Analysis)], linking: &Linking) -> Vec<TimelineItem> {
    let mut items = Vec::new();
    for (a, (article, analysis)) in set.iter().enumerate() {
        if let Some(date) = &article.meta.date {
            items.push(TimelineItem {
                date: date.clone(),
                until: None,
                open_ended: false,
                precision: Precision::Day,
                point: Point::Published { article: a },
                entities: Vec::new(),
            });
        }
        let of = linking.of.get(a);
        for (k, ev) in analysis.timeline.iter().enumerate() {
            let mut entities: Vec<usize> = ev
                .entities
                .iter()
                .filter_map(|&i| of?.get(i).copied())
                .collect();
            entities.sort_unstable();
            entities.dedup();
            items.push(TimelineItem {
                date: ev.date.to_string(),
                until: ev.until.as_ref().map(Timex::to_string),
                open_ended: ev.open_ended,
                precision: ev.precision,
                point: Point::Event(EventRef {
                    article: a,
                    event: k,
                }),
                entities,
            });
        }
    }
    let rank = |p: &Point| match p {
        Point::Published { article } => (0, *article, 0),
        Point::Event(r) => (1, r.article, r.event),
    };
    items.sort_by(|x, y| {
        let (kx, ky) = (date_key(&x.date), date_key(&y.date));
        kx.0.cmp(&ky.0)
            .then(kx.1.cmp(&ky.1))
            .then(kx.2.cmp(&ky.2))
            .then(rank(&x.point).cmp(&rank(&y.point)))
    });
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;
    use crate::set::link;

    fn set_of(files: &[(&str, &str)]) -> Vec<(Article, Analysis)> {
        files
            .iter()
            .map(|(name, text)| {
                let a = parse_article(name, text.as_bytes()).expect("parses");
                let an = crate::analyze(&a.parts(), a.meta.date.as_deref());
                (a, an)
            })
            .collect()
    }

    fn sample() -> Vec<(Article, Analysis)> {
        set_of(&[
            (
                "a.md",
                "+++\ntitle = \"Harbour talks\"\ndate = \"2024-03-01\"\n+++\n\n\
                 Mayor Jane Okafor met officials in Lagos on Monday. \
                 In 2019, Okafor opened the new harbour in Lagos.\n",
            ),
            (
                "b.md",
                "+++\ntitle = \"Harbour plan\"\ndate = \"2024-05-02\"\n+++\n\n\
                 Okafor said in April 2024 that Lagos would expand the harbour. \
                 The port of Abuja was not named.\n",
            ),
            (
                "c.md",
                "+++\ntitle = \"Undated note\"\n+++\n\nLagos is a large city.\n",
            ),
        ])
    }

    fn linked(set: &[(Article, Analysis)]) -> Linking {
        let ents: Vec<&[crate::analysis::Entity]> =
            set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        link(&ents)
    }

    #[test]
    fn an_entity_page_lists_articles_mentions_company_and_events() {
        let set = sample();
        let l = linked(&set);
        let idx = entity_index(&set, &l);
        assert_eq!(idx.pages.len(), l.entities.len());
        let p = idx.get("jane-okafor").expect("a page for the mayor");
        assert_eq!(p.name, "Jane Okafor");
        assert_eq!(p.kind, EntityKind::Person);
        assert!(p.aliases.contains(&"Okafor".to_string()), "{:?}", p.aliases);
        // newest first
        let arts: Vec<usize> = p.articles.iter().map(|n| n.article).collect();
        assert_eq!(arts, vec![1, 0]);
        assert_eq!(p.articles[0].date.as_deref(), Some("2024-05-02"));
        assert_eq!(p.articles[1].mentions, 2);
        // mentions grouped in that order, each inside its sentence
        assert_eq!(p.mentions.len(), 3);
        assert_eq!(p.mentions[0].article, 1);
        for m in &p.mentions {
            let parts = set[m.article].0.parts();
            assert!(m.mention.text(&parts).contains("Okafor"));
            assert!(m.sentence.text(&parts).contains(m.mention.text(&parts)));
            assert!(m.sentence.text(&parts).len() > m.mention.text(&parts).len());
        }
        // Lagos is named with her in three sentences
        let lagos = l
            .entities
            .iter()
            .position(|e| e.key == "lagos")
            .expect("Lagos");
        assert_eq!(p.with.first(), Some(&(lagos, 3)));
        // her dated events, in time order: 2019, then April 2024
        let dates: Vec<String> = p
            .events
            .iter()
            .map(|r| set[r.article].1.timeline[r.event].date.to_string())
            .collect();
        assert_eq!(dates.first().map(String::as_str), Some("2019"));
        assert!(dates.iter().any(|d| d == "2024-04"), "{dates:?}");
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        // Lagos: named in the undated article too, which comes last
        let lp = idx.get("lagos").expect("Lagos page");
        assert_eq!(lp.articles.last().map(|n| n.article), Some(2));
        assert!(idx.get("nobody").is_none());
    }

    #[test]
    fn the_set_timeline_orders_events_and_publications() {
        let set = sample();
        let l = linked(&set);
        let items = set_timeline(&set, &l);
        let published: Vec<usize> = items
            .iter()
            .filter_map(|i| match i.point {
                Point::Published { article } => Some(article),
                _ => None,
            })
            .collect();
        assert_eq!(published, vec![0, 1], "the undated article has no date");
        let dates: Vec<&str> = items.iter().map(|i| i.date.as_str()).collect();
        assert_eq!(dates.first().copied(), Some("2019"));
        // April 2024 before 2 May 2024; 1 March 2024 before April
        let pos = |d: &str| dates.iter().position(|x| *x == d).expect(d);
        assert!(pos("2024-03-01") < pos("2024-04"));
        assert!(pos("2024-04") < pos("2024-05-02"));
        // every event of every article is there once
        let events = items
            .iter()
            .filter(|i| matches!(i.point, Point::Event(_)))
            .count();
        let total: usize = set.iter().map(|(_, a)| a.timeline.len()).sum();
        assert_eq!(events, total);
        let okafor = l.entities.iter().position(|e| e.key == "jane-okafor");
        let first = &items[0];
        assert!(okafor.is_some_and(|o| first.entities.contains(&o)));
        assert!(set_timeline(&[], &Linking::default()).is_empty());
    }

    #[test]
    fn sentences_are_found_through_arabic_emoji_and_combining_marks() {
        let set = set_of(&[(
            "u.md",
            "+++\ntitle = \"Notes\"\n+++\n\nمرحبا 👋🏽 e\u{301}te\u{301}. \
             Mayor Jane Okafor visited Lagos. Okafor left.\n",
        )]);
        let l = linked(&set);
        let idx = entity_index(&set, &l);
        let p = idx.get("jane-okafor").expect("page");
        let parts = set[0].0.parts();
        for m in &p.mentions {
            assert!(m.sentence.text(&parts).contains("Okafor"));
            assert!(!m.sentence.text(&parts).contains("👋"));
        }
    }
}

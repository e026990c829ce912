//! Text analysis: sentences, named entities with their aliases, time
//! expressions with TIMEX3 values, and the timeline of dated events.
//!
//! The input is a list of texts ("parts": an article's title, then each block)
//! and the article's publication date if it has one. Every position in the
//! output is a [`Span`]: a part index plus a UTF-8 byte range inside that part.

pub mod check;
pub mod entities;
pub mod sentences;
pub mod time;
pub mod timeline;

use serde::{Deserialize, Serialize};

pub use crate::timex::{Precision, Timex};

/// A byte range `start..end` inside part `part`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub part: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(part: usize, start: usize, end: usize) -> Self {
        Span { part, start, end }
    }

    /// The text this span covers in `parts`.
    pub fn text<'a>(&self, parts: &[&'a str]) -> &'a str {
        parts
            .get(self.part)
            .and_then(|p| p.get(self.start..self.end))
            .unwrap_or("")
    }
}

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// Nationalities, religious and political groups ("Syrian", "Kurds").
    Group,
    /// Equipment and products ("T-72", "iPhone").
    Product,
    /// Named events ("World War II").
    Event,
    /// Titles of works, laws, treaties.
    Work,
}

impl EntityKind {
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Product,
        EntityKind::Event,
        EntityKind::Work,
    ];

    /// The lowercase name used in JSON, CSS hooks and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Product => "product",
            EntityKind::Event => "event",
            EntityKind::Work => "work",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One entity of the article, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable within the article, URL-safe (e.g. `bashar-al-assad`).
    pub id: String,
    /// Canonical name: the fullest form the text uses.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityKind,
    /// Other surface forms found in the text, without the canonical name.
    pub aliases: Vec<String>,
    /// Mentions in document order; they never overlap each other, nor
    /// mentions of other entities.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// An entity without aliases (tests build their analyses with it).
    pub fn new(id: &str, name: &str, kind: EntityKind, mentions: Vec<Span>) -> Self {
        Entity {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            mentions,
        }
    }
}

/// TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression found in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    /// TIMEX3 value: `2025-04-23`, `2025-01`, `2015`, `201X`, `2025-SU`,
    /// `2025-Q1`, `P50Y`, `PRESENT_REF`, ... Relative expressions in an
    /// undated article keep an unresolved value such as `XXXX-XX-XX`.
    pub value: Timex,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Precision of a DATE value; `None` for durations and sets.
    pub precision: Option<Precision>,
    /// True when the value is anchored in calendar time.
    pub resolved: bool,
}

/// A dated statement of the article, for the timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// TIMEX3 date value of the start (`2024-12`, `2015`, `2025-04-23`).
    pub date: Timex,
    /// End of a range ("from 2011 to 2024"), or `None`.
    pub until: Option<Timex>,
    /// True for an open range ("since 2015"): the event runs on to the
    /// article's present.
    pub open_ended: bool,
    pub precision: Precision,
    /// A short label taken from the clause that carries the date.
    pub label: String,
    /// The sentence that carries the date.
    pub sentence: Span,
    /// Index into [`Analysis::times`] of the time expression.
    pub time: usize,
    /// The entities mentioned in that sentence: indices into
    /// [`Analysis::entities`], ascending.
    pub entities: Vec<usize>,
}

/// Everything the analysis finds in one article.
///
/// Within an analysis an entity is named by its index in `entities`
/// (events, the reading view's marks and card, the set's linking). Its
/// [`Entity::id`] is how the outside names it (a URL's focus, the JSON of
/// `analyze`), turned into the index at that edge by
/// [`Analysis::entity_index`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub times: Vec<TimeExpr>,
    /// Events in chronological order, document order among equal dates.
    pub timeline: Vec<Event>,
    /// Earliest and latest date the timeline covers (TIMEX3 values).
    pub coverage: Option<(Timex, Timex)>,
}

impl Analysis {
    /// The index of the sentence that is exactly `span`, if it is one (the
    /// sentences are in document order).
    pub fn sentence_index(&self, span: Span) -> Option<usize> {
        self.sentences.binary_search(&span).ok()
    }

    /// The index of the entity with id `id`.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// The ids of `entities` (indices into [`Analysis::entities`]), for the
    /// outside.
    pub fn entity_ids<'a>(&'a self, entities: &'a [usize]) -> impl Iterator<Item = &'a str> + 'a {
        entities
            .iter()
            .filter_map(|&i| self.entities.get(i).map(|e| e.id.as_str()))
    }
}

/// Analyses an article given as parts (title first, then blocks) and its
/// publication date (`YYYY-MM-DD`) if it has one.
pub fn analyze(parts: &[&str], dct: Option<&str>) -> Analysis {
    let sentences = sentences::split(parts);
    let entities = entities::recognize(parts, &sentences);
    let times = time::recognize(parts, &sentences, dct);
    let timeline = timeline::build(parts, &sentences, &times, &entities);
    let coverage = timeline::coverage(&timeline);
    Analysis {
        sentences,
        entities,
        times,
        timeline,
        coverage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_indices_name_the_same_entities() {
        let parts = ["Mara Quill met Ivo Stanek in Lisbon on 3 May 2021."];
        let a = analyze(&parts, None);
        assert!(a.entities.len() >= 3, "{:?}", a.entities);
        for (i, e) in a.entities.iter().enumerate() {
            assert_eq!(a.entity_index(&e.id), Some(i));
        }
        assert_eq!(a.entity_index("no-such-entity"), None);
        let ev = a.timeline.first().expect("an event");
        let ids: Vec<&str> = a.entity_ids(&ev.entities).collect();
        assert_eq!(ids.len(), ev.entities.len());
        for (&i, id) in ev.entities.iter().zip(&ids) {
            assert_eq!(a.entities[i].id, *id);
        }
        // an index past the end names nothing
        assert_eq!(a.entity_ids(&[a.entities.len()]).count(), 0);
    }
}

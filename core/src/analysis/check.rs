//! The promises every analysis keeps, whatever its input, as one check that
//! the tests, the property tests and the fuzz target share: every span lies
//! inside its part on char boundaries, mentions and time expressions are
//! not empty, an entity's mentions are in document order, no two mentions
//! (of any entities) overlap, ids are unique, and events refer to existing
//! time expressions and entities.

use std::collections::HashSet;

use super::{Analysis, Entity, Span};

impl Analysis {
    /// Every promise of the output, checked against the `parts` analysed;
    /// the first broken one, described, as the error.
    pub fn check(&self, parts: &[&str]) -> Result<(), String> {
        for s in &self.sentences {
            check_span(parts, *s, "sentence", false)?;
        }
        check_entities(parts, &self.entities)?;
        for t in &self.times {
            check_span(parts, t.span, &format!("time {:?}", t.value), true)?;
        }
        for ev in &self.timeline {
            check_span(parts, ev.sentence, &format!("event {:?}", ev.date), false)?;
            if ev.time >= self.times.len() {
                return Err(format!(
                    "event {:?} refers to time {} of {}",
                    ev.date,
                    ev.time,
                    self.times.len()
                ));
            }
            if let Some(unknown) = ev.entities.iter().find(|&&i| i >= self.entities.len()) {
                return Err(format!(
                    "event {:?} names entity {unknown} of {}",
                    ev.date,
                    self.entities.len()
                ));
            }
            if ev.entities.windows(2).any(|w| w[0] >= w[1]) {
                return Err(format!(
                    "event {:?} names its entities out of order: {:?}",
                    ev.date, ev.entities
                ));
            }
        }
        Ok(())
    }
}

/// Entities alone: unique ids, non-empty mentions inside their parts in
/// document order, and no two mentions overlapping.
pub fn check_entities(parts: &[&str], entities: &[Entity]) -> Result<(), String> {
    let mut ids = HashSet::new();
    let mut all_mentions: Vec<Span> = Vec::new();
    for e in entities {
        if !ids.insert(e.id.as_str()) {
            return Err(format!("two entities share the id {:?}", e.id));
        }
        for m in &e.mentions {
            check_span(parts, *m, &format!("mention of {:?}", e.id), true)?;
        }
        if e.mentions.windows(2).any(|w| w[0] > w[1]) {
            return Err(format!(
                "mentions of {:?} are not in document order: {:?}",
                e.id, e.mentions
            ));
        }
        all_mentions.extend(e.mentions.iter().copied());
    }
    check_no_overlap(parts, all_mentions)
}

/// `span` lies inside its part, on char boundaries (and is not empty when
/// `non_empty`); `what` names it in the error.
pub fn check_span(parts: &[&str], span: Span, what: &str, non_empty: bool) -> Result<(), String> {
    let Some(text) = parts.get(span.part) else {
        return Err(format!(
            "{what} {span:?} names part {} of {}",
            span.part,
            parts.len()
        ));
    };
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what} {span:?} is outside its part of {} bytes",
            text.len()
        ));
    }
    if non_empty && span.start == span.end {
        return Err(format!("{what} {span:?} is empty"));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        let from = span.start.saturating_sub(16);
        let to = (span.end + 16).min(text.len());
        let around = String::from_utf8_lossy(&text.as_bytes()[from..to]);
        return Err(format!(
            "{what} {span:?} is not on char boundaries (bytes {from}..{to}: {around:?})"
        ));
    }
    Ok(())
}

/// Mentions (of all entities together) never overlap.
pub fn check_no_overlap(parts: &[&str], mut mentions: Vec<Span>) -> Result<(), String> {
    mentions.sort();
    for w in mentions.windows(2) {
        if w[0].part == w[1].part && w[0].end > w[1].start {
            let text = w[0].text(parts);
            let other = w[1].text(parts);
            return Err(format!(
                "mentions overlap: {:?} {text:?} and {:?} {other:?}",
                w[0], w[1]
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::EntityKind;

    fn entity(id: &str, mentions: &[Span]) -> Entity {
        Entity::new(id, id, EntityKind::Person, mentions.to_vec())
    }

    #[test]
    fn a_real_analysis_keeps_its_promises() {
        let parts = [
            "Zoë Aldan",
            "Zoë Aldan met Omar Haddad in Tunis on 3 May 2021. 👋🏽 مرحبا.",
        ];
        let a = crate::analyze(&parts, Some("2021-06-01"));
        assert_eq!(a.check(&parts), Ok(()));
        assert!(!a.entities.is_empty());
        // Checked against other parts, the same output breaks them.
        assert!(a.check(&["", ""]).is_err());
    }

    #[test]
    fn broken_entities_are_described() {
        let parts = ["Zoë Aldan went home."];
        let ok = [
            entity("a", &[Span::new(0, 0, 4)]),
            entity("b", &[Span::new(0, 5, 10)]),
        ];
        assert_eq!(check_entities(&parts, &ok), Ok(()));
        let twice = [
            entity("a", &[Span::new(0, 0, 4)]),
            entity("a", &[Span::new(0, 5, 10)]),
        ];
        assert!(check_entities(&parts, &twice)
            .unwrap_err()
            .contains("share the id"));
        let overlap = [
            entity("a", &[Span::new(0, 0, 6)]),
            entity("b", &[Span::new(0, 5, 10)]),
        ];
        assert!(check_entities(&parts, &overlap)
            .unwrap_err()
            .contains("overlap"));
        let order = [entity("a", &[Span::new(0, 5, 10), Span::new(0, 0, 4)])];
        assert!(check_entities(&parts, &order)
            .unwrap_err()
            .contains("document order"));
        let empty = [entity("a", &[Span::new(0, 4, 4)])];
        assert!(check_entities(&parts, &empty)
            .unwrap_err()
            .contains("empty"));
    }

    #[test]
    fn events_must_name_what_exists() {
        let parts = ["Zoë Aldan left on 3 May 2021."];
        let mut a = crate::analyze(&parts, None);
        assert_eq!(a.check(&parts), Ok(()));
        if let Some(ev) = a.timeline.first_mut() {
            let mut unsorted = ev.clone();
            ev.entities.push(a.entities.len());
            assert!(a.check(&parts).unwrap_err().contains("names entity"));
            unsorted.entities = vec![0, 0];
            a.timeline[0] = unsorted;
            assert!(a.check(&parts).unwrap_err().contains("out of order"));
        } else {
            panic!("an event: {a:?}");
        }
    }
}

//! The timeline: dated statements in chronological order.

use super::{Entity, Event, Span, TimeExpr};

/// Builds the timeline. Placeholder: empty.
pub fn build(
    _parts: &[&str],
    _sentences: &[Span],
    _times: &[TimeExpr],
    _entities: &[Entity],
) -> Vec<Event> {
    Vec::new()
}

/// Earliest and latest date of the timeline.
pub fn coverage(_timeline: &[Event]) -> Option<(String, String)> {
    None
}

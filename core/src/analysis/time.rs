//! Time expressions: detection and TIMEX3 normalisation.

use super::{Span, TimeExpr};

/// Finds the time expressions of an article. Placeholder: finds none.
pub fn recognize(_parts: &[&str], _sentences: &[Span], _dct: Option<&str>) -> Vec<TimeExpr> {
    Vec::new()
}

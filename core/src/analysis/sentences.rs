//! Sentence splitting.

use super::Span;

/// Splits every part into sentences. Placeholder: one sentence a part.
pub fn split(parts: &[&str]) -> Vec<Span> {
    parts
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
        .map(|(i, p)| Span::new(i, 0, p.len()))
        .collect()
}

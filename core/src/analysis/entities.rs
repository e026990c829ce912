//! Named entity recognition and alias grouping.
//!
//! The recognizer works in three passes over the article:
//! 1. a statistics pass: which capitalised words the text also writes in
//!    lowercase or capitalised in mid-sentence (so that "However" at the start
//!    of a sentence or "Refused" in a headline are read as common words);
//! 2. a candidate pass over running text: runs of capitalised words (joined by
//!    "of", "al-", "&", ...) are split, trimmed of titles and common words and
//!    typed with gazetteers, head words ("… Airlines", "… Airport") and
//!    context ("analyst Jane Doe", "Doe said", "in Doe");
//! 3. grouping: candidates with the same normalised key, a surname after a
//!    full name, a prefix of an organisation's name, an acronym introduced in
//!    parentheses or a name "also known as" another become one entity.
//!    Headlines and other title-case parts are read last and only keep the
//!    names that the body, the gazetteers or the shape of a word vouch for.

mod classify;
mod group;
mod lexicon;
mod tokens;

#[cfg(test)]
mod tests;

use super::{Entity, Span};

/// Finds the entities of an article: each with its kind, canonical name,
/// aliases and every mention (document order, never overlapping).
pub fn recognize(parts: &[&str], _sentences: &[Span]) -> Vec<Entity> {
    let stats = classify::Stats::gather(parts);
    let mut cands = Vec::new();
    let mut title_parts = Vec::new();
    let mut toks = Vec::new();
    for (p, text) in parts.iter().enumerate() {
        tokens::tokenize(text, &mut toks);
        if classify::is_title_case(text, &toks) {
            title_parts.push(p);
            continue;
        }
        classify::candidates(p, text, &toks, &stats, &mut cands);
    }
    let mut groups = group::Groups::build(parts, &cands);
    for p in title_parts {
        let text = parts[p];
        tokens::tokenize(text, &mut toks);
        group::title_mentions(&mut groups, p, text, &toks, &stats);
    }
    groups.into_entities(parts)
}

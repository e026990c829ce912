//! Named entity recognition and alias grouping.
//!
//! The recognizer works in three passes over the article:
//! 1. a statistics pass: which capitalised words the text also writes in
//!    lowercase or capitalised in mid-sentence (so that "However" at the start
//!    of a sentence or "Refused" in a headline are read as common words);
//! 2. a candidate pass over running text: runs of capitalised words (joined by
//!    "of", "al-", "&", ...) are split, trimmed of titles and common words and
//!    typed with gazetteers, head words ("… Airlines", "… Airport") and
//!    context ("analyst Jane Doe", "Doe said", "in Doe").
//!    Context also separates products from their makers ("unveiled the new
//!    X", "X laptops", "web browser X", "X, the latest version of …") and
//!    people from organisations ("X, who", "said X", "X … he").
//!    A mention covers its noun phrase the way news annotation does: a "the"
//!    before a name that heads its phrase ("the United States"), a title
//!    ("President Vladimir Putin") and a description before an organisation
//!    ("German airline Northwind"); the canonical name and the aliases leave
//!    these out;
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
///
/// The recognizer finds sentence starts itself (a capital after `.`, `!`,
/// `?`, an opening quote or a colon), so it does not depend on `sentences`.
pub fn recognize(parts: &[&str], _sentences: &[Span]) -> Vec<Entity> {
    // every part is tokenized once
    let bytes: usize = parts.iter().map(|p| p.len()).sum();
    let mut toks = Vec::with_capacity(bytes / 5 + 16);
    let mut ranges = Vec::with_capacity(parts.len());
    for text in parts {
        let start = toks.len();
        tokens::tokenize_append(text, &mut toks);
        let title = classify::is_title_case(text, &toks[start..]);
        ranges.push((start..toks.len(), title));
    }
    let running: Vec<Option<&[tokens::Tok]>> = ranges
        .iter()
        .map(|(r, title)| (!title).then(|| &toks[r.clone()]))
        .collect();
    let stats = classify::Stats::gather(parts, &running);
    let mut cands = Vec::with_capacity(toks.len() / 8);
    let mut names = Vec::new();
    for (p, (text, t)) in parts.iter().zip(&running).enumerate() {
        if let Some(t) = t {
            classify::candidates(p, text, t, &stats, &mut names, &mut cands);
        }
    }
    let mut groups = group::Groups::build(&cands);
    for (p, (r, title)) in ranges.iter().enumerate() {
        if *title {
            group::title_mentions(&mut groups, p, parts[p], &toks[r.clone()], &stats);
        }
    }
    groups.into_entities(parts)
}

/// The canonical name of the country `name` names ("U.S." → "United States").
/// Builds the recogniser's table `step` (0, 1, ...) ahead of the first
/// analysis, one per call; false once all are built. Without it they are
/// built by the first analysis, all at once.
pub fn build_tables(step: usize) -> bool {
    lexicon::build_part(step)
}

// These two read only their own tables: the set's linking uses them, and
// the set's pages module links the reader's articles without carrying the
// recogniser's other word lists.
pub(crate) fn country(name: &str) -> Option<&'static str> {
    lexicon::countries().get(name).copied()
}

/// A place the gazetteers know: a country or a listed place.
pub(crate) fn known_place(name: &str) -> bool {
    lexicon::countries().contains_key(name) || lexicon::places().contains(name)
}

/// A company-form suffix that variants of a name drop ("Inc.", "Ltd").
pub(crate) fn corporate_suffix(word: &str) -> bool {
    lexicon::corporate_suffix(word)
}

pub(crate) use group::slug;
/// The gazetteers' fast hash, for other maps of short keys built often.
pub(crate) use lexicon::FnvBuild;

//! The timeline: dated statements in chronological order.
//!
//! Every anchored date (or clock time) of the article becomes an event,
//! labelled with a few words of the clause that carries it. The two bounds
//! of a range ("from 2011 to 2024", "between 2014 and 2016", "2011–2024")
//! make one event; "since 2015" makes an open-ended one.

use super::{Entity, Event, Precision, Span, TimeExpr, Timex, TimexType};
use crate::timex::Ref;

/// Longest label, in words.
const LABEL_WORDS: usize = 12;

/// Builds the timeline: events in chronological order of their start
/// (coarser precision first at equal starts), document order among equals.
pub fn build(
    parts: &[&str],
    sentences: &[Span],
    times: &[TimeExpr],
    entities: &[Entity],
) -> Vec<Event> {
    let mut events: Vec<(Key, usize, Event)> = Vec::new();
    // Every entity mention as (part, start, end, entity), in text order.
    let mut mentions: Vec<(usize, usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.part, m.start, m.end, k)))
        .collect();
    mentions.sort_unstable();
    let mut consumed = vec![false; times.len()];
    for (idx, t) in times.iter().enumerate() {
        if consumed[idx] || !anchored(t) {
            continue;
        }
        let Some(precision) = t.precision else {
            continue;
        };
        let Some((start, _)) = t.value.bounds() else {
            continue;
        };
        let before = word_before(parts, t.span);
        let mut until = None;
        let mut open_ended = false;
        let mut spans = vec![t.span];
        match before.as_str() {
            "since" => open_ended = true,
            _ => {
                if let Some(next) = times.get(idx + 1) {
                    // "from 2011 to now": open to the present.
                    if next.value == Timex::Ref(Ref::Present)
                        && linked(parts, t.span, next.span, &before)
                    {
                        open_ended = true;
                        spans.push(next.span);
                    } else if anchored(next) && linked(parts, t.span, next.span, &before) {
                        // The end must not precede the start.
                        if next.value.bounds().is_some_and(|(s2, _)| s2 >= start) {
                            until = Some(next.value.clone());
                            consumed[idx + 1] = true;
                            spans.push(next.span);
                        }
                    }
                }
            }
        }
        let sentence = sentence_of(sentences, t.span);
        let label = label(parts, sentence, times, &spans);
        let ids = entities_in(entities, &mentions, sentence);
        events.push((
            (start, precision),
            idx,
            Event {
                date: t.value.clone(),
                until,
                open_ended,
                precision,
                label,
                sentence,
                time: idx,
                entities: ids,
            },
        ));
    }
    events.sort_by_key(|e| (e.0, e.1));
    events.into_iter().map(|(_, _, e)| e).collect()
}

type Key = (i64, Precision);

/// Earliest and latest date of the timeline (TIMEX3 values), counting the
/// ends of ranges. Dates compare by their start, the finer one later at
/// equal starts, as in the timeline.
pub fn coverage(timeline: &[Event]) -> Option<(Timex, Timex)> {
    let mut first: Option<(Key, &Timex)> = None;
    let mut last: Option<(Key, &Timex)> = None;
    for ev in timeline {
        let values = std::iter::once((&ev.date, Some(ev.precision)))
            .chain(ev.until.as_ref().map(|u| (u, None)));
        for (v, p) in values {
            let Some((s, _)) = v.bounds() else { continue };
            let Some(p) = p.or_else(|| v.precision()) else {
                continue;
            };
            let key = (s, p);
            if first.is_none_or(|(f, _)| key < f) {
                first = Some((key, v));
            }
            if last.is_none_or(|(l, _)| key >= l) {
                last = Some((key, v));
            }
        }
    }
    Some((first?.1.clone(), last?.1.clone()))
}

/// An anchored date or time: a timeline point.
fn anchored(t: &TimeExpr) -> bool {
    t.resolved && matches!(t.kind, TimexType::Date | TimexType::Time) && t.precision.is_some()
}

/// The lower-case word right before `span` in its part, skipping "the".
fn word_before(parts: &[&str], span: Span) -> String {
    let Some(text) = parts.get(span.part).and_then(|p| p.get(..span.start)) else {
        return String::new();
    };
    let mut words = text
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let mut w = words.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = words.next().unwrap_or("");
    }
    // Only a word glued to nothing else ("(since" counts as "since").
    w.trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
}

/// Whether the text between two time expressions makes them one range.
fn linked(parts: &[&str], a: Span, b: Span, before: &str) -> bool {
    if a.part != b.part || b.start < a.end {
        return false;
    }
    let Some(between) = parts.get(a.part).and_then(|p| p.get(a.end..b.start)) else {
        return false;
    };
    match between.trim().to_ascii_lowercase().as_str() {
        "-" | "–" | "—" | "to" | "until" | "till" | "through" | "thru" => true,
        "and" => before == "between",
        _ => false,
    }
}

/// The sentence that contains `span` (or a zero-width span at it).
fn sentence_of(sentences: &[Span], span: Span) -> Span {
    let k = sentences.partition_point(|s| (s.part, s.start) <= (span.part, span.start));
    match k.checked_sub(1).and_then(|k| sentences.get(k)) {
        Some(s) if s.part == span.part && s.end >= span.end => *s,
        _ => Span::new(span.part, span.start, span.end),
    }
}

fn entities_in(
    entities: &[Entity],
    mentions: &[(usize, usize, usize, usize)],
    sentence: Span,
) -> Vec<usize> {
    let from = mentions.partition_point(|m| (m.0, m.1) < (sentence.part, sentence.start));
    let mut found: Vec<usize> = mentions[from..]
        .iter()
        .take_while(|m| m.0 == sentence.part && m.1 < sentence.end)
        .filter(|m| m.2 <= sentence.end)
        .map(|m| m.3)
        .collect();
    found.sort_unstable();
    found.dedup();
    found.retain(|&k| k < entities.len());
    found
}

/// `w` in ASCII lower case, in `buf`; `None` when it does not fit (no
/// keyword compared with it is that long).
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Words dropped at the start of a label.
fn is_lead(w: &str) -> bool {
    matches!(
        ascii_lower(w, &mut [0; 16]).unwrap_or(""),
        "and"
            | "but"
            | "or"
            | "while"
            | "when"
            | "after"
            | "before"
            | "as"
            | "which"
            | "who"
            | "that"
            | "however"
            | "then"
            | "so"
            | "also"
            | "since"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "until"
            | "till"
            | "through"
            | "during"
            | "of"
            | "to"
            | "between"
            | "meanwhile"
            | "for"
            | "where"
            | "although"
            | "though"
            | "yet"
            | "than"
            | "early"
            | "late"
            | "mid"
    )
}

/// Words dropped at the end of a label.
fn is_tail(w: &str) -> bool {
    matches!(
        ascii_lower(w, &mut [0; 16]).unwrap_or(""),
        "and"
            | "but"
            | "or"
            | "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "from"
            | "to"
            | "since"
            | "until"
            | "during"
            | "for"
            | "with"
            | "within"
            | "over"
            | "around"
            | "about"
            | "beginning"
            | "starting"
            | "least"
            | "later"
            | "earlier"
            | "mid"
            | "as"
            | "that"
            | "which"
            | "early"
            | "late"
            | "between"
            | "than"
    )
}

/// A short label from the clause of the sentence that carries `spans`.
fn label<'t>(parts: &[&'t str], sentence: Span, times: &[TimeExpr], spans: &[Span]) -> String {
    let Some(text) = parts
        .get(sentence.part)
        .and_then(|p| p.get(sentence.start..sentence.end))
    else {
        return String::new();
    };
    let base = sentence.start;
    // Clauses as (start, end) pairs (in `text`), between separators.
    let mut clauses: Vec<(usize, usize)> = Vec::with_capacity(8);
    let mut from = 0;
    let bytes = text.as_bytes();
    let mut k = 0;
    let mut prev_space = false;
    while let Some(&x) = bytes.get(k) {
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            match text.get(k..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        let cl = c.len_utf8();
        // A subordinate clause starts a clause of its own.
        if prev_space && x.is_ascii_lowercase() {
            let word = text[k..]
                .split(|ch: char| !ch.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if is_subordinator(word) {
                clauses.push((from, k));
                from = k;
            }
        }
        prev_space = c.is_whitespace();
        let cut = match c {
            ',' | ';' | ':' => text
                .get(k + cl..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(char::is_whitespace),
            '(' | ')' | '—' | '–' | '[' | ']' => true,
            _ => false,
        };
        if cut {
            clauses.push((from, k));
            from = k + cl;
        }
        k += cl;
    }
    clauses.push((from, text.len()));
    // Date words to leave out (relative to `text`).
    let from =
        times.partition_point(|t| (t.span.part, t.span.start) < (sentence.part, sentence.start));
    let hidden: Vec<(usize, usize)> = times[from..]
        .iter()
        .take_while(|t| t.span.part == sentence.part && t.span.start < sentence.end)
        .filter(|t| {
            t.span.part == sentence.part
                && t.span.start >= sentence.start
                && t.span.end <= sentence.end
        })
        .map(|t| (t.span.start - base, t.span.end - base))
        .collect();
    let first = spans.first().map_or(0, |s| s.start.saturating_sub(base));
    let home = clauses
        .iter()
        .position(|&(s, e)| first >= s && first < e)
        .unwrap_or(0);
    // "after the overthrow of X in December 2024 faced …": the date dates
    // the noun phrase it closes, not the verb that follows (which belongs
    // to the main clause, whose subject came before): end the clause there.
    let last = spans.last().map_or(0, |s| s.end.saturating_sub(base));
    if let Some(c) = clauses.get_mut(home) {
        // The phrase must name something before its date ("during the
        // first quarter of 2007" is only a date).
        let named = first > c.0 && text[c.0..first].split_whitespace().count() >= 4;
        if named && last < c.1 && dated_noun_phrase(&text[c.0..last]) {
            c.1 = last;
        }
    }
    // Clauses are cleaned on demand: the label usually needs one or two.
    let mut cleaned: Vec<Option<(Vec<&str>, bool)>> = vec![None; clauses.len()];
    let clean = |cleaned: &mut [Option<(Vec<&'t str>, bool)>], c: usize| -> (usize, bool) {
        let (words, adjunct) = cleaned[c].get_or_insert_with(|| {
            let (s, e) = clauses[c];
            clean_words(text, s, e, &hidden)
        });
        (words.len(), *adjunct)
    };
    // A clause fit for a label: a few words, not a prepositional phrase
    // ("according to Reuters", "in an interview").
    // The home clause, else the ones after it, else the ones before it.
    let pick = (home..clauses.len()).chain((0..home).rev()).find(|&c| {
        let (n, adjunct) = clean(&mut cleaned, c);
        n >= 3 && !adjunct
    });
    let mut best: Vec<&str> = match pick {
        Some(c) => {
            // A predicate without its subject ("made its first flight",
            // "which was sold"): put the sentence's subject in front.
            let predicate = cleaned[c]
                .as_ref()
                .is_some_and(|(words, _)| starts_with_predicate(words));
            let subject = if predicate {
                (0..c).find(|&k| {
                    let (n, adjunct) = clean(&mut cleaned, k);
                    !adjunct && n > 0
                })
            } else {
                None
            };
            let words = cleaned[c].as_ref().map_or(&[][..], |(w, _)| w.as_slice());
            match subject.and_then(|k| cleaned[k].as_ref()) {
                Some((subj, _)) if subj.len() <= 6 => {
                    subj.iter().chain(words.iter()).copied().collect()
                }
                _ => words.to_vec(),
            }
        }
        // No clause fits: every clause has been cleaned.
        None => cleaned
            .iter()
            .skip(home)
            .chain(cleaned.iter().take(home).rev())
            .filter_map(|c| c.as_ref().map(|(w, _)| w))
            .find(|w| !w.is_empty())
            .cloned()
            .unwrap_or_default(),
    };
    let truncated = best.len() > LABEL_WORDS;
    best.truncate(LABEL_WORDS);
    while best.last().is_some_and(|w| is_tail(w)) {
        best.pop();
    }
    let mut out = best.join(" ");
    if truncated {
        out.push('…');
    }
    // Capitalise the first letter, but not in a word such as "iPhone".
    let first_word = out.split(' ').next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return out;
    }
    let mut cs = out.chars();
    match cs.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(cs).collect(),
        _ => out,
    }
}

/// Whether a clause starts with what reads as a verb: a lower-case word
/// that is no determiner, pronoun or number.
fn starts_with_predicate(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if !first.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    !matches!(
        ascii_lower(first, &mut [0; 16]).unwrap_or(""),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "there"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "no"
            | "one"
            | "two"
            | "three"
            | "several"
            | "more"
            | "other"
            | "another"
    )
}

/// Conjunctions that open a subordinate clause.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "when"
            | "while"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "but"
            | "unless"
            | "which"
            | "who"
            | "where"
    )
}

/// A clause that opens with a preposition and a determiner ("after the
/// overthrow of …", "before its launch"): a noun phrase, not a clause.
fn dated_noun_phrase(clause: &str) -> bool {
    let mut words = clause.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(
        ascii_lower(a, &mut [0; 16]).unwrap_or(""),
        "after" | "before" | "following" | "amid" | "during"
    ) && matches!(
        b,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that"
    )
}

/// Words that open a prepositional phrase or a side remark.
fn is_adjunct_opener(w: &str) -> bool {
    matches!(
        ascii_lower(w, &mut [0; 16]).unwrap_or(""),
        "according"
            | "including"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "during"
            | "despite"
            | "under"
            | "like"
            | "unlike"
            | "following"
            | "amid"
            | "among"
            | "over"
            | "per"
            | "via"
            | "than"
            | "up"
            | "down"
            | "compared"
            | "citing"
            | "starting"
            | "beginning"
            | "ending"
    )
}

/// The words of `text[s..e]` outside the hidden ranges, without the
/// leading conjunctions and prepositions, with surrounding punctuation
/// trimmed.
fn clean_words<'t>(
    text: &'t str,
    s: usize,
    e: usize,
    hidden: &[(usize, usize)],
) -> (Vec<&'t str>, bool) {
    let mut words = Vec::new();
    let Some(clause) = text.get(s..e) else {
        return (words, false);
    };
    let adjunct = clause
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(is_adjunct_opener);
    let mut pos = s;
    for raw in clause.split(|c: char| c.is_whitespace()) {
        let ws = pos;
        let we = pos + raw.len();
        pos = we + clause[we - s..].chars().next().map_or(0, char::len_utf8);
        if raw.is_empty() {
            continue;
        }
        if hidden.iter().any(|&(hs, he)| ws < he && hs < we) {
            // Drop the prepositions that introduced the date.
            while words
                .last()
                .is_some_and(|w: &&str| is_lead(w) || w.eq_ignore_ascii_case("the"))
            {
                words.pop();
            }
            continue;
        }
        let w =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '%' | '$' | '€' | '£'));
        if w.is_empty() {
            continue;
        }
        // "2024's" or "year's": a possessive left by the hidden date.
        if w == "s" {
            continue;
        }
        words.push(w);
    }
    let lead = words.iter().take_while(|w| is_lead(w)).count();
    words.drain(..lead);
    (words, adjunct)
}

#[cfg(test)]
mod tests;

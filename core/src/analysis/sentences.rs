//! Sentence splitting.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (and their runs, such as `?!` or
//! `...`), followed by any closing quotes or brackets, then white space and a
//! character that can start a sentence. A full stop after an abbreviation
//! (`Mr.`, `Dr.`, `St.`, `Jan. 5`), an initial (`J. K. Rowling`) or a dotted
//! acronym (`U.S.`) only ends the sentence when the next word is a typical
//! sentence opener. A blank line always ends a sentence.

use super::Span;

const ELLIPSIS: &[u8] = "…".as_bytes();

/// Bytes that may end a sentence: newline, terminators and the first byte
/// of `…`.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[ELLIPSIS[0] as usize] = true;
    t
};

/// Splits every part into sentences, in order. Each sentence is trimmed of
/// surrounding white space; together they cover every non-blank character of
/// every part.
pub fn split(parts: &[&str]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        split_part(i, p, &mut out);
    }
    out
}

fn push_trimmed(part: usize, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push(Span::new(part, s, s + trimmed.len()));
    }
}

fn split_part(part: usize, text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // Fast path: only terminators, newlines and the first byte of `…`
        // (E2 80 A6) need a look.
        if !SPECIAL[usize::from(c)] {
            i += 1;
            continue;
        }
        if c == b'\n' {
            // A blank line (only white space between two newlines) ends a sentence.
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                push_trimmed(part, text, start, i, out);
                start = j + 1;
                i = j + 1;
                continue;
            }
            i += 1;
            continue;
        }
        let is_term = matches!(c, b'.' | b'!' | b'?') || b[i..].starts_with(ELLIPSIS);
        if !is_term {
            i += 1;
            continue;
        }
        // The run of terminators.
        let run_start = i;
        let mut j = i;
        let mut only_one_period = true;
        let mut n = 0;
        loop {
            if j < b.len() && matches!(b[j], b'.' | b'!' | b'?') {
                if b[j] != b'.' {
                    only_one_period = false;
                }
                j += 1;
                n += 1;
            } else if b[j..].starts_with(ELLIPSIS) {
                only_one_period = false;
                j += ELLIPSIS.len();
                n += 1;
            } else {
                break;
            }
        }
        if n > 1 {
            only_one_period = false;
        }
        // Closing quotes and brackets.
        while let Some(ch) = text[j..].chars().next() {
            if matches!(
                ch,
                '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』'
            ) {
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        // Must be followed by white space, or the end of the text.
        let rest = &text[j..];
        let Some(first) = rest.chars().next() else {
            break;
        };
        if !first.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let after_ws = rest.trim_start();
        let next_pos = text.len() - after_ws.len();
        let Some(next) = after_ws.chars().next() else {
            break;
        };
        if ends_here(text, start, run_start, only_one_period, after_ws, next) {
            let mut end = j;
            let mut next_pos = next_pos;
            // A closing quote set off by white space ("so. \" Then") still
            // belongs to this sentence.
            if matches!(next, '"' | '”' | '’' | '\'') {
                let after_quote = &text[next_pos + next.len_utf8()..];
                if after_quote.chars().next().is_none_or(char::is_whitespace) {
                    end = next_pos + next.len_utf8();
                    next_pos = text.len() - after_quote.trim_start().len();
                }
            }
            push_trimmed(part, text, start, end, out);
            start = next_pos;
            i = next_pos.max(i + 1);
            continue;
        }
        i = next_pos.max(i + 1);
    }
    push_trimmed(part, text, start, text.len(), out);
}

/// Whether the terminator run starting at `term` ends the sentence, given
/// the text after the following white space (`after`, starting with `next`).
fn ends_here(
    text: &str,
    sent_start: usize,
    term: usize,
    single_period: bool,
    after: &str,
    next: char,
) -> bool {
    if next.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    // The word before the period.
    let before = &text[sent_start.min(term)..term];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| ch.is_whitespace() || matches!(ch, '(' | '"' | '“' | '‘' | '[' | '\''))
        .map(|(k, ch)| k + ch.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let next_word = first_word(after);
    let mut letters = word.chars();
    // A single capital letter: an initial ("J. K. Rowling").
    if let (Some(ch), None) = (letters.next(), letters.next()) {
        if ch.is_uppercase() {
            return is_opener(next_word);
        }
    }
    // A dotted acronym ("U.S.", "e.g.").
    if word.contains('.') {
        return is_opener(next_word);
    }
    let mut buf = [0u8; 8];
    let Some(lower) = ascii_lower(word, &mut buf) else {
        return true;
    };
    match lower {
        // Titles and other abbreviations that precede a name or a number.
        "mr" | "mrs" | "ms" | "dr" | "prof" | "gen" | "col" | "lt" | "sgt" | "capt" | "cmdr"
        | "adm" | "gov" | "sen" | "rep" | "rev" | "hon" | "pres" | "supt" | "messrs" | "mt"
        | "ft" | "maj" | "brig" | "cpl" | "pvt" | "fr" | "mme" | "mlle" => false,
        "no" | "nos" | "vol" | "art" | "fig" | "p" | "pp" | "ch" | "sec" | "op" => {
            !(next.is_ascii_digit() || next == '#')
        }
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec" => !next.is_ascii_digit() && is_opener(next_word),
        "inc" | "corp" | "ltd" | "co" | "llc" | "plc" | "jr" | "sr" | "bros" | "vs" | "etc"
        | "approx" | "est" | "dept" | "univ" | "assn" | "ave" | "blvd" | "rd" | "st" => {
            is_opener(next_word)
        }
        _ => true,
    }
}

fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(k, _)| k)
        .unwrap_or(s.len());
    &s[..end]
}

/// Lowercases a short ASCII word into `buf`.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 8]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Words that typically open a sentence: after an ambiguous abbreviation they
/// show that the period did end the sentence.
fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "Its"
            | "His"
            | "Her"
            | "Our"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "For"
            | "From"
            | "As"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "However"
            | "Meanwhile"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "Other"
            | "Others"
            | "Since"
            | "During"
            | "Last"
            | "Earlier"
            | "Later"
            | "Now"
            | "Then"
            | "Today"
            | "Yesterday"
            | "Both"
            | "Each"
            | "Such"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Despite"
            | "Although"
            | "Under"
            | "Analysts"
            | "Officials"
    )
}

#[cfg(test)]
mod tests;

//! A light tokenizer for entity recognition: words (with the joins that
//! names use: `al-Assad`, `U.S.`, `Inc.`, `AT&T`, `O'Neil`), numbers and
//! punctuation, each with byte offsets into its part.

use super::lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of a part. Offsets are UTF-8 byte offsets on char boundaries.
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First word of a sentence (or of a quotation): its capital says little.
    pub initial: bool,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
}

impl Tok {
    #[inline(always)]
    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        s.get(self.start..self.end).unwrap_or("")
    }
}

/// Characters that may continue a word.
fn is_word_char(c: char) -> bool {
    if c.is_alphanumeric() {
        return true;
    }
    // combining marks and other non-punctuation, non-space characters
    // (Arabic harakat, Devanagari signs) stay inside the word
    !c.is_ascii()
        && !c.is_whitespace()
        && !c.is_control()
        && !matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F)
        && !matches!(
            c,
            '«' | '»' | '¡' | '¿' | '·' | '§' | '¶' | '°' | '×' | '÷' | '\u{A0}'
        )
        && !is_symbol(c)
}

/// Pictographs and other symbols: never part of a word.
fn is_symbol(c: char) -> bool {
    matches!(c as u32, 0x2100..=0x2BFF | 0x1F000..=0x1FAFF | 0xFE00..=0xFE0F)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// The char at byte `i` (a char boundary), with an ASCII fast path.
#[inline(always)]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Splits `s` into tokens, appending them to `out` (cleared first).
#[cfg(test)]
pub fn tokenize(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_append(s, out);
}

/// Splits `s` into tokens, appending them to `out`.
pub fn tokenize_append(s: &str, out: &mut Vec<Tok>) {
    let mut i = 0;
    let mut initial = true;
    let mut space = true;
    while let Some(c) = char_at(s, i) {
        let cl = c.len_utf8();
        if c.is_ascii_whitespace()
            || c.is_ascii_control()
            || (!c.is_ascii() && (c.is_whitespace() || c.is_control()))
        {
            space = true;
            i += cl;
            continue;
        }
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            let numeric = c.is_ascii_digit();
            let end = scan_word(s, i, numeric);
            let kind = if numeric { Kind::Num } else { Kind::Word };
            out.push(Tok {
                start: i,
                end,
                kind,
                initial: initial && kind == Kind::Word,
                space_before: space,
            });
            initial = false;
            space = false;
            i = end;
            continue;
        }
        // punctuation (a possessive 's is punctuation then a word)
        let end = i + cl;
        out.push(Tok {
            start: i,
            end,
            kind: Kind::Punct,
            initial: false,
            space_before: space,
        });
        match c {
            // a period inside a number or an abbreviation was taken by
            // scan_word: here it ends a sentence
            '.' | '!' | '?' | '…' => initial = true,
            '“' | '‘' | '«' | ':' | '—' | '–' | '•' | '*' | '#' | '>' => initial = true,
            '"' if space || i == 0 => initial = true,
            _ => {}
        }
        space = false;
        i = end;
    }
}

/// Whether `rest`, what follows an apostrophe inside a capitalised word,
/// goes on with the name: one lowercase letter that is no clitic ("o" of
/// "Nyong'o", not "s", "t", "d" or "m"), then no letter.
fn name_apostrophe(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some(l) if l.is_lowercase() && !matches!(l, 's' | 't' | 'd' | 'm'))
        && !chars.next().is_some_and(|n| n.is_alphabetic())
}

/// Returns the end of the word or number starting at `start`.
fn scan_word(s: &str, start: usize, numeric: bool) -> usize {
    let mut end = start;
    let mut seg_len = 0usize; // letters since the last '.'
    let mut dotted = false; // "U.S" pattern so far
    let mut j = start;
    let bytes = s.as_bytes();
    loop {
        // a run of ASCII letters and digits at once
        let run = bytes.get(j..).map_or(0, |r| {
            r.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
        });
        if run > 0 {
            j += run;
            end = j;
            seg_len += run;
        }
        let Some(c) = char_at(s, j) else {
            break;
        };
        let cl = c.len_utf8();
        if !c.is_ascii() && is_word_char(c) {
            j += cl;
            end = j;
            seg_len += 1;
            continue;
        }
        let next = char_at(s, j + cl);
        match c {
            _ if is_hyphen(c) && next.is_some_and(|n| n.is_alphanumeric()) => {
                seg_len = 0;
            }
            '.' | ',' if numeric && next.is_some_and(|n| n.is_ascii_digit()) => {}
            '.' if !numeric
                && (seg_len == 1 || (&s[start..end] == "Ph" && next == Some('D')))
                && next.is_some_and(|n| n.is_alphabetic()) =>
            {
                // U.S, N.V, U.K, Ph.D
                dotted = true;
                seg_len = 0;
            }
            '.' if !numeric && (dotted || lexicon::is_abbrev(&s[start..end])) => {
                return j + 1;
            }
            // a middle initial: "George W. Bush"
            '.' if !numeric
                && end == start + 1
                && s.as_bytes()[start].is_ascii_uppercase()
                && next == Some(' ')
                && char_at(s, j + 2).is_some_and(|n| n.is_uppercase()) =>
            {
                return j + 1;
            }
            '&' if !numeric
                && next.is_some_and(|n| n.is_uppercase())
                && s[start..end].chars().all(|x| x.is_uppercase()) => {}
            _ if is_apostrophe(c)
                && !numeric
                && next.is_some_and(|n| n.is_uppercase())
                && seg_len <= 2 =>
            {
                // O'Neil, D'Amato
                seg_len = 0;
            }
            _ if is_apostrophe(c)
                && !numeric
                && next.is_some_and(|n| n.is_lowercase())
                && next != Some('s')
                && next
                    .and_then(|n| char_at(s, j + cl + n.len_utf8()))
                    .is_some_and(|n| n.is_alphabetic()) =>
            {
                // don't, it's (but not the possessive 's)
            }
            _ if is_apostrophe(c)
                && !numeric
                && s[start..].starts_with(|f: char| f.is_uppercase())
                && name_apostrophe(&s[j + cl..]) =>
            {
                // Nyong'o, Ng'ang'a: a letter after the apostrophe that
                // is no clitic ('s, 't, 'd, 'm)
            }
            _ => break,
        }
        j += cl;
        end = j;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn joins_names_and_abbreviations() {
        assert_eq!(
            words("Bashar al-Assad's U.S. trip, AT&T Inc. and O'Neil."),
            vec![
                "Bashar", "al-Assad", "'", "s", "U.S.", "trip", ",", "AT&T", "Inc.", "and",
                "O'Neil", "."
            ]
        );
        assert_eq!(
            words("Syria’s 1,500.5 T-72"),
            vec!["Syria", "’", "s", "1,500.5", "T-72"]
        );
    }

    #[test]
    fn keeps_apostrophes_and_degrees_inside_words() {
        assert_eq!(
            words("Nyong'o's Ng'ang'a, Ph.D., don't I'm"),
            vec![
                "Nyong'o", "'", "s", "Ng'ang'a", ",", "Ph.D.", ",", "don", "'", "t", "I", "'", "m"
            ]
        );
    }

    #[test]
    fn marks_sentence_starts() {
        let s = "However, he left. Then “We go” he said";
        let mut v = Vec::new();
        tokenize(s, &mut v);
        let init: Vec<&str> = v.iter().filter(|t| t.initial).map(|t| t.text(s)).collect();
        assert_eq!(init, vec!["However", "Then", "We"]);
    }
}

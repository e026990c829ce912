//! Candidate names in running text, and their types.

use std::collections::{HashMap, HashSet};

use super::lexicon::{self, list, FnvBuild, List};
use super::tokens::{Kind, Tok};
use crate::analysis::EntityKind;

/// What the whole article says about its capitalised words.
pub struct Stats<'a> {
    /// Words the text writes with a lowercase initial.
    lower: HashSet<&'a str, FnvBuild>,
    /// Capitalised words: how often anywhere in running text, and how often
    /// in mid-sentence.
    caps: HashMap<&'a str, (u32, u32), FnvBuild>,
}

impl<'a> Stats<'a> {
    /// Gathers the statistics of the parts that are running text (`toks[p]`
    /// holds the tokens of part `p`, `None` for title-case parts).
    pub fn gather(parts: &[&'a str], toks: &[Option<&[Tok]>]) -> Self {
        let ntok: usize = toks.iter().flatten().map(|t| t.len()).sum();
        let mut lower = HashSet::with_capacity_and_hasher(ntok / 16, FnvBuild::default());
        let mut caps: HashMap<&'a str, (u32, u32), FnvBuild> =
            HashMap::with_capacity_and_hasher(ntok / 8, FnvBuild::default());
        // capitalised words first; then only the lowercase words that may be
        // one of them in lowercase (same length and first letter) are hashed
        let mut bloom = [0u64; 64];
        let bit = |w: &str| -> usize {
            let b = w.as_bytes();
            let first = b.first().map_or(0, |c| c.to_ascii_lowercase());
            (usize::from(first) * 31 + b.len()) & 4095
        };
        for (text, toks) in parts.iter().zip(toks) {
            let Some(toks) = toks else { continue };
            for t in toks.iter() {
                if t.kind != Kind::Word {
                    continue;
                }
                let w = t.text(text);
                let Some(c) = w.chars().next() else { continue };
                if c.is_uppercase() {
                    let e = caps.entry(w).or_insert((0, 0));
                    e.0 += 1;
                    e.1 += u32::from(!t.initial);
                    let k = bit(w);
                    bloom[k / 64] |= 1 << (k % 64);
                }
            }
        }
        for (text, toks) in parts.iter().zip(toks) {
            let Some(toks) = toks else { continue };
            for t in toks.iter() {
                if t.kind != Kind::Word {
                    continue;
                }
                let w = t.text(text);
                let k = bit(w);
                if bloom[k / 64] & (1 << (k % 64)) != 0
                    && w.chars().next().is_some_and(|c| c.is_lowercase())
                {
                    lower.insert(w);
                }
            }
        }
        Stats { lower, caps }
    }

    pub fn capmid(&self, w: &str) -> u32 {
        self.caps.get(w).map_or(0, |c| c.1)
    }

    pub fn capall(&self, w: &str) -> u32 {
        self.caps.get(w).map_or(0, |c| c.0)
    }

    pub fn seen_lower(&self, lower: &str) -> bool {
        self.lower.contains(lower)
    }
}

/// A candidate mention found in running text.
#[derive(Clone, Debug)]
pub struct Cand {
    pub part: usize,
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// How sure the type is: 0 a default guess, 1 context, 2 head word or
    /// shape, 3 gazetteer.
    pub conf: u8,
    pub ntok: usize,
    /// Normalised words of the name (lowercase, without "al-" prefixes,
    /// dots and company-form suffixes), joined by spaces.
    pub key: String,
    /// An earlier candidate this one is another name of.
    pub link: Option<usize>,
    /// Found in a place gazetteer: never merged by a partial match.
    pub gazetteer: bool,
    /// Another name introduced by "known as": never the canonical name.
    pub aka: bool,
    /// One word that is a known given name ("Samantha"), whatever it was
    /// typed as alone.
    pub given: bool,
    /// Where the name proper starts: after a "the", a title or a
    /// description that the mention includes ("German airline Northwind").
    pub name_start: usize,
}

/// Lowercases `w` into `buf`.
pub fn lower_into(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        // a typographic apostrophe reads as the plain one ("I’ve")
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn is_camel(w: &str) -> bool {
    let b = w.as_bytes();
    // an ASCII lowercase start with an ASCII capital second or third
    if b.len() < 3
        || !b[0].is_ascii_lowercase()
        || !(b[1].is_ascii_uppercase() || b[2].is_ascii_uppercase())
    {
        return false;
    }
    let mut it = w.chars();
    let Some(first) = it.next() else { return false };
    first.is_lowercase()
        && w.len() >= 3
        && w.chars().skip(1).take(2).any(|c| c.is_uppercase())
        && w.chars().all(|c| c.is_alphanumeric())
}

fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn looks_like_year(w: &str) -> bool {
    // "2008", "1955-2011", "2010-11"
    w.len() >= 4
        && w.as_bytes()[..4].iter().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
        && w.as_bytes().get(4).is_none_or(|&b| b == b'-' || b == b's')
}

fn has_digit(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_digit())
}

/// The abbreviations of the months' names, written without their period.
fn month_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// A word that can be part of a name.
pub fn is_name_word(w: &str) -> bool {
    let Some(c) = w.chars().next() else {
        return false;
    };
    if c.is_uppercase() {
        return !lexicon::never_entity(w) && !common_compound(w);
    }
    lexicon::strip_name_prefix(w).len() != w.len() || is_camel(w)
}

/// A capitalised compound of common words with a lowercase part
/// ("Two-year-old", "Just-released", "Life-threatening"): an adjective
/// that opens a sentence or a heading, not a name ("Jong-un" starts with
/// no common word, "Coca-Cola" has no lowercase part).
fn common_compound(w: &str) -> bool {
    // every capitalised word passes here: most have no hyphen
    let Some((first, rest)) = w.split_once('-') else {
        return false;
    };
    if !rest.split('-').any(|p| p.starts_with(char::is_lowercase)) || modifier_cut(w).is_some() {
        return false;
    }
    // "Pakistan-based", "Intel-powered": a name before its modifier
    let lex = lexicon::get();
    if gazetteer_place(first)
        || lex.organizations.contains(first)
        || lex.demonyms.contains_key(first)
    {
        return false;
    }
    // "Wall-street": a name with its head word in lowercase
    let last = rest.rsplit('-').next().unwrap_or(rest);
    let mut chars = last.chars();
    let head: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect();
    if lexicon::place_head(&head) || lexicon::org_head(&head) {
        return false;
    }
    let mut buf = String::new();
    lower_into(first, &mut buf);
    common_rank_of(&buf).is_some_and(|r| r < 3000)
}

/// True for headline-style parts: every word is capitalised except short
/// function words ("Russia Refused to Extradite Assad").
pub fn is_title_case(text: &str, toks: &[Tok]) -> bool {
    let mut caps = 0;
    for t in toks {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.text(text);
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() {
            caps += 1;
        } else if c.is_lowercase() && !is_camel(w) && !title_lowercase(w) {
            return false;
        }
    }
    caps >= 2
}

/// Words that title case leaves in lowercase.
fn title_lowercase(w: &str) -> bool {
    (w.len() <= 7
        && w.as_bytes().first().is_some_and(|b| b.is_ascii_lowercase())
        && matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "but"
                | "or"
                | "nor"
                | "for"
                | "so"
                | "yet"
                | "at"
                | "by"
                | "in"
                | "of"
                | "on"
                | "to"
                | "up"
                | "as"
                | "from"
                | "into"
                | "onto"
                | "over"
                | "with"
                | "than"
                | "that"
                | "via"
                | "per"
                | "vs"
                | "versus"
                | "off"
                | "out"
                | "amid"
                | "upon"
                | "near"
                | "is"
                | "are"
                | "be"
                | "s"
                | "t"
        ))
        || lexicon::strip_name_prefix(w).len() != w.len()
}

/// True when `acr` ("HTS", "USAF") can abbreviate the name made of `words`:
/// its letters are initials of the words, in order.
fn acronym_of<'w>(acr: &str, words: impl Iterator<Item = &'w str>) -> bool {
    let initials: Vec<char> = words
        .filter_map(|w| lexicon::strip_name_prefix(w).chars().next())
        .flat_map(|c| c.to_uppercase())
        .collect();
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || initials.is_empty() {
        return false;
    }
    if initials[0] != letters[0] {
        return false;
    }
    let mut it = initials.iter();
    let subseq = letters.iter().all(|l| it.any(|c| c == l));
    subseq || letters.len() <= initials.len() + 1
}

/// Normalised key of a name made of `words`.
pub fn key_of<'a>(words: impl Iterator<Item = &'a str>) -> String {
    // most names have a few words: no allocation for them
    let mut small: [&str; 8] = [""; 8];
    let mut more: Vec<&str> = Vec::new();
    let mut len = 0;
    for w in words {
        if len < small.len() {
            small[len] = w;
        } else {
            if more.is_empty() {
                more.extend_from_slice(&small);
            }
            more.push(w);
        }
        len += 1;
    }
    let words: &[&str] = if more.is_empty() {
        &small[..len]
    } else {
        &more
    };
    let mut n = words.len();
    while n > 1
        && (lexicon::corporate_suffix(words[n - 1])
            || matches!(
                words[n - 1],
                "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"
            ))
    {
        n -= 1;
    }
    let mut key = String::with_capacity(words[..n].iter().map(|w| w.len() + 1).sum());
    for (i, w) in words[..n].iter().enumerate() {
        if i == 0 && n > 1 && (*w == "The" || *w == "the") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        let w = lexicon::strip_name_prefix(w);
        if w.is_ascii() {
            for &c in w.as_bytes() {
                if c != b'.' && c != b'\'' {
                    key.push(char::from(c.to_ascii_lowercase()));
                }
            }
            continue;
        }
        for c in w.chars() {
            if c != '.' && c != '\'' && c != '’' {
                key.extend(c.to_lowercase());
            }
        }
    }
    key
}

/// Frequency rank of a lowercase word or of its stem ("analysts",
/// "refused", "hoping"): inflected forms of common words are common too.
pub fn common_rank_of(w: &str) -> Option<u32> {
    let common = &lexicon::get().common;
    if let Some(&r) = common.get(w) {
        return Some(r);
    }
    if w.len() < 5 || !w.is_ascii() {
        return None;
    }
    let stem = |cut: usize| w.get(..w.len() - cut);
    let tries: [(Option<&str>, &str); 8] = [
        (w.strip_suffix("ly").and_then(|_| stem(2)), ""),
        (w.strip_suffix('s').and_then(|_| stem(1)), ""),
        (w.strip_suffix("es").and_then(|_| stem(2)), ""),
        (w.strip_suffix("ies").and_then(|_| stem(3)), "y"),
        (w.strip_suffix("ed").and_then(|_| stem(2)), ""),
        (w.strip_suffix("ed").and_then(|_| stem(1)), ""),
        (w.strip_suffix("ing").and_then(|_| stem(3)), ""),
        (w.strip_suffix("ing").and_then(|_| stem(3)), "e"),
    ];
    let mut buf = String::new();
    for (base, add) in tries {
        if let Some(base) = base {
            buf.clear();
            buf.push_str(base);
            buf.push_str(add);
            if let Some(&r) = common.get(buf.as_str()) {
                return Some(r);
            }
        }
    }
    None
}

/// A given name that is not also a frequent English word ("Will", "In").
pub fn given_name(w: &str, buf: &mut String) -> bool {
    let lex = lexicon::get();
    if !lex.given.contains(w) {
        return false;
    }
    lower_into(w, buf);
    lex.common.get(buf.as_str()).is_none_or(|&r| r >= 300)
}

/// True for a word that names a place in the gazetteers.
pub fn gazetteer_place(w: &str) -> bool {
    let lex = lexicon::get();
    lex.countries.contains_key(w) || lex.places.contains(w)
}

/// For a word like "UK-based" or "Acme-led", the length of the name before
/// the hyphen.
fn modifier_cut(w: &str) -> Option<usize> {
    let (name, suffix) = w.rsplit_once('-')?;
    let known = matches!(
        suffix,
        "based"
            | "born"
            | "led"
            | "owned"
            | "backed"
            | "made"
            | "run"
            | "funded"
            | "style"
            | "bound"
            | "built"
            | "controlled"
            | "operated"
            | "sponsored"
            | "listed"
            | "headquartered"
            | "like"
    );
    (known && name.chars().next().is_some_and(|c| c.is_uppercase())).then_some(name.len())
}

/// For a word like "US-China" or "Israel-Hamas", where the hyphen joins two
/// names: the byte offset of that hyphen. Both halves must be known alone,
/// from the place gazetteers or from the text writing them on their own,
/// and the whole must not be a name itself ("Guinea-Bissau", "Coca-Cola",
/// "al-Assad").
fn compound_cut(cx: &Ctx, w: &str) -> Option<usize> {
    let cut = w.find('-')?;
    let (left, right) = (&w[..cut], &w[cut + 1..]);
    let capital = |s: &str| s.chars().next().is_some_and(|c| c.is_uppercase());
    if left.len() < 2
        || right.len() < 2
        || right.contains('-')
        || !capital(left)
        || !capital(right)
        || lexicon::strip_name_prefix(w).len() != w.len()
        || gazetteer_place(w)
    {
        return None;
    }
    let known = |s: &str| gazetteer_place(s) || cx.stats.capall(s) > 0;
    (known(left) && known(right)).then_some(cut)
}

/// Words that open sentences and never start a name.
fn sentence_opener(w: &str) -> bool {
    static L: List = list!("sentence_opener");
    L.contains(w)
}

fn is_determiner(w: &str) -> bool {
    // all are short and capitalised: most words are turned away here
    (2..=7).contains(&w.len())
        && w.as_bytes()[0].is_ascii_uppercase()
        && matches!(
            w,
            "The"
                | "A"
                | "An"
                | "This"
                | "That"
                | "These"
                | "Those"
                | "Its"
                | "His"
                | "Her"
                | "Their"
                | "Our"
                | "My"
                | "Your"
                | "Some"
                | "Any"
                | "Every"
                | "Each"
                | "All"
                | "Both"
                | "No"
                | "Many"
                | "Most"
                | "Several"
                | "Other"
                | "Such"
                | "Former"
                | "Then"
                | "Also"
                | "Even"
                | "Only"
                | "When"
                | "While"
                | "If"
                | "As"
        )
}

struct Ctx<'a, 'b> {
    part: usize,
    text: &'a str,
    toks: &'b [Tok],
    stats: &'b Stats<'a>,
    buf: String,
    /// `names[i]`: token `i` is a word that can be part of a name.
    names: &'b [bool],
}

impl<'a> Ctx<'a, '_> {
    #[inline(always)]
    fn w(&self, i: usize) -> &'a str {
        let text = self.text;
        self.toks.get(i).map(|t| t.text(text)).unwrap_or("")
    }

    #[inline(always)]
    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    #[inline(always)]
    fn name_at(&self, i: usize) -> bool {
        self.names.get(i).copied().unwrap_or(false)
    }

    fn common_rank(&mut self, i: usize) -> Option<u32> {
        let w = self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("");
        lower_into(w, &mut self.buf);
        common_rank_of(&self.buf)
    }

    fn common_rank_direct(&mut self, i: usize) -> Option<u32> {
        let w = self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("");
        lower_into(w, &mut self.buf);
        lexicon::get().common.get(self.buf.as_str()).copied()
    }

    fn lower_seen(&mut self, i: usize) -> bool {
        let w = self.toks.get(i).map(|t| t.text(self.text)).unwrap_or("");
        lower_into(w, &mut self.buf);
        self.stats.seen_lower(self.buf.as_str())
    }

    fn span_text(&self, a: usize, b: usize) -> &'a str {
        let text = self.text;
        match (self.toks.get(a), self.toks.get(b.wrapping_sub(1))) {
            (Some(x), Some(y)) if b > a => text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The words `a..b` or a two-word start of them name a gazetteer place.
    fn protected(&self, a: usize, b: usize) -> bool {
        let lex = lexicon::get();
        let w = self.w(a);
        if gazetteer_place(w)
            || lex.organizations.contains(w)
            || lex.demonyms.contains_key(w)
            || lexicon::group_word(w)
            || self.stats.capmid(w) > 0
        {
            return true;
        }
        (a + 2..=b.min(a + 4)).any(|e| gazetteer_place(self.span_text(a, e)))
    }

    fn possessive_at(&self, i: usize) -> bool {
        matches!(self.w(i), "'" | "’") && self.w(i + 1) == "s" && !self.toks[i].space_before
    }
}

/// Finds the candidate names of part `part` and appends them to `out`.
pub fn candidates(
    part: usize,
    text: &str,
    toks: &[Tok],
    stats: &Stats,
    names: &mut Vec<bool>,
    out: &mut Vec<Cand>,
) {
    names.clear();
    names.extend(
        toks.iter()
            .map(|t| t.kind == Kind::Word && is_name_word(t.text(text))),
    );
    // a month's abbreviation in a date ("Feb. 26", "Feb 10") names nothing
    for (i, t) in toks.iter().enumerate() {
        if names[i] && month_abbreviation(t.text(text)) {
            let next = toks.get(i + 1);
            let dated = next.is_some_and(|n| {
                (n.kind == Kind::Punct && n.text(text) == "." && !n.space_before)
                    || (n.kind == Kind::Num && n.space_before)
            });
            if dated {
                names[i] = false;
            }
        }
    }
    // degrees after a name and a comma ("Jane Doe, MD, PhD") name nothing
    for i in 2..toks.len() {
        if names[i]
            && lexicon::postnominal(toks[i].text(text))
            && toks[i - 1].text(text) == ","
            && toks[i - 2].kind == Kind::Word
            && toks[i - 2].text(text).starts_with(char::is_uppercase)
            && !gazetteer_place(toks[i - 2].text(text))
            && !names.get(i + 1).copied().unwrap_or(false)
        {
            names[i] = false;
        }
    }
    // a word that is no name alone opens one as a place's prefix ("St.
    // Louis") or ends a known company's ("Freddie Mac")
    for i in 0..toks.len() {
        if names[i] || toks[i].kind != Kind::Word {
            continue;
        }
        let w = toks[i].text(text);
        let name_next = names.get(i + 1).copied().unwrap_or(false)
            && toks.get(i + 1).is_some_and(|t| t.space_before);
        let prefix = name_next && lexicon::place_prefix(w);
        let ends_company = i > 0
            && names[i - 1]
            && toks[i].space_before
            && w.starts_with(char::is_uppercase)
            && lexicon::get()
                .organizations
                .contains(text.get(toks[i - 1].start..toks[i].end).unwrap_or(""));
        if prefix || ends_company {
            names[i] = true;
        }
    }
    let mut cx = Ctx {
        part,
        text,
        toks,
        stats,
        buf: String::new(),
        names,
    };
    let mut sink = Sink {
        first_in_part: out.len(),
        out,
        pending_link: None, // (token index, candidate)
    };
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !cx.name_at(i) {
            i += 1;
            continue;
        }
        // the run of name words and connectors
        let mut j = i + 1;
        loop {
            if cx.name_at(j) && toks[j].space_before {
                j += 1;
            } else if cx.is_word(j) && lexicon::connector(cx.w(j)) && cx.name_at(j + 1) {
                j += 2;
            } else if cx.is_word(j)
                && cx.w(j) != "y"
                && lexicon::name_particle(cx.w(j))
                && cx.is_word(j + 1)
                && lexicon::name_particle(cx.w(j + 1))
                && cx.name_at(j + 2)
            {
                // "von der Leyen", "de la Cruz"
                j += 3;
            } else if cx.w(j) == "of" && cx.w(j + 1) == "the" && cx.name_at(j + 2) {
                j += 3;
            } else if cx.w(j) == "&" && cx.name_at(j + 1) {
                j += 2;
            } else if cx.possessive_at(j)
                && cx.name_at(j + 2)
                && toks[j + 2].space_before
                && (lexicon::name_possessor(cx.w(j - 1))
                    || (j >= 2 && matches!(cx.w(j - 2), "St." | "St" | "Saint"))
                    || lexicon::corporate_suffix(cx.w(j + 2)))
            {
                // "the People's Bank of …", "Boston Children's Hospital",
                // "St. John's College", "Macy's Inc."
                j += 3;
            } else if cx.possessive_at(j)
                && (i..j).any(|x| {
                    lexicon::get()
                        .organizations
                        .contains(cx.span_text(x, j + 2))
                })
            {
                // "Moody's", "Standard & Poor's": a known name that ends in
                // a possessive
                j += 2;
                break;
            } else if cx.possessive_at(j)
                && toks
                    .get(j + 2)
                    .is_some_and(|t| t.kind == Kind::Num && t.space_before)
                && (i..j).any(|x| lexicon::market_index(cx.span_text(x, j + 3)))
            {
                // "the Standard & Poor's 500 index": a listed index
                j += 3;
                break;
            } else if matches!(cx.w(j), "'" | "’")
                && !toks[j].space_before
                && lexicon::name_possessor(cx.w(j - 1))
                && cx.name_at(j + 1)
                && toks[j + 1].space_before
            {
                // "the Workers' Party"
                j += 2;
            } else {
                break;
            }
        }
        // a stock ticker in parentheses ("(ACM.O)", "(NYSE: ACM)") names
        // nothing of its own
        if j == i + 1 && is_ticker(&cx, i) {
            i = j;
            continue;
        }
        // split at connectors that do not belong to the name
        let mut a = i;
        let mut k = i;
        while k < j {
            let w = cx.w(k);
            // "Acme Inc. Jane Doe": a company form ends the name
            if k > a && w.ends_with('.') && lexicon::corporate_suffix(w) && k + 1 < j {
                segment(&mut cx, &mut sink, a, k + 1);
                k += 1;
                while k < j && !cx.name_at(k) {
                    k += 1;
                }
                a = k;
                continue;
            }
            let is_conn = k > a && !is_name_word(w) && (lexicon::connector(w) || w == "&");
            if is_conn && !joins(&cx, a, k, j) {
                segment(&mut cx, &mut sink, a, k);
                // skip the connector (and a "the" after "of")
                k += 1;
                while k < j && !cx.name_at(k) {
                    k += 1;
                }
                a = k;
                continue;
            }
            k += 1;
        }
        segment(&mut cx, &mut sink, a, j);
        i = j;
    }
}

/// Whether the word at `i` is a stock ticker: capitals in parentheses with
/// an exchange's suffix ("(ACM.O)") or after an exchange's name ("(NYSE:
/// ACM)").
fn is_ticker(cx: &Ctx, i: usize) -> bool {
    let w = cx.w(i);
    if !is_all_caps(w) || w.len() > 5 || i == 0 {
        return false;
    }
    let suffix = |x: usize| {
        let s = cx.w(x);
        (1..=2).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
    };
    (cx.w(i - 1) == "(" && cx.w(i + 1) == "." && suffix(i + 2) && cx.w(i + 3) == ")")
        || (i >= 3
            && cx.w(i - 1) == ":"
            && cx.w(i - 3) == "("
            && matches!(
                cx.w(i - 2),
                "NYSE" | "Nasdaq" | "NASDAQ" | "LSE" | "TSX" | "ASX"
            )
            && cx.w(i + 1) == ")")
}

/// Whether the words `a..k` (titles first, if any) are a person's name of
/// two or three words that starts with a known given name and has no head
/// word of an organisation or a place ("Analyst Jane Doe").
fn person_before(cx: &Ctx, a: usize, k: usize) -> bool {
    let mut buf = String::new();
    let mut s = a;
    while s < k && lexicon::person_title(cx.w(s)) {
        s += 1;
    }
    let first = cx.w(s);
    (2..=3).contains(&(k - s))
        && given_name(first, &mut buf)
        && !gazetteer_place(first)
        && (s..k).all(|x| {
            let w = cx.w(x);
            !lexicon::org_head(w)
                && !lexicon::of_head(w)
                && !lexicon::place_head(w)
                && !lexicon::person_title(w)
        })
}

/// A run of words in capitals that is no name: all common words, as a
/// heading set in capitals or keywords of code ("ORDER BY"), or a sentence
/// shouted, with rarer words among pronouns and auxiliaries ("HOW IS THAT
/// CONFUSING"). Kept: a run whose words, in title case, name a known place
/// or company, or a given name, or that ends in a word names end in
/// ("NATIONAL PARKS COUNCIL"), or that "the" or a parenthesis introduces.
fn shouted(cx: &mut Ctx, a: usize, b: usize) -> bool {
    if b < a + 2 || (a > 0 && (cx.w(a - 1).eq_ignore_ascii_case("the") || cx.w(a - 1) == "(")) {
        return false;
    }
    let lex = lexicon::get();
    let mut phrase = String::new();
    let (mut rare, mut clause) = (0, 0);
    for x in a..b {
        let w = cx.w(x);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 || w.chars().any(char::is_lowercase) {
            return false;
        }
        lower_into(w, &mut cx.buf);
        let small = lexicon::function_word(&cx.buf);
        if small && !lexicon::connector(&cx.buf) {
            clause += 1;
        }
        if !small && (letters < 2 || lex.common.get(cx.buf.as_str()).is_none_or(|&r| r >= 3000)) {
            rare += 1;
        }
        let title = title_case(w);
        if gazetteer_place(&title)
            || lex.organizations.contains(title.as_str())
            || given_name(&title, &mut cx.buf)
            || (x + 1 == b && (lexicon::org_head(&title) || lexicon::place_head(&title)))
        {
            return false;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        if small && x > a {
            phrase.push_str(&w.to_lowercase());
        } else {
            phrase.push_str(&title);
        }
    }
    (rare == 0 || (b - a >= 3 && clause >= 2))
        && !(gazetteer_place(&phrase) || lex.organizations.contains(phrase.as_str()))
}

/// "WORLD" → "World".
fn title_case(w: &str) -> String {
    let mut t = String::with_capacity(w.len());
    let mut chars = w.chars();
    t.extend(chars.next());
    t.extend(chars.flat_map(char::to_lowercase));
    t
}

/// Whether the words around the name `a..b` say it is a company in the
/// market: its securities after it ("Acme shares", "Acme's stock") or
/// before it ("shares of Acme and Brant", "a stake in Acme"), its price
/// moving by an amount ("Acme fell 22 percent"), or an apposition that
/// describes a company ("Acme, the brokerage based in …"; not "Jane Doe, a
/// bank analyst").
fn company_context(cx: &Ctx, a: usize, b: usize) -> bool {
    // (after a possessive, only a price that moves: people own shares and
    // stakes too, "Jane Doe's stake")
    if cx.possessive_at(b) {
        if matches!(cx.w(b + 2), "shares" | "stock")
            && (lexicon::market_move(cx.w(b + 3)) || cx.w(b + 3) == "price")
        {
            return true;
        }
    } else if lexicon::security_noun(cx.w(b)) {
        return true;
    }
    // "fell 22 percent", "rose sharply, by 3 %"
    if lexicon::market_move(cx.w(b)) {
        let mut k = b + 1;
        while k < b + 3
            && matches!(
                cx.w(k),
                "by" | "a" | "another" | "nearly" | "almost" | "about" | "more" | "than" | "over"
            )
        {
            k += 1;
        }
        if cx.toks.get(k).is_some_and(|t| t.kind == Kind::Num)
            && matches!(cx.w(k + 1), "percent" | "per" | "%" | "pc")
        {
            return true;
        }
    }
    // ", the brokerage", ", a Swiss bank based in …"
    if cx.w(b) == "," {
        let mut k = b + 1;
        if matches!(cx.w(k), "the" | "a" | "an") {
            k += 1;
            let mut modifiers = 0;
            while modifiers < 3
                && cx.is_word(k)
                && !org_description(cx.w(k))
                && !lexicon::role_noun(cx.w(k))
                && (cx.w(k).starts_with(char::is_lowercase)
                    || lexicon::get().demonyms.contains_key(cx.w(k))
                    || gazetteer_place(cx.w(k)))
            {
                k += 1;
                modifiers += 1;
            }
            let head = cx.w(k);
            let next = cx.w(k + 1);
            if org_description(head)
                && !matches!(
                    head,
                    "daily"
                        | "weekly"
                        | "producer"
                        | "developer"
                        | "operator"
                        | "supplier"
                        | "contractor"
                        | "publisher"
                        | "giant"
                        | "club"
                )
                // the description ends there ("a firm believer", "a bank
                // analyst", "the firm's founder" describe people)
                && (!cx.is_word(k + 1)
                    || matches!(
                        next,
                        "based" | "that" | "which" | "whose" | "with" | "in" | "of" | "owned"
                            | "headquartered" | "known" | "listed" | "and" | "founded"
                            | "controlled" | "run" | "backed" | "to" | "for" | "said" | "is"
                            | "was" | "has" | "had"
                    ))
                && !cx.possessive_at(k + 1)
            {
                return true;
            }
        }
    }
    // "shares of Acme", "a stake in Acme", "shares of Brant and Acme" (not
    // "shares of Jane Doe's company")
    if cx.possessive_at(b) {
        return false;
    }
    // lowercase: "Shares of …" may start the sentence
    list_start(cx, a).is_some_and(|k| {
        k >= 2
            && matches!(cx.w(k - 1), "of" | "in")
            && lexicon::security_noun(&cx.w(k - 2).to_lowercase())
    })
}

/// Whether the word at `a` is a credit rating ("cut to BBB-", "its AAA
/// rating", "B-minus", "Baa3"): a grade's letters with a notch, or after a
/// word that leads to a grade, or before "rating".
fn credit_rating(cx: &Ctx, a: usize) -> bool {
    let w = cx.w(a);
    let (letters, notched) = match w.strip_suffix("-minus").or_else(|| w.strip_suffix("-plus")) {
        Some(l) => (l, true),
        // Moody's notches ("Baa3"; not "A3" or "B2", models' names)
        None => match w.strip_suffix(['1', '2', '3']) {
            Some(l) if matches!(l, "Aaa" | "Aa" | "Baa" | "Ba" | "Caa" | "Ca") => (l, true),
            _ => (w, false),
        },
    };
    let grade = matches!(
        letters,
        "AAA"
            | "AA"
            | "A"
            | "BBB"
            | "BB"
            | "B"
            | "CCC"
            | "CC"
            | "C"
            | "Aaa"
            | "Aa"
            | "Baa"
            | "Ba"
            | "Caa"
            | "Ca"
    );
    if !grade {
        return false;
    }
    let sign_after = matches!(cx.w(a + 1), "+" | "-" | "−")
        && !cx.toks.get(a + 1).is_some_and(|t| t.space_before)
        && !cx.name_at(a + 2);
    let before = a > 0
        && matches!(
            cx.w(a - 1),
            "to" | "from" | "at" | "its" | "triple" | "double"
        );
    let after = matches!(
        cx.w(if sign_after { a + 2 } else { a + 1 }),
        "rating" | "ratings" | "grade" | "status" | "credit" | "outlook" | "rated"
    );
    notched || sign_after || before || after
}

/// Whether the name at `a` is where people work: after a role and "at"
/// ("an analyst at Keller", "economists at Halden Bank"), or after another
/// such name and "and" or a comma ("analysts at Keller and Brandt").
fn works_at(cx: &Ctx, a: usize) -> bool {
    list_start(cx, a).is_some_and(|k| {
        // lowercase: "Economists at …" may start the sentence
        k >= 2 && cx.w(k - 1) == "at" && {
            let role = cx.w(k - 2).to_lowercase();
            lexicon::role_noun(&role) || role.strip_suffix('s').is_some_and(lexicon::role_noun)
        }
    })
}

/// Where the list of names that the name at `a` ends starts: back over at
/// most two names before it, each before "and" or a comma ("Keller and
/// Brandt", "Keller, Lind and Brandt"); `None` when a list goes on further
/// or a link of it is no name.
fn list_start(cx: &Ctx, a: usize) -> Option<usize> {
    let mut k = a;
    for _ in 0..3 {
        if k < 2 || !matches!(cx.w(k - 1), "and" | ",") {
            return Some(k);
        }
        // the name before the "and": its words back to its first
        let mut p = k - 1;
        let mut words = 0;
        while p > 0 && words < 5 && cx.name_at(p - 1) {
            p -= 1;
            words += 1;
        }
        if words == 0 {
            return None;
        }
        k = p;
    }
    None
}

/// Whether the connector at `k` joins the words before it (from `a`) with
/// the words after it (up to `j`).
fn joins(cx: &Ctx, a: usize, k: usize, j: usize) -> bool {
    let conn = cx.w(k);
    if lexicon::name_particle(conn) || conn == "&" {
        return true;
    }
    let prev = cx.w(k - 1);
    // the words after the connector, up to the next connector
    let mut e = k + 1;
    while e < j && (cx.name_at(e) || cx.w(e) == "the") {
        e += 1;
    }
    let last = cx.w(e - 1);
    match conn {
        "and" => {
            // "European Aeronautic Defence and Space Company", not
            // "Acme and Acme Records"
            // "Securities and Exchange Commission": two head words joined
            (lexicon::org_head(last) || lexicon::event_head(last))
                && k >= a + 2
                && (!lexicon::org_head(prev) || (e > k + 2 && lexicon::org_head(cx.w(k + 1))))
                && !gazetteer_place(prev)
        }
        // "Jane Doe of Acme Capital": a person's name before "of" is no
        // part of an organisation's
        "of" if person_before(cx, a, k) => false,
        _ => {
            (lexicon::of_head(prev) && !lexicon::person_title(prev))
                || (!(k == a + 1 && cx.toks[a].initial)
                    && (lexicon::org_head(last)
                        || lexicon::event_head(last)
                        || lexicon::work_head(last)))
        }
    }
}

/// The candidate for `name`, a name cut out of one word at byte `start` of
/// part `part` ("UK" of "UK-based", "China" of "US-China"): a place when
/// the gazetteers know it as one, else an organisation, by default.
fn word_cand(part: usize, name: &str, start: usize) -> Cand {
    let (kind, conf, gazetteer) = if gazetteer_place(name) {
        (EntityKind::Place, 3, true)
    } else if lexicon::get().demonyms.contains_key(name) {
        (EntityKind::Place, 2, true)
    } else {
        (EntityKind::Organization, 1, false)
    };
    Cand {
        part,
        start,
        end: start + name.len(),
        kind,
        conf,
        ntok: 1,
        key: key_of(std::iter::once(name)),
        link: None,
        gazetteer,
        aka: false,
        given: false,
        name_start: start,
    }
}

/// Where the candidates of a part go: the list, a candidate waiting for the
/// name it links to, and the first candidate of the part.
struct Sink<'o> {
    out: &'o mut Vec<Cand>,
    pending_link: Option<(usize, usize)>,
    first_in_part: usize,
}

/// Trims, types and records the candidate made of tokens `a..b`, in named
/// steps: names cut off the front of the run, names before a title inside
/// it, leading determiners and common words, titles, then the typing.
fn segment(cx: &mut Ctx, sink: &mut Sink, a: usize, b: usize) {
    if a >= b {
        return;
    }
    let lex = lexicon::get();
    // A closed-class word of three letters or more in capitals ending a
    // run of capitalised words that are not ("Clients MUST send", "Servers
    // SHOULD"): a keyword of a standard or of code, which no name holds
    // (but an acronym leads "WHO Director", and "The WHO" is one); the
    // words before it are a name or not on their own.
    if b - a > 1
        && capital_keyword(cx, lex, b - 1)
        && !is_determiner(cx.w(b - 2))
        && (a..b - 1).all(|x| !is_all_caps(cx.w(x)))
    {
        return segment(cx, sink, a, b - 1);
    }
    let Some((mut a, mut b)) = split_off_front(cx, sink, a, b) else {
        return;
    };
    let model_inside = (a + 1..b).any(|x| has_digit(cx.w(x)) || is_camel(cx.w(x)));
    let model_after = cx.toks.get(b).is_some_and(|t| {
        t.space_before
            && (t.kind == Kind::Num || (t.kind == Kind::Word && has_digit(t.text(cx.text))))
    }) && !looks_like_year(cx.w(b))
        // "Acme 14 percent", "Acme 2 million": an amount, not a model
        && !lexicon::amount_unit(cx.w(b + 1));
    let mut product = model_inside || model_after;
    a = split_off_before_title(cx, sink, lex, a, b);
    let mut person_cue = false;
    let (mut a, the_at) = strip_leading_words(cx, a, b);
    // leading titles ("President", "Mr.", "Chief executive")
    let mut title_from = None;
    let mut t = a;
    while t < b && lexicon::person_title(cx.w(t)) {
        t += 1;
    }
    if t > a {
        if t == b {
            return; // titles only
        }
        // "Chief Operating Officer of AirTran Airways": the organisation
        if matches!(cx.w(t), "of" | "for" | "at") {
            let mut x = t + 1;
            while x < b && !cx.name_at(x) {
                x += 1;
            }
            return segment(cx, sink, x, b);
        }
        let strong = (a..t).any(|x| lexicon::strong_person_title(cx.w(x)));
        let last = cx.w(b - 1);
        if (strong || given_name(cx.w(t), &mut cx.buf))
            && !lexicon::org_head(last)
            && !lexicon::place_head(last)
            && !lexicon::event_head(last)
        {
            // a title written as one ("President", "Mr.") is part of the
            // mention, not of the name
            if (a..t).all(|x| title_word_shape(cx.w(x))) {
                title_from = Some(a);
            }
            a = t;
            person_cue = true;
        }
    }
    // trailing titles: "the Acme Chief Executive Officer"
    {
        let mut e = b;
        while e > a + 1 && lexicon::person_title(cx.w(e - 1)) && !lexicon::org_head(cx.w(e - 1)) {
            e -= 1;
        }
        if e < b
            && (e..b).any(|x| {
                matches!(
                    cx.w(x),
                    "Officer"
                        | "Executive"
                        | "Chairman"
                        | "Director"
                        | "Manager"
                        | "Spokesman"
                        | "Spokeswoman"
                        | "Spokesperson"
                        | "President"
                        | "Secretary"
                )
            })
            && cx.name_at(e - 1)
        {
            b = e;
        }
    }
    // a lowercase title or role just before ("analyst Jane Doe", "CEO Jane
    // Doe"), or before a comma ("its finance director, Jane Doe")
    if a > 0 && !person_cue {
        let before = if cx.w(a - 1) == "," && a >= 2 && b - a >= 2 {
            a - 2
        } else {
            a - 1
        };
        let pw = cx.w(before);
        lower_into(pw, &mut cx.buf);
        if lexicon::role_noun(cx.buf.as_str()) || lexicon::strong_person_title(pw) {
            person_cue = true;
        }
    }
    // a leader's name before the government it heads ("the Mendel
    // administration")
    if !person_cue
        && b > a
        && lexicon::leader_noun_after(cx.w(b))
        && !gazetteer_place(cx.span_text(a, b))
    {
        person_cue = true;
    }
    // an apposition after ("Jane Doe, minister of …", "Jane Doe, 49,")
    if !person_cue && cx.w(b) == "," {
        let mut x = b + 1;
        if matches!(cx.w(x), "the" | "a" | "an" | "former" | "then" | "now") {
            x += 1;
        }
        // "Ellison, the company's founder", "Doe, its chief executive"
        if matches!(cx.w(x), "its" | "their") {
            x += 1;
        } else if cx.w(x).starts_with(|c: char| c.is_lowercase())
            && matches!(cx.w(x + 1), "'" | "’")
            && cx.w(x + 2) == "s"
        {
            x += 3;
        }
        let w = cx.w(x);
        lower_into(w, &mut cx.buf);
        // "Speaking to the NBC, spokesman Ann Lee said": the role belongs to
        // the name after it; an acronym is not a person either
        let role = (lexicon::role_noun(cx.buf.as_str()) || lexicon::strong_person_title(w))
            && !cx.name_at(x + 1)
            && !(b == a + 1 && is_all_caps(cx.w(a)));
        if role
            || (x == b + 1 && w == "who")
            || (cx.toks.get(x).is_some_and(|t| t.kind == Kind::Num)
                && w.len() <= 3
                && cx.w(x + 1) == ",")
        {
            person_cue = true;
        }
    }
    if a >= b {
        return;
    }
    if a > 0 && cx.toks[a - 1].kind == Kind::Num && cx.toks[a].space_before && {
        // "Boeing 787 Dreamliner", "the new 787 Dreamliner": a name after
        // a model number (not after a count: "20 Boeing jets")
        let num = cx.w(a - 1);
        a >= 2
            && !looks_like_year(num)
            && !num.contains(',')
            && cx.toks[a - 2].kind == Kind::Word
            && (cx.name_at(a - 2) || {
                let p = cx.w(a - 2);
                matches!(
                    p,
                    "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "new" | "first"
                ) || (p.contains('-') && p.starts_with(|c: char| c.is_lowercase()))
            })
    } {
        product = true;
    }
    let ntok_all = b - a;
    let first = cx.w(a);
    // names never end in a lowercase connector
    if ntok_all == 1 && !is_name_word(first) {
        return;
    }
    let surface = cx.span_text(a, b);
    let ntok = (a..b).filter(|&x| cx.name_at(x)).count();
    let possessive = cx.possessive_at(b);
    let next = if possessive { b + 2 } else { b };
    let speech_after = {
        lower_into(cx.w(next), &mut cx.buf);
        lexicon::speech_verb(cx.buf.as_str())
    } || (a > 0
        && matches!(cx.w(a - 1), "said" | "says" | "added" | "asked" | "wrote"));
    let acronym_after = cx.w(b) == "("
        && cx.is_word(b + 1)
        && is_all_caps(cx.w(b + 1))
        && cx.w(b + 2) == ")"
        && acronym_of(cx.w(b + 1), (a..b).map(|x| cx.w(x)));

    // single words: drop common words with nothing to vouch for them
    if ntok == 1 {
        if lexicon::never_entity(first) || first.chars().count() < 2 || credit_rating(cx, a) {
            return;
        }
        // A closed-class word in capitals ("FROM", "MUST", "THE"): a keyword
        // of code or of a standard, or a heading set in capitals, not an
        // acronym; unless the places know it ("US") or "the" introduces it
        // ("the WHO").
        if is_all_caps(first)
            && !gazetteer_place(first)
            && !(a > 0 && cx.w(a - 1).eq_ignore_ascii_case("the"))
            && {
                lower_into(first, &mut cx.buf);
                lexicon::function_word(&cx.buf)
            }
        {
            return;
        }
        // A frequent word of five letters or more in capitals, alone: a
        // word stressed or a heading's label ("EXCLUSIVE:", "UPDATE:"), not
        // an acronym, unless the lexicon knows it or "the" or a parenthesis
        // introduces it ("the WHO", "(SWIFT)").
        if is_all_caps(first)
            && first.chars().filter(|c| c.is_alphabetic()).count() >= 5
            && !gazetteer_place(first)
            && !lex.organizations.contains(first)
            && {
                // "WASHINGTON (Reuters)": a name set in capitals
                let t = title_case(first);
                !gazetteer_place(&t)
                    && !lex.organizations.contains(t.as_str())
                    && !given_name(&t, &mut cx.buf)
            }
            && !acronym_after
            && !(a > 0 && (cx.w(a - 1).eq_ignore_ascii_case("the") || cx.w(a - 1) == "("))
            && cx.common_rank_direct(a).is_some_and(|r| r < 3000)
        {
            return;
        }
        let known = gazetteer_place(first)
            || lex.organizations.contains(first)
            || lex.demonyms.contains_key(first)
            || lexicon::group_word(first)
            || is_all_caps(first)
            || is_camel(first)
            || has_digit(first);
        if !known {
            // inflected forms matter at the start of a sentence only
            let rank = if cx.toks[a].initial {
                cx.common_rank(a)
            } else {
                cx.common_rank_direct(a)
            };
            let common = rank.is_some();
            // a rarer word capitalised in mid-sentence is a name ("Reuters")
            let frequent = rank.is_some_and(|r| r < 3000);
            let capmid = cx.stats.capmid(first);
            let initial = cx.toks[a].initial;
            // "Mobile, Alabama": a town before its state or country
            let place_after = cx.w(b) == ","
                && {
                    let nx = cx.w(b + 1);
                    lex.countries.contains_key(nx) || lex.places.contains(nx)
                }
                && cx
                    .toks
                    .get(b + 2)
                    .is_none_or(|t| t.kind != Kind::Word || !is_name_word(t.text(cx.text)));
            let cue = possessive || person_cue || acronym_after || speech_after || place_after;
            if initial && capmid == 0 && (common || cx.lower_seen(a)) && !speaks_first(cx, a) {
                return;
            }
            let repeated = capmid >= 2 || (cx.stats.capall(first) >= 2 && !cx.lower_seen(a));
            if !initial && frequent && !repeated && !cue {
                return;
            }
            // "Lawmakers said": a plural noun opening a sentence
            if initial
                && capmid == 0
                && ["ers", "ors", "ists", "ants", "ents", "ians"]
                    .iter()
                    .any(|x| first.ends_with(x))
            {
                return;
            }
        }
        if is_all_caps(first) && lex.currencies.contains(first) {
            return;
        }
        // "US dollars": a currency, not the country
        if matches!(cx.w(b), "dollar" | "dollars" | "cents") {
            return;
        }
        // "US$40", "GB #20": a code before an amount
        if is_all_caps(first)
            && (cx.w(b).starts_with('$') || cx.w(b) == "#")
            && !cx.toks.get(b).is_some_and(|t| t.space_before)
        {
            return;
        }
    }
    if ntok >= 2 && shouted(cx, a, b) {
        return;
    }

    let (kind, conf, gazetteer) = if product && !(ntok == 1 && gazetteer_place(first)) {
        (EntityKind::Product, 2, false)
    } else {
        classify(cx, a, b, surface, person_cue, speech_after)
    };
    // a company in the market ("Acme shares", "Acme fell 22 percent"),
    // whatever its name reads as
    let (kind, conf) = if matches!(
        kind,
        EntityKind::Person | EntityKind::Place | EntityKind::Organization
    ) && !gazetteer
        && !person_cue
        && title_from.is_none()
        && company_context(cx, a, b)
    {
        (EntityKind::Organization, conf.max(3))
    } else {
        (kind, conf)
    };
    // product context: "the new X", "unveiled X", "web browser X",
    // "X laptops", "X, the latest version of …"
    let (kind, conf) = match (kind, conf) {
        (EntityKind::Organization, c) if c <= 1 && !gazetteer && !person_cue => {
            match product_context(cx, a, b) {
                Some(pc) => (EntityKind::Product, pc),
                None => (kind, conf),
            }
        }
        _ => (kind, conf),
    };
    // linked names: an acronym in parentheses, "also known as"
    let mut link = None;
    if let Some((ti, ci)) = sink.pending_link {
        if ti == a || ti + 1 == a {
            link = Some(ci);
        }
        sink.pending_link = None;
    }
    let mut aka = false;
    if link.is_none() && a >= 2 && sink.out.len() > sink.first_in_part {
        let (w1, w2) = (cx.w(a - 2), cx.w(a - 1));
        if (w1 == "known" && w2 == "as") || w2 == "aka" || w2 == "a.k.a." || w2 == "alias" {
            link = Some(sink.out.len() - 1);
            aka = true;
        }
    }
    // "Boeing 747": the model number belongs to the product's name
    let b_name = if kind == EntityKind::Product && model_after {
        b + 1
    } else {
        b
    };
    let key = key_of((a..b_name).map(|x| cx.w(x)));
    if key.is_empty() {
        return;
    }
    let mut start = match kind {
        EntityKind::Person => title_from.unwrap_or(a),
        EntityKind::Organization | EntityKind::Place if heads_phrase(cx, b_name) => {
            if a > 0 && (the_at == Some(a - 1) || cx.w(a - 1) == "the") {
                a - 1
            } else {
                a
            }
        }
        _ => a,
    };
    // "German airline Northwind", "carmaker Acme": the
    // description before an organisation's name is part of the mention
    if kind == EntityKind::Organization && start == a {
        if let Some(d) = description_before(cx, a) {
            let from = cx.toks[d].start;
            let end = cx.toks[a].start;
            let linked = sink
                .pending_link
                .is_some_and(|(_, ci)| ci + 1 >= sink.out.len());
            let inside = sink
                .out
                .iter()
                .rev()
                .take_while(|c| c.part == cx.part && c.end > from)
                .count();
            let movable = sink.out[sink.out.len() - inside..].iter().all(|c| {
                c.start >= from
                    && c.end <= end
                    && matches!(c.kind, EntityKind::Place | EntityKind::Group)
            });
            if movable && !(linked && inside > 0) {
                sink.out.truncate(sink.out.len() - inside);
                start = d;
            }
        }
    }
    // "It" or "There" cut out of a title-case run ("… Though It Were …")
    // is no name; as one, every later "It" would join it.
    if b_name == a + 1 && is_function_word(cx, a) {
        return;
    }
    let given = b_name == a + 1 && given_name(cx.w(a), &mut cx.buf);
    sink.out.push(Cand {
        part: cx.part,
        start: cx.toks[start].start,
        end: cx.toks[b_name - 1].end,
        kind,
        conf,
        ntok,
        key,
        link,
        gazetteer,
        aka,
        given,
        name_start: cx.toks[a].start,
    });
    if acronym_after {
        sink.pending_link = Some((b + 1, sink.out.len() - 1));
    }
}

/// Names cut off the front of a run: "UK-based …", "US-China talks", the
/// airline of "Northwind Flight 212", a place before a product ("United
/// Kingdom online store"). `None` when nothing is left to type.
fn split_off_front(
    cx: &mut Ctx,
    sink: &mut Sink,
    mut a: usize,
    b: usize,
) -> Option<(usize, usize)> {
    // "UK-based Syrian Observatory", "Acme-led consortium": the name before
    // the hyphen stands alone
    if a + 1 < b && is_determiner(cx.w(a)) && modifier_cut(cx.w(a + 1)).is_some() {
        a += 1;
    }
    if let Some(cut) = modifier_cut(cx.w(a)) {
        let t = cx.toks[a];
        let name = &cx.w(a)[..cut];
        if name.chars().count() >= 2 {
            sink.out.push(word_cand(cx.part, name, t.start));
        }
        segment(cx, sink, a + 1, b);
        return None;
    }
    // "US-China talks", "the Israel-Hamas war": two names joined by a
    // hyphen, each of which the gazetteers or the text itself know alone
    if b == a + 1 {
        if let Some(cut) = compound_cut(cx, cx.w(a)) {
            let t = cx.toks[a];
            let w = cx.w(a);
            for (name, start) in [(&w[..cut], t.start), (&w[cut + 1..], t.start + cut + 1)] {
                sink.out.push(word_cand(cx.part, name, start));
            }
            return None;
        }
    }
    // "Northwind Flight 212": the airline's name
    if b - a > 1 && cx.w(b - 1) == "Flight" && cx.toks.get(b).is_some_and(|t| t.kind == Kind::Num) {
        segment(cx, sink, a, b - 1);
        return None;
    }
    if let Some(p) = (a + 1..b).find(|&x| has_digit(cx.w(x)) || is_camel(cx.w(x))) {
        // "United Kingdom online store": a place before a product
        if gazetteer_place(cx.span_text(a, p)) {
            segment(cx, sink, a, p);
            a = p;
        }
    }
    Some((a, b))
}

/// A demonym or country before a title ("Syrian President …"), and an
/// organisation before a title inside the run ("Federal Reserve Chairman
/// …"), are names of their own: records them and returns the new start.
fn split_off_before_title(
    cx: &mut Ctx,
    sink: &mut Sink,
    lex: &lexicon::Lexicon,
    mut a: usize,
    b: usize,
) -> usize {
    // "the German KBA agency": a nationality before an acronym is a name
    // of its own ("German" is a given name too)
    let d = if is_determiner(cx.w(a)) { a + 1 } else { a };
    if b == d + 2 && lex.demonyms.contains_key(cx.w(d)) && is_all_caps(cx.w(d + 1)) {
        segment(cx, sink, d, d + 1);
        return d + 1;
    }
    // "Syrian President Ahmed al-Sharaa", "US Senator Jane Doe": the
    // demonym or country before a title is a name of its own; not before a
    // body whose name starts like a title ("the French Foreign Ministry",
    // "the Brazil Supreme Court")
    if b - a > 2 && lexicon::person_title(cx.w(a + 1)) && !lexicon::org_head(cx.w(b - 1)) && {
        let w = cx.w(a);
        lex.demonyms.contains_key(w) || lex.countries.contains_key(w)
    } {
        segment(cx, sink, a, a + 1);
        a += 1;
    }
    // "Federal Reserve Chairman Ben Bernanke": a title inside the run
    // separates an organisation from a person; not when the run starts with
    // a title ("Chief Executive Jane Roe" is no organisation "Chief" and a
    // person: its titles lead the person's mention)
    if b - a > 2 && !lexicon::person_title(cx.w(a)) {
        let mut t = a + 1;
        while t + 1 < b {
            if lexicon::person_title(cx.w(t)) && !lexicon::org_head(cx.w(t)) {
                let mut u = t;
                while u < b && lexicon::person_title(cx.w(u)) {
                    u += 1;
                }
                let strong = (t..u).any(|x| lexicon::strong_person_title(cx.w(x)));
                if u < b
                    && (strong || given_name(cx.w(u), &mut cx.buf))
                    && !lexicon::org_head(cx.w(b - 1))
                    && !lexicon::place_head(cx.w(b - 1))
                {
                    segment(cx, sink, a, t);
                    a = t;
                    break;
                }
                t = u;
            } else if t >= a + 2
                && b - t >= 2
                && b - t <= 3
                && given_name(cx.w(t), &mut cx.buf)
                && (lexicon::org_head(cx.w(t - 1))
                    || (a..t).any(|x| lexicon::person_title(cx.w(x))))
                && !lexicon::org_head(cx.w(b - 1))
            {
                // "Navy Secretary John Smith", "Navy John Smith"
                segment(cx, sink, a, t);
                a = t;
                break;
            } else {
                t += 1;
            }
        }
    }
    a
}

/// Word `i` is a closed-class word of three letters or more in capitals
/// that neither the places nor the organisations know ("MUST", "AND", not
/// "WHO" or "US").
fn capital_keyword(cx: &mut Ctx, lex: &lexicon::Lexicon, i: usize) -> bool {
    let w = cx.w(i);
    if !is_all_caps(w)
        || w.chars().filter(|c| c.is_alphabetic()).count() < 3
        || gazetteer_place(w)
        || lex.organizations.contains(w)
    {
        return false;
    }
    lower_into(w, &mut cx.buf);
    lexicon::function_word(&cx.buf)
}

/// A closed-class word, in any case but all capitals ("US", "IT" stay).
fn is_function_word(cx: &mut Ctx, i: usize) -> bool {
    let w = cx.w(i);
    if is_all_caps(w) && w.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return false;
    }
    lower_into(w, &mut cx.buf);
    lexicon::function_word(&cx.buf)
}

/// "Summit said", "Seat told reporters": one capitalised word opening a
/// sentence before a verb of speech is the name of who speaks, unless it
/// is a frequent word ("Police said"), a plural ("Officials said"), a role
/// ("Spokesman said"), or the text has it in lowercase too.
fn speaks_first(cx: &mut Ctx, a: usize) -> bool {
    lower_into(cx.w(a + 1), &mut cx.buf);
    if !lexicon::speech_verb(cx.buf.as_str()) || cx.lower_seen(a) {
        return false;
    }
    if cx.common_rank(a).is_some_and(|r| r < 1000) {
        return false;
    }
    lower_into(cx.w(a), &mut cx.buf);
    let w = cx.buf.clone();
    if lexicon::role_noun(&w) {
        return false;
    }
    let common = &lexicon::get().common;
    for stem in [w.strip_suffix('s'), w.strip_suffix("es")]
        .into_iter()
        .flatten()
    {
        if common.contains_key(stem) || lexicon::role_noun(stem) {
            return false;
        }
    }
    true
}

/// Drops leading determiners and sentence-initial common words; returns the
/// new start and where a leading "The" was.
fn strip_leading_words(cx: &mut Ctx, mut a: usize, b: usize) -> (usize, Option<usize>) {
    let mut the_at = None;
    // leading determiners and sentence-initial common words
    while a < b {
        let w = cx.w(a);
        let initial = cx.toks[a].initial;
        if is_determiner(w) {
            the_at = (w == "The").then_some(a);
            a += 1;
            continue;
        }
        if initial && !cx.protected(a, b) && !is_all_caps(w) {
            let rank = cx.common_rank(a);
            let given_next = b - a > 1 && given_name(w, &mut cx.buf);
            // "Actor Jane Doe said" at the start of a sentence: the role
            // noun, capitalised there, is no part of the name
            let role_first = b - a > 1
                && !lexicon::person_title(w)
                && {
                    lower_into(w, &mut cx.buf);
                    lexicon::role_noun(cx.buf.as_str())
                }
                && given_name(cx.w(a + 1), &mut cx.buf);
            if role_first {
                a += 1;
                continue;
            }
            let strip = if b - a > 1 {
                // "Acme Computer", "Northwind Airlines": the head keeps the name
                (rank.is_some_and(|r| r < 150) || cx.lower_seen(a) || sentence_opener(w))
                    && !given_next
                    && !lexicon::org_head(cx.w(b - 1))
                    // "Downing Street said …": a street's name, not a word
                    // that opens the sentence
                    && !(b - a == 2 && lexicon::place_head(cx.w(b - 1)))
            } else {
                (rank.is_some() || cx.lower_seen(a)) && !speaks_first(cx, a)
            };
            if strip {
                a += 1;
                continue;
            }
        }
        break;
    }
    (a, the_at)
}

/// Nouns that describe an organisation just before its name ("airline
/// Northwind", "carmaker Acme").
fn org_description(w: &str) -> bool {
    static L: List = list!("org_description");
    L.contains(w)
}

/// Frequent words that modify a description ("national airline", "low
/// cost carrier", "state broadcaster").
fn description_modifier(w: &str) -> bool {
    static L: List = list!("description_modifier");
    L.contains(w)
}

/// The first token of a description that ends just before token `a`
/// ("the German airline", "computer and electronics maker"), if there is
/// one: lowercase nouns and modifiers, a place or nationality, "the".
fn description_before(cx: &Ctx, a: usize) -> Option<usize> {
    let head = a.checked_sub(1)?;
    let t = cx.toks.get(head)?;
    if t.kind != Kind::Word || !org_description(t.text(cx.text)) || !cx.toks[a].space_before {
        return None;
    }
    let lex = lexicon::get();
    let mut d = head;
    while d > 0 && head - d < 5 {
        let x = d - 1;
        let t = cx.toks[x];
        if t.kind != Kind::Word || !cx.toks[d].space_before {
            break;
        }
        let w = t.text(cx.text);
        let lower = w.starts_with(|c: char| c.is_lowercase());
        if lower {
            // "and" between two nouns of the description
            if w == "and" {
                let lower_at = |i: usize| {
                    cx.toks[i].kind == Kind::Word && cx.w(i).starts_with(|c: char| c.is_lowercase())
                };
                if x > 0 && d < head && lower_at(d) && lower_at(x - 1) {
                    d = x;
                    continue;
                }
                break;
            }
            if title_lowercase(w)
                || matches!(
                    w,
                    "against" | "about" | "between" | "without" | "under" | "after" | "before"
                )
                || w.ends_with("ed")
                || w.ends_with("ly")
                || w.ends_with("es")
                || lexicon::speech_verb(w)
                || matches!(
                    w,
                    "bought"
                        | "sold"
                        | "brought"
                        | "sought"
                        | "fought"
                        | "caught"
                        | "won"
                        | "beat"
                        | "struck"
                        | "held"
                        | "chose"
                        | "became"
                        | "overtook"
                        | "joins"
                        | "beats"
                )
                || (lexicon::get().common.get(w).is_some_and(|&r| r < 1000)
                    && !description_modifier(w))
            {
                break;
            }
            d = x;
        } else if lex.demonyms.contains_key(w) || gazetteer_place(w) {
            d = x;
        } else if t.initial && {
            let mut buf = String::new();
            lower_into(w, &mut buf);
            lexicon::get().common.contains_key(buf.as_str())
        } {
            // "Carmaker Acme" at the start of a sentence
            d = x;
            break;
        } else if matches!(w, "States" | "Kingdom" | "Emirates")
            && x > 0
            && gazetteer_place(cx.span_text(x - 1, x + 1))
        {
            d = x - 1;
        } else {
            break;
        }
    }
    // a lone lowercase word before a name is not a description unless it
    // is the whole phrase ("the airline X" is, "bought airline X" is not)
    if d > 0 && matches!(cx.w(d - 1), "the" | "The") {
        d -= 1;
    }
    if cx.toks[d].start == cx.toks[a].start {
        return None;
    }
    Some(d)
}

/// A title written as a title: capitalised, not an acronym ("President",
/// "Mr.", not "CEO").
fn title_word_shape(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(|c| c.is_lowercase())
}

/// Whether the name ending before token `b` heads its noun phrase (then a
/// "the" before it belongs to the mention: "the United States", "the GAO
/// said"), rather than qualifying a noun ("the Acme store", "the Kremlin's
/// refusal").
fn heads_phrase(cx: &Ctx, b: usize) -> bool {
    let Some(t) = cx.toks.get(b) else {
        return true;
    };
    let w = t.text(cx.text);
    match t.kind {
        Kind::Num => false,
        Kind::Punct => !matches!(w, "'" | "’" | "-" | "$" | "#"),
        Kind::Word => {
            w.starts_with(|c: char| c.is_lowercase())
                && (title_lowercase(w)
                    || w.ends_with("ed")
                    || matches!(
                        w,
                        "said"
                            | "says"
                            | "has"
                            | "had"
                            | "have"
                            | "was"
                            | "were"
                            | "will"
                            | "would"
                            | "could"
                            | "can"
                            | "may"
                            | "might"
                            | "should"
                            | "must"
                            | "which"
                            | "who"
                            | "where"
                            | "when"
                            | "while"
                            | "after"
                            | "before"
                            | "since"
                            | "until"
                            | "because"
                            | "also"
                            | "not"
                            | "did"
                            | "does"
                            | "do"
                            | "announced"
                            | "made"
                            | "decided"
                            | "agreed"
                            | "added"
                            | "told"
                            | "reported"
                    ))
        }
    }
}

/// Lowercase nouns of products: a name just before one is a product's
/// ("Acme laptops", "the Aurora user interface").
fn product_noun_after(w: &str) -> bool {
    static L: List = list!("product_noun_after");
    L.contains(w)
}

/// Lowercase nouns before a product's name ("web browser Lynx").
fn product_noun_before(w: &str) -> bool {
    static L: List = list!("product_noun_before");
    L.contains(w)
}

/// Words of an apposition that say what a product is ("X, the newest
/// version of …", "X, the code name of the new version").
fn product_apposition(w: &str) -> bool {
    static L: List = list!("product_apposition");
    L.contains(w)
}

/// Words of an apposition that say it is an organisation or a person.
fn agent_apposition(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "maker"
            | "manufacturer"
            | "carrier"
            | "airline"
            | "group"
            | "agency"
            | "who"
            | "which"
            | "owner"
            | "producer"
            | "developer"
            | "retailer"
            | "giant"
    ) || lexicon::role_noun(w)
}

/// Whether the context of the name `a..b` says it names a product, and how
/// sure it is (1: a launch or an apposition; 0: a noun after it).
fn product_context(cx: &Ctx, a: usize, b: usize) -> Option<u8> {
    // before: "[unveiled] [the|its] [new] X", "web browser X", "named the X"
    let mut p = a;
    let mut newish = false;
    if p > 0
        && matches!(
            cx.w(p - 1),
            "new" | "latest" | "newest" | "upcoming" | "forthcoming" | "next-generation"
        )
    {
        newish = true;
        p -= 1;
    }
    let det = p > 0
        && matches!(
            cx.w(p - 1),
            "the" | "its" | "their" | "a" | "his" | "her" | "our" | "this"
        );
    if det {
        p -= 1;
    }
    // "the new X": but not "the new Acme factory"
    let after = cx.w(b);
    let after_lower_noun = cx.is_word(b)
        && after.starts_with(|c: char| c.is_lowercase())
        && !title_lowercase(after)
        && !product_noun_after(after)
        && cx.toks[b].space_before;
    if newish && det && !after_lower_noun {
        return Some(1);
    }
    if p > 0 && (det || newish) {
        let v = cx.w(p - 1);
        if matches!(
            v,
            "unveiled"
                | "unveils"
                | "unveil"
                | "unveiling"
                | "launched"
                | "launches"
                | "launch"
                | "launching"
                | "released"
                | "releases"
                | "release"
                | "releasing"
                | "introduced"
                | "introduces"
                | "introduce"
                | "introducing"
                | "shipped"
                | "ships"
        ) && !after_lower_noun
        {
            return Some(1);
        }
        if det && matches!(v, "named" | "dubbed" | "called") && !after_lower_noun {
            return Some(1);
        }
    }
    if a > 0 && product_noun_before(cx.w(a - 1)) {
        return Some(1);
    }
    // "Tata's Nano": one unknown word after a known company's possessive is
    // what it makes (not who speaks for it: "Acme's Lind said")
    if b == a + 1
        && a >= 3
        && cx.possessive_at(a - 2)
        && lexicon::get().organizations.contains(cx.w(a - 3))
        && !cx.name_at(b)
        && !lexicon::speech_verb(after)
        && !lexicon::get().given.contains(cx.w(a))
    {
        return Some(1);
    }
    // "the X was introduced"
    if matches!(after, "was" | "were" | "is" | "are" | "will")
        && matches!(
            cx.w(b + 1),
            "introduced" | "unveiled" | "launched" | "released" | "shipped"
        )
    {
        return Some(1);
    }
    // after: "X laptops", "X user interface", "X operating system", "X
    // and Y cars"
    if cx.is_word(b) && cx.toks[b].space_before {
        if product_noun_after(after) {
            return Some(0);
        }
        if after == "and" && cx.name_at(b + 1) && product_noun_after(cx.w(b + 2)) {
            return Some(0);
        }
        if matches!(after, "operating" | "user" | "web" | "mobile" | "media")
            && matches!(
                cx.w(b + 1),
                "system" | "systems" | "interface" | "browser" | "player"
            )
        {
            return Some(0);
        }
    }
    // an apposition: "X, the newest version of …"
    if after == "," && matches!(cx.w(b + 1), "the" | "a" | "an" | "its" | "their") {
        for x in b + 2..b + 8 {
            let Some(t) = cx.toks.get(x) else { break };
            if t.kind == Kind::Punct {
                break;
            }
            let w = t.text(cx.text);
            if agent_apposition(w) {
                break;
            }
            if product_apposition(w) {
                return Some(1);
            }
        }
    }
    None
}

/// Whether "he", "she", "his" or "her" follows the name ending before token
/// `b` (in the same part, within a few words, before any other name or an
/// "it"/"its").
fn pronoun_follows(cx: &Ctx, b: usize) -> bool {
    let mut buf = String::new();
    lower_into(cx.w(b), &mut buf);
    // "Goldman Sachs analyst … he": the pronoun is the analyst's
    if lexicon::role_noun(&buf) {
        return false;
    }
    for x in b..cx.toks.len().min(b + 16) {
        if cx.name_at(x) && !cx.toks[x].initial {
            return false;
        }
        match cx.w(x) {
            "he" | "she" | "his" | "her" | "him" | "He" | "She" | "His" | "Her" => return true,
            "it" | "its" | "It" | "Its" | "they" | "their" | "They" | "Their" => return false,
            _ => {}
        }
    }
    false
}

/// The type of the name `a..b`, how sure it is, and whether it came from a
/// place gazetteer.
fn classify(
    cx: &mut Ctx,
    a: usize,
    b: usize,
    surface: &str,
    person_cue: bool,
    speech_after: bool,
) -> (EntityKind, u8, bool) {
    use EntityKind::*;
    let lex = lexicon::get();
    let first = cx.w(a);
    let last = cx.w(b - 1);
    let single = b - a == 1;
    if lexicon::market_index(surface) {
        return (Product, 3, false);
    }
    // "the Hang Seng index", "the Baltic Dry index": a market's index,
    // which no annotation counts as an organisation
    if cx.w(b) == "index" || (cx.w(b) == "composite" && cx.w(b + 1) == "index") {
        return (Product, 2, false);
    }
    // a company named after a city ("Toyota") is the company in the news
    if lex.organizations.contains(surface) {
        return (Organization, 3, false);
    }
    if lex.countries.contains_key(surface) || lex.places.contains(surface) {
        return (Place, 3, true);
    }
    // "NEW YORK (Reuters)": a dateline in capitals
    if (a..b).all(|x| is_all_caps(cx.w(x)) || lexicon::connector(cx.w(x))) && surface.len() > 3 {
        let mut t = String::with_capacity(surface.len());
        let mut up = true;
        for c in surface.chars() {
            if up {
                t.extend(c.to_uppercase());
            } else {
                t.extend(c.to_lowercase());
            }
            up = c == ' ' || c == '-';
        }
        if lex.countries.contains_key(t.as_str()) || lex.places.contains(t.as_str()) {
            return (Place, 3, true);
        }
        if lex.organizations.contains(t.as_str()) {
            return (Organization, 3, false);
        }
        // "the KOSPI": a market's index the list knows in title case
        if lexicon::market_index(t.as_str()) {
            return (Product, 3, false);
        }
        // "By ANNA KOVAL": a person's name set in capitals, a given name first
        if (2..=3).contains(&(b - a)) && (a..b).all(|x| is_all_caps(cx.w(x))) && {
            let (head, tail) = (title_case(first), title_case(last));
            given_name(&head, &mut cx.buf)
                && !gazetteer_place(&head)
                && !lexicon::org_head(&tail)
                && !lexicon::place_head(&tail)
        } {
            return (Person, 2, false);
        }
    }
    if single {
        if let Some(stem) = first.strip_suffix('s') {
            if lex.demonyms.contains_key(stem) {
                return (Group, 3, true);
            }
        }
        if lexicon::group_word(first) {
            return (Group, 3, true);
        }
        if lex.demonyms.contains_key(first) {
            // "German magazine", "Irish markets": the adjective names the place
            return (Place, 2, true);
        }
        if lexicon::holiday(first) {
            return (Event, 2, false);
        }
    }
    if is_camel(first) || has_digit(first) {
        return (Product, 2, false);
    }
    if !single {
        // "the Hang Seng Index", "the MSCI World Index": a market's index
        if matches!(last, "Index" | "Indices" | "Average") && !lexicon::org_head(first) {
            return (Product, 2, false);
        }
        // "MacBook Pro", "Joint Strike Fighter"
        if lexicon::product_head(last)
            && !gazetteer_place(first)
            && !lex.demonyms.contains_key(first)
        {
            return (Product, 2, false);
        }
        if lexicon::org_head(last) {
            // "Korean Air", but "MacBook Air" (a product in context)
            let weak =
                last == "Air" && !lex.demonyms.contains_key(first) && !gazetteer_place(first);
            return (Organization, if weak { 1 } else { 2 }, false);
        }
        if lexicon::place_head(last) || lexicon::place_prefix(first) {
            return (Place, 2, false);
        }
        if lexicon::event_head(last) || lexicon::holiday(first) {
            return (Event, 2, false);
        }
        if lexicon::work_head(last) {
            return (Work, 2, false);
        }
        if lexicon::org_head(first) && (a..b).any(|x| cx.w(x) == "of") {
            return (Organization, 2, false);
        }
        // "House of Representatives", "House of Lords": a chamber (or a
        // dynasty, a firm), not a building
        if matches!(first, "House" | "Houses") && cx.w(a + 1) == "of" {
            return (Organization, 1, false);
        }
        if lexicon::of_head(first) && (a..b).any(|x| cx.w(x) == "of") {
            return (Place, 1, false);
        }
    }
    // "the Halewood plant": a works named after where it stands
    if lexicon::facility_noun(cx.w(b)) && !person_cue {
        return (Place, 1, false);
    }
    // "an analyst at Keller", "economists at Halden Bank": where people
    // work, unless it is a known place
    if !gazetteer_place(surface) && works_at(cx, a) {
        return (Organization, 2, false);
    }
    if person_cue {
        return (Person, 2, false);
    }
    // "Royal Shrewsbury hospital", "Frimley Park station": what the noun
    // after the name says it is ("city", "state", "town", "village" only
    // after one word: "Jane Doe state senator")
    if !single {
        let after = cx.w(b);
        if lexicon::org_noun_after(after) {
            return (Organization, 1, false);
        }
        if lexicon::place_noun_after(after)
            && !matches!(after, "city" | "state" | "town" | "village")
        {
            return (Place, 1, false);
        }
    }
    // "Hartwell chief executive Dana Morrow": the employer before a role
    // and a person's name (not a place: "Texas governor Rick Perry")
    if lexicon::employer_role(cx.w(b))
        && !gazetteer_place(surface)
        && !lex.demonyms.contains_key(first)
    {
        let mut k = b + 1;
        while k < b + 3 && lexicon::employer_role(cx.w(k)) {
            k += 1;
        }
        if cx.is_word(k) && is_name_word(cx.w(k)) && !lexicon::person_title(cx.w(k)) {
            return (Organization, 1, false);
        }
    }
    if !single && lex.countries.contains_key(last) {
        // "Air India", "Garuda Indonesia"
        return (Organization, 1, false);
    }
    // a name in quotes: a title or a nickname
    if a > 0 && matches!(cx.w(a - 1), "“" | "\"" | "‘") && matches!(cx.w(b), "”" | "\"" | "’")
    {
        return (Work, 1, false);
    }
    // "Standard & Poor's warned": an ampersand joins the names of a firm,
    // not a person's
    if !single && (a..b).any(|x| cx.w(x) == "&") {
        return (Organization, 1, false);
    }
    // "the Elysee said": "the" does not introduce a person's name alone,
    // nor one that speaks
    let after_the = a > 0 && cx.w(a - 1).eq_ignore_ascii_case("the");
    if !single {
        // (but "the Joe Welch quote": a person's name as a modifier)
        let given_first = given_name(first, &mut cx.buf) && !gazetteer_place(first);
        // "Luiz Inacio Lula da Silva": particles do not count
        let words = (a..b).filter(|&x| !lexicon::name_particle(cx.w(x))).count();
        if given_first && words <= 4 {
            return (Person, 1, false);
        }
        if b - a == 2 && lexicon::strip_name_prefix(last).len() != last.len() {
            return (Person, 1, false);
        }
        // "Jusman Syafii Djamal said" (but "analysts at Goldman Sachs said")
        // (but "the Grey House said": a building speaks for who is in it)
        if speech_after
            && b - a <= 3
            && !lexicon::place_head(last)
            && last != "House"
            && !after_the
            && !matches!(
                cx.w(a.wrapping_sub(1)),
                "at" | "from" | "of" | "with" | "by" | "for" | "in"
            )
        {
            return (Person, 1, false);
        }
    }
    // "Tarquin Veldt … he": a personal pronoun before any other name
    if !single && b - a <= 3 && pronoun_follows(cx, b) {
        return (Person, 1, false);
    }
    if single && is_all_caps(first) {
        // "Springfield, IL", "New York City, NY": a state's code after a
        // town and a comma
        let after_place = first.len() == 2
            && a >= 2
            && cx.w(a - 1) == ","
            && (2..=4).any(|n| a >= n && gazetteer_place(cx.span_text(a - n, a - 1)));
        if after_place {
            return (Place, 1, false);
        }
        return (Organization, 1, false);
    }
    // "in Cupertino", "Everett, Washington"
    if single && a > 0 {
        let prev = cx.w(a - 1);
        let after_comma_place = cx.w(b) == "," && {
            let nx = cx.w(b + 1);
            lex.places.contains(nx) || lex.countries.contains_key(nx)
        };
        let place_word_after = lexicon::place_noun_after(cx.w(b));
        let in_place = matches!(prev, "in" | "near" | "outside" | "across")
            && cx.common_rank(a).is_none_or(|r| r >= 3000);
        if in_place || after_comma_place || place_word_after {
            return (Place, 1, false);
        }
    }
    // a given name alone ("Steve")
    if single && !after_the && given_name(first, &mut cx.buf) && cx.common_rank(a).is_none() {
        return (Person, 0, false);
    }
    (Organization, 0, false)
}

//! Search across the articles of a set: words, "quoted phrases", prefixes
//! (`harb*`, and the last word while it is being typed) and entity names
//! with their aliases; ranked, with snippet ranges.
//!
//! The index is a sorted map from a word's key to its postings (article,
//! part, word position, byte range) plus a sorted map from the names and
//! aliases of the set's entities to the entities. Both are sorted by key,
//! so they cut into shards by key range: a query needs only the shards of
//! its words (docs/design.md, "The set's indexes").

use std::collections::{BTreeMap, HashSet};

pub mod facets;
pub mod shards;

use super::index::sentence_of;
use super::link::Linking;
use crate::analysis::{Analysis, Span};
use crate::article::Article;

/// One occurrence of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    pub article: u32,
    pub part: u32,
    /// Word position in its part.
    pub pos: u32,
    pub start: u32,
    pub end: u32,
}

impl Posting {
    fn span(&self) -> Span {
        Span::new(self.part as usize, self.start as usize, self.end as usize)
    }
}

/// The search index of a set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Word key → postings in (article, part, pos) order.
    pub terms: BTreeMap<String, Vec<Posting>>,
    /// Normal form of an entity's name or alias → set-level entities.
    pub names: BTreeMap<String, Vec<usize>>,
    /// Per article, the mentions of each set-level entity.
    mentions: Vec<BTreeMap<usize, Vec<Span>>>,
    articles: usize,
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<String>,
    pub prefixes: Vec<String>,
    pub phrases: Vec<Vec<String>>,
    /// The query's words as one name (for entity names), if any.
    pub name: Option<String>,
}

/// One passage to show: a sentence and the ranges to highlight in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub sentence: Span,
    /// Inside `sentence`, in order, never overlapping.
    pub marks: Vec<Span>,
}

/// One article found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub article: usize,
    pub score: f64,
    /// Best passages first.
    pub snippets: Vec<Snippet>,
    /// Set-level entities the query named.
    pub entities: Vec<usize>,
}

/// Whether `c` continues a word: letters, digits and combining marks.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks of the common blocks (Latin, Arabic, Hebrew, Indic
/// vowel signs are alphabetic already).
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0xFE20..=0xFE2F | 0x200D | 0xFE0F)
}

/// The key of a word: lowercase, without combining marks.
pub fn word_key(w: &str) -> String {
    w.chars()
        .filter(|c| !is_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a text with their byte ranges.
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        // an apostrophe or a dot inside a word keeps it whole ("U.S.", "don't")
        let inner = matches!(c, '\'' | '’' | '.')
            && start.is_some()
            && text[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if word_char(c) || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The keys of a name, joined by spaces ("the U.S." → "u.s").
fn name_key(name: &str) -> String {
    let ws: Vec<String> = words(name)
        .into_iter()
        .map(|(s, e)| word_key(&name[s..e]))
        .collect();
    let ws: &[String] = match ws.split_first() {
        Some((first, rest)) if first == "the" && !rest.is_empty() => rest,
        _ => &ws,
    };
    ws.join(" ")
}

/// Reads a query: `"quoted phrases"`, `prefix*`, words; the last word is
/// also a prefix while it is being typed (no space after it).
pub fn parse_query(q: &str) -> Query {
    let mut query = Query::default();
    let mut all = Vec::new();
    for (i, chunk) in q.split('"').enumerate() {
        let ws: Vec<&str> = words(chunk)
            .into_iter()
            .map(|(s, e)| &chunk[s..e])
            .collect();
        if i % 2 == 1 {
            let phrase: Vec<String> = ws.iter().map(|w| word_key(w)).collect();
            all.extend(phrase.iter().cloned());
            match phrase.len() {
                0 => {}
                1 => query.words.extend(phrase),
                _ => query.phrases.push(phrase),
            }
            continue;
        }
        let ranges = words(chunk);
        for (j, (s, e)) in ranges.iter().enumerate() {
            let key = word_key(&chunk[*s..*e]);
            all.push(key.clone());
            let starred = chunk[*e..].starts_with('*');
            let typing =
                j + 1 == ranges.len() && *e == chunk.len() && i + 1 == q.split('"').count();
            if starred || typing {
                query.prefixes.push(key);
            } else {
                query.words.push(key);
            }
        }
    }
    if !all.is_empty() {
        let n = all.join(" ");
        query.name = Some(name_key(&n));
    }
    query
}

impl SearchIndex {
    /// Indexes every part of every article, and the names of the set's
    /// entities.
    pub fn build(set: &[(Article, Analysis)], linking: &Linking) -> SearchIndex {
        let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        for (a, (article, _)) in set.iter().enumerate() {
            for (p, text) in article.parts().iter().enumerate() {
                for (pos, (s, e)) in words(text).into_iter().enumerate() {
                    terms
                        .entry(word_key(&text[s..e]))
                        .or_default()
                        .push(Posting {
                            article: a as u32,
                            part: p as u32,
                            pos: pos as u32,
                            start: s as u32,
                            end: e as u32,
                        });
                }
            }
        }
        let mut names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in linking.entities.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let k = name_key(n);
                if !k.is_empty() {
                    let list = names.entry(k).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let mut mentions = vec![BTreeMap::new(); set.len()];
        for (a, (_, analysis)) in set.iter().enumerate() {
            for (i, ent) in analysis.entities.iter().enumerate() {
                if let Some(&e) = linking.of.get(a).and_then(|of| of.get(i)) {
                    let list: &mut Vec<Span> = mentions[a].entry(e).or_default();
                    list.extend(ent.mentions.iter().copied());
                }
            }
        }
        SearchIndex {
            terms,
            names,
            mentions,
            articles: set.len(),
        }
    }

    /// The postings of every word starting with `prefix` (at most 64 words).
    fn prefixed(&self, prefix: &str) -> Vec<&Posting> {
        self.terms
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .take(64)
            .flat_map(|(_, v)| v.iter())
            .collect()
    }

    /// Postings of the first word of each match of `phrase`, with the span
    /// of the whole match.
    fn phrase(&self, phrase: &[String]) -> Vec<(u32, Span)> {
        let Some(first) = phrase.first().and_then(|w| self.terms.get(w)) else {
            return Vec::new();
        };
        let mut later: Vec<HashSet<(u32, u32, u32)>> = Vec::new();
        let mut ends: Vec<BTreeMap<(u32, u32, u32), u32>> = Vec::new();
        for w in &phrase[1..] {
            let ps = self.terms.get(w).map(Vec::as_slice).unwrap_or(&[]);
            later.push(ps.iter().map(|p| (p.article, p.part, p.pos)).collect());
            ends.push(
                ps.iter()
                    .map(|p| ((p.article, p.part, p.pos), p.end))
                    .collect(),
            );
        }
        first
            .iter()
            .filter(|p| {
                later
                    .iter()
                    .enumerate()
                    .all(|(k, set)| set.contains(&(p.article, p.part, p.pos + 1 + k as u32)))
            })
            .map(|p| {
                let n = phrase.len() as u32 - 1;
                let end = ends
                    .last()
                    .and_then(|m| m.get(&(p.article, p.part, p.pos + n)).copied())
                    .unwrap_or(p.end);
                (
                    p.article,
                    Span::new(p.part as usize, p.start as usize, end as usize),
                )
            })
            .collect()
    }

    /// The articles that match every part of the query (or name one of the
    /// entities it names), best first, at most `limit`.
    pub fn search(&self, set: &[(Article, Analysis)], q: &str, limit: usize) -> Vec<Hit> {
        let query = parse_query(q);
        // each element of the query: per article, the spans it matched
        let mut elements: Vec<BTreeMap<u32, Vec<Span>>> = Vec::new();
        let mut add = |hits: Vec<(u32, Span)>| {
            let mut m: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
            for (a, s) in hits {
                m.entry(a).or_default().push(s);
            }
            elements.push(m);
        };
        for w in &query.words {
            let ps = self.terms.get(w).map(Vec::as_slice).unwrap_or(&[]);
            add(ps.iter().map(|p| (p.article, p.span())).collect());
        }
        for w in &query.prefixes {
            add(self
                .prefixed(w)
                .into_iter()
                .map(|p| (p.article, p.span()))
                .collect());
        }
        for ph in &query.phrases {
            add(self.phrase(ph));
        }
        // entities the whole query names, by name or alias
        let entities: Vec<usize> = query
            .name
            .as_ref()
            .and_then(|n| self.names.get(n))
            .cloned()
            .unwrap_or_default();
        let mut by_entity: BTreeMap<u32, Vec<Span>> = BTreeMap::new();
        for &e in &entities {
            for (a, m) in self.mentions.iter().enumerate() {
                if let Some(spans) = m.get(&e) {
                    by_entity.entry(a as u32).or_default().extend(spans);
                }
            }
        }
        let counts: Vec<Counts> = elements.iter().map(counts_of).collect();
        let named: Vec<(u32, u32)> = by_entity
            .iter()
            .map(|(a, spans)| (*a, spans.len() as u32))
            .collect();
        let mut hits: Vec<Hit> = Vec::new();
        for (a, score) in scored(&counts, &named, self.articles) {
            let mut marks: Vec<Span> = Vec::new();
            for m in &elements {
                if let Some(spans) = m.get(&a) {
                    marks.extend(spans);
                }
            }
            if let Some(spans) = by_entity.get(&a) {
                marks.extend(spans);
            }
            let snippets = snippets(&set[a as usize].1, marks);
            hits.push(Hit {
                article: a as usize,
                score,
                snippets,
                entities: entities.clone(),
            });
        }
        hits.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| {
                    let date = |h: &Hit| set[h.article].0.meta.date.clone();
                    date(y).cmp(&date(x))
                })
                .then(x.article.cmp(&y.article))
        });
        hits.truncate(limit);
        hits
    }
}

/// Per article, how often one element of a query matched it: (article,
/// (matches, matches in the title)), in article order, each article once.
pub type Counts = Vec<(u32, (u32, u32))>;

fn counts_of(spans: &BTreeMap<u32, Vec<Span>>) -> Counts {
    spans
        .iter()
        .map(|(a, s)| {
            let title = s.iter().filter(|s| s.part == 0).count() as u32;
            (*a, (s.len() as u32, title))
        })
        .collect()
}

/// The counts of `article` in `m`, if it matched.
fn count_in(m: &Counts, article: u32) -> Option<(u32, u32)> {
    m.binary_search_by_key(&article, |x| x.0)
        .ok()
        .map(|i| m[i].1)
}

/// The articles a query finds and their scores, in article order: those
/// that every element matched (`elements`), and those naming an entity the
/// query names (`named`: (article, mentions), in article order). Scores:
/// idf-weighted log frequency per element, title matches counted again;
/// the entity weighted double. Both the whole index and its shards rank
/// this way.
pub fn scored(elements: &[Counts], named: &[(u32, u32)], articles: usize) -> Vec<(u32, f64)> {
    if elements.is_empty() && named.is_empty() {
        return Vec::new();
    }
    let n = articles.max(1) as f64;
    let mut found: Vec<u32> = named.iter().map(|x| x.0).collect();
    if let Some((first, rest)) = elements.split_first() {
        found.extend(
            first
                .iter()
                .map(|x| x.0)
                .filter(|&a| rest.iter().all(|m| count_in(m, a).is_some())),
        );
    }
    found.sort_unstable();
    found.dedup();
    let idf: Vec<f64> = elements
        .iter()
        .map(|m| (1.0 + n / m.len().max(1) as f64).ln())
        .collect();
    let named_idf = (1.0 + n / named.len().max(1) as f64).ln();
    found
        .into_iter()
        .map(|a| {
            let mut score = 0.0;
            for (m, idf) in elements.iter().zip(&idf) {
                let Some((count, title)) = count_in(m, a) else {
                    continue;
                };
                score += idf * (1.0 + f64::from(count.max(1)).ln() + f64::from(title));
            }
            if let Ok(i) = named.binary_search_by_key(&a, |x| x.0) {
                let count = named[i].1;
                score += 2.0 * named_idf * (1.0 + f64::from(count.max(1)).ln());
            }
            (a, score)
        })
        .collect()
}

/// The sentences holding `marks`, those with the most marks first (then in
/// document order), at most three, each with its marks merged and in order.
fn snippets(analysis: &Analysis, mut marks: Vec<Span>) -> Vec<Snippet> {
    marks.sort();
    marks.dedup();
    let mut by_sentence: BTreeMap<Span, Vec<Span>> = BTreeMap::new();
    for m in marks {
        let s = sentence_of(&analysis.sentences, m).unwrap_or(m);
        let list = by_sentence.entry(s).or_default();
        match list.last_mut() {
            Some(last) if last.end >= m.start => last.end = last.end.max(m.end),
            _ => list.push(m),
        }
    }
    let mut out: Vec<Snippet> = by_sentence
        .into_iter()
        .map(|(sentence, marks)| Snippet { sentence, marks })
        .collect();
    out.sort_by(|a, b| {
        b.marks
            .len()
            .cmp(&a.marks.len())
            .then(a.sentence.cmp(&b.sentence))
    });
    out.truncate(3);
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::article::parse_article;
    use crate::set::link;

    pub(super) fn sample() -> (Vec<(Article, Analysis)>, SearchIndex) {
        let files = [
            (
                "a.md",
                "+++\ntitle = \"Harbour talks resume\"\ndate = \"2024-03-01\"\n+++\n\n\
                 Mayor Jane Okafor met officials in Lagos on Monday. \
                 The harbour board said the new harbour opens next year.\n",
            ),
            (
                "b.md",
                "+++\ntitle = \"Budget vote\"\ndate = \"2024-05-02\"\n+++\n\n\
                 Mayor Okafor said the budget vote in Lagos was close. The board of the harbour met too.\n",
            ),
            (
                "c.md",
                "+++\ntitle = \"Visitors\"\n+++\n\n\
                 Visitors from the United States came. مرحبا بالعالم 👋🏽 café e\u{301}te\u{301}.\n",
            ),
            (
                "d.md",
                "+++\ntitle = \"Trade\"\n+++\n\nThe U.S. trade office said nothing.\n",
            ),
        ];
        let set: Vec<(Article, Analysis)> = files
            .iter()
            .map(|(n, t)| {
                let a = parse_article(n, t.as_bytes()).expect("parses");
                let an = crate::analyze(&a.parts(), a.meta.date.as_deref());
                (a, an)
            })
            .collect();
        let ents: Vec<&[crate::analysis::Entity]> =
            set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        let idx = SearchIndex::build(&set, &link(&ents));
        (set, idx)
    }

    fn articles(hits: &[Hit]) -> Vec<usize> {
        hits.iter().map(|h| h.article).collect()
    }

    fn marked(set: &[(Article, Analysis)], h: &Hit) -> Vec<String> {
        let parts = set[h.article].0.parts();
        h.snippets
            .iter()
            .flat_map(|s| s.marks.iter().map(|m| m.text(&parts).to_string()))
            .collect::<Vec<_>>()
    }

    #[test]
    fn parses_words_phrases_and_prefixes() {
        let q = parse_query("Harbour \"new harbour\" bud* voi");
        assert_eq!(q.words, vec!["harbour".to_string()]);
        assert_eq!(
            q.phrases,
            vec![vec!["new".to_string(), "harbour".to_string()]]
        );
        assert_eq!(q.prefixes, vec!["bud".to_string(), "voi".to_string()]);
        // a space after the last word: typed out, an exact word
        assert_eq!(parse_query("vote ").words, vec!["vote".to_string()]);
        assert!(parse_query("vote ").prefixes.is_empty());
        assert_eq!(parse_query("").name, None);
        assert!(parse_query("\"\"").phrases.is_empty());
    }

    #[test]
    fn words_rank_titles_and_frequency_first() {
        let (set, idx) = sample();
        let hits = idx.search(&set, "harbour ", 10);
        // a: in the title and twice in the body; b: once
        assert_eq!(articles(&hits), vec![0, 1]);
        assert!(hits[0].score > hits[1].score);
        for h in &hits {
            assert!(marked(&set, h)
                .iter()
                .all(|m| m.eq_ignore_ascii_case("harbour")));
        }
        // every word must match
        assert_eq!(articles(&idx.search(&set, "harbour budget ", 10)), vec![1]);
        assert!(idx.search(&set, "harbour zebra ", 10).is_empty());
        assert!(idx.search(&set, "   ", 10).is_empty());
    }

    #[test]
    fn phrases_need_the_words_in_order() {
        let (set, idx) = sample();
        let hits = idx.search(&set, "\"new harbour\"", 10);
        assert_eq!(articles(&hits), vec![0]);
        assert_eq!(marked(&set, &hits[0]), vec!["new harbour".to_string()]);
        assert!(idx.search(&set, "\"harbour new\"", 10).is_empty());
        assert_eq!(
            articles(&idx.search(&set, "\"harbour board\"", 10)),
            vec![0]
        );
    }

    #[test]
    fn prefixes_match_while_typing() {
        let (set, idx) = sample();
        assert_eq!(articles(&idx.search(&set, "budg", 10)), vec![1]);
        assert_eq!(articles(&idx.search(&set, "harb* vot", 10)), vec![1]);
        assert!(
            idx.search(&set, "budg ", 10).is_empty(),
            "typed out: a word"
        );
    }

    #[test]
    fn entity_names_and_aliases_find_every_article_naming_it() {
        let (set, idx) = sample();
        // the surname alone finds both articles, through the linked entity
        let hits = idx.search(&set, "Jane Okafor ", 10);
        assert_eq!(articles(&hits), vec![0, 1]);
        assert!(!hits[0].entities.is_empty());
        let marks = marked(&set, &hits[1]);
        assert!(marks.iter().any(|m| m.ends_with("Okafor")), "{marks:?}");
        // one country under two names
        let us = articles(&idx.search(&set, "United States ", 10));
        assert!(us.contains(&2) && us.contains(&3), "{us:?}");
    }

    #[test]
    fn snippets_are_sentences_with_marks_inside_in_any_script() {
        let (set, idx) = sample();
        for q in ["بالعالم ", "café ", "ete ", "e\u{301}te\u{301} "] {
            let hits = idx.search(&set, q, 10);
            assert_eq!(articles(&hits), vec![2], "{q}");
            let parts = set[2].0.parts();
            let s = &hits[0].snippets[0];
            assert!(
                s.sentence.text(&parts).contains("Visitors")
                    || s.sentence.text(&parts).contains("مرحبا")
            );
            // the snippet is a sentence of the analysis, which a link names
            let n = set[2].1.sentence_index(s.sentence).expect("a sentence");
            assert_eq!(set[2].1.sentences[n], s.sentence);
            for m in &s.marks {
                assert_eq!(m.part, s.sentence.part);
                assert!(s.sentence.start <= m.start && m.end <= s.sentence.end);
                // byte ranges on char boundaries
                assert!(parts[m.part].get(m.start..m.end).is_some());
            }
        }
        let hits = idx.search(&set, "harbour ", 10);
        let s = &hits[0].snippets[0];
        let parts = set[0].0.parts();
        assert_eq!(s.marks.len(), 2, "the sentence with both mentions first");
        assert!(s.sentence.text(&parts).starts_with("The harbour board"));
        assert_eq!(idx.search(&set, "harbour ", 1).len(), 1);
    }
}

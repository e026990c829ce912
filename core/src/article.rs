//! The article model: metadata plus a list of blocks, each with its plain text.
//!
//! Parsing lives in [`parse`]; the model itself is plain data that the build
//! script serialises into the app.

#[cfg(feature = "import")]
mod import;
mod parse;

use serde::{Deserialize, Serialize};

#[cfg(feature = "import")]
pub use import::{
    declared_charset, format_of, import, import_pasted_html, import_pasted_html_staged,
    import_pasted_text, import_staged, title_from_name, Format, ImportError, ImportErrorKind,
    ParsedPage, Parsing, Staged, CHARSET_SCAN_BYTES, MAX_IMPORT_BYTES,
};
pub use parse::{parse_article, slug_for_path, ArticleError};

/// One article of the set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// URL-safe identifier, derived from the file name.
    pub slug: String,
    pub meta: Meta,
    /// Byte offset of the title text in the source file, when the title
    /// appears there verbatim.
    pub title_source: Option<usize>,
    pub blocks: Vec<Block>,
}

/// Front matter of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: String,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`); `None` for undated articles.
    pub date: Option<String>,
    pub section: Option<String>,
    pub source: Option<String>,
    pub summary: Option<String>,
    pub license: Option<String>,
    /// The author or authors, as the page or front matter gives them.
    #[serde(default)]
    pub byline: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    Paragraph,
    /// A heading with its level, 1 to 6.
    Heading(u8),
    /// A paragraph inside a block quote.
    Quote,
    /// One item of a list.
    ListItem,
}

/// A block of the body: its plain text plus inline styles over that text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// The text as a reader sees it, without Markdown markup.
    pub text: String,
    /// Inline styles as byte ranges of `text`, sorted by start; they nest
    /// (emphasis inside a link) but never partially overlap.
    pub styles: Vec<Style>,
    /// Runs of `text` that appear verbatim in the source file, sorted.
    pub source: Vec<SourceRun>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Style {
    pub start: usize,
    pub end: usize,
    pub kind: StyleKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StyleKind {
    Emphasis,
    Strong,
    Code,
    /// A link; the target is always an `http:` or `https:` URL.
    Link(String),
}

/// `text[text..text + len]` equals `source_file[source..source + len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRun {
    pub text: usize,
    pub source: usize,
    pub len: usize,
}

impl Block {
    /// Maps a byte offset of `text` to the source file, if that byte lies in
    /// (or just at the end of) a verbatim run.
    pub fn source_offset(&self, at: usize) -> Option<usize> {
        self.source
            .iter()
            .find(|r| r.text <= at && at <= r.text + r.len)
            .map(|r| r.source + (at - r.text))
    }
}

impl Article {
    /// The texts the analysis reads: the title first, then every block.
    /// Positions in an [`crate::Analysis`] refer to indices of this list.
    pub fn parts(&self) -> Vec<&str> {
        std::iter::once(self.meta.title.as_str())
            .chain(self.blocks.iter().map(|b| b.text.as_str()))
            .collect()
    }

    /// Maps a byte offset in part `part` (see [`Article::parts`]) to the
    /// source file.
    pub fn source_offset(&self, part: usize, at: usize) -> Option<usize> {
        if part == 0 {
            self.title_source.map(|s| s + at)
        } else {
            self.blocks.get(part - 1)?.source_offset(at)
        }
    }

    /// Maps a byte range of part `part` to a byte range of the source file.
    /// Where an end falls on text that is not verbatim in the source (a
    /// space that stands for a line break, an unescaped character), it moves
    /// inward to the nearest byte that is.
    pub fn source_range(&self, part: usize, start: usize, end: usize) -> Option<(usize, usize)> {
        if part == 0 {
            let s = self.title_source?;
            return Some((s + start, s + end));
        }
        let runs = &self.blocks.get(part - 1)?.source;
        let s = runs
            .iter()
            .find(|r| start < r.text + r.len && r.text + r.len > start.max(r.text))
            .map(|r| r.source + start.saturating_sub(r.text))?;
        let e = runs
            .iter()
            .rev()
            .find(|r| r.text < end)
            .map(|r| r.source + (end.min(r.text + r.len) - r.text))?;
        (s < e).then_some((s, e))
    }

    /// Number of words in the body, for the reading time.
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| words(&b.text)).sum()
    }

    /// Reading time in whole minutes (at least one), at 230 words a minute.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }

    /// The summary, or the opening of the first paragraph cut at a word
    /// boundary to at most `max` bytes (with an ellipsis when cut).
    pub fn teaser(&self, max: usize) -> String {
        if let Some(s) = &self.meta.summary {
            return s.clone();
        }
        let first = self
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .or(self.blocks.first())
            .map(|b| b.text.as_str())
            .unwrap_or("");
        if first.len() <= max {
            return first.to_string();
        }
        let mut cut = max;
        while !first.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &first[..cut];
        let head = head.rsplit_once(' ').map(|(h, _)| h).unwrap_or(head);
        format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
    }
}

/// The words of `text` as `split_whitespace` counts them, a byte at a time
/// where the text is ASCII (a long article's reading time is counted when
/// the app starts).
fn words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, len) = if b < 0x80 {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            n += 1;
        }
        in_word = !space;
        i += len;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in [
            "",
            "  ",
            "one",
            " one  two\tthree\nfour\r\n",
            "a\u{0B}b\u{0C}c\u{85}d",
            "non\u{A0}breaking and\u{2003}em\u{3000}space",
            "مرحبا بالعالم 🎉 e\u{301}te\u{301} ok",
            "👩\u{200D}👩\u{200D}👧 family\u{2028}line",
        ] {
            assert_eq!(words(t), t.split_whitespace().count(), "{t:?}");
        }
    }
}

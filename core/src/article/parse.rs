//! Reading article files: TOML front matter plus a Markdown body (`.md`), or
//! a scraped page as plain text (`.txt`).
//!
//! Every error names the file and the line it is about.

use std::fmt;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use toml::Spanned;

use super::{Article, Block, BlockKind, Meta, SourceRun, Style, StyleKind};

/// Largest article file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// What is wrong with an article file, and where: displays as
/// `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleError {
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for ArticleError {}

struct Ctx<'a> {
    path: &'a str,
    src: &'a str,
}

impl Ctx<'_> {
    fn err_at(&self, offset: usize, message: impl Into<String>) -> ArticleError {
        ArticleError {
            path: self.path.to_string(),
            line: line_of(self.src.as_bytes(), offset),
            message: message.into(),
        }
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    let end = offset.min(bytes.len());
    1 + bytes[..end].iter().filter(|&&b| b == b'\n').count()
}

/// The slug of an article file: its file name without extension, without a
/// leading ordering number (`000-`, `12_`), lowercased, with every run of
/// characters other than ASCII letters and digits turned into one `-`.
pub fn slug_for_path(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(name);
    let unnumbered = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    let unnumbered = unnumbered.trim_start_matches(['-', '_']);
    let base = if unnumbered.chars().any(|c| c.is_ascii_alphanumeric()) {
        unnumbered
    } else {
        stem
    };
    let mut slug = String::new();
    for c in base.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

/// Parses one article file. `path` decides the format (`.md` or `.txt`) and
/// names the file in errors.
pub fn parse_article(path: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
    let src = match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(ArticleError {
                path: path.to_string(),
                line: line_of(bytes, at),
                message: format!(
                    "not valid UTF-8 (bad byte at offset {at}); save the file as UTF-8"
                ),
            });
        }
    };
    let ctx = Ctx { path, src };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ctx.err_at(
            0,
            format!(
                "file is {} bytes, more than the {} bytes an article may have",
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    if src.contains('\0') {
        let at = src.find('\0').unwrap_or(0);
        return Err(ctx.err_at(at, "contains a NUL character; is this a text file?"));
    }
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        parse_markdown_article(&ctx)
    } else if lower.ends_with(".txt") {
        parse_text_article(&ctx)
    } else {
        Err(ctx.err_at(
            0,
            "unsupported file type: an article is a `.md` (front matter + Markdown) or a `.txt` file",
        ))
    }
}

/// Reads `src` as a `.md` article (front matter required), without the size
/// and content checks of [`parse_article`].
#[cfg(feature = "import")]
pub(super) fn parse_markdown_str(path: &str, src: &str) -> Result<Article, ArticleError> {
    parse_markdown_article(&Ctx { path, src })
}

/// Reads `src` as a `.txt` article, without the size and content checks of
/// [`parse_article`].
#[cfg(feature = "import")]
pub(super) fn parse_text_str(path: &str, src: &str) -> Result<Article, ArticleError> {
    parse_text_article(&Ctx { path, src })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    section: Option<String>,
    source: Option<String>,
    summary: Option<String>,
    license: Option<String>,
    byline: Option<String>,
}

/// The lines of `src` with their byte ranges (without the line break).
pub(super) fn lines_with_offsets(src: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut pos = 0;
    src.split_inclusive('\n').map(move |raw| {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches('\n').trim_end_matches('\r');
        (start..start + line.len(), line)
    })
}

fn parse_markdown_article(ctx: &Ctx) -> Result<Article, ArticleError> {
    let src = ctx.src;
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_with_offsets(src).skip_while(|(r, _)| r.end <= start);
    let first = lines.next();
    match first {
        Some((_, l)) if l.trim_start_matches('\u{feff}').trim_end() == "+++" => {}
        _ => {
            return Err(ctx.err_at(
                start,
                "expected front matter: the file must start with a `+++` line, then `title = \"...\"`, then `+++`",
            ))
        }
    }
    let fm_start = first.map(|(r, _)| r.end).unwrap_or(start);
    let fm_start = (fm_start + 1).min(src.len());
    let close = lines.find(|(_, l)| l.trim_end() == "+++");
    let Some((close_range, _)) = close else {
        return Err(ctx.err_at(
            start,
            "front matter opened here is never closed by a `+++` line",
        ));
    };
    let fm_src = &src[fm_start..close_range.start];
    let fm: FrontMatter = toml::from_str(fm_src).map_err(|e| {
        let at = fm_start + e.span().map(|s| s.start).unwrap_or(0);
        let msg = e.message().trim().replace('\n', " ");
        ctx.err_at(at, format!("bad front matter: {msg}"))
    })?;
    let Some(title) = fm.title else {
        return Err(ctx.err_at(start, "front matter has no `title`"));
    };
    let title_span = title.span();
    let title_text = title.into_inner();
    if title_text.trim().is_empty() {
        return Err(ctx.err_at(fm_start + title_span.start, "`title` is empty"));
    }
    // The title's bytes in the file, when the TOML string holds it verbatim.
    let raw_value = &fm_src[title_span.clone()];
    let title_source = raw_value
        .find(title_text.as_str())
        .filter(|_| raw_value.len() == title_text.len() + 2)
        .map(|i| fm_start + title_span.start + i);
    let date = match fm.date {
        None => None,
        Some(d) => {
            let at = fm_start + d.span().start;
            let value = d.into_inner();
            validate_date(&value).map_err(|why| ctx.err_at(at, why))?;
            Some(value)
        }
    };
    let meta = Meta {
        title: title_text.trim().to_string(),
        date,
        section: non_empty(fm.section),
        source: non_empty(fm.source),
        summary: non_empty(fm.summary),
        license: non_empty(fm.license),
        byline: non_empty(fm.byline),
    };
    let body_start = (close_range.end + 1).min(src.len());
    let blocks = parse_markdown_body(ctx, body_start)?;
    if blocks.is_empty() {
        return Err(ctx.err_at(
            body_start,
            "the body is empty: an article needs at least one paragraph after the front matter",
        ));
    }
    Ok(Article {
        slug: slug_for_path(ctx.path),
        meta,
        title_source: title_source.filter(|_| title_text.trim() == title_text),
        blocks,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Checks a `YYYY-MM-DD` calendar date.
pub(super) fn validate_date(value: &str) -> Result<(), String> {
    let bad = || {
        format!("bad `date` \"{value}\": expected an ISO 8601 calendar date such as \"2025-04-23\"")
    };
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |r: Range<usize>| -> Result<u32, String> {
        let s = &value[r];
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().map_err(|_| bad())
        } else {
            Err(bad())
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) {
        return Err(format!("bad `date` \"{value}\": there is no month {m}"));
    }
    // y has four digits and m is a month, so both fit.
    let days = u32::from(crate::timex::cal::days_in_month(y as i32, m as u8));
    if d == 0 || d > days {
        return Err(format!(
            "bad `date` \"{value}\": month {m} of {y} has no day {d}"
        ));
    }
    Ok(())
}

/// Builds one block while the Markdown events of its content arrive.
struct BlockBuilder {
    kind: BlockKind,
    text: String,
    styles: Vec<Style>,
    open: Vec<(usize, StyleKind)>,
    source: Vec<SourceRun>,
}

impl BlockBuilder {
    fn new(kind: BlockKind) -> Self {
        BlockBuilder {
            kind,
            text: String::new(),
            styles: Vec::new(),
            open: Vec::new(),
            source: Vec::new(),
        }
    }

    fn push(&mut self, s: &str, src: &str, range: Range<usize>) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        self.text.push_str(s);
        if let Some(raw) = src.get(range.clone()) {
            // Text events are mostly their source verbatim: no search then.
            let found = if raw.starts_with(s) {
                Some(0)
            } else {
                raw.find(s)
            };
            if let Some(i) = found {
                self.source.push(SourceRun {
                    text: at,
                    source: range.start + i,
                    len: s.len(),
                });
            }
        }
    }

    fn finish(mut self) -> Option<Block> {
        // Trim surrounding whitespace, keeping styles and runs consistent.
        let lead = self.text.len() - self.text.trim_start().len();
        let keep = self.text.trim().len();
        if keep == 0 {
            return None;
        }
        let text = self.text[lead..lead + keep].to_string();
        let clamp = |x: usize| x.saturating_sub(lead).min(keep);
        let styles = self
            .styles
            .drain(..)
            .map(|s| Style {
                start: clamp(s.start),
                end: clamp(s.end),
                kind: s.kind,
            })
            .filter(|s| s.start < s.end)
            .collect::<Vec<_>>();
        let mut source = Vec::new();
        for r in self.source {
            let (s, e) = (r.text.max(lead), (r.text + r.len).min(lead + keep));
            if s < e {
                source.push(SourceRun {
                    text: s - lead,
                    source: r.source + (s - r.text),
                    len: e - s,
                });
            }
        }
        let mut styles = styles;
        styles.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        Some(Block {
            kind: self.kind,
            text,
            styles,
            source,
        })
    }
}

fn check_link(ctx: &Ctx, dest: &str, at: usize) -> Result<String, ArticleError> {
    let d = dest.trim();
    let lower = d.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && d.len() > lower.find("//").unwrap_or(0) + 2
        && !d.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(d.to_string())
    } else {
        Err(ctx.err_at(
            at,
            format!(
                "link to `{d}` is not allowed: links must be absolute http:// or https:// URLs"
            ),
        ))
    }
}

fn parse_markdown_body(ctx: &Ctx, body_start: usize) -> Result<Vec<Block>, ArticleError> {
    let src = ctx.src;
    let body = &src[body_start..];
    let mut blocks = Vec::new();
    let mut cur: Option<BlockBuilder> = None;
    let mut quote_depth = 0usize;
    let mut item_depth = 0usize;
    let context_kind = |q: usize, i: usize| {
        if i > 0 {
            BlockKind::ListItem
        } else if q > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    };
    let close = |cur: &mut Option<BlockBuilder>, blocks: &mut Vec<Block>| {
        if let Some(b) = cur.take().and_then(BlockBuilder::finish) {
            blocks.push(b);
        }
    };
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::Paragraph) => {
                let reuse = cur
                    .as_ref()
                    .is_some_and(|b| b.kind == BlockKind::ListItem && b.text.trim().is_empty());
                if !reuse {
                    close(&mut cur, &mut blocks);
                    cur = Some(BlockBuilder::new(context_kind(quote_depth, item_depth)));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                close(&mut cur, &mut blocks);
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                cur = Some(BlockBuilder::new(BlockKind::Heading(n)));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                close(&mut cur, &mut blocks);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                close(&mut cur, &mut blocks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => {
                close(&mut cur, &mut blocks);
                item_depth += 1;
                cur = Some(BlockBuilder::new(BlockKind::ListItem));
            }
            Event::End(TagEnd::Item) => {
                close(&mut cur, &mut blocks);
                item_depth = item_depth.saturating_sub(1);
            }
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => {
                close(&mut cur, &mut blocks);
                cur = Some(BlockBuilder::new(context_kind(quote_depth, item_depth)));
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::HtmlBlock) => close(&mut cur, &mut blocks),
            Event::Start(tag) => {
                let b = cur.get_or_insert_with(|| {
                    BlockBuilder::new(context_kind(quote_depth, item_depth))
                });
                let at = b.text.len();
                match tag {
                    Tag::Emphasis => b.open.push((at, StyleKind::Emphasis)),
                    Tag::Strong => b.open.push((at, StyleKind::Strong)),
                    Tag::Link { dest_url, .. } => {
                        let href = check_link(ctx, &dest_url, range.start)?;
                        b.open.push((at, StyleKind::Link(href)));
                    }
                    // Images are not loaded (no network): their alt text is kept as text.
                    _ => {}
                }
            }
            Event::End(TagEnd::Emphasis)
            | Event::End(TagEnd::Strong)
            | Event::End(TagEnd::Link) => {
                if let Some(b) = cur.as_mut() {
                    if let Some((start, kind)) = b.open.pop() {
                        let end = b.text.len();
                        b.styles.push(Style { start, end, kind });
                    }
                }
            }
            Event::End(_) => {}
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                let b = cur.get_or_insert_with(|| {
                    BlockBuilder::new(context_kind(quote_depth, item_depth))
                });
                b.push(&t, src, range);
            }
            Event::Code(t) => {
                let b = cur.get_or_insert_with(|| {
                    BlockBuilder::new(context_kind(quote_depth, item_depth))
                });
                let start = b.text.len();
                b.push(&t, src, range);
                let end = b.text.len();
                b.styles.push(Style {
                    start,
                    end,
                    kind: StyleKind::Code,
                });
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = cur.as_mut() {
                    b.text.push(' ');
                }
            }
            Event::Rule
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }
    close(&mut cur, &mut blocks);
    Ok(blocks)
}

/// Does this line look like a sentence (or part of one) rather than a
/// scraping leftover?
fn is_lone_punctuation(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| !c.is_alphanumeric())
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', '…'])
}

/// A short line that names a section ("News", "World", "Middle East").
fn is_section_label(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && s.len() <= 30
        && !ends_like_sentence(s)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || *w == "&")
}

fn parse_text_article(ctx: &Ctx) -> Result<Article, ArticleError> {
    let src = ctx.src;
    // Paragraphs: runs of non-blank lines.
    let mut paras: Vec<Vec<(Range<usize>, &str)>> = Vec::new();
    let mut cur: Vec<(Range<usize>, &str)> = Vec::new();
    for (range, line) in lines_with_offsets(src) {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        // A line of lone punctuation is a scraping leftover: it separates
        // paragraphs like a blank line.
        if trimmed.is_empty() || is_lone_punctuation(trimmed) {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
        } else {
            let start = range.start + lead;
            cur.push((start..start + trimmed.len(), trimmed));
        }
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    let Some(first) = paras.first() else {
        return Err(ctx.err_at(
            0,
            "the file is empty: a `.txt` article needs a title line and a body",
        ));
    };
    let (title_range, title) = first[0].clone();
    let title = title.trim_start_matches('\u{feff}');
    let title_start = title_range.end - title.len();
    // Lines after the title within its paragraph belong to the body.
    let mut rest: Vec<Vec<(Range<usize>, &str)>> = Vec::new();
    if first.len() > 1 {
        rest.push(first[1..].to_vec());
    }
    rest.extend(paras.into_iter().skip(1));

    let mut section = None;
    let mut body: Vec<Vec<(Range<usize>, &str)>> = Vec::new();
    for para in rest {
        let single = (para.len() == 1).then(|| para[0].1);
        let lead = body.is_empty();
        match single {
            Some(l) if lead && l == title => continue,
            Some(l) if lead && section.is_none() && is_section_label(l) => {
                section = Some(l.to_string());
            }
            _ => body.push(para),
        }
    }
    // Trailing junk: short lines that are not sentences after the last paragraph.
    while let Some(last) = body.last() {
        let text: String = last.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(" ");
        let words = text.split_whitespace().count();
        if body.len() > 1 && last.len() == 1 && words <= 3 && !ends_like_sentence(&text) {
            body.pop();
        } else {
            break;
        }
    }
    if body.is_empty() {
        return Err(ctx.err_at(
            title_range.end,
            "the body is empty: after the title line there is no paragraph",
        ));
    }
    let blocks = body
        .into_iter()
        .map(|para| {
            let mut b = BlockBuilder::new(BlockKind::Paragraph);
            for (i, (range, line)) in para.into_iter().enumerate() {
                if i > 0 {
                    b.text.push(' ');
                }
                b.push(line, src, range);
            }
            b.finish()
        })
        .collect::<Option<Vec<Block>>>()
        .unwrap_or_default();
    Ok(Article {
        slug: slug_for_path(ctx.path),
        meta: Meta {
            title: title.to_string(),
            date: None,
            section,
            ..Meta::default()
        },
        title_source: Some(title_start),
        blocks,
    })
}

#[cfg(test)]
mod tests;

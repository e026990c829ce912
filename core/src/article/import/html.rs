//! A saved web page to an article: the page's metadata, then the article
//! body found by Readability (`dom_smoothie`), read back as text blocks.
//!
//! The page is parsed into a tree by an HTML5 parser with scripting off;
//! nothing runs and nothing is fetched. The body Readability keeps is parsed
//! again as a fragment and walked without recursion (a page nested 100 000
//! deep does not overflow the stack); only its text, inline styles and
//! absolute `http`/`https` link targets are kept.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, ReadabilityError};

use super::{title_from_name, ImportError, ImportErrorKind};
use crate::article::{slug_for_path, Article, Block, BlockKind, Meta, Style, StyleKind};

/// Deepest element nesting read; deeper content is flattened into its
/// ancestor at this depth (no page needs more, and the tree algorithms of
/// the extractor are not all iterative).
pub const MAX_DEPTH: usize = 512;

/// Deepest nesting of explicitly closed elements accepted: the HTML parser's
/// work grows with the square of the nesting, and no article needs more.
pub const MAX_OPEN_DEPTH: usize = 4096;

/// A quick scan of the tags: `Some(depth)` when elements that are closed
/// explicitly nest deeper than [`MAX_OPEN_DEPTH`]. Void elements and those
/// whose end tag may be left out (`p`, `li`, table cells...) are not counted.
fn too_deep(html: &str) -> Option<usize> {
    const LOOSE: &[&str] = &[
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
        "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body", "br", "hr", "img",
        "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param",
        "keygen", "command",
    ];
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if LOOSE.contains(&name.as_str()) {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else {
            let end = b[start..]
                .iter()
                .position(|&c| c == b'>')
                .map(|e| start + e);
            if end.is_some_and(|e| e > 0 && b[e - 1] == b'/') {
                continue;
            }
            depth += 1;
            if depth > MAX_OPEN_DEPTH {
                return Some(depth);
            }
        }
    }
    None
}

/// What the page says about itself, read before Readability changes the tree.
#[derive(Default)]
struct PageMeta {
    canonical: Option<String>,
    og_url: Option<String>,
    section: Option<String>,
    time: Option<String>,
    h1: Option<String>,
    title: Option<String>,
}

impl PageMeta {
    fn read(doc: &Document) -> Self {
        let attr = |sel: &str, name: &str| -> Option<String> {
            doc.select(sel)
                .iter()
                .filter_map(|n| n.attr(name))
                .map(|v| v.trim().to_string())
                .find(|v| !v.is_empty())
        };
        let text = |sel: &str| -> Option<String> {
            doc.select(sel)
                .iter()
                .map(|n| collapse(&n.text()))
                .find(|t| !t.is_empty())
        };
        PageMeta {
            canonical: attr("link[rel~=\"canonical\"]", "href"),
            og_url: attr("meta[property=\"og:url\"]", "content"),
            section: attr("meta[property=\"article:section\"]", "content")
                .or_else(|| attr("meta[name=\"article:section\"]", "content")),
            time: attr("time[datetime]", "datetime"),
            h1: text("h1"),
            title: text("title"),
        }
    }
}

/// A page parsed, its article not yet found ([`ParsedPage::extract`]): reading
/// a page in two steps, each about half of the work. `name` names the page in
/// errors and gives the slug.
pub struct ParsedPage {
    name: String,
    doc: Document,
    page: PageMeta,
}

/// How much of a page one step of [`Parsing`] reads, in bytes: on the page's
/// own thread, a few milliseconds.
pub const PARSE_STEP: usize = 64 * 1024;

/// A page being parsed a part at a time ([`Parsing::step`]), so that a page
/// read on the page's own thread keeps each task short.
pub struct Parsing {
    name: String,
    html: String,
    at: usize,
    parser: html5ever::Parser<Document>,
}

/// Starts parsing the page `html` (refused at once when nested absurdly
/// deep).
pub(super) fn start(name: &str, html: &str) -> Result<Parsing, ImportError> {
    if let Some(depth) = too_deep(html) {
        return Err(ImportError::new(
            name,
            ImportErrorKind::NoText,
            format!(
                "elements nested more than {MAX_OPEN_DEPTH} deep (at least {depth}): not an article page"
            ),
        ));
    }
    // The options `Document::from` uses.
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    Ok(Parsing {
        name: name.to_string(),
        html: html.to_string(),
        at: 0,
        parser: html5ever::parse_document(Document::default(), opts),
    })
}

impl Parsing {
    /// Reads the next part of the page; false once it is all read.
    pub fn step(&mut self) -> bool {
        use html5ever::tendril::TendrilSink;
        if self.at >= self.html.len() {
            return false;
        }
        let mut end = (self.at + PARSE_STEP).min(self.html.len());
        while !self.html.is_char_boundary(end) {
            end += 1;
        }
        self.parser.process(self.html[self.at..end].into());
        self.at = end;
        self.at < self.html.len()
    }

    /// The page parsed (what is left is read first).
    pub fn done(mut self) -> ParsedPage {
        use html5ever::tendril::TendrilSink;
        while self.step() {}
        let doc = self.parser.finish();
        flatten_deep(&doc);
        let page = PageMeta::read(&doc);
        ParsedPage {
            name: self.name,
            doc,
            page,
        }
    }
}

impl ParsedPage {
    /// Finds the article in the parsed page.
    pub fn extract(self) -> Result<Article, ImportError> {
        let ParsedPage { name, doc, page } = self;
        let name = name.as_str();
        let cfg = Config {
            max_elements_to_parse: 0,
            ..Config::default()
        };
        let no_text = || {
            ImportError::new(
                name,
                ImportErrorKind::NoText,
                "no article text found in this page",
            )
        };
        let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|_| no_text())?;
        let found = match reader.parse() {
            Ok(a) => a,
            Err(ReadabilityError::GrabFailed) => return Err(no_text()),
            Err(e) => {
                return Err(ImportError::new(
                    name,
                    ImportErrorKind::NoText,
                    format!("no article text found in this page ({e})"),
                ))
            }
        };
        let mut blocks = blocks_of(&found.content);
        let title = [
            Some(found.title.clone()),
            page.h1.clone(),
            page.title.clone(),
        ]
        .into_iter()
        .flatten()
        .map(|t| collapse(&t))
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| title_from_name(name));
        // The title again as the body's first heading: shown once.
        if let Some(first) = blocks.first() {
            if matches!(first.kind, BlockKind::Heading(_)) && same_text(&first.text, &title) {
                blocks.remove(0);
            }
        }
        if blocks.iter().all(|b| b.text.trim().is_empty()) {
            return Err(no_text());
        }
        let date = found
            .published_time
            .as_deref()
            .and_then(iso_date)
            .or_else(|| page.time.as_deref().and_then(iso_date));
        let source = [page.canonical, page.og_url, found.url]
            .into_iter()
            .flatten()
            .find(|u| is_web_url(u));
        let meta = Meta {
            title,
            date,
            section: page.section.map(|s| collapse(&s)).filter(|s| !s.is_empty()),
            source,
            summary: None,
            license: None,
            byline: found.byline.map(|b| collapse(&b)).filter(|b| !b.is_empty()),
        };
        Ok(Article {
            slug: slug_for_path(name),
            meta,
            title_source: None,
            blocks,
        })
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

/// Whitespace runs to one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An absolute `http:` or `https:` URL without spaces or control characters.
pub(super) fn is_web_url(u: &str) -> bool {
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && u.len() > 8
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `YYYY-MM-DD` from the start of an ISO 8601 date or date-time, or from a
/// date written out in English ("March 5, 2019", "5 March 2019").
pub(super) fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
    {
        let d = &s[..10];
        return valid_ymd(
            d[..4].parse().ok()?,
            d[5..7].parse().ok()?,
            d[8..10].parse().ok()?,
        );
    }
    // Words: a month name, a day and a four-digit year in any order.
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if let Ok(n) = w.parse::<u32>() {
            if w.len() == 4 && year.is_none() {
                year = Some(n);
            } else if w.len() <= 2 && day.is_none() {
                day = Some(n);
            }
        } else if month.is_none() {
            month = month_of(w);
        }
    }
    valid_ymd(year?, month?, day?)
}

fn month_of(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = w.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
    Some(i as u32 + 1)
}

fn valid_ymd(y: u32, m: u32, d: u32) -> Option<String> {
    let (y, m, d) = (
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    let day = crate::timex::cal::Ymd::new(y, m, d)?;
    (1000..=9999)
        .contains(&y)
        .then(|| format!("{:04}-{:02}-{:02}", day.y, day.m, day.d))
}

/// Moves the children of every element deeper than [`MAX_DEPTH`] up to its
/// ancestor at that depth, so that no tree walk goes deeper.
fn flatten_deep(doc: &Document) {
    let root = doc.root();
    // Iterative depth-first walk: (node, depth).
    let mut stack = vec![(root, 0usize)];
    let mut too_deep = Vec::new();
    while let Some((node, depth)) = stack.pop() {
        for child in node.children_it(false) {
            if child.is_element() {
                if depth + 1 >= MAX_DEPTH {
                    too_deep.push(child);
                } else {
                    stack.push((child, depth + 1));
                }
            }
        }
    }
    // Each over-deep element: its whole subtree's text becomes one text node.
    for node in too_deep {
        let text = node.text();
        node.set_text(text);
    }
}

/// Tags whose content is never article text.
fn skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "video"
            | "audio"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "head"
            | "title"
            | "nav"
    )
}

/// Tags that end the text before them and start a new block.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "hr"
            | "details"
            | "summary"
            | "address"
            | "center"
            | "form"
            | "fieldset"
            | "legend"
            | "body"
            | "html"
    )
}

fn style_of(tag: &str, node: &NodeRef) -> Option<StyleKind> {
    match tag {
        "em" | "i" | "cite" | "dfn" => Some(StyleKind::Emphasis),
        "strong" | "b" => Some(StyleKind::Strong),
        "code" | "kbd" | "samp" | "tt" => Some(StyleKind::Code),
        "a" => node
            .attr("href")
            .map(|h| h.trim().to_string())
            .filter(|h| is_web_url(h))
            .map(StyleKind::Link),
        _ => None,
    }
}

/// The blocks being built, with the open containers and inline styles.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    text: String,
    styles: Vec<Style>,
    /// Open inline styles: kind and start in `text`.
    open: Vec<(StyleKind, usize)>,
    headings: Vec<u8>,
    items: usize,
    quotes: usize,
}

impl Builder {
    /// Appends text with every run of white space as one space, none at
    /// the start of a block.
    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    fn kind(&self) -> BlockKind {
        if let Some(&h) = self.headings.last() {
            BlockKind::Heading(h)
        } else if self.items > 0 {
            BlockKind::ListItem
        } else if self.quotes > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        }
    }

    /// Ends the current block (if it has text); styles still open go on in
    /// the next one.
    fn flush(&mut self) {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        let len = self.text.len();
        for (kind, start) in &mut self.open {
            if *start < len {
                self.styles.push(Style {
                    start: *start,
                    end: len,
                    kind: kind.clone(),
                });
            }
            *start = 0;
        }
        if !self.text.is_empty() {
            let mut styles = std::mem::take(&mut self.styles);
            for s in &mut styles {
                s.end = s.end.min(len);
            }
            styles.retain(|s| s.start < s.end);
            styles.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            self.blocks.push(Block {
                kind: self.kind(),
                text: std::mem::take(&mut self.text),
                styles,
                source: Vec::new(),
            });
        }
        self.text.clear();
        self.styles.clear();
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    Exit(String, bool),
}

/// The blocks of an article body given as HTML.
pub(super) fn blocks_of(content: &str) -> Vec<Block> {
    let doc = Document::fragment(content);
    let mut b = Builder::default();
    let mut stack = vec![Step::Enter(doc.root())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    b.push_text(&node.text());
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let tag = node
                    .node_name()
                    .map(|n| n.to_ascii_lowercase())
                    .unwrap_or_default();
                if skipped(&tag) {
                    continue;
                }
                if tag == "br" {
                    if !b.text.is_empty() && !b.text.ends_with(' ') {
                        b.text.push(' ');
                    }
                    continue;
                }
                let block = is_block(&tag);
                if block {
                    b.flush();
                }
                match tag.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        b.headings.push(tag.as_bytes()[1] - b'0');
                    }
                    "li" | "dd" => b.items += 1,
                    "blockquote" => b.quotes += 1,
                    _ => {}
                }
                let styled = style_of(&tag, &node);
                let has_style = styled.is_some();
                if let Some(kind) = styled {
                    // A space pending at the end belongs before the style.
                    let at = b.text.len();
                    b.open.push((kind, at));
                }
                stack.push(Step::Exit(tag, has_style));
                let children: Vec<NodeRef> = node.children_it(true).collect();
                stack.extend(children.into_iter().map(Step::Enter));
            }
            Step::Exit(tag, has_style) => {
                if has_style {
                    if let Some((kind, start)) = b.open.pop() {
                        let end = b.text.trim_end().len();
                        let start = start.min(end);
                        // Leading white space is not styled.
                        let lead = b.text[start..end].len() - b.text[start..end].trim_start().len();
                        if start + lead < end {
                            b.styles.push(Style {
                                start: start + lead,
                                end,
                                kind,
                            });
                        }
                    }
                }
                if is_block(&tag) {
                    b.flush();
                }
                match tag.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        b.headings.pop();
                    }
                    "li" | "dd" => b.items = b.items.saturating_sub(1),
                    "blockquote" => b.quotes = b.quotes.saturating_sub(1),
                    _ => {}
                }
            }
        }
    }
    b.flush();
    b.blocks
}

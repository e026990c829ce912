//! Reading any file a reader may bring: a saved web page (`.html`, `.htm`),
//! Markdown with or without front matter (`.md`), a scraped page as plain
//! text (`.txt`), and pasted HTML or text. One entry point, [`import`], for
//! the build script, `analyze` and the page alike.
//!
//! Nothing of a page is executed, fetched or kept as HTML: the extractor
//! reads the markup into a tree, and only the text of the article (with its
//! inline styles and `http`/`https` links) becomes [`Block`]s.
//!
//! Decoding: a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins. Otherwise
//! `.md` and `.txt` must be UTF-8. A page that is valid UTF-8 is read as
//! UTF-8 whatever it declares (legacy text is valid UTF-8 only by rare
//! accident, and pages re-saved as UTF-8 often keep an old declaration);
//! else as the charset it declares (`<meta charset>` or an `http-equiv`
//! content type, in its first [`CHARSET_SCAN_BYTES`]); a page that declares
//! nothing is read as windows-1252, as a browser opening the file does. Bytes
//! that are not valid in the encoding used (a page declaring UTF-8 with
//! invalid UTF-8, a `.md` that is not UTF-8) are an error naming the file,
//! the line and the byte offset: nothing is silently replaced.

mod html;

pub use html::{ParsedPage, Parsing};

use std::fmt;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::parse::{lines_with_offsets, parse_markdown_str, parse_text_str, validate_date};
use super::{slug_for_path, Article, ArticleError, Meta};

/// Largest file accepted by [`import`], in bytes (32 MiB): well above any
/// saved news page (a few MB with inline styles and scripts).
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// How far into a page the charset declaration is looked for.
pub const CHARSET_SCAN_BYTES: usize = 4096;

/// Why a file could not be read as an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// No bytes, or only white space.
    Empty,
    /// A format recognised but not read (PDF, EPUB, images, archives).
    Unsupported,
    /// Not text at all.
    Binary,
    /// Not valid in its encoding.
    Encoding,
    /// A page in which no article text was found.
    NoText,
    /// A Markdown or text file that breaks the article format.
    Invalid,
}

/// What is wrong with an imported file: displays as `file:line: message`,
/// or `file: message` when no line applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub path: String,
    /// 1-based line number, where there is one.
    pub line: Option<usize>,
    pub kind: ImportErrorKind,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    fn new(path: &str, kind: ImportErrorKind, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_string(),
            line: None,
            kind,
            message: message.into(),
        }
    }

    fn at(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl From<ArticleError> for ImportError {
    fn from(e: ArticleError) -> Self {
        ImportError {
            path: e.path,
            line: Some(e.line),
            kind: ImportErrorKind::Invalid,
            message: e.message,
        }
    }
}

/// The format a file is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

/// The format of a file, from its extension, or for another name from its
/// first bytes (markup reads as HTML, anything else as text).
pub fn format_of(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        "txt" | "text" => Format::Text,
        _ if looks_like_html(bytes) => Format::Html,
        _ => Format::Text,
    }
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<head")
        || t.starts_with("<body")
        || t.starts_with("<meta")
        || t.starts_with("<!--")
        || (t.starts_with('<') && (t.contains("<p>") || t.contains("<div")))
}

/// Reads one file into an article. `name` names the file in errors, chooses
/// the format (see [`format_of`]) and gives the slug.
pub fn import(name: &str, bytes: &[u8]) -> Result<Article, ImportError> {
    import_staged(name, bytes)?.finish()
}

/// An item read in steps, each a part of the work (a page reading on its
/// own thread keeps its tasks short): a saved page is parsed a part at a
/// time ([`Staged::step`]) and its article found in [`Staged::finish`];
/// other formats are read at once.
pub enum Staged {
    Read(Box<Article>),
    Parsing(Box<html::Parsing>),
    Parsed(Box<ParsedPage>),
}

impl Staged {
    /// Parses the next part of a page: true while there is more to parse
    /// (then [`Staged::finish`] finds the article).
    pub fn step(self) -> (Staged, bool) {
        match self {
            Staged::Parsing(mut p) => {
                if p.step() {
                    (Staged::Parsing(p), true)
                } else {
                    (Staged::Parsed(Box::new(p.done())), false)
                }
            }
            other => (other, false),
        }
    }

    /// The last step: the article.
    pub fn finish(self) -> Result<Article, ImportError> {
        match self {
            Staged::Read(article) => Ok(*article),
            Staged::Parsing(p) => p.done().extract(),
            Staged::Parsed(page) => page.extract(),
        }
    }
}

/// The first step of [`import`].
pub fn import_staged(name: &str, bytes: &[u8]) -> Result<Staged, ImportError> {
    check_bytes(name, bytes)?;
    match format_of(name, bytes) {
        Format::Html => {
            let text = decode_html(name, bytes)?;
            html::start(name, &text).map(|p| Staged::Parsing(Box::new(p)))
        }
        Format::Markdown => {
            let text = decode_plain(name, bytes)?;
            import_markdown(name, &text, text.as_ptr() == bytes.as_ptr())
                .map(|a| Staged::Read(Box::new(a)))
        }
        Format::Text => {
            let text = decode_plain(name, bytes)?;
            let verbatim = text.as_ptr() == bytes.as_ptr();
            let article = parse_text_str(name, &text)?;
            Ok(Staged::Read(Box::new(keep_offsets(article, verbatim))))
        }
    }
}

/// Reads HTML pasted from a browser (the clipboard's `text/html`).
pub fn import_pasted_html(name: &str, html: &str) -> Result<Article, ImportError> {
    import_pasted_html_staged(name, html)?.finish()
}

/// The first step of [`import_pasted_html`].
pub fn import_pasted_html_staged(name: &str, html: &str) -> Result<Staged, ImportError> {
    check_bytes(name, html.as_bytes())?;
    html::start(name, html).map(|p| Staged::Parsing(Box::new(p)))
}

/// Reads plain text pasted from a browser, with the `.txt` heuristics: the
/// first line is the title.
pub fn import_pasted_text(name: &str, text: &str) -> Result<Article, ImportError> {
    check_bytes(name, text.as_bytes())?;
    Ok(parse_text_str(name, text)?)
}

/// Offsets into the source only mean something when the text read is the
/// file's own bytes (UTF-8, no re-encoding).
fn keep_offsets(mut article: Article, verbatim: bool) -> Article {
    if !verbatim {
        article.title_source = None;
        for b in &mut article.blocks {
            b.source.clear();
        }
    }
    article
}

/// Size, emptiness and the magic numbers of formats that are not articles.
fn check_bytes(name: &str, bytes: &[u8]) -> Result<(), ImportError> {
    use ImportErrorKind::*;
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            name,
            TooLarge,
            format!(
                "the file is {:.1} MB, more than the {} MB an imported article may have",
                bytes.len() as f64 / (1024.0 * 1024.0),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let content = strip_bom(bytes);
    if content.iter().all(|b| b.is_ascii_whitespace())
        || (is_utf16_bom(bytes) && content.iter().all(|&b| b == 0 || b.is_ascii_whitespace()))
    {
        return Err(ImportError::new(name, Empty, "the file is empty"));
    }
    if let Some(what) = unsupported_format(bytes) {
        return Err(ImportError::new(name, Unsupported, what));
    }
    if !is_utf16_bom(bytes) && looks_binary(bytes) {
        return Err(ImportError::new(
            name,
            Binary,
            "this is not a text file (it holds binary data): an article is a saved web page (.html), Markdown (.md) or text (.txt)",
        ));
    }
    Ok(())
}

fn unsupported_format(b: &[u8]) -> Option<String> {
    let image = |kind: &str| {
        Some(format!(
            "this is a {kind} image, not an article: images are not supported"
        ))
    };
    if b.starts_with(b"%PDF-") {
        return Some("this is a PDF document: PDF files are not supported yet; save the article as a web page (.html) or text instead".into());
    }
    if b.starts_with(b"PK\x03\x04") {
        if b.get(30..58) == Some(b"mimetypeapplication/epub+zip".as_slice()) {
            return Some("this is an EPUB book: EPUB files are not supported yet".into());
        }
        return Some("this is a ZIP archive (or a word processor document): not supported; save the article as a web page (.html) or text instead".into());
    }
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        return image("PNG");
    }
    if b.starts_with(b"\xff\xd8\xff") {
        return image("JPEG");
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return image("GIF");
    }
    if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP".as_slice()) {
        return image("WebP");
    }
    if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        return image("TIFF");
    }
    if b.get(4..8) == Some(b"ftyp".as_slice()) {
        let brand = b.get(8..12).unwrap_or_default();
        if [b"avif".as_slice(), b"heic", b"heix", b"mif1"].contains(&brand) {
            return image("AVIF/HEIF");
        }
        return Some("this is a video or audio file, not an article: not supported".into());
    }
    if b.starts_with(b"\x1f\x8b") {
        return Some("this is a compressed (gzip) file: decompress it first".into());
    }
    if b.starts_with(b"\xd0\xcf\x11\xe0") {
        return Some("this is an old Office document: not supported; save the article as a web page (.html) or text instead".into());
    }
    if b.starts_with(b"{\\rtf") {
        return Some("this is an RTF document: not supported; save the article as text (.txt) or Markdown (.md) instead".into());
    }
    None
}

/// NUL bytes or many control characters in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    control * 20 > head.len()
}

fn is_utf16_bom(b: &[u8]) -> bool {
    b.starts_with(b"\xff\xfe") || b.starts_with(b"\xfe\xff")
}

fn strip_bom(b: &[u8]) -> &[u8] {
    if let Some(rest) = b.strip_prefix(b"\xef\xbb\xbf") {
        rest
    } else if is_utf16_bom(b) {
        &b[2..]
    } else {
        b
    }
}

fn bom_encoding(b: &[u8]) -> Option<(&'static Encoding, usize)> {
    if b.starts_with(b"\xef\xbb\xbf") {
        Some((UTF_8, 3))
    } else if b.starts_with(b"\xff\xfe") {
        Some((UTF_16LE, 2))
    } else if b.starts_with(b"\xfe\xff") {
        Some((UTF_16BE, 2))
    } else {
        None
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Decodes `bytes` as `enc` (after a BOM of `skip` bytes), or says where the
/// first malformed sequence is.
fn decode_strict<'a>(
    name: &str,
    bytes: &'a [u8],
    skip: usize,
    enc: &'static Encoding,
    why: &str,
) -> Result<std::borrow::Cow<'a, str>, ImportError> {
    let body = &bytes[skip..];
    if enc == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
            Err(e) => {
                let at = skip + e.valid_up_to();
                Err(ImportError::new(
                    name,
                    ImportErrorKind::Encoding,
                    format!(
                        "not valid UTF-8 {why} (bad byte at offset {at}); save the file as UTF-8"
                    ),
                )
                .at(line_of(bytes, at)))
            }
        };
    }
    match enc.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => Ok(s),
        None => {
            // Find the first malformed sequence for the line number.
            let mut decoder = enc.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(body.len() * 2 + 16);
            let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
            let at = skip
                + match result {
                    encoding_rs::DecoderResult::Malformed(len, _) => {
                        read.saturating_sub(usize::from(len))
                    }
                    _ => read,
                };
            let line = if enc == UTF_16LE || enc == UTF_16BE {
                1 + out.matches('\n').count()
            } else {
                line_of(bytes, at)
            };
            Err(ImportError::new(
                name,
                ImportErrorKind::Encoding,
                format!("not valid {} {why} (bad bytes at offset {at})", enc.name()),
            )
            .at(line))
        }
    }
}

/// `.md` and `.txt`: a BOM, or UTF-8.
fn decode_plain<'a>(name: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, ImportError> {
    let text = match bom_encoding(bytes) {
        Some((enc, skip)) if enc != UTF_8 => {
            decode_strict(name, bytes, skip, enc, "as its byte order mark says")?
        }
        // A UTF-8 BOM stays: the parsers skip it, and offsets stay the file's.
        _ => decode_strict(name, bytes, 0, UTF_8, "")?,
    };
    check_text(name, &text)?;
    Ok(text)
}

/// HTML: a BOM; else UTF-8 when the bytes are valid UTF-8; else the declared
/// charset; else windows-1252.
fn decode_html<'a>(name: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, ImportError> {
    let text = if let Some((enc, skip)) = bom_encoding(bytes) {
        decode_strict(name, bytes, skip, enc, "as its byte order mark says")?
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        // Text in a legacy encoding is valid UTF-8 only by rare accident,
        // while pages re-saved as UTF-8 often keep their old declaration.
        std::borrow::Cow::Borrowed(s)
    } else if let Some((enc, label)) = declared_charset(bytes) {
        decode_strict(
            name,
            bytes,
            0,
            enc,
            &format!("as the page declares (charset={label})"),
        )?
    } else {
        WINDOWS_1252.decode_without_bom_handling(bytes).0
    };
    check_text(name, &text)?;
    Ok(text)
}

/// A decoded text with NUL characters is not an article (UTF-16 without a
/// BOM, or binary data in a text encoding).
fn check_text(name: &str, text: &str) -> Result<(), ImportError> {
    if let Some(at) = text.find('\0') {
        return Err(ImportError::new(
            name,
            ImportErrorKind::Binary,
            "contains a NUL character: this is not a text file (or UTF-16 without a byte order mark)",
        )
        .at(line_of(text.as_bytes(), at)));
    }
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::new(
            name,
            ImportErrorKind::Empty,
            "the file is empty",
        ));
    }
    Ok(())
}

/// The encoding named by the first `<meta charset=...>` or `<meta
/// http-equiv="content-type" content="...; charset=...">` near the start of
/// a page. UTF-16 labels mean UTF-8 here (the bytes are ASCII-compatible, or
/// the page would have a BOM), as in browsers.
pub fn declared_charset(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
    let head = &bytes[..bytes.len().min(CHARSET_SCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_ascii_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_ascii_start(r);
                let r = r.strip_prefix(b"\"").or(r.strip_prefix(b"'")).unwrap_or(r);
                let label_end = r
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'\t' | b'\n' | b'\r')
                    })
                    .unwrap_or(r.len());
                let label = String::from_utf8_lossy(&r[..label_end]).to_string();
                if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                    let enc = if enc == UTF_16LE || enc == UTF_16BE {
                        UTF_8
                    } else if enc.name() == "x-user-defined" {
                        WINDOWS_1252
                    } else {
                        enc
                    };
                    return Some((enc, label));
                }
            }
        }
        from = end.min(lower.len());
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// Markdown with front matter reads as a bundled article does. A YAML front
/// matter (`---` lines, as Jekyll, Hugo or Obsidian write it) gives the
/// metadata it has ([`yaml_front_matter`]). Without a title there, the first
/// `# heading` (when it is the first thing after the front matter) is the
/// title, else the file name.
fn import_markdown(name: &str, src: &str, verbatim: bool) -> Result<Article, ImportError> {
    let body = src.trim_start_matches('\u{feff}');
    let bom = src.len() - body.len();
    if body.trim_start().starts_with("+++") {
        return Ok(keep_offsets(parse_markdown_str(name, src)?, verbatim));
    }
    let yaml = yaml_front_matter(body);
    let after = yaml.as_ref().map_or(0, |y| y.end);
    // The first non-blank line after the front matter.
    let tail = &body[after..];
    let lead = tail.len() - tail.trim_start().len();
    let first_line_start = after + tail[..lead].rfind('\n').map_or(0, |i| i + 1);
    let rest = &body[first_line_start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = rest[..line_end].trim_end_matches('\r');
    let heading = line
        .trim_start()
        .strip_prefix("# ")
        .map(|h| h.trim().trim_end_matches('#').trim())
        .filter(|h| !h.is_empty());
    let heading_at = heading.map(|h| bom + first_line_start + line.find(h).unwrap_or(0));
    let heading_line = (bom + first_line_start, bom + first_line_start + line.len());
    let mut meta = yaml.as_ref().map(|y| y.meta.clone()).unwrap_or_default();
    // Blanked in the copy that is parsed: the front matter, and the heading
    // when it is the title.
    let mut blanks = Vec::new();
    if let Some(y) = &yaml {
        blanks.push((bom, bom + y.end));
    }
    let title_at = match (&yaml, heading) {
        (Some(y), _) if !y.meta.title.is_empty() => {
            if heading.is_some_and(|h| h.eq_ignore_ascii_case(&y.meta.title)) {
                blanks.push(heading_line);
            }
            y.title_at.map(|at| bom + at)
        }
        (_, Some(h)) => {
            meta.title = h.to_string();
            blanks.push(heading_line);
            heading_at
        }
        _ => {
            meta.title = title_from_name(name);
            None
        }
    };
    // The file with a front matter of its own put before it, and the lines
    // above blanked, so that offsets past the prefix are the file's.
    let prefix = crate::export::front_matter(&meta);
    let fm_lines = prefix.lines().count();
    let mut synth = String::with_capacity(prefix.len() + src.len());
    synth.push_str(&prefix);
    let mut at = 0;
    for (s, e) in blanks {
        synth.push_str(&src[at..s]);
        // Line breaks stay, so that line numbers in errors are the file's.
        // one space a byte, so that offsets past it hold
        for c in src[s..e].chars() {
            match c {
                '\n' => synth.push('\n'),
                c => synth.extend(std::iter::repeat_n(' ', c.len_utf8())),
            }
        }
        at = e;
    }
    synth.push_str(&src[at..]);
    let shift = prefix.len();
    let mut article = parse_markdown_str(name, &synth).map_err(|e| {
        let mut e = ImportError::from(e);
        e.line = e.line.map(|l| l.saturating_sub(fm_lines).max(1));
        e
    })?;
    article.title_source = title_at;
    for b in &mut article.blocks {
        b.source.retain(|r| r.source >= shift);
        for r in &mut b.source {
            r.source -= shift;
        }
    }
    Ok(keep_offsets(article, verbatim))
}

/// A YAML front matter read: its metadata, where its title's text is (when
/// written as is), and where the body starts.
#[derive(Debug)]
struct YamlFront {
    meta: Meta,
    title_at: Option<usize>,
    end: usize,
}

/// Reads a YAML front matter at the start of `src`: a `---` line, `key:
/// value` lines, and a closing `---` or `...` line. Only plain values are
/// read (quoted or not; the first item of a list for the byline and the
/// section); other keys and nested values are left alone. The date is the
/// `YYYY-MM-DD` a value starts with ("2024-03-05T10:22:00Z"); a date in
/// another form is left out. `None` when `src` has no front matter.
fn yaml_front_matter(src: &str) -> Option<YamlFront> {
    let mut lines = lines_with_offsets(src);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut meta = Meta::default();
    let mut title_at = None;
    let mut list_of: Option<&str> = None;
    for (range, line) in lines {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            let end = (range.end + 1).min(src.len());
            return Some(YamlFront {
                meta,
                title_at,
                end,
            });
        }
        // "- first item" of a list opened by "key:" with no value
        if let (Some(key), Some(item)) = (list_of, t.trim_start().strip_prefix("- ")) {
            let (value, _) = yaml_scalar(item);
            set_yaml(&mut meta, key, &value);
            list_of = None;
            continue;
        }
        if line.starts_with([' ', '\t']) || t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((key, raw)) = t.split_once(':') else {
            continue;
        };
        let key = key.trim();
        let lead = raw.len() - raw.trim_start().len();
        let raw = raw.trim();
        if raw.is_empty() {
            list_of = Some(key);
            continue;
        }
        list_of = None;
        let raw = match raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(items) => items.split(',').next().unwrap_or("").trim(),
            None => raw,
        };
        let (value, verbatim) = yaml_scalar(raw);
        if key.eq_ignore_ascii_case("title") && !value.is_empty() {
            // the value is searched after the key and its colon
            let from = t.find(':').map_or(0, |c| c + 1) + lead;
            title_at = verbatim
                .then(|| {
                    t[from..]
                        .find(value.as_str())
                        .map(|i| range.start + from + i)
                })
                .flatten();
        }
        set_yaml(&mut meta, key, &value);
    }
    None
}

/// A YAML scalar's text without its quotes (and a comment after it);
/// whether it is written as is.
fn yaml_scalar(raw: &str) -> (String, bool) {
    let raw = raw.trim();
    if let Some(q) = raw.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        let mut out = String::new();
        let mut chars = raw[1..].chars().peekable();
        let mut same = true;
        while let Some(c) = chars.next() {
            match c {
                // '' in single quotes, \" and \\ in double quotes
                '\'' if q == '\'' && chars.peek() == Some(&'\'') => {
                    chars.next();
                    out.push('\'');
                    same = false;
                }
                '\\' if q == '"' && matches!(chars.peek(), Some('"' | '\\')) => {
                    out.extend(chars.next());
                    same = false;
                }
                c if c == q => break,
                c => out.push(c),
            }
        }
        let trimmed = out.trim();
        return (trimmed.to_string(), same && trimmed.len() == out.len());
    }
    let v = raw.split(" #").next().unwrap_or(raw).trim();
    (v.to_string(), true)
}

fn set_yaml(meta: &mut Meta, key: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    let slot = match key.to_ascii_lowercase().as_str() {
        "title" => {
            meta.title = value.to_string();
            return;
        }
        "date" | "published" | "pubdate" | "created" => {
            if meta.date.is_none() {
                let day = value.get(..10).unwrap_or("").replace('/', "-");
                if validate_date(&day).is_ok() {
                    meta.date = Some(day);
                }
            }
            return;
        }
        "section" | "category" | "categories" => &mut meta.section,
        "author" | "authors" | "byline" => &mut meta.byline,
        "source" | "url" | "link" | "canonical" | "canonical_url" => &mut meta.source,
        "summary" | "description" | "excerpt" => &mut meta.summary,
        "license" | "licence" => &mut meta.license,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(value.to_string());
    }
}

/// A title from a file name: the stem, with `-` and `_` as spaces, its first
/// letter upper-cased.
pub fn title_from_name(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.rsplit_once('.').map(|(s, _)| s).unwrap_or(file);
    let words: Vec<&str> = stem
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => slug_for_path(name),
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;

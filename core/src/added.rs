//! Bookkeeping for the articles a reader adds in the page: unique slugs,
//! duplicates recognised by content, and the progress of a batch.
//!
//! Pure and independent of the import feature, so the page (which does not
//! carry the extractor) and native tests share it.

use serde::{Deserialize, Serialize};

use crate::export::quoted;
use crate::{Analysis, Article};

/// The engine that analyses an article: a fingerprint of the core crate's
/// sources and data (see `build.rs`). An article stored with another one was
/// analysed by another version and is analysed again from its original.
pub const ENGINE: &str = env!("DOSSIER_ENGINE");

/// How an item reached the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A file (picked or dropped): its name chooses the format.
    File,
    /// HTML pasted from a browser (the clipboard's `text/html`).
    PastedHtml,
    /// Plain text pasted.
    PastedText,
}

impl Source {
    /// The number the page and the importer pass for it.
    pub fn code(self) -> u32 {
        match self {
            Source::File => 0,
            Source::PastedHtml => 1,
            Source::PastedText => 2,
        }
    }

    pub fn from_code(code: u32) -> Option<Source> {
        match code {
            0 => Some(Source::File),
            1 => Some(Source::PastedHtml),
            2 => Some(Source::PastedText),
            _ => None,
        }
    }
}

/// One article as the importer hands it to the page: the article, its
/// analysis, and the analysis as `analyze` prints it (the article's Markdown
/// export, [`crate::export::markdown`], is written when it is asked for, so
/// that it has the reader's title).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub article: Article,
    pub analysis: Analysis,
    pub json: String,
}

/// Reads and analyses one item: what the importer does for the page. The
/// error names the item.
#[cfg(feature = "import")]
pub fn import_item(source: Source, name: &str, bytes: &[u8]) -> Result<Imported, String> {
    let article = extract_item(source, name, bytes)?;
    Ok(analyse_item(name, bytes, article))
}

/// The first step of [`import_item`]: the article read from the item.
#[cfg(feature = "import")]
pub fn extract_item(source: Source, name: &str, bytes: &[u8]) -> Result<Article, String> {
    stage_item(source, name, bytes)?
        .finish()
        .map_err(|e| e.to_string())
}

/// [`extract_item`] in two steps (see [`crate::article::Staged`]).
#[cfg(feature = "import")]
pub fn stage_item(
    source: Source,
    name: &str,
    bytes: &[u8],
) -> Result<crate::article::Staged, String> {
    use crate::article::{import_pasted_html_staged, import_pasted_text, import_staged, Staged};
    match source {
        Source::File => import_staged(name, bytes),
        Source::PastedHtml | Source::PastedText => {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| format!("{name}: the pasted text is not valid UTF-8"))?;
            if source == Source::PastedHtml {
                import_pasted_html_staged(name, text)
            } else {
                import_pasted_text(name, text).map(|a| Staged::Read(Box::new(a)))
            }
        }
    }
    .map_err(|e| e.to_string())
}

/// The second step of [`import_item`]: the analysis of the article read
/// from `bytes`.
#[cfg(feature = "import")]
pub fn analyse_item(name: &str, bytes: &[u8], article: Article) -> Imported {
    let parts = article.parts();
    let analysis = crate::analyze(&parts, article.meta.date.as_deref());
    let src = String::from_utf8_lossy(bytes);
    let json = crate::export::analysis_json(name, &src, &article, &analysis).to_string();
    Imported {
        article,
        analysis,
        json,
    }
}

/// What the importer hands the page for one item: an article, or the
/// articles of a backup file (each analysed afterwards as an item of its
/// own). This is also the form an article is stored in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    Article(Box<Imported>),
    Backup(Backup),
}

/// What a backup file holds: the reader's articles, and their corrections
/// to the set's linking (the text form of `set::correct`, empty if none).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub articles: Vec<Saved>,
    pub corrections: String,
}

impl Reply {
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        postcard::to_allocvec(self).map_err(|e| format!("cannot encode the article: {e}"))
    }

    pub fn decode(bytes: &[u8]) -> Result<Reply, String> {
        postcard::from_bytes(bytes).map_err(|e| format!("the analysed article is damaged: {e}"))
    }

    /// The article of an article reply. Postcard writes the variant's index
    /// first (a varint, one byte here), then the variant: the article is read
    /// as an [`Imported`] alone, so that the page, which only reads articles,
    /// does not carry the backup's decoder.
    pub fn article(bytes: &[u8]) -> Result<Imported, String> {
        match bytes.split_first() {
            Some((0, rest)) => postcard::from_bytes(rest)
                .map_err(|e| format!("the analysed article is damaged: {e}")),
            Some((1, _)) => Err("a backup where an article was expected".into()),
            _ => Err("the analysed article is damaged".into()),
        }
    }
}

/// One of the reader's articles in a backup file: what it was added as, the
/// title the reader gave it, when, and the bytes as added (so that a newer
/// version analyses it afresh).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    pub source: Source,
    pub title: Option<String>,
    /// Milliseconds since the epoch.
    pub added: f64,
    pub original: Vec<u8>,
}

impl Source {
    fn word(self) -> &'static str {
        match self {
            Source::File => "file",
            Source::PastedHtml => "pasted-html",
            Source::PastedText => "pasted-text",
        }
    }
}

/// The field that marks a backup file (its first key).
pub const BACKUP_MARK: &str = "dossier_backup";
/// The name a backup is saved under.
pub const BACKUP_FILE: &str = "dossier-backup.json";
/// The name of the self-contained page of the reader's articles.
pub const SHARED_FILE: &str = "dossier-articles.html";

/// The type of the elements that hold an article in a shared page (data,
/// never run: `<script type="application/x-dossier-added">`, base64 of the
/// encoded [`Reply::Article`]).
pub const SHARED_TYPE: &str = "application/x-dossier-added";

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

/// The backup file of the reader's articles: JSON, one object per article,
/// the bytes as added in base64, and the reader's corrections (their text
/// form, when there are any). "Add articles" reads it back
/// ([`read_backup`]). Written without a JSON library (the page carries
/// none).
pub fn backup_json(saved: &[Saved], corrections: &str) -> String {
    let mut out = format!("{{\"{BACKUP_MARK}\":1,\"engine\":");
    out.push_str(&quoted(ENGINE));
    if !corrections.trim().is_empty() {
        out.push_str(",\"corrections\":");
        out.push_str(&quoted(corrections));
    }
    out.push_str(",\"articles\":[");
    for (i, s) in saved.iter().enumerate() {
        out.push_str(if i == 0 {
            "\n{\"name\":"
        } else {
            ",\n{\"name\":"
        });
        out.push_str(&quoted(&s.name));
        out.push_str(",\"source\":");
        out.push_str(&quoted(s.source.word()));
        if let Some(title) = &s.title {
            out.push_str(",\"title\":");
            out.push_str(&quoted(title));
        }
        // Whole milliseconds; a float formatter would add to the page.
        out.push_str(&format!(",\"added\":{}", s.added.max(0.0) as u64));
        out.push_str(",\"original\":\"");
        base64(&mut out, &s.original);
        out.push_str("\"}");
    }
    out.push_str("\n]}\n");
    out
}

/// Whether these bytes are a backup file (checked before anything else is
/// tried on a file).
pub fn is_backup(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = text.trim_ascii_start();
    text.strip_prefix(b"{")
        .map(|rest| rest.trim_ascii_start())
        .is_some_and(|rest| rest.starts_with(format!("\"{BACKUP_MARK}\"").as_bytes()))
}

#[cfg(feature = "import")]
fn unbase64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        if c == b'=' {
            break;
        }
        let v = B64.iter().position(|&b| b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Reads a backup file: its articles, or why not (naming the file, and the
/// article by its position and name).
#[cfg(feature = "import")]
pub fn read_backup(name: &str, bytes: &[u8]) -> Result<Backup, String> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).map_err(|e| {
            format!(
                "{name}: the backup is not valid UTF-8 (byte {})",
                e.valid_up_to()
            )
        })?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("{name}:{}: the backup is damaged: {e}", e.line()))?;
    if value.get(BACKUP_MARK).and_then(|v| v.as_u64()) != Some(1) {
        return Err(format!("{name}: a backup of another version of dossier (format {}); this version reads format 1", value.get(BACKUP_MARK).map(|v| v.to_string()).unwrap_or_default()));
    }
    let list = value
        .get("articles")
        .and_then(|v| v.as_array())
        .ok_or_else(|| format!("{name}: the backup has no list of articles"))?;
    let corrections = match value.get("corrections") {
        None => String::new(),
        Some(v) => {
            let text = v
                .as_str()
                .ok_or_else(|| format!("{name}: the backup's corrections are not text"))?;
            crate::set::correct::parse(text)
                .map_err(|e| format!("{name}: the backup's corrections, {e}"))?;
            text.to_string()
        }
    };
    let articles = list
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let field = |k: &str| a.get(k).and_then(|v| v.as_str());
            let which = format!("{name}: article {} of the backup", i + 1);
            let item_name = field("name").ok_or_else(|| format!("{which} has no name"))?;
            let source = match field("source") {
                Some("file") => Source::File,
                Some("pasted-html") => Source::PastedHtml,
                Some("pasted-text") => Source::PastedText,
                other => {
                    return Err(format!(
                        "{which} (“{item_name}”) has an unknown source {other:?}"
                    ))
                }
            };
            let original = field("original")
                .and_then(unbase64)
                .ok_or_else(|| format!("{which} (“{item_name}”) has no readable original"))?;
            Ok(Saved {
                name: item_name.to_string(),
                source,
                title: field("title").map(str::to_string),
                added: a.get("added").and_then(|v| v.as_f64()).unwrap_or(0.0),
                original,
            })
        })
        .collect::<Result<Vec<Saved>, String>>()?;
    Ok(Backup {
        articles,
        corrections,
    })
}

/// What the importer does with one item: a backup file's articles, or the
/// item read and analysed.
#[cfg(feature = "import")]
pub fn import_reply(source: Source, name: &str, bytes: &[u8]) -> Result<Reply, String> {
    if source == Source::File && is_backup(bytes) {
        return read_backup(name, bytes).map(Reply::Backup);
    }
    import_item(source, name, bytes).map(|item| Reply::Article(Box::new(item)))
}

/// A content key: FNV-1a (64 bit) over the bytes, with their length. The same
/// file added twice, or the same pasted text, gives the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentKey {
    pub hash: u64,
    pub len: u64,
}

impl ContentKey {
    /// The key as stored: `hash-len`, the hash in hex.
    pub fn to_text(self) -> String {
        format!("{:016x}-{}", self.hash, self.len)
    }

    /// The key from [`ContentKey::to_text`]'s form.
    pub fn from_text(text: &str) -> Option<ContentKey> {
        let (hash, len) = text.split_once('-')?;
        Some(ContentKey {
            hash: u64::from_str_radix(hash, 16).ok()?,
            len: len.parse().ok()?,
        })
    }

    pub fn of(bytes: &[u8]) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        ContentKey {
            hash,
            len: bytes.len() as u64,
        }
    }
}

/// `base` if no article has it yet, else `base-2`, `base-3`, ... (the first
/// free one).
pub fn unique_slug<'a>(base: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    // A list, not a hash set: the page carries no hashing code for this.
    let taken: Vec<&str> = taken.into_iter().collect();
    if !taken.contains(&base) {
        return base.to_string();
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken.contains(&candidate.as_str()) {
            return candidate;
        }
        n += 1;
    }
}

/// A byte count for people: `820 B`, `14.2 KB`, `1.2 MB` (powers of 1000).
/// Written with integers: the page carries no float formatting.
pub fn size_text(bytes: u64) -> String {
    let (tenths, unit) = if bytes < 1000 {
        return format!("{bytes} B");
    } else if bytes < 1_000_000 {
        (bytes.saturating_add(50) / 100, "KB")
    } else {
        (bytes.saturating_add(50_000) / 100_000, "MB")
    };
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

/// The reason in an error that starts with the item's name (`name: why`,
/// `name:12: why`), for a line that names the item once: `why`, or
/// `line 12: why`.
pub fn reason(name: &str, message: &str) -> String {
    let Some(rest) = message.strip_prefix(name) else {
        return message.to_string();
    };
    if let Some(rest) = rest.strip_prefix(": ") {
        return rest.to_string();
    }
    if let Some((line, why)) = rest.strip_prefix(':').and_then(|r| r.split_once(": ")) {
        if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) {
            return format!("line {line}: {why}");
        }
    }
    message.to_string()
}

/// What became of one item of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Added to the library under this slug.
    Added { name: String, slug: String },
    /// The same content is already in the library, under this slug.
    Duplicate { name: String, slug: String },
    /// Could not be read; the message says why.
    Failed { name: String, message: String },
    /// The reader cancelled the batch before this item was read.
    Cancelled { name: String },
    /// A backup file: its `count` articles follow as items of their own.
    Backup { name: String, count: usize },
}

impl Outcome {
    /// One line for the reader, naming the item.
    pub fn text(&self) -> String {
        match self {
            Outcome::Added { name, .. } => format!("{name}: added"),
            Outcome::Duplicate { name, .. } => {
                format!("{name}: already in the library, not added again")
            }
            Outcome::Failed { name, message } => format!("{name}: {message}"),
            Outcome::Cancelled { name } => format!("{name}: not added (cancelled)"),
            Outcome::Backup { name, count } => format!(
                "{name}: a backup of {count} article{}",
                if *count == 1 { "" } else { "s" }
            ),
        }
    }
}

/// One batch of added items: their names and sizes in order, and what became
/// of those already handled. Items are handled in order; none is dropped
/// without an outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    items: Vec<(String, u64)>,
    outcomes: Vec<Outcome>,
    known: Vec<(ContentKey, String)>,
}

impl Batch {
    /// A batch of `(name, size in bytes)`; `known` are the content keys and
    /// slugs of the articles the reader added before.
    pub fn new(items: Vec<(String, u64)>, known: Vec<(ContentKey, String)>) -> Self {
        Batch {
            items,
            outcomes: Vec::new(),
            known,
        }
    }

    pub fn total(&self) -> usize {
        self.items.len()
    }

    pub fn handled(&self) -> usize {
        self.outcomes.len()
    }

    pub fn is_done(&self) -> bool {
        self.handled() == self.total()
    }

    /// The item to read next, if any.
    pub fn next(&self) -> Option<&(String, u64)> {
        self.items.get(self.handled())
    }

    /// If content with this key is already known, the slug it has; checked
    /// before the item is analysed.
    pub fn duplicate_of(&self, key: ContentKey) -> Option<&str> {
        self.known
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, slug)| slug.as_str())
    }

    /// Record the outcome of the next item. An added item's key joins the
    /// known ones, so the same content later in the batch is a duplicate.
    pub fn record(&mut self, outcome: Outcome, key: Option<ContentKey>) {
        if self.is_done() {
            return;
        }
        if let (Outcome::Added { slug, .. }, Some(key)) = (&outcome, key) {
            self.known.push((key, slug.clone()));
        }
        self.outcomes.push(outcome);
    }

    /// The articles of a backup file, read as the next items (after the
    /// backup itself, whose outcome is recorded next).
    pub fn insert_next(&mut self, items: Vec<(String, u64)>) {
        let at = (self.handled() + 1).min(self.items.len());
        self.items.splice(at..at, items);
    }

    /// How many items were added.
    pub fn added(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Added { .. }))
            .count()
    }

    /// The items that are articles (not backup files).
    pub fn articles(&self) -> usize {
        self.total()
            - self
                .outcomes
                .iter()
                .filter(|o| matches!(o, Outcome::Backup { .. }))
                .count()
    }

    /// Cancel: every item not yet handled gets a `Cancelled` outcome.
    pub fn cancel(&mut self) {
        while let Some((name, _)) = self.next().cloned() {
            self.outcomes.push(Outcome::Cancelled { name });
        }
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// Progress for the reader: `3 of 25, 1.2 MB` (items handled, and the
    /// size of the whole batch).
    pub fn progress_text(&self) -> String {
        let bytes: u64 = self.items.iter().map(|(_, size)| size).sum();
        format!(
            "{} of {}, {}",
            self.handled(),
            self.total(),
            size_text(bytes)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_keys_survive_their_text_form() {
        let key = ContentKey::of("مرحبا 👋🏽 e\u{301}".as_bytes());
        assert_eq!(ContentKey::from_text(&key.to_text()), Some(key));
        assert_eq!(ContentKey::from_text("zz-3"), None);
        assert_eq!(ContentKey::from_text("12"), None);
    }

    #[cfg(feature = "import")]
    #[test]
    fn a_backup_reads_back_without_loss() {
        let saved = vec![
            Saved {
                name: "نيل \"قصة\".html".into(),
                source: Source::File,
                title: Some("Quay 🚢 e\u{301}\nline\\".into()),
                added: 1_765_000_000_123.0,
                original: (0u8..=255).chain([0xef, 0xbb, 0xbf]).collect(),
            },
            Saved {
                name: "Pasted text".into(),
                source: Source::PastedText,
                title: None,
                added: 5.0,
                original: b"ab".to_vec(),
            },
            Saved {
                name: "p".into(),
                source: Source::PastedHtml,
                title: None,
                added: 6.0,
                original: Vec::new(),
            },
        ];
        let file = backup_json(&saved, "");
        assert!(is_backup(file.as_bytes()));
        assert_eq!(
            read_backup("b.json", file.as_bytes()).expect("backup"),
            Backup {
                articles: saved.clone(),
                corrections: String::new()
            }
        );
        // The reader's corrections go with the articles, whatever their names.
        let corrections = "rename\tk\tQuay \"Nord\" \u{5c} قال 👩‍👩‍👧\nhide\tx\n";
        let file = backup_json(&saved, corrections);
        let back = read_backup("b.json", file.as_bytes()).expect("backup");
        assert_eq!(back.corrections, corrections);
        assert_eq!(back.articles, saved);
        match import_reply(Source::File, "b.json", file.as_bytes()).expect("reply") {
            Reply::Backup(back) => assert_eq!(back.articles, saved),
            Reply::Article(_) => panic!("a backup was read as an article"),
        }
        // A BOM and spaces before the mark are fine; an article is not a backup.
        let with_bom = format!("\u{feff}  {file}");
        assert!(is_backup(with_bom.as_bytes()));
        assert!(!is_backup(b"{\"title\": \"x\"}"));
        assert!(!is_backup(b"# dossier_backup"));
    }

    #[cfg(feature = "import")]
    #[test]
    fn a_damaged_backup_names_the_file_and_the_article() {
        let bad_json =
            read_backup("b.json", b"{\"dossier_backup\":1,\n\"articles\":[").expect_err("damaged");
        assert!(
            bad_json.starts_with("b.json:2: the backup is damaged"),
            "{bad_json}"
        );
        let newer =
            read_backup("b.json", b"{\"dossier_backup\":2,\"articles\":[]}").expect_err("newer");
        assert!(newer.contains("format 2"), "{newer}");
        let no_original = read_backup(
            "b.json",
            b"{\"dossier_backup\":1,\"articles\":[{\"name\":\"a.md\",\"source\":\"file\",\"original\":\"**\"}]}",
        )
        .expect_err("bad base64");
        assert_eq!(
            no_original,
            "b.json: article 1 of the backup (“a.md”) has no readable original"
        );
        let bad = read_backup(
            "b.json",
            b"{\"dossier_backup\":1,\"corrections\":\"shout\\tk\",\"articles\":[]}",
        )
        .expect_err("bad corrections");
        assert!(
            bad.starts_with("b.json: the backup's corrections, line 1:"),
            "{bad}"
        );
    }

    #[cfg(feature = "import")]
    #[test]
    fn an_item_is_read_analysed_and_survives_encoding() {
        let page = "<html><head><title>Quay works</title></head><body><article><h1>Quay works</h1><p>Maria Lund opened the new quay in Bergen on 2 June 2023, the council said.</p><p>Work on the second berth starts next year, and the harbour will stay open.</p></article></body></html>";
        let item = import_item(Source::File, "quay.html", page.as_bytes()).expect("page");
        assert_eq!(item.article.meta.title, "Quay works");
        assert!(item.analysis.entities.iter().any(|e| e.name == "Bergen"));
        assert!(item.json.contains("\"file\":\"quay.html\""));
        let reply = Reply::Article(Box::new(item.clone()));
        let back = Reply::article(&reply.encode().expect("encode")).expect("decode");
        assert_eq!(back, item);
        // An article is read without the backup's decoder, not from one.
        let backup = Reply::Backup(Backup::default()).encode().expect("encode");
        assert!(Reply::article(&backup).is_err());
        assert!(Reply::article(&[]).is_err());
        assert!(Reply::article(&[0, 0xff]).is_err());
        let pasted = import_item(
            Source::PastedText,
            "Pasted text",
            b"Quay works\n\nMaria Lund spoke.",
        )
        .expect("text");
        assert_eq!(pasted.article.meta.title, "Quay works");
        let bad = import_item(Source::PastedHtml, "Pasted page", &[0xff, 0xfe, 0x00])
            .expect_err("not text");
        assert!(bad.starts_with("Pasted page: "), "{bad}");
        let empty = import_item(Source::File, "empty.txt", b"").expect_err("empty");
        assert!(empty.contains("empty.txt"), "{empty}");
        for code in 0..3 {
            assert_eq!(Source::from_code(code).map(Source::code), Some(code));
        }
        assert_eq!(Source::from_code(3), None);
        assert!(ENGINE.starts_with(env!("CARGO_PKG_VERSION")));
    }

    fn item(name: &str, size: u64) -> (String, u64) {
        (name.to_string(), size)
    }

    #[test]
    fn reason_names_the_item_once() {
        assert_eq!(
            reason("a.md", "a.md: the file is empty"),
            "the file is empty"
        );
        assert_eq!(
            reason("a.md", "a.md:3: bad front matter"),
            "line 3: bad front matter"
        );
        assert_eq!(reason("a.md", "something else"), "something else");
        assert_eq!(reason("a.md", "a.mdx: other file"), "a.mdx: other file");
    }

    #[test]
    fn unique_slug_keeps_a_free_base_and_suffixes_a_taken_one() {
        assert_eq!(unique_slug("harbour-report", ["other"]), "harbour-report");
        assert_eq!(
            unique_slug("harbour-report", ["harbour-report"]),
            "harbour-report-2"
        );
        assert_eq!(
            unique_slug(
                "harbour-report",
                ["harbour-report", "harbour-report-2", "harbour-report-4"]
            ),
            "harbour-report-3"
        );
    }

    #[test]
    fn content_key_tells_same_from_different_content() {
        let a = ContentKey::of(b"The ferry left at noon.");
        assert_eq!(a, ContentKey::of(b"The ferry left at noon."));
        assert_ne!(a, ContentKey::of(b"The ferry left at noon!"));
        assert_ne!(ContentKey::of(b""), ContentKey::of(b"\0"));
    }

    #[test]
    fn size_text_uses_readable_units() {
        assert_eq!(size_text(820), "820 B");
        assert_eq!(size_text(14_200), "14.2 KB");
        assert_eq!(size_text(1_200_000), "1.2 MB");
        // rounded as float formatting rounds them
        for b in [
            1000, 1049, 1050, 99_949, 999_949, 999_950, 1_000_000, 12_345_678,
        ] {
            let want = if b < 1_000_000 {
                format!("{:.1} KB", b as f64 / 1e3)
            } else {
                format!("{:.1} MB", b as f64 / 1e6)
            };
            assert_eq!(size_text(b), want, "{b}");
        }
    }

    #[test]
    fn batch_reports_progress_and_every_outcome() {
        let mut batch = Batch::new(
            vec![
                item("a.html", 600_000),
                item("b.txt", 400_000),
                item("c.pdf", 200_000),
            ],
            Vec::new(),
        );
        assert_eq!(batch.progress_text(), "0 of 3, 1.2 MB");
        assert_eq!(batch.next(), Some(&item("a.html", 600_000)));
        let key = ContentKey::of(b"first page");
        batch.record(
            Outcome::Added {
                name: "a.html".into(),
                slug: "a".into(),
            },
            Some(key),
        );
        assert_eq!(batch.progress_text(), "1 of 3, 1.2 MB");
        assert_eq!(batch.duplicate_of(key), Some("a"));
        batch.record(
            Outcome::Duplicate {
                name: "b.txt".into(),
                slug: "a".into(),
            },
            Some(key),
        );
        batch.record(
            Outcome::Failed {
                name: "c.pdf".into(),
                message: "not a page or text file".into(),
            },
            None,
        );
        assert!(batch.is_done());
        assert_eq!(batch.next(), None);
        let texts: Vec<String> = batch.outcomes().iter().map(Outcome::text).collect();
        assert_eq!(
            texts,
            [
                "a.html: added",
                "b.txt: already in the library, not added again",
                "c.pdf: not a page or text file",
            ]
        );
        // Nothing is recorded past the end.
        batch.record(Outcome::Cancelled { name: "x".into() }, None);
        assert_eq!(batch.handled(), 3);
    }

    #[test]
    fn known_content_from_before_the_batch_is_a_duplicate() {
        let key = ContentKey::of(b"pasted note");
        let batch = Batch::new(vec![item("pasted", 11)], vec![(key, "note".into())]);
        assert_eq!(batch.duplicate_of(key), Some("note"));
        assert_eq!(batch.duplicate_of(ContentKey::of(b"other note")), None);
    }

    #[test]
    fn a_backup_s_articles_are_read_next() {
        let mut batch = Batch::new(vec![item("b.json", 100), item("c.md", 5)], Vec::new());
        batch.insert_next(vec![item("x.html", 40), item("y.txt", 10)]);
        assert_eq!(batch.progress_text(), "0 of 4, 155 B");
        batch.record(
            Outcome::Backup {
                name: "b.json".into(),
                count: 2,
            },
            None,
        );
        assert_eq!(batch.next().map(|(n, _)| n.as_str()), Some("x.html"));
        batch.record(
            Outcome::Added {
                name: "x.html".into(),
                slug: "x".into(),
            },
            Some(ContentKey::of(b"x")),
        );
        batch.cancel();
        let names: Vec<String> = batch.outcomes().iter().map(Outcome::text).collect();
        assert_eq!(
            names,
            [
                "b.json: a backup of 2 articles",
                "x.html: added",
                "y.txt: not added (cancelled)",
                "c.md: not added (cancelled)"
            ]
        );
        assert_eq!((batch.added(), batch.articles()), (1, 3));
    }

    #[test]
    fn cancel_gives_the_rest_an_outcome() {
        let mut batch = Batch::new(
            vec![item("a.md", 10), item("b.md", 10), item("c.md", 10)],
            Vec::new(),
        );
        batch.record(
            Outcome::Added {
                name: "a.md".into(),
                slug: "a".into(),
            },
            None,
        );
        batch.cancel();
        assert!(batch.is_done());
        assert_eq!(
            batch.outcomes()[1..],
            [
                Outcome::Cancelled {
                    name: "b.md".into()
                },
                Outcome::Cancelled {
                    name: "c.md".into()
                },
            ]
        );
        assert_eq!(batch.progress_text(), "3 of 3, 30 B");
    }
}

//! What a reader takes out of dossier: the analysis of an article as JSON
//! (the `analyze` contract, one object) and the article as Markdown with
//! front matter, which dossier reads back as it was.

use serde_json::{json, Value};

use crate::analysis::{Analysis, Span};
use crate::article::{Article, BlockKind, Meta};

/// The source range and text of a span, or null offsets when the span has no
/// counterpart in the file (it then still carries its text).
fn located(src: &str, article: &Article, parts: &[&str], span: Span) -> (Value, Value, String) {
    match article.source_range(span.part, span.start, span.end) {
        Some((s, e)) => (json!(s), json!(e), src.get(s..e).unwrap_or("").to_string()),
        None => (Value::Null, Value::Null, span.text(parts).to_string()),
    }
}

/// The analysis of `article`, read from the file `file` whose text is `src`,
/// as `analyze` prints it: entities with their mentions, dates, timeline and
/// coverage, offsets into `src`.
pub fn analysis_json(file: &str, src: &str, article: &Article, a: &Analysis) -> Value {
    let parts = article.parts();
    let entities: Vec<Value> = a
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Value> = e
                .mentions
                .iter()
                .map(|m| {
                    let (s, en, text) = located(src, article, &parts, *m);
                    json!({"start": s, "end": en, "text": text})
                })
                .collect();
            json!({"id": e.id, "name": e.name, "type": e.kind.as_str(),
                   "aliases": e.aliases, "mentions": mentions})
        })
        .collect();
    let dates: Vec<Value> = a
        .times
        .iter()
        .map(|t| {
            let (s, en, text) = located(src, article, &parts, t.span);
            json!({"start": s, "end": en, "text": text, "value": t.value, "type": t.kind})
        })
        .collect();
    let timeline: Vec<Value> = a
        .timeline
        .iter()
        .map(|ev| {
            let (s, en, _) = located(src, article, &parts, ev.sentence);
            json!({"date": ev.date, "until": ev.until, "open_ended": ev.open_ended,
                   "precision": ev.precision, "label": ev.label,
                   "span": [s, en], "entities": a.entity_ids(&ev.entities).collect::<Vec<_>>()})
        })
        .collect();
    json!({"file": file, "title": article.meta.title, "date": article.meta.date,
           "entities": entities, "dates": dates, "timeline": timeline,
           "coverage": a.coverage.as_ref().map(|(f, t)| json!([f, t]))})
}

/// `s` as a double-quoted string that is both a TOML basic string and a JSON
/// string: quotes, backslashes and control characters (and U+2028/U+2029,
/// which some JavaScript parsers reject) escaped.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The TOML front matter of `meta`, between `+++` lines (also what an
/// imported Markdown file without one is given, `article::import`).
pub(crate) fn front_matter(meta: &Meta) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&format!("title = {}\n", quoted(&meta.title)));
    let fields = [
        ("date", &meta.date),
        ("section", &meta.section),
        ("byline", &meta.byline),
        ("source", &meta.source),
        ("summary", &meta.summary),
        ("license", &meta.license),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            out.push_str(&format!("{key} = {}\n", quoted(v)));
        }
    }
    out.push_str("+++\n");
    out
}

/// Block text as Markdown that reads back as the same text: markup
/// characters are escaped, and so is what would start a block of another
/// kind (`# `, `> `, `- `, `1. `).
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // A line break inside a block would end or split it.
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    // A leading list or heading marker.
    let starts_list = out.starts_with("- ")
        || out.starts_with("+ ")
        || out.starts_with("= ")
        || out.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        })
        || out.split_once(") ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if starts_list {
        if let Some(first) = out.find(|c: char| !c.is_ascii_digit()) {
            out.insert(first, '\\');
        }
    }
    out
}

/// The article as Markdown with front matter: its metadata, then its blocks
/// (headings, paragraphs, quotes, list items) as plain text, escaped.
pub fn markdown(article: &Article) -> String {
    let mut out = front_matter(&article.meta);
    let mut previous: Option<BlockKind> = None;
    for block in &article.blocks {
        let text = escape_markdown(block.text.trim());
        if text.is_empty() {
            continue;
        }
        // Consecutive list items stay one list; everything else is a
        // block of its own.
        // The front matter's last line already ends with a line break.
        let tight = previous.is_none()
            || (previous == Some(BlockKind::ListItem) && block.kind == BlockKind::ListItem);
        out.push_str(if tight { "\n" } else { "\n\n" });
        match block.kind {
            BlockKind::Paragraph => out.push_str(&text),
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
                out.push(' ');
                out.push_str(&text);
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&text);
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&text);
            }
        }
        previous = Some(block.kind);
    }
    out.push('\n');
    out
}

#[cfg(all(test, feature = "import"))]
mod tests {
    use super::*;
    use crate::article::import;

    fn round_trip(article: &Article) -> Article {
        let md = markdown(article);
        import("back.md", md.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{md}"))
    }

    fn texts(a: &Article) -> Vec<(BlockKind, String)> {
        a.blocks.iter().map(|b| (b.kind, b.text.clone())).collect()
    }

    #[test]
    fn markdown_reads_back_as_the_same_article() {
        let page = r#"<html><head><title>Harbour notes</title>
            <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
            <body><article><h1>Harbour “notes” \ with *stars*</h1>
            <p>The ferry_line left at 10:00 [early] &lt;tag&gt; # not a heading.</p>
            <h2>What # came next</h2>
            <blockquote><p>We wait, said the pilot.</p></blockquote>
            <ul><li>First crate</li><li>2. second crate</li></ul>
            <p>1. A numbered start, - a dash and the end of the text of this paragraph.</p>
            <p>مرحبا بالعالم 👋🏽 and e\u{301}clair.</p>
            </article></body></html>"#;
        let article = import("notes.html", page.as_bytes()).expect("page");
        let kinds: Vec<BlockKind> = article.blocks.iter().map(|b| b.kind).collect();
        assert!(kinds.contains(&BlockKind::Quote), "{kinds:?}");
        assert!(kinds.contains(&BlockKind::ListItem), "{kinds:?}");
        assert!(kinds.contains(&BlockKind::Heading(2)), "{kinds:?}");
        assert!(article.blocks.len() >= 6, "{:?}", texts(&article));
        let back = round_trip(&article);
        assert_eq!(back.meta, article.meta);
        assert_eq!(texts(&back), texts(&article), "{}", markdown(&article));
    }

    #[test]
    fn front_matter_escapes_quotes_and_line_breaks() {
        let mut article = import("a.txt", b"Title\n\nBody text here.").expect("text");
        article.meta.title = "A \"quoted\"\ttitle \\ here".into();
        article.meta.summary = Some("two\nlines".into());
        article.meta.date = Some("2020-01-02".into());
        let back = round_trip(&article);
        assert_eq!(back.meta, article.meta);
    }

    #[test]
    fn analysis_json_has_the_analyze_fields() {
        let src = "+++\ntitle = \"Port\"\ndate = \"2024-05-01\"\n+++\n\nAnna Berg visited Oslo on 3 May 2024.\n";
        let article = import("port.md", src.as_bytes()).expect("md");
        let parts = article.parts();
        let a = crate::analyze(&parts, article.meta.date.as_deref());
        let v = analysis_json("port.md", src, &article, &a);
        assert_eq!(v["file"], "port.md");
        assert_eq!(v["title"], "Port");
        let names: Vec<&str> = v["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .filter_map(|e| e["name"].as_str())
            .collect();
        assert!(names.contains(&"Oslo"), "{names:?}");
        let m = &v["entities"][0]["mentions"][0];
        let (s, e) = (
            m["start"].as_u64().expect("start") as usize,
            m["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&src[s..e], m["text"].as_str().expect("text"));
        assert!(!v["dates"].as_array().expect("dates").is_empty());
    }
}

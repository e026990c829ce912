use super::*;

fn md(src: &str) -> Result<Article, ArticleError> {
    parse_article("articles/test.md", src.as_bytes())
}

fn err(src: &str) -> String {
    match md(src) {
        Ok(a) => panic!("expected an error, parsed {a:?}"),
        Err(e) => e.to_string(),
    }
}

fn texts(a: &Article) -> Vec<&str> {
    a.blocks.iter().map(|b| b.text.as_str()).collect()
}

/// Every verbatim run of every block points at the same bytes in the source.
fn assert_runs_verbatim(a: &Article, src: &str) {
    for b in &a.blocks {
        for r in &b.source {
            assert_eq!(
                &b.text[r.text..r.text + r.len],
                &src[r.source..r.source + r.len],
                "run {r:?} of block {:?}",
                b.text
            );
        }
    }
    if let Some(t) = a.title_source {
        assert_eq!(&src[t..t + a.meta.title.len()], a.meta.title);
    }
}

const FULL: &str = "+++\ntitle = \"Talks resume in Geneva\"\ndate = \"2025-04-23\"\nsection = \"World\"\nsource = \"Example Wire\"\nsummary = \"Delegations met again.\"\nlicense = \"CC BY 4.0\"\n+++\n\nFirst paragraph of the body.\n\nSecond paragraph.\n";

#[test]
fn front_matter_keys_are_read() {
    let a = md(FULL).expect("parses");
    assert_eq!(a.slug, "test");
    assert_eq!(a.meta.title, "Talks resume in Geneva");
    assert_eq!(a.meta.date.as_deref(), Some("2025-04-23"));
    assert_eq!(a.meta.section.as_deref(), Some("World"));
    assert_eq!(a.meta.source.as_deref(), Some("Example Wire"));
    assert_eq!(a.meta.summary.as_deref(), Some("Delegations met again."));
    assert_eq!(a.meta.license.as_deref(), Some("CC BY 4.0"));
    assert_eq!(
        texts(&a),
        ["First paragraph of the body.", "Second paragraph."]
    );
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    assert_runs_verbatim(&a, FULL);
    assert_eq!(a.title_source, FULL.find("Talks"));
}

#[test]
fn undated_article_has_no_date() {
    let a = md("+++\ntitle = \"T\"\n+++\nBody.\n").expect("parses");
    assert_eq!(a.meta.date, None);
    assert_eq!(a.meta.section, None);
}

#[test]
fn missing_title_names_the_file_and_line() {
    assert_eq!(
        err("+++\ndate = \"2025-01-02\"\n+++\n\nBody.\n"),
        "articles/test.md:1: front matter has no `title`"
    );
}

#[test]
fn empty_title_is_an_error() {
    assert_eq!(
        err("+++\nsection = \"x\"\ntitle = \"  \"\n+++\n\nBody.\n"),
        "articles/test.md:3: `title` is empty"
    );
}

#[test]
fn unknown_key_is_an_error_on_its_line() {
    let e = err("+++\ntitle = \"T\"\nauthor = \"Someone\"\n+++\n\nBody.\n");
    assert!(
        e.starts_with("articles/test.md:3: bad front matter:"),
        "{e}"
    );
    assert!(e.contains("author"), "{e}");
}

#[test]
fn malformed_toml_is_an_error_on_its_line() {
    let e = err("+++\ntitle = \"T\"\nsection = News\n+++\n\nBody.\n");
    assert!(
        e.starts_with("articles/test.md:3: bad front matter:"),
        "{e}"
    );
    assert!(!e.contains('\n'), "one line: {e}");
}

#[test]
fn bad_dates_are_errors() {
    for (date, why) in [
        ("2025-02-30", "month 2 of 2025 has no day 30"),
        ("2025-13-01", "there is no month 13"),
        ("April 2025", "expected an ISO 8601 calendar date"),
        ("2025-4-1", "expected an ISO 8601 calendar date"),
        ("2023-02-29", "month 2 of 2023 has no day 29"),
    ] {
        let e = err(&format!(
            "+++\ntitle = \"T\"\n\ndate = \"{date}\"\n+++\n\nBody.\n"
        ));
        assert!(e.starts_with("articles/test.md:4: bad `date`"), "{e}");
        assert!(e.contains(why), "{date}: {e}");
    }
    let leap = md("+++\ntitle = \"T\"\ndate = \"2024-02-29\"\n+++\nBody.\n").expect("leap day");
    assert_eq!(leap.meta.date.as_deref(), Some("2024-02-29"));
}

#[test]
fn a_date_that_is_not_a_string_is_an_error() {
    let e = err("+++\ntitle = \"T\"\ndate = 2025-04-23\n+++\n\nBody.\n");
    assert!(
        e.starts_with("articles/test.md:3: bad front matter:"),
        "{e}"
    );
}

#[test]
fn not_utf8_names_the_line() {
    let mut bytes = b"+++\ntitle = \"T\"\n+++\n\nfine line\nbad \xff byte\n".to_vec();
    let e = parse_article("a/b.md", &bytes).expect_err("not UTF-8");
    assert_eq!(e.line, 6);
    assert!(
        e.to_string().starts_with("a/b.md:6: not valid UTF-8"),
        "{e}"
    );
    bytes.truncate(3);
    assert!(parse_article("a/b.md", &bytes).is_err());
}

#[test]
fn empty_body_is_an_error() {
    assert_eq!(
        err("+++\ntitle = \"T\"\n+++\n\n   \n\n"),
        "articles/test.md:4: the body is empty: an article needs at least one paragraph after the front matter"
    );
    assert!(err("+++\ntitle = \"T\"\n+++").contains("the body is empty"));
}

#[test]
fn empty_file_and_missing_front_matter_are_errors() {
    assert!(err("").starts_with("articles/test.md:1: expected front matter"));
    assert!(err("Just text\n").starts_with("articles/test.md:1: expected front matter"));
    assert_eq!(
        err("+++\ntitle = \"T\"\n\nBody.\n"),
        "articles/test.md:1: front matter opened here is never closed by a `+++` line"
    );
    let e = parse_article("x.txt", b"").expect_err("empty txt");
    assert!(
        e.to_string().starts_with("x.txt:1: the file is empty"),
        "{e}"
    );
    let e = parse_article("x.txt", b"Only a title\n").expect_err("no body");
    assert!(e.to_string().contains("the body is empty"), "{e}");
}

#[test]
fn oversized_file_is_an_error() {
    let body = "word ".repeat(2 * 1024 * 1024 + 10);
    let e = err(&format!("+++\ntitle = \"T\"\n+++\n\n{body}\n"));
    assert!(e.starts_with("articles/test.md:1: file is "), "{e}");
    assert!(e.contains("more than the 4194304 bytes"), "{e}");
}

#[test]
fn nul_is_an_error() {
    let e = err("+++\ntitle = \"T\"\n+++\n\nBo\0dy.\n");
    assert!(e.starts_with("articles/test.md:5: contains a NUL"), "{e}");
}

#[test]
fn unsupported_extension_is_an_error() {
    let e = parse_article("notes.html", b"<p>x</p>").expect_err("html");
    assert!(e
        .to_string()
        .starts_with("notes.html:1: unsupported file type"));
}

#[test]
fn javascript_and_relative_links_are_errors() {
    let e =
        err("+++\ntitle = \"T\"\n+++\n\nSafe text.\n\nClick [here](javascript:alert(1)) now.\n");
    assert!(
        e.starts_with("articles/test.md:7: link to `javascript:alert(1)` is not allowed"),
        "{e}"
    );
    for href in [
        "/local/page",
        "data:text/html,hi",
        "JAVASCRIPT:x",
        "ftp://x.org/",
        "http://",
    ] {
        let e = err(&format!("+++\ntitle = \"T\"\n+++\n\n[a]({href})\n"));
        assert!(e.contains("is not allowed"), "{href}: {e}");
    }
}

#[test]
fn markdown_blocks_and_styles() {
    let src = "+++\ntitle = \"T\"\n+++\n\n## A heading\n\nSome *emphasis*, **strong** and a [link](https://example.org/a?b=1) with `code`.\n\n> Quoted line one\n> continues.\n\n- first item\n- second *item*\n\nLast paragraph.\n";
    let a = md(src).expect("parses");
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(2),
            BlockKind::Paragraph,
            BlockKind::Quote,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(
        texts(&a),
        [
            "A heading",
            "Some emphasis, strong and a link with code.",
            "Quoted line one continues.",
            "first item",
            "second item",
            "Last paragraph."
        ]
    );
    let p = &a.blocks[1];
    let styled: Vec<(&str, &StyleKind)> = p
        .styles
        .iter()
        .map(|s| (&p.text[s.start..s.end], &s.kind))
        .collect();
    assert_eq!(
        styled,
        [
            ("emphasis", &StyleKind::Emphasis),
            ("strong", &StyleKind::Strong),
            ("link", &StyleKind::Link("https://example.org/a?b=1".into())),
            ("code", &StyleKind::Code),
        ]
    );
    let item = &a.blocks[4];
    assert_eq!(item.styles.len(), 1);
    assert_eq!(&item.text[item.styles[0].start..item.styles[0].end], "item");
    assert_runs_verbatim(&a, src);
}

#[test]
fn raw_html_stays_text() {
    let src = "+++\ntitle = \"T\"\n+++\n\nA <script>alert(1)</script> and <b>bold</b>.\n\n<div onclick=\"x()\">block html</div>\n";
    let a = md(src).expect("parses");
    assert_eq!(
        texts(&a),
        [
            "A <script>alert(1)</script> and <b>bold</b>.",
            "<div onclick=\"x()\">block html</div>"
        ]
    );
    assert!(a.blocks.iter().all(|b| b.styles.is_empty()));
}

#[test]
fn crlf_and_unicode_survive() {
    let src = "+++\r\ntitle = \"مرحبا 👋🏽\"\r\n+++\r\n\r\nالرئيس أحمد — e\u{301}te\u{301} 👩‍👩‍👧 \u{202e}rtl\u{202c}.\r\n\r\nSecond.\r\n";
    let a = md(src).expect("parses");
    assert_eq!(a.meta.title, "مرحبا 👋🏽");
    assert_eq!(
        texts(&a),
        [
            "الرئيس أحمد — e\u{301}te\u{301} 👩‍👩‍👧 \u{202e}rtl\u{202c}.",
            "Second."
        ]
    );
    assert_runs_verbatim(&a, src);
}

#[test]
fn source_range_maps_text_to_file_bytes() {
    let src = "+++\ntitle = \"Mr Smith goes\"\n+++\n\nAn *emphatic* Smith\nwrote.\n";
    let a = md(src).expect("parses");
    assert_eq!(a.blocks[0].text, "An emphatic Smith wrote.");
    let t = &a.blocks[0].text;
    let at = t.find("Smith").expect("in text");
    let (s, e) = a.source_range(1, at, at + 5).expect("maps");
    assert_eq!(&src[s..e], "Smith");
    // Across the soft line break (a space in the text, a newline in the file).
    let (s, e) = a.source_range(1, at, t.len()).expect("maps");
    assert_eq!(&src[s..e], "Smith\nwrote.");
    let (s, e) = a.source_range(0, 3, 8).expect("title maps");
    assert_eq!(&src[s..e], "Smith");
}

#[test]
fn escaped_title_is_read_but_not_mapped() {
    let a = md("+++\ntitle = \"A \\\"quoted\\\" word\"\n+++\nBody.\n").expect("parses");
    assert_eq!(a.meta.title, "A \"quoted\" word");
    assert_eq!(a.title_source, None);
}

#[test]
fn slugs() {
    assert_eq!(
        slug_for_path("assets/articles/000-russia-refused.md"),
        "russia-refused"
    );
    assert_eq!(slug_for_path("12_Some Title!.txt"), "some-title");
    assert_eq!(slug_for_path("2025.md"), "2025");
    assert_eq!(slug_for_path("C:\\x\\Über Café.md"), "ber-caf");
    assert_eq!(slug_for_path("---.md"), "article");
}

const SCRAPED: &str = "Talks Resume in Geneva\n\nWorld\n\nTalks Resume in Geneva\n\nDelegations met on Monday.\n\nThey will meet again.\n\n.\nshare\n";

#[test]
fn scraped_text_drops_leftovers() {
    let a = parse_article("in/07-talks.txt", SCRAPED.as_bytes()).expect("parses");
    assert_eq!(a.slug, "talks");
    assert_eq!(a.meta.title, "Talks Resume in Geneva");
    assert_eq!(a.meta.section.as_deref(), Some("World"));
    assert_eq!(a.meta.date, None);
    assert_eq!(
        texts(&a),
        ["Delegations met on Monday.", "They will meet again."]
    );
    assert_eq!(a.title_source, Some(0));
    assert_runs_verbatim(&a, SCRAPED);
}

#[test]
fn scraped_text_keeps_real_short_paragraphs() {
    let src = "Title here\n\nIt rained.\n\nShort line\nthat wraps.\n\nThe end.\n";
    let a = parse_article("x.txt", src.as_bytes()).expect("parses");
    assert_eq!(a.meta.section, None);
    assert_eq!(
        texts(&a),
        ["It rained.", "Short line that wraps.", "The end."]
    );
    assert_runs_verbatim(&a, src);
}

fn shared(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("shared")
        .join(path)
}

#[test]
fn seed_txt_and_bundled_md_agree() {
    let seed_path = shared("seeds/000_d111d31f41ebd35a.txt");
    let seed = std::fs::read(&seed_path).expect("../shared/seeds is beside the repository");
    let txt = parse_article("000_d111d31f41ebd35a.txt", &seed).expect("seed parses");
    let md_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../assets/articles/000-russia-refused-to-extradite-assad.md");
    let bundled = std::fs::read(&md_path).expect("bundled seed");
    let md = parse_article("000-russia-refused-to-extradite-assad.md", &bundled).expect("md");
    assert_eq!(
        txt.meta.title,
        "Russia Refused to Extradite Assad to New Syrian Authorities"
    );
    assert_eq!(txt.meta.section.as_deref(), Some("News"));
    assert_eq!(md.meta.section.as_deref(), Some("News"));
    assert_eq!(md.meta.title, txt.meta.title);
    assert_eq!(md.meta.date, None);
    assert_eq!(texts(&md), texts(&txt));
    assert_eq!(txt.blocks.len(), 7);
    assert!(texts(&txt)[0].starts_with("The new Syrian leadership"));
    assert!(texts(&txt)[6].ends_with("various geopolitical players."));
    assert!(!texts(&txt).iter().any(|t| t.contains("upstairs")));
    let seed_str = std::str::from_utf8(&seed).expect("utf-8");
    assert_runs_verbatim(&txt, seed_str);
    // Every body paragraph of the seed is kept verbatim.
    let verbatim = texts(&txt).iter().filter(|t| seed_str.contains(*t)).count();
    assert_eq!(verbatim, 7);
}

#[test]
fn dev_set_articles_parse_verbatim() {
    let dir = shared("eval/meantime-dev");
    let (mut n, mut dated) = (0, 0);
    for entry in std::fs::read_dir(&dir).expect("dev set beside the repository") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let name = path.to_string_lossy();
        let a = parse_article(&name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let src = std::str::from_utf8(&bytes).expect("utf-8");
        dated += usize::from(a.meta.date.is_some());
        assert!(!a.blocks.is_empty());
        assert_runs_verbatim(&a, src);
        assert!(a.title_source.is_some(), "{name}: title maps to the file");
        n += 1;
    }
    assert_eq!(n, 60);
    // Two of the dev articles carry no publication date.
    assert_eq!(dated, 58);
}

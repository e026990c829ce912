use super::*;
use crate::article::{BlockKind, StyleKind};

const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Harbour reopens | The Coast Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="article:published_time" content="2024-03-08T09:30:00+01:00">
<meta property="article:section" content="Local">
<meta name="author" content="Ana Ruiz">
<link rel="canonical" href="https://news.example/harbour">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour of the town reopened on Friday after a week of repairs, the port authority said in a statement that was read out at the quay.</p>
<p>Fishing boats were the first to leave, followed by the ferry to the islands, which had been cancelled for six days in a row because of the damage.</p>
<blockquote><p>We are relieved that the work is done and that the boats can go out again, said the harbour master.</p></blockquote>
<ul><li>Repairs cost about two million euros in total.</li><li>The old pier stays closed until the summer season.</li></ul>
<p>Read the <a href="https://news.example/report">full report</a> and <a href="javascript:alert(1)">this</a> or <em>other</em> coverage of the <strong>storm</strong> and its consequences for the coast.</p>
</article>
<div class="share">Share on social media</div>
<footer>Copyright The Coast Gazette. All rights reserved.</footer>
</body></html>"#;

fn err(name: &str, bytes: &[u8]) -> ImportError {
    match import(name, bytes) {
        Ok(a) => panic!("{name} was read: {:?}", a.meta.title),
        Err(e) => e,
    }
}

#[test]
fn reads_a_saved_page() {
    let a = import("saved/harbour.html", PAGE.as_bytes()).expect("page reads");
    assert_eq!(a.slug, "harbour");
    assert_eq!(a.meta.title, "Harbour reopens after storm");
    assert_eq!(a.meta.date.as_deref(), Some("2024-03-08"));
    assert_eq!(a.meta.section.as_deref(), Some("Local"));
    assert_eq!(
        a.meta.source.as_deref(),
        Some("https://news.example/harbour")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Ana Ruiz"));
    let text: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    let all = text.join("\n");
    assert!(all.contains("The harbour of the town reopened"), "{all}");
    for junk in ["Home", "Share on social", "Copyright", "Sport"] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
    // The title heading is not repeated in the body.
    assert!(!matches!(a.blocks[0].kind, BlockKind::Heading(_)));
    assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Quote));
    assert_eq!(
        a.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .count(),
        2
    );
    let last = a.blocks.last().expect("blocks");
    let links: Vec<&StyleKind> = last
        .styles
        .iter()
        .map(|s| &s.kind)
        .filter(|k| matches!(k, StyleKind::Link(_)))
        .collect();
    assert_eq!(
        links,
        vec![&StyleKind::Link("https://news.example/report".into())]
    );
    let link = &last.styles[0];
    assert_eq!(&last.text[link.start..link.end], "full report");
    assert!(last
        .styles
        .iter()
        .any(|s| s.kind == StyleKind::Emphasis && &last.text[s.start..s.end] == "other"));
    // No offsets into a page's markup.
    assert!(a.title_source.is_none() && a.blocks.iter().all(|b| b.source.is_empty()));
}

#[test]
fn staged_reading_gives_the_same_article() {
    let md = "# Bergen quay\n\nThe quay reopened on 2 June 2023.\n";
    let txt = "Bergen quay\n\nThe quay reopened on 2 June 2023.\n";
    for (name, bytes) in [
        ("harbour.html", PAGE.as_bytes()),
        ("quay.md", md.as_bytes()),
        ("quay.txt", txt.as_bytes()),
    ] {
        let staged = import_staged(name, bytes).expect("first step");
        // A saved page is parsed in the steps after the first; the rest at once.
        assert_eq!(
            matches!(staged, Staged::Parsing(_)),
            name.ends_with(".html"),
            "{name}"
        );
        let article = staged.finish().expect("second step");
        assert_eq!(Some(article), import(name, bytes).ok(), "{name}");
    }
    // A page much larger than a step, with characters of several bytes on
    // the steps' edges, parsed a part at a time: the same article.
    let para = "<p>Ahmed قال in Bergen: 👩‍👩‍👧 café\u{301} ok — the quay reopened on 2 June 2023 after the storm.</p>\n";
    let big = format!(
        "<html><head><title>Long quay</title></head><body><article><h1>Long quay</h1>{}</article></body></html>",
        para.repeat(3 * super::html::PARSE_STEP / para.len() + 7)
    );
    let mut staged = import_staged("long.html", big.as_bytes()).expect("first step");
    let mut steps = 0;
    loop {
        let (next, more) = staged.step();
        staged = next;
        steps += 1;
        if !more {
            break;
        }
    }
    assert!(steps >= 3, "{steps} steps");
    assert!(matches!(staged, Staged::Parsed(_)));
    assert_eq!(
        staged.finish().ok(),
        import("long.html", big.as_bytes()).ok()
    );
    let pasted = import_pasted_html_staged("Pasted page", PAGE).expect("pasted");
    assert_eq!(
        pasted.finish().ok(),
        import_pasted_html("Pasted page", PAGE).ok()
    );
    // Errors of either step name the item.
    let none = import_staged(
        "nav.html",
        b"<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
    )
    .and_then(Staged::finish)
    .expect_err("no article");
    assert!(none.to_string().starts_with("nav.html"), "{none}");
}

#[test]
fn title_falls_back_to_h1_then_title_then_file_name() {
    let body =
        "<p>".to_string() + &"A sentence of the article body goes on here. ".repeat(20) + "</p>";
    let h1 = format!("<html><body><h1>Heading Of Page</h1><div>{body}</div></body></html>");
    let a = import("x.html", h1.as_bytes()).expect("reads");
    assert_eq!(a.meta.title, "Heading Of Page");
    let t = format!(
        "<html><head><title>Only The Title</title></head><body><div>{body}</div></body></html>"
    );
    assert_eq!(
        import("x.html", t.as_bytes()).expect("reads").meta.title,
        "Only The Title"
    );
    let none = format!("<html><body><div>{body}</div></body></html>");
    assert_eq!(
        import("my-saved_page.html", none.as_bytes())
            .expect("reads")
            .meta
            .title,
        "My saved page"
    );
}

#[test]
fn dates_from_json_ld_and_time_element() {
    let body =
        "<p>".to_string() + &"Text of the story, one sentence after another. ".repeat(20) + "</p>";
    let ld = format!(
        r#"<html><head><title>T</title><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ld headline here","datePublished":"2021-11-02T10:00:00Z"}}</script></head><body><article>{body}</article></body></html>"#
    );
    assert_eq!(
        import("a.html", ld.as_bytes())
            .expect("reads")
            .meta
            .date
            .as_deref(),
        Some("2021-11-02")
    );
    let time = format!(
        r#"<html><body><article><time datetime="2019-07-14">14 July</time>{body}</article></body></html>"#
    );
    assert_eq!(
        import("a.html", time.as_bytes())
            .expect("reads")
            .meta
            .date
            .as_deref(),
        Some("2019-07-14")
    );
    assert_eq!(
        html::iso_date("March 5, 2019").as_deref(),
        Some("2019-03-05")
    );
    assert_eq!(
        html::iso_date("5 Mar 2019 10:00").as_deref(),
        Some("2019-03-05")
    );
    assert_eq!(html::iso_date("2019-02-30"), None);
    assert_eq!(html::iso_date("yesterday"), None);
}

#[test]
fn source_url_must_be_web() {
    let page = PAGE.replace("https://news.example/harbour", "javascript:alert(1)");
    assert_eq!(
        import("a.html", page.as_bytes())
            .expect("reads")
            .meta
            .source,
        None
    );
}

fn page_in(charset: &str, body: &str) -> String {
    format!(
        "<html><head><meta charset=\"{charset}\"><title>Cafe news</title></head><body><article><p>{}</p></article></body></html>",
        body.repeat(10)
    )
}

#[test]
fn encodings() {
    let text = "Le caf\u{e9} cr\u{e8}me co\u{fb}te deux euros \u{e0} la gare du nord. ";
    // windows-1252 as declared.
    let page = page_in("windows-1252", text);
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(!bad);
    let a = import("a.html", &bytes).expect("reads");
    assert!(
        a.blocks[0].text.contains("caf\u{e9} cr\u{e8}me"),
        "{}",
        a.blocks[0].text
    );
    // The same via http-equiv, ISO-8859-1.
    let page2 = page.replace(
        "<meta charset=\"windows-1252\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page2);
    assert!(import("a.html", &bytes).expect("reads").blocks[0]
        .text
        .contains("co\u{fb}te"));
    // Shift_JIS.
    let jp = page_in(
        "shift_jis",
        "\u{65e5}\u{672c}\u{8a9e}\u{306e}\u{8a18}\u{4e8b}\u{3067}\u{3059}\u{3002}",
    );
    let (bytes, _, bad) = encoding_rs::SHIFT_JIS.encode(&jp);
    assert!(!bad);
    assert!(import("a.html", &bytes).expect("reads").blocks[0]
        .text
        .contains("\u{65e5}\u{672c}\u{8a9e}"));
    // UTF-8 with BOM, UTF-16LE and BE with BOM.
    let page = page_in("utf-8", text);
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(page.as_bytes());
    assert!(import("a.html", &bom).expect("reads").blocks[0]
        .text
        .contains("caf\u{e9}"));
    for le in [true, false] {
        let mut b = if le {
            vec![0xff, 0xfe]
        } else {
            vec![0xfe, 0xff]
        };
        for u in page.encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        assert!(import("a.html", &b).expect("utf-16 reads").blocks[0]
            .text
            .contains("caf\u{e9}"));
    }
    // Undeclared and not UTF-8: windows-1252, as a browser reads it.
    let page = page_in("", text).replace("<meta charset=\"\">", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    assert!(import("a.html", &bytes).expect("reads").blocks[0]
        .text
        .contains("cr\u{e8}me"));
    // Markdown in UTF-16 with a BOM: no offsets into the file.
    let md = "# Title here\n\nA caf\u{e9} paragraph.\n";
    let mut b = vec![0xff, 0xfe];
    for u in md.encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    let a = import("n.md", &b).expect("md reads");
    assert_eq!(a.meta.title, "Title here");
    assert!(a.title_source.is_none() && a.blocks[0].source.is_empty());
}

#[test]
fn invalid_utf8_declared_is_an_error_with_line() {
    let mut page = page_in("utf-8", "Some text of the article. ").into_bytes();
    page.extend_from_slice(b"\n\n<p>bad \xff byte</p>");
    let e = err("bad.html", &page);
    assert_eq!(e.kind, ImportErrorKind::Encoding);
    assert_eq!(e.line, Some(3));
    assert!(
        e.to_string().starts_with("bad.html:3: not valid UTF-8"),
        "{e}"
    );
    let e = err("bad.md", b"# T\n\nok\n\xc3(\n");
    assert_eq!((e.kind, e.line), (ImportErrorKind::Encoding, Some(4)));
    let e = err("bad.txt", b"Title\n\nbody \xe9t\xe9\n");
    assert_eq!((e.kind, e.line), (ImportErrorKind::Encoding, Some(3)));
}

#[test]
fn markdown_without_front_matter() {
    let a = import(
        "notes/my-note.md",
        "# A *first* note\n\nThe body, with **bold**.\n".as_bytes(),
    )
    .expect("reads");
    assert_eq!(a.meta.title, "A *first* note");
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.blocks[0].text, "The body, with bold.");
    // Offsets are the file's own.
    let src = "# A *first* note\n\nThe body, with **bold**.\n";
    let run = a.blocks[0].source[0];
    assert_eq!(
        &src[run.source..run.source + run.len],
        &a.blocks[0].text[run.text..run.text + run.len]
    );
    assert_eq!(a.title_source, Some(2));
    let b = import(
        "my_other-note.md",
        b"Just a paragraph.\n\nAnd \"another\".\n",
    )
    .expect("reads");
    assert_eq!(b.meta.title, "My other note");
    assert_eq!(b.blocks.len(), 2);
    let c = import(
        "f.md",
        b"+++\ntitle = \"Front\"\ndate = \"2020-01-02\"\n+++\nBody.\n",
    )
    .expect("reads");
    assert_eq!(
        (c.meta.title.as_str(), c.meta.date.as_deref()),
        ("Front", Some("2020-01-02"))
    );
    let e = err(
        "f.md",
        b"+++\ntitle = \"Front\"\ndate = \"nope\"\n+++\nBody.\n",
    );
    assert_eq!(e.line, Some(3));
    let e = err("only-title.md", b"# Just a title\n");
    assert_eq!(e.kind, ImportErrorKind::Invalid);
    assert!(e.to_string().starts_with("only-title.md:"), "{e}");
}

#[test]
fn markdown_with_yaml_front_matter() {
    // As Jekyll, Hugo and Obsidian write it: a title with marks of every
    // script, a date and time, a list of authors, a comment, an unknown key.
    let src = "---\ntitle: \"مرحبا 👩‍👩‍👧 cafe\u{301}\"\ndate: 2024-03-05T10:22:00Z\nauthors:\n  - Ana Ruiz\n  - Bo Li\ndescription: 'It''s short' # kept\ntags: [harbour, ferry]\ncategories: [Local, Sea]\nurl: https://example.org/a\n---\n\n# مرحبا 👩‍👩‍👧 cafe\u{301}\n\nThe quay reopened on Friday.\n";
    let a = import("notes/quay.md", src.as_bytes()).expect("reads");
    assert_eq!(a.meta.title, "مرحبا 👩‍👩‍👧 cafe\u{301}");
    assert_eq!(a.meta.date.as_deref(), Some("2024-03-05"));
    assert_eq!(a.meta.byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(a.meta.summary.as_deref(), Some("It's short"));
    assert_eq!(a.meta.section.as_deref(), Some("Local"));
    assert_eq!(a.meta.source.as_deref(), Some("https://example.org/a"));
    // The heading that repeats the title is not a block of its own.
    assert_eq!(a.blocks.len(), 1);
    assert_eq!(a.blocks[0].text, "The quay reopened on Friday.");
    // Offsets are the file's own, the title's included.
    let run = a.blocks[0].source[0];
    assert_eq!(&src[run.source..run.source + run.len], a.blocks[0].text);
    let at = a.title_source.expect("the title is written as is");
    assert_eq!(&src[at..at + a.meta.title.len()], a.meta.title);

    // No title there: the first heading, then the file name; a date in
    // another form is left out.
    let b = import(
        "b.md",
        b"---\ndate: 5 March 2024\n---\n# The heading\n\nBody.\n",
    )
    .expect("reads");
    assert_eq!(
        (b.meta.title.as_str(), b.meta.date.as_deref()),
        ("The heading", None)
    );
    assert_eq!(b.blocks.len(), 1);
    let c = import("my-note.md", b"---\nlayout: post\n...\nBody.\n").expect("reads");
    assert_eq!(c.meta.title, "My note");
    assert_eq!(c.blocks[0].text, "Body.");
    // A heading other than the title stays.
    let d = import("d.md", b"---\ntitle: Front\n---\n# Other\n\nBody.\n").expect("reads");
    assert_eq!(d.meta.title, "Front");
    assert_eq!(d.blocks.len(), 2);
    // A `---` never closed is no front matter: nothing is lost.
    let e = import("e.md", b"---\nJust text after a rule.\n").expect("reads");
    assert!(
        e.blocks.iter().any(|b| b.text.contains("Just text")),
        "{e:?}"
    );
    // Errors name the file and the file's own line.
    let f = err("f.md", b"---\ntitle: Only\n---\n\n");
    assert!(f.to_string().starts_with("f.md:"), "{f}");
    assert!(f.line.is_some_and(|l| l <= 4), "{f:?}");
}

#[test]
fn text_and_pasted() {
    let a = import("t.txt", b"The Title\n\nFirst paragraph here.\n").expect("reads");
    assert_eq!(a.meta.title, "The Title");
    let p =
        import_pasted_text("Pasted text", "Pasted Title\n\nA pasted paragraph.").expect("reads");
    assert_eq!((p.meta.title.as_str(), p.blocks.len()), ("Pasted Title", 1));
    let h = import_pasted_html("Pasted page", PAGE).expect("reads");
    assert_eq!(h.meta.title, "Harbour reopens after storm");
    assert_eq!(h.slug, "pasted-page");
    let e = import_pasted_html("Pasted page", "<b>  </b>").expect_err("no text");
    assert_eq!(e.kind, ImportErrorKind::NoText);
    // Unknown extension: sniffed.
    assert_eq!(format_of("page", PAGE.as_bytes()), Format::Html);
    assert_eq!(format_of("notes", b"Title\n\nbody"), Format::Text);
    assert_eq!(format_of("A.HTM", b""), Format::Html);
}

#[test]
fn unsupported_and_bad_files() {
    use ImportErrorKind::*;
    let cases: &[(&str, &[u8], ImportErrorKind, &str)] = &[
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", Unsupported, "PDF files are not supported yet"),
        ("book.epub", b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0mimetypeapplication/epub+zip", Unsupported, "EPUB files are not supported yet"),
        ("pic.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Unsupported, "PNG image"),
        ("pic.html", b"\xff\xd8\xff\xe0\0\x10JFIF", Unsupported, "JPEG image"),
        ("anim.gif", b"GIF89a\x01\0\x01\0", Unsupported, "GIF image"),
        ("prog.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0", Binary, "not a text file"),
        ("empty.html", b"", Empty, "the file is empty"),
        ("blank.md", b" \n\t\r\n", Empty, "the file is empty"),
        ("bom.txt", b"\xef\xbb\xbf\n", Empty, "the file is empty"),
        ("nav.html", b"<html><body><nav><a href=/>Home</a></nav></body></html>", NoText, "no article text"),
    ];
    for (name, bytes, kind, says) in cases {
        let e = err(name, bytes);
        assert_eq!(e.kind, *kind, "{name}: {e}");
        assert!(
            e.to_string().starts_with(&format!("{name}: "))
                || e.to_string().starts_with(&format!("{name}:1: ")),
            "{e}"
        );
        assert!(e.message.contains(says), "{name}: {e}");
    }
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let e = err("huge.txt", &big);
    assert_eq!(e.kind, TooLarge);
    assert!(e.message.contains("32 MB"), "{e}");
    const { assert!(MAX_IMPORT_BYTES >= 20 * 1024 * 1024) };
}

#[test]
fn hostile_html() {
    let text = "Plain words of an honest paragraph that goes on for a while. ".repeat(10);
    let page = format!(
        r#"<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/">
<script>document.write("<p>injected by script</p>")</script><style>p{{color:red}}</style></head>
<body onload="alert(1)"><article><p onclick="alert(2)">{text}<a href="javascript:alert(3)">click</a>
<img src="https://tracker.example/x.gif" onerror="alert(4)"><iframe src="https://evil.example/"></iframe></p>
<p>{text}<script>alert(5)</script></p></article></body></html>"#
    );
    let a = import("hostile.html", page.as_bytes()).expect("reads");
    let all: String = a
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for bad in ["alert", "injected", "color:red", "evil", "tracker", "<"] {
        assert!(!all.contains(bad), "{bad} in {all}");
    }
    assert!(a
        .blocks
        .iter()
        .flat_map(|b| &b.styles)
        .all(|s| match &s.kind {
            StyleKind::Link(u) => u.starts_with("http"),
            _ => true,
        }));
}

#[test]
fn deep_nesting_and_many_elements() {
    let depth = 100_000;
    let mut page = String::from(
        "<html><body><article><p>The start of a long and deeply nested article paragraph. </p>",
    );
    page.push_str(&"<div>".repeat(depth));
    page.push_str(
        &"Deep text that sits at the bottom of the nesting, read all the same. ".repeat(5),
    );
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</article></body></html>");
    // Refused at once, with a clear message, before any tree is built.
    let e = err("deep.html", page.as_bytes());
    assert_eq!(e.kind, ImportErrorKind::NoText);
    assert!(e.message.contains("nested more than"), "{e}");
    // Nesting within the limit is read, text at the bottom included.
    let mut ok = String::from("<html><body><article>");
    ok.push_str(&"<div>".repeat(1000));
    ok.push_str(&"Deep text that sits at the bottom of the nesting, read all the same. ".repeat(5));
    ok.push_str(&"</div>".repeat(1000));
    ok.push_str("</article></body></html>");
    let a = import("deep-ok.html", ok.as_bytes()).expect("reads");
    assert!(a.blocks.iter().any(|b| b.text.contains("Deep text")));
    let mut many = String::from("<html><body><article>");
    for i in 0..100_000 {
        many.push_str(&format!("<span>w{i} </span>"));
    }
    many.push_str("</article></body></html>");
    let a = import("many.html", many.as_bytes()).expect("reads");
    assert!(a.word_count() >= 90_000, "{}", a.word_count());
}

#[test]
fn text_with_arabic_emoji_and_combining_marks() {
    let body = "مرحبا بالعالم 👩‍👩‍👧 cafe\u{301} — ".repeat(30);
    let page = format!("<html><body><article><p><em>{body}</em></p></article></body></html>");
    let a = import("x.html", page.as_bytes()).expect("reads");
    let b = &a.blocks[0];
    assert!(b.text.contains("👩‍👩‍👧 cafe\u{301}"));
    for s in &b.styles {
        assert!(b.text.is_char_boundary(s.start) && b.text.is_char_boundary(s.end));
        assert!(s.start < s.end && s.end <= b.text.len());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048),
                                       ext in prop::sample::select(vec!["a.html", "a.md", "a.txt", "a"])) {
            let _ = import(ext, &bytes);
        }

        #[test]
        fn yaml_front_matter_keeps_offsets(lines in proptest::collection::vec(
            prop::sample::select(vec!["title: مرحبا 👩‍👩‍👧", "title: 'e\u{301}'", "date: 2024-01-02", "date: nope",
                "author:", "  - Ana", "tags: [a, b]", "url: https://x.example/", "# c", "", "key", ": v",
                "title: \"q\\\"x\""]),
            0..8)) {
            let src = format!("---\n{}\n---\nThe body 👩‍👩‍👧 here.\n", lines.join("\n"));
            if let Ok(a) = import("a.md", src.as_bytes()) {
                for b in &a.blocks {
                    for r in &b.source {
                        prop_assert_eq!(&src[r.source..r.source + r.len], &b.text[r.text..r.text + r.len]);
                    }
                }
                if let Some(at) = a.title_source {
                    prop_assert_eq!(src.get(at..at + a.meta.title.len()), Some(a.meta.title.as_str()));
                }
            }
        }

        #[test]
        fn arbitrary_html_never_panics(parts in proptest::collection::vec(
            prop::sample::select(vec!["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>",
                "<blockquote>", "<em>", "</em>", "<a href='https://x.example/'>", "</a>", "<br>", "<script>",
                "</script>", "<table><tr><td>", "word ", "مرحبا ", "👩‍👩‍👧", "e\u{301} ", "&amp;", "<", ">", "\n"]),
            0..300)) {
            let html = parts.concat();
            if let Ok(a) = import_pasted_html("p", &html) {
                for b in &a.blocks {
                    prop_assert!(!b.text.is_empty());
                    for s in &b.styles {
                        prop_assert!(s.start < s.end && s.end <= b.text.len());
                        prop_assert!(b.text.is_char_boundary(s.start) && b.text.is_char_boundary(s.end));
                    }
                }
            }
        }
    }
}

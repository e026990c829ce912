//! Robustness of the parser and the analysis on hostile input.
//!
//! Property tests over arbitrary Unicode (Arabic, emoji with skin tones and
//! ZWJ sequences, combining marks, bidi controls, CRLF, NUL, empty texts)
//! mixed with news-like fragments (names, acronyms, dates), so that the
//! analysis reaches its real code paths and not only its early exits.
//!
//! The analysis must never panic, every span it returns must lie inside its
//! part and on char boundaries, entity mentions must not overlap, the output
//! must be the same on every run, and the timeline must be in chronological
//! order. The parser must never panic on arbitrary bytes, and the source runs
//! of a parsed article must map to equal bytes of the file.
//!
//! `cargo test -p dossier-core --test robustness` runs 256 cases per
//! property; set `PROPTEST_CASES=100000` (with `--release`) for a long run.

use std::collections::HashMap;
use std::time::Instant;

use dossier_core::analysis::check::{check_no_overlap, check_span};
use dossier_core::analysis::{Analysis, Span, Timex};
use dossier_core::article::{parse_article, Article};
use dossier_core::Block;
use proptest::prelude::*;
use proptest::test_runner::{FileFailurePersistence, TestCaseError};

// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------

/// Every property the analysis promises, whatever its input: those of
/// [`Analysis::check`], then the timeline's order.
fn check_analysis(parts: &[&str], a: &Analysis) -> Result<(), String> {
    a.check(parts)?;
    let events: Vec<Ev> = a
        .timeline
        .iter()
        .map(|e| Ev {
            date: &e.date,
            until: e.until.as_ref(),
            open_ended: e.open_ended,
            at: a.times.get(e.time).map(|t| t.span),
        })
        .collect();
    check_timeline_order(&events)
}

/// What the order check needs of an event: its dates and where its time
/// expression is.
struct Ev<'a> {
    date: &'a Timex,
    until: Option<&'a Timex>,
    open_ended: bool,
    at: Option<Span>,
}

/// Events come in chronological order, document order among equal dates.
/// Linear in the number of events, so that it also runs on huge inputs.
fn check_timeline_order(events: &[Ev]) -> Result<(), String> {
    // Minutes, end exclusive, as the engine places the value (`Timex::bounds`).
    let interval = |ev: &Ev| -> Option<(i64, i64)> {
        let (start, mut end) = ev.date.bounds()?;
        if ev.open_ended {
            end = i64::MAX;
        } else if let Some(until) = ev.until {
            end = end.max(until.bounds().map_or(i64::MAX, |u| u.1));
        }
        Some((start, end))
    };
    // The latest start among the events so far: an event that ends before
    // it is certainly out of order.
    let mut latest_start: Option<(i64, usize)> = None;
    // For each (date, until): where the last event with it was, and its index.
    type Seen = (Option<Span>, usize);
    let mut last_of_date: HashMap<(&Timex, Option<&Timex>), Seen> = HashMap::new();
    for (j, ev) in events.iter().enumerate() {
        if let Some((start, end)) = interval(ev) {
            if let Some((s, i)) = latest_start {
                if end <= s {
                    return Err(format!(
                        "timeline out of order: {:?} (event {i}) comes before {:?} (event {j})",
                        events[i].date, ev.date
                    ));
                }
            }
            if latest_start.is_none_or(|(s, _)| start > s) {
                latest_start = Some((start, j));
            }
        }
        if let Some((prev, i)) = last_of_date.insert((ev.date, ev.until), (ev.at, j)) {
            if prev > ev.at {
                return Err(format!(
                    "events {i} and {j} with the same date {:?} are not in document order: {prev:?} before {:?}",
                    ev.date, ev.at
                ));
            }
        }
    }
    Ok(())
}

/// Analyses twice (the two runs must agree) and checks every invariant.
fn analyze_checked(parts: &[&str], dct: Option<&str>) -> Result<Analysis, String> {
    let first = dossier_core::analyze(parts, dct);
    let second = dossier_core::analyze(parts, dct);
    if first != second {
        return Err(format!(
            "two runs differ:\n{first:?}\n{second:?}\nparts: {parts:?}, dct: {dct:?}"
        ));
    }
    check_analysis(parts, &first).map_err(|e| format!("{e}\nparts: {parts:?}, dct: {dct:?}"))?;
    Ok(first)
}

fn check_block(file: &[u8], i: usize, b: &Block) -> Result<(), String> {
    let text = b.text.as_bytes();
    for r in &b.source {
        let t = text.get(r.text..r.text + r.len);
        let s = file.get(r.source..r.source + r.len);
        if t.is_none() || t != s {
            return Err(format!(
                "block {i}: source run {r:?} maps {:?} to {:?}",
                t.map(String::from_utf8_lossy),
                s.map(String::from_utf8_lossy)
            ));
        }
    }
    if b.source.windows(2).any(|w| w[0].text > w[1].text) {
        return Err(format!("block {i}: source runs are not sorted"));
    }
    for s in &b.styles {
        if s.start > s.end
            || s.end > b.text.len()
            || !b.text.is_char_boundary(s.start)
            || !b.text.is_char_boundary(s.end)
        {
            return Err(format!(
                "block {i}: style {s:?} is outside the text or off a char boundary"
            ));
        }
    }
    for (k, s) in b.styles.iter().enumerate() {
        for t in &b.styles[k + 1..] {
            if t.start < s.start {
                return Err(format!("block {i}: styles are not sorted by start"));
            }
            if t.start < s.end && t.end > s.end {
                return Err(format!("block {i}: styles {s:?} and {t:?} partly overlap"));
            }
        }
    }
    Ok(())
}

fn check_article(file: &[u8], a: &Article) -> Result<(), String> {
    if let Some(at) = a.title_source {
        let title = a.meta.title.as_bytes();
        if file.get(at..at + title.len()) != Some(title) {
            return Err(format!(
                "title_source {at} does not point at the title {:?}",
                a.meta.title
            ));
        }
    }
    for (i, b) in a.blocks.iter().enumerate() {
        check_block(file, i, b)?;
    }
    Ok(())
}

/// The checks themselves must catch broken output, or the properties below
/// would pass whatever the analysis does.
#[test]
fn the_checks_reject_broken_output() {
    let parts = ["Zoë Aldan went home.", "b"];
    assert!(check_span(&parts, Span::new(0, 0, 4), "x", true).is_ok());
    assert!(check_span(&parts, Span::new(0, 0, 3), "x", true).is_err()); // inside "ë"
    assert!(check_span(&parts, Span::new(0, 5, 5), "x", true).is_err()); // empty
    assert!(check_span(&parts, Span::new(0, 5, 5), "x", false).is_ok());
    assert!(check_span(&parts, Span::new(1, 0, 2), "x", true).is_err()); // past the end
    assert!(check_span(&parts, Span::new(2, 0, 0), "x", false).is_err()); // no such part
    assert!(check_span(&parts, Span::new(0, 4, 2), "x", false).is_err()); // reversed

    let ok = vec![Span::new(0, 0, 4), Span::new(0, 5, 10), Span::new(1, 0, 1)];
    assert!(check_no_overlap(&parts, ok).is_ok());
    let bad = vec![Span::new(0, 5, 10), Span::new(0, 0, 6)];
    assert!(check_no_overlap(&parts, bad).is_err());

    let values: Vec<Timex> = [
        "2024",
        "2025-04-23",
        "2015-03",
        "2015",
        "2025-Q1",
        "2025-02-10",
        "201X",
        "2021",
        "2025-SU",
        "2025-04",
        "2011",
        "2016",
        "2010",
        "XXXX-XX-XX",
        "1990",
        "19",
        "1950",
        "2001",
        "FY2025",
        "2025-W05-WE",
        "2025-01-31TMO",
        "2025-02-01T10:30Z",
        "PRESENT_REF",
    ]
    .iter()
    .map(|v| v.parse().unwrap_or_else(|e| panic!("{e}")))
    .collect();
    let v = |s: &str| {
        values
            .iter()
            .find(|t| **t == s)
            .unwrap_or_else(|| panic!("{s}"))
    };
    let ev = |date: &str, until: Option<&str>, open_ended, start| Ev {
        date: v(date),
        until: until.map(v),
        open_ended,
        at: Some(Span::new(0, start, start + 1)),
    };
    let order = |events: &[Ev]| check_timeline_order(events).is_ok();
    assert!(order(&[
        ev("2024", None, false, 5),
        ev("2025-04-23", None, false, 0)
    ]));
    assert!(!order(&[
        ev("2025-04-23", None, false, 0),
        ev("2024", None, false, 5)
    ]));
    // Overlapping periods may come in either order.
    assert!(order(&[
        ev("2015-03", None, false, 0),
        ev("2015", None, false, 5)
    ]));
    assert!(order(&[
        ev("2025-Q1", None, false, 0),
        ev("2025-02-10", None, false, 5)
    ]));
    assert!(order(&[
        ev("2015", None, false, 0),
        ev("201X", None, false, 5)
    ]));
    assert!(!order(&[
        ev("2021", None, false, 0),
        ev("201X", None, false, 5)
    ]));
    assert!(!order(&[
        ev("2025-SU", None, false, 0),
        ev("2025-04", None, false, 5)
    ]));
    // A range or an open range overlaps the events inside it.
    assert!(order(&[
        ev("2011", Some("2024"), false, 0),
        ev("2015", None, false, 5)
    ]));
    assert!(order(&[
        ev("2015", None, false, 0),
        ev("2011", Some("2016"), false, 5)
    ]));
    assert!(order(&[
        ev("2015", None, false, 0),
        ev("2011", None, true, 5)
    ]));
    assert!(!order(&[
        ev("2015", None, false, 0),
        ev("2011", None, false, 5)
    ]));
    assert!(!order(&[
        ev("2011", None, true, 0),
        ev("2010", None, false, 5)
    ]));
    // Unplaceable values constrain nothing.
    assert!(order(&[
        ev("XXXX-XX-XX", None, false, 0),
        ev("1990", None, false, 5)
    ]));
    // Document order among equal dates.
    assert!(order(&[
        ev("2024", None, false, 0),
        ev("2024", None, false, 5)
    ]));
    assert!(!order(&[
        ev("2024", None, false, 5),
        ev("2024", None, false, 0)
    ]));

    // Centuries and fiscal years are placed too.
    assert!(order(&[
        ev("19", None, false, 0),
        ev("1950", None, false, 5)
    ]));
    assert!(!order(&[
        ev("2001", None, false, 0),
        ev("19", None, false, 5)
    ]));
    assert!(!order(&[
        ev("FY2025", None, false, 0),
        ev("2024", None, false, 5)
    ]));
    assert!(order(&[
        ev("2024", None, false, 0),
        ev("FY2025", None, false, 5)
    ]));
    // Weekends, parts of days and clock times.
    assert!(!order(&[
        ev("2025-02-01T10:30Z", None, false, 0),
        ev("2025-01-31TMO", None, false, 5)
    ]));
    assert!(order(&[
        ev("2025-01-31TMO", None, false, 0),
        ev("2025-W05-WE", None, false, 5)
    ]));
    assert!(order(&[
        ev("PRESENT_REF", None, false, 0),
        ev("1990", None, false, 5)
    ]));
}

// ---------------------------------------------------------------------------
// Input generators
// ---------------------------------------------------------------------------

/// Text that breaks naive code: scripts, emoji sequences, combining marks,
/// case mappings that change length, bidi and invisible controls, odd line
/// ends and NUL.
const TRICKY: &[&str] = &[
    "بشار الأسد",
    "دمشق في ٢٣ أبريل ٢٠٢٥",
    "٢٠٢٥",
    "👍🏽",
    "👩‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🇸🇾🇷🇺",
    "👨🏿‍⚕️",
    "e\u{301}",
    "Z\u{351}\u{36b}\u{343}\u{20d2}",
    "A\u{308}lvarez",
    "İstanbul",
    "ǅemal",
    "ẞtraße",
    "ﬁnance",
    "Σίσυφος",
    "Москва",
    "東京都",
    "\u{202e}evil\u{202c}",
    "\u{200f}",
    "\u{2066}x\u{2069}",
    "\u{200b}",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "\u{3000}",
    "\u{fffd}",
    "\u{10ffff}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\0",
    "“",
    "”",
    "’s",
    "—",
    "–",
    "…",
];

/// News-like fragments: names, aliases, acronyms, titles and dates, so that
/// entity grouping and date resolution run.
const NEWSY: &[&str] = &[
    "Maria Kovalenko",
    "Kovalenko",
    "Kovalenko's",
    "President Ana Ruiz",
    "Dr. Ruiz",
    "Mr. Obi",
    "Northwind Trading Company (NTC)",
    "NTC",
    "the Orin Valley Council",
    "Karim al-Rashid",
    "Al-Rashid",
    "al-Rashid",
    "Rashid",
    "formerly known as ",
    "also known as ",
    "U.S.",
    "St. Marten",
    "the United Nations",
    "Lake Orin",
    "Valdoria",
    "Valdorian",
    "The Daily Ledger",
    "April 23, 2025",
    "23 April 2025",
    "in December 2024",
    "since 2015",
    "from 2011 to 2024",
    "between 1999 and 2001",
    "until March",
    "last week",
    "on Tuesday",
    "this year",
    "two days ago",
    "50-year rule",
    "13 years",
    "three months",
    "the 1990s",
    "mid-1990s",
    "summer 2025",
    "Q1 2025",
    "the first quarter of 2024",
    "2025-04-23",
    "12/31/1999",
    "February 30, 2025",
    "Feb. 29, 2024",
    "year 10000",
    "3000 BC",
    "0000",
    "9999",
    "99999999999999999999",
    "1 January 1970",
    "yesterday",
    "tomorrow",
    "every week",
    "at 10:30 a.m.",
    "(",
    ")",
    "\"",
    "'",
    ". ",
    "? ",
    "! ",
    "...",
    ", ",
    "; ",
    "-",
    " ",
    "  ",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(TRICKY).prop_map(str::to_string),
        4 => proptest::sample::select(NEWSY).prop_map(str::to_string),
        3 => "[A-Z][a-z]{1,8}",
        2 => "[a-z]{1,8}",
        1 => "[0-9]{1,5}",
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,6}",
    ]
}

fn text(max_fragments: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..max_fragments).prop_map(|f| f.concat())
}

fn dct() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        3 => proptest::sample::select(&[
            "2025-04-23",
            "2024-02-29",
            "1970-01-01",
            "2000-12-31",
            "9999-12-31",
            "0001-01-01",
            "",
            "not a date",
            "2025-13-45",
            "2023-02-29",
            "2025-04",
            "٢٠٢٥-٠٤-٢٣",
        ][..])
        .prop_map(|s| Some(s.to_string())),
        1 => "\\PC{0,12}".prop_map(Some),
    ]
}

/// Markdown syntax to wrap around the fragments.
const MARKUP: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "\n",
    "\n\n",
    "\r\n",
    "> ",
    "- ",
    "* ",
    "1. ",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```\n",
    "~~~\n",
    "    ",
    "[link](https://example.com/a)",
    "[bad](javascript:alert(1))",
    "[rel](/local)",
    "<https://example.com>",
    "![img](x.png)",
    "[^1]",
    "[^1]: note\n",
    "<b>",
    "</b>",
    "<!-- c -->",
    "<script>x</script>",
    "&amp;",
    "&#x41;",
    "&#0;",
    "&bogus;",
    "\\*",
    "\\",
    "---\n",
    "***\n",
    "+++\n",
    "| a | b |\n|---|---|\n",
    "title = \"T\"\n",
    "date = \"2025-04-23\"\n",
];

fn markdown_body() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            20 => proptest::sample::select(MARKUP).prop_map(str::to_string),
            // The parser rejects any file with a NUL: keep it rare, so that
            // most files reach the Markdown parser.
            30 => fragment().prop_map(|f| f.replace('\0', " ")),
            1 => fragment(),
        ],
        0..60,
    )
    .prop_map(|f| f.concat())
}

/// Article files: mostly well-formed front matter (so the body parser
/// runs), sometimes broken, sometimes a scraped `.txt`.
/// A title that TOML accepts in a basic string.
fn title() -> impl Strategy<Value = String> {
    text(6).prop_map(|t| {
        t.chars()
            .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
            .collect()
    })
}

fn article_file() -> impl Strategy<Value = (String, Vec<u8>)> {
    let date = prop_oneof![
        2 => Just(None),
        4 => proptest::sample::select(&["2025-04-23", "2024-02-29", "1999-12-31"][..]).prop_map(Some),
        1 => proptest::sample::select(&["", "2025-13-45", "2023-02-29", "yesterday"][..]).prop_map(Some),
    ];
    let front = prop_oneof![
        6 => (title(), date).prop_map(|(title, date)| {
            let date = date.map(|d| format!("date = \"{d}\"\n")).unwrap_or_default();
            format!("+++\ntitle = \"{title}\"\n{date}+++\n")
        }),
        1 => text(8).prop_map(|t| format!("+++\n{t}\n+++\n")),
        1 => Just(String::new()),
    ];
    let path = prop_oneof![
        6 => Just("a.md"),
        1 => Just("b.markdown"),
        3 => Just("c.txt"),
        1 => proptest::sample::select(&["d.TXT", "e.html", ""][..]),
    ];
    (path, front, markdown_body())
        .prop_map(|(path, front, body)| (path.to_string(), format!("{front}{body}").into_bytes()))
}

fn parts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(40), 0..6)
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // A failing case is saved (and replayed by later runs) in
        // `core/tests/robustness.proptest-regressions`.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// The analysis of arbitrary parts never panics and keeps its promises.
    #[test]
    fn analysis_of_arbitrary_text_keeps_its_invariants(parts in parts(), dct in dct()) {
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        analyze_checked(&parts, dct.as_deref()).map_err(TestCaseError::fail)?;
    }

    /// Same, over one long part without block structure.
    #[test]
    fn analysis_of_one_long_part_keeps_its_invariants(t in text(400), dct in dct()) {
        analyze_checked(&[t.as_str()], dct.as_deref()).map_err(TestCaseError::fail)?;
    }

    /// The parser never panics on arbitrary bytes.
    #[test]
    fn parser_survives_arbitrary_bytes(
        path in proptest::sample::select(&["a.md", "a.txt", "a"][..]),
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
    ) {
        if let Ok(article) = parse_article(path, &bytes) {
            check_article(&bytes, &article).map_err(TestCaseError::fail)?;
        }
    }

    /// Parsed articles map their text back to the file, and their analysis
    /// keeps its promises.
    #[test]
    fn parsed_articles_map_to_their_source((path, bytes) in article_file()) {
        if let Ok(article) = parse_article(&path, &bytes) {
            check_article(&bytes, &article)
                .map_err(|e| TestCaseError::fail(format!("{e}\nfile {path}: {:?}", String::from_utf8_lossy(&bytes))))?;
            let parts = article.parts();
            analyze_checked(&parts, article.meta.date.as_deref()).map_err(TestCaseError::fail)?;
        }
    }
}

// ---------------------------------------------------------------------------
// Fixed inputs
// ---------------------------------------------------------------------------

#[test]
fn empty_and_degenerate_inputs() {
    let cases: &[&[&str]] = &[
        &[],
        &[""],
        &["", "", ""],
        &["\0"],
        &["\r\n\r\n"],
        &[" "],
        &["."],
        &["\u{feff}"],
        &["\u{301}"],
        &["A"],
        &["(", ")"],
    ];
    for parts in cases {
        for dct in [None, Some("2025-04-23"), Some("")] {
            if let Err(e) = analyze_checked(parts, dct) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn every_tricky_fragment_beside_every_news_fragment() {
    let mut parts = Vec::new();
    for t in TRICKY {
        let mut s = String::new();
        for n in NEWSY {
            s.push_str(n);
            s.push_str(t);
        }
        parts.push(s);
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    for dct in [None, Some("2025-04-23")] {
        if let Err(e) = analyze_checked(&parts, dct) {
            panic!("{e}");
        }
    }
}

fn dev_articles() -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths: Vec<_> = [
        root.join("../shared/eval/meantime-dev"),
        root.join("assets/articles"),
    ]
    .iter()
    .filter_map(|d| std::fs::read_dir(d).ok())
    .flatten()
    .filter_map(|e| e.ok().map(|e| e.path()))
    .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
    .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect()
}

/// A word that mixes letters and digits between two names must not make two
/// entities claim the same text (found by the fuzz target).
#[test]
fn code_like_word_between_names_gives_no_overlap() {
    for t in [
        "United States H1President Maria Kovalenko said it.",
        "Valdoria X9Minister Karim al-Rashid spoke.",
    ] {
        if let Err(e) = analyze_checked(&[t], None) {
            panic!("{e}");
        }
    }
}

/// Real news text reaches far more of the analysis than random text does.
#[test]
fn real_articles_keep_the_invariants() {
    let files = dev_articles();
    assert!(
        files.len() > 10,
        "expected the development set in ../shared/eval/meantime-dev beside the repository"
    );
    for (path, bytes) in &files {
        let article = match parse_article(path, bytes) {
            Ok(a) => a,
            Err(e) => panic!("{e}"),
        };
        if let Err(e) = check_article(bytes, &article) {
            panic!("{path}: {e}");
        }
        let parts = article.parts();
        if let Err(e) = analyze_checked(&parts, article.meta.date.as_deref()) {
            panic!("{path}: {e}");
        }
    }
}

/// Ten megabytes of text in one part: the analysis completes (no quadratic
/// blow-up, no stack overflow) and keeps its invariants.
#[test]
fn ten_megabytes_in_one_part() {
    let mut seed = String::new();
    for (i, n) in NEWSY.iter().enumerate() {
        seed.push_str(n);
        seed.push_str(TRICKY[i % TRICKY.len()]);
        seed.push_str(if i % 7 == 6 { ". " } else { " " });
    }
    for (_, bytes) in dev_articles().iter().take(5) {
        seed.push_str(&String::from_utf8_lossy(bytes));
    }
    let mut big = String::with_capacity(10 * 1024 * 1024 + seed.len());
    while big.len() < 10 * 1024 * 1024 {
        big.push_str(&seed);
    }
    let started = Instant::now();
    let a = dossier_core::analyze(&[big.as_str()], Some("2025-04-23"));
    println!(
        "10 MB analysed in {:.2?}: {} sentences, {} entities, {} times, {} events",
        started.elapsed(),
        a.sentences.len(),
        a.entities.len(),
        a.times.len(),
        a.timeline.len()
    );
    if let Err(e) = check_analysis(&[big.as_str()], &a) {
        // The input is too large to print; show the message only.
        panic!("{}", e.chars().take(2000).collect::<String>());
    }
}

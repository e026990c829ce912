//! Fuzzes the article parser and the analysis.
//!
//! The first byte chooses what the rest is: an article file (`.md` or
//! `.txt`) for the parser, whose text is then analysed, or parts for the
//! analysis directly (separated by the byte 0x1E, with an optional
//! publication date). Any panic, and any broken promise of the output
//! (span outside its text or off a char boundary, overlapping mentions, a
//! second run that differs, a source run that does not match the file), is a
//! finding.
#![no_main]

use dossier_core::analysis::{Analysis, Span};
use dossier_core::article::parse_article;
use libfuzzer_sys::fuzz_target;

fn check_span(parts: &[&str], s: Span) {
    let text = parts.get(s.part).copied();
    let ok = text.is_some_and(|t| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    });
    assert!(ok, "span {s:?} is not inside its part on char boundaries");
}

fn check(parts: &[&str], dct: Option<&str>) -> Analysis {
    let a = dossier_core::analyze(parts, dct);
    assert_eq!(a, dossier_core::analyze(parts, dct), "two runs differ");
    let mut mentions = Vec::new();
    for e in &a.entities {
        for m in &e.mentions {
            check_span(parts, *m);
            assert!(m.start < m.end, "empty mention {m:?}");
            mentions.push(*m);
        }
    }
    mentions.sort();
    for w in mentions.windows(2) {
        assert!(
            w[0].part != w[1].part || w[0].end <= w[1].start,
            "mentions overlap: {:?} and {:?}",
            w[0],
            w[1]
        );
    }
    for s in &a.sentences {
        check_span(parts, *s);
    }
    for t in &a.times {
        check_span(parts, t.span);
    }
    for ev in &a.timeline {
        check_span(parts, ev.sentence);
        assert!(ev.time < a.times.len(), "event refers to a missing time");
    }
    a
}

const DATES: [Option<&str>; 4] = [None, Some("2025-04-23"), Some("1999-12-31"), Some("")];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 | 1 => {
            let path = if mode % 4 == 0 { "a.md" } else { "a.txt" };
            if let Ok(article) = parse_article(path, rest) {
                for b in &article.blocks {
                    for r in &b.source {
                        assert_eq!(
                            b.text.as_bytes().get(r.text..r.text + r.len),
                            rest.get(r.source..r.source + r.len),
                            "source run {r:?} does not match the file"
                        );
                    }
                }
                let parts = article.parts();
                check(&parts, article.meta.date.as_deref());
            }
        }
        _ => {
            let text = String::from_utf8_lossy(rest);
            let parts: Vec<&str> = text.split('\u{1e}').collect();
            check(&parts, DATES[usize::from(mode >> 2) % DATES.len()]);
        }
    }
});

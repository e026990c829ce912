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

use dossier_core::analysis::Analysis;
use dossier_core::article::parse_article;
use libfuzzer_sys::fuzz_target;

fn check(parts: &[&str], dct: Option<&str>) -> Analysis {
    let a = dossier_core::analyze(parts, dct);
    assert_eq!(a, dossier_core::analyze(parts, dct), "two runs differ");
    if let Err(broken) = a.check(parts) {
        panic!("{broken}");
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

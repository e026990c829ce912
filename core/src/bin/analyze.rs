//! `analyze FILE...`: prints the analysis of each article file (`.md`, `.txt`
//! or a saved page, `.html`) as one JSON object a line. Offsets are UTF-8
//! byte offsets into the file as read; they are null where the text has no
//! verbatim counterpart in the file (a page's text, a re-encoded file).

use std::process::ExitCode;

use dossier_core::analysis::Analysis;
use dossier_core::article::{import, Article};
use dossier_core::export::analysis_json;
use serde_json::{json, Value};

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!(
            "usage: analyze [--article | --set] FILE...\n  prints one JSON object a line: entities, dates and timeline of each article file (.md, .txt, .html)\n  --article: print the parsed article (file, metadata and blocks) instead\n  --set: read the files as one set: each entity also gets a \"key\", equal across files for one entity"
        );
        return ExitCode::from(2);
    }
    let article_only = files.iter().any(|f| f == "--article");
    let as_set = files.iter().any(|f| f == "--set");
    files.retain(|f| f != "--article" && f != "--set");
    // with --set, the lines wait for the whole set: keys need every article
    let mut set: Vec<(Value, Analysis)> = Vec::new();
    let mut failed = false;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{file}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match import(file, &bytes) {
            Ok(article) if article_only => match article_json(file, &article) {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("{file}: {e}");
                    failed = true;
                }
            },
            Ok(article) => {
                let parts = article.parts();
                let analysis = dossier_core::analyze(&parts, article.meta.date.as_deref());
                let src = String::from_utf8_lossy(&bytes);
                let line = analysis_json(file, &src, &article, &analysis);
                if as_set {
                    set.push((line, analysis));
                } else {
                    println!("{line}");
                }
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    if as_set {
        print_set(set);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints the lines of a set, each entity with its set-level `"key"`.
fn print_set(mut set: Vec<(Value, Analysis)>) {
    let entities: Vec<&[dossier_core::analysis::Entity]> =
        set.iter().map(|(_, a)| a.entities.as_slice()).collect();
    let linking = dossier_core::set::link(&entities);
    for (a, (line, _)) in set.iter_mut().enumerate() {
        if let Some(list) = line["entities"].as_array_mut() {
            for (e, ent) in list.iter_mut().enumerate() {
                if let (Some(obj), Some(key)) = (ent.as_object_mut(), linking.key(a, e)) {
                    obj.insert("key".into(), json!(key));
                }
            }
        }
        println!("{line}");
    }
}

/// The parsed article as JSON, with the file it was read from.
fn article_json(file: &str, article: &Article) -> serde_json::Result<String> {
    let mut value = serde_json::to_value(article)?;
    if let Value::Object(map) = &mut value {
        map.insert("file".into(), json!(file));
    }
    serde_json::to_string(&value)
}

//! The `analyze` command line: its JSON contract and its errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn analyze(args: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_analyze"))
        .args(args)
        .output()
        .expect("runs analyze")
}

fn seed_md() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../assets/articles/000-russia-refused-to-extradite-assad.md")
}

fn tmp(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, content).expect("write temp file");
    p
}

#[test]
fn prints_the_contract_for_one_file() {
    let out = analyze(&[&seed_md()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.lines().count(), 1);
    let v: Value = serde_json::from_str(&text).expect("one JSON object");
    assert_eq!(
        v["title"],
        "Russia Refused to Extradite Assad to New Syrian Authorities"
    );
    assert!(v["date"].is_null(), "the seed is undated");
    assert!(v["file"].as_str().is_some_and(|f| f.ends_with(".md")));
    for key in ["entities", "dates", "timeline"] {
        assert!(v[key].is_array(), "{key}");
    }
    let src = std::fs::read_to_string(seed_md()).expect("seed");
    // Every offset points at the text it claims, in the file as read.
    for e in v["entities"].as_array().into_iter().flatten() {
        for key in ["id", "name", "type"] {
            assert!(e[key].is_string(), "{e}");
        }
        for m in e["mentions"].as_array().into_iter().flatten() {
            let (s, en) = (m["start"].as_u64(), m["end"].as_u64());
            let (s, en) = (s.expect("start") as usize, en.expect("end") as usize);
            assert_eq!(&src[s..en], m["text"].as_str().expect("text"));
        }
    }
    for d in v["dates"].as_array().into_iter().flatten() {
        let s = d["start"].as_u64().expect("start") as usize;
        let en = d["end"].as_u64().expect("end") as usize;
        assert_eq!(&src[s..en], d["text"].as_str().expect("text"));
        assert!(["DATE", "TIME", "DURATION", "SET"].contains(&d["type"].as_str().unwrap_or("")));
    }
    for ev in v["timeline"].as_array().into_iter().flatten() {
        assert!(ev["date"].is_string() && ev["label"].is_string(), "{ev}");
        assert_eq!(ev["span"].as_array().map(Vec::len), Some(2));
    }
}

#[test]
fn one_line_per_file_and_article_mode() {
    let txt = tmp(
        "scraped.txt",
        b"A Title\n\nNews\n\nA Title\n\nBody text here.\n",
    );
    let out = analyze(&[&seed_md(), &txt]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["title"], "A Title");

    let out = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .arg("--article")
        .arg(&txt)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["meta"]["section"], "News");
    assert_eq!(v["blocks"][0]["text"], "Body text here.");
}

#[test]
fn errors_name_the_file_and_line_and_fail() {
    let bad = tmp(
        "bad.md",
        b"+++\ntitle = \"T\"\ndate = \"2025-02-31\"\n+++\n\nBody.\n",
    );
    let out = analyze(&[&seed_md(), &bad]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:3: bad `date`", bad.display())),
        "{err}"
    );
    // The good file is still reported.
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);

    let missing = Path::new("/nonexistent/article.md");
    let out = analyze(&[missing]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.md: cannot read"));

    let out = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: analyze"));
}

#[test]
fn seed_article_analysis_through_the_cli() {
    let out = analyze(&[&seed_md()]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let entity = |name: &str| {
        v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .clone()
    };
    let assad = entity("Bashar al-Assad");
    assert_eq!(assad["type"], "person");
    assert!(assad["aliases"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "Assad")));
    let hts = entity("Hayat Tahrir al-Sham");
    assert_eq!(hts["type"], "organization");
    assert!(hts["aliases"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x == "HTS")));
    assert_eq!(entity("Moscow")["type"], "place");

    let values: Vec<&str> = v["dates"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["value"].as_str())
        .collect();
    for expected in ["2024-12", "2025-01", "2025-04-23", "2015", "P50Y", "P13Y"] {
        assert!(values.contains(&expected), "{expected} in {values:?}");
    }
    // Chronological order, and the open range from 2015 first.
    let timeline = v["timeline"].as_array().expect("timeline");
    assert_eq!(timeline[0]["date"], "2015");
    assert_eq!(timeline[0]["open_ended"], true);
    let dates: Vec<&str> = timeline.iter().filter_map(|e| e["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(v["coverage"], serde_json::json!(["2015", "2025-04-23"]));
}

fn lines_of(out: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn key_of(line: &Value, name: &str) -> String {
    line["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name} in {line}"))["key"]
        .as_str()
        .unwrap_or_else(|| panic!("{name} has no key"))
        .to_string()
}

#[test]
fn set_mode_gives_every_entity_a_key_shared_across_files() {
    let a = tmp(
        "set-a.md",
        "+++\ntitle = \"Harbour talks resume\"\ndate = \"2024-03-01\"\n+++\n\n\
         Mayor Jane Okafor met officials of the Northern Harbour Board (NHB) in Lagos on Monday. \
         Okafor said the talks went well.\n"
            .as_bytes(),
    );
    let b = tmp(
        "set-b.md",
        "+++\ntitle = \"Harbour plan\"\ndate = \"2024-03-05\"\n+++\n\n\
         Okafor said on Tuesday that Lagos would ask the NHB to expand the harbour.\n"
            .as_bytes(),
    );
    let single = analyze(&[&a, &b]);
    assert!(single.status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .arg("--set")
        .args([&a, &b])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (plain, set) = (lines_of(&single), lines_of(&out));
    assert_eq!(set.len(), 2);
    // without --set, no key; with it, the same lines plus a key on each entity
    for (p, s) in plain.iter().zip(&set) {
        let (pe, se) = (p["entities"].as_array(), s["entities"].as_array());
        let (pe, se) = (pe.expect("entities"), se.expect("entities"));
        assert!(!pe.is_empty());
        assert_eq!(pe.len(), se.len());
        for (x, y) in pe.iter().zip(se) {
            assert!(x.get("key").is_none(), "{x}");
            assert!(y["key"].as_str().is_some_and(|k| !k.is_empty()), "{y}");
            let mut y = y.clone();
            y.as_object_mut().map(|o| o.remove("key"));
            assert_eq!(x, &y);
        }
    }
    assert_eq!(key_of(&set[0], "Jane Okafor"), "jane-okafor");
    assert_eq!(key_of(&set[1], "Okafor"), "jane-okafor");
    assert_eq!(key_of(&set[0], "Lagos"), key_of(&set[1], "Lagos"));
    assert_eq!(
        key_of(&set[1], "NHB"),
        key_of(&set[0], "Northern Harbour Board")
    );
    assert_ne!(key_of(&set[0], "Lagos"), key_of(&set[0], "Jane Okafor"));
}

#[test]
fn set_mode_reports_a_bad_file_and_keys_the_rest() {
    let bad = tmp(
        "set-bad.md",
        b"+++\ntitle = \"T\"\ndate = \"2025-02-31\"\n+++\n\nBody.\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .arg("--set")
        .arg(seed_md())
        .arg(&bad)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:3: bad `date`", bad.display())),
        "{err}"
    );
    let lines = lines_of(&out);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["entities"]
        .as_array()
        .is_some_and(|e| e.iter().all(|x| x["key"].is_string())));
}

//! How the set's build-time work and its pages' indexes grow with the set.
//!
//!   cargo run --release -p dossier-core --example set_scale -- [N...] [--src DIR] [--size BYTES]
//!
//! For each N (default 100 1000 10000), N articles of about --size bytes
//! (default 3000) are made from the paragraphs of the Markdown articles in
//! --src (default ../shared/eval/meantime-dev; article k starts k paragraphs
//! further on, so articles differ but share their names, as a story's
//! articles do), then timed, on all cores where the build uses them:
//!   analyse   parse and analyse every article (threads, as the build could)
//!   link      set::link (one thread)
//!   pages     the entity pages (set::entity_index), the search index
//!             (SearchIndex::build) and the set timeline (SetPages)
//!   search    100 one-word queries and 100 two-word queries on the index:
//!             median and 95th percentile
//! and the sizes: the set timeline and linking as the build embeds them
//! (postcard), the search index's terms and postings. One JSON line per N.

use std::time::Instant;

use dossier_core::bundle::SetPages;
use dossier_core::set::{entity_index, link, SearchIndex};
use dossier_core::{Analysis, Article};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn paragraphs(src: &str) -> Result<Vec<String>, String> {
    let mut files: Vec<_> = std::fs::read_dir(src)
        .map_err(|e| format!("{src}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let body = match text
            .strip_prefix("+++\n")
            .and_then(|t| t.split_once("\n+++\n"))
        {
            Some((_, body)) => body.to_string(),
            None => text,
        };
        out.extend(
            body.split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty() && !p.starts_with('#'))
                .map(str::to_string),
        );
    }
    if out.is_empty() {
        return Err(format!("{src}: no paragraphs"));
    }
    Ok(out)
}

fn article(paras: &[String], k: usize, size: usize) -> String {
    let mut s = format!(
        "+++\ntitle = \"Generated article {}\"\ndate = \"20{:02}-{:02}-{:02}\"\n+++\n\n",
        k + 1,
        10 + k % 15,
        1 + k % 12,
        1 + k % 28
    );
    let mut i = k;
    while s.len() < size {
        s.push_str(&paras[i % paras.len()]);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 * p) as usize).min(v.len() - 1)]
}

fn main() -> Result<(), String> {
    let src = arg("--src").unwrap_or_else(|| "../shared/eval/meantime-dev".into());
    let size: usize = arg("--size").and_then(|s| s.parse().ok()).unwrap_or(3000);
    let args: Vec<String> = std::env::args().collect();
    let counts: Vec<usize> = (1..args.len())
        .filter(|&i| !args[i - 1].starts_with("--"))
        .filter_map(|i| args[i].parse().ok())
        .filter(|&n: &usize| n > 0)
        .collect();
    let counts = if counts.is_empty() {
        vec![100, 1000, 10000]
    } else {
        counts
    };
    let paras = paragraphs(&src)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for n in counts {
        let sources: Vec<String> = (0..n).map(|k| article(&paras, k, size)).collect();
        let bytes: usize = sources.iter().map(String::len).sum();
        let t = Instant::now();
        let chunk = n.div_ceil(threads);
        let set: Vec<(Article, Analysis)> = std::thread::scope(|s| {
            let handles: Vec<_> = sources
                .chunks(chunk.max(1))
                .enumerate()
                .map(|(c, part)| {
                    s.spawn(move || {
                        part.iter()
                            .enumerate()
                            .map(|(i, src)| {
                                let name = format!("{:06}-generated.md", c * chunk + i);
                                let a = dossier_core::article::parse_article(&name, src.as_bytes())
                                    .map_err(|e| e.to_string())?;
                                let an = dossier_core::analyze(&a.parts(), a.meta.date.as_deref());
                                Ok((a, an))
                            })
                            .collect::<Result<Vec<_>, String>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().map_err(|_| "a thread panicked".to_string())?)
                .collect::<Result<Vec<Vec<_>>, String>>()
                .map(|v| v.into_iter().flatten().collect())
        })?;
        let analyse = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let entities: Vec<&[dossier_core::analysis::Entity]> =
            set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        let linking = link(&entities);
        let link_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let index = entity_index(&set, &linking);
        let search = SearchIndex::build(&set, &linking);
        let pages = SetPages::with_linking(&set, linking.clone());
        let pages_s = t.elapsed().as_secs_f64();
        let encoded = postcard::to_allocvec(&pages).map_err(|e| e.to_string())?;
        let postings: usize = search.terms.values().map(Vec::len).sum();
        // Queries: words of the articles, one and two at a time.
        let words: Vec<String> = paras
            .iter()
            .flat_map(|p| p.split_whitespace())
            .filter(|w| w.len() > 4 && w.chars().all(char::is_alphabetic))
            .take(200)
            .map(str::to_string)
            .collect();
        let mut one = Vec::new();
        let mut two = Vec::new();
        for (i, w) in words.iter().enumerate().take(100) {
            let t = Instant::now();
            let hits = search.search(&set, w, 20);
            one.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
            let q = format!("{w} {}", words[(i + 7) % words.len()]);
            let t = Instant::now();
            let hits = search.search(&set, &q, 20);
            two.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(hits);
        }
        println!(
            "{{\"articles\":{n},\"mb\":{:.1},\"threads\":{threads},\"analyse_s\":{analyse:.2},\"link_s\":{link_s:.2},\"pages_s\":{pages_s:.2},\"set_entities\":{},\"entity_pages\":{},\"timeline_points\":{},\"pages_postcard_kb\":{:.0},\"terms\":{},\"postings\":{postings},\"search_ms\":{{\"one_word_p50\":{:.2},\"one_word_p95\":{:.2},\"two_words_p50\":{:.2},\"two_words_p95\":{:.2}}}}}",
            bytes as f64 / 1e6,
            linking.entities.len(),
            index.pages.len(),
            pages.timeline.len(),
            encoded.len() as f64 / 1024.0,
            search.terms.len(),
            pct(&mut one.clone(), 0.5),
            pct(&mut one, 0.95),
            pct(&mut two.clone(), 0.5),
            pct(&mut two, 0.95),
        );
    }
    Ok(())
}

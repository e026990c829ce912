//! Throughput of the whole analysis (parse + analyze) on real news text.
//!
//! The corpus is every `.md` article of the development set
//! (`../shared/eval/meantime-dev` beside the repository) plus the seed
//! article of the bundled set. Throughput is reported in bytes of article
//! files per second; `scripts/bench.sh` turns criterion's estimates into
//! MB/s (10^6 bytes) for the performance table.
//!
//! Run: `cargo bench -p dossier-core --bench analysis`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_core::article::{parse_article, Article};

/// One article file of the corpus: its path (for the format and error
/// messages) and its bytes.
struct File {
    path: String,
    bytes: Vec<u8>,
}

fn md_files_in(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && name.starts_with(prefix)
        })
        .collect();
    files.sort();
    files
}

fn corpus() -> Result<Vec<File>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dev = root.join("../shared/eval/meantime-dev");
    let mut paths = md_files_in(&dev, "");
    if paths.is_empty() {
        return Err(format!(
            "no development articles found in {}: the benchmark needs ../shared beside the repository",
            dev.display()
        ));
    }
    // The seed article: the first of the bundled set.
    paths.extend(md_files_in(&root.join("assets/articles"), "000"));
    paths
        .into_iter()
        .map(|p| {
            let bytes =
                std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            Ok(File {
                path: p.display().to_string(),
                bytes,
            })
        })
        .collect()
}

fn parse_all(files: &[File]) -> Result<Vec<Article>, String> {
    files
        .iter()
        .map(|f| parse_article(&f.path, &f.bytes).map_err(|e| e.to_string()))
        .collect()
}

fn bench_analysis(c: &mut Criterion) {
    let (files, articles) = match corpus().and_then(|f| parse_all(&f).map(|a| (f, a))) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("analysis bench: {e}");
            std::process::exit(1);
        }
    };
    let file_bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let text_bytes: usize = articles
        .iter()
        .map(|a| a.parts().iter().map(|p| p.len()).sum::<usize>())
        .sum();
    eprintln!(
        "corpus: {} articles, {} bytes of files, {} bytes of analysed text",
        files.len(),
        file_bytes,
        text_bytes
    );

    let mut group = c.benchmark_group("analysis");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(30);

    // The figure the targets refer to: file bytes in, full analysis out.
    group.throughput(Throughput::Bytes(file_bytes as u64));
    group.bench_function("full", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for f in &files {
                if let Ok(article) = parse_article(&f.path, black_box(&f.bytes)) {
                    let parts = article.parts();
                    let a = dossier_core::analyze(&parts, article.meta.date.as_deref());
                    n += a.sentences.len() + a.entities.len() + a.times.len() + a.timeline.len();
                }
            }
            black_box(n)
        })
    });

    // The parser alone.
    group.bench_function("parse", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for f in &files {
                if let Ok(article) = parse_article(&f.path, black_box(&f.bytes)) {
                    n += article.blocks.len();
                }
            }
            black_box(n)
        })
    });

    // The analysis alone, over already parsed text.
    group.throughput(Throughput::Bytes(text_bytes as u64));
    let inputs: Vec<(Vec<&str>, Option<&str>)> = articles
        .iter()
        .map(|a| (a.parts(), a.meta.date.as_deref()))
        .collect();
    group.bench_function("analyze", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (parts, dct) in &inputs {
                let a = dossier_core::analyze(black_box(parts), *dct);
                n += a.sentences.len() + a.entities.len() + a.times.len() + a.timeline.len();
            }
            black_box(n)
        })
    });
    group.finish();

    // How the cost grows with the size of one article: the development
    // articles' bodies one after the other in a single file of about 1 KB,
    // 10 KB, 100 KB and 1 MB. Flat MB/s means linear cost.
    let bodies: Vec<&str> = files
        .iter()
        .filter_map(|f| std::str::from_utf8(&f.bytes).ok())
        .map(body_of)
        .collect();
    let mut group = c.benchmark_group("scaling");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10);
    for (name, size) in [
        ("1KB", 1_000),
        ("10KB", 10_000),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
    ] {
        let file = article_of_size(&bodies, size);
        group.throughput(Throughput::Bytes(file.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                if let Ok(article) = parse_article("scaling.md", black_box(file.as_bytes())) {
                    let parts = article.parts();
                    let a = dossier_core::analyze(&parts, article.meta.date.as_deref());
                    n += a.sentences.len() + a.entities.len() + a.times.len() + a.timeline.len();
                }
                black_box(n)
            })
        });
    }
    group.finish();
}

/// The Markdown body of an article file: what follows the front matter.
fn body_of(src: &str) -> &str {
    src.strip_prefix("+++")
        .and_then(|rest| rest.find("\n+++").map(|end| &rest[end + 4..]))
        .unwrap_or(src)
        .trim()
}

/// An article file of at least `size` bytes made of whole paragraphs of
/// `bodies`, in order, repeated as needed.
fn article_of_size(bodies: &[&str], size: usize) -> String {
    let mut file = String::from("+++\ntitle = \"Scaling\"\ndate = \"2025-04-23\"\n+++\n");
    let paragraphs = bodies.iter().flat_map(|b| b.split("\n\n")).cycle();
    for p in paragraphs.take(1_000_000) {
        if file.len() >= size || bodies.is_empty() {
            break;
        }
        file.push('\n');
        file.push_str(p.trim());
        file.push('\n');
    }
    file
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);

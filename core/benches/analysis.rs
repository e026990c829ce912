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
}

criterion_group!(benches, bench_analysis);
criterion_main!(benches);

//! Import throughput: saved pages of `../shared/eval/html-dev` read into
//! articles (decoding, Readability, blocks), then analysed, on one core.
//! `cargo bench -p dossier-core --bench import`; the throughput is MB of
//! HTML per second. Skipped (with a message) where the pages are missing.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier_core::article::import;

fn pages() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/html-dev");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "html") {
                if let Ok(bytes) = std::fs::read(&p) {
                    out.push((p.display().to_string(), bytes));
                }
            }
        }
    }
    out.sort();
    out
}

fn bench_import(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("import bench: no pages in ../shared/eval/html-dev, skipped");
        return;
    }
    let total: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter_map(|(n, bytes)| import(n, bytes).ok())
                .count()
        })
    });
    g.bench_function("extract+analyze", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter_map(|(n, bytes)| import(n, bytes).ok())
                .map(|a| {
                    dossier_core::analyze(&a.parts(), a.meta.date.as_deref())
                        .entities
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);

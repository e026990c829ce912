//! Writes the app's first view, rendered from the same components, into a
//! release build's `index.html`, so that the article is readable before the
//! WebAssembly arrives (and without JavaScript). The browser then hydrates it.
//!
//!     cargo run --features ssr --bin prerender -- dist/index.html
//!
//! The page must hold the mount point `<div id="app"></div>` (empty, or
//! holding an earlier render, which is replaced: running it twice gives the
//! same file).
//!
//! When the set is split (see `core/src/bundle.rs`), it also writes each
//! article's file next to the page, `articles/<slug>.bin`, the entity
//! shards, `set/e/<n>.bin`, and what the set's pages read, `set/pages.bin`,
//! replacing those folders; when the set is
//! embedded whole, it removes folders left there by an earlier build.

use std::path::Path;
use std::process::ExitCode;

use dossier::app::{App, AppProps};
use dossier::data::format;
use dossier::ROOT_ID;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST/index.html");
        return ExitCode::FAILURE;
    };
    match run(&path) {
        Ok((bytes, files)) => {
            println!("prerender: {path}: {bytes} bytes of prerendered HTML");
            let set = dossier::data::set_count();
            let embedded = dossier::data::embedded_bytes();
            if files > 0 {
                println!("prerender: set of {set} articles split: index {embedded} bytes embedded, {files} article files in articles/");
            } else {
                let s = if set == 1 { "" } else { "s" };
                println!("prerender: set of {set} article{s} embedded whole: {embedded} bytes");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> Result<(usize, usize), String> {
    let page = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let html = futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(|| AppProps { prerendered: true }).render(),
    );
    let page = dossier::prerender::insert(&page, ROOT_ID, &html)?;
    let page = dossier::prerender::early_reads(&page, &early_reads())?;
    std::fs::write(path, page).map_err(|e| e.to_string())?;
    let files = write_articles(path)?;
    write_shards(path)?;
    Ok((html.len(), files))
}

/// What a page of a split set reads first, by page: the set timeline its
/// list and first file, search the list of its shards (the same URLs the
/// pages module asks for); nothing for a set embedded whole.
fn early_reads() -> Vec<(&'static str, Vec<String>)> {
    let Some(build) = dossier::data::split() else {
        return Vec::new();
    };
    let mut timeline = Vec::new();
    if dossier::data::timeline_files() > 0 {
        timeline.push(format::SetFolder::Timeline.url_of(format::TIMELINE_KEYS_FILE, build));
        timeline.push(format::SetFolder::Timeline.url(0, build));
    }
    let mut search = Vec::new();
    if dossier::data::search_shards() > 0 {
        search.push(format::SetFolder::Search.url_of(format::SEARCH_KEYS_FILE, build));
    }
    vec![("timeline", timeline), ("search", search)]
}

/// Writes the split set's entity shards beside the page, `set/e/<n>.bin`,
/// the pages of its library's index after the first, `set/l/<n>.bin`, its
/// search index, `set/s/<n>.bin` and `set/s/keys.bin`, its timeline by
/// period, `set/t/<n>.bin` and `set/t/keys.bin`, and
/// what its pages read, `set/pages.bin`, replacing that folder (removing it
/// when the set is whole).
fn write_shards(page: &str) -> Result<(), String> {
    let set = Path::new(page)
        .parent()
        .unwrap_or(Path::new("."))
        .join("set");
    if set.exists() {
        std::fs::remove_dir_all(&set).map_err(|e| format!("{}: {e}", set.display()))?;
    }
    let pages = dossier::data::pages_file();
    let size = std::fs::metadata(pages).map_err(|e| format!("{pages}: {e}"))?;
    if size.len() > 0 {
        copy_all(&set, std::iter::once(("pages.bin".to_string(), pages)))?;
    }
    for (folder, from) in dossier::data::set_files() {
        let dir = set.join(folder);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let name = Path::new(from)
            .file_name()
            .ok_or_else(|| format!("{from}: not a file"))?;
        let file = dir.join(name);
        std::fs::copy(from, &file).map_err(|e| format!("{from} → {}: {e}", file.display()))?;
    }
    Ok(())
}

/// Copies the build's files `(name, path)` into `dir`, made when there are
/// any.
fn copy_all<'a>(
    dir: &Path,
    files: impl ExactSizeIterator<Item = (String, &'a str)>,
) -> Result<(), String> {
    if files.len() == 0 {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, from) in files {
        let file = dir.join(name);
        std::fs::copy(from, &file).map_err(|e| format!("{from} → {}: {e}", file.display()))?;
    }
    Ok(())
}

/// Writes the split set's article files beside the page; returns how many.
fn write_articles(page: &str) -> Result<usize, String> {
    let dir = Path::new(page)
        .parent()
        .unwrap_or(Path::new("."))
        .join("articles");
    let shown = |e: std::io::Error| format!("{}: {e}", dir.display());
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(shown)?;
    }
    let blobs = dossier::data::blobs();
    if blobs.is_empty() {
        return Ok(0);
    }
    copy_all(
        &dir,
        blobs.iter().map(|(slug, p)| (format::blob_file(slug), *p)),
    )?;
    Ok(blobs.len())
}

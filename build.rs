//! Embeds the article set: every `*.md`, `*.txt` and saved page (`*.html`,
//! `*.htm`) of `assets/articles/` (or of the folder `DOSSIER_ARTICLES` names,
//! e.g. `examples/wikinews-apple`), read by `dossier_core::article::import`, in
//! file name order, parsed and analysed here, at build time, and serialised with
//! postcard into `OUT_DIR` (see `dossier_core::bundle`): the whole set as
//! `(Article, Analysis)` pairs, or, for a large set, only the first page of
//! the library's index, with one file per article in `OUT_DIR/blobs/` (listed
//! in `OUT_DIR/blobs.rs` for the build-time render, which copies them into
//! `dist/articles/`), the other pages of the index in `OUT_DIR/library/`
//! (listed in `OUT_DIR/shards.rs`, copied into `dist/set/l/`), and
//! what the set's pages read (`OUT_DIR/set.postcard`: the linking and the set
//! timeline, `dossier_core::bundle::SetPages`) and, for a split set, its
//! entity pages in shards (`OUT_DIR/shards/`, listed in `OUT_DIR/shards.rs`,
//! `dossier_core::bundle::entity_shards`) and its search index in shards
//! by key range (`OUT_DIR/search/`, listed in `OUT_DIR/shards.rs`,
//! `dossier_core::bundle::search_shards`), with what its pages read as a file
//! of its own (`OUT_DIR/set-pages.bin`; `set.postcard` is then empty). The
//! page shows the engine's results without carrying the engine. The
//! articles are analysed on every core. A broken
//! article fails the build with `path:line: what is wrong`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use dossier_core::bundle::{self as format, SetFolder};

/// The folder of the set: `DOSSIER_ARTICLES` if set and not empty, else the
/// bundled set.
fn articles_dir() -> std::path::PathBuf {
    match std::env::var("DOSSIER_ARTICLES") {
        Ok(dir) if !dir.trim().is_empty() => dir.trim().into(),
        _ => "assets/articles".into(),
    }
}

fn main() -> ExitCode {
    println!("cargo:rerun-if-env-changed=DOSSIER_ARTICLES");
    println!("cargo:rerun-if-changed={}", articles_dir().display());
    match build() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            println!("cargo:warning={message}");
            ExitCode::FAILURE
        }
    }
}

fn build() -> Result<(), String> {
    let dir = articles_dir();
    let dir = dir.as_path();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if path.is_file() && matches!(ext, "md" | "txt" | "html" | "htm") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut articles = Vec::with_capacity(paths.len());
    let mut slugs = std::collections::HashMap::with_capacity(paths.len());
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{shown}:1: {e}"))?;
        let article = dossier_core::article::import(&shown, &bytes).map_err(|e| e.to_string())?;
        if let Some(&other) = slugs.get(&article.slug) {
            let other: &dossier_core::Article = &articles[other];
            return Err(format!(
                "{shown}:1: slug \"{}\" is already used by \"{}\"",
                article.slug, other.meta.title
            ));
        }
        slugs.insert(article.slug.clone(), articles.len());
        articles.push(article);
    }
    if articles.is_empty() {
        return Err(format!(
            "{}: no articles (*.md, *.txt or *.html) found",
            dir.display()
        ));
    }
    let set = analyze_all(articles);
    let pages = format::SetPages::of(&set);
    let encoded = format::encode(&set, &pages.linking.keys_of(), format::SPLIT_ABOVE)?;
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let out = Path::new(&out);
    let target = out.join("articles.postcard");
    std::fs::write(&target, &encoded.embedded).map_err(|e| format!("{}: {e}", target.display()))?;
    let files = encoded
        .files
        .iter()
        .map(|(slug, bytes)| (format::blob_file(slug), bytes.as_slice()));
    let paths = write_files(&out.join("blobs"), files)?;
    let mut list = String::from("pub static BLOBS: &[(&str, &str)] = &[\n");
    for ((slug, _), path) in encoded.files.iter().zip(&paths) {
        let _ = writeln!(list, "    ({slug:?}, {path:?}),");
    }
    list.push_str("];\n");
    let target = out.join("blobs.rs");
    std::fs::write(&target, list).map_err(|e| format!("{}: {e}", target.display()))?;
    // A split set's entity pages, ready to show, in shards by key: an entity
    // page of a large set is one small file (`dist/set/e/`).
    let shards = if encoded.files.is_empty() {
        Vec::new()
    } else {
        let slugs: Vec<&str> = set.iter().map(|(a, _)| a.slug.as_str()).collect();
        format::entity_shards(&set, &slugs, &pages, encoded.build)?
    };
    let mut set_files = SetFiles::default();
    set_files.write(out, SetFolder::Entities, numbered(&shards).into_iter())?;
    let mut list = format!("pub const ENTITY_SHARDS: usize = {};\n", shards.len());
    // A split set's search index in shards by key range (`dist/set/s/`):
    // a query reads the shards of its words, not every article.
    let (keys, search) = if encoded.files.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        format::search_shards(&set, &pages.linking, encoded.build)?
    };
    let facets = if encoded.files.is_empty() {
        Vec::new()
    } else {
        format::search_facets(&set, encoded.build)?
    };
    let mut files = numbered(&search);
    if !keys.is_empty() {
        files.push((format::SEARCH_KEYS_FILE.to_string(), keys.as_slice()));
        files.push((format::SEARCH_FACETS_FILE.to_string(), facets.as_slice()));
    }
    set_files.write(out, SetFolder::Search, files.into_iter())?;
    let _ = writeln!(list, "pub const SEARCH_SHARDS: usize = {};", search.len());
    // A split set's timeline by period (`dist/set/t/`): the page reads the
    // list and the files of the rows it lists, not every point.
    let (keys, periods) = if encoded.files.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let slugs: Vec<&str> = set.iter().map(|(a, _)| a.slug.as_str()).collect();
        let titles: Vec<&str> = set.iter().map(|(a, _)| a.meta.title.as_str()).collect();
        format::timeline_files(&pages, &slugs, &titles, encoded.build)?
    };
    let mut files = numbered(&periods);
    if !keys.is_empty() {
        files.push((format::TIMELINE_KEYS_FILE.to_string(), keys.as_slice()));
    }
    set_files.write(out, SetFolder::Timeline, files.into_iter())?;
    let _ = writeln!(list, "pub const TIMELINE_FILES: usize = {};", periods.len());
    // The pages of a split set's library index after the first (which the
    // app embeds): `dist/set/l/<n>.bin`, fetched as the library is read.
    let files = encoded
        .library
        .iter()
        .enumerate()
        .map(|(i, bytes)| (SetFolder::file(i + 1), bytes.as_slice()));
    set_files.write(out, SetFolder::Library, files)?;
    list.push_str(&set_files.rust());
    let target = out.join("shards.rs");
    std::fs::write(&target, list).map_err(|e| format!("{}: {e}", target.display()))?;
    // A split set's pages module does not carry what its pages read: it is
    // a file (`dist/set/pages.bin`), read when a page needs the whole set.
    let (embedded, file) = if encoded.files.is_empty() {
        (format::encode_pages(&pages)?, Vec::new())
    } else {
        (
            Vec::new(),
            format::encode_pages_file(&pages, encoded.build)?,
        )
    };
    for (name, bytes) in [("set.postcard", embedded), ("set-pages.bin", file)] {
        let target = out.join(name);
        std::fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

/// Analyses every article, on as many threads as the machine has cores, in
/// set order.
fn analyze_all(
    articles: Vec<dossier_core::Article>,
) -> Vec<(dossier_core::Article, dossier_core::analysis::Analysis)> {
    let analyses = format::map_on_cores(&articles, |a| {
        dossier_core::analyze(&a.parts(), a.meta.date.as_deref())
    });
    articles.into_iter().zip(analyses).collect()
}

/// The files of a split set under `dist/set/`, written into the build's
/// output folder and listed, as (folder, path), for the build-time render,
/// which copies each into `dist/set/<folder>/` by its name.
#[derive(Default)]
struct SetFiles {
    list: String,
}

impl SetFiles {
    /// Writes the files of `folder` (name, bytes), replacing what an earlier
    /// build wrote there, and lists them.
    fn write<'a>(
        &mut self,
        out: &Path,
        folder: SetFolder,
        files: impl ExactSizeIterator<Item = (String, &'a [u8])>,
    ) -> Result<(), String> {
        let paths = write_files(&out.join("set").join(folder.name()), files)?;
        for path in paths {
            let _ = writeln!(self.list, "    ({:?}, {path:?}),", folder.name());
        }
        Ok(())
    }

    /// The list, as Rust for `OUT_DIR/shards.rs`: `SET_FILES`.
    fn rust(&self) -> String {
        format!(
            "#[cfg(feature = \"ssr\")]\npub static SET_FILES: &[(&str, &str)] = &[\n{}];\n",
            self.list
        )
    }
}

/// `files` as numbered files (`<n>.bin`), in order.
fn numbered(files: &[Vec<u8>]) -> Vec<(String, &[u8])> {
    files
        .iter()
        .enumerate()
        .map(|(n, bytes)| (SetFolder::file(n), bytes.as_slice()))
        .collect()
}

/// Writes `files` (name, bytes) into `dir`, emptied first (and left out
/// when there are none); returns their paths, in order, for the build-time
/// render, which copies them into `dist/` (the binary does not carry them:
/// a set of 100 000 articles is gigabytes of files).
fn write_files<'a>(
    dir: &Path,
    files: impl ExactSizeIterator<Item = (String, &'a [u8])>,
) -> Result<Vec<String>, String> {
    let shown = |e: std::io::Error| format!("{}: {e}", dir.display());
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(shown)?;
    }
    if files.len() > 0 {
        std::fs::create_dir_all(dir).map_err(shown)?;
    }
    files
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(path.display().to_string())
        })
        .collect()
}

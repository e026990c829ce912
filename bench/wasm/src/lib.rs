//! The article parser and the analysis, exported to JavaScript for the
//! throughput benchmark. The corpus is loaded once; the timed calls then run
//! entirely inside WebAssembly, as the app does.

use std::cell::RefCell;

use dossier_core::article::{parse_article, Article};
use wasm_bindgen::prelude::*;

struct File {
    path: String,
    bytes: Vec<u8>,
    article: Article,
}

thread_local! {
    static FILES: RefCell<Vec<File>> = const { RefCell::new(Vec::new()) };
}

/// Adds one article file to the corpus. Returns its plain text (title and
/// blocks separated by blank lines), the text the analysis reads, or an
/// error naming the file and line.
#[wasm_bindgen]
pub fn load(path: &str, bytes: &[u8]) -> Result<String, String> {
    let article = parse_article(path, bytes).map_err(|e| e.to_string())?;
    let text = article.parts().join("\n\n");
    FILES.with(|f| {
        f.borrow_mut().push(File {
            path: path.to_string(),
            bytes: bytes.to_vec(),
            article,
        })
    });
    Ok(text)
}

/// Empties the corpus.
#[wasm_bindgen]
pub fn clear() {
    FILES.with(|f| f.borrow_mut().clear());
}

/// Total bytes of the loaded files.
#[wasm_bindgen]
pub fn corpus_bytes() -> f64 {
    FILES.with(|f| f.borrow().iter().map(|f| f.bytes.len()).sum::<usize>() as f64)
}

/// Parses and analyses every loaded file `rounds` times. Returns the number
/// of sentences, entities, times and events found (so that nothing is
/// optimised away).
#[wasm_bindgen]
pub fn run(rounds: u32) -> f64 {
    FILES.with(|f| {
        let files = f.borrow();
        let mut found = 0usize;
        for _ in 0..rounds {
            for file in files.iter() {
                if let Ok(article) = parse_article(&file.path, &file.bytes) {
                    let parts = article.parts();
                    let a = dossier_core::analyze(&parts, article.meta.date.as_deref());
                    found +=
                        a.sentences.len() + a.entities.len() + a.times.len() + a.timeline.len();
                }
            }
        }
        found as f64
    })
}

/// Analyses the already parsed text of every loaded file `rounds` times
/// (the analysis alone, without the parser).
#[wasm_bindgen]
pub fn run_analysis(rounds: u32) -> f64 {
    FILES.with(|f| {
        let files = f.borrow();
        let mut found = 0usize;
        for _ in 0..rounds {
            for file in files.iter() {
                let parts = file.article.parts();
                let a = dossier_core::analyze(&parts, file.article.meta.date.as_deref());
                found += a.sentences.len() + a.entities.len() + a.times.len() + a.timeline.len();
            }
        }
        found as f64
    })
}

/// Total bytes of the parsed text (title and blocks) of the loaded files.
#[wasm_bindgen]
pub fn text_bytes() -> f64 {
    FILES.with(|f| {
        f.borrow()
            .iter()
            .map(|f| f.article.parts().iter().map(|p| p.len()).sum::<usize>())
            .sum::<usize>() as f64
    })
}

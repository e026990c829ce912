//! Writes the app's first view, rendered from the same components, into a
//! release build's `index.html`, so that the article is readable before the
//! WebAssembly arrives (and without JavaScript). The browser then hydrates it.
//!
//!     cargo run --features ssr --bin prerender -- dist/index.html
//!
//! The page must hold the mount point `<div id="app"></div>` (empty, or
//! holding an earlier render, which is replaced: running it twice gives the
//! same file).

use std::process::ExitCode;

use dossier::app::{App, AppProps};
use dossier::ROOT_ID;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST/index.html");
        return ExitCode::FAILURE;
    };
    match run(&path) {
        Ok(bytes) => {
            println!("prerender: {path}: {bytes} bytes of prerendered HTML");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> Result<usize, String> {
    let page = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let html = futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(|| AppProps { prerendered: true }).render(),
    );
    let page = dossier::prerender::insert(&page, ROOT_ID, &html)?;
    std::fs::write(path, page).map_err(|e| e.to_string())?;
    Ok(html.len())
}

//! The reader's own articles, as a second module of the page, loaded the
//! first time a reader adds an article, opens their articles' management, or
//! comes back with stored articles: so that a visit that does none of that
//! does not carry this code.
//!
//! It owns what adding and keeping needs: the batch being added (handed to
//! the importer, `importer/`), the stored articles (IndexedDB, [`store`]),
//! the actions on them (rename, delete, undo, exports, backup, pages to
//! share) and their views: the adding report and the management dialog,
//! rendered by its own Yew root beside the app's. Finished articles go to
//! the app through [`bridge`], which lists and shows them like the set's.

// The page's code: natively there is nothing to run (the logic is
// `dossier_core::added`, tested there).
#[cfg(target_arch = "wasm32")]
mod adding;
#[cfg(target_arch = "wasm32")]
mod bridge;
#[cfg(target_arch = "wasm32")]
mod manage;
#[cfg(target_arch = "wasm32")]
mod share;
#[cfg(target_arch = "wasm32")]
mod status;
#[cfg(target_arch = "wasm32")]
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    if let Some(root) = dossier::dom::module_root("yours") {
        yew::Renderer::<adding::Yours>::with_root(root).render();
    }
}

/// Natively there is nothing to run: the logic is in `dossier_core::added`,
/// tested in the core crate.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the reader's articles module runs in the page");
}

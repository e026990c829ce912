//! The pages of the set, as a module of the page loaded the first time one
//! is opened (`src/pages.rs` in the app): the page of an entity across the
//! set (`#/e/<key>`), the set's timeline (`#/timeline`) and search
//! (`#/search?q=`). A visit that only reads an article does not carry them.
//!
//! It reads the set as the app does (`dossier::data`: embedded, or each
//! article from its file) and what the build computed for these pages
//! (`dossier::data::pages`: the linking and the set timeline), builds the
//! entity pages and the search index (`dossier_core::set`) once, and renders
//! into its own Yew root beside the app's. The app is the router: it tells
//! this module which page it is on (`dossier::pages::ROUTE_EVENT`).

#[cfg(target_arch = "wasm32")]
mod correct;
#[cfg(target_arch = "wasm32")]
mod found;
#[cfg(target_arch = "wasm32")]
mod load;
#[cfg(target_arch = "wasm32")]
mod period;
#[cfg(target_arch = "wasm32")]
mod shard;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
fn main() {
    if let Some(root) = dossier::dom::module_root("pages") {
        yew::Renderer::<view::Pages>::with_root(root).render();
    }
}

/// Natively there is nothing to run: what the pages show is computed in
/// `dossier_core::set` and `dossier_core::view::pages`, tested there.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the set's pages module runs in the page");
}

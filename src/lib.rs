//! dossier: an in-browser news article viewer. The article set is parsed and
//! analysed at build time and embedded; everything runs client side.

pub mod added;
pub mod app;
pub mod components;
pub mod data;
pub mod dom;
pub mod later;
pub mod pages;
pub mod prerender;
pub mod ptr;
pub mod renders;
pub mod spy;
pub mod state;

/// The id of the element the app is mounted on (see `index.html`).
pub const ROOT_ID: &str = "app";

/// Mounts the app: hydrates the build-time render when the page holds one,
/// else renders from scratch (`trunk serve`, or a page without it).
pub fn run() {
    let Some(root) = dom::document().and_then(|d| d.get_element_by_id(ROOT_ID)) else {
        yew::Renderer::<app::App>::new().render();
        return;
    };
    if root.first_child().is_some() {
        later::set_aside(&root);
        yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { prerendered: true })
            .hydrate();
    } else {
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

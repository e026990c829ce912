//! dossier: an in-browser news article viewer. The article set is embedded at
//! build time; everything runs client side.

pub mod app;
pub mod components;
pub mod data;
pub mod dom;
pub mod state;

/// Mounts the app on the page's body.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}

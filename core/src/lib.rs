//! dossier-core: the article model, its parser, and the text analysis.
//!
//! Everything here is pure Rust with no web dependencies, so it runs natively
//! (tests, benches, the `analyze` command-line tool, the build script) and in
//! WebAssembly alike. All text offsets are UTF-8 byte offsets.

pub mod added;
pub mod analysis;
pub mod article;
pub mod bundle;
pub mod export;
#[cfg(test)]
mod score;
pub mod set;
pub mod timex;
pub mod view;

pub use analysis::{analyze, Analysis};
pub use article::{Article, ArticleError, Block, BlockKind, Meta};
pub use timex::Timex;

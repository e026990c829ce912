//! Function components, one per file. They read the shared state through
//! [`crate::state::use_reader`] and change it only by dispatching actions.

pub mod body;
pub mod card;
pub mod entity_panel;
pub mod find;
pub mod help;
pub mod legend;
pub mod library;
pub mod reader;
pub mod timeline;

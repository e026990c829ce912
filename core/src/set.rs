//! The set: what holds across the articles of a set. Entities linked
//! across articles ([`link`]), and the set-level indexes the entity pages,
//! the set timeline and search read.

pub mod link;

pub use link::{link, Linking, SetEntity};

//! The set: what holds across the articles of a set. Entities linked
//! across articles ([`link`]), and the set-level indexes the entity pages,
//! the set timeline and search read ([`index`], [`search`]); the reader's
//! corrections to the linking ([`correct`]).

pub mod correct;
pub mod index;
pub mod link;
pub mod search;

pub use index::{entity_index, set_timeline, EntityIndex, EntityPage, TimelineItem};
pub use link::{link, Linking, SetEntity};
pub use search::{parse_query, Hit, SearchIndex, Snippet};

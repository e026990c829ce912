//! Function components, one per file. They read the shared state through
//! [`crate::state::use_reader`] and change it only by dispatching actions.
//! What they show is computed in `dossier_core::view` (tested natively);
//! they find the elements of other components through node refs handed
//! down by the component that owns both (the reader's `<article>`), never
//! through test ids.
//!
//! - The reader: [`reader`] (header, keys, the effects that scroll),
//!   [`body`] → [`chunk`] → [`block`]; [`entity_panel`] → [`entity_row`];
//!   [`reading_timeline`] (the scroll-spy, [`crate::spy`]) → [`timeline`]
//!   → [`axis`] → [`axis_marks`] → [`axis_mark`], and [`event_list`] →
//!   [`event_row`]; [`card`], [`find`], [`legend`], [`help`].
//! - The set: [`library`] → [`library_item`] (the reader's own articles
//!   too, marked "Yours"); [`add`]: the "Add articles" control (library
//!   head, reader crumbs). The adding report and the management of the
//!   reader's articles are views of the module that adds and keeps them
//!   (`yours/`, loaded on demand), rendered in its own root beside the app's.
//!
//! # Stable hooks
//!
//! Tests and restyling rely on these; keep them.
//!
//! - The reading view is `[data-testid=reader]` (with `data-slug`); the
//!   library is `[data-testid=library]`, one `li.library-item[data-slug]` per
//!   article; an unknown slug shows `[data-testid=not-found]`.
//! - The article is one `<article>`: its `<header>` (kicker
//!   `[data-testid=section]`, `h1#title`, `[data-testid=date]` reading
//!   "undated" when there is no date, `[data-testid=reading-time]`, the
//!   legend and the find box), then the blocks, each `[data-part=N]` (part
//!   `N` of the analysis) whose text content is exactly the block's text,
//!   grouped in `div.chunk`s of some 16 blocks (laid out near the viewport
//!   only).
//! - Each mention is `<mark data-entity=ID data-type=TYPE data-m=ORDINAL>`
//!   around exactly the mention's text; classes `focus` (focused entity)
//!   and `active` (the card's). While an entity is focused the article is
//!   `article.body.focusing`, and its other marks (`mark:not(.focus)`) fade.
//!   The selected event's sentence is wrapped in `.sent` pieces; find hits
//!   are `span.hit[data-hit=K]`, the current one `.hit.current`.
//! - Legend: `[role=group][aria-label=Highlights]`, one
//!   `button[data-type][data-count][aria-pressed]` per type that occurs.
//! - Find: `input#find` (label "Find in article"), `[data-testid=find-count]`
//!   ("3 of 12", "No matches"), buttons "Previous match" / "Next match".
//! - Entity panel: `aside[aria-label=Entities]`, filter "Filter entities",
//!   `section.group[data-type]`, `button.entity[data-entity][aria-pressed]`.
//! - Timeline: `aside[aria-label=Timeline]`; each event
//!   `li[data-date=VALUE][data-index=I]` (plus `data-until`), the selected
//!   one `aria-current=true`, the one being read `.reading`; `button.ev` with
//!   `.ev-date` and `.ev-label`; entity chips `button.chip[data-entity]`;
//!   the axis `svg.axis` (`rect.mark.bar` for ranges, `circle.mark` for
//!   points, `line.published`); buttons "Previous event" / "Next event";
//!   on narrow screens `.drawer-toggle[aria-expanded]` opens the list.
//! - Card: `[data-testid=entity-card][data-entity][data-type]`,
//!   `[data-testid=card-position]` ("3 / 10"), `[data-testid=card-mentions]`,
//!   buttons "Previous mention" / "Next mention" / "Close card".
//! - Keys: `[data-testid=help]` dialog, opened by `?` or the "Keyboard
//!   shortcuts" button.
//! - Adding: `label.add` ("Add articles") holding
//!   `input[type=file][multiple][data-testid=add-input]`; the status
//!   `[data-testid=adding]` with `[data-testid=add-progress]` ("Adding
//!   articles: 3 of 25, 1.2 MB", then "Added 2 of 3"), one
//!   `[data-testid=add-outcomes] li` per item ("name: added", "name: why"),
//!   `[data-testid=add-session]` when nothing is kept; the reader's articles
//!   are `li.library-item.yours-item` in `[data-testid=yours]`, whose
//!   `[data-testid=manage]` button opens the dialog `dialog[data-testid=manage]`
//!   (module `yours/`): one `li.manage-item[data-slug]` per article with
//!   buttons "Rename", "Delete", "Export JSON", "Export .md", "Save as page"
//!   and a checkbox that chooses it, and `[data-testid=backup]` ("Back up
//!   all"), `[data-testid=share-page]` ("Save all as one page", or the
//!   chosen ones).
//! - Local storage: `dossier.hidden-types` (comma-separated type names),
//!   `dossier.yours` (how many articles of the reader's are stored);
//!   IndexedDB `dossier`, store `articles` (keyed by slug).

pub mod add;
pub mod axis;
pub mod axis_mark;
pub mod axis_marks;
pub mod block;
pub mod body;
pub mod card;
pub mod chunk;
pub mod entity_panel;
pub mod entity_row;
pub mod event_list;
pub mod event_row;
pub mod find;
pub mod help;
pub mod legend;
pub mod library;
pub mod library_item;
pub mod reader;
pub mod reading_timeline;
pub mod steps;
pub mod timeline;

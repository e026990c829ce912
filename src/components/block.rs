//! One block of the article body, memoised: its props are the block's index
//! and only the slice of the reader state that shows in it (the hidden types
//! among those it mentions, the focus as it affects its marks, the selected
//! sentence if it lies here, the card's mention if it is here, its find
//! hits). A click therefore re-renders the blocks it changes, not the body.
//!
//! Every mark shares one set of handlers, created once per analysis: they
//! read which mention they belong to from the mark's `data-entity` and
//! `data-m`, so the handlers compare equal from one render to the next.
//! Hovering is listened to on each mark (`mouseenter` does not bubble);
//! clicks, keys and focus once per chunk of blocks, for all its marks.

use std::ops::Range;
use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::reading::{kind_bit, BlockIndex};
use dossier_core::view::{segment, BlockMarks, Hit, MentionMark, Piece, Run};
use dossier_core::{Article, BlockKind};
use wasm_bindgen::JsCast;
use yew::functional::UseReducerDispatcher;
use yew::prelude::*;
use yew::virtual_dom::{Key, VList};

use crate::ptr::Ptr;
use crate::state::{Action, ReaderState};

/// The find hits of a range of blocks, out of those of the whole article
/// (numbered across it). Equal when the hits of the range are: a new query
/// re-renders only the blocks whose hits it changes.
#[derive(Clone, Debug)]
pub struct BlockHits {
    all: Rc<Vec<Vec<Hit>>>,
    range: Range<usize>,
}

impl BlockHits {
    /// The hits of blocks `range` (block `b` is part `b + 1`).
    pub fn new(all: &Rc<Vec<Vec<Hit>>>, range: Range<usize>) -> Self {
        BlockHits {
            all: Rc::clone(all),
            range,
        }
    }

    /// The hits of the range, by block.
    pub fn blocks(&self) -> &[Vec<Hit>] {
        self.all.get(self.range.clone()).unwrap_or(&[])
    }

    /// The hits of block `b` alone (empty outside the range).
    pub fn block(&self, b: usize) -> Self {
        let range = if self.range.contains(&b) {
            b..b + 1
        } else {
            b..b
        };
        BlockHits::new(&self.all, range)
    }
}

impl PartialEq for BlockHits {
    fn eq(&self, o: &Self) -> bool {
        self.range == o.range && (Rc::ptr_eq(&self.all, &o.all) || self.blocks() == o.blocks())
    }
}

/// The focus as one block sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FocusHere {
    /// Nothing focused, or nothing of the block highlighted.
    None,
    /// The focused entity (an index) is mentioned in the block. (The
    /// other marks fade through the article's `focusing` class, so a block
    /// that does not mention it is not redrawn when the focus moves.)
    Here(usize),
}

/// The handlers every mark shares: `enter` and `leave` go on each mark,
/// the others on an element around the marks (events that bubble).
#[derive(PartialEq)]
pub struct MarkHandlers {
    /// For `focusin`: a mark took the keyboard focus.
    pub focus: Callback<FocusEvent>,
    pub enter: Callback<MouseEvent>,
    pub leave: Callback<MouseEvent>,
    pub click: Callback<MouseEvent>,
    pub key: Callback<KeyboardEvent>,
}

/// The mention of the mark an event happened in: (entity, ordinal).
fn mention_of(e: &Event, analysis: &Analysis) -> Option<(usize, usize)> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = el.closest("mark[data-entity]").ok()??;
    let id = mark.get_attribute("data-entity")?;
    let ordinal = mark.get_attribute("data-m")?.parse().ok()?;
    let entity = analysis.entity_index(&id)?;
    Some((entity, ordinal))
}

impl MarkHandlers {
    pub fn new(d: UseReducerDispatcher<ReaderState>, analysis: Rc<Analysis>) -> Self {
        let focus = {
            let (d, a) = (d.clone(), Rc::clone(&analysis));
            Callback::from(move |e: FocusEvent| {
                // The mark itself, not a link inside it.
                let on_mark = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("mark"));
                if let Some(at) = mention_of(&e, &a).filter(|_| on_mark) {
                    d.dispatch(Action::Card {
                        at: Some(at),
                        reveal: false,
                    });
                }
            })
        };
        let enter = {
            let (d, a) = (d.clone(), Rc::clone(&analysis));
            Callback::from(move |e: MouseEvent| {
                if let Some(at) = mention_of(&e, &a) {
                    d.dispatch(Action::HoverCard(at));
                }
            })
        };
        // A card opened by hovering closes shortly after the pointer leaves,
        // unless the pointer has moved onto the card (which keeps it).
        let leave = {
            let (d, a) = (d.clone(), Rc::clone(&analysis));
            Callback::from(move |e: MouseEvent| {
                if let Some(at) = mention_of(&e, &a) {
                    let d = d.clone();
                    crate::dom::later(400, move || d.dispatch(Action::HoverEnd(at)));
                }
            })
        };
        let select = {
            let a = Rc::clone(&analysis);
            // False when the event is not in a mark.
            move |e: &Event| -> bool {
                let Some(at) = mention_of(e, &a) else {
                    return false;
                };
                let Some(id) = a.entities.get(at.0).map(|x| x.id.clone()) else {
                    return false;
                };
                d.dispatch(Action::ToggleFocus(id));
                d.dispatch(Action::Card {
                    at: Some(at),
                    reveal: false,
                });
                true
            }
        };
        let select = Rc::new(select);
        let click = {
            let select = Rc::clone(&select);
            Callback::from(move |e: MouseEvent| {
                // A link inside a mention still follows its target.
                if e.target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.closest("a").ok().flatten().is_some())
                {
                    return;
                }
                select(&e);
            })
        };
        let key = Callback::from(move |e: KeyboardEvent| {
            if (e.key() == "Enter" || e.key() == " ") && select(&e) {
                e.prevent_default();
            }
        });
        MarkHandlers {
            focus,
            enter,
            leave,
            click,
            key,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct BlockProps {
    pub article: Ptr<Article>,
    pub analysis: Ptr<Analysis>,
    pub index: Ptr<Vec<BlockIndex>>,
    /// The block's find hits, numbered across the article.
    pub hits: BlockHits,
    /// The block (part `block + 1`).
    pub block: usize,
    pub state: BlockState,
    pub handlers: Ptr<MarkHandlers>,
}

/// The reader state as one block shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockState {
    /// Hidden types among those the block mentions.
    pub hidden: u8,
    pub focus: FocusHere,
    /// The selected sentence, if it lies in this block.
    pub sentence: Option<(usize, usize)>,
    /// The card's mention, if it is in this block.
    pub active: Option<(usize, usize)>,
    /// The current find hit, if it is in this block.
    pub current: Option<usize>,
}

#[function_component(BlockView)]
pub fn block_view(p: &BlockProps) -> Html {
    let Some(block) = p.article.blocks.get(p.block) else {
        return html! {};
    };
    let part = p.block + 1;
    let analysis = &p.analysis;
    let marks = p.index.get(p.block).map_or(&[][..], |b| &b.marks[..]);
    let shown: Vec<MentionMark> = marks
        .iter()
        .filter(|m| {
            analysis
                .entities
                .get(m.entity)
                .is_some_and(|e| p.state.hidden & kind_bit(e.kind) == 0)
        })
        .copied()
        .collect();
    let hits = p.hits.blocks().first().map_or(&[][..], Vec::as_slice);
    let runs = segment(
        &block.text,
        BlockMarks {
            styles: &block.styles,
            mentions: &shown,
            hits,
            sentence: p.state.sentence,
        },
    );
    // Runs are keyed (a mark by its mention, plain text by where it starts)
    // so that a mark shown or hidden inserts or removes that mark alone.
    let mut at = 0;
    let content: Html = runs
        .iter()
        .map(|run| {
            let start = at;
            at += run
                .pieces()
                .iter()
                .map(|piece| piece.text.len())
                .sum::<usize>();
            render_run(run, start, p)
        })
        .collect();
    in_tag(block.kind, part, content)
}

/// A block as plain text, without marks or inline styles: how the
/// build-time render writes the chunks far down a long article (see
/// [`super::chunk::Chunk`]'s `plain`). Same tags, same text.
pub fn plain_block(article: &Article, block: usize) -> Html {
    let Some(b) = article.blocks.get(block) else {
        return html! {};
    };
    in_tag(b.kind, block + 1, html! { { b.text.clone() } })
}

/// A block's element (part `part`) around its content.
fn in_tag(kind: BlockKind, part: usize, content: Html) -> Html {
    let part = part.to_string();
    match kind {
        BlockKind::Paragraph => html! { <p data-part={part}>{ content }</p> },
        BlockKind::Quote => html! {
            <blockquote><p data-part={part}>{ content }</p></blockquote>
        },
        BlockKind::Heading(level) => {
            // The title is the page's h1; body headings start at h2.
            let tag = format!("h{}", (level + 1).clamp(2, 6));
            html! { <@{tag} data-part={part}>{ content }</@> }
        }
        BlockKind::ListItem => html! { <li data-part={part}>{ content }</li> },
    }
}

/// One run, starting at byte `start` of the block.
fn render_run(run: &Run<'_>, start: usize, p: &BlockProps) -> Html {
    let pieces: Vec<Html> = run
        .pieces()
        .iter()
        .map(|piece| render_piece(piece, p.state.current))
        .collect();
    let plain = |pieces| Html::from(VList::with_children(pieces, Some(Key::from(start))));
    let Run::Mention { mark, .. } = run else {
        return plain(pieces);
    };
    let Some(entity) = p.analysis.entities.get(mark.entity) else {
        return plain(pieces);
    };
    let focus = p.state.focus == FocusHere::Here(mark.entity);
    // A name inside the selected sentence is framed by it (a class, not a
    // `:has()` rule: that selector makes every parse and style pass slower).
    let in_sentence = run.pieces().iter().any(|piece| piece.marks.sentence);
    let class = classes!(
        "m",
        focus.then_some("focus"),
        in_sentence.then_some("in-sent"),
        (p.state.active == Some((mark.entity, mark.ordinal))).then_some("active"),
    );
    let h = &p.handlers;
    html! {
        <mark
            key={format!("{}.{}", mark.entity, mark.ordinal)}
            class={class}
            data-entity={entity.id.clone()}
            data-type={entity.kind.as_str()}
            data-m={mark.ordinal.to_string()}
            tabindex="0"
            onmouseenter={h.enter.clone()}
            onmouseleave={h.leave.clone()}
        >{ pieces }</mark>
    }
}

fn render_piece(piece: &Piece<'_>, current_hit: Option<usize>) -> Html {
    let m = &piece.marks;
    let mut node: Html = html! { { piece.text } };
    if m.sentence {
        node = html! { <span class="sent">{ node }</span> };
    }
    if let Some(h) = m.hit {
        let current = current_hit == Some(h);
        node = html! {
            <span class={classes!("hit", current.then_some("current"))} data-hit={h.to_string()}>{ node }</span>
        };
    }
    if m.code {
        node = html! { <code>{ node }</code> };
    }
    if m.emphasis {
        node = html! { <em>{ node }</em> };
    }
    if m.strong {
        node = html! { <strong>{ node }</strong> };
    }
    if let Some(url) = m.link.as_ref().filter(|u| dossier_core::view::safe_href(u)) {
        node = html! {
            <a href={url.clone()} rel="noopener noreferrer nofollow" target="_blank">{ node }</a>
        };
    }
    node
}

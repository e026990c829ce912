//! The article body: blocks in chunks, one memoised [`Chunk`] per chunk and
//! one memoised [`BlockView`] per block, so that a change of the reader
//! state re-renders only the chunks, and in them the blocks, it shows in.
//! Text reaches the DOM only as text nodes; each mention is one `<mark>`.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::Hit;
use dossier_core::{Article, BlockKind};
use yew::prelude::*;

use super::block::{
    index_blocks, kind_mask, BlockIndex, BlockState, BlockView, FocusHere, MarkHandlers,
};
use crate::state::use_reader;

/// Blocks per chunk (at least; a chunk ends before a paragraph).
const CHUNK: usize = 16;

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    /// Find hits per block (block `i` is part `i + 1`).
    pub hits: Rc<Vec<Vec<Hit>>>,
    /// The article's header, rendered first inside the `<article>`.
    #[prop_or_default]
    pub children: Html,
}

/// The blocks cut into chunks of about [`CHUNK`], each cut before a
/// paragraph (never inside a list): `(first, end)` block ranges.
fn chunks(article: &Article) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (b, blk) in article.blocks.iter().enumerate() {
        if b - start >= CHUNK && blk.kind == BlockKind::Paragraph {
            out.push((start, b));
            start = b;
        }
    }
    if start < article.blocks.len() {
        out.push((start, article.blocks.len()));
    }
    out
}

#[function_component(Body)]
pub fn body(props: &BodyProps) -> Html {
    let state = use_reader();
    let article = &props.article;
    let analysis = &props.analysis;
    let index = use_memo((Rc::clone(analysis), article.blocks.len()), |(a, n)| {
        index_blocks(a, *n)
    });
    let ranges = use_memo(Rc::clone(article), |a| chunks(a));
    let focus = state
        .focus
        .as_deref()
        .and_then(|id| analysis.entities.iter().position(|e| e.id == id));
    // The marks' handlers are made once per analysis and read the focus here.
    let focused = use_mut_ref(|| None::<usize>);
    *focused.borrow_mut() = focus;
    let handlers = {
        let d = state.dispatcher();
        let focused = Rc::clone(&focused);
        use_memo(Rc::clone(analysis), move |a| {
            MarkHandlers::new(d, Rc::clone(a), focused)
        })
    };
    let sentence = state
        .event
        .and_then(|i| analysis.timeline.get(i))
        .map(|ev| ev.sentence);
    // The card's mention and the current hit, by block.
    let active = state.card.and_then(|(e, k)| {
        let part = analysis.entities.get(e)?.mentions.get(k)?.part;
        Some((part.checked_sub(1)?, (e, k)))
    });
    let current = props
        .hits
        .iter()
        .position(|hs| hs.iter().any(|h| h.index == state.hit))
        .map(|b| (b, state.hit));
    let hidden = kind_mask(&state.hidden);

    let block_state = |b: usize, here: &BlockIndex| -> BlockState {
        let shown = here.kinds & !hidden;
        let focus = match focus {
            Some(f) if shown != 0 && here.entities.binary_search(&f).is_ok() => FocusHere::Here(f),
            _ => FocusHere::None,
        };
        BlockState {
            hidden: hidden & here.kinds,
            focus,
            sentence: sentence
                .filter(|s| s.part == b + 1)
                .map(|s| (s.start, s.end)),
            active: active.filter(|a| a.0 == b).map(|a| a.1),
            current: current.filter(|c| c.0 == b).map(|c| c.1),
        }
    };
    let empty = BlockIndex::default();
    let chunk_html = |&(start, end): &(usize, usize)| -> Html {
        let states: Vec<BlockState> = (start..end)
            .map(|b| block_state(b, index.get(b).unwrap_or(&empty)))
            .collect();
        html! {
            <Chunk
                article={Rc::clone(article)}
                analysis={Rc::clone(analysis)}
                index={Rc::clone(&index)}
                hits={Rc::clone(&props.hits)}
                start={start}
                states={states}
                handlers={Rc::clone(&handlers)}
            />
        }
    };
    html! {
        <article class={classes!("body", focus.is_some().then_some("focusing"))} aria-labelledby="title">
            { props.children.clone() }
            <div class="blocks">{ for ranges.iter().map(chunk_html) }</div>
        </article>
    }
}

#[derive(Properties)]
struct ChunkProps {
    article: Rc<Article>,
    analysis: Rc<Analysis>,
    index: Rc<Vec<BlockIndex>>,
    hits: Rc<Vec<Vec<Hit>>>,
    /// The chunk's first block.
    start: usize,
    /// The state of each of its blocks.
    states: Vec<BlockState>,
    handlers: Rc<MarkHandlers>,
}

impl PartialEq for ChunkProps {
    fn eq(&self, o: &Self) -> bool {
        let range = self.start..self.start + self.states.len();
        self.start == o.start
            && self.states == o.states
            && Rc::ptr_eq(&self.article, &o.article)
            && Rc::ptr_eq(&self.analysis, &o.analysis)
            && Rc::ptr_eq(&self.index, &o.index)
            && Rc::ptr_eq(&self.handlers, &o.handlers)
            && (Rc::ptr_eq(&self.hits, &o.hits)
                || self.hits.get(range.clone()) == o.hits.get(range))
    }
}

/// A run of blocks that the browser lays out and paints only near the
/// viewport (`content-visibility` in app.css; all but the first chunk, which
/// is on screen when the page opens).
#[function_component(Chunk)]
fn chunk(p: &ChunkProps) -> Html {
    let block = |(k, s): (usize, &BlockState)| -> Html {
        html! {
            <BlockView
                article={Rc::clone(&p.article)}
                analysis={Rc::clone(&p.analysis)}
                index={Rc::clone(&p.index)}
                hits={Rc::clone(&p.hits)}
                block={p.start + k}
                state={*s}
                handlers={Rc::clone(&p.handlers)}
            />
        }
    };
    // Consecutive list items share one list; every other block stands alone.
    let mut out: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    for (k, s) in p.states.iter().enumerate() {
        let kind = p.article.blocks.get(p.start + k).map(|b| b.kind);
        if kind == Some(BlockKind::ListItem) {
            list.push(block((k, s)));
            continue;
        }
        if !list.is_empty() {
            out.push(html! { <ul>{ for list.drain(..) }</ul> });
        }
        out.push(block((k, s)));
    }
    if !list.is_empty() {
        out.push(html! { <ul>{ for list.drain(..) }</ul> });
    }
    let h = &p.handlers;
    html! {
        <div class="chunk" onclick={h.click.clone()} onkeydown={h.key.clone()} onfocusin={h.focus.clone()}>
            { for out }
        </div>
    }
}

//! The article body: blocks in chunks, one memoised [`Chunk`] per chunk and
//! one memoised [`super::block::BlockView`] per block, so that a change of the reader
//! state re-renders only the chunks, and in them the blocks, it shows in.
//! Text reaches the DOM only as text nodes; each mention is one `<mark>`.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::reading::{
    chunks, index_blocks, kind_mask, later_steps, marked_chunks, still_later, BlockIndex,
};
use dossier_core::view::Hit;
use dossier_core::Article;
use yew::prelude::*;

use super::block::{BlockHits, BlockState, FocusHere, MarkHandlers};
use super::chunk::Chunk;
use super::steps::use_frame_steps;
use crate::later;
use crate::ptr::Ptr;
use crate::state::{use_reader, Place};

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    /// Find hits per block (block `i` is part `i + 1`).
    pub hits: Rc<Vec<Vec<Hit>>>,
    /// The article's header, rendered first inside the `<article>`.
    #[prop_or_default]
    pub children: Html,
    /// Given the `<article>` element, for the reader's effects.
    #[prop_or_default]
    pub node: NodeRef,
}

#[function_component(Body)]
pub fn body(props: &BodyProps) -> Html {
    let state = use_reader();
    let article = &props.article;
    let analysis = &props.analysis;
    let index = use_memo((Rc::clone(analysis), article.blocks.len()), |(a, n)| {
        index_blocks(a, *n)
    });
    let index = Ptr::from(Rc::clone(&index));
    let ranges = use_memo(Rc::clone(article), |a| chunks(a));
    // The chunks of the prerendered article set aside before hydration
    // (`crate::later`): adopted empty, then rendered a step per frame once
    // the app is live, or all at once when the reader asks for a place in
    // the text (a link to an event, a mention or a sentence; find).
    let set_aside = use_state(|| (Rc::clone(article), Rc::new(later::take())));
    let later: Rc<Vec<usize>> = if Rc::ptr_eq(&set_aside.0, article) {
        Rc::clone(&set_aside.1)
    } else {
        Rc::default()
    };
    let now = state.scroll.is_some() || !state.find.is_empty();
    let steps = use_frame_steps(!state.restoring, now, later_steps(later.len()));
    let is_later = |c: usize| still_later(&later, steps, c);
    // The build-time render (native) writes the chunks far down a long
    // article as plain text; in the page every chunk has its marks.
    let marked = if later::BUILD_RENDER {
        marked_chunks(article, &ranges)
    } else {
        usize::MAX
    };
    let focus = state
        .focus
        .as_deref()
        .and_then(|id| analysis.entity_index(id));
    // The marks' handlers are made once per analysis.
    let handlers = {
        let d = state.dispatcher();
        use_memo(Rc::clone(analysis), move |a| {
            MarkHandlers::new(d, Rc::clone(a))
        })
    };
    let handlers = Ptr::from(Rc::clone(&handlers));
    let (article_ptr, analysis_ptr) = (Ptr::from(article), Ptr::from(analysis));
    // The selected event's sentence, or the one a link names.
    let sentence = state
        .event
        .map(Place::Event)
        .or(state.sentence.map(Place::Sentence))
        .and_then(|p| p.sentence(analysis));
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
    let chunk_html = |(c, &(start, end)): (usize, &(usize, usize))| -> Html {
        let states: Vec<BlockState> = (start..end)
            .map(|b| block_state(b, index.get(b).unwrap_or(&empty)))
            .collect();
        html! {
            <Chunk
                article={article_ptr.clone()}
                analysis={analysis_ptr.clone()}
                index={index.clone()}
                hits={BlockHits::new(&props.hits, start..end)}
                start={start}
                states={states}
                handlers={handlers.clone()}
                later={is_later(c)}
                plain={c >= marked}
            />
        }
    };
    html! {
        <article ref={props.node.clone()} class={classes!("body", focus.is_some().then_some("focusing"))} aria-labelledby="title">
            { props.children.clone() }
            <div class="blocks">{ for ranges.iter().enumerate().map(chunk_html) }</div>
        </article>
    }
}

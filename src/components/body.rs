//! The article body: one memoised [`BlockView`] per block, so that a change
//! of the reader state re-renders only the blocks it shows in. Text reaches
//! the DOM only as text nodes; each mention is one `<mark>`.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::Hit;
use dossier_core::{Article, BlockKind};
use yew::prelude::*;

use super::block::{index_blocks, kind_mask, BlockView, FocusHere, MarkHandlers};
use crate::state::use_reader;

/// Blocks per chunk (at least; a chunk ends before a paragraph).
const CHUNK: usize = 32;

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

#[function_component(Body)]
pub fn body(props: &BodyProps) -> Html {
    let state = use_reader();
    let article = &props.article;
    let analysis = &props.analysis;
    let index = use_memo((Rc::clone(analysis), article.blocks.len()), |(a, n)| {
        index_blocks(a, *n)
    });
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

    let block = |b: usize| -> Html {
        let here = index.get(b);
        let kinds = here.map_or(0, |x| x.kinds);
        let shown = kinds & !hidden;
        let focus = match focus {
            Some(_) if shown == 0 => FocusHere::None,
            Some(f) if here.is_some_and(|x| x.entities.binary_search(&f).is_ok()) => {
                FocusHere::Here(f)
            }
            Some(_) => FocusHere::Elsewhere,
            None => FocusHere::None,
        };
        html! {
            <BlockView
                article={Rc::clone(article)}
                analysis={Rc::clone(analysis)}
                index={Rc::clone(&index)}
                hits={Rc::clone(&props.hits)}
                block={b}
                hidden={hidden & kinds}
                focus={focus}
                sentence={sentence.filter(|s| s.part == b + 1).map(|s| (s.start, s.end))}
                active={active.filter(|a| a.0 == b).map(|a| a.1)}
                current={current.filter(|c| c.0 == b).map(|c| c.1)}
                handlers={Rc::clone(&handlers)}
            />
        }
    };

    // Consecutive list items share one list; every other block stands alone.
    // Blocks go in chunks of about CHUNK, each cut before a paragraph: the
    // browser lays out and paints only the chunks near the viewport
    // (`content-visibility` in app.css).
    let mut chunks: Vec<Html> = Vec::new();
    let mut out: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    let mut in_chunk = 0;
    for (b, blk) in article.blocks.iter().enumerate() {
        if blk.kind == BlockKind::ListItem {
            list.push(block(b));
            in_chunk += 1;
            continue;
        }
        if !list.is_empty() {
            out.push(html! { <ul>{ for list.drain(..) }</ul> });
        }
        if in_chunk >= CHUNK && blk.kind == BlockKind::Paragraph {
            chunks.push(html! { <div class="chunk">{ for out.drain(..) }</div> });
            in_chunk = 0;
        }
        out.push(block(b));
        in_chunk += 1;
    }
    if !list.is_empty() {
        out.push(html! { <ul>{ for list.drain(..) }</ul> });
    }
    if !out.is_empty() {
        chunks.push(html! { <div class="chunk">{ for out }</div> });
    }
    html! {
        <article class="body" aria-labelledby="title">
            { props.children.clone() }
            <div class="blocks">{ for chunks }</div>
        </article>
    }
}

//! A run of blocks of the body, memoised: re-rendered only when the state
//! of one of its blocks changes, and then only those blocks.

use dossier_core::analysis::Analysis;
use dossier_core::view::reading::BlockIndex;
use dossier_core::{Article, BlockKind};
use yew::prelude::*;

use super::block::{plain_block, BlockHits, BlockState, BlockView, MarkHandlers};
use crate::ptr::Ptr;

#[derive(Properties, PartialEq)]
pub struct ChunkProps {
    pub article: Ptr<Article>,
    pub analysis: Ptr<Analysis>,
    pub index: Ptr<Vec<BlockIndex>>,
    /// The find hits of its blocks.
    pub hits: BlockHits,
    /// The chunk's first block.
    pub start: usize,
    /// The state of each of its blocks.
    pub states: Vec<BlockState>,
    pub handlers: Ptr<MarkHandlers>,
    /// Set aside: rendered empty, as the app adopted it (`crate::later`).
    #[prop_or_default]
    pub later: bool,
    /// Written by the build-time render as plain text (`data-plain`), far
    /// down a long article: the app always sets such a chunk aside and
    /// renders it with its marks once live.
    #[prop_or_default]
    pub plain: bool,
}

/// A run of blocks that the browser lays out and paints only near the
/// viewport (`content-visibility` in app.css; all but the first chunk, which
/// is on screen when the page opens).
#[function_component(Chunk)]
pub fn chunk(p: &ChunkProps) -> Html {
    let h = &p.handlers;
    if p.later {
        return html! {
            <div class="chunk" onclick={h.click.clone()} onkeydown={h.key.clone()} onfocusin={h.focus.clone()}></div>
        };
    }
    let plain = p.plain;
    let block = |(k, s): (usize, &BlockState)| -> Html {
        if plain {
            return plain_block(&p.article, p.start + k);
        }
        html! {
            <BlockView
                article={p.article.clone()}
                analysis={p.analysis.clone()}
                index={p.index.clone()}
                hits={p.hits.block(p.start + k)}
                block={p.start + k}
                state={*s}
                handlers={p.handlers.clone()}
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
    if plain {
        return html! { <div class="chunk" data-plain="">{ for out }</div> };
    }
    html! {
        <div class="chunk" onclick={h.click.clone()} onkeydown={h.key.clone()} onfocusin={h.focus.clone()}>
            { for out }
        </div>
    }
}

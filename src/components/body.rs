//! The article body: blocks cut into runs by `dossier_core::view::segment`.
//! Text reaches the DOM only as text nodes; each mention is one `<mark>`.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::{segment, BlockMarks, Hit, MentionMark, Piece, Run};
use dossier_core::{Article, BlockKind};
use yew::prelude::*;

use crate::state::{use_reader, Action};

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

/// Every mention of the body, by block.
pub fn mentions_by_block(analysis: &Analysis, blocks: usize) -> Vec<Vec<MentionMark>> {
    let mut out = vec![Vec::new(); blocks];
    for (entity, e) in analysis.entities.iter().enumerate() {
        for (ordinal, m) in e.mentions.iter().enumerate() {
            if let Some(list) = m.part.checked_sub(1).and_then(|b| out.get_mut(b)) {
                list.push(MentionMark {
                    entity,
                    ordinal,
                    start: m.start,
                    end: m.end,
                });
            }
        }
    }
    out
}

#[function_component(Body)]
pub fn body(props: &BodyProps) -> Html {
    let state = use_reader();
    let article = &props.article;
    let analysis = &props.analysis;
    let all = use_memo((Rc::clone(analysis), article.blocks.len()), |(a, n)| {
        mentions_by_block(a, *n)
    });
    let focus = state
        .focus
        .as_deref()
        .and_then(|id| analysis.entities.iter().position(|e| e.id == id));
    let sentence = state
        .event
        .and_then(|i| analysis.timeline.get(i))
        .map(|ev| ev.sentence);

    // Consecutive list items share one list; every other block stands alone.
    let mut out: Vec<Html> = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    for (b, block) in article.blocks.iter().enumerate() {
        let part = b + 1;
        let shown: Vec<MentionMark> = all
            .get(b)
            .map(|ms| {
                ms.iter()
                    .filter(|m| {
                        analysis
                            .entities
                            .get(m.entity)
                            .is_some_and(|e| !state.is_hidden(e.kind))
                    })
                    .copied()
                    .collect()
            })
            .unwrap_or_default();
        let hits = props.hits.get(b).map(Vec::as_slice).unwrap_or(&[]);
        let runs = segment(
            &block.text,
            BlockMarks {
                styles: &block.styles,
                mentions: &shown,
                hits,
                sentence: sentence
                    .filter(|s| s.part == part)
                    .map(|s| (s.start, s.end)),
            },
        );
        let content: Html = runs
            .iter()
            .map(|run| render_run(run, analysis, &state, focus))
            .collect();
        let html = match block.kind {
            BlockKind::Paragraph => html! { <p data-part={part.to_string()}>{ content }</p> },
            BlockKind::Quote => html! {
                <blockquote><p data-part={part.to_string()}>{ content }</p></blockquote>
            },
            BlockKind::Heading(level) => {
                // The title is the page's h1; body headings start at h2.
                let tag = format!("h{}", (level + 1).clamp(2, 6));
                html! { <@{tag} data-part={part.to_string()}>{ content }</@> }
            }
            BlockKind::ListItem => {
                list.push(html! { <li data-part={part.to_string()}>{ content }</li> });
                continue;
            }
        };
        if !list.is_empty() {
            out.push(html! { <ul>{ for list.drain(..) }</ul> });
        }
        out.push(html);
    }
    if !list.is_empty() {
        out.push(html! { <ul>{ for list.drain(..) }</ul> });
    }
    html! {
        <article class="body" aria-labelledby="title">
            { props.children.clone() }
            <div class="blocks">{ for out }</div>
        </article>
    }
}

fn render_run(
    run: &Run<'_>,
    analysis: &Analysis,
    state: &crate::state::ReaderContext,
    focus: Option<usize>,
) -> Html {
    let pieces: Html = run
        .pieces()
        .iter()
        .map(|p| render_piece(p, state.hit, !state.find.is_empty()))
        .collect();
    let Run::Mention { mark, .. } = run else {
        return pieces;
    };
    let Some(entity) = analysis.entities.get(mark.entity) else {
        return pieces;
    };
    let at = (mark.entity, mark.ordinal);
    let id = entity.id.clone();
    let class = classes!(
        "m",
        (focus == Some(mark.entity)).then_some("focus"),
        focus.is_some_and(|f| f != mark.entity).then_some("fade"),
        (state.card == Some(at)).then_some("active"),
    );
    let show = {
        let d = state.dispatcher();
        Callback::from(move |_: FocusEvent| {
            d.dispatch(Action::Card {
                at: Some(at),
                reveal: false,
            })
        })
    };
    let hover = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::HoverCard(at)))
    };
    // A card opened by hovering closes shortly after the pointer leaves,
    // unless the pointer has moved onto the card (which keeps it).
    let leave = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let d = d.clone();
            crate::dom::later(400, move || d.dispatch(Action::HoverEnd(at)));
        })
    };
    let select = {
        let d = state.dispatcher();
        let focused = focus == Some(mark.entity);
        let id = id.clone();
        move || {
            d.dispatch(Action::Focus((!focused).then(|| id.clone())));
            d.dispatch(Action::Card {
                at: Some(at),
                reveal: false,
            });
        }
    };
    let onclick = {
        let select = select.clone();
        Callback::from(move |e: MouseEvent| {
            // A link inside a mention still follows its target.
            if e.target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| el.closest("a").ok().flatten().is_some())
            {
                return;
            }
            select();
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            select();
        }
    });
    html! {
        <mark
            class={class}
            data-entity={id}
            data-type={entity.kind.as_str()}
            data-m={mark.ordinal.to_string()}
            tabindex="0"
            onfocus={show}
            onmouseenter={hover}
            onmouseleave={leave}
            onclick={onclick}
            onkeydown={onkeydown}
        >{ pieces }</mark>
    }
}

fn render_piece(piece: &Piece<'_>, current_hit: usize, finding: bool) -> Html {
    let m = &piece.marks;
    let mut node: Html = html! { { piece.text } };
    if m.sentence {
        node = html! { <span class="sent">{ node }</span> };
    }
    if let Some(h) = m.hit.filter(|_| finding) {
        let current = h == current_hit;
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

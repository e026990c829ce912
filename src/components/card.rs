//! The entity card: shown next to a mention on hover, keyboard focus or tap.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::{card, fixed, in_all_articles, kind_singular};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::dom;
use crate::state::{use_reader, Action};

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub analysis: Rc<Analysis>,
    /// The set-level key of each entity: the card links to its page.
    #[prop_or_default]
    pub keys: Rc<[String]>,
    /// The article body, where the card finds its mention to stand by.
    #[prop_or_default]
    pub body: NodeRef,
}

/// Places the card under its mention, inside the viewport's width.
fn position(card: &HtmlElement, anchor: &web_sys::Element) {
    let Some(w) = dom::window() else { return };
    let r = anchor.get_bounding_client_rect();
    let sx = w.scroll_x().unwrap_or(0.0);
    let sy = w.scroll_y().unwrap_or(0.0);
    let vw = w
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let vh = w
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let width = f64::from(card.offset_width());
    let height = f64::from(card.offset_height());
    let left = (r.left() + sx).min(sx + vw - width - 8.0).max(sx + 8.0);
    // Below the mention, or above it when the space below is short (the
    // timeline strip takes the bottom of narrow screens).
    let reserve = if dom::narrow() { 72.0 } else { 8.0 };
    let top = if r.bottom() + 6.0 + height > vh - reserve && r.top() - 6.0 - height > 0.0 {
        r.top() + sy - 6.0 - height
    } else {
        r.bottom() + sy + 6.0
    };
    let style = card.style();
    let _ = style.set_property("top", &format!("{}px", fixed(top, 0)));
    let _ = style.set_property("left", &format!("{}px", fixed(left, 0)));
}

#[function_component(EntityCard)]
pub fn entity_card(props: &CardProps) -> Html {
    let state = use_reader();
    let node = use_node_ref();
    let at = state.card;
    let analysis = &props.analysis;
    let data = at.and_then(|(e, k)| card(analysis, e, Some(k)).map(|c| (e, c)));
    {
        let (node, body) = (node.clone(), props.body.clone());
        let key = (
            at,
            state.hidden.clone(),
            state.focus.clone(),
            state.find.clone(),
        );
        let ids: Vec<String> = analysis.entities.iter().map(|e| e.id.clone()).collect();
        use_effect_with(key, move |(at, ..)| {
            if let (Some((e, k)), Some(card)) = (at, node.cast::<HtmlElement>()) {
                if let Some(id) = ids.get(*e) {
                    let sel = format!(
                        "mark[data-entity=\"{}\"][data-m=\"{k}\"]",
                        dom::attr_value(id)
                    );
                    if let Some(anchor) = dom::query_in(&body, &sel) {
                        position(&card, &anchor);
                    }
                }
            }
        });
    }
    let Some((entity, c)) = data else {
        return html! {};
    };
    let Some(e) = analysis.entities.get(entity) else {
        return html! {};
    };
    // Its highlights switched off, the mention has no mark to stand by.
    if state.is_hidden(e.kind) {
        return html! {};
    }
    let goto = |ordinal: Option<usize>| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            if let Some(k) = ordinal {
                d.dispatch(Action::Card {
                    at: Some((entity, k)),
                    reveal: true,
                });
            }
        })
    };
    let is_focus = state.focus.as_deref() == Some(e.id.as_str());
    let focus = {
        let d = state.dispatcher();
        let id = e.id.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Focus((!is_focus).then(|| id.clone())))
        })
    };
    let close = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Card {
                at: None,
                reveal: false,
            })
        })
    };
    let onkeydown = {
        let d = state.dispatcher();
        Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Escape" {
                d.dispatch(Action::Card {
                    at: None,
                    reveal: false,
                });
                if let Some(t) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                    let _ = t.blur();
                }
            }
        })
    };
    let pin = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::PinCard))
    };
    html! {
        <div class="card" ref={node} onmouseenter={pin} role="dialog" aria-modal="false" aria-labelledby="card-name"
            data-testid="entity-card" data-entity={e.id.clone()} data-type={c.kind.as_str()} onkeydown={onkeydown}>
            <div class="card-head">
                <span class="swatch" aria-hidden="true"></span>
                <h2 id="card-name">{ c.name.clone() }</h2>
                <button type="button" class="icon close" aria-label="Close card" onclick={close}>{ "×" }</button>
            </div>
            <p class="card-type">{ kind_singular(c.kind) }{ " · " }
                <span data-testid="card-mentions">{ format!("{} mention{}", c.mentions, if c.mentions == 1 { "" } else { "s" }) }</span>
            </p>
            if !c.aliases.is_empty() {
                <p class="card-aliases"><span class="muted">{ "Also: " }</span>{ c.aliases.join(", ") }</p>
            }
            if !c.dates.is_empty() {
                <p class="card-dates"><span class="muted">{ "Dates: " }</span>{ c.dates.join(" · ") }</p>
            }
            <div class="card-nav">
                <button type="button" aria-label="Previous mention" disabled={c.previous.is_none()} onclick={goto(c.previous)}>{ "‹ Previous" }</button>
                <span class="card-pos" data-testid="card-position">
                    { c.position.map(|(k, n)| format!("{k} / {n}")).unwrap_or_default() }
                </span>
                <button type="button" aria-label="Next mention" disabled={c.next.is_none()} onclick={goto(c.next)}>{ "Next ›" }</button>
                <button type="button" class="focus-btn" aria-pressed={is_focus.to_string()} onclick={focus}>
                    { if is_focus { "Unfocus" } else { "Focus" } }
                </button>
            </div>
            <p class="card-page"><a href={in_all_articles(&props.keys, entity, &e.name).to_hash()}>{ "In all articles →" }</a></p>
        </div>
    }
}

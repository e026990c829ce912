//! The reading view: header, find and legend, the body, the entity panel,
//! the timeline, the card and the keyboard.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::reading::{hits_by_block, visible_events};
use dossier_core::view::{kind_counts, mention_order, safe_href, step};
use dossier_core::Article;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::add::{add_control, set_nav};
use super::body::Body;
use super::card::EntityCard;
use super::entity_panel::EntityPanel;
use super::find::Find;
use super::help::Help;
use super::legend::Legend;
use super::library::date_text;
use super::reading_timeline::ReadingTimeline;
use crate::data;
use crate::dom;
use crate::spy::ReadingSpy;
use crate::state::{use_reader, Action, Place, ReaderContext};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub article: Rc<Article>,
    /// The engine's analysis of the article (computed by the build).
    pub analysis: Rc<Analysis>,
    /// The set-level key of each entity (its page, `#/e/<key>`), by index.
    #[prop_or_default]
    pub keys: Rc<[String]>,
    /// True when the set has other articles (shows the way back).
    #[prop_or_default]
    pub multiple: bool,
}

struct Keys {
    state: ReaderContext,
    analysis: Rc<Analysis>,
    visible: Rc<Vec<usize>>,
    /// The find box's input.
    find: NodeRef,
}

impl Keys {
    fn handle(&self, e: &KeyboardEvent) {
        let key = e.key();
        let s = &self.state;
        if (e.ctrl_key() || e.meta_key()) && key.eq_ignore_ascii_case("f") {
            e.prevent_default();
            focus_find(&self.find);
            return;
        }
        if e.ctrl_key() || e.meta_key() || e.alt_key() || dom::typing_in(e.target()) {
            return;
        }
        match key.as_str() {
            "/" => {
                e.prevent_default();
                focus_find(&self.find);
            }
            "?" => s.dispatch(Action::ToggleHelp),
            "Escape" => s.dispatch(Action::Clear),
            "j" | "k" => {
                if let Some(i) = step(&self.visible, s.event, key == "j") {
                    s.dispatch(Action::SelectEvent(Some(i)));
                }
            }
            "n" | "p" => {
                let focus = s
                    .focus
                    .as_deref()
                    .and_then(|id| self.analysis.entity_index(id));
                let order = mention_order(&self.analysis, focus, &s.hidden);
                if let Some(at) = step(&order, s.card, key == "n") {
                    s.dispatch(Action::Card {
                        at: Some(at),
                        reveal: true,
                    });
                }
            }
            _ => {}
        }
    }
}

fn focus_find(find: &NodeRef) {
    if let Some(input) = find.cast::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    }
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let state = use_reader();
    let article = Rc::clone(&props.article);
    let analysis = Rc::clone(&props.analysis);
    let hits = use_memo((Rc::clone(&article), state.find.clone()), |(a, q)| {
        hits_by_block(a, q)
    });
    let total: usize = hits.iter().map(Vec::len).sum();
    let visible = use_memo((Rc::clone(&analysis), state.focus.clone()), |(a, f)| {
        visible_events(a, f.as_deref().and_then(|id| a.entity_index(id)))
    });

    // Keyboard.
    let find_input = use_node_ref();
    {
        let keys = Keys {
            state: state.clone(),
            analysis: Rc::clone(&analysis),
            visible: Rc::clone(&visible),
            find: find_input.clone(),
        };
        use_effect_with((state.clone(), Rc::clone(&visible)), move |_| {
            // Removed when the guard is dropped. Not passive: some keys
            // prevent the browser's own action (`/`, Ctrl F).
            let listener = dom::document().map(|d| {
                let opts = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&d, "keydown", opts, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        keys.handle(e);
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The article is on screen with its highlights: the page is interactive.
    // A name clicked on the prerendered page before that opens its card now.
    {
        let (analysis, d) = (Rc::clone(&analysis), state.dispatcher());
        use_effect_with(
            (article.slug.clone(), state.restoring),
            move |(slug, restoring)| {
                if !*restoring {
                    dom::mark("dossier-interactive");
                    if let Some((on, id, k)) = dom::take_early_click() {
                        let at = analysis.entity_index(&id).filter(|&e| {
                            on == *slug
                                && analysis
                                    .entities
                                    .get(e)
                                    .is_some_and(|x| k < x.mentions.len())
                        });
                        if let Some(e) = at {
                            d.dispatch(Action::ToggleFocus(id));
                            d.dispatch(Action::Card {
                                at: Some((e, k)),
                                reveal: false,
                            });
                        }
                    }
                }
            },
        );
    }

    // The article body, where the effects below find what they scroll to.
    let body = use_node_ref();
    // The block being read, for the timeline's scroll-spy.
    let spy = use_memo(Rc::clone(&analysis), |a| ReadingSpy::new(a));
    // The place the reader asked for is brought into view. Selecting an
    // event scrolls the text to its sentence, whose block is the one read
    // from now on: marked in this same update, so that the scroll does not
    // re-render the timeline on the way. n / p and the card's arrows move
    // to a mention and focus it.
    {
        let (spy, body, analysis) = ((*spy).clone(), body.clone(), Rc::clone(&analysis));
        let focus = state.focus.clone();
        use_effect_with(state.scroll.clone(), move |scroll| {
            match scroll.as_deref() {
                // An event's sentence, or one a search result names: both
                // are the marked sentence.
                Some(place @ (Place::Event(_) | Place::Sentence(_))) => {
                    if let Some(s) = place.sentence(&analysis) {
                        spy.jump(s.part);
                    }
                    if let Some(el) = dom::query_in(&body, ".sent") {
                        bring_into_view(&el);
                    }
                }
                // A mention of the focused entity that a link names: its
                // mark, or the entity's first when the article changed.
                Some(&Place::Named(k)) => {
                    if let Some(id) = &focus {
                        let mark = |k: usize| {
                            let sel = format!(
                                "mark[data-entity=\"{}\"][data-m=\"{k}\"]",
                                dom::attr_value(id)
                            );
                            dom::query_in(&body, &sel)
                        };
                        if let Some(el) = mark(k).or_else(|| mark(0)) {
                            bring_into_view(&el);
                            dom::focus(&el);
                        }
                    }
                }
                Some(&Place::Mention(e, k)) => {
                    if let Some(x) = analysis.entities.get(e) {
                        let sel = format!(
                            "mark[data-entity=\"{}\"][data-m=\"{k}\"]",
                            dom::attr_value(&x.id)
                        );
                        if let Some(el) = dom::query_in(&body, &sel) {
                            bring_into_view(&el);
                            dom::focus(&el);
                        }
                    }
                }
                None => {}
            }
        });
    }
    // The current find hit is scrolled into view.
    {
        let body = body.clone();
        use_effect_with((state.find.clone(), state.hit), move |(q, _)| {
            if !q.trim().is_empty() {
                if let Some(el) = dom::query_in(&body, ".hit.current") {
                    bring_into_view(&el);
                }
            }
        });
    }

    let meta = &article.meta;
    // The library's summary has counted them already (a long article's
    // words take a while to count).
    let minutes = use_memo(Rc::clone(&article), |a| {
        data::summary(&a.slug).map_or_else(|| a.reading_minutes(), |s| s.minutes as usize)
    });
    let counts = kind_counts(&analysis);
    let toggle_help = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ToggleHelp))
    };
    let close_card = {
        let d = state.dispatcher();
        let open = state.card.is_some();
        Callback::from(move |e: MouseEvent| {
            let on_mark = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest("mark, .card").ok().flatten().is_some());
            if open && !on_mark {
                d.dispatch(Action::Card {
                    at: None,
                    reveal: false,
                });
            }
        })
    };
    html! {
        <div class="reader" data-testid="reader" data-slug={article.slug.clone()} onclick={close_card}>
            <main class="text" id="text">
                <Body node={body.clone()} article={Rc::clone(&article)} analysis={Rc::clone(&analysis)} hits={Rc::clone(&hits)}>
                    <header class="reader-head">
                        <div class="crumbs">
                            if props.multiple {
                                <nav aria-label="Breadcrumb"><a href="#/">{ "← All articles" }</a></nav>
                            }
                            { set_nav() }
                            { add_control() }
                        </div>
                        if let Some(section) = &meta.section {
                            <p class="kicker" data-testid="section">{ section.clone() }</p>
                        }
                        <h1 id="title">{ meta.title.clone() }</h1>
                        <p class="meta" data-testid="meta">
                            <span class={classes!("date", meta.date.is_none().then_some("undated"))} data-testid="date">
                                { date_text(meta.date.as_deref()) }
                            </span>
                            if let Some(source) = &meta.source {
                                <span aria-hidden="true">{ " · " }</span>
                                if safe_href(source) {
                                    <a class="source" href={source.clone()} rel="noopener noreferrer nofollow" target="_blank">{ host_of(source) }</a>
                                } else {
                                    <span class="source">{ source.clone() }</span>
                                }
                            }
                            <span aria-hidden="true">{ " · " }</span>
                            <span class="reading-time" data-testid="reading-time">{ format!("{} min read", *minutes) }</span>
                        </p>
                        if let Some(summary) = &meta.summary {
                            <p class="summary">{ summary.clone() }</p>
                        }
                        <div class="tools">
                        <Legend counts={counts} />
                        <div class="tools-right">
                            <Find total={total} input={find_input.clone()} />
                            <button type="button" class="icon keys" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onclick={toggle_help}>{ "?" }</button>
                        </div>
                        </div>
                    </header>
                </Body>
                if let Some(license) = &meta.license {
                    <p class="license muted">{ license.clone() }</p>
                }
            </main>
            // A prerendered page shows the text first; the panels come with
            // the app (they do nothing without it).
            if !state.restoring {
                <EntityPanel analysis={Rc::clone(&analysis)} keys={Rc::clone(&props.keys)} />
                <ReadingTimeline analysis={Rc::clone(&analysis)} visible={Rc::clone(&visible)} date={meta.date.clone()} spy={(*spy).clone()} body={body.clone()} />
                <EntityCard analysis={Rc::clone(&analysis)} keys={Rc::clone(&props.keys)} body={body.clone()} />
            }
            if state.help {
                <Help />
            }
        </div>
    }
}

/// Scrolls `el` into view as [`dom::scroll_to`] does, smoothly when it is
/// within two screens, at once when it is further: the chunks a long smooth
/// scroll passes are laid out on the way (`content-visibility`), change
/// height and would move the target out of view.
fn bring_into_view(el: &web_sys::Element) {
    let screen = dom::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let top = el.get_bounding_client_rect().top();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    opts.set_block(if dom::narrow() {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    if (top - screen / 2.0).abs() <= 2.0 * screen {
        dom::scroll_to(el, true);
    } else {
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
    settle(el.clone(), opts, dom::inputs(), SETTLE_FRAMES, None, 0);
}

/// Frames a jump is watched for (see [`settle`]): about a second.
const SETTLE_FRAMES: u8 = 60;

/// A jump lands where the browser placed the place with the sizes it
/// guessed for the chunks it had not laid out (`content-visibility`); once
/// the chunks it passes or lands among are laid out, the place can end off
/// screen. Until the page has stood still for a few frames with the place
/// in view (or for about a second at most), it is brought back whenever the
/// scroll has stopped with it out of view. The watch ends as soon as the
/// reader scrolls, touches, clicks or types (`inputs` counted `dom::inputs`
/// when it began): where they go then is theirs.
fn settle(
    el: web_sys::Element,
    opts: web_sys::ScrollIntoViewOptions,
    inputs: u32,
    frames: u8,
    last: Option<f64>,
    still: u8,
) {
    if frames == 0 || still >= 3 {
        return;
    }
    dom::after_paint(move || {
        let Some(w) = dom::window() else { return };
        if !el.is_connected() || dom::inputs() != inputs {
            return;
        }
        let screen = w
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let y = w.scroll_y().unwrap_or(0.0);
        let r = el.get_bounding_client_rect();
        let stopped = last == Some(y);
        let mut still = if stopped { still + 1 } else { 0 };
        // Out of view: not wholly on screen when it fits there, else
        // nowhere on it.
        let out = if r.height() < screen {
            r.top() < 0.0 || r.bottom() > screen
        } else {
            r.bottom() < 0.0 || r.top() > screen
        };
        if stopped && out {
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            still = 0;
        }
        settle(el, opts, inputs, frames - 1, Some(y), still);
    });
}

/// "example.org" for a source URL, else the text as given.
fn host_of(url: &str) -> String {
    url.split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .map(|h| h.trim_start_matches("www.").to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| url.to_string())
}

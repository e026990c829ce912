//! The reading view: header, find and legend, the body, the entity panel,
//! the timeline, the card and the keyboard.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::{find_hits, kind_counts, mention_order, safe_href, step, Hit};
use dossier_core::Article;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::body::Body;
use super::card::EntityCard;
use super::entity_panel::EntityPanel;
use super::find::{Find, FIND_INPUT_ID};
use super::help::Help;
use super::legend::Legend;
use super::library::date_text;
use super::timeline::{ReadingSpy, Timeline};
use crate::dom;
use crate::state::{use_reader, Action, ReaderContext};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub article: Rc<Article>,
    /// The engine's analysis of the article (computed by the build).
    pub analysis: Rc<Analysis>,
    /// True when the set has other articles (shows the way back).
    #[prop_or_default]
    pub multiple: bool,
}

/// Find hits per block, numbered across the article.
pub fn hits_by_block(article: &Article, query: &str) -> Vec<Vec<Hit>> {
    let mut index = 0;
    article
        .blocks
        .iter()
        .map(|b| {
            find_hits(&b.text, query)
                .into_iter()
                .map(|(start, end)| {
                    index += 1;
                    Hit {
                        start,
                        end,
                        index: index - 1,
                    }
                })
                .collect()
        })
        .collect()
}

/// Events shown in the timeline: all, or those of the focused entity.
pub fn visible_events(analysis: &Analysis, focus: Option<&str>) -> Vec<usize> {
    // An id that names no entity (an old link) filters nothing.
    let focus = focus.filter(|id| analysis.entities.iter().any(|e| e.id == *id));
    (0..analysis.timeline.len())
        .filter(|&i| focus.is_none_or(|id| analysis.timeline[i].entities.iter().any(|e| e == id)))
        .collect()
}

struct Keys {
    state: ReaderContext,
    analysis: Rc<Analysis>,
    visible: Rc<Vec<usize>>,
}

impl Keys {
    fn handle(&self, e: &KeyboardEvent) {
        let key = e.key();
        let s = &self.state;
        if (e.ctrl_key() || e.meta_key()) && key.eq_ignore_ascii_case("f") {
            e.prevent_default();
            focus_find();
            return;
        }
        if e.ctrl_key() || e.meta_key() || e.alt_key() || dom::typing_in(e.target()) {
            return;
        }
        match key.as_str() {
            "/" => {
                e.prevent_default();
                focus_find();
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
                    .and_then(|id| self.analysis.entities.iter().position(|e| e.id == id));
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

fn focus_find() {
    if let Some(el) = dom::document().and_then(|d| d.get_element_by_id(FIND_INPUT_ID)) {
        dom::focus(&el);
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.select();
        }
    }
}

/// The block part nearest the reading line (a third down the viewport):
/// the last block whose top is above the line. Binary search over the
/// body's chunks, then over the blocks of one chunk (in document order,
/// tops only grow), so that only chunks near the line are laid out.
/// `chunks` keeps the list between calls; it is read again when its chunks
/// left the page.
fn reading_part(chunks: &RefCell<Option<web_sys::NodeList>>) -> Option<usize> {
    let w = dom::window()?;
    let line = w.inner_height().ok()?.as_f64()? * 0.35;
    let stale = chunks
        .borrow()
        .as_ref()
        .is_none_or(|l| !l.item(0).is_some_and(|n| n.is_connected()));
    if stale {
        let list = dom::document()?
            .query_selector_all("article.body .chunk")
            .ok()?;
        *chunks.borrow_mut() = Some(list);
    }
    let cached = chunks.borrow();
    let best = last_above(cached.as_ref()?, line)
        .and_then(|chunk| chunk.query_selector_all("[data-part]").ok())
        .and_then(|blocks| last_above(&blocks, line))
        .and_then(|el| el.get_attribute("data-part"))
        .and_then(|p| p.parse().ok());
    best.or(Some(1))
}

/// The last element of `list` whose top is at or above `line`.
fn last_above(list: &web_sys::NodeList, line: f64) -> Option<web_sys::Element> {
    let at = |i: u32| list.item(i)?.dyn_into::<web_sys::Element>().ok();
    let (mut lo, mut hi) = (0u32, list.length());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if at(mid)?.get_bounding_client_rect().top() <= line {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    at(lo.checked_sub(1)?)
}

#[derive(Properties, PartialEq)]
struct ReadingTimelineProps {
    analysis: Rc<Analysis>,
    visible: Rc<Vec<usize>>,
    date: Option<String>,
    /// The block being read (one per article: it starts over with each).
    spy: ReadingSpy,
}

/// How often, at most, the scroll-spy looks for the block being read.
const SPY_MS: i32 = 100;

/// What the reader does that moves the page or the selection: each ends a
/// hold of the scroll-spy ([`ReadingSpy::release`]). Listened to on the
/// window in the capture phase, so before the key or click is handled.
const INPUT_EVENTS: [&str; 4] = ["wheel", "touchstart", "keydown", "pointerdown"];

/// The timeline with the scroll-spy. The block being read goes to the
/// timeline's rows and marks through a [`ReadingSpy`]: scrolling re-renders
/// the few events that start or stop being read, never the text. While the
/// page scrolls to a selected event the spy holds still (the selection has
/// already marked the event's block).
#[function_component(ReadingTimeline)]
fn reading_timeline(props: &ReadingTimelineProps) -> Html {
    // Scroll-spy: the block being read marks its events in the timeline, at
    // most every SPY_MS while the page scrolls (and once it stops).
    {
        use_effect_with(props.spy.clone(), move |spy| {
            let chunks = RefCell::new(None);
            let update = {
                let spy = spy.clone();
                Rc::new(move || {
                    if !spy.held() {
                        spy.set(reading_part(&chunks));
                    }
                })
            };
            update();
            let pending = Rc::new(Cell::new(false));
            let on_scroll = {
                let spy = spy.clone();
                Closure::<dyn Fn()>::new(move || {
                    if spy.held() {
                        spy.still_scrolling();
                        return;
                    }
                    if pending.replace(true) {
                        return;
                    }
                    let (pending, update) = (Rc::clone(&pending), Rc::clone(&update));
                    dom::later(SPY_MS, move || {
                        pending.set(false);
                        update();
                    });
                })
            };
            let on_input = {
                let spy = spy.clone();
                Closure::<dyn Fn()>::new(move || spy.release())
            };
            let win = dom::window();
            if let Some(w) = &win {
                let _ = w
                    .add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
                let opts = web_sys::AddEventListenerOptions::new();
                opts.set_capture(true);
                opts.set_passive(true);
                for name in INPUT_EVENTS {
                    let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
                        name,
                        on_input.as_ref().unchecked_ref(),
                        &opts,
                    );
                }
            }
            move || {
                if let Some(w) = &win {
                    let _ = w.remove_event_listener_with_callback(
                        "scroll",
                        on_scroll.as_ref().unchecked_ref(),
                    );
                    for name in INPUT_EVENTS {
                        let _ = w.remove_event_listener_with_callback_and_bool(
                            name,
                            on_input.as_ref().unchecked_ref(),
                            true,
                        );
                    }
                }
            }
        });
    }

    html! {
        <Timeline analysis={Rc::clone(&props.analysis)} visible={Rc::clone(&props.visible)} date={props.date.clone()} reading={props.spy.clone()} />
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
        visible_events(a, f.as_deref())
    });

    // Keyboard.
    {
        let keys = Keys {
            state: state.clone(),
            analysis: Rc::clone(&analysis),
            visible: Rc::clone(&visible),
        };
        use_effect_with((state.clone(), Rc::clone(&visible)), move |_| {
            let cb = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| keys.handle(&e));
            let doc = dom::document();
            if let Some(d) = &doc {
                let _ = d.add_event_listener_with_callback("keydown", cb.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = &doc {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        cb.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // The article is on screen with its highlights: the page is interactive.
    use_effect_with((article.slug.clone(), state.restoring), |(_, restoring)| {
        if !*restoring {
            dom::mark("dossier-interactive");
        }
    });

    // The block being read, for the timeline's scroll-spy.
    let spy = use_memo(Rc::clone(&analysis), |a| ReadingSpy::new(a));
    // Selecting an event scrolls the text to its sentence. Its block is the
    // one read from now on: marked in this same update, so that the scroll
    // does not re-render the timeline on the way.
    {
        let spy = (*spy).clone();
        let part = state
            .event
            .and_then(|i| analysis.timeline.get(i))
            .map(|ev| ev.sentence.part);
        use_effect_with(state.jump, move |jump| {
            if *jump > 0 {
                if let Some(part) = part {
                    spy.jump(part);
                }
                if let Some(el) = dom::query("article.body .sent") {
                    bring_into_view(&el);
                }
            }
        });
    }
    // n / p and the card's arrows move to a mention and focus it.
    {
        let ids: Vec<String> = analysis.entities.iter().map(|e| e.id.clone()).collect();
        let card = state.card;
        use_effect_with(state.reveal, move |reveal| {
            if let (true, Some((e, k))) = (*reveal > 0, card) {
                if let Some(id) = ids.get(e) {
                    let sel = format!(
                        "mark[data-entity=\"{}\"][data-m=\"{k}\"]",
                        dom::attr_value(id)
                    );
                    if let Some(el) = dom::query(&sel) {
                        bring_into_view(&el);
                        dom::focus(&el);
                    }
                }
            }
        });
    }
    // The current find hit is scrolled into view.
    use_effect_with((state.find.clone(), state.hit), |(q, _)| {
        if !q.trim().is_empty() {
            if let Some(el) = dom::query("article.body .hit.current") {
                bring_into_view(&el);
            }
        }
    });

    let meta = &article.meta;
    let minutes = use_memo(Rc::clone(&article), |a| a.reading_minutes());
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
                <Body article={Rc::clone(&article)} analysis={Rc::clone(&analysis)} hits={Rc::clone(&hits)}>
                    <header class="reader-head">
                        if props.multiple {
                            <nav class="crumbs" aria-label="Breadcrumb"><a href="#/">{ "← All articles" }</a></nav>
                        }
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
                            <Find total={total} />
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
                <EntityPanel analysis={Rc::clone(&analysis)} />
                <ReadingTimeline analysis={Rc::clone(&analysis)} visible={Rc::clone(&visible)} date={meta.date.clone()} spy={(*spy).clone()} />
                <EntityCard analysis={Rc::clone(&analysis)} />
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
    if (top - screen / 2.0).abs() <= 2.0 * screen {
        dom::scroll_to(el, true);
        return;
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    opts.set_block(if dom::narrow() {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Center
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
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

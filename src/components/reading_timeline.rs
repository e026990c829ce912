//! The timeline with the scroll-spy. The block being read goes to the
//! timeline's rows and marks through a [`ReadingSpy`]: scrolling re-renders
//! the few events that start or stop being read, never the text. While the
//! page scrolls to a selected event the spy holds still (the selection has
//! already marked the event's block).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_core::analysis::Analysis;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::timeline::Timeline;
use crate::dom;
use crate::spy::ReadingSpy;

#[derive(Properties, PartialEq)]
pub struct ReadingTimelineProps {
    pub analysis: Rc<Analysis>,
    pub visible: Rc<Vec<usize>>,
    pub date: Option<String>,
    /// The block being read (one per article: it starts over with each).
    pub spy: ReadingSpy,
    /// The article body, whose blocks are read.
    pub body: NodeRef,
}

/// How often, at most, the scroll-spy looks for the block being read.
const SPY_MS: i32 = 100;

/// What the reader does that moves the page or the selection: each ends a
/// hold of the scroll-spy ([`ReadingSpy::release`]). Listened to on the
/// window in the capture phase, so before the key or click is handled.
const INPUT_EVENTS: [&str; 4] = ["wheel", "touchstart", "keydown", "pointerdown"];

/// The block part nearest the reading line (a third down the viewport):
/// the last block whose top is above the line. Binary search over the
/// body's chunks, then over the blocks of one chunk (in document order,
/// tops only grow), so that only chunks near the line are laid out.
/// `chunks` keeps the list between calls; it is read again when its chunks
/// left the page.
fn reading_part(body: &NodeRef, chunks: &RefCell<Option<web_sys::NodeList>>) -> Option<usize> {
    let w = dom::window()?;
    let line = w.inner_height().ok()?.as_f64()? * 0.35;
    let stale = chunks
        .borrow()
        .as_ref()
        .is_none_or(|l| !l.item(0).is_some_and(|n| n.is_connected()));
    if stale {
        let list = body
            .cast::<web_sys::Element>()?
            .query_selector_all(".chunk")
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

#[function_component(ReadingTimeline)]
pub fn reading_timeline(props: &ReadingTimelineProps) -> Html {
    // Scroll-spy: the block being read marks its events in the timeline, at
    // most every SPY_MS while the page scrolls (and once it stops). The
    // listeners are removed when the guards are dropped.
    use_effect_with(
        (props.spy.clone(), props.body.clone()),
        move |(spy, body)| {
            let chunks = RefCell::new(None);
            let update = {
                let (spy, body) = (spy.clone(), body.clone());
                Rc::new(move || {
                    if !spy.held() {
                        spy.set(reading_part(&body, &chunks));
                    }
                })
            };
            update();
            let pending = Rc::new(Cell::new(false));
            let mut guards: Vec<EventListener> = Vec::new();
            if let Some(w) = dom::window() {
                let spy_scroll = spy.clone();
                guards.push(EventListener::new(&w, "scroll", move |_| {
                    if spy_scroll.held() {
                        spy_scroll.still_scrolling();
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
                }));
                let opts = EventListenerOptions::run_in_capture_phase();
                for name in INPUT_EVENTS {
                    let spy = spy.clone();
                    guards.push(EventListener::new_with_options(&w, name, opts, move |_| {
                        spy.release()
                    }));
                }
            }
            move || drop(guards)
        },
    );

    html! {
        <Timeline analysis={Rc::clone(&props.analysis)} visible={Rc::clone(&props.visible)} date={props.date.clone()} reading={props.spy.clone()} />
    }
}

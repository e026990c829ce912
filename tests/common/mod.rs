//! What the browser tests share: mounting a reader in the page, reading the
//! DOM back, pressing keys, and finding spans in test articles.

#![allow(dead_code)] // each test crate uses its own part of it

use std::rc::Rc;
use std::time::Duration;

use dossier::components::reader::Reader;
use dossier::state::{ReaderState, StateProvider};
use dossier_core::analysis::{Analysis, Span};
use dossier_core::view::Route;
use dossier_core::Article;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// The span of the `nth` occurrence of `needle` in part `part`.
pub fn span(a: &Article, part: usize, needle: &str, nth: usize) -> Span {
    let text = a.parts()[part];
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in part {part}: {text:?}"));
    Span::new(part, start, start + needle.len())
}

#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    pub article: Rc<Article>,
    pub analysis: Rc<Analysis>,
    pub initial: ReaderState,
}

#[function_component(Harness)]
pub fn harness(p: &HarnessProps) -> Html {
    html! {
        <StateProvider initial={p.initial.clone()}>
            <Reader article={Rc::clone(&p.article)} analysis={Rc::clone(&p.analysis)} />
        </StateProvider>
    }
}

pub fn root() -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let div = doc.create_element("div").expect("a div");
    doc.body()
        .expect("a body")
        .append_child(&div)
        .expect("appended");
    div
}

pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

/// Waits until `done` holds, checking every 10 ms; fails after 5 s with
/// `what`.
pub async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("timed out waiting until {what}");
}

/// A mounted reader; dropping it unmounts it, so that no earlier reader
/// still listens to the keys a later test presses.
pub struct Mounted {
    div: Element,
    handle: Option<yew::AppHandle<Harness>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.div.remove();
    }
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.div
    }
}

pub async fn mount(a: &Rc<Article>, an: &Rc<Analysis>, initial: ReaderState) -> Mounted {
    let div = root();
    let handle = yew::Renderer::<Harness>::with_root_and_props(
        div.clone(),
        HarnessProps {
            article: Rc::clone(a),
            analysis: Rc::clone(an),
            initial,
        },
    )
    .render();
    settle().await;
    Mounted {
        div,
        handle: Some(handle),
    }
}

pub fn state(slug: &str) -> ReaderState {
    ReaderState::new(
        Route::Article {
            slug: slug.into(),
            entity: None,
            event: None,
            mention: None,
            sentence: None,
        },
        Vec::new(),
        None,
    )
}

pub fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

pub fn block_texts(root: &Element) -> Vec<String> {
    all(root, "article [data-part]").iter().map(text).collect()
}

pub fn source_texts(a: &Article) -> Vec<String> {
    a.blocks.iter().map(|b| b.text.clone()).collect()
}

pub fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a keyboard event");
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    doc.dispatch_event(&event).expect("dispatched");
}

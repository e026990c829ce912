//! Component tests in a browser: components are mounted into a `<div>` and
//! the DOM is checked. Run with
//! `cargo test --target wasm32-unknown-unknown --test web` (headless Chromium
//! through wasm-bindgen-test-runner and chromedriver).

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use dossier::components::library::Library;
use dossier::state::ReaderState;
use dossier_core::analysis::{Analysis, Entity, EntityKind, Event, Precision, Span, Timex};
use dossier_core::article::parse_article;
use dossier_core::view::Route;
use dossier_core::Article;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const SOURCE: &str = "+++
title = \"Talks in Vienna\"
section = \"World\"
+++

Maria Lopez met the *Atlas Group* in Vienna in March 2024. Lopez said the talks \
went well, according to [the report](https://example.org/report).

Since 2015 the Atlas Group has worked in Vienna and Graz; \u{202b}مرحبا\u{202c} 👩‍👩‍👧 and 👍🏽 stay intact.

> Lopez: “We will meet again in April 2025.”
";

fn article() -> Rc<Article> {
    match parse_article("talks.md", SOURCE.as_bytes()) {
        Ok(a) => Rc::new(a),
        Err(e) => panic!("test article does not parse: {e}"),
    }
}

fn analysis(a: &Article) -> Rc<Analysis> {
    let entity = |id: &str, name: &str, kind, aliases: &[&str], mentions: Vec<Span>| Entity {
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        ..Entity::new(id, name, kind, mentions)
    };
    let sentence = |part: usize, start: &str, end: &str| {
        let s = span(a, part, start, 0);
        let e = span(a, part, end, 0);
        Span::new(part, s.start, e.end)
    };
    Rc::new(Analysis {
        entities: vec![
            entity(
                "maria-lopez",
                "Maria Lopez",
                EntityKind::Person,
                &["Lopez"],
                vec![
                    span(a, 1, "Maria Lopez", 0),
                    span(a, 1, "Lopez", 1),
                    span(a, 3, "Lopez", 0),
                ],
            ),
            entity(
                "atlas-group",
                "Atlas Group",
                EntityKind::Organization,
                &[],
                vec![span(a, 1, "Atlas Group", 0), span(a, 2, "Atlas Group", 0)],
            ),
            entity(
                "vienna",
                "Vienna",
                EntityKind::Place,
                &[],
                vec![
                    span(a, 0, "Vienna", 0),
                    span(a, 1, "Vienna", 0),
                    span(a, 2, "Vienna", 0),
                ],
            ),
            entity(
                "graz",
                "Graz",
                EntityKind::Place,
                &[],
                vec![span(a, 2, "Graz", 0)],
            ),
        ],
        timeline: vec![
            Event {
                date: Timex::Year(Some(2015)),
                until: None,
                open_ended: true,
                precision: Precision::Year,
                label: "the Atlas Group has worked in Vienna".into(),
                sentence: sentence(2, "Since", "intact."),
                time: 0,
                // atlas-group, vienna
                entities: vec![1, 2],
            },
            Event {
                date: Timex::Month(Some(2024), Some(3)),
                until: None,
                open_ended: false,
                precision: Precision::Month,
                label: "Maria Lopez met the Atlas Group".into(),
                sentence: sentence(1, "Maria", "2024."),
                time: 1,
                // maria-lopez, atlas-group, vienna
                entities: vec![0, 1, 2],
            },
            Event {
                date: Timex::Month(Some(2025), Some(4)),
                until: None,
                open_ended: false,
                precision: Precision::Month,
                label: "they will meet again".into(),
                sentence: sentence(3, "We", "2025."),
                time: 2,
                // maria-lopez
                entities: vec![0],
            },
        ],
        ..Default::default()
    })
}

async fn mount_reader(initial: ReaderState) -> (Mounted, Rc<Article>, Rc<Analysis>) {
    let a = article();
    let an = analysis(&a);
    let div = mount(&a, &an, initial).await;
    (div, a, an)
}

#[wasm_bindgen_test]
async fn body_text_equals_the_source_with_highlights_on_and_off() {
    let (div, a, an) = mount_reader(state("talks")).await;
    assert_eq!(block_texts(&div), source_texts(&a));
    // One mark per body mention, around exactly the mention's text.
    let marks = all(&div, "article mark[data-entity]");
    let expected: usize = an
        .entities
        .iter()
        .map(|e| e.mentions.iter().filter(|m| m.part > 0).count())
        .sum();
    assert_eq!(marks.len(), expected);
    let parts = a.parts();
    for e in &an.entities {
        let found: Vec<String> = all(&div, &format!("article mark[data-entity=\"{}\"]", e.id))
            .iter()
            .map(text)
            .collect();
        let want: Vec<String> = e
            .mentions
            .iter()
            .filter(|m| m.part > 0)
            .map(|m| m.text(&parts).to_string())
            .collect();
        assert_eq!(found, want, "{}", e.id);
        for m in all(&div, &format!("mark[data-entity=\"{}\"]", e.id)) {
            assert_eq!(
                m.get_attribute("data-type").as_deref(),
                Some(e.kind.as_str())
            );
        }
    }
    // The link survives inside the body, with its target.
    let links = all(&div, "article a[href]:not(nav *)");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://example.org/report")
    );

    // All highlights off: no marks, same text.
    let (off, a, _) = mount_reader(ReaderState {
        hidden: EntityKind::ALL.to_vec(),
        ..state("talks")
    })
    .await;
    assert!(all(&off, "mark").is_empty());
    assert_eq!(block_texts(&off), source_texts(&a));
}

#[wasm_bindgen_test]
async fn legend_counts_and_toggles() {
    let (div, _, _) = mount_reader(state("talks")).await;
    let toggles = all(&div, "[aria-label=Highlights] button[data-type]");
    let counts: Vec<(String, String)> = toggles
        .iter()
        .map(|b| {
            (
                b.get_attribute("data-type").unwrap_or_default(),
                b.get_attribute("data-count").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("person", "3"), ("organization", "2"), ("place", "3")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Switch places off by clicking their toggle.
    let place = toggles[2]
        .clone()
        .dyn_into::<HtmlElement>()
        .expect("a button");
    place.click();
    settle().await;
    assert!(all(&div, "mark[data-type=place]").is_empty());
    assert_eq!(all(&div, "mark[data-type=person]").len(), 3);
    assert_eq!(
        place.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    place.click();
    settle().await;
    assert_eq!(all(&div, "mark[data-type=place]").len(), 3);
}

#[wasm_bindgen_test]
async fn timeline_lists_events_and_filters_on_focus() {
    let (div, _, _) = mount_reader(state("talks")).await;
    let dates: Vec<String> = all(&div, "[aria-label=Timeline] li[data-date]")
        .iter()
        .filter_map(|li| li.get_attribute("data-date"))
        .collect();
    assert_eq!(dates, ["2015", "2024-03", "2025-04"]);
    let labels: Vec<String> = all(&div, "[aria-label=Timeline] .ev-date")
        .iter()
        .map(text)
        .collect();
    assert_eq!(labels, ["since 2015 →", "Mar 2024", "Apr 2025"]);
    // The axis spans a decade: yearly ticks, the open range is a bar.
    let ticks: Vec<String> = all(&div, "[aria-label=Timeline] svg text")
        .iter()
        .map(text)
        .collect();
    assert!(
        ticks.iter().any(|t| t == "2016" || t == "2018"),
        "{ticks:?}"
    );
    assert_eq!(all(&div, "[aria-label=Timeline] svg rect.bar").len(), 1);

    // Focusing Maria Lopez from the entity panel filters the timeline and
    // fades the other mentions.
    let button = all(
        &div,
        "[aria-label=Entities] button[data-entity=maria-lopez]",
    )
    .pop()
    .expect("Maria Lopez in the panel")
    .dyn_into::<HtmlElement>()
    .expect("a button");
    button.click();
    settle().await;
    let dates: Vec<String> = all(&div, "#timeline-list li[data-date]")
        .iter()
        .filter_map(|li| li.get_attribute("data-date"))
        .collect();
    assert_eq!(dates, ["2024-03", "2025-04"]);
    // The whole list is kept, set aside (not drawn, not focusable), for when
    // the focus is released.
    let kept = all(
        &div,
        "[aria-label=Timeline] ol.events.off[inert] li[data-date]",
    );
    assert_eq!(kept.len(), 3);
    assert_eq!(all(&div, "[aria-label=Timeline] ol.events").len(), 2);
    assert_eq!(all(&div, "mark.focus").len(), 3);
    assert_eq!(all(&div, "article.focusing mark:not(.focus)").len(), 5);
}

#[wasm_bindgen_test]
async fn selecting_an_event_marks_its_sentence() {
    let (div, a, _) = mount_reader(ReaderState {
        event: Some(1),
        ..state("talks")
    })
    .await;
    let sent: String = all(&div, "article .sent").iter().map(text).collect();
    assert_eq!(
        sent,
        "Maria Lopez met the Atlas Group in Vienna in March 2024."
    );
    assert_eq!(block_texts(&div), source_texts(&a));
    let selected = all(&div, "[aria-label=Timeline] li[aria-current=true]");
    assert_eq!(selected.len(), 1);
    assert_eq!(
        selected[0].get_attribute("data-date").as_deref(),
        Some("2024-03")
    );
}

#[wasm_bindgen_test]
async fn card_shows_name_aliases_count_dates_and_position() {
    let (div, _, _) = mount_reader(ReaderState {
        card: Some((0, 1)),
        ..state("talks")
    })
    .await;
    let card = all(&div, "[data-testid=entity-card]")
        .pop()
        .expect("the card");
    let t = text(&card);
    assert!(t.contains("Maria Lopez"), "{t}");
    assert!(t.contains("Person"), "{t}");
    assert!(t.contains("Lopez"), "{t}");
    assert!(t.contains("3 mentions"), "{t}");
    assert!(t.contains("Mar 2024") && t.contains("Apr 2025"), "{t}");
    let pos = all(&card, "[data-testid=card-position]")
        .pop()
        .expect("position");
    assert_eq!(text(&pos), "2 / 3");
    // Next mention moves the counter.
    let next = all(&card, "button[aria-label='Next mention']")
        .pop()
        .expect("next")
        .dyn_into::<HtmlElement>()
        .expect("a button");
    next.click();
    settle().await;
    let pos = all(&div, "[data-testid=card-position]")
        .pop()
        .expect("position");
    assert_eq!(text(&pos), "3 / 3");
}

#[wasm_bindgen_test]
async fn find_counts_hits_without_changing_the_text() {
    let (div, a, _) = mount_reader(ReaderState {
        find: "lopez".into(),
        ..state("talks")
    })
    .await;
    assert_eq!(all(&div, "article .hit").len(), 3);
    assert_eq!(all(&div, "article .hit.current").len(), 1);
    let count = all(&div, "[data-testid=find-count]").pop().expect("count");
    assert_eq!(text(&count), "1 of 3");
    assert_eq!(block_texts(&div), source_texts(&a));
    // Hits inside mentions stay inside their mark.
    assert_eq!(all(&div, "mark[data-entity=maria-lopez] .hit").len(), 3);
}

#[wasm_bindgen_test]
async fn library_lists_the_set() {
    let a = article();
    let undated = {
        let mut b = (*a).clone();
        b.slug = "other".into();
        b.meta.title = "Another story".into();
        b.meta.date = None;
        Rc::new(b)
    };
    let dated = {
        let mut b = (*a).clone();
        b.meta.date = Some("2025-04-23".into());
        Rc::new(b)
    };
    let div = root();
    #[derive(Properties, PartialEq)]
    struct P {
        list: Rc<[Rc<Article>]>,
    }
    #[function_component(L)]
    fn l(p: &P) -> Html {
        html! { <Library articles={Rc::clone(&p.list)} /> }
    }
    let list: Rc<[Rc<Article>]> = vec![dated, undated].into();
    yew::Renderer::<L>::with_root_and_props(div.clone(), P { list }).render();
    settle().await;
    let items = all(&div, "li.library-item");
    assert_eq!(items.len(), 2);
    assert!(text(&items[0]).contains("23 Apr 2025"));
    assert!(text(&items[1]).contains("undated"));
    assert!(text(&items[1]).contains("Another story"));
    let hrefs: Vec<String> = all(&div, "li.library-item a")
        .iter()
        .filter_map(|e| e.get_attribute("href"))
        .collect();
    assert_eq!(hrefs, ["#/a/talks", "#/a/other"]);
    assert!(text(&items[0]).contains("min read"));
}

fn selected_date(div: &Element) -> Option<String> {
    all(div, "[aria-label=Timeline] li[aria-current=true]")
        .pop()
        .and_then(|li| li.get_attribute("data-date"))
}

#[wasm_bindgen_test]
async fn keyboard_moves_through_events_and_mentions() {
    let a = article();
    let an = analysis(&a);
    let div = root();
    let handle = yew::Renderer::<Harness>::with_root_and_props(
        div.clone(),
        HarnessProps {
            article: Rc::clone(&a),
            analysis: Rc::clone(&an),
            initial: state("talks"),
        },
    )
    .render();
    until("the timeline lists its events", || {
        !all(&div, "[aria-label=Timeline] li[data-date]").is_empty()
    })
    .await;
    settle().await;
    assert_eq!(selected_date(&div), None);
    let selected = |want: &'static str| {
        let div = div.clone();
        move || selected_date(&div).as_deref() == Some(want)
    };
    press("j");
    until("j selects the first event", selected("2015")).await;
    assert_eq!(selected_date(&div).as_deref(), Some("2015"));
    press("j");
    until("j selects the next event", selected("2024-03")).await;
    assert_eq!(selected_date(&div).as_deref(), Some("2024-03"));
    press("k");
    press("k");
    until("k wraps around", selected("2025-04")).await;
    assert_eq!(
        selected_date(&div).as_deref(),
        Some("2025-04"),
        "k wraps around"
    );
    // n opens the card on the first mention in reading order.
    press("n");
    until("n opens the card", || {
        !all(&div, "[data-testid=entity-card]").is_empty()
    })
    .await;
    settle().await;
    let card = all(&div, "[data-testid=entity-card]")
        .pop()
        .expect("a card");
    assert_eq!(
        card.get_attribute("data-entity").as_deref(),
        Some("maria-lopez")
    );
    assert_eq!(
        all(&div, "mark.active")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["Maria Lopez"]
    );
    press("n");
    settle().await;
    assert_eq!(
        all(&div, "mark.active")
            .iter()
            .map(text)
            .collect::<Vec<_>>(),
        ["Atlas Group"]
    );
    // Escape closes the card, then clears the selection.
    press("Escape");
    settle().await;
    assert!(all(&div, "[data-testid=entity-card]").is_empty());
    press("Escape");
    settle().await;
    assert_eq!(selected_date(&div), None);
    // ? shows the keys.
    press("?");
    settle().await;
    assert_eq!(all(&div, "[role=dialog][data-testid=help]").len(), 1);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_unknown_focus_filters_nothing() {
    let (div, _, _) = mount_reader(ReaderState::new(
        Route::parse("#/a/talks/e/nobody"),
        Vec::new(),
        None,
    ))
    .await;
    assert_eq!(all(&div, "[aria-label=Timeline] li[data-date]").len(), 3);
    assert!(all(&div, "article.focusing").is_empty());
}

#[wasm_bindgen_test]
async fn the_app_opens_the_embedded_article_from_the_hash() {
    let slug = dossier::data::index()[0].slug.clone();
    let first = dossier::data::entry(&slug)
        .expect("the default set is embedded")
        .article;
    let w = web_sys::window().expect("a window");
    w.location()
        .set_hash(&format!("#/a/{}", first.slug))
        .expect("hash set");
    let div = root();
    let handle = yew::Renderer::<dossier::app::App>::with_root(div.clone()).render();
    settle().await;
    let h1 = all(&div, "h1").iter().map(text).collect::<Vec<_>>();
    assert_eq!(h1, vec![first.meta.title.to_string()]);
    assert_eq!(block_texts(&div), source_texts(&first));
    assert!(all(&div, "[aria-label=Timeline]").len() == 1);
    assert!(all(&div, "[aria-label=Entities]").len() == 1);
    handle.destroy();
}

fn mouse(el: &Element, kind: &str) {
    let event = web_sys::MouseEvent::new(kind).expect("a mouse event");
    el.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn a_hovered_card_closes_when_the_pointer_leaves_unless_it_moves_onto_the_card() {
    let (div, _, _) = mount_reader(state("talks")).await;
    let mark = all(&div, "mark[data-entity=graz]").pop().expect("Graz");
    mouse(&mark, "mouseenter");
    settle().await;
    assert_eq!(
        all(&div, "[data-testid=entity-card][data-entity=graz]").len(),
        1
    );
    mouse(&mark, "mouseleave");
    until("the card closes", || {
        all(&div, "[data-testid=entity-card]").is_empty()
    })
    .await;
    assert!(
        all(&div, "[data-testid=entity-card]").is_empty(),
        "closed after leaving"
    );

    mouse(&mark, "mouseenter");
    settle().await;
    mouse(&mark, "mouseleave");
    let card = all(&div, "[data-testid=entity-card]")
        .pop()
        .expect("the card again");
    mouse(&card, "mouseenter");
    yew::platform::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        all(&div, "[data-testid=entity-card]").len(),
        1,
        "kept: the pointer is on it"
    );
}

fn button(div: &Element, sel: &str) -> HtmlElement {
    all(div, sel)
        .pop()
        .unwrap_or_else(|| panic!("no {sel}"))
        .dyn_into::<HtmlElement>()
        .expect("a button")
}

fn reading_rows(div: &Element) -> Vec<String> {
    all(div, "#timeline-list li.reading")
        .iter()
        .filter_map(|li| li.get_attribute("data-index"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_selected_event_is_the_one_read_while_the_page_scrolls_to_it() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    let (div, _, _) = mount_reader(state("talks")).await;
    // Here the scroll-spy finds the first block at the reading line: the
    // event of part 1 is read.
    assert_eq!(reading_rows(&div), ["1"]);

    // Selecting the event of part 3 marks it read in the same update.
    button(&div, "[aria-label=Timeline] li[data-index=\"2\"] button.ev").click();
    settle().await;
    assert_eq!(selected_date(&div).as_deref(), Some("2025-04"));
    assert_eq!(reading_rows(&div), ["2"]);

    // The page scrolling to the sentence does not move the mark.
    let scroll = || {
        if let Some(w) = web_sys::window() {
            let e = web_sys::Event::new("scroll").expect("an event");
            let _ = w.dispatch_event(&e);
        }
    };
    scroll();
    yew::platform::time::sleep(Duration::from_millis(150)).await;
    scroll();
    yew::platform::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(reading_rows(&div), ["2"]);

    // Once that scroll is over (here the page may scroll smoothly to the
    // sentence for a while), scrolling moves it again: back at the top, the
    // first block is read.
    yew::platform::time::sleep(Duration::from_millis(1200)).await;
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    scroll();
    until("the first block is read", || reading_rows(&div) == ["1"]).await;
    assert_eq!(reading_rows(&div), ["1"]);
}

#[wasm_bindgen_test]
async fn entity_rows_render_only_when_their_focus_changes() {
    use dossier::components::entity_panel::row_renders;
    let (div, _, _) = mount_reader(state("talks")).await;
    assert_eq!(all(&div, "[aria-label=Entities] button.entity").len(), 4);
    let start = row_renders();

    // Selecting an event, a find query, a card: no row renders.
    button(&div, "[aria-label=Timeline] li[data-index=\"1\"] button.ev").click();
    settle().await;
    assert_eq!(selected_date(&div).as_deref(), Some("2024-03"));
    press("n");
    settle().await;
    assert_eq!(all(&div, "[data-testid=entity-card]").len(), 1);
    assert_eq!(row_renders(), start);

    // Focusing an entity renders its row; moving the focus, two rows.
    let maria = "[aria-label=Entities] button[data-entity=maria-lopez]";
    button(&div, maria).click();
    settle().await;
    assert_eq!(
        button(&div, maria).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(row_renders(), start + 1);
    button(&div, "[aria-label=Entities] button[data-entity=vienna]").click();
    settle().await;
    assert_eq!(
        button(&div, maria).get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(row_renders(), start + 3);
}

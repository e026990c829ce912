//! The pages' views. `Pages` follows the app's route (the app tells it with
//! `dossier::pages::ROUTE_EVENT`), reads the set once, and shows the page
//! the route names; on the app's own routes it shows nothing.
//!
//! # Stable hooks (the end-to-end tests rely on them)
//!
//! - An entity's page: `main[aria-label="Entity"]` with the name in its
//!   `h1`, `section[aria-labelledby=named-in]` linking `#/a/<slug>…`, the
//!   mentions' `mark`s, `section[aria-labelledby=events]` with
//!   `li[data-date]` and `svg.set-axis`; the corrections: `#correct-name`,
//!   `#correct-type`, `#correct-merge` (from a shard, the button "Merge or
//!   split it" first), "Hide: not an entity", `.corrections`
//!   with an "Undo" per correction, `.hidden-note`; corrections that no
//!   longer apply: `section[aria-label=Corrections]`, "Remove them".
//! - The set timeline: `main[aria-label="Set timeline"]`, one
//!   `li[data-date]` per point (`.published`, `.approximate`,
//!   `aria-current` when its mark was chosen), `svg.set-axis` (`.mark`,
//!   `text.lane-name`), the buttons "Zoom in", "Zoom out", "Earlier",
//!   "Later", "All", `[data-testid=tl-span]`, `#tl-lanes`, `#tl-kind`,
//!   `#tl-from`, `#tl-to`, the filter `input[aria-label="Filter the timeline"]`;
//!   read by period (a split set), `aria-busy` until the files of the rows
//!   listed are read, the button "Filter by type, article or entity; lanes"
//!   and "Try again" after a file could not be read.
//! - Search: `input[aria-label="Search the articles"]`, results as links
//!   inside `[aria-label="Search results"]` (its `data-answered` the query
//!   the results answer) with a `[role=status]` count, `#search-from`,
//!   `#search-to`, `#search-kind`, `#search-section`, `#search-entity`,
//!   `#search-sort`; from a split set's shards, "More results" and "Try
//!   again" (after a file of the index could not be read).

use std::rc::Rc;

use dossier::components::steps::use_frame_steps;
use dossier::dom;
use dossier::ptr::Ptr;
use dossier_core::analysis::{EntityKind, Span};
use dossier_core::set::search::shards::Named;
use dossier_core::timex::cal::{civil_from_days, days_from_civil};
use dossier_core::view::pages::{
    corrected_view, entity_view, extent, listed_range, pan, passage, set_axis, zoom, EntityView,
    LaneBy, SetAxis, SetMark, TimelineRow, MENTIONS_SHOWN, POINTS_LISTED, WITH_SHOWN,
};
use dossier_core::view::periods::TimelineKeys;
use dossier_core::view::reading::{row_steps, rows_shown};
use dossier_core::view::{date_label, fixed, kind_singular, percent, Route};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::load::{self, Base, Set};
use dossier_core::set::correct::{Correction, Overrides};

/// At most this many results of a search.
const RESULTS_SHOWN: usize = 50;

/// Results of a search from the shards shown at first, and added by "More
/// results" (each reads its articles' files).
const SHARD_RESULTS: usize = 10;

#[derive(Clone)]
enum Reading {
    Loading(usize, usize),
    Failed(String),
    Ready(Rc<Base>),
}

/// A change to the reader's corrections.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Add(Correction),
    /// Takes back the corrections at these indices.
    Remove(Vec<usize>),
}

/// The corrections and the way to change them, for every page.
#[derive(Clone, PartialEq)]
struct Corrections {
    /// `Err` when the stored corrections cannot be read: nothing is
    /// written over them then.
    list: Rc<Result<Vec<Correction>, String>>,
    edit: Callback<Edit>,
}

impl PartialEq for Reading {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Reading::Loading(a, b), Reading::Loading(c, d)) => (a, b) == (c, d),
            (Reading::Failed(a), Reading::Failed(b)) => a == b,
            (Reading::Ready(a), Reading::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The page a route names, if it is one of the set's.
fn page_of(route: Route) -> Option<Route> {
    matches!(
        route,
        Route::Entity { .. } | Route::Timeline | Route::Search { .. }
    )
    .then_some(route)
}

#[function_component(Pages)]
pub fn pages() -> Html {
    let at = use_state(|| Route::parse(&dom::hash()));
    let route = use_state(|| page_of(Route::parse(&dom::hash())));
    let reading = use_state(|| Reading::Loading(0, 0));
    let list = use_state(|| Rc::new(load::stored_corrections()));
    {
        // A backup read by the reader's articles module brought corrections.
        let list = list.clone();
        use_effect_with((), move |_| {
            let listener = dom::window().map(|w| {
                EventListener::new(&w, dossier::pages::CORRECTIONS_EVENT, move |_| {
                    list.set(Rc::new(load::stored_corrections()));
                })
            });
            move || drop(listener)
        });
    }
    // The article the app shows, as the reader corrected it, for the app.
    {
        let slug = match &*at {
            Route::Article { slug, .. } => Some(slug.clone()),
            _ => None,
        };
        use_effect_with((slug, Rc::clone(&*list)), |(slug, list)| {
            let (slug, list) = (slug.clone(), Rc::clone(list));
            wasm_bindgen_futures::spawn_local(async move {
                crate::correct::send(slug.as_deref(), &list).await;
            });
        });
    }
    let edit = {
        let list = list.clone();
        Callback::from(move |e: Edit| {
            let Ok(mut now) = (**list).clone() else {
                return;
            };
            match e {
                Edit::Add(c) => now.push(c),
                Edit::Remove(gone) => {
                    now = now
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| !gone.contains(i))
                        .map(|(_, c)| c)
                        .collect();
                }
            }
            load::store_corrections(&now);
            list.set(Rc::new(Ok(now)));
        })
    };
    {
        let (route, at) = (route.clone(), at.clone());
        use_effect_with((), move |_| {
            let listener = dom::window().map(|w| {
                EventListener::new(&w, dossier::pages::ROUTE_EVENT, move |e| {
                    let hash = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .and_then(|c| c.detail().as_string())
                        .unwrap_or_default();
                    let r = Route::parse(&hash);
                    at.set(r.clone());
                    route.set(page_of(r));
                })
            });
            move || drop(listener)
        });
    }
    // An entity page of a split set shows first from its shard; the whole
    // set is read when a page needs it (the timeline, search, an entity to
    // correct, or the reader's corrections and articles).
    let asked = use_state(|| false);
    let from_shard = match &*route {
        Some(Route::Entity { key }) if !*asked && crate::shard::usable(&list) => Some(key.clone()),
        _ => None,
    };
    // Search on a split set answers from its shards, until the reader asks
    // to sort and filter every article.
    let search_light =
        matches!(&*route, Some(Route::Search { .. })) && !*asked && crate::found::usable(&list);
    // The set timeline of a split set reads its files by period, until the
    // reader filters it or sorts it into lanes (then the whole timeline).
    let timeline_whole = use_state(|| false);
    let timeline_light = matches!(&*route, Some(Route::Timeline))
        && !*timeline_whole
        && crate::period::usable(&list);
    let shard = use_state(|| None::<(String, Result<Option<Rc<EntityView>>, String>)>);
    // The corrections that no longer apply, from the entities' shards, while
    // a page shows what the build made (the whole set's linking says it
    // once read): for the list they were found for.
    type Stale = (Rc<Result<Vec<Correction>, String>>, Vec<(usize, String)>);
    let light_stale = use_state(|| None::<Stale>);
    let on_light = from_shard.is_some() || search_light || timeline_light;
    {
        let light_stale = light_stale.clone();
        use_effect_with((on_light, Rc::clone(&*list)), move |(on, list)| {
            let fresh = light_stale
                .as_ref()
                .is_some_and(|(l, _)| Rc::ptr_eq(l, list));
            let items = match list.as_ref() {
                Ok(items) if *on && !fresh && !items.is_empty() => items.clone(),
                _ => return,
            };
            if dossier::data::entity_shards() > 0 {
                let list = Rc::clone(list);
                wasm_bindgen_futures::spawn_local(async move {
                    let stale = crate::shard::stale(&items).await;
                    light_stale.set(Some((list, stale)));
                });
            }
        });
    }
    {
        let shard = shard.clone();
        use_effect_with(from_shard.clone(), move |key| {
            if let Some(key) = key.clone() {
                if shard.as_ref().is_none_or(|(k, _)| *k != key) {
                    wasm_bindgen_futures::spawn_local(async move {
                        let view = crate::shard::view(&key).await.map(|v| v.map(Rc::new));
                        shard.set(Some((key, view)));
                    });
                }
            }
        });
    }
    {
        // The set is read when a page first needs it (the module may have
        // been loaded for the corrections of the article being read), and
        // the reader's own articles each time the pages are entered (they
        // may have added or deleted some meanwhile).
        let reading = reading.clone();
        let set_part = use_mut_ref(|| None::<Rc<Base>>);
        // `Some(true)`: the set timeline alone, which a split set shows
        // from the build's timeline without reading its articles (when
        // nothing of the reader's changes it); `Some(false)`: every article.
        let need = (route.is_some() && from_shard.is_none() && !search_light && !timeline_light)
            .then(|| matches!(&*route, Some(Route::Timeline)) && crate::shard::light(&list));
        use_effect_with(need, move |need| {
            let Some(light) = *need else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let cached = set_part.borrow().clone();
                let set = match cached {
                    Some(set) if set.whole() || light => set,
                    _ => {
                        let progress = {
                            let reading = reading.clone();
                            move |done, total| reading.set(Reading::Loading(done, total))
                        };
                        let read = if light {
                            load::read_light().await
                        } else {
                            load::read(progress).await
                        };
                        match read {
                            Ok(base) => {
                                let base = Rc::new(base);
                                *set_part.borrow_mut() = Some(Rc::clone(&base));
                                base
                            }
                            Err(why) => {
                                reading.set(Reading::Failed(why));
                                return;
                            }
                        }
                    }
                };
                if set.whole() {
                    reading.set(Reading::Ready(load::with_yours(&set).await));
                } else {
                    reading.set(Reading::Ready(set));
                }
            });
        });
    }
    // A new page starts at its top, under its own title.
    use_effect_with((*route).clone(), |route| {
        if let Some(route) = route {
            if let Some(w) = dom::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            let title = match route {
                Route::Timeline => "Timeline of the set".to_string(),
                Route::Search { query } if !query.is_empty() => format!("“{query}”: search"),
                Route::Search { .. } => "Search".to_string(),
                _ => "Entity".to_string(),
            };
            if let Some(d) = dom::document() {
                d.set_title(&format!("{title} — dossier"));
            }
        }
    });
    // The set with the corrections applied, again when they change.
    let set = {
        let base = match &*reading {
            Reading::Ready(base) => Some(Rc::clone(base)),
            _ => None,
        };
        let key = (base.map(Ptr::from), Rc::clone(&*list));
        use_memo(key, |(base, list)| {
            let empty = Vec::new();
            let corrections = list.as_ref().as_ref().unwrap_or(&empty);
            base.as_ref()
                .map(|b| Rc::new(Set::of(Rc::clone(b.rc()), corrections)))
        })
    };
    let Some(page) = (*route).clone() else {
        return html! {};
    };
    let corrections = Corrections {
        list: Rc::clone(&*list),
        edit,
    };
    let light_notice = match &*light_stale {
        Some((l, stale)) if Rc::ptr_eq(l, &*list) => notice(stale, &corrections),
        _ => html! {},
    };
    // From the shard unless the whole set is at hand (the timeline alone,
    // read without the articles, has no entity pages).
    let whole = matches!(&*reading, Reading::Ready(base) if base.whole());
    if let (Some(key), false) = (&from_shard, whole) {
        let ask = {
            let asked = asked.clone();
            Callback::from(move |_: MouseEvent| asked.set(true))
        };
        let shown = match &*shard {
            Some((k, Ok(Some(view)))) if k == key => {
                // as the reader corrected it (renames, types and hiding:
                // see `crate::shard::light`)
                let (view, hidden) = match list.as_ref() {
                    Ok(list) if !list.is_empty() => {
                        let (view, hidden) = corrected_view(view, list);
                        (Rc::new(view), hidden)
                    }
                    _ => (Rc::clone(view), false),
                };
                let whole = {
                    let asked = asked.clone();
                    Callback::from(move |()| asked.set(true))
                };
                html! {
                    <EntityShown view={Rc::clone(&view)} name={key.clone()} {hidden} correct={html! {
                        <Correct set={None::<Rc<Set>>} entity={view.key.clone()} name={view.name.clone()} kind={view.kind} {hidden} corrections={corrections.clone()} {whole} />
                    }} />
                }
            }
            Some((k, Ok(None))) if k == key => not_in_set(key),
            Some((k, Err(why))) if k == key => html! {
                <main class="set-page" aria-label="Problem">
                    { crumbs() }
                    <h1>{ "This entity's page could not be read" }</h1>
                    <p role="alert">{ format!("{why}.") }</p>
                    <button type="button" onclick={ask}>{ "Read the whole set instead" }</button>
                </main>
            },
            _ => html! {
                <main class="set-page loading" aria-label="Loading" aria-busy="true">
                    { crumbs() }
                    <p role="status">{ "Reading the entity's page…" }</p>
                </main>
            },
        };
        return html! { <>{ light_notice }{ shown }</> };
    }
    if let (true, Route::Search { query }) = (search_light, &page) {
        return html! { <>{ light_notice }<ShardSearch query={query.clone()} corrections={Rc::clone(&*list)} /></> };
    }
    // Read by period until the whole timeline is read (once asked for).
    let ask_whole = {
        let timeline_whole = timeline_whole.clone();
        Callback::from(move |()| timeline_whole.set(true))
    };
    let reading_whole = *timeline_whole && matches!(&*reading, Reading::Loading(..));
    if matches!(page, Route::Timeline)
        && crate::period::usable(&list)
        && (timeline_light || reading_whole)
    {
        // (the same place in the page as the whole timeline below, so that
        // it is the same component when the whole timeline arrives)
        return html! { <>{ light_notice }<Timeline set={None::<Rc<Set>>} whole={ask_whole} {reading_whole} /></> };
    }
    let set = match (&*reading, &*set) {
        // The timeline alone serves no other page: the whole set is on its way.
        (Reading::Ready(_), Some(set)) if !set.base.whole() && !matches!(page, Route::Timeline) => {
            return html! {
                <main class="set-page loading" aria-label="Loading" aria-busy="true">
                    { crumbs() }
                    <p role="status">{ "Reading the set…" }</p>
                </main>
            };
        }
        (Reading::Ready(_), Some(set)) => Rc::clone(set),
        (Reading::Ready(_), None) => return html! {},
        (Reading::Loading(done, total), _) => {
            return html! {
                <main class="set-page loading" aria-label="Loading" aria-busy="true">
                    { crumbs() }
                    <p role="status">{
                        if *total > 1 { format!("Reading the set: {done} of {total} articles…") }
                        else { "Reading the set…".to_string() }
                    }</p>
                </main>
            }
        }
        (Reading::Failed(why), _) => {
            return html! {
                <main class="set-page" aria-label="Problem">
                    { crumbs() }
                    <h1>{ "The set could not be read" }</h1>
                    <p role="alert">{ format!("{why}.") }</p>
                </main>
            }
        }
    };
    let notice = notice(&set.corrected.stale, &corrections);
    let page = match page {
        Route::Timeline => {
            html! { <Timeline set={Some(Rc::clone(&set))} whole={ask_whole} reading_whole={false} /> }
        }
        Route::Entity { key } => {
            html! { <EntityPage set={Rc::clone(&set)} name={key} corrections={corrections.clone()} /> }
        }
        Route::Search { query } => html! { <Search set={Rc::clone(&set)} {query} /> },
        _ => html! {},
    };
    html! { <>{ notice }{ page }</> }
}

/// What the pages say about the corrections as a whole: that they cannot
/// be read, or that some (`stale`: their index, and why) no longer apply.
fn notice(stale: &[(usize, String)], c: &Corrections) -> Html {
    match c.list.as_ref() {
        Err(why) => html! {
            <section class="set-page notice" aria-label="Corrections">
                <p role="alert">{ format!("{why}.") }</p>
            </section>
        },
        Ok(list) if !stale.is_empty() => {
            let gone: Vec<usize> = stale.iter().map(|(i, _)| *i).collect();
            let remove = c
                .edit
                .reform(move |_: MouseEvent| Edit::Remove(gone.clone()));
            html! {
                <section class="set-page notice" aria-label="Corrections">
                    <p role="status">{ format!("{} of your corrections no longer appl{} to this set:", stale.len(), if stale.len() == 1 { "ies" } else { "y" }) }</p>
                    <ul>
                        { for stale.iter().filter_map(|(i, why)| {
                            let c = list.get(*i)?;
                            Some(html! { <li>{ format!("{} ({why})", c.describe(|k| k.to_string())) }</li> })
                        }) }
                    </ul>
                    <button type="button" onclick={remove}>{ "Remove them" }</button>
                </section>
            }
        }
        Ok(_) => html! {},
    }
}

fn crumbs() -> Html {
    html! {
        <nav class="crumbs set-nav" aria-label="Breadcrumb">
            <a href="#/">{ "← All articles" }</a>
            <a href="#/timeline">{ "Timeline of the set" }</a>
            <a href="#/search">{ "Search" }</a>
        </nav>
    }
}

/// A sentence with its marked parts, as text nodes and `<mark>`s.
fn passage_html(set: &Set, article: usize, sentence: Span, marks: &[Span]) -> Html {
    let Some((a, _)) = set.articles().get(article) else {
        return html! {};
    };
    segments_html(&passage(&a.parts(), sentence, marks))
}

/// A link of a view read from a file (an entity shard): only to a place in
/// this page (`#/…`), whatever the file says.
fn internal(href: &str) -> String {
    if href.starts_with("#/") {
        href.to_string()
    } else {
        "#/".to_string()
    }
}

/// Text cut into parts, the marked ones as `<mark>`s, all as text nodes.
fn segments_html(parts: &[(String, bool)]) -> Html {
    html! {
        { for parts.iter().map(|(text, marked)| {
            if *marked { html! { <mark>{ text.clone() }</mark> } } else { html! { { text.clone() } } }
        }) }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Properties)]
struct TimelineProps {
    /// The whole set, once read; `None`: the timeline read by period
    /// (`crate::period`).
    set: Option<Rc<Set>>,
    /// Asks for the whole timeline (a filter, or lanes by article or
    /// entity, need every point).
    whole: Callback<()>,
    /// True while the whole timeline is being read.
    reading_whole: bool,
}

impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        let same_set = match (&self.set, &other.set) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_set && self.whole == other.whole && self.reading_whole == other.reading_whole
    }
}

/// The set timeline: from the whole set, or (a split set) read by period
/// from the list of its files and the files of the rows it lists, until a
/// filter or lanes by article or entity need every point. It is one
/// component either way, so what the reader typed, the window and the
/// point chosen carry over, and the filter's box stays the same element
/// (a key typed while the whole timeline arrives is not lost).
#[function_component(Timeline)]
fn timeline(p: &TimelineProps) -> Html {
    let filter = use_state(String::new);
    let kind = use_state(|| None::<EntityKind>);
    let article = use_state(|| None::<usize>);
    let entity = use_state(String::new);
    let window = use_state(|| None::<(i64, i64)>);
    let lanes = use_state(|| LaneBy::Packed);
    let selected = use_state(|| None::<usize>);
    // Read by period: the list of the files, each file read (re-rendering),
    // the last read's failure.
    let keys = use_state(|| None::<Result<Rc<TimelineKeys>, String>>);
    let redraw = use_force_update();
    let failure = use_state(|| None::<String>);
    let attempt = use_state(|| 0u32);
    let by_period = p.set.is_none();
    {
        // The list, and the first file with it (the first rows listed).
        let keys = keys.clone();
        use_effect_with((by_period, *attempt), move |(by_period, _)| {
            if *by_period && !keys.as_ref().is_some_and(|k| k.is_ok()) {
                wasm_bindgen_futures::spawn_local(async move {
                    keys.set(Some(crate::period::start().await));
                });
            }
        });
    }
    let period_keys = keys
        .as_ref()
        .and_then(|k| k.as_ref().ok())
        .cloned()
        .filter(|_| by_period);
    let full = match (&p.set, &period_keys) {
        (Some(set), _) => extent(&set.rows),
        (None, Some(k)) => k.extent(),
        (None, None) => None,
    };
    let c = window_controls(&window, full);
    // The whole set's points: those the filters keep, those in view, those
    // listed.
    let whole = use_memo(
        (
            p.set.clone().map(Ptr::from),
            (*filter).clone(),
            *kind,
            *article,
            (*entity).clone(),
            *window,
        ),
        |(set, filter, kind, article, entity, window)| {
            set.as_ref()
                .map(|set| whole_points(set, filter, *kind, *article, entity, *window))
        },
    );
    // Its axis, once per filter, window and lanes (not again when a point
    // is chosen).
    let whole_axis = use_memo(
        (
            p.set.clone().map(Ptr::from),
            Ptr::from(&whole),
            c.view,
            *lanes,
        ),
        |(set, whole, view, lanes)| {
            let (set, w, view) = (set.as_ref()?, whole.as_ref()?, (*view)?);
            let linking = set.linking();
            set_axis(
                &set.rows,
                &w.filtered,
                view,
                *lanes,
                &|a| set.title(a).to_string(),
                &|e| {
                    set.name_of(
                        &linking
                            .entities
                            .get(e)
                            .map(|x| x.key.clone())
                            .unwrap_or_default(),
                    )
                },
            )
        },
    );
    // Read by period: the points in view, those listed, the files they need.
    let shown = period_keys
        .as_ref()
        .map(|k| k.shown(*window))
        .unwrap_or_default();
    let listed_rows = shown.listed(*selected, POINTS_LISTED);
    let needed: Vec<usize> = period_keys
        .as_ref()
        .map(|k| k.files_of(&listed_rows))
        .unwrap_or_default();
    let missing = needed.iter().any(|&n| !crate::period::at_hand(n));
    {
        let (failure, keys, redraw) = (failure.clone(), period_keys.clone(), redraw.clone());
        use_effect_with((needed.clone(), *attempt), move |(needed, _)| {
            let needed = needed.clone();
            if let Some(keys) = keys.filter(|_| needed.iter().any(|&n| !crate::period::at_hand(n)))
            {
                failure.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    let result =
                        crate::period::read(&keys, &needed, &|| redraw.force_update()).await;
                    if let Err(why) = result {
                        failure.set(Some(why));
                    }
                });
            }
        });
    }
    // The chosen point's row, once listed (it may lie past those listed
    // when its mark is chosen, or in a file not read yet).
    use_effect_with((*selected, missing, by_period), |(chosen, missing, _)| {
        if let Some(el) = chosen
            .filter(|_| !*missing)
            .and_then(|i| dom::document().and_then(|d| d.get_element_by_id(&format!("tl-row-{i}"))))
        {
            dom::scroll_to(&el, true);
        }
    });
    // The entities the points name, most named first (for the entity
    // filter's suggestions): once per set, not on every keystroke.
    let names = use_memo(p.set.clone().map(Ptr::from), |set| {
        set.as_ref().map(|s| entity_names(s)).unwrap_or_default()
    });
    // One option per article (thousands in a large set): made once per
    // choice, not on every render.
    let article_options = use_memo(
        (p.set.clone().map(Ptr::from), *article),
        |(set, article)| {
            let Some(set) = set else { return html! {} };
            html! {
                <>
                    <option value="" selected={article.is_none()}>{ "all" }</option>
                    { for (0..set.len()).map(|a| html! { <option value={a.to_string()} selected={*article == Some(a)}>{ set.title(a).to_string() }</option> }) }
                </>
            }
        },
    );
    // Read by period, the axis of the window from the runs' stand-ins (one
    // per run), once per window.
    let stand_ins = use_memo(period_keys.clone().map(Ptr::from), |k| {
        k.as_ref().map(|k| k.axis_rows()).unwrap_or_default()
    });
    let period_axis = use_memo((Ptr::from(&stand_ins), c.view), |(rows, view)| {
        let runs: Vec<usize> = (0..rows.len()).collect();
        view.and_then(|w| {
            set_axis(rows, &runs, w, LaneBy::Packed, &|_| String::new(), &|_| {
                String::new()
            })
        })
    });
    // Read by period, the rows listed and the axis's marks are made in
    // steps once the list is read: the first with the page, the rest after
    // each paint, a step at a time, as the reading view's long panels (the
    // chosen row and its mark always).
    let listed_count: usize = listed_rows.iter().map(|r| r.1).sum();
    let marks_count = period_axis.as_ref().as_ref().map_or(0, |g| g.marks.len());
    let steps = use_frame_steps(
        period_keys.is_some(),
        false,
        row_steps(listed_count.max(marks_count)),
    );
    let (limit, marks_limit) = (
        rows_shown(steps, listed_count, None),
        rows_shown(steps, marks_count, None),
    );
    let again = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    let ask_whole = {
        let whole = p.whole.clone();
        move || whole.emit(())
    };
    let on_filter = {
        let (filter, ask) = (filter.clone(), by_period.then_some(ask_whole.clone()));
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                filter.set(input.value());
                if let Some(ask) = &ask {
                    ask();
                }
            }
        })
    };
    let on_more = Callback::from(move |_: MouseEvent| ask_whole());
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |_: Event| kind.set(EntityKind::parse(&value_of("tl-kind"))))
    };
    let on_article = {
        let article = article.clone();
        Callback::from(move |_: Event| article.set(value_of("tl-article").parse().ok()))
    };
    let on_lanes = {
        let lanes = lanes.clone();
        Callback::from(move |_: Event| {
            lanes.set(match value_of("tl-lanes").as_str() {
                "article" => LaneBy::Article,
                "entity" => LaneBy::Entity,
                _ => LaneBy::Packed,
            })
        })
    };
    let title = html! {
        <>
            { crumbs() }
            <h1>{ "Timeline of the set" }</h1>
        </>
    };
    if by_period {
        match keys.as_ref() {
            None => {
                return html! {
                    <main class="set-page set-timeline" aria-label="Set timeline" aria-busy="true">
                        { title }
                        <p role="status">{ "Reading the timeline…" }</p>
                    </main>
                }
            }
            Some(Err(why)) => {
                return html! {
                    <main class="set-page set-timeline" aria-label="Set timeline">
                        { title }
                        <p role="alert">{ format!("The timeline could not be read: {why}.") }</p>
                        <button type="button" onclick={again}>{ "Try again" }</button>
                    </main>
                }
            }
            Some(Ok(_)) => {}
        }
    }
    let total = match (&p.set, &period_keys) {
        (Some(set), _) => set.rows.len(),
        (None, Some(k)) => k.total,
        (None, None) => 0,
    };
    let zoom_keys = Some((c.onkeydown.clone(), c.onwheel.clone()));
    let (axis, counted, list) = match (&p.set, whole.as_ref(), &period_keys) {
        (Some(set), Some(w), _) => {
            let listed = listed_range(
                w.shown.len(),
                selected.and_then(|s| w.shown.binary_search(&s).ok()),
                POINTS_LISTED,
            );
            (
                whole_axis.as_ref().as_ref().map(|g| {
                    set_axis_html(
                        g,
                        &MarkRows::Rows(&set.rows),
                        &selected,
                        zoom_keys,
                        usize::MAX,
                    )
                }),
                counts(w.shown.len(), total, &listed),
                html! { <>{ for w.shown[listed.clone()].iter().filter_map(|&i| Some(timeline_row(set.rows.get(i)?, i, *selected))) }</> },
            )
        }
        (None, _, Some(keys)) => {
            let position = listed_rows
                .first()
                .and_then(|&(first, _)| shown.position(first))
                .unwrap_or(0);
            let listed = position..position + listed_count;
            let rows = listed_rows
                .iter()
                .flat_map(|&(first, count)| first..first + count)
                .enumerate()
                .filter(|&(k, i)| k < limit || *selected == Some(i))
                .filter_map(|(_, i)| {
                    crate::period::with_row(keys, i, |r| timeline_row(r, i, *selected))
                });
            (
                period_axis.as_ref().as_ref().map(|g| {
                    set_axis_html(g, &MarkRows::Runs(keys), &selected, zoom_keys, marks_limit)
                }),
                counts(shown.len(), total, &listed),
                html! { <>{ for rows }</> },
            )
        }
        _ => (None, html! {}, html! {}),
    };
    let failed = (*failure).clone().filter(|_| by_period && missing);
    let coming = limit < listed_count || marks_limit < marks_count;
    let busy = by_period && (missing && failed.is_none() || coming);
    html! {
        <main class="set-page set-timeline" aria-label="Set timeline" aria-busy={busy.to_string()}>
            { title }
            <p class="lede">{ format!("{}: events the articles report and the days they were published, in time order.", plural(total, "dated point", "dated points")) }</p>
            <div class="tl-filters">
                <input type="search" class="search-box" placeholder="Filter: a word, a name, a year" aria-label="Filter the timeline" value={(*filter).clone()} oninput={on_filter} />
                { range_form(&c) }
                if by_period {
                    <button type="button" onclick={on_more} disabled={p.reading_whole}>{ "Filter by type, article or entity; lanes" }</button>
                } else {
                    <label>{ "Type " }
                        <select id="tl-kind" onchange={on_kind}>
                            <option value="" selected={kind.is_none()}>{ "any" }</option>
                            { for EntityKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={*kind == Some(*k)}>{ kind_singular(*k) }</option> }) }
                        </select>
                    </label>
                    <label>{ "Article " }
                        <select id="tl-article" onchange={on_article}>
                            { (*article_options).clone() }
                        </select>
                    </label>
                    <label>{ "Entity " }
                        <input type="text" list="tl-entities" placeholder="a name" value={(*entity).clone()} oninput={text_setter(&entity)} />
                    </label>
                    <datalist id="tl-entities">{ for names.iter().map(|n| html! { <option value={n.clone()} /> }) }</datalist>
                }
            </div>
            if p.reading_whole {
                <p class="tl-note" role="status" aria-busy="true">{ "Reading every point of the set to filter them…" }</p>
            } else if by_period {
                <p class="muted tl-note">{ "Filters and lanes by article or entity read every point of the set first." }</p>
            }
            if let Some(drawing) = axis {
                { zoom_bar(&c, if by_period { html! {} } else { html! {
                    <label class="tl-lanes">{ "Lanes " }
                        <select id="tl-lanes" onchange={on_lanes}>
                            <option value="packed" selected={*lanes == LaneBy::Packed}>{ "one row" }</option>
                            <option value="article" selected={*lanes == LaneBy::Article}>{ "by article" }</option>
                            <option value="entity" selected={*lanes == LaneBy::Entity}>{ "by entity" }</option>
                        </select>
                    </label>
                } }) }
                { drawing }
            }
            { counted }
            if let Some(why) = failed {
                <p role="alert">{ format!("Part of the timeline could not be read: {why}.") }</p>
                <button type="button" onclick={again}>{ "Try again" }</button>
            }
            <ol class="set-list">{ list }</ol>
        </main>
    }
}

/// The whole set timeline's points for the filters and the window: those
/// kept, and those of these in view (both in row order).
struct WholePoints {
    filtered: Vec<usize>,
    shown: Vec<usize>,
}

fn whole_points(
    set: &Set,
    filter: &str,
    kind: Option<EntityKind>,
    article: Option<usize>,
    entity: &str,
    window: Option<(i64, i64)>,
) -> WholePoints {
    // The entity the filter names: one of the set's, by its name.
    let wanted_entity: Option<usize> = {
        let typed = entity.trim();
        (!typed.is_empty()).then(|| {
            set.linking()
                .entities
                .iter()
                .position(|e| e.name.eq_ignore_ascii_case(typed))
                .unwrap_or(usize::MAX)
        })
    };
    let words: Vec<String> = filter
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let linking = set.linking();
    let matches = |r: &TimelineRow| {
        // The row's text only when words are typed: tens of thousands of
        // rows are filtered on every render.
        (words.is_empty() || {
            let text = format!("{} {} {}", r.what, r.title, r.when).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        }) && article.is_none_or(|a| r.article == a)
            && kind.is_none_or(|k| {
                r.entities
                    .iter()
                    .any(|&e| linking.entities.get(e).is_some_and(|x| x.kind == k))
            })
            && wanted_entity.is_none_or(|e| r.entities.contains(&e))
    };
    let filtered: Vec<usize> = (0..set.rows.len())
        .filter(|&i| matches(&set.rows[i]))
        .collect();
    let in_window = |i: &usize| match (window, set.rows[*i].interval) {
        (None, _) => true,
        (Some(w), Some(iv)) => iv.1 > w.0 && iv.0 < w.1,
        (Some(_), None) => false,
    };
    let shown: Vec<usize> = filtered.iter().copied().filter(in_window).collect();
    WholePoints { filtered, shown }
}

/// The entities the set timeline's points name, most named first, not
/// hidden, at most 300 (the entity filter's suggestions).
fn entity_names(set: &Set) -> Vec<String> {
    let mut count = vec![0usize; set.linking().entities.len()];
    for r in &set.rows {
        for &e in &r.entities {
            if let Some(c) = count.get_mut(e) {
                *c += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..count.len()).filter(|&e| count[e] > 0).collect();
    order.sort_by_key(|&e| std::cmp::Reverse(count[e]));
    order
        .into_iter()
        .filter_map(|e| set.linking().entities.get(e))
        .filter(|e| !set.hidden(&e.key))
        .take(300)
        .map(|e| e.name.clone())
        .collect()
}

/// How many points are in view of `total`, and which of them are listed.
fn counts(shown: usize, total: usize, listed: &std::ops::Range<usize>) -> Html {
    html! {
        <>
            if shown != total {
                <p role="status">{ format!("{shown} of {total}") }</p>
            }
            if listed.len() < shown {
                <p class="muted" data-testid="tl-listed">{ format!("Listed: {} to {} of these {shown}; zoom in or filter to list others.", listed.start + 1, listed.end) }</p>
            }
        </>
    }
}

/// The set timeline's window of days and what moves it: the zoom and pan
/// buttons, keys and wheel over the axis, and the years' form.
struct WindowControls {
    /// The days in view (the whole extent when no window is set).
    view: Option<(i64, i64)>,
    zoomed: bool,
    zoom_in: Callback<MouseEvent>,
    zoom_out: Callback<MouseEvent>,
    earlier: Callback<MouseEvent>,
    later: Callback<MouseEvent>,
    reset: Callback<MouseEvent>,
    onkeydown: Callback<KeyboardEvent>,
    onwheel: Callback<WheelEvent>,
    from_to: Callback<SubmitEvent>,
}

/// The controls of `window` over the days `full`.
fn window_controls(
    window: &UseStateHandle<Option<(i64, i64)>>,
    full: Option<(i64, i64)>,
) -> WindowControls {
    let view = (**window).or(full);
    let go = {
        let window = window.clone();
        move |w: Option<(i64, i64)>| {
            let window = window.clone();
            move || window.set(w.filter(|w| Some(*w) != full))
        }
    };
    let step = |f: &dyn Fn((i64, i64), (i64, i64)) -> (i64, i64)| -> Callback<MouseEvent> {
        let set_to = go(view.zip(full).map(|(v, all)| f(v, all)));
        Callback::from(move |_: MouseEvent| set_to())
    };
    let zoom_in = step(&|v, all| zoom(v, all, 0.5, 0.5));
    let zoom_out = step(&|v, all| zoom(v, all, 2.0, 0.5));
    let earlier = step(&|v, all| pan(v, all, -0.5));
    let later = step(&|v, all| pan(v, all, 0.5));
    let reset = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(None))
    };
    let onkeydown = {
        let window = window.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (Some(v), Some(all)) = (view, full) else {
                return;
            };
            let next = match e.key().as_str() {
                "+" | "=" => zoom(v, all, 0.5, 0.5),
                "-" | "_" => zoom(v, all, 2.0, 0.5),
                "ArrowLeft" => pan(v, all, -0.25),
                "ArrowRight" => pan(v, all, 0.25),
                "0" | "Home" => all,
                _ => return,
            };
            e.prevent_default();
            window.set(Some(next).filter(|w| *w != all));
        })
    };
    let onwheel = {
        let window = window.clone();
        Callback::from(move |e: WheelEvent| {
            let (Some(v), Some(all)) = (view, full) else {
                return;
            };
            let Some(el) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            e.prevent_default();
            let r = el.get_bounding_client_rect();
            let at = if r.width() > 0.0 {
                (f64::from(e.client_x()) - r.left()) / r.width()
            } else {
                0.5
            };
            let factor = if e.delta_y() < 0.0 { 0.8 } else { 1.25 };
            let next = zoom(v, all, factor, at);
            window.set(Some(next).filter(|w| *w != all));
        })
    };
    let from_to = {
        let window = window.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(all) = full else { return };
            let year = |id: &str| {
                value_of(id)
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (-9999..=9999).contains(y))
            };
            let (a, b) = (year("tl-from"), year("tl-to"));
            if a.is_none() && b.is_none() {
                window.set(None);
                return;
            }
            let start = a.map_or(all.0, |y| days_from_civil(y, 1, 1));
            let end = b.map_or(all.1, |y| days_from_civil(y + 1, 1, 1));
            let w = (start.max(all.0), end.min(all.1));
            window.set((w.1 > w.0).then_some(w).filter(|w| *w != all));
        })
    };
    WindowControls {
        view,
        zoomed: window.is_some(),
        zoom_in,
        zoom_out,
        earlier,
        later,
        reset,
        onkeydown,
        onwheel,
        from_to,
    }
}

/// The years' form of the window.
fn range_form(c: &WindowControls) -> Html {
    html! {
        <form class="tl-range" onsubmit={c.from_to.clone()}>
            <label>{ "From " }<input id="tl-from" type="number" inputmode="numeric" placeholder="year" /></label>
            <label>{ "to " }<input id="tl-to" type="number" inputmode="numeric" placeholder="year" /></label>
            <button type="submit">{ "Show" }</button>
        </form>
    }
}

/// The zoom buttons and the window's span, with `more` after them.
fn zoom_bar(c: &WindowControls, more: Html) -> Html {
    let span_label = c
        .view
        .map(|(a, b)| format!("{} – {}", day_label(a), day_label(b - 1)))
        .unwrap_or_default();
    html! {
        <div class="tl-zoom" role="group" aria-label="Zoom">
            <button type="button" aria-label="Zoom out" onclick={c.zoom_out.clone()}>{ "−" }</button>
            <button type="button" aria-label="Zoom in" onclick={c.zoom_in.clone()}>{ "+" }</button>
            <button type="button" aria-label="Earlier" onclick={c.earlier.clone()}>{ "←" }</button>
            <button type="button" aria-label="Later" onclick={c.later.clone()}>{ "→" }</button>
            <button type="button" onclick={c.reset.clone()} disabled={!c.zoomed}>{ "All" }</button>
            <span class="tl-span" data-testid="tl-span">{ span_label }</span>
            { more }
        </div>
    }
}

/// Row `r`, number `i`, of the set timeline in a list (the set timeline's,
/// or an entity's events); `selected` is the row whose mark was chosen.
fn timeline_row(r: &TimelineRow, i: usize, selected: Option<usize>) -> Html {
    let current = selected == Some(i);
    html! {
        <li id={format!("tl-row-{i}")} data-date={r.date.clone()} aria-current={current.then_some("true")}
            class={classes!(r.published.then_some("published"), r.approximate.then_some("approximate"), current.then_some("selected"))}>
            <span class="when">{ r.when.clone() }</span>
            { " " }
            <a href={internal(&r.href)}>{ r.what.clone() }</a>
            <span class="source">{ r.title.clone() }</span>
        </li>
    }
}

/// An input's handler that keeps its text in `state`.
fn text_setter(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            state.set(input.value());
        }
    })
}

/// A day as a reader reads it (`3 May 2021`).
fn day_label(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    date_label(&format!("{y:04}-{m:02}-{d:02}")).unwrap_or_else(|| y.to_string())
}

/// What the marks of an axis stand for: rows of a list, or runs of the
/// set timeline read by period (their rows numbered in the whole timeline,
/// each row's text once its file is read).
enum MarkRows<'a> {
    Rows(&'a [TimelineRow]),
    Runs(&'a TimelineKeys),
}

impl MarkRows<'_> {
    /// The rows mark `m` stands for, as ranges (first, count).
    fn ranges<'m>(&'m self, m: &'m SetMark) -> impl Iterator<Item = (usize, usize)> + 'm {
        let runs = match self {
            MarkRows::Rows(_) => None,
            MarkRows::Runs(keys) => Some(&keys.runs),
        };
        m.rows.iter().filter_map(move |&r| match runs {
            None => Some((r, 1)),
            Some(runs) => runs.get(r).map(|run| (run.first, run.count)),
        })
    }

    fn count(&self, m: &SetMark) -> usize {
        self.ranges(m).map(|r| r.1).sum()
    }

    /// Its first row (which choosing the mark selects).
    fn first(&self, m: &SetMark) -> usize {
        self.ranges(m).next().map_or(0, |r| r.0)
    }

    fn holds(&self, m: &SetMark, row: usize) -> bool {
        self.ranges(m)
            .any(|(first, count)| (first..first + count).contains(&row))
    }

    /// The mark's title: its point, or how many and when.
    fn tip(&self, m: &SetMark) -> String {
        let n = self.count(m);
        let said = |r: &TimelineRow| match n {
            1 => format!("{}: {}", r.when, r.what),
            n => format!("{} on {}", plural(n, "point", "points"), r.when),
        };
        let first = self.first(m);
        let (said, start) = match self {
            MarkRows::Rows(rows) => (rows.get(first).map(said), None),
            MarkRows::Runs(keys) => (
                crate::period::with_row(keys, first, said),
                m.rows
                    .first()
                    .and_then(|&k| keys.runs.get(k)?.interval)
                    .map(|iv| day_label(iv.0)),
            ),
        };
        said.unwrap_or_else(|| {
            format!(
                "{} from {}",
                plural(n, "point", "points"),
                start.unwrap_or_default()
            )
        })
    }
}

/// The drawing of the set timeline's axis: ticks, lanes (named when they
/// are by article or entity) and marks; a mark selects its first row in the
/// list below. The list is the accessible view; the drawing is an image of
/// it that the keys and the wheel zoom and move. Only its first `limit`
/// marks are made, and the one holding the chosen row: the others come in
/// later steps.
fn set_axis_html(
    g: &SetAxis,
    rows: &MarkRows,
    selected: &UseStateHandle<Option<usize>>,
    zoom: Option<(Callback<KeyboardEvent>, Callback<WheelEvent>)>,
    limit: usize,
) -> Html {
    let zoomable = zoom.is_some();
    let (onkeydown, onwheel) = zoom.unzip();
    const LANE: f64 = 26.0;
    const TOP: f64 = 4.0;
    let named = g.lanes.iter().any(|n| !n.is_empty());
    let lane_h = if named { LANE } else { 14.0 };
    let base = TOP + g.lanes.len().max(1) as f64 * lane_h + 4.0;
    let every = g.axis.ticks.len().div_ceil(6).max(1);
    html! {
        <svg class="axis set-axis" width="100%" height={fixed(base + 20.0, 0)} tabindex={zoomable.then_some("0")} role="img"
            aria-label={if zoomable { "Time axis: + and − zoom, the arrow keys move earlier and later, 0 shows all" } else { "Time axis of the events listed below" }}
            {onkeydown} {onwheel}>
            { for g.lanes.iter().enumerate().filter(|(_, n)| !n.is_empty()).map(|(l, n)| html! {
                <text class="lane-name" x="0" y={fixed(TOP + l as f64 * lane_h + 9.0, 0)}>{ n.clone() }</text>
            }) }
            <line class="base" x1="0" x2="100%" y1={fixed(base, 0)} y2={fixed(base, 0)} />
            { for g.axis.ticks.iter().enumerate().map(|(k, t)| {
                let x = percent(t.at);
                let anchor = if t.at < 0.08 { "start" } else if t.at > 0.92 { "end" } else { "middle" };
                html! {
                    <g class={classes!("tick", (k % every != 0).then_some("minor"))}>
                        <line x1={x.clone()} x2={x.clone()} y1={fixed(base - 3.0, 0)} y2={fixed(base + 4.0, 0)} />
                        if k % every == 0 {
                            <text x={x} y={fixed(base + 16.0, 0)} text-anchor={anchor}>{ t.label.clone() }</text>
                        }
                    </g>
                }
            }) }
            { for g.marks.iter().enumerate().filter(|(k, m)| *k < limit || (*selected).is_some_and(|s| rows.holds(m, s))).map(|(_, m)| {
                let y = TOP + m.lane as f64 * lane_h + if named { 12.0 } else { 0.0 };
                let first = rows.first(m);
                let pick = {
                    let selected = selected.clone();
                    Callback::from(move |_: MouseEvent| {
                        selected.set(Some(first));
                        if let Some(el) = dom::document().and_then(|d| d.get_element_by_id(&format!("tl-row-{first}"))) {
                            dom::scroll_to(&el, true);
                        }
                    })
                };
                let tip = rows.tip(m);
                let class = classes!("mark", m.bar.then_some("bar"), m.published.then_some("published-mark"), m.approximate.then_some("approximate"), (rows.count(m) > 1).then_some("group"), (*selected).is_some_and(|s| rows.holds(m, s)).then_some("selected"));
                if m.bar {
                    html! { <rect {class} x={percent(m.left)} y={fixed(y, 0)} width={percent(m.width)} height="8" rx="2" onclick={pick}><title>{ tip }</title></rect> }
                } else {
                    let r = if m.rows.len() > 1 { "6" } else { "4" };
                    html! { <circle {class} cx={percent(m.left)} cy={fixed(y + 4.0, 0)} {r} onclick={pick}><title>{ tip }</title></circle> }
                }
            }) }
        </svg>
    }
}

#[derive(Properties)]
struct EntityProps {
    set: Rc<Set>,
    /// The entity's key, as the route names it.
    name: String,
    corrections: Corrections,
}

impl PartialEq for EntityProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.set, &other.set)
            && self.name == other.name
            && self.corrections == other.corrections
    }
}

#[function_component(EntityPage)]
fn entity_page(p: &EntityProps) -> Html {
    let set = &p.set;
    let key = set.corrected.resolve(&p.name).to_string();
    let index = set.linking().entities.iter().position(|x| x.key == key);
    let view = use_memo((Ptr::from(set), key.clone()), |(set, _)| {
        let index = index?;
        let page = set.entities.pages.get(index)?;
        let slugs: Vec<&str> = set.base.slugs.iter().map(String::as_str).collect();
        Some(Rc::new(entity_view(
            set.articles(),
            &slugs,
            set.linking(),
            index,
            page,
            &set.rows,
            &|k| set.hidden(k),
            WITH_SHOWN,
        )))
    });
    let (Some(e), Some(view)) = (
        index.and_then(|i| set.linking().entities.get(i)),
        (*view).clone(),
    ) else {
        return not_in_set(&p.name);
    };
    let hidden = set.hidden(&key);
    html! {
        <EntityShown {view} name={p.name.clone()} {hidden}
            correct={html! { <Correct set={Some(Rc::clone(set))} entity={key.clone()} name={e.name.clone()} kind={e.kind} {hidden} corrections={p.corrections.clone()} whole={Callback::noop()} /> }} />
    }
}

/// The page of a key no entity of the set has.
fn not_in_set(name: &str) -> Html {
    html! {
        <main class="set-page" aria-label="Entity">
            { crumbs() }
            <h1>{ "Not in this set" }</h1>
            <p>{ format!("No entity of this set has the key “{name}”.") }</p>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ShownProps {
    view: Rc<EntityView>,
    /// The key the route names (another when it was merged).
    name: String,
    hidden: bool,
    /// The section to correct it.
    correct: Html,
}

/// An entity's page, from its view: built in the page from the whole set,
/// or read from the build's entity shard.
#[function_component(EntityShown)]
fn entity_shown(p: &ShownProps) -> Html {
    let selected = use_state(|| None::<usize>);
    let e = &p.view;
    // Its dated events on an axis of their own.
    let axis = extent(&e.events).and_then(|w| {
        let all: Vec<usize> = (0..e.events.len()).collect();
        set_axis(
            &e.events,
            &all,
            w,
            LaneBy::Packed,
            &|_| String::new(),
            &|_| String::new(),
        )
    });
    html! {
        <main class={classes!("set-page", "entity-page", p.hidden.then_some("hidden"))} aria-label="Entity" data-key={e.key.clone()} data-type={e.kind.as_str()}>
            { crumbs() }
            <h1>{ e.name.clone() }</h1>
            <p class="kind">{ format!("{} · named in {} · {}", kind_singular(e.kind), plural(e.named, "article", "articles"), plural(e.mentions, "mention", "mentions")) }</p>
            if e.key != p.name {
                <p class="muted">{ format!("“{}” was merged into this entity.", p.name) }</p>
            }
            if p.hidden {
                <p role="status" class="hidden-note">{ "You hid this entity: it is left out of the lists and of search. Undo it below." }</p>
            }
            if !e.aliases.is_empty() {
                <p><span class="muted">{ "Also: " }</span>{ e.aliases.join(", ") }</p>
            }
            <section aria-labelledby="named-in">
                <h2 id="named-in">{ "Articles that name it" }</h2>
                if e.named > e.articles.len() {
                    <p class="muted">{ format!("The newest {} of {}; search lists them all.", e.articles.len(), e.named) }</p>
                }
                <ol class="set-list">
                    { for e.articles.iter().map(|n| html! {
                        <li>
                            <a href={internal(&n.href)}>{ n.title.clone() }</a>
                            <span class="sub">{ format!("{} · {}", n.date, plural(n.mentions, "mention", "mentions")) }</span>
                        </li>
                    }) }
                </ol>
            </section>
            <section aria-labelledby="mentions">
                <h2 id="mentions">{ "Mentions" }</h2>
                if e.listed > MENTIONS_SHOWN {
                    <p class="muted">{ format!("The first {MENTIONS_SHOWN} of {}.", e.listed) }</p>
                }
                { for e.shown.iter().map(|g| html! {
                    <>
                        <h3 class="list-title">{ g.title.clone() }</h3>
                        <ol class="set-list">
                            { for g.passages.iter().map(|(href, parts)| html! {
                                <li><a class="snippet" href={internal(href)}>{ segments_html(parts) }</a></li>
                            }) }
                        </ol>
                    </>
                }) }
            </section>
            if !e.with.is_empty() {
                <section aria-labelledby="with">
                    <h2 id="with">{ "Named with" }</h2>
                    <ul class="with">
                        { for e.with.iter().take(WITH_SHOWN).map(|(key, name, n)| html! {
                            <li><a href={Route::Entity { key: key.clone() }.to_hash()}>{ name.clone() }</a>
                                <span class="muted">{ format!(" {n}") }</span></li>
                        }) }
                    </ul>
                </section>
            }
            if !e.events.is_empty() {
                <section aria-labelledby="events">
                    <h2 id="events">{ "Dated events" }</h2>
                    if e.dated > e.events.len() {
                        <p class="muted">{ format!("The first {} of {}; the set's timeline has them all.", e.events.len(), e.dated) }</p>
                    }
                    if let Some(g) = &axis {
                        { set_axis_html(g, &MarkRows::Rows(&e.events), &selected, None, usize::MAX) }
                    }
                    <ol class="set-list">
                        { for e.events.iter().enumerate().map(|(i, r)| timeline_row(r, i, *selected)) }
                    </ol>
                </section>
            }
            { p.correct.clone() }
        </main>
    }
}

/// Whether entity `i` of the corrected linking shows in lists (not hidden).
fn shown(set: &Set, i: usize) -> bool {
    set.linking()
        .entities
        .get(i)
        .is_some_and(|e| !set.hidden(&e.key))
}

#[derive(Properties)]
struct CorrectProps {
    /// The whole set, once read: merging and splitting need it.
    set: Option<Rc<Set>>,
    /// The entity's key, and its name and type as corrected.
    entity: String,
    name: String,
    kind: EntityKind,
    hidden: bool,
    corrections: Corrections,
    /// Asks for the whole set (from a page read from its shard).
    whole: Callback<()>,
}

impl PartialEq for CorrectProps {
    fn eq(&self, other: &Self) -> bool {
        let same_set = match (&self.set, &other.set) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_set
            && self.entity == other.entity
            && self.name == other.name
            && self.kind == other.kind
            && self.hidden == other.hidden
            && self.corrections == other.corrections
            && self.whole == other.whole
    }
}

fn value_of(id: &str) -> String {
    let Some(el) = dom::document().and_then(|d| d.get_element_by_id(id)) else {
        return String::new();
    };
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The reader's corrections of one entity: rename, change the type, hide,
/// merge into another, split a name off; and the corrections made to it,
/// each with Undo. Renaming, retyping and hiding need only the entity's
/// key (a page read from its shard takes them as they are); merging and
/// splitting move articles between entities, so they read the whole set
/// first.
#[function_component(Correct)]
fn correct(p: &CorrectProps) -> Html {
    let problem = use_state(|| None::<String>);
    let key = p.entity.clone();
    let Ok(list) = p.corrections.list.as_ref() else {
        return html! {};
    };
    let add = |c: Correction| {
        let edit = p.corrections.edit.clone();
        let problem = problem.clone();
        move || {
            problem.set(None);
            edit.emit(Edit::Add(c.clone()));
        }
    };
    let rename = {
        let (key, edit, problem) = (key.clone(), p.corrections.edit.clone(), problem.clone());
        let old = p.name.clone();
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let name = value_of("correct-name").trim().to_string();
            if name.is_empty() || name == old {
                problem.set(Some("Type the new name first.".into()));
                return;
            }
            problem.set(None);
            edit.emit(Edit::Add(Correction::Rename {
                key: key.clone(),
                name,
            }));
        })
    };
    let retype = {
        let (key, edit) = (key.clone(), p.corrections.edit.clone());
        let now = p.kind;
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(kind) = EntityKind::parse(&value_of("correct-type")).filter(|k| *k != now) {
                edit.emit(Edit::Add(Correction::Retype {
                    key: key.clone(),
                    kind,
                }));
            }
        })
    };
    let moving = match &p.set {
        Some(set) => merge_and_split(set, &key, &p.corrections, &problem),
        None => {
            let whole = p.whole.reform(|_: MouseEvent| ());
            html! {
                <p class="split">
                    <button type="button" onclick={whole}>{ "Merge or split it" }</button>
                    <span class="muted">{ " (reads every article of the set first)" }</span>
                </p>
            }
        }
    };
    // Its corrections: those made to it, or (the whole set read) merged
    // into it.
    let mine: Vec<(usize, &Correction)> = list
        .iter()
        .enumerate()
        .filter(|(_, c)| match &p.set {
            Some(set) => {
                set.corrected.resolve(c.key()) == key
                    || matches!(c, Correction::Merge { into, .. } if set.corrected.resolve(into) == key)
            }
            None => c.key() == key,
        })
        .collect();
    let name_of = |k: &str| match &p.set {
        Some(set) => set.name_of(k),
        None if k == key => p.name.clone(),
        None => k.to_string(),
    };
    html! {
        <section class="correct" aria-labelledby="correct-title">
            <h2 id="correct-title">{ "Correct it" }</h2>
            <p class="muted">{ "Corrections are kept on this device and apply to every article of the set." }</p>
            if let Some(why) = &*problem {
                <p role="alert" class="problem">{ why.clone() }</p>
            }
            <form onsubmit={rename}>
                <label for="correct-name">{ "Name" }</label>
                <input id="correct-name" type="text" value={p.name.clone()} />
                <button type="submit">{ "Rename" }</button>
            </form>
            <form onsubmit={retype}>
                <label for="correct-type">{ "Type" }</label>
                <select id="correct-type">
                    { for EntityKind::ALL.iter().map(|k| html! {
                        <option value={k.as_str()} selected={*k == p.kind}>{ kind_singular(*k) }</option>
                    }) }
                </select>
                <button type="submit">{ "Change type" }</button>
            </form>
            { moving }
            if !p.hidden {
                <p>
                    <button type="button" onclick={{ let hide = add(Correction::Hide { key: key.clone() }); Callback::from(move |_: MouseEvent| hide()) }}>
                        { "Hide: not an entity" }
                    </button>
                </p>
            }
            if !mine.is_empty() {
                <h3 class="list-title">{ "Your corrections" }</h3>
                <ul class="corrections">
                    { for mine.iter().map(|(i, c)| {
                        let undo = p.corrections.edit.reform({ let i = *i; move |_: MouseEvent| Edit::Remove(vec![i]) });
                        html! {
                            <li>
                                { c.describe(name_of) }
                                { " " }
                                <button type="button" class="link" onclick={undo}>{ "Undo" }</button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// The forms that merge entity `key` into another of the whole `set` and
/// split a name off it.
fn merge_and_split(
    set: &Rc<Set>,
    key: &str,
    corrections: &Corrections,
    problem: &UseStateHandle<Option<String>>,
) -> Html {
    let Some(e) = set.linking().entities.iter().find(|e| e.key == key) else {
        return html! {};
    };
    let merge = {
        let (key, edit, problem) = (key.to_string(), corrections.edit.clone(), problem.clone());
        let set = Rc::clone(set);
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            let typed = value_of("correct-merge").trim().to_string();
            let target = set
                .linking()
                .entities
                .iter()
                .filter(|x| x.key != key)
                .find(|x| x.name == typed || x.key == typed)
                .or_else(|| {
                    set.linking()
                        .entities
                        .iter()
                        .filter(|x| x.key != key)
                        .find(|x| x.name.eq_ignore_ascii_case(&typed))
                });
            match target {
                Some(t) => {
                    problem.set(None);
                    edit.emit(Edit::Add(Correction::Merge {
                        key: key.clone(),
                        into: t.key.clone(),
                    }));
                }
                None => problem.set(Some(format!(
                    "No other entity of this set is called “{typed}”: choose one from the list."
                ))),
            }
        })
    };
    // The names the articles call it by in full, with how many articles:
    // each can be split off while another remains.
    let mut names: Vec<(String, usize)> = Vec::new();
    for (a, k) in &e.members {
        if let Some(x) = set
            .articles()
            .get(*a)
            .and_then(|(_, an)| an.entities.get(*k))
        {
            match names
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(&x.name))
            {
                Some((_, c)) => *c += 1,
                None => names.push((x.name.clone(), 1)),
            }
        }
    }
    html! {
        <>
            <form onsubmit={merge}>
                <label for="correct-merge">{ "The same as" }</label>
                <input id="correct-merge" type="text" list="correct-others" placeholder="another entity's name" />
                <datalist id="correct-others">
                    { for set.linking().entities.iter().filter(|x| x.key != key).map(|x| html! { <option value={x.name.clone()} /> }) }
                </datalist>
                <button type="submit">{ "Merge" }</button>
            </form>
            if names.len() > 1 {
                <p class="split">
                    <span class="muted">{ "Another entity where an article calls it only " }</span>
                    { for names.iter().map(|(n, c)| {
                        let (edit, problem) = (corrections.edit.clone(), problem.clone());
                        let split = Correction::Split { key: key.to_string(), name: n.clone() };
                        html! {
                            <button type="button" onclick={Callback::from(move |_: MouseEvent| { problem.set(None); edit.emit(Edit::Add(split.clone())); })}>
                                { format!("“{n}” ({})", plural(*c, "article", "articles")) }
                            </button>
                        }
                    }) }
                </p>
            }
        </>
    }
}

#[derive(Properties)]
struct SearchProps {
    set: Rc<Set>,
    query: String,
}

impl PartialEq for SearchProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.set, &other.set) && self.query == other.query
    }
}

/// The link to a sentence of article `a`: `#/a/<slug>/s/<n>`, or the
/// article's own when the span is no sentence of its analysis.
fn sentence_link(set: &Set, a: usize, sentence: Span) -> String {
    let n = set
        .articles()
        .get(a)
        .and_then(|(_, analysis)| analysis.sentence_index(sentence));
    Route::Article {
        slug: set.slug(a).to_string(),
        entity: None,
        event: None,
        mention: None,
        sentence: n,
    }
    .to_hash()
}

/// The search box of both searches: the query (the route's, again when
/// Back and Forward bring another), the box (focused once shown), and its
/// input handler, which writes the query to the URL as one types without a
/// history entry for each letter.
#[hook]
fn use_search_box(route_query: &str) -> (UseStateHandle<String>, NodeRef, Callback<InputEvent>) {
    let query = use_state(|| route_query.to_string());
    {
        let query = query.clone();
        use_effect_with(route_query.to_string(), move |q| query.set(q.clone()));
    }
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                let q = el.value();
                dom::set_location(&Route::Search { query: q.clone() }.to_hash(), None, false);
                query.set(q);
            }
        })
    };
    (query, input, oninput)
}

#[function_component(Search)]
fn search(p: &SearchProps) -> Html {
    let (query, input, oninput) = use_search_box(&p.query);
    let kind = use_state(|| None::<EntityKind>);
    let from = use_state(|| None::<i32>);
    let to = use_state(|| None::<i32>);
    let sort = use_state(String::new);
    let section = use_state(String::new);
    let entity = use_state(String::new);
    let set = &p.set;
    let hits = {
        let q = (*query).clone();
        use_memo((q, Ptr::from(set)), move |(q, set)| {
            if q.trim().is_empty() {
                Vec::new()
            } else {
                set.search.search(set.articles(), q, RESULTS_SHOWN)
            }
        })
    };
    let year_input = |state: &UseStateHandle<Option<i32>>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value().trim().parse().ok());
            }
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |_: Event| kind.set(EntityKind::parse(&value_of("search-kind"))))
    };
    let select = |state: &UseStateHandle<String>, id: &'static str| {
        let state = state.clone();
        Callback::from(move |_: Event| state.set(value_of(id)))
    };
    let year_of = |a: usize| -> Option<i32> { set.date(a)?.get(..4)?.parse().ok() };
    let linking = set.linking();
    // The articles of the entity the filter names (by its name).
    let of_entity: Option<Vec<usize>> = {
        let typed = entity.trim();
        (!typed.is_empty()).then(|| {
            linking
                .entities
                .iter()
                .position(|e| e.name.eq_ignore_ascii_case(typed))
                .and_then(|i| set.entities.pages.get(i))
                .map(|p| p.articles.iter().map(|n| n.article).collect())
                .unwrap_or_default()
        })
    };
    let keep = |a: usize| {
        let y = year_of(a);
        (from.is_none() || y.zip(*from).is_some_and(|(y, f)| y >= f))
            && (to.is_none() || y.zip(*to).is_some_and(|(y, t)| y <= t))
            && (section.is_empty()
                || set
                    .articles()
                    .get(a)
                    .and_then(|(x, _)| x.meta.section.as_deref())
                    == Some(section.as_str()))
            && of_entity.as_ref().is_none_or(|list| list.contains(&a))
    };
    // With a query, its hits; without, every article (the set to browse).
    let browsing = query.trim().is_empty();
    let mut found: Vec<(usize, Option<&dossier_core::set::Hit>)> = if browsing {
        (0..set.len()).map(|a| (a, None)).collect()
    } else {
        hits.iter().map(|h| (h.article, Some(h))).collect()
    };
    found.retain(|(a, h)| {
        keep(*a)
            && kind.is_none_or(|k| {
                h.is_some_and(|h| {
                    h.entities
                        .iter()
                        .any(|&e| linking.entities.get(e).is_some_and(|x| x.kind == k))
                })
            })
    });
    let total = if browsing { set.len() } else { hits.len() };
    match sort.as_str() {
        "newest" | "" if browsing || sort.as_str() == "newest" => {
            found.sort_by(|x, y| set.date(y.0).cmp(&set.date(x.0)))
        }
        "oldest" => found.sort_by(|x, y| {
            // Undated last.
            (set.date(x.0).is_none(), set.date(x.0)).cmp(&(set.date(y.0).is_none(), set.date(y.0)))
        }),
        "title" => found.sort_by(|x, y| {
            set.title(x.0)
                .to_lowercase()
                .cmp(&set.title(y.0).to_lowercase())
        }),
        _ => {}
    }
    let sections: Vec<String> = {
        let mut v: Vec<String> = set
            .articles()
            .iter()
            .filter_map(|(a, _)| a.meta.section.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let named: Vec<usize> = {
        let mut v: Vec<usize> = hits
            .iter()
            .flat_map(|h| h.entities.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    html! {
        <main class="set-page search-page" aria-label="Search">
            { crumbs() }
            <h1>{ "Search" }</h1>
            <input ref={input} type="search" class="search-box" aria-label="Search the articles" placeholder={"Words, \"a phrase\", a prefix*, a name"} value={(*query).clone()} {oninput} />
            if !named.is_empty() {
                <p class="named">
                    <span class="muted">{ "Named: " }</span>
                    { for named.iter().filter(|&&i| shown(set, i)).filter_map(|&i| set.linking().entities.get(i)).map(|e| html! {
                        <><a href={Route::Entity { key: e.key.clone() }.to_hash()}>{ format!("{} ({})", e.name, kind_singular(e.kind).to_lowercase()) }</a>{ " " }</>
                    }) }
                </p>
            }
            <div class="tl-filters">
                if !named.is_empty() {
                    <label>{ "Named as " }
                        <select id="search-kind" onchange={on_kind}>
                            <option value="" selected={kind.is_none()}>{ "any type" }</option>
                            { for EntityKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={*kind == Some(*k)}>{ kind_singular(*k) }</option> }) }
                        </select>
                    </label>
                }
                <label>{ "Published from " }<input id="search-from" type="number" inputmode="numeric" placeholder="year" oninput={year_input(&from)} /></label>
                <label>{ "to " }<input id="search-to" type="number" inputmode="numeric" placeholder="year" oninput={year_input(&to)} /></label>
                if !sections.is_empty() {
                    <label>{ "Section " }
                        <select id="search-section" onchange={select(&section, "search-section")}>
                            <option value="" selected={section.is_empty()}>{ "all" }</option>
                            { for sections.iter().map(|s| html! { <option value={s.clone()} selected={*section == *s}>{ s.clone() }</option> }) }
                        </select>
                    </label>
                }
                <label>{ "Naming " }
                    <input id="search-entity" type="text" list="search-entities" placeholder="a name" value={(*entity).clone()} oninput={text_setter(&entity)} />
                </label>
                <datalist id="search-entities">
                    { for linking.entities.iter().filter(|e| !set.hidden(&e.key)).take(500).map(|e| html! { <option value={e.name.clone()} /> }) }
                </datalist>
                <label>{ "Sort " }
                    <select id="search-sort" onchange={select(&sort, "search-sort")}>
                        if !browsing {
                            <option value="" selected={sort.is_empty()}>{ "best match" }</option>
                        }
                        <option value="newest" selected={*sort == "newest" || (browsing && sort.is_empty())}>{ "newest first" }</option>
                        <option value="oldest" selected={*sort == "oldest"}>{ "oldest first" }</option>
                        <option value="title" selected={*sort == "title"}>{ "by title" }</option>
                    </select>
                </label>
            </div>
            <section aria-label="Search results" data-answered={(*query).clone()}>
                <p role="status" class="muted">{
                    if found.is_empty() { "No article matches.".to_string() }
                    else if found.len() < total { format!("{} of {}", found.len(), plural(total, "article", "articles")) }
                    else if browsing { format!("All {}: type to search them.", plural(total, "article", "articles")) }
                    else { plural(total, "article", "articles") }
                }</p>
                <ol class="set-list">
                    { for found.iter().map(|&(a, h)| html! {
                        <li>
                            <a href={Route::Article { slug: set.slug(a).to_string(), entity: None, event: None, mention: None, sentence: None }.to_hash()}>{ set.title(a).to_string() }</a>
                            <span class="sub">{
                                match set.articles().get(a).and_then(|(x, _)| x.meta.section.clone()) {
                                    Some(s) => format!("{} · {s}", set.date(a).and_then(date_label).unwrap_or_else(|| "undated".into())),
                                    None => set.date(a).and_then(date_label).unwrap_or_else(|| "undated".into()),
                                }
                            }</span>
                            { for h.into_iter().flat_map(|h| h.snippets.iter().take(2)).map(|s| html! {
                                <a class="snippet" href={sentence_link(set, a, s.sentence)}>{ passage_html(set, a, s.sentence, &s.marks) }</a>
                            }) }
                        </li>
                    }) }
                </ol>
            </section>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct ShardSearchProps {
    query: String,
    /// The reader's corrections (renames, types and hiding: see
    /// `crate::found::usable`).
    corrections: Rc<Result<Vec<Correction>, String>>,
}

/// Search on a split set, answered from the search shards
/// (`crate::found`): the same box, filters, sorts, results and snippets as
/// [`Search`], ten results at a time, reading only the articles shown.
#[function_component(ShardSearch)]
fn shard_search(p: &ShardSearchProps) -> Html {
    let (query, input, oninput) = use_search_box(&p.query);
    let how = use_state(crate::found::Arrange::default);
    // How many results "More results" asked for, and for which query and
    // filters: others start from the first results again.
    let asked_more = use_state(|| {
        (
            String::new(),
            crate::found::Arrange::default(),
            SHARD_RESULTS,
        )
    });
    let shown = if asked_more.0 == *query && asked_more.1 == *how {
        asked_more.2
    } else {
        SHARD_RESULTS
    };
    // Asking again after a failure (a file of the index could not be read).
    let attempt = use_state(|| 0u32);
    // The answer to the latest query asked (an older one arriving late is
    // dropped).
    type Asked = (String, crate::found::Arrange, usize);
    let answer = use_state(|| None::<(Asked, Rc<Result<crate::found::Answer, String>>)>);
    let latest = use_mut_ref(|| None::<Asked>);
    // The sections, once the articles' dates and sections are read (after
    // the first answer, or when sorting or filtering needs them).
    let sections = use_state(|| crate::found::facets_at_hand().map(|f| f.sections.clone()));
    {
        let answer = answer.clone();
        let latest = latest.clone();
        let sections = sections.clone();
        let asked: Asked = ((*query).clone(), (*how).clone(), shown);
        let corrections = Rc::clone(&p.corrections);
        use_effect_with(
            (asked, *attempt, corrections),
            move |(asked, _, corrections)| {
                let asked = asked.clone();
                let overrides = match corrections.as_ref() {
                    Ok(list) => Overrides::of(list),
                    Err(_) => Overrides::default(),
                };
                *latest.borrow_mut() = Some(asked.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    // The results as soon as they are ranked, their snippets
                    // once their articles are read.
                    let listed = {
                        let (answer, latest, asked) =
                            (answer.clone(), latest.clone(), asked.clone());
                        move |first| {
                            if latest.borrow().as_ref() == Some(&asked) {
                                answer.set(Some((asked.clone(), Rc::new(Ok(first)))));
                            }
                        }
                    };
                    let found =
                        crate::found::search(&asked.0, asked.2, &asked.1, &overrides, listed).await;
                    if latest.borrow().as_ref() == Some(&asked) {
                        answer.set(Some((asked, Rc::new(found))));
                    }
                    if sections.is_none() {
                        if let Ok(f) = crate::found::facets().await {
                            sections.set(Some(f.sections.clone()));
                        }
                    }
                });
            },
        );
    }
    let more = {
        let (asked_more, q, h) = (asked_more.clone(), (*query).clone(), (*how).clone());
        Callback::from(move |_: MouseEvent| {
            asked_more.set((q.clone(), h.clone(), shown + SHARD_RESULTS))
        })
    };
    let browsing = query.trim().is_empty();
    // The answer to the query and filters in the box (perhaps with fewer
    // results than asked for since).
    let current = answer
        .as_ref()
        .filter(|((q, h, _), _)| *q == *query && *h == *how)
        .map(|((_, _, n), a)| (*n, Rc::clone(a)));
    // Until the results of the query typed have their snippets.
    let busy = current
        .as_ref()
        .is_none_or(|(n, a)| *n < shown || a.as_ref().as_ref().is_ok_and(|a| !a.complete));
    // The results of the query typed are all shown (not an error).
    let answered = current
        .as_ref()
        .is_some_and(|(n, a)| *n == shown && a.as_ref().as_ref().is_ok_and(|a| a.complete));
    let status = |text: String| html! { <p role="status" class="muted">{ text }</p> };
    let sorted = !how.sort.is_empty() || browsing;
    let results = match &current {
        None => html! { <p role="status" class="muted" aria-busy="true">{ "Searching…" }</p> },
        Some((_, answer)) => match answer.as_ref() {
            Err(why) => {
                let again = {
                    let attempt = attempt.clone();
                    Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
                };
                html! {
                    <>
                        <p role="alert">{ format!("The search could not be answered: {why}.") }</p>
                        <button type="button" onclick={again}>{ "Try again" }</button>
                    </>
                }
            }
            Ok(a) => {
                let count = plural(a.total, "article", "articles");
                let filtered = if a.total < a.unfiltered {
                    format!(" ({} before the filters)", a.unfiltered)
                } else {
                    String::new()
                };
                html! {
                    <>
                        { status(if a.hits.is_empty() { "No article matches.".to_string() }
                            else if a.unchecked { format!("{} found; up to {} may hold the phrase{filtered}", a.hits.len(), a.total) }
                            else if a.hits.len() < a.total { format!("{} {} of {count}{filtered}", if sorted { "The first" } else { "The best" }, a.hits.len()) }
                            else if browsing { format!("All {count}{filtered}: type to search them.") }
                            else { format!("{count}{filtered}") }) }
                        <ol class="set-list">
                            { for a.hits.iter().map(|h| {
                                let meta = &h.row.meta;
                                let date = meta.date.as_deref().and_then(date_label).unwrap_or_else(|| "undated".into());
                                let slug = &h.row.slug;
                                html! {
                                    <li>
                                        <a href={Route::Article { slug: slug.clone(), entity: None, event: None, mention: None, sentence: None }.to_hash()}>{ meta.title.clone() }</a>
                                        <span class="sub">{ match &meta.section { Some(s) => format!("{date} · {s}"), None => date } }</span>
                                        { for h.text.iter().flat_map(|t| {
                                            let parts = t.article.parts();
                                            t.snippets.iter().take(2).map(move |s| html! {
                                                <a class="snippet" href={Route::Article { slug: slug.clone(), entity: None, event: None, mention: None, sentence: t.analysis.sentence_index(s.sentence) }.to_hash()}>{ segments_html(&passage(&parts, s.sentence, &s.marks)) }</a>
                                            }).collect::<Vec<Html>>()
                                        }) }
                                    </li>
                                }
                            }) }
                        </ol>
                        if a.hits.len() < a.total && a.hits.len() >= shown {
                            <button type="button" onclick={more}>{ "More results" }</button>
                        }
                    </>
                }
            }
        },
    };
    let named: Vec<Named> = current
        .as_ref()
        .and_then(|(_, a)| a.as_ref().as_ref().ok().map(|a| a.named.clone()))
        .unwrap_or_default();
    // The filters and the sort, each setting its part of `how`.
    let set_how = |f: fn(&mut crate::found::Arrange, String)| {
        let how = how.clone();
        move |value: String| {
            let mut next = (*how).clone();
            f(&mut next, value);
            how.set(next);
        }
    };
    let on_input = |f: fn(&mut crate::found::Arrange, String)| {
        let set = set_how(f);
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                set(input.value());
            }
        })
    };
    let on_select = |f: fn(&mut crate::found::Arrange, String), id: &'static str| {
        let set = set_how(f);
        Callback::from(move |_: Event| set(value_of(id)))
    };
    html! {
        <main class="set-page search-page" aria-label="Search">
            { crumbs() }
            <h1>{ "Search" }</h1>
            <input ref={input} type="search" class="search-box" aria-label="Search the articles" placeholder={"Words, \"a phrase\", a prefix*, a name"} value={(*query).clone()} {oninput} />
            if !named.is_empty() {
                <p class="named">
                    <span class="muted">{ "Named: " }</span>
                    { for named.iter().map(|e| html! {
                        <><a href={Route::Entity { key: e.key.clone() }.to_hash()}>{ format!("{} ({})", e.name, kind_singular(e.kind).to_lowercase()) }</a>{ " " }</>
                    }) }
                </p>
            }
            <div class="tl-filters">
                if !named.is_empty() {
                    <label>{ "Named as " }
                        <select id="search-kind" onchange={on_select(|h, v| h.kind = EntityKind::parse(&v), "search-kind")}>
                            <option value="" selected={how.kind.is_none()}>{ "any type" }</option>
                            { for EntityKind::ALL.iter().map(|k| html! { <option value={k.as_str()} selected={how.kind == Some(*k)}>{ kind_singular(*k) }</option> }) }
                        </select>
                    </label>
                }
                <label>{ "Published from " }<input id="search-from" type="number" inputmode="numeric" placeholder="year" oninput={on_input(|h, v| h.from = v.trim().parse().ok())} /></label>
                <label>{ "to " }<input id="search-to" type="number" inputmode="numeric" placeholder="year" oninput={on_input(|h, v| h.to = v.trim().parse().ok())} /></label>
                if let Some(list) = sections.as_ref().filter(|l| !l.is_empty()) {
                    <label>{ "Section " }
                        <select id="search-section" onchange={on_select(|h, v| h.section = v, "search-section")}>
                            <option value="" selected={how.section.is_empty()}>{ "all" }</option>
                            { for list.iter().map(|s| html! { <option value={s.clone()} selected={how.section == *s}>{ s.clone() }</option> }) }
                        </select>
                    </label>
                }
                <label>{ "Naming " }
                    <input id="search-entity" type="text" list="search-entities" placeholder="a name" value={how.naming.clone()} oninput={on_input(|h, v| h.naming = v)} />
                </label>
                <datalist id="search-entities">
                    { for named.iter().map(|e| html! { <option value={e.name.clone()} /> }) }
                </datalist>
                <label>{ "Sort " }
                    <select id="search-sort" onchange={on_select(|h, v| h.sort = v, "search-sort")}>
                        if !browsing {
                            <option value="" selected={how.sort.is_empty()}>{ "best match" }</option>
                        }
                        <option value="newest" selected={how.sort == "newest" || (browsing && how.sort.is_empty())}>{ "newest first" }</option>
                        <option value="oldest" selected={how.sort == "oldest"}>{ "oldest first" }</option>
                        <option value="title" selected={how.sort == "title"}>{ "by title" }</option>
                    </select>
                </label>
            </div>
            <section aria-label="Search results" aria-busy={busy.to_string()} data-answered={answered.then(|| (*query).clone())}>{ results }</section>
        </main>
    }
}

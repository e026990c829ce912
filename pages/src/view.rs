//! The pages' views. `Pages` follows the app's route (the app tells it with
//! `dossier::pages::ROUTE_EVENT`), reads the set once, and shows the page
//! the route names; on the app's own routes it shows nothing.

use std::rc::Rc;

use dossier::dom;
use dossier_core::analysis::Span;
use dossier_core::view::pages::passage;
use dossier_core::view::{date_label, kind_singular, Route};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::load::{self, Set};

/// At most this many mentions on an entity page, and results of a search.
const MENTIONS_SHOWN: usize = 200;
const RESULTS_SHOWN: usize = 50;

#[derive(Clone)]
enum Reading {
    Loading(usize, usize),
    Failed(String),
    Ready(Rc<Set>),
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
    let route = use_state(|| page_of(Route::parse(&dom::hash())));
    let reading = use_state(|| Reading::Loading(0, 0));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = dom::window().map(|w| {
                EventListener::new(&w, dossier::pages::ROUTE_EVENT, move |e| {
                    let hash = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .and_then(|c| c.detail().as_string())
                        .unwrap_or_default();
                    route.set(page_of(Route::parse(&hash)));
                })
            });
            move || drop(listener)
        });
    }
    {
        let reading = reading.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let reading = reading.clone();
                    move |done, total| reading.set(Reading::Loading(done, total))
                };
                reading.set(match load::read(progress).await {
                    Ok(set) => Reading::Ready(Rc::new(set)),
                    Err(why) => Reading::Failed(why),
                });
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
    let Some(page) = (*route).clone() else {
        return html! {};
    };
    let set = match &*reading {
        Reading::Ready(set) => Rc::clone(set),
        Reading::Loading(done, total) => {
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
        Reading::Failed(why) => {
            return html! {
                <main class="set-page" aria-label="Problem">
                    { crumbs() }
                    <h1>{ "The set could not be read" }</h1>
                    <p role="alert">{ format!("{why}.") }</p>
                </main>
            }
        }
    };
    match page {
        Route::Timeline => html! { <Timeline {set} /> },
        Route::Entity { key } => html! { <EntityPage {set} name={key} /> },
        Route::Search { query } => html! { <Search {set} {query} /> },
        _ => html! {},
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
    let Some((a, _)) = set.articles.get(article) else {
        return html! {};
    };
    let parts = a.parts();
    html! {
        { for passage(&parts, sentence, marks).into_iter().map(|(text, marked)| {
            if marked { html! { <mark>{ text }</mark> } } else { html! { { text } } }
        }) }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[derive(Properties)]
struct SetProps {
    set: Rc<Set>,
}

impl PartialEq for SetProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.set, &other.set)
    }
}

#[function_component(Timeline)]
fn timeline(p: &SetProps) -> Html {
    let filter = use_state(String::new);
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                filter.set(input.value());
            }
        })
    };
    let words: Vec<String> = filter
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let shown: Vec<_> = p
        .set
        .rows
        .iter()
        .filter(|r| {
            let text = format!("{} {} {}", r.what, r.title, r.when).to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    html! {
        <main class="set-page set-timeline" aria-label="Set timeline">
            { crumbs() }
            <h1>{ "Timeline of the set" }</h1>
            <p class="lede">{ format!("{}: events the articles report and the days they were published, in time order.", plural(p.set.rows.len(), "dated point", "dated points")) }</p>
            <input type="search" class="search-box" placeholder="Filter: a word, a name, a year" aria-label="Filter the timeline" value={(*filter).clone()} {oninput} />
            if shown.len() != p.set.rows.len() {
                <p role="status">{ format!("{} of {}", shown.len(), p.set.rows.len()) }</p>
            }
            <ol class="set-list">
                { for shown.into_iter().map(|r| html! {
                    <li data-date={r.date.clone()} class={classes!(r.published.then_some("published"), r.approximate.then_some("approximate"))}>
                        <span class="when">{ r.when.clone() }</span>
                        { " " }
                        <a href={r.href.clone()}>{ r.what.clone() }</a>
                        <span class="source">{ r.title.clone() }</span>
                    </li>
                }) }
            </ol>
        </main>
    }
}

#[derive(Properties)]
struct EntityProps {
    set: Rc<Set>,
    /// The entity's key.
    name: String,
}

impl PartialEq for EntityProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.set, &other.set) && self.name == other.name
    }
}

#[function_component(EntityPage)]
fn entity_page(p: &EntityProps) -> Html {
    let set = &p.set;
    let Some(e) = set.entities.get(&p.name) else {
        return html! {
            <main class="set-page" aria-label="Entity">
                { crumbs() }
                <h1>{ "Not in this set" }</h1>
                <p>{ format!("No entity of this set has the key “{}”.", p.name) }</p>
            </main>
        };
    };
    let link = |article: usize| -> String {
        let entity = set
            .entities
            .pages
            .iter()
            .position(|x| x.key == e.key)
            .and_then(|i| set.id_in(article, i))
            .map(str::to_string);
        Route::Article {
            slug: set.slug(article).to_string(),
            entity,
            event: None,
        }
        .to_hash()
    };
    let mentions: usize = e.articles.iter().map(|n| n.mentions).sum();
    let mut groups: Vec<(usize, Vec<Html>)> = Vec::new();
    for m in e.mentions.iter().take(MENTIONS_SHOWN) {
        let row = html! {
            <li><a class="snippet" href={link(m.article)}>{ passage_html(set, m.article, m.sentence, &[m.mention]) }</a></li>
        };
        match groups.last_mut() {
            Some((a, rows)) if *a == m.article => rows.push(row),
            _ => groups.push((m.article, vec![row])),
        }
    }
    html! {
        <main class="set-page entity-page" aria-label="Entity" data-key={e.key.clone()} data-type={e.kind.as_str()}>
            { crumbs() }
            <h1>{ e.name.clone() }</h1>
            <p class="kind">{ format!("{} · named in {} · {}", kind_singular(e.kind), plural(e.articles.len(), "article", "articles"), plural(mentions, "mention", "mentions")) }</p>
            if !e.aliases.is_empty() {
                <p><span class="muted">{ "Also: " }</span>{ e.aliases.join(", ") }</p>
            }
            <section aria-labelledby="named-in">
                <h2 id="named-in">{ "Articles that name it" }</h2>
                <ol class="set-list">
                    { for e.articles.iter().map(|n| html! {
                        <li>
                            <a href={link(n.article)}>{ set.title(n.article).to_string() }</a>
                            <span class="sub">{ format!("{} · {}", n.date.as_deref().and_then(date_label).unwrap_or_else(|| "undated".into()), plural(n.mentions, "mention", "mentions")) }</span>
                        </li>
                    }) }
                </ol>
            </section>
            <section aria-labelledby="mentions">
                <h2 id="mentions">{ "Mentions" }</h2>
                if e.mentions.len() > MENTIONS_SHOWN {
                    <p class="muted">{ format!("The first {MENTIONS_SHOWN} of {}.", e.mentions.len()) }</p>
                }
                { for groups.into_iter().map(|(a, rows)| html! {
                    <>
                        <h3 class="list-title">{ set.title(a).to_string() }</h3>
                        <ol class="set-list">{ for rows }</ol>
                    </>
                }) }
            </section>
            if !e.with.is_empty() {
                <section aria-labelledby="with">
                    <h2 id="with">{ "Named with" }</h2>
                    <ul class="with">
                        { for e.with.iter().take(30).filter_map(|&(i, n)| {
                            let other = set.linking.entities.get(i)?;
                            Some(html! {
                                <li><a href={Route::Entity { key: other.key.clone() }.to_hash()}>{ other.name.clone() }</a>
                                    <span class="muted">{ format!(" {n}") }</span></li>
                            })
                        }) }
                    </ul>
                </section>
            }
            if !e.events.is_empty() {
                <section aria-labelledby="events">
                    <h2 id="events">{ "Dated events" }</h2>
                    <ol class="set-list">
                        { for e.events.iter().filter_map(|r| {
                            let ev = set.articles.get(r.article)?.1.timeline.get(r.event)?;
                            let href = Route::Article { slug: set.slug(r.article).to_string(), entity: None, event: Some(r.event) }.to_hash();
                            Some(html! {
                                <li data-date={ev.date.to_string()}>
                                    <span class="when">{ ev.date.label().unwrap_or_else(|| ev.date.to_string()) }</span>
                                    { " " }
                                    <a {href}>{ ev.label.clone() }</a>
                                    <span class="source">{ set.title(r.article).to_string() }</span>
                                </li>
                            })
                        }) }
                    </ol>
                </section>
            }
        </main>
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

#[function_component(Search)]
fn search(p: &SearchProps) -> Html {
    let query = use_state(|| p.query.clone());
    {
        // Back and Forward bring another query.
        let query = query.clone();
        use_effect_with(p.query.clone(), move |q| query.set(q.clone()));
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
                // The URL follows as one types, without a history entry for
                // each letter.
                dom::set_location(&Route::Search { query: q.clone() }.to_hash(), None, false);
                query.set(q);
            }
        })
    };
    let set = &p.set;
    let hits = {
        let q = (*query).clone();
        let set = Rc::clone(set);
        use_memo(q, move |q| {
            if q.trim().is_empty() {
                Vec::new()
            } else {
                set.search.search(&set.articles, q, RESULTS_SHOWN)
            }
        })
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
                    { for named.iter().filter_map(|&i| set.linking.entities.get(i)).map(|e| html! {
                        <><a href={Route::Entity { key: e.key.clone() }.to_hash()}>{ format!("{} ({})", e.name, kind_singular(e.kind).to_lowercase()) }</a>{ " " }</>
                    }) }
                </p>
            }
            <section aria-label="Search results">
                <p role="status" class="muted">{
                    if query.trim().is_empty() { format!("Type to search the {}.", plural(set.articles.len(), "article", "articles")) }
                    else if hits.is_empty() { "No article matches.".to_string() }
                    else { plural(hits.len(), "article", "articles") }
                }</p>
                <ol class="set-list">
                    { for hits.iter().map(|h| html! {
                        <li>
                            <a href={Route::Article { slug: set.slug(h.article).to_string(), entity: None, event: None }.to_hash()}>{ set.title(h.article).to_string() }</a>
                            <span class="sub">{ set.date(h.article).and_then(date_label).unwrap_or_else(|| "undated".into()) }</span>
                            { for h.snippets.iter().take(2).map(|s| html! {
                                <span class="snippet">{ passage_html(set, h.article, s.sentence, &s.marks) }</span>
                            }) }
                        </li>
                    }) }
                </ol>
            </section>
        </main>
    }
}

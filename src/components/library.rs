//! The library: every article of the set with its metadata and a teaser.
//! A split set's rows past the first page of its index are read as the
//! reader comes near the end of the list (or asks for them).

use std::rc::Rc;

use dossier_core::Article;
use yew::html::IntoPropValue;
use yew::prelude::*;

use super::add::{add_control, set_nav};
use super::library_item::LibraryItem;
use super::steps::use_frame_steps;
use crate::data::format::Summary;
use dossier_core::view::reading::{row_steps, rows_shown};

/// The articles the library lists: the set's index (which a split set embeds
/// instead of the articles).
#[derive(Clone, Debug, PartialEq)]
pub struct Index(pub Rc<[Rc<Summary>]>);

impl IntoPropValue<Index> for Rc<[Rc<Summary>]> {
    fn into_prop_value(self) -> Index {
        Index(self)
    }
}

/// Articles at hand list as their summaries.
impl IntoPropValue<Index> for Rc<[Rc<Article>]> {
    fn into_prop_value(self) -> Index {
        Index(self.iter().map(|a| Rc::new(Summary::of(a))).collect())
    }
}

/// The build's render lists the library's rows of this many steps: the
/// page's HTML of a set of thousands stays small (every row of 10 000
/// articles was 6 MB to download, parse and lay out before the app could
/// start), and the app lists the rest once it has started.
pub const BUILD_STEPS: usize = 1;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub articles: Index,
    /// The reader's own articles, each with what it was added as.
    #[prop_or_default]
    pub yours: Rc<[(Rc<Summary>, String)]>,
}

/// "23 Apr 2025" for an ISO date, or "undated".
pub fn date_text(date: Option<&str>) -> String {
    date.and_then(dossier_core::view::date_label)
        .unwrap_or_else(|| "undated".to_string())
}

#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    // The rows read since the shell listed them (a split set's next pages).
    let grown = use_state(|| None::<Rc<[Rc<Summary>]>>);
    let list = match &*grown {
        Some(rows) if rows.len() > props.articles.0.len() => rows,
        _ => &props.articles.0,
    };
    let yours = &props.yours;
    // The set's articles, of which `list` holds those at hand.
    let total = crate::data::set_count().max(list.len());
    let n = total + yours.len();
    // A set of thousands is listed in steps in the page, like a long panel:
    // the first rows with the app, the rest after each paint. The build's
    // render (native) lists the rows of the first [`BUILD_STEPS`] steps and
    // says how many follow; the app drops the rows past the first before it
    // adopts the page (`crate::later::set_aside`).
    let steps = use_frame_steps(true, false, row_steps(list.len()));
    let shown = if crate::later::BUILD_RENDER {
        rows_shown(BUILD_STEPS, list.len(), None)
    } else {
        rows_shown(steps, list.len(), None)
    };
    let manage = Callback::from(|_: MouseEvent| crate::added::manage(None));
    let more = use_more(
        list.len(),
        total,
        // The build's render says how many follow, in the list.
        !crate::later::BUILD_RENDER && shown == list.len() && list.len() < total,
        grown.clone(),
    );
    html! {
        <main class="library" data-testid="library">
            <header class="library-head">
                <h1>{ "dossier" }</h1>
                <p class="lede">{ format!("{} article{}, read with their people, places and dates.", n, if n == 1 { "" } else { "s" }) }</p>
                { add_control() }
                { set_nav() }
            </header>
            if !yours.is_empty() {
                <section class="yours" aria-labelledby="yours-title" data-testid="yours">
                    <h2 id="yours-title" class="list-title">{ "Your articles" }</h2>
                    <p class="list-note">
                        <button type="button" class="link" onclick={manage} data-testid="manage">{ "Manage your articles" }</button>
                        { ": rename, delete, export, back up, or make a page of them to send." }
                    </p>
                    <ol class="library-list">
                        { for yours.iter().map(|(a, name)| html! {
                            <LibraryItem key={a.slug.clone()} article={Rc::clone(a)} yours=true>
                                <p class="yours-meta">
                                    <span class="yours-mark">{ "Yours" }</span>
                                    <span class="yours-name">{ format!(" · added from {name}") }</span>
                                </p>
                            </LibraryItem>
                        }) }
                    </ol>
                </section>
            }
            if list.is_empty() && yours.is_empty() {
                <p>{ "No articles yet. Add saved pages, Markdown or text files, or paste an article." }</p>
            }
            if n > 1 {
                <p class="list-note"><a href="#/search" data-testid="sort-filter">{ "Sort and filter" }</a>{ " by date, title, section, year or a name they mention." }</p>
            }
            if !list.is_empty() {
                if !yours.is_empty() {
                    <h2 class="list-title">{ "In this set" }</h2>
                }
                <ol class="library-list">
                    { for list.iter().take(shown).map(|a| html! { <LibraryItem key={a.slug.clone()} article={Rc::clone(a)} /> }) }
                    if crate::later::BUILD_RENDER && shown < total {
                        <li class="more list-note">{ format!("… and {} more, listed once the page has started.", total - shown) }</li>
                    }
                </ol>
                { more }
            }
        </main>
    }
}

/// The end of a list that has more rows to read (`waiting`: every row at
/// hand is listed): says how many of `total` are listed, reads the next page when it
/// comes near the screen or on request (into `grown`), and says why when it
/// could not.
#[hook]
fn use_more(
    listed: usize,
    total: usize,
    waiting: bool,
    grown: UseStateHandle<Option<Rc<[Rc<Summary>]>>>,
) -> Html {
    let problem = use_state(|| None::<String>);
    let end = use_node_ref();
    let read = {
        let problem = problem.clone();
        Callback::from(move |()| {
            if crate::data::load::reading_more() {
                return;
            }
            let (grown, problem) = (grown.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = crate::data::load::more().await;
                problem.set(result.err());
                grown.set(Some(crate::data::index()));
            });
        })
    };
    {
        let (read, end) = (read.clone(), end.clone());
        let go = waiting && problem.is_none();
        use_effect_with((go, listed), move |&(go, _)| {
            let near = move || {
                let (Some(el), Some(w)) = (end.cast::<web_sys::Element>(), crate::dom::window())
                else {
                    return false;
                };
                let height = w
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(0.0);
                el.get_bounding_client_rect().top() < 2.0 * height
            };
            let listener = go.then(|| {
                if near() {
                    read.emit(());
                }
                crate::dom::window().map(|w| {
                    gloo_events::EventListener::new(&w, "scroll", move |_| {
                        if near() {
                            read.emit(());
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }
    if !waiting {
        return html! {};
    }
    let onclick = read.reform(|_: MouseEvent| ());
    html! {
        <p class="list-note more" ref={end} data-testid="more-articles">
            { format!("{listed} of {total} listed. ") }
            if let Some(why) = &*problem {
                <span role="alert">{ format!("The next ones could not be read: {why}. ") }</span>
                <button type="button" class="link" {onclick}>{ "Try again" }</button>
            } else {
                <button type="button" class="link" {onclick}>{ "List more" }</button>
            }
        </p>
    }
}

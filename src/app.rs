//! The app shell: builds the first state from the URL and storage, keeps the
//! URL and storage in step with the state, and shows the library or a reader.

use dossier_core::analysis::EntityKind;
use dossier_core::view::Route;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::added::{self, Change};
use crate::components::{library::Library, reader::Reader};
use crate::data;
use crate::data::load::Load;
use crate::dom;
use crate::state::{hidden_from_string, hidden_to_string, Action, ReaderState, StateProvider};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The page holds the app's HTML rendered at build time: the first
    /// render must be that same default view (the browser's URL and storage
    /// are read after hydration).
    #[prop_or_default]
    pub prerendered: bool,
}

/// The place (route and held event) and hidden types this visit starts from.
fn saved() -> (Route, Option<usize>, Vec<EntityKind>) {
    let hidden = dom::storage_get(dom::HIDDEN_KEY)
        .map(|s| hidden_from_string(&s))
        .unwrap_or_default();
    (Route::parse(&dom::hash()), dom::history_held(), hidden)
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let initial = use_memo(props.prerendered, |&prerendered| {
        let set = data::index();
        let only = (data::set_count() == 1)
            .then(|| set.first().map(|s| s.slug.clone()))
            .flatten();
        if prerendered {
            // As rendered at build time; the reader's own articles are
            // known once the page is live (see the restore below).
            let mut s = ReaderState::new(Route::Library, Vec::new(), only);
            s.restoring = true;
            s
        } else {
            // The set's only article opens by itself unless the reader has
            // added articles of their own (then the library lists them all).
            let only = only.filter(|_| !added::has_stored());
            let (route, held, hidden) = saved();
            ReaderState::at(route, held, hidden, only)
        }
    });
    html! {
        <StateProvider initial={(*initial).clone()}>
            <Shell />
        </StateProvider>
    }
}

/// Routes between the library and the reader, and writes the projections.
#[function_component(Shell)]
pub fn shell() -> Html {
    let state = crate::state::use_reader();

    // A hydrated page: now the URL and storage can be read.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.restoring, move |&restoring| {
            if restoring {
                if added::has_stored() {
                    dispatcher.dispatch(Action::SetOnly(None));
                }
                let (route, held, hidden) = saved();
                dispatcher.dispatch(Action::Restore {
                    route,
                    held,
                    hidden,
                });
            }
        });
    }

    // The page answers input: `<html data-app="ready">` (the tests and
    // benchmarks wait for it; a prerendered page shows text before this).
    // Then the reader's own articles: those a shared page holds, and the
    // stored ones (the module that keeps them is loaded only when there are
    // some).
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.restoring, move |&restoring| {
            if !restoring {
                dom::set_ready();
                let (shared, bad) = added::share::read_shared();
                if bad > 0 {
                    dispatcher.dispatch(Action::Notice(Some(format!(
                        "{bad} article{} in this page could not be read.",
                        if bad == 1 { "" } else { "s" }
                    ))));
                }
                if shared > 0 {
                    after_change(&dispatcher);
                    // Opened without a place: the library, which lists them.
                    if matches!(dom::hash().as_str(), "" | "#" | "#/") {
                        dispatcher.dispatch(Action::Navigate {
                            route: Route::Library,
                            held: None,
                        });
                    }
                }
                if added::has_stored() {
                    added::load();
                } else {
                    data::yours_read();
                    // An article the URL names that is not among the rows at
                    // hand (a large set) is asked for now.
                    if data::split().is_some() {
                        dispatcher.dispatch(Action::YoursChanged);
                    }
                }
                // The reader's corrections, applied by the pages module.
                let d = dispatcher.clone();
                crate::pages::start(move || d.dispatch(Action::Corrected));
            }
        });
    }

    // Back and forward (popstate; hashchange too, for an edited URL or a
    // link) become actions. Both may come for one step: the second finds
    // the state already there.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            // What the reader's articles module tells the page.
            {
                let dispatcher = dispatcher.clone();
                added::on_change(move |change| match change {
                    Change::Listed => after_change(&dispatcher),
                    Change::Go(route) => dispatcher.dispatch(Action::Go(route)),
                    Change::Failed(why) => dispatcher.dispatch(Action::Notice(Some(why))),
                });
            }
            // Removed when the guards are dropped.
            let mut listeners: Vec<EventListener> = dom::window()
                .map(|w| {
                    ["hashchange", "popstate"]
                        .into_iter()
                        .map(|name| {
                            let dispatcher = dispatcher.clone();
                            EventListener::new(&w, name, move |e| {
                                // A hashchange says where the browser went:
                                // by the time it is taken, the URL may show
                                // a place the app wrote since.
                                let now = dom::hash();
                                let went = e
                                    .dyn_ref::<web_sys::HashChangeEvent>()
                                    .map_or_else(|| now.clone(), |h| fragment(&h.new_url()));
                                let held = if went == now {
                                    dom::history_held()
                                } else {
                                    None
                                };
                                dispatcher.dispatch(Action::Navigate {
                                    route: Route::parse(&went),
                                    held,
                                });
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            // Dropped files and pasted text or HTML, anywhere on the page.
            listeners.extend(added::listeners());
            move || drop(listeners)
        });
    }

    // The URL records the place: a new history entry when the reader moved
    // (focus, selection), so that Back undoes it; in place when the state
    // only follows the URL (the first visit, a restore, back and forward).
    // A new entry is written after the frame that shows the move (the
    // browser's history bookkeeping takes about a millisecond); `queued`
    // holds the place the URL shows once the writes still queued are done.
    // When the state follows the URL, the writes still queued are of places
    // before it: they are dropped (`round`), or one of them would take the
    // reader back there.
    {
        let place = (state.route(), state.held_event());
        let queued = use_mut_ref(Queued::default);
        use_effect_with(
            (place, state.restoring, state.by_reader),
            move |((route, held), restoring, by_reader)| {
                if *restoring {
                    return;
                }
                let want = (route.to_hash(), *held);
                let shown = queued
                    .borrow()
                    .shown
                    .clone()
                    .unwrap_or_else(|| (dom::hash(), dom::history_held()));
                if shown == want {
                    return;
                }
                if !*by_reader {
                    {
                        let mut q = queued.borrow_mut();
                        q.round = q.round.wrapping_add(1);
                        q.pending = 0;
                        q.shown = None;
                    }
                    dom::set_location(&want.0, want.1, false);
                    return;
                }
                let round = {
                    let mut q = queued.borrow_mut();
                    q.pending += 1;
                    q.shown = Some(want.clone());
                    q.round
                };
                dom::after_paint(move || {
                    let mut q = queued.borrow_mut();
                    if q.round != round {
                        return;
                    }
                    dom::set_location(&want.0, want.1, true);
                    q.pending = q.pending.saturating_sub(1);
                    if q.pending == 0 {
                        q.shown = None;
                    }
                });
            },
        );
    }

    // Type toggles persist.
    use_effect_with(
        (state.hidden.clone(), state.restoring),
        |(hidden, restoring)| {
            if !*restoring {
                dom::storage_set(dom::HIDDEN_KEY, &hidden_to_string(hidden));
            }
        },
    );

    // The article: at hand, or (a split set) read from its file.
    let slug = state.slug.clone();
    let (load, retry) = data::load::use_entry(slug.clone());
    let summary = slug.as_deref().and_then(data::summary);
    // An article of a split set opened before its row of the library was
    // read is named by its file once read.
    let summary = summary.or_else(|| match &load {
        Some(Load::Ready(e)) => Some(Rc::new(data::format::Summary::of(&e.article))),
        _ => None,
    });

    // The document title follows the article.
    {
        let title = summary.as_ref().map(|a| a.meta.title.clone());
        use_effect_with(title, |title| {
            if let Some(d) = dom::document() {
                d.set_title(&match title {
                    Some(t) => format!("{t} — dossier"),
                    None => "dossier — articles".to_string(),
                });
            }
        });
    }

    // A page of the set: its module shows it (see `crate::pages`). Not
    // while the page is restored: the route is the prerendered library's
    // until then, and the module, started by the address beside the app,
    // would take down the page of the set it already shows, and what the
    // reader typed there.
    {
        let dispatcher = state.dispatcher();
        let page = state.page.clone();
        use_effect_with(
            (state.route(), state.restoring),
            move |(route, restoring)| {
                if *restoring {
                    return;
                }
                crate::pages::tell(route);
                if page.is_some() {
                    crate::pages::open(move || {
                        dispatcher.dispatch(Action::Notice(Some(
                            "The pages of the set could not be loaded.".into(),
                        )))
                    });
                }
            },
        );
    }

    // The reader's corrections (made on the set's pages), applied to this
    // article by the pages module; not while hydrating, which adopts the
    // page as the build rendered it.
    let load = match (load, slug.as_deref().and_then(crate::pages::corrected)) {
        (Some(Load::Ready(mut e)), Some((analysis, keys))) if !state.restoring => {
            e.analysis = analysis;
            e.keys = keys;
            Some(Load::Ready(e))
        }
        (load, _) => load,
    };
    // Named by its slug until its row or its file has been read.
    let title = summary
        .map(|s| s.meta.title.clone())
        .or_else(|| slug.clone())
        .unwrap_or_default();
    let view = match (slug, load) {
        _ if state.page.is_some() => html! {},
        (None, _) | (_, None) => {
            let yours: Rc<[_]> = data::yours()
                .into_iter()
                .map(|y| (y.summary, y.name))
                .collect();
            html! { <Library articles={data::index()} {yours} /> }
        }
        (Some(slug), Some(Load::Ready(entry))) => html! {
            <Reader
                key={slug}
                article={entry.article}
                analysis={entry.analysis}
                keys={entry.keys}
                multiple={data::count() > 1}
            />
        },
        (Some(_), Some(Load::Loading)) => html! {
            <main class="missing loading" data-testid="loading" aria-busy="true">
                <h1>{ title }</h1>
                <p role="status">{ "Loading the article…" }</p>
                <p><a href="#/">{ "All articles" }</a></p>
            </main>
        },
        (Some(_), Some(Load::Failed(why))) => html! {
            <main class="missing" data-testid="load-error">
                <h1>{ "The article could not be opened" }</h1>
                <p role="alert">{ format!("“{title}”: {why}.") }</p>
                <p>
                    <button type="button" onclick={retry.reform(|_| ())}>{ "Try again" }</button>
                    { " · " }
                    <a href="#/">{ "All articles" }</a>
                </p>
            </main>
        },
        (Some(slug), Some(Load::Missing)) => html! {
            <main class="missing" data-testid="not-found">
                <h1>{ "Article not found" }</h1>
                <p>{ format!("There is no article “{slug}” in this set or among yours.") }</p>
                <p><a href="#/">{ "All articles" }</a></p>
            </main>
        },
    };
    let notice = state.notice.clone().map(|why| {
        let close = {
            let dispatcher = state.dispatcher();
            Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Notice(None)))
        };
        html! {
            <section class="adding" aria-label="Problem">
                <p class="problem" role="alert">{ why }</p>
                <button type="button" class="close" aria-label="Close" onclick={close}>{ "×" }</button>
            </section>
        }
    });
    html! {
        <>
            { view }
            { for notice }
        </>
    }
}

/// The library lists the reader's articles beside the set's (the set's only
/// article no longer opens by itself), and renders again.
fn after_change(dispatcher: &UseReducerDispatcher<ReaderState>) {
    let index = data::index();
    let only = (data::set_count() == 1 && data::yours().is_empty())
        .then(|| index.first().map(|s| s.slug.clone()))
        .flatten();
    dispatcher.dispatch(Action::SetOnly(only));
    dispatcher.dispatch(Action::YoursChanged);
}

/// The history writes the app has queued (see the URL effect in [`shell`]).
#[derive(Default)]
struct Queued {
    /// How many are still to be written.
    pending: u32,
    /// The place the URL shows once they are.
    shown: Option<(String, Option<usize>)>,
    /// Bumped when the state follows the URL: writes queued before are
    /// dropped.
    round: u32,
}

/// The fragment of `url` with its `#`, as `location.hash` gives it (empty
/// for none or a bare `#`).
fn fragment(url: &str) -> String {
    match url.find('#') {
        Some(i) if i + 1 < url.len() => url[i..].to_string(),
        _ => String::new(),
    }
}

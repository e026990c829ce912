//! The app shell: builds the first state from the URL and storage, keeps the
//! URL and storage in step with the state, and shows the library or a reader.

use std::rc::Rc;

use dossier_core::view::Route;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{library::Library, reader::Reader};
use crate::data;
use crate::dom;
use crate::state::{hidden_from_string, hidden_to_string, Action, ReaderState, StateProvider};

#[function_component(App)]
pub fn app() -> Html {
    let initial = use_memo((), |_| {
        let set = data::articles();
        let only = (set.len() == 1).then(|| set[0].slug.clone());
        let hidden = dom::storage_get(dom::HIDDEN_KEY)
            .map(|s| hidden_from_string(&s))
            .unwrap_or_default();
        ReaderState::new(Route::parse(&dom::hash()), hidden, only)
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

    // Hash changes (back/forward, edited URL) become actions.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let cb = Closure::<dyn Fn()>::new(move || {
                dispatcher.dispatch(Action::Navigate(Route::parse(&dom::hash())));
            });
            let win = dom::window();
            if let Some(w) = &win {
                let _ =
                    w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &win {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        cb.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // The URL records the route: a new entry when the article changes.
    {
        let route = state.route();
        use_effect_with(route, |route| {
            let want = route.to_hash();
            let now = dom::hash();
            if now != want {
                let slug_of = |r: &Route| match r {
                    Route::Article { slug, .. } => Some(slug.clone()),
                    Route::Library => None,
                };
                let push = slug_of(&Route::parse(&now)) != slug_of(route)
                    && !now.is_empty()
                    && now != "#/";
                dom::set_hash(&want, push);
            }
        });
    }

    // Type toggles persist.
    use_effect_with(state.hidden.clone(), |hidden| {
        dom::storage_set(dom::HIDDEN_KEY, &hidden_to_string(hidden));
    });

    // The document title follows the article.
    let slug = state.slug.clone();
    let article = slug.as_deref().and_then(data::article);
    {
        let title = article.as_ref().map(|a| a.meta.title.clone());
        use_effect_with(title, |title| {
            if let Some(d) = dom::document() {
                d.set_title(&match title {
                    Some(t) => format!("{t} — dossier"),
                    None => "dossier — articles".to_string(),
                });
            }
        });
    }

    match (slug, article) {
        (None, _) => html! { <Library articles={data::articles()} /> },
        (Some(_), Some(article)) => html! {
            <Reader key={article.slug.clone()} article={Rc::clone(&article)} multiple={data::articles().len() > 1} />
        },
        (Some(slug), None) => html! {
            <main class="missing" data-testid="not-found">
                <h1>{ "Article not found" }</h1>
                <p>{ format!("There is no article “{slug}” in this set.") }</p>
                <p><a href="#/">{ "All articles" }</a></p>
            </main>
        },
    }
}

//! The library: every article of the set with its metadata and a teaser.

use std::rc::Rc;

use dossier_core::view::Route;
use dossier_core::Article;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub articles: Rc<[Rc<Article>]>,
}

/// "23 Apr 2025" for an ISO date, or "undated".
pub fn date_text(date: Option<&str>) -> String {
    date.and_then(dossier_core::view::date_label)
        .unwrap_or_else(|| "undated".to_string())
}

#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    html! {
        <main class="library" data-testid="library">
            <header class="library-head">
                <h1>{ "dossier" }</h1>
                <p class="lede">{ format!("{} article{}, read with their people, places and dates.", props.articles.len(), if props.articles.len() == 1 { "" } else { "s" }) }</p>
            </header>
            if props.articles.is_empty() {
                <p>{ "No articles in this set." }</p>
            }
            <ol class="library-list">
                { for props.articles.iter().map(|a| html! { <LibraryItem key={a.slug.clone()} article={Rc::clone(a)} /> }) }
            </ol>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub article: Rc<Article>,
}

#[function_component(LibraryItem)]
fn library_item(props: &ItemProps) -> Html {
    let a = &props.article;
    let href = Route::Article {
        slug: a.slug.clone(),
        entity: None,
        event: None,
    }
    .to_hash();
    let date = date_text(a.meta.date.as_deref());
    html! {
        <li class="library-item" data-slug={a.slug.clone()}>
            <div class="item">
                <h2><a href={href}>{ a.meta.title.clone() }</a></h2>
                <p class="meta">
                    if let Some(section) = &a.meta.section {
                        <span class="section">{ section.clone() }</span>
                        <span aria-hidden="true">{ " · " }</span>
                    }
                    <span class={classes!("date", a.meta.date.is_none().then_some("undated"))}>{ date }</span>
                    <span aria-hidden="true">{ " · " }</span>
                    <span class="reading-time">{ format!("{} min read", a.reading_minutes()) }</span>
                </p>
                <p class="teaser">{ a.teaser(240) }</p>
            </div>
        </li>
    }
}

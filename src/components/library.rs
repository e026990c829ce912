//! The library: every article of the set with its metadata and a teaser.

use std::rc::Rc;

use dossier_core::view::Route;
use dossier_core::Article;
use yew::html::IntoPropValue;
use yew::prelude::*;

use crate::data::format::Summary;

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

#[derive(Properties, PartialEq)]
pub struct LibraryProps {
    pub articles: Index,
}

/// "23 Apr 2025" for an ISO date, or "undated".
pub fn date_text(date: Option<&str>) -> String {
    date.and_then(dossier_core::view::date_label)
        .unwrap_or_else(|| "undated".to_string())
}

#[function_component(Library)]
pub fn library(props: &LibraryProps) -> Html {
    let list = &props.articles.0;
    html! {
        <main class="library" data-testid="library">
            <header class="library-head">
                <h1>{ "dossier" }</h1>
                <p class="lede">{ format!("{} article{}, read with their people, places and dates.", list.len(), if list.len() == 1 { "" } else { "s" }) }</p>
            </header>
            if list.is_empty() {
                <p>{ "No articles in this set." }</p>
            }
            <ol class="library-list">
                { for list.iter().map(|a| html! { <LibraryItem key={a.slug.clone()} article={Rc::clone(a)} /> }) }
            </ol>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub article: Rc<Summary>,
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
                    <span class="reading-time">{ format!("{} min read", a.minutes) }</span>
                </p>
                <p class="teaser">{ a.teaser.clone() }</p>
            </div>
        </li>
    }
}

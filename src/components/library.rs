//! The library: every article of the set with its metadata and a teaser.

use std::rc::Rc;

use dossier_core::Article;
use yew::html::IntoPropValue;
use yew::prelude::*;

use super::library_item::LibraryItem;
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

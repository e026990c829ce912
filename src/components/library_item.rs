//! One article of the library: title, section, date, reading time, teaser.

use std::rc::Rc;

use dossier_core::view::Route;
use yew::prelude::*;

use super::library::date_text;
use crate::data::format::Summary;

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub article: Rc<Summary>,
    /// More about the item (the reader's own articles: their actions).
    #[prop_or_default]
    pub children: Html,
    /// One of the reader's own articles.
    #[prop_or_default]
    pub yours: bool,
}

#[function_component(LibraryItem)]
pub fn library_item(props: &ItemProps) -> Html {
    let a = &props.article;
    let href = Route::Article {
        slug: a.slug.clone(),
        entity: None,
        event: None,
        mention: None,
        sentence: None,
    }
    .to_hash();
    let date = date_text(a.meta.date.as_deref());
    html! {
        <li class={classes!("library-item", props.yours.then_some("yours-item"))} data-slug={a.slug.clone()}>
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
                { props.children.clone() }
            </div>
        </li>
    }
}

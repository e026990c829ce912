//! The set timeline (`#/timeline`): every dated event of every article and
//! every publication date, in time order, each a link to its place (rows
//! from `dossier_core::view::pages::timeline_rows`).

use dossier_core::view::pages::{timeline_rows, TimelineRow};
use yew::prelude::*;

use crate::data;

#[function_component(SetTimeline)]
pub fn set_timeline() -> Html {
    let rows = use_memo((), |_| {
        let index = data::index();
        let slugs: Vec<&str> = index.iter().map(|s| s.slug.as_str()).collect();
        let titles: Vec<&str> = index.iter().map(|s| s.meta.title.as_str()).collect();
        timeline_rows(&data::pages(), &slugs, &titles)
    });
    html! {
        <main class="set-page set-timeline" aria-label="Set timeline">
            <nav class="crumbs" aria-label="Breadcrumb"><a href="#/">{ "← All articles" }</a></nav>
            <h1>{ "Timeline of the set" }</h1>
            <p class="lede">{ format!("{} dated point{}: events the articles report and the days they were published.", rows.len(), if rows.len() == 1 { "" } else { "s" }) }</p>
            <ol class="set-timeline-list">
                { for rows.iter().map(row) }
            </ol>
        </main>
    }
}

fn row(r: &TimelineRow) -> Html {
    let class = classes!(
        r.published.then_some("published"),
        r.approximate.then_some("approximate")
    );
    html! {
        <li data-date={r.date.clone()} {class}>
            <span class="when">{ r.when.clone() }</span>
            { " " }
            <a href={r.href.clone()}>{ r.what.clone() }</a>
            { " " }
            <span class="source">{ r.title.clone() }</span>
        </li>
    }
}

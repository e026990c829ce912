//! The build-time render of the first view: the same components, rendered
//! natively, give a page that holds the article's text (escaped, as text)
//! and its highlights, and no control that needs the app.

use dossier::app::{App, AppProps};
use dossier::data;

fn render() -> String {
    futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(|| AppProps { prerendered: true }).render(),
    )
}

/// The text a browser would show: tags and comments dropped, entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map(|j| j + 3)
        } else {
            rest.find('>').map(|j| j + 1)
        };
        rest = &rest[end.unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_first_view_holds_the_article_or_the_library() {
    let html = render();
    let text = text_of(&html);
    let set = data::index();
    if set.len() == 1 {
        let entry = data::entry(&set[0].slug).expect("the only article is embedded");
        assert!(text.contains(&entry.article.meta.title), "the title");
        for block in &entry.article.blocks {
            assert!(
                text.contains(&block.text),
                "block missing: {:?}",
                block.text
            );
        }
        let marks = html.matches("<mark").count();
        assert!(marks > 0, "highlights are rendered");
        let mentions: usize = entry
            .analysis
            .entities
            .iter()
            .map(|e| e.mentions.iter().filter(|m| m.part > 0).count())
            .sum();
        assert_eq!(marks, mentions, "one mark per mention in the body");
    } else {
        for a in set.iter() {
            assert!(
                html.contains(&format!("#/a/{}\"", a.slug)),
                "a link to {}",
                a.slug
            );
        }
    }
    assert!(
        !html.contains("data-testid=\"timeline\""),
        "the timeline comes with the app"
    );
    assert!(!html.contains("<script"), "no script in the render");
}

#[test]
fn the_render_is_the_same_every_time() {
    assert_eq!(render(), render());
}

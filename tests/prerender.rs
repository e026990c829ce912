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

mod hostile {
    use std::rc::Rc;

    use dossier::components::reader::Reader;
    use dossier::state::{ReaderState, StateProvider};
    use dossier_core::view::Route;
    use dossier_core::{analyze, Analysis, Article};
    use yew::prelude::*;

    const FILE: &str =
        "+++\ntitle = \"<script>alert(1)</script> & Co\"\ndate = \"2025-03-04\"\n+++\n\n\
        President Maria Lopez met <img src=x onerror=alert(2)> in Paris on 3 March 2025.\n\n\
        <iframe src=\"https://evil.example/\"></iframe> \"quoted\" & 'single' ]]> <!-- c -->\n";

    #[derive(Properties, PartialEq)]
    struct Props {
        article: Rc<Article>,
        analysis: Rc<Analysis>,
    }

    #[function_component(Page)]
    fn page(p: &Props) -> Html {
        let initial = ReaderState::new(
            Route::Article {
                slug: p.article.slug.clone(),
                entity: None,
                event: None,
                mention: None,
                sentence: None,
            },
            Vec::new(),
            None,
        );
        html! {
            <StateProvider initial={initial}>
                <Reader article={Rc::clone(&p.article)} analysis={Rc::clone(&p.analysis)} />
            </StateProvider>
        }
    }

    #[test]
    fn markup_in_the_text_is_rendered_as_text() {
        let article = dossier_core::article::parse_article("hostile.md", FILE.as_bytes())
            .expect("the test article parses");
        let analysis = analyze(&article.parts(), article.meta.date.as_deref());
        assert!(
            !analysis.entities.is_empty(),
            "the analysis finds names to highlight"
        );
        let (a, an) = (Rc::new(article), Rc::new(analysis));
        let html = futures::executor::block_on(
            yew::LocalServerRenderer::<Page>::with_props(Props {
                article: Rc::clone(&a),
                analysis: Rc::clone(&an),
            })
            .render(),
        );
        for raw in ["<script", "<img", "<iframe", "<!-- c -->"] {
            assert!(!html.contains(raw), "{raw} reached the page as markup");
        }
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "the title as text"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "the block as text"
        );
        assert!(html.contains("<mark"), "the highlights are rendered");
        let text = super::text_of(&html);
        for block in &a.blocks {
            assert!(
                text.contains(&block.text),
                "block text intact: {:?}",
                block.text
            );
        }
    }
}

mod library {
    use std::rc::Rc;

    use dossier::components::library::{Library, BUILD_STEPS};
    use dossier::data::format::Summary;
    use dossier_core::view::reading::rows_shown;
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct Props {
        list: Rc<[Rc<Summary>]>,
    }

    #[function_component(Page)]
    fn page(p: &Props) -> Html {
        html! { <Library articles={Rc::clone(&p.list)} /> }
    }

    fn render(n: usize) -> String {
        let article = dossier_core::article::parse_article(
            "a.md",
            "+++\ntitle = \"Story\"\ndate = \"2025-03-04\"\n+++\n\nText.\n".as_bytes(),
        )
        .expect("parses");
        let list: Rc<[Rc<Summary>]> = (0..n)
            .map(|i| {
                let mut s = Summary::of(&article);
                s.slug = format!("story-{i}");
                Rc::new(s)
            })
            .collect();
        futures::executor::block_on(
            yew::LocalServerRenderer::<Page>::with_props(Props { list }).render(),
        )
    }

    #[test]
    fn the_build_lists_the_first_rows_of_a_large_set_and_says_how_many_follow() {
        let first = rows_shown(BUILD_STEPS, usize::MAX, None);
        let html = render(first + 250);
        assert_eq!(html.matches("class=\"library-item").count(), first);
        assert!(html.contains("href=\"#/a/story-0\""));
        assert!(!html.contains(&format!("href=\"#/a/story-{first}\"")));
        assert!(html.contains("… and 250 more, listed once the page has started."));
        // A set that fits is listed whole, with no note.
        let html = render(40);
        assert_eq!(html.matches("class=\"library-item").count(), 40);
        assert!(!html.contains("more, listed once"));
    }
}

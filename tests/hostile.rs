//! Hostile article text in a browser: markup, script, `javascript:` text,
//! bidi controls, zero-width characters, Arabic, emoji sequences and
//! combining marks must reach the page as inert text, exactly as written, and
//! highlights must cover exactly the characters of their mentions. Run with
//! `cargo test -p dossier --target wasm32-unknown-unknown --test hostile`
//! (headless Chromium through wasm-bindgen-test-runner and chromedriver).

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use dossier::state::ReaderState;
use dossier_core::analysis::{
    analyze, Analysis, Entity, EntityKind, Event, Precision, Span, Timex,
};
use dossier_core::article::{parse_article, Meta};
use dossier_core::{Article, Block, BlockKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

const TITLE: &str = "<script>alert(\"title\")</script> & <b>Bold</b> \u{202e}live\u{202c} news";

/// One paragraph each; every one of them must come out unchanged.
const BLOCKS: &[&str] = &[
    // Markup of every kind.
    "Markup stays text: <b>bold</b> <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> \
     <iframe src=\"https://evil.example/\"></iframe> <a href=\"javascript:alert(3)\">click</a> \
     &amp; &lt;tag&gt; <!-- comment --> <svg onload=alert(4)> <style>*{display:none}</style> \
     ]]> <![CDATA[x]]> {{ template }} ${expr}",
    // Schemes as plain words.
    "javascript:alert(document.cookie) and JaVaScRiPt:void(0) and \
     data:text/html,<script>alert(5)</script> and vbscript:msgbox(6)",
    // Bidi overrides, embeddings, isolates and marks.
    "Invoice \u{202e}fdp.exe\u{202c} from \u{2066}Ahmed\u{2069} \u{202d}forced LTR\u{202c} \
     \u{202a}embed\u{202c} \u{202b}rtl embed\u{202c} \u{2067}isolate\u{2069} \u{2068}first\u{2069} \
     \u{200f}rtl mark\u{200e} lrm",
    // Arabic, with Latin and digits inside.
    "قال الرئيس محمد في دمشق يوم ٣ مارس إن المحادثات مع Reuters كانت جيدة.",
    // Emoji: skin tones, ZWJ families and professions, flags, keycaps.
    "Emoji 👩‍👩‍👧‍👦 family, 👍🏽 thumbs, 🏳️‍🌈 flag, 🧑🏿‍🚀 astronaut, 🇸🇾 flag, 1️⃣ keycap, \
     👨🏻‍❤️‍💋‍👨🏼 kiss.",
    // Invisible characters.
    "zero\u{200b}width, join\u{200d}er, non\u{200c}joiner, BOM\u{feff}here, soft\u{ad}hyphen, \
     word\u{2060}joiner, line\u{2028}separator, replacement \u{fffd} char.",
    // Combining marks and other scripts.
    "Zalgo Z\u{334}\u{321}\u{32a}a\u{337}\u{353}l\u{336}g\u{338}o\u{335} and cafe\u{301} and \
     N\u{30c}o, Hangul 한국어 and \u{1112}\u{1161}\u{11ab}, Devanagari नमस्ते, Thai ภาษาไทย.",
];

fn hostile_article() -> Rc<Article> {
    Rc::new(Article {
        slug: "hostile".into(),
        meta: Meta {
            title: TITLE.into(),
            date: Some("2025-03-04".into()),
            section: Some("<img src=x onerror=alert(7)>".into()),
            source: Some("javascript:alert(9)".into()),
            summary: Some("<svg onload=alert(8)> \u{202e}summary".into()),
            license: None,
            byline: Some("<b onclick=alert(6)>byline</b>".into()),
        },
        title_source: None,
        blocks: BLOCKS
            .iter()
            .map(|t| Block {
                kind: BlockKind::Paragraph,
                text: (*t).to_string(),
                styles: Vec::new(),
                source: Vec::new(),
            })
            .collect(),
    })
}

fn entity(id: &str, name: &str, kind: EntityKind, mentions: Vec<Span>) -> Entity {
    Entity {
        aliases: vec!["<script>alert(10)</script>".into(), "\u{202e}alias".into()],
        ..Entity::new(id, name, kind, mentions)
    }
}

/// Mentions around the awkward words: whole emoji sequences, words with
/// combining marks, text inside bidi overrides, markup.
fn hostile_analysis(a: &Article) -> Rc<Analysis> {
    use EntityKind as K;
    let sentence = span(a, 4, BLOCKS[3], 0);
    Rc::new(Analysis {
        entities: vec![
            entity(
                "script",
                "<img src=x onerror=alert(11)>",
                K::Organization,
                vec![
                    span(a, 0, "<script>", 0),
                    span(a, 1, "<script>alert(1)</script>", 0),
                    span(a, 2, "<script>alert(5)</script>", 0),
                ],
            ),
            entity(
                "img",
                "img",
                K::Product,
                vec![span(a, 1, "<img src=x onerror=\"alert(2)\">", 0)],
            ),
            entity(
                "js",
                "javascript:",
                K::Work,
                vec![span(a, 2, "javascript:alert(document.cookie)", 0)],
            ),
            entity(
                "pdf",
                "fdp.exe",
                K::Organization,
                vec![span(a, 3, "fdp.exe", 0), span(a, 3, "\u{202b}rtl embed", 0)],
            ),
            entity("ahmed", "Ahmed", K::Person, vec![span(a, 3, "Ahmed", 0)]),
            entity(
                "muhammad",
                "محمد",
                K::Person,
                vec![span(a, 4, "الرئيس", 0), span(a, 4, "محمد", 0)],
            ),
            entity("damascus", "دمشق", K::Place, vec![span(a, 4, "دمشق", 0)]),
            entity(
                "reuters",
                "Reuters",
                K::Organization,
                vec![span(a, 4, "Reuters", 0)],
            ),
            entity(
                "family",
                "👩‍👩‍👧‍👦",
                K::Group,
                vec![span(a, 5, "👩‍👩‍👧‍👦", 0), span(a, 5, "👨🏻‍❤️‍💋‍👨🏼", 0)],
            ),
            entity(
                "thumb",
                "👍🏽",
                K::Product,
                vec![span(a, 5, "👍🏽", 0), span(a, 5, "🧑🏿‍🚀", 0)],
            ),
            entity("flag", "🇸🇾", K::Place, vec![span(a, 5, "🇸🇾", 0)]),
            entity(
                "joiner",
                "joiner",
                K::Event,
                vec![
                    span(a, 6, "join\u{200d}er", 0),
                    span(a, 6, "BOM\u{feff}here", 0),
                ],
            ),
            entity(
                "zalgo",
                "Zalgo",
                K::Work,
                vec![span(
                    a,
                    7,
                    "Z\u{334}\u{321}\u{32a}a\u{337}\u{353}l\u{336}g\u{338}o\u{335}",
                    0,
                )],
            ),
            entity(
                "cafe",
                "café",
                K::Place,
                vec![span(a, 7, "cafe\u{301}", 0), span(a, 7, "N\u{30c}o", 0)],
            ),
            entity(
                "hangul",
                "한국어",
                K::Group,
                vec![span(a, 7, "한국어", 0), span(a, 7, "नमस्ते", 0)],
            ),
        ],
        timeline: vec![Event {
            date: Timex::Day(Some(2025), Some(3), Some(3)),
            until: None,
            open_ended: false,
            precision: Precision::Day,
            label: "<img src=x onerror=alert(12)> \u{202e}talks 👍🏽".into(),
            sentence,
            time: 0,
            // script, muhammad, damascus
            entities: vec![0, 5, 6],
        }],
        ..Default::default()
    })
}

/// Nothing the text could have smuggled in: no active elements, no inline
/// handlers, no script URLs, only in-page or http(s) links.
fn assert_inert(root: &Element, what: &str) {
    let active = all(
        root,
        "script, img, iframe, frame, object, embed, style, link, meta, base, form, template, \
         audio, video, source, foreignObject, image, use",
    );
    assert!(
        active.is_empty(),
        "{what}: active elements {:?}",
        active.iter().map(|e| e.outer_html()).collect::<Vec<_>>()
    );
    for el in all(root, "*") {
        let names = el.get_attribute_names();
        for i in 0..names.length() {
            let name = names.get(i).as_string().unwrap_or_default().to_lowercase();
            let value = el.get_attribute(&name).unwrap_or_default();
            assert!(
                !name.starts_with("on"),
                "{what}: handler attribute {name}={value:?} on <{}>",
                el.tag_name()
            );
            let v: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_lowercase();
            assert!(
                !v.starts_with("javascript:")
                    && !v.starts_with("vbscript:")
                    && !v.starts_with("data:"),
                "{what}: script URL in {name}={value:?} on <{}>",
                el.tag_name()
            );
            if name == "href" || name == "src" || name == "action" || name == "formaction" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "{what}: {name}={value:?}"
                );
            }
        }
    }
}

/// Each entity's body marks, in document order, carry exactly its mentions'
/// text; and there are no other marks.
fn assert_marks(root: &Element, a: &Article, an: &Analysis, what: &str) {
    let parts = a.parts();
    let mut total = 0;
    for e in &an.entities {
        let found: Vec<String> = all(root, &format!("article mark[data-entity=\"{}\"]", e.id))
            .iter()
            .map(text)
            .collect();
        let mut body: Vec<Span> = e.mentions.iter().copied().filter(|m| m.part > 0).collect();
        body.sort_by_key(|m| (m.part, m.start));
        let want: Vec<String> = body.iter().map(|m| m.text(&parts).to_string()).collect();
        assert_eq!(found, want, "{what}: marks of {}", e.id);
        total += want.len();
    }
    assert_eq!(
        all(root, "article mark[data-entity]").len(),
        total,
        "{what}: marks of no entity"
    );
}

#[wasm_bindgen_test]
async fn hostile_text_renders_as_exactly_the_source_text() {
    let a = hostile_article();
    let an = hostile_analysis(&a);
    let div = mount(&a, &an, state("hostile")).await;
    assert_eq!(block_texts(&div), source_texts(&a));
    let h1: Vec<String> = all(&div, "h1").iter().map(text).collect();
    assert_eq!(h1, [TITLE]);
    let kicker: Vec<String> = all(&div, "[data-testid=section]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(kicker, ["<img src=x onerror=alert(7)>"]);
    let summary: Vec<String> = all(&div, ".summary").iter().map(text).collect();
    assert_eq!(summary, ["<svg onload=alert(8)> \u{202e}summary"]);
    // A javascript: source is shown, never linked.
    let source: Vec<String> = all(&div, ".source").iter().map(text).collect();
    assert_eq!(source, ["javascript:alert(9)"]);
    assert!(all(&div, "a.source").is_empty());
    // The event label is text too.
    let labels = text(
        &all(&div, "[aria-label=Timeline]")
            .pop()
            .expect("a timeline"),
    );
    assert!(
        labels.contains("<img src=x onerror=alert(12)> \u{202e}talks 👍🏽"),
        "{labels:?}"
    );
    assert_inert(&div, "highlights on");
    assert_marks(&div, &a, &an, "highlights on");
    // The one anchor the body has is none: no link came out of the text.
    assert!(all(&div, "article .blocks a").is_empty());
}

#[wasm_bindgen_test]
async fn with_every_type_off_the_text_is_still_the_source() {
    let a = hostile_article();
    let an = hostile_analysis(&a);
    let div = mount(
        &a,
        &an,
        ReaderState {
            hidden: EntityKind::ALL.to_vec(),
            ..state("hostile")
        },
    )
    .await;
    assert!(all(&div, "mark").is_empty());
    assert_eq!(block_texts(&div), source_texts(&a));
    assert_inert(&div, "highlights off");
    drop(div);

    // Switching the types on and off one by one from the legend keeps the
    // text whole at every step.
    let div = mount(&a, &an, state("hostile")).await;
    let toggles = all(&div, "[aria-label=Highlights] button[data-type]");
    assert!(toggles.len() >= 5, "{} legend toggles", toggles.len());
    for (round, expect_marks) in [(0, false), (1, true)] {
        for t in &toggles {
            t.clone()
                .dyn_into::<HtmlElement>()
                .expect("a button")
                .click();
            settle().await;
            assert_eq!(block_texts(&div), source_texts(&a), "round {round}");
        }
        assert_eq!(
            !all(&div, "article mark[data-entity]").is_empty(),
            expect_marks,
            "round {round}"
        );
    }
    assert_marks(&div, &a, &an, "toggled back on");
    assert_inert(&div, "after toggling");
}

#[wasm_bindgen_test]
async fn focus_event_card_and_find_keep_the_text_whole() {
    let a = hostile_article();
    let an = hostile_analysis(&a);
    // The event's sentence is the Arabic paragraph, marked as one run.
    let div = mount(
        &a,
        &an,
        ReaderState {
            event: Some(0),
            card: Some((0, 1)),
            focus: Some("muhammad".into()),
            ..state("hostile")
        },
    )
    .await;
    let sent: String = all(&div, "article .sent").iter().map(text).collect();
    assert_eq!(sent, BLOCKS[3]);
    assert_eq!(block_texts(&div), source_texts(&a));
    let focused: Vec<String> = all(&div, "mark.focus").iter().map(text).collect();
    assert_eq!(focused, ["الرئيس", "محمد"]);
    // The card of an entity whose name and aliases are markup.
    let card = all(&div, "[data-testid=entity-card]")
        .pop()
        .expect("the card");
    let t = text(&card);
    assert!(t.contains("<img src=x onerror=alert(11)>"), "{t}");
    assert!(t.contains("<script>alert(10)</script>"), "{t}");
    let active: Vec<String> = all(&div, "mark.active").iter().map(text).collect();
    assert_eq!(active, ["<script>alert(1)</script>"]);
    assert_inert(&div, "card");

    // Find an emoji with a skin tone, and markup.
    for (query, n) in [("👍🏽", 1), ("<SCRIPT>", 2), ("\u{202e}", 1), ("محمد", 1)] {
        let div = mount(
            &a,
            &an,
            ReaderState {
                find: query.into(),
                ..state("hostile")
            },
        )
        .await;
        let hits: Vec<String> = all(&div, "article .hit").iter().map(text).collect();
        assert_eq!(hits.len(), n, "{query:?}: {hits:?}");
        for h in &hits {
            assert_eq!(h.to_lowercase(), query.to_lowercase(), "{query:?}");
        }
        assert_eq!(block_texts(&div), source_texts(&a), "{query:?}");
        assert_inert(&div, query);
    }
}

#[wasm_bindgen_test]
async fn keys_walk_every_mention_without_harm() {
    let a = hostile_article();
    let an = hostile_analysis(&a);
    let div = mount(&a, &an, state("hostile")).await;
    let total: usize = an
        .entities
        .iter()
        .map(|e| e.mentions.iter().filter(|m| m.part > 0).count())
        .sum();
    let mut seen = Vec::new();
    let mut last: Option<Element> = None;
    // The reader listens to keys from its first effects on: should the
    // first key come before them (just mounted, on a busy machine), it is
    // pressed again once nothing has answered it for two seconds.
    press("n");
    for _ in 0..200 {
        if all(&div, "mark.active").len() == 1 {
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    for k in 0..total {
        if k > 0 || all(&div, "mark.active").is_empty() {
            press("n");
        }
        settle().await;
        // One mention is active, and not the one before.
        until("the next mention is active", || {
            let active = all(&div, "mark.active");
            active.len() == 1 && !active[0].is_same_node(last.as_ref().map(|e| e.as_ref()))
        })
        .await;
        let marks = all(&div, "mark.active");
        last = marks.first().cloned();
        let active: Vec<String> = marks.iter().map(text).collect();
        seen.extend(active);
    }
    // Reading order visits every mention once.
    let parts = a.parts();
    let mut want: Vec<Span> = an
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .filter(|m| m.part > 0)
        .collect();
    want.sort_by_key(|m| (m.part, m.start));
    let want: Vec<String> = want.iter().map(|m| m.text(&parts).to_string()).collect();
    assert_eq!(seen, want);
    for key in ["j", "k", "p", "Escape", "Escape", "?", "Escape"] {
        press(key);
        settle().await;
        assert_eq!(block_texts(&div), source_texts(&a), "after {key}");
    }
    assert_inert(&div, "keys");
}

/// The analysis itself reads the hostile text; whatever it finds renders
/// with the text intact and every mark on its mention's characters.
#[wasm_bindgen_test]
async fn the_analysis_of_hostile_text_renders_intact() {
    let mut a = (*hostile_article()).clone();
    // Names and dates the analysis will pick up, next to the hostile runs.
    for extra in [
        "President Maria Lopez of the Atlas Group met 👩🏽‍💼 Ahmed Karim in Vienna on 3 March 2024 \
         <script>alert(13)</script>.",
        "\u{202e}The Nile Company\u{202c} said on Monday that Ca\u{301}rdenas Holdings will open in \
         Cairo in 2026 👍🏿.",
    ] {
        a.blocks.push(Block {
            kind: BlockKind::Paragraph,
            text: extra.into(),
            styles: Vec::new(),
            source: Vec::new(),
        });
    }
    let a = Rc::new(a);
    let an = Rc::new(analyze(&a.parts(), a.meta.date.as_deref()));
    assert!(
        !an.entities.is_empty() && !an.timeline.is_empty(),
        "the analysis finds names and dates in the added sentences"
    );
    let div = mount(&a, &an, state("hostile")).await;
    assert_eq!(block_texts(&div), source_texts(&a));
    assert_inert(&div, "analysed");
    // Marks follow the mentions; overlapping mentions would not be
    // representable, so the analysis must not produce them.
    assert_marks(&div, &a, &an, "analysed");
    // Every event can be selected, and its sentence is a run of its part.
    let parts = a.parts();
    for (i, ev) in an.timeline.iter().enumerate() {
        let div = mount(
            &a,
            &an,
            ReaderState {
                event: Some(i),
                ..state("hostile")
            },
        )
        .await;
        assert_eq!(block_texts(&div), source_texts(&a), "event {i}");
        if ev.sentence.part > 0 {
            let sent: String = all(&div, "article .sent").iter().map(text).collect();
            assert_eq!(sent, ev.sentence.text(&parts), "event {i}");
        }
    }
}

/// The same text through the article parsers: Markdown (raw HTML there is
/// text, not markup) and a scraped `.txt` page.
#[wasm_bindgen_test]
async fn parsed_hostile_files_render_as_their_text() {
    let body = BLOCKS.join("\n\n");
    let md = format!("+++\ntitle = \"Hostile\"\n+++\n\n{body}\n");
    let txt = format!("Hostile\n\n{body}\n");
    for (path, src) in [("hostile.md", md), ("hostile.txt", txt)] {
        let a = match parse_article(path, src.as_bytes()) {
            Ok(a) => Rc::new(a),
            Err(e) => panic!("{path} does not parse: {e}"),
        };
        let joined: String = source_texts(&a).join("\n");
        for needle in ["<script>alert(1)</script>", "javascript:alert", "👩‍👩‍👧‍👦"]
        {
            assert!(joined.contains(needle), "{path}: {needle:?} kept as text");
        }
        let an = Rc::new(analyze(&a.parts(), None));
        let div = mount(&a, &an, state(&a.slug)).await;
        assert_eq!(block_texts(&div), source_texts(&a), "{path}");
        assert_marks(&div, &a, &an, path);
        assert_inert(&div, path);
    }
}

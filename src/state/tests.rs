//! The reducer, natively: Escape's cascade, the history rules, the card.

use std::rc::Rc;

use dossier_core::analysis::EntityKind;
use dossier_core::view::Route;
use yew::Reducible;

use super::{Action, Place, ReaderState};

fn article(slug: &str, entity: Option<&str>, event: Option<usize>) -> Route {
    Route::Article {
        slug: slug.to_string(),
        entity: entity.map(str::to_string),
        event,
        mention: None,
        sentence: None,
    }
}

fn at(route: Route) -> Rc<ReaderState> {
    Rc::new(ReaderState::new(route, Vec::new(), None))
}

fn apply(s: &Rc<ReaderState>, action: Action) -> Rc<ReaderState> {
    Rc::clone(s).reduce(action)
}

/// Follows a link (or an edited URL) to `route`.
fn navigate(s: &Rc<ReaderState>, route: &Route) -> Rc<ReaderState> {
    apply(
        s,
        Action::Navigate {
            route: route.clone(),
            held: None,
        },
    )
}

/// A link to a place in article `slug`: a mention of an entity, or a sentence.
fn link(
    slug: &str,
    entity: Option<&str>,
    mention: Option<usize>,
    sentence: Option<usize>,
) -> Route {
    Route::Article {
        slug: slug.to_string(),
        entity: entity.map(str::to_string),
        event: None,
        mention,
        sentence,
    }
}

#[test]
fn escape_closes_the_innermost_thing_first() {
    let mut s = at(article("a", None, None));
    s = apply(&s, Action::Focus(Some("e1".into())));
    s = apply(&s, Action::SelectEvent(Some(2)));
    s = apply(&s, Action::SetFind("x".into()));
    s = apply(
        &s,
        Action::Card {
            at: Some((0, 1)),
            reveal: false,
        },
    );
    s = apply(&s, Action::ToggleHelp);
    let s = Rc::new(ReaderState {
        by_reader: false,
        ..(*s).clone()
    });
    // help, then the card, then the find, then focus and selection together
    let s1 = apply(&s, Action::Clear);
    assert!(!s1.help);
    assert_eq!(s1.card, Some((0, 1)));
    assert!(!s1.by_reader, "closing help is no move of the reader");
    let s2 = apply(&s1, Action::Clear);
    assert_eq!(s2.card, None);
    assert_eq!(s2.find, "x");
    let s3 = apply(&s2, Action::Clear);
    assert_eq!((s3.find.as_str(), s3.hit), ("", 0));
    assert_eq!(s3.focus.as_deref(), Some("e1"));
    assert_eq!(s3.event, Some(2));
    let s4 = apply(&s3, Action::Clear);
    assert_eq!((s4.focus.clone(), s4.event), (None, None));
    assert!(s4.by_reader, "clearing the focus is a new history entry");
    assert_eq!(s4.route(), article("a", None, None));
}

#[test]
fn moves_of_the_reader_are_history_entries_and_the_url_is_not() {
    let s = at(article("a", None, None));
    assert!(!s.by_reader);
    let focused = apply(&s, Action::Focus(Some("e1".into())));
    assert!(focused.by_reader);
    assert_eq!(focused.route(), article("a", Some("e1"), None));
    let selected = apply(&focused, Action::SelectEvent(Some(3)));
    assert!(selected.by_reader);
    // The hash names the entity; the entry holds the event.
    assert_eq!(selected.route(), article("a", Some("e1"), None));
    assert_eq!(selected.held_event(), Some(3));
    // Back: the URL names the place, which only replaces the entry.
    let back = apply(
        &selected,
        Action::Navigate {
            route: article("a", None, Some(1)),
            held: None,
        },
    );
    assert!(!back.by_reader);
    assert_eq!((back.focus.clone(), back.event), (None, Some(1)));
    assert_eq!(back.held_event(), None);
    // A focused entity with the event held by the entry restores both.
    let forward = apply(
        &back,
        Action::Navigate {
            route: article("a", Some("e1"), None),
            held: Some(3),
        },
    );
    assert_eq!(forward.focus.as_deref(), Some("e1"));
    assert_eq!(forward.event, Some(3));
    // The place the state shows already: nothing changes, not even the value.
    let same = apply(
        &forward,
        Action::Navigate {
            route: forward.route(),
            held: forward.held_event(),
        },
    );
    assert!(Rc::ptr_eq(&same, &forward));
}

#[test]
fn a_new_article_starts_clean_and_scrolls_to_its_event() {
    let mut s = at(article("a", None, None));
    s = apply(&s, Action::SetFind("x".into()));
    s = apply(
        &s,
        Action::StepHit {
            forward: true,
            total: 3,
        },
    );
    s = apply(
        &s,
        Action::Card {
            at: Some((1, 0)),
            reveal: false,
        },
    );
    let other = apply(
        &s,
        Action::Navigate {
            route: article("b", None, Some(4)),
            held: None,
        },
    );
    assert_eq!(other.slug.as_deref(), Some("b"));
    assert_eq!((other.find.as_str(), other.hit, other.card), ("", 0, None));
    assert_eq!(other.event, Some(4));
    assert_eq!(other.scroll.as_deref(), Some(&Place::Event(4)));
    // Another event of the same article scrolls too; the library clears.
    let next = apply(
        &other,
        Action::Navigate {
            route: article("b", None, Some(5)),
            held: None,
        },
    );
    assert_eq!(next.scroll.as_deref(), Some(&Place::Event(5)));
    let library = apply(
        &next,
        Action::Navigate {
            route: Route::Library,
            held: None,
        },
    );
    assert_eq!(library.slug, None);
    assert_eq!((library.focus.clone(), library.event), (None, None));
    // A set of one article has no library: it stays open.
    let only = ReaderState::new(Route::Library, Vec::new(), Some("solo".into()));
    assert_eq!(only.slug.as_deref(), Some("solo"));
}

#[test]
fn a_link_to_a_mention_scrolls_to_it_until_the_reader_moves_on() {
    let named = link("a", Some("e1"), Some(3), None);
    let s = at(named.clone());
    assert_eq!(s.scroll.as_deref(), Some(&Place::Named(3)));
    assert_eq!(s.focus.as_deref(), Some("e1"));
    // The URL keeps it (reload, Back and Forward come back to it).
    assert_eq!(s.route(), named);
    assert_eq!(named.to_hash(), "#/a/a/e/e1/3");
    // The same link again is no new place; another mention is.
    let same = navigate(&s, &named);
    assert!(Rc::ptr_eq(&s, &same));
    let t = navigate(&s, &link("a", Some("e1"), Some(5), None));
    assert_eq!(t.scroll.as_deref(), Some(&Place::Named(5)));
    // Moving to another mention, or focusing, leaves it.
    let moved = apply(
        &t,
        Action::Card {
            at: Some((0, 6)),
            reveal: true,
        },
    );
    assert_eq!(moved.route(), article("a", Some("e1"), None));
    let refocused = apply(&t, Action::Focus(Some("e2".into())));
    assert_eq!(refocused.route(), article("a", Some("e2"), None));
}

#[test]
fn a_link_to_a_sentence_marks_it_until_the_reader_moves_on() {
    let named = link("a", None, None, Some(7));
    let s = at(named.clone());
    assert_eq!(s.scroll.as_deref(), Some(&Place::Sentence(7)));
    assert_eq!(s.sentence, Some(7));
    // The URL keeps it (reload, Back and Forward come back to it).
    assert_eq!(s.route(), named);
    assert_eq!(named.to_hash(), "#/a/a/s/7");
    let same = navigate(&s, &named);
    assert!(Rc::ptr_eq(&s, &same));
    // Selecting an event, focusing an entity or Escape leaves it.
    let selected = apply(&s, Action::SelectEvent(Some(1)));
    assert_eq!(
        (selected.sentence, selected.route()),
        (None, article("a", None, Some(1)))
    );
    let focused = apply(&s, Action::Focus(Some("e1".into())));
    assert_eq!(focused.sentence, None);
    assert_eq!(focused.route(), article("a", Some("e1"), None));
    let cleared = apply(&s, Action::Clear);
    assert_eq!(
        (cleared.sentence, cleared.route()),
        (None, article("a", None, None))
    );
    // Another article's sentence scrolls again, even with the same number.
    let t = navigate(&s, &link("b", None, None, Some(7)));
    assert_eq!(t.scroll.as_deref(), Some(&Place::Sentence(7)));
    assert_ne!(t.scroll, s.scroll);
    // The library forgets it.
    let library = navigate(&t, &Route::Library);
    assert_eq!(library.sentence, None);
}

#[test]
fn focus_clears_the_selection_and_toggles() {
    let s = at(article("a", None, Some(2)));
    let f = apply(&s, Action::ToggleFocus("e1".into()));
    assert_eq!(f.focus.as_deref(), Some("e1"));
    assert_eq!(f.event, None);
    let other = apply(&f, Action::ToggleFocus("e2".into()));
    assert_eq!(other.focus.as_deref(), Some("e2"));
    let off = apply(&other, Action::ToggleFocus("e2".into()));
    assert_eq!(off.focus, None);
    assert!(off.by_reader);
    let selected = apply(&f, Action::SelectEvent(Some(1)));
    assert_eq!(selected.focus.as_deref(), Some("e1"));
    assert_eq!(selected.scroll.as_deref(), Some(&Place::Event(1)));
    // Selecting it again asks again; clearing the selection asks nothing.
    let again = apply(&selected, Action::SelectEvent(Some(1)));
    assert_ne!(again.scroll, selected.scroll);
    assert_eq!(again.scroll.as_deref(), Some(&Place::Event(1)));
    let unselected = apply(&selected, Action::SelectEvent(None));
    assert_eq!(unselected.scroll, selected.scroll);
}

#[test]
fn restore_reads_the_url_and_storage_once() {
    let mut s = ReaderState::new(Route::Library, Vec::new(), None);
    s.restoring = true;
    let s = Rc::new(s);
    let r = apply(
        &s,
        Action::Restore {
            route: article("a", Some("e1"), None),
            held: Some(2),
            hidden: vec![EntityKind::Place],
        },
    );
    assert!(!r.restoring && !r.by_reader);
    assert_eq!(r.hidden, vec![EntityKind::Place]);
    assert_eq!(r.route(), article("a", Some("e1"), None));
    assert_eq!(r.held_event(), Some(2));
    assert!(r.is_hidden(EntityKind::Place));
}

#[test]
fn types_toggle_and_stay_sorted() {
    let s = at(Route::Library);
    let a = apply(&s, Action::ToggleType(EntityKind::Place));
    let b = apply(&a, Action::ToggleType(EntityKind::Person));
    assert_eq!(b.hidden, vec![EntityKind::Person, EntityKind::Place]);
    let c = apply(&b, Action::ToggleType(EntityKind::Place));
    assert_eq!(c.hidden, vec![EntityKind::Person]);
    assert_eq!(
        super::hidden_from_string(&super::hidden_to_string(&b.hidden)),
        b.hidden
    );
    assert_eq!(
        super::hidden_from_string("place,person,place,nonsense"),
        b.hidden
    );
}

#[test]
fn hits_wrap_around() {
    let s = apply(&at(article("a", None, None)), Action::SetFind("q".into()));
    let step = |s: &Rc<ReaderState>, forward| apply(s, Action::StepHit { forward, total: 3 });
    let back = step(&s, false);
    assert_eq!(back.hit, 2);
    assert_eq!(step(&back, true).hit, 0);
    let none = apply(
        &s,
        Action::StepHit {
            forward: true,
            total: 0,
        },
    );
    assert!(Rc::ptr_eq(&none, &s));
    assert_eq!(apply(&back, Action::SetFind("r".into())).hit, 0);
}

#[test]
fn a_hovered_card_closes_when_the_pointer_leaves_unless_pinned() {
    let s = at(article("a", None, None));
    let hover = apply(&s, Action::HoverCard((1, 2)));
    assert_eq!(hover.card, Some((1, 2)));
    assert!(!hover.pinned);
    // Leaving another mention changes nothing.
    assert!(Rc::ptr_eq(&apply(&hover, Action::HoverEnd((0, 0))), &hover));
    assert_eq!(apply(&hover, Action::HoverEnd((1, 2))).card, None);
    let pinned = apply(&hover, Action::PinCard);
    assert!(pinned.pinned);
    assert_eq!(apply(&pinned, Action::HoverEnd((1, 2))).card, Some((1, 2)));
    assert!(Rc::ptr_eq(&apply(&pinned, Action::PinCard), &pinned));
    // A click pins; revealing asks for a scroll each time.
    let clicked = apply(
        &s,
        Action::Card {
            at: Some((0, 0)),
            reveal: true,
        },
    );
    assert!(clicked.pinned);
    // A pinned card is not taken over by a mark passing under the pointer.
    assert!(Rc::ptr_eq(
        &apply(&clicked, Action::HoverCard((1, 2))),
        &clicked
    ));
    assert_eq!(clicked.scroll.as_deref(), Some(&Place::Mention(0, 0)));
    let again = apply(
        &clicked,
        Action::Card {
            at: Some((0, 0)),
            reveal: false,
        },
    );
    assert!(Rc::ptr_eq(&again, &clicked));
    let help = apply(&s, Action::ToggleHelp);
    assert!(help.help && !apply(&help, Action::ToggleHelp).help);
}

#[test]
fn pages_of_the_set_are_routes_and_keep_the_article_underneath() {
    let mut s = at(article("a", Some("e1"), None));
    for page in [
        Route::Entity { key: "k".into() },
        Route::Timeline,
        Route::Search {
            query: "harbour lights".into(),
        },
    ] {
        s = apply(
            &s,
            Action::Navigate {
                route: page.clone(),
                held: None,
            },
        );
        assert_eq!(s.route(), page);
        assert_eq!(s.slug.as_deref(), Some("a"));
    }
    s = apply(
        &s,
        Action::Navigate {
            route: article("a", None, Some(1)),
            held: None,
        },
    );
    assert_eq!(s.page, None);
    assert_eq!(s.route(), article("a", None, Some(1)));
    let reloaded = at(Route::Timeline);
    assert_eq!(reloaded.route(), Route::Timeline);
}

#[test]
fn an_added_article_opens_as_the_readers_move_and_the_library_lists_again() {
    let s = Rc::new(ReaderState::new(
        Route::Library,
        Vec::new(),
        Some("seed".into()),
    ));
    assert_eq!(s.slug.as_deref(), Some("seed"));
    let s = apply(&s, Action::SetOnly(None));
    assert_eq!(s.only, None);
    // Still reading the seed: nothing moves under the reader.
    assert_eq!(s.slug.as_deref(), Some("seed"));
    let s = apply(&s, Action::Go(article("harbour-notes", None, None)));
    assert_eq!(s.slug.as_deref(), Some("harbour-notes"));
    assert!(s.by_reader, "Back returns to where the reader was");
    let s = apply(&s, Action::Go(Route::Library));
    assert_eq!(
        s.slug, None,
        "with articles of the reader's, the library lists"
    );
    let same = apply(&s, Action::SetOnly(None));
    assert!(Rc::ptr_eq(&s, &same));
}

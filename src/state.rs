//! The reader's state: one reducible value, changed only through [`Action`]s.
//! The URL hash and local storage are projections of it, written by effects.

use std::rc::Rc;

use dossier_core::analysis::{Analysis, EntityKind, Span};
use dossier_core::view::Route;
use yew::prelude::*;

use crate::ptr::Ptr;

/// A place the reader asked to be brought into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The sentence of a timeline event.
    Event(usize),
    /// A mention (entity index, ordinal), which also takes the keyboard
    /// focus.
    Mention(usize, usize),
    /// The mention of the focused entity that a link names (its ordinal).
    Named(usize),
    /// A sentence a link names (a search result): its index in the
    /// analysis's sentences.
    Sentence(usize),
}

impl Place {
    /// The sentence this place marks: an event's, or one a link names.
    pub fn sentence(&self, analysis: &Analysis) -> Option<Span> {
        match *self {
            Place::Event(i) => analysis.timeline.get(i).map(|ev| ev.sentence),
            Place::Sentence(n) => analysis.sentences.get(n).copied(),
            Place::Mention(..) | Place::Named(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ReaderState {
    /// The open article; `None` shows the library.
    pub slug: Option<String>,
    /// When the set holds a single article, the library opens it.
    pub only: Option<String>,
    /// Entity types whose highlights are switched off.
    pub hidden: Vec<EntityKind>,
    /// Id of the focused entity.
    pub focus: Option<String>,
    /// Index of the selected timeline event.
    pub event: Option<usize>,
    /// The mention of the focused entity the URL names (a link from the
    /// set's pages to that sentence), until the reader moves on.
    pub mention: Option<usize>,
    /// The sentence the URL names (a search result's link), marked until
    /// the reader moves on.
    pub sentence: Option<usize>,
    /// The find query and the index of the current hit.
    pub find: String,
    pub hit: usize,
    /// The mention whose card is shown: (entity index, mention ordinal).
    pub card: Option<(usize, usize)>,
    /// False while the card is only hovered: it then closes when the
    /// pointer leaves. Focus, a click, a key or the pointer on the card
    /// keep it open.
    pub pinned: bool,
    /// The place the reader last asked to see. Each request is a new
    /// allocation, compared by identity: asking again for the same place
    /// scrolls again.
    pub scroll: Option<Ptr<Place>>,
    pub help: bool,
    /// True on a prerendered page until the URL and storage have been read:
    /// the first render matches the page's HTML, and nothing is written back
    /// to the URL or storage before [`Action::Restore`].
    pub restoring: bool,
    /// True when the route last changed by the reader's doing in the page
    /// (a focus, a selection, Escape) rather than by the URL: the URL then
    /// records it as a new history entry, so that Back undoes it.
    pub by_reader: bool,
    /// A page of the set (an entity, the set timeline, search) shown
    /// instead of the library or the article; the article stays open
    /// underneath.
    pub page: Option<Route>,
    /// Changes whenever the reader's own articles change (the library and
    /// the reader render again).
    pub yours: u32,
    /// Changes whenever the corrected analysis of an article comes or goes
    /// (the reader renders again).
    pub corrected: u32,
    /// A problem the page tells the reader about (the module that adds
    /// articles could not be loaded).
    pub notice: Option<String>,
}

pub enum Action {
    /// Go to the place the URL names (links, back and forward, an edited
    /// URL): its route and the event its history entry holds (see
    /// [`ReaderState::held_event`]).
    Navigate {
        route: Route,
        held: Option<usize>,
    },
    /// After a prerendered page is hydrated: the place of the URL and the
    /// hidden types of storage.
    Restore {
        route: Route,
        held: Option<usize>,
        hidden: Vec<EntityKind>,
    },
    ToggleType(EntityKind),
    /// Focus an entity, or clear the focus.
    Focus(Option<String>),
    /// Focus an entity, or clear the focus when it is the focused one.
    ToggleFocus(String),
    /// Select a timeline event (and scroll the text to its sentence).
    SelectEvent(Option<usize>),
    SetFind(String),
    /// Move to the next or previous hit out of `total`.
    StepHit {
        forward: bool,
        total: usize,
    },
    /// Show the card of a mention; `reveal` also scrolls to it and focuses it.
    Card {
        at: Option<(usize, usize)>,
        reveal: bool,
    },
    /// The pointer is on a mention: show its card until the pointer leaves.
    HoverCard((usize, usize)),
    /// The pointer left that mention: close its card unless it is pinned.
    HoverEnd((usize, usize)),
    /// The pointer is on the card: keep it.
    PinCard,
    ToggleHelp,
    /// The article the library opens by itself (the set's only one while the
    /// reader has added none), or `None`: the library lists them.
    SetOnly(Option<String>),
    /// Go to `route` by the reader's doing (an article just added, the
    /// library after a batch): a new history entry.
    Go(Route),
    /// Escape: closes the innermost thing open (help, card, find), then the
    /// focus and selection.
    Clear,
    /// The reader's own articles changed.
    YoursChanged,
    /// The corrected analysis of an article came (or went).
    Corrected,
    /// Tell the reader about a problem, or stop telling.
    Notice(Option<String>),
}

impl ReaderState {
    pub fn new(route: Route, hidden: Vec<EntityKind>, only: Option<String>) -> Self {
        Self::at(route, None, hidden, only)
    }

    /// The state of a visit that starts at `route`, with the event `held`
    /// by the history entry (see [`ReaderState::held_event`]).
    pub fn at(
        route: Route,
        held: Option<usize>,
        hidden: Vec<EntityKind>,
        only: Option<String>,
    ) -> Self {
        let mut s = ReaderState {
            hidden,
            only,
            ..Default::default()
        };
        s.go(route, held);
        s
    }

    fn go(&mut self, route: Route, held: Option<usize>) {
        self.page = None;
        match route {
            Route::Entity { .. } | Route::Timeline | Route::Search { .. } => {
                self.page = Some(route);
            }
            Route::Library => {
                self.slug = self.only.clone();
                self.focus = None;
                self.event = None;
                self.mention = None;
                self.sentence = None;
            }
            Route::Article {
                slug,
                entity,
                event,
                mention,
                sentence,
            } => {
                // The hash names the event only when no entity is focused.
                let event = if entity.is_some() { held } else { event };
                let other = self.slug.as_deref() != Some(slug.as_str());
                if other {
                    self.find.clear();
                    self.hit = 0;
                    self.card = None;
                }
                if let Some(e) = event.filter(|&e| other || self.event != Some(e)) {
                    self.scroll = Some(Ptr::new(Place::Event(e)));
                }
                let mention = mention.filter(|_| entity.is_some());
                if let Some(k) =
                    mention.filter(|&k| other || self.mention != Some(k) || self.focus != entity)
                {
                    self.scroll = Some(Ptr::new(Place::Named(k)));
                }
                let sentence = sentence.filter(|_| entity.is_none() && event.is_none());
                if let Some(n) = sentence.filter(|&n| other || self.sentence != Some(n)) {
                    self.scroll = Some(Ptr::new(Place::Sentence(n)));
                }
                self.sentence = sentence;
                self.slug = Some(slug);
                self.focus = entity;
                self.event = event;
                self.mention = mention;
            }
        }
    }

    /// The route this state shows.
    pub fn route(&self) -> Route {
        if let Some(page) = &self.page {
            return page.clone();
        }
        match &self.slug {
            None => Route::Library,
            Some(slug) => Route::Article {
                slug: slug.clone(),
                entity: self.focus.clone(),
                event: if self.focus.is_some() {
                    None
                } else {
                    self.event
                },
                mention: self.focus.as_ref().and(self.mention),
                sentence: self
                    .sentence
                    .filter(|_| self.focus.is_none() && self.event.is_none()),
            },
        }
    }

    /// The selected event when an entity is focused: the hash names only
    /// the entity, so the history entry keeps the event (Back and Forward
    /// then restore both).
    pub fn held_event(&self) -> Option<usize> {
        match (&self.slug, &self.focus) {
            (Some(_), Some(_)) => self.event,
            _ => None,
        }
    }

    pub fn is_hidden(&self, kind: EntityKind) -> bool {
        self.hidden.contains(&kind)
    }

    /// Focuses `id` (a focus clears the selected event), or clears the focus.
    fn set_focus(&mut self, id: Option<String>) {
        if id.is_some() {
            self.event = None;
        }
        self.mention = None;
        self.sentence = None;
        self.focus = id;
        self.by_reader = true;
    }
}

impl Reducible for ReaderState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Restore {
                route,
                held,
                hidden,
            } => {
                s.restoring = false;
                s.by_reader = false;
                s.hidden = hidden;
                if route != s.route() || held != s.held_event() {
                    s.go(route, held);
                }
            }
            Action::Navigate { route, held } => {
                if route == s.route() && held == s.held_event() {
                    return self;
                }
                s.by_reader = false;
                s.go(route, held);
            }
            Action::ToggleType(kind) => {
                if let Some(i) = s.hidden.iter().position(|&k| k == kind) {
                    s.hidden.remove(i);
                } else {
                    s.hidden.push(kind);
                    s.hidden = in_order(&s.hidden);
                }
            }
            Action::Focus(id) => s.set_focus(id),
            Action::ToggleFocus(id) => {
                let id = (s.focus.as_deref() != Some(id.as_str())).then_some(id);
                s.set_focus(id);
            }
            Action::SelectEvent(ev) => {
                s.event = ev;
                s.mention = None;
                s.sentence = None;
                s.by_reader = true;
                if let Some(e) = ev {
                    s.scroll = Some(Ptr::new(Place::Event(e)));
                }
            }
            Action::SetFind(q) => {
                s.find = q;
                s.hit = 0;
            }
            Action::StepHit { forward, total } => {
                if total == 0 {
                    return self;
                }
                s.hit = if forward {
                    (s.hit + 1) % total
                } else {
                    (s.hit + total - 1) % total
                };
            }
            Action::Card { at, reveal } => {
                if at == s.card && !reveal && s.pinned {
                    return self;
                }
                s.card = at;
                s.pinned = true;
                if let (true, Some((e, k))) = (reveal, at) {
                    s.scroll = Some(Ptr::new(Place::Mention(e, k)));
                    // the reader moved on from the mention a link named
                    s.mention = None;
                }
            }
            Action::HoverCard(at) => {
                // A card the reader pinned (by click, key or arrow) stays:
                // scrolling to a mention brings other marks under a resting
                // pointer, and those must not take the card away.
                if s.card == Some(at) || (s.pinned && s.card.is_some()) {
                    return self;
                }
                s.card = Some(at);
                s.pinned = false;
            }
            Action::HoverEnd(at) => {
                if s.card != Some(at) || s.pinned {
                    return self;
                }
                s.card = None;
            }
            Action::PinCard => {
                if s.pinned || s.card.is_none() {
                    return self;
                }
                s.pinned = true;
            }
            Action::ToggleHelp => s.help = !s.help,
            Action::SetOnly(only) => {
                if s.only == only {
                    return self;
                }
                s.only = only;
            }
            Action::Go(route) => {
                if route == s.route() {
                    return self;
                }
                s.by_reader = true;
                s.go(route, None);
            }
            Action::YoursChanged => s.yours = s.yours.wrapping_add(1),
            Action::Corrected => s.corrected = s.corrected.wrapping_add(1),
            Action::Notice(notice) => {
                if s.notice == notice {
                    return self;
                }
                s.notice = notice;
            }
            Action::Clear => {
                if s.help {
                    s.help = false;
                } else if s.card.is_some() {
                    s.card = None;
                } else if !s.find.is_empty() {
                    s.find.clear();
                    s.hit = 0;
                } else {
                    s.focus = None;
                    s.event = None;
                    s.mention = None;
                    s.sentence = None;
                    s.by_reader = true;
                }
            }
        }
        Rc::new(s)
    }
}

/// The state handle every component reads and dispatches through.
pub type ReaderContext = UseReducerHandle<ReaderState>;

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    pub initial: ReaderState,
    #[prop_or_default]
    pub children: Html,
}

/// Owns the state and provides it to its children.
#[function_component(StateProvider)]
pub fn state_provider(props: &ProviderProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    html! {
        <ContextProvider<ReaderContext> context={state}>
            { props.children.clone() }
        </ContextProvider<ReaderContext>>
    }
}

/// The state handle; panics only if a component is used outside the
/// provider, which is a programming error caught by the component tests.
#[hook]
pub fn use_reader() -> ReaderContext {
    use_context::<ReaderContext>().expect("components are rendered inside StateProvider")
}

/// Entity types as stored: a comma-separated list of type names.
pub fn hidden_to_string(hidden: &[EntityKind]) -> String {
    hidden
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn hidden_from_string(s: &str) -> Vec<EntityKind> {
    let v: Vec<EntityKind> = s.split(',').filter_map(EntityKind::parse).collect();
    in_order(&v)
}

/// The kinds of `v`, once each, in their order (`EntityKind::ALL`).
fn in_order(v: &[EntityKind]) -> Vec<EntityKind> {
    EntityKind::ALL
        .into_iter()
        .filter(|k| v.contains(k))
        .collect()
}

#[cfg(test)]
mod tests;

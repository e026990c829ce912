//! The timeline: the article's dated events on a real time axis, then as a
//! list with their labels and entity chips. Selecting an event scrolls the
//! text to its sentence.
//!
//! The geometry is computed once per analysis; each list row and each mark
//! of the axis is a memoised component whose props are only its own state
//! (selected, read, shown, focused chip), so selecting an event or reading
//! on changes a few rows, not the list.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::{event_interval, event_label, gap_label, lanes, parse_value, Axis};
use yew::prelude::*;

use crate::dom;
use crate::state::{use_reader, Action};

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub analysis: Rc<Analysis>,
    /// Indices of the events shown (all, or those of the focused entity).
    pub visible: Rc<Vec<usize>>,
    /// The article's date, `YYYY-MM-DD`, which ends open ranges.
    #[prop_or_default]
    pub date: Option<String>,
    /// The block being read, for the scroll-spy.
    #[prop_or_default]
    pub reading: ReadingSpy,
}

/// The block part being read, shared with the rows and marks of its events:
/// a new part re-renders those few, never the timeline.
#[derive(Clone, Default)]
pub struct ReadingSpy(Rc<Spy>);

/// How long the scroll-spy holds still after the last scroll of a jump to
/// a selected event.
pub const HOLD_MS: i32 = 200;

/// An event index and what to tell it.
type Listener = (usize, Callback<bool>);

#[derive(Default)]
struct Spy {
    part: Cell<Option<usize>>,
    /// True while the page scrolls to a selected event: the scroll-spy
    /// leaves the block marked by [`ReadingSpy::jump`] as it is.
    held: Cell<bool>,
    /// Bumped by each hold and release: a timer ends only its own hold.
    hold: Cell<u32>,
    /// Each event's block part.
    parts: Vec<usize>,
    /// Listeners with their event index; a listener's id is its slot,
    /// free slots are reused.
    listeners: RefCell<Vec<Option<Listener>>>,
    free: RefCell<Vec<usize>>,
}

impl PartialEq for ReadingSpy {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl ReadingSpy {
    pub fn new(analysis: &Analysis) -> Self {
        ReadingSpy(Rc::new(Spy {
            parts: analysis.timeline.iter().map(|e| e.sentence.part).collect(),
            ..Default::default()
        }))
    }

    /// True when event `i` is in the block being read.
    pub fn reads(&self, i: usize) -> bool {
        let part = self.0.part.get();
        part.is_some() && self.0.parts.get(i).copied() == part
    }

    /// The block part now read; tells the events that start or stop being
    /// read, and keeps the first of them in view in the panel.
    pub fn set(&self, part: Option<usize>) {
        let old = self.0.part.replace(part);
        if old == part {
            return;
        }
        let touched = |p: Option<usize>| p.is_some() && (p == old || p == part);
        let calls: Vec<(bool, Callback<bool>)> = self
            .0
            .listeners
            .borrow()
            .iter()
            .flatten()
            .filter(|(i, _)| touched(self.0.parts.get(*i).copied()))
            .map(|(i, cb)| (self.reads(*i), cb.clone()))
            .collect();
        for (on, cb) in calls {
            cb.emit(on);
        }
        if part.is_some() && dom::query("#timeline-list li.selected").is_none() {
            let first = self
                .0
                .parts
                .iter()
                .enumerate()
                .filter(|(_, &p)| Some(p) == part)
                .find_map(|(i, _)| dom::query(&format!("#timeline-list li[data-index=\"{i}\"]")));
            if let Some(li) = first {
                keep_in_view_if_wide(&li);
            }
        }
    }

    /// An event of block `part` was selected and the page scrolls to its
    /// sentence: that block is the one read, now, in the same update as the
    /// selection. The scroll-spy then holds still until the scroll is over
    /// (no scroll for [`HOLD_MS`]) or the reader scrolls, so that the scroll
    /// does not re-render the timeline.
    pub fn jump(&self, part: usize) {
        self.set(Some(part));
        self.0.held.set(true);
        self.rearm();
    }

    /// True while the scroll-spy holds still after [`ReadingSpy::jump`].
    pub fn held(&self) -> bool {
        self.0.held.get()
    }

    /// The page scrolled during a hold: the hold lasts until the scroll ends.
    pub fn still_scrolling(&self) {
        if self.held() {
            self.rearm();
        }
    }

    /// The reader scrolls or types: the scroll-spy follows again.
    pub fn release(&self) {
        if self.held() {
            self.0.held.set(false);
            self.0.hold.set(self.0.hold.get().wrapping_add(1));
        }
    }

    fn rearm(&self) {
        let hold = self.0.hold.get().wrapping_add(1);
        self.0.hold.set(hold);
        let spy = self.clone();
        dom::later(HOLD_MS, move || {
            if spy.0.hold.get() == hold {
                spy.0.held.set(false);
            }
        });
    }

    fn listen(&self, i: usize, cb: Callback<bool>) -> usize {
        let mut all = self.0.listeners.borrow_mut();
        match self.0.free.borrow_mut().pop() {
            Some(slot) if slot < all.len() => {
                all[slot] = Some((i, cb));
                slot
            }
            _ => {
                all.push(Some((i, cb)));
                all.len() - 1
            }
        }
    }

    fn forget(&self, id: usize) {
        if let Some(slot) = self.0.listeners.borrow_mut().get_mut(id) {
            *slot = None;
            self.0.free.borrow_mut().push(id);
        }
    }
}

/// Whether event `i` is in the block being read, kept current.
#[hook]
fn use_read(spy: &ReadingSpy, i: usize) -> bool {
    let on = use_state_eq(|| spy.reads(i));
    let setter = on.setter();
    use_effect_with((spy.clone(), i), move |(spy, i)| {
        setter.set(spy.reads(*i));
        let id = spy.listen(*i, Callback::from(move |b| setter.set(b)));
        let spy = spy.clone();
        move || spy.forget(id)
    });
    *on
}

/// Selects event `i` and moves keyboard focus to it.
fn select_and_focus(
    d: &yew::functional::UseReducerDispatcher<crate::state::ReaderState>,
    i: usize,
) {
    d.dispatch(Action::SelectEvent(Some(i)));
    if let Some(b) = dom::query(&format!("#timeline-list li[data-index=\"{i}\"] button.ev")) {
        dom::focus(&b);
    }
}

/// Scrolls the panel (not the page) so that `item` is visible. Instant, so
/// that it never competes with a smooth scroll of the page.
fn keep_in_view(panel: &web_sys::Element, item: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let (Some(p), Some(i)) = (
        panel.dyn_ref::<web_sys::HtmlElement>(),
        item.dyn_ref::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    let top = i.offset_top();
    let bottom = top + i.offset_height();
    let view = p.scroll_top();
    let height = p.client_height();
    if top < view || bottom > view + height {
        p.set_scroll_top((top - height / 3).max(0));
    }
}

/// What the timeline draws that depends on the analysis and the date only.
struct Geometry {
    /// Each event's interval in days, `None` when it cannot be placed.
    intervals: Vec<Option<(i64, i64)>>,
    published: Option<i64>,
    axis: Option<AxisGeometry>,
}

struct AxisGeometry {
    axis: Axis,
    /// One per placed event, in event order.
    marks: Vec<MarkShape>,
    base: f64,
    height: f64,
    /// Label every `every`-th tick.
    every: usize,
}

struct MarkShape {
    event: usize,
    bar: bool,
    left: f64,
    width: f64,
    y: f64,
    tip: String,
}

const LANE_H: f64 = 12.0;
const TOP: f64 = 4.0;

fn geometry(analysis: &Analysis, date: Option<&str>) -> Geometry {
    let events = &analysis.timeline;
    let published = date.and_then(parse_value).map(|d| d.0);
    // The axis covers every event so that focusing does not rescale it.
    let present = published.or_else(|| {
        events
            .iter()
            .filter(|e| !e.open_ended)
            .filter_map(|e| event_interval(e, None))
            .map(|i| i.1)
            .max()
    });
    let intervals: Vec<Option<(i64, i64)>> =
        events.iter().map(|e| event_interval(e, present)).collect();
    // The publication date is on the axis too, as the reader's "now".
    let mut covered: Vec<(i64, i64)> = intervals.iter().flatten().copied().collect();
    if let (Some(day), false) = (published, covered.is_empty()) {
        covered.push((day, day + 1));
    }
    let axis = Axis::fit(&covered).map(|axis| {
        let places: Vec<(usize, (f64, f64))> = intervals
            .iter()
            .enumerate()
            .filter_map(|(i, iv)| iv.map(|iv| (i, axis.place(iv))))
            .collect();
        let lane_of = lanes(&places.iter().map(|p| p.1).collect::<Vec<_>>(), 0.03);
        // Past four lanes, marks share a lane (same-day events overlap).
        let lane_of: Vec<usize> = lane_of.into_iter().map(|l| l.min(3)).collect();
        let n_lanes = lane_of.iter().max().map_or(1, |m| m + 1);
        // Label at most four ticks so the labels never collide.
        let every = axis.ticks.len().div_ceil(4).max(1);
        let base = TOP + n_lanes as f64 * LANE_H + 2.0;
        let marks = places
            .iter()
            .zip(&lane_of)
            .filter_map(|(&(event, (left, width)), &lane)| {
                let ev = events.get(event)?;
                Some(MarkShape {
                    event,
                    bar: width > 0.012,
                    left,
                    width,
                    y: TOP + lane as f64 * LANE_H,
                    tip: format!("{} — {}", event_label(ev), ev.label),
                })
            })
            .collect();
        AxisGeometry {
            axis,
            marks,
            base,
            height: base + 20.0,
            every,
        }
    });
    Geometry {
        intervals,
        published,
        axis,
    }
}

#[derive(Properties)]
struct AxisMarkProps {
    geometry: Rc<Geometry>,
    /// Index into the axis's marks.
    k: usize,
    selected: bool,
    open: bool,
    spy: ReadingSpy,
    on_select: Callback<usize>,
}

impl PartialEq for AxisMarkProps {
    fn eq(&self, o: &Self) -> bool {
        self.k == o.k
            && self.selected == o.selected
            && self.open == o.open
            && self.spy == o.spy
            && Rc::ptr_eq(&self.geometry, &o.geometry)
            && self.on_select == o.on_select
    }
}

#[function_component(AxisMark)]
fn axis_mark(p: &AxisMarkProps) -> Html {
    let i = p
        .geometry
        .axis
        .as_ref()
        .and_then(|a| a.marks.get(p.k))
        .map_or(usize::MAX, |m| m.event);
    let reading = use_read(&p.spy, i);
    let Some(shape) = p.geometry.axis.as_ref().and_then(|a| a.marks.get(p.k)) else {
        return html! {};
    };
    let i = shape.event;
    let class = classes!(
        "mark",
        shape.bar.then_some("bar"),
        p.open.then_some("open"),
        p.selected.then_some("selected"),
        reading.then_some("reading"),
    );
    let onclick = p.on_select.reform(move |_: MouseEvent| i);
    let tip = shape.tip.clone();
    if shape.bar {
        html! {
            <rect class={class} data-index={i.to_string()} onclick={onclick}
                x={format!("{:.3}%", shape.left * 100.0)} width={format!("{:.3}%", shape.width * 100.0)}
                y={format!("{:.0}", shape.y)} height="8" rx="4"><title>{ tip }</title></rect>
        }
    } else {
        html! {
            <circle class={class} data-index={i.to_string()} onclick={onclick}
                cx={format!("{:.3}%", (shape.left + shape.width / 2.0) * 100.0)} cy={format!("{:.0}", shape.y + 4.0)} r="4.5"><title>{ tip }</title></circle>
        }
    }
}

#[derive(Properties)]
struct RowProps {
    analysis: Rc<Analysis>,
    /// The event's index.
    i: usize,
    gap: Option<AttrValue>,
    selected: bool,
    spy: ReadingSpy,
    /// Takes the keyboard focus when the list is tabbed into.
    roving: bool,
    /// The focused entity, only when it is one of the event's.
    focus: Option<String>,
    on_select: Callback<usize>,
    on_chip: Callback<String>,
}

impl PartialEq for RowProps {
    fn eq(&self, o: &Self) -> bool {
        self.i == o.i
            && self.selected == o.selected
            && self.spy == o.spy
            && self.roving == o.roving
            && self.gap == o.gap
            && self.focus == o.focus
            && Rc::ptr_eq(&self.analysis, &o.analysis)
            && self.on_select == o.on_select
            && self.on_chip == o.on_chip
    }
}

#[function_component(EventRow)]
fn event_row(p: &RowProps) -> Html {
    let i = p.i;
    let reading = use_read(&p.spy, i);
    let Some(ev) = p.analysis.timeline.get(i) else {
        return html! {};
    };
    let onclick = p.on_select.reform(move |_: MouseEvent| i);
    let chips: Vec<Html> = ev
        .entities
        .iter()
        .filter_map(|id| {
            let e = p.analysis.entities.iter().find(|e| &e.id == id)?;
            let focused = p.focus.as_deref() == Some(id.as_str());
            let id = id.clone();
            let onclick = p.on_chip.reform(move |_: MouseEvent| id.clone());
            Some(html! {
                <li>
                    <button type="button" class="chip" data-type={e.kind.as_str()} data-entity={e.id.clone()}
                        aria-pressed={focused.to_string()} onclick={onclick}>{ e.name.clone() }</button>
                </li>
            })
        })
        .collect();
    html! {
        <li data-date={ev.date.to_string()}
            data-index={i.to_string()}
            data-until={ev.until.as_ref().map(ToString::to_string)}
            data-gap={p.gap.clone()}
            class={classes!("event", p.selected.then_some("selected"), reading.then_some("reading"), ev.open_ended.then_some("open"), p.gap.is_some().then_some("after-gap"))}
            aria-current={p.selected.then_some("true")}>
            <button type="button" class="ev" onclick={onclick} tabindex={if p.roving { "0" } else { "-1" }}>
                <span class="ev-date">{ event_label(ev) }</span>
                <span class="ev-label">{ ev.label.clone() }</span>
            </button>
            if !chips.is_empty() {
                <ul class="chips" aria-label="Entities in this event">{ for chips }</ul>
            }
        </li>
    }
}

/// Keeps `item` in view in the timeline panel, where the panel scrolls on
/// its own (wide screens).
fn keep_in_view_if_wide(item: &web_sys::Element) {
    let wide = dom::window()
        .and_then(|w| w.match_media("(min-width: 1180px)").ok().flatten())
        .is_some_and(|m| m.matches());
    if wide {
        if let Some(panel) = dom::query("[data-testid=timeline]") {
            keep_in_view(&panel, item);
        }
    }
}

#[derive(Properties)]
struct AxisMarksProps {
    analysis: Rc<Analysis>,
    geometry: Rc<Geometry>,
    selected: Option<usize>,
    spy: ReadingSpy,
    on_select: Callback<usize>,
}

impl PartialEq for AxisMarksProps {
    fn eq(&self, o: &Self) -> bool {
        self.selected == o.selected
            && Rc::ptr_eq(&self.analysis, &o.analysis)
            && Rc::ptr_eq(&self.geometry, &o.geometry)
            && self.spy == o.spy
            && self.on_select == o.on_select
    }
}

/// The events' marks on the axis; re-rendered only when the selection
/// changes, and then only the marks that change. The marks of events a
/// focus leaves out are dimmed by [`show_only`], not by a render.
#[function_component(AxisMarks)]
fn axis_marks(p: &AxisMarksProps) -> Html {
    let Some(g) = &p.geometry.axis else {
        return html! {};
    };
    let events = &p.analysis.timeline;
    html! {
        { for g.marks.iter().enumerate().map(|(k, m)| {
            let i = m.event;
            html! {
                <AxisMark
                    geometry={Rc::clone(&p.geometry)}
                    k={k}
                    selected={p.selected == Some(i)}
                    open={events.get(i).is_some_and(|e| e.open_ended)}
                    spy={p.spy.clone()}
                    on_select={p.on_select.clone()}
                />
            }
        }) }
    }
}

#[derive(Properties, PartialEq)]
struct EventListProps {
    analysis: Rc<Analysis>,
    /// The events listed, in order.
    events: Rc<Vec<usize>>,
    /// The gap before each listed event, by position in `events`.
    gaps: Rc<Vec<Option<AttrValue>>>,
    selected: Option<usize>,
    roving: Option<usize>,
    focus: Option<String>,
    spy: ReadingSpy,
    on_select: Callback<usize>,
    on_chip: Callback<String>,
}

/// The list's rows; re-rendered only when the selection, the focus or the
/// listed events change, and then only the rows that change.
#[function_component(EventList)]
fn event_list(p: &EventListProps) -> Html {
    let events = &p.analysis.timeline;
    html! {
        { for p.events.iter().enumerate().filter(|(_, &i)| i < events.len()).map(|(k, &i)| {
            let focus = p
                .focus
                .as_ref()
                .filter(|f| events.get(i).is_some_and(|ev| ev.entities.contains(f)))
                .cloned();
            html! {
                <EventRow
                    key={i}
                    analysis={Rc::clone(&p.analysis)}
                    i={i}
                    gap={p.gaps.get(k).cloned().flatten()}
                    selected={p.selected == Some(i)}
                    spy={p.spy.clone()}
                    roving={p.roving == Some(i)}
                    focus={focus}
                    on_select={p.on_select.clone()}
                    on_chip={p.on_chip.clone()}
                />
            }
        }) }
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let state = use_reader();
    let open = use_state(|| false);
    let analysis = &props.analysis;
    let events = &analysis.timeline;
    let geo = use_memo((Rc::clone(analysis), props.date.clone()), |(a, d)| {
        geometry(a, d.as_deref())
    });

    // Handlers made once: rows and marks compare equal across renders.
    let focus_now = use_mut_ref(|| None::<String>);
    focus_now.borrow_mut().clone_from(&state.focus);
    let on_select = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |i: usize| d.dispatch(Action::SelectEvent(Some(i))))
        })
    };
    let on_chip = {
        let d = state.dispatcher();
        let focus_now: Rc<RefCell<Option<String>>> = Rc::clone(&focus_now);
        use_memo((), move |_| {
            Callback::from(move |id: String| {
                let focused = focus_now.borrow().as_deref() == Some(id.as_str());
                d.dispatch(Action::Focus((!focused).then_some(id)));
            })
        })
    };

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let visible = Rc::clone(&props.visible);
    let onkeydown = {
        let d = state.dispatcher();
        let visible = Rc::clone(&visible);
        let current = state.event;
        Callback::from(move |e: KeyboardEvent| {
            let forward = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => true,
                "ArrowUp" | "ArrowLeft" => false,
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = dossier_core::view::step(&visible, current, forward) {
                select_and_focus(&d, i);
            }
        })
    };
    let step_to = |forward: bool| {
        let d = state.dispatcher();
        let visible = Rc::clone(&visible);
        let current = state.event;
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = dossier_core::view::step(&visible, current, forward) {
                d.dispatch(Action::SelectEvent(Some(i)));
            }
        })
    };
    // Keep the selected event in view inside the panel (the read one is
    // kept in view by the scroll-spy).
    use_effect_with(state.event, |_| {
        if let Some(li) = dom::query("#timeline-list li.selected") {
            keep_in_view_if_wide(&li);
        }
    });
    let focus_name = state.focus.as_deref().and_then(|id| {
        analysis
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    });
    let selected = state.event;
    // Between shown events, a long stretch of time is named.
    let gaps = {
        let geo = Rc::clone(&geo);
        use_memo(
            (Rc::clone(analysis), props.date.clone(), Rc::clone(&visible)),
            move |(_, _, visible)| gaps_between(&geo, visible),
        )
    };
    // Every event, for the whole list (kept while a focus shows its own).
    let all = use_memo(Rc::clone(analysis), |a| {
        (0..a.timeline.len()).collect::<Vec<_>>()
    });
    let all_gaps = {
        let (geo, all) = (Rc::clone(&geo), Rc::clone(&all));
        use_memo((Rc::clone(analysis), props.date.clone()), move |_| {
            gaps_between(&geo, &all)
        })
    };
    let filtered = visible.len() != events.len();
    // The axis marks of the events a focus shows are marked in place, after
    // the render; the axis dims the others.
    let axis_ref = use_node_ref();
    let marked = use_mut_ref(Vec::<bool>::new);
    {
        let (axis_ref, geo) = (axis_ref.clone(), Rc::clone(&geo));
        use_effect_with(
            (Rc::clone(analysis), Rc::clone(&visible)),
            move |(a, visible)| {
                mark_shown(
                    &axis_ref,
                    &geo,
                    &mut marked.borrow_mut(),
                    a.timeline.len(),
                    visible,
                )
            },
        );
    }
    let mut shown = vec![false; events.len()];
    for &i in visible.iter() {
        if let Some(s) = shown.get_mut(i) {
            *s = true;
        }
    }
    let roving = selected
        .filter(|&s| shown.get(s).copied().unwrap_or(false))
        .or(visible.first().copied());
    let summary = match selected.and_then(|i| events.get(i)) {
        Some(ev) => format!("{} · {}", event_label(ev), ev.label),
        None => format!("{} events", visible.len()),
    };

    let axis_html = match &geo.axis {
        None => html! {},
        Some(g) => {
            let axis = &g.axis;
            let every = g.every;
            let base = g.base;
            let first = axis
                .ticks
                .first()
                .map(|t| t.label.clone())
                .unwrap_or_default();
            let last = axis
                .ticks
                .last()
                .map(|t| t.label.clone())
                .unwrap_or_default();
            html! {
                <svg ref={axis_ref.clone()} class={classes!("axis", filtered.then_some("filtering"))} role="img" aria-label={format!("Time axis from {first} to {last}")}
                    width="100%" height={format!("{:.0}", g.height)}>
                    <line class="base" x1="0" x2="100%" y1={format!("{base:.0}")} y2={format!("{base:.0}")} />
                    if let Some(day) = geo.published {
                        <line class="published" x1={format!("{:.3}%", axis.at(day) * 100.0)} x2={format!("{:.3}%", axis.at(day) * 100.0)}
                            y1="0" y2={format!("{:.0}", base + 4.0)}>
                            <title>{ "Publication date" }</title>
                        </line>
                    }
                    { for axis.ticks.iter().enumerate().map(|(k, t)| {
                        let x = format!("{:.3}%", t.at * 100.0);
                        let anchor = if t.at < 0.08 { "start" } else if t.at > 0.92 { "end" } else { "middle" };
                        html! {
                            <g class={classes!("tick", (k % every != 0).then_some("minor"))}>
                                <line x1={x.clone()} x2={x.clone()} y1={format!("{:.0}", base - 3.0)} y2={format!("{:.0}", base + 4.0)} />
                                if k % every == 0 {
                                    <text x={x} y={format!("{:.0}", base + 16.0)} text-anchor={anchor}>{ t.label.clone() }</text>
                                }
                            </g>
                        }
                    }) }
                    <AxisMarks
                        analysis={Rc::clone(analysis)}
                        geometry={Rc::clone(&geo)}
                        selected={selected}
                        spy={props.reading.clone()}
                        on_select={(*on_select).clone()}
                    />
                </svg>
            }
        }
    };

    html! {
        <aside class={classes!("timeline", open.then_some("open"))} aria-label="Timeline" data-testid="timeline">
            <div class="panel-head">
                <h2>{ "Timeline" }</h2>
                <span class="tl-summary muted" aria-live="polite">{ summary }</span>
                if !visible.is_empty() {
                    <span class="tl-step">
                        <button type="button" class="icon" aria-label="Previous event" title="Previous event (k)" onclick={step_to(false)}>{ "‹" }</button>
                        <button type="button" class="icon" aria-label="Next event" title="Next event (j)" onclick={step_to(true)}>{ "›" }</button>
                    </span>
                }
                <button type="button" class="drawer-toggle" aria-expanded={open.to_string()} aria-controls="timeline-list" onclick={toggle}>
                    { if *open { "Hide" } else { "Show" } }
                </button>
            </div>
            if let Some(name) = focus_name {
                <p class="focus-note">{ format!("Events with {name}: {} of {}", visible.len(), events.len()) }</p>
            }
            { axis_html }
            if events.is_empty() {
                <p class="muted">{ "No dated events found in this article." }</p>
            }
            // The whole list stays while a focus lists its own events: set
            // aside (`off`: not rendered, not focusable, its layout kept), so
            // that a focus and its release do not rebuild thousands of rows.
            <ol class={classes!("events", filtered.then_some("off"))}
                id={(!filtered).then_some("timeline-list")}
                aria-hidden={filtered.then_some("true")}
                inert={filtered}
                onkeydown={(!filtered).then(|| onkeydown.clone())}>
                <EventList
                    analysis={Rc::clone(analysis)}
                    events={Rc::clone(&all)}
                    gaps={Rc::clone(&all_gaps)}
                    selected={selected.filter(|_| !filtered)}
                    roving={roving.filter(|_| !filtered)}
                    focus={None::<String>}
                    spy={props.reading.clone()}
                    on_select={(*on_select).clone()}
                    on_chip={(*on_chip).clone()}
                />
            </ol>
            if filtered {
                <ol class="events" id="timeline-list" onkeydown={onkeydown}>
                    <EventList
                        analysis={Rc::clone(analysis)}
                        events={Rc::clone(&visible)}
                        gaps={Rc::clone(&gaps)}
                        selected={selected}
                        roving={roving}
                        focus={state.focus.clone()}
                        spy={props.reading.clone()}
                        on_select={(*on_select).clone()}
                        on_chip={(*on_chip).clone()}
                    />
                </ol>
            }
        </aside>
    }
}

/// The gap named before each event of `shown` (by position), from the one
/// before it.
fn gaps_between(geo: &Geometry, shown: &[usize]) -> Vec<Option<AttrValue>> {
    let at = |i: usize| geo.intervals.get(i).copied().flatten();
    let mut out: Vec<Option<AttrValue>> = vec![None];
    out.extend(shown.windows(2).map(|w| {
        let (a, b) = (at(w[0])?, at(w[1])?);
        gap_label(a.0, b.0).map(AttrValue::from)
    }));
    out
}

/// While a focus filters the `n` events down to `visible`, marks the axis
/// marks of the events in `visible` (`data-on`; the axis dims the others). The
/// attribute is not part of what the marks render, so that a focus and its
/// release cost one attribute per mark of the focus, not a render of every
/// mark. `on` is what the marks show now (empty before the first call),
/// updated here.
fn mark_shown(axis: &NodeRef, geo: &Geometry, on: &mut Vec<bool>, n: usize, visible: &[usize]) {
    use wasm_bindgen::JsCast;
    let mut want = vec![false; n];
    if visible.len() != n {
        for &i in visible {
            if let Some(w) = want.get_mut(i) {
                *w = true;
            }
        }
    }
    // marks are drawn without it, and each article gets a new reader (keyed
    // by its slug): a new axis starts from none marked
    if on.len() != n {
        *on = vec![false; n];
    }
    if want == *on {
        return;
    }
    let marks = axis
        .cast::<web_sys::Element>()
        .and_then(|a| a.query_selector_all(".mark").ok());
    // one mark per entry of the geometry's marks, in order
    if let (Some(marks), Some(g)) = (marks, &geo.axis) {
        for (k, m) in g.marks.iter().enumerate() {
            let (Some(&now), Some(&was)) = (want.get(m.event), on.get(m.event)) else {
                continue;
            };
            if now == was {
                continue;
            }
            let el = marks
                .item(k as u32)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
            if let Some(el) = el {
                let _ = el.toggle_attribute_with_force("data-on", now);
            }
        }
    }
    *on = want;
}

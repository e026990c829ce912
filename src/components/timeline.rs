//! The timeline: the article's dated events on a real time axis, then as a
//! list with their labels and entity chips. Selecting an event scrolls the
//! text to its sentence.

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
    /// The block part being read, for the scroll-spy.
    #[prop_or_default]
    pub reading: Option<usize>,
}

/// Selects event `i` and moves keyboard focus to it.
fn select_and_focus(
    d: &yew::functional::UseReducerDispatcher<crate::state::ReaderState>,
    i: usize,
) {
    d.dispatch(Action::SelectEvent(Some(i)));
    if let Some(b) = dom::query(&format!(
        "[data-testid=timeline] li[data-index=\"{i}\"] button.ev"
    )) {
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

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let state = use_reader();
    let open = use_state(|| false);
    let analysis = &props.analysis;
    let events = &analysis.timeline;

    let published = props.date.as_deref().and_then(parse_value).map(|d| d.0);
    // The axis covers every event so that focusing does not rescale it.
    let present = props
        .date
        .as_deref()
        .and_then(parse_value)
        .map(|d| d.0)
        .or_else(|| {
            events
                .iter()
                .filter(|e| !e.open_ended)
                .filter_map(|e| event_interval(e, None))
                .map(|i| i.1)
                .max()
        });
    let intervals: Vec<Option<(i64, i64)>> =
        events.iter().map(|e| event_interval(e, present)).collect();
    let placed: Vec<(i64, i64)> = intervals.iter().flatten().copied().collect();
    // The publication date is on the axis too, as the reader's "now".
    let mut covered = placed;
    if let (Some(day), false) = (published, covered.is_empty()) {
        covered.push((day, day + 1));
    }
    let axis = Axis::fit(&covered);

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
    // Keep the selected (or else the read) event in view inside the panel.
    {
        let key = (state.event, props.reading);
        use_effect_with(key, |_| {
            let wide = dom::window()
                .and_then(|w| w.match_media("(min-width: 1180px)").ok().flatten())
                .is_some_and(|m| m.matches());
            if wide {
                let sel = "[data-testid=timeline] li.selected, [data-testid=timeline] li.reading";
                if let (Some(li), Some(panel)) =
                    (dom::query(sel), dom::query("[data-testid=timeline]"))
                {
                    keep_in_view(&panel, &li);
                }
            }
        });
    }
    let focus_name = state.focus.as_deref().and_then(|id| {
        analysis
            .entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.name.clone())
    });
    let selected = state.event;
    let roving = selected
        .filter(|s| visible.contains(s))
        .or(visible.first().copied());
    let summary = match (selected.and_then(|i| events.get(i)), props.reading) {
        (Some(ev), _) => format!("{} · {}", event_label(ev), ev.label),
        (None, _) => format!("{} events", visible.len()),
    };

    let axis_html = match &axis {
        None => html! {},
        Some(axis) => {
            let places: Vec<(usize, (f64, f64))> = events
                .iter()
                .enumerate()
                .filter_map(|(i, _)| intervals[i].map(|iv| (i, axis.place(iv))))
                .collect();
            let lane_of = lanes(&places.iter().map(|p| p.1).collect::<Vec<_>>(), 0.03);
            // Past four lanes, marks share a lane (same-day events overlap).
            let lane_of: Vec<usize> = lane_of.into_iter().map(|l| l.min(3)).collect();
            let n_lanes = lane_of.iter().max().map_or(1, |m| m + 1);
            // Label at most four ticks so the labels never collide.
            let every = axis.ticks.len().div_ceil(4).max(1);
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
            let lane_h = 12.0;
            let top = 4.0;
            let base = top + n_lanes as f64 * lane_h + 2.0;
            let height = base + 20.0;
            html! {
                <svg class="axis" role="img" aria-label={format!("Time axis from {first} to {last}")}
                    width="100%" height={format!("{height:.0}")}>
                    <line class="base" x1="0" x2="100%" y1={format!("{base:.0}")} y2={format!("{base:.0}")} />
                    if let Some(day) = published {
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
                    { for places.iter().zip(&lane_of).map(|((i, (left, width)), lane)| {
                        let i = *i;
                        let ev = &events[i];
                        let shown = visible.contains(&i);
                        let bar = *width > 0.012;
                        let class = classes!(
                            "mark",
                            bar.then_some("bar"),
                            ev.open_ended.then_some("open"),
                            (selected == Some(i)).then_some("selected"),
                            (!shown).then_some("dim"),
                            (props.reading == Some(ev.sentence.part)).then_some("reading"),
                        );
                        let d = state.dispatcher();
                        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectEvent(Some(i))));
                        let y = top + *lane as f64 * lane_h;
                        let tip = format!("{} — {}", event_label(ev), ev.label);
                        if bar {
                            html! {
                                <rect class={class} data-index={i.to_string()} onclick={onclick}
                                    x={format!("{:.3}%", left * 100.0)} width={format!("{:.3}%", width * 100.0)}
                                    y={format!("{y:.0}")} height="8" rx="4"><title>{ tip }</title></rect>
                            }
                        } else {
                            html! {
                                <circle class={class} data-index={i.to_string()} onclick={onclick}
                                    cx={format!("{:.3}%", (left + width / 2.0) * 100.0)} cy={format!("{:.0}", y + 4.0)} r="4.5"><title>{ tip }</title></circle>
                            }
                        }
                    }) }
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
            <ol class="events" id="timeline-list" onkeydown={onkeydown}>
                { for visible.iter().enumerate().filter_map(|(k, &i)| events.get(i).map(|ev| (k, i, ev))).map(|(k, i, ev)| {
                    // Between shown events, a long stretch of time is named.
                    let gap = k
                        .checked_sub(1)
                        .and_then(|p| visible.get(p))
                        .and_then(|&p| Some((intervals.get(p).copied()??, intervals.get(i).copied()??)))
                        .and_then(|(a, b)| gap_label(a.0, b.0));
                    let is_sel = selected == Some(i);
                    let reading = props.reading == Some(ev.sentence.part);
                    let d = state.dispatcher();
                    let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectEvent(Some(i))));
                    let chips: Vec<Html> = ev.entities.iter().filter_map(|id| {
                        let e = analysis.entities.iter().find(|e| &e.id == id)?;
                        let d = state.dispatcher();
                        let id = id.clone();
                        let focused = state.focus.as_deref() == Some(id.as_str());
                        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::Focus((!focused).then(|| id.clone()))));
                        Some(html! {
                            <li>
                                <button type="button" class="chip" data-type={e.kind.as_str()} data-entity={e.id.clone()}
                                    aria-pressed={focused.to_string()} onclick={onclick}>{ e.name.clone() }</button>
                            </li>
                        })
                    }).collect();
                    html! {
                        <li key={i}
                            data-date={ev.date.clone()}
                            data-index={i.to_string()}
                            data-until={ev.until.clone()}
                            data-gap={gap.clone()}
                            class={classes!("event", is_sel.then_some("selected"), reading.then_some("reading"), ev.open_ended.then_some("open"), gap.is_some().then_some("after-gap"))}
                            aria-current={is_sel.then_some("true")}>
                            <button type="button" class="ev" onclick={onclick} tabindex={if roving == Some(i) { "0" } else { "-1" }}>
                                <span class="ev-date">{ event_label(ev) }</span>
                                <span class="ev-label">{ ev.label.clone() }</span>
                            </button>
                            if !chips.is_empty() {
                                <ul class="chips" aria-label="Entities in this event">{ for chips }</ul>
                            }
                        </li>
                    }
                }) }
            </ol>
        </aside>
    }
}

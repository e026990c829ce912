//! The timeline: the article's dated events on a real time axis, then as a
//! list with their labels and entity chips. Selecting an event scrolls the
//! text to its sentence.
//!
//! The geometry is computed once per analysis
//! ([`dossier_core::view::axis::Geometry`]); each list row and each mark
//! of the axis is a memoised component whose props are only its own state
//! (selected, read, shown, focused chip), so selecting an event or reading
//! on changes a few rows, not the list.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::axis::Geometry;
use dossier_core::view::{event_label, step};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::axis::{time_axis, use_shown_marks, AxisView};
use super::event_list::EventList;
use crate::dom;
use crate::ptr::Ptr;
use crate::spy::ReadingSpy;
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

/// The row of event `i` in the list that is shown, inside `panel`.
fn row(panel: &NodeRef, i: usize) -> Option<web_sys::Element> {
    let panel = panel.cast::<web_sys::Element>()?;
    panel
        .query_selector(&format!("#timeline-list li[data-index=\"{i}\"]"))
        .ok()?
}

/// The selected row of the list that is shown, inside `panel`.
fn selected_row(panel: &NodeRef) -> Option<web_sys::Element> {
    let panel = panel.cast::<web_sys::Element>()?;
    panel.query_selector("#timeline-list li.selected").ok()?
}

/// Scrolls the panel (not the page) so that `item` is visible, where the
/// panel scrolls on its own (wide screens). Instant, so that it never
/// competes with a smooth scroll of the page.
fn keep_in_view(panel: &NodeRef, item: &web_sys::Element) {
    if !dom::wide() {
        return;
    }
    let (Some(p), Some(i)) = (
        panel.cast::<web_sys::HtmlElement>(),
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
    let panel = use_node_ref();
    let analysis = Ptr::from(&props.analysis);
    let events = &analysis.timeline;
    let geo = use_memo(
        (Rc::clone(&props.analysis), props.date.clone()),
        |(a, d)| Geometry::new(a, d.as_deref()),
    );
    let geo = Ptr::from(Rc::clone(&geo));

    // Handlers made once: rows and marks compare equal across renders.
    let on_select = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |i: usize| d.dispatch(Action::SelectEvent(Some(i))))
        })
    };
    let on_chip = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |id: String| d.dispatch(Action::ToggleFocus(id)))
        })
    };

    // The first event of the block being read is kept in view in the
    // panel, unless an event is selected.
    {
        let panel = panel.clone();
        use_effect_with(props.reading.clone(), move |spy| {
            spy.watch(Some(Callback::from(move |read: Vec<usize>| {
                if selected_row(&panel).is_some() {
                    return;
                }
                if let Some(li) = read.into_iter().find_map(|i| row(&panel, i)) {
                    keep_in_view(&panel, &li);
                }
            })));
            let spy = spy.clone();
            move || spy.watch(None)
        });
    }
    // Keep the selected event in view inside the panel (the read one is
    // kept in view by the scroll-spy).
    {
        let panel = panel.clone();
        use_effect_with(state.event, move |_| {
            if let Some(li) = selected_row(&panel) {
                keep_in_view(&panel, &li);
            }
        });
    }

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let visible = Rc::clone(&props.visible);
    let onkeydown = {
        let d = state.dispatcher();
        let visible = Rc::clone(&visible);
        let current = state.event;
        let panel = panel.clone();
        Callback::from(move |e: KeyboardEvent| {
            let forward = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => true,
                "ArrowUp" | "ArrowLeft" => false,
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = step(&visible, current, forward) {
                d.dispatch(Action::SelectEvent(Some(i)));
                // The keyboard focus follows the selection.
                if let Some(b) =
                    row(&panel, i).and_then(|li| li.query_selector("button.ev").ok().flatten())
                {
                    dom::focus(&b);
                }
            }
        })
    };
    let step_to = |forward: bool| {
        let d = state.dispatcher();
        let visible = Rc::clone(&visible);
        let current = state.event;
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = step(&visible, current, forward) {
                d.dispatch(Action::SelectEvent(Some(i)));
            }
        })
    };
    let focus = state
        .focus
        .as_deref()
        .and_then(|id| analysis.entity_index(id));
    let focus_name = focus
        .and_then(|f| analysis.entities.get(f))
        .map(|e| e.name.clone());
    let selected = state.event;
    // Between shown events, a long stretch of time is named.
    let gaps = {
        let geo = geo.clone();
        use_memo(
            (
                Rc::clone(&props.analysis),
                props.date.clone(),
                Rc::clone(&visible),
            ),
            move |(_, _, visible)| attr_gaps(&geo, visible),
        )
    };
    // Every event, for the whole list (kept while a focus shows its own).
    let all = use_memo(Rc::clone(&props.analysis), |a| {
        (0..a.timeline.len()).collect::<Vec<_>>()
    });
    let all_gaps = {
        let (geo, all) = (geo.clone(), Rc::clone(&all));
        use_memo(
            (Rc::clone(&props.analysis), props.date.clone()),
            move |_| attr_gaps(&geo, &all),
        )
    };
    let filtered = visible.len() != events.len();
    // The axis marks of the events a focus shows are marked in place.
    let svg = use_node_ref();
    use_shown_marks(&svg, &geo, events.len(), &visible);
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

    html! {
        <aside ref={panel} class={classes!("timeline", open.then_some("open"))} aria-label="Timeline" data-testid="timeline">
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
            { time_axis(AxisView {
                analysis: &analysis,
                geometry: &geo,
                visible: &visible,
                selected,
                spy: &props.reading,
                on_select: &on_select,
                svg: &svg,
            }) }
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
                    analysis={analysis.clone()}
                    events={Rc::clone(&all)}
                    gaps={Rc::clone(&all_gaps)}
                    selected={selected.filter(|_| !filtered)}
                    roving={roving.filter(|_| !filtered)}
                    focus={None::<usize>}
                    spy={props.reading.clone()}
                    on_select={(*on_select).clone()}
                    on_chip={(*on_chip).clone()}
                />
            </ol>
            if filtered {
                <ol class="events" id="timeline-list" onkeydown={onkeydown}>
                    <EventList
                        analysis={analysis.clone()}
                        events={Rc::clone(&visible)}
                        gaps={Rc::clone(&gaps)}
                        selected={selected}
                        roving={roving}
                        focus={focus}
                        spy={props.reading.clone()}
                        on_select={(*on_select).clone()}
                        on_chip={(*on_chip).clone()}
                    />
                </ol>
            }
        </aside>
    }
}

/// The gaps named before each event of `shown`, as attribute values.
fn attr_gaps(geo: &Geometry, shown: &[usize]) -> Vec<Option<AttrValue>> {
    geo.gaps(shown)
        .into_iter()
        .map(|g| g.map(AttrValue::from))
        .collect()
}

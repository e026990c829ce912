//! The time axis: ticks, the publication date and the events' marks. Drawn
//! by the timeline (a function and a hook, not a component of its own: the
//! marks are the memoised part).
//!
//! While a focus shows some events only, the marks of those events are
//! marked in place (`data-on`, after the render; the axis dims the others).
//! The attribute is not part of what the marks render, so that a focus and
//! its release cost one attribute per mark of the focus, not a render of
//! every mark.

use std::rc::Rc;

use dossier_core::analysis::Analysis;
use dossier_core::view::axis::{shown_events, Geometry};
use dossier_core::view::{fixed, percent};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::axis_marks::AxisMarks;
use crate::ptr::Ptr;
use crate::spy::ReadingSpy;

/// What the axis is drawn from.
pub struct AxisView<'a> {
    pub analysis: &'a Ptr<Analysis>,
    pub geometry: &'a Ptr<Geometry>,
    /// The events shown (all, or those of the focused entity).
    pub visible: &'a Rc<Vec<usize>>,
    pub selected: Option<usize>,
    pub spy: &'a ReadingSpy,
    pub on_select: &'a Callback<usize>,
    /// Given the `<svg>`, for [`use_shown_marks`].
    pub svg: &'a NodeRef,
}

/// While a focus shows `visible` of the `n` events, marks their marks in
/// the axis `svg` holds (after the render).
#[hook]
pub fn use_shown_marks(
    svg: &NodeRef,
    geometry: &Ptr<Geometry>,
    n: usize,
    visible: &Rc<Vec<usize>>,
) {
    // What the marks show now, by event (empty before the first mark-up;
    // each article gets a new reader, so a new axis starts from none).
    let marked = use_mut_ref(Vec::<bool>::new);
    {
        let svg = svg.clone();
        use_effect_with(
            (Rc::clone(visible), geometry.clone()),
            move |(visible, geo)| {
                let mut on = marked.borrow_mut();
                if on.len() != n {
                    *on = vec![false; n];
                }
                let want = shown_events(n, visible);
                let marks = svg
                    .cast::<web_sys::Element>()
                    .and_then(|a| a.query_selector_all(".mark").ok());
                // one mark per entry of the geometry's marks, in order
                if let Some(marks) = marks {
                    for (k, now) in geo.changed_marks(&on, &want) {
                        let el = marks
                            .item(k as u32)
                            .and_then(|n| n.dyn_into::<web_sys::Element>().ok());
                        if let Some(el) = el {
                            let _ = el.toggle_attribute_with_force("data-on", now);
                        }
                    }
                }
                *on = want;
            },
        );
    }
}

/// The axis, or nothing when no event can be placed.
pub fn time_axis(p: AxisView<'_>) -> Html {
    let Some(g) = &p.geometry.axis else {
        return html! {};
    };
    let filtered = p.visible.len() != p.analysis.timeline.len();
    let axis = &g.axis;
    let (every, base) = (g.every, g.base);
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
        <svg ref={p.svg.clone()} class={classes!("axis", filtered.then_some("filtering"))} role="img" aria-label={format!("Time axis from {first} to {last}")}
            width="100%" height={fixed(g.height, 0)}>
            <line class="base" x1="0" x2="100%" y1={fixed(base, 0)} y2={fixed(base, 0)} />
            if let Some(day) = p.geometry.published {
                <line class="published" x1={percent(axis.at(day))} x2={percent(axis.at(day))}
                    y1="0" y2={fixed(base + 4.0, 0)}>
                    <title>{ "Publication date" }</title>
                </line>
            }
            { for axis.ticks.iter().enumerate().map(|(k, t)| {
                let x = percent(t.at);
                let anchor = if t.at < 0.08 { "start" } else if t.at > 0.92 { "end" } else { "middle" };
                html! {
                    <g class={classes!("tick", (k % every != 0).then_some("minor"))}>
                        <line x1={x.clone()} x2={x.clone()} y1={fixed(base - 3.0, 0)} y2={fixed(base + 4.0, 0)} />
                        if k % every == 0 {
                            <text x={x} y={fixed(base + 16.0, 0)} text-anchor={anchor}>{ t.label.clone() }</text>
                        }
                    </g>
                }
            }) }
            <AxisMarks
                analysis={p.analysis.clone()}
                geometry={p.geometry.clone()}
                selected={p.selected}
                spy={p.spy.clone()}
                on_select={p.on_select.clone()}
            />
        </svg>
    }
}

//! One event's mark on the time axis: a bar for a range, a dot for a day.

use dossier_core::view::axis::Geometry;
use dossier_core::view::{fixed, percent};
use yew::prelude::*;

use crate::ptr::Ptr;
use crate::spy::{use_read, ReadingSpy};

#[derive(Properties, PartialEq)]
pub struct AxisMarkProps {
    pub geometry: Ptr<Geometry>,
    /// Index into the axis's marks.
    pub k: usize,
    pub selected: bool,
    pub open: bool,
    pub spy: ReadingSpy,
    pub on_select: Callback<usize>,
}

#[function_component(AxisMark)]
pub fn axis_mark(p: &AxisMarkProps) -> Html {
    let shape = p.geometry.axis.as_ref().and_then(|a| a.marks.get(p.k));
    let reading = use_read(&p.spy, shape.map_or(usize::MAX, |m| m.event));
    let Some(shape) = shape else {
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
                x={percent(shape.left)} width={percent(shape.width)}
                y={fixed(shape.y, 0)} height="8" rx="4"><title>{ tip }</title></rect>
        }
    } else {
        html! {
            <circle class={class} data-index={i.to_string()} onclick={onclick}
                cx={percent(shape.left + shape.width / 2.0)} cy={fixed(shape.y + 4.0, 0)} r="4.5"><title>{ tip }</title></circle>
        }
    }
}

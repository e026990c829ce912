//! The timeline's drawing, computed once per analysis and date: each
//! event's interval in days, the axis that covers them with each event's
//! mark (lane, bar or dot, tooltip), the gaps named between listed events,
//! and which marks change when a focus shows some events only.

use super::{event_interval, event_label, gap_label, lanes, parse_value, Axis};
use crate::analysis::Analysis;

/// Height of one lane of marks, in pixels.
pub const LANE_H: f64 = 12.0;
/// Space above the first lane, in pixels.
pub const TOP: f64 = 4.0;
/// Marks share a lane past this many (same-day events overlap).
pub const MAX_LANES: usize = 4;

/// What the timeline draws that depends on the analysis and the date only.
#[derive(Clone, Debug, PartialEq)]
pub struct Geometry {
    /// Each event's interval in days, `None` when it cannot be placed.
    pub intervals: Vec<Option<(i64, i64)>>,
    /// The publication date, in days.
    pub published: Option<i64>,
    /// `None` when no event can be placed.
    pub axis: Option<AxisGeometry>,
}

/// The axis and its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisGeometry {
    pub axis: Axis,
    /// One per placed event, in event order.
    pub marks: Vec<MarkShape>,
    /// The base line's height, in pixels from the top.
    pub base: f64,
    /// The drawing's height, in pixels.
    pub height: f64,
    /// Label every `every`-th tick.
    pub every: usize,
}

/// One event's mark on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkShape {
    /// The event's index.
    pub event: usize,
    /// A bar (a range wide enough to show) rather than a dot.
    pub bar: bool,
    /// Left edge and width, as fractions of the axis.
    pub left: f64,
    pub width: f64,
    /// Top of the mark's lane, in pixels.
    pub y: f64,
    pub tip: String,
}

impl Geometry {
    /// The drawing of `analysis`'s timeline for an article of `date`
    /// (`YYYY-MM-DD`, which ends open ranges and shows as "now").
    pub fn new(analysis: &Analysis, date: Option<&str>) -> Geometry {
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
            let lane_of: Vec<usize> = lane_of.into_iter().map(|l| l.min(MAX_LANES - 1)).collect();
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

    /// The gap named before each event of `shown` (by position), from the
    /// one before it: `None` for the first and for short gaps.
    pub fn gaps(&self, shown: &[usize]) -> Vec<Option<String>> {
        let at = |i: usize| self.intervals.get(i).copied().flatten();
        let mut out: Vec<Option<String>> = vec![None];
        out.extend(shown.windows(2).map(|w| {
            let (a, b) = (at(w[0])?, at(w[1])?);
            gap_label(a.0, b.0)
        }));
        out.truncate(shown.len().max(1));
        out
    }

    /// The marks to switch when the events marked as shown go from `was`
    /// to `now` (both by event index): `(k, on)` for the `k`-th mark.
    pub fn changed_marks(&self, was: &[bool], now: &[bool]) -> Vec<(usize, bool)> {
        let Some(g) = &self.axis else {
            return Vec::new();
        };
        g.marks
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let (&on, &before) = (now.get(m.event)?, was.get(m.event)?);
                (on != before).then_some((k, on))
            })
            .collect()
    }
}

/// Which of `n` events a focus marks as shown on the axis: those of
/// `visible` while it leaves some out, none when it shows them all.
pub fn shown_events(n: usize, visible: &[usize]) -> Vec<bool> {
    let mut want = vec![false; n];
    if visible.len() != n {
        for &i in visible {
            if let Some(w) = want.get_mut(i) {
                *w = true;
            }
        }
    }
    want
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Event, Precision, Span};

    fn event(date: &str, until: Option<&str>, open_ended: bool) -> Event {
        let span = Span::new(1, 0, 1);
        Event {
            date: date.parse().unwrap_or_else(|e| panic!("{e}")),
            until: until.map(|u| u.parse().unwrap_or_else(|e| panic!("{e}"))),
            open_ended,
            precision: Precision::Day,
            label: format!("label {date}"),
            sentence: span,
            time: 0,
            entities: Vec::new(),
        }
    }

    fn analysis(events: Vec<Event>) -> Analysis {
        Analysis {
            timeline: events,
            ..Analysis::default()
        }
    }

    #[test]
    fn empty_timeline_has_no_axis() {
        let g = Geometry::new(&analysis(Vec::new()), Some("2024-05-01"));
        assert!(g.axis.is_none());
        assert!(g.intervals.is_empty());
        assert_eq!(g.gaps(&[]), vec![None]);
    }

    #[test]
    fn unplaceable_event_has_no_mark() {
        let a = analysis(vec![
            event("2020-03-04", None, false),
            event("XXXX-XX", None, false),
            event("2024-01-01", None, false),
        ]);
        let g = Geometry::new(&a, None);
        assert!(g.intervals[0].is_some());
        assert_eq!(g.intervals[1], None);
        let marks = &g.axis.as_ref().expect("two events are placed").marks;
        let events: Vec<usize> = marks.iter().map(|m| m.event).collect();
        assert_eq!(events, vec![0, 2]);
        // A day on an axis of years is a dot.
        assert!(!marks[0].bar);
        assert!(marks[0].left < marks[1].left);
        assert!(
            marks[0].tip.ends_with("label 2020-03-04"),
            "{}",
            marks[0].tip
        );
    }

    #[test]
    fn open_range_runs_to_the_publication_date_and_is_a_bar() {
        let a = analysis(vec![
            event("2010", None, true),
            event("2020-06-01", None, false),
        ]);
        let g = Geometry::new(&a, Some("2024-01-15"));
        let published = g.published.expect("a date");
        let (_, end) = g.intervals[0].expect("placed");
        assert_eq!(end, published.max(end));
        assert!(end >= published);
        let g_axis = g.axis.expect("an axis");
        let m = g_axis.marks.iter().find(|m| m.event == 0).expect("a mark");
        assert!(m.bar);
        assert!(m.left >= 0.0 && m.left + m.width <= 1.0 + 1e-9);
        // Without a date the open range ends at the latest closed date.
        let g = Geometry::new(&a, None);
        assert_eq!(g.published, None);
        assert_eq!(g.intervals[0].map(|i| i.1), g.intervals[1].map(|i| i.1));
    }

    #[test]
    fn same_day_events_take_lanes_up_to_the_limit() {
        let a = analysis((0..7).map(|_| event("2021-02-03", None, false)).collect());
        let g = Geometry::new(&a, None).axis.expect("an axis");
        let ys: Vec<f64> = g.marks.iter().map(|m| m.y).collect();
        assert_eq!(ys[0], TOP);
        assert_eq!(ys[1], TOP + LANE_H);
        let last = TOP + (MAX_LANES - 1) as f64 * LANE_H;
        assert!(ys.iter().all(|&y| y <= last));
        assert_eq!(ys[6], last);
        assert_eq!(g.base, TOP + MAX_LANES as f64 * LANE_H + 2.0);
        assert_eq!(g.height, g.base + 20.0);
        assert!(g.every >= 1);
    }

    #[test]
    fn gaps_name_long_stretches_only() {
        let a = analysis(vec![
            event("1990", None, false),
            event("1990-06", None, false),
            event("2020", None, false),
        ]);
        let g = Geometry::new(&a, None);
        let gaps = g.gaps(&[0, 1, 2]);
        assert_eq!(gaps.len(), 3);
        assert_eq!(gaps[0], None);
        assert_eq!(
            gaps[2],
            gap_label(g.intervals[1].unwrap().0, g.intervals[2].unwrap().0)
        );
        assert!(gaps[2].is_some());
        // The gaps follow the events listed, not the timeline.
        let gaps = g.gaps(&[0, 2]);
        assert_eq!(gaps.len(), 2);
        assert!(gaps[1].is_some());
    }

    #[test]
    fn a_focus_switches_only_the_marks_that_change() {
        let a = analysis(vec![
            event("2001", None, false),
            event("XXXX", None, false),
            event("2003", None, false),
            event("2005", None, false),
        ]);
        let g = Geometry::new(&a, None);
        let none = shown_events(4, &[0, 1, 2, 3]);
        assert_eq!(none, vec![false; 4]);
        let some = shown_events(4, &[1, 2]);
        assert_eq!(some, vec![false, true, true, false]);
        // Event 1 has no mark; event 2 is the second mark.
        assert_eq!(g.changed_marks(&none, &some), vec![(1, true)]);
        assert_eq!(g.changed_marks(&some, &none), vec![(1, false)]);
        assert_eq!(g.changed_marks(&some, &some), vec![]);
        let other = shown_events(4, &[3]);
        assert_eq!(g.changed_marks(&some, &other), vec![(1, false), (2, true)]);
        // An out-of-range index is ignored.
        assert_eq!(shown_events(2, &[5]), vec![false, false]);
    }
}

//! Pure view logic for the reading view: no web types, tested natively.
//!
//! - [`segment`] cuts a block's text into runs for rendering: plain runs and
//!   entity mentions, each made of pieces that carry inline styles, find hits
//!   and the selected sentence. Concatenating the pieces always gives back the
//!   block text, so the DOM never needs an offset.
//! - [`find_hits`]: case-insensitive search that keeps byte offsets.
//! - Time: [`parse_value`] turns a TIMEX3 value into a day interval,
//!   [`Axis`] lays intervals out on a linear time axis with ticks chosen from
//!   the covered range, [`date_label`] and [`event_label`] format dates with
//!   the precision the text gives.
//! - Entities: legend counts, the panel's grouping and order, the card.
//! - [`Route`]: the hash routes of the app.

use crate::analysis::{Analysis, EntityKind, Event, Span};
use crate::article::{Style, StyleKind};
use crate::timex::{cal, Timex};

// ---------------------------------------------------------------------------
// Segmentation

/// A mention to mark inside one block: `start..end` in the block's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionMark {
    /// Index of the entity in [`Analysis::entities`].
    pub entity: usize,
    /// Index of this mention among the entity's mentions.
    pub ordinal: usize,
    pub start: usize,
    pub end: usize,
}

/// A find hit inside one block, with its index among all hits of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub index: usize,
}

/// What a block's text is segmented around.
#[derive(Clone, Copy, Debug, Default)]
pub struct BlockMarks<'a> {
    pub styles: &'a [Style],
    pub mentions: &'a [MentionMark],
    pub hits: &'a [Hit],
    /// The selected sentence's range in this block, if it lies here.
    pub sentence: Option<(usize, usize)>,
}

/// Inline marks of one piece of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    /// Link target; only `http:` and `https:` URLs ever appear here.
    pub link: Option<String>,
    /// Index of the find hit this piece belongs to.
    pub hit: Option<usize>,
    /// True inside the selected sentence.
    pub sentence: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub marks: Marks,
}

/// A run of a block: plain text, or exactly one mention's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run<'a> {
    Plain(Vec<Piece<'a>>),
    Mention {
        mark: MentionMark,
        pieces: Vec<Piece<'a>>,
    },
}

impl<'a> Run<'a> {
    pub fn pieces(&self) -> &[Piece<'a>] {
        match self {
            Run::Plain(p) => p,
            Run::Mention { pieces, .. } => pieces,
        }
    }

    /// The run's whole text.
    pub fn text(&self) -> String {
        self.pieces().iter().map(|p| p.text).collect()
    }
}

/// True for a URL that may become an `href`: `http:` or `https:` only.
pub fn safe_href(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Clamps a range to `text`, moving ends onto character boundaries
/// (start down, end up). `None` when nothing is left.
fn clamp(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let len = text.len();
    let mut s = start.min(len);
    let mut e = end.min(len);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    (s < e).then_some((s, e))
}

/// Cuts `text` into runs around `marks`. Mentions that overlap an earlier
/// mention are dropped; ranges are clamped to the text and to character
/// boundaries. Concatenating all pieces of all runs gives `text` back.
pub fn segment<'a>(text: &'a str, marks: BlockMarks<'_>) -> Vec<Run<'a>> {
    // Mentions: sorted, clamped, non-overlapping.
    let mut mentions: Vec<MentionMark> = marks
        .mentions
        .iter()
        .filter_map(|m| {
            clamp(text, m.start, m.end).map(|(start, end)| MentionMark { start, end, ..*m })
        })
        .collect();
    sort_stable(&mut mentions, &|a, b| (a.start, a.end) < (b.start, b.end));
    let mut kept: Vec<MentionMark> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if kept.last().is_none_or(|k| k.end <= m.start) {
            kept.push(m);
        }
    }
    let styles: Vec<(usize, usize, &StyleKind)> = marks
        .styles
        .iter()
        .filter_map(|s| clamp(text, s.start, s.end).map(|(a, b)| (a, b, &s.kind)))
        .collect();
    let hits: Vec<(usize, usize, usize)> = marks
        .hits
        .iter()
        .filter_map(|h| clamp(text, h.start, h.end).map(|(a, b)| (a, b, h.index)))
        .collect();
    let sentence = marks.sentence.and_then(|(a, b)| clamp(text, a, b));

    let mut cuts = vec![0, text.len()];
    cuts.extend(kept.iter().flat_map(|m| [m.start, m.end]));
    cuts.extend(styles.iter().flat_map(|s| [s.0, s.1]));
    cuts.extend(hits.iter().flat_map(|h| [h.0, h.1]));
    cuts.extend(sentence.iter().flat_map(|s| [s.0, s.1]));
    sort_stable(&mut cuts, &|a, b| a < b);
    cuts.dedup();

    let mut runs: Vec<Run<'a>> = Vec::new();
    let mut current: Option<usize> = None; // index into kept of the open run
    let mut pieces: Vec<Piece<'a>> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut m = Marks::default();
        for &(s, e, kind) in &styles {
            if s <= a && b <= e {
                match kind {
                    StyleKind::Emphasis => m.emphasis = true,
                    StyleKind::Strong => m.strong = true,
                    StyleKind::Code => m.code = true,
                    StyleKind::Link(url) => {
                        if safe_href(url) {
                            m.link = Some(url.clone());
                        }
                    }
                }
            }
        }
        m.hit = hits
            .iter()
            .find(|&&(s, e, _)| s <= a && b <= e)
            .map(|h| h.2);
        m.sentence = sentence.is_some_and(|(s, e)| s <= a && b <= e);
        let owner = kept.iter().position(|k| k.start <= a && b <= k.end);
        if owner != current && !pieces.is_empty() {
            runs.push(close_run(
                current.map(|i| kept[i]),
                std::mem::take(&mut pieces),
            ));
        }
        current = owner;
        pieces.push(Piece {
            text: &text[a..b],
            marks: m,
        });
    }
    if !pieces.is_empty() {
        runs.push(close_run(current.map(|i| kept[i]), pieces));
    }
    runs
}

fn close_run<'a>(mark: Option<MentionMark>, pieces: Vec<Piece<'a>>) -> Run<'a> {
    match mark {
        Some(mark) => Run::Mention { mark, pieces },
        None => Run::Plain(pieces),
    }
}

// ---------------------------------------------------------------------------
// Find

/// Lowercases a character when that gives exactly one character, so that
/// matching keeps a one-to-one mapping between text and folded characters.
fn fold(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

/// Non-overlapping, case-insensitive occurrences of `query` in `text`, as
/// byte ranges of `text`. A blank query finds nothing.
pub fn find_hits(text: &str, query: &str) -> Vec<(usize, usize)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let q: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= chars.len() {
        if chars[i..i + q.len()]
            .iter()
            .zip(&q)
            .all(|(&(_, c), &qc)| fold(c) == qc)
        {
            let start = chars[i].0;
            let end = chars.get(i + q.len()).map_or(text.len(), |c| c.0);
            out.push((start, end));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Dates and the time axis

/// The date of a day number (days since 1970-01-01), with the engine's
/// calendar.
fn civil_from_days(day: i64) -> (i64, u32, u32) {
    let (y, m, d) = cal::civil_from_days(day);
    (i64::from(y), u32::from(m), u32::from(d))
}

/// The day number of the first day of month `m` of year `y`; `m` may run
/// past 12 or below 1 (it carries into the year).
fn month_start(y: i64, m: i64) -> i64 {
    let y = y + (m - 1).div_euclid(12);
    let m = (m - 1).rem_euclid(12) + 1;
    // Years on a time axis come from four-digit values: they fit an i32.
    let y = i32::try_from(y).unwrap_or(if y < 0 { i32::MIN } else { i32::MAX });
    cal::days_from_civil(y, m as u8, 1)
}

/// The days a TIMEX3 date value covers, as `start..end` (end exclusive), as
/// [`Timex::day_bounds`] reads it: `YYYY-MM-DD` (with an optional
/// time), `YYYY-MM`, `YYYY`, decades `YYYX`, centuries `YY`, quarters
/// `YYYY-Qn`, halves `YYYY-Hn`, seasons `YYYY-SP|SU|FA|WI`, ISO weeks
/// `YYYY-Wnn`, fiscal years `FYYYYY`. Anything else (`PRESENT_REF`,
/// unresolved `XXXX-..`) gives `None`.
pub fn parse_value(value: &str) -> Option<(i64, i64)> {
    value.parse::<Timex>().ok()?.day_bounds()
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A reader's label for a TIMEX3 date value with the precision it carries
/// ([`Timex::label`]): `23 Apr 2025`, `Dec 2024`, `2015`, `Q1 2025`,
/// `summer 2025`, `the 2010s`.
pub fn date_label(value: &str) -> Option<String> {
    value.parse::<Timex>().ok()?.label()
}

/// The label of an event's date: `Dec 2024`, `since 2015 →`,
/// `2011 – 2024`. Values that cannot be placed are shown as they are.
pub fn event_label(event: &Event) -> String {
    let label = |v: &Timex| v.label().unwrap_or_else(|| v.to_string());
    let start = label(&event.date);
    if event.open_ended {
        return format!("since {start} →");
    }
    match &event.until {
        Some(u) => format!("{start} – {}", label(u)),
        None => start,
    }
}

/// The day interval an event covers on the axis. An open range runs to
/// `present` (the article's date or the latest date of its timeline).
pub fn event_interval(event: &Event, present: Option<i64>) -> Option<(i64, i64)> {
    let (start, end) = event.date.day_bounds()?;
    let end = if let Some((_, e)) = event.until.as_ref().and_then(Timex::day_bounds) {
        e.max(end)
    } else if event.open_ended {
        present.unwrap_or(end).max(end)
    } else {
        end
    };
    Some((start, end))
}

/// The unit of an axis tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    Day,
    Month,
    Year,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position on the axis, 0 to 1.
    pub at: f64,
    pub label: String,
}

/// A linear time axis over a range of days.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub start: i64,
    pub end: i64,
    pub unit: TickUnit,
    /// Tick step in `unit`s.
    pub step: i64,
    pub ticks: Vec<Tick>,
}

const MAX_TICKS: i64 = 7;

/// `a / b` rounded up, for a positive `b`.
fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1).div_euclid(b)
}

impl Axis {
    /// An axis that covers every interval, with ticks on calendar
    /// boundaries: days, months or years, with a step that keeps the tick
    /// count small. `None` without intervals.
    pub fn fit(intervals: &[(i64, i64)]) -> Option<Axis> {
        let lo = intervals.iter().map(|i| i.0).min()?;
        let hi = intervals.iter().map(|i| i.1.max(i.0 + 1)).max()?;
        let (ly, lm, _) = civil_from_days(lo);
        let (hy, hm, _) = civil_from_days(hi - 1);
        let months = (hy - ly) * 12 + i64::from(hm) - i64::from(lm) + 1;
        let (unit, step, start, end) = if hi - lo <= 62 {
            let span = hi - lo;
            let step = [1, 2, 7, 14]
                .into_iter()
                .find(|s| ceil_div(span, *s) <= MAX_TICKS)
                .unwrap_or(14);
            // Leave a margin of a day either side.
            (TickUnit::Day, step, lo - 1, hi + 1)
        } else if months <= 36 {
            let step = [1, 2, 3, 6]
                .into_iter()
                .find(|s| ceil_div(months, *s) <= MAX_TICKS)
                .unwrap_or(6);
            let first = (ly * 12 + i64::from(lm) - 1) / step * step;
            let last = ceil_div(hy * 12 + i64::from(hm), step) * step;
            (
                TickUnit::Month,
                step,
                month_start(first.div_euclid(12), first.rem_euclid(12) + 1),
                month_start(last.div_euclid(12), last.rem_euclid(12) + 1),
            )
        } else {
            let years = hy - ly + 1;
            let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
                .into_iter()
                .find(|s| ceil_div(years, *s) <= MAX_TICKS)
                .unwrap_or(1000);
            let first = ly.div_euclid(step) * step;
            let last = (hy + 1).div_euclid(step) * step
                + if (hy + 1).rem_euclid(step) == 0 {
                    0
                } else {
                    step
                };
            (
                TickUnit::Year,
                step,
                month_start(first, 1),
                month_start(last, 1),
            )
        };
        let mut axis = Axis {
            start,
            end,
            unit,
            step,
            ticks: Vec::new(),
        };
        axis.ticks = axis.tick_days().into_iter().map(|d| axis.tick(d)).collect();
        Some(axis)
    }

    fn tick_days(&self) -> Vec<i64> {
        let mut out = Vec::new();
        match self.unit {
            TickUnit::Day => {
                let mut d = self.start + 1;
                while d < self.end {
                    out.push(d);
                    d += self.step;
                }
            }
            TickUnit::Month | TickUnit::Year => {
                let (y, m, _) = civil_from_days(self.start);
                let mut idx = y * 12 + i64::from(m) - 1;
                let inc = if self.unit == TickUnit::Year {
                    12 * self.step
                } else {
                    self.step
                };
                loop {
                    let d = month_start(idx.div_euclid(12), idx.rem_euclid(12) + 1);
                    if d > self.end {
                        break;
                    }
                    out.push(d);
                    idx += inc;
                }
            }
        }
        out
    }

    fn tick(&self, day: i64) -> Tick {
        let (y, m, d) = civil_from_days(day);
        let label = match self.unit {
            TickUnit::Day => format!("{d} {}", MONTHS[m as usize - 1]),
            TickUnit::Month if m == 1 || day == self.start => {
                format!("{} {y}", MONTHS[m as usize - 1])
            }
            TickUnit::Month => MONTHS[m as usize - 1].to_string(),
            TickUnit::Year => y.to_string(),
        };
        Tick {
            at: self.at(day),
            label,
        }
    }

    /// Position of a day on the axis, 0 to 1 (clamped).
    pub fn at(&self, day: i64) -> f64 {
        let span = (self.end - self.start).max(1) as f64;
        ((day - self.start) as f64 / span).clamp(0.0, 1.0)
    }

    /// Left edge and width (both 0 to 1) of an interval on the axis.
    pub fn place(&self, (start, end): (i64, i64)) -> (f64, f64) {
        let a = self.at(start);
        (a, (self.at(end) - a).max(0.0))
    }
}

/// How far apart two consecutive events are, when far enough to show:
/// "2 months later", "9 years later". `None` under about two months.
pub fn gap_label(previous_start: i64, next_start: i64) -> Option<String> {
    let (py, pm, _) = civil_from_days(previous_start);
    let (ny, nm, _) = civil_from_days(next_start);
    let months = (ny - py) * 12 + i64::from(nm) - i64::from(pm);
    if next_start - previous_start < 58 || months < 2 {
        return None;
    }
    Some(if months < 24 {
        format!("{months} months later")
    } else {
        format!("{} years later", months / 12)
    })
}

/// Stacks placed intervals (left, width on a 0..1 axis) into lanes so that
/// none overlap in a lane; points are at least `min_width` wide. Returns the
/// lane of each interval, lanes counted from 0.
/// `x` with `decimals` digits after the point (at most 6), as
/// `format!("{x:.N}")` writes it, for the coordinates the page draws. The
/// page formats no float otherwise: this keeps the float formatting code out
/// of the WebAssembly.
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10i64.pow(decimals);
    let scaled = (x * scale as f64).round();
    // Coordinates are small; anything else (NaN, infinities) draws at 0.
    let n = if scaled.is_finite() && scaled.abs() < 1e15 {
        scaled as i64
    } else {
        0
    };
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let scale = scale.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{n}");
    }
    format!(
        "{sign}{}.{:0w$}",
        n / scale,
        n % scale,
        w = decimals as usize
    )
}

/// A fraction of a width as an SVG percentage with three decimals.
pub fn percent(fraction: f64) -> String {
    let mut s = fixed(fraction * 100.0, 3);
    s.push('%');
    s
}

/// Sorts `v` stably by `less` (a strict order): a natural merge sort, small
/// in code. The page's sorts use it instead of the standard library's, whose
/// fast sorts are several kilobytes of WebAssembly for each type sorted (and
/// `less` is a `dyn` so that sorts of one type share one copy).
/// Input already in order costs one pass; input made of a few runs in order
/// (an article's mentions, entity by entity) costs a pass per doubling of
/// the runs merged.
pub fn sort_stable<T>(v: &mut Vec<T>, less: &dyn Fn(&T, &T) -> bool) {
    if v.windows(2).all(|w| !less(&w[1], &w[0])) {
        return;
    }
    // Runs in order, each at least `MIN_RUN` long (shorter ones grown by
    // insertion: after the equal items, so that ties keep their order).
    const MIN_RUN: usize = 16;
    let mut runs: Vec<Vec<T>> = Vec::new();
    let mut run: Vec<T> = Vec::new();
    for x in std::mem::take(v) {
        match run.last() {
            Some(last) if less(&x, last) => {
                if run.len() < MIN_RUN {
                    let at = run.iter().rposition(|y| !less(&x, y)).map_or(0, |p| p + 1);
                    run.insert(at, x);
                    continue;
                }
                runs.push(std::mem::take(&mut run));
            }
            _ => {}
        }
        run.push(x);
    }
    runs.push(run);
    // Neighbouring runs merged, the earlier first on ties, until one is left.
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        let mut pairs = runs.into_iter();
        while let Some(a) = pairs.next() {
            let Some(b) = pairs.next() else {
                merged.push(a);
                break;
            };
            let mut out = Vec::with_capacity(a.len() + b.len());
            let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
            loop {
                let from_b = match (a.peek(), b.peek()) {
                    (Some(x), Some(y)) => less(y, x),
                    (Some(_), None) => false,
                    (None, Some(_)) => true,
                    (None, None) => break,
                };
                out.extend(if from_b { b.next() } else { a.next() });
            }
            merged.push(out);
        }
        runs = merged;
    }
    *v = runs.pop().unwrap_or_default();
}

pub fn lanes(places: &[(f64, f64)], min_width: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..places.len()).collect();
    sort_stable(&mut order, &|&a: &usize, &b: &usize| {
        places[a].0.total_cmp(&places[b].0).is_lt()
    });
    let mut ends: Vec<f64> = Vec::new();
    let mut out = vec![0; places.len()];
    for i in order {
        let (left, width) = places[i];
        let right = left + width.max(min_width);
        let lane = match ends.iter().position(|&e| e <= left) {
            Some(l) => l,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[lane] = right;
        out[i] = lane;
    }
    out
}

// ---------------------------------------------------------------------------
// Entities

/// The legend's name of an entity type, plural.
pub fn kind_plural(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organisations",
        EntityKind::Place => "Places",
        EntityKind::Group => "Groups",
        EntityKind::Product => "Products",
        EntityKind::Event => "Events",
        EntityKind::Work => "Works",
    }
}

/// The name of an entity type, singular.
pub fn kind_singular(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Group => "Group",
        EntityKind::Product => "Product",
        EntityKind::Event => "Event",
        EntityKind::Work => "Work",
    }
}

/// Mentions in the body (parts after the title), as the reader sees them.
fn body_mentions(spans: &[Span]) -> impl Iterator<Item = &Span> {
    spans.iter().filter(|s| s.part > 0)
}

/// Number of body mentions per entity type, in [`EntityKind::ALL`] order,
/// only types that occur.
pub fn kind_counts(analysis: &Analysis) -> Vec<(EntityKind, usize)> {
    EntityKind::ALL
        .into_iter()
        .map(|k| {
            let n = analysis
                .entities
                .iter()
                .filter(|e| e.kind == k)
                .map(|e| body_mentions(&e.mentions).count())
                .sum();
            (k, n)
        })
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// Entities grouped by type (in [`EntityKind::ALL`] order), each group by
/// importance: most body mentions first, then first appearance. Only entities
/// whose name or an alias contains `filter` (case-insensitive) are kept.
pub fn entity_groups(analysis: &Analysis, filter: &str) -> Vec<(EntityKind, Vec<usize>)> {
    let matches = |i: usize| {
        let e = &analysis.entities[i];
        filter.trim().is_empty()
            || std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| !find_hits(n, filter.trim()).is_empty())
    };
    EntityKind::ALL
        .into_iter()
        .filter_map(|k| {
            let mut ids: Vec<usize> = (0..analysis.entities.len())
                .filter(|&i| analysis.entities[i].kind == k && matches(i))
                .collect();
            // Mentions in the body (the counts the panel shows), then all
            // mentions (the title counts for a tie), then first appearance.
            let key = |i: usize| {
                let e = &analysis.entities[i];
                (
                    std::cmp::Reverse(body_mentions(&e.mentions).count()),
                    std::cmp::Reverse(e.mentions.len()),
                    e.mentions.first().copied(),
                )
            };
            sort_stable(&mut ids, &|&a, &b| key(a) < key(b));
            (!ids.is_empty()).then_some((k, ids))
        })
        .collect()
}

/// What the card of an entity shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Mentions in the body.
    pub mentions: usize,
    /// Labels of the timeline dates tied to the entity, in timeline order,
    /// without repeats.
    pub dates: Vec<String>,
    /// 1-based position of the shown mention among the body mentions, and
    /// their number: "3 / 10".
    pub position: Option<(usize, usize)>,
    /// Ordinals (in [`crate::analysis::Entity::mentions`]) of the previous
    /// and next body mention, wrapping around.
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

/// The card of entity `entity`, shown at its mention `ordinal`.
pub fn card(analysis: &Analysis, entity: usize, ordinal: Option<usize>) -> Option<Card> {
    let e = analysis.entities.get(entity)?;
    let body: Vec<usize> = (0..e.mentions.len())
        .filter(|&i| e.mentions[i].part > 0)
        .collect();
    let mut dates: Vec<String> = Vec::new();
    for ev in analysis
        .timeline
        .iter()
        .filter(|ev| ev.entities.binary_search(&entity).is_ok())
    {
        let l = event_label(ev);
        if !dates.contains(&l) {
            dates.push(l);
        }
    }
    let at = ordinal.and_then(|o| body.iter().position(|&b| b == o));
    let n = body.len();
    let (previous, next) = match at {
        Some(i) if n > 1 => (Some(body[(i + n - 1) % n]), Some(body[(i + 1) % n])),
        Some(_) => (None, None),
        None => (body.last().copied(), body.first().copied()),
    };
    Some(Card {
        name: e.name.clone(),
        kind: e.kind,
        aliases: e.aliases.clone(),
        mentions: n,
        dates,
        position: at.map(|i| (i + 1, n)),
        previous,
        next,
    })
}

/// Body mentions in document order as `(entity, ordinal)`, optionally of one
/// entity only, skipping hidden types.
pub fn mention_order(
    analysis: &Analysis,
    only: Option<usize>,
    hidden: &[EntityKind],
) -> Vec<(usize, usize)> {
    let mut all: Vec<(Span, usize, usize)> = analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| only.is_none_or(|o| o == *i) && !hidden.contains(&e.kind))
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .enumerate()
                .filter(|(_, s)| s.part > 0)
                .map(move |(k, s)| (*s, i, k))
        })
        .collect();
    sort_stable(&mut all, &|a, b| a < b);
    all.into_iter().map(|(_, i, k)| (i, k)).collect()
}

/// The next (or previous) item of `order` after `current`, wrapping around;
/// the first (or last) one when there is no current item.
pub fn step<T: PartialEq + Copy>(order: &[T], current: Option<T>, forward: bool) -> Option<T> {
    let n = order.len();
    if n == 0 {
        return None;
    }
    let at = current.and_then(|c| order.iter().position(|&o| o == c));
    let i = match (at, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    Some(order[i])
}

// ---------------------------------------------------------------------------
// Routes

/// A place in the app, written in the URL's hash.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Library,
    Article {
        slug: String,
        entity: Option<String>,
        event: Option<usize>,
        /// One mention of `entity` (its ordinal in the article), which a link
        /// goes to: `#/a/<slug>/e/<id>/<n>`.
        mention: Option<usize>,
        /// A sentence (its index in `Analysis::sentences`), which a search
        /// result links to: `#/a/<slug>/s/<n>`. Named only when neither an
        /// entity nor an event is.
        sentence: Option<usize>,
    },
    /// The page of a set-level entity, by its key (`set::SetEntity::key`).
    Entity { key: String },
    /// Every dated event of the set, in time order.
    Timeline,
    /// Search across the set; `query` as typed (may be empty).
    Search { query: String },
}

/// Percent-encodes `s` for the query part of the hash: unreserved
/// characters stay, everything else is `%XX` of its UTF-8 bytes (a space
/// is `%20`).
fn encode_query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'*') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a percent-encoded query value (`+` is a space); a malformed
/// escape is kept as written, and bytes that are not UTF-8 become U+FFFD.
fn decode_query(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(b) = hex {
                    out.push(b);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn url_safe(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

impl Route {
    /// Reads `#/`, `#/a/<slug>`, `#/a/<slug>/e/<entity-id>` (with
    /// `/<mention-ordinal>` after it), `#/a/<slug>/t/<event-index>` and
    /// `#/a/<slug>/s/<sentence-index>`, `#/e/<key>`, `#/timeline` and
    /// `#/search?q=<query>` (with or without the `#`). Anything else is the
    /// library.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, params) = path.split_once('?').unwrap_or((path, ""));
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segs.as_slice() {
            ["a", slug, rest @ ..] if url_safe(slug) => {
                let (entity, event, mention, sentence) = match rest {
                    ["e", id] if url_safe(id) => (Some((*id).to_string()), None, None, None),
                    ["e", id, n] if url_safe(id) => {
                        (Some((*id).to_string()), None, n.parse().ok(), None)
                    }
                    ["t", n] => (None, n.parse().ok(), None, None),
                    ["s", n] => (None, None, None, n.parse().ok()),
                    _ => (None, None, None, None),
                };
                Route::Article {
                    slug: (*slug).to_string(),
                    entity,
                    event,
                    mention,
                    sentence,
                }
            }
            ["e", key] if url_safe(key) => Route::Entity {
                key: (*key).to_string(),
            },
            ["timeline"] => Route::Timeline,
            ["search"] => Route::Search {
                query: params
                    .split('&')
                    .find_map(|p| p.strip_prefix("q="))
                    .map(decode_query)
                    .unwrap_or_default(),
            },
            _ => Route::Library,
        }
    }

    /// The hash for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library => "#/".to_string(),
            Route::Article {
                slug,
                entity,
                event,
                mention,
                sentence,
            } => match (entity, event, sentence) {
                (Some(id), _, _) => match mention {
                    Some(n) => format!("#/a/{slug}/e/{id}/{n}"),
                    None => format!("#/a/{slug}/e/{id}"),
                },
                (None, Some(n), _) => format!("#/a/{slug}/t/{n}"),
                (None, None, Some(n)) => format!("#/a/{slug}/s/{n}"),
                (None, None, None) => format!("#/a/{slug}"),
            },
            Route::Entity { key } => format!("#/e/{key}"),
            Route::Timeline => "#/timeline".to_string(),
            Route::Search { query } if query.is_empty() => "#/search".to_string(),
            Route::Search { query } => format!("#/search?q={}", encode_query(query)),
        }
    }
}

/// Where an article's entity is "in all articles": its page in the set
/// (`#/e/<key>`), or, for an article without the set's keys (one the reader
/// added), a search for its name as a phrase.
pub fn in_all_articles(keys: &[String], entity: usize, name: &str) -> Route {
    match keys.get(entity) {
        Some(key) => Route::Entity { key: key.clone() },
        None => Route::Search {
            query: format!("\"{name}\""),
        },
    }
}

pub mod axis;
pub mod pages;
pub mod periods;
pub mod reading;

#[cfg(test)]
mod tests;

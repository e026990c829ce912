//! What the pages of the set show, derived from what the build computed
//! ([`SetPages`]) and the library's index: the rows of the set timeline and
//! its axis (a window of days that zooms and pans, marks in lanes, points
//! of one day in one lane grouped into one mark).

use std::collections::HashMap;

use crate::analysis::entities::FnvBuild;
use crate::analysis::{EntityKind, Precision, Span};
use crate::bundle::SetPages;
use crate::set::correct::Correction;
use crate::set::index::Point;
use crate::set::{EntityPage, Linking};
use crate::timex::Timex;
use crate::{Analysis, Article};

use super::{lanes, Axis, Route};

/// One row of the set timeline.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimelineRow {
    /// The TIMEX3 value of the start (`data-date`).
    pub date: String,
    /// The date as a reader reads it: `3 May 2021`, `from 2011 to 2015`,
    /// `since 2015`, `2015 (year)` for a value coarser than a day.
    pub when: String,
    /// True when the date is coarser than a day or runs on.
    pub approximate: bool,
    /// The event's label, or "Published" for a publication date.
    pub what: String,
    /// The title of the article it comes from.
    pub title: String,
    /// The event in its article, or the article.
    pub href: String,
    pub published: bool,
    /// The article it comes from (its index in the set).
    pub article: usize,
    /// Its days, `[start, end)`; an open range runs to the set's last day.
    /// `None` when it has no calendar reading.
    pub interval: Option<(i64, i64)>,
    /// The set-level entities of its sentence.
    pub entities: Vec<usize>,
}

fn label(value: &str) -> String {
    value
        .parse::<Timex>()
        .ok()
        .and_then(|t| t.label())
        .unwrap_or_else(|| value.to_string())
}

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Century => "century",
        Precision::Decade => "decade",
        Precision::Year => "year",
        Precision::Quarter => "quarter",
        Precision::Season => "season",
        Precision::Month => "month",
        Precision::Week => "week",
        Precision::Day | Precision::Time => "day",
    }
}

/// The rows of the set timeline, in time order; `slugs[i]` and `titles[i]`
/// name article `i` of the set. A point whose article is not in the index
/// is left out.
pub fn timeline_rows(pages: &SetPages, slugs: &[&str], titles: &[&str]) -> Vec<TimelineRow> {
    let bounds = |v: &str| v.parse::<Timex>().ok().and_then(|t| t.day_bounds());
    // The set's present: the end of its last closed date.
    let present = pages
        .timeline
        .iter()
        .filter(|t| !t.open_ended)
        .filter_map(|t| bounds(t.until.as_deref().unwrap_or(&t.date)))
        .map(|b| b.1)
        .max();
    pages
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let (article, event) = match item.point {
                Point::Published { article } => (article, None),
                Point::Event(r) => (r.article, Some(r.event)),
            };
            let slug = (*slugs.get(article)?).to_string();
            let title = (*titles.get(article)?).to_string();
            let start = label(&item.date);
            let coarse = item.precision < Precision::Day;
            let when = match (&item.until, item.open_ended) {
                (Some(until), _) => format!("from {start} to {}", label(until)),
                (None, true) => format!("since {start}"),
                (None, false) if coarse => {
                    format!("{start} ({})", precision_word(item.precision))
                }
                (None, false) => start,
            };
            let href = Route::Article {
                slug,
                entity: None,
                event,
                mention: None,
                sentence: None,
            }
            .to_hash();
            let what = match event {
                None => "Published".to_string(),
                Some(_) => pages.labels.get(i).cloned().unwrap_or_default(),
            };
            let interval = bounds(&item.date).map(|(start, end)| {
                let end = match (&item.until, item.open_ended) {
                    (Some(u), _) => bounds(u).map_or(end, |b| b.1.max(end)),
                    (None, true) => present.unwrap_or(end).max(end),
                    (None, false) => end,
                };
                (start, end)
            });
            Some(TimelineRow {
                date: item.date.clone(),
                when,
                approximate: coarse || item.open_ended || item.until.is_some(),
                what,
                title,
                href,
                published: event.is_none(),
                article,
                interval,
                entities: item.entities.clone(),
            })
        })
        .collect()
}

/// At most this many mentions, articles, dated events and entities it is
/// named with on an entity page: an entity of a large set is named in
/// thousands of articles, and its page is one file of bounded size.
pub const MENTIONS_SHOWN: usize = 200;
pub const ARTICLES_SHOWN: usize = 200;
pub const EVENTS_SHOWN: usize = 300;
pub const WITH_SHOWN: usize = 30;
/// How many of the entities named with it an entity's shard keeps: more
/// than its page shows, so that a page from the shard with some of them
/// hidden by the reader still shows [`WITH_SHOWN`], the next ones, as the
/// page built from the whole set does (up to ten hidden among them).
pub const WITH_KEPT: usize = WITH_SHOWN + 10;

/// An article that names an entity, as its page lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NamedIn {
    pub title: String,
    /// The article with the entity focused.
    pub href: String,
    /// Its publication date as a reader reads it, or "undated".
    pub date: String,
    pub mentions: usize,
}

/// The mentions of an entity in one article: each its sentence, cut into
/// text and the marked name, linking to that mention in the article.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MentionGroup {
    pub title: String,
    pub passages: Vec<(String, Vec<(String, bool)>)>,
}

/// Everything an entity's page shows, ready to render: built from the
/// whole set in the page, or by the build into the entity shards a large
/// set is served with (`bundle::entity_shards`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EntityView {
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// Newest first, undated last: the first [`ARTICLES_SHOWN`] of `named`.
    pub articles: Vec<NamedIn>,
    pub named: usize,
    /// Mentions in all, and how many the page has (`shown`: the first
    /// [`MENTIONS_SHOWN`], grouped by article).
    pub mentions: usize,
    pub listed: usize,
    pub shown: Vec<MentionGroup>,
    /// Entities named in the same sentences, most first, hidden ones left
    /// out: key, name, sentences.
    pub with: Vec<(String, String, usize)>,
    /// Its dated events, in time order, as rows of the set timeline: the
    /// first [`EVENTS_SHOWN`] of `dated`.
    pub events: Vec<TimelineRow>,
    pub dated: usize,
}

/// The view of entity `index` of `linking` (its page in `pages`), over the
/// articles `set` (listed as `slugs`) and the set timeline's `rows`; the
/// entities `hidden` answers true for are left out of "named with", which
/// keeps the first `with` of the others ([`WITH_SHOWN`] for the page,
/// [`WITH_KEPT`] for a shard).
#[allow(clippy::too_many_arguments)]
pub fn entity_view(
    set: &[(Article, Analysis)],
    slugs: &[&str],
    linking: &Linking,
    index: usize,
    page: &EntityPage,
    rows: &[TimelineRow],
    hidden: &dyn Fn(&str) -> bool,
    with: usize,
) -> EntityView {
    let title = |a: usize| {
        set.get(a)
            .map(|(x, _)| x.meta.title.clone())
            .unwrap_or_default()
    };
    let slug = |a: usize| slugs.get(a).copied().unwrap_or("").to_string();
    let id_of = |a: usize, e: usize| {
        set.get(a)
            .and_then(|(_, an)| an.entities.get(e))
            .map(|x| x.id.clone())
    };
    let member_in = |a: usize| {
        linking
            .entities
            .get(index)
            .and_then(|x| x.members.iter().find(|(m, _)| *m == a))
            .and_then(|&(a, e)| id_of(a, e))
    };
    let articles = page
        .articles
        .iter()
        .take(ARTICLES_SHOWN)
        .map(|n| NamedIn {
            title: title(n.article),
            href: Route::Article {
                slug: slug(n.article),
                entity: member_in(n.article),
                event: None,
                mention: None,
                sentence: None,
            }
            .to_hash(),
            date: n
                .date
                .as_deref()
                .and_then(super::date_label)
                .unwrap_or_else(|| "undated".into()),
            mentions: n.mentions,
        })
        .collect();
    // Mentions come grouped by article: its parts are cut once a group.
    let mut shown: Vec<(usize, MentionGroup)> = Vec::new();
    let mut parts: (usize, Vec<&str>) = (usize::MAX, Vec::new());
    for m in page.mentions.iter().take(MENTIONS_SHOWN) {
        if parts.0 != m.article {
            let Some((article, _)) = set.get(m.article) else {
                continue;
            };
            parts = (m.article, article.parts());
        }
        let id = id_of(m.article, m.entity);
        let href = Route::Article {
            slug: slug(m.article),
            mention: id.as_ref().map(|_| m.ordinal),
            sentence: None,
            entity: id,
            event: None,
        }
        .to_hash();
        let text = passage(&parts.1, m.sentence, &[m.mention]);
        match shown.last_mut() {
            Some((a, g)) if *a == m.article => g.passages.push((href, text)),
            _ => shown.push((
                m.article,
                MentionGroup {
                    title: title(m.article),
                    passages: vec![(href, text)],
                },
            )),
        }
    }
    let with = page
        .with
        .iter()
        .filter_map(|&(i, n)| linking.entities.get(i).map(|e| (e, n)))
        .filter(|(e, _)| !hidden(&e.key))
        .take(with)
        .map(|(e, n)| (e.key.clone(), e.name.clone(), n))
        .collect();
    let dated = rows
        .iter()
        .filter(|r| !r.published && r.entities.contains(&index));
    let events: Vec<TimelineRow> = dated.clone().take(EVENTS_SHOWN).cloned().collect();
    let dated = dated.count();
    EntityView {
        key: page.key.clone(),
        name: page.name.clone(),
        kind: page.kind,
        aliases: page.aliases.clone(),
        articles,
        named: page.articles.len(),
        mentions: page.articles.iter().map(|n| n.mentions).sum(),
        listed: page.mentions.len(),
        shown: shown.into_iter().map(|(_, g)| g).collect(),
        with,
        events,
        dated,
    }
}

/// An entity's page as the build made it (its shard), with the reader's
/// corrections `list` replayed on it when they only rename, retype and hide
/// ([`crate::set::correct::keys_only`]): what the page built from the whole
/// set with the corrections applied shows, and whether the entity is
/// hidden. Its old names become aliases; the entities named with it that
/// are renamed carry their new names, and hidden ones are left out (the
/// shard keeps [`WITH_KEPT`] of them, so the next take their place up to
/// [`WITH_SHOWN`], as on the whole set's page).
pub fn corrected_view(view: &EntityView, list: &[Correction]) -> (EntityView, bool) {
    let mut out = view.clone();
    let mut hidden = false;
    let mut names: HashMap<&str, &str> = HashMap::new();
    let mut gone: Vec<&str> = Vec::new();
    for c in list {
        let mine = c.key() == view.key;
        match c {
            Correction::Rename { key, name } => {
                if mine {
                    let old = std::mem::replace(&mut out.name, name.clone());
                    out.aliases.retain(|a| a != name);
                    if old != out.name && !out.aliases.contains(&old) {
                        out.aliases.push(old);
                    }
                }
                names.insert(key, name);
            }
            Correction::Retype { kind, .. } if mine => out.kind = *kind,
            Correction::Hide { key } => {
                hidden |= mine;
                gone.push(key);
            }
            _ => {}
        }
    }
    out.with.retain(|(k, _, _)| !gone.contains(&k.as_str()));
    out.with.truncate(WITH_SHOWN);
    for (k, name, _) in &mut out.with {
        if let Some(new) = names.get(k.as_str()) {
            *name = new.to_string();
        }
    }
    (out, hidden)
}

/// At most this many points of the set timeline are listed at once: a set
/// of thousands of articles has tens of thousands of points, which take
/// seconds to lay out; zooming in or filtering lists the others.
pub const POINTS_LISTED: usize = 1000;

/// Which of `len` points in view are listed (at most `max`): the first
/// ones, or those around the chosen one (at position `chosen`) so that it
/// is listed.
pub fn listed_range(len: usize, chosen: Option<usize>, max: usize) -> std::ops::Range<usize> {
    let max = max.max(1);
    if len <= max {
        return 0..len;
    }
    match chosen {
        Some(p) if p < len && p >= max => {
            let start = p.saturating_sub(max / 2).min(len - max);
            start..start + max
        }
        _ => 0..max,
    }
}

/// The days the rows cover, `[first, last)`, if any row has a date.
pub fn extent(rows: &[TimelineRow]) -> Option<(i64, i64)> {
    let lo = rows.iter().filter_map(|r| r.interval).map(|i| i.0).min()?;
    let hi = rows
        .iter()
        .filter_map(|r| r.interval)
        .map(|i| i.1.max(i.0 + 1))
        .max()?;
    Some((lo, hi))
}

/// The narrowest window the axis zooms to, in days.
pub const MIN_WINDOW: i64 = 14;

/// `window` zoomed by `factor` (below 1 zooms in) around the point `at`
/// (0 to 1 across the window), kept within `full` and at least
/// [`MIN_WINDOW`] days.
pub fn zoom(window: (i64, i64), full: (i64, i64), factor: f64, at: f64) -> (i64, i64) {
    let span = (window.1 - window.0).max(1) as f64;
    let full_span = (full.1 - full.0).max(1);
    let new = ((span * factor).round() as i64).clamp(MIN_WINDOW.min(full_span), full_span);
    let pivot = window.0 as f64 + span * at.clamp(0.0, 1.0);
    let start = (pivot - new as f64 * at.clamp(0.0, 1.0)).round() as i64;
    clamp_window((start, start + new), full)
}

/// `window` moved by `by` of its width (negative: earlier), within `full`.
pub fn pan(window: (i64, i64), full: (i64, i64), by: f64) -> (i64, i64) {
    let span = window.1 - window.0;
    let shift = (span as f64 * by).round() as i64;
    clamp_window((window.0 + shift, window.1 + shift), full)
}

fn clamp_window((a, b): (i64, i64), full: (i64, i64)) -> (i64, i64) {
    let span = (b - a).min(full.1 - full.0);
    let a = a.clamp(full.0, full.1 - span);
    (a, a + span)
}

/// How the axis sorts its marks into lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneBy {
    /// As few lanes as keep marks apart.
    Packed,
    /// One lane per article.
    Article,
    /// One lane per entity (the most named ones); a point is in the lane of
    /// each of its entities.
    Entity,
}

/// At most this many lanes; the rest share the last ("Other").
pub const SET_LANES: usize = 8;

/// One mark of the set timeline's axis.
#[derive(Clone, Debug, PartialEq)]
pub struct SetMark {
    /// The rows it stands for (several when they fall on one day in one
    /// lane).
    pub rows: Vec<usize>,
    pub lane: usize,
    /// Left edge and width, fractions of the axis.
    pub left: f64,
    pub width: f64,
    /// A range wide enough to draw as a bar.
    pub bar: bool,
    pub published: bool,
    pub approximate: bool,
}

/// The set timeline's axis for a window.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAxis {
    pub axis: Axis,
    /// The lanes' names (empty names when packed).
    pub lanes: Vec<String>,
    pub marks: Vec<SetMark>,
}

/// The axis of the rows `shown` (indices into `rows`) in `window`, in lanes
/// `by`; `article_title` and `entity_name` name the lanes.
pub fn set_axis(
    rows: &[TimelineRow],
    shown: &[usize],
    window: (i64, i64),
    by: LaneBy,
    article_title: &dyn Fn(usize) -> String,
    entity_name: &dyn Fn(usize) -> String,
) -> Option<SetAxis> {
    let axis = Axis::fit(&[window])?;
    let visible: Vec<(usize, (i64, i64))> = shown
        .iter()
        .filter_map(|&i| Some((i, rows.get(i)?.interval?)))
        .filter(|(_, (a, b))| *b > window.0 && *a < window.1)
        .collect();
    // Each visible row with its lane(s).
    let mut placed: Vec<(usize, usize)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut by_count = |keys: Vec<(usize, Vec<usize>)>, name: &dyn Fn(usize) -> String| {
        // keys: per visible row, the lane keys it belongs to
        let mut count: Vec<(usize, usize)> = Vec::new();
        let mut at: HashMap<usize, usize> = HashMap::new();
        for (_, ks) in &keys {
            for &k in ks {
                match at.get(&k) {
                    Some(&i) => count[i].1 += 1,
                    None => {
                        at.insert(k, count.len());
                        count.push((k, 1));
                    }
                }
            }
        }
        super::sort_stable(&mut count, &|a: &(usize, usize), b: &(usize, usize)| {
            a.1 > b.1
        });
        let top: Vec<usize> = count.iter().take(SET_LANES - 1).map(|(k, _)| *k).collect();
        names.extend(top.iter().map(|&k| name(k)));
        let mut other = false;
        for (row, ks) in keys {
            let mut any = false;
            for k in ks {
                if let Some(l) = top.iter().position(|&t| t == k) {
                    placed.push((row, l));
                    any = true;
                }
            }
            if !any {
                placed.push((row, top.len()));
                other = true;
            }
        }
        if other {
            names.push("Other".to_string());
        }
    };
    match by {
        LaneBy::Packed => {
            // Points of one day are one mark: the days are packed, not the rows.
            let mut days: Vec<(i64, i64)> = Vec::new();
            let mut day_at: HashMap<i64, usize, FnvBuild> = HashMap::default();
            for (_, iv) in &visible {
                match day_at.get(&iv.0) {
                    Some(&k) => days[k].1 = days[k].1.max(iv.1),
                    None => {
                        day_at.insert(iv.0, days.len());
                        days.push(*iv);
                    }
                }
            }
            let places: Vec<(f64, f64)> = days.iter().map(|iv| axis.place(*iv)).collect();
            let lane_of = lanes(&places, 0.02);
            for (row, iv) in &visible {
                let lane = day_at
                    .get(&iv.0)
                    .and_then(|&k| lane_of.get(k).copied())
                    .unwrap_or(0);
                placed.push((*row, lane.min(SET_LANES - 1)));
            }
            let n = placed.iter().map(|p| p.1 + 1).max().unwrap_or(0);
            names = vec![String::new(); n];
        }
        LaneBy::Article => by_count(
            visible
                .iter()
                .map(|(r, _)| (*r, vec![rows[*r].article]))
                .collect(),
            article_title,
        ),
        LaneBy::Entity => by_count(
            visible
                .iter()
                .map(|(r, _)| (*r, rows[*r].entities.clone()))
                .collect(),
            entity_name,
        ),
    }
    // One mark per lane and start day.
    let mut marks: Vec<SetMark> = Vec::new();
    let mut mark_at: HashMap<(usize, i64), usize, FnvBuild> = HashMap::default();
    for (row, lane) in placed {
        let r = &rows[row];
        let Some(iv) = r.interval else { continue };
        let clipped = (iv.0.max(axis.start), iv.1.min(axis.end));
        let (left, width) = axis.place(clipped);
        let at = mark_at.get(&(lane, iv.0)).copied();
        if at.is_none() {
            mark_at.insert((lane, iv.0), marks.len());
        }
        match at.and_then(|k| marks.get_mut(k)) {
            Some(m) => {
                m.rows.push(row);
                m.width = m.width.max(width);
                m.bar = m.width > 0.012;
                m.published &= r.published;
                m.approximate |= r.approximate;
            }
            None => marks.push(SetMark {
                rows: vec![row],
                lane,
                left,
                width,
                bar: width > 0.012,
                published: r.published,
                approximate: r.approximate,
            }),
        }
    }
    Some(SetAxis {
        axis,
        lanes: names,
        marks,
    })
}

/// The passage `sentence` of `parts` cut into pieces for the page, each
/// `(text, marked)`: `marks` (inside the sentence, in order) are the marked
/// ones. The pieces always join to the sentence's text; a mark outside it or
/// off a character boundary is left out, never misplaced.
pub fn passage(parts: &[&str], sentence: Span, marks: &[Span]) -> Vec<(String, bool)> {
    let Some(text) = parts
        .get(sentence.part)
        .and_then(|t| t.get(sentence.start..sentence.end))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        if m.part != sentence.part || m.start < sentence.start {
            continue;
        }
        let (a, b) = (
            m.start - sentence.start,
            m.end.saturating_sub(sentence.start),
        );
        if a < at || b <= a || b > text.len() {
            continue;
        }
        let (Some(before), Some(inner)) = (text.get(at..a), text.get(a..b)) else {
            continue;
        };
        if !before.is_empty() {
            out.push((before.to_string(), false));
        }
        out.push((inner.to_string(), true));
        at = b;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push((rest.to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;
    use crate::{Analysis, Article};

    fn set() -> Vec<(Article, Analysis)> {
        [
            (
                "b.md",
                "+++\ntitle = \"Harbour reopens\"\ndate = \"2022-03-10\"\n+++\n\nThe harbour of Port Velin closed in 2019. Since 2020 the ferry to Lund has run twice a week.\n",
            ),
            (
                "a.md",
                "+++\ntitle = \"Ferry line\"\ndate = \"2021-06-01\"\n+++\n\nOn 4 May 2021 the council of Port Velin voted for a new ferry.\n",
            ),
        ]
        .iter()
        .map(|(name, src)| {
            let a = parse_article(name, src.as_bytes()).expect("parses");
            let an = crate::analyze(&a.parts(), a.meta.date.as_deref());
            (a, an)
        })
        .collect()
    }

    #[test]
    fn rows_are_in_time_order_link_to_their_event_and_say_how_exact_they_are() {
        let set = set();
        let pages = SetPages::of(&set);
        let rows = timeline_rows(
            &pages,
            &["harbour", "ferry"],
            &["Harbour reopens", "Ferry line"],
        );
        let dates: Vec<&str> = rows.iter().map(|r| r.date.as_str()).collect();
        assert_eq!(dates.first(), Some(&"2019"), "{rows:#?}");
        let mut sorted = rows.clone();
        sorted.sort_by_key(|r| {
            r.date
                .parse::<Timex>()
                .ok()
                .and_then(|t| t.bounds())
                .map(|b| b.0)
        });
        assert_eq!(sorted, rows);
        let year = &rows[0];
        assert_eq!(year.when, "2019 (year)");
        assert!(year.approximate);
        assert_eq!(year.href, "#/a/harbour/t/0");
        assert_eq!(year.title, "Harbour reopens");
        let since = rows.iter().find(|r| r.date == "2020").expect("since 2020");
        assert_eq!(since.when, "since 2020");
        assert!(since.approximate);
        let day = rows.iter().find(|r| r.date == "2021-05-04").expect("a day");
        assert_eq!(day.when, "4 May 2021");
        assert!(!day.approximate);
        assert!(day.href.starts_with("#/a/ferry/t/"));
        let published: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r.published)
            .map(|r| (r.when.as_str(), r.href.as_str()))
            .collect();
        assert_eq!(
            published,
            [("1 Jun 2021", "#/a/ferry"), ("10 Mar 2022", "#/a/harbour")]
        );
        // Points of articles the index does not list are left out.
        assert!(timeline_rows(&pages, &["harbour"], &["Harbour reopens"])
            .iter()
            .all(|r| !r.href.contains("ferry")));
    }

    #[test]
    fn a_passage_joins_to_its_sentence_with_marks_where_they_belong() {
        let parts = ["Title", "Before. قال أحمد 👩‍👩‍👧 cafe\u{301} met Anna. After."];
        let text = parts[1];
        let start = text.find("قال").expect("in the text");
        let end = text.find(" After").expect("in the text");
        let sentence = Span::new(1, start, end);
        let at = |w: &str| {
            let a = text.find(w).expect("in the text");
            Span::new(1, a, a + w.len())
        };
        let pieces = passage(
            &parts,
            sentence,
            &[at("أحمد"), at("cafe\u{301}"), at("Anna")],
        );
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, &text[start..end]);
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["أحمد", "cafe\u{301}", "Anna"]);
        // A mark off a character boundary, overlapping, in another part or
        // outside the sentence is left out; the text is whole.
        let emoji = text.find('👩').expect("in the text");
        let bad = [
            Span::new(1, emoji + 1, emoji + 3),
            Span::new(0, 0, 3),
            Span::new(1, 0, 3),
            at("Anna"),
            at("Anna"),
        ];
        let pieces = passage(&parts, sentence, &bad);
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, &text[start..end]);
        assert_eq!(pieces.iter().filter(|(_, m)| *m).count(), 1);
        assert!(passage(&parts, Span::new(5, 0, 1), &[]).is_empty());
    }

    fn row(article: usize, day: i64, len: i64, entities: Vec<usize>) -> TimelineRow {
        TimelineRow {
            date: String::new(),
            when: String::new(),
            approximate: len > 1,
            what: format!("event {article}/{day}"),
            title: format!("Article {article}"),
            href: String::new(),
            published: false,
            article,
            interval: Some((day, day + len)),
            entities,
        }
    }

    #[test]
    fn the_window_zooms_and_pans_within_the_set() {
        let full = (0, 3650);
        assert_eq!(zoom(full, full, 0.5, 0.5), (913, 2738));
        // Zooming in at the left edge keeps the left edge.
        assert_eq!(zoom(full, full, 0.5, 0.0), (0, 1825));
        // Never wider than the set, never narrower than two weeks.
        assert_eq!(zoom((100, 200), full, 100.0, 0.5), full);
        let tight = zoom((100, 120), full, 0.01, 0.5);
        assert_eq!(tight.1 - tight.0, MIN_WINDOW);
        // Panning stops at either end.
        assert_eq!(pan((0, 1000), full, -0.5), (0, 1000));
        assert_eq!(pan((0, 1000), full, 0.5), (500, 1500));
        assert_eq!(pan((3000, 3650), full, 1.0), (3000, 3650));
        // The rows' extent, from the set timeline.
        let set = set();
        let pages = SetPages::of(&set);
        let rows = timeline_rows(
            &pages,
            &["harbour", "ferry"],
            &["Harbour reopens", "Ferry line"],
        );
        let (lo, hi) = extent(&rows).expect("dated rows");
        assert!(rows
            .iter()
            .filter_map(|r| r.interval)
            .all(|(a, b)| lo <= a && b <= hi));
        // "Since 2020" runs to the set's last day.
        let since = rows.iter().find(|r| r.date == "2020").expect("since 2020");
        assert_eq!(since.interval.map(|i| i.1), Some(hi));
    }

    #[test]
    fn marks_of_one_day_in_one_lane_are_one_mark_and_lanes_follow_the_choice() {
        let rows = vec![
            row(0, 100, 1, vec![7]),
            row(0, 100, 1, vec![7, 8]),
            row(1, 100, 1, vec![8]),
            row(1, 300, 60, vec![]),
            row(2, 5000, 1, vec![7]),
        ];
        let all: Vec<usize> = (0..rows.len()).collect();
        let title = |a: usize| format!("Article {a}");
        let name = |e: usize| format!("Entity {e}");
        let window = (0, 400);
        let by_article =
            set_axis(&rows, &all, window, LaneBy::Article, &title, &name).expect("an axis");
        // The row outside the window is not drawn; two lanes, by count.
        assert_eq!(by_article.lanes, ["Article 0", "Article 1"]);
        let rows_of: Vec<Vec<usize>> = by_article.marks.iter().map(|m| m.rows.clone()).collect();
        assert_eq!(rows_of, [vec![0, 1], vec![2], vec![3]]);
        assert!(by_article.marks[2].bar && by_article.marks[2].approximate);
        assert!(by_article
            .marks
            .iter()
            .all(|m| (0.0..=1.0).contains(&m.left) && m.left + m.width <= 1.0 + 1e-9));
        // By entity: a row in the lane of each of its entities; none: "Other".
        let by_entity =
            set_axis(&rows, &all, window, LaneBy::Entity, &title, &name).expect("an axis");
        assert_eq!(by_entity.lanes, ["Entity 7", "Entity 8", "Other"]);
        let in_lane = |l: usize| -> Vec<usize> {
            by_entity
                .marks
                .iter()
                .filter(|m| m.lane == l)
                .flat_map(|m| m.rows.clone())
                .collect()
        };
        assert_eq!(in_lane(0), [0, 1]);
        assert_eq!(in_lane(1), [1, 2]);
        assert_eq!(in_lane(2), [3]);
        // Packed: the same day shares a mark, and only the rows shown count.
        let packed =
            set_axis(&rows, &[0, 1, 4], (0, 6000), LaneBy::Packed, &title, &name).expect("an axis");
        assert_eq!(packed.marks.len(), 2);
        assert_eq!(packed.marks[0].rows, [0, 1]);
        assert!(
            set_axis(&rows, &all, (0, 400), LaneBy::Packed, &title, &name)
                .expect("an axis")
                .lanes
                .iter()
                .all(String::is_empty)
        );
    }

    #[test]
    fn a_long_timeline_lists_its_first_points_or_those_around_the_chosen_one() {
        assert_eq!(listed_range(10, None, 1000), 0..10);
        assert_eq!(listed_range(5000, None, 1000), 0..1000);
        assert_eq!(listed_range(5000, Some(10), 1000), 0..1000);
        assert_eq!(listed_range(5000, Some(2500), 1000), 2000..3000);
        assert_eq!(listed_range(5000, Some(4999), 1000), 4000..5000);
        assert_eq!(listed_range(5000, Some(7000), 1000), 0..1000);
        for p in [0, 999, 1000, 1001, 3333, 4999] {
            let r = listed_range(5000, Some(p), 1000);
            assert!(r.contains(&p) && r.len() == 1000, "{p}: {r:?}");
        }
    }
}

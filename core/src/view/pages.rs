//! What the pages of the set show, derived from what the build computed
//! ([`SetPages`]) and the library's index: the rows of the set timeline.

use crate::analysis::{Precision, Span};
use crate::bundle::SetPages;
use crate::set::index::Point;
use crate::timex::Timex;

use super::Route;

/// One row of the set timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
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
            }
            .to_hash();
            let what = match event {
                None => "Published".to_string(),
                Some(_) => pages.labels.get(i).cloned().unwrap_or_default(),
            };
            Some(TimelineRow {
                date: item.date.clone(),
                when,
                approximate: coarse || item.open_ended || item.until.is_some(),
                what,
                title,
                href,
                published: event.is_none(),
            })
        })
        .collect()
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
}

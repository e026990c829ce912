use super::*;
use crate::analysis::sentences;

/// (text, value) of every time expression found in `text`.
fn found(text: &str, dct: Option<&str>) -> Vec<(String, String)> {
    let parts = [text];
    let sents = sentences::split(&parts);
    recognize(&parts, &sents, dct)
        .into_iter()
        .map(|t| (t.span.text(&parts).to_string(), t.value.to_string()))
        .collect()
}

fn one(text: &str, dct: Option<&str>) -> TimeExpr {
    let parts = [text];
    let sents = sentences::split(&parts);
    let mut all = recognize(&parts, &sents, dct);
    assert_eq!(all.len(), 1, "{text:?}: {all:?}");
    all.remove(0)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const SEED: &str = "assets/articles/000-russia-refused-to-extradite-assad.md";

#[test]
fn seed_article_cases_without_a_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(SEED);
    let bytes = std::fs::read(&path).unwrap_or_default();
    assert!(
        !bytes.is_empty(),
        "seed article missing at {}",
        path.display()
    );
    let article = crate::article::parse_article(SEED, &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(article.meta.date, None);
    let parts = article.parts();
    let sents = sentences::split(&parts);
    let times = recognize(&parts, &sents, None);
    let get = |text: &str| -> Vec<&TimeExpr> {
        times
            .iter()
            .filter(|t| t.span.text(&parts) == text)
            .collect()
    };
    let dec = get("December 2024");
    assert_eq!(dec.len(), 3);
    assert!(dec.iter().all(|t| t.value == "2024-12"
        && t.kind == TimexType::Date
        && t.precision == Some(Precision::Month)
        && t.resolved));
    assert_eq!(get("January 2025")[0].value, "2025-01");
    let april = get("April 23, 2025")[0];
    assert_eq!(
        (april.value.to_string().as_str(), april.precision),
        ("2025-04-23", Some(Precision::Day))
    );
    assert_eq!(get("March 2025")[0].value, "2025-03");
    let rule = get("50-year")[0];
    assert_eq!(
        (rule.value.to_string().as_str(), rule.kind),
        ("P50Y", TimexType::Duration)
    );
    assert!(!rule.resolved && rule.precision.is_none());
    let war = get("13-year")[0];
    assert_eq!(
        (war.value.to_string().as_str(), war.kind),
        ("P13Y", TimexType::Duration)
    );
    let decades = get("decades")[0];
    assert_eq!(
        (decades.value.to_string().as_str(), decades.kind),
        ("PXY", TimexType::Duration)
    );
    // "Since 2015": the year is found; the word before it makes the range.
    let since = get("2015")[0];
    assert_eq!(
        (since.value.to_string().as_str(), since.precision),
        ("2015", Some(Precision::Year))
    );
    let before = &parts[since.span.part][..since.span.start];
    assert!(before.trim_end().ends_with("Since"));
    // Nothing else is a date: no made-up day for a month and a year.
    assert!(times.iter().all(|t| !t.value.to_string().contains("XX")));
    assert_eq!(times.len(), 11, "{times:?}");
}

#[test]
fn calendar_dates() {
    let cases = [
        (
            "It opened on April 23, 2025.",
            "April 23, 2025",
            "2025-04-23",
        ),
        ("It opened on 23 April 2025.", "23 April 2025", "2025-04-23"),
        (
            "It opened on 1st of May, 2025.",
            "1st of May, 2025",
            "2025-05-01",
        ),
        ("It opened on 2025-04-23.", "2025-04-23", "2025-04-23"),
        (
            "It opened on Wednesday, April 23, 2025.",
            "Wednesday, April 23, 2025",
            "2025-04-23",
        ),
        (
            "It opened on the 23rd of April, 2025.",
            "the 23rd of April, 2025",
            "2025-04-23",
        ),
        (
            "It opened in Sept. 2019 and closed.",
            "Sept. 2019",
            "2019-09",
        ),
        ("It opened in December 2024.", "December 2024", "2024-12"),
        ("It opened in 2025-04.", "2025-04", "2025-04"),
        ("It opened in 1998.", "1998", "1998"),
        ("It boomed in the 1990s.", "the 1990s", "199X"),
        ("It boomed in the '90s.", "the '90s", "199X"),
        ("It opened in summer 2025.", "summer 2025", "2025-SU"),
        (
            "It opened in the summer of 2025.",
            "the summer of 2025",
            "2025-SU",
        ),
        (
            "Sales rose in the first quarter of 2025.",
            "the first quarter of 2025",
            "2025-Q1",
        ),
        ("Sales rose in Q3 2024.", "Q3 2024", "2024-Q3"),
        (
            "Sales rose in the second half of 2023.",
            "the second half of 2023",
            "2023-H2",
        ),
        ("Sales rose in fiscal 2007.", "fiscal 2007", "FY2007"),
        (
            "It was built in the 19th century.",
            "the 19th century",
            "18",
        ),
        (
            "The photo is dated 7/8/07 on the back.",
            "7/8/07",
            "2007-07-08",
        ),
        ("It slowed in early 2009.", "early 2009", "2009"),
    ];
    for (text, span, value) in cases {
        assert_eq!(found(text, None), pairs(&[(span, value)]), "{text}");
    }
}

#[test]
fn month_and_year_never_gets_a_day() {
    for dct in [None, Some("2025-06-15")] {
        let t = one("The regime fell in December 2024.", dct);
        assert_eq!(t.value, "2024-12");
        assert_eq!(t.precision, Some(Precision::Month));
    }
}

#[test]
fn numbers_that_are_not_years() {
    for text in [
        "The plane carries 1500 kg.",
        "It cost $2005 in total.",
        "Boeing 2707 was never built.",
        "About 1,999 people came.",
        "Room 12 is at 3.2005 degrees.",
        "Call 555-1234 or 555-2010 now.",
    ] {
        let f = found(text, None);
        assert!(
            f.iter()
                .all(|(_, v)| !v.starts_with("20") && !v.starts_with("19"))
                || text.contains("2010-11"),
            "{text}: {f:?}"
        );
    }
    // An academic year range is two bounds, not a month.
    assert_eq!(
        found("The 2009-10 season was long.", None),
        pairs(&[("2009", "2009"), ("10", "2010")])
    );
}

#[test]
fn months_alone_and_days_follow_the_article_date() {
    let dct = Some("2008-04-09");
    assert_eq!(
        found("Sales fell in February.", dct),
        pairs(&[("February", "2008-02")])
    );
    assert_eq!(
        found("Sales fell in February.", None),
        pairs(&[("February", "XXXX-02")])
    );
    assert!(!one("Sales fell in February.", None).resolved);
    // Far ahead of the article's month: the one just past, unless the
    // sentence speaks of the future.
    assert_eq!(
        found("Sales fell in December.", Some("2010-01-25")),
        pairs(&[("December", "2009-12")])
    );
    assert_eq!(
        found("It will open in December.", Some("2010-01-25")),
        pairs(&[("December", "2010-12")])
    );
    assert_eq!(
        found("Sales fell in June.", Some("2010-01-25")),
        pairs(&[("June", "2010-06")])
    );
    assert_eq!(
        found("It ships on April 3.", dct),
        pairs(&[("April 3", "2008-04-03")])
    );
    // The closest year: written in January about December.
    assert_eq!(
        found("It was signed on 11 December.", Some("2010-01-25")),
        pairs(&[("11 December", "2009-12-11")])
    );
    assert_eq!(
        found("It was signed on December 11.", None),
        pairs(&[("December 11", "XXXX-12-11")])
    );
    // "may" the verb is no month; "May" after a cue is.
    assert_eq!(found("He may come.", dct), pairs(&[]));
    assert_eq!(found("May I help?", dct), pairs(&[]));
    assert_eq!(found("It opens in May.", dct), pairs(&[("May", "2008-05")]));
    assert_eq!(found("Troops march on.", dct), pairs(&[]));
}

#[test]
fn relative_expressions_with_a_date() {
    let dct = Some("2009-12-16"); // a Wednesday
    let cases = [
        ("It happened yesterday.", "yesterday", "2009-12-15"),
        ("It happens today.", "today", "2009-12-16"),
        ("It happens tomorrow.", "tomorrow", "2009-12-17"),
        ("It happened on Tuesday.", "Tuesday", "2009-12-15"),
        ("It happened on Wednesday.", "Wednesday", "2009-12-16"),
        ("It will happen on Friday.", "Friday", "2009-12-18"),
        // reported future; a clock time and its zone do not end the sentence
        (
            "She said it would happen on Friday.",
            "Friday",
            "2009-12-18",
        ),
        (
            "It will report at 4 p.m. EST on Friday.",
            "4 p.m. EST on Friday",
            "2009-12-18T16:00",
        ),
        ("It would have happened on Monday.", "Monday", "2009-12-14"),
        ("It happened last Friday.", "last Friday", "2009-12-11"),
        ("It happens next Monday.", "next Monday", "2009-12-21"),
        ("It happened last week.", "last week", "2009-W50"),
        ("It happens this week.", "this week", "2009-W51"),
        ("It happens this weekend.", "this weekend", "2009-W51-WE"),
        ("It happened last month.", "last month", "2009-11"),
        ("It happens next month.", "next month", "2010-01"),
        ("It happens this year.", "this year", "2009"),
        ("It happened last year.", "last year", "2008"),
        ("It happened two days ago.", "two days ago", "2009-12-14"),
        ("It happened a year ago.", "a year ago", "2008"),
        (
            "It happened three months ago.",
            "three months ago",
            "2009-09",
        ),
        ("It happened this morning.", "this morning", "2009-12-16TMO"),
        (
            "It happened on Friday morning.",
            "Friday morning",
            "2009-12-11TMO",
        ),
        ("It happened last night.", "last night", "2009-12-15TNI"),
        (
            "It ended in the last quarter.",
            "the last quarter",
            "2009-Q3",
        ),
        ("It opens later this year.", "later this year", "2009"),
        ("It will open this summer.", "this summer", "2009-SU"),
        ("It is open now.", "now", "PRESENT_REF"),
        ("It is currently open.", "currently", "PRESENT_REF"),
        ("It recently opened.", "recently", "PAST_REF"),
        ("It was better in the past.", "the past", "PAST_REF"),
    ];
    for (text, span, value) in cases {
        assert_eq!(found(text, dct), pairs(&[(span, value)]), "{text}");
    }
    assert!(one("It happened yesterday.", dct).resolved);
    assert!(!one("It is open now.", dct).resolved);
}

#[test]
fn undated_months_take_a_year_written_in_the_same_sentence() {
    assert_eq!(
        found(
            "In 2024, talks began in March and ended on May 5. In June it rained.",
            None
        ),
        pairs(&[
            ("2024", "2024"),
            ("March", "2024-03"),
            ("May 5", "2024-05-05"),
            ("June", "XXXX-06")
        ])
    );
    // With an article date, the article's year wins.
    assert_eq!(
        found("In 2024, talks began in March.", Some("2025-02-01")),
        pairs(&[("2024", "2024"), ("March", "2025-03")])
    );
}

#[test]
fn relative_expressions_without_a_date_stay_unresolved() {
    let cases = [
        ("It happened yesterday.", "XXXX-XX-XX"),
        ("It happened on Tuesday.", "XXXX-XX-XX"),
        ("It happened last week.", "XXXX-WXX"),
        ("It happened last month.", "XXXX-XX"),
        ("It happens this year.", "XXXX"),
        ("It happened two days ago.", "XXXX-XX-XX"),
        ("It is open now.", "PRESENT_REF"),
    ];
    for (text, value) in cases {
        let t = one(text, None);
        assert_eq!(t.value, value, "{text}");
        assert!(!t.resolved, "{text}");
        assert_eq!(t.kind, TimexType::Date);
    }
}

#[test]
fn durations_and_sets() {
    let cases = [
        (
            "It took three months.",
            "three months",
            "P3M",
            TimexType::Duration,
        ),
        (
            "It lasted 18 months.",
            "18 months",
            "P18M",
            TimexType::Duration,
        ),
        (
            "It took thirty minutes.",
            "thirty minutes",
            "PT30M",
            TimexType::Duration,
        ),
        ("It took a week.", "a week", "P1W", TimexType::Duration),
        (
            "It took several years.",
            "several years",
            "PXY",
            TimexType::Duration,
        ),
        (
            "It took almost two and a half years.",
            "almost two and a half years",
            "P2.5Y",
            TimexType::Duration,
        ),
        (
            "It runs for the next four years.",
            "the next four years",
            "P4Y",
            TimexType::Duration,
        ),
        (
            "It grew over the past decade.",
            "the past decade",
            "P10Y",
            TimexType::Duration,
        ),
        (
            "It has a 12-hour shift.",
            "12-hour",
            "PT12H",
            TimexType::Duration,
        ),
        (
            "It has a fifty-year life.",
            "fifty-year",
            "P50Y",
            TimexType::Duration,
        ),
        (
            "A twenty-five-year plan.",
            "twenty-five-year",
            "P25Y",
            TimexType::Duration,
        ),
        (
            "It was a decades-long feud.",
            "decades-long",
            "PXY",
            TimexType::Duration,
        ),
        (
            "It changed over the years.",
            "over the years",
            "PXY",
            TimexType::Duration,
        ),
        ("It meets every week.", "every week", "P1W", TimexType::Set),
        (
            "It meets every Monday.",
            "every Monday",
            "XXXX-WXX-1",
            TimexType::Set,
        ),
        ("It is paid annually.", "annually", "P1Y", TimexType::Set),
        ("They build 15 a year.", "a year", "P1Y", TimexType::Set),
        ("It costs $5 per month.", "per month", "P1M", TimexType::Set),
        ("The board meets weekly.", "weekly", "P1W", TimexType::Set),
        (
            "It is updated daily by staff.",
            "daily",
            "P1D",
            TimexType::Set,
        ),
        (
            "Rent is due monthly, in cash.",
            "monthly",
            "P1M",
            TimexType::Set,
        ),
        ("They report quarterly.", "quarterly", "P1Q", TimexType::Set),
    ];
    for (text, span, value, kind) in cases {
        let t = one(text, Some("2010-05-05"));
        let parts = [text];
        assert_eq!(
            (t.span.text(&parts), t.value.to_string().as_str(), t.kind),
            (span, value, kind),
            "{text}"
        );
        assert!(!t.resolved);
    }
}

#[test]
fn dates_counted_from_the_last_one_mentioned() {
    let dct = Some("2008-10-15");
    assert_eq!(
        found("Sales fell in 2005. The previous year they rose.", dct),
        pairs(&[("2005", "2005"), ("The previous year", "2004")])
    );
    assert_eq!(
        found(
            "It opened on March 3, 2001. That day it rained; the following day it snowed.",
            dct
        ),
        pairs(&[
            ("March 3, 2001", "2001-03-03"),
            ("That day", "2001-03-03"),
            ("the following day", "2001-03-04"),
        ])
    );
    assert_eq!(
        found(
            "Third-quarter sales fell; the fourth quarter will be worse.",
            dct
        ),
        pairs(&[
            ("Third-quarter", "2008-Q3"),
            ("the fourth quarter", "2008-Q4")
        ])
    );
    assert_eq!(
        found("Sales fell 5% from a year earlier.", dct),
        pairs(&[("a year earlier", "2007")])
    );
    assert_eq!(
        found("That year it rained.", None),
        pairs(&[("That year", "XXXX")])
    );
}

#[test]
fn clock_times_take_the_day_mentioned_before() {
    let dct = Some("2009-12-16");
    assert_eq!(
        found("It failed on Tuesday at 18:00 UTC.", dct),
        pairs(&[
            ("Tuesday", "2009-12-15"),
            ("18:00 UTC", "2009-12-15T18:00Z")
        ])
    );
    assert_eq!(
        found("It left at 6:40 p.m.", dct),
        pairs(&[("6:40 p.m.", "2009-12-16T18:40")])
    );
    assert_eq!(
        found("It left at 3 pm.", dct),
        pairs(&[("3 pm", "2009-12-16T15:00")])
    );
    assert_eq!(found("The ratio is 16:9 and 3:45 is late.", None).len(), 1);
}

#[test]
fn ranges_have_both_bounds() {
    assert_eq!(
        found("It ran from 2011 to 2024.", None),
        pairs(&[("2011", "2011"), ("2024", "2024")])
    );
    assert_eq!(
        found("It ran between 2014 and 2016.", None),
        pairs(&[("2014", "2014"), ("2016", "2016")])
    );
    assert_eq!(
        found("It ran 2011–2024.", None),
        pairs(&[("2011", "2011"), ("2024", "2024")])
    );
    assert_eq!(
        found("It ran from January to March 2020.", Some("2020-06-01")),
        pairs(&[("January", "2020-01"), ("March 2020", "2020-03")])
    );
    assert_eq!(
        found("It runs until March.", Some("2020-01-01")),
        pairs(&[("March", "2020-03")])
    );
    assert_eq!(
        found("Since 2015, it grew.", None),
        pairs(&[("2015", "2015")])
    );
}

#[test]
fn spans_are_ordered_disjoint_and_on_char_boundaries() {
    let text = "Ça a commencé le 3 mars — no, on March 3, 2020 🎉 then دمشق 2021 and e\u{301} 1999s… \r\n\0 12:30 UTC";
    let parts = [text, "", "2020-02-30 is no day; 2020-02-29 is."];
    let sents = sentences::split(&parts);
    let times = recognize(&parts, &sents, Some("2020-05-05"));
    let mut last = (0, 0);
    for t in &times {
        assert!(parts[t.span.part].is_char_boundary(t.span.start));
        assert!(parts[t.span.part].is_char_boundary(t.span.end));
        assert!((t.span.part, t.span.start) >= last);
        assert!(t.span.start < t.span.end);
        last = (t.span.part, t.span.end);
    }
    let values: Vec<String> = times.iter().map(|t| t.value.to_string()).collect();
    assert!(values.iter().any(|v| v == "2020-03-03"));
    assert!(values.iter().any(|v| v == "2020-02-29"));
    assert!(!values.iter().any(|v| v.contains("02-30")));
}

#[test]
fn deterministic() {
    let text = "On Tuesday, 5 May 2020, it rained for three days; since 2015 it rains every week.";
    let a = found(text, Some("2020-05-07"));
    let b = found(text, Some("2020-05-07"));
    assert_eq!(a, b);
    assert_eq!(a.len(), 4, "{a:?}");
}

/// Date detection (P, R, F1) and value accuracy on the development set,
/// scored as the evaluation does: a prediction matches a gold time
/// expression when they overlap; the value must then be equal.
fn dev_scores() -> (f64, f64, f64, f64, usize) {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/meantime-dev");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 50, "development set incomplete");
    let (mut total, mut ok) = (crate::score::Score::default(), 0usize);
    for gold_path in &names {
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(gold_path).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let md_path = gold_path.to_string_lossy().replace(".gold.json", ".md");
        let bytes = std::fs::read(&md_path).unwrap_or_default();
        let article =
            crate::article::parse_article(&md_path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let parts = article.parts();
        let sents = sentences::split(&parts);
        let times = recognize(&parts, &sents, article.meta.date.as_deref());
        let end = gold["eval_end"].as_u64().unwrap_or(0) as usize;
        let mut pred: Vec<(usize, usize, String)> = times
            .iter()
            .filter_map(|t| {
                let (s, e) = article.source_range(t.span.part, t.span.start, t.span.end)?;
                (s < end).then(|| (s, e, t.value.to_string()))
            })
            .collect();
        pred.sort();
        pred.dedup();
        let gold: Vec<(usize, usize, Option<&str>)> = gold["timex"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|g| {
                let gs = g["start"].as_u64().unwrap_or(0) as usize;
                let ge = g["end"].as_u64().unwrap_or(0) as usize;
                (gs, ge, g["value"].as_str())
            })
            .collect();
        let (score, taken) = crate::score::match_spans(&gold, &pred, |_, _| true);
        for (g, k) in gold.iter().zip(taken) {
            if let Some(k) = k {
                ok += usize::from(g.2 == Some(pred[k].2.as_str()));
            }
        }
        total.add(score);
    }
    let (p, r, f1, tp) = (total.precision(), total.recall(), total.f1(), total.tp);
    (p, r, f1, ok as f64 / tp.max(1) as f64, tp)
}

#[test]
fn development_set_scores_stay_above_the_floors() {
    let (p, r, f1, acc, tp) = dev_scores();
    println!("dev dates: P {p:.3} R {r:.3} F1 {f1:.3} value accuracy {acc:.3} ({tp} matched)");
    assert!(f1 >= 0.93, "date detection F1 {f1:.3} (P {p:.3} R {r:.3})");
    assert!(acc >= 0.86, "date value accuracy {acc:.3}");
}

#[test]
fn frequency_words_before_their_noun_or_in_names_are_not_sets() {
    let dct = Some("2010-05-05");
    assert!(found("The annual fair and the weekly market opened.", dct).is_empty());
    assert!(found("The Daily Courier ran it.", dct).is_empty());
}

#[test]
fn qualified_future_and_past_and_a_part_of_the_day_mentioned_before() {
    assert_eq!(
        found(
            "Prices will rise in the near future, less so in the distant future.",
            Some("2008-03-12")
        ),
        pairs(&[
            ("the near future", "FUTURE_REF"),
            ("the distant future", "FUTURE_REF")
        ])
    );
    assert_eq!(
        found("It was common in the recent past.", Some("2008-03-12")),
        pairs(&[("the recent past", "PAST_REF")])
    );
    // "that morning": the morning of the day last mentioned
    assert_eq!(
        found(
            "The deal was signed on Monday. That morning the plant shut.",
            Some("2008-03-12")
        ),
        pairs(&[("Monday", "2008-03-10"), ("That morning", "2008-03-10TMO")])
    );
    // without an earlier date, the article's
    assert_eq!(
        found("That evening the plant shut.", Some("2008-03-12")),
        pairs(&[("That evening", "2008-03-12TEV")])
    );
    // "earlier in the day", "later that day": the day last mentioned
    assert_eq!(
        found(
            "The vote was held on Monday. Earlier in the day, crowds gathered; later that day they left.",
            Some("2008-03-12")
        ),
        pairs(&[
            ("Monday", "2008-03-10"),
            ("Earlier in the day", "2008-03-10"),
            ("later that day", "2008-03-10"),
        ])
    );
    assert_eq!(
        found("Later in the day the road reopened.", Some("2008-03-12")),
        pairs(&[("Later in the day", "2008-03-12")])
    );
    // "later in" something else is no date
    assert_eq!(
        found("Later in the talks the road came up.", Some("2008-03-12")),
        pairs(&[])
    );
    // the week, month or year of the date last mentioned
    assert_eq!(
        found(
            "The vote was on 3 June 2007. Earlier in the week, crowds gathered; later in the month they left, and later in the year they came back.",
            Some("2008-03-12")
        ),
        pairs(&[
            ("3 June 2007", "2007-06-03"),
            ("Earlier in the week", "2007-W22"),
            ("later in the month", "2007-06"),
            ("later in the year", "2007"),
        ])
    );
}

#[test]
fn time_ago_without_a_count_is_a_past_reference() {
    assert_eq!(
        found(
            "Years ago it began, many years ago it grew and several decades ago it was small; two years ago it won.",
            Some("2008-03-12")
        ),
        pairs(&[
            ("Years ago", "PAST_REF"),
            ("many years ago", "PAST_REF"),
            ("several decades ago", "PAST_REF"),
            ("two years ago", "2006"),
        ])
    );
}

#[test]
fn clock_times_written_close_up() {
    let dct = Some("2009-12-16");
    assert_eq!(
        found("Trading stopped at 3pm EST and the vote is at 9AM.", dct),
        pairs(&[("3pm EST", "2009-12-16T15:00"), ("9AM", "2009-12-16T09:00")])
    );
    assert_eq!(
        found("It ended at 11.30am GMT on Tuesday.", dct),
        pairs(&[("11.30am GMT on Tuesday", "2009-12-15T11:30Z")])
    );
    // a decimal, an hour past 12 before "am", and letters that are no
    // half of the day stay what they were
    assert!(found(
        "Growth was 3.45 percent, 30am units, 4x4s and 1月 sold.",
        dct
    )
    .is_empty());
}

#[test]
fn a_part_of_the_day_takes_the_day_mentioned_before() {
    let dct = Some("2009-12-16");
    assert_eq!(
        found("In the afternoon, the board met.", dct),
        pairs(&[("the afternoon", "2009-12-16TAF")])
    );
    assert_eq!(
        found("On Monday, police arrived in the morning.", dct),
        pairs(&[("Monday", "2009-12-14"), ("the morning", "2009-12-14TMO")])
    );
    assert!(found(
        "He works in the night shift. The Morning Star said so.",
        dct
    )
    .is_empty());
}

#[test]
fn the_next_day_is_the_day_after_the_last_date_and_over_the_next_year_a_stretch() {
    let dct = Some("2009-03-10");
    assert_eq!(
        found("On March 3 the board met. The next day, shares fell.", dct),
        pairs(&[("March 3", "2009-03-03"), ("The next day", "2009-03-04")])
    );
    assert_eq!(
        found(
            "Over the next year it will grow, and in the next week it will decide.",
            dct
        ),
        pairs(&[("the next year", "P1Y"), ("the next week", "P1W")])
    );
}

#[test]
fn a_day_months_ahead_without_a_future_is_the_one_past() {
    let dct = Some("2008-12-16");
    assert_eq!(
        found("On March 3 the board met.", dct),
        pairs(&[("March 3", "2008-03-03")])
    );
    assert_eq!(
        found("The board will meet on March 3.", dct),
        pairs(&[("March 3", "2009-03-03")])
    );
    assert_eq!(
        found("On January 5 the board met.", dct),
        pairs(&[("January 5", "2009-01-05")])
    );
}

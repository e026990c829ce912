use super::*;
use crate::analysis::{sentences, time, EntityKind};

fn timeline(text: &str, dct: Option<&str>, entities: &[Entity]) -> Vec<Event> {
    let parts = [text];
    let sents = sentences::split(&parts);
    let times = time::recognize(&parts, &sents, dct);
    build(&parts, &sents, &times, entities)
}

fn dates(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| e.date.to_string()).collect()
}

fn tx(v: &str) -> Timex {
    v.parse().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn chronological_with_coarser_first_and_document_order_for_ties() {
    let text = "In December 2024, the regime fell. In 2024, prices rose. \
                The talks began on January 5, 2025. In January 2025, the envoy left. \
                The war began in 2011. In 2024 the army split.";
    let events = timeline(text, None, &[]);
    assert_eq!(
        dates(&events),
        ["2011", "2024", "2024", "2024-12", "2025-01", "2025-01-05"]
    );
    // Document order among equal dates.
    assert!(events[1].time < events[2].time);
    assert_eq!(coverage(&events), Some((tx("2011"), tx("2025-01-05"))));
}

#[test]
fn only_anchored_dates_become_events() {
    let text = "It took three months. It meets every week. It is open now. \
                It opened yesterday. It closed in 1999.";
    assert_eq!(dates(&timeline(text, None, &[])), ["1999"]);
    assert_eq!(
        dates(&timeline(text, Some("2020-03-04"), &[])),
        ["1999", "2020-03-03"]
    );
    assert_eq!(coverage(&[]), None);
}

#[test]
fn ranges_make_one_event() {
    let text =
        "The civil war lasted from 2011 to 2024. Since 2015, Russian jets have bombed rebels. \
                Deliveries run between 2014 and 2016. The ban lasts until 2030.";
    let events = timeline(text, None, &[]);
    let find = |d: &str| {
        events
            .iter()
            .find(|e| e.date == d)
            .unwrap_or_else(|| panic!("{d}: {events:?}"))
    };
    assert_eq!(events.len(), 4, "{events:?}");
    let war = find("2011");
    assert_eq!(
        (
            war.until.as_ref().map(ToString::to_string).as_deref(),
            war.open_ended
        ),
        (Some("2024"), false)
    );
    assert_eq!(war.label, "The civil war lasted");
    let since = find("2015");
    assert_eq!(
        (
            since.until.as_ref().map(ToString::to_string).as_deref(),
            since.open_ended
        ),
        (None, true)
    );
    assert_eq!(since.label, "Russian jets have bombed rebels");
    assert_eq!(
        find("2014")
            .until
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("2016")
    );
    assert_eq!(find("2030").until, None);
    assert_eq!(coverage(&events), Some((tx("2011"), tx("2030"))));
    // A range that runs to the present is open.
    let ev = timeline(
        "He led it from 1999 to the present. It grew from 2001 to now.",
        None,
        &[],
    );
    assert_eq!(ev.len(), 2);
    assert!(ev.iter().all(|e| e.open_ended && e.until.is_none()));
    assert_eq!(ev[0].label, "He led it");
    // Coverage counts the end of a range.
    let text = "It ran from 1990 to 2030. It began in 2000.";
    let ev = timeline(text, None, &[]);
    assert_eq!(coverage(&ev), Some((tx("1990"), tx("2030"))));
}

#[test]
fn labels_come_from_the_clause_without_the_date() {
    let text = "In January 2025, the interim government asked the Kremlin to extradite the former president. \
                Moscow granted him asylum after the fall of the regime in December 2024. \
                According to Reuters, in March 2025, Damascus and Moscow began talks on possible military support.";
    let events = timeline(text, None, &[]);
    let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "The fall of the regime",
            "The interim government asked the Kremlin to extradite the former president",
            "Damascus and Moscow began talks on possible military support",
        ]
    );
    for e in &events {
        assert!(e.label.split_whitespace().count() <= LABEL_WORDS);
        assert!(!e.label.contains("2024") && !e.label.contains("2025"));
    }
    // A predicate gets its subject back; a side remark gives way to the
    // main clause.
    let text = "The plane, built in Seattle, made its first flight on June 15, 2009. \
                The jet will be in service by at least 2012. \
                According to the maker, in 2011 the line closed.";
    let labels: Vec<String> = timeline(text, None, &[])
        .into_iter()
        .map(|e| e.label)
        .collect();
    assert_eq!(
        labels,
        [
            "The plane made its first flight",
            "The line closed",
            "The jet will be in service"
        ]
    );
    // A long clause is cut to a dozen words.
    let long = "On 3 May 2021 the committee of the regional parliament voted again on the long disputed budget for schools and roads.";
    let ev = timeline(long, None, &[]);
    assert_eq!(ev[0].label.split_whitespace().count(), LABEL_WORDS);
    assert!(ev[0].label.ends_with('…'));
    assert!(ev[0].label.starts_with("The committee"));
}

#[test]
fn events_carry_sentence_time_and_entities() {
    let text = "Assad fled to Moscow in December 2024. Putin stayed silent.";
    let mention = |s: usize, e: usize| Span::new(0, s, e);
    let entities = vec![
        Entity {
            id: "assad".into(),
            name: "Assad".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            mentions: vec![mention(0, 5)],
        },
        Entity {
            id: "moscow".into(),
            name: "Moscow".into(),
            kind: EntityKind::Place,
            aliases: vec![],
            mentions: vec![mention(14, 20)],
        },
        Entity {
            id: "putin".into(),
            name: "Putin".into(),
            kind: EntityKind::Person,
            aliases: vec![],
            mentions: vec![mention(39, 44)],
        },
    ];
    let events = timeline(text, None, &entities);
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.sentence, Span::new(0, 0, 38));
    assert_eq!(e.time, 0);
    assert_eq!(e.precision, Precision::Month);
    let ids: Vec<&str> = e
        .entities
        .iter()
        .map(|&i| entities[i].id.as_str())
        .collect();
    assert_eq!(ids, ["assad", "moscow"]);
}

/// Runs the three stages and checks the invariants that hold for any text.
fn check_any(parts: &[&str], dct: Option<&str>) {
    let sents = sentences::split(parts);
    let times = time::recognize(parts, &sents, dct);
    let events = build(parts, &sents, &times, &[]);
    for s in sents
        .iter()
        .map(|s| (s, "sentence"))
        .chain(times.iter().map(|t| (&t.span, "time")))
    {
        let (span, what) = s;
        let p = parts[span.part];
        assert!(
            span.start < span.end && span.end <= p.len(),
            "{what} {span:?}"
        );
        assert!(
            p.is_char_boundary(span.start) && p.is_char_boundary(span.end),
            "{what} {span:?}"
        );
    }
    for w in times.windows(2) {
        assert!((w[0].span.part, w[0].span.end) <= (w[1].span.part, w[1].span.start));
    }
    for w in events.windows(2) {
        let a = w[0].date.bounds().map(|b| (b.0, w[0].precision));
        let b = w[1].date.bounds().map(|b| (b.0, w[1].precision));
        assert!(a <= b, "{:?} after {:?}", w[0], w[1]);
    }
    for e in &events {
        assert!(e.time < times.len());
        assert!(e.label.split_whitespace().count() <= LABEL_WORDS);
    }
    let _ = coverage(&events);
}

#[test]
fn never_panics_on_odd_text() {
    let samples = [
        "",
        "\0",
        "\r\n\r\n",
        "....!!!???……",
        "“”‘’«»",
        "e\u{301}\u{301}\u{301}. A\u{308}. 2020\u{301}-01\u{301}",
        "دمشق في 8 ديسمبر 2024. سقط النظام.",
        "🎉 2024 🎉 December 🎉 2024 🎉 from 🎉 2011 to 🎉",
        "since since since 2015 2015 2015 until until",
        "the the the first quarter of of the",
        "12:60 25:00 99/99/99 0/0/00 2025-13-45 2025-02-29 9999-99",
        "from 2024 to 2011, between 2016 and 2014",
        "a a a year year ago ago. last last week. next next Monday",
        "Dec. Dec. Dec 31 Dec. 31, 2024-",
        "'90s '9 ' ’90s ’",
        "12 a.m. 12 p.m. 0 am 13 pm 7 p. m.",
        "two and a half and a half years",
        "In 1066 and in 999 and 3000 and 2100.",
    ];
    for s in samples {
        check_any(&[s], None);
        check_any(&[s, s], Some("2024-02-29"));
        check_any(&[s], Some("not a date"));
    }
}

#[test]
fn large_input_is_handled() {
    let unit = "On April 23, 2025, the talks began. Since 2015 prices rose 3.5% a year. \
                دمشق 🎉 e\u{301} \0\r\n";
    let big = unit.repeat(10_000_000 / unit.len() + 1);
    let parts = [big.as_str()];
    let sents = sentences::split(&parts);
    let times = time::recognize(&parts, &sents, Some("2025-05-01"));
    let events = build(&parts, &sents, &times, &[]);
    assert!(big.len() >= 10_000_000);
    assert_eq!(times.len() % 3, 0);
    assert!(events.len() >= times.len() / 3 * 2);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}", t in "[ 0-9a-zA-Z.,:'’\\-–/]{0,80}") {
        check_any(&[&s, &t], None);
        check_any(&[&t], Some("2010-06-15"));
    }
}

/// The events of an article file, analysed as the app does.
fn file_events(path: &std::path::Path) -> (Vec<String>, crate::Analysis) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let article = crate::article::parse_article(&path.to_string_lossy(), &bytes)
        .unwrap_or_else(|e| panic!("{e}"));
    let parts = article.parts();
    let a = crate::analyze(&parts, article.meta.date.as_deref());
    (parts.iter().map(|p| p.to_string()).collect(), a)
}

/// A label is the clause the date modifies: a date inside a noun phrase
/// ("after the overthrow of X in December 2024") labels that phrase, not
/// the phrase joined to the main clause's verb.
#[test]
fn a_dated_noun_phrase_is_its_own_label() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/articles");
    let seed = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("000-"))
        .unwrap_or_else(|| panic!("{}: no seed article", dir.display()));
    let (_, a) = file_events(&seed);
    let december: Vec<&str> = a
        .timeline
        .iter()
        .filter(|e| e.date == "2024-12")
        .map(|e| e.label.as_str())
        .collect();
    // Good: names the event, grammatical, short.
    assert!(
        december.contains(&"The overthrow of Bashar al-Assad"),
        "{december:?}"
    );
    // Bad: the date's phrase glued to the main clause's verb.
    assert!(
        december.iter().all(|l| !l.contains("faced")),
        "{december:?}"
    );

    // A phrase that is only the date keeps the clause around it.
    let events = timeline(
        "During the first quarter of 2007 the company sold ten million players.",
        None,
        &[],
    );
    assert_eq!(events.len(), 1);
    assert!(events[0].label.contains("sold"), "{:?}", events[0].label);
    // A clause after the date is kept when the phrase has its own verb.
    let events = timeline(
        "After the talks ended in May 2019 the envoy flew home.",
        None,
        &[],
    );
    assert!(events[0].label.contains("talks"), "{:?}", events[0].label);
}

/// Labels on the development set (read from ../shared at test time): a
/// subject, a verb and what was done; never empty, never the date itself.
#[test]
fn dev_set_labels_name_what_happened() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval/meantime-dev");
    let (_, a) = file_events(&dir.join("107785_Apple_launches_3G.md"));
    let launch = a
        .timeline
        .iter()
        .find(|e| e.date == "2008-06-09")
        .unwrap_or_else(|| panic!("{:?}", a.timeline));
    // Good: names the event with its subject and verb.
    assert_eq!(
        launch.label,
        "Apple Computer launched a 3G version of its iPhone device"
    );
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    names.sort();
    assert!(names.len() >= 50, "development set incomplete");
    for path in &names {
        let (parts, a) = file_events(path);
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        for e in &a.timeline {
            let date = a.times[e.time].span.text(&parts);
            // Bad: an empty label, or one that is the date's own words.
            assert!(!e.label.is_empty(), "{}: {e:?}", path.display());
            assert!(
                date.len() < 4 || !e.label.contains(date),
                "{}: {:?} repeats {date:?}",
                path.display(),
                e.label
            );
            assert!(e.label.split_whitespace().count() <= LABEL_WORDS);
        }
    }
}

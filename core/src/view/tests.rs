use super::*;
use crate::analysis::{Entity, Precision, TimeExpr, Timex, TimexType};
use proptest::prelude::*;

fn concat(runs: &[Run<'_>]) -> String {
    runs.iter().map(Run::text).collect()
}

fn mention(entity: usize, ordinal: usize, start: usize, end: usize) -> MentionMark {
    MentionMark {
        entity,
        ordinal,
        start,
        end,
    }
}

#[test]
fn mention_runs_cover_exactly_the_mention() {
    let text = "Ahmed al-Sharaa met officials in Moscow.";
    let ms = [mention(0, 0, 0, 15), mention(1, 0, 33, 39)];
    let runs = segment(
        text,
        BlockMarks {
            mentions: &ms,
            ..Default::default()
        },
    );
    assert_eq!(concat(&runs), text);
    let marked: Vec<String> = runs
        .iter()
        .filter(|r| matches!(r, Run::Mention { .. }))
        .map(Run::text)
        .collect();
    assert_eq!(marked, ["Ahmed al-Sharaa", "Moscow"]);
    assert_eq!(runs.len(), 4);
}

#[test]
fn styles_inside_and_across_mentions_split_pieces_not_mentions() {
    let text = "See the Syrian Observatory report today";
    // Link across the end of the mention, emphasis inside it.
    let styles = [
        Style {
            start: 15,
            end: 33,
            kind: StyleKind::Link("https://example.org/r".into()),
        },
        Style {
            start: 8,
            end: 14,
            kind: StyleKind::Emphasis,
        },
    ];
    let ms = [mention(0, 0, 8, 26)];
    let runs = segment(
        text,
        BlockMarks {
            styles: &styles,
            mentions: &ms,
            ..Default::default()
        },
    );
    assert_eq!(concat(&runs), text);
    let Run::Mention { pieces, .. } = &runs[1] else {
        panic!("second run should be the mention: {runs:?}");
    };
    assert_eq!(runs[1].text(), "Syrian Observatory");
    assert!(pieces[0].marks.emphasis && pieces[0].text == "Syrian");
    assert_eq!(
        pieces.last().map(|p| p.marks.link.as_deref()),
        Some(Some("https://example.org/r"))
    );
    // The link continues after the mention.
    let after = &runs[2].pieces()[0];
    assert_eq!(after.text, " report");
    assert!(after.marks.link.is_some());
}

#[test]
fn unsafe_links_lose_their_target() {
    let text = "click here";
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "http://a b",
    ] {
        let styles = [Style {
            start: 0,
            end: 5,
            kind: StyleKind::Link(url.into()),
        }];
        let runs = segment(
            text,
            BlockMarks {
                styles: &styles,
                ..Default::default()
            },
        );
        assert!(runs
            .iter()
            .all(|r| r.pieces().iter().all(|p| p.marks.link.is_none())));
    }
    assert!(safe_href("HTTPS://example.org/"));
    assert!(safe_href("http://example.org/a?b=c"));
}

#[test]
fn overlapping_mentions_keep_the_first() {
    let text = "New York Times";
    let ms = [mention(1, 0, 4, 14), mention(0, 0, 0, 8)];
    let runs = segment(
        text,
        BlockMarks {
            mentions: &ms,
            ..Default::default()
        },
    );
    let marked: Vec<String> = runs
        .iter()
        .filter(|r| matches!(r, Run::Mention { .. }))
        .map(Run::text)
        .collect();
    assert_eq!(marked, ["New York"]);
    assert_eq!(concat(&runs), text);
}

#[test]
fn hits_and_sentence_are_piece_flags() {
    let text = "Assad fled. Moscow granted Assad asylum.";
    let hits: Vec<Hit> = find_hits(text, "assad")
        .into_iter()
        .enumerate()
        .map(|(index, (start, end))| Hit { start, end, index })
        .collect();
    assert_eq!(hits.len(), 2);
    let ms = [mention(0, 1, 27, 32)];
    let runs = segment(
        text,
        BlockMarks {
            mentions: &ms,
            hits: &hits,
            sentence: Some((12, 40)),
            ..Default::default()
        },
    );
    assert_eq!(concat(&runs), text);
    let first = &runs[0].pieces()[0];
    assert_eq!(
        (first.text, first.marks.hit, first.marks.sentence),
        ("Assad", Some(0), false)
    );
    assert_eq!(runs.len(), 3);
    let Run::Mention { pieces, mark } = &runs[1] else {
        panic!("expected the mention: {runs:?}");
    };
    assert_eq!(mark.ordinal, 1);
    assert_eq!(pieces[0].marks.hit, Some(1));
    assert!(pieces[0].marks.sentence);
}

#[test]
fn find_is_case_insensitive_and_keeps_offsets() {
    let text = "İstanbul and ISTANBUL; Straße STRASSE; Ελλάδα ΕΛΛΆΔΑ";
    let hits = find_hits(text, "istanbul");
    assert_eq!(
        hits.len(),
        1,
        "İ lowercases to two chars, so it is not folded"
    );
    assert_eq!(&text[hits[0].0..hits[0].1], "ISTANBUL");
    let hits = find_hits(text, "ελλάδα");
    assert_eq!(hits.len(), 2);
    for (s, e) in hits {
        assert_eq!(text[s..e].to_lowercase(), "ελλάδα");
    }
    assert!(find_hits(text, "  ").is_empty());
    assert_eq!(find_hits("aaaa", "aa"), vec![(0, 2), (2, 4)]);
}

fn tricky_char() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a".to_string()),
        Just(" ".to_string()),
        Just("Assad".to_string()),
        Just("دمشق".to_string()),
        Just("👍🏽".to_string()),
        Just("👩\u{200d}👩\u{200d}👧".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{2067}x\u{2069}".to_string()),
        Just("\u{200f}".to_string()),
        Just("ß".to_string()),
        Just("İ".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..24).prop_map(|v| v.concat())
}

fn range() -> impl Strategy<Value = (usize, usize)> {
    (0usize..120, 0usize..40).prop_map(|(s, l)| (s, s + l))
}

proptest! {
    #[test]
    fn segments_always_concatenate_to_the_text(
        text in text_strategy(),
        ms in prop::collection::vec(range(), 0..6),
        ss in prop::collection::vec((range(), 0u8..4), 0..5),
        hs in prop::collection::vec(range(), 0..4),
        sentence in prop::option::of(range()),
        query in prop::option::of(text_strategy()),
    ) {
        let mentions: Vec<MentionMark> = ms
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| mention(i, 0, s, e))
            .collect();
        let styles: Vec<Style> = ss
            .iter()
            .map(|&((start, end), k)| Style {
                start,
                end,
                kind: match k {
                    0 => StyleKind::Emphasis,
                    1 => StyleKind::Strong,
                    2 => StyleKind::Code,
                    _ => StyleKind::Link("https://example.org/".into()),
                },
            })
            .collect();
        let mut hits: Vec<Hit> = hs
            .iter()
            .enumerate()
            .map(|(index, &(start, end))| Hit { start, end, index })
            .collect();
        if let Some(q) = &query {
            for (s, e) in find_hits(&text, q) {
                prop_assert_eq!(text[s..e].chars().count(), q.chars().count());
                hits.push(Hit { start: s, end: e, index: hits.len() });
            }
        }
        let runs = segment(&text, BlockMarks {
            styles: &styles,
            mentions: &mentions,
            hits: &hits,
            sentence,
        });
        prop_assert_eq!(concat(&runs), text.clone());
        // No empty pieces, no two mentions of the same run, mention runs
        // hold exactly one whole (clamped) mention.
        let mut at = 0;
        for run in &runs {
            prop_assert!(run.pieces().iter().all(|p| !p.text.is_empty()));
            let len = run.text().len();
            if let Run::Mention { mark, .. } = run {
                prop_assert_eq!((mark.start, mark.end), (at, at + len));
                prop_assert!(mentions.iter().any(|m| m.entity == mark.entity));
            }
            at += len;
        }
        // Two mention runs are never adjacent halves of one mention.
        let ids: Vec<usize> = runs
            .iter()
            .filter_map(|r| match r { Run::Mention { mark, .. } => Some(mark.entity), _ => None })
            .collect();
        let mut dedup = ids.clone();
        dedup.dedup();
        prop_assert_eq!(ids, dedup);
    }

    #[test]
    fn axis_covers_and_orders_intervals(
        raw in prop::collection::vec((-20_000i64..40_000, 0i64..9_000), 1..8)
    ) {
        let intervals: Vec<(i64, i64)> = raw.iter().map(|&(s, l)| (s, s + l + 1)).collect();
        let axis = Axis::fit(&intervals).ok_or_else(|| TestCaseError::fail("no axis"))?;
        prop_assert!(axis.ticks.len() as i64 <= MAX_TICKS + 2, "{} ticks", axis.ticks.len());
        prop_assert!(!axis.ticks.is_empty());
        for w in axis.ticks.windows(2) {
            prop_assert!(w[0].at < w[1].at);
        }
        for &(s, e) in &intervals {
            prop_assert!(axis.start <= s && e <= axis.end, "{:?} not in {}..{}", (s, e), axis.start, axis.end);
        }
    }
}

fn day(s: &str) -> i64 {
    parse_value(s).map(|r| r.0).unwrap_or(i64::MIN)
}

#[test]
fn timex_values_become_day_intervals() {
    assert_eq!(
        parse_value("2025-04-23"),
        Some((day("2025-04-23"), day("2025-04-24")))
    );
    assert_eq!(day("1970-01-01"), 0);
    assert_eq!(
        parse_value("2024-12"),
        Some((day("2024-12-01"), day("2025-01-01")))
    );
    assert_eq!(
        parse_value("2015"),
        Some((day("2015-01-01"), day("2016-01-01")))
    );
    assert_eq!(
        parse_value("201X"),
        Some((day("2010-01-01"), day("2020-01-01")))
    );
    // A century as the engine writes it (TIMEX3): "19" is 1900-1999.
    assert_eq!(
        parse_value("19"),
        Some((day("1900-01-01"), day("2000-01-01")))
    );
    assert_eq!(
        parse_value("2025-Q2"),
        Some((day("2025-04-01"), day("2025-07-01")))
    );
    assert_eq!(
        parse_value("2024-WI"),
        Some((day("2024-12-01"), day("2025-03-01")))
    );
    assert_eq!(
        parse_value("2025-H2"),
        Some((day("2025-07-01"), day("2026-01-01")))
    );
    // ISO week 1 of 2025 starts on Monday 30 December 2024.
    assert_eq!(
        parse_value("2025-W01"),
        Some((day("2024-12-30"), day("2025-01-06")))
    );
    assert_eq!(parse_value("2025-04-23T10:30"), parse_value("2025-04-23"));
    for bad in [
        "PRESENT_REF",
        "XXXX-XX-XX",
        "2025-02-30",
        "2025-13",
        "P50Y",
        "",
        "1X",
        "20XX",
        "2025-XX",
    ] {
        assert_eq!(parse_value(bad), None, "{bad}");
    }
}

#[test]
fn labels_follow_the_precision() {
    let cases = [
        ("2025-04-23", "23 Apr 2025"),
        ("2024-12", "Dec 2024"),
        ("2015", "2015"),
        ("2025-Q1", "Q1 2025"),
        ("2025-SU", "summer 2025"),
        ("201X", "the 2010s"),
        ("19", "20th century"),
        ("20", "21st century"),
        ("2025-W07", "week 7 2025"),
    ];
    for (v, l) in cases {
        assert_eq!(date_label(v).as_deref(), Some(l), "{v}");
    }
    assert_eq!(date_label("XXXX"), None);
}

fn tx(v: &str) -> Timex {
    v.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn event(date: &str, until: Option<&str>, open: bool, entities: &[usize]) -> Event {
    Event {
        date: tx(date),
        until: until.map(tx),
        open_ended: open,
        precision: Precision::Year,
        label: format!("event at {date}"),
        sentence: Span::new(1, 0, 5),
        time: 0,
        entities: entities.to_vec(),
    }
}

#[test]
fn event_labels_show_ranges_and_open_ends() {
    assert_eq!(event_label(&event("2015", None, true, &[])), "since 2015 →");
    assert_eq!(
        event_label(&event("2011", Some("2024-12"), false, &[])),
        "2011 – Dec 2024"
    );
    assert_eq!(event_label(&event("2024-12", None, false, &[])), "Dec 2024");
    assert_eq!(event_label(&event("XXXX-XX", None, false, &[])), "XXXX-XX");
    let present = day("2025-04-23");
    assert_eq!(
        event_interval(&event("2015", None, true, &[]), Some(present)),
        Some((day("2015-01-01"), present))
    );
    assert_eq!(
        event_interval(&event("2011", Some("2024"), false, &[]), None),
        Some((day("2011-01-01"), day("2025-01-01")))
    );
}

#[test]
fn axis_scale_follows_the_range() {
    // Five months: monthly ticks.
    let a = Axis::fit(&[
        parse_value("2024-12").unwrap_or_default(),
        parse_value("2025-04-23").unwrap_or_default(),
    ])
    .expect("axis");
    assert_eq!((a.unit, a.step), (TickUnit::Month, 1));
    assert_eq!(a.ticks.first().map(|t| t.label.as_str()), Some("Dec 2024"));
    assert!(a.ticks.iter().any(|t| t.label == "Jan 2025"));
    assert!(a.ticks.iter().any(|t| t.label == "Mar"));
    // A decade: yearly or two-yearly ticks.
    let b = Axis::fit(&[
        parse_value("2015").unwrap_or_default(),
        parse_value("2025-04").unwrap_or_default(),
    ])
    .expect("axis");
    assert_eq!(b.unit, TickUnit::Year);
    assert!(b.ticks.len() <= 7);
    assert!(b.ticks.iter().any(|t| t.label == "2016"));
    // Gaps look like gaps: positions are proportional to time.
    let (x15, _) = b.place(parse_value("2015").unwrap_or_default());
    let (x24, _) = b.place(parse_value("2024").unwrap_or_default());
    let (x25, _) = b.place(parse_value("2025").unwrap_or_default());
    assert!((x24 - x15) > 8.0 * (x25 - x24));
    // A fortnight: day ticks.
    let c = Axis::fit(&[
        parse_value("2025-04-10").unwrap_or_default(),
        parse_value("2025-04-23").unwrap_or_default(),
    ])
    .expect("axis");
    assert_eq!(c.unit, TickUnit::Day);
    assert!(c.ticks.iter().any(|t| t.label == "12 Apr"));
    // A single day still gets a usable axis.
    let d = Axis::fit(&[parse_value("2025-04-23").unwrap_or_default()]).expect("axis");
    let (x, w) = d.place(parse_value("2025-04-23").unwrap_or_default());
    assert!(x > 0.0 && w > 0.0 && x + w < 1.0);
    assert_eq!(Axis::fit(&[]), None);
}

fn entity(id: &str, kind: EntityKind, mentions: &[Span]) -> Entity {
    Entity {
        aliases: vec![format!("{id}-alias")],
        ..Entity::new(id, &id.replace('-', " "), kind, mentions.to_vec())
    }
}

fn sample() -> Analysis {
    Analysis {
        entities: vec![
            entity("beta", EntityKind::Place, &[Span::new(2, 0, 4)]),
            entity(
                "alpha",
                EntityKind::Person,
                &[
                    Span::new(0, 0, 5),
                    Span::new(1, 0, 5),
                    Span::new(1, 10, 15),
                    Span::new(3, 0, 5),
                ],
            ),
            entity(
                "gamma",
                EntityKind::Place,
                &[Span::new(1, 20, 25), Span::new(2, 9, 14)],
            ),
            entity(
                "delta",
                EntityKind::Place,
                &[Span::new(1, 30, 35), Span::new(2, 20, 24)],
            ),
        ],
        timeline: vec![
            // alpha is entity 1, gamma entity 2
            event("2015", None, true, &[1]),
            event("2024-12", None, false, &[1, 2]),
            event("2024-12", None, false, &[1]),
        ],
        times: vec![TimeExpr {
            span: Span::new(1, 0, 4),
            value: tx("2015"),
            kind: TimexType::Date,
            precision: Some(Precision::Year),
            resolved: true,
        }],
        ..Default::default()
    }
}

#[test]
fn counts_groups_and_order() {
    let a = sample();
    // Title mentions are not counted.
    assert_eq!(
        kind_counts(&a),
        vec![(EntityKind::Person, 3), (EntityKind::Place, 5)]
    );
    let groups = entity_groups(&a, "");
    assert_eq!(
        groups,
        vec![
            (EntityKind::Person, vec![1]),
            (EntityKind::Place, vec![2, 3, 0])
        ]
    );
    assert_eq!(entity_groups(&a, "DEL"), vec![(EntityKind::Place, vec![3])]);
    assert_eq!(
        entity_groups(&a, "beta-al"),
        vec![(EntityKind::Place, vec![0])]
    );
    assert!(entity_groups(&a, "zzz").is_empty());
    // A title mention breaks a tie in body mentions, and only a tie.
    let mut b = sample();
    b.entities[3].mentions.insert(0, Span::new(0, 0, 3));
    assert_eq!(entity_groups(&b, "")[1].1, vec![3, 2, 0]);
    b.entities[0].mentions.splice(
        0..0,
        [Span::new(0, 4, 6), Span::new(0, 7, 9), Span::new(0, 10, 12)],
    );
    assert_eq!(entity_groups(&b, "")[1].1, vec![3, 2, 0]);
}

#[test]
fn card_counts_positions_and_dates() {
    let a = sample();
    let c = card(&a, 1, Some(2)).expect("card");
    assert_eq!(c.name, "alpha");
    assert_eq!(c.mentions, 3);
    assert_eq!(c.position, Some((2, 3)));
    assert_eq!((c.previous, c.next), (Some(1), Some(3)));
    assert_eq!(c.dates, ["since 2015 →", "Dec 2024"]);
    let wrap = card(&a, 1, Some(3)).expect("card");
    assert_eq!((wrap.position, wrap.next), (Some((3, 3)), Some(1)));
    let lone = card(&a, 0, Some(0)).expect("card");
    assert_eq!(
        (lone.position, lone.previous, lone.next),
        (Some((1, 1)), None, None)
    );
    assert!(lone.dates.is_empty());
    assert_eq!(card(&a, 9, None), None);
}

#[test]
fn mention_order_and_stepping() {
    let a = sample();
    let all = mention_order(&a, None, &[]);
    assert_eq!(
        all,
        vec![
            (1, 1),
            (1, 2),
            (2, 0),
            (3, 0),
            (0, 0),
            (2, 1),
            (3, 1),
            (1, 3)
        ]
    );
    let people = mention_order(&a, None, &[EntityKind::Place]);
    assert_eq!(people, vec![(1, 1), (1, 2), (1, 3)]);
    assert_eq!(mention_order(&a, Some(2), &[]), vec![(2, 0), (2, 1)]);
    assert_eq!(step(&people, None, true), Some((1, 1)));
    assert_eq!(step(&people, None, false), Some((1, 3)));
    assert_eq!(step(&people, Some((1, 3)), true), Some((1, 1)));
    assert_eq!(step(&people, Some((1, 1)), false), Some((1, 3)));
    assert_eq!(step::<(usize, usize)>(&[], None, true), None);
}

#[test]
fn routes_round_trip() {
    let cases = [
        ("#/", Route::Library),
        ("", Route::Library),
        (
            "#/a/assad",
            Route::Article {
                slug: "assad".into(),
                entity: None,
                event: None,
                mention: None,
                sentence: None,
            },
        ),
        (
            "#/a/assad/e/bashar-al-assad",
            Route::Article {
                slug: "assad".into(),
                entity: Some("bashar-al-assad".into()),
                event: None,
                mention: None,
                sentence: None,
            },
        ),
        (
            "#/a/assad/e/bashar-al-assad/4",
            Route::Article {
                slug: "assad".into(),
                entity: Some("bashar-al-assad".into()),
                event: None,
                mention: Some(4),
                sentence: None,
            },
        ),
        (
            "#/a/assad/s/12",
            Route::Article {
                slug: "assad".into(),
                entity: None,
                event: None,
                mention: None,
                sentence: Some(12),
            },
        ),
        (
            "#/a/assad/t/3",
            Route::Article {
                slug: "assad".into(),
                entity: None,
                event: Some(3),
                mention: None,
                sentence: None,
            },
        ),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(hash), route, "{hash}");
        if !hash.is_empty() {
            assert_eq!(route.to_hash(), hash);
        }
    }
    assert_eq!(Route::parse("#/a/<script>"), Route::Library);
    // a mention that is no number names the entity alone
    assert_eq!(
        Route::parse("#/a/x/e/y/nope"),
        Route::Article {
            slug: "x".into(),
            entity: Some("y".into()),
            event: None,
            mention: None,
            sentence: None,
        }
    );
    assert_eq!(
        Route::parse("#/a/x/t/nope"),
        Route::Article {
            slug: "x".into(),
            entity: None,
            event: None,
            mention: None,
            sentence: None
        }
    );
    assert_eq!(
        Route::parse("#/a/x/e/a%20b"),
        Route::Article {
            slug: "x".into(),
            entity: None,
            event: None,
            mention: None,
            sentence: None
        }
    );
}

#[test]
fn set_routes_round_trip() {
    let cases = [
        (
            "#/e/ada-lovelace",
            Route::Entity {
                key: "ada-lovelace".into(),
            },
        ),
        ("#/timeline", Route::Timeline),
        (
            "#/search",
            Route::Search {
                query: String::new(),
            },
        ),
        (
            "#/search?q=harbour",
            Route::Search {
                query: "harbour".into(),
            },
        ),
        (
            "#/search?q=%22blue%20lagoon%22%20fer*",
            Route::Search {
                query: "\"blue lagoon\" fer*".into(),
            },
        ),
        (
            "#/search?q=caf%C3%A9%20%26%20%3F%23%25",
            Route::Search {
                query: "café & ?#%".into(),
            },
        ),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(hash), route, "{hash}");
        assert_eq!(route.to_hash(), hash);
    }
    // Any query survives the trip, whatever it holds.
    for q in ["a+b", "100%", "%zz", "ü ß 北京", "q=1&r=2", " "] {
        let route = Route::Search { query: q.into() };
        assert_eq!(Route::parse(&route.to_hash()), route, "{q}");
    }
    // `+` is a space when read; a broken escape is kept as written; other
    // parameters are ignored.
    assert_eq!(
        Route::parse("#/search?x=1&q=blue+lagoon"),
        Route::Search {
            query: "blue lagoon".into()
        }
    );
    assert_eq!(
        Route::parse("#/search?q=50%2"),
        Route::Search {
            query: "50%2".into()
        }
    );
    assert_eq!(Route::parse("#/e/<b>"), Route::Library);
    assert_eq!(Route::parse("#/e/"), Route::Library);
    assert_eq!(Route::parse("#/timeline/extra"), Route::Library);
}

#[test]
fn lanes_keep_overlapping_intervals_apart() {
    let places = [(0.0, 0.5), (0.1, 0.0), (0.6, 0.1), (0.105, 0.0), (0.7, 0.0)];
    let l = lanes(&places, 0.02);
    assert_eq!(l, vec![0, 1, 0, 2, 0]);
    assert!(lanes(&[], 0.02).is_empty());
}

#[test]
fn gaps_are_named_when_they_matter() {
    assert_eq!(
        gap_label(day("2015-01-01"), day("2024-12-01")),
        Some("9 years later".into())
    );
    assert_eq!(
        gap_label(day("2024-12-01"), day("2025-03-01")),
        Some("3 months later".into())
    );
    assert_eq!(gap_label(day("2024-12-01"), day("2025-01-01")), None);
    assert_eq!(gap_label(day("2025-01-31"), day("2025-03-01")), None);
    assert_eq!(
        gap_label(day("2023-01-01"), day("2024-12-01")),
        Some("23 months later".into())
    );
    assert_eq!(gap_label(day("2025-04-23"), day("2025-04-23")), None);
}

#[test]
fn fixed_writes_what_float_formatting_writes() {
    for &x in &[
        0.0, 1.0, 0.5004, 12.3456, 99.99949, 100.0, 2.71, 1e-9, 7.25, 42.0001, 250.6, 0.0005001,
    ] {
        assert_eq!(fixed(x, 3), format!("{x:.3}"), "{x}");
        assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x}");
        assert_eq!(fixed(-x - 1.0, 3), format!("{:.3}", -x - 1.0), "{x}");
    }
    assert_eq!(percent(0.25), "25.000%");
    assert_eq!(percent(1.0 / 3.0), "33.333%");
    assert_eq!(fixed(f64::NAN, 3), "0.000");
    assert_eq!(fixed(f64::INFINITY, 0), "0");
}

mod small_sort {
    use super::super::sort_stable;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties kept
        /// in their order (the second field tells them apart).
        #[test]
        fn sorts_like_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut ours = items.clone();
            sort_stable(&mut ours, &|a, b| a.0 < b.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn short_and_reversed_lists() {
        let mut empty: Vec<u32> = Vec::new();
        sort_stable(&mut empty, &|a, b| a < b);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_stable(&mut one, &|a, b| a < b);
        assert_eq!(one, [7]);
        let mut down: Vec<u32> = (0..1000).rev().collect();
        sort_stable(&mut down, &|a, b| a < b);
        assert_eq!(down, (0..1000).collect::<Vec<_>>());
    }
}

#[test]
fn in_all_articles_is_the_entity_page_or_a_search_for_the_name() {
    let keys = vec!["ada-lovelace".to_string()];
    assert_eq!(
        in_all_articles(&keys, 0, "Ada Lovelace").to_hash(),
        "#/e/ada-lovelace"
    );
    assert_eq!(
        in_all_articles(&[], 0, "Ada Lovelace").to_hash(),
        "#/search?q=%22Ada%20Lovelace%22"
    );
}

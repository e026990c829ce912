use super::*;
use proptest::prelude::*;

fn tx(v: &str) -> Timex {
    v.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn bounds(v: &str) -> Option<(i64, i64)> {
    v.parse::<Timex>().ok()?.bounds()
}

/// Every shape the analysis writes, as it writes it.
const WIRE: [&str; 27] = [
    "2025-04-23",
    "XXXX-12-25",
    "XXXX-XX-XX",
    "2024-12",
    "XXXX-03",
    "2015",
    "XXXX",
    "199X",
    "19",
    "2025-SP",
    "2025-SU",
    "XXXX-FA",
    "2025-WI",
    "2025-Q1",
    "2025-H2",
    "2025-W05",
    "2025-W05-WE",
    "XXXX-WXX",
    "FY2025",
    "2025-04-23TMO",
    "XXXX-XX-XXTNI",
    "2009-12-15T18:00Z",
    "2009-12-15T09:05",
    "XXXX-WXX-3",
    "PRESENT_REF",
    "PAST_REF",
    "P50Y",
];

#[test]
fn the_wire_format_reads_back_as_written() {
    for s in WIRE {
        assert_eq!(tx(s).to_string(), s);
    }
    assert_eq!(tx("19"), Timex::Century(19));
    assert_eq!(tx("199X"), Timex::Decade(199));
    assert_eq!(tx("FY2025"), Timex::FiscalYear(2025));
    assert_eq!(tx("XXXX-WXX-3"), Timex::Weekly(3));
    assert_eq!(tx("PT3H"), Timex::Period("PT3H".into()));
    assert_eq!(tx("FUTURE_REF"), Timex::Ref(Ref::Future));
    assert_eq!(
        tx("2025-04-23TEV"),
        Timex::DayPart(Ymd::new(2025, 4, 23), DayPart::Evening)
    );
}

#[test]
fn malformed_values_are_refused_with_the_value() {
    for bad in [
        "",
        "X",
        "201",
        "20255",
        "2025-1",
        "2025-001",
        "2025-Q",
        "2025-WXX",
        "XXXX-W05",
        "2025-02-30T10:00",
        "2025-04-23T25",
        "2025-04-23TXX",
        "FY",
        "FY25",
        "2025-04-23-01",
        "PRESENT",
        "٢٠٢٥",
    ] {
        let err = bad.parse::<Timex>().expect_err(bad);
        assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
    }
}

#[test]
fn it_serialises_as_its_wire_string() {
    let v = Timex::Season(Some(2025), Season::Summer);
    assert_eq!(
        serde_json::to_string(&v).ok().as_deref(),
        Some("\"2025-SU\"")
    );
    assert_eq!(serde_json::from_str::<Timex>("\"19\"").ok(), Some(tx("19")));
    let err = serde_json::from_str::<Timex>("\"2025-1\"").map(|_| ());
    assert!(err.is_err_and(|e| e.to_string().contains("2025-1")));
}

#[test]
fn bounds_of_values() {
    let day = |y, m, d| cal::days_from_civil(y, m, d) * 1440;
    assert_eq!(bounds("2024"), Some((day(2024, 1, 1), day(2025, 1, 1))));
    assert_eq!(bounds("2024-12"), Some((day(2024, 12, 1), day(2025, 1, 1))));
    assert_eq!(
        bounds("2024-02-29"),
        Some((day(2024, 2, 29), day(2024, 3, 1)))
    );
    assert_eq!(bounds("199X"), Some((day(1990, 1, 1), day(2000, 1, 1))));
    assert_eq!(bounds("19"), Some((day(1900, 1, 1), day(2000, 1, 1))));
    assert_eq!(bounds("2025-Q4"), Some((day(2025, 10, 1), day(2026, 1, 1))));
    assert_eq!(bounds("2025-SU"), Some((day(2025, 6, 1), day(2025, 9, 1))));
    assert_eq!(bounds("2025-WI"), Some((day(2025, 12, 1), day(2026, 3, 1))));
    assert_eq!(bounds("2025-H2"), Some((day(2025, 7, 1), day(2026, 1, 1))));
    assert_eq!(
        bounds("2004-W48"),
        Some((day(2004, 11, 22), day(2004, 11, 29)))
    );
    assert_eq!(
        bounds("2004-W48-WE"),
        Some((day(2004, 11, 27), day(2004, 11, 29)))
    );
    assert_eq!(bounds("FY2007"), bounds("2007"));
    assert_eq!(
        bounds("2009-12-15T18:00Z").map(|b| b.0),
        Some(day(2009, 12, 15) + 18 * 60)
    );
    assert_eq!(
        bounds("2009-12-15TMO"),
        Some((day(2009, 12, 15) + 6 * 60, day(2009, 12, 15) + 12 * 60))
    );
    for bad in [
        "",
        "PRESENT_REF",
        "P3M",
        "XXXX-XX-XX",
        "XXXX-12-25",
        "2024-13",
        "2023-02-29",
        "2024-W99",
        "2024-Q5",
        "2024-H3",
        "XXXX-WXX-3",
    ] {
        assert_eq!(bounds(bad), None, "{bad}");
    }
}

#[test]
fn precision_and_labels() {
    let cases = [
        ("2025-04-23", Precision::Day, "23 Apr 2025"),
        ("2025-04-23T18:00", Precision::Time, "23 Apr 2025"),
        ("2025-04-23TAF", Precision::Day, "23 Apr 2025"),
        ("2024-12", Precision::Month, "Dec 2024"),
        ("2015", Precision::Year, "2015"),
        ("FY2025", Precision::Year, "fiscal 2025"),
        ("2025-Q1", Precision::Quarter, "Q1 2025"),
        ("2025-H2", Precision::Quarter, "H2 2025"),
        ("2025-SU", Precision::Season, "summer 2025"),
        ("201X", Precision::Decade, "the 2010s"),
        ("19", Precision::Century, "20th century"),
        ("20", Precision::Century, "21st century"),
        ("2025-W07", Precision::Week, "week 7 2025"),
        ("2025-W07-WE", Precision::Week, "weekend of week 7 2025"),
    ];
    for (v, p, l) in cases {
        let t = tx(v);
        assert_eq!(t.precision(), Some(p), "{v}");
        assert_eq!(t.label().as_deref(), Some(l), "{v}");
    }
    for v in ["XXXX", "XXXX-12-25", "PRESENT_REF", "P2Y", "2024-13"] {
        assert_eq!(tx(v).label(), None, "{v}");
    }
    assert_eq!(tx("P2Y").precision(), None);
    assert_eq!(tx("PAST_REF").precision(), None);
}

fn year() -> impl Strategy<Value = Option<u16>> {
    prop::option::of(0u16..=9999)
}

fn ymd() -> impl Strategy<Value = Option<Ymd>> {
    // Days from year 0 to 9999.
    prop::option::of((-719_528i64..2_932_896).prop_map(Ymd::from_days))
}

fn two() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(0u8..=99)
}

/// Any value the type can hold within the ranges of the wire format.
fn timex() -> impl Strategy<Value = Timex> {
    prop_oneof![
        year().prop_map(Timex::Year),
        (year(), two()).prop_map(|(y, m)| Timex::Month(y, m)),
        (year(), two(), two()).prop_map(|(y, m, d)| Timex::Day(y, m, d)),
        (0u16..=999).prop_map(Timex::Decade),
        (0u8..=99).prop_map(Timex::Century),
        (year(), prop::sample::select(Season::ALL.to_vec())).prop_map(|(y, s)| Timex::Season(y, s)),
        (year(), 0u8..=9).prop_map(|(y, q)| Timex::Quarter(y, q)),
        (year(), 0u8..=9).prop_map(|(y, h)| Timex::Half(y, h)),
        (prop::option::of((0u16..=9999, 0u8..=99)), any::<bool>())
            .prop_map(|(w, we)| Timex::Week(w, we)),
        (0u16..=9999).prop_map(Timex::FiscalYear),
        (ymd(), prop::sample::select(DayPart::ALL.to_vec()))
            .prop_map(|(d, p)| Timex::DayPart(d, p)),
        (ymd(), 0u8..=99, 0u8..=99, any::<bool>())
            .prop_map(|(d, h, m, z)| Timex::Clock(d, h, m, z)),
        (0u8..=9).prop_map(Timex::Weekly),
        prop::sample::select(Ref::ALL.to_vec()).prop_map(Timex::Ref),
        "P(T?([0-9]{1,3}(\\.[0-9])?|X)[YQMWDHS])".prop_map(Timex::Period),
    ]
}

proptest! {
    /// Writing a value and reading it back gives the same value, and the
    /// same string: the type and the wire format are one.
    #[test]
    fn round_trip(t in timex()) {
        let s = t.to_string();
        let back: Result<Timex, _> = s.parse();
        prop_assert_eq!(back.as_ref(), Ok(&t), "{}", s);
        prop_assert_eq!(back.map(|b| b.to_string()).ok(), Some(s.clone()));
        let json = serde_json::to_string(&t).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(serde_json::from_str::<Timex>(&json).ok(), Some(t.clone()));
    }

    /// A placed value is a non-empty interval with a label and a precision;
    /// its days cover its minutes.
    #[test]
    fn placed_values_are_intervals(t in timex()) {
        match t.bounds() {
            Some((s, e)) => {
                prop_assert!(s < e, "{}: {} .. {}", t, s, e);
                prop_assert!(t.label().is_some(), "{}", t);
                prop_assert!(t.precision().is_some(), "{}", t);
                let (ds, de) = t.day_bounds().ok_or_else(|| TestCaseError::fail("no days"))?;
                prop_assert!(ds * 1440 <= s && e <= de * 1440, "{}", t);
            }
            None => {
                prop_assert_eq!(t.label(), None);
                prop_assert_eq!(t.day_bounds(), None);
            }
        }
    }
}

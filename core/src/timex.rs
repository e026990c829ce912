//! TIMEX3 values as a type.
//!
//! The analysis writes every value of a time expression as a [`Timex`]; its
//! [`Display`](std::fmt::Display) and [`FromStr`] give the TIMEX3 wire format
//! (`2025-04-23`, `2025-01`, `2015`, `199X`, `19`, `2025-SU`, `2025-Q1`,
//! `2025-W05-WE`, `FY2025`, `2025-04-23TMO`, `2025-04-23T10:30Z`,
//! `XXXX-WXX-3`, `PRESENT_REF`, `P50Y`), which is also how it serialises. A
//! value is parsed once, where it enters; the timeline, the view and the tests
//! ask it for its [`bounds`](Timex::bounds), [`precision`](Timex::precision)
//! and [`label`](Timex::label). [`cal`] holds the calendar arithmetic.

pub mod cal;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use cal::{days_from_civil, days_in_month, iso_week_start, Ymd};

/// How fine a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Century,
    Decade,
    Year,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    Time,
}

/// A season of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub const ALL: [Season; 4] = [
        Season::Spring,
        Season::Summer,
        Season::Autumn,
        Season::Winter,
    ];

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A part of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub const ALL: [DayPart; 4] = [
        DayPart::Morning,
        DayPart::Afternoon,
        DayPart::Evening,
        DayPart::Night,
    ];

    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// Minutes after midnight: start and end (exclusive).
    fn minutes(self) -> (i64, i64) {
        match self {
            DayPart::Morning => (6 * 60, 12 * 60),
            DayPart::Afternoon => (12 * 60, 18 * 60),
            DayPart::Evening => (18 * 60, 22 * 60),
            DayPart::Night => (21 * 60, 24 * 60),
        }
    }
}

/// A vague reference to the present, the past or the future.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ref {
    Present,
    Past,
    Future,
}

impl Ref {
    pub const ALL: [Ref; 3] = [Ref::Present, Ref::Past, Ref::Future];

    fn code(self) -> &'static str {
        match self {
            Ref::Present => "PRESENT_REF",
            Ref::Past => "PAST_REF",
            Ref::Future => "FUTURE_REF",
        }
    }
}

/// A TIMEX3 value. Years run from 0 to 9999; `None` stands for a part the
/// text leaves unknown (written `XXXX`, `XX`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Timex {
    /// `2015`, `XXXX`.
    Year(Option<u16>),
    /// `2025-01`, `XXXX-12`.
    Month(Option<u16>, Option<u8>),
    /// `2025-04-23`, `XXXX-12-25`, `XXXX-XX-XX`.
    Day(Option<u16>, Option<u8>, Option<u8>),
    /// The decade of the year divided by ten: `199X` is `Decade(199)`.
    Decade(u16),
    /// The century: `19` is `Century(19)`, the 1900s.
    Century(u8),
    /// `2025-SU`.
    Season(Option<u16>, Season),
    /// `2025-Q1`.
    Quarter(Option<u16>, u8),
    /// `2025-H2`.
    Half(Option<u16>, u8),
    /// ISO year and week (`2025-W05`, `XXXX-WXX`); `true` for its weekend
    /// (`2025-W05-WE`).
    Week(Option<(u16, u8)>, bool),
    /// `FY2025`.
    FiscalYear(u16),
    /// A part of a day: `2025-04-23TMO`, `XXXX-XX-XXTEV`.
    DayPart(Option<Ymd>, DayPart),
    /// A clock time on a day, `true` for UTC: `2025-04-23T10:30Z`.
    Clock(Option<Ymd>, u8, u8, bool),
    /// Every given weekday (ISO, Monday = 1): `XXXX-WXX-3`.
    Weekly(u8),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Ref),
    /// A duration or a period (`P50Y`, `PT3H`, `PXY`), as written.
    Period(String),
}

/// A string that is not a TIMEX3 value of a shape the analysis writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexError(pub String);

impl fmt::Display for TimexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a TIMEX3 value: {:?}", self.0)
    }
}

impl std::error::Error for TimexError {}

struct Y(Option<u16>);

impl fmt::Display for Y {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(y) => write!(f, "{y:04}"),
            None => f.write_str("XXXX"),
        }
    }
}

struct Two(Option<u8>);

impl fmt::Display for Two {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, "{v:02}"),
            None => f.write_str("XX"),
        }
    }
}

struct D(Option<Ymd>);

impl fmt::Display for D {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", d.y, d.m, d.d),
            None => f.write_str("XXXX-XX-XX"),
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timex::Year(y) => write!(f, "{}", Y(*y)),
            Timex::Month(y, m) => write!(f, "{}-{}", Y(*y), Two(*m)),
            Timex::Day(y, m, d) => write!(f, "{}-{}-{}", Y(*y), Two(*m), Two(*d)),
            Timex::Decade(d) => write!(f, "{d:03}X"),
            Timex::Century(c) => write!(f, "{c:02}"),
            Timex::Season(y, s) => write!(f, "{}-{}", Y(*y), s.code()),
            Timex::Quarter(y, q) => write!(f, "{}-Q{q}", Y(*y)),
            Timex::Half(y, h) => write!(f, "{}-H{h}", Y(*y)),
            Timex::Week(w, weekend) => {
                match w {
                    Some((y, w)) => write!(f, "{y:04}-W{w:02}")?,
                    None => f.write_str("XXXX-WXX")?,
                }
                if *weekend {
                    f.write_str("-WE")?;
                }
                Ok(())
            }
            Timex::FiscalYear(y) => write!(f, "FY{y:04}"),
            Timex::DayPart(d, p) => write!(f, "{}T{}", D(*d), p.code()),
            Timex::Clock(d, h, m, utc) => {
                write!(f, "{}T{h:02}:{m:02}{}", D(*d), if *utc { "Z" } else { "" })
            }
            Timex::Weekly(wd) => write!(f, "XXXX-WXX-{wd}"),
            Timex::Ref(r) => f.write_str(r.code()),
            Timex::Period(p) => f.write_str(p),
        }
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY` (0–9999) or `XXXX`.
fn year(s: &str) -> Result<Option<u16>, ()> {
    match s {
        "XXXX" => Ok(None),
        _ if s.len() == 4 && all_digits(s) => s.parse().map(Some).map_err(|_| ()),
        _ => Err(()),
    }
}

/// Two digits or `XX`.
fn two(s: &str) -> Result<Option<u8>, ()> {
    match s {
        "XX" => Ok(None),
        _ if s.len() == 2 && all_digits(s) => s.parse().map(Some).map_err(|_| ()),
        _ => Err(()),
    }
}

/// Digits after a one-letter prefix (`Q1`, `H2`).
fn after(s: &str, prefix: char) -> Result<u8, ()> {
    match s.strip_prefix(prefix) {
        Some(n) if all_digits(n) => n.parse().map_err(|_| ()),
        _ => Err(()),
    }
}

/// `YYYY-MM-DD` (a valid date) or `XXXX-XX-XX`.
fn full_day(s: &str) -> Result<Option<Ymd>, ()> {
    if s == "XXXX-XX-XX" {
        return Ok(None);
    }
    let mut it = s.split('-');
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return Err(());
    };
    match (year(y)?, two(m)?, two(d)?) {
        (Some(y), Some(m), Some(d)) => Ymd::new(i32::from(y), m, d).map(Some).ok_or(()),
        _ => Err(()),
    }
}

/// `P` and an optional `T`, a number (digits and a point, or `X`), a unit:
/// `P3M`, `PT30M`, `PXY`, `P2.5Y`.
fn is_period(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('P') else {
        return false;
    };
    let rest = rest.strip_prefix('T').unwrap_or(rest);
    let Some(unit) = rest.bytes().last() else {
        return false;
    };
    let n = &rest[..rest.len() - 1];
    b"YQMWDHS".contains(&unit)
        && (matches!(n, "X" | "inf" | "NaN")
            || (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')))
}

fn parse(s: &str) -> Result<Timex, ()> {
    if let Some(r) = Ref::ALL.into_iter().find(|r| r.code() == s) {
        return Ok(Timex::Ref(r));
    }
    if is_period(s) {
        return Ok(Timex::Period(s.to_string()));
    }
    if let Some(y) = s.strip_prefix("FY") {
        return year(y)?.map(Timex::FiscalYear).ok_or(());
    }
    if let Some((date, time)) = s.split_once('T') {
        let day = full_day(date)?;
        if let Some(p) = DayPart::ALL.into_iter().find(|p| p.code() == time) {
            return Ok(Timex::DayPart(day, p));
        }
        let (clock, utc) = match time.strip_suffix('Z') {
            Some(c) => (c, true),
            None => (time, false),
        };
        let (h, m) = clock.split_once(':').ok_or(())?;
        return match (two(h)?, two(m)?) {
            (Some(h), Some(m)) => Ok(Timex::Clock(day, h, m, utc)),
            _ => Err(()),
        };
    }
    let fields: Vec<&str> = s.split('-').collect();
    match fields.as_slice() {
        [c] if c.len() == 2 && all_digits(c) => c.parse().map(Timex::Century).map_err(|_| ()),
        [d] if d.len() == 4 && d.ends_with('X') && all_digits(&d[..3]) => {
            d[..3].parse().map(Timex::Decade).map_err(|_| ())
        }
        [y] => Ok(Timex::Year(year(y)?)),
        [y, rest] => {
            let y = year(y)?;
            if let Some(season) = Season::ALL.into_iter().find(|x| x.code() == *rest) {
                return Ok(Timex::Season(y, season));
            }
            match rest.as_bytes().first() {
                Some(b'Q') => Ok(Timex::Quarter(y, after(rest, 'Q')?)),
                Some(b'H') => Ok(Timex::Half(y, after(rest, 'H')?)),
                Some(b'W') => week(y, rest, false),
                _ => Ok(Timex::Month(y, two(rest)?)),
            }
        }
        [y, w, "WE"] if w.starts_with('W') => week(year(y)?, w, true),
        ["XXXX", "WXX", wd] if wd.len() == 1 && all_digits(wd) => {
            wd.parse().map(Timex::Weekly).map_err(|_| ())
        }
        [y, m, d] => Ok(Timex::Day(year(y)?, two(m)?, two(d)?)),
        _ => Err(()),
    }
}

fn week(y: Option<u16>, w: &str, weekend: bool) -> Result<Timex, ()> {
    let w = two(w.strip_prefix('W').ok_or(())?)?;
    match (y, w) {
        (Some(y), Some(w)) => Ok(Timex::Week(Some((y, w)), weekend)),
        (None, None) => Ok(Timex::Week(None, weekend)),
        _ => Err(()),
    }
}

impl FromStr for Timex {
    type Err = TimexError;

    fn from_str(s: &str) -> Result<Timex, TimexError> {
        parse(s).map_err(|()| TimexError(s.to_string()))
    }
}

impl Serialize for Timex {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timex {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Timex, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Compares with a value in the wire format: `value == "2025-04"`.
impl PartialEq<str> for Timex {
    fn eq(&self, other: &str) -> bool {
        other.parse::<Timex>().is_ok_and(|o| o == *self)
    }
}

impl PartialEq<&str> for Timex {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

const DAY: i64 = 1440;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn day_start(y: i32, m: u8, d: u8) -> i64 {
    days_from_civil(y, m, d) * DAY
}

fn year_bounds(y: i32) -> (i64, i64) {
    (day_start(y, 1, 1), day_start(y + 1, 1, 1))
}

impl Timex {
    /// The value of a day.
    pub fn day(d: Ymd) -> Timex {
        match u16::try_from(d.y) {
            Ok(y) if y <= 9999 => Timex::Day(Some(y), Some(d.m), Some(d.d)),
            _ => Timex::Day(None, None, None),
        }
    }

    /// The start and end (exclusive) of the value, in minutes since
    /// 1970-01-01, when it is placed in calendar time; `None` for values
    /// with unknown parts, invalid dates, references and periods.
    pub fn bounds(&self) -> Option<(i64, i64)> {
        let y = |y: u16| i32::from(y);
        Some(match *self {
            Timex::Century(c) => {
                let c = i32::from(c);
                (day_start(c * 100, 1, 1), day_start(c * 100 + 100, 1, 1))
            }
            Timex::Decade(d) => {
                let d = i32::from(d);
                (day_start(d * 10, 1, 1), day_start(d * 10 + 10, 1, 1))
            }
            Timex::Year(Some(v)) | Timex::FiscalYear(v) => year_bounds(y(v)),
            Timex::Season(Some(v), s) => {
                let v = y(v);
                match s {
                    Season::Spring => (day_start(v, 3, 1), day_start(v, 6, 1)),
                    Season::Summer => (day_start(v, 6, 1), day_start(v, 9, 1)),
                    Season::Autumn => (day_start(v, 9, 1), day_start(v, 12, 1)),
                    Season::Winter => (day_start(v, 12, 1), day_start(v + 1, 3, 1)),
                }
            }
            Timex::Half(Some(v), 1) => (day_start(y(v), 1, 1), day_start(y(v), 7, 1)),
            Timex::Half(Some(v), 2) => (day_start(y(v), 7, 1), day_start(y(v) + 1, 1, 1)),
            Timex::Quarter(Some(v), q @ 1..=4) => {
                let m = (q - 1) * 3 + 1;
                let end = if q == 4 {
                    day_start(y(v) + 1, 1, 1)
                } else {
                    day_start(y(v), m + 3, 1)
                };
                (day_start(y(v), m, 1), end)
            }
            Timex::Week(Some((v, w @ 1..=53)), weekend) => {
                let monday = iso_week_start(y(v), w).days() * DAY;
                if weekend {
                    (monday + 5 * DAY, monday + 7 * DAY)
                } else {
                    (monday, monday + 7 * DAY)
                }
            }
            Timex::Month(Some(v), Some(m @ 1..=12)) => {
                let end = if m == 12 {
                    day_start(y(v) + 1, 1, 1)
                } else {
                    day_start(y(v), m + 1, 1)
                };
                (day_start(y(v), m, 1), end)
            }
            Timex::Day(Some(v), Some(m @ 1..=12), Some(d)) => {
                if d < 1 || d > days_in_month(y(v), m) {
                    return None;
                }
                let s = day_start(y(v), m, d);
                (s, s + DAY)
            }
            Timex::DayPart(Some(d), p) => {
                let s = d.days() * DAY;
                let (from, to) = p.minutes();
                (s + from, s + to)
            }
            Timex::Clock(Some(d), h, m, _) => {
                let t = d.days() * DAY + i64::from(h) * 60 + i64::from(m);
                (t, t + 1)
            }
            _ => return None,
        })
    }

    /// The days the value covers, `start..end` (end exclusive), in days
    /// since 1970-01-01.
    pub fn day_bounds(&self) -> Option<(i64, i64)> {
        let (start, end) = self.bounds()?;
        Some((start.div_euclid(DAY), (end + DAY - 1).div_euclid(DAY)))
    }

    /// How fine a date or time value is; `None` for references, periods and
    /// sets.
    pub fn precision(&self) -> Option<Precision> {
        Some(match self {
            Timex::Century(_) => Precision::Century,
            Timex::Decade(_) => Precision::Decade,
            Timex::Year(_) | Timex::FiscalYear(_) => Precision::Year,
            Timex::Quarter(..) | Timex::Half(..) => Precision::Quarter,
            Timex::Season(..) => Precision::Season,
            Timex::Month(..) => Precision::Month,
            Timex::Week(..) => Precision::Week,
            Timex::Day(..) | Timex::DayPart(..) => Precision::Day,
            Timex::Clock(..) => Precision::Time,
            Timex::Weekly(_) | Timex::Ref(_) | Timex::Period(_) => return None,
        })
    }

    /// A reader's label with the precision the value carries: `23 Apr 2025`,
    /// `Dec 2024`, `2015`, `Q1 2025`, `summer 2025`, `the 2010s`, `20th
    /// century`, `fiscal 2025`; `None` for a value that cannot be placed.
    /// Parts of a day and clock times are labelled by their day.
    pub fn label(&self) -> Option<String> {
        self.bounds()?;
        let y = |v: &Option<u16>| v.map_or(0, i32::from);
        Some(match self {
            Timex::Century(c) => ordinal_century(i64::from(*c) + 1),
            Timex::Decade(d) => format!("the {d}0s"),
            Timex::Year(v) => format!("{:04}", y(v)),
            Timex::FiscalYear(v) => format!("fiscal {v:04}"),
            Timex::Season(v, s) => format!("{} {:04}", s.name(), y(v)),
            Timex::Quarter(v, q) => format!("Q{q} {:04}", y(v)),
            Timex::Half(v, h) => format!("H{h} {:04}", y(v)),
            Timex::Week(Some((v, w)), weekend) => format!(
                "{}week {w} {v:04}",
                if *weekend { "weekend of " } else { "" }
            ),
            Timex::Month(v, Some(m)) => format!("{} {:04}", month_name(*m), y(v)),
            Timex::Day(v, Some(m), Some(d)) => format!("{d} {} {:04}", month_name(*m), y(v)),
            Timex::DayPart(Some(d), _) | Timex::Clock(Some(d), ..) => {
                format!("{} {} {:04}", d.d, month_name(d.m), d.y)
            }
            _ => return None,
        })
    }
}

fn month_name(m: u8) -> &'static str {
    MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// "20th century", "21st century".
fn ordinal_century(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix} century")
}

#[cfg(test)]
mod tests;

//! Proleptic Gregorian calendar arithmetic on plain integers.

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: u8,
}

impl Ymd {
    /// Parses `YYYY-MM-DD` (anything after the day, such as a time, is ignored).
    pub fn parse(s: &str) -> Option<Ymd> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = digits(&b[0..4])? as i32;
        let m = digits(&b[5..7])? as u8;
        let d = digits(&b[8..10])? as u8;
        Ymd::new(y, m, d)
    }

    /// A valid date, or `None`.
    pub fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }

    pub fn from_days(z: i64) -> Ymd {
        let (y, m, d) = civil_from_days(z);
        Ymd { y, m, d }
    }

    pub fn add_days(self, n: i64) -> Ymd {
        Ymd::from_days(self.days() + n)
    }

    /// ISO weekday, Monday = 1 ... Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let wd = self.weekday() as i64;
        // The Thursday of this week decides the year.
        let thu = Ymd::from_days(self.days() - wd + 4);
        let jan1 = days_from_civil(thu.y, 1, 1);
        let week = (thu.days() - jan1) / 7 + 1;
        (thu.y, week as u8)
    }

    /// Adds `n` months, keeping the year and month only (the day is clamped).
    pub fn add_months(self, n: i64) -> Ymd {
        let total = self.y as i64 * 12 + (self.m as i64 - 1) + n;
        let y = total.div_euclid(12) as i32;
        let m = (total.rem_euclid(12) + 1) as u8;
        Ymd {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
        }
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = y as i64 - if m <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + if m <= 2 { 1 } else { 0 }) as i32, m, d)
}

/// The Monday of ISO week `w` of ISO year `y`.
pub fn iso_week_start(y: i32, w: u8) -> Ymd {
    let jan4 = Ymd { y, m: 1, d: 4 };
    let monday1 = jan4.days() - (jan4.weekday() as i64 - 1);
    Ymd::from_days(monday1 + (w as i64 - 1) * 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_weeks() {
        for z in -800_000..800_000i64 {
            if z % 997 != 0 {
                continue;
            }
            let d = Ymd::from_days(z);
            assert_eq!(d.days(), z);
        }
        assert_eq!(
            Ymd::parse("2004-11-24").map(|d| d.iso_week()),
            Some((2004, 48))
        );
        assert_eq!(
            Ymd::parse("2010-01-25").map(|d| d.iso_week()),
            Some((2010, 4))
        );
        assert_eq!(
            Ymd::parse("2021-01-01").map(|d| d.iso_week()),
            Some((2020, 53))
        );
        assert_eq!(Ymd::parse("2009-12-16").map(|d| d.weekday()), Some(3));
        assert_eq!(
            iso_week_start(2004, 48),
            Ymd {
                y: 2004,
                m: 11,
                d: 22
            }
        );
        assert_eq!(Ymd::parse("2025-02-30"), None);
        assert_eq!(
            Ymd::parse("2024-01-31").map(|d| d.add_months(1)),
            Ymd::new(2024, 2, 29)
        );
    }
}

//! Time expressions: detection and TIMEX3 normalisation.
//!
//! One pass over the tokens of each part. At every token that can start a
//! time expression the grammar tries, longest first: ranges ("since 2015",
//! "from 2011 to 2024"), calendar dates ("April 23, 2025", "23 April",
//! "2025-04-23", "December 2024", "the 1990s", "summer 2025", "the first
//! quarter of 2025"), relative dates ("yesterday", "last week", "on Tuesday",
//! "two days ago"), durations ("three months", "50-year"), sets ("every
//! week", "annually"), clock times and the vague references ("now",
//! "recently").
//!
//! Relative expressions are resolved against the document creation time
//! (the article's date) when there is one; otherwise they keep X's in their
//! value and are marked unresolved.

mod lex;

use super::{Precision, Span, TimeExpr, TimexType};
use crate::timex::cal::Ymd;
use crate::timex::{DayPart, Ref, Season, Timex};
use lex::{Kind, Lex, Tok, Unit, W};

/// Finds the time expressions of an article, in document order, without
/// overlaps. `dct` is the article's date (`YYYY-MM-DD`) if it has one.
pub fn recognize(parts: &[&str], _sentences: &[Span], dct: Option<&str>) -> Vec<TimeExpr> {
    let dct = dct.and_then(Ymd::parse);
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut last_day = None;
    let mut last_date = None;
    for (part, text) in parts.iter().enumerate() {
        lex::tokenize(text, &mut toks);
        let mut cx = Cx {
            text,
            t: &toks,
            dct,
            part,
            last_day,
            last_day_at: None,
            year_at: None,
            last_date,
        };
        cx.run(&mut out);
        last_day = cx.last_day;
        last_date = cx.last_date;
    }
    out
}

/// A normalised value before formatting.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    /// A calendar date of the given precision (year, month or day); `None`
    /// parts are unknown (X's).
    Date {
        y: Option<i32>,
        m: Option<u8>,
        d: Option<u8>,
        p: Precision,
    },
    /// The decade of a year divided by ten (`199` → `199X`).
    Decade(i32),
    /// The century (`19` → `19`, the 1900s).
    Century(i32),
    /// Year and season (0 spring, 1 summer, 2 autumn, 3 winter).
    Season(Option<i32>, u8),
    Quarter(Option<i32>, u8),
    Half(Option<i32>, u8),
    /// ISO year and week; `true` for the weekend.
    Week(Option<(i32, u8)>, bool),
    FiscalYear(i32),
    /// A part of a day: `MO`, `AF`, `EV`, `NI`.
    DayPart(Option<Ymd>, &'static str),
    /// A clock time on a day; `true` for UTC.
    Clock(Option<Ymd>, u8, u8, bool),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Ref),
    /// A date that cannot be placed: `XXXX-XX-XX`.
    Vague,
    Duration(String),
    Set(Timex),
}

fn day_val(d: Ymd) -> Val {
    Val::Date {
        y: Some(d.y),
        m: Some(d.m),
        d: Some(d.d),
        p: Precision::Day,
    }
}

fn year_val(y: Option<i32>) -> Val {
    Val::Date {
        y,
        m: None,
        d: None,
        p: Precision::Year,
    }
}

fn month_val(y: Option<i32>, m: Option<u8>) -> Val {
    Val::Date {
        y,
        m,
        d: None,
        p: Precision::Month,
    }
}

const UNKNOWN_DAY: Val = Val::Date {
    y: None,
    m: None,
    d: None,
    p: Precision::Day,
};

impl Val {
    fn is_date(&self) -> bool {
        !matches!(
            self,
            Val::Ref(_) | Val::Vague | Val::Duration(_) | Val::Set(_) | Val::Clock(..)
        )
    }

    fn resolved_day(&self) -> Option<Ymd> {
        match *self {
            Val::Date {
                y: Some(y),
                m: Some(m),
                d: Some(d),
                ..
            } => Ymd::new(y, m, d),
            _ => None,
        }
    }

    /// TIMEX3 value, type, precision, and whether it is anchored.
    fn finish(self) -> (Timex, TimexType, Option<Precision>, bool) {
        /// A year the wire format can write (four digits), else unknown.
        fn y4(y: Option<i32>) -> Option<u16> {
            y.and_then(|y| u16::try_from(y).ok()).filter(|y| *y <= 9999)
        }
        fn ymd(d: Option<Ymd>) -> Option<Ymd> {
            d.filter(|d| (0..=9999).contains(&d.y))
        }
        fn day_part(code: &str) -> DayPart {
            match code {
                "MO" => DayPart::Morning,
                "AF" => DayPart::Afternoon,
                "EV" => DayPart::Evening,
                _ => DayPart::Night,
            }
        }
        use TimexType as T;
        match self {
            Val::Date { y, m, d, p } => {
                let (v, ok) = match p {
                    Precision::Day => (
                        Timex::Day(y4(y), m, d),
                        y.is_some() && m.is_some() && d.is_some(),
                    ),
                    Precision::Month => (Timex::Month(y4(y), m), y.is_some() && m.is_some()),
                    _ => (Timex::Year(y4(y)), y.is_some()),
                };
                (v, T::Date, Some(p), ok)
            }
            Val::Decade(d) => (
                u16::try_from(d).map_or(Timex::Year(None), Timex::Decade),
                T::Date,
                Some(Precision::Decade),
                true,
            ),
            Val::Century(c) => (
                u8::try_from(c).map_or(Timex::Year(None), Timex::Century),
                T::Date,
                Some(Precision::Century),
                true,
            ),
            Val::Season(y, s) => (
                Timex::Season(y4(y), Season::ALL[(s as usize).min(3)]),
                T::Date,
                Some(Precision::Season),
                y.is_some(),
            ),
            Val::Quarter(y, q) => (
                Timex::Quarter(y4(y), q),
                T::Date,
                Some(Precision::Quarter),
                y.is_some(),
            ),
            Val::Half(y, h) => (
                Timex::Half(y4(y), h),
                T::Date,
                Some(Precision::Quarter),
                y.is_some(),
            ),
            Val::Week(w, weekend) => (
                Timex::Week(w.and_then(|(y, w)| Some((y4(Some(y))?, w))), weekend),
                T::Date,
                Some(Precision::Week),
                w.is_some(),
            ),
            Val::FiscalYear(y) => (
                y4(Some(y)).map_or(Timex::Year(None), Timex::FiscalYear),
                T::Date,
                Some(Precision::Year),
                true,
            ),
            Val::DayPart(d, part) => (
                Timex::DayPart(ymd(d), day_part(part)),
                T::Date,
                Some(Precision::Day),
                d.is_some(),
            ),
            Val::Clock(d, h, m, utc) => (
                Timex::Clock(ymd(d), h, m, utc),
                T::Time,
                Some(Precision::Time),
                d.is_some(),
            ),
            Val::Ref(r) => (Timex::Ref(r), T::Date, None, false),
            Val::Vague => (Timex::Day(None, None, None), T::Date, None, false),
            Val::Duration(v) => (Timex::Period(v), T::Duration, None, false),
            Val::Set(v) => (v, T::Set, None, false),
        }
    }
}

/// A quantity: a known number or "several".
#[derive(Clone, Copy, Debug, PartialEq)]
enum Qty {
    N(f64),
    Some,
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// TIMEX3 duration value: `P3M`, `PT30M`, `PXY`, `P2.5Y`.
fn duration_value(q: Qty, unit: Unit) -> String {
    let (mult, code, time) = match unit {
        Unit::Second => (1.0, 'S', true),
        Unit::Minute => (1.0, 'M', true),
        Unit::Hour => (1.0, 'H', true),
        Unit::Day => (1.0, 'D', false),
        Unit::Week => (1.0, 'W', false),
        Unit::Fortnight => (2.0, 'W', false),
        Unit::Month => (1.0, 'M', false),
        Unit::Quarter => (1.0, 'Q', false),
        Unit::Year => (1.0, 'Y', false),
        Unit::Decade => (10.0, 'Y', false),
        Unit::Century => (100.0, 'Y', false),
    };
    let n = match q {
        Qty::N(n) => fmt_num(n * mult),
        Qty::Some => "X".to_string(),
    };
    format!("P{}{n}{code}", if time { "T" } else { "" })
}

/// Whether a word of this class can begin a time expression.
fn starts(lex: Lex) -> bool {
    match lex {
        Lex::None => false,
        Lex::W(w) => !matches!(
            w,
            W::Of
                | W::And
                | W::To
                | W::On
                | W::Than
                | W::By
                | W::Before
                | W::After
                | W::During
                | W::Will
                | W::Am
                | W::Pm
                | W::Zone
                | W::UtcZone
                | W::Times
                | W::Once
                | W::Twice
                | W::Least
                | W::Long
                | W::Old
                | W::Other
                | W::Million
                | W::Same
                | W::Final
                | W::Moment
                | W::Present
                | W::Future
                | W::Recent
                | W::Ago
                | W::Half
                | W::Beginning
                | W::Start
                | W::End
                | W::Middle
        ),
        _ => true,
    }
}

/// A time expression found at tokens `s..e`.
struct Found {
    s: usize,
    e: usize,
    val: Val,
}

struct Cx<'a> {
    text: &'a str,
    t: &'a [Tok],
    dct: Option<Ymd>,
    part: usize,
    /// The last day-precision date mentioned, the anchor of clock times.
    last_day: Option<Ymd>,
    /// The token after `last_day` in this part (`None`: an earlier part).
    last_day_at: Option<usize>,
    /// The last year written out in this part, and the token after it.
    year_at: Option<(i32, usize)>,
    /// The last calendar date mentioned (year, month, day), the anchor of
    /// "the previous year", "that day".
    last_date: Option<(i32, Option<u8>, Option<u8>)>,
}

impl<'a> Cx<'a> {
    fn run(&mut self, out: &mut Vec<TimeExpr>) {
        let n = self.t.len();
        let mut i = 0;
        let mut found: Vec<Found> = Vec::new();
        while i < n {
            let tk = &self.t[i];
            let candidate = match tk.kind {
                Kind::Word => starts(tk.lex),
                Kind::Digits | Kind::Mixed => true,
                Kind::Punct => matches!(tk.ch, '\'' | '’'),
            };
            if !candidate {
                i += 1;
                continue;
            }
            found.clear();
            self.at(i, &mut found);
            match found.last() {
                Some(last) if last.e > i => {
                    let next = last.e;
                    for f in found.drain(..) {
                        if let Some(d) = f.val.resolved_day() {
                            self.last_day = Some(d);
                            self.last_day_at = Some(f.e);
                        }
                        if let Val::Date {
                            y: Some(y), m, d, ..
                        } = f.val
                        {
                            self.last_date = Some((y, m, d));
                            if self.has_year(f.s, f.e) {
                                self.year_at = Some((y, f.e));
                            }
                        }
                        out.push(self.expr(f));
                    }
                    i = next;
                }
                _ => i += 1,
            }
        }
    }

    fn expr(&self, f: Found) -> TimeExpr {
        let start = self.t.get(f.s).map_or(0, |t| t.s);
        let end = self.t.get(f.e.saturating_sub(1)).map_or(start, |t| t.e);
        let (value, kind, precision, resolved) = f.val.finish();
        TimeExpr {
            span: Span::new(self.part, start, end),
            value,
            kind,
            precision,
            resolved,
        }
    }

    // ----- token helpers -----

    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::None, |t| t.lex)
    }

    /// A frequency word in lower case ("the Daily Courier" is a name) used
    /// as an adverb ("meets weekly", "paid monthly by"), not as an adjective
    /// before its noun ("an annual fair"), which is not always a time
    /// expression of its own.
    fn frequency_adverb(&self, i: usize) -> bool {
        if !self.word(i).starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        match self.t.get(i + 1) {
            None => true,
            Some(t) if t.kind != Kind::Word => true,
            Some(t) => matches!(
                t.lex,
                Lex::W(
                    W::By
                        | W::In
                        | W::On
                        | W::At
                        | W::And
                        | W::From
                        | W::Until
                        | W::To
                        | W::For
                        | W::Before
                        | W::After
                        | W::During
                        | W::Since
                        | W::Through
                )
            ),
        }
    }

    fn w(&self, i: usize, w: W) -> bool {
        self.lex(i) == Lex::W(w)
    }

    fn p(&self, i: usize, ch: char) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.ch == ch)
    }

    fn dash(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '-' | '–' | '—'))
    }

    /// Token `i` is glued to the token before it.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.sp)
    }

    fn word(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    /// A number token of exactly `digits` digits.
    fn digits(&self, i: usize, digits: usize) -> Option<u32> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Digits && t.len() == digits).then_some(t.num)
    }

    /// A day of the month: `5`, `23`, `23rd`.
    fn day_num(&self, i: usize) -> Option<u8> {
        let t = self.t.get(i)?;
        let v = match t.kind {
            Kind::Digits if t.len() <= 2 => t.num,
            Kind::Mixed => {
                let w = self.word(i);
                let split = w.find(|c: char| !c.is_ascii_digit())?;
                let (num, suf) = w.split_at(split);
                if num.is_empty()
                    || num.len() > 2
                    || !["st", "nd", "rd", "th"]
                        .iter()
                        .any(|s| s.eq_ignore_ascii_case(suf))
                {
                    return None;
                }
                num.parse().ok()?
            }
            _ => return None,
        };
        ((1..=31).contains(&v)).then_some(v as u8)
    }

    /// A four-digit year token.
    fn year_num(&self, i: usize) -> Option<i32> {
        let v = self.digits(i, 4)?;
        ((1000..=2999).contains(&v)).then_some(v as i32)
    }

    /// A month name at `i` (capitalised), with the end of it (after the
    /// abbreviation's period).
    fn month(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.t.get(i)?;
        let Lex::Month(m) = t.lex else { return None };
        if !t.cap {
            return None;
        }
        let w = self.word(i);
        let full = w.len() > 4
            || w.eq_ignore_ascii_case("may")
            || w.eq_ignore_ascii_case("june")
            || w.eq_ignore_ascii_case("july");
        if full {
            return Some((m, i + 1));
        }
        if self.p(i + 1, '.') && self.glued(i + 1) {
            return Some((m, i + 2));
        }
        if self.t.get(i + 1).is_some_and(|t| t.kind == Kind::Digits) {
            return Some((m, i + 1));
        }
        None
    }

    /// The date expressed by a token run that starts a sentence, or follows
    /// one of the words that usually introduce a date.
    fn cue_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        match self.lex(i - 1) {
            Lex::W(w) => matches!(
                w,
                W::In
                    | W::Since
                    | W::Until
                    | W::By
                    | W::Of
                    | W::Early
                    | W::Late
                    | W::Mid
                    | W::Last
                    | W::Next
                    | W::This
                    | W::From
                    | W::To
                    | W::Through
                    | W::During
                    | W::Before
                    | W::After
                    | W::Between
                    | W::On
                    | W::Approx
                    | W::Coming
                    | W::Past
            ),
            // 2011-2024: a year after a year and a dash.
            _ => self.dash(i - 1) && self.glued(i) && i >= 2 && self.year_num(i - 2).is_some(),
        }
    }

    fn sentence_initial(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        self.t.get(i - 1).is_some_and(|t| {
            t.kind == Kind::Punct && matches!(t.ch, '.' | '!' | '?' | '"' | '“' | ':' | '(' | '*')
        })
    }

    /// A future cue ("will", "is expected to") earlier in the clause.
    fn future_cue(&self, i: usize) -> bool {
        let lo = i.saturating_sub(12);
        for k in (lo..i).rev() {
            let t = &self.t[k];
            let end = match t.ch {
                '!' | '?' | ';' => true,
                // A period ends the sentence unless it belongs to an
                // abbreviation such as "a.m." ("at 4 p.m. EST on Thursday"):
                // one letter before it.
                '.' => {
                    self.t.get(k + 1).is_some_and(|n| n.sp && n.cap)
                        && !k
                            .checked_sub(1)
                            .and_then(|p| self.t.get(p))
                            .is_some_and(|p| p.kind == Kind::Word && p.e - p.s == 1)
                }
                _ => false,
            };
            if t.kind == Kind::Punct && end {
                return false;
            }
            if t.lex == Lex::W(W::Will) {
                // "would have" looks back
                return !(self.word(k).eq_ignore_ascii_case("would")
                    && self.word(k + 1).eq_ignore_ascii_case("have"));
            }
        }
        false
    }

    // ----- grammar -----

    /// Tries every rule at token `i`; pushes what it finds.
    fn at(&mut self, i: usize, out: &mut Vec<Found>) {
        match self.lex(i) {
            Lex::W(W::Since | W::Until | W::Through) => {
                if let Some((v, e)) = self.date(i + 1) {
                    out.push(Found {
                        s: i + 1,
                        e,
                        val: v,
                    });
                }
                return;
            }
            Lex::W(W::From | W::Between) => {
                if let Some((v, e)) = self.date(i + 1) {
                    out.push(Found {
                        s: i + 1,
                        e,
                        val: v,
                    });
                    self.range_tail(e, out);
                }
                return;
            }
            _ => {}
        }
        if let Some((v, e)) = self.date(i) {
            out.push(Found { s: i, e, val: v });
            self.range_tail(e, out);
            return;
        }
        if let Some((s, v, e)) = self.other(i) {
            out.push(Found { s, e, val: v });
        }
    }

    /// The second bound of a range after the first ends at `e`: "to 2024",
    /// "–2024", "and 2016", "-10" (2009-10).
    fn range_tail(&mut self, e: usize, out: &mut Vec<Found>) {
        let linked = self.dash(e)
            || self.w(e, W::To)
            || self.w(e, W::Until)
            || self.w(e, W::Through)
            || self.w(e, W::And);
        if !linked {
            return;
        }
        let Some(first) = out.last() else { return };
        if !first.val.is_date() {
            return;
        }
        // 2009-10
        if let (
            true,
            Val::Date {
                y: Some(y),
                p: Precision::Year,
                ..
            },
        ) = (self.dash(e), &first.val)
        {
            let y = *y;
            if self.glued(e) && self.glued(e + 1) {
                if let Some(n) = self.digits(e + 1, 2) {
                    if n as i32 == (y + 1) % 100 {
                        out.push(Found {
                            s: e + 1,
                            e: e + 2,
                            val: year_val(Some(y + 1)),
                        });
                    }
                    return;
                }
            }
        }
        if let Some((v, e2)) = self.date(e + 1) {
            if !v.is_date() {
                return;
            }
            // "from January to March 2020": the first bound takes the
            // year written with the second.
            if let (
                Some(first),
                Val::Date {
                    y: Some(y2),
                    m: Some(m2),
                    ..
                },
            ) = (out.last_mut(), &v)
            {
                let (fs, fe) = (first.s, first.e);
                if let Val::Date {
                    y, m: Some(m1), d, ..
                } = &mut first.val
                {
                    if self.has_year(e + 1, e2) && !self.has_year(fs, fe) {
                        let year = if *m1 > *m2 { *y2 - 1 } else { *y2 };
                        if d.is_none_or(|d| Ymd::new(year, *m1, d).is_some()) {
                            *y = Some(year);
                        }
                    }
                }
            }
            out.push(Found {
                s: e + 1,
                e: e2,
                val: v,
            });
        }
    }

    /// A calendar or relative date starting at `i`.
    fn date(&mut self, i: usize) -> Option<(Val, usize)> {
        let t = *self.t.get(i)?;
        match t.lex {
            Lex::Weekday(wd) if t.cap => return self.weekday_expr(i, wd, 0),
            Lex::Month(m) if t.cap => return self.month_expr(i, m),
            Lex::Season(s) => return self.season_expr(i, i, s, None),
            Lex::Ord(n) if (1..=4).contains(&n) => {
                // third-quarter, first half
                let k = if self.dash(i + 1) && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                return self.part_of_year(k, n as u8);
            }
            Lex::W(W::That)
                if matches!(
                    self.lex(i + 1),
                    Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
                ) =>
            {
                // "that morning": a part of the day last mentioned
                let part = self.day_part(i + 1)?;
                let day = match self
                    .last_date
                    .or(self.dct.map(|d| (d.y, Some(d.m), Some(d.d))))
                {
                    Some((y, Some(m), Some(d))) => Ymd::new(y, m, d),
                    _ => None,
                };
                return Some((Val::DayPart(day, part), i + 2));
            }
            Lex::W(W::That) => return self.anchored(i + 1, 0),
            Lex::W(w) => return self.word_date(i, w),
            _ => {}
        }
        match t.kind {
            Kind::Digits => self.numeric_date(i),
            Kind::Mixed => self.mixed_date(i),
            Kind::Punct if matches!(t.ch, '\'' | '’') => {
                // '90s
                let w = self.word(i + 1);
                if self.glued(i + 1) && w.len() == 3 && w.ends_with('s') {
                    let n: i32 = w[..2].parse().ok()?;
                    if n % 10 == 0 {
                        let c = if n >= 30 { 190 } else { 200 };
                        return Some((Val::Decade(c + n / 10), i + 2));
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// Whether tokens `s..e` write out a year.
    fn has_year(&self, s: usize, e: usize) -> bool {
        (s..e).any(|k| self.year_num(k).is_some())
    }

    /// In an undated article, the year written out earlier in the same
    /// sentence ("In 2024, talks began in March").
    fn text_year(&self, i: usize) -> Option<i32> {
        if self.dct.is_some() {
            return None;
        }
        let (y, at) = self.year_at?;
        if at > i || i - at > 30 {
            return None;
        }
        let ended = (at..i).any(|k| {
            let t = &self.t[k];
            t.kind == Kind::Punct
                && matches!(t.ch, '.' | '!' | '?')
                && self.t.get(k + 1).is_some_and(|n| n.sp && n.cap)
        });
        (!ended).then_some(y)
    }

    fn closest_year(&self, i: usize, m: u8, d: u8) -> Val {
        let Some(dct) = self.dct else {
            if let Some(date) = self.text_year(i).and_then(|y| Ymd::new(y, m, d)) {
                return day_val(date);
            }
            return Val::Date {
                y: None,
                m: Some(m),
                d: Some(d),
                p: Precision::Day,
            };
        };
        let mut best: Option<(i64, Ymd)> = None;
        for y in [dct.y - 1, dct.y, dct.y + 1] {
            if let Some(c) = Ymd::new(y, m, d) {
                let dist = (c.days() - dct.days()).abs();
                if best.is_none_or(|(b, _)| dist < b) {
                    best = Some((dist, c));
                }
            }
        }
        // A day more than two months ahead with nothing in the clause that
        // says future ("will") is the one of the year before: news tells
        // what happened ("the board met on March 3", written in December)
        if let Some((_, c)) = best {
            if c.days() - dct.days() > 60 && !self.future_cue(i) {
                if let Some(p) = Ymd::new(c.y - 1, m, d) {
                    best = Some(((dct.days() - p.days()).abs(), p));
                }
            }
        }
        match best {
            Some((_, c)) => day_val(c),
            None => Val::Date {
                y: None,
                m: Some(m),
                d: Some(d),
                p: Precision::Day,
            },
        }
    }

    /// "April 23, 2025", "April 23", "December 2024", "March".
    fn month_expr(&mut self, i: usize, m: u8) -> Option<(Val, usize)> {
        let (_, j) = self.month(i)?;
        if let Some(d) = self.day_num(j) {
            // Not a clock time or a range of numbers.
            if !(self.p(j + 1, ':') && self.glued(j + 1)) {
                let k = if self.p(j + 1, ',') { j + 2 } else { j + 1 };
                if let Some(y) = self.year_num(k) {
                    if let Some(date) = Ymd::new(y, m, d) {
                        return Some((day_val(date), k + 1));
                    }
                }
                if d <= 31 {
                    return Some((self.closest_year(i, m, d), j + 1));
                }
            }
        }
        let k = if self.p(j, ',') || self.w(j, W::Of) {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_num(k) {
            return Some((month_val(Some(y), Some(m)), k + 1));
        }
        // The month alone: "May" and "March" only after a cue.
        let w = self.word(i);
        let ambiguous = w.eq_ignore_ascii_case("may")
            || w.eq_ignore_ascii_case("march")
            || j == i + 1
                && w.len() <= 4
                && !w.eq_ignore_ascii_case("june")
                && !w.eq_ignore_ascii_case("july");
        if ambiguous && !self.cue_before(i) {
            return None;
        }
        // A month before a capitalised word is often a name ("April Smith").
        if self
            .t
            .get(j)
            .is_some_and(|t| t.cap && t.lex == Lex::None && t.kind == Kind::Word)
            && !self.cue_before(i)
        {
            return None;
        }
        let (y, m) = self.month_in_dct_year(i, m);
        Some((month_val(y, Some(m)), j))
    }

    /// The year of a month named alone: the article's year, the year before
    /// after "last", the year after after "next".
    fn month_in_dct_year(&self, i: usize, m: u8) -> (Option<i32>, u8) {
        let Some(dct) = self.dct else {
            return (self.text_year(i), m);
        };
        let y = if i > 0 && self.w(i - 1, W::Last) && m >= dct.m {
            dct.y - 1
        } else if i > 0 && self.w(i - 1, W::Next) && m <= dct.m {
            dct.y + 1
        } else if m >= dct.m + 7 && !self.future_cue(i) {
            // Written in January about "December": the one just past.
            dct.y - 1
        } else {
            dct.y
        };
        (Some(y), m)
    }

    /// "Tuesday", "Tuesday, April 23, 2025", "Friday morning". `rel` is -1
    /// after "last", 1 after "next", 2 after "this", 0 alone.
    fn weekday_expr(&mut self, i: usize, wd: u8, rel: i8) -> Option<(Val, usize)> {
        let j = i + 1;
        let k = if self.p(j, ',') { j + 1 } else { j };
        if rel == 0 {
            let dated = matches!(self.lex(k), Lex::Month(_))
                || self.day_num(k).is_some() && matches!(self.lex(k + 1), Lex::Month(_));
            if dated {
                if let Some((v, e)) = self.date(k) {
                    if matches!(
                        v,
                        Val::Date {
                            p: Precision::Day,
                            ..
                        }
                    ) {
                        return Some((v, e));
                    }
                }
            }
        }
        let day = self.dct.map(|dct| {
            let dw = dct.weekday() as i64;
            let wd = wd as i64;
            let delta = match rel {
                -1 => {
                    let back = (dw - wd + 7) % 7;
                    -(if back == 0 { 7 } else { back })
                }
                1 => {
                    let fwd = (wd - dw + 7) % 7;
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                2 => wd - dw,
                _ if self.future_cue(i) => (wd - dw + 7) % 7,
                _ => -((dw - wd + 7) % 7),
            };
            dct.add_days(delta)
        });
        if let Some(part) = self.day_part(j) {
            return Some((Val::DayPart(day, part), j + 1));
        }
        Some((day.map_or(UNKNOWN_DAY, day_val), j))
    }

    fn day_part(&self, i: usize) -> Option<&'static str> {
        match self.lex(i) {
            Lex::W(W::Morning) => Some("MO"),
            Lex::W(W::Afternoon) => Some("AF"),
            Lex::W(W::Evening) => Some("EV"),
            Lex::W(W::Night) => Some("NI"),
            _ => None,
        }
    }

    /// "summer 2025", "the summer of 2025", "this summer". `s0` is the
    /// first token of the expression, `i` the season word, `rel` the
    /// modifier (-1 last, 0 this, 1 next).
    fn season_expr(
        &mut self,
        s0: usize,
        i: usize,
        season: u8,
        rel: Option<i32>,
    ) -> Option<(Val, usize)> {
        let j = i + 1;
        let k = if self.w(j, W::Of) || self.p(j, ',') {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_num(k) {
            return Some((Val::Season(Some(y), season), k + 1));
        }
        let fall = self.word(i).eq_ignore_ascii_case("fall");
        if let Some(rel) = rel {
            return Some((Val::Season(self.dct.map(|d| d.y + rel), season), j));
        }
        // Alone: only as a plain noun after "in" / "during" / "the".
        if fall || self.t[i].cap {
            return None;
        }
        let cue = s0 > 0
            && matches!(
                self.lex(s0 - 1),
                Lex::W(W::In | W::During | W::Until | W::Since | W::By)
            );
        if !cue {
            return None;
        }
        Some((Val::Season(self.dct.map(|d| d.y), season), j))
    }

    /// Dates that start with a keyword.
    fn word_date(&mut self, i: usize, w: W) -> Option<(Val, usize)> {
        let dct = self.dct;
        match w {
            W::Today | W::Tonight | W::Yesterday | W::Tomorrow => {
                let off = match w {
                    W::Yesterday => -1,
                    W::Tomorrow => 1,
                    _ => 0,
                };
                let day = dct.map(|d| d.add_days(off));
                if w == W::Tonight {
                    return Some((Val::DayPart(day, "NI"), i + 1));
                }
                if let Some(part) = self.day_part(i + 1) {
                    return Some((Val::DayPart(day, part), i + 2));
                }
                Some((day.map_or(UNKNOWN_DAY, day_val), i + 1))
            }
            W::This | W::Last | W::Next | W::Coming | W::Current => self.relative(i, w),
            W::The => self.the_date(i),
            W::Early | W::Late => {
                let (v, e) = self.date(i + 1)?;
                v.is_date().then_some((v, e))
            }
            W::Mid => {
                let j = if self.dash(i + 1) { i + 2 } else { i + 1 };
                let (v, e) = self.date(j)?;
                v.is_date().then_some((v, e))
            }
            W::Earlier | W::Later => {
                // "earlier in the day": the day last mentioned; "later in
                // the week" (month, year): its week (month, year)
                if self.w(i + 1, W::In) && self.w(i + 2, W::The) {
                    let last = self
                        .last_date
                        .or(self.dct.map(|d| (d.y, Some(d.m), Some(d.d))));
                    let day = match last {
                        Some((y, Some(m), Some(d))) => Ymd::new(y, m, d),
                        _ => None,
                    };
                    let v = match self.lex(i + 3) {
                        Lex::Unit(Unit::Day, false) => day.map_or(UNKNOWN_DAY, day_val),
                        Lex::Unit(Unit::Week, false) => Val::Week(day.map(|d| d.iso_week()), false),
                        Lex::Unit(Unit::Month, false) => match last {
                            Some((y, Some(m), _)) => month_val(Some(y), Some(m)),
                            _ => month_val(None, None),
                        },
                        Lex::Unit(Unit::Year, false) => year_val(last.map(|l| l.0)),
                        _ => return None,
                    };
                    return Some((v, i + 4));
                }
                // "later that day", "earlier this week"
                if matches!(
                    self.lex(i + 1),
                    Lex::W(W::This | W::Today | W::Tonight | W::Next | W::Last | W::That)
                ) {
                    let (v, e) = self.date(i + 1)?;
                    return v.is_date().then_some((v, e));
                }
                None
            }
            W::Fiscal | W::Fy => {
                let mut j = i + 1;
                if matches!(self.lex(j), Lex::Unit(Unit::Year, false)) {
                    j += 1;
                }
                let y = self.year_num(j)?;
                Some((Val::FiscalYear(y), j + 1))
            }
            W::Christmas if self.t[i].cap => {
                let eve = self.word(i + 1).eq_ignore_ascii_case("eve");
                let d = if eve { 24 } else { 25 };
                let y = if self.year_num(i + 1).is_some() {
                    self.year_num(i + 1)
                } else {
                    dct.map(|d| d.y)
                };
                let e = if eve
                    || self.year_num(i + 1).is_some()
                    || self.word(i + 1).eq_ignore_ascii_case("day")
                {
                    i + 2
                } else {
                    i + 1
                };
                Some((
                    Val::Date {
                        y,
                        m: Some(12),
                        d: Some(d),
                        p: Precision::Day,
                    },
                    e,
                ))
            }
            _ => None,
        }
    }

    /// "this year", "last week", "next month", "last Tuesday", "this
    /// morning", "last night", "this summer", "last quarter".
    fn relative(&mut self, i: usize, w: W) -> Option<(Val, usize)> {
        let k: i32 = match w {
            W::Last => -1,
            W::Next | W::Coming => 1,
            _ => 0,
        };
        let j = i + 1;
        let dct = self.dct;
        match self.lex(j) {
            Lex::Unit(unit, false) => {
                let v = match unit {
                    Unit::Day if w == W::This => dct.map_or(UNKNOWN_DAY, day_val),
                    Unit::Week => {
                        Val::Week(dct.map(|d| d.add_days(7 * k as i64).iso_week()), false)
                    }
                    Unit::Month => match dct {
                        Some(d) => {
                            let x = d.add_months(k as i64);
                            month_val(Some(x.y), Some(x.m))
                        }
                        None => month_val(None, None),
                    },
                    Unit::Year => year_val(dct.map(|d| d.y + k)),
                    Unit::Quarter => match dct {
                        Some(d) => {
                            let q = (d.y * 4 + (d.m as i32 - 1) / 3) + k;
                            Val::Quarter(Some(q.div_euclid(4)), (q.rem_euclid(4) + 1) as u8)
                        }
                        None => Val::Quarter(None, 1),
                    },
                    Unit::Decade => match dct {
                        Some(d) => Val::Decade(d.y / 10 + k),
                        None => return None,
                    },
                    _ => return None,
                };
                Some((v, j + 1))
            }
            Lex::W(W::Weekend) => Some((
                Val::Week(dct.map(|d| d.add_days(7 * k as i64).iso_week()), true),
                j + 1,
            )),
            Lex::Weekday(wd) if w != W::Current => {
                let rel = match w {
                    W::Last => -1,
                    W::Next | W::Coming => 1,
                    _ => 2,
                };
                self.weekday_expr(j, wd, rel)
            }
            Lex::Season(s) if w != W::Current => self.season_expr(i, j, s, Some(k)),
            Lex::Month(m) if self.t[j].cap && w != W::Current => {
                let (_, e) = self.month(j).or(Some((m, j + 1)))?;
                let (y, m) = self.month_in_dct_year(j, m);
                Some((month_val(y, Some(m)), e))
            }
            Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
                if w == W::This || w == W::Last =>
            {
                let part = self.day_part(j)?;
                let off = if w == W::Last { -1 } else { 0 };
                Some((Val::DayPart(dct.map(|d| d.add_days(off)), part), j + 1))
            }
            _ => None,
        }
    }

    /// "that year", "the previous month", "the following day", "the same
    /// week": the unit at `u`, counted from the last date mentioned (or the
    /// article's date).
    fn anchored(&mut self, u: usize, rel: i32) -> Option<(Val, usize)> {
        let Lex::Unit(unit, false) = self.lex(u) else {
            return None;
        };
        let anchor = self
            .last_date
            .or(self.dct.map(|d| (d.y, Some(d.m), Some(d.d))));
        let v = match (unit, anchor) {
            (Unit::Year, a) => year_val(a.map(|a| a.0 + rel)),
            (Unit::Month, Some((y, Some(m), _))) => {
                let x = Ymd { y, m, d: 1 }.add_months(rel as i64);
                month_val(Some(x.y), Some(x.m))
            }
            (Unit::Day, Some((y, Some(m), Some(d)))) => match Ymd::new(y, m, d) {
                Some(x) => day_val(x.add_days(rel as i64)),
                None => UNKNOWN_DAY,
            },
            (Unit::Week, Some((y, Some(m), Some(d)))) => Val::Week(
                Ymd::new(y, m, d).map(|x| x.add_days(7 * rel as i64).iso_week()),
                false,
            ),
            (Unit::Month, _) => month_val(None, None),
            (Unit::Day, _) => UNKNOWN_DAY,
            (Unit::Week, _) => Val::Week(None, false),
            _ => return None,
        };
        Some((v, u + 1))
    }

    /// Dates that start with "the".
    fn the_date(&mut self, i: usize) -> Option<(Val, usize)> {
        let j = i + 1;
        let t = *self.t.get(j)?;
        // the 1990s / the '90s
        if matches!(t.kind, Kind::Mixed | Kind::Punct) {
            if let Some((v @ (Val::Decade(_) | Val::Century(_)), e)) = self.date(j) {
                return Some((v, e));
            }
        }
        match t.lex {
            // "in the afternoon", "during the night": that part of the day
            // mentioned just before, else of the article's date
            Lex::W(W::Morning | W::Afternoon | W::Evening | W::Night)
                if i > 0
                    && matches!(self.lex(i - 1), Lex::W(W::In | W::During))
                    && !self.t[j].cap
                    // "in the night shift": a noun the part of the day
                    // qualifies
                    && !matches!(
                        self.word(j + 1),
                        "shift" | "shifts" | "session" | "sessions" | "sky" | "air" | "news"
                            | "show" | "edition" | "flight" | "flights" | "train" | "trade"
                            | "trading" | "market" | "markets" | "sun" | "club" | "watch"
                    ) =>
            {
                let part = self.day_part(j)?;
                return Some((Val::DayPart(self.day_in_view(i), part), j + 1));
            }
            Lex::Season(s) => {
                return self
                    .season_expr(i, j, s, None)
                    .filter(|(v, _)| matches!(v, Val::Season(Some(_), _)) || self.dct.is_none())
            }
            Lex::Ord(n) | Lex::Num(n) if (1..=4).contains(&n) => {
                // the first quarter (of 2025), the second half of the year
                let k = if self.dash(j + 1) { j + 2 } else { j + 1 };
                return self.part_of_year(k, n as u8);
            }
            Lex::W(W::Previous | W::Following | W::Same)
                if matches!(self.lex(j + 1), Lex::Unit(_, false)) =>
            {
                let rel = match t.lex {
                    Lex::W(W::Previous) => -1,
                    Lex::W(W::Following) => 1,
                    _ => 0,
                };
                return self.anchored(j + 1, rel);
            }
            // "The next day, shares fell": the day after the last date
            // mentioned (but "over the next year", "in the next week": a
            // stretch of time from now)
            Lex::W(W::Next)
                if matches!(self.lex(j + 1), Lex::Unit(_, false))
                    && !(i > 0
                        && matches!(
                            self.word(i - 1).to_ascii_lowercase().as_str(),
                            "over"
                                | "in"
                                | "during"
                                | "for"
                                | "within"
                                | "throughout"
                                | "across"
                                | "into"
                                | "of"
                        )) =>
            {
                return self.anchored(j + 1, 1);
            }
            Lex::W(W::Last | W::Final | W::Previous | W::Current | W::This | W::Next) => {
                if matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false)) {
                    let last = matches!(t.lex, Lex::W(W::Last | W::Previous));
                    let fin = t.lex == Lex::W(W::Final);
                    let next = t.lex == Lex::W(W::Next);
                    if fin {
                        return self.part_of_year(j + 1, 4);
                    }
                    let dct = self.dct;
                    let k = if last {
                        -1
                    } else if next {
                        1
                    } else {
                        0
                    };
                    let v = match dct {
                        Some(d) => {
                            let q = (d.y * 4 + (d.m as i32 - 1) / 3) + k;
                            Val::Quarter(Some(q.div_euclid(4)), (q.rem_euclid(4) + 1) as u8)
                        }
                        None => Val::Quarter(None, 1),
                    };
                    return Some((v, j + 2));
                }
                return None;
            }
            Lex::W(W::Beginning | W::Start | W::End | W::Middle) if self.w(j + 1, W::Of) => {
                let k = j + 2;
                // the end of the year / month / week
                if self.w(k, W::The) {
                    if let Lex::Unit(u, false) = self.lex(k + 1) {
                        let dct = self.dct;
                        let v = match u {
                            Unit::Year => year_val(dct.map(|d| d.y)),
                            Unit::Month => month_val(dct.map(|d| d.y), dct.map(|d| d.m)),
                            Unit::Week => Val::Week(dct.map(|d| d.iso_week()), false),
                            _ => return None,
                        };
                        return Some((v, k + 2));
                    }
                }
                let (v, e) = self.date(k)?;
                return v.is_date().then_some((v, e));
            }
            Lex::Unit(Unit::Year, false) => {
                let y = self.year_num(j + 1)?;
                return Some((year_val(Some(y)), j + 2));
            }
            Lex::W(W::Weekend) if !self.word(j).ends_with('s') => {
                // The weekend just past, or the coming one in future tense
                // or when the article is written on a weekend.
                let future = self.future_cue(i);
                let week = self.dct.map(|d| {
                    let back = if d.weekday() >= 6 || future { 0 } else { 7 };
                    d.add_days(-back).iso_week()
                });
                return Some((Val::Week(week, true), j + 1));
            }
            _ => {}
        }
        // the 23rd of April (2025); the 20th century
        if let Some(d) = self.day_num(j) {
            if matches!(self.lex(j + 1), Lex::Unit(Unit::Century, false)) && t.kind == Kind::Mixed {
                return Some((Val::Century(d as i32 - 1), j + 2));
            }
            let k = if self.w(j + 1, W::Of) { j + 2 } else { j + 1 };
            if let Some((m, e)) = self.month(k) {
                let e2 = if self.p(e, ',') { e + 1 } else { e };
                if let Some(y) = self.year_num(e2) {
                    if let Some(date) = Ymd::new(y, m, d) {
                        return Some((day_val(date), e2 + 1));
                    }
                }
                return Some((self.closest_year(i, m, d), e));
            }
        }
        None
    }

    /// "quarter (of 2025 | of the year | of fiscal 2025)", "half of 2025",
    /// after the ordinal `n`; `k` is the token after the ordinal.
    fn part_of_year(&mut self, k: usize, n: u8) -> Option<(Val, usize)> {
        let half = self.w(k, W::Half);
        let quarter = matches!(self.lex(k), Lex::Unit(Unit::Quarter, false));
        if !(half || quarter) || (half && n > 2) {
            return None;
        }
        let mut e = k + 1;
        let mut year = None;
        if self.w(e, W::Of) {
            if let Some(y) = self.year_num(e + 1) {
                year = Some(y);
                e += 2;
            } else if self.w(e + 1, W::Fiscal) && self.year_num(e + 2).is_some() {
                year = self.year_num(e + 2);
                e += 3;
            } else if self.w(e + 1, W::The)
                && matches!(self.lex(e + 2), Lex::Unit(Unit::Year, false))
            {
                year = self.dct.map(|d| d.y);
                e += 3;
            } else if self.w(e + 1, W::This)
                && matches!(self.lex(e + 2), Lex::Unit(Unit::Year, false))
            {
                year = self.dct.map(|d| d.y);
                e += 3;
            } else if self.w(e + 1, W::Last)
                && matches!(self.lex(e + 2), Lex::Unit(Unit::Year, false))
            {
                year = self.dct.map(|d| d.y - 1);
                e += 3;
            }
        } else if let Some(y) = self.year_num(e) {
            year = Some(y);
            e += 1;
        }
        if year.is_none() {
            // The most recent such quarter or half.
            year = self.dct.map(|d| {
                let cur = if half {
                    (d.m as i32 - 1) / 6 + 1
                } else {
                    (d.m as i32 - 1) / 3 + 1
                };
                if n as i32 > cur {
                    d.y - 1
                } else {
                    d.y
                }
            });
        }
        Some((
            if half {
                Val::Half(year, n)
            } else {
                Val::Quarter(year, n)
            },
            e,
        ))
    }

    /// Dates written with digits: ISO dates, slashed dates, "23 April",
    /// years.
    fn numeric_date(&mut self, i: usize) -> Option<(Val, usize)> {
        let t = self.t[i];
        if t.len() == 4 {
            let y = self.year_num(i)?;
            // 2025-04-23, 2025-04
            if self.dash(i + 1) && self.glued(i + 1) && self.glued(i + 2) {
                if let Some(m) = self.digits(i + 2, 2) {
                    if self.dash(i + 3) && self.glued(i + 3) && self.glued(i + 4) {
                        let d = self.digits(i + 4, 2)?;
                        return Some((day_val(Ymd::new(y, m as u8, d as u8)?), i + 5));
                    }
                    if (1..=12).contains(&m) && m as i32 != (y + 1) % 100 {
                        return Some((month_val(Some(y), Some(m as u8)), i + 3));
                    }
                }
            }
            if !self.bare_year_ok(i) {
                return None;
            }
            return Some((year_val(Some(y)), i + 1));
        }
        if t.len() <= 2 {
            // 7/8/07, 07/08/2007 (month first unless the first number is no month)
            if self.p(i + 1, '/')
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.p(i + 3, '/')
                && self.glued(i + 3)
                && self.glued(i + 4)
            {
                let a = t.num;
                let b = self.digits(i + 2, 2).or(self.digits(i + 2, 1))?;
                let c = self.t.get(i + 4)?;
                if c.kind != Kind::Digits
                    || !(c.len() == 2 || c.len() == 4)
                    || self.glued(i + 5) && self.t.get(i + 5).is_some_and(|t| t.kind != Kind::Punct)
                {
                    return None;
                }
                let y = if c.len() == 4 {
                    c.num as i32
                } else if c.num < 50 {
                    2000 + c.num as i32
                } else {
                    1900 + c.num as i32
                };
                let (m, d) = if a > 12 { (b, a) } else { (a, b) };
                return Some((day_val(Ymd::new(y, m as u8, d as u8)?), i + 5));
            }
            return self.day_month(i);
        }
        None
    }

    /// "23 April (2025)", "23rd April".
    fn day_month(&mut self, i: usize) -> Option<(Val, usize)> {
        let d = self.day_num(i)?;
        // "23 April", "1st of January"
        let k = if self.w(i + 1, W::Of) && self.t[i].kind == Kind::Mixed {
            i + 2
        } else {
            i + 1
        };
        let (m, e) = self.month(k)?;
        let e2 = if self.p(e, ',') { e + 1 } else { e };
        if let Some(y) = self.year_num(e2) {
            return Some((day_val(Ymd::new(y, m, d)?), e2 + 1));
        }
        Some((self.closest_year(i, m, d), e))
    }

    /// "1990s", "23rd April", "Q1 2025", "FY2007", "20th century".
    fn mixed_date(&mut self, i: usize) -> Option<(Val, usize)> {
        let w = self.word(i);
        let b = w.as_bytes();
        if b.len() == 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b's' {
            let y: i32 = w[..4].parse().ok()?;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            if y % 100 == 0 && y != 2000 {
                return Some((Val::Century(y / 100), i + 1));
            }
            return Some((Val::Decade(y / 10), i + 1));
        }
        if b.len() == 2 && (b[0] == b'Q' || b[0] == b'q') && (b'1'..=b'4').contains(&b[1]) {
            let q = b[1] - b'0';
            let (year, e) = match self.year_num(i + 1) {
                Some(y) => (Some(y), i + 2),
                None => (
                    self.dct.map(|d| {
                        if q as i32 > (d.m as i32 - 1) / 3 + 1 {
                            d.y - 1
                        } else {
                            d.y
                        }
                    }),
                    i + 1,
                ),
            };
            return Some((Val::Quarter(year, q), e));
        }
        if b.len() == 6 && (w.starts_with("FY") || w.starts_with("fy")) {
            let y: i32 = w[2..].parse().ok()?;
            return Some((Val::FiscalYear(y), i + 1));
        }
        if let Some(d) = self.day_num(i) {
            if matches!(self.lex(i + 1), Lex::Unit(Unit::Century, false)) {
                return Some((Val::Century(d as i32 - 1), i + 2));
            }
            return self.day_month(i);
        }
        None
    }

    /// Whether a four-digit number at `i` reads as a year.
    fn bare_year_ok(&self, i: usize) -> bool {
        let Some(y) = self.year_num(i) else {
            return false;
        };
        if let Some(n) = self.t.get(i + 1) {
            if !n.sp {
                if n.kind != Kind::Punct {
                    return false;
                }
                match n.ch {
                    '%' | '$' | '€' | '£' => return false,
                    ',' | '.' | ':'
                        if self.glued(i + 2)
                            && self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Digits) =>
                    {
                        return false
                    }
                    '-' if self.glued(i + 2) && matches!(self.lex(i + 2), Lex::Unit(..)) => {
                        return false
                    }
                    _ => {}
                }
            }
        }
        if i > 0 {
            let p = self.t[i - 1];
            if !self.t[i].sp {
                match p.ch {
                    '$' | '#' | '£' | '€' | '¥' | '+' | '/' | '.' | ',' | ':' | '@' | '\''
                    | '’' => return false,
                    '-' | '–'
                        if i >= 2
                            && self.glued(i - 1)
                            && (matches!(self.t[i - 2].kind, Kind::Word | Kind::Mixed)
                                && self.t[i - 2].lex == Lex::None
                                || self.t[i - 2].kind == Kind::Digits
                                    && self.year_num(i - 2).is_none()) =>
                    {
                        return false;
                    }
                    _ => {}
                }
            }
            if matches!(p.kind, Kind::Word | Kind::Mixed)
                && p.cap
                && p.lex == Lex::None
                && !self.sentence_initial(i - 1)
            {
                return false;
            }
            if p.kind == Kind::Mixed {
                return false;
            }
        }
        (1900..=2100).contains(&y) || self.cue_before(i)
    }

    // ----- durations, sets, vague references, clock times -----

    /// Expressions that are not calendar dates: returns the first token,
    /// the value and the end.
    fn other(&mut self, i: usize) -> Option<(usize, Val, usize)> {
        let t = *self.t.get(i)?;
        match t.lex {
            Lex::W(W::Now) => {
                if self.dash(i + 1) && self.glued(i + 1) {
                    return None;
                }
                return Some((i, Val::Ref(Ref::Present), i + 1));
            }
            Lex::W(W::Currently | W::Nowadays) => return Some((i, Val::Ref(Ref::Present), i + 1)),
            Lex::W(W::Recently | W::Lately) => return Some((i, Val::Ref(Ref::Past), i + 1)),
            // "years ago", "decades ago": some time before, unsaid
            Lex::Unit(u, true)
                if self.w(i + 1, W::Ago) && !matches!(u, Unit::Second | Unit::Minute) =>
            {
                return Some((i, Val::Ref(Ref::Past), i + 2));
            }
            Lex::W(W::Later) => {
                if self.w(i + 1, W::Than)
                    || self.dash(i + 1)
                    || self.w(i + 1, W::In)
                    || self.w(i + 1, W::On)
                {
                    return None;
                }
                return Some((i, Val::Vague, i + 1));
            }
            Lex::W(W::The)
                if self.w(i + 1, W::Present)
                    && (self.word(i + 2).eq_ignore_ascii_case("day")
                        || self.t.get(i + 2).is_none_or(|t| t.kind == Kind::Punct)) =>
            {
                let e = if self.t.get(i + 2).is_some_and(|t| t.kind == Kind::Word) {
                    i + 3
                } else {
                    i + 2
                };
                return Some((i, Val::Ref(Ref::Present), e));
            }
            Lex::W(W::At) => {
                if self.w(i + 1, W::Present) {
                    return Some((i, Val::Ref(Ref::Present), i + 2));
                }
                if self.w(i + 1, W::The) && self.w(i + 2, W::Moment) {
                    return Some((i, Val::Ref(Ref::Present), i + 3));
                }
                return None;
            }
            Lex::W(W::In) => {
                if self.w(i + 1, W::The)
                    && !matches!(self.lex(i + 3), Lex::Unit(..) | Lex::Num(_) | Lex::A)
                    && self.t.get(i + 3).is_none_or(|t| t.kind != Kind::Digits)
                {
                    if self.w(i + 2, W::Past) {
                        return Some((i + 1, Val::Ref(Ref::Past), i + 3));
                    }
                    if self.w(i + 2, W::Future) {
                        return Some((i + 1, Val::Ref(Ref::Future), i + 3));
                    }
                    // "in the near future", "in the distant past"
                    let how = self.word(i + 2);
                    let near = [
                        "near",
                        "foreseeable",
                        "immediate",
                        "distant",
                        "not-too-distant",
                    ]
                    .iter()
                    .any(|w| how.eq_ignore_ascii_case(w));
                    if near && self.w(i + 3, W::Future) {
                        return Some((i + 1, Val::Ref(Ref::Future), i + 4));
                    }
                    let recent = ["recent", "distant"]
                        .iter()
                        .any(|w| how.eq_ignore_ascii_case(w));
                    if recent && self.w(i + 3, W::Past) {
                        return Some((i + 1, Val::Ref(Ref::Past), i + 4));
                    }
                }
                if self.w(i + 1, W::Recent) {
                    if let Lex::Unit(u, true) = self.lex(i + 2) {
                        return Some((i + 1, Val::Duration(duration_value(Qty::Some, u)), i + 3));
                    }
                }
                return None;
            }
            Lex::W(W::For | W::Over | W::Within) => {
                let j = if self.w(i + 1, W::The) { i + 2 } else { i + 1 };
                if let Lex::Unit(u, true) = self.lex(j) {
                    if !matches!(u, Unit::Second | Unit::Minute) && !(self.w(j + 1, W::Of)) {
                        let s = if j == i + 2 { i } else { j };
                        return Some((s, Val::Duration(duration_value(Qty::Some, u)), j + 1));
                    }
                }
            }
            Lex::W(W::Annually) if self.frequency_adverb(i) => {
                return Some((i, Val::Set(Timex::Period("P1Y".into())), i + 1))
            }
            Lex::W(W::Freq(u)) if self.frequency_adverb(i) => {
                return Some((
                    i,
                    Val::Set(Timex::Period(duration_value(Qty::N(1.0), u))),
                    i + 1,
                ));
            }
            Lex::W(W::Every | W::Each) => return self.set_every(i),
            Lex::W(W::Per) => {
                if let Lex::Unit(u, false) = self.lex(i + 1) {
                    return Some((
                        i,
                        Val::Set(Timex::Period(duration_value(Qty::N(1.0), u))),
                        i + 2,
                    ));
                }
                if self.word(i + 1).eq_ignore_ascii_case("annum") {
                    return Some((i, Val::Set(Timex::Period("P1Y".into())), i + 2));
                }
                return None;
            }
            Lex::W(
                W::The | W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following,
            ) => return self.span_duration(i),
            Lex::Unit(u, true) => {
                // decades-long, years-long
                if self.dash(i + 1)
                    && self.glued(i + 1)
                    && self.w(i + 2, W::Long)
                    && self.glued(i + 2)
                {
                    return Some((i, Val::Duration(duration_value(Qty::Some, u)), i + 3));
                }
                return None;
            }
            Lex::Unit(u, false) => {
                // year-long
                if self.dash(i + 1)
                    && self.glued(i + 1)
                    && self.w(i + 2, W::Long)
                    && self.glued(i + 2)
                {
                    return Some((i, Val::Duration(duration_value(Qty::N(1.0), u)), i + 3));
                }
                return None;
            }
            _ => {}
        }
        if t.kind == Kind::Digits {
            if let Some(r) = self.clock(i) {
                return Some(r);
            }
        }
        self.counted(i, i)
    }

    /// "every week", "every other month", "each year", "every Monday".
    fn set_every(&mut self, i: usize) -> Option<(usize, Val, usize)> {
        let mut j = i + 1;
        let mut n = 1.0;
        if self.w(j, W::Other) {
            n = 2.0;
            j += 1;
        } else if let Some((Qty::N(q), e)) = self.number(j) {
            n = q;
            j = e;
        }
        match self.lex(j) {
            Lex::Unit(u, _) => Some((
                i,
                Val::Set(Timex::Period(duration_value(Qty::N(n), u))),
                j + 1,
            )),
            Lex::Weekday(wd) => Some((i, Val::Set(Timex::Weekly(wd)), j + 1)),
            Lex::W(W::Morning) => {
                Some((i, Val::Set(Timex::DayPart(None, DayPart::Morning)), j + 1))
            }
            Lex::W(W::Evening) => {
                Some((i, Val::Set(Timex::DayPart(None, DayPart::Evening)), j + 1))
            }
            Lex::W(W::Night) => Some((i, Val::Set(Timex::DayPart(None, DayPart::Night)), j + 1)),
            _ => None,
        }
    }

    /// "the past decade", "the next four years", "the last six months",
    /// "the past few years".
    fn span_duration(&mut self, i: usize) -> Option<(usize, Val, usize)> {
        let mut j = i;
        if self.w(j, W::The) {
            j += 1;
        }
        if !matches!(
            self.lex(j),
            Lex::W(
                W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following | W::Recent
            )
        ) {
            return None;
        }
        j += 1;
        if let Lex::Unit(u, plural) = self.lex(j) {
            let q = if plural { Qty::Some } else { Qty::N(1.0) };
            return Some((i, Val::Duration(duration_value(q, u)), j + 1));
        }
        let (_, v, e) = self.counted(i, j)?;
        matches!(v, Val::Duration(_)).then_some((i, v, e))
    }

    /// A number: `3`, `2.5`, `1,000`, `three`, `twenty-five`, `a`,
    /// `several`, `a few`, `a couple of`.
    fn number(&self, i: usize) -> Option<(Qty, usize)> {
        let t = self.t.get(i)?;
        match t.lex {
            Lex::A => {
                if self.w(i + 1, W::Few) {
                    return Some((Qty::Some, i + 2));
                }
                if self.w(i + 1, W::Couple) && self.w(i + 2, W::Of) {
                    return Some((Qty::N(2.0), i + 3));
                }
                if self.w(i + 1, W::Half) {
                    return Some((Qty::N(0.5), i + 2));
                }
                return Some((Qty::N(1.0), i + 1));
            }
            Lex::W(W::Several | W::Few | W::Many) => return Some((Qty::Some, i + 1)),
            Lex::W(W::Couple) if self.w(i + 1, W::Of) => return Some((Qty::N(2.0), i + 2)),
            Lex::Num(n) => {
                let mut v = n as f64;
                let mut e = i + 1;
                if (20..100).contains(&n) && self.dash(e) && self.glued(e) && self.glued(e + 1) {
                    if let Lex::Num(u) = self.lex(e + 1) {
                        if u < 10 {
                            v += u as f64;
                            e += 2;
                        }
                    }
                }
                if let Lex::Num(100) = self.lex(e) {
                    v *= 100.0;
                    e += 1;
                }
                return Some((Qty::N(v), e));
            }
            _ => {}
        }
        if t.kind != Kind::Digits || t.len() > 6 {
            return None;
        }
        let mut e = i + 1;
        let mut v = t.num as f64;
        // 1,000
        while self.p(e, ',')
            && self.glued(e)
            && self.glued(e + 1)
            && self.digits(e + 1, 3).is_some()
        {
            v = v * 1000.0 + self.digits(e + 1, 3).unwrap_or(0) as f64;
            e += 2;
        }
        // 2.5
        if self.p(e, '.') && self.glued(e) && self.glued(e + 1) {
            if let Some(f) = self
                .t
                .get(e + 1)
                .filter(|t| t.kind == Kind::Digits && t.len() <= 3)
            {
                v += f.num as f64 / 10f64.powi(f.len() as i32);
                e += 2;
            }
        }
        // Not a glued number of another kind ($5, 5%).
        if i > 0
            && !t.sp
            && self.t[i - 1].kind == Kind::Punct
            && matches!(self.t[i - 1].ch, '$' | '£' | '€' | '#')
        {
            return None;
        }
        Some((Qty::N(v), e))
    }

    /// Durations with a count, starting at `j` (`s` is the first token of
    /// the expression): "three months", "50-year", "two and a half years",
    /// "two days ago", "15 a year" (a set), "18 months".
    fn counted(&mut self, s: usize, j: usize) -> Option<(usize, Val, usize)> {
        // Approximations belong to the expression.
        let mut j = j;
        if self.w(j, W::Approx) || self.w(j, W::Over) {
            j += 1;
        } else if (matches!(self.lex(j), Lex::W(W::More | W::Less)) && self.w(j + 1, W::Than))
            || (self.w(j, W::At) && self.w(j + 1, W::Least))
            || (self.w(j, W::Up) && self.w(j + 1, W::To))
        {
            j += 2;
        }
        let (mut q, mut e) = self.number(j)?;
        let a = self.lex(j) == Lex::A;
        // two and a half
        if self.w(e, W::And) && self.lex(e + 1) == Lex::A && self.w(e + 2, W::Half) {
            if let Qty::N(n) = q {
                q = Qty::N(n + 0.5);
            }
            e += 3;
        }
        // 50-year, fifty-year, 12-hour, 56-year-old
        let hyphen = self.dash(e) && self.glued(e) && self.glued(e + 1);
        let u_at = if hyphen { e + 1 } else { e };
        let Lex::Unit(unit, plural) = self.lex(u_at) else {
            return None;
        };
        if (hyphen || a) && plural {
            return None;
        }
        if self.t[u_at].cap && !self.sentence_initial(u_at) {
            return None;
        }
        let mut end = u_at + 1;
        if self.dash(end)
            && self.glued(end)
            && matches!(self.lex(end + 1), Lex::W(W::Long | W::Old))
        {
            end += 2;
        }
        // a year and a half
        if !hyphen && self.w(end, W::And) && self.lex(end + 1) == Lex::A && self.w(end + 2, W::Half)
        {
            if let Qty::N(n) = q {
                q = Qty::N(n + 0.5);
            }
            end += 3;
        }
        if a && j == s && s > 0 {
            // "15 a year", "twice a month", "5% a year": a set.
            let p = self.t[s - 1];
            let amount = p.kind == Kind::Digits
                || matches!(
                    p.lex,
                    Lex::Num(_) | Lex::W(W::Once | W::Twice | W::Times | W::Million)
                )
                || p.kind == Kind::Punct && p.ch == '%';
            if amount {
                return Some((
                    s,
                    Val::Set(Timex::Period(duration_value(Qty::N(1.0), unit))),
                    end,
                ));
            }
        }
        if !hyphen {
            // two days ago / three days later / two weeks from now
            if self.w(end, W::Ago) {
                // "many years ago": some time before, unsaid
                let v = match q {
                    Qty::N(_) => self.shifted(self.dct, q, unit, -1),
                    _ => Val::Ref(Ref::Past),
                };
                return Some((s, v, end + 1));
            }
            if self.w(end, W::From) && self.w(end + 1, W::Now) {
                return Some((s, self.shifted(self.dct, q, unit, 1), end + 2));
            }
            if matches!(self.lex(end), Lex::W(W::Later | W::Earlier)) && !self.w(end + 1, W::Than) {
                let sign = if self.w(end, W::Later) { 1 } else { -1 };
                let v = match self.last_day.or(self.dct) {
                    Some(d) => self.shifted(Some(d), q, unit, sign),
                    None => Val::Vague,
                };
                return Some((s, v, end + 1));
            }
        }
        Some((s, Val::Duration(duration_value(q, unit)), end))
    }

    /// The date `q` units before (`sign` -1) or after `from`.
    fn shifted(&self, from: Option<Ymd>, q: Qty, unit: Unit, sign: i64) -> Val {
        let (Some(d), Qty::N(n)) = (from, q) else {
            return match unit {
                Unit::Year | Unit::Decade | Unit::Century => year_val(None),
                Unit::Month => month_val(None, None),
                _ => UNKNOWN_DAY,
            };
        };
        let n = n.round() as i64 * sign;
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour => day_val(d),
            Unit::Day => day_val(d.add_days(n)),
            Unit::Week => day_val(d.add_days(7 * n)),
            Unit::Fortnight => day_val(d.add_days(14 * n)),
            Unit::Month => {
                let x = d.add_months(n);
                month_val(Some(x.y), Some(x.m))
            }
            Unit::Quarter => {
                let x = d.add_months(3 * n);
                month_val(Some(x.y), Some(x.m))
            }
            Unit::Year => year_val(Some(d.y + n as i32)),
            Unit::Decade => year_val(Some(d.y + 10 * n as i32)),
            Unit::Century => year_val(Some(d.y + 100 * n as i32)),
        }
    }

    /// "18:00 UTC", "6:40 p.m.", "3 pm".
    fn clock(&mut self, i: usize) -> Option<(usize, Val, usize)> {
        let t = self.t[i];
        if t.len() > 2 || t.num > 24 {
            return None;
        }
        let mut h = t.num as u8;
        let mut min = 0u8;
        let mut e = i + 1;
        let mut colon = false;
        // "11.30am": a full stop between the hour and the minutes when the
        // half of the day follows
        let dotted = self.p(e, '.')
            && self.glued(e)
            && self.glued(e + 1)
            && self.digits(e + 1, 2).is_some()
            && self.glued(e + 2)
            && matches!(self.word(e + 2).to_ascii_lowercase().as_str(), "am" | "pm");
        if (self.p(e, ':') || dotted) && self.glued(e) && self.glued(e + 1) {
            let m = self.digits(e + 1, 2)?;
            if m > 59 {
                return None;
            }
            min = m as u8;
            e += 2;
            colon = true;
            if self.p(e, ':') && self.glued(e) && self.digits(e + 1, 2).is_some() {
                e += 2;
            }
        }
        // am / pm / a.m. / p.m.
        let mut meridiem = None;
        let w = self.word(e);
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            meridiem = Some(w.as_bytes()[0].to_ascii_lowercase());
            e += 1;
        } else if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
            && self.p(e + 1, '.')
            && self.word(e + 2).eq_ignore_ascii_case("m")
        {
            meridiem = Some(w.as_bytes()[0].to_ascii_lowercase());
            e += 3;
            if self.p(e, '.') && self.glued(e) {
                e += 1;
            }
        }
        if !colon && meridiem.is_none() {
            return None;
        }
        match meridiem {
            Some(b'p') if h < 12 => h += 12,
            Some(b'a') if h == 12 => h = 0,
            _ => {}
        }
        if h > 24 || meridiem.is_some() && t.num > 12 {
            return None;
        }
        let mut utc = false;
        match self.lex(e) {
            Lex::W(W::UtcZone) => {
                utc = true;
                e += 1;
            }
            Lex::W(W::Zone) if self.t[e].cap => e += 1,
            _ => {}
        }
        // The day: "on Thursday" right after, else a day mentioned just
        // before, else the article's date.
        if self.w(e, W::On) {
            if let Some((v, end)) = self.date(e + 1) {
                if let Some(d) = v.resolved_day() {
                    self.last_day = Some(d);
                    self.last_day_at = Some(end);
                    return Some((i, Val::Clock(Some(d), h, min, utc), end));
                }
            }
        }
        Some((i, Val::Clock(self.day_in_view(i), h, min, utc), e))
    }

    /// The day a time of day at token `i` belongs to: a day mentioned just
    /// before (within 24 tokens), else the article's date.
    fn day_in_view(&self, i: usize) -> Option<Ymd> {
        let recent = self
            .last_day_at
            .is_some_and(|at| i.saturating_sub(at) <= 24);
        if recent {
            self.last_day
        } else {
            self.dct
        }
    }
}

#[cfg(test)]
mod tests;

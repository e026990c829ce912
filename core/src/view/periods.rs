//! The set timeline by period: its rows in time order, cut into files of
//! about [`PERIOD_BYTES`] (`set/t/<n>.bin`), listed in `set/t/keys.bin` with
//! every run of rows of one period (their days, how many, whether they are
//! publications or approximate). The list alone draws the axis at any zoom
//! and counts the points in a window; the page reads only the files of the
//! rows it lists (at most [`super::pages::POINTS_LISTED`]).

use serde::{Deserialize, Serialize};

use super::pages::{listed_range, TimelineRow};

/// About this many bytes of rows a file.
pub const PERIOD_BYTES: usize = 64 * 1024;

/// Rows next to each other in time order with the same days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// Its first row (in the set timeline's order) and how many.
    pub first: usize,
    pub count: usize,
    /// Their days, `[start, end)`, or `None` when they have no calendar reading.
    pub interval: Option<(i64, i64)>,
    /// Every row of it a publication date.
    pub published: bool,
    /// Some row of it coarser than a day or running on.
    pub approximate: bool,
}

/// The list of the set timeline's files (`set/t/keys.bin`; written
/// compactly, [`Wire`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineKeys {
    pub build: u64,
    /// How many rows in all.
    pub total: usize,
    /// The first row of each file.
    pub files: Vec<usize>,
    pub runs: Vec<Run>,
}

/// The list as written: each file's row count, and each run's count, kind
/// (bit 0 published, bit 1 approximate, bit 2 dated), start after the
/// previous dated run's start and length in days, so that a list of tens
/// of thousands of runs takes a few bytes each.
#[derive(Serialize, Deserialize)]
struct Wire {
    build: u64,
    files: Vec<u32>,
    runs: Vec<(u32, u8, i64, i64)>,
}

impl TimelineKeys {
    fn to_wire(&self) -> Wire {
        let files = self
            .files
            .iter()
            .enumerate()
            .map(|(n, &first)| (self.end_of(n) - first) as u32)
            .collect();
        let mut before = 0i64;
        let runs = self
            .runs
            .iter()
            .map(|r| {
                let kind = u8::from(r.published) | u8::from(r.approximate) << 1;
                match r.interval {
                    Some((start, end)) => {
                        let step = start - before;
                        before = start;
                        (r.count as u32, kind | 4, step, end - start)
                    }
                    None => (r.count as u32, kind, 0, 0),
                }
            })
            .collect();
        Wire {
            build: self.build,
            files,
            runs,
        }
    }

    fn from_wire(w: Wire) -> TimelineKeys {
        let mut files = Vec::with_capacity(w.files.len());
        let mut row = 0usize;
        for count in w.files {
            files.push(row);
            row += count as usize;
        }
        let mut runs = Vec::with_capacity(w.runs.len());
        let (mut first, mut before) = (0usize, 0i64);
        for (count, kind, step, days) in w.runs {
            let interval = (kind & 4 != 0).then(|| {
                before += step;
                (before, before + days)
            });
            runs.push(Run {
                first,
                count: count as usize,
                interval,
                published: kind & 1 != 0,
                approximate: kind & 2 != 0,
            });
            first += count as usize;
        }
        TimelineKeys {
            build: w.build,
            total: row,
            files,
            runs,
        }
    }
}

/// One file of the set timeline: rows `first..first + rows.len()`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineFile {
    pub build: u64,
    pub first: usize,
    pub rows: Vec<TimelineRow>,
}

/// Why a file of the set timeline was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not a file of the set timeline, or damaged.
    Corrupt,
    /// Made by another build of the set than the page's.
    OtherBuild,
    /// Not the rows it was asked for.
    Misplaced,
}

impl std::fmt::Display for PeriodError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PeriodError::Corrupt => "it is damaged or not a file of the set's timeline",
            PeriodError::OtherBuild => "it was made by another build of the set (reload the page)",
            PeriodError::Misplaced => "it does not hold the rows its list says",
        })
    }
}

/// The set timeline's `rows` (in time order) as files of about `bytes`
/// each (a row is never cut) and their list, tagged `build`.
pub fn cut(
    rows: &[TimelineRow],
    build: u64,
    bytes: usize,
) -> Result<(Vec<u8>, Vec<Vec<u8>>), String> {
    let size = |r: &TimelineRow| {
        postcard::to_allocvec(r)
            .map(|b| b.len())
            .map_err(|e| format!("serialising the set timeline: {e}"))
    };
    let mut files = Vec::new();
    let mut starts = Vec::new();
    let (mut first, mut filled) = (0, 0);
    for (i, r) in rows.iter().enumerate() {
        let n = size(r)?;
        if filled > 0 && filled + n > bytes {
            files.push(encode_file(build, first, &rows[first..i])?);
            starts.push(first);
            (first, filled) = (i, 0);
        }
        filled += n;
    }
    if first < rows.len() {
        files.push(encode_file(build, first, &rows[first..])?);
        starts.push(first);
    }
    let keys = TimelineKeys {
        build,
        total: rows.len(),
        files: starts,
        runs: runs(rows),
    };
    let keys = postcard::to_allocvec(&keys.to_wire())
        .map_err(|e| format!("serialising the set timeline's list: {e}"))?;
    Ok((keys, files))
}

fn encode_file(build: u64, first: usize, rows: &[TimelineRow]) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(&(build, first, rows))
        .map_err(|e| format!("serialising the set timeline: {e}"))
}

/// The runs of `rows`: consecutive rows with the same days.
pub fn runs(rows: &[TimelineRow]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if run.interval == r.interval => {
                run.count += 1;
                run.published &= r.published;
                run.approximate |= r.approximate;
            }
            _ => runs.push(Run {
                first: i,
                count: 1,
                interval: r.interval,
                published: r.published,
                approximate: r.approximate,
            }),
        }
    }
    runs
}

/// Reads the list of the set timeline's files of build `build`.
pub fn decode_keys(bytes: &[u8], build: u64) -> Result<TimelineKeys, PeriodError> {
    let wire: Wire = postcard::from_bytes(bytes).map_err(|_| PeriodError::Corrupt)?;
    if wire.build != build {
        return Err(PeriodError::OtherBuild);
    }
    let sound = wire.files.iter().all(|&c| c > 0)
        && wire
            .runs
            .iter()
            .all(|r| r.0 > 0 && r.3 >= 0 && r.2.checked_abs().is_some_and(|s| s < 1 << 40));
    if !sound {
        return Err(PeriodError::Corrupt);
    }
    let keys = TimelineKeys::from_wire(wire);
    let ordered = keys.runs.iter().map(|r| r.count).sum::<usize>() == keys.total;
    if !ordered {
        return Err(PeriodError::Corrupt);
    }
    Ok(keys)
}

/// Reads file `n` of the set timeline, checked against its list.
pub fn decode_file(
    bytes: &[u8],
    keys: &TimelineKeys,
    n: usize,
) -> Result<TimelineFile, PeriodError> {
    let (build, first, rows): (u64, usize, Vec<TimelineRow>) =
        postcard::from_bytes(bytes).map_err(|_| PeriodError::Corrupt)?;
    if build != keys.build {
        return Err(PeriodError::OtherBuild);
    }
    if Some(&first) != keys.files.get(n) || first + rows.len() != keys.end_of(n) {
        return Err(PeriodError::Misplaced);
    }
    Ok(TimelineFile { build, first, rows })
}

impl TimelineKeys {
    /// The row after the last of file `n`.
    pub fn end_of(&self, n: usize) -> usize {
        self.files.get(n + 1).copied().unwrap_or(self.total)
    }

    /// The file that holds row `row`.
    pub fn file_of(&self, row: usize) -> Option<usize> {
        (row < self.total).then(|| self.files.partition_point(|&f| f <= row).saturating_sub(1))
    }

    /// The days the rows cover, `[first, last)` (as
    /// [`super::pages::extent`] of every row).
    pub fn extent(&self) -> Option<(i64, i64)> {
        let dated = || self.runs.iter().filter_map(|r| r.interval);
        let lo = dated().map(|i| i.0).min()?;
        let hi = dated().map(|i| i.1.max(i.0 + 1)).max()?;
        Some((lo, hi))
    }

    /// The rows in `window` (all with none; with one, those dated within
    /// it, as the whole timeline's filter has it), as ranges in order.
    pub fn shown(&self, window: Option<(i64, i64)>) -> Shown {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for r in &self.runs {
            let inside = match (window, r.interval) {
                (None, _) => true,
                (Some(w), Some(iv)) => iv.1 > w.0 && iv.0 < w.1,
                (Some(_), None) => false,
            };
            if !inside {
                continue;
            }
            match ranges.last_mut() {
                Some(last) if last.0 + last.1 == r.first => last.1 += r.count,
                _ => ranges.push((r.first, r.count)),
            }
        }
        Shown { ranges }
    }

    /// The runs' stand-ins for the axis (`super::pages::set_axis` with
    /// lanes packed): one row per run, with its days and kind; mark `k`'s
    /// rows are runs.
    pub fn axis_rows(&self) -> Vec<TimelineRow> {
        self.runs
            .iter()
            .map(|r| TimelineRow {
                date: String::new(),
                when: String::new(),
                approximate: r.approximate,
                what: String::new(),
                title: String::new(),
                href: String::new(),
                published: r.published,
                article: 0,
                interval: r.interval,
                entities: Vec::new(),
            })
            .collect()
    }

    /// The files that hold `rows` (ranges), in order, once each.
    pub fn files_of(&self, rows: &[(usize, usize)]) -> Vec<usize> {
        let mut files: Vec<usize> = Vec::new();
        for &(first, count) in rows.iter().filter(|r| r.1 > 0) {
            let (Some(a), Some(b)) = (self.file_of(first), self.file_of(first + count - 1)) else {
                continue;
            };
            for n in a..=b {
                if files.last() != Some(&n) {
                    files.push(n);
                }
            }
        }
        files
    }
}

/// The rows of a window, as ranges `(first, count)` in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub ranges: Vec<(usize, usize)>,
}

impl Shown {
    pub fn len(&self) -> usize {
        self.ranges.iter().map(|r| r.1).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where row `row` is among them.
    pub fn position(&self, row: usize) -> Option<usize> {
        let mut before = 0;
        for &(first, count) in &self.ranges {
            if (first..first + count).contains(&row) {
                return Some(before + row - first);
            }
            before += count;
        }
        None
    }

    /// The rows at positions `at` among them, as ranges.
    pub fn slice(&self, at: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut before = 0;
        for &(first, count) in &self.ranges {
            let (lo, hi) = (at.start.max(before), at.end.min(before + count));
            if lo < hi {
                out.push((first + lo - before, hi - lo));
            }
            before += count;
        }
        out
    }

    /// The rows listed of them (at most `max`: the first, or those around
    /// the chosen row), as ranges.
    pub fn listed(&self, chosen: Option<usize>, max: usize) -> Vec<(usize, usize)> {
        let at = listed_range(self.len(), chosen.and_then(|c| self.position(c)), max);
        self.slice(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::pages::{extent, set_axis, LaneBy, POINTS_LISTED};

    fn row(i: usize, interval: Option<(i64, i64)>, published: bool) -> TimelineRow {
        TimelineRow {
            date: format!("d{i}"),
            when: format!("when {i} — ٢٠٢٤ 👩‍👩‍👧 é"),
            approximate: interval.is_some_and(|iv| iv.1 - iv.0 > 1),
            what: format!("what happened {i}"),
            title: format!("Article {}", i % 7),
            href: format!("#/a/article-{}/e/{i}", i % 7),
            published,
            article: i % 7,
            interval,
            entities: vec![i % 5, i % 3],
        }
    }

    /// Rows in time order: several on a day, ranges, publications, and
    /// a few with no calendar reading at the end.
    fn rows(n: usize) -> Vec<TimelineRow> {
        let mut rows: Vec<TimelineRow> = (0..n)
            .map(|i| {
                let day = (i / 3) as i64 * 2;
                let iv = if i % 11 == 0 {
                    (day, day + 40)
                } else {
                    (day, day + 1)
                };
                row(i, Some(iv), i % 4 == 0)
            })
            .collect();
        rows.sort_by_key(|r| r.interval);
        for i in 0..5 {
            rows.push(row(n + i, None, false));
        }
        rows
    }

    /// The rows in `window` as the whole timeline filters them.
    fn whole_shown(rows: &[TimelineRow], window: Option<(i64, i64)>) -> Vec<usize> {
        (0..rows.len())
            .filter(|&i| match (window, rows[i].interval) {
                (None, _) => true,
                (Some(w), Some(iv)) => iv.1 > w.0 && iv.0 < w.1,
                (Some(_), None) => false,
            })
            .collect()
    }

    fn expand(ranges: &[(usize, usize)]) -> Vec<usize> {
        ranges.iter().flat_map(|&(f, c)| f..f + c).collect()
    }

    fn files(rows: &[TimelineRow], bytes: usize) -> (TimelineKeys, Vec<TimelineFile>) {
        let (keys, files) = cut(rows, 7, bytes).expect("cut");
        let keys = decode_keys(&keys, 7).expect("keys");
        let files = files
            .iter()
            .enumerate()
            .map(|(n, b)| decode_file(b, &keys, n).expect("file"))
            .collect();
        (keys, files)
    }

    #[test]
    fn the_files_hold_every_row_once_in_order_whatever_their_size() {
        let all = rows(700);
        for bytes in [1, 200, 4096, PERIOD_BYTES] {
            let (keys, files) = files(&all, bytes);
            assert_eq!(keys.total, all.len());
            assert_eq!(keys.runs, runs(&all), "the runs, read back");
            let back: Vec<TimelineRow> = files.iter().flat_map(|f| f.rows.clone()).collect();
            assert_eq!(back, all, "{bytes} bytes a file");
            if bytes == 1 {
                assert_eq!(files.len(), all.len(), "a row is never cut");
            }
            if bytes == 4096 {
                assert!(files.len() > 5);
                assert!(files.iter().all(|f| postcard::to_allocvec(&f.rows)
                    .map(|b| b.len())
                    .unwrap_or(0)
                    <= 4096 + 200));
            }
            for (n, f) in files.iter().enumerate() {
                for i in 0..f.rows.len() {
                    assert_eq!(keys.file_of(f.first + i), Some(n));
                }
            }
            assert_eq!(keys.file_of(all.len()), None);
        }
    }

    #[test]
    fn a_window_counts_and_lists_the_rows_the_whole_timeline_shows() {
        let all = rows(900);
        let (keys, files) = files(&all, 4096);
        let full = extent(&all);
        assert_eq!(keys.extent(), full);
        let (lo, hi) = full.expect("dated");
        let windows = [
            None,
            Some((lo, hi)),
            Some((lo + 10, lo + 24)),
            Some((lo + 100, lo + 101)),
            Some((lo + 300, hi - 50)),
            Some((hi + 5, hi + 40)),
        ];
        for w in windows {
            let shown = keys.shown(w);
            let expected = whole_shown(&all, w);
            assert_eq!(expand(&shown.ranges), expected, "{w:?}");
            assert_eq!(shown.len(), expected.len());
            for chosen in [
                None,
                expected.first().copied(),
                expected.last().copied(),
                expected.get(expected.len() / 2).copied(),
            ] {
                let listed = shown.listed(chosen, 100);
                let at = listed_range(
                    expected.len(),
                    chosen.and_then(|c| expected.iter().position(|&i| i == c)),
                    100,
                );
                assert_eq!(expand(&listed), expected[at].to_vec(), "{w:?} {chosen:?}");
                // Only the files of the rows listed are read, and they hold them.
                let needed = keys.files_of(&listed);
                let held: Vec<usize> = needed
                    .iter()
                    .flat_map(|&n| files[n].first..files[n].first + files[n].rows.len())
                    .collect();
                assert!(expand(&listed).iter().all(|r| held.contains(r)));
                assert!(needed.len() <= files.len());
                if w == Some((lo + 100, lo + 101)) {
                    assert!(needed.len() <= 2, "{needed:?}");
                }
            }
        }
        // With no window, the first rows listed need the first files only.
        let listed = keys.shown(None).listed(None, POINTS_LISTED);
        assert_eq!(
            expand(&listed),
            (0..POINTS_LISTED.min(all.len())).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_axis_from_the_list_has_the_marks_of_the_whole_timeline() {
        let all = rows(400);
        let (keys, _) = files(&all, 4096);
        let stand_ins = keys.axis_rows();
        let every_run: Vec<usize> = (0..stand_ins.len()).collect();
        let every_row: Vec<usize> = (0..all.len()).collect();
        let (lo, hi) = extent(&all).expect("dated");
        for w in [(lo, hi), (lo + 20, lo + 60), (hi - 30, hi)] {
            let none = |_: usize| String::new();
            let whole = set_axis(&all, &every_row, w, LaneBy::Packed, &none, &none).expect("axis");
            let light =
                set_axis(&stand_ins, &every_run, w, LaneBy::Packed, &none, &none).expect("axis");
            assert_eq!(whole.axis, light.axis);
            assert_eq!(whole.lanes, light.lanes);
            assert_eq!(whole.marks.len(), light.marks.len());
            for (a, b) in whole.marks.iter().zip(&light.marks) {
                assert_eq!(
                    (a.lane, a.left, a.width, a.bar, a.published, a.approximate),
                    (b.lane, b.left, b.width, b.bar, b.published, b.approximate)
                );
                // the same rows: the runs' rows
                let rows: Vec<usize> = b
                    .rows
                    .iter()
                    .flat_map(|&k| keys.runs[k].first..keys.runs[k].first + keys.runs[k].count)
                    .collect();
                assert_eq!(a.rows, rows);
            }
        }
    }

    #[test]
    fn files_of_another_build_or_out_of_place_are_refused() {
        let all = rows(300);
        let (keys_bytes, files) = cut(&all, 7, 2048).expect("cut");
        assert_eq!(decode_keys(&keys_bytes, 8), Err(PeriodError::OtherBuild));
        assert_eq!(decode_keys(b"not a list", 7), Err(PeriodError::Corrupt));
        assert_eq!(
            decode_keys(&keys_bytes[..keys_bytes.len() / 2], 7),
            Err(PeriodError::Corrupt)
        );
        let keys = decode_keys(&keys_bytes, 7).expect("keys");
        assert!(files.len() > 2);
        assert_eq!(
            decode_file(&files[1], &keys, 0),
            Err(PeriodError::Misplaced)
        );
        assert_eq!(
            decode_file(&files[0][..files[0].len() - 3], &keys, 0),
            Err(PeriodError::Corrupt)
        );
        let (_, other) = cut(&all, 9, 2048).expect("cut");
        assert_eq!(
            decode_file(&other[0], &keys, 0),
            Err(PeriodError::OtherBuild)
        );
        assert!(!PeriodError::Misplaced.to_string().is_empty());
    }
}

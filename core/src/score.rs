//! How the tests score the analysis on the development set, the way
//! `scripts/eval.py` (through the set's own scorer) does: a prediction
//! matches the first unmatched gold annotation it overlaps (and agrees with),
//! in gold order; precision, recall and F1 from the counts.

/// Matched, spurious and missed annotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fneg: usize,
}

impl Score {
    /// Adds the counts of `other`.
    pub fn add(&mut self, other: Score) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fneg += other.fneg;
    }

    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fneg).max(1) as f64
    }

    /// 0 when precision and recall are both 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Matches `pred` to `gold` (both `(start, end, label)` in file bytes):
/// each gold annotation, in order, takes the first unused prediction that
/// overlaps it and that `agree`s with it. Returns the counts and, for each
/// gold annotation, the prediction it took.
pub fn match_spans<G, P>(
    gold: &[(usize, usize, G)],
    pred: &[(usize, usize, P)],
    agree: impl Fn(&G, &P) -> bool,
) -> (Score, Vec<Option<usize>>) {
    let mut used = vec![false; pred.len()];
    let taken: Vec<Option<usize>> = gold
        .iter()
        .map(|(gs, ge, g)| {
            let k = (0..pred.len()).find(|&k| {
                !used[k] && pred[k].0 < *ge && *gs < pred[k].1 && agree(g, &pred[k].2)
            })?;
            used[k] = true;
            Some(k)
        })
        .collect();
    let tp = taken.iter().flatten().count();
    let score = Score {
        tp,
        fp: pred.len() - tp,
        fneg: gold.len() - tp,
    };
    (score, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_and_agreement_decide_a_match() {
        let gold = [(0, 5, "PER"), (10, 15, "LOC"), (20, 25, "ORG")];
        let pred = [(3, 8, "PER"), (10, 12, "ORG"), (30, 31, "LOC")];
        let (s, taken) = match_spans(&gold, &pred, |g, p| g == p);
        assert_eq!(taken, vec![Some(0), None, None]);
        assert_eq!(
            s,
            Score {
                tp: 1,
                fp: 2,
                fneg: 2
            }
        );
        assert!((s.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.f1() - 1.0 / 3.0).abs() < 1e-12);
        // One prediction matches one gold annotation only.
        let (s, taken) = match_spans(&[(0, 5, ()), (1, 4, ())], &[(0, 5, ())], |_, _| true);
        assert_eq!(taken, vec![Some(0), None]);
        assert_eq!(
            s,
            Score {
                tp: 1,
                fp: 0,
                fneg: 1
            }
        );
        assert_eq!(Score::default().f1(), 0.0);
        let mut total = s;
        total.add(s);
        assert_eq!(
            total,
            Score {
                tp: 2,
                fp: 0,
                fneg: 2
            }
        );
    }
}

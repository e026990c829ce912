//! Bookkeeping for the articles a reader adds in the page: unique slugs,
//! duplicates recognised by content, and the progress of a batch.
//!
//! Pure and independent of the import feature, so the page (which does not
//! carry the extractor) and native tests share it.

use std::collections::HashSet;

/// A content key: FNV-1a (64 bit) over the bytes, with their length. The same
/// file added twice, or the same pasted text, gives the same key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentKey {
    pub hash: u64,
    pub len: u64,
}

impl ContentKey {
    pub fn of(bytes: &[u8]) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        ContentKey {
            hash,
            len: bytes.len() as u64,
        }
    }
}

/// `base` if no article has it yet, else `base-2`, `base-3`, ... (the first
/// free one).
pub fn unique_slug<'a>(base: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().collect();
    if !taken.contains(base) {
        return base.to_string();
    }
    let mut n = 2usize;
    loop {
        let candidate = format!("{base}-{n}");
        if !taken.contains(candidate.as_str()) {
            return candidate;
        }
        n += 1;
    }
}

/// A byte count for people: `820 B`, `14.2 KB`, `1.2 MB` (powers of 1000).
/// Written with integers: the page carries no float formatting.
pub fn size_text(bytes: u64) -> String {
    let (tenths, unit) = if bytes < 1000 {
        return format!("{bytes} B");
    } else if bytes < 1_000_000 {
        (bytes.saturating_add(50) / 100, "KB")
    } else {
        (bytes.saturating_add(50_000) / 100_000, "MB")
    };
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

/// What became of one item of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Added to the library under this slug.
    Added { name: String, slug: String },
    /// The same content is already in the library, under this slug.
    Duplicate { name: String, slug: String },
    /// Could not be read; the message says why.
    Failed { name: String, message: String },
    /// The reader cancelled the batch before this item was read.
    Cancelled { name: String },
}

impl Outcome {
    /// One line for the reader, naming the item.
    pub fn text(&self) -> String {
        match self {
            Outcome::Added { name, .. } => format!("{name}: added"),
            Outcome::Duplicate { name, .. } => {
                format!("{name}: already in the library, not added again")
            }
            Outcome::Failed { name, message } => format!("{name}: {message}"),
            Outcome::Cancelled { name } => format!("{name}: not added (cancelled)"),
        }
    }
}

/// One batch of added items: their names and sizes in order, and what became
/// of those already handled. Items are handled in order; none is dropped
/// without an outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    items: Vec<(String, u64)>,
    outcomes: Vec<Outcome>,
    known: Vec<(ContentKey, String)>,
}

impl Batch {
    /// A batch of `(name, size in bytes)`; `known` are the content keys and
    /// slugs of the articles the reader added before.
    pub fn new(items: Vec<(String, u64)>, known: Vec<(ContentKey, String)>) -> Self {
        Batch {
            items,
            outcomes: Vec::new(),
            known,
        }
    }

    pub fn total(&self) -> usize {
        self.items.len()
    }

    pub fn handled(&self) -> usize {
        self.outcomes.len()
    }

    pub fn is_done(&self) -> bool {
        self.handled() == self.total()
    }

    /// The item to read next, if any.
    pub fn next(&self) -> Option<&(String, u64)> {
        self.items.get(self.handled())
    }

    /// If content with this key is already known, the slug it has; checked
    /// before the item is analysed.
    pub fn duplicate_of(&self, key: ContentKey) -> Option<&str> {
        self.known
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, slug)| slug.as_str())
    }

    /// Record the outcome of the next item. An added item's key joins the
    /// known ones, so the same content later in the batch is a duplicate.
    pub fn record(&mut self, outcome: Outcome, key: Option<ContentKey>) {
        if self.is_done() {
            return;
        }
        if let (Outcome::Added { slug, .. }, Some(key)) = (&outcome, key) {
            self.known.push((key, slug.clone()));
        }
        self.outcomes.push(outcome);
    }

    /// Cancel: every item not yet handled gets a `Cancelled` outcome.
    pub fn cancel(&mut self) {
        while let Some((name, _)) = self.next().cloned() {
            self.outcomes.push(Outcome::Cancelled { name });
        }
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    /// Progress for the reader: `3 of 25, 1.2 MB` (items handled, and the
    /// size of the whole batch).
    pub fn progress_text(&self) -> String {
        let bytes: u64 = self.items.iter().map(|(_, size)| size).sum();
        format!(
            "{} of {}, {}",
            self.handled(),
            self.total(),
            size_text(bytes)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, size: u64) -> (String, u64) {
        (name.to_string(), size)
    }

    #[test]
    fn unique_slug_keeps_a_free_base_and_suffixes_a_taken_one() {
        assert_eq!(unique_slug("harbour-report", ["other"]), "harbour-report");
        assert_eq!(
            unique_slug("harbour-report", ["harbour-report"]),
            "harbour-report-2"
        );
        assert_eq!(
            unique_slug(
                "harbour-report",
                ["harbour-report", "harbour-report-2", "harbour-report-4"]
            ),
            "harbour-report-3"
        );
    }

    #[test]
    fn content_key_tells_same_from_different_content() {
        let a = ContentKey::of(b"The ferry left at noon.");
        assert_eq!(a, ContentKey::of(b"The ferry left at noon."));
        assert_ne!(a, ContentKey::of(b"The ferry left at noon!"));
        assert_ne!(ContentKey::of(b""), ContentKey::of(b"\0"));
    }

    #[test]
    fn size_text_uses_readable_units() {
        assert_eq!(size_text(820), "820 B");
        assert_eq!(size_text(14_200), "14.2 KB");
        assert_eq!(size_text(1_200_000), "1.2 MB");
        // rounded as float formatting rounds them
        for b in [
            1000, 1049, 1050, 99_949, 999_949, 999_950, 1_000_000, 12_345_678,
        ] {
            let want = if b < 1_000_000 {
                format!("{:.1} KB", b as f64 / 1e3)
            } else {
                format!("{:.1} MB", b as f64 / 1e6)
            };
            assert_eq!(size_text(b), want, "{b}");
        }
    }

    #[test]
    fn batch_reports_progress_and_every_outcome() {
        let mut batch = Batch::new(
            vec![
                item("a.html", 600_000),
                item("b.txt", 400_000),
                item("c.pdf", 200_000),
            ],
            Vec::new(),
        );
        assert_eq!(batch.progress_text(), "0 of 3, 1.2 MB");
        assert_eq!(batch.next(), Some(&item("a.html", 600_000)));
        let key = ContentKey::of(b"first page");
        batch.record(
            Outcome::Added {
                name: "a.html".into(),
                slug: "a".into(),
            },
            Some(key),
        );
        assert_eq!(batch.progress_text(), "1 of 3, 1.2 MB");
        assert_eq!(batch.duplicate_of(key), Some("a"));
        batch.record(
            Outcome::Duplicate {
                name: "b.txt".into(),
                slug: "a".into(),
            },
            Some(key),
        );
        batch.record(
            Outcome::Failed {
                name: "c.pdf".into(),
                message: "not a page or text file".into(),
            },
            None,
        );
        assert!(batch.is_done());
        assert_eq!(batch.next(), None);
        let texts: Vec<String> = batch.outcomes().iter().map(Outcome::text).collect();
        assert_eq!(
            texts,
            [
                "a.html: added",
                "b.txt: already in the library, not added again",
                "c.pdf: not a page or text file",
            ]
        );
        // Nothing is recorded past the end.
        batch.record(Outcome::Cancelled { name: "x".into() }, None);
        assert_eq!(batch.handled(), 3);
    }

    #[test]
    fn known_content_from_before_the_batch_is_a_duplicate() {
        let key = ContentKey::of(b"pasted note");
        let batch = Batch::new(vec![item("pasted", 11)], vec![(key, "note".into())]);
        assert_eq!(batch.duplicate_of(key), Some("note"));
        assert_eq!(batch.duplicate_of(ContentKey::of(b"other note")), None);
    }

    #[test]
    fn cancel_gives_the_rest_an_outcome() {
        let mut batch = Batch::new(
            vec![item("a.md", 10), item("b.md", 10), item("c.md", 10)],
            Vec::new(),
        );
        batch.record(
            Outcome::Added {
                name: "a.md".into(),
                slug: "a".into(),
            },
            None,
        );
        batch.cancel();
        assert!(batch.is_done());
        assert_eq!(
            batch.outcomes()[1..],
            [
                Outcome::Cancelled {
                    name: "b.md".into()
                },
                Outcome::Cancelled {
                    name: "c.md".into()
                },
            ]
        );
        assert_eq!(batch.progress_text(), "3 of 3, 30 B");
    }
}

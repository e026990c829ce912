//! What search sorts and filters by, for every article of a split set, in
//! one small file (`set/s/facets.bin`): each article's publication date,
//! section and place in title order. With it and the search shards, the
//! results of a query (or every article, to browse) are filtered by years,
//! section, the type a name is named as and an entity named, and sorted by
//! match, date or title, as the whole index's search does, without reading
//! the articles.

use serde::{Deserialize, Serialize};

use super::shards::Named;
use crate::analysis::EntityKind;

/// Every article's date, section and title order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub build: u64,
    /// The set's publication dates, distinct, in order.
    pub dates: Vec<String>,
    /// Each article's date: 1 + its place in `dates`, 0 for none.
    pub date_of: Vec<u32>,
    /// The set's sections, distinct, in order.
    pub sections: Vec<String>,
    /// Each article's section: 1 + its place in `sections`, 0 for none.
    pub section_of: Vec<u32>,
    /// Each article's place in title order (case left aside; ties in set
    /// order).
    pub title_rank: Vec<u32>,
}

/// How results are sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// By score (only with a query).
    Match,
    Newest,
    /// Undated last.
    Oldest,
    Title,
}

impl Sort {
    /// The sort a select's value names (`""`: by match with a query, the
    /// newest first without one).
    pub fn parse(value: &str, browsing: bool) -> Sort {
        match value {
            "newest" => Sort::Newest,
            "oldest" => Sort::Oldest,
            "title" => Sort::Title,
            _ if browsing => Sort::Newest,
            _ => Sort::Match,
        }
    }
}

/// What results are filtered by (none set: every result).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Published from / to these years, inclusive (an undated article is
    /// left out by either).
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub section: Option<String>,
    /// Found through an entity the query names of this type.
    pub kind: Option<EntityKind>,
    /// Naming this entity: the articles that name it, in order.
    pub naming: Option<Vec<u32>>,
}

impl Filter {
    /// True when it filters nothing out.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// The facets of a set's articles, each `(date, section, title)`, tagged
/// `build`.
pub fn facets(articles: &[(Option<&str>, Option<&str>, &str)], build: u64) -> Facets {
    fn places(values: Vec<Option<&str>>) -> (Vec<String>, Vec<u32>) {
        let mut distinct: Vec<&str> = values.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let of = values
            .iter()
            .map(|v| {
                v.and_then(|v| distinct.binary_search(&v).ok())
                    .map_or(0, |i| i as u32 + 1)
            })
            .collect();
        (distinct.into_iter().map(str::to_string).collect(), of)
    }
    let (dates, date_of) = places(articles.iter().map(|a| a.0).collect());
    let (sections, section_of) = places(articles.iter().map(|a| a.1).collect());
    let lower: Vec<String> = articles.iter().map(|a| a.2.to_lowercase()).collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&x, &y| lower[x].cmp(&lower[y]).then(x.cmp(&y)));
    let mut title_rank = vec![0u32; articles.len()];
    for (place, &a) in order.iter().enumerate() {
        title_rank[a] = place as u32;
    }
    Facets {
        build,
        dates,
        date_of,
        sections,
        section_of,
        title_rank,
    }
}

/// Why the facets' file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetsError {
    Corrupt,
    OtherBuild,
}

impl std::fmt::Display for FacetsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FacetsError::Corrupt => {
                "it is damaged or not the file of the articles' dates and sections"
            }
            FacetsError::OtherBuild => "it was made by another build of the set (reload the page)",
        })
    }
}

/// Encodes `facets`.
pub fn encode(facets: &Facets) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(facets).map_err(|e| format!("serialising the articles' facets: {e}"))
}

/// Reads the facets' file of build `build` (for `articles` articles).
pub fn decode(bytes: &[u8], build: u64, articles: usize) -> Result<Facets, FacetsError> {
    let f: Facets = postcard::from_bytes(bytes).map_err(|_| FacetsError::Corrupt)?;
    if f.build != build {
        return Err(FacetsError::OtherBuild);
    }
    let sound = [f.date_of.len(), f.section_of.len(), f.title_rank.len()]
        .iter()
        .all(|&n| n == articles)
        && f.date_of.iter().all(|&d| d as usize <= f.dates.len())
        && f.section_of.iter().all(|&s| s as usize <= f.sections.len());
    if !sound {
        return Err(FacetsError::Corrupt);
    }
    Ok(f)
}

impl Facets {
    /// Article `a`'s publication date.
    pub fn date(&self, a: u32) -> Option<&str> {
        let d = *self.date_of.get(a as usize)?;
        self.dates
            .get((d as usize).checked_sub(1)?)
            .map(String::as_str)
    }

    pub fn year(&self, a: u32) -> Option<i32> {
        self.date(a)?.get(..4)?.parse().ok()
    }

    pub fn section(&self, a: u32) -> Option<&str> {
        let s = *self.section_of.get(a as usize)?;
        self.sections
            .get((s as usize).checked_sub(1)?)
            .map(String::as_str)
    }

    /// Whether article `a` passes `filter` (`named`: the entities the query
    /// names, for the type).
    pub fn keep(&self, a: u32, filter: &Filter, named: &[Named]) -> bool {
        let y = self.year(a);
        filter.from.is_none_or(|f| y.is_some_and(|y| y >= f))
            && filter.to.is_none_or(|t| y.is_some_and(|y| y <= t))
            && filter
                .section
                .as_deref()
                .is_none_or(|s| self.section(a) == Some(s))
            && filter.kind.is_none_or(|k| {
                named
                    .iter()
                    .any(|n| n.kind == k && n.articles.binary_search_by_key(&a, |x| x.0).is_ok())
            })
            && filter
                .naming
                .as_ref()
                .is_none_or(|list| list.binary_search(&a).is_ok())
    }

    /// `found` (article, score; best first) filtered by `filter` and
    /// sorted by `sort` (ties keep their order).
    pub fn arrange(
        &self,
        found: &[(u32, f64)],
        named: &[Named],
        filter: &Filter,
        sort: Sort,
    ) -> Vec<(u32, f64)> {
        let mut out: Vec<(u32, f64)> = found
            .iter()
            .copied()
            .filter(|&(a, _)| self.keep(a, filter, named))
            .collect();
        let date = |a: u32| self.date_of.get(a as usize).copied().unwrap_or(0);
        match sort {
            Sort::Match => {}
            Sort::Newest => out.sort_by_key(|&(a, _)| std::cmp::Reverse(date(a))),
            Sort::Oldest => out.sort_by_key(|&(a, _)| (date(a) == 0, date(a))),
            Sort::Title => out.sort_by_key(|&(a, _)| self.title_rank.get(a as usize).copied()),
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles with dates (some undated, some alike), sections (some
    /// none) and titles in several scripts and cases.
    fn articles() -> Vec<(Option<String>, Option<String>, String)> {
        let titles = [
            "zeta",
            "Alpha",
            "alpha",
            "Émile",
            "مرحبا",
            "beta 👩‍👩‍👧",
            "Beta",
            "gamma",
        ];
        (0..40)
            .map(|i| {
                let date =
                    (i % 5 != 0).then(|| format!("20{:02}-0{}-1{}", 10 + i % 7, 1 + i % 9, i % 10));
                let section =
                    (i % 3 != 0).then(|| ["World", "Business", "Tech"][i % 3].to_string());
                (
                    date,
                    section,
                    format!("{} {}", titles[i % titles.len()], i % 4),
                )
            })
            .collect()
    }

    fn of(list: &[(Option<String>, Option<String>, String)]) -> Facets {
        let borrowed: Vec<(Option<&str>, Option<&str>, &str)> = list
            .iter()
            .map(|(d, s, t)| (d.as_deref(), s.as_deref(), t.as_str()))
            .collect();
        facets(&borrowed, 3)
    }

    #[test]
    fn sorts_and_filters_as_the_whole_index_does() {
        let list = articles();
        let f = decode(&encode(&of(&list)).expect("encode"), 3, list.len()).expect("decode");
        let found: Vec<(u32, f64)> = (0..list.len() as u32)
            .rev()
            .map(|a| (a, f64::from(a % 7)))
            .collect();
        let date = |a: u32| list[a as usize].0.as_deref();
        let year = |a: u32| date(a).and_then(|d| d[..4].parse::<i32>().ok());
        for (a, (d, s, _)) in list.iter().enumerate() {
            assert_eq!(f.date(a as u32), d.as_deref());
            assert_eq!(f.section(a as u32), s.as_deref());
        }
        let named = vec![Named {
            key: "k".into(),
            name: "K".into(),
            kind: EntityKind::Place,
            articles: vec![(2, 1), (5, 3), (11, 1), (30, 2)],
        }];
        let filters = [
            Filter::default(),
            Filter {
                from: Some(2013),
                ..Filter::default()
            },
            Filter {
                from: Some(2012),
                to: Some(2014),
                ..Filter::default()
            },
            Filter {
                section: Some("Tech".into()),
                ..Filter::default()
            },
            Filter {
                kind: Some(EntityKind::Place),
                ..Filter::default()
            },
            Filter {
                kind: Some(EntityKind::Person),
                ..Filter::default()
            },
            Filter {
                naming: Some(vec![1, 5, 8, 30, 39]),
                to: Some(2015),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let keep = |a: u32| {
                (filter.from.is_none() || year(a).zip(filter.from).is_some_and(|(y, f)| y >= f))
                    && (filter.to.is_none() || year(a).zip(filter.to).is_some_and(|(y, t)| y <= t))
                    && filter
                        .section
                        .as_deref()
                        .is_none_or(|s| list[a as usize].1.as_deref() == Some(s))
                    && filter.kind.is_none_or(|k| {
                        named
                            .iter()
                            .any(|n| n.kind == k && n.articles.iter().any(|x| x.0 == a))
                    })
                    && filter.naming.as_ref().is_none_or(|l| l.contains(&a))
            };
            let mut expected: Vec<(u32, f64)> =
                found.iter().copied().filter(|x| keep(x.0)).collect();
            assert_eq!(
                f.arrange(&found, &named, filter, Sort::Match),
                expected,
                "{filter:?}"
            );
            expected.sort_by(|x, y| date(y.0).cmp(&date(x.0)));
            assert_eq!(
                f.arrange(&found, &named, filter, Sort::Newest),
                expected,
                "{filter:?}"
            );
            expected = found.iter().copied().filter(|x| keep(x.0)).collect();
            expected.sort_by(|x, y| {
                (date(x.0).is_none(), date(x.0)).cmp(&(date(y.0).is_none(), date(y.0)))
            });
            assert_eq!(
                f.arrange(&found, &named, filter, Sort::Oldest),
                expected,
                "{filter:?}"
            );
            let titles: Vec<String> = f
                .arrange(&found, &named, filter, Sort::Title)
                .iter()
                .map(|x| list[x.0 as usize].2.to_lowercase())
                .collect();
            assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
            assert_eq!(titles.len(), found.iter().filter(|x| keep(x.0)).count());
        }
        assert!(Filter::default().is_empty());
        assert!(!filters[1].is_empty());
        assert_eq!(Sort::parse("", true), Sort::Newest);
        assert_eq!(Sort::parse("", false), Sort::Match);
        assert_eq!(Sort::parse("title", false), Sort::Title);
    }

    #[test]
    fn a_file_of_another_build_or_another_set_is_refused() {
        let list = articles();
        let bytes = encode(&of(&list)).expect("encode");
        assert_eq!(decode(&bytes, 4, list.len()), Err(FacetsError::OtherBuild));
        assert_eq!(decode(&bytes, 3, list.len() + 1), Err(FacetsError::Corrupt));
        assert_eq!(
            decode(&bytes[..bytes.len() / 2], 3, list.len()),
            Err(FacetsError::Corrupt)
        );
        assert!(!FacetsError::Corrupt.to_string().is_empty());
    }
}

//! The example set shipped in `examples/wikinews-apple/`: every article reads,
//! carries its credit, and the set links into entities shared across it.

use std::path::Path;

use dossier_core::analysis::{Analysis, Entity};
use dossier_core::article::{parse_article, Article};

fn example_set() -> Vec<(Article, Analysis)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/wikinews-apple");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let shown = p.display().to_string();
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{shown}: {e}"));
            let a = parse_article(&shown, &bytes).unwrap_or_else(|e| panic!("{e}"));
            let an = dossier_core::analyze(&a.parts(), a.meta.date.as_deref());
            (a, an)
        })
        .collect()
}

#[test]
fn every_article_is_dated_and_credited() {
    let set = example_set();
    assert_eq!(set.len(), 30);
    let mut slugs: Vec<&str> = set.iter().map(|(a, _)| a.slug.as_str()).collect();
    slugs.dedup();
    assert_eq!(slugs.len(), 30, "slugs are unique");
    for (a, an) in &set {
        assert!(!a.meta.title.is_empty());
        assert!(a.meta.date.is_some(), "{} is dated", a.slug);
        assert_eq!(a.meta.source.as_deref(), Some("Wikinews"), "{}", a.slug);
        assert_eq!(
            a.meta.license.as_deref(),
            Some("Wikinews, CC BY 2.5"),
            "{}",
            a.slug
        );
        assert!(
            !a.blocks.is_empty() && !an.entities.is_empty(),
            "{}",
            a.slug
        );
    }
}

#[test]
fn the_set_links_into_entities_shared_across_articles() {
    let set = example_set();
    let ents: Vec<&[Entity]> = set.iter().map(|(_, a)| a.entities.as_slice()).collect();
    let linking = dossier_core::set::link(&ents);
    let articles_of = |i: usize| {
        let mut a: Vec<usize> = linking.entities[i].members.iter().map(|m| m.0).collect();
        a.dedup();
        a.len()
    };
    // a set about one company: some entity is named in most of its articles
    let widest = (0..linking.entities.len()).map(articles_of).max();
    assert!(widest.is_some_and(|n| n >= 20), "{widest:?}");
    // fewer set-level entities than article-level ones, every one keyed
    let total: usize = ents.iter().map(|e| e.len()).sum();
    assert!(linking.entities.len() < total * 3 / 4);
    for (a, e) in ents.iter().enumerate() {
        for i in 0..e.len() {
            assert!(linking.key(a, i).is_some_and(|k| !k.is_empty()));
        }
    }
    let index = dossier_core::set::entity_index(&set, &linking);
    let timeline = dossier_core::set::set_timeline(&set, &linking);
    assert_eq!(index.pages.len(), linking.entities.len());
    let events: usize = set.iter().map(|(_, a)| a.timeline.len()).sum();
    assert_eq!(timeline.len(), events + set.len());
}

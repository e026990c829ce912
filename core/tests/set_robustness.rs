//! The set's linking and indexes on arbitrary names and texts: no panic,
//! every entity keyed, keys unique and the same on every run, snippet marks
//! inside their sentence and on char boundaries.

use std::collections::BTreeSet;

use dossier_core::analysis::{Entity, EntityKind, Span};
use dossier_core::article::parse_article;
use dossier_core::set::{link, SearchIndex};
use proptest::prelude::*;

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{0,6}( [A-Z][a-z]{0,6}){0,3}",
        "[A-Z]{2,5}",
        Just("U.S.".to_string()),
        Just("the Kremlin".to_string()),
        Just("مصر".to_string()),
        Just("👩🏽‍🔬 Lab".to_string()),
        Just("e\u{301}te\u{301} Inc.".to_string()),
        "\\PC{0,12}",
    ]
}

fn entity() -> impl Strategy<Value = Entity> {
    (name(), prop::collection::vec(name(), 0..3), 0usize..7).prop_map(|(n, aliases, k)| Entity {
        id: format!("e{}", n.len()),
        name: n,
        kind: EntityKind::ALL[k],
        aliases,
        mentions: vec![Span::new(0, 0, 0)],
    })
}

proptest! {
    #[test]
    fn linking_keys_every_entity_uniquely_and_stably(
        set in prop::collection::vec(prop::collection::vec(entity(), 0..6), 0..8)
    ) {
        let refs: Vec<&[Entity]> = set.iter().map(Vec::as_slice).collect();
        let l = link(&refs);
        prop_assert_eq!(&l, &link(&refs));
        let keys: BTreeSet<&str> = l.entities.iter().map(|e| e.key.as_str()).collect();
        prop_assert_eq!(keys.len(), l.entities.len());
        for (a, ents) in set.iter().enumerate() {
            for i in 0..ents.len() {
                let k = l.key(a, i);
                prop_assert!(k.is_some_and(|k| !k.is_empty() && !k.contains(['/', '#', '?', ' '])));
            }
        }
        let members: usize = l.entities.iter().map(|e| e.members.len()).sum();
        prop_assert_eq!(members, set.iter().map(Vec::len).sum::<usize>());
    }

    #[test]
    fn search_snippets_stay_inside_their_sentences(
        bodies in prop::collection::vec("(\\PC|[ .\"]){1,80}", 1..4),
        q in "(\\PC|[ \"*]){0,12}",
    ) {
        let set: Vec<_> = bodies
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let text = format!(
                    "+++\ntitle = \"T{i}\"\n+++\n\nZanzibar {}\n",
                    b.replace(['\n', '\r', '+'], " ")
                );
                let a = parse_article(&format!("{i}.md"), text.as_bytes()).ok()?;
                let an = dossier_core::analyze(&a.parts(), None);
                Some((a, an))
            })
            .collect();
        let ents: Vec<&[Entity]> = set.iter().map(|(_, a)| a.entities.as_slice()).collect();
        let l = link(&ents);
        let idx = SearchIndex::build(&set, &l);
        // the random query, and a word every text starts with, being typed
        let start = "zanzib".to_string();
        let mut found = 0;
        for h in [q.as_str(), start.as_str()].iter().flat_map(|q| idx.search(&set, q, 20)) {
            found += 1;
            let parts = set[h.article].0.parts();
            for s in &h.snippets {
                prop_assert!(parts[s.sentence.part].get(s.sentence.start..s.sentence.end).is_some());
                for m in &s.marks {
                    prop_assert_eq!(m.part, s.sentence.part);
                    prop_assert!(s.sentence.start <= m.start && m.end <= s.sentence.end);
                    prop_assert!(parts[m.part].get(m.start..m.end).is_some());
                }
            }
        }
        prop_assert!(found >= set.len(), "every article starts with the word");
    }
}

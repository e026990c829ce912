//! What the reading view derives from the article and its analysis before
//! it renders: the body's chunks, each block's mentions, types and
//! entities, the find hits by block, the events a focus shows, and entity
//! types as bits.

use super::{find_hits, Hit, MentionMark};
use crate::analysis::{Analysis, EntityKind};
use crate::article::{Article, BlockKind};

/// Blocks per chunk of the body (at least; a chunk ends before a paragraph).
pub const CHUNK: usize = 16;

/// One bit per entity type (its place in [`EntityKind::ALL`]).
pub fn kind_bit(kind: EntityKind) -> u8 {
    EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .map_or(0, |i| 1 << i)
}

/// A set of types as bits.
pub fn kind_mask(kinds: &[EntityKind]) -> u8 {
    kinds.iter().fold(0, |m, &k| m | kind_bit(k))
}

/// What the body knows of one block without the reader state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockIndex {
    /// The block's mentions (every type).
    pub marks: Vec<MentionMark>,
    /// The types mentioned in the block.
    pub kinds: u8,
    /// The entities mentioned in the block, sorted.
    pub entities: Vec<usize>,
}

/// Every mention of the body, by block, with each block's types and
/// entities. Block `b` is part `b + 1`; the title's mentions are not here.
pub fn index_blocks(analysis: &Analysis, blocks: usize) -> Vec<BlockIndex> {
    let mut out: Vec<BlockIndex> = (0..blocks).map(|_| BlockIndex::default()).collect();
    for (entity, e) in analysis.entities.iter().enumerate() {
        let bit = kind_bit(e.kind);
        for (ordinal, m) in e.mentions.iter().enumerate() {
            if let Some(b) = m.part.checked_sub(1).and_then(|b| out.get_mut(b)) {
                b.marks.push(MentionMark {
                    entity,
                    ordinal,
                    start: m.start,
                    end: m.end,
                });
                b.kinds |= bit;
                if b.entities.last() != Some(&entity) {
                    b.entities.push(entity);
                }
            }
        }
    }
    // Entities are visited in order, so each list is already sorted.
    out
}

/// The blocks cut into chunks of about [`CHUNK`], each cut before a
/// paragraph (never inside a list): `(first, end)` block ranges.
pub fn chunks(article: &Article) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (b, blk) in article.blocks.iter().enumerate() {
        if b - start >= CHUNK && blk.kind == BlockKind::Paragraph {
            out.push((start, b));
            start = b;
        }
    }
    if start < article.blocks.len() {
        out.push((start, article.blocks.len()));
    }
    out
}

/// The chunks of a prerendered body that the app adopts later: those whose
/// box (`tops[k]`, `bottoms[k]`, from the top of a viewport `height` high)
/// lies more than a viewport above it or more than two below. The first
/// chunk is always adopted at once. In order.
pub fn away_from_view(boxes: &[(f64, f64)], height: f64) -> Vec<usize> {
    boxes
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, &(top, bottom))| bottom < -height || top > 2.0 * height)
        .map(|(k, _)| k)
        .collect()
}

/// How much of a long article's body the build-time render writes with its
/// marks: the chunks that start within this many bytes of text. The later
/// ones are written as plain text (readable, selectable and found by the
/// browser's find before the app starts, at a third of the bytes); the app
/// sets them aside like the chunks away from the view and renders them with
/// their marks once it is live.
pub const MARKED_BYTES: usize = 16_384;

/// How many leading chunks of `ranges` (blocks `start..end`) the build-time
/// render writes with their marks: those that start within
/// [`MARKED_BYTES`] of text, and always the first.
pub fn marked_chunks(article: &Article, ranges: &[(usize, usize)]) -> usize {
    let mut before = 0usize;
    let within = ranges
        .iter()
        .take_while(|&&(start, end)| {
            let starts_at = before;
            before += article
                .blocks
                .get(start..end)
                .map_or(0, |bs| bs.iter().map(|b| b.text.len()).sum());
            starts_at < MARKED_BYTES
        })
        .count();
    within.max(1).min(ranges.len())
}

/// Chunks set aside ([`away_from_view`]) rendered by each step after the
/// app is live.
pub const LATER_STEP: usize = 16;

/// Whether chunk `k` is still set aside, `steps` steps after the app went
/// live; `later` is in order.
pub fn still_later(later: &[usize], steps: usize, k: usize) -> bool {
    let from = steps.saturating_mul(LATER_STEP).min(later.len());
    later[from..].binary_search(&k).is_ok()
}

/// How many steps `later` chunks set aside take to render.
pub fn later_steps(later: usize) -> usize {
    later.div_ceil(LATER_STEP)
}

/// Rows of a long panel list rendered with the page; the rest come
/// [`MORE_ROWS`] at a time, each step after a paint.
pub const FIRST_ROWS: usize = 60;
/// Rows added by each later step.
pub const MORE_ROWS: usize = 400;

/// How many steps a list of `len` rows takes to render.
pub fn row_steps(len: usize) -> usize {
    len.saturating_sub(FIRST_ROWS).div_ceil(MORE_ROWS)
}

/// How many of a list's `len` rows to render `steps` steps after the first
/// render, always through the row at position `needed` (the selected one).
pub fn rows_shown(steps: usize, len: usize, needed: Option<usize>) -> usize {
    let limit = FIRST_ROWS.saturating_add(steps.saturating_mul(MORE_ROWS));
    limit.max(needed.map_or(0, |k| k + 1)).min(len)
}

/// Find hits per block, numbered across the article.
pub fn hits_by_block(article: &Article, query: &str) -> Vec<Vec<Hit>> {
    let mut index = 0;
    article
        .blocks
        .iter()
        .map(|b| {
            find_hits(&b.text, query)
                .into_iter()
                .map(|(start, end)| {
                    index += 1;
                    Hit {
                        start,
                        end,
                        index: index - 1,
                    }
                })
                .collect()
        })
        .collect()
}

/// Events shown in the timeline: all, or those of the focused entity.
pub fn visible_events(analysis: &Analysis, focus: Option<usize>) -> Vec<usize> {
    // No focus, or one that names no entity (an old link), filters nothing.
    let focus = focus.filter(|&f| f < analysis.entities.len());
    (0..analysis.timeline.len())
        .filter(|&i| focus.is_none_or(|f| analysis.timeline[i].entities.binary_search(&f).is_ok()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn article(body: &str) -> Article {
        let text = format!("+++\ntitle = \"A title\"\ndate = \"2024-05-01\"\n+++\n\n{body}");
        parse_article("a.md", text.as_bytes()).expect("a valid article")
    }

    fn analysed(body: &str) -> (Article, Analysis) {
        let a = article(body);
        let analysis = crate::analyze(&a.parts(), a.meta.date.as_deref());
        (a, analysis)
    }

    #[test]
    fn kinds_are_distinct_bits() {
        let bits: Vec<u8> = EntityKind::ALL.iter().map(|&k| kind_bit(k)).collect();
        let all = kind_mask(&EntityKind::ALL);
        assert_eq!(all.count_ones() as usize, EntityKind::ALL.len());
        for (i, b) in bits.iter().enumerate() {
            assert_eq!(b.count_ones(), 1);
            assert!(bits[i + 1..].iter().all(|o| o != b));
        }
        assert_eq!(kind_mask(&[]), 0);
        let k = EntityKind::ALL[0];
        assert_eq!(kind_mask(&[k, k]), kind_bit(k));
    }

    #[test]
    fn hits_are_numbered_across_blocks() {
        let a = article("Café and café.\n\nNo match here.\n\nCAFÉ – مرحبا café 👍🏽.");
        let hits = hits_by_block(&a, "café");
        assert_eq!(hits.len(), a.blocks.len());
        let numbered: Vec<usize> = hits.iter().flatten().map(|h| h.index).collect();
        assert_eq!(numbered, vec![0, 1, 2, 3]);
        assert!(hits[1].is_empty());
        for (b, hs) in hits.iter().enumerate() {
            for h in hs {
                assert_eq!(a.blocks[b].text[h.start..h.end].to_lowercase(), "café");
            }
        }
        assert!(hits_by_block(&a, "").iter().all(Vec::is_empty));
    }

    #[test]
    fn index_lists_each_blocks_mentions_types_and_entities() {
        let (a, analysis) = analysed(
            "Maria Lopez met officials of the World Health Organization in Geneva.\n\n\
             Nothing to see.\n\n\
             Lopez later returned to Geneva.",
        );
        let index = index_blocks(&analysis, a.blocks.len());
        assert_eq!(index.len(), a.blocks.len());
        assert!(index[1].marks.is_empty());
        assert_eq!(index[1].kinds, 0);
        // Every mention of the body is in its block, once.
        let body_mentions: usize = analysis
            .entities
            .iter()
            .map(|e| e.mentions.iter().filter(|m| m.part > 0).count())
            .sum();
        assert_eq!(
            index.iter().map(|b| b.marks.len()).sum::<usize>(),
            body_mentions
        );
        assert!(body_mentions >= 2, "{analysis:?}");
        for (b, here) in index.iter().enumerate() {
            let mut sorted = here.entities.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(here.entities, sorted);
            for m in &here.marks {
                let e = &analysis.entities[m.entity];
                let mention = e.mentions[m.ordinal];
                assert_eq!(mention.part, b + 1);
                assert_eq!((mention.start, mention.end), (m.start, m.end));
                assert_ne!(here.kinds & kind_bit(e.kind), 0);
                assert!(here.entities.contains(&m.entity));
            }
        }
        // Blocks past the end are not indexed; fewer blocks cut the index.
        assert_eq!(index_blocks(&analysis, 1).len(), 1);
    }

    #[test]
    fn chunks_away_from_view_are_adopted_later_a_step_at_a_time() {
        let h = 800.0;
        let boxes: Vec<(f64, f64)> = (0..40)
            .map(|k| (k as f64 * 1000.0 - 5000.0, k as f64 * 1000.0 - 4000.0))
            .collect();
        let later = away_from_view(&boxes, h);
        // the first chunk always, and those from a viewport above to two below
        assert!(!later.contains(&0));
        for (k, &(top, bottom)) in boxes.iter().enumerate().skip(1) {
            let near = bottom >= -h && top <= 2.0 * h;
            assert_eq!(later.contains(&k), !near, "chunk {k}");
        }
        assert!(later.windows(2).all(|w| w[0] < w[1]));
        // each step adopts the next LATER_STEP of them, in order
        let first = later[0];
        assert!(still_later(&later, 0, first));
        assert!(!still_later(&later, 1, first));
        let last = *later.last().expect("some");
        assert!(still_later(&later, 1, last));
        assert!(!still_later(&later, later.len(), last));
        assert!(!still_later(&later, usize::MAX, last));
        // a chunk near the view is never later
        assert!((0..6).all(|k| later.contains(&k) || !still_later(&later, 0, k)));
        assert!(away_from_view(&[], h).is_empty());
        // the steps end once every chunk is back
        let n = later_steps(later.len());
        assert!(later.iter().all(|&k| !still_later(&later, n, k)));
        assert!(still_later(&later, n - 1, last));
        assert_eq!(
            (later_steps(0), later_steps(1), later_steps(LATER_STEP + 1)),
            (0, 1, 2)
        );
    }

    #[test]
    fn long_lists_render_their_first_rows_and_always_the_selected_one() {
        assert_eq!(rows_shown(0, 20, None), 20);
        assert_eq!(rows_shown(0, 2446, None), FIRST_ROWS);
        assert_eq!(rows_shown(0, 2446, Some(2000)), 2001);
        assert_eq!(rows_shown(1, 2446, Some(3)), FIRST_ROWS + MORE_ROWS);
        assert_eq!(rows_shown(5000, 2446, Some(9999)), 2446);
        assert_eq!(rows_shown(0, 0, None), 0);
        // the steps end once every row is there, and not before
        let n = row_steps(2446);
        assert_eq!(rows_shown(n, 2446, None), 2446);
        assert!(rows_shown(n - 1, 2446, None) < 2446);
        assert_eq!((row_steps(20), row_steps(FIRST_ROWS + 1)), (0, 1));
    }

    #[test]
    fn chunks_cover_the_blocks_and_cut_before_paragraphs() {
        let mut body = String::new();
        for i in 0..20 {
            body.push_str(&format!("Paragraph {i}.\n\n"));
        }
        for i in 0..5 {
            body.push_str(&format!("- item {i}\n"));
        }
        body.push_str("\nAfter the list.\n");
        let a = article(&body);
        let cs = chunks(&a);
        assert_eq!(cs.first().map(|c| c.0), Some(0));
        assert_eq!(cs.last().map(|c| c.1), Some(a.blocks.len()));
        for w in cs.windows(2) {
            assert_eq!(w[0].1, w[1].0);
            assert!(w[0].1 - w[0].0 >= CHUNK);
            assert_eq!(a.blocks[w[1].0].kind, BlockKind::Paragraph);
        }
    }

    #[test]
    fn the_build_writes_marks_in_the_opening_chunks_only() {
        // 400 paragraphs of about 100 bytes: the chunks that start within
        // MARKED_BYTES have marks, the rest are plain.
        let para = "Word ".repeat(20);
        let body: String = (0..400).map(|i| format!("{i} {para}\n\n")).collect();
        let a = article(&body);
        let cs = chunks(&a);
        let marked = marked_chunks(&a, &cs);
        assert!(marked > 1 && marked < cs.len(), "{marked} of {}", cs.len());
        let text_before = |c: usize| -> usize {
            cs[..c]
                .iter()
                .flat_map(|&(s, e)| &a.blocks[s..e])
                .map(|b| b.text.len())
                .sum()
        };
        assert!(text_before(marked - 1) < MARKED_BYTES);
        assert!(text_before(marked) >= MARKED_BYTES);
        // a short article is all marked; the first chunk always is
        let short = article("One paragraph.\n\nAnother.\n");
        let sc = chunks(&short);
        assert_eq!(marked_chunks(&short, &sc), sc.len());
        assert_eq!(marked_chunks(&short, &[]), 0);
        let huge = article(&format!("{}\n", "word ".repeat(10_000)));
        assert_eq!(marked_chunks(&huge, &chunks(&huge)), 1);
    }

    #[test]
    fn a_focus_shows_its_events_and_an_unknown_entity_filters_nothing() {
        let (_, analysis) = analysed(
            "Maria Lopez opened the plant on 3 March 2020.\n\n\
             The plant closed on 5 June 2022.",
        );
        let all: Vec<usize> = (0..analysis.timeline.len()).collect();
        assert_eq!(analysis.timeline.len(), 2, "{:?}", analysis.timeline);
        assert_eq!(visible_events(&analysis, None), all);
        assert_eq!(
            visible_events(&analysis, Some(analysis.entities.len())),
            all
        );
        let with = analysis
            .timeline
            .iter()
            .position(|e| !e.entities.is_empty())
            .expect("an event with an entity");
        let id = analysis.timeline[with].entities[0];
        let shown = visible_events(&analysis, Some(id));
        assert!(shown.contains(&with));
        assert!(shown
            .iter()
            .all(|&i| analysis.timeline[i].entities.contains(&id)));
        assert!(shown.len() < all.len());
    }
}

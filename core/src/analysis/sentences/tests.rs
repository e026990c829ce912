use super::*;

fn sents(text: &str) -> Vec<&str> {
    let parts = [text];
    split(&parts).iter().map(|s| s.text(&parts)).collect()
}

#[test]
fn splits_plain_sentences() {
    assert_eq!(
        sents("It rained. Then it stopped! Did it? Yes."),
        ["It rained.", "Then it stopped!", "Did it?", "Yes."]
    );
}

#[test]
fn keeps_abbreviations_initials_and_numbers() {
    assert_eq!(
        sents("Mr. Smith met Dr. Jones at St. Paul's. They talked."),
        ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."]
    );
    assert_eq!(
        sents("J. K. Rowling wrote it. It sold."),
        ["J. K. Rowling wrote it.", "It sold."]
    );
    assert_eq!(
        sents("The U.S. Senate and the U.N. Security Council met on Jan. 5 to vote."),
        ["The U.S. Senate and the U.N. Security Council met on Jan. 5 to vote."]
    );
    assert_eq!(
        sents("Growth was 3.5 percent. Prices rose 0.2 points."),
        ["Growth was 3.5 percent.", "Prices rose 0.2 points."]
    );
    assert_eq!(
        sents("He moved to the U.S. The move was hard."),
        ["He moved to the U.S.", "The move was hard."]
    );
    assert_eq!(
        sents("Apple Inc. CEO Steve Jobs spoke. He left."),
        ["Apple Inc. CEO Steve Jobs spoke.", "He left."]
    );
    assert_eq!(sents("See No. 5 on the list."), ["See No. 5 on the list."]);
}

#[test]
fn quotes_brackets_and_ellipses() {
    assert_eq!(
        sents("He said, \"We won.\" Then he left."),
        ["He said, \"We won.\"", "Then he left."]
    );
    assert_eq!(
        sents("“We are obliged,” he stressed. “It is so.” It was."),
        ["“We are obliged,” he stressed.", "“It is so.”", "It was."]
    );
    assert_eq!(
        sents("(It was late.) We left."),
        ["(It was late.)", "We left."]
    );
    assert_eq!(
        sents("“Why?” he asked. Wait... What? And so… It ended."),
        [
            "“Why?” he asked.",
            "Wait...",
            "What?",
            "And so…",
            "It ended."
        ]
    );
    assert_eq!(sents("It was ... well, fine."), ["It was ... well, fine."]);
    // A closing quote set off by a space stays with its sentence.
    assert_eq!(
        sents("\"I will miss him. \" In that letter he wrote."),
        ["\"I will miss him. \"", "In that letter he wrote."]
    );
}

#[test]
fn blank_lines_and_whitespace() {
    assert_eq!(
        sents("A title\n\nThe body starts"),
        ["A title", "The body starts"]
    );
    assert_eq!(sents("  One.  \r\n Two.\r\n"), ["One.", "Two."]);
    assert_eq!(sents(""), Vec::<&str>::new());
    assert_eq!(sents("   \n "), Vec::<&str>::new());
    assert_eq!(sents("No final stop"), ["No final stop"]);
}

#[test]
fn parts_are_covered_in_order() {
    let parts = [
        "Title here",
        "First one. Second one? Third!",
        "",
        "  Padded.  ",
        "دمشق. 🎉 Emoji! e\u{301}… \0 NUL. 3.5.",
    ];
    let spans = split(&parts);
    let mut last = (0, 0);
    for s in &spans {
        let p = parts[s.part];
        assert!(p.is_char_boundary(s.start) && p.is_char_boundary(s.end));
        assert!((s.part, s.start) >= last, "{spans:?}");
        let t = s.text(&parts);
        assert_eq!(t, t.trim());
        assert!(!t.is_empty());
        last = (s.part, s.end);
    }
    // Every non-blank character belongs to a sentence.
    for (i, p) in parts.iter().enumerate() {
        for (k, c) in p.char_indices() {
            if !c.is_whitespace() {
                assert!(
                    spans
                        .iter()
                        .any(|s| s.part == i && s.start <= k && k < s.end),
                    "part {i} byte {k} {c:?} not covered: {spans:?}"
                );
            }
        }
    }
    assert_eq!(spans.iter().filter(|s| s.part == 1).count(), 3);
}

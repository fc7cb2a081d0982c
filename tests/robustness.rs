//! Whatever the input, `annotate` returns: no panic, no lost or moved text, spans in order,
//! on char boundaries and inside the text, and the same input gives the same output.

use loupe::{annotate, Document};
use proptest::prelude::*;

/// Checks every invariant the rest of the project relies on ([`Document::check`]).
fn check(doc: &Document) {
    if let Err(e) = doc.check() {
        panic!("{e} in {:?}", doc.text.chars().take(200).collect::<String>());
    }
}

fn same(a: &Document, b: &Document) -> bool {
    a.tokens == b.tokens
        && a.sentences == b.sentences
        && a.paragraphs == b.paragraphs
        && a.entities == b.entities
        && a.values == b.values
        && a.quotes == b.quotes
        && a.clusters == b.clusters
}

fn run(text: &str) {
    let a = annotate(text);
    assert_eq!(a.text, text, "the text was changed");
    check(&a);
    assert!(same(&a, &annotate(text)), "not deterministic");
}

/// Strings drawn from the characters news text and junk are made of.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(" said ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S.".to_string()),
        Just("—".to_string()),
        Just("...".to_string()),
        Just("😀".to_string()),
        Just("東京".to_string()),
        Just("é".to_string()),
        Just("\u{0}".to_string()),
        Just("\r".to_string()),
        Just("<b>".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Strings made of the pieces value expressions are made of: numbers in every spelling,
/// currency signs, units, months, hedges, hyphens, slashes, colons, and some non-ASCII.
fn valueish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("$".to_string()),
        Just("€".to_string()),
        Just("US$".to_string()),
        Just("%".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just(":".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("'".to_string()),
        Just("😀".to_string()),
        Just("é".to_string()),
        Just("\n".to_string()),
        prop::sample::select(vec![
            "million", "bn", "m", "percent", "per", "cent", "miles", "square", "pounds", "of", "yuan", "years",
            "year-old", "old", "ago", "a.m.", "EST", "o'clock", "March", "May", "Sept.", "Thursday", "morning",
            "yesterday", "last", "the", "past", "between", "and", "to", "about", "more", "than", "up", "one", "in",
            "five", "twenty-three", "thousand", "half", "a", "dozen", "three-quarters", "fifth", "21st", "century",
            "quarter", "1970s", "'90s", "mid-2015", "2013-14", "Route", "Apollo",
        ])
        .prop_map(String::from),
        "[0-9]{1,5}",
        "[0-9]{1,2}[:/.-][0-9]{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn value_like_pieces(s in valueish()) { run(&s); }

    #[test]
    fn any_unicode(s in "\\PC*") { run(&s); }

    #[test]
    fn news_like_pieces(s in newsish()) { run(&s); }

    #[test]
    fn arbitrary_chars_incl_controls(v in prop::collection::vec(any::<char>(), 0..200)) {
        run(&v.into_iter().collect::<String>());
    }
}

#[test]
fn edge_cases() {
    for t in [
        "",
        " ",
        "\n\n\n",
        "\"",
        "\"\"\"\"\"\"\"",
        "“““”””‘’'''«»",
        "\u{feff}\u{200b}\u{0}\u{7}",
        "<img src=x onerror=alert(1)><script>alert(\"x\")</script>",
        "He said \"this never closes. And more text follows.\n\nAnother paragraph by Ann Lee.",
        "ALLCAPSHEADLINEWITHOUTSPACES",
    ] {
        run(t);
    }
}

#[test]
fn huge_inputs() {
    // One 2 MB line without spaces, and 10 MB of sentences; both must finish and keep invariants.
    let no_spaces = "Abc.Def,\"Ghi\"".repeat(2_000_000 / 13);
    check(&annotate(&no_spaces));
    let unit = "Maria Lopez, the mayor of Porto, said \"we will rebuild the bridge\" on Monday. ";
    let big = unit.repeat(10_000_000 / unit.len());
    let doc = annotate(&big);
    check(&doc);
    assert!(doc.sentences.len() >= 100_000);
    // 10 MB of values and things that look like them, in one sentence without a full stop.
    let unit = "between about $3.5 million and 40 rupees, 12% of 31-year-old March 3, 2016 one in five ";
    check(&annotate(&unit.repeat(10_000_000 / unit.len())));
}

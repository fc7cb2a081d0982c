//! Integration tests of the text layer through its public API (`loupe::text::segment`,
//! `loupe::text::tokenize`): the invariants every later stage relies on, checked on
//! hand-written articles and on arbitrary strings (proptest), plus two `#[ignore]`d
//! measurements: agreement with CoNLL-2003 tokenisation and throughput.
//!
//!     cargo test --test text_layer
//!     cargo test --release --test text_layer -- --ignored --nocapture   # the measurements

use loupe::text::{segment, tokenize};
use loupe::{Document, TokenKind};
use proptest::prelude::*;

fn seg(text: &str) -> Document {
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    segment(&mut doc);
    doc
}

/// Checks every structural guarantee of the layer ([`Document::check`]); returns a description
/// of the first violation.
fn check_invariants(doc: &Document) -> Result<(), String> {
    doc.check()
}

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences.iter().map(|s| s.span.of(&doc.text)).collect()
}

fn paragraphs(doc: &Document) -> Vec<&str> {
    doc.paragraphs.iter().map(|p| p.span.of(&doc.text)).collect()
}

const ARTICLE: &str = "Harbour strike ends after talks
By Nell Okafor

LISBON (Wirepost) - Dock workers at Portão Sul ended a nine-day strike on Tuesday after Gen. Rui Mateus Lobo's ministry offered a 4.5% raise, the union said.

\u{201C}We didn\u{2019}t get everything,\u{201D} said Ana B. Ferreira, the union\u{2019}s leader. \u{201C}But it\u{2019}s a start.\u{201D}

The port handles cargo worth $3.2 billion a year for firms such as Maré Shipping Co. and U.S.-based Tidewell Inc. Traffic resumed at 6 a.m. Wednesday.

Key demands:
\u{2022} shorter shifts
\u{2022} safety gear

Contact: press@wirepost.example or @wirepost_news #portstrike https://wirepost.example/strike?id=7.";

#[test]
fn a_realistic_article_is_segmented_sensibly() {
    let doc = seg(ARTICLE);
    check_invariants(&doc).unwrap();
    let p = paragraphs(&doc);
    assert_eq!(p[0], "Harbour strike ends after talks");
    assert_eq!(p[1], "By Nell Okafor");
    assert!(p[2].starts_with("LISBON (Wirepost) -") && p[2].ends_with("the union said."));
    assert_eq!(p[6], "\u{2022} shorter shifts");
    assert_eq!(p[7], "\u{2022} safety gear");
    assert_eq!(p.len(), 9);
    let s = sentences(&doc);
    assert!(s.contains(&"LISBON (Wirepost) -"));
    assert!(s.contains(
        &"\u{201C}We didn\u{2019}t get everything,\u{201D} said Ana B. Ferreira, the union\u{2019}s leader."
    ));
    assert!(s.contains(&"\u{201C}But it\u{2019}s a start.\u{201D}"));
    assert!(s.contains(&"The port handles cargo worth $3.2 billion a year for firms such as Maré Shipping Co. and U.S.-based Tidewell Inc."));
    assert!(s.contains(&"Traffic resumed at 6 a.m. Wednesday."));

    let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.of(&doc.text)).collect();
    for expected in
        ["Gen.", "Lobo", "'s", "4.5", "%", "did", "n\u{2019}t", "B.", "$", "3.2", "Co.", "U.S.-based", "Inc.", "a.m."]
    {
        assert!(words.contains(&expected), "missing token {expected:?} in {words:?}");
    }
    let kind_of = |w: &str| doc.tokens.iter().find(|t| t.span.of(&doc.text) == w).map(|t| t.kind);
    assert_eq!(kind_of("press@wirepost.example"), Some(TokenKind::Email));
    assert_eq!(kind_of("@wirepost_news"), Some(TokenKind::Handle));
    assert_eq!(kind_of("#portstrike"), Some(TokenKind::Hashtag));
    assert_eq!(kind_of("https://wirepost.example/strike?id=7"), Some(TokenKind::Url));
}

#[test]
fn one_paragraph_per_line_and_wrapped_quotes() {
    let text =
        "Mayor Ilse Varga said on Friday the bridge would reopen.\n\"It is safe,\" she said.\nCritics disagreed.";
    let doc = seg(text);
    check_invariants(&doc).unwrap();
    assert_eq!(paragraphs(&doc).len(), 3);
}

#[test]
fn sentences_stay_inside_paragraphs() {
    let doc = seg("No final stop here\n\nNor here\nAnd a third one.");
    check_invariants(&doc).unwrap();
    for p in &doc.paragraphs {
        for s in &doc.sentences[p.sentences.clone()] {
            assert!(s.span.start >= p.span.start && s.span.end <= p.span.end);
        }
    }
    assert_eq!(sentences(&doc), ["No final stop here", "Nor here", "And a third one."]);
}

#[test]
fn all_caps_headline_and_em_dash_dateline() {
    let doc =
        seg("FERRY SERVICE SUSPENDED AFTER STORM\nWASHINGTON \u{2014} The coast guard suspended ferries on Sunday.");
    check_invariants(&doc).unwrap();
    assert_eq!(
        paragraphs(&doc),
        ["FERRY SERVICE SUSPENDED AFTER STORM", "WASHINGTON \u{2014} The coast guard suspended ferries on Sunday."]
    );
    assert_eq!(
        sentences(&doc),
        ["FERRY SERVICE SUSPENDED AFTER STORM", "WASHINGTON \u{2014}", "The coast guard suspended ferries on Sunday."]
    );
}

#[test]
fn numbered_list_items_are_paragraphs_and_keep_their_number() {
    let doc = seg("The plan has three parts:\n1. Cut fares.\n2. Add buses.\n3. Fix roads.");
    check_invariants(&doc).unwrap();
    assert_eq!(paragraphs(&doc), ["The plan has three parts:", "1. Cut fares.", "2. Add buses.", "3. Fix roads."]);
    assert_eq!(doc.token_text(doc.sentences[1].tokens.start), "1.");
}

#[test]
fn a_quotation_running_over_paragraphs_keeps_one_paragraph_per_block() {
    let text = "\u{201C}We will rebuild the pier,\u{201D} said Odile Marchetti.\n\n\u{201C}It will take two years.\n\n\u{201C}And it will cost more than we hoped.\u{201D}";
    let doc = seg(text);
    check_invariants(&doc).unwrap();
    assert_eq!(doc.paragraphs.len(), 3);
    assert_eq!(sentences(&doc)[1], "\u{201C}It will take two years.");
}

#[test]
fn double_hyphen_and_spaced_hyphen_are_dashes() {
    let text = "The port--closed since May--reopened - finally.";
    let words: Vec<&str> = tokenize(text).iter().map(|t| t.span.of(text)).collect();
    assert_eq!(words, ["The", "port", "--", "closed", "since", "May", "--", "reopened", "-", "finally", "."]);
}

#[test]
fn emoji_cjk_and_controls_in_sentences() {
    let doc = seg("Fans cheered \u{1F389}\u{1F44F}\u{1F3FD}. Then they left.\u{0007} 東京で会議。次の日に帰国。");
    check_invariants(&doc).unwrap();
    assert_eq!(
        sentences(&doc),
        ["Fans cheered \u{1F389}\u{1F44F}\u{1F3FD}.", "Then they left.\u{0007}", "東京で会議。", "次の日に帰国。"]
    );
}

#[test]
fn straight_quotes_are_attached_to_the_right_sentence() {
    let doc = seg("He said \"no.\" She left. \"Why?\" he asked. It ended. \"Next,\" he said.");
    assert_eq!(
        sentences(&doc),
        ["He said \"no.\"", "She left.", "\"Why?\" he asked.", "It ended.", "\"Next,\" he said."]
    );
}

#[test]
fn hostile_inputs_keep_the_invariants() {
    let cases = [
        String::new(),
        " ".into(),
        "\"\"\"\"''''“”„‘’«»".into(),
        "a".repeat(100_000),
        "x.".repeat(10_000),
        "'s".repeat(5_000),
        "<p>Hello <b>world</b>!</p>\n<script>alert('x')</script>".into(),
        "\u{0}\u{1}\u{7f}\u{200B}\u{FEFF}\u{202E}abc".into(),
        "...........…………—————-----''''".into(),
        "\r\r\n\n\u{2028}\u{2029}\u{85}\u{b}\u{c}".into(),
        "https:// www. @ # $ % http://".into(),
        "a@b@c.d.e @@x ##y".into(),
        "🇫🇷🇫👨‍👩‍👧‍‍‍👍🏽\u{200D}\u{FE0F}".into(),
    ];
    for text in cases {
        let doc = seg(&text);
        if let Err(e) = check_invariants(&doc) {
            panic!("{e} for {:?}", text.chars().take(60).collect::<String>());
        }
    }
}

/// Inputs built to trip up rescanning: each must be handled in one pass (a quadratic
/// tokenizer would take minutes on these).
#[test]
fn pathological_inputs_are_linear() {
    let n = 400_000;
    let cases = [
        format!("{}@x.org", "a+".repeat(n / 2)),
        format!("{}@", "a.".repeat(n / 2)),
        "'a".repeat(n / 2),
        "x".repeat(n),
        format!("No.{}", " ".repeat(n)),
        "http://".repeat(n / 7),
        "@".repeat(n),
        "#a".repeat(n / 2),
        "\"".repeat(n),
        "\n".repeat(n),
        "A. ".repeat(n / 3),
        "\u{1F1EB}".repeat(n / 4),
        "\u{200D}".repeat(n / 3),
    ];
    for text in cases {
        let t0 = std::time::Instant::now();
        let doc = seg(&text);
        check_invariants(&doc).unwrap();
        let secs = t0.elapsed().as_secs_f64();
        assert!(secs < 20.0, "{secs:.1}s on {:?}...", text.chars().take(20).collect::<String>());
    }
}

proptest! {
    // 2000 cases by default; PROPTEST_CASES=100000 for a longer hunt.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000)))]

    #[test]
    fn invariants_hold_on_arbitrary_unicode(text in "\\PC*") {
        let doc = seg(&text);
        prop_assert_eq!(check_invariants(&doc), Ok(()));
    }

    #[test]
    fn invariants_hold_on_any_chars(text in proptest::collection::vec(any::<char>(), 0..200).prop_map(|v| v.into_iter().collect::<String>())) {
        let doc = seg(&text);
        prop_assert_eq!(check_invariants(&doc), Ok(()));
    }

    #[test]
    fn invariants_hold_on_news_like_alphabets(text in "([A-Za-z0-9]{1,6}|[ .,;:!?'\"()\\[\\]$%&@#/\\-]|[“”‘’«»„…—–•€\u{2029}\u{2028}\u{0}-\u{1f}]|\n|\n\n|  ){0,120}") {
        let doc = seg(&text);
        prop_assert_eq!(check_invariants(&doc), Ok(()));
    }

    #[test]
    fn segmentation_is_deterministic(text in "\\PC{0,300}") {
        let a = seg(&text);
        let b = seg(&text);
        prop_assert_eq!(&a.tokens, &b.tokens);
        prop_assert_eq!(&a.sentences, &b.sentences);
        prop_assert_eq!(&a.paragraphs, &b.paragraphs);
        prop_assert_eq!(tokenize(&text), a.tokens);
    }
}

/// Reads the CoNLL-2003 training file's sentences (first column only).
fn conll_sentences(path: &std::path::Path) -> Option<Vec<Vec<String>>> {
    let data = std::fs::read_to_string(path).ok()?;
    let docs = loupe::conll::documents(&data);
    Some(docs.iter().flatten().map(|s| s.iter().map(|r| r.word().to_string()).collect()).collect())
}

/// Skips a measurement whose data is missing, except on CI (`CI` set), where it fails.
fn missing(path: &std::path::Path) {
    assert!(std::env::var_os("CI").is_none(), "{} not found, and CI is set", path.display());
    eprintln!("skipped: {} not found", path.display());
}

/// Agreement with CoNLL-2003 tokenisation: each sentence's words joined by single spaces must
/// tokenize back into exactly those words. Measured on train, dev and test (printed); train
/// must reach 99%. Needs `../shared`.
#[test]
#[ignore = "measurement; needs ../shared/data/conll2003"]
fn conll_tokenisation_agreement() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/conll2003");
    for file in ["train.iob2", "dev.iob2", "test.iob2"] {
        let path = dir.join(file);
        let Some(sents) = conll_sentences(&path) else {
            missing(&path);
            continue;
        };
        let mut same = 0;
        let mut shown = 0;
        for words in &sents {
            let text = words.join(" ");
            let toks: Vec<&str> = tokenize(&text).iter().map(|t| t.span.of(&text)).collect();
            if toks.len() == words.len() && toks.iter().zip(words).all(|(a, b)| a == b) {
                same += 1;
            } else if shown < 15 && std::env::var_os("LOUPE_SHOW_MISMATCHES").is_some() {
                shown += 1;
                let diff: Vec<_> = toks.iter().filter(|t| !words.iter().any(|w| w == *t)).collect();
                eprintln!("MISMATCH {diff:?} in: {}", text.chars().take(160).collect::<String>());
            }
        }
        let pct = 100.0 * same as f64 / sents.len() as f64;
        println!("CoNLL-2003 {file}: {same}/{} sentences tokenised exactly as gold ({pct:.2}%)", sents.len());
        if file == "train.iob2" {
            assert!(pct >= 99.0, "agreement on {file} {pct:.2}% is below 99%");
        }
    }
}

/// Sentence boundaries against CoNLL-2003 documents whose sentences are joined by single
/// spaces (so line breaks give nothing away). Counted: gold boundaries after a sentence
/// ending in . ! ? where neither side is a quote mark (CoNLL's own splitter put opening quotes
/// at the end of the previous sentence, which we deliberately do not copy), and boundaries we
/// put where the gold has none. Needs `../shared`.
#[test]
#[ignore = "measurement; needs ../shared/data/conll2003"]
fn conll_sentence_boundaries() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/conll2003/dev.iob2");
    let Ok(data) = std::fs::read_to_string(&path) else {
        missing(&path);
        return;
    };
    let (mut gold_n, mut found, mut extra, mut ours_n) = (0, 0, 0, 0);
    for conll_doc in loupe::conll::documents(&data) {
        let sents: Vec<Vec<&str>> = conll_doc.iter().map(|s| s.iter().map(|r| r.word()).collect()).collect();
        let mut text = String::new();
        let mut starts = std::collections::HashSet::new();
        let mut scored = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            if k > 0 {
                text.push(' ');
                starts.insert(text.len());
                let prev = &sents[k - 1];
                let ends = matches!(prev.last().copied(), Some("." | "!" | "?"));
                if ends && s[0] != "\"" && prev.len() > 1 && prev[prev.len() - 2] != "\"" {
                    scored.push(text.len());
                }
            }
            text.push_str(&s.join(" "));
        }
        let doc = seg(&text);
        let ours: std::collections::HashSet<usize> = doc.sentences.iter().skip(1).map(|s| s.span.start).collect();
        ours_n += ours.len();
        gold_n += scored.len();
        found += scored.iter().filter(|b| ours.contains(b)).count();
        extra += ours.iter().filter(|b| !starts.contains(b)).count();
        if std::env::var_os("LOUPE_SHOW_MISMATCHES").is_some() {
            for b in ours.iter().filter(|b| !starts.contains(b)) {
                let before: String = text[..*b].chars().rev().take(50).collect::<Vec<_>>().into_iter().rev().collect();
                eprintln!("EXTRA …{before} ||| {}", text[*b..].chars().take(30).collect::<String>());
            }
        }
    }
    let recall = 100.0 * found as f64 / gold_n as f64;
    println!("CoNLL-2003 dev sentence ends: found {found}/{gold_n} ({recall:.2}%); {extra} of our {ours_n} boundaries are not in the gold");
    assert!(recall >= 97.0, "sentence-end recall {recall:.2}% is below 97%");
}

/// Throughput of `segment` (tokens, sentences, paragraphs) on hand-written news text. Run in
/// release mode; the pipeline floor is 100,000 words/s, the text layer aims at 2 million.
#[test]
#[ignore = "measurement; run with --release"]
fn throughput() {
    let mut text = String::new();
    while text.len() < 8_000_000 {
        text.push_str(ARTICLE);
        text.push_str("\n\n");
    }
    let words = text.split_whitespace().count();
    let mut doc = Document { text, ..Document::default() };
    segment(&mut doc); // warm-up
    let runs = 5;
    let t0 = std::time::Instant::now();
    for _ in 0..runs {
        segment(&mut doc);
    }
    let secs = t0.elapsed().as_secs_f64() / runs as f64;
    let tokens = doc.tokens.len();
    println!(
        "segment: {:.1} MB, {words} words, {tokens} tokens in {:.1} ms = {:.2} M words/s ({:.0} MB/s)",
        doc.text.len() as f64 / 1e6,
        secs * 1e3,
        words as f64 / secs / 1e6,
        doc.text.len() as f64 / secs / 1e6
    );
}

//! Times corrections and exports against plain `annotate`, so the cost of edits is measured,
//! not asserted: edits in place, the same edits after a paragraph is inserted above them (all
//! move), the worst case (edits whose text is nowhere: whole-text scans up to the budget), and
//! every export format.
//!
//!     cargo run --profile ci --example edits_time -- [COPIES]    # default 300 (~95 KB)
//!
//! The article is the invented fixture `tests/fixtures/edits/article.txt`, repeated.

use std::time::{Duration, Instant};

use loupe::edits::{anchor::anchor_of, Anchor, Edit};
use loupe::export::{export, Format};
use loupe::{annotate, annotate_with_edits, Label, Span};

const ARTICLE: &str = include_str!("../tests/fixtures/edits/article.txt");

/// The median of five runs of `f`.
fn median<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let copies: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(300);
    let text = ARTICLE.repeat(copies);
    let spans = |needle: &str| -> Vec<Span> {
        text.match_indices(needle).map(|(p, _)| Span::new(p, p + needle.len())).collect()
    };
    // One edit of each kind per copy: relabel, split, remove a quote, set a speaker.
    let mut edits = Vec::new();
    for (k, s) in spans("Lakeport").into_iter().enumerate() {
        edits.push(Edit::SetLabel { at: anchor_of(&text, s), label: if k % 2 == 0 { Label::ORG } else { Label::LOC } });
    }
    for s in spans("Okafor said") {
        edits.push(Edit::SplitEntity { at: anchor_of(&text, Span::new(s.start, s.start + 6)) });
    }
    for s in spans("\"I have heard that before,\"") {
        edits.push(Edit::RemoveQuote { at: anchor_of(&text, s) });
    }
    let plain = median(|| annotate(&text));
    let (doc, report) = annotate_with_edits(&text, &loupe::Options::default(), &edits);
    let in_place = median(|| annotate_with_edits(&text, &loupe::Options::default(), &edits));
    let changed = format!("A first paragraph the reader added.\n\n{text}");
    let (_, moved_report) = annotate_with_edits(&changed, &loupe::Options::default(), &report.applied);
    let moved = median(|| annotate_with_edits(&changed, &loupe::Options::default(), &report.applied));
    let nowhere: Vec<Edit> = (0..1000)
        .map(|i| {
            let t = format!("Nobody {i}");
            Edit::RemoveEntity {
                at: Anchor { start: 0, end: t.len(), text: t, before: String::new(), after: String::new() },
            }
        })
        .collect();
    let worst = median(|| annotate_with_edits(&text, &loupe::Options::default(), &nowhere));
    println!(
        "text {} KB, {} edits ({} applied, {} dropped)",
        text.len() / 1024,
        edits.len(),
        report.applied.len(),
        report.dropped.len()
    );
    println!("annotate                               {}", ms(plain));
    println!("annotate_with_edits, edits in place     {}", ms(in_place));
    println!("annotate_with_edits, all edits moved    {} ({} dropped)", ms(moved), moved_report.dropped.len());
    println!("annotate_with_edits, 1000 edits nowhere {}", ms(worst));
    for f in Format::ALL {
        let t = median(|| export(&doc, &report.applied, f, "a"));
        let bytes: usize = export(&doc, &report.applied, f, "a").iter().map(|f| f.content.len()).sum();
        println!("export {:<13} {:>9} ({} KB)", f.name(), ms(t), bytes / 1024);
    }
}

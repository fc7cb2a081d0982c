//! `annotate_with_progress` is the page's way to show how far a long text is: it must give the
//! very document `annotate` gives, and report every stage in order with entity blocks that only
//! move forward.

use loupe::{annotate, annotate_with_progress, Options, Progress, Stage};

/// An invented paragraph, repeated until the text has more tokens than one entity block.
fn long_text() -> String {
    let para = "Councillor Ines Varga said on Tuesday that the Harbour Trust of Eastmere would \
                close the old ferry pier. \u{201c}We waited long enough,\u{201d} she told the Eastmere \
                Gazette. Tomas Reyl, who runs a bakery near the pier, disagreed.\n\n";
    para.repeat(2500)
}

#[test]
fn progress_reports_every_stage_and_changes_nothing() {
    let text = long_text();
    let mut seen: Vec<Progress> = Vec::new();
    let doc = annotate_with_progress(&text, &Options::default(), &mut |p| seen.push(p));
    let plain = annotate(&text);
    assert_eq!(doc.entities, plain.entities);
    assert_eq!(doc.quotes, plain.quotes);
    assert_eq!(doc.clusters, plain.clusters);
    assert_eq!(doc.values, plain.values);

    let stages: Vec<Stage> = seen.iter().map(|p| p.stage).collect();
    let mut order = stages.clone();
    order.dedup();
    assert_eq!(order, [Stage::Text, Stage::Entities, Stage::Values, Stage::Quotes, Stage::Clusters], "{seen:?}");
    let blocks: Vec<&Progress> = seen.iter().filter(|p| p.stage == Stage::Entities && p.done > 0).collect();
    assert!(blocks.len() >= 2, "a text this long is tagged in several blocks: {seen:?}");
    assert!(blocks.windows(2).all(|w| w[0].done < w[1].done && w[0].total == w[1].total));
    let last = blocks.last().unwrap();
    assert_eq!(last.done, last.total);
    assert!(seen.iter().all(|p| p.done <= p.total));
}

#[test]
fn progress_on_empty_text() {
    let mut seen = Vec::new();
    let doc = annotate_with_progress("", &Options::default(), &mut |p| seen.push(p.stage));
    assert!(doc.entities.is_empty());
    assert_eq!(seen.first(), Some(&Stage::Text));
    assert_eq!(seen.last(), Some(&Stage::Clusters));
}

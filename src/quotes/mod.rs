//! Quotations and their speakers.
//!
//! Four steps, one module each:
//! 1. [`marks`] pairs quotation marks into candidates (straight, curly, guillemets, single
//!    marks outside double-quoted text as in UK style and US headlines; continuation over
//!    paragraph breaks; unclosed marks stop at their paragraph's end).
//! 2. [`attribute`] finds, for each candidate, the speech cue in its own sentence ([`cues`]
//!    holds the lexicon) and the speaker mention the cue attaches to.
//! 3. [`detect`] keeps the candidates that are speech (drops scare quotes, titles, nicknames).
//! 4. [`attribute::continue_speakers`] gives cue-less quotations the speaker before them.
//!
//! The module scans words itself ([`scan`]) so that attribution does not depend on the
//! tokenizer's conventions; it uses `doc.entities`, when present, to widen a speaker head to
//! the full name the recogniser found.
//!
//! Rules, not weights: measured figures, the command that produces them and the known
//! weaknesses are in `model/quotes.md`; `train/src/bin/train_quotes.rs` is the development harness.

mod attribute;
mod cues;
mod detect;
mod marks;
mod scan;

use crate::doc::{Document, Quote, Span};

/// Fills `doc.quotes` with the direct quotations of `doc.text`, in text order.
pub fn find(doc: &mut Document) {
    doc.quotes = quotations(&doc.text, doc);
}

fn quotations(text: &str, doc: &Document) -> Vec<Quote> {
    let pairs = marks::candidates(text);
    // Top-level candidates of both families (single-quoted ones lie outside double-quoted
    // ones by construction), sorted; the outer one wins where they overlap.
    let mut cands: Vec<marks::Pair> = Vec::new();
    for p in pairs.into_iter().filter(|p| p.depth == 0) {
        if cands.last().map_or(true, |l| p.start >= l.end) {
            cands.push(p);
        }
    }
    if cands.is_empty() {
        return Vec::new();
    }
    let toks = scan::scan(text);
    let frame = attribute::Frame::new(text, &toks, &cands);
    let mut kept = Vec::new();
    let mut found = Vec::new();
    for (ci, pair) in cands.iter().enumerate() {
        let f = frame.direct(ci);
        if detect::is_quotation(&frame, ci, pair, &f) {
            kept.push(ci);
            found.push(f);
        }
    }
    attribute::continue_speakers(&frame, &kept, &mut found);
    kept.iter()
        .zip(found)
        .map(|(&ci, f)| Quote {
            span: Span::new(cands[ci].start, cands[ci].end),
            speaker: f.speaker.map(|s| widen(doc, s)),
            cue: f.cue,
            cluster: None,
        })
        .collect()
}

/// Widens a speaker span to a recognised entity that overlaps it on the same line
/// ("Kerry" inside "John Kerry"). Entities are in text order, so a binary search finds the
/// few candidates.
fn widen(doc: &Document, s: Span) -> Span {
    let mut out = s;
    let ents = &doc.entities;
    let i = ents.partition_point(|e| e.span.start < s.end);
    for e in ents[..i].iter().rev().take(4) {
        let (a, b) = (e.span.start.min(s.start), e.span.end.max(s.end));
        let same_line = doc.text.get(a..b).is_some_and(|t| !t.contains('\n'));
        if e.span.start < s.end && s.start < e.span.end && same_line {
            out = Span::new(out.start.min(e.span.start), out.end.max(e.span.end));
        }
    }
    out
}

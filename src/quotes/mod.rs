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
//! Everything is read from the text layer: quote marks are its quote tokens, paired paragraph
//! by paragraph (a hard-wrapped quotation pairs across its line breaks); [`words`] merges its
//! tokens into the words attribution reasons about. `doc.entities`, when present, widen a
//! speaker head to the full name the recogniser found.
//!
//! Rules, not weights: measured figures, the command that produces them and the known
//! weaknesses are in `model/quotes.md`; `train/src/bin/train_quotes.rs` is the development harness.

mod attribute;
mod cues;
mod detect;
mod marks;
mod words;

use crate::doc::{Document, Quote, Span};

/// Fills `doc.quotes` with the direct quotations of `doc.text`, in text order.
pub fn find(doc: &mut Document) {
    doc.quotes = quotations(doc);
}

fn quotations(doc: &Document) -> Vec<Quote> {
    let pairs = marks::candidates(doc);
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
    let words = words::words(doc);
    let frame = attribute::Frame::new(doc, &words, &cands);
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

/// Widens a speaker span to a recognised entity that overlaps it in the same paragraph
/// ("Kerry" inside "John Kerry"). Entities are in text order, so a binary search finds the
/// few candidates.
fn widen(doc: &Document, s: Span) -> Span {
    let mut out = s;
    let ents = &doc.entities;
    let i = ents.partition_point(|e| e.span.start < s.end);
    let para = doc.paragraph_of(doc.token_at(s.start));
    for e in ents[..i].iter().rev().take(4) {
        let same_para =
            doc.paragraph_of(e.tokens.start) == para && doc.paragraph_of(e.tokens.end.saturating_sub(1)) == para;
        if e.span.start < s.end && s.start < e.span.end && same_para {
            out = Span::new(out.start.min(e.span.start), out.end.max(e.span.end));
        }
    }
    out
}

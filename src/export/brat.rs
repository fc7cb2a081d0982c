//! brat standoff export: `.txt` (the text), `.ann` (the annotations) and `annotation.conf`
//! (the types, so a brat server loads the files as they are).
//!
//! Why these choices:
//! - entities are T lines of their type; values (dates, amounts, numbers) T lines of their
//!   OntoNotes type (`DATE`, `MONEY`, …), each followed by an `AnnotatorNotes` line (`#1\t
//!   AnnotatorNotes T7\t2000000000 EUR`, [`super::normal::describe`]) when it has a normalised
//!   value — brat shows the note with the span; quotations T lines of type `Quotation`; a speaker
//!   mention that is no entity ("he", "the spokesman") and every cue get a T line of type
//!   `Mention` / `Cue`; `R` lines link a quotation (`Arg1`) to its speaker (`Arg2`, relation
//!   `Speaker`) and to its cue (relation `HasCue`);
//! - offsets are Unicode code points (brat is Python and reads the `.txt` as UTF-8 without
//!   newline translation);
//! - a span that crosses a line break (or a tab) is written as fragments (`0 5;6 12`), as brat requires,
//!   with the fragments' text joined by a space;
//! - entity groups are not written: brat has no standard for them, and the JSON export keeps
//!   them. Overlaps (an entity inside a quotation) are allowed by the `<OVERLAP>` line.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::doc::{Document, Span};
use crate::view::{OffsetMap, Unit};

/// The `annotation.conf` matching [`ann`].
pub const CONF: &str = "\
[entities]
PER
ORG
LOC
MISC
DATE
TIME
MONEY
PERCENT
QUANTITY
CARDINAL
ORDINAL
Quotation
Mention
Cue

[relations]
Speaker\tArg1:Quotation, Arg2:PER|ORG|LOC|MISC|Mention
HasCue\tArg1:Quotation, Arg2:Cue
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
";

/// The `.ann` file for `doc` (its `.txt` is `doc.text` as is).
pub fn ann(doc: &Document) -> String {
    let map = OffsetMap::new(&doc.text, Unit::CodePoint);
    let mut out = String::new();
    let mut t = 0usize;
    let mut line = |out: &mut String, ty: &str, s: Span| {
        t += 1;
        let (offsets, text) = fragments(&doc.text, s, &map);
        let _ = writeln!(out, "T{t}\t{ty} {offsets}\t{text}");
        t
    };
    let mut entity_t: HashMap<Span, usize> = HashMap::new();
    for e in &doc.entities {
        let id = line(&mut out, e.label.as_str(), e.span);
        entity_t.insert(e.span, id);
    }
    let mut notes = 0usize;
    for v in &doc.values {
        let id = line(&mut out, v.label.as_str(), v.span);
        let note = v.normal.as_ref().map(super::normal::describe).unwrap_or_default();
        if !note.is_empty() {
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{id}\t{note}");
        }
    }
    let mut relations = Vec::new();
    for q in &doc.quotes {
        let quote = line(&mut out, "Quotation", q.span);
        if let Some(s) = q.speaker.filter(|s| !s.is_empty()) {
            let speaker = match entity_t.get(&s) {
                Some(&id) => id,
                None => line(&mut out, "Mention", s),
            };
            relations.push(("Speaker", quote, speaker));
        }
        if let Some(c) = q.cue.filter(|s| !s.is_empty()) {
            let cue = line(&mut out, "Cue", c);
            relations.push(("HasCue", quote, cue));
        }
    }
    for (r, (ty, a, b)) in relations.into_iter().enumerate() {
        let _ = writeln!(out, "R{}\t{ty} Arg1:T{a} Arg2:T{b}", r + 1);
    }
    out
}

/// The span's offsets as brat fragments (split at line breaks, white space around them left
/// out) and the fragments' text joined by a space.
fn fragments(text: &str, s: Span, map: &OffsetMap) -> (String, String) {
    let mut offsets = Vec::new();
    let mut texts = Vec::new();
    let mut at = s.start;
    for piece in s.of(text).split(['\n', '\r', '\t']) {
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if !body.is_empty() {
            let start = at + lead;
            let (a, b) = map.span(Span::new(start, start + body.len()));
            offsets.push(format!("{a} {b}"));
            texts.push(body);
        }
        at += piece.len() + 1;
    }
    (offsets.join(";"), texts.join(" "))
}

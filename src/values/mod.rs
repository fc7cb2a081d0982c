//! The values stage: dates, times, money, percentages, quantities, cardinals and ordinals,
//! with the OntoNotes 5.0 types and span conventions, each with its normalised value.
//!
//! It runs after the entity recogniser and reads only the text layer (tokens, their lowercase
//! forms and flags, sentences) and the entities: a value never overlaps an entity, so a number
//! inside a name ("Apollo 11", "Windows 10") is left to the name, and a bare number right
//! after a capitalised name word is taken as part of a name too ("Route 66"). Everything is
//! rules over the lexicon's lists ([`crate::lexicon`]); no regular expressions, no model.
//!
//! Modules: [`numbers`](self) reads numbers, `numeric` the values that start with one,
//! `dates` the date and time patterns, `scan` runs them left to right, `resolve` settles
//! relative dates, `calendar` is the civil-date arithmetic, `normal` the value's shape.
//!
//! # Span conventions (OntoNotes, and the choices where its guidelines leave room)
//!
//! - **Hedges are inside**: "about 20 kilograms", "more than $5 million", "up to 30%",
//!   "an estimated 5,000" (the value says `approx` or `bound`).
//! - **Prepositions are outside**: "in 2014" → "2014"; "late on Thursday" → "Thursday" (what
//!   spaCy's OntoNotes-trained model does; the values test set now agrees); but
//!   "between 2010 and 2014" is one DATE with "between" (a range, as OntoNotes marks it), and
//!   "2010 to 2014" one DATE without the "from" before it.
//! - **"the" is inside only where OntoNotes keeps it**: decades and centuries ("the 1970s",
//!   "the 21st century"), quarters and halves ("the first quarter"), spans of time counted
//!   back or forward ("the past two years", "the next decade", "the previous month"), seasons
//!   ("the spring", "the summer of 2025"; not "the fall", more often a drop), parts of a
//!   period ("the end of 2027", "the start of the year") and periods anchored to a date ("the
//!   three months to January"). Elsewhere it is outside ("the [first] time").
//! - **Hedges of a point in time** ("shortly after midnight", "just before 11 p.m.") are
//!   inside, like the other hedges; "fiscal" is inside a fiscal year ("fiscal 2026"), and
//!   "earlier"/"later" inside a span counted from an event ("a year earlier", "seven hours
//!   later"), but not a comparative of the verb ("six months later than planned").
//! - **Period modifiers are inside**: "early 2015", "late Thursday", "the mid 1990s",
//!   "mid-2015" (the value's `modifier` says `start`, `end` or `mid`); with a preposition
//!   between them they are not ("late on Thursday" → "Thursday").
//! - **Weekday + part of day** ("Monday morning", "yesterday afternoon", "this morning",
//!   "last night", "tonight") is one TIME; a weekday alone is a DATE; "Thursday, March 3,
//!   2016" is one DATE.
//! - **Durations**: date-sized units ("six months", "two decades", "a year ago") are DATE,
//!   shorter ones ("two hours", "30 minutes") TIME, and "two hours, 21 minutes and 9 seconds"
//!   is one; "a"/"an" + unit counts before "ago"/"earlier"/"later" ("a year ago") and for units
//!   that are not rates ("a fortnight", "a decade", "a century"), since "a day" is often a rate.
//! - **Ages** are DATE, with or without the unit: "31-year-old", "31 years old", "Raman, 38,"
//!   (in commas after a person's name or a noun for a person), "aged 16 to 24", "voters under
//!   30" (the hedge inside, after a word for people), "in their forties".
//! - **Fractions** are CARDINAL: "half" (not "the first half"), "a third of", "three
//!   quarters", "9 1/2"; "half an hour" and "half a metre" take the unit's type.
//! - **"the first half" alone is an ORDINAL** (of a match as often as of a year); with "of"
//!   and a year it is a DATE ("the first half of 2026").
//! - **Hyphenated adjectives** keep their type: "10-mile" QUANTITY, "five-year" DATE,
//!   "two-hour" TIME, "12-percent" PERCENT.
//! - **Years**: a bare four-digit number 1000–2100 is a DATE after a date word ("in",
//!   "since", "fiscal", a month…) or when no word follows it ("in 2014,"; "2014 and 2015");
//!   otherwise it is a CARDINAL ("2000 people").
//! - **Money**: a currency sign or capitalised ISO code before the amount, or a currency word
//!   after it ("5,000 yuan", "40 rupees"); "$40m" and "£2bn" are millions and billions;
//!   "pounds" is money only after a scale word ("3 million pounds") and a weight otherwise.
//! - **Numbers**: "one in five" is one CARDINAL (a ratio); "half a dozen", "tens of
//!   thousands", "thousands" are CARDINAL; spelled-out fractions ("three-quarters") too.
//!   "May" and "March" need a day or year after them, or a date word before them.
//! - **Recogniser mistakes inside a value**: a one-token entity that is a currency sign before
//!   a number ("C$450"), a time zone after a clock time ("14:00 GMT"), a temperature scale
//!   after "degrees" or "mid-" and a month ("mid-April") does not block the value, and is
//!   dropped when a value covers it. Every other entity blocks values.
//! - **Length cap**: no pattern reads more than [`scan::MAX_TOKENS`] tokens, and none crosses
//!   a sentence or an entity, which keeps the stage linear on any input.

mod calendar;
mod dates;
mod normal;
mod numbers;
mod numeric;
mod resolve;
mod scan;

pub use calendar::Date;
pub use normal::{Kind, Normal, Original};

use crate::doc::Document;

/// Finds the values in `doc` (which must have its text layer and entities) and resolves the
/// relative ones against `reference`, or, when that is `None`, against the article's dateline
/// if it has one. Writes `doc.values`, and drops the few one-token entities that are part of
/// a value the recogniser misread ("C$" in "C$450", "GMT" after a clock time; see
/// `scan::yields`).
///
/// ```
/// let doc = loupe::annotate("The council spent $3.5 million in 2014.");
/// let values: Vec<(&str, &str)> =
///     doc.values.iter().map(|v| (v.span.of(&doc.text), v.label.as_str())).collect();
/// assert_eq!(values, [("$3.5 million", "MONEY"), ("2014", "DATE")]);
/// ```
pub fn find(doc: &mut Document, reference: Option<Date>) {
    let found = scan::scan(doc);
    let reference = reference.or_else(|| resolve::dateline(doc, &found));
    doc.values = found
        .into_iter()
        .map(|(mut value, anchor, tail)| {
            if let (Some(anchor), Some(r), Some(normal)) = (anchor, reference, value.normal.as_mut()) {
                if let Some(iso) = resolve::resolve(anchor, r, tail) {
                    normal.iso = Some(iso);
                }
            }
            value
        })
        .collect();
    // An entity the scanner read through (see `scan::yields`) goes when a value covers it.
    let covered: Vec<bool> = doc
        .entities
        .iter()
        .map(|e| {
            let k = doc.values.partition_point(|v| v.tokens.end <= e.tokens.start);
            scan::yields(doc, e) && doc.values.get(k).is_some_and(|v| v.tokens.start < e.tokens.end)
        })
        .collect();
    let mut covered = covered.into_iter();
    doc.entities.retain(|_| !covered.next().unwrap_or(false));
}

#[cfg(test)]
mod tests;

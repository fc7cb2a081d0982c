//! The scanner: one left-to-right pass over each sentence's tokens that tries the value
//! patterns at every token outside an entity, keeps the first match and jumps past it.
//!
//! Why this shape: a token-level scanner over the lexicon is all the stage needs (no regular
//! expressions in the bundle), and it is linear by construction: every pattern reads at most
//! [`MAX_TOKENS`] tokens from where it starts, through [`Cx`], which also stops it at the end
//! of the sentence and before any entity, so a value can never overlap a name.

use super::normal::{Kind, Normal};
use super::{dates, numeric};
use crate::doc::{Document, Flags, Span, Value, ValueLabel};
use crate::lexicon::{self, Hedge};

/// The longest value expression, in tokens ("between about $3.5 million and $4 million" fits).
pub(super) const MAX_TOKENS: usize = 14;

/// What a pattern reads: the document's tokens from the sentence start up to a limit.
pub(super) struct Cx<'d> {
    pub doc: &'d Document,
    /// First token of the sentence (look-behinds stop here).
    pub start: usize,
    /// No pattern reads at or past this token.
    pub limit: usize,
}

impl<'d> Cx<'d> {
    /// The lowercase form of token `j`, or "" outside the window (which matches nothing).
    pub fn lower(&self, j: usize) -> &'d str {
        if j < self.limit {
            self.doc.lower(j)
        } else {
            ""
        }
    }

    /// The lowercase form of the token before `j` in the sentence, or "".
    pub fn before(&self, j: usize) -> &'d str {
        if j > self.start && j <= self.limit {
            self.doc.lower(j - 1)
        } else {
            ""
        }
    }

    /// The flags of token `j` (no flags outside the window).
    pub fn flags(&self, j: usize) -> Flags {
        if j < self.limit {
            self.doc.tokens[j].flags
        } else {
            Flags::default()
        }
    }

    /// Token `j` exists in the window and starts with a capital letter.
    pub fn capitalised(&self, j: usize) -> bool {
        self.flags(j).has(Flags::INIT_CAP)
    }
}

/// A deictic anchor: what a relative date is relative to, for [`super::resolve`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Anchor {
    /// `n` days from the reference ("yesterday" = -1).
    Days(i64),
    /// The week `n` weeks from the reference's ("last week" = -1).
    Weeks(i64),
    /// The month `n` months from the reference's.
    Months(i64),
    /// The year `n` years from the reference's.
    Years(i64),
    /// The last such ISO weekday (1 = Monday) on or before the reference.
    Weekday(u8),
    /// Month and day without a year: the reference's year.
    MonthDay(u8, u8),
    /// A month without a year: the reference's year.
    Month(u8),
}

/// A match of one pattern, from the token it was tried at.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    /// The token after the match.
    pub end: usize,
    /// Its type.
    pub label: ValueLabel,
    /// Its normalised value, before resolution against the reference date.
    pub normal: Option<Normal>,
    /// It starts with a number or currency, so a hedge before it belongs to it.
    pub numeric: bool,
    /// OntoNotes keeps "the" before it ("the 1970s", "the past two years").
    pub takes_the: bool,
    /// What a relative date is relative to.
    pub anchor: Option<Anchor>,
    /// A TIMEX3 time suffix to append to the resolved date ("TMO" for a morning).
    pub tail: Option<&'static str>,
}

impl Found {
    /// A match ending before token `end`.
    pub fn new(end: usize, label: ValueLabel, normal: Option<Normal>) -> Found {
        Found { end, label, normal, numeric: false, takes_the: false, anchor: None, tail: None }
    }

    /// The same match, marked as starting with a number.
    pub fn numeric(mut self) -> Found {
        self.numeric = true;
        self
    }
}

/// Finds every value in `doc`, in text order, outside entities, each with the anchor its
/// resolution needs.
pub(super) fn scan(doc: &Document) -> Vec<(Value, Option<Anchor>, Option<&'static str>)> {
    let n = doc.tokens.len();
    let mut blocked = vec![false; n];
    for e in doc.entities.iter().filter(|e| !yields(doc, e)) {
        for t in e.tokens.clone().filter(|&t| t < n) {
            blocked[t] = true;
        }
    }
    // next_blocked[i]: the first entity token at or after i (n if none).
    let mut next_blocked = vec![n; n + 1];
    for i in (0..n).rev() {
        next_blocked[i] = if blocked[i] { i } else { next_blocked[i + 1] };
    }
    let mut out = Vec::new();
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end.min(n) {
            if blocked[i] || !could_start(doc, i) {
                i += 1;
                continue;
            }
            let limit = s.tokens.end.min(next_blocked[i]).min(i + MAX_TOKENS);
            let cx = Cx { doc, start: s.tokens.start, limit };
            match at(&cx, i).filter(|f| f.end > i && f.end <= limit) {
                Some(f) => {
                    let span = Span::new(doc.tokens[i].span.start, doc.tokens[f.end - 1].span.end);
                    let value = Value { span, label: f.label, tokens: i..f.end, normal: f.normal };
                    out.push((value, f.anchor, f.tail));
                    i = f.end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Whether entity `e` is a recogniser's mistake that a value settles: one token that is a
/// currency sign before a number ("C$" in "C$450"), a time zone after a clock time ("GMT"),
/// a temperature scale after "degrees" ("Celsius"), "mid-" and a month ("mid-April"), or a
/// currency word written in lower case after "a" or a number ("a euro", "40 euros"). The
/// scanner reads through such an entity, and [`super::find`] drops it when a value covers it.
pub(super) fn yields(doc: &Document, e: &crate::doc::Entity) -> bool {
    let t = e.tokens.start;
    if e.tokens.len() != 1 || t >= doc.tokens.len() {
        return false;
    }
    let w = doc.lower(t);
    let digit = |j: usize| j < doc.tokens.len() && doc.tokens[j].flags.has(Flags::HAS_DIGIT);
    (lexicon::currency_sign(w).is_some() && digit(t + 1))
        || (t > 0 && lexicon::time_zone(w.trim_end_matches('.')).is_some() && digit(t - 1))
        || (t > 0
            && matches!(w, "celsius" | "fahrenheit" | "centigrade")
            && matches!(doc.lower(t - 1), "degree" | "degrees"))
        || w.strip_prefix("mid-").is_some_and(|m| lexicon::month_number(m).is_some())
        || (t > 0
            && !doc.tokens[t].flags.has(Flags::INIT_CAP)
            && lexicon::currency_word(w).is_some()
            && (doc.lower(t - 1) == "a" || digit(t - 1)))
}

/// Whether a value can start at token `i`: one lookup that spares most words the patterns.
fn could_start(doc: &Document, i: usize) -> bool {
    let f = doc.tokens[i].flags;
    if f.has(Flags::HAS_DIGIT) || f.has(Flags::INIT_CAP) {
        return true;
    }
    let w = doc.lower(i);
    if !f.has(Flags::HAS_LETTER) {
        return lexicon::currency_sign(w).is_some();
    }
    lexicon::is_value_starter(w.split('-').next().unwrap_or(w)) || lexicon::currency_sign(w).is_some()
}

/// The value starting at token `i`, hedges, "between … and …" and ranges included.
fn at(cx: &Cx, i: usize) -> Option<Found> {
    if let Some((hedge, k)) = lexicon::hedge((i..i + 3).map(|j| cx.lower(j))) {
        // "over two decades" is a period, not "more than" one: "over" and "under" hedge
        // amounts only.
        let amount_only = k == 1 && matches!(cx.lower(i), "over" | "under");
        // "shortly after midnight", "just before dawn": these hedge a point in time, which
        // need not start with a number.
        let temporal = k == 2 && matches!(cx.lower(i + 1), "after" | "before");
        let fits = |f: &Found| {
            (f.numeric || (temporal && f.label == ValueLabel::TIME))
                && !(amount_only
                    && matches!(f.label, ValueLabel::DATE | ValueLabel::TIME)
                    && !f.normal.as_ref().is_some_and(|n| n.kind == Kind::Age))
        };
        if let Some(mut f) = ranged(cx, i + k).filter(fits) {
            if let Some(n) = f.normal.as_mut() {
                match hedge {
                    Hedge::Approx => n.approx = true,
                    Hedge::Lower => n.bound = Some("lower"),
                    Hedge::Upper => n.bound = Some("upper"),
                }
            }
            return Some(f);
        }
    }
    if cx.lower(i) == "between" {
        let a = core(cx, i + 1)?;
        if cx.lower(a.end) != "and" {
            return None;
        }
        let b = core(cx, a.end + 1)?;
        return range(a, b);
    }
    if cx.lower(i) == "the" {
        if let Some(f) = part_of_period(cx, i) {
            return Some(f);
        }
        // "the" starts nothing on its own: only a value that keeps it.
        if i + 1 >= cx.limit || !could_start(cx.doc, i + 1) {
            return None;
        }
        return modified(cx, i + 1).filter(|f| f.takes_the);
    }
    modified(cx, i)
}

/// "the end of 2027", "the start of the year", "the middle of the decade": a part of a
/// period is one DATE with the period ("the" at `i`). The period is a date value, or "the"
/// and a date-sized unit of time in the singular.
fn part_of_period(cx: &Cx, i: usize) -> Option<Found> {
    let modifier = match cx.lower(i + 1) {
        "start" | "beginning" => "start",
        "middle" => "mid",
        "end" => "end",
        _ => return None,
    };
    if cx.lower(i + 2) != "of" {
        return None;
    }
    let j = i + 3;
    let mut f = if cx.lower(j) == "the" {
        match lexicon::time_unit(cx.lower(j + 1)) {
            Some((_, _, true)) if !cx.lower(j + 1).ends_with('s') => Found::new(j + 2, ValueLabel::DATE, None),
            _ => modified(cx, j + 1).filter(|f| f.takes_the)?,
        }
    } else {
        modified(cx, j)?
    };
    if f.label != ValueLabel::DATE || matches!(f.normal.as_ref().map(|n| n.kind), Some(Kind::Duration | Kind::Age)) {
        return None;
    }
    if let Some(n) = f.normal.as_mut() {
        n.modifier = Some(modifier);
    }
    f.numeric = false;
    f.takes_the = true;
    Some(f)
}

/// A value at `i`, with "early", "late" or "mid" before a date or time ("early 2015", "late
/// Thursday", "the mid 1990s") kept inside it as its `modifier`.
fn modified(cx: &Cx, i: usize) -> Option<Found> {
    let modifier = match cx.lower(i) {
        "early" => "start",
        "mid" => "mid",
        "late" => "end",
        _ => return ranged(cx, i),
    };
    // "late in the evening", "early in the afternoon": a part of the day.
    if cx.lower(i + 1) == "in" && cx.lower(i + 2) == "the" {
        let code = lexicon::part_of_day(cx.lower(i + 3)).filter(|_| modifier != "mid")?;
        let mut normal = Normal::iso(Kind::Time, format!("T{code}"));
        normal.modifier = Some(modifier);
        return Some(Found::new(i + 4, ValueLabel::TIME, Some(normal)));
    }
    let mut f = ranged(cx, i + 1)?;
    let kind = f.normal.as_ref().map(|n| n.kind);
    if !matches!(f.label, ValueLabel::DATE | ValueLabel::TIME) || matches!(kind, Some(Kind::Duration | Kind::Age)) {
        return None;
    }
    if let Some(n) = f.normal.as_mut() {
        n.modifier = Some(modifier);
    }
    Some(f)
}

/// A value at `i`, extended to a range "X to Y" / "X-Y" when one follows.
fn ranged(cx: &Cx, i: usize) -> Option<Found> {
    let a = core(cx, i)?;
    // "2 percentage points to 18 per cent" is a change and a rate, not a range.
    let points = |f: &Found| f.label == ValueLabel::PERCENT && matches!(cx.lower(f.end - 1), "point" | "points");
    if matches!(cx.lower(a.end), "to" | "-" | "through") {
        let b = core(cx, a.end + 1).filter(|b| points(b) == points(&a) || a.label != ValueLabel::PERCENT);
        if let Some(r) = b.and_then(|b| range(a.clone(), b)) {
            return Some(r);
        }
    }
    Some(a)
}

/// One value at `i`: a date or time word pattern, else a pattern starting with a number.
fn core(cx: &Cx, i: usize) -> Option<Found> {
    dates::at(cx, i).or_else(|| numeric::at(cx, i))
}

/// "X to Y" or "between X and Y" as one value: same types, or a bare number before an amount
/// that gives it its unit ("5 to 10 percent").
fn range(a: Found, b: Found) -> Option<Found> {
    use ValueLabel::*;
    // "the three months to January": a period anchored to a date keeps its "the".
    let anchored = a.label == DATE
        && a.normal.as_ref().is_some_and(|n| n.kind == Kind::Duration)
        && b.normal.as_ref().is_some_and(|n| n.kind == Kind::Date);
    let label = match (a.label, b.label) {
        (x, y) if x == y && !matches!(x, ORDINAL) => x,
        (CARDINAL, y @ (MONEY | PERCENT | QUANTITY)) => y,
        // "aged 16 to 24": the first number is an age, the second takes its type.
        (DATE, CARDINAL) if a.normal.as_ref().is_some_and(|n| n.kind == Kind::Age) => DATE,
        _ => return None,
    };
    let normal = match (a.normal, b.normal) {
        (Some(x), Some(y)) => match (x.value, y.value, x.iso, y.iso) {
            // "46 percent to 42 percent" is a score, not a range.
            (Some(lo), Some(hi), _, _) if lo >= hi => return None,
            (Some(lo), Some(hi), _, _) => {
                // "5 to 10 miles": the first number is in the second's unit before conversion.
                let factor = match (&y.original, x.kind == Kind::Number) {
                    (Some(o), true) if o.value != 0.0 => hi / o.value,
                    _ => 1.0,
                };
                let kind = if x.kind == Kind::Age { Kind::Age } else { y.kind };
                Some(Normal { value: None, min: Some(lo * factor), max: Some(hi), iso: None, kind, ..y })
            }
            (_, _, Some(lo), Some(hi)) => Some(Normal { iso: Some(format!("{lo}/{hi}")), relative: None, ..y }),
            _ => None,
        },
        _ => None,
    };
    Some(Found { label, normal, anchor: None, tail: None, ..b }).map(|mut f| {
        f.numeric = a.numeric;
        f.takes_the = anchored;
        f
    })
}

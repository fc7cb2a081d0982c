//! Placing an edit on the current text: where does the text it applies to lie now?
//!
//! Why: corrections persist per article, and the reader may change the article after making
//! them. An edit keeps the text it applies to (and a little context); when its offsets no
//! longer hold that text, it moves to the best occurrence of the same text — one on word
//! boundaries, with the most context in common, nearest to where it was expected — and when the
//! text is gone it cannot be placed, so the caller drops it rather than guess.
//!
//! Where to look: first at its offsets (the text and its context must be there); then where the previous moved edit says it went (text
//! inserted above shifts every later edit alike); then within [`WINDOW`] bytes of there; only
//! then in the whole text.
//!
//! Cost: the first three steps are O(its length + [`WINDOW`]) per edit. A whole-text scan is
//! linear, and at most [`MAX_SEARCHES`] are made per call, so the step is linear in the text
//! for any edit list (an edit that would need one more scan is dropped, saying so).

use super::Anchor;
use crate::doc::Span;

/// Characters of context kept on each side of an edit's text.
pub const CONTEXT: usize = 24;
/// Full-text searches allowed per call (see the module doc).
pub const MAX_SEARCHES: usize = 256;
/// Bytes either side of the expected place searched before the whole text.
pub const WINDOW: usize = 4096;

/// Places anchors on one text, remembering how far the last moved one shifted.
pub struct Anchorer<'t> {
    text: &'t str,
    searches: usize,
    shift: isize,
}

impl<'t> Anchorer<'t> {
    /// An anchorer for `text`.
    pub fn new(text: &'t str) -> Anchorer<'t> {
        Anchorer { text, searches: 0, shift: 0 }
    }

    /// Where `a` lies in the text now, or why it cannot be placed.
    pub fn place(&mut self, a: &Anchor) -> Result<Span, String> {
        let text = self.text;
        if a.text.is_empty() {
            return Err("the edit has no text to apply to".into());
        }
        if a.start <= a.end && holds(text, a.start, a) {
            return Ok(Span::new(a.start, a.end));
        }
        // Where the last moved edit says this one should be now.
        let expected = (a.start as isize).saturating_add(self.shift).max(0) as usize;
        let len = a.text.len();
        if holds(text, expected, a) {
            return Ok(self.found(a, expected));
        }
        // Near there first (bounded work per edit), then the whole text (budgeted).
        let lo = floor_boundary(text, expected.saturating_sub(WINDOW));
        let hi = floor_boundary(text, expected.saturating_add(WINDOW + len).min(text.len()));
        if let Some(p) = best(text, lo, hi, a, expected) {
            return Ok(self.found(a, p));
        }
        if self.searches >= MAX_SEARCHES {
            return Err(format!(
                "too many edits moved far at once (more than {MAX_SEARCHES}); “{}” was not looked for",
                short(&a.text)
            ));
        }
        self.searches += 1;
        match best(text, 0, text.len(), a, expected) {
            Some(p) => Ok(self.found(a, p)),
            None => Err(format!("“{}” is no longer in the text", short(&a.text))),
        }
    }

    fn found(&mut self, a: &Anchor, p: usize) -> Span {
        self.shift = p as isize - a.start as isize;
        Span::new(p, p + a.text.len())
    }

    /// The anchor of `span` on the current text, with its context.
    pub fn anchor(&self, span: Span) -> Anchor {
        anchor_of(self.text, span)
    }
}

/// The anchor of `span` in `text`: its offsets, its text and up to [`CONTEXT`] chars each side.
pub fn anchor_of(text: &str, span: Span) -> Anchor {
    let before = &text[..span.start];
    let from = before.char_indices().rev().take(CONTEXT).last().map_or(span.start, |(b, _)| b);
    let after = &text[span.end..];
    let to = after.char_indices().nth(CONTEXT).map_or(text.len(), |(b, _)| span.end + b);
    Anchor {
        start: span.start,
        end: span.end,
        text: span.of(text).to_string(),
        before: text[from..span.start].to_string(),
        after: text[span.end..to].to_string(),
    }
}

/// The best occurrence of `a.text` inside `text[lo..hi]`: on word boundaries first, then with
/// the most context in common, then nearest to `expected`.
fn best(text: &str, lo: usize, hi: usize, a: &Anchor, expected: usize) -> Option<usize> {
    text[lo..hi]
        .match_indices(a.text.as_str())
        .map(|(p, _)| {
            let p = lo + p;
            let end = p + a.text.len();
            let aligned = !text[..p].chars().next_back().is_some_and(char::is_alphanumeric)
                && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
            let context = common_suffix(&a.before, &text[..p]) + common_prefix(&a.after, &text[end..]);
            (p, (aligned, context, std::cmp::Reverse(p.abs_diff(expected))))
        })
        .max_by_key(|&(_, score)| score)
        .map(|(p, _)| p)
}

/// Whether `a.text` is at `p`, with all of its context (what the edit knows of it) around it.
fn holds(text: &str, p: usize, a: &Anchor) -> bool {
    let end = p.saturating_add(a.text.len());
    text.get(p..end) == Some(a.text.as_str())
        && common_suffix(&a.before, &text[..p]) == a.before.chars().count().min(CONTEXT)
        && common_prefix(&a.after, &text[end..]) == a.after.chars().count().min(CONTEXT)
}

/// The char boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Chars that `ctx` and `text` share at their ends (at most [`CONTEXT`] compared).
fn common_suffix(ctx: &str, text: &str) -> usize {
    ctx.chars().rev().zip(text.chars().rev()).take(CONTEXT).take_while(|(a, b)| a == b).count()
}

/// Chars that `ctx` and `text` share at their starts (at most [`CONTEXT`] compared).
fn common_prefix(ctx: &str, text: &str) -> usize {
    ctx.chars().zip(text.chars()).take(CONTEXT).take_while(|(a, b)| a == b).count()
}

/// The first 40 chars of `s`, for messages.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(start: usize, t: &str) -> Anchor {
        Anchor { start, end: start + t.len(), text: t.into(), before: String::new(), after: String::new() }
    }

    #[test]
    fn unchanged_offsets_hold() {
        let mut a = Anchorer::new("Ada met Bo.");
        assert_eq!(a.place(&at(8, "Bo")), Ok(Span::new(8, 10)));
    }

    #[test]
    fn moved_text_goes_to_the_nearest_word_occurrence() {
        let text = "Bob. Lobo met Bo, and Bo left.";
        let mut a = Anchorer::new(text);
        // Expected at 16: "Bo" inside "Bob" and "Lobo" are not on word boundaries.
        assert_eq!(a.place(&at(16, "Bo")), Ok(Span::new(14, 16)));
    }

    #[test]
    fn context_decides_between_occurrences() {
        let text = "Bo ran. Then Bo sat.";
        let mut a = Anchorer::new(text);
        let mut anchor = at(0, "Bo");
        anchor.start = 1;
        anchor.end = 3;
        anchor.before = "Then ".into();
        assert_eq!(a.place(&anchor), Ok(Span::new(13, 15)));
    }

    #[test]
    fn the_same_text_at_the_old_offsets_without_its_context_is_not_taken() {
        // "Bo" moved 6 bytes on; another "Bo" now sits at its old offsets.
        let text = "Bo ran. Then Bo sat.";
        let mut anchor = at(7, "Bo");
        anchor.start = 0;
        anchor.end = 2;
        anchor.before = "Then ".into();
        anchor.after = " sat".into();
        assert_eq!(Anchorer::new(text).place(&anchor), Ok(Span::new(13, 15)));
    }

    #[test]
    fn missing_text_is_an_error_not_a_guess() {
        let mut a = Anchorer::new("Nothing here.");
        assert!(a.place(&at(0, "Bo")).unwrap_err().contains("no longer"));
        assert!(a.place(&at(0, "")).is_err());
        assert!(a.place(&Anchor { start: 9, end: 2, ..at(0, "x") }).is_err());
    }

    #[test]
    fn anchors_carry_context_on_char_boundaries() {
        let text = "Zoë Ñúñez — “quoted” 😀 end";
        let span = Span::new(text.find("quoted").unwrap(), text.find("quoted").unwrap() + 6);
        let a = anchor_of(text, span);
        assert_eq!(a.text, "quoted");
        assert!(text[..span.start].ends_with(&a.before));
        assert!(text[span.end..].starts_with(&a.after));
    }
}

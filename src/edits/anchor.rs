//! Placing an edit on the current text: where does the text it applies to lie now?
//!
//! Why: corrections persist per article, and the reader may change the article after making
//! them. An edit keeps the text it applies to (and a little context); when its offsets no
//! longer hold that text, it moves to the best occurrence of the same text — one on word
//! boundaries, with the most context in common, nearest to where it was expected — and when the
//! text is gone it cannot be placed, so the caller drops it rather than guess.
//!
//! Cost: an edit whose offsets still hold its text costs O(its length). A moved edit scans the
//! text once (linear); at most [`MAX_SEARCHES`] scans are made per call, so the whole step is
//! linear in the text for any edit list (moved edits beyond the budget are dropped, saying so).

use super::Anchor;
use crate::doc::Span;

/// Characters of context kept on each side of an edit's text.
pub const CONTEXT: usize = 24;
/// Full-text searches allowed per call (see the module doc).
pub const MAX_SEARCHES: usize = 256;

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
        if a.start <= a.end && text.get(a.start..a.end) == Some(a.text.as_str()) {
            return Ok(Span::new(a.start, a.end));
        }
        if self.searches >= MAX_SEARCHES {
            return Err(format!(
                "too many edits moved at once (more than {MAX_SEARCHES}); “{}” was not looked for",
                short(&a.text)
            ));
        }
        self.searches += 1;
        let expected = (a.start as isize).saturating_add(self.shift).max(0) as usize;
        let best = text
            .match_indices(a.text.as_str())
            .map(|(p, _)| {
                let end = p + a.text.len();
                let aligned = !text[..p].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[end..].chars().next().is_some_and(char::is_alphanumeric);
                let before = common_suffix(&a.before, &text[..p]);
                let after = common_prefix(&a.after, &text[end..]);
                (p, (aligned, before + after, std::cmp::Reverse(p.abs_diff(expected))))
            })
            .max_by_key(|&(_, score)| score);
        match best {
            Some((p, _)) => {
                self.shift = p as isize - a.start as isize;
                Ok(Span::new(p, p + a.text.len()))
            }
            None => Err(format!("“{}” is no longer in the text", short(&a.text))),
        }
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

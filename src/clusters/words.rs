//! Words as the grouping stage reads them: runs of the text layer's tokens with no whitespace
//! between them.
//!
//! Why runs and not single tokens: the tokenizer splits "O’Brien’s" into "O’Brien" + "’s" and
//! "Wolk," into "Wolk" + ","; matching names wants the written word whole and then trims it
//! ("o'brien"). A run is read through the tokens' precomputed lowercase forms
//! ([`Document::lower`]); only a run cut by a span boundary inside a token (rare: a
//! "counter-" prefix, a speaker span from another tokenizer) reads the raw characters.
//! Every look-around is bounded by [`WINDOW`] bytes, so a mention costs the same on a text of
//! one huge token or of a million short ones.

use std::borrow::Cow;
use std::ops::Range;

use crate::doc::{Document, Span};
use crate::text::facts::norm_char;

/// How far around a mention the text is read (titles, appositions, parentheses, cue words).
pub const WINDOW: usize = 160;

/// A run of adjacent tokens (no whitespace between them), possibly clipped to a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub toks: Range<usize>,
    pub span: Span,
}

/// The tokens that overlap `span` (empty for a span outside the text).
pub fn tokens_of(doc: &Document, span: Span) -> Range<usize> {
    let a = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let b = doc.tokens.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

/// Whether tokens `a` and `a + 1` touch (no whitespace between them).
fn touch(doc: &Document, a: usize) -> bool {
    doc.tokens[a].span.end == doc.tokens[a + 1].span.start
}

/// The words inside `span`, clipped to it.
pub fn words(doc: &Document, span: Span) -> Vec<Word> {
    let mut out = Vec::new();
    if span.start >= span.end {
        return out;
    }
    let r = tokens_of(doc, span);
    let mut k = r.start;
    while k < r.end {
        let mut j = k + 1;
        while j < r.end && touch(doc, j - 1) {
            j += 1;
        }
        let s = Span::new(doc.tokens[k].span.start.max(span.start), doc.tokens[j - 1].span.end.min(span.end));
        if s.start < s.end {
            out.push(Word { toks: k..j, span: s });
        }
        k = j;
    }
    out
}

/// Whether tokens `a < b` are in the same paragraph (in hard-wrapped text a paragraph spans
/// several lines, and "spokesman⏎Peter Cook" is still one phrase).
pub fn same_paragraph(doc: &Document, a: usize, b: usize) -> bool {
    doc.paragraph_of(a) == doc.paragraph_of(b)
}

/// The word that ends right before token `k` in the same paragraph, or `None` at its start, at
/// the text start, or when the word is longer than [`WINDOW`] bytes.
pub fn word_before(doc: &Document, k: usize) -> Option<Word> {
    if k == 0 || k > doc.tokens.len() {
        return None;
    }
    let last = k - 1;
    if k < doc.tokens.len() && !same_paragraph(doc, last, k) {
        return None;
    }
    let end = doc.tokens[last].span.end;
    let mut a = last;
    while a > 0 && touch(doc, a - 1) {
        if end - doc.tokens[a - 1].span.start > WINDOW {
            return None;
        }
        a -= 1;
    }
    Some(Word { toks: a..k, span: Span::new(doc.tokens[a].span.start, end) })
}

/// The word that starts at token `k` (at most [`WINDOW`] bytes of it).
pub fn word_at(doc: &Document, k: usize) -> Option<Word> {
    if k >= doc.tokens.len() {
        return None;
    }
    let start = doc.tokens[k].span.start;
    let mut b = k + 1;
    while b < doc.tokens.len() && touch(doc, b - 1) && doc.tokens[b].span.end - start <= WINDOW {
        b += 1;
    }
    Some(Word { toks: k..b, span: Span::new(start, doc.tokens[b - 1].span.end) })
}

/// The lowercase normal form of token `k` clipped to `span`.
fn clipped_lower(doc: &Document, k: usize, span: Span) -> Cow<'_, str> {
    let t = doc.tokens[k].span;
    if span.start <= t.start && t.end <= span.end {
        return Cow::Borrowed(doc.lower(k));
    }
    let raw = doc.text.get(t.start.max(span.start)..t.end.min(span.end)).unwrap_or("");
    Cow::Owned(raw.chars().map(norm_char).flat_map(char::to_lowercase).collect())
}

/// The word's lowercase normal form (apostrophes, quotes and dashes made plain).
pub fn lower(doc: &Document, w: &Word) -> String {
    let mut s = String::with_capacity(w.span.len());
    for k in w.toks.clone() {
        s.push_str(&clipped_lower(doc, k, w.span));
    }
    s
}

/// The word as matching reads it: lower case, periods dropped, surrounding punctuation
/// trimmed, a possessive "'s" or trailing "'" removed ("CARTER'S" → "carter", "U.S." → "us").
/// May be "".
pub fn normalize(doc: &Document, w: &Word) -> String {
    let low = lower(doc, w);
    let s: String = low.chars().filter(|&c| c != '.').collect();
    let mut out = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '&').to_string();
    if out.ends_with("'s") && out.len() > 2 {
        out.truncate(out.len() - 2);
    }
    while out.ends_with('\'') {
        out.pop();
    }
    out
}

/// The written text of a word.
pub fn text<'d>(doc: &'d Document, w: &Word) -> &'d str {
    doc.text.get(w.span.start..w.span.end).unwrap_or("")
}

/// Whether the word's first letter is a capital ("Paris", "(Reuters").
pub fn starts_upper(doc: &Document, w: &Word) -> bool {
    let k = w.toks.start;
    if w.span.start == doc.tokens[k].span.start {
        // The first token with a letter decides: its flags say whether it starts with a capital.
        if let Some(j) = w.toks.clone().find(|&j| doc.tokens[j].flags.has(crate::doc::Flags::HAS_LETTER)) {
            let f = doc.tokens[j].flags;
            if f.capitalized() || doc.token_text(j).chars().next().is_some_and(char::is_alphabetic) {
                return f.capitalized();
            }
        }
    }
    text(doc, w).chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
}

/// The words of `span`, normalized, empty ones dropped.
pub fn normalized(doc: &Document, span: Span) -> Vec<String> {
    words(doc, span).iter().map(|w| normalize(doc, w)).filter(|w| !w.is_empty()).collect()
}

/// The words of `span` as written, joined by single spaces (line breaks inside a name read as
/// one space).
pub fn squash(doc: &Document, span: Span) -> String {
    let mut s = String::with_capacity(span.end.saturating_sub(span.start));
    for w in words(doc, span) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(text(doc, &w));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_merge_touching_tokens() {
        // A line break inside a paragraph (hard-wrapped text) is no boundary.
        let wrapped = crate::text::segment_text("Carter’s aide, Dana Wolk,\nthe U.S. envoy");
        assert_eq!(
            word_before(&wrapped, wrapped.token_at(wrapped.text.find("the").unwrap()))
                .map(|w| text(&wrapped, &w).to_string())
                .as_deref(),
            Some("Wolk,")
        );
        let doc = crate::text::segment_text("Carter’s aide, Dana Wolk,\n\nthe U.S. envoy");
        let ws = words(&doc, Span::new(0, doc.text.len()));
        let t: Vec<&str> = ws.iter().map(|w| text(&doc, w)).collect();
        assert_eq!(t, ["Carter’s", "aide,", "Dana", "Wolk,", "the", "U.S.", "envoy"]);
        let n: Vec<String> = ws.iter().map(|w| normalize(&doc, w)).collect();
        assert_eq!(n, ["carter", "aide", "dana", "wolk", "the", "us", "envoy"]);
        // "the" opens a paragraph: nothing before it.
        assert!(word_before(&doc, ws[4].toks.start).is_none());
        assert_eq!(word_before(&doc, ws[3].toks.start).map(|w| text(&doc, &w).to_string()).as_deref(), Some("Dana"));
        let at = doc.text.find("Dana").unwrap();
        assert_eq!(squash(&doc, Span::new(at, doc.text.len())), "Dana Wolk, the U.S. envoy");
    }

    #[test]
    fn clipped_words_read_the_raw_characters() {
        let doc = crate::text::segment_text("a counter-National Front");
        let n = normalized(&doc, Span::new(10, doc.text.len()));
        assert_eq!(n, ["national", "front"]);
        assert!(starts_upper(&doc, &words(&doc, Span::new(10, 18))[0]));
        assert!(!starts_upper(&doc, &words(&doc, Span::new(2, 18))[0]));
    }
}

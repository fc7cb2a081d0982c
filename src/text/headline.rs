//! Headlines: whether the article's first paragraph is its title.
//!
//! Pasted news often starts with the headline on a line of its own. Readers (and the page) want
//! to see it drawn as a heading, and the decision is about language — how long a headline is,
//! that it carries no sentence-final stop, that a byline or a dateline is not one — so it is
//! made here, once, and every face reads it from [`crate::doc::ParagraphKind`].
//!
//! The rule, for the first paragraph only:
//!
//! * more text follows it (a second paragraph), so a one-line note is not called a title;
//! * it stands on one line (a wrapped first paragraph is body text);
//! * it is short: 2 to [`MAX_WORDS`] words, at least two of them with letters, one of them
//!   capitalised, and at most [`MAX_TOKENS`] tokens in all;
//! * it does not end like a sentence or a lead-in: its last token, after closing quote marks
//!   and brackets, is a word or a number (so not ". ! ? … : ; , —");
//! * it is not a byline ("By Dana Whitfield").
//!
//! One pass over at most [`MAX_TOKENS`] tokens: constant time on any input.

use super::chars::{is_close_bracket, is_line_break};
use crate::doc::{Span, Token, TokenKind};

/// The most words a headline has.
pub const MAX_WORDS: usize = 20;
/// The most tokens (words and punctuation) a headline has.
pub const MAX_TOKENS: usize = 32;

/// Whether the first of `paragraphs` (token ranges over `tokens` of `text`) is a headline.
pub fn first_is_headline(text: &str, tokens: &[Token], paragraphs: &[(usize, usize)]) -> bool {
    let [(a, b), ..] = paragraphs else { return false };
    let (a, b) = (*a, *b);
    if paragraphs.len() < 2 || b <= a || b - a > MAX_TOKENS {
        return false;
    }
    let toks = &tokens[a..b];
    let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
    if span.of(text).chars().any(is_line_break) {
        return false;
    }
    let first = toks[0].span.of(text);
    if first.eq_ignore_ascii_case("by") {
        return false;
    }
    let mut words = 0;
    let mut lettered = 0;
    let mut capital = false;
    for t in toks {
        let s = t.span.of(text);
        match t.kind {
            TokenKind::Word => {
                words += 1;
                lettered += 1;
                capital |= s.chars().next().is_some_and(char::is_uppercase);
            }
            TokenKind::Number => words += 1,
            _ => {}
        }
    }
    if !(2..=MAX_WORDS).contains(&words) || lettered < 2 || !capital {
        return false;
    }
    // The last token that is not a closing quote mark or bracket.
    let closing = |t: &Token| {
        let mut cs = t.span.of(text).chars();
        t.kind == TokenKind::Quote || matches!((cs.next(), cs.next()), (Some(c), None) if is_close_bracket(c))
    };
    match toks.iter().rev().find(|t| !closing(t)) {
        Some(t) => matches!(t.kind, TokenKind::Word | TokenKind::Number),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::doc::ParagraphKind;
    use crate::text::segment_text;

    fn kinds(text: &str) -> Vec<ParagraphKind> {
        segment_text(text).paragraphs.iter().map(|p| p.kind).collect()
    }

    fn headline(text: &str) -> bool {
        kinds(text).first() == Some(&ParagraphKind::Headline)
    }

    #[test]
    fn a_short_unpunctuated_first_line_before_the_body_is_a_headline() {
        let text = "Harbour Board Votes to Close the Old Ferry Pier\n\nThe board met on Tuesday. It voted 5 to 2.";
        assert_eq!(kinds(text), [ParagraphKind::Headline, ParagraphKind::Body]);
        assert!(headline("Ferry pier to close after 80 years\nThe board met on Tuesday and voted."));
        assert!(headline("Mayor: “We will rebuild the pier”\n\nThe mayor spoke on Monday."));
        assert!(headline("ferry pier to CLOSE in 2031\n\nThe board met."), "one capitalised word is enough");
    }

    #[test]
    fn sentences_bylines_datelines_and_lone_lines_are_not() {
        assert!(!headline("The board met on Tuesday.\n\nIt voted 5 to 2."), "a sentence");
        assert!(!headline("Will the pier close?\n\nThe board met on Tuesday."), "ends with a question mark");
        assert!(!headline("By Dana Whitfield\n\nThe board met on Tuesday."), "a byline");
        assert!(!headline("PORT ELLIS, June 3 —\n\nThe board met on Tuesday."), "a dateline lead-in");
        assert!(!headline("March 3, 2026\n\nThe board met on Tuesday."), "a date");
        assert!(!headline("Harbour Board Votes to Close the Old Ferry Pier"), "nothing follows");
        assert!(!headline("Pier\n\nThe board met on Tuesday."), "one word");
        let long = "Board ".repeat(MAX_WORDS_PLUS_ONE);
        assert!(!headline(&format!("{long}\n\nThe board met on Tuesday.")), "too long");
        assert!(!headline(""));
        assert!(!headline("\n\n\n"));
    }

    const MAX_WORDS_PLUS_ONE: usize = super::MAX_WORDS + 1;

    #[test]
    fn only_the_first_paragraph_can_be_one() {
        let text = "The board met on Tuesday.\n\nFerry pier to close\n\nIt voted 5 to 2.";
        assert!(kinds(text).iter().all(|k| *k == ParagraphKind::Body));
    }
}

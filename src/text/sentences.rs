//! Sentences: where, inside one paragraph, a sentence ends.
//!
//! A sentence ends after . ! ? … (or their CJK forms), together with any closing quote marks
//! and brackets right after them (`"Go." Next` splits after the closing quote; `"Go?" he asked`
//! does not split at all, because the next word is lower case). Whether a period inside a
//! token ends a sentence depends on the token:
//!
//! * titles ("Dr.", "Gen.", "Sen.") never end one;
//! * initials ("W.") and other abbreviations ("Inc.", "U.S.", "a.m.", "Sept.") end one only
//!   when the next word is a capitalised word that typically opens a sentence ("The", "He",
//!   "But"), or "etc." before any capital;
//! * a list number ("1.") never does.
//!
//! A dateline at the start of a paragraph ("PARIS (Reuters) -", "WASHINGTON —") is a
//! sentence of its own. Sentences never cross paragraphs: they are found paragraph by
//! paragraph.

use super::chars::*;
use crate::doc::{Token, TokenKind};
use crate::lexicon::{self, Abbrev};

/// Splits the tokens `range` (one paragraph) of `text` into sentences; pushes half-open token
/// ranges covering `range` exactly, in order.
pub fn sentences(text: &str, tokens: &[Token], range: (usize, usize), out: &mut Vec<(usize, usize)>) {
    let (a, b) = range;
    if a >= b {
        return;
    }
    let tok = |i: usize| tokens[i].span.of(text);
    let mut start = a;
    let mut i = a;
    if let Some(d) = dateline_end(text, tokens, a, b) {
        out.push((a, d));
        start = d;
        i = d;
    }
    let mut double_open = false;
    while i < b {
        let t = tokens[i];
        let s = tok(i);
        if t.kind == TokenKind::Quote {
            double_open = update_double(text, t, double_open);
        }
        let end_kind = sentence_end_kind(t, s);
        if end_kind == EndKind::No {
            i += 1;
            continue;
        }
        // Take in the closing quotes and brackets that follow.
        let mut j = i + 1;
        while j < b {
            let n = tokens[j];
            let ns = tok(j);
            let closer = match n.kind {
                TokenKind::Quote => {
                    let c = ns.chars().next().unwrap_or(' ');
                    let closes = is_closing_quote(c)
                        || (c == '"' || c == '\'' || c == '\u{FF02}')
                            && straight_role(text, n, double_open && c != '\'') == Role::Close;
                    if closes && !is_apostrophe(c) {
                        double_open = false;
                    }
                    closes
                }
                TokenKind::Punct => ns.chars().all(is_close_bracket),
                // Stray control or invisible characters stay with the sentence before them.
                TokenKind::Other => ns.chars().all(is_invisible),
                _ => false,
            };
            if !closer {
                break;
            }
            j += 1;
        }
        if j >= b {
            break;
        }
        let quoted_question = j > i + 1 && (s.contains('?') || s.contains('!'));
        if starts_sentence(text, tokens, j, b, end_kind) && !(quoted_question && speaker_follows(text, tokens, j, b)) {
            out.push((start, j));
            start = j;
        }
        i = j;
    }
    out.push((start, b));
}

/// How strongly a token ends a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EndKind {
    No,
    /// . ! ? and CJK stops: ends unless the next word is lower case.
    Full,
    /// Ellipsis: ends before a capital letter or quote.
    Ellipsis,
    /// Abbreviation or initial: ends only before a typical sentence opener.
    Weak,
    /// "etc.": ends before any capital.
    Etc,
    /// A company or name suffix ("Inc.", "Corp.", "Jr."), which often ends a sentence: ends
    /// before a typical opener, or before a capitalised word followed by a lower-case one
    /// ("... Tidewell Inc. Traffic resumed ...", but not "Tidewell Inc. Chief Executive ...").
    Suffix,
}

fn sentence_end_kind(t: Token, s: &str) -> EndKind {
    match t.kind {
        TokenKind::Punct => {
            if s.starts_with("..") || s.starts_with('\u{2026}') {
                EndKind::Ellipsis
            } else if s.chars().all(is_terminal) {
                EndKind::Full
            } else {
                EndKind::No
            }
        }
        TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
            let stem = &s[..s.len() - 1];
            if stem.eq_ignore_ascii_case("etc") {
                return EndKind::Etc;
            }
            if lexicon::is_name_suffix(stem) {
                return EndKind::Suffix;
            }
            match lexicon::abbreviation(stem) {
                Some(Abbrev::Title) => EndKind::No,
                _ => EndKind::Weak,
            }
        }
        _ => EndKind::No,
    }
}

/// Whether token `j` (after a possible end of kind `kind`) starts a new sentence.
fn starts_sentence(text: &str, tokens: &[Token], j: usize, b: usize, kind: EndKind) -> bool {
    let t = tokens[j];
    let s = t.span.of(text);
    let first = s.chars().next().unwrap_or(' ');
    // An opening quote or bracket: decide on the word inside it.
    let inner = || {
        let k = j + 1;
        if k < b {
            Some(tokens[k].span.of(text))
        } else {
            None
        }
    };
    let opens = (t.kind == TokenKind::Quote && !is_closing_quote(first)) || is_open_bracket(first);
    match kind {
        EndKind::No => false,
        EndKind::Full => {
            if opens {
                return true;
            }
            match t.kind {
                TokenKind::Punct => is_bullet(first) || first == '\u{00BF}' || first == '\u{00A1}',
                _ => !first.is_lowercase(),
            }
        }
        EndKind::Ellipsis | EndKind::Etc => {
            if opens {
                return inner().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
            }
            first.is_uppercase() && !(kind == EndKind::Ellipsis && s == "I")
        }
        EndKind::Weak | EndKind::Suffix => {
            if opens {
                return inner().is_some_and(lexicon::is_sentence_starter);
            }
            if t.kind != TokenKind::Word {
                return false;
            }
            if lexicon::is_sentence_starter(s) {
                return true;
            }
            kind == EndKind::Suffix
                && first.is_uppercase()
                && inner().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
        }
    }
}

/// After a quoted question or exclamation (`“Why?” Ana Lobo asked.`): a capitalised name of
/// up to three words followed by a speech verb continues the sentence.
fn speaker_follows(text: &str, tokens: &[Token], j: usize, b: usize) -> bool {
    for (k, t) in tokens.iter().enumerate().take(b.min(j + 4)).skip(j) {
        let w = t.span.of(text);
        if k > j && lexicon::is_finite_speech_verb(w) {
            return true;
        }
        let capitalised = t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || lexicon::is_sentence_starter(w) {
            return false;
        }
    }
    false
}

/// Whether a straight quote mark opens or closes, from the characters around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Reads a straight quote's role from its neighbours: after a space and before a letter it
/// opens, after a letter and before a space or punctuation it closes; when both sides look the
/// same, `open_now` (a double quotation is open) decides.
fn straight_role(text: &str, t: Token, open_now: bool) -> Role {
    let before = text.get(..t.span.start).and_then(|s| s.chars().next_back());
    let after = text.get(t.span.end..).and_then(|s| s.chars().next());
    let space_before =
        before.map_or(true, |c| c.is_whitespace() || is_open_bracket(c) || is_dash(c) || is_opening_quote(c));
    let space_after = after
        .map_or(true, |c| c.is_whitespace() || c.is_ascii_punctuation() && c != '(' || is_dash(c) || c == '\u{2026}');
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ if open_now => Role::Close,
        _ => Role::Open,
    }
}

/// Tracks whether a double quotation is open after quote token `t`.
fn update_double(text: &str, t: Token, open: bool) -> bool {
    let c = t.span.of(text).chars().next().unwrap_or(' ');
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{300E}' | '\u{300C}' => true,
        '\u{201D}' | '\u{00BB}' | '\u{300F}' | '\u{300D}' => false,
        '"' | '\u{FF02}' => straight_role(text, t, open) == Role::Open,
        _ => open,
    }
}

/// A dateline at the start of a paragraph: one or more capitalised place words (the first in
/// capitals), optionally a comma and a state or date, optionally an agency in brackets, then a
/// dash. Returns the token index just after the dash, when text follows it.
fn dateline_end(text: &str, tokens: &[Token], a: usize, b: usize) -> Option<usize> {
    let word = |i: usize| tokens[i].span.of(text);
    let first = word(a);
    let upper_word =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    if tokens[a].kind != TokenKind::Word || !upper_word(first) {
        return None;
    }
    let mut in_caps = true;
    let limit = b.min(a + 14);
    for i in a + 1..limit {
        let t = tokens[i];
        let w = word(i);
        match t.kind {
            TokenKind::Punct if w == "-" || w == "--" || w.chars().all(is_dash) => {
                // Text must follow, starting like a sentence ("NATO - the alliance" is no dateline).
                let next = tokens.get(i + 1).filter(|_| i + 1 < b)?;
                let c = next.span.of(text).chars().next()?;
                // "SOCCER - ENGLAND WIN AGAIN" is an all-capitals headline, not a dateline: no
                // lower-case letter in the next five tokens, at least two capitalised words.
                let after = (i + 1..b.min(i + 6)).map(word);
                let lower = after.clone().any(|w| w.chars().any(char::is_lowercase));
                let caps = after.filter(|w| upper_word(w)).count();
                if !lower && caps >= 2 {
                    return None;
                }
                return (c.is_uppercase() || c.is_numeric() || next.kind == TokenKind::Quote).then_some(i + 1);
            }
            TokenKind::Word if in_caps && upper_word(w) => {}
            TokenKind::Punct if w == "," || w == "(" || w == ")" => in_caps = false,
            TokenKind::Word | TokenKind::Number if !in_caps => {}
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::text::segment_text;

    fn sents(text: &str) -> Vec<String> {
        let d = segment_text(text);
        d.sentences.iter().map(|s| s.span.of(text).to_string()).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sents("It rained. Then it stopped! Did it? Yes."),
            vec!["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sents("Gen. Tamsin Roe met Sen. Arlo Fenn and Dr. Ivo Park."),
            vec!["Gen. Tamsin Roe met Sen. Arlo Fenn and Dr. Ivo Park."]
        );
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sents("He moved to the U.S. Senate staff in Sept. 2019."),
            vec!["He moved to the U.S. Senate staff in Sept. 2019."]
        );
        assert_eq!(
            sents("She works for Brindle Inc. The firm makes boats."),
            vec!["She works for Brindle Inc.", "The firm makes boats."]
        );
        assert_eq!(sents("They met at 9 a.m. He was late."), vec!["They met at 9 a.m.", "He was late."]);
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(sents("J. K. Rowling and George W. Bush met."), vec!["J. K. Rowling and George W. Bush met."]);
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(sents("Shares rose 3.5 percent. Bonds fell."), vec!["Shares rose 3.5 percent.", "Bonds fell."]);
        assert_eq!(
            sents("Well... maybe not. And yet… Nobody knew."),
            vec!["Well... maybe not.", "And yet…", "Nobody knew."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(sents("He said: \"Go.\" Next day they went."), vec!["He said: \"Go.\"", "Next day they went."]);
        assert_eq!(
            sents("“We won,” he said. “Again.” Then silence."),
            vec!["“We won,” he said.", "“Again.”", "Then silence."]
        );
        assert_eq!(sents("\"Why?\" he asked."), vec!["\"Why?\" he asked."]);
        assert_eq!(sents("“Why now?” Ana Lobo asked. “Because.”"), vec!["“Why now?” Ana Lobo asked.", "“Because.”"]);
        assert_eq!(sents("“Stop!” Police arrived."), vec!["“Stop!”", "Police arrived."]);
        assert_eq!(sents("(This is an aside.) The end."), vec!["(This is an aside.)", "The end."]);
    }

    #[test]
    fn datelines_are_their_own_sentence() {
        assert_eq!(
            sents("PARIS (Wire) - Ministers met on Monday."),
            vec!["PARIS (Wire) -", "Ministers met on Monday."]
        );
        assert_eq!(sents("NEW HAVEN, Conn. — A fire broke out."), vec!["NEW HAVEN, Conn. —", "A fire broke out."]);
        assert_eq!(sents("LONDON, Sept. 3 (Wire) - Prices rose."), vec!["LONDON, Sept. 3 (Wire) -", "Prices rose."]);
        assert_eq!(sents("NATO - the alliance - met."), vec!["NATO - the alliance - met."]);
        assert_eq!(sents("TENNIS - SELES WINS OPENER"), vec!["TENNIS - SELES WINS OPENER"]);
        assert_eq!(sents("LONDON (Wire) - EU leaders met."), vec!["LONDON (Wire) -", "EU leaders met."]);
    }

    #[test]
    fn sentences_do_not_cross_paragraphs() {
        assert_eq!(
            sents("A headline without a stop\nThe body starts here"),
            vec!["A headline without a stop", "The body starts here"]
        );
    }
}

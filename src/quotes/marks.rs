//! Pairing quotation marks into candidate quotations.
//!
//! Why a pairing pass of its own: news text mixes straight and curly marks, mis-oriented curly
//! marks (a `”` typed as an opener), apostrophes that look exactly like single closing quotes
//! (`’s`, `don’t`, `’90s`, `rock ’n’ roll`), quotations that run over paragraph breaks (the
//! continued paragraph opens with a mark, the earlier one is left open), and marks that simply
//! never close. A naive "next mark closes" rule lets one stray mark swallow the rest of the
//! article, so pairing here is local: a stack per paragraph, where a quotation may only cross
//! a paragraph break when the next paragraph opens with a quote mark, and an unclosed mark ends
//! at its paragraph's end at the latest.
//!
//! The pass walks the text layer's quote-mark tokens paragraph by paragraph (so a quotation
//! in hard-wrapped text pairs across its line breaks), and decides each mark's role from the
//! characters right beside it.

use crate::doc::{Document, Span, TokenKind};
use crate::text::chars::{is_double_quote as is_double, is_single_quote as is_single};

/// Which family of marks a candidate is delimited by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `"` `“` `”` `„` `«` `»`
    Double,
    /// `'` `‘` `’` (primary quotes in UK style, nested quotes elsewhere)
    Single,
}

/// A paired (or deliberately closed-at-paragraph-end) quotation candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just past the closing mark (or past the last non-space char of the
    /// paragraph when the quotation was never closed).
    pub end: usize,
    pub family: Family,
    /// Nesting depth: 0 for a top-level quotation.
    pub depth: usize,
    /// False when no closing mark was found and the candidate was cut at a paragraph end.
    pub closed: bool,
    /// Number of paragraph breaks the quotation runs over.
    pub breaks: usize,
}

/// How a mark may act, from its shape and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark (or a mark whose neighbours do not decide): closes if something is open,
    /// else opens.
    Either,
    /// Closes if something is open, else is an apostrophe (`Joneses’ car`).
    CloseIfOpen,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    end: usize,
    role: Role,
}

/// Characters after which a mark is "at the start" of something (so it can open).
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '—' | '–' | '―' | '-' | '/' | ':' | '“' | '‘' | '«' | '„' | '"' | '\'')
        }
    }
}

/// Characters before which a mark is "at the end" of something (so it can close).
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '―'
                        | '-'
                        | '/'
                        | '”'
                        | '’'
                        | '»'
                        | '"'
                        | '\''
                        | '…'
                )
        }
    }
}

/// Role of a double mark at `pos` with neighbours `prev` and `next`.
fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Role {
    let can_open = opens_after(prev) && !next.map_or(true, char::is_whitespace);
    let can_close = !prev.map_or(true, char::is_whitespace) && closes_before(next);
    match c {
        '“' | '„' | '«' | '‟' | '〝' => {
            if can_close && !can_open && c == '“' {
                // German-style „…“ or a mis-typed closer: `word“ ` closes.
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' | '»' | '〞' => {
            if can_open && !can_close {
                // `”Mr. Trump…`: a closer used as an opener.
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => match (can_open, can_close) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
    }
}

/// Role of a single mark, or `None` when it is an apostrophe.
fn single_role(c: char, prev: Option<char>, next: Option<char>, after: &str) -> Option<Role> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return None; // don’t, O’Brien, Trump’s
    }
    let starts_word = opens_after(prev) && alnum(next);
    if starts_word {
        // ’90s, ’em, ’til, ’n’ (rock ’n’ roll): elisions, not quotes.
        if next.is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        // Whitespace as a space: in hard-wrapped text a line break stands between words.
        let lower: String = after
            .chars()
            .take(6)
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        for e in ["em ", "til ", "cause ", "tis ", "twas ", "n' ", "n’ ", "bout ", "round "] {
            if lower.starts_with(e) {
                return None;
            }
        }
        if lower.starts_with('n') && (lower[1..].starts_with('\'') || lower[1..].starts_with('’')) {
            return None;
        }
        return Some(Role::Open);
    }
    let can_close = !prev.map_or(true, char::is_whitespace) && closes_before(next);
    if can_close {
        if c == '‘' {
            return Some(Role::Open);
        }
        // `Davis’ car` (plural possessive) or a closing mark: only closes if one is open.
        return Some(Role::CloseIfOpen);
    }
    if c == '‘' && !next.map_or(true, char::is_whitespace) {
        return Some(Role::Open);
    }
    None
}

/// The char just before byte `i` of `text`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Marks of one family in paragraph `p`, with their roles. Only quote-mark tokens (and the
/// possessive apostrophes the tokenizer leaves alone) can hold marks.
fn marks_in(doc: &Document, p: usize, family: Family) -> Vec<Mark> {
    let text = doc.text.as_str();
    let para = &doc.paragraphs[p];
    let mut out = Vec::new();
    // Inside a markup attribute value (`id="123"`): its closing mark is skipped too.
    let mut in_attr = false;
    for t in &doc.tokens[para.tokens.clone()] {
        if !matches!(t.kind, TokenKind::Quote | TokenKind::Punct) {
            continue;
        }
        for (i, c) in t.span.of(text).char_indices() {
            let pos = t.span.start + i;
            let end = pos + c.len_utf8();
            if !(is_double(c) || is_single(c)) {
                continue;
            }
            let prev = char_before(text, pos);
            let next = text[end..].chars().next();
            match family {
                Family::Double if is_double(c) => {
                    // `tweet-id="123"`: markup attribute values are not quotations.
                    if prev == Some('=') {
                        in_attr = true;
                    } else if in_attr {
                        in_attr = false;
                    } else {
                        out.push(Mark { pos, end, role: double_role(c, prev, next) });
                    }
                }
                // `''` (two apostrophes) stands for a double mark in old wire and archive
                // dumps; the reference annotation (PolNeAR) does not count such stretches as
                // quotations, and modern text does not use them, so both are skipped.
                Family::Single if c == '\'' && (next == Some('\'') || prev == Some('\'')) => {}
                Family::Single if is_single(c) => {
                    // The second mark of `’n’`.
                    let prev2 = prev.and_then(|pc| char_before(text, pos - pc.len_utf8()));
                    let elided_n = prev == Some('n') && prev2.is_some_and(is_single);
                    if !elided_n {
                        let after_end = text[end..].char_indices().nth(8).map_or(text.len(), |(k, _)| end + k);
                        if let Some(role) =
                            single_role(c, prev, next, &text[end..after_end.min(para.span.end.max(end))])
                        {
                            out.push(Mark { pos, end, role });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The position of paragraph `p`'s first token when it is an opening mark of `family`.
fn opens_with(doc: &Document, p: usize, family: Family) -> Option<usize> {
    let t = doc.tokens.get(doc.paragraphs[p].tokens.start)?;
    let c = t.span.of(&doc.text).chars().next()?;
    let ok = match family {
        Family::Double => matches!(c, '"' | '“' | '„' | '«' | '”'),
        Family::Single => matches!(c, '\'' | '‘'),
    };
    (t.kind == TokenKind::Quote && ok).then_some(t.span.start)
}

/// Pairs the marks of `family` paragraph by paragraph, skipping any mark inside `skip`
/// (sorted, non-overlapping byte ranges), e.g. the double-quoted regions when pairing single
/// marks. Linear in the number of marks.
pub fn pair(doc: &Document, family: Family, skip: &[Span]) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    // Open marks: (byte offset, paragraph breaks crossed so far).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // A quotation carried into the next paragraph.
    let mut carry: Option<(usize, usize)> = None;
    let in_skip = |p: usize| {
        let i = skip.partition_point(|r| r.end <= p);
        i < skip.len() && skip[i].start <= p
    };
    let n = doc.paragraphs.len();
    for p in 0..n {
        let mut marks = marks_in(doc, p, family);
        marks.retain(|m| !in_skip(m.pos));
        if let Some((open, breaks)) = carry.take() {
            // The continued paragraph's opening mark re-opens the carried quotation.
            if let Some(at) = opens_with(doc, p, family) {
                marks.retain(|m| m.pos != at);
            }
            stack.push((open, breaks + 1));
        }
        for m in marks {
            let close = match m.role {
                Role::Open => false,
                Role::Close => true,
                Role::Either => !stack.is_empty(),
                Role::CloseIfOpen if stack.is_empty() => continue,
                Role::CloseIfOpen => true,
            };
            if close {
                if let Some((open, breaks)) = stack.pop() {
                    out.push(Pair { start: open, end: m.end, family, depth: stack.len(), closed: true, breaks });
                }
                // A closer with nothing open is a stray mark: ignored.
            } else {
                stack.push((m.pos, 0));
            }
        }
        if stack.is_empty() {
            continue;
        }
        // Something is still open at the paragraph end. Only the outermost open mark can
        // continue; inner unclosed marks are dropped.
        let (open, breaks) = stack[0];
        stack.clear();
        let continues = p + 1 < n && opens_with(doc, p + 1, family).is_some();
        if continues && breaks < 50 {
            carry = Some((open, breaks));
        } else {
            out.push(Pair { start: open, end: doc.paragraphs[p].span.end, family, depth: 0, closed: false, breaks });
        }
    }
    if let Some((open, breaks)) = carry {
        let end = doc.paragraphs.last().map_or(open, |p| p.span.end);
        out.push(Pair { start: open, end, family, depth: 0, closed: false, breaks });
    }
    out.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    out
}

/// All candidate quotations: double-quoted pairs, plus single-quoted ones outside them (UK
/// style primary quotes, US headline quotes). Single marks inside `''…''` archive-style
/// doubles are nested quotes and are not paired.
pub fn candidates(doc: &Document) -> Vec<Pair> {
    let doubles = pair(doc, Family::Double, &[]);
    let mut skip: Vec<Span> = doubles.iter().filter(|p| p.depth == 0).map(|p| Span::new(p.start, p.end)).collect();
    skip.extend(archive_doubles(doc));
    let skip = merge(skip);
    let mut all = doubles;
    all.extend(pair(doc, Family::Single, &skip));
    all.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    all
}

/// Stretches between `''` marks in one paragraph (typewriter doubles in old archive dumps):
/// the first `''` opens, the next closes; an unclosed one runs to the paragraph end.
fn archive_doubles(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let mut open: Option<usize> = None;
        for t in &doc.tokens[p.tokens.clone()] {
            if t.kind != TokenKind::Quote || t.span.of(&doc.text) != "''" {
                continue;
            }
            match open.take() {
                None => open = Some(t.span.start),
                Some(o) => out.push(Span::new(o, t.span.end)),
            }
        }
        if let Some(o) = open {
            out.push(Span::new(o, p.span.end));
        }
    }
    out
}

/// Merges overlapping ranges.
fn merge(mut v: Vec<Span>) -> Vec<Span> {
    v.sort();
    let mut out: Vec<Span> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::text::segment_text(text)
    }

    fn spans(text: &str, f: Family) -> Vec<&str> {
        pair(&doc(text), f, &[]).into_iter().map(|p| &text[p.start..p.end]).collect()
    }

    #[test]
    fn curly_and_straight() {
        let t = "He said “yes” and \"no\" today.";
        assert_eq!(spans(t, Family::Double), vec!["“yes”", "\"no\""]);
    }

    #[test]
    fn continuation_over_paragraphs() {
        let t = "“First part.\n\n“Second part,” she said.\n\nNext.";
        let p = pair(&doc(t), Family::Double, &[]);
        assert_eq!(p.len(), 1);
        assert_eq!(&t[p[0].start..p[0].end], "“First part.\n\n“Second part,”");
        assert_eq!(p[0].breaks, 1);
    }

    #[test]
    fn unclosed_stops_at_paragraph() {
        let t = "He said “this never closes.\n\nAnother paragraph with “a quote” here.";
        let p = spans(t, Family::Double);
        assert_eq!(p, vec!["“this never closes.", "“a quote”"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Don’t ask about the ’90s or rock ’n’ roll, the Joneses’ car or O’Brien’s dog.";
        assert!(spans(t, Family::Single).is_empty(), "{:?}", spans(t, Family::Single));
    }

    #[test]
    fn single_quotes_outside_doubles() {
        let t = "‘We will win,’ she said. ‘It’s over,’ he replied. The ’90s were fun. He said “a ‘b’ c”.";
        let c = candidates(&doc(t));
        let s: Vec<&str> = c.iter().filter(|p| p.depth == 0).map(|p| &t[p.start..p.end]).collect();
        assert_eq!(s, vec!["‘We will win,’", "‘It’s over,’", "“a ‘b’ c”"]);
    }

    #[test]
    fn archive_doubles_hide_their_singles() {
        let t = "''He said, 'no way,' and left,'' she recalled.";
        assert!(candidates(&doc(t)).is_empty());
    }

    #[test]
    fn nested() {
        let t = "“He called it ‘a farce’ and “too loud,” she said.";
        let c = candidates(&doc(t));
        assert_eq!(c[0].start, 0);
        assert_eq!(c[0].depth, 0);
        assert!(c.iter().all(|p| p.start == 0 || p.depth > 0 || p.family == Family::Single));
    }

    #[test]
    fn hard_wrapped_quotation_pairs_across_lines() {
        let t = "The mayor, Ana Ruiz, spoke on Tuesday. \"We will rebuild every\nbridge in this city before winter comes,\" Ruiz said.";
        assert_eq!(
            spans(t, Family::Double),
            vec!["\"We will rebuild every\nbridge in this city before winter comes,\""]
        );
    }

    #[test]
    fn markup_attributes() {
        let t = "<tweet id=\"123\" author=\"x\">Text</tweet> and \"real words here\"";
        assert_eq!(spans(t, Family::Double), vec!["\"real words here\""]);
    }

    #[test]
    fn no_panic_on_marks_only() {
        for t in ["\"", "“", "'’‘\"\"\"“”„«»", "\n\n\"\n\"\n", "’", "a'"] {
            let _ = candidates(&doc(t));
        }
    }
}

//! Paragraphs: which lines of the text belong together.
//!
//! Pasted news comes in three shapes, and the rule has to work for all of them:
//!
//! 1. paragraphs separated by blank lines (web copy, most wire text);
//! 2. one paragraph per line, no blank lines (copied from many sites and apps);
//! 3. hard-wrapped text, a paragraph spread over lines of roughly equal width (e-mail, old
//!    wire feeds, plain-text archives).
//!
//! The rule, line by line (a "line" ends at `\n`, `\r\n`, `\r`, vertical tab, form feed, U+0085,
//! U+2028 or U+2029):
//!
//! * one or more blank (whitespace-only) lines, or U+2029, always end a paragraph;
//! * a bullet-list item (•, *, -, –, —, "1." or "1)" or "a)" followed by a space) is its own
//!   paragraph; only lines indented under it continue it — except, in hard-wrapped text, a dash
//!   after a full-width line that does not end a sentence or open a list with a colon: that is
//!   the sentence's own dash pushed to the next line by the wrap ("… kept the ferry⏎— the only link — running");
//! * a line that starts with a lower-case letter continues the paragraph before it, and so does
//!   a line after one that ends in a comma, hyphen, opening bracket or quote, or
//!   "and"/"or"/"the"... style function word (the sentence obviously goes on);
//! * otherwise a single line break ends the paragraph — shape 2, and headlines, bylines and
//!   datelines standing on their own line — unless the text looks hard-wrapped (shape 3: half
//!   the lines reach close to the width of the widest line of at most 120 chars, at least two
//!   of them without sentence-final punctuation, and almost no line is wider). In wrapped text
//!   a line break ends a paragraph only after a line clearly shorter than the wrap width
//!   (under 70%), or before an indented line.
//!
//! Tokens never contain a line break, so every token falls inside exactly one line, and each
//! paragraph is a contiguous run of tokens.

use super::chars::*;
use crate::doc::{Line as DocLine, Span, Token};

/// One line of the text, with what the paragraph rule needs to know about it.
#[derive(Clone, Copy, Debug)]
struct Line {
    /// The whole line, without its line break.
    raw: Span,
    /// Byte offset of the first non-whitespace char.
    start: usize,
    blank: bool,
    /// A blank line or U+2029 separates this line from the one before it.
    after_break: bool,
    indented: bool,
    bullet: bool,
    /// The bullet is a dash (-, –, —), which in wrapped text may be the sentence's own.
    dash: bool,
    ends_terminal: bool,
    /// The line ends with a colon (a list may follow).
    ends_colon: bool,
    ends_open: bool,
    starts_lower: bool,
    /// Length in chars of the trimmed line.
    width: usize,
}

/// The lines of `text` (every line, blank ones too) with the tokens on each.
pub fn doc_lines(text: &str, tokens: &[Token]) -> Vec<DocLine> {
    let mut t = 0;
    lines(text)
        .into_iter()
        .map(|l| {
            let first = t;
            while t < tokens.len() && tokens[t].span.start < l.raw.end {
                t += 1;
            }
            DocLine { span: l.raw, tokens: first..t }
        })
        .collect()
}

/// Groups `tokens` (of `text`) into paragraphs; returns half-open token index ranges, in
/// order, covering all tokens.
pub fn paragraphs(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let lines = lines(text);
    let wrap = wrap_width(&lines);

    // Byte offset where each paragraph starts (the first non-blank line of each).
    let mut starts: Vec<usize> = Vec::new();
    let mut prev: Option<Line> = None;
    let mut pending_break = false;
    for mut line in lines.iter().copied() {
        if line.blank {
            pending_break = true;
            continue;
        }
        if line.dash && !pending_break && !line.after_break {
            if let (Some(a), Some(width)) = (prev, wrap) {
                if !a.ends_terminal && !a.ends_colon && !a.bullet && a.width * 10 >= width * 7 {
                    line.bullet = false;
                }
            }
        }
        let brk = match prev {
            None => true,
            Some(a) => pending_break || line.after_break || breaks_between(&a, &line, wrap),
        };
        if brk {
            starts.push(line.start);
        }
        pending_break = false;
        prev = Some(line);
    }

    // Map the byte starts to token ranges.
    let mut out = Vec::with_capacity(starts.len());
    let mut t = 0;
    for (k, _) in starts.iter().enumerate() {
        let limit = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let first = t;
        while t < tokens.len() && tokens[t].span.start < limit {
            t += 1;
        }
        if t > first {
            out.push((first, t));
        }
    }
    if t < tokens.len() {
        // Cannot happen (every token lies in a non-blank line), but never lose tokens.
        match out.last_mut() {
            Some(last) => last.1 = tokens.len(),
            None => out.push((t, tokens.len())),
        }
    }
    out
}

/// Whether a single line break between non-blank lines `a` and `b` ends a paragraph.
fn breaks_between(a: &Line, b: &Line, wrap: Option<usize>) -> bool {
    if b.bullet {
        return true;
    }
    if a.bullet {
        return !b.indented;
    }
    if b.starts_lower || a.ends_open {
        return false;
    }
    match wrap {
        Some(width) => b.indented || a.width * 10 < width * 7,
        None => true,
    }
}

/// The wrap width when the text looks hard-wrapped, else `None`: at least half of the
/// (non-bullet) lines come close to the widest line of at most 120 chars, at least two of those
/// do not end a sentence, and hardly any line is wider (a wrapped text has no long lines; a
/// one-paragraph-per-line text with a few subheadings has many).
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let body = || lines.iter().filter(|l| !l.blank && !l.bullet);
    let total = body().count();
    if total < 3 {
        return None;
    }
    let width = body().map(|l| l.width).filter(|&w| (30..=120).contains(&w)).max()?;
    let too_long = body().filter(|l| l.width > width).count();
    let near = || body().filter(|l| l.width <= width && l.width * 10 >= width * 7);
    let near_open = near().filter(|l| !l.ends_terminal).count();
    (too_long * 20 <= total && near().count() * 2 >= total && near_open >= 2).then_some(width)
}

/// Splits `text` into lines and describes each.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut after_break = false;
    while i < bytes.len() {
        let b = bytes[i];
        let (is_break, len, hard) = if b == b'\n' || b == 0x0B || b == 0x0C {
            (true, 1, false)
        } else if b == b'\r' {
            (true, if bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 }, false)
        } else if b >= 0x80 {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) if matches!(c, '\u{0085}' | '\u{2028}') => (true, c.len_utf8(), false),
                Some('\u{2029}') => (true, 3, true),
                _ => (false, 1, false),
            }
        } else {
            (false, 1, false)
        };
        if is_break {
            out.push(describe(text, start, i, after_break));
            after_break = hard;
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(describe(text, start, bytes.len(), after_break));
    out
}

fn describe(text: &str, start: usize, end: usize, after_break: bool) -> Line {
    let raw = text.get(start..end).unwrap_or("");
    let trimmed_start = raw.trim_start();
    let lead = raw.len() - trimmed_start.len();
    let trimmed = trimmed_start.trim_end();
    let s = start + lead;
    let mut chars = trimmed.chars();
    let first = chars.next();
    let second = chars.next();
    let dash =
        first.is_some_and(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}')) && second.is_some_and(char::is_whitespace);
    let bullet = match first {
        Some(c) if is_bullet(c) => second.is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() || c.is_alphabetic() => list_marker(trimmed),
        _ => false,
    };
    // Sentence-final punctuation, possibly followed by closing quotes or brackets.
    let mut back =
        trimmed.chars().rev().skip_while(|&c| is_closing_quote(c) || is_close_bracket(c) || c == '"' || c == '\'');
    let ends_terminal = back.next().is_some_and(is_terminal);
    let last = trimmed.chars().next_back();
    let last_word = trimmed.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let ends_open = last
        .is_some_and(|c| matches!(c, ',' | '(' | '[' | '{' | '&' | '/') || is_hyphen(c) || is_opening_quote(c))
        || (last.is_some_and(char::is_alphabetic) && crate::lexicon::is_continuing_word(last_word));
    Line {
        raw: Span::new(start, end.max(start)),
        start: s,
        blank: trimmed.is_empty(),
        after_break,
        indented: lead > 0,
        bullet,
        dash,
        ends_terminal,
        ends_colon: last == Some(':'),
        ends_open,
        starts_lower: first.is_some_and(char::is_lowercase),
        width: trimmed.chars().count(),
    }
}

/// "1. ", "12) ", "a) ", "(3) " at the start of a line.
fn list_marker(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let k = if digits > 0 && digits <= 3 {
        digits
    } else if b.first().is_some_and(u8::is_ascii_lowercase) {
        1
    } else {
        return false;
    };
    match (b.get(k), b.get(k + 1)) {
        (Some(b'.'), Some(b' ' | b'\t')) => digits > 0,
        (Some(b')'), Some(b' ' | b'\t')) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn paras(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        paragraphs(text, &toks)
            .into_iter()
            .map(|(a, b)| text[toks[a].span.start..toks[b - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let t = "First paragraph here.\nStill first? No.\n\n \n\nSecond one.";
        assert_eq!(paras(t), vec!["First paragraph here.", "Still first? No.", "Second one."]);
        let t = "one line\n\nanother line";
        assert_eq!(paras(t), vec!["one line", "another line"]);
    }

    #[test]
    fn one_paragraph_per_line_news() {
        let t = "Storm hits coast\nBy Mara Quell\nLISBON (Wire) - A storm hit the coast on Monday.\nOfficials said roads were closed.";
        assert_eq!(paras(t).len(), 4);
    }

    #[test]
    fn lowercase_and_comma_lines_continue() {
        let t = "The minister said the plan,\nwhich was announced on Friday, would\ncost money.";
        assert_eq!(paras(t).len(), 1);
    }

    #[test]
    fn bullets_are_paragraphs() {
        let t = "Key points:\n• Taxes rise\n• Rates fall\n- Jobs grow\n* Prices hold\n1. First\n2) Second";
        assert_eq!(
            paras(t),
            vec![
                "Key points:", "• Taxes rise", "• Rates fall", "- Jobs grow", "* Prices hold", "1. First", "2) Second"
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let t = "The council voted on Tuesday to approve a budget that raises\nSpending on schools and roads while cutting the number of\nCity jobs by several hundred over the next three years, a\nMove opponents called reckless.\n\nA second paragraph starts here and it is short.";
        assert_eq!(paras(t).len(), 2);
    }

    #[test]
    fn subheadings_between_long_lines_do_not_look_wrapped() {
        let long = "The committee heard evidence from eleven witnesses over three days, and its chair said the final report would be published before the end of the year.";
        let t = format!("Budget row deepens over school funding plans\n{long}\nWhat the opposition wants from the minister\n{long}\nWhy the vote was delayed until next spring\n{long}");
        assert_eq!(paras(&t).len(), 6);
    }

    #[test]
    fn a_dash_pushed_to_the_next_line_by_the_wrap_is_not_a_bullet() {
        // Invented, wrapped at about 60 columns: the dash belongs to the sentence.
        let t = "The harbour board said on Monday that it would keep the ferry\n— the only link to the island — running through the winter\nmonths, whatever the council decides about the new budget.\n\nKey points for the island service, as the board set them out:\n- Ferries run daily\n- Fares stay the same";
        assert_eq!(paras(t).len(), 4, "{:?}", paras(t));
        assert!(paras(t)[0].ends_with("new budget."));
    }

    #[test]
    fn headline_and_subheadline_split_at_semicolon() {
        assert_eq!(paras("Mayor wins second term;\nTurnout was the lowest in decades.").len(), 2);
    }

    #[test]
    fn crlf_and_unicode_separators() {
        let t = "Line one.\r\nLine two.\r\n\r\nLine three.\u{2029}Line four.";
        assert_eq!(paras(t), vec!["Line one.", "Line two.", "Line three.", "Line four."]);
    }
}

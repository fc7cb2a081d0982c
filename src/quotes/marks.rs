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
//! The pass works on characters of the raw text (byte offsets), independent of the tokenizer.

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
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '―' | '-' | '/' | '”' | '’' | '»'
                        | '"' | '\'' | '…'
                )
        }
    }
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '〝' | '〞' | '＂')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛')
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
        let lower: String = after.chars().take(6).flat_map(char::to_lowercase).collect();
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

/// Lines of `text` as byte ranges (without the newline and any `\r`).
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let e = if text[s..i].ends_with('\r') { i - 1 } else { i };
            out.push((s, e));
            s = i + 1;
        }
    }
    out.push((s, text.len()));
    out
}

/// Marks of one family in `text[s..e]`, with their roles.
fn marks_in(text: &str, s: usize, e: usize, family: Family) -> Vec<Mark> {
    let line = &text[s..e];
    let mut out = Vec::new();
    let mut prev: Option<char> = text[..s].chars().next_back().filter(|c| *c != '\n');
    let mut prev2: Option<char> = None;
    // Inside a markup attribute value (`id="123"`): its closing mark is skipped too.
    let mut in_attr = false;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let pos = s + i;
        let end = pos + c.len_utf8();
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
            // `''` (two apostrophes) stands for a double mark in old wire and archive dumps;
            // the reference annotation (PolNeAR) does not count such stretches as quotations,
            // and modern text does not use them, so both apostrophes are skipped.
            Family::Single if c == '\'' && (next == Some('\'') || prev == Some('\'')) => {}
            Family::Single if is_single(c) => {
                // The second mark of `’n’`.
                let elided_n = prev == Some('n') && prev2.is_some_and(is_single);
                if !elided_n {
                    if let Some(role) = single_role(c, prev, next, &text[end..e]) {
                        out.push(Mark { pos, end, role });
                    }
                }
            }
            _ => {}
        }
        prev2 = prev;
        prev = Some(c);
    }
    out
}

/// End of `text[s..e]` with trailing whitespace removed.
fn trim_end(text: &str, s: usize, e: usize) -> usize {
    s + text[s..e].trim_end().len()
}

/// Does the line open with a mark of `family` (after optional spaces)?
fn opens_with(text: &str, s: usize, e: usize, family: Family) -> Option<usize> {
    let line = &text[s..e];
    let lead = line.len() - line.trim_start().len();
    let c = line[lead..].chars().next()?;
    let ok = match family {
        Family::Double => matches!(c, '"' | '“' | '„' | '«' | '”'),
        Family::Single => matches!(c, '\'' | '‘'),
    };
    ok.then_some(s + lead + c.len_utf8())
}

/// Pairs the marks of `family` in `text`, skipping any byte inside `skip` ranges (sorted,
/// non-overlapping), e.g. the double-quoted regions when pairing single marks.
pub fn pair(text: &str, family: Family, skip: &[(usize, usize)]) -> Vec<Pair> {
    let lines = lines(text);
    let mut out: Vec<Pair> = Vec::new();
    // Open marks: (byte offset, paragraph breaks crossed so far).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // Index of the first mark to ignore in a line (a continuation's re-opening mark).
    let mut carry: Option<(usize, usize)> = None;
    let in_skip = |p: usize| {
        let i = skip.partition_point(|r| r.1 <= p);
        i < skip.len() && skip[i].0 <= p
    };
    let mut li = 0;
    while li < lines.len() {
        let (s, e) = lines[li];
        li += 1;
        if text[s..e].trim().is_empty() {
            continue;
        }
        let mut marks = marks_in(text, s, e, family);
        marks.retain(|m| !in_skip(m.pos));
        if let Some((open, breaks)) = carry.take() {
            // The continued paragraph's opening mark re-opens the carried quotation.
            if let Some(after) = opens_with(text, s, e, family) {
                marks.retain(|m| m.end != after);
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
        let next = lines[li..].iter().find(|(a, b)| !text[*a..*b].trim().is_empty());
        let continues = next.is_some_and(|&(a, b)| opens_with(text, a, b, family).is_some());
        if continues && breaks < 50 {
            carry = Some((open, breaks));
        } else {
            out.push(Pair { start: open, end: trim_end(text, s, e), family, depth: 0, closed: false, breaks });
        }
    }
    if let Some((open, breaks)) = carry {
        let end = trim_end(text, 0, text.len());
        out.push(Pair { start: open, end, family, depth: 0, closed: false, breaks });
    }
    out.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    out
}

/// All candidate quotations: double-quoted pairs, plus single-quoted ones outside them (UK
/// style primary quotes, US headline quotes). Single marks inside `''…''` archive-style
/// doubles are nested quotes and are not paired.
pub fn candidates(text: &str) -> Vec<Pair> {
    let doubles = pair(text, Family::Double, &[]);
    let mut skip: Vec<(usize, usize)> = doubles.iter().filter(|p| p.depth == 0).map(|p| (p.start, p.end)).collect();
    skip.extend(archive_doubles(text));
    let skip = merge(&skip);
    let mut all = doubles;
    all.extend(pair(text, Family::Single, &skip));
    all.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    all
}

/// Stretches between `''` marks on one line (typewriter doubles in old archive dumps): the
/// first `''` of a line opens, the next closes; an unclosed one runs to the line end.
fn archive_doubles(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in lines(text) {
        let mut open: Option<usize> = None;
        for (i, _) in text[s..e].match_indices("''") {
            match open.take() {
                None => open = Some(s + i),
                Some(o) => out.push((o, s + i + 2)),
            }
        }
        if let Some(o) = open {
            out.push((o, e));
        }
    }
    out
}

/// Merges overlapping ranges (input sorted by start).
fn merge(r: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = r.to_vec();
    v.sort();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in v {
        match out.last_mut() {
            Some(l) if s <= l.1 => l.1 = l.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, f: Family) -> Vec<&str> {
        pair(text, f, &[]).into_iter().map(|p| &text[p.start..p.end]).collect()
    }

    #[test]
    fn curly_and_straight() {
        let t = "He said “yes” and \"no\" today.";
        assert_eq!(spans(t, Family::Double), vec!["“yes”", "\"no\""]);
    }

    #[test]
    fn continuation_over_paragraphs() {
        let t = "“First part.\n\n“Second part,” she said.\n\nNext.";
        let p = pair(t, Family::Double, &[]);
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
        let c = candidates(t);
        let s: Vec<&str> = c.iter().filter(|p| p.depth == 0).map(|p| &t[p.start..p.end]).collect();
        assert_eq!(s, vec!["‘We will win,’", "‘It’s over,’", "“a ‘b’ c”"]);
    }

    #[test]
    fn archive_doubles_hide_their_singles() {
        let t = "''He said, 'no way,' and left,'' she recalled.";
        assert!(candidates(t).is_empty());
    }

    #[test]
    fn nested() {
        let t = "“He called it ‘a farce’ and “too loud,” she said.";
        let c = candidates(t);
        assert_eq!(c[0].start, 0);
        assert_eq!(c[0].depth, 0);
        assert!(c.iter().all(|p| p.start == 0 || p.depth > 0 || p.family == Family::Single));
    }

    #[test]
    fn markup_attributes() {
        let t = "<tweet id=\"123\" author=\"x\">Text</tweet> and \"real words here\"";
        assert_eq!(spans(t, Family::Double), vec!["\"real words here\""]);
    }

    #[test]
    fn no_panic_on_marks_only() {
        for t in ["\"", "“", "'’‘\"\"\"“”„«»", "\n\n\"\n\"\n", "’", "a'"] {
            let _ = candidates(t);
        }
    }
}

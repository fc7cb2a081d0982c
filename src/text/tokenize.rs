//! The tokenizer: Penn Treebank / CoNLL-2003 conventions on raw, untouched text.
//!
//! Why these conventions: the entity model was trained on CoNLL-2003 tokens, so text must be cut
//! the way that corpus was cut, or the model sees words it never saw. Concretely:
//!
//! * punctuation is split off words; hyphenated words stay whole ("Anglo-Dutch",
//!   "1996-08-22", "anti-"), so do numbers with separators ("1,200", "3.5", "10:30", "1/2");
//! * clitics are split: "Clinton's" → "Clinton" "'s", "don't" → "do" "n't", "can't" →
//!   "ca" "n't", "I'm" → "I" "'m"; the curly apostrophe (’) behaves exactly like the straight one;
//! * abbreviations keep their period ("Gen.", "Inc.", "Sept.", "U.S.", "a.m.", "D-Calif.",
//!   initials "W."; "I." only before a capitalised non-opener, so "World War I." splits); any
//!   other final period is its own token. A number keeps its period only as a list marker at
//!   the start of a line ("1. Germany"), as a results-table tie keeps its "=" ("10=");
//! * currency signs are split from amounts ("$" "5.3"), except letter-prefixed ones ("US$",
//!   "C$"), percent signs too ("5" "%");
//! * every quote mark is its own token ("``" and "''" count as one mark); a lone apostrophe
//!   after an "s" outside a single quotation is a possessive (`Punct`), otherwise a `Quote`;
//! * trailing hyphens stay ("anti-", "32-"), so do rating pluses ("AA+");
//! * runs of the same mark are one token ("--", "...", "?!", "***"); dashes — and – are split;
//! * URLs, e-mail addresses, @handles and #hashtags are single tokens;
//! * an emoji (with its modifiers, joiners and flags) is one token; control characters too.
//!
//! It is a single left-to-right pass: text is cut into whitespace-separated chunks, and each
//! chunk into tokens by looking at a character and its neighbours. No allocation per token, no
//! regular expressions, no tables beyond [`crate::lexicon`].

use super::chars::*;
use super::facts::Flags;
use crate::doc::{Span, Token, TokenKind};
use crate::lexicon;

/// Splits `text` into tokens with byte offsets into `text`. Tokens are in order, never overlap,
/// lie on `char` boundaries, and together cover every non-whitespace character.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut t = Tokenizer { text, out: Vec::with_capacity(text.len() / 5 + 1), single_open: false, line_start: true };
    t.run();
    t.out
}

struct Tokenizer<'t> {
    text: &'t str,
    out: Vec<Token>,
    /// A single quote mark opened a quotation that has not been closed yet (used to tell a
    /// closing single quote from a possessive apostrophe: "the Joneses' house").
    single_open: bool,
    /// No token has been emitted yet on the current line (list markers "1." live there).
    line_start: bool,
}

/// The char at byte `i` of `s` and its length, or `None` at the end.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The char just before byte `i` of `s`.
#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// A character words are made of. U+02BC (modifier letter apostrophe) is a letter to Unicode,
/// but we treat it as the apostrophe it looks like, so "donʼt" splits like "don't".
#[inline]
fn word_char(c: char) -> bool {
    c != '\u{02BC}' && is_word_char(c)
}

/// Clitics split off after an apostrophe ("'s", "'re", "'ve", "'ll", "'d", "'m").
fn is_clitic(s: &str) -> bool {
    matches!(s.len(), 1 | 2) && {
        let mut buf = [0u8; 2];
        for (d, b) in buf.iter_mut().zip(s.as_bytes()) {
            *d = b.to_ascii_lowercase();
        }
        matches!(&buf[..s.len()], b"s" | b"re" | b"ve" | b"ll" | b"d" | b"m")
    }
}

impl<'t> Tokenizer<'t> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if end > start {
            self.out.push(Token { span: Span::new(start, end), kind, flags: Flags::of(&self.text[start..end]) });
            self.line_start = false;
        }
    }

    fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut newlines = 0u32;
        while i < bytes.len() {
            let Some((c, w)) = char_at(text, i) else { break };
            if c.is_whitespace() {
                if is_line_break(c) {
                    // "\r\n" counts once.
                    if !(c == '\n' && i > 0 && bytes[i - 1] == b'\r') {
                        newlines += if c == '\u{2029}' { 2 } else { 1 };
                    }
                    self.line_start = true;
                }
                i += w;
                continue;
            }
            if newlines >= 2 {
                // A blank line closes any open single quotation.
                self.single_open = false;
            }
            newlines = 0;
            let mut end = i;
            while end < bytes.len() {
                let b = bytes[end];
                if b < 0x80 {
                    if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                        break;
                    }
                    end += 1;
                } else {
                    match char_at(text, end) {
                        Some((c, w)) if !c.is_whitespace() => end += w,
                        _ => break,
                    }
                }
            }
            self.chunk(i, end);
            i = end;
        }
    }

    /// Tokenizes one whitespace-free chunk `start..end`.
    fn chunk(&mut self, start: usize, end: usize) {
        let text = self.text;
        let chunk = &text[start..end];
        let has_at = chunk.contains('@');
        let mut p = start;
        while p < end {
            let Some((c, w)) = char_at(text, p) else { break };
            let next = if p + w < end { char_at(text, p + w).map(|x| x.0) } else { None };
            let prev = if p > start { char_before(text, p) } else { None };
            let at_word_start = !prev.is_some_and(word_char);

            if at_word_start && (c == 'h' || c == 'H' || c == 'w' || c == 'W' || c == 'f' || c == 'F') {
                if let Some(e) = self.url(p, end) {
                    self.push(p, e, TokenKind::Url);
                    p = e;
                    continue;
                }
            }
            if has_at && at_word_start && word_char(c) {
                if let Some(e) = self.email(p, end) {
                    self.push(p, e, TokenKind::Email);
                    p = e;
                    continue;
                }
            }
            if (c == '@' || c == '#') && at_word_start {
                if let Some(e) = self.tag(p + 1, end, c == '#') {
                    self.push(p, e, if c == '@' { TokenKind::Handle } else { TokenKind::Hashtag });
                    p = e;
                    continue;
                }
            }
            let signed_number = matches!(c, '+' | '-' | '.' | '\u{2212}')
                && at_word_start
                && next.is_some_and(|n| n.is_ascii_digit())
                && !(c == '.' && prev == Some('.'));
            if word_char(c) || signed_number {
                p = self.word(p, end, start);
                continue;
            }
            if is_apostrophe(c) || c == '\u{2018}' {
                p = self.apostrophe(p, w, start, end, c);
                continue;
            }
            let same_run = |p: usize, c: char| -> usize {
                let mut e = p;
                while let Some((d, dw)) = char_at(text, e) {
                    if d != c || e >= end {
                        break;
                    }
                    e += dw;
                }
                e
            };
            match c {
                '`' => {
                    let e = if next == Some('`') { p + 2 } else { p + 1 };
                    self.push(p, e, TokenKind::Quote);
                    p = e;
                }
                _ if is_quote(c) => {
                    self.push(p, p + w, TokenKind::Quote);
                    p += w;
                }
                '.' | '-' | '*' | '_' | '\u{2026}' => {
                    let e = same_run(p, c);
                    self.push(p, e, TokenKind::Punct);
                    p = e;
                }
                '=' | '~' | '#' | '+' => {
                    let e = same_run(p, c);
                    self.push(p, e, TokenKind::Symbol);
                    p = e;
                }
                '!' | '?' | '\u{203C}' | '\u{2047}'..='\u{2049}' => {
                    let mut e = p;
                    while let Some((d, dw)) = char_at(text, e) {
                        if e >= end || !matches!(d, '!' | '?' | '\u{203C}' | '\u{2047}'..='\u{2049}') {
                            break;
                        }
                        e += dw;
                    }
                    self.push(p, e, TokenKind::Punct);
                    p = e;
                }
                _ if is_dash(c) => {
                    let e = same_run(p, c);
                    self.push(p, e, TokenKind::Punct);
                    p = e;
                }
                _ if c.is_control() => {
                    let mut e = p + w;
                    while let Some((d, dw)) = char_at(text, e) {
                        if e >= end || !d.is_control() || d.is_whitespace() {
                            break;
                        }
                        e += dw;
                    }
                    self.push(p, e, TokenKind::Other);
                    p = e;
                }
                _ if is_symbol(c) => {
                    self.push(p, p + w, TokenKind::Symbol);
                    p += w;
                }
                _ if is_punct_like(c) => {
                    self.push(p, p + w, TokenKind::Punct);
                    p += w;
                }
                _ => {
                    let e = self.emoji(p, w, end, c);
                    self.push(p, e, TokenKind::Other);
                    p = e;
                }
            }
        }
    }

    /// An emoji or other symbol with whatever modifies it: skin tone, variation selector,
    /// zero-width-joiner sequences, keycaps, flag pairs.
    fn emoji(&self, p: usize, w: usize, end: usize, c: char) -> usize {
        let text = self.text;
        let mut e = p + w;
        if is_regional_indicator(c) {
            if let Some((d, dw)) = char_at(text, e) {
                if e < end && is_regional_indicator(d) {
                    return e + dw;
                }
            }
            return e;
        }
        while e < end {
            let Some((d, dw)) = char_at(text, e) else { break };
            if d == '\u{200D}' {
                e += dw;
                if let Some((f, fw)) = char_at(text, e) {
                    if e < end && !f.is_whitespace() && !word_char(f) && !is_punct_like(f) {
                        e += fw;
                    }
                }
            } else if is_emoji_continuation(d) || is_combining(d) {
                e += dw;
            } else {
                break;
            }
        }
        e
    }

    /// A URL starting at `p` (scheme or "www."), ending before whitespace, quote marks and
    /// angle brackets, without trailing sentence punctuation or an unbalanced closing bracket.
    fn url(&self, p: usize, end: usize) -> Option<usize> {
        let s = &self.text.as_bytes()[p..end];
        let starts = |pre: &[u8]| s.len() >= pre.len() && s[..pre.len()].eq_ignore_ascii_case(pre);
        let skip = if starts(b"https://") {
            8
        } else if starts(b"http://") {
            7
        } else if starts(b"ftp://") {
            6
        } else if starts(b"www.") {
            4
        } else {
            return None;
        };
        let mut e = p + skip;
        let (mut paren, mut square) = (0i32, 0i32);
        while e < end {
            let Some((c, w)) = char_at(self.text, e) else { break };
            if is_quote(c) && c != '\'' || matches!(c, '<' | '>') {
                break;
            }
            match c {
                '(' => paren += 1,
                ')' => paren -= 1,
                '[' => square += 1,
                ']' => square -= 1,
                _ => {}
            }
            e += w;
        }
        // Trim what belongs to the sentence, not the address.
        while let Some(c) = char_before(self.text, e).filter(|_| e > p + skip) {
            let trim = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' => true,
                ')' if paren < 0 => {
                    paren += 1;
                    true
                }
                ']' if square < 0 => {
                    square += 1;
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            e -= c.len_utf8();
        }
        // Something must follow the scheme, and it must start like a host name.
        let host = char_at(self.text, p + skip).map(|x| x.0);
        (e > p + skip && host.is_some_and(word_char)).then_some(e)
    }

    /// An e-mail address starting at `p`: local part, "@", a dotted domain.
    fn email(&self, p: usize, end: usize) -> Option<usize> {
        let text = self.text;
        // Bounded like real addresses (64-byte local part, 255-byte domain) so that a huge
        // chunk with one '@' is not rescanned from every word in it.
        let mut e = p;
        while e < end {
            let (c, w) = char_at(text, e)?;
            if c == '@' {
                break;
            }
            if e - p > 64 {
                return None;
            }
            if !(word_char(c) || matches!(c, '.' | '_' | '%' | '+' | '-')) {
                return None;
            }
            e += w;
        }
        if e >= end || e == p {
            return None;
        }
        e += 1; // '@'
        let domain_start = e;
        let mut last_good = None;
        let mut dots = 0;
        while e < end && e - domain_start <= 255 {
            let Some((c, w)) = char_at(text, e) else { break };
            if word_char(c) {
                e += w;
                last_good = Some(e);
            } else if c == '.' || c == '-' {
                if c == '.' && last_good == Some(e) {
                    dots += 1;
                }
                e += w;
            } else {
                break;
            }
        }
        let stop = last_good?;
        // At least one dot inside the domain (not only a trailing one).
        let inner_dot = text[domain_start..stop].contains('.');
        (dots > 0 && inner_dot).then_some(stop)
    }

    /// The name of an @handle or #hashtag starting at `p`: letters, digits, underscores, at
    /// least one letter for hashtags ("#1" is a number sign and a number).
    fn tag(&self, p: usize, end: usize, hashtag: bool) -> Option<usize> {
        let mut e = p;
        let mut letter = false;
        while e < end {
            let Some((c, w)) = char_at(self.text, e) else { break };
            if word_char(c) || c == '_' {
                letter |= c.is_alphabetic() || c == '_';
                e += w;
            } else {
                break;
            }
        }
        (e > p && (letter || !hashtag)).then_some(e)
    }

    /// A word or number starting at `start`, with its joiners (hyphens, inner periods,
    /// apostrophes, digit separators), an abbreviation's final period, then split into the word
    /// and its clitic. Returns where the next token starts.
    fn word(&mut self, start: usize, end: usize, chunk_start: usize) -> usize {
        let text = self.text;
        let mut p = start;
        if let Some((c, w)) = char_at(text, p) {
            if !word_char(c) {
                p += w; // sign or leading decimal point
            }
        }
        let mut inner_period = false;
        let mut letters = false;
        let mut prev_digit = false;
        let mut prev_letter = false;
        loop {
            // Word characters.
            while p < end {
                let Some((c, w)) = char_at(text, p) else { break };
                if !word_char(c) {
                    break;
                }
                prev_digit = c.is_numeric();
                prev_letter = !prev_digit;
                letters |= prev_letter;
                p += w;
            }
            if p >= end {
                break;
            }
            let Some((c, w)) = char_at(text, p) else { break };
            let next = if p + w < end { char_at(text, p + w).map(|x| x.0) } else { None };
            let next_word = next.is_some_and(word_char);
            let next_digit = next.is_some_and(|n| n.is_numeric());
            let join = match c {
                '.' => next_word,
                ',' | ':' | '/' => prev_digit && next_digit,
                '\u{2013}' => prev_digit && next_digit,
                '&' => prev_letter && next.is_some_and(|n| n.is_alphabetic()),
                '_' => next_word,
                _ if is_hyphen(c) => next_word,
                _ if is_apostrophe(c) => next.is_some_and(|n| n.is_alphabetic()),
                _ => false,
            };
            if !join {
                break;
            }
            if c == '.' {
                inner_period = true;
            }
            p += w;
        }
        let run_end = p;
        let run = &text[start..run_end];

        // "US$", "C$", "HK$": a currency sign after one to three capitals belongs to them.
        if p < end
            && text.as_bytes()[p] == b'$'
            && (1..=3).contains(&run.len())
            && run.bytes().all(|b| b.is_ascii_uppercase())
        {
            self.push(start, p + 1, TokenKind::Symbol);
            return p + 1;
        }

        // A final period that belongs to the word.
        if p < end
            && text.as_bytes()[p] == b'.'
            && text.as_bytes().get(p + 1) != Some(&b'.')
            && self.keeps_period(run, inner_period, letters, p + 1, chunk_start == start)
        {
            p += 1;
            // "U.S.-led": a hyphenated word can continue after the abbreviation.
            if p + 1 < end && text.as_bytes()[p] == b'-' && char_at(text, p + 1).is_some_and(|(c, _)| word_char(c)) {
                return self.word_continue(start, p + 1, end);
            }
            self.push(start, p, if letters { TokenKind::Word } else { TokenKind::Number });
            return p;
        }
        // "anti-", "fifth-", "32-" ("32- and 35-inch"): a trailing hyphen stays on the word.
        if p + 1 == end && text.as_bytes()[p] == b'-' {
            self.push(start, end, if letters { TokenKind::Word } else { TokenKind::Number });
            return end;
        }
        // A tie in a results table: "10= Anna Lind" at the start of a line.
        if p + 1 == end && text.as_bytes()[p] == b'=' && !letters && self.line_start && start == chunk_start {
            self.push(start, end, TokenKind::Number);
            return end;
        }
        // Credit ratings and the like: "AA+", "BBB+", "C++" (capitals followed by pluses that
        // end the chunk or precede punctuation).
        if p < end && text.as_bytes()[p] == b'+' && run.bytes().all(|b| b.is_ascii_uppercase()) {
            let mut e = p;
            while e < end && text.as_bytes()[e] == b'+' {
                e += 1;
            }
            if e == end || !char_at(text, e).is_some_and(|(c, _)| word_char(c)) {
                self.push(start, e, TokenKind::Word);
                return e;
            }
        }

        let kind = if letters { TokenKind::Word } else { TokenKind::Number };
        match clitic_split(run) {
            Some(k) => {
                self.push(start, start + k, kind);
                self.push(start + k, run_end, TokenKind::Word);
            }
            None => self.push(start, run_end, kind),
        }
        run_end
    }

    /// Continues a word after "U.S.-": scans the rest as one Word token.
    fn word_continue(&mut self, start: usize, mut p: usize, end: usize) -> usize {
        let text = self.text;
        while p < end {
            let Some((c, w)) = char_at(text, p) else { break };
            let next = char_at(text, p + w).map(|x| x.0).filter(|_| p + w < end);
            if word_char(c) || (is_hyphen(c) && next.is_some_and(word_char)) {
                p += w;
            } else {
                break;
            }
        }
        self.push(start, p, TokenKind::Word);
        p
    }

    /// Whether `run`, followed by a period, keeps the period: abbreviations, initials,
    /// dotted acronyms, and list-marker numbers at the start of a line.
    fn keeps_period(&self, run: &str, inner_period: bool, letters: bool, after: usize, first_in_chunk: bool) -> bool {
        let next_non_space = self.text.get(after..).and_then(|s| s.trim_start().chars().next());
        if !letters {
            // "1." as a list marker: first token of its line, short, followed by a space.
            return first_in_chunk
                && self.line_start
                && run.len() <= 3
                && run.bytes().all(|b| b.is_ascii_digit())
                && self.text.get(after..).and_then(|s| s.chars().next()).map_or(true, char::is_whitespace);
        }
        if inner_period {
            // "U.S", "a.m", "Ph.D", "e.g": every piece at most two letters; in a hyphenated
            // word only the last part counts ("Russian-U.S.", "then-U.S.").
            let last = run.rsplit(is_hyphen).next().unwrap_or(run);
            return last
                .split('.')
                .all(|piece| (1..=2).contains(&piece.chars().count()) && piece.chars().all(char::is_alphabetic));
        }
        let mut chars = run.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c == 'I' {
                // "George I. Vance" is an initial, "World War I. Then" is not: the pronoun-like
                // letter keeps its period only before a capitalised non-opener.
                let next_word = self
                    .text
                    .get(after..)
                    .map(|s| s.trim_start())
                    .map(|s| s.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
                return next_word
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && !lexicon::is_sentence_starter(w));
            }
            return c.is_uppercase();
        }
        // "D-Calif.": in a hyphenated word the last part decides.
        let run = run.rsplit(is_hyphen).next().unwrap_or(run);
        match lexicon::abbreviation(run) {
            Some(_) if run.eq_ignore_ascii_case("no") || run.eq_ignore_ascii_case("nos") => {
                next_non_space.is_some_and(|c| c.is_ascii_digit())
            }
            Some(_) => true,
            None => false,
        }
    }

    /// An apostrophe or left single quote that did not join a word: a clitic written apart
    /// ("'s" in pre-tokenized text), an abbreviated year ("'96", "'90s"), or a quote mark.
    fn apostrophe(&mut self, p: usize, w: usize, chunk_start: usize, end: usize, c: char) -> usize {
        let text = self.text;
        let prev = if p > chunk_start { char_before(text, p) } else { None };
        let after = p + w;
        let mut e = after;
        while e < end {
            match char_at(text, e) {
                Some((d, dw)) if word_char(d) => e += dw,
                _ => break,
            }
        }
        let tail = &text[after..e];
        let at_word_start = !prev.is_some_and(word_char);
        // A clitic after a handle, hashtag, URL or address ("@vera’s"): those stop before the
        // apostrophe, words never do.
        if !at_word_start && c != '\u{2018}' && is_clitic(tail) {
            self.push(p, e, TokenKind::Word);
            return e;
        }
        if at_word_start && !tail.is_empty() {
            // Written apart in pre-tokenized text ("Clinton 's"), or after an abbreviation
            // ("U.S.'s").
            if c != '\u{2018}' && (p == chunk_start || prev == Some('.')) && is_clitic(tail) {
                self.push(p, e, TokenKind::Word);
                return e;
            }
            let b = tail.as_bytes();
            if (b.len() == 2 || (b.len() == 3 && b[2] == b's')) && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
                self.push(p, e, TokenKind::Number);
                return e;
            }
        }
        // "''" is one closing mark in pre-tokenized text.
        if c == '\'' && text.as_bytes().get(after) == Some(&b'\'') && after < end {
            self.push(p, after + 1, TokenKind::Quote);
            return after + 1;
        }
        let kind = if c == '\u{2018}' || (at_word_start && after < end) {
            self.single_open = true;
            TokenKind::Quote
        } else if self.single_open {
            self.single_open = false;
            TokenKind::Quote
        } else if prev.is_some_and(|d| matches!(d, 's' | 'S' | 'z' | 'Z')) {
            TokenKind::Punct // possessive: "the Joneses' house"
        } else if at_word_start {
            self.single_open = true;
            TokenKind::Quote
        } else {
            TokenKind::Quote
        };
        self.push(p, after, kind);
        after
    }
}

/// Where the clitic of `run` starts, if it has one: "n't" ("do|n't", "ca|n't") or an
/// apostrophe followed by s, re, ve, ll, d or m ("Clinton|'s", "I|'m").
fn clitic_split(run: &str) -> Option<usize> {
    let b = run.as_bytes();
    // n't / n’t / nʼt, compared as bytes so nothing is sliced off a char boundary.
    if let Some((&last, rest)) = b.split_last() {
        if last == b't' || last == b'T' {
            for apo in ["'", "\u{2019}", "\u{02BC}"] {
                if let Some(before) = rest.strip_suffix(apo.as_bytes()) {
                    if let Some((&n, stem)) = before.split_last() {
                        // `stem.len()` is the index of the ASCII 'n', hence a char boundary.
                        if (n == b'n' || n == b'N')
                            && run[..stem.len()].chars().next_back().is_some_and(char::is_alphabetic)
                        {
                            return Some(stem.len());
                        }
                    }
                }
            }
        }
    }
    let (k, c) = run.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let after = k + c.len_utf8();
    (k > 0 && is_clitic(&run[after..])).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.of(text)).collect()
    }

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.span.of(text), t.kind)).collect()
    }

    #[test]
    fn possessives_with_straight_and_curly_apostrophes() {
        assert_eq!(toks("Clinton's plan"), ["Clinton", "'s", "plan"]);
        assert_eq!(toks("Clinton’s plan"), ["Clinton", "’s", "plan"]);
        assert_eq!(toks("O'Neill's dog"), ["O'Neill", "'s", "dog"]);
        assert_eq!(toks("the Joneses' house"), ["the", "Joneses", "'", "house"]);
        assert_eq!(toks("o'clock d'Italia"), ["o'clock", "d'Italia"]);
    }

    #[test]
    fn contractions_follow_the_treebank() {
        assert_eq!(toks("don't can't won't"), ["do", "n't", "ca", "n't", "wo", "n't"]);
        assert_eq!(
            toks("Don’t I'm they're we've she'll I'd"),
            ["Do", "n’t", "I", "'m", "they", "'re", "we", "'ve", "she", "'ll", "I", "'d"]
        );
        assert_eq!(toks("do n't Clinton 's"), ["do", "n't", "Clinton", "'s"]);
    }

    #[test]
    fn punctuation_is_split_hyphens_kept() {
        assert_eq!(toks("Anglo-Dutch, (on 1996-08-22)."), ["Anglo-Dutch", ",", "(", "on", "1996-08-22", ")", "."]);
        assert_eq!(
            toks("pro- and anti- war, 32- and 35-inch"),
            ["pro-", "and", "anti-", "war", ",", "32-", "and", "35-inch"]
        );
        assert_eq!(toks("rated AA+ or BBB+, in C++."), ["rated", "AA+", "or", "BBB+", ",", "in", "C++", "."]);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_period() {
        assert_eq!(
            toks("Gen. Sen. Dr. Mr. Mrs. Ms. Prof. Rep. Gov. Lt. Col. St. Inc. Corp. Ltd. Co. vs. etc."),
            [
                "Gen.", "Sen.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rep.", "Gov.", "Lt.", "Col.", "St.", "Inc.",
                "Corp.", "Ltd.", "Co.", "vs.", "etc."
            ]
        );
        assert_eq!(
            toks("U.S. U.K. U.N. a.m. p.m. Jan. Feb. Sept."),
            ["U.S.", "U.K.", "U.N.", "a.m.", "p.m.", "Jan.", "Feb.", "Sept."]
        );
        assert_eq!(toks("J. K. Rowling met George W. Bush"), ["J.", "K.", "Rowling", "met", "George", "W.", "Bush"]);
        assert_eq!(toks("the U.S.-led force"), ["the", "U.S.-led", "force"]);
        assert_eq!(
            toks("Russian-U.S. ties, the U.S.'s role"),
            ["Russian-U.S.", "ties", ",", "the", "U.S.", "'s", "role"]
        );
        assert_eq!(
            toks("Sen. Ada Voss (D-Calif.) and Rep. Al Wu (R-Texas)."),
            ["Sen.", "Ada", "Voss", "(", "D-Calif.", ")", "and", "Rep.", "Al", "Wu", "(", "R-Texas", ")", "."]
        );
        assert_eq!(toks("No. 10 and a firm no."), ["No.", "10", "and", "a", "firm", "no", "."]);
        assert_eq!(toks("He ended it."), ["He", "ended", "it", "."]);
        assert_eq!(
            toks("World War I. Then George I. Vance came on Tues. night."),
            ["World", "War", "I", ".", "Then", "George", "I.", "Vance", "came", "on", "Tues.", "night", "."]
        );
        assert_eq!(toks("He felt ill. In Ill. too"), ["He", "felt", "ill", ".", "In", "Ill.", "too"]);
    }

    #[test]
    fn numbers_times_money_percentages() {
        assert_eq!(
            toks("1,200 people, 3.5 percent, at 10:30, -4.2 and +0.05"),
            ["1,200", "people", ",", "3.5", "percent", ",", "at", "10:30", ",", "-4.2", "and", "+0.05"]
        );
        assert_eq!(toks("$5.3 billion"), ["$", "5.3", "billion"]);
        assert_eq!(toks("€20 or 20€ or £1,000.50"), ["€", "20", "or", "20", "€", "or", "£", "1,000.50"]);
        assert_eq!(toks("US$5 C$3"), ["US$", "5", "C$", "3"]);
        assert_eq!(toks("up 5% to 1/2"), ["up", "5", "%", "to", "1/2"]);
        assert_eq!(toks("It cost 40."), ["It", "cost", "40", "."]);
        assert_eq!(kinds("1,200")[0].1, TokenKind::Number);
    }

    #[test]
    fn list_numbers_keep_their_period_only_at_line_start() {
        assert_eq!(toks("1. Germany\n2. France"), ["1.", "Germany", "2.", "France"]);
        assert_eq!(toks("won 2. Then"), ["won", "2", ".", "Then"]);
        assert_eq!(kinds("1. Germany")[0], ("1.", TokenKind::Number));
        assert_eq!(toks("10= Ana Lind\n10= Bo Berg\n1=2"), ["10=", "Ana", "Lind", "10=", "Bo", "Berg", "1", "=", "2"]);
    }

    #[test]
    fn urls_emails_handles_hashtags() {
        assert_eq!(
            kinds("See https://example.org/a?b=1 (or www.example.com/x).").iter().map(|x| x.0).collect::<Vec<_>>(),
            ["See", "https://example.org/a?b=1", "(", "or", "www.example.com/x", ")", "."]
        );
        assert_eq!(kinds("mail ana.lee@news.example.com.")[1], ("ana.lee@news.example.com", TokenKind::Email));
        assert_eq!(kinds("@vera_k said #Election2024!")[0], ("@vera_k", TokenKind::Handle));
        assert_eq!(kinds("@vera_k said #Election2024!")[2], ("#Election2024", TokenKind::Hashtag));
        assert_eq!(kinds("\"https://x.org/p\"")[1], ("https://x.org/p", TokenKind::Url));
        assert_eq!(toks("#1 seed"), ["#", "1", "seed"]);
        assert_eq!(
            toks("@vera’s post and #Vote2024's reach"),
            ["@vera", "’s", "post", "and", "#Vote2024", "'s", "reach"]
        );
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(toks("yes—no – maybe - so -- then"), ["yes", "—", "no", "–", "maybe", "-", "so", "--", "then"]);
        assert_eq!(toks("wait... what… now"), ["wait", "...", "what", "…", "now"]);
        assert_eq!(toks("pages 10–12"), ["pages", "10–12"]);
    }

    #[test]
    fn every_kind_of_quote_mark() {
        let t = "\"a\" “b” „c“ ‘d’ ‚e‘ «f» ‹g› 'h' ``i''";
        assert_eq!(
            toks(t),
            [
                "\"", "a", "\"", "“", "b", "”", "„", "c", "“", "‘", "d", "’", "‚", "e", "‘", "«", "f", "»", "‹", "g",
                "›", "'", "h", "'", "``", "i", "''"
            ]
        );
        assert!(kinds(t)
            .iter()
            .filter(|k| k.0.len() > 1 || !k.0.chars().all(char::is_alphabetic))
            .all(|k| k.1 == TokenKind::Quote));
        assert_eq!(toks("'Go home,' she said."), ["'", "Go", "home", ",", "'", "she", "said", "."]);
        assert_eq!(toks("the '90s, ’96 and ‘08"), ["the", "'90s", ",", "’96", "and", "‘08"]);
    }

    #[test]
    fn headlines_datelines_bullets() {
        assert_eq!(toks("PARIS (Reuters) - MINISTER QUITS"), ["PARIS", "(", "Reuters", ")", "-", "MINISTER", "QUITS"]);
        assert_eq!(toks("• one\n* two\n- three"), ["•", "one", "*", "two", "-", "three"]);
    }

    #[test]
    fn emoji_cjk_and_control_characters() {
        assert_eq!(toks("great👍🏽 🇫🇷 👨‍👩‍👧!"), ["great", "👍🏽", "🇫🇷", "👨‍👩‍👧", "!"]);
        assert_eq!(toks("東京で「会議」。"), ["東京で", "「", "会議", "」", "。"]);
        assert_eq!(kinds("a\u{0}\u{1}b")[1], ("\u{0}\u{1}", TokenKind::Other));
        assert_eq!(toks("Zoë café naïve"), ["Zoë", "café", "naïve"]);
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t \u{3000}").is_empty());
    }
}

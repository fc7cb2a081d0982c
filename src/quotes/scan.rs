//! A small word scanner for attribution.
//!
//! Why not `doc.tokens`: attribution needs a stable view of words around quote marks
//! (possessives kept on their noun, abbreviations with their period, every quote mark its own
//! token) whatever tokenizer conventions the text layer follows, and it must agree exactly with
//! the mark pairing in [`super::marks`]. The scan is one linear pass over the text.

/// What a scanned token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters/digits with inner apostrophes, hyphens, periods (`O’Brien`, `U.S.`, `Sen.`).
    Word,
    /// A quotation mark or apostrophe standing alone.
    Mark,
    /// Any other non-space character.
    Punct,
}

/// One scanned token: byte range and kind. `line` is the index of the text line it is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub line: usize,
}

/// Abbreviations that keep their final period (lowercase, without the period).
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col", "sgt", "capt", "cmdr",
    "adm", "maj", "st", "jr", "sr", "prof", "rev", "hon", "pres", "supt", "insp", "det", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "vs", "etc", "ave", "blvd", "mt",
    "ft", "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "va", "wash", "wis", "conn", "ariz",
    "colo", "del", "ga", "ind", "kan", "ky", "la", "md", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "vt",
    "wyo", "ala", "ark", "miss",
];

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '‚' | '‛' | '‟')
}

fn wordy(c: char) -> bool {
    c.is_alphanumeric()
}

/// Scans `text` into tokens. One pass over byte offsets, no copy of the text.
pub fn scan(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let at = |b: usize| text.get(b..).and_then(|r| r.chars().next());
    let n = text.len();
    let mut line = 0;
    let mut i = 0;
    while i < n {
        let Some(c) = at(i) else { break };
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        // `@`, `#` and `$` are one byte, so `i + 1` is the next char.
        if wordy(c) || ((c == '@' || c == '#' || c == '$') && at(i + 1).is_some_and(wordy)) {
            let s = i;
            let mut prev = c;
            i += c.len_utf8();
            loop {
                match at(i) {
                    Some(w) if wordy(w) => {
                        prev = w;
                        i += w.len_utf8();
                    }
                    Some(j @ ('\'' | '’' | '-' | '.' | '&' | '/' | ',' | ':')) => {
                        let after = i + j.len_utf8();
                        let Some(d) = at(after).filter(|d| wordy(*d)) else { break };
                        // A comma or colon only joins digits (1,200 / 10:30).
                        if (j == ',' || j == ':') && !(prev.is_ascii_digit() && d.is_ascii_digit()) {
                            break;
                        }
                        prev = d;
                        i = after + d.len_utf8();
                    }
                    _ => break,
                }
            }
            // A final period belongs to abbreviations, initials and dotted acronyms.
            if at(i) == Some('.') {
                let w = &text[s..i];
                let lower = w.to_lowercase();
                // An initial is followed by a space and a capital ("J. Smith"), not by a quote
                // mark or the end ("Neither do I.”").
                let after = &text[i + 1..];
                let then_capital = after.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
                let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase) && then_capital;
                if initial || w.contains('.') || ABBREV.contains(&lower.as_str()) {
                    i += 1;
                }
            }
            out.push(Tok { start: s, end: i, kind: Kind::Word, line });
            continue;
        }
        let kind = if is_mark(c) { Kind::Mark } else { Kind::Punct };
        let e = i + c.len_utf8();
        out.push(Tok { start: i, end: e, kind, line });
        i = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        scan(t).into_iter().map(|k| &t[k.start..k.end]).collect()
    }

    #[test]
    fn abbreviations_and_possessives() {
        assert_eq!(
            words("Sen. John O’Brien’s aide said: “No.” U.S. 1,200."),
            vec!["Sen.", "John", "O’Brien’s", "aide", "said", ":", "“", "No", ".", "”", "U.S.", "1,200", "."]
        );
    }

    #[test]
    fn lines_counted() {
        let t = scan("a\n\nb");
        assert_eq!(t[1].line, 2);
    }
}

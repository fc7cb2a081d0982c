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

/// Scans `text` into tokens.
pub fn scan(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| if i < n { Some(chars[i].1) } else { None };
    let pos = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut line = 0;
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if wordy(c) || ((c == '@' || c == '#' || c == '$') && at(i + 1).is_some_and(wordy)) {
            let s = i;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if wordy(c) => i += 1,
                    Some('\'' | '’' | '-' | '.' | '&' | '/' | ',' | ':') if at(i + 1).is_some_and(wordy) => {
                        // A comma or colon only joins digits (1,200 / 10:30).
                        let c = chars[i].1;
                        if (c == ',' || c == ':')
                            && !(chars[i - 1].1.is_ascii_digit() && at(i + 1).is_some_and(|d| d.is_ascii_digit()))
                        {
                            break;
                        }
                        i += 2;
                    }
                    _ => break,
                }
            }
            // A final period belongs to abbreviations, initials and dotted acronyms.
            if at(i) == Some('.') {
                let w = &text[pos(s)..pos(i)];
                let lower = w.to_lowercase();
                // An initial is followed by a space and a capital ("J. Smith"), not by a quote
                // mark or the end ("Neither do I.”").
                let after = &text[pos(i) + 1..];
                let then_capital = after.strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
                let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase) && then_capital;
                if initial || w.contains('.') || ABBREV.contains(&lower.as_str()) {
                    i += 1;
                }
            }
            out.push(Tok { start: pos(s), end: pos(i), kind: Kind::Word, line });
            continue;
        }
        let kind = if is_mark(c) { Kind::Mark } else { Kind::Punct };
        out.push(Tok { start: pos(i), end: pos(i + 1), kind, line });
        i += 1;
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

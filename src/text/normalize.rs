//! The CoNLL-2003 spelling of a token, for models trained on that corpus.
//!
//! Why: the tokenizer never changes the text, so a modern article yields tokens like “ ” ’s
//! n’t — …, while CoNLL-2003 (1996 Reuters, ASCII) only ever shows " 's n't -- ... . A model
//! that looks words up in its vocabulary should look up this form; offsets keep pointing at the
//! original characters. Borrowed when nothing changes (the common case), so it costs nothing
//! on plain ASCII.

use std::borrow::Cow;

/// The token as CoNLL-2003 would have written it: curly and angle double quotes, `` and ''
/// become `"`; curly single quotes and the modifier-letter apostrophe become `'`; em dashes
/// and horizontal bars become `--`; en dashes, Unicode hyphens and the minus sign become `-`;
/// the ellipsis character becomes `...`. Everything else is unchanged.
pub fn conll_form(token: &str) -> Cow<'_, str> {
    if token.is_ascii() && token != "``" && token != "''" {
        return Cow::Borrowed(token);
    }
    if token == "``" || token == "''" {
        return Cow::Borrowed("\"");
    }
    if !token.chars().any(|c| replacement(c).is_some()) {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match replacement(c) {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{301D}' | '\u{301E}' | '\u{301F}' | '\u{FF02}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{02BC}' | '\u{FF07}' => "'",
        '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' => "--",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modern_marks_get_their_conll_spelling() {
        assert_eq!(conll_form("\u{201C}"), "\"");
        assert_eq!(conll_form("\u{2019}s"), "'s");
        assert_eq!(conll_form("n\u{2019}t"), "n't");
        assert_eq!(conll_form("O\u{2019}Brien"), "O'Brien");
        assert_eq!(conll_form("\u{2014}"), "--");
        assert_eq!(conll_form("10\u{2013}12"), "10-12");
        assert_eq!(conll_form("\u{2026}"), "...");
        assert_eq!(conll_form("``"), "\"");
    }

    #[test]
    fn plain_tokens_are_borrowed_unchanged() {
        assert!(matches!(conll_form("Clinton"), Cow::Borrowed("Clinton")));
        assert!(matches!(conll_form("Zoë"), Cow::Borrowed("Zoë")));
        assert!(matches!(conll_form("'s"), Cow::Borrowed("'s")));
    }
}

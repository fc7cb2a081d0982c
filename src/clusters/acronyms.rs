//! Acronyms: the ones an article defines ("… Levant (ISIL)", "ISIL (Islamic State …)") and
//! the ones that spell the initials of a longer name in the article ("UN" ~ "United Nations").
//!
//! Why: organisations are named in full once and by acronym afterwards; without this the
//! acronym becomes a separate entity. Definitions are checked with the Schwartz & Hearst (2003)
//! alignment — every acronym letter found in order in the expansion, the first at a word start
//! — so "(Reuters)" after a name is not taken for its acronym.

use crate::doc::{Document, Span};
use crate::lexicon;

/// Initials of a multi-word key, skipping stopwords and name particles ("al-nusra" → "n").
pub fn initials(tokens: &[String]) -> String {
    let mut out = String::new();
    for t in tokens {
        if lexicon::is_initials_stopword(t) {
            continue;
        }
        let t = ["al-", "el-"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t);
        for part in t.split('-') {
            if let Some(c) = part.chars().next() {
                out.push(c);
            }
        }
    }
    out
}

/// Initials of every word, stopwords included ("Bank of America" → "boa").
pub fn all_initials(tokens: &[String]) -> String {
    tokens.iter().filter_map(|t| t.chars().next()).collect()
}

/// Whether `acronym` can abbreviate `expansion` (Schwartz & Hearst): its letters and digits
/// appear in order in the expansion, read right to left, and the first one starts a word.
pub fn abbreviates(acronym: &str, expansion: &str) -> bool {
    let a: Vec<char> = acronym.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let e: Vec<char> = expansion.chars().flat_map(char::to_lowercase).collect();
    if a.len() < 2 || e.len() <= a.len() {
        return false;
    }
    let mut ei = e.len();
    for (ai, &c) in a.iter().enumerate().rev() {
        loop {
            if ei == 0 {
                return false;
            }
            ei -= 1;
            let word_start = ei == 0 || !e[ei - 1].is_alphanumeric();
            if e[ei] == c && (ai > 0 || word_start) {
                break;
            }
        }
    }
    // The expansion must have at least two words: "(IT)" after "Italy" is no definition.
    expansion.trim().contains(char::is_whitespace)
}

/// The parenthesised text that opens at token `k`, right after the name that ends before it
/// ("… Levant (ISIL)"): its span, if the parenthesis opens within a couple of spaces and closes
/// within 80 bytes on the same line.
pub fn parenthesis_after(doc: &Document, k: usize) -> Option<Span> {
    if k == 0 || k >= doc.tokens.len() || doc.token_text(k) != "(" {
        return None;
    }
    let gap = doc.text.get(doc.tokens[k - 1].span.end..doc.tokens[k].span.start)?;
    if gap.len() > 2 || !gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
        return None;
    }
    let inner_start = doc.tokens[k].span.end;
    let para = doc.paragraph_of(k);
    let mut j = k + 1;
    while j < doc.tokens.len() && doc.tokens[j].span.start < inner_start + 80 && doc.paragraph_of(j) == para {
        match doc.token_text(j) {
            ")" => {
                return (j > k + 1).then(|| Span::new(doc.tokens[k + 1].span.start, doc.tokens[j - 1].span.end));
            }
            "(" => return None,
            _ => j += 1,
        }
    }
    None
}

/// Whether a parenthesised string looks like an acronym being defined: one word, 2–10 letters,
/// mostly capitals ("ISIL", "U.N.", "BofA").
pub fn looks_like_acronym(s: &str) -> bool {
    if s.contains(char::is_whitespace) {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&letters.len())
        && upper >= 2
        && upper * 2 >= letters.len()
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn initials_skip_stopwords() {
        assert_eq!(initials(&toks("islamic state of iraq and the levant")), "isil");
        assert_eq!(initials(&toks("united nations")), "un");
        assert_eq!(all_initials(&toks("bank of america")), "boa");
    }

    #[test]
    fn schwartz_hearst() {
        assert!(abbreviates("ISIL", "Islamic State of Iraq and Levant"));
        assert!(abbreviates("NLF", "counter-National Liberation Front"));
        assert!(abbreviates("NHS", "National Health Service"));
        assert!(abbreviates("BofA", "Bank of America"));
        assert!(!abbreviates("EFE", "Islamic State"));
        assert!(!abbreviates("IT", "Italy"));
    }

    #[test]
    fn parenthesis() {
        let t = "the Levant (ISIL) campaign, the Levant\n(ISIL) and x (";
        let doc = crate::text::segment_text(t);
        let s = parenthesis_after(&doc, 2).unwrap();
        assert_eq!(s.of(t), "ISIL");
        assert!(parenthesis_after(&doc, 1).is_none());
        assert!(parenthesis_after(&doc, 9).is_none());
        assert!(parenthesis_after(&doc, doc.tokens.len() - 1).is_none());
        assert!(looks_like_acronym("U.N."));
        assert!(!looks_like_acronym("Reuters"));
    }
}

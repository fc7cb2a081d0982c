//! Titles before a person's name: outside the name, and a sure sign of a person.
//!
//! Why: the CoNLL-2003 convention (ours too, see `eval/modern-news/GUIDELINES.md`) keeps titles
//! and honorifics outside a name: "Sen. [Jane Roe]", "Mr. [Clarke]". The tagger learnt names from
//! 1996 Reuters, which writes "Clarke" and almost never "Mr. Clarke" (a handful of times in
//! 200,000 tokens), so on news written in the "Mr. Clarke said" style it often takes the
//! honorific into the name, most of all at a sentence start where capitalisation says nothing,
//! and sometimes calls the whole an organisation ("Mr. Trump" as ORG). That was the largest
//! error class on the modern-news set. These are span conventions, not guesses: a title that
//! opens a person's name is cut off, and a name right after a personal honorific (Mr., Mrs.,
//! Ms., Mx., Messrs.) is a person whatever the tagger said.
//!
//! Only titles that CoNLL keeps outside person names are cut: not "King", "Queen", "Prince",
//! "Pope", "Sir" or "Lord", which its annotators often kept inside. "Dr." is cut from a person
//! but does not make one ("Dr Pepper" is a drink).

use crate::doc::{Document, Label, Span};

/// Personal honorifics: they only ever stand before a person's name.
const HONORIFICS: &[&str] = &["messrs", "mr", "mrs", "ms", "mx"];

/// Titles kept outside a person's name when they open one (lowercase, no final period).
const TITLES: &[&str] = &[
    "adm", "ambassador", "atty", "capt", "chairman", "chairwoman", "chancellor", "cmdr", "col", "dr", "gen", "general",
    "gov", "governor", "judge", "justice", "lt", "maj", "mayor", "messrs", "minister", "mr", "mrs", "ms", "mx",
    "premier", "president", "prof", "professor", "rep", "representative", "reps", "rev", "reverend", "secretary",
    "sen", "senator", "sens", "sgt",
];

/// The token's word as the lists hold it: lowercase, one final period dropped; `None` unless
/// it is capitalised (a title in a name is written "Sen." or "SEN.", not "sen.").
fn title_word(word: &str) -> Option<String> {
    let bare = word.strip_suffix('.').unwrap_or(word);
    if !bare.chars().next().is_some_and(char::is_uppercase) || bare.len() > 16 {
        return None;
    }
    Some(bare.to_lowercase())
}

fn is_in(list: &[&str], word: &str) -> bool {
    title_word(word).is_some_and(|w| list.binary_search(&w.as_str()).is_ok())
}

/// Applies the two conventions to the entities the tagger found (see the module doc). Entities
/// stay sorted and disjoint: spans only shrink.
pub(crate) fn apply(doc: &mut Document) {
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let word = |i: usize| tokens.get(i).and_then(|t| text.get(t.span.start..t.span.end)).unwrap_or("");
    for e in &mut doc.entities {
        // "Mr. Clarke" → "Clarke", a person; "Sen. Jane Roe" (a person) → "Jane Roe". Several
        // titles in a row ("Lt. Gen. Ames") all go; one word always stays.
        let mut first = e.tokens.start;
        while first + 1 < e.tokens.end {
            let w = word(first);
            let cut = is_in(HONORIFICS, w) || (e.label == Label::PER && is_in(TITLES, w));
            if !cut {
                break;
            }
            if is_in(HONORIFICS, w) {
                e.label = Label::PER;
            }
            first += 1;
        }
        if first > e.tokens.start {
            e.tokens.start = first;
            e.span = Span::new(tokens[first].span.start, e.span.end);
        }
        // "Mr. [Trump]" tagged ORG: the honorific says person.
        if e.label != Label::PER && e.tokens.start > 0 && is_in(HONORIFICS, word(e.tokens.start - 1)) {
            e.label = Label::PER;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(HONORIFICS.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(HONORIFICS.iter().all(|h| TITLES.contains(h)));
    }

    fn entities(text: &str) -> Vec<(String, Label)> {
        crate::annotate(text).entities.iter().map(|e| (e.span.of(text).to_string(), e.label)).collect()
    }

    #[test]
    fn an_honorific_is_outside_the_name_and_makes_a_person() {
        // Our own sentences, in the "Mr. X said" style of today's papers.
        let got = entities("Mr. Okonkwo said the bridge would reopen. Mrs. Halvorsen disagreed.");
        assert!(got.contains(&("Okonkwo".into(), Label::PER)), "{got:?}");
        assert!(got.contains(&("Halvorsen".into(), Label::PER)), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.starts_with("Mr") || t.starts_with("Mrs")), "{got:?}");
    }

    #[test]
    fn titles_before_a_person_are_cut_and_other_names_keep_theirs() {
        let got = entities("Senator Maribel Quist of Oregon met Gov. Arlo Pettibone on Monday.");
        assert!(got.contains(&("Maribel Quist".into(), Label::PER)), "{got:?}");
        assert!(got.contains(&("Arlo Pettibone".into(), Label::PER)), "{got:?}");
        // Not a person: a title word inside an organisation's name stays.
        let got = entities("The General Assembly of Ruritania voted.");
        assert!(got.iter().any(|(t, l)| t.contains("General Assembly") && *l != Label::PER), "{got:?}");
    }

    #[test]
    fn one_word_always_stays_and_lowercase_words_are_not_titles() {
        let mut doc = crate::annotate("Mr. Vance spoke.");
        doc.entities.retain(|e| e.label == Label::PER);
        apply(&mut doc);
        for e in &doc.entities {
            assert!(!e.tokens.is_empty() && e.span.start < e.span.end);
        }
        assert_eq!(title_word("mr."), None);
        assert_eq!(title_word("MR.").as_deref(), Some("mr"));
    }
}

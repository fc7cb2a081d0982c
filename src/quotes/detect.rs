//! Speech or not: telling quotations from scare quotes, titles and nicknames.
//!
//! Why these signals: a quoted stretch is reported speech when it is long enough to be a
//! sentence or clause, when a speech verb frames it ("called the talks 'constructive'"), or
//! when it is a lower-case fragment of two words or more between double marks (news style
//! quotes a phrase because someone used it: "pledged to pay their “fair share”"). Other short
//! quoted stretches without a cue are scare quotes (*so-called "moderate" rebels*), titles
//! (*a network's "Morning Ledger"*) or nicknames (*Robert "Bobby" Scott*).

use super::attribute::{Found, Frame};
use super::marks::{Family, Pair};
use crate::lexicon;

/// Minimum number of words for a quoted stretch to count as speech without a cue.
const MIN_WORDS_UNCUED: usize = 5;

/// The same for a stretch that is not title-cased: four lower-case words are a piece of
/// someone's sentence more often than a term (PolNeAR train: 38 of 56 such stretches are
/// annotated quotations; detection F1 train 0.9443 -> 0.9464, dev 0.9327 -> 0.9362).
const MIN_WORDS_UNCUED_LOWER: usize = 4;

/// Minimum number of words for a lower-case stretch between double marks to count as a partial
/// quotation without a cue (one word alone is a term or a scare quote more often).
const MIN_WORDS_PARTIAL: usize = 2;

/// Decides whether candidate `ci` is a quotation, given its direct attribution.
pub fn is_quotation(frame: &Frame<'_>, ci: usize, pair: &Pair, found: &Found) -> bool {
    let words = frame.words_inside(ci);
    if words == 0 {
        return false;
    }
    let before = frame.word_before(ci);
    let before2 = frame.word_before2(ci);
    // Scare quotes by construction: never quotations.
    let scare = before == Some("so-called") || before2.is_some_and(|w| matches!(w, "known" | "referred" | "so-called"));
    // Titles and terms: quotations only when a speech verb frames them.
    let naming = before.is_some_and(lexicon::is_naming_word);
    // A capitalised title after a possessive or preposition: a network's "Morning Ledger",
    // on "Capitol Week".
    let title = title_case(frame, ci) && (words >= 2 || pair.closed && !frame.sentence_like(ci));
    let show = title
        && before.is_some_and(|w| {
            w.ends_with("’s")
                || w.ends_with("'s")
                || matches!(w, "on" | "in" | "of" | "at" | "from" | "the" | "and")
                // `told "Morning Ledger"`, `an interview with "Harbour Talk"`: a programme.
                || matches!(w, "told" | "with")
        });
    let cued = found.direct && found.near;
    // A title after a naming word or a naming participle ("the podcast “…”", "a film called
    // “…”") is a name even when a speech verb stands nearby ("she said on the podcast “…”").
    if title && words < 8 && (naming || frame.named_by_participle(ci)) {
        return false;
    }
    if scare || show || !pair.closed && words < 4 {
        return false;
    }
    // A lower-case stretch of four words is a piece of someone's sentence more often than a
    // term ("“cut the ferry budget”"); capitalised runs of that length are titles.
    let min = if title { MIN_WORDS_UNCUED } else { MIN_WORDS_UNCUED_LOWER };
    if words >= min {
        // Long titles: "Fox and Friends" style runs of capitalised words.
        if title && words <= 8 && !cued {
            return false;
        }
        return !(naming && words < 8 && !cued);
    }
    // Short: when a speech verb frames it closely ("called the talks 'constructive'",
    // `"Absolutely," he said`) or when it is a whole sentence (`"It's the same story."`).
    if cued {
        return true;
    }
    if naming || title && words >= 2 {
        return false;
    }
    // Two or three lower-case words between double marks are a piece of someone's words (a
    // partial quotation: “fair share”, “a walking liability”) more often than a term: of the 201
    // such uncued stretches in PolNeAR train, 147 are annotated quotations (dev: 23 of 32).
    // Single marks are left out: outside double-quoted text they open headline and UK-style
    // quotations, whose fragments are rarely annotated.
    if !title && words >= MIN_WORDS_PARTIAL && pair.closed && pair.family == Family::Double {
        return true;
    }
    let full_sentence =
        frame.sentence_like(ci) && frame.quote_last_punct(ci).is_some_and(|p| p.ends_with(['.', '!', '?']));
    full_sentence && words >= 2
}

/// All words inside start with a capital (or are short function words): a title or name.
fn title_case(frame: &Frame<'_>, ci: usize) -> bool {
    let mut caps = 0;
    for w in frame.inside_words(ci) {
        let first = w.chars().next();
        if first.is_some_and(char::is_uppercase) {
            caps += 1;
        } else if !lexicon::is_title_minor_word(w) {
            return false;
        }
    }
    caps >= 1
}

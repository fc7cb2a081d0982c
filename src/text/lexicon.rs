//! The small word lists the text layer needs: abbreviations that keep their period, and the
//! words that typically open a sentence.
//!
//! Why lists at all: whether "Gen." or "Inc." ends a sentence cannot be read off the
//! characters. The lists are short, written by hand for English news (no third-party lexicon,
//! so no licence to record), sorted, and searched by binary search on a lower-cased copy held
//! in a stack buffer, so a lookup never allocates.

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// A title written before a name ("Dr.", "Gen.", "Sen."): never ends a sentence.
    Title,
    /// Anything else ("Inc.", "Sept.", "etc."): ends a sentence only when the next word
    /// clearly starts one.
    Other,
}

/// `(lower-case form without the period, kind, needs a capital)`. "needs a capital" marks
/// abbreviations that are also ordinary words ("Mass." / "mass.", "Ill." / "ill."): they only
/// count as abbreviations when written with a capital. Sorted by the first field.
const ABBREVIATIONS: &[(&str, Abbrev, bool)] = &[
    ("adm", Abbrev::Title, false),
    ("al", Abbrev::Other, false),
    ("ala", Abbrev::Other, true),
    ("amb", Abbrev::Title, false),
    ("approx", Abbrev::Other, false),
    ("apr", Abbrev::Other, true),
    ("apt", Abbrev::Other, false),
    ("ariz", Abbrev::Other, true),
    ("ark", Abbrev::Other, true),
    ("assn", Abbrev::Other, false),
    ("assoc", Abbrev::Other, false),
    ("asst", Abbrev::Title, false),
    ("atty", Abbrev::Title, false),
    ("aug", Abbrev::Other, true),
    ("ave", Abbrev::Other, false),
    ("bldg", Abbrev::Other, false),
    ("blvd", Abbrev::Other, false),
    ("brig", Abbrev::Title, false),
    ("bros", Abbrev::Other, false),
    ("calif", Abbrev::Other, false),
    ("capt", Abbrev::Title, false),
    ("cf", Abbrev::Other, false),
    ("cmdr", Abbrev::Title, false),
    ("co", Abbrev::Other, false),
    ("col", Abbrev::Title, false),
    ("colo", Abbrev::Other, false),
    ("conn", Abbrev::Other, true),
    ("corp", Abbrev::Other, false),
    ("cos", Abbrev::Other, true),
    ("cpl", Abbrev::Title, false),
    ("dec", Abbrev::Other, true),
    ("del", Abbrev::Other, true),
    ("dept", Abbrev::Other, false),
    ("det", Abbrev::Title, false),
    ("dist", Abbrev::Other, false),
    ("dr", Abbrev::Title, false),
    ("ed", Abbrev::Other, false),
    ("eds", Abbrev::Other, false),
    ("esq", Abbrev::Other, false),
    ("est", Abbrev::Other, false),
    ("etc", Abbrev::Other, false),
    ("feb", Abbrev::Other, true),
    ("fig", Abbrev::Other, false),
    ("fla", Abbrev::Other, true),
    ("fr", Abbrev::Title, false),
    ("fri", Abbrev::Other, true),
    ("ft", Abbrev::Other, false),
    ("ga", Abbrev::Other, true),
    ("gen", Abbrev::Title, false),
    ("gov", Abbrev::Title, false),
    ("govt", Abbrev::Other, false),
    ("hon", Abbrev::Title, false),
    ("hwy", Abbrev::Other, false),
    ("ill", Abbrev::Other, true),
    ("inc", Abbrev::Other, false),
    ("ind", Abbrev::Other, true),
    ("insp", Abbrev::Title, false),
    ("intl", Abbrev::Other, false),
    ("jan", Abbrev::Other, true),
    ("jr", Abbrev::Other, false),
    ("jul", Abbrev::Other, true),
    ("jun", Abbrev::Other, true),
    ("kan", Abbrev::Other, true),
    ("kans", Abbrev::Other, true),
    ("ky", Abbrev::Other, true),
    ("la", Abbrev::Other, true),
    ("llc", Abbrev::Other, false),
    ("lt", Abbrev::Title, false),
    ("ltd", Abbrev::Other, false),
    ("maj", Abbrev::Title, false),
    ("mar", Abbrev::Other, true),
    ("mass", Abbrev::Other, true),
    ("md", Abbrev::Other, true),
    ("messrs", Abbrev::Title, false),
    ("mich", Abbrev::Other, true),
    ("minn", Abbrev::Other, true),
    ("miss", Abbrev::Other, true),
    ("mlle", Abbrev::Title, false),
    ("mme", Abbrev::Title, false),
    ("mo", Abbrev::Other, true),
    ("mon", Abbrev::Other, true),
    ("mont", Abbrev::Other, true),
    ("mr", Abbrev::Title, false),
    ("mrs", Abbrev::Title, false),
    ("ms", Abbrev::Title, false),
    ("msgr", Abbrev::Title, false),
    ("mt", Abbrev::Title, false),
    ("natl", Abbrev::Other, false),
    ("neb", Abbrev::Other, true),
    ("nev", Abbrev::Other, true),
    ("no", Abbrev::Other, false),
    ("nos", Abbrev::Other, false),
    ("nov", Abbrev::Other, true),
    ("oct", Abbrev::Other, true),
    ("okla", Abbrev::Other, true),
    ("ore", Abbrev::Other, true),
    ("pa", Abbrev::Other, true),
    ("pfc", Abbrev::Title, false),
    ("ph", Abbrev::Other, true),
    ("plc", Abbrev::Other, false),
    ("pp", Abbrev::Other, false),
    ("pres", Abbrev::Title, false),
    ("prof", Abbrev::Title, false),
    ("pvt", Abbrev::Title, false),
    ("rd", Abbrev::Other, false),
    ("rep", Abbrev::Title, false),
    ("reps", Abbrev::Title, false),
    ("ret", Abbrev::Other, false),
    ("rev", Abbrev::Title, false),
    ("rt", Abbrev::Title, false),
    ("sat", Abbrev::Other, true),
    ("sen", Abbrev::Title, false),
    ("sens", Abbrev::Title, false),
    ("sep", Abbrev::Other, true),
    ("sept", Abbrev::Other, true),
    ("sgt", Abbrev::Title, false),
    ("spc", Abbrev::Title, false),
    ("sr", Abbrev::Other, false),
    ("st", Abbrev::Other, false),
    ("ste", Abbrev::Other, true),
    ("supt", Abbrev::Title, false),
    ("tenn", Abbrev::Other, true),
    ("tex", Abbrev::Other, true),
    ("thu", Abbrev::Other, true),
    ("thur", Abbrev::Other, true),
    ("thurs", Abbrev::Other, true),
    ("tue", Abbrev::Other, true),
    ("tues", Abbrev::Other, true),
    ("univ", Abbrev::Other, false),
    ("va", Abbrev::Other, true),
    ("vol", Abbrev::Other, false),
    ("vols", Abbrev::Other, false),
    ("vs", Abbrev::Other, false),
    ("vt", Abbrev::Other, true),
    ("wash", Abbrev::Other, true),
    ("wed", Abbrev::Other, true),
    ("wis", Abbrev::Other, true),
    ("wyo", Abbrev::Other, true),
];

/// Words that, capitalised after an abbreviation's period, show that a new sentence began
/// ("... in the U.S. The company ..."). Lower case, sorted.
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "although", "an", "and", "as", "at", "because", "before", "both",
    "but", "by", "during", "each", "even", "for", "from", "he", "her", "his", "how", "however",
    "i", "if", "in", "it", "its", "last", "many", "meanwhile", "more", "most", "my", "no", "not",
    "now", "officials", "on", "one", "only", "our", "she", "since", "so", "some", "still", "such",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "thus",
    "to", "under", "until", "we", "what", "when", "where", "whether", "which", "while", "who",
    "why", "with", "yet", "you",
];

/// Speech verbs that follow a quotation and its speaker (`“Why?” Ana Lobo asked`). Exact,
/// lower-case forms.
pub fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said" | "says" | "asked" | "asks" | "added" | "adds" | "told" | "tells" | "wrote" | "writes" | "replied" | "replies" | "shouted" | "yelled" | "recalled" | "recalls" | "explained" | "explains" | "insisted" | "insists" | "tweeted" | "tweets" | "continued" | "declared" | "exclaimed" | "wondered" | "cried" | "noted" | "notes"
    )
}

/// Copies `word` lower-cased into `buf` when it is short ASCII; `None` otherwise (no list
/// entry is longer than 10 bytes or non-ASCII).
fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Looks up `word` (without its period) as an abbreviation that keeps its period.
pub fn abbreviation(word: &str) -> Option<Abbrev> {
    let mut buf = [0u8; 12];
    let low = lower(word, &mut buf)?;
    let i = ABBREVIATIONS.binary_search_by(|(w, _, _)| (*w).cmp(low)).ok()?;
    let (_, kind, needs_capital) = ABBREVIATIONS[i];
    if needs_capital && !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    Some(kind)
}

/// Company and name suffixes ("Inc", "Corp", "Jr"), without the period: abbreviations that
/// often close a sentence.
pub fn is_name_suffix(word: &str) -> bool {
    let mut buf = [0u8; 12];
    matches!(lower(word, &mut buf), Some("inc" | "corp" | "co" | "cos" | "ltd" | "plc" | "llc" | "bros" | "jr" | "sr" | "esq"))
}

/// True when `word` is a capitalised word that usually opens a sentence ("The", "He").
pub fn is_sentence_starter(word: &str) -> bool {
    if !word.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 12];
    match lower(word, &mut buf) {
        Some(low) => SENTENCE_STARTERS.binary_search(&low).is_ok(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_so_binary_search_works() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn abbreviations_are_found_case_insensitively() {
        assert_eq!(abbreviation("Gen"), Some(Abbrev::Title));
        assert_eq!(abbreviation("GEN"), Some(Abbrev::Title));
        assert_eq!(abbreviation("Inc"), Some(Abbrev::Other));
        assert_eq!(abbreviation("Sept"), Some(Abbrev::Other));
        assert_eq!(abbreviation("house"), None);
        assert_eq!(abbreviation(""), None);
        assert_eq!(abbreviation("Genève"), None);
    }

    #[test]
    fn abbreviations_that_are_also_words_need_a_capital() {
        assert_eq!(abbreviation("Mass"), Some(Abbrev::Other));
        assert_eq!(abbreviation("mass"), None);
        assert_eq!(abbreviation("ill"), None);
    }

    #[test]
    fn sentence_starters_must_be_capitalised() {
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("THE"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Senate"));
    }
}

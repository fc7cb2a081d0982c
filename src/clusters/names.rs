//! What a mention says about the name it carries, read off the raw text.
//!
//! Matching "US Defense Secretary Tobin Marsh" with "Carter's" or "CARTER" needs a normalised
//! view of each mention: the name proper without its title or possessive, its parts in lower
//! case, and the roles the text gives it ("Secretary", "spokesman"). The recogniser may put a
//! title inside the entity span or leave it just before; both are read here, so the grouping
//! does not depend on where the recogniser draws the line. Everything works on the untouched
//! text through byte spans; nothing here can panic on odd spans (they are read with `get`).

use crate::doc::{Entity, Label, Span};

/// One entity mention, normalised for matching.
#[derive(Clone, Debug, Default)]
pub struct MentionForm {
    /// The name proper: title, possessive, leading "counter-"/"anti-" and stray punctuation
    /// removed. Always inside the entity span.
    pub core: Span,
    /// The mention as a reader would cite it: a title in or just before the span, plus the core
    /// ("Gen. Hal Dunmore"). May start before the entity span.
    pub display: Span,
    /// Canonical role words from titles in, just before or just after (apposition) the mention.
    pub roles: Vec<&'static str>,
    /// Normalised tokens of the core: lower case, periods and possessives removed.
    pub base: Vec<String>,
    /// Written like an acronym ("ISIL", "U.N.", "BofA").
    pub acronym_like: bool,
    /// Preceded (or begun) by an honorific or office that only people hold ("Mr.", "President",
    /// "Sen."), whatever the recogniser's label: evidence that the name is a person's.
    pub honorific: bool,
}

/// Titles and roles, lower case without periods, each with its canonical role word.
const TITLES: &[(&str, &str)] = &[
    ("mr", "mr"), ("mister", "mr"), ("mrs", "mrs"), ("ms", "ms"), ("miss", "ms"),
    ("dr", "doctor"), ("doctor", "doctor"), ("prof", "professor"), ("professor", "professor"),
    ("gen", "general"), ("general", "general"), ("lt", "lieutenant"), ("lieutenant", "lieutenant"),
    ("col", "colonel"), ("colonel", "colonel"), ("maj", "major"), ("major", "major"),
    ("capt", "captain"), ("captain", "captain"), ("sgt", "sergeant"), ("sergeant", "sergeant"),
    ("adm", "admiral"), ("admiral", "admiral"), ("cmdr", "commander"), ("commander", "commander"),
    ("brig", "brigadier"), ("brigadier", "brigadier"), ("marshal", "marshal"),
    ("sen", "senator"), ("senator", "senator"), ("rep", "representative"),
    ("representative", "representative"), ("congressman", "congressman"),
    ("congresswoman", "congresswoman"), ("gov", "governor"), ("governor", "governor"),
    ("mayor", "mayor"), ("president", "president"), ("vice", "vice"),
    ("secretary", "secretary"), ("minister", "minister"), ("premier", "premier"),
    ("chancellor", "chancellor"), ("ambassador", "ambassador"), ("envoy", "envoy"),
    ("spokesman", "spokesman"), ("spokeswoman", "spokeswoman"),
    ("spokesperson", "spokesperson"), ("counterpart", "counterpart"), ("chief", "chief"),
    ("ceo", "ceo"), ("chairman", "chairman"), ("chairwoman", "chairwoman"), ("chair", "chair"),
    ("director", "director"), ("judge", "judge"), ("justice", "justice"),
    ("attorney", "attorney"), ("prosecutor", "prosecutor"), ("commissioner", "commissioner"),
    ("king", "king"), ("queen", "queen"), ("prince", "prince"), ("princess", "princess"),
    ("pope", "pope"), ("sheikh", "sheikh"), ("sir", "sir"), ("dame", "dame"), ("lord", "lord"),
    ("lady", "lady"), ("rev", "reverend"), ("reverend", "reverend"), ("bishop", "bishop"),
    ("cardinal", "cardinal"), ("rabbi", "rabbi"), ("imam", "imam"), ("coach", "coach"),
    ("manager", "manager"), ("leader", "leader"), ("head", "head"), ("founder", "founder"),
    ("deputy", "deputy"), ("adviser", "adviser"), ("advisor", "adviser"), ("aide", "aide"),
    ("economist", "economist"), ("analyst", "analyst"), ("official", "official"),
    ("officer", "officer"), ("executive", "executive"), ("striker", "striker"),
    ("midfielder", "midfielder"), ("defender", "defender"), ("goalkeeper", "goalkeeper"),
];

/// Role words that can sit inside a proper name without being a title there ("Stephen King",
/// "Julie Bishop"): they are stripped only when a name follows them.
fn title_role(word: &str) -> Option<&'static str> {
    TITLES.iter().find(|(w, _)| *w == word).map(|(_, r)| *r)
}

/// Titles only people carry ("Mr.", "President", "Sen."), as opposed to role nouns that also
/// follow organisations ("Pentagon spokesman", "Apple chief").
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs" | "ms" | "dr" | "prof" | "sen" | "senator" | "rep" | "gov" | "governor"
            | "president" | "gen" | "general" | "lt" | "col" | "capt" | "sgt" | "adm" | "mayor"
            | "secretary" | "minister" | "premier" | "chancellor" | "ambassador" | "judge"
            | "justice" | "king" | "queen" | "prince" | "princess" | "pope" | "sheikh" | "sir"
            | "dame" | "lord" | "rev" | "reverend" | "bishop" | "cardinal" | "rabbi" | "imam"
            | "congressman" | "congresswoman"
    )
}

/// Words that make a multi-word name an organisation's, not a person's.
pub const ORG_WORDS: &[&str] = &[
    "foundation", "organization", "organisation", "party", "group", "inc", "corp", "company",
    "campaign", "administration", "committee", "university", "institute", "association", "bank",
    "fund", "council", "club", "center", "centre", "hotel", "tower", "towers", "news", "times",
    "post", "network", "media", "entertainment", "enterprises", "holdings", "international",
    "department", "ministry", "agency", "office", "house", "court", "school", "college",
    "state", "states", "army", "force", "forces", "front", "union", "league", "board",
    "convention", "airlines", "airline", "national", "federal", "central", "united", "global",
];

/// Party and nationality words that describe a person in front of the name.
fn is_descriptor(word: &str) -> bool {
    matches!(
        word,
        "republican" | "democrat" | "democratic" | "gop" | "conservative" | "liberal" | "labour"
            | "tory" | "socialist" | "libertarian" | "independent" | "american" | "british"
            | "russian" | "chinese" | "french" | "german" | "syrian" | "iranian" | "israeli"
    )
}

/// The canonical role of a lower-case word, if it is a title or role noun.
pub fn role_of(word: &str) -> Option<&'static str> {
    title_role(word)
}

/// Grammatical gender implied by a role, where it is implied at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The gender a role word implies ("Mrs." → female, "spokesman" → male), if any.
pub fn role_gender(role: &str) -> Option<Gender> {
    match role {
        "mr" | "king" | "prince" | "sir" | "lord" | "spokesman" | "chairman" | "congressman" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "queen" | "princess" | "dame" | "lady" | "spokeswoman" | "chairwoman"
        | "congresswoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Words a determiner-led description may start with.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our", "this", "that"];

fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`' | '´')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´')
}

/// Lower-cases a word for matching: periods dropped, apostrophes unified, surrounding
/// punctuation trimmed, a possessive "'s" or trailing "'" removed. May return "".
pub fn normalize_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c == '.' {
            continue;
        }
        if is_apostrophe(c) {
            s.push('\'');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    let trimmed = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    let mut out = trimmed.to_string();
    if out.ends_with("'s") && out.len() > 2 {
        out.truncate(out.len() - 2);
    }
    while out.ends_with('\'') {
        out.pop();
    }
    out
}

/// Whitespace-separated words of `span` in `text`, as byte spans.
pub fn words_in(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(s) = text.get(span.start..span.end) else { return out };
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                out.push(Span::new(span.start + b, span.start + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push(Span::new(span.start + b, span.end));
    }
    out
}

/// Shrinks `span` past leading/trailing quote marks, brackets and stray punctuation, and past a
/// trailing possessive ("Carter's", "Carter’s", "Jones'").
fn trim_span(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.start..span.end) else { return Span::new(span.start, span.start) };
    let lead = s
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || is_quote_char(c) || matches!(c, '(' | '[' | '{' | ',' | ';' | ':' | '-' | '—' | '–')))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let mut body = &s[lead..];
    loop {
        let before = body.len();
        body = body.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '}' | ',' | ';' | ':' | '"' | '“' | '”' | '«' | '»'));
        // Possessive: 's / ’s (any case) or a bare trailing apostrophe after s.
        let mut chars = body.char_indices().rev();
        if let (Some((_, last)), Some((ai, apo))) = (chars.next(), chars.next()) {
            if (last == 's' || last == 'S') && is_apostrophe(apo) && ai > 0 {
                body = &body[..ai];
            }
        }
        if let Some(last) = body.chars().last() {
            if is_apostrophe(last) && body.len() > last.len_utf8() {
                let cut = body.len() - last.len_utf8();
                if body[..cut].ends_with(['s', 'S', 'z', 'Z']) {
                    body = &body[..cut];
                }
            }
        }
        if body.len() == before {
            break;
        }
    }
    Span::new(span.start + lead, span.start + lead + body.len())
}

fn is_initialism(w: &str) -> bool {
    // "U.S.", "U.N.", "D.C." — letters each followed by a period.
    let mut letters = 0;
    let mut expect_letter = true;
    for c in w.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters >= 2 && expect_letter
}

fn starts_upper(w: &str) -> bool {
    w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase())
}

/// Analyses one entity mention.
pub fn analyse(text: &str, e: &Entity) -> MentionForm {
    let span = if e.span.start <= e.span.end && text.get(e.span.start..e.span.end).is_some() {
        e.span
    } else {
        Span::new(0, 0)
    };
    let mut core = trim_span(text, span);
    let mut roles: Vec<&'static str> = Vec::new();
    let mut display_start = core.start;
    let mut honorific = false;

    if e.label == Label::PER {
        // A title inside the span: strip up to the last title word that still leaves a name,
        // plus an "of State" / "of the Navy" complement.
        let ws = words_in(text, core);
        let toks: Vec<String> = ws.iter().map(|w| normalize_word(w.of(text))).collect();
        if ws.len() >= 2 {
            if let Some(p) = (0..ws.len() - 1).rev().find(|&i| title_role(&toks[i]).is_some()) {
                let mut start = p + 1;
                if toks[start] == "of" {
                    let mut j = start + 1;
                    if j < toks.len() && toks[j] == "the" {
                        j += 1;
                    }
                    j += 1;
                    if j < ws.len() {
                        start = j;
                    }
                }
                if start < ws.len() {
                    for t in &toks[..=p] {
                        if let Some(r) = title_role(t) {
                            roles.push(r);
                        }
                    }
                    core = Span::new(ws[start].start, core.end);
                }
            }
        }
        // A title just before the span ("Gen." | "US Defense Secretary" | "Secretary of State").
        let (start, before) = title_before(text, display_start);
        display_start = start;
        roles.extend(before);
        roles.extend(role_before_apposition(text, display_start));
        roles.extend(roles_after(text, span.end));
    } else {
        let first = words_in(text, core).first().map(|w| normalize_word(w.of(text)));
        let inside = first.is_some_and(|w| is_honorific(&w)) && words_in(text, core).len() >= 2;
        let before = word_before(text, core.start).is_some_and(|w| is_honorific(&normalize_word(w.of(text))));
        honorific = inside || before;
    }
    if matches!(e.label, Label::ORG | Label::LOC) {
        // "counter-National Liberation Front …": the prefix belongs to the phrase, not to the name.
        if let Some(s) = get(text, core) {
            for p in ["counter-", "anti-", "pro-", "non-"] {
                if s.len() > p.len() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) && starts_upper(&s[p.len()..]) {
                    core = Span::new(core.start + p.len(), core.end);
                    display_start = core.start;
                    break;
                }
            }
        }
    }
    // "Republican Donald Trump": a party or nationality word in front of a longer name is a
    // description, not part of the name (kept in the displayed form).
    let ws = words_in(text, core);
    let rest_is_name = ws.len() == 3
        && ws[1..].iter().all(|w| starts_upper(w.of(text)) && !ORG_WORDS.contains(&normalize_word(w.of(text)).as_str()));
    if rest_is_name && is_descriptor(&normalize_word(ws[0].of(text))) {
        core = Span::new(ws[1].start, core.end);
    }
    roles.sort_unstable();
    roles.dedup();

    let core_text = get(text, core).unwrap_or("");
    let base: Vec<String> = words_in(text, core)
        .iter()
        .map(|w| normalize_word(w.of(text)))
        .filter(|t| !t.is_empty())
        .collect();
    let letters: Vec<char> = core_text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let one_word = !core_text.contains(char::is_whitespace);
    let acronym_like = one_word
        && (2..=10).contains(&letters.len())
        && upper >= 2
        && upper * 2 >= letters.len()
        && core_text.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'));
    MentionForm {
        core,
        display: Span::new(display_start.min(core.start), core.end),
        roles,
        base,
        acronym_like,
        honorific,
    }
}

/// The text of a span, or `None` when the span does not fit the text (never panics).
pub fn get(text: &str, span: Span) -> Option<&str> {
    text.get(span.start..span.end)
}

/// One word read backwards from a position: its span, or `None` at a line break / text start.
fn word_before(text: &str, pos: usize) -> Option<Span> {
    // Look at most WINDOW bytes back, so a text without spaces costs nothing per mention.
    let lo = floor_boundary(text, pos.saturating_sub(WINDOW));
    let head = text.get(lo..pos)?;
    let trimmed = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.is_empty() || trimmed.ends_with(['\n', '\r']) {
        return None;
    }
    let end = lo + trimmed.len();
    match trimmed.rfind(char::is_whitespace) {
        // `rfind` gives the byte index of the whitespace char; skip it.
        Some(i) => Some(Span::new(lo + i + trimmed[i..].chars().next().map_or(1, char::len_utf8), end)),
        None if lo == 0 => Some(Span::new(0, end)),
        None => None,
    }
}

/// How far around a mention the text is read (titles, appositions, parentheses, cue words).
pub const WINDOW: usize = 160;

/// The largest char boundary at or below `i`.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most [`WINDOW`] bytes of text from `pos` on (empty if `pos` is not a boundary).
pub fn after(text: &str, pos: usize) -> &str {
    let hi = floor_boundary(text, pos.saturating_add(WINDOW));
    text.get(pos..hi).unwrap_or("")
}

/// Reads a title run that ends right before `pos`: "Gen.", "US Defense Secretary",
/// "Secretary of State", "Pentagon spokesman". Returns where the titled mention starts (or
/// `pos`) and the roles found.
fn title_before(text: &str, pos: usize) -> (usize, Vec<&'static str>) {
    #[derive(PartialEq)]
    enum Kind {
        Title(&'static str),
        Cap,
        Connector,
    }
    let mut run: Vec<(Span, Kind)> = Vec::new();
    let mut at = pos;
    while run.len() < 6 {
        let Some(w) = word_before(text, at) else { break };
        let s = w.of(text);
        if s.ends_with([',', ';', ':', '(', ')', '"', '“', '”', '—', '–']) || s.starts_with(is_quote_char) {
            break;
        }
        let norm = normalize_word(s);
        let kind = if let Some(r) = title_role(&norm) {
            Kind::Title(r)
        } else if s.ends_with('.') && !is_initialism(s) {
            break;
        } else if norm == "of" || norm == "the" {
            Kind::Connector
        } else if starts_upper(s) && !DETERMINERS.contains(&norm.as_str()) {
            Kind::Cap
        } else {
            break;
        };
        run.push((w, kind));
        at = w.start;
    }
    let Some(t) = run.iter().rposition(|(_, k)| matches!(k, Kind::Title(_))) else {
        return (pos, Vec::new());
    };
    // Capitalised modifiers before the title ("US Defense", "Pentagon"), but not a capitalised
    // sentence opener ("Yesterday Secretary …") unless it is written like an acronym ("US").
    let mut far = t;
    while far + 1 < run.len() && run[far + 1].1 == Kind::Cap {
        let w = run[far + 1].0;
        let opener = match word_before(text, w.start) {
            None => true,
            Some(p) => {
                let p = p.of(text);
                p.ends_with(['.', '!', '?']) && !is_initialism(p) && title_role(&normalize_word(p)).is_none()
            }
        };
        let s = w.of(text);
        let acronym = s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if opener && !acronym {
            break;
        }
        far += 1;
    }
    let roles = run[..=t]
        .iter()
        .filter_map(|(_, k)| if let Kind::Title(r) = k { Some(*r) } else { None })
        .collect();
    (run[far].0.start, roles)
}

/// Roles given in an apposition right after a mention: "Neil Abara, the Pentagon spokesman,".
fn roles_after(text: &str, end: usize) -> Vec<&'static str> {
    let mut roles = Vec::new();
    let rest = after(text, end);
    let rest = rest.trim_start_matches([' ', '\t']);
    let Some(rest) = rest.strip_prefix(',') else { return roles };
    let words: Vec<&str> = rest.split_whitespace().take(7).collect();
    // An apposition starts like a noun phrase and ends at a comma or period within a few words.
    let Some(first) = words.first() else { return roles };
    let first_norm = normalize_word(first);
    if !(DETERMINERS.contains(&first_norm.as_str()) || starts_upper(first) || title_role(&first_norm).is_some()) {
        return roles;
    }
    // Roles count only if the apposition closes (comma or period) before any verb-like word:
    // "Chelsea, the mayor also said" is a clause, not an apposition.
    let mut found = Vec::new();
    for w in words {
        let norm = normalize_word(w);
        if matches!(
            norm.as_str(),
            "said" | "says" | "told" | "added" | "also" | "who" | "which" | "that" | "when" | "while"
                | "where" | "whose" | "is" | "was" | "has" | "had" | "will" | "would"
        ) {
            return roles;
        }
        if let Some(r) = title_role(&norm) {
            found.push(r);
        }
        if w.ends_with([',', '.', ';', ')']) {
            roles = found;
            break;
        }
    }
    roles
}

/// A role given in an apposition right before a mention: "the first lady, Michelle Obama".
fn role_before_apposition(text: &str, pos: usize) -> Option<&'static str> {
    let lo = floor_boundary(text, pos.saturating_sub(WINDOW));
    let head = text.get(lo..pos)?.trim_end_matches([' ', '\t']);
    let head = head.strip_suffix(',')?;
    let w = word_before(text, lo + head.len())?;
    title_role(&normalize_word(w.of(text)))
}

/// Name particles dropped from person keys ("Bashar al-Assad" ~ "Assad", "Robert De Niro" ~
/// "De Niro" ~ "Niro").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le",
    "del", "dos", "das", "ter", "ben",
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "junior", "senior"];

/// Matching key of a mention read as a person: particles and generational suffixes dropped.
pub fn person_key(base: &[String]) -> Vec<String> {
    let mut toks: Vec<String> = base
        .iter()
        .filter(|t| !(PARTICLES.contains(&t.as_str()) || SUFFIXES.contains(&t.as_str())))
        .map(|t| {
            for p in ["al-", "el-", "ad-", "as-", "ash-", "an-", "at-", "az-", "ibn-", "bin-"] {
                if let Some(rest) = t.strip_prefix(p) {
                    if rest.len() >= 2 {
                        return rest.to_string();
                    }
                }
            }
            t.clone()
        })
        .collect();
    if toks.is_empty() {
        toks = base.to_vec();
    }
    toks
}

const CORP_SUFFIXES: &[&str] = &[
    "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "gmbh", "nv", "limited",
    "lp", "llp",
];

/// Matching key of a mention read as an organisation, place or other: a leading "the" and
/// corporate suffixes dropped, "&" read as "and".
pub fn other_key(base: &[String]) -> Vec<String> {
    let mut toks: Vec<String> =
        base.iter().map(|t| if t == "&" { "and".to_string() } else { t.clone() }).collect();
    if toks.len() > 1 && toks[0] == "the" {
        toks.remove(0);
    }
    while toks.len() > 1 && toks.last().is_some_and(|t| CORP_SUFFIXES.contains(&t.as_str())) {
        toks.pop();
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Label;

    fn form(text: &str, sub: &str, label: Label) -> (MentionForm, String, String) {
        let start = text.find(sub).unwrap();
        let e = Entity { span: Span::new(start, start + sub.len()), label, tokens: 0..0, cluster: None };
        let f = analyse(text, &e);
        let core = f.core.of(text).to_string();
        let disp = f.display.of(text).to_string();
        (f, core, disp)
    }

    #[test]
    fn strips_titles_inside_and_before() {
        let t = "Yesterday US Defense Secretary Tobin Marsh spoke.";
        let (f, core, disp) = form(t, "Tobin Marsh", Label::PER);
        assert_eq!(core, "Tobin Marsh");
        assert_eq!(disp, "US Defense Secretary Tobin Marsh");
        assert_eq!(f.roles, vec!["secretary"]);
        let (f, core, _) = form(t, "US Defense Secretary Tobin Marsh", Label::PER);
        assert_eq!(core, "Tobin Marsh");
        assert_eq!(f.roles, vec!["secretary"]);
        let t = "So far, Secretary of State Nora Quill has led talks.";
        let (_, core, disp) = form(t, "Secretary of State Nora Quill", Label::PER);
        assert_eq!((core.as_str(), disp.as_str()), ("Nora Quill", "Secretary of State Nora Quill"));
        let (_, core, disp) = form(t, "Nora Quill", Label::PER);
        assert_eq!((core.as_str(), disp.as_str()), ("Nora Quill", "Secretary of State Nora Quill"));
    }

    #[test]
    fn keeps_names_that_end_in_a_title_word() {
        let t = "The author Stephen King wrote.";
        let (f, core, _) = form(t, "Stephen King", Label::PER);
        assert_eq!(core, "Stephen King");
        assert!(f.roles.is_empty());
    }

    #[test]
    fn possessives_and_apposition() {
        let t = "Carter’s aide, Dana Wolk, the agency spokeswoman, said.";
        let (_, core, _) = form(t, "Carter’s", Label::PER);
        assert_eq!(core, "Carter");
        let (f, _, _) = form(t, "Dana Wolk", Label::PER);
        assert_eq!(f.roles, vec!["aide", "spokeswoman"]);
        assert_eq!(normalize_word("CARTER'S"), "carter");
        assert_eq!(normalize_word("U.S."), "us");
    }

    #[test]
    fn keys() {
        let b: Vec<String> = ["bashar", "al-assad"].iter().map(|s| s.to_string()).collect();
        assert_eq!(person_key(&b), vec!["bashar", "assad"]);
        let b: Vec<String> = ["the", "acme", "corp"].iter().map(|s| s.to_string()).collect();
        assert_eq!(other_key(&b), vec!["acme"]);
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let t = "é’s";
        for (s, e) in [(0, 1), (0, 5), (9, 12), (3, 1), (0, 0)] {
            let ent = Entity { span: Span { start: s, end: e }, label: Label::PER, tokens: 0..0, cluster: None };
            let _ = analyse(t, &ent);
        }
    }
}

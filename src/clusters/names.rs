//! What a mention says about the name it carries, read off the text layer's tokens.
//!
//! Matching "US Defense Secretary Tobin Marsh" with "Carter's" or "CARTER" needs a normalised
//! view of each mention: the name proper without its title or possessive, its parts in lower
//! case, and the roles the text gives it ("Secretary", "spokesman"). The recogniser may put a
//! title inside the entity span or leave it just before; both are read here, so the grouping
//! does not depend on where the recogniser draws the line. Words are runs of touching tokens
//! ([`super::words`]) looked up in [`crate::lexicon`] by their lowercase form; nothing here
//! can panic on odd spans.

use std::ops::Range;

use super::words::{self, normalize, starts_upper, word_at, word_before, Word};
use crate::doc::{Document, Entity, Label, Span, TokenKind};
use crate::lexicon;

pub use crate::lexicon::Gender;

/// One entity mention, normalised for matching.
#[derive(Clone, Debug, Default)]
pub struct MentionForm {
    /// The name proper: title, possessive, leading "counter-"/"anti-" and stray punctuation
    /// removed. Always inside the entity span.
    pub core: Span,
    /// The tokens that overlap [`MentionForm::core`].
    pub core_tokens: Range<usize>,
    /// The mention as a reader would cite it: a title in or just before the span, plus the core
    /// ("Gen. Hal Dunmore"). May start before the entity span.
    pub display: Span,
    /// Canonical role words from titles in, just before or just after (apposition) the mention.
    pub roles: Vec<&'static str>,
    /// Normalised words of the core: lower case, periods and possessives removed.
    pub base: Vec<String>,
    /// Written like an acronym ("ISIL", "U.N.", "BofA").
    pub acronym_like: bool,
    /// Preceded (or begun) by an honorific or office that only people hold ("Mr.", "President",
    /// "Sen."), whatever the recogniser's label: evidence that the name is a person's.
    pub honorific: bool,
}

/// The tokens of an entity: its token range when the recogniser set one that fits the text,
/// else the tokens its span overlaps.
fn entity_tokens(doc: &Document, e: &Entity) -> Range<usize> {
    let r = &e.tokens;
    let fits = r.start < r.end
        && r.end <= doc.tokens.len()
        && doc.tokens[r.start].span.start == e.span.start
        && doc.tokens[r.end - 1].span.end == e.span.end;
    if fits {
        r.clone()
    } else {
        words::tokens_of(doc, e.span)
    }
}

/// Token `k` is punctuation a name never starts with: quote marks, opening brackets, commas,
/// colons, dashes.
fn is_leading_junk(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Quote
        || (t.kind == TokenKind::Punct
            && doc.norm(k).chars().all(|c| matches!(c, '(' | '[' | '{' | ',' | ';' | ':' | '-' | '\'' | '"')))
}

/// Token `k` is punctuation a name never ends with: closing brackets, commas, colons, double
/// quotes.
fn is_trailing_junk(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    matches!(t.kind, TokenKind::Punct | TokenKind::Quote)
        && doc.norm(k).chars().all(|c| matches!(c, ')' | ']' | '}' | ',' | ';' | ':' | '"'))
}

/// Shrinks the entity's tokens past leading/trailing quote marks, brackets and stray
/// punctuation, and past a trailing possessive ("Carter's", "Carter’s", "Jones'").
fn trim(doc: &Document, span: Span, toks: Range<usize>) -> (Span, Range<usize>) {
    let (mut a, mut b) = (toks.start, toks.end);
    while a < b && is_leading_junk(doc, a) {
        a += 1;
    }
    loop {
        let before = b;
        while b > a && is_trailing_junk(doc, b - 1) {
            b -= 1;
        }
        if b > a + 1 {
            let low = doc.lower(b - 1);
            let possessive = low == "'s"
                || (low == "'"
                    && doc.lower(b - 2).ends_with(['s', 'z'])
                    && doc.tokens[b - 2].span.end == doc.tokens[b - 1].span.start);
            if possessive {
                b -= 1;
            }
        }
        if b == before {
            break;
        }
    }
    if a >= b {
        let at = if a < doc.tokens.len() { doc.tokens[a].span.start.clamp(span.start, span.end) } else { span.start };
        return (Span::new(at, at), a..a);
    }
    let s = Span::new(doc.tokens[a].span.start.max(span.start), doc.tokens[b - 1].span.end.min(span.end));
    (s, a..b)
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

/// Analyses one entity mention.
pub fn analyse(doc: &Document, e: &Entity) -> MentionForm {
    let text = doc.text.as_str();
    let span = if e.span.start <= e.span.end && text.get(e.span.start..e.span.end).is_some() {
        e.span
    } else {
        Span::new(0, 0)
    };
    let toks = if span.is_empty() { 0..0 } else { entity_tokens(doc, e) };
    let (mut core, mut core_toks) = trim(doc, span, toks.clone());
    let mut roles: Vec<&'static str> = Vec::new();
    let mut display_start = core.start;
    let display_tok = core_toks.start;
    let mut honorific = false;

    if e.label == Label::PER {
        // A title inside the span: strip up to the last title word that still leaves a name,
        // plus an "of State" / "of the Navy" complement.
        let ws = words::words(doc, core);
        let norms: Vec<String> = ws.iter().map(|w| normalize(doc, w)).collect();
        if ws.len() >= 2 {
            if let Some(p) = (0..ws.len() - 1).rev().find(|&i| lexicon::role_of(&norms[i]).is_some()) {
                let mut start = p + 1;
                if norms[start] == "of" {
                    let mut j = start + 1;
                    if j < norms.len() && norms[j] == "the" {
                        j += 1;
                    }
                    j += 1;
                    if j < ws.len() {
                        start = j;
                    }
                }
                if start < ws.len() {
                    roles.extend(norms[..=p].iter().filter_map(|t| lexicon::role_of(t)));
                    core = Span::new(ws[start].span.start, core.end);
                    core_toks = ws[start].toks.start..core_toks.end;
                }
            }
        }
        // A title just before the span ("Gen." | "US Defense Secretary" | "Secretary of State").
        let (start, before) = title_before(doc, display_tok);
        if let Some(start) = start {
            display_start = start.span.start;
            roles.extend(role_before_apposition(doc, start.toks.start));
        } else {
            roles.extend(role_before_apposition(doc, display_tok));
        }
        roles.extend(before);
        roles.extend(roles_after(doc, toks.end));
    } else {
        let ws = words::words(doc, core);
        let inside = ws.len() >= 2 && lexicon::is_honorific(&normalize(doc, &ws[0]));
        let before = word_before(doc, core_toks.start).is_some_and(|w| lexicon::is_honorific(&normalize(doc, &w)));
        honorific = inside || before;
    }
    if matches!(e.label, Label::ORG | Label::LOC) {
        // "counter-National Liberation Front …": the prefix belongs to the phrase, not to the name.
        let first = core_toks.start;
        if first < core_toks.end && doc.tokens[first].span.start == core.start {
            let low = doc.lower(first);
            for p in ["counter-", "anti-", "pro-", "non-"] {
                let rest = core.start + p.len();
                let upper_after =
                    || text.get(rest..core.end).and_then(|r| r.chars().next()).is_some_and(char::is_uppercase);
                if low.len() > p.len() && low.starts_with(p) && rest < core.end && upper_after() {
                    core = Span::new(rest, core.end);
                    display_start = core.start;
                    break;
                }
            }
        }
    }
    // "Republican Donald Trump": a party or nationality word in front of a longer name is a
    // description, not part of the name (kept in the displayed form).
    let ws = words::words(doc, core);
    let rest_is_name =
        ws.len() == 3 && ws[1..].iter().all(|w| starts_upper(doc, w) && !lexicon::is_org_word(&normalize(doc, w)));
    if rest_is_name && lexicon::is_descriptor(&normalize(doc, &ws[0])) {
        core = Span::new(ws[1].span.start, core.end);
        core_toks = ws[1].toks.start..core_toks.end;
    }
    roles.sort_unstable();
    roles.dedup();

    let base = words::normalized(doc, core);
    let core_text = get(text, core).unwrap_or("");
    let letters = core_text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = core_text.chars().filter(|c| c.is_uppercase()).count();
    let one_word = ws.len() <= 1 && !core_text.contains(char::is_whitespace);
    let acronym_like = one_word
        && (2..=10).contains(&letters)
        && upper >= 2
        && upper * 2 >= letters
        && core_text.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'));
    MentionForm {
        core,
        core_tokens: core_toks,
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

/// Reads a title run that ends right before token `k`: "Gen.", "US Defense Secretary",
/// "Secretary of State", "Pentagon spokesman". Returns the first word of the titled mention
/// (`None` when there is no title) and the roles found.
fn title_before(doc: &Document, k: usize) -> (Option<Word>, Vec<&'static str>) {
    #[derive(PartialEq)]
    enum Kind {
        Title(&'static str),
        Cap,
        Connector,
    }
    let mut run: Vec<(Word, Kind)> = Vec::new();
    let mut at = k;
    while run.len() < 6 {
        let Some(w) = word_before(doc, at) else { break };
        let s = words::text(doc, &w);
        if s.ends_with([',', ';', ':', '(', ')', '"', '“', '”', '—', '–'])
            || doc.norm(w.toks.start).starts_with(['\'', '"'])
        {
            break;
        }
        let norm = normalize(doc, &w);
        let kind = if let Some(r) = lexicon::role_of(&norm) {
            Kind::Title(r)
        } else if s.ends_with('.') && !is_initialism(s) {
            break;
        } else if norm == "of" || norm == "the" {
            Kind::Connector
        } else if starts_upper(doc, &w) && !lexicon::is_determiner(&norm) {
            Kind::Cap
        } else {
            break;
        };
        at = w.toks.start;
        run.push((w, kind));
    }
    let Some(t) = run.iter().rposition(|(_, k)| matches!(k, Kind::Title(_))) else {
        return (None, Vec::new());
    };
    // Capitalised modifiers before the title ("US Defense", "Pentagon"), but not a capitalised
    // sentence opener ("Yesterday Secretary …") unless it is written like an acronym ("US").
    let mut far = t;
    while far + 1 < run.len() && run[far + 1].1 == Kind::Cap {
        let w = &run[far + 1].0;
        let opener = match word_before(doc, w.toks.start) {
            None => true,
            Some(p) => {
                let ps = words::text(doc, &p);
                ps.ends_with(['.', '!', '?']) && !is_initialism(ps) && lexicon::role_of(&normalize(doc, &p)).is_none()
            }
        };
        let s = words::text(doc, w);
        let acronym = s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if opener && !acronym {
            break;
        }
        far += 1;
    }
    let roles = run[..=t].iter().filter_map(|(_, k)| if let Kind::Title(r) = k { Some(*r) } else { None }).collect();
    (Some(run.swap_remove(far).0), roles)
}

/// Roles given in an apposition right after a mention whose tokens end before token `k`:
/// "Neil Abara, the Pentagon spokesman,".
fn roles_after(doc: &Document, k: usize) -> Vec<&'static str> {
    let mut roles = Vec::new();
    if k == 0 || k >= doc.tokens.len() || doc.norm(k) != "," || !words::same_paragraph(doc, k - 1, k) {
        return roles;
    }
    // An apposition starts like a noun phrase and ends at a comma or period within a few words.
    let mut next = k + 1;
    let mut ws: Vec<Word> = Vec::with_capacity(7);
    while ws.len() < 7 {
        let Some(w) = word_at(doc, next) else { break };
        if w.span.end > doc.tokens[k].span.end + words::WINDOW {
            break;
        }
        next = w.toks.end;
        ws.push(w);
    }
    let Some(first) = ws.first() else { return roles };
    let first_norm = normalize(doc, first);
    if !(lexicon::is_determiner(&first_norm) || starts_upper(doc, first) || lexicon::role_of(&first_norm).is_some()) {
        return roles;
    }
    // Roles count only if the apposition closes (comma or period) before any verb-like word:
    // "Chelsea, the mayor also said" is a clause, not an apposition.
    let mut found = Vec::new();
    for w in &ws {
        let norm = normalize(doc, w);
        if lexicon::is_clause_word(&norm) {
            return roles;
        }
        if let Some(r) = lexicon::role_of(&norm) {
            found.push(r);
        }
        if words::text(doc, w).ends_with([',', '.', ';', ')']) {
            roles = found;
            break;
        }
    }
    roles
}

/// A role given in an apposition right before the mention starting at token `k`: "the first
/// lady, Michelle Obama".
fn role_before_apposition(doc: &Document, k: usize) -> Option<&'static str> {
    if k == 0 || k > doc.tokens.len() {
        return None;
    }
    let comma = k - 1;
    if doc.norm(comma) != "," || (k < doc.tokens.len() && !words::same_paragraph(doc, comma, k)) {
        return None;
    }
    let w = word_before(doc, comma)?;
    lexicon::role_of(&normalize(doc, &w))
}

/// Matching key of a mention read as a person: particles and generational suffixes dropped.
pub fn person_key(base: &[String]) -> Vec<String> {
    let mut toks: Vec<String> = base
        .iter()
        .filter(|t| !(lexicon::is_name_particle(t) || lexicon::is_name_suffix_word(t)))
        .map(|t| {
            for p in lexicon::NAME_PARTICLE_PREFIXES {
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

/// Matching key of a mention read as an organisation, place or other: a leading "the" and
/// corporate suffixes dropped, "&" read as "and".
pub fn other_key(base: &[String]) -> Vec<String> {
    let mut toks: Vec<String> = base.iter().map(|t| if t == "&" { "and".to_string() } else { t.clone() }).collect();
    if toks.len() > 1 && toks[0] == "the" {
        toks.remove(0);
    }
    while toks.len() > 1 && toks.last().is_some_and(|t| lexicon::is_corporate_suffix(t)) {
        toks.pop();
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Label;

    fn form(text: &str, sub: &str, label: Label) -> (MentionForm, String, String) {
        let doc = crate::text::segment_text(text);
        let start = text.find(sub).unwrap();
        let span = Span::new(start, start + sub.len());
        let e = Entity { span, label, tokens: words::tokens_of(&doc, span), cluster: None };
        let f = analyse(&doc, &e);
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
        let (f, core, _) = form("CARTER'S plan and the Joneses' house", "CARTER'S", Label::PER);
        assert_eq!((core.as_str(), f.base.as_slice()), ("CARTER", &["carter".to_string()][..]));
        let (_, core, _) = form("the Joneses' house", "Joneses'", Label::PER);
        assert_eq!(core, "Joneses");
        let (f, _, _) = form("the U.S. said", "U.S.", Label::LOC);
        assert_eq!(f.base, vec!["us"]);
    }

    #[test]
    fn prefixes_and_descriptors() {
        let (_, core, _) =
            form("a counter-National Liberation Front raid", "counter-National Liberation Front", Label::ORG);
        assert_eq!(core, "National Liberation Front");
        let (_, core, disp) = form("Republican Donald Trump spoke", "Republican Donald Trump", Label::PER);
        assert_eq!((core.as_str(), disp.as_str()), ("Donald Trump", "Republican Donald Trump"));
        let (f, _, _) = form("We met Mr. Lobo today", "Lobo", Label::ORG);
        assert!(f.honorific);
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
        let doc = crate::text::segment_text(t);
        for (s, e) in [(0, 1), (0, 5), (9, 12), (3, 1), (0, 0)] {
            let ent = Entity { span: Span { start: s, end: e }, label: Label::PER, tokens: 0..0, cluster: None };
            let _ = analyse(&doc, &ent);
            let ent = Entity { span: Span { start: s, end: e }, label: Label::ORG, tokens: 3..9, cluster: None };
            let _ = analyse(&doc, &ent);
        }
    }
}

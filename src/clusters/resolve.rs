//! Who said it: the cluster behind each quotation's speaker.
//!
//! The quotation stage finds the speaker *mention* ("Neil Abara", "he", "the spokesman", "the
//! company"); here it becomes an entity. A speaker that overlaps a named mention takes that
//! mention's cluster. Otherwise:
//! - "he" / "she": the person who is the subject (first person named, outside quotations) of the
//!   nearest sentence — this one or up to [`PRONOUN_SENTENCES`] before, not counting sentences
//!   wholly inside quotations — whose known gender does
//!   not conflict; speakers resolved earlier count as mentions, so "“…,” he added" chains on;
//! - "the secretary", "the Pentagon spokesman", "his spokesman": the person mentioned before
//!   with that role (from a title or apposition), preferring one whose titles share the
//!   description's other words ("defense"), then the most recent;
//! - "the company", "the ministry": the organisation mentioned most recently, preferring one
//!   whose name contains the noun;
//! - anything else ("officials", "a spokesman", "they", "sources") stays unknown: the text does
//!   not make it clear, and a wrong name is worse than none.

use std::collections::{HashMap, HashSet};

use super::layout::Layout;
use super::names::{Gender, MentionForm};
use super::words;
use crate::doc::{Document, Label, Span};
use crate::lexicon::{self, OrgNoun};

/// How many sentences back a pronoun may reach for its person.
pub const PRONOUN_SENTENCES: usize = 3;
/// Bound on entities examined per backward scan (keeps the pass linear).
const SCAN: usize = 400;

struct Info {
    label: Label,
    /// The grouping found a person (a PER cluster, or one the recogniser tagged ORG or LOC
    /// throughout but whose honorifics or use show a person).
    person: bool,
    roles: HashSet<&'static str>,
    /// Lower-case words of every titled form ("us", "defense", "secretary", "ash", "carter").
    words: HashSet<String>,
    /// The words of the canonical name, normalised.
    name: Vec<String>,
    gender: Option<Gender>,
    /// Starts of the mentions, in text order.
    starts: Vec<usize>,
}

/// Spokesman / spokeswoman / spokesperson are one role for "the spokesperson said".
fn role_class(r: &'static str) -> &'static str {
    match r {
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
        "chairman" | "chairwoman" | "chair" => "chair",
        "congressman" | "congresswoman" => "representative",
        other => other,
    }
}

/// Fills `quote.cluster` for every quotation whose speaker can be resolved. `people[c]`: the
/// grouping read cluster `c` as a person, whatever its label.
pub fn attribute(doc: &mut Document, forms: &[MentionForm], layout: &Layout, people: &[bool]) {
    let text = doc.text.as_str();
    let mut infos: Vec<Info> = doc
        .clusters
        .iter()
        .enumerate()
        .map(|(k, c)| Info {
            label: c.label,
            person: c.label == Label::PER || people.get(k).copied().unwrap_or(false),
            roles: HashSet::new(),
            words: HashSet::new(),
            name: canonical_words(doc, forms, k),
            gender: None,
            starts: Vec::new(),
        })
        .collect();
    for (i, e) in doc.entities.iter().enumerate() {
        let Some(c) = e.cluster else { continue };
        let info = &mut infos[c];
        info.roles.extend(forms[i].roles.iter().map(|r| role_class(r)));
        info.words.extend(words::normalized(doc, forms[i].display));
        if info.gender.is_none() {
            info.gender = forms[i].roles.iter().find_map(|r| lexicon::role_gender(r));
        }
    }
    for (info, cluster) in infos.iter_mut().zip(&doc.clusters) {
        info.starts = cluster.mentions.iter().map(|&i| doc.entities[i].span.start).collect();
        info.starts.sort_unstable();
    }

    pronoun_genders(doc, layout, &mut infos);
    let by_name = name_index(&infos);

    let mut order: Vec<usize> = (0..doc.quotes.len()).collect();
    order.sort_by_key(|&q| doc.quotes[q].span.start);
    // Speakers resolved from pronouns and descriptions, as (byte position, cluster).
    let mut resolved: Vec<(usize, usize)> = Vec::new();
    for q in order {
        let Some(sp) = doc.quotes[q].speaker else { continue };
        if sp.start > sp.end || text.get(sp.start..sp.end).is_none() {
            continue;
        }
        if let Some(c) = overlapping_cluster(doc, forms, layout, sp) {
            doc.quotes[q].cluster = Some(c);
            continue;
        }
        let mut words: Vec<String> = words::normalized(doc, sp);
        // "the spokesman for the harbour board": the description's head is the role.
        if let Some(cut) = words.iter().position(|w| matches!(w.as_str(), "for" | "of" | "at")).filter(|&c| c > 0) {
            words.truncate(cut);
        }
        let found = match words.as_slice() {
            [] => None,
            [w] if w == "he" || w == "she" => {
                let g = if w == "he" { Gender::Male } else { Gender::Female };
                let c = by_pronoun(doc, layout, &infos, &resolved, sp.start, g);
                if let Some(c) = c {
                    infos[c].gender.get_or_insert(g);
                }
                c
            }
            _ if is_proper(doc, sp) => by_name_lookup(&by_name, &words),
            [first, .., head] | [head @ first] => {
                let indefinite = matches!(first.as_str(), "a" | "an") || lexicon::is_quantifier(first);
                if indefinite {
                    None
                } else if let Some(role) = lexicon::role_of(head) {
                    let modifiers: Vec<&str> = words[..words.len() - 1]
                        .iter()
                        .map(String::as_str)
                        .filter(|w| !lexicon::is_determiner(w))
                        .collect();
                    by_role(&infos, role_class(role), &modifiers, sp.start)
                } else if let Some(kind) = lexicon::org_noun(head) {
                    by_org_noun(doc, layout, &infos, head, kind, sp.start)
                } else {
                    None
                }
            }
        };
        if let Some(c) = found {
            resolved.push((sp.start, c));
        }
        doc.quotes[q].cluster = found;
    }
}

/// Gender read off the article's own pronouns, for people no title gives one: in a sentence
/// that names exactly one person (outside quotations), "he"/"his" or "she"/"her" outside
/// quotations most likely refer to that person. A clear majority over the article decides.
fn pronoun_genders(doc: &Document, layout: &Layout, infos: &mut [Info]) {
    let mut tally = vec![(0u32, 0u32); infos.len()];
    let order = &layout.order;
    let mut k = 0;
    for s in &doc.sentences {
        while k < order.len() && doc.entities[order[k]].span.start < s.span.start {
            k += 1;
        }
        let mut who = None;
        let mut several = false;
        for &i in order[k..].iter().take_while(|&&i| doc.entities[i].span.start < s.span.end) {
            let e = &doc.entities[i];
            let Some(c) = e.cluster.filter(|&c| infos[c].person) else { continue };
            if layout.in_quote(e.span) {
                continue;
            }
            match who {
                None => who = Some(c),
                Some(w) if w != c => several = true,
                _ => {}
            }
        }
        let (Some(c), false) = (who, several) else { continue };
        for t in s.tokens.start..s.tokens.end.min(doc.tokens.len()) {
            if layout.in_quote(doc.tokens[t].span) {
                continue;
            }
            match lexicon::pronoun_gender(doc.lower(t)) {
                Some(Gender::Male) => tally[c].0 += 1,
                Some(Gender::Female) => tally[c].1 += 1,
                None => {}
            }
        }
    }
    for (info, (m, f)) in infos.iter_mut().zip(tally) {
        if info.gender.is_none() {
            if m >= 2 && m > 2 * f {
                info.gender = Some(Gender::Male);
            } else if f >= 2 && f > 2 * m {
                info.gender = Some(Gender::Female);
            }
        }
    }
}

/// Whether a speaker is written like a name the recogniser missed ("Trump", "The Pentagon"):
/// every word capitalised, a leading determiner aside.
fn is_proper(doc: &Document, sp: Span) -> bool {
    let ws = words::words(doc, sp);
    let body = match ws.first() {
        Some(w) if lexicon::is_determiner(&words::normalize(doc, w)) => &ws[1..],
        _ => &ws[..],
    };
    let capital = |w: &words::Word| words::text(doc, w).chars().next().is_some_and(char::is_uppercase);
    !body.is_empty()
        && body.len() <= 5
        && body.iter().all(capital)
        && !lexicon::is_subject_pronoun(&words::normalize(doc, &body[0]))
}

/// The normalised words of cluster `c`'s canonical name: the base of the mention whose name
/// proper it is (else of its first mention).
fn canonical_words(doc: &Document, forms: &[MentionForm], c: usize) -> Vec<String> {
    let cl = &doc.clusters[c];
    let named = cl.mentions.iter().find(|&&i| words::squash(doc, forms[i].core) == cl.name);
    match named.or(cl.mentions.first()) {
        Some(&i) if named.is_some() => forms[i].base.clone(),
        Some(&i) => words::normalized(doc, doc.entities[i].span),
        None => Vec::new(),
    }
}

/// Clusters by lower-case canonical name, and people by surname (`usize::MAX` when two people
/// share it).
fn name_index(infos: &[Info]) -> HashMap<String, usize> {
    let mut m: HashMap<String, usize> = HashMap::new();
    for (c, info) in infos.iter().enumerate() {
        let words = &info.name;
        m.entry(words.join(" ")).or_insert(c);
        if info.person && words.len() >= 2 {
            if let Some(last) = words.last() {
                let slot = m.entry(format!("\u{0}{last}")).or_insert(c);
                if *slot != c {
                    *slot = usize::MAX;
                }
            }
        }
    }
    m
}

/// A speaker name the recogniser missed, looked up among the article's entities.
fn by_name_lookup(by_name: &HashMap<String, usize>, words: &[String]) -> Option<usize> {
    let body: Vec<&str> = words.iter().map(String::as_str).skip_while(|w| lexicon::is_determiner(w)).collect();
    let found = by_name.get(&body.join(" ")).or_else(|| match body[..] {
        [last] => by_name.get(&format!("\u{0}{last}")),
        _ => None,
    });
    found.copied().filter(|&c| c != usize::MAX)
}

/// The cluster of the named mention the speaker span overlaps; a person wins over an
/// organisation ("Pentagon spokesman Neil Abara"), then the larger overlap. A speaker that names
/// only an organisation or place but is followed by a person in apposition ("the head of the
/// Coastal Command, Gen. Hal Dunmore, admitted") or is part of a person's title ("Pentagon
/// spokesman Neil Abara said") is that person.
fn overlapping_cluster(doc: &Document, forms: &[MentionForm], layout: &Layout, sp: Span) -> Option<usize> {
    let r = layout.rank_at(sp.end);
    let mut best: Option<((bool, usize), usize)> = None;
    for &i in layout.order[..r].iter().rev().take(16) {
        let e = &doc.entities[i];
        let overlap = e.span.end.min(sp.end).saturating_sub(e.span.start.max(sp.start));
        if overlap == 0 {
            continue;
        }
        let Some(c) = e.cluster else { continue };
        let key = (e.label == Label::PER, overlap);
        if best.is_none_or_less(key) {
            best = Some((key, c));
        }
    }
    if let Some(((false, _), _)) = best {
        if let Some(&j) = layout.order.get(r) {
            let display = forms[j].display;
            // Only a comma between the speaker and the person's titled form.
            let a = doc.tokens.partition_point(|t| t.span.start < sp.end);
            let between = if doc.token_at(display.start) == a + 1 { doc.token_text(a) } else { "" };
            // "the head of the Coastal Command, Gen. Hal Dunmore" (apposition) and "Pentagon
            // spokesman Neil Abara" (the organisation is part of the person's title).
            let titled = display.start < sp.end && sp.start < display.end;
            if doc.entities[j].label == Label::PER && (between == "," || titled) {
                return doc.entities[j].cluster;
            }
        }
    }
    best.map(|(_, c)| c)
}

trait BestExt {
    fn is_none_or_less(&self, key: (bool, usize)) -> bool;
}
impl BestExt for Option<((bool, usize), usize)> {
    fn is_none_or_less(&self, key: (bool, usize)) -> bool {
        self.map_or(true, |(k, _)| k < key)
    }
}

/// "he" / "she": see the module doc.
fn by_pronoun(
    doc: &Document,
    layout: &Layout,
    infos: &[Info],
    resolved: &[(usize, usize)],
    pos: usize,
    g: Gender,
) -> Option<usize> {
    let here = layout.sentence_of(pos);
    let lo = layout.narrative_floor(here, PRONOUN_SENTENCES);
    let fits = |c: usize| infos[c].person && infos[c].gender.map_or(true, |h| h == g);
    // (sentence, position, cluster) of every candidate in the window.
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    let r = layout.rank_at(pos);
    for &i in layout.order[..r].iter().rev().take(SCAN) {
        let e = &doc.entities[i];
        let s = layout.sentence_of(e.span.start);
        if s < lo {
            break;
        }
        if e.span.end > pos || layout.in_quote(e.span) {
            continue;
        }
        if let Some(c) = e.cluster.filter(|&c| fits(c)) {
            cands.push((s, e.span.start, c));
        }
    }
    let k = resolved.partition_point(|&(p, _)| p < pos);
    for &(p, c) in resolved[..k].iter().rev().take(SCAN) {
        let s = layout.sentence_of(p);
        if s < lo {
            break;
        }
        if fits(c) {
            cands.push((s, p, c));
        }
    }
    let nearest = cands.iter().map(|&(s, _, _)| s).max()?;
    cands.iter().filter(|&&(s, _, _)| s == nearest).min_by_key(|&&(_, p, _)| p).map(|&(_, _, c)| c)
}

/// "the secretary", "the Pentagon spokesman": see the module doc.
fn by_role(infos: &[Info], role: &str, modifiers: &[&str], pos: usize) -> Option<usize> {
    infos
        .iter()
        .enumerate()
        .filter(|(_, info)| info.person && info.roles.contains(role))
        .filter_map(|(c, info)| {
            let k = info.starts.partition_point(|&s| s < pos);
            let last = (k > 0).then(|| info.starts[k - 1])?;
            let score = modifiers.iter().filter(|m| info.words.contains(**m)).count();
            Some(((score, last), c))
        })
        .max()
        .map(|(_, c)| c)
}

/// "the company", "the ministry": see the module doc.
fn by_org_noun(
    doc: &Document,
    layout: &Layout,
    infos: &[Info],
    noun: &str,
    kind: OrgNoun,
    pos: usize,
) -> Option<usize> {
    let strict = kind == OrgNoun::Strict;
    let r = layout.rank_at(pos);
    let mut recent = None;
    for &i in layout.order[..r].iter().rev().take(SCAN) {
        let e = &doc.entities[i];
        if e.span.end > pos || layout.in_quote(e.span) {
            continue;
        }
        let Some(c) = e.cluster else { continue };
        if infos[c].label != Label::ORG || infos[c].person {
            continue;
        }
        if infos[c].name.iter().any(|w| w == noun) {
            return Some(c);
        }
        recent.get_or_insert(c);
    }
    if strict {
        None
    } else {
        recent
    }
}

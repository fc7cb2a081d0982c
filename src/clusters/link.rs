//! Linking mentions into entities: which names in an article refer to the same thing.
//!
//! Why this shape: mentions are first collapsed into distinct *names* (one per normalised key,
//! so "Carter", "CARTER" and "Carter's" are one name), then names are joined with a union-find
//! through hash indexes — by surname and given name for people; by lexicon group, defined
//! acronym, initials, prefix and place-modifier for the rest. Every rule looks candidates up in
//! a `HashMap` and checks a bounded number of them, so the cost grows with the number of
//! mentions, not its square. People are never joined with each other through a partial name
//! that fits two of them ("Clinton" with Hillary and Bill Clinton): such a name is resolved
//! mention by mention from titles and recency, or left as its own ambiguous entity.

use std::collections::{HashMap, HashSet};

use super::acronyms;
use super::aliases;
use super::layout::Layout;
use super::names::{other_key, person_key, MentionForm};
use super::union_find::UnionFind;
use super::words;
use crate::doc::{Document, Flags, Label};
use crate::lexicon;

/// How a name is matched: people by name parts, everything else by whole name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    Person,
    Other,
}

/// The result of linking: a group per entity (arbitrary ids; the caller orders them).
pub struct Linked {
    pub group_of: Vec<usize>,
    pub family_of: Vec<Family>,
    /// Acronyms the text defines but the recogniser did not tag: (group, surface form).
    pub extra_aliases: Vec<(usize, String)>,
}

/// At most this many candidates are examined per lookup; beyond it a name is too common to be
/// linked safely anyway, and the bound keeps the worst case linear.
const MAX_CANDIDATES: usize = 64;
/// A surname used alone in the body more than this many sentences before the first full name
/// with that surname is taken for a different person.
const LATE_FULL_NAME: usize = 2;
/// A partial name fitting several people goes to the one mentioned within this many sentences.
const RECENCY_SENTENCES: usize = 3;

struct Name {
    family: Family,
    tokens: Vec<String>,
    votes: [u32; 4],
    first_label: Label,
    acronym: bool,
}

impl Name {
    fn label(&self) -> Label {
        let best = self.votes.iter().copied().max().unwrap_or(0);
        if self.votes[self.first_label as usize] == best {
            return self.first_label;
        }
        Label::ALL.into_iter().find(|l| self.votes[*l as usize] == best).unwrap_or(self.first_label)
    }
    fn key(&self) -> String {
        self.tokens.join(" ")
    }
}

/// Whether two labels may be one entity: the same label, or ORG with LOC/MISC (recogniser
/// noise on names like "Washington" or "Pentagon"). A person never joins anything else.
fn compatible(a: Label, b: Label) -> bool {
    a == b || (a != Label::PER && b != Label::PER && (a == Label::ORG || b == Label::ORG))
}

/// Tokens match when equal, or when one is an initial of the other ("j" ~ "john").
fn token_match(x: &str, y: &str) -> bool {
    x == y || (x.chars().count() == 1 && y.starts_with(x)) || (y.chars().count() == 1 && x.starts_with(y))
}

/// Whether the person name `b` covers `a`: `a`'s parts appear in order in `b`, sharing the
/// surname or the given name ("Carter" ⊂ "Ash Carter", "Hillary" ⊂ "Hillary Rodham Clinton").
fn covers(b: &[String], a: &[String]) -> bool {
    if a.is_empty() || b.len() < a.len() || a == b {
        return false;
    }
    let (Some(al), Some(bl)) = (a.last(), b.last()) else { return false };
    if !(token_match(al, bl) || token_match(&a[0], &b[0])) {
        return false;
    }
    let mut j = 0;
    for t in a {
        while j < b.len() && !token_match(t, &b[j]) {
            j += 1;
        }
        if j == b.len() {
            return false;
        }
        j += 1;
    }
    // Equal length: only an initialled form is covered by the spelled-out one.
    b.len() > a.len() || b.iter().map(String::len).sum::<usize>() > a.iter().map(String::len).sum::<usize>()
}

/// Links the entities of `doc` (see the module doc): five phases over one [`Linker`].
pub fn link(doc: &Document, forms: &[MentionForm], layout: &Layout) -> Linked {
    let (family_of, surnames) = families(doc, forms, layout);
    let mut l = Linker::new(doc, forms, layout, family_of, surnames);
    l.curated_aliases();
    l.defined_acronyms();
    l.initials();
    let mut joins = l.prefixes();
    joins.extend(l.place_modifiers());
    for (a, b) in joins {
        l.uf.union(a, b);
    }
    let ambiguous = l.people();
    l.finish(&ambiguous)
}

/// Phase 1. Family of each mention: the majority over mentions with the same written name, so
/// a stray ORG tag on one "Carter" among five PER ones does not split him off; a surname of a
/// full PER name counts as one more PER vote. Returns the families and those surnames.
fn families(doc: &Document, forms: &[MentionForm], layout: &Layout) -> (Vec<Family>, HashSet<String>) {
    let ents = &doc.entities;
    let n = ents.len();
    let vote_key: Vec<String> = forms.iter().map(|f| other_key(&f.base).join(" ")).collect();
    let mut surnames: HashSet<String> = HashSet::new();
    // Last words of two- or three-word names the recogniser did not call people but that read
    // like "Given Surname" (capitalised, no organisation word): weaker evidence.
    let mut maybe_surnames: HashSet<String> = HashSet::new();
    for (i, e) in ents.iter().enumerate() {
        let pk = person_key(&forms[i].base);
        let Some(last) = pk.last().filter(|_| pk.len() >= 2) else { continue };
        if e.label == Label::PER {
            surnames.insert(last.clone());
        } else if e.label != Label::MISC && pk.len() <= 3 && reads_like_person(doc, &forms[i]) {
            maybe_surnames.insert(last.clone());
        }
    }
    // (per, other, first mention is PER, mentions with a person cue, with an honorific, LOC)
    let mut votes: HashMap<&str, (u32, u32, bool, u32, u32, u32)> = HashMap::new();
    let mut speakers: Vec<crate::doc::Span> = doc.quotes.iter().filter_map(|q| q.speaker).collect();
    speakers.sort_unstable();
    for &i in &layout.order {
        if vote_key[i].is_empty() {
            continue;
        }
        let is_per = ents[i].label == Label::PER;
        let cue = person_cue(doc, &forms[i], &ents[i], &speakers);
        let v = votes.entry(vote_key[i].as_str()).or_insert((0, 0, is_per, 0, 0, 0));
        if is_per {
            v.0 += 1;
        } else {
            v.1 += 1;
        }
        v.3 += u32::from(cue);
        v.4 += u32::from(forms[i].honorific);
        v.5 += u32::from(ents[i].label == Label::LOC);
    }
    let by_label = |l: Label| if l == Label::PER { Family::Person } else { Family::Other };
    let family_of: Vec<Family> = (0..n)
        .map(|i| {
            let Some(&(per, other, first_per, cues, honorifics, locs)) = votes.get(vote_key[i].as_str()) else {
                return by_label(ents[i].label);
            };
            let pk = person_key(&forms[i].base);
            let surname = pk.len() == 1 && surnames.contains(&pk[0]);
            let maybe = pk.len() == 1 && maybe_surnames.contains(&pk[0]) && aliases::group_of(&pk[0]).is_none();
            // The surname of a full name in the article, acting like a person ("Trump says",
            // "Mr. Trump", a quote's speaker): a person, however the recogniser tagged it.
            // So is a name with an honorific only people carry ("Mr. Trump", "President
            // Obama"), unless it is a country or bloc from the lexicon.
            let honored = honorifics > 0 && aliases::group_of(&vote_key[i]).is_none();
            if (surname && cues > 0 || maybe && cues >= 2 || honored) && per < 2 {
                return Family::Person;
            }
            let per = per + u32::from(surname);
            if per >= 2 && other >= 2 {
                // A place and a person may share a name ("Jordan"), but the surname of a full
                // name in the article, or a name with an honorific, tagged PER twice and never
                // LOC is one person however often the recogniser called it ORG or MISC.
                if (surname || honored) && locs == 0 {
                    Family::Person
                } else {
                    by_label(ents[i].label)
                }
            } else if per != other {
                if per > other {
                    Family::Person
                } else {
                    Family::Other
                }
            } else if first_per {
                Family::Person
            } else {
                Family::Other
            }
        })
        .collect();

    // A two- or three-word name whose last word is used alone as a person ("Donald Trump"
    // tagged ORG beside "Mr. Trump") is that person too, unless it reads like an organisation.
    let person_words: HashSet<&str> = (0..n)
        .filter(|&i| family_of[i] == Family::Person && !vote_key[i].contains(' '))
        .map(|i| vote_key[i].as_str())
        .collect();
    let mut family_of = family_of;
    for i in 0..n {
        if family_of[i] == Family::Person || ents[i].label == Label::MISC {
            continue;
        }
        let t = &forms[i].base;
        if (2..=3).contains(&t.len())
            && reads_like_person(doc, &forms[i])
            && t.last().is_some_and(|l| person_words.contains(l.as_str()))
            && aliases::group_of(&vote_key[i]).is_none()
        {
            family_of[i] = Family::Person;
        }
    }

    (family_of, surnames)
}

/// What the linking phases share: the distinct names (one per family and key), which name each
/// mention carries, and the union-find over names.
struct Linker<'a> {
    doc: &'a Document,
    forms: &'a [MentionForm],
    layout: &'a Layout,
    family_of: Vec<Family>,
    /// Surnames of full PER names: a one-word organisation that is also one does not begin a
    /// longer organisation's name ("Trump" is not the "Trump Foundation").
    surnames: HashSet<String>,
    names: Vec<Name>,
    index: HashMap<(Family, String), usize>,
    name_of: Vec<usize>,
    /// Names of the Other family with a non-empty key: the ones phase 3 links.
    others: Vec<usize>,
    uf: UnionFind,
    /// Acronyms the text defines but the recogniser did not tag: (name, surface form).
    extra_aliases: Vec<(usize, String)>,
}

impl<'a> Linker<'a> {
    /// Phase 2. Distinct names.
    fn new(
        doc: &'a Document,
        forms: &'a [MentionForm],
        layout: &'a Layout,
        family_of: Vec<Family>,
        surnames: HashSet<String>,
    ) -> Linker<'a> {
        let ents = &doc.entities;
        let n = ents.len();
        let mut names: Vec<Name> = Vec::new();
        let mut index: HashMap<(Family, String), usize> = HashMap::new();
        let mut name_of = vec![0usize; n];
        for (r, &i) in layout.order.iter().enumerate() {
            let fam = family_of[i];
            let mut tokens = match fam {
                Family::Person => person_key(&forms[i].base),
                Family::Other => other_key(&forms[i].base),
            };
            // "Hillary and Bill Clinton": the first given name shares the surname.
            if fam == Family::Person && tokens.len() == 1 {
                if let Some(&j) = layout.order.get(r + 1) {
                    let (a, b) = (forms[i].core_tokens.end, forms[j].core_tokens.start);
                    let and = b == a + 1 && matches!(doc.lower(a), "and" | "&");
                    if family_of[j] == Family::Person && and {
                        let pj = person_key(&forms[j].base);
                        if pj.len() >= 2 {
                            tokens.push(pj[pj.len() - 1].clone());
                        }
                    }
                }
            }
            let key = if tokens.is_empty() { format!("\u{0}{i}") } else { tokens.join(" ") };
            let label = ents[i].label;
            let id = *index.entry((fam, key)).or_insert_with(|| {
                names.push(Name { family: fam, tokens, votes: [0; 4], first_label: label, acronym: false });
                names.len() - 1
            });
            names[id].votes[label as usize] += 1;
            names[id].acronym |= forms[i].acronym_like;
            name_of[i] = id;
        }
        let uf = UnionFind((0..names.len()).collect());
        let others: Vec<usize> =
            (0..names.len()).filter(|&id| names[id].family == Family::Other && !names[id].tokens.is_empty()).collect();
        Linker { doc, forms, layout, family_of, surnames, names, index, name_of, others, uf, extra_aliases: Vec::new() }
    }

    /// Phase 3a. Curated alias pairs.
    fn curated_aliases(&mut self) {
        let Linker { names, others, uf, .. } = self;
        let mut by_group: HashMap<&'static str, usize> = HashMap::new();
        for &id in others.iter() {
            if let Some(g) = aliases::group_of(&names[id].key()) {
                let first = *by_group.entry(g).or_insert(id);
                uf.union(first, id);
            }
        }
    }

    /// Phase 3b. Acronyms the text defines: "Expansion (ACR)" and "ACR (Expansion)".
    fn defined_acronyms(&mut self) {
        let Linker { doc, forms, layout, family_of, index, name_of, uf, extra_aliases, .. } = self;
        let (doc, forms, layout) = (*doc, *forms, *layout);
        let text = doc.text.as_str();
        let ents = &doc.entities;
        for &i in &layout.order {
            if family_of[i] != Family::Other {
                continue;
            }
            let after = super::words::tokens_of(doc, ents[i].span).end.max(forms[i].core_tokens.end);
            let Some(paren) = acronyms::parenthesis_after(doc, after) else { continue };
            let inner = paren.of(text);
            let core = forms[i].core;
            let core_text = text.get(core.start..core.end).unwrap_or("");
            let id = name_of[i];
            if acronyms::looks_like_acronym(inner) && acronyms::abbreviates(inner, core_text) {
                let key = other_key(&[super::words::normalized(doc, paren).concat()]).join(" ");
                match index.get(&(Family::Other, key)) {
                    Some(&a) => uf.union(a, id),
                    None => extra_aliases.push((id, inner.to_string())),
                }
            } else if forms[i].acronym_like {
                // "ISIL (Islamic State …)": the entity inside the parenthesis is the expansion.
                let r = layout.rank_at(paren.start);
                if let Some(&j) = layout.order.get(r) {
                    if ents[j].span.start < paren.end
                        && family_of[j] == Family::Other
                        && acronyms::abbreviates(
                            core_text,
                            text.get(forms[j].core.start..forms[j].core.end).unwrap_or(""),
                        )
                    {
                        uf.union(name_of[j], id);
                    }
                }
            }
        }
    }

    /// Phase 3c. Acronyms spelling the initials of a longer name ("UN" ~ "United Nations").
    fn initials(&mut self) {
        let Linker { names, others, uf, .. } = self;
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
        for &id in others.iter() {
            let t = &names[id].tokens;
            if t.len() >= 2 {
                let a = acronyms::initials(t);
                let b = acronyms::all_initials(t);
                if b != a {
                    by_initials.entry(b).or_default().push(id);
                }
                by_initials.entry(a).or_default().push(id);
            }
        }
        for &id in others.iter() {
            if !(names[id].acronym && names[id].tokens.len() == 1) {
                continue;
            }
            let Some(cands) = by_initials.get(&names[id].tokens[0]) else { continue };
            let label = names[id].label();
            let mut roots: Vec<usize> = cands
                .iter()
                .take(MAX_CANDIDATES)
                .filter(|&&c| compatible(label, names[c].label()))
                .map(|&c| uf.find(c))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            if let [root] = roots[..] {
                uf.union(root, id);
            }
        }
    }

    /// Phase 3d. A shorter name that begins a longer one of the same type ("Islamic State" ~
    /// "Islamic State of Iraq"), and a one-word organisation that begins exactly one longer
    /// organisation ("Goldman" ~ "Goldman Sachs") unless it is a person's surname too ("Trump"
    /// is not the "Trump Foundation"). Returns the pairs to join.
    fn prefixes(&self) -> Vec<(usize, usize)> {
        let Linker { names, others, surnames, .. } = self;
        let mut by_prefix2: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        for &id in others.iter() {
            let t = &names[id].tokens;
            if t.len() >= 3 {
                by_prefix2.entry((t[0].as_str(), t[1].as_str())).or_default().push(id);
            }
            if t.len() >= 2 && names[id].label() == Label::ORG {
                by_first.entry(t[0].as_str()).or_default().push(id);
            }
        }
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for &id in others.iter() {
            let t = &names[id].tokens;
            let label = names[id].label();
            let cands: &[usize] = if t.len() >= 2 {
                by_prefix2.get(&(t[0].as_str(), t[1].as_str())).map_or(&[], |v| v.as_slice())
            } else if label == Label::ORG
                && !names[id].acronym
                && aliases::group_of(&t[0]).is_none()
                && !surnames.contains(&t[0])
            {
                by_first.get(t[0].as_str()).map_or(&[], |v| v.as_slice())
            } else {
                &[]
            };
            let mut fits: Vec<usize> = cands
                .iter()
                .take(MAX_CANDIDATES)
                .copied()
                .filter(|&c| {
                    names[c].tokens.len() > t.len() && names[c].tokens.starts_with(t) && names[c].label() == label
                })
                .collect();
            fits.sort_unstable();
            fits.dedup();
            if let [c] = fits[..] {
                joins.push((c, id));
            }
        }
        joins
    }

    /// Phase 3e. A place modifier in front ("US Central Command" ~ "Central Command"), when
    /// only one longer name reduces to the shorter one. Returns the pairs to join.
    fn place_modifiers(&self) -> Vec<(usize, usize)> {
        let Linker { names, others, index, .. } = self;
        let mut joins = Vec::new();
        let loc_keys: HashSet<String> = others
            .iter()
            .filter(|&&id| names[id].tokens.len() == 1 && matches!(names[id].label(), Label::LOC | Label::MISC))
            .map(|&id| names[id].tokens[0].clone())
            .collect();
        let mut by_tail: HashMap<usize, Vec<usize>> = HashMap::new();
        for &id in others.iter() {
            let t = &names[id].tokens;
            if t.len() >= 2 && (aliases::is_place_modifier(&t[0]) || loc_keys.contains(&t[0])) {
                if let Some(&tail) = index.get(&(Family::Other, t[1..].join(" "))) {
                    if compatible(names[tail].label(), names[id].label()) {
                        by_tail.entry(tail).or_default().push(id);
                    }
                }
            }
        }
        for (tail, longs) in by_tail {
            if let [long] = longs[..] {
                joins.push((long, tail));
            }
        }
        joins
    }

    /// Phase 4. People: a partial name joins the full names that cover it when they are all one
    /// person. Returns the partial names that fit several people, with their candidates.
    fn people(&mut self) -> HashMap<usize, Vec<usize>> {
        let Linker { doc, forms, layout, names, name_of, uf, .. } = self;
        let (doc, forms, layout) = (*doc, *forms, *layout);
        let ents = &doc.entities;
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_given: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut people: Vec<usize> =
            (0..names.len()).filter(|&id| names[id].family == Family::Person && !names[id].tokens.is_empty()).collect();
        for &id in &people {
            let t = &names[id].tokens;
            if t.len() >= 2 {
                by_last.entry(t[t.len() - 1].as_str()).or_default().push(id);
                by_given.entry(t[0].as_str()).or_default().push(id);
            }
        }
        // Longest (most complete) first, so every candidate's own maximal set is known.
        people.sort_by_key(|&id| {
            let t = &names[id].tokens;
            (std::cmp::Reverse(t.len()), std::cmp::Reverse(t.iter().map(String::len).sum::<usize>()), id)
        });
        // Where each name first appears, and first appears in the body (after the first sentence,
        // not in capitals only): a surname used on its own for paragraphs before a full name with
        // that surname shows up belongs to someone else ("President Obama" … "the first lady,
        // Michelle Obama").
        let mut first_sentence = vec![usize::MAX; names.len()];
        let mut first_body = vec![usize::MAX; names.len()];
        for &i in &layout.order {
            let id = name_of[i];
            let s = layout.sentence_of(ents[i].span.start);
            first_sentence[id] = first_sentence[id].min(s);
            let core = &doc.tokens[forms[i].core_tokens.clone()];
            let caps = core.iter().any(|t| t.flags.has(Flags::HAS_LETTER))
                && !core.iter().any(|t| t.flags.has(Flags::HAS_LOWER));
            if s > 0 && !caps {
                first_body[id] = first_body[id].min(s);
            }
        }
        // First sentence reached by each maximal name's group so far.
        let mut reach = first_sentence.clone();
        let mut maximal: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
        let mut ambiguous: HashMap<usize, Vec<usize>> = HashMap::new();
        for &id in &people {
            let a = &names[id].tokens;
            let lookup = |m: &HashMap<&str, Vec<usize>>, k: &str| -> Vec<usize> {
                m.get(k)
                    .map(|v| v.iter().take(MAX_CANDIDATES).copied().filter(|&b| covers(&names[b].tokens, a)).collect())
                    .unwrap_or_default()
            };
            let mut cands = lookup(&by_last, &a[a.len() - 1]);
            if cands.is_empty() {
                cands = lookup(&by_given, &a[0]);
            }
            if cands.is_empty() {
                maximal[id] = vec![id];
                continue;
            }
            let mut set: Vec<usize> = cands.iter().flat_map(|&c| maximal[c].iter().copied()).collect();
            set.sort_unstable();
            set.dedup();
            set.truncate(MAX_CANDIDATES);
            set.retain(|&m| first_body[id] == usize::MAX || reach[m] <= first_body[id] + LATE_FULL_NAME);
            if let [m] = set[..] {
                uf.union(m, id);
                reach[m] = reach[m].min(first_sentence[id]);
            } else if !set.is_empty() {
                ambiguous.insert(id, set.clone());
            }
            if set.is_empty() {
                set.push(id);
            }
            maximal[id] = set;
        }
        ambiguous
    }

    /// Phase 5. Groups, resolving ambiguous partial names mention by mention.
    fn finish(mut self, ambiguous: &HashMap<usize, Vec<usize>>) -> Linked {
        let n = self.doc.entities.len();
        let mut group_of: Vec<usize> = (0..n).map(|i| self.uf.find(self.name_of[i])).collect();
        if !ambiguous.is_empty() {
            let names = self.names.len();
            resolve_ambiguous(
                self.doc, self.forms, self.layout, &self.name_of, ambiguous, &mut self.uf, &mut group_of, names,
            );
        }
        let extra_aliases =
            std::mem::take(&mut self.extra_aliases).into_iter().map(|(id, s)| (self.uf.find(id), s)).collect();
        Linked { group_of, family_of: self.family_of, extra_aliases }
    }
}

/// Whether a multi-word name reads like a person's: every word capitalised, no word that makes
/// it an organisation's ("Foundation", "Party").
pub(super) fn reads_like_person(doc: &Document, form: &MentionForm) -> bool {
    words::words(doc, form.core).iter().all(|w| first_upper(doc, w))
        && !form.base.iter().any(|w| lexicon::is_org_word(w))
}

/// Whether a word's first character is a capital letter.
fn first_upper(doc: &Document, w: &words::Word) -> bool {
    if w.span.start == doc.tokens[w.toks.start].span.start {
        doc.tokens[w.toks.start].flags.capitalized()
    } else {
        words::text(doc, w).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Whether a mention is used as a person: a title or role, right after it (past a comma) a
/// speech verb ("Trump says", "Carter told") or a word only a person takes ("Trump, who",
/// "Carter himself"), or being the speaker of a quotation. Only used for a word that is also
/// the surname of a full name in the article, so "Washington has" stays a place.
fn person_cue(doc: &Document, form: &MentionForm, e: &crate::doc::Entity, speakers: &[crate::doc::Span]) -> bool {
    if !form.roles.is_empty() {
        return true;
    }
    let mut k = words::tokens_of(doc, e.span).end;
    while k < doc.tokens.len() && doc.token_text(k) == "," {
        k += 1;
    }
    if let Some(w) = words::word_at(doc, k) {
        let next = words::normalize(doc, &w);
        if lexicon::is_finite_speech_verb(&next) || lexicon::is_person_follower(&next) {
            return true;
        }
    }
    let span = e.span;
    let k = speakers.partition_point(|s| s.start <= span.start);
    k > 0 && speakers[k - 1].end >= span.end
}

/// Attaches each mention of a name that fits several people ("Clinton") to one of them, or
/// to a group of its own (`offset + name id`) when the text does not say which:
/// 1. a title on the mention that only one candidate carries ("Mrs. Clinton", "Sen. Clinton");
/// 2. otherwise the candidate mentioned in this or the previous sentence, unless another
///    candidate was mentioned in that same sentence;
/// 3. otherwise the article's main one: at least two mentions, and twice those of any other
///    or more than any other and named first (the "Clinton" the story is about, not the
///    daughter named once in passing);
/// 4. otherwise the candidate mentioned most recently, within [`RECENCY_SENTENCES`], on the
///    same condition as 2.
#[allow(clippy::too_many_arguments)]
fn resolve_ambiguous(
    doc: &Document,
    forms: &[MentionForm],
    layout: &Layout,
    name_of: &[usize],
    ambiguous: &HashMap<usize, Vec<usize>>,
    uf: &mut UnionFind,
    group_of: &mut [usize],
    offset: usize,
) {
    let ents = &doc.entities;
    // Ranks (text order) of the unambiguous mentions of each group, and their roles.
    let mut ranks: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roles: HashMap<usize, HashSet<&'static str>> = HashMap::new();
    for (r, &i) in layout.order.iter().enumerate() {
        if !ambiguous.contains_key(&name_of[i]) {
            ranks.entry(group_of[i]).or_default().push(r);
            roles.entry(group_of[i]).or_default().extend(forms[i].roles.iter().copied());
        }
    }
    let gender_of =
        |set: Option<&HashSet<&'static str>>| set.and_then(|s| s.iter().find_map(|r| lexicon::role_gender(r)));
    let mut last_resolved: HashMap<usize, usize> = HashMap::new();
    for (r, &i) in layout.order.iter().enumerate() {
        let Some(cands) = ambiguous.get(&name_of[i]) else { continue };
        let mut roots: Vec<usize> = cands.iter().map(|&c| uf.find(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        let my_roles = &forms[i].roles;
        // 1. Titles.
        if let Some(g) = my_roles.iter().find_map(|r| lexicon::role_gender(r)) {
            let kept: Vec<usize> =
                roots.iter().copied().filter(|c| gender_of(roles.get(c)).map_or(true, |h| h == g)).collect();
            if !kept.is_empty() {
                roots = kept;
            }
            // A gendered title matching exactly one candidate's known gender decides.
            let sure: Vec<usize> = roots.iter().copied().filter(|c| gender_of(roles.get(c)) == Some(g)).collect();
            if let [c] = sure[..] {
                roots = vec![c];
            }
        }
        let other_roles: Vec<&str> = my_roles.iter().copied().filter(|r| lexicon::role_gender(r).is_none()).collect();
        if !other_roles.is_empty() {
            let kept: Vec<usize> = roots
                .iter()
                .copied()
                .filter(|c| roles.get(c).is_some_and(|s| other_roles.iter().any(|r| s.contains(r))))
                .collect();
            if !kept.is_empty() {
                roots = kept;
            }
        }
        let choice = if let [c] = roots[..] {
            Some(c)
        } else {
            // 2.–4. Recency and dominance.
            let my_sentence = layout.sentence_of(ents[i].span.start);
            let mut recent: Vec<(usize, usize)> = roots
                .iter()
                .filter_map(|&c| {
                    let before = ranks.get(&c).and_then(|v| {
                        let k = v.partition_point(|&x| x < r);
                        (k > 0).then(|| v[k - 1])
                    });
                    let last = before.into_iter().chain(last_resolved.get(&c).copied()).max()?;
                    Some((last, c))
                })
                .collect();
            recent.sort_unstable_by(|a, b| b.cmp(a));
            let sentence_at = |rank: usize| layout.sentence_of(ents[layout.order[rank]].span.start);
            // (distance in sentences, candidate) of the most recent one, unless another
            // candidate was mentioned in that same sentence.
            let recent_one = match recent[..] {
                [] => None,
                [(best, c), ..] => {
                    let sb = sentence_at(best);
                    let tied = recent.get(1).is_some_and(|&(second, _)| sentence_at(second) == sb);
                    (!tied).then_some((my_sentence.saturating_sub(sb), c))
                }
            };
            let mut counts: Vec<(usize, usize)> =
                roots.iter().map(|&c| (ranks.get(&c).map_or(0, Vec::len), c)).collect();
            counts.sort_unstable_by(|a, b| b.cmp(a));
            let first_rank = |c: usize| ranks.get(&c).and_then(|v| v.first().copied()).unwrap_or(usize::MAX);
            let dominant = match counts[..] {
                [(top, c), (next, d), ..]
                    if top >= 2 && (top >= 2 * next || (top > next && first_rank(c) < first_rank(d))) =>
                {
                    Some(c)
                }
                _ => None,
            };
            match (recent_one, dominant) {
                (Some((d, c)), _) if d <= 1 => Some(c),
                (_, Some(c)) => Some(c),
                (Some((d, c)), None) if d <= RECENCY_SENTENCES => Some(c),
                _ => None,
            }
        };
        group_of[i] = match choice {
            Some(c) => {
                last_resolved.insert(c, r);
                c
            }
            None => offset + name_of[i],
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn covering() {
        assert!(covers(&t("ash carter"), &t("carter")));
        assert!(covers(&t("ash carter"), &t("ash")));
        assert!(covers(&t("hillary rodham clinton"), &t("hillary clinton")));
        assert!(covers(&t("john smith"), &t("j smith")));
        assert!(!covers(&t("j smith"), &t("john smith")));
        assert!(!covers(&t("bill clinton"), &t("hillary clinton")));
        assert!(!covers(&t("carter"), &t("carter")));
    }

    #[test]
    fn labels() {
        assert!(compatible(Label::ORG, Label::LOC));
        assert!(!compatible(Label::LOC, Label::MISC));
        assert!(!compatible(Label::PER, Label::ORG));
    }
}

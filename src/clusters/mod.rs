//! Grouping mentions into entities: "US Defense Secretary Ash Carter", "Carter's" and "the
//! secretary" are one person; "Islamic State of Iraq and Levant (ISIL)" and "ISIL" one group.
//!
//! Why: a reader thinks in people and organisations, not strings. This stage runs last, over
//! the entities and quotations found before it, and fills `doc.clusters`, every entity's
//! `cluster` and every resolvable quotation's `cluster`. It never changes the text or the
//! entities' spans; it changes labels only where a group outweighs the tagger's sentence-by-
//! sentence guess (every mention of a person is PER; a dotted acronym takes the type of the
//! name it abbreviates), never a label the reader set.
//!
//! The pieces, each with one job:
//! - [`names`]: a mention's name proper, its parts, titles and roles, possessives;
//! - [`aliases`]: a small curated lexicon of alias pairs (US / United States / America …);
//! - [`acronyms`]: acronyms defined in the text or spelling a longer name's initials;
//! - [`link`]: which names are one entity (union-find over hash indexes; near-linear);
//! - [`resolve`]: pronoun and description speakers of quotations ("he", "the spokesman");
//! - [`salience`]: how central each entity is.
//!
//! Clusters are ordered by first mention (cluster id = index); a cluster's mentions are in text
//! order; every entity is in exactly one cluster (a lone mention is a cluster of one). A
//! cluster's label is always one of its mentions' labels (see `cluster_label`); whether the
//! grouping read it as a person is kept apart, for resolving "he" and "the spokesman".

pub(crate) mod acronyms;
mod aliases;
pub mod constraints;
mod layout;
mod link;
mod names;
mod resolve;
mod salience;
mod union_find;
mod words;

use std::collections::HashMap;

use crate::doc::{Cluster, Document, Label};
pub use constraints::{Constraints, GroupOp};
use link::Family;

/// Fills `doc.clusters` and the `cluster` fields of entities and quotes. Never panics; safe to
/// run again (previous results are replaced).
pub fn group(doc: &mut Document) {
    group_with(doc, &Constraints::default());
}

/// [`group`] under the reader's corrections (see [`constraints`]): split and merged groups,
/// labels the reader gave. Names, quote speakers and salience follow the corrected groups.
pub fn group_with(doc: &mut Document, constraints: &Constraints) {
    doc.clusters.clear();
    for e in &mut doc.entities {
        e.cluster = None;
    }
    for q in &mut doc.quotes {
        q.cluster = None;
    }
    if doc.entities.is_empty() {
        return;
    }
    let layout = layout::Layout::new(doc);
    let forms: Vec<names::MentionForm> = doc.entities.iter().map(|e| names::analyse(doc, e)).collect();
    let mut linked = link::link(doc, &forms, &layout);
    if !constraints.is_empty() {
        let is_person: Vec<bool> = linked.family_of.iter().map(|&f| f == Family::Person).collect();
        constraints::apply(&mut linked.group_of, &is_person, constraints);
    }

    // Number the groups by first mention.
    let mut cluster_of: HashMap<usize, usize> = HashMap::new();
    let mut families: Vec<Family> = Vec::new();
    for &i in &layout.order {
        let g = linked.group_of[i];
        let c = *cluster_of.entry(g).or_insert_with(|| {
            doc.clusters.push(Cluster {
                label: doc.entities[i].label,
                name: String::new(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                salience: 0.0,
            });
            families.push(linked.family_of[i]);
            doc.clusters.len() - 1
        });
        doc.clusters[c].mentions.push(i);
        doc.entities[i].cluster = Some(c);
    }
    let mut extra: HashMap<usize, Vec<String>> = HashMap::new();
    for (g, s) in linked.extra_aliases {
        if let Some(&c) = cluster_of.get(&g) {
            extra.entry(c).or_default().push(s);
        }
    }
    // A label the reader gave is the group's label (its first such mention's, in text order).
    let mut pinned: HashMap<usize, Label> = HashMap::new();
    for &(i, l) in &constraints.pinned {
        if let Some(c) = doc.entities.get(i).and_then(|e| e.cluster) {
            pinned.entry(c).or_insert(l);
        }
    }
    for (c, &family) in families.iter().enumerate() {
        let label = pinned.get(&c).copied().unwrap_or_else(|| cluster_label(doc, &forms, c, family));
        let (name, aliases) = name_and_aliases(doc, &forms, c, extra.remove(&c).unwrap_or_default());
        let cluster = &mut doc.clusters[c];
        cluster.label = label;
        cluster.name = name;
        cluster.aliases = aliases;
    }
    // Every mention of a person's group is a person: one name is one person within an article,
    // and the group's reading of its fullest names beats the tagger's guess at a lone surname or
    // a capitalised headline word ("Trump" as ORG in one sentence of ten). Other groups keep
    // their mentions' types: a town and its football club share a name ("Leeds"), and on 1996
    // Reuters a vote there cost more than it gained (CoNLL dev, train-only model: persons only
    // 93.12 -> 93.13, every group 92.61). Mentions whose type the reader set keep it.
    let reader_set: std::collections::HashSet<usize> = constraints.pinned.iter().map(|&(i, _)| i).collect();
    for c in 0..doc.clusters.len() {
        let label = doc.clusters[c].label;
        if label != Label::PER {
            continue;
        }
        for k in 0..doc.clusters[c].mentions.len() {
            let i = doc.clusters[c].mentions[k];
            if !reader_set.contains(&i) {
                doc.entities[i].label = label;
            }
        }
    }
    // A dotted acronym grouped with the name it abbreviates takes that name's type: "I.R.S."
    // (tagged LOC) with "Internal Revenue Service" (ORG). The tagger reads dotted acronyms
    // mostly by their shape, that of "U.S."; undotted ones it knows better than the grouping's
    // guesses from initials ("NFL" stays ORG beside a MISC name with its initials).
    for c in 0..doc.clusters.len() {
        let label = doc.clusters[c].label;
        let mentions = &doc.clusters[c].mentions;
        let spelled_out = mentions
            .iter()
            .any(|&i| doc.entities[i].label == label && !forms[i].acronym_like && forms[i].base.len() >= 2);
        if label == Label::PER || !spelled_out {
            continue;
        }
        for k in 0..doc.clusters[c].mentions.len() {
            let i = doc.clusters[c].mentions[k];
            let dotted = doc.entities[i].span.of(&doc.text).contains('.');
            if forms[i].acronym_like && dotted && doc.entities[i].label != Label::PER && !reader_set.contains(&i) {
                doc.entities[i].label = label;
            }
        }
    }
    let people: Vec<bool> = families.iter().map(|&f| f == Family::Person).collect();
    resolve::attribute(doc, &forms, &layout, &people);
    salience::score(doc);
}

/// The cluster's type, always one its mentions carry (a type no mention has would file the group
/// where the reader never saw it; a person's mentions then all take it, see [`group_with`]):
/// - a person ([`Family::Person`]) with at least one mention tagged PER is PER, however many
///   mentions the recogniser tagged ORG ("Donald Trump" tagged ORG twice);
/// - so is a cluster whose most complete name is a two- or three-word name that reads like a
///   person's and is tagged PER at least once;
/// - otherwise the strongest named mentions decide: among the mentions with the most words
///   (the most complete names, "Harbour Workers Union" over "Harbour"), the majority label,
///   ties going to the first of them. PER counts only for a person, or when every mention is
///   PER.
fn cluster_label(doc: &Document, forms: &[names::MentionForm], c: usize, family: Family) -> Label {
    let mentions = &doc.clusters[c].mentions;
    let label = |i: usize| doc.entities[i].label;
    if family == Family::Person && mentions.iter().any(|&i| label(i) == Label::PER) {
        return Label::PER;
    }
    let strength = |i: usize| words::words(doc, forms[i].core).len();
    let Some(top) = mentions.iter().map(|&i| strength(i)).max() else { return Label::ORG };
    // "Donald Trump" tagged ORG three times and PER once: a full name that reads like a
    // person's and is tagged PER at least once is a person.
    let person_name = |i: usize| {
        label(i) == Label::PER
            && strength(i) == top
            && (2..=3).contains(&top)
            && link::reads_like_person(doc, &forms[i])
    };
    if mentions.iter().any(|&i| person_name(i)) {
        return Label::PER;
    }
    let only_per = mentions.iter().all(|&i| label(i) == Label::PER);
    let allowed: Vec<usize> =
        mentions.iter().copied().filter(|&i| only_per || family == Family::Person || label(i) != Label::PER).collect();
    let Some(top) = allowed.iter().map(|&i| strength(i)).max() else { return Label::ORG };
    let strongest: Vec<usize> = allowed.into_iter().filter(|&i| strength(i) == top).collect();
    let mut votes = [0usize; 4];
    for &i in &strongest {
        votes[label(i) as usize] += 1;
    }
    let best = votes.iter().copied().max().unwrap_or(0);
    strongest.iter().map(|&i| label(i)).find(|&l| votes[l as usize] == best).unwrap_or(Label::ORG)
}

/// The canonical name — the most complete proper name used: most words, then not written in
/// capitals only, then most letters ("Ruth" over "R."), then most frequent, then first — and
/// the other surface forms (titled forms included, "Gen. Hal Dunmore"), most frequent first.
fn name_and_aliases(
    doc: &Document,
    forms: &[names::MentionForm],
    c: usize,
    extra: Vec<String>,
) -> (String, Vec<String>) {
    let mentions = &doc.clusters[c].mentions;
    // (surface) -> (count, first position, words)
    let mut cores: HashMap<String, (usize, usize, usize)> = HashMap::new();
    let mut shown: HashMap<String, (usize, usize)> = HashMap::new();
    for (k, &i) in mentions.iter().enumerate() {
        let f = &forms[i];
        let core = words::squash(doc, f.core);
        let display = words::squash(doc, f.display);
        if !core.is_empty() {
            let n = words::words(doc, f.core).len();
            cores.entry(core).or_insert((0, k, n)).0 += 1;
        }
        if !display.is_empty() {
            shown.entry(display).or_insert((0, k)).0 += 1;
        }
    }
    let caps_only = |s: &str| {
        let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(|c| c.is_uppercase())
    };
    let name = cores
        .iter()
        .max_by_key(|(s, &(n, first, words))| {
            let letters = s.chars().filter(|c| c.is_alphabetic()).count();
            (words, !caps_only(s), letters, n, std::cmp::Reverse(first))
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_else(|| mentions.first().map(|&i| words::squash(doc, doc.entities[i].span)).unwrap_or_default());
    let mut aliases: Vec<(String, (usize, usize))> = shown.into_iter().filter(|(s, _)| *s != name).collect();
    aliases.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)).then(a.0.cmp(&b.0)));
    let mut out: Vec<String> = aliases.into_iter().map(|(s, _)| s).collect();
    for s in extra {
        if s != name && !out.contains(&s) {
            out.push(s);
        }
    }
    (name, out)
}

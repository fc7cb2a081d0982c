//! A name the tagger found in the article is a name wherever the article writes it.
//!
//! Why: the tagger reads one sentence at a time. A company it tags in twenty sentences ("Patriot
//! filed for bankruptcy", "the deal with Patriot") it can miss in the next one, where the words
//! around it say less ("Unlike Patriot, Mr. Clarke …"); a reader knows it is the same company.
//! On the modern-news set such misses of names found elsewhere in the same article were the
//! largest class of missed organisations. So a stretch of text that is, word for word, an entity
//! found at least twice elsewhere in the article becomes an entity with the label found most
//! often, provided the tagger left it alone there. Only in stretches that stand alone:
//!
//! - the stretch starts with a capital letter, as the entity's text does (exact comparison);
//! - no capitalised word the tagger left alone touches it ("Patriot Coal" is another name),
//!   except a sentence's first word ("But Patriot …");
//! - the article shows the entity at least as often as such lone stretches of it, so a word
//!   the tagger usually leaves alone (it knows better there) is not forced into a name.
//!
//! And a text the article tags one way at least [`MAJORITY`] times, and that many times as
//! often as another way, takes that label everywhere ("Patriot" as ORG 27 times and LOC twice);
//! labels to or from PER are left to the person groups of `clusters`.
//!
//! Spans are never changed. Bounded work: at most [`MAX_TOKENS`]
//! hash lookups per capitalised token.

use std::collections::HashMap;

use crate::doc::{Document, Entity, Label, Span, TokenKind};

/// The longest entity (in tokens) looked for again.
const MAX_TOKENS: usize = 6;

/// How many times the article must show an entity before its other mentions are looked for.
const MIN_FOUND: usize = 2;

/// How many times, and how many times more often than another label, a text must carry one
/// label for that label to be given to all its mentions.
const MAJORITY: usize = 4;

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Adds the article's own names where the tagger missed them (see the module doc). Entities stay
/// sorted and disjoint.
pub(crate) fn apply(doc: &mut Document) {
    if doc.entities.len() < MIN_FOUND {
        return;
    }
    let text = doc.text.as_str();
    let tokens = &doc.tokens;
    let word = |i: usize| tokens[i].span.of(text);
    let key = |r: std::ops::Range<usize>| {
        let mut k = String::new();
        for i in r {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(word(i));
        }
        k
    };
    // Entity texts (words joined by one space, so a line break inside does not matter) with how
    // often each label was given, in order of first appearance.
    // Each entity's text key, once (`None`: too long, or no capital to look for).
    let keys: Vec<Option<String>> = doc
        .entities
        .iter()
        .map(|e| (e.tokens.len() <= MAX_TOKENS && starts_upper(word(e.tokens.start))).then(|| key(e.tokens.clone())))
        .collect();
    let mut found: HashMap<String, Vec<(Label, usize)>> = HashMap::new();
    for (e, k) in doc.entities.iter().zip(&keys) {
        let Some(k) = k else { continue };
        let counts = found.entry(k.clone()).or_default();
        match counts.iter_mut().find(|(l, _)| *l == e.label) {
            Some((_, n)) => *n += 1,
            None => counts.push((e.label, 1)),
        }
    }
    // A text tagged one way at least four times, and four times as often as another way, is
    // that every time ("Patriot" ORG 27 times, LOC twice). Not to or from a person: a person's
    // groups decide that (`clusters`), and a surname may be a place too.
    for (e, k) in doc.entities.iter_mut().zip(&keys) {
        let Some(counts) = k.as_ref().filter(|_| e.label != Label::PER).and_then(|k| found.get(k)) else { continue };
        let mine = counts.iter().find(|(l, _)| *l == e.label).map_or(0, |(_, n)| *n);
        let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let first_top = counts.iter().find(|(_, n)| *n == top);
        if let Some(&(label, _)) =
            first_top.filter(|(l, _)| *l != Label::PER && top >= MAJORITY && top >= MAJORITY * mine)
        {
            e.label = label;
        }
    }
    found.retain(|_, counts| counts.iter().map(|(_, n)| n).sum::<usize>() >= MIN_FOUND);
    if found.is_empty() {
        return;
    }

    let n = tokens.len();
    let mut covered = vec![false; n];
    for e in &doc.entities {
        for c in &mut covered[e.tokens.clone()] {
            *c = true;
        }
    }
    let mut sentence_start = vec![false; n];
    let mut sentence_of = vec![usize::MAX; n];
    for (s, sent) in doc.sentences.iter().enumerate() {
        let r = sent.tokens.start.min(n)..sent.tokens.end.min(n);
        if let Some(f) = sentence_start.get_mut(r.start) {
            *f = true;
        }
        for k in r {
            sentence_of[k] = s;
        }
    }
    // A capitalised word nobody tagged, which would make a lone stretch part of a longer name.
    let loose_capital = |k: usize| !covered[k] && tokens[k].kind == TokenKind::Word && starts_upper(word(k));

    // Lone stretches matching a found entity: (tokens, text key).
    let mut lone: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || !starts_upper(word(i)) || sentence_of[i] == usize::MAX {
            i += 1;
            continue;
        }
        let hit = (1..=MAX_TOKENS.min(n - i)).rev().find_map(|len| {
            let r = i..i + len;
            if r.clone().any(|k| covered[k] || sentence_of[k] != sentence_of[i]) {
                return None;
            }
            let k = key(r.clone());
            found.contains_key(&k).then_some((r, k))
        });
        let Some((r, k)) = hit else {
            i += 1;
            continue;
        };
        let before_ok = r.start == 0
            || sentence_of[r.start - 1] != sentence_of[r.start]
            || !loose_capital(r.start - 1)
            || sentence_start[r.start - 1];
        let after_ok = r.end >= n || sentence_of[r.end] != sentence_of[i] || !loose_capital(r.end);
        i = r.end;
        if before_ok && after_ok {
            lone.push((r, k));
        }
    }
    if lone.is_empty() {
        return;
    }
    let mut lone_count: HashMap<&str, usize> = HashMap::new();
    for (_, k) in &lone {
        *lone_count.entry(k.as_str()).or_default() += 1;
    }
    let mut added: Vec<Entity> = Vec::new();
    for (r, k) in &lone {
        let counts = &found[k];
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if total < lone_count[k.as_str()] {
            continue;
        }
        let top = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let Some(&(label, _)) = counts.iter().find(|(_, n)| *n == top) else { continue };
        let span = Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end);
        added.push(Entity { span, label, tokens: r.clone(), cluster: None });
    }
    super::merge_entities(&mut doc.entities, added);
}

#[cfg(test)]
mod tests {
    use crate::doc::Label;

    /// Segments `text`, gives it the entities at the listed (text, occurrence, label), applies
    /// the rule and returns every entity's text and label.
    fn after(text: &str, given: &[(&str, usize, Label)]) -> Vec<(String, Label)> {
        let mut doc = crate::text::segment_text(text);
        for &(t, nth, label) in given {
            doc.entities.push(super::super::entity_at(&doc, t, nth, label));
        }
        super::apply(&mut doc);
        assert!(doc.entities.windows(2).all(|w| w[0].tokens.end <= w[1].tokens.start), "sorted, disjoint");
        doc.entities.iter().map(|e| (e.span.of(text).to_string(), e.label)).collect()
    }

    #[test]
    fn a_name_found_twice_is_found_everywhere() {
        // Our own sentences: the tagger found "Quarrow" in two of them.
        let text = "Lenders to Quarrow met in Dunmore. Shares of Quarrow fell sharply. \
                    Unlike Quarrow, its rival kept digging. But Quarrow declined to comment.";
        let got = after(text, &[("Quarrow", 0, Label::ORG), ("Dunmore", 0, Label::LOC), ("Quarrow", 1, Label::ORG)]);
        let q: Vec<_> = got.iter().filter(|(t, _)| t == "Quarrow").collect();
        assert_eq!(q.len(), 4, "{got:?}");
        assert!(q.iter().all(|(_, l)| *l == Label::ORG), "{got:?}");
        // "Dunmore" was found once: not enough to look for it again (it is not elsewhere anyway).
        assert_eq!(got.len(), 5, "{got:?}");
    }

    #[test]
    fn a_longer_capitalised_name_and_a_once_found_name_are_left_alone() {
        let text = "Lenders to Quarrow met. Shares of Quarrow fell. Quarrow Mining Trust is another firm. \
                    Pell said so. Then Pell left.";
        let got = after(text, &[("Quarrow", 0, Label::ORG), ("Quarrow", 1, Label::ORG), ("Pell", 0, Label::PER)]);
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_word_the_tagger_mostly_leaves_alone_stays_alone() {
        // Found twice, written alone three times: the tagger's reading of those three stands.
        let text = "Summit rose. Summit fell. Summit talks began. A Summit delegate spoke. Summit ended.";
        let given = [("Summit", 0, Label::ORG), ("Summit", 1, Label::ORG)];
        assert_eq!(after(text, &given).len(), 2);
        // Found twice, alone twice: taken. The one before "Road" is part of a longer name.
        let text = "Harlow praised Harlow Road. Harlow spoke. Harlow left early. Then Harlow went home.";
        let got = after(text, &[("Harlow", 0, Label::PER), ("Harlow", 2, Label::PER)]);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|(t, l)| t == "Harlow" && *l == Label::PER), "{got:?}");
        assert!(!got.iter().any(|(t, _)| t.contains("Road")));
    }

    #[test]
    fn a_strong_majority_label_is_given_to_every_mention() {
        let text = "Vantor rose. Vantor fell. Vantor said. Vantor won. Vantor left. Ava Vantor and Vantor Bay.";
        let mut given: Vec<_> = (0..5).map(|k| ("Vantor", k, Label::ORG)).collect();
        given[2].2 = Label::LOC;
        let got = after(text, &given);
        // Four ORG against one LOC: all ORG.
        assert!(got.iter().all(|(_, l)| *l == Label::ORG), "{got:?}");
        // Three against one is not enough; a person keeps its label.
        given.pop();
        given[1].2 = Label::PER;
        let got = after(text, &given);
        let labels: Vec<Label> = got.iter().map(|(_, l)| *l).collect();
        assert_eq!(&labels[..4], &[Label::ORG, Label::PER, Label::LOC, Label::ORG], "{got:?}");
    }

    #[test]
    fn the_label_found_most_often_wins_and_text_is_never_changed() {
        let text = "Vantor rose. Vantor fell. Vantor said. Then Vantor\nwaited, and Vantor left.";
        let given: Vec<_> =
            [(0, Label::ORG), (1, Label::PER), (2, Label::ORG)].into_iter().map(|(k, l)| ("Vantor", k, l)).collect();
        let got = after(text, &given);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[3].1, Label::ORG);
        assert_eq!(got[4].1, Label::ORG);
    }
}

//! Corrections as data: every edit kind applied at its layer, what follows recomputed
//! (groups, names, speakers' groups, salience), re-anchoring after the text changes, and edits
//! that cannot be placed reported as dropped. The article is invented for these tests.

use loupe::edits::{Anchor, Edit};
use loupe::view::{OffsetMap, Unit};
use loupe::{annotate, annotate_with_edits, Document, Label, Span};
use proptest::prelude::*;

const ARTICLE: &str = "Mara Okafor, the mayor of Lakeport, met officials from Norvia Energy on Monday.

\"We will not raise prices, not this year,\" Okafor said. A spokesman for Norvia Energy said the company \"welcomes the talks.\"

Dev Patel, who chairs the Lakeport council, was less sure. \"I have heard that before,\" Patel said.";

/// The anchor of the `nth` occurrence of `needle` in `text` (byte offsets, no context).
fn at(text: &str, needle: &str, nth: usize) -> Anchor {
    let start = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("no {needle:?} #{nth}")).0;
    Anchor { start, end: start + needle.len(), text: needle.into(), before: String::new(), after: String::new() }
}

fn entity<'d>(doc: &'d Document, text: &str, nth: usize) -> Option<&'d loupe::Entity> {
    doc.entities.iter().filter(|e| e.span.of(&doc.text) == text).nth(nth)
}

fn cluster_of(doc: &Document, text: &str, nth: usize) -> usize {
    entity(doc, text, nth).and_then(|e| e.cluster).unwrap_or_else(|| panic!("no entity {text:?}"))
}

fn quote<'d>(doc: &'d Document, starts_with: &str) -> &'d loupe::Quote {
    doc.quotes.iter().find(|q| q.span.of(&doc.text).starts_with(starts_with)).expect("quotation")
}

fn run(text: &str, edits: &[Edit]) -> (Document, loupe::edits::Report) {
    let (doc, report) = annotate_with_edits(text, &loupe::Options::default(), edits);
    assert_eq!(doc.check(), Ok(()), "edited document breaks an invariant");
    (doc, report)
}

#[test]
fn no_edits_is_plain_annotate() {
    let (doc, report) = run(ARTICLE, &[]);
    let plain = annotate(ARTICLE);
    assert_eq!(doc.entities, plain.entities);
    assert_eq!(doc.quotes, plain.quotes);
    assert_eq!(doc.clusters, plain.clusters);
    assert_eq!(report, Default::default());
}

#[test]
fn add_entity_widens_to_tokens_replaces_overlaps_and_keeps_its_label() {
    // "Monday" is no entity; "ia Energy" selects part of "Norvia Energy" and widens to it.
    let edits = [
        Edit::AddEntity { at: at(ARTICLE, "Monday", 0), label: Label::MISC },
        Edit::AddEntity { at: at(ARTICLE, "ia Energy", 1), label: Label::LOC },
    ];
    let (doc, report) = run(ARTICLE, &edits);
    assert!(report.dropped.is_empty(), "{:?}", report.dropped);
    let monday = entity(&doc, "Monday", 0).expect("added");
    assert_eq!(monday.label, Label::MISC);
    assert_eq!(doc.clusters[monday.cluster.unwrap()].label, Label::MISC);
    let second = entity(&doc, "Norvia Energy", 1).expect("widened to the whole name");
    assert_eq!(second.label, Label::LOC);
    // Applied edits report what was applied: the widened span and its text.
    assert!(matches!(&report.applied[1], Edit::AddEntity { at, .. } if at.text == "Norvia Energy"));
    assert_eq!(doc.clusters[second.cluster.unwrap()].label, Label::LOC);
}

#[test]
fn set_label_changes_the_mention_and_its_group() {
    let (doc, report) = run(ARTICLE, &[Edit::SetLabel { at: at(ARTICLE, "Lakeport", 0), label: Label::ORG }]);
    assert!(report.dropped.is_empty());
    let e = entity(&doc, "Lakeport", 0).unwrap();
    assert_eq!(e.label, Label::ORG);
    assert_eq!(doc.clusters[e.cluster.unwrap()].label, Label::ORG);
}

#[test]
fn relabelling_a_person_mention_as_a_place_takes_it_out_of_the_person() {
    let (doc, _) = run(ARTICLE, &[Edit::SetLabel { at: at(ARTICLE, "Okafor", 1), label: Label::LOC }]);
    assert_ne!(cluster_of(&doc, "Mara Okafor", 0), cluster_of(&doc, "Okafor", 0));
    assert_eq!(doc.clusters[cluster_of(&doc, "Okafor", 0)].label, Label::LOC);
}

#[test]
fn remove_entity_recomputes_groups_names_and_speakers() {
    let plain = annotate(ARTICLE);
    assert_eq!(quote(&plain, "\"I have").cluster, Some(cluster_of(&plain, "Dev Patel", 0)));
    let edits = [Edit::RemoveEntity { at: at(ARTICLE, "Dev Patel", 0) }];
    let (doc, report) = run(ARTICLE, &edits);
    assert!(report.dropped.is_empty());
    assert!(entity(&doc, "Dev Patel", 0).is_none());
    // The group is now named after the mention left, and the quotation still goes to it.
    let patel = cluster_of(&doc, "Patel", 0);
    assert_eq!(doc.clusters[patel].name, "Patel");
    assert_eq!(quote(&doc, "\"I have").cluster, Some(patel));
}

#[test]
fn split_entity_makes_a_group_of_its_own() {
    let plain = annotate(ARTICLE);
    assert_eq!(cluster_of(&plain, "Okafor", 0), cluster_of(&plain, "Mara Okafor", 0));
    let (doc, report) = run(ARTICLE, &[Edit::SplitEntity { at: at(ARTICLE, "Okafor", 1) }]);
    assert!(report.dropped.is_empty());
    let (okafor, mara) = (cluster_of(&doc, "Okafor", 0), cluster_of(&doc, "Mara Okafor", 0));
    assert_ne!(okafor, mara);
    assert_eq!(doc.clusters[okafor].mentions.len(), 1);
    assert_eq!(doc.clusters[mara].name, "Mara Okafor");
    // The quotation's speaker is "Okafor", so it follows the split-off group.
    assert_eq!(quote(&doc, "\"We will").cluster, Some(okafor));
}

#[test]
fn merge_groups_joins_two_entities_and_recomputes_salience() {
    let plain = annotate(ARTICLE);
    let edits = [Edit::MergeGroups { at: at(ARTICLE, "Dev Patel", 0), with: at(ARTICLE, "Mara Okafor", 0) }];
    let (doc, report) = run(ARTICLE, &edits);
    assert!(report.dropped.is_empty());
    let c = cluster_of(&doc, "Dev Patel", 0);
    assert_eq!(c, cluster_of(&doc, "Okafor", 0));
    assert_eq!(doc.clusters[c].mentions.len(), 4);
    assert_eq!(doc.clusters.len(), plain.clusters.len() - 1);
    // The merged group has the most mentions and both quotations: the most salient.
    assert!(doc.clusters.iter().all(|o| o.salience <= doc.clusters[c].salience));
    assert_eq!(quote(&doc, "\"I have").cluster, Some(c));
}

#[test]
fn split_then_merge_apply_in_order() {
    let edits = [
        Edit::SplitEntity { at: at(ARTICLE, "Okafor", 1) },
        Edit::MergeGroups { at: at(ARTICLE, "Okafor", 1), with: at(ARTICLE, "Patel", 1) },
    ];
    let (doc, _) = run(ARTICLE, &edits);
    assert_eq!(cluster_of(&doc, "Okafor", 0), cluster_of(&doc, "Dev Patel", 0));
    assert_ne!(cluster_of(&doc, "Okafor", 0), cluster_of(&doc, "Mara Okafor", 0));
}

#[test]
fn set_speaker_to_a_mention_or_to_nobody() {
    let q = at(ARTICLE, "\"welcomes the talks.\"", 0);
    let edits = [Edit::SetSpeaker { at: q.clone(), speaker: Some(at(ARTICLE, "Dev Patel", 0)) }];
    let (doc, report) = run(ARTICLE, &edits);
    assert!(report.dropped.is_empty());
    let welcomes = quote(&doc, "\"welcomes");
    assert_eq!(welcomes.speaker.map(|s| s.of(ARTICLE)), Some("Dev Patel"));
    assert_eq!(welcomes.cluster, Some(cluster_of(&doc, "Dev Patel", 0)));

    // A selection that is no entity ("A spokesman") keeps no group; nobody clears it.
    let edits = [Edit::SetSpeaker { at: q.clone(), speaker: Some(at(ARTICLE, "A spokesman", 0)) }];
    let (doc, _) = run(ARTICLE, &edits);
    assert_eq!(quote(&doc, "\"welcomes").speaker.map(|s| s.of(ARTICLE)), Some("A spokesman"));
    assert_eq!(quote(&doc, "\"welcomes").cluster, None);
    let (doc, _) = run(ARTICLE, &[Edit::SetSpeaker { at: q, speaker: None }]);
    assert_eq!(quote(&doc, "\"welcomes").speaker, None);
    assert_eq!(quote(&doc, "\"welcomes").cluster, None);
}

#[test]
fn remove_and_add_quotes() {
    let edits = [
        Edit::RemoveQuote { at: at(ARTICLE, "\"I have heard that before,\"", 0) },
        Edit::AddQuote { at: at(ARTICLE, "was less sure", 0), speaker: Some(at(ARTICLE, "Dev Patel", 0)) },
    ];
    let (doc, report) = run(ARTICLE, &edits);
    assert!(report.dropped.is_empty(), "{:?}", report.dropped);
    assert!(doc.quotes.iter().all(|q| !q.span.of(ARTICLE).starts_with("\"I have")));
    let added = quote(&doc, "was less sure");
    assert_eq!(added.cluster, Some(cluster_of(&doc, "Dev Patel", 0)));
    // Patel is still quoted once (the added quotation), so his salience counts it.
    let plain = annotate(ARTICLE);
    assert_eq!(doc.quotes.len(), plain.quotes.len());
}

#[test]
fn an_added_quote_replaces_the_quotes_it_overlaps() {
    let span = at(ARTICLE, "this year,\" Okafor said", 0);
    let (doc, _) = run(ARTICLE, &[Edit::AddQuote { at: span, speaker: None }]);
    assert!(doc.quotes.iter().all(|q| !q.span.of(ARTICLE).starts_with("\"We will")));
    assert!(quote(&doc, "this year").speaker.is_none());
}

#[test]
fn edits_follow_their_text_when_the_article_changes() {
    let (_, first) = run(
        ARTICLE,
        &[
            Edit::SetLabel { at: at(ARTICLE, "Norvia Energy", 1), label: Label::MISC },
            Edit::SplitEntity { at: at(ARTICLE, "Okafor", 1) },
            Edit::RemoveQuote { at: at(ARTICLE, "\"I have heard that before,\"", 0) },
        ],
    );
    assert!(first.dropped.is_empty(), "{:?}", first.dropped);
    // The reader adds a paragraph at the top: every offset moves.
    let changed = format!("Norvia Energy, Okafor and \"quotes\" appear here first.\n\n{ARTICLE}");
    let (doc, report) = run(&changed, &first.applied);
    assert!(report.dropped.is_empty(), "{:?}", report.dropped);
    // The second "Norvia Energy" of the article (third of the new text) got the label, thanks
    // to its context, not the new first one.
    let norvias: Vec<Label> =
        doc.entities.iter().filter(|e| e.span.of(&changed) == "Norvia Energy").map(|e| e.label).collect();
    assert_eq!(norvias.len(), 3, "{norvias:?}");
    assert_eq!(norvias.last(), Some(&Label::MISC));
    assert_ne!(norvias[0], Label::MISC);
    assert!(doc.quotes.iter().all(|q| !q.span.of(&changed).starts_with("\"I have")));
    // The applied list holds the new offsets.
    let shift = changed.len() - ARTICLE.len();
    assert_eq!(report.applied[0].at().start, first.applied[0].at().start + shift);
    for e in &report.applied {
        let a = e.at();
        assert_eq!(&changed[a.start..a.end], a.text);
    }
}

#[test]
fn an_edit_whose_text_is_gone_is_dropped_not_misapplied() {
    let edits = [
        Edit::SetLabel { at: at(ARTICLE, "Dev Patel", 0), label: Label::ORG },
        Edit::SetLabel { at: at(ARTICLE, "Lakeport", 0), label: Label::ORG },
    ];
    let changed = ARTICLE.replace("Dev Patel", "Ines Duarte");
    let (doc, report) = run(&changed, &edits);
    assert_eq!(report.dropped.len(), 1);
    assert_eq!(report.dropped[0].index, 0);
    assert!(report.dropped[0].reason.contains("Dev Patel"), "{}", report.dropped[0].reason);
    assert_eq!(report.applied.len(), 1);
    assert!(doc.entities.iter().all(|e| e.label != Label::ORG || e.span.of(&changed) != "Ines Duarte"));
}

#[test]
fn an_edit_on_something_no_longer_there_is_dropped() {
    let spaced = ARTICLE.replace("chairs the", "chairs   the");
    let edits = [
        Edit::RemoveEntity { at: at(ARTICLE, "Monday", 0) },
        Edit::SplitEntity { at: at(ARTICLE, "mayor", 0) },
        Edit::RemoveQuote { at: at(ARTICLE, "Okafor", 0) },
        Edit::SetSpeaker { at: at(ARTICLE, "Lakeport", 0), speaker: None },
        Edit::RemoveEntity { at: at(ARTICLE, "Lakeport", 0) },
        Edit::SetLabel { at: at(ARTICLE, "Lakeport", 0), label: Label::LOC },
        Edit::AddEntity { at: at(&spaced, "   ", 0), label: Label::PER },
    ];
    let (_, report) = run(&spaced, &edits);
    let dropped: Vec<usize> = report.dropped.iter().map(|d| d.index).collect();
    // The removal of "Lakeport" applies; relabelling it afterwards cannot.
    assert_eq!(dropped, vec![0, 1, 2, 3, 5, 6]);
    assert_eq!(report.applied.len(), 1);
}

#[test]
fn code_point_and_utf16_edit_records_convert_at_the_face() {
    let text = format!("😀 Zoë Ñúñez arrived. {ARTICLE}");
    let lake = at(&text, "Lakeport", 0);
    for unit in [Unit::CodePoint, Unit::Utf16] {
        let map = OffsetMap::new(&text, unit);
        let (s, e) = map.span(Span::new(lake.start, lake.end));
        let given = [Edit::SetLabel { at: Anchor { start: s, end: e, ..lake.clone() }, label: Label::MISC }];
        let (doc, report, view) = loupe::view::annotate_with_edits(&text, &loupe::Options::default(), &given, unit);
        assert!(view.dropped.is_empty(), "{unit:?}");
        assert_eq!(entity(&doc, "Lakeport", 0).unwrap().label, Label::MISC);
        // The applied record speaks the caller's unit again.
        assert_eq!((view.applied[0].at().start, view.applied[0].at().end), (s, e));
        assert_eq!(report.applied[0].at().start, lake.start);
    }
}

#[test]
fn edit_records_read_and_write_as_json_with_a_kind_tag() {
    let json = r#"[{"kind":"merge_groups","start":0,"end":11,"text":"Mara Okafor",
                   "with":{"start":207,"end":216,"text":"Dev Patel"}},
                  {"kind":"add_quote","start":1,"end":2,"text":"a"},
                  {"kind":"set_speaker","start":1,"end":2,"text":"a","speaker":null}]"#;
    let edits: Vec<Edit> = serde_json::from_str(json).unwrap();
    assert_eq!(edits[0].kind(), "merge_groups");
    assert!(matches!(&edits[1], Edit::AddQuote { speaker: None, .. }));
    let back: Vec<Edit> = serde_json::from_str(&serde_json::to_string(&edits).unwrap()).unwrap();
    assert_eq!(back, edits);
    assert!(serde_json::from_str::<Vec<Edit>>(r#"[{"kind":"rename","start":0,"end":1,"text":"M"}]"#).is_err());
    assert!(serde_json::from_str::<Vec<Edit>>(r#"[{"kind":"set_label","start":0,"end":1,"text":"M","label":"DOG"}]"#)
        .is_err());
}

#[test]
fn too_many_edits_moved_far_are_dropped_not_searched_forever() {
    // Texts that are nowhere: each would need a whole-text scan; the budget stops them.
    let edits: Vec<Edit> = (0..loupe::edits::anchor::MAX_SEARCHES + 10)
        .map(|i| {
            let t = format!("Nobody {i}");
            Edit::RemoveEntity {
                at: Anchor { start: 0, end: t.len(), text: t, before: String::new(), after: String::new() },
            }
        })
        .collect();
    let (_, report) = run(ARTICLE, &edits);
    let too_many = report.dropped.iter().filter(|d| d.reason.contains("too many")).count();
    assert_eq!(too_many, 10);
    assert!(report.dropped[0].reason.contains("no longer in the text"));
}

#[test]
fn many_edits_shifted_alike_are_all_placed() {
    // 400 relabelled mentions, then a paragraph inserted above: every edit moves, none needs a
    // whole-text search (the shift of the one before tells where to look).
    let article = ARTICLE.repeat(100);
    // (The company's name: a town's name may be read into "the Lakeport council" by a model.)
    let edits: Vec<Edit> =
        (0..200).map(|i| Edit::SetLabel { at: at(&article, "Norvia Energy", i), label: Label::MISC }).collect();
    let (_, first) = run(&article, &edits);
    assert!(first.dropped.is_empty());
    let changed = format!("A new first paragraph about Norvia Energy.\n\n{article}");
    let (doc, report) = run(&changed, &first.applied);
    assert!(report.dropped.is_empty(), "{:?}", report.dropped.first());
    let relabelled =
        doc.entities.iter().filter(|e| e.span.of(&changed) == "Norvia Energy" && e.label == Label::MISC).count();
    assert_eq!(relabelled, 200);
    assert!(entity(&doc, "Norvia Energy", 0).is_some_and(|e| e.label != Label::MISC), "the new mention is untouched");
}

fn arb_edit(len: usize) -> impl Strategy<Value = (u8, usize, usize, usize, usize, u8)> {
    (0u8..8, 0..len + 3, 0usize..40, 0..len + 3, 0usize..20, 0u8..4)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any edit list — offsets anywhere, texts that are there or not — gives a valid document
    /// and accounts for every edit.
    #[test]
    fn any_edit_list_gives_a_valid_document(raw in prop::collection::vec(arb_edit(ARTICLE.len()), 0..12)) {
        let text = ARTICLE;
        let anchor = |s: usize, n: usize| {
            let s = s.min(text.len());
            let e = (s + n).min(text.len());
            let t = text.get(s..e).unwrap_or("Okafor").to_string();
            Anchor { start: s, end: e, text: t, before: String::new(), after: String::new() }
        };
        let edits: Vec<Edit> = raw
            .iter()
            .map(|&(k, s, n, s2, n2, l)| {
                let (a, b) = (anchor(s, n), anchor(s2, n2));
                let label = Label::ALL[l as usize];
                match k {
                    0 => Edit::AddEntity { at: a, label },
                    1 => Edit::SetLabel { at: a, label },
                    2 => Edit::RemoveEntity { at: a },
                    3 => Edit::SplitEntity { at: a },
                    4 => Edit::MergeGroups { at: a, with: b },
                    5 => Edit::SetSpeaker { at: a, speaker: (l > 0).then_some(b) },
                    6 => Edit::RemoveQuote { at: a },
                    _ => Edit::AddQuote { at: a, speaker: (l > 1).then_some(b) },
                }
            })
            .collect();
        let (doc, report) = annotate_with_edits(text, &loupe::Options::default(), &edits);
        prop_assert_eq!(doc.check(), Ok(()));
        prop_assert_eq!(report.applied.len() + report.dropped.len(), edits.len());
        // Applying the applied list again changes nothing.
        let (again, report2) = annotate_with_edits(text, &loupe::Options::default(), &report.applied);
        prop_assert!(report2.dropped.len() <= report.applied.len());
        prop_assert_eq!(again.check(), Ok(()));
    }
}

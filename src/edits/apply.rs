//! Applying placed edits to the layers they belong to (see the module doc of `edits`).
//!
//! Why one `Run` across the stages: the pipeline interleaves with the edits (entity edits after
//! the recogniser, quotation edits after quote detection, group edits as constraints on
//! grouping), and each edit's outcome — applied as placed, or dropped with a reason — is
//! collected in one place for the report. Layers are edited through ordered maps keyed by start
//! (the spans of one layer never overlap), so each edit costs O(log n) plus what it removes.

use std::collections::{BTreeMap, HashMap};

use super::anchor::{anchor_of, Anchorer};
use super::{Dropped, Edit, Report};
use crate::clusters::{Constraints, GroupOp};
use crate::doc::{Document, Entity, Label, Quote, Span};

/// The state of one `annotate_with_edits` call.
pub(crate) struct Run<'e> {
    edits: &'e [Edit],
    /// Where each edit's anchors lie now (main anchor first), or why they could not be placed.
    placed: Vec<Result<Vec<Span>, String>>,
    /// The outcome of each edit, once its layer has run.
    outcome: Vec<Option<Result<Edit, String>>>,
    /// Spans of entities whose label the reader gave.
    pinned: HashMap<Span, Label>,
}

impl<'e> Run<'e> {
    /// Places every edit's anchors on the document's text.
    pub fn new(doc: &Document, edits: &'e [Edit]) -> Run<'e> {
        let mut anchorer = Anchorer::new(&doc.text);
        let placed: Vec<Result<Vec<Span>, String>> = edits
            .iter()
            .map(|e| e.clone().anchors_mut().map(|a| anchorer.place(a)).collect::<Result<Vec<Span>, String>>())
            .collect();
        let outcome = placed.iter().map(|p| p.as_ref().err().map(|r| Err(r.clone()))).collect();
        Run { edits, placed, outcome, pinned: HashMap::new() }
    }

    /// The edits of the layer selected by `kinds`, still open, with their placed spans.
    fn open(&self, kinds: &[&str]) -> Vec<(usize, Vec<Span>)> {
        (0..self.edits.len())
            .filter(|&i| self.outcome[i].is_none() && kinds.contains(&self.edits[i].kind()))
            .filter_map(|i| self.placed[i].as_ref().ok().map(|s| (i, s.clone())))
            .collect()
    }

    /// Applies `add_entity`, `set_label` and `remove_entity`, in list order.
    pub fn entities(&mut self, doc: &mut Document) {
        let open = self.open(&["add_entity", "set_label", "remove_entity"]);
        if open.is_empty() {
            return;
        }
        let mut map: BTreeMap<usize, Entity> = doc.entities.drain(..).map(|e| (e.span.start, e)).collect();
        for (i, spans) in open {
            let text = &doc.text;
            let result = match &self.edits[i] {
                Edit::AddEntity { label, .. } => match snap(doc, spans[0]) {
                    None => Err(no_words(text, spans[0])),
                    Some((span, tokens)) => {
                        for gone in remove_overlapping(&mut map, span, |e| e.span) {
                            self.pinned.remove(&gone.span);
                        }
                        map.insert(span.start, Entity { span, label: *label, tokens, cluster: None });
                        self.pinned.insert(span, *label);
                        Ok(Edit::AddEntity { at: anchor_of(text, span), label: *label })
                    }
                },
                Edit::SetLabel { label, .. } => match map.get_mut(&spans[0].start).filter(|e| e.span == spans[0]) {
                    None => Err(no_entity(text, spans[0])),
                    Some(e) => {
                        e.label = *label;
                        self.pinned.insert(spans[0], *label);
                        Ok(Edit::SetLabel { at: anchor_of(text, spans[0]), label: *label })
                    }
                },
                Edit::RemoveEntity { .. } => match map.get(&spans[0].start).filter(|e| e.span == spans[0]) {
                    None => Err(no_entity(text, spans[0])),
                    Some(_) => {
                        map.remove(&spans[0].start);
                        self.pinned.remove(&spans[0]);
                        Ok(Edit::RemoveEntity { at: anchor_of(text, spans[0]) })
                    }
                },
                _ => continue,
            };
            self.outcome[i] = Some(result);
        }
        doc.entities = map.into_values().collect();
    }

    /// Applies `remove_quote`, `add_quote` and `set_speaker`, in list order.
    pub fn quotes(&mut self, doc: &mut Document) {
        let open = self.open(&["remove_quote", "add_quote", "set_speaker"]);
        if open.is_empty() {
            return;
        }
        let mut map: BTreeMap<usize, Quote> = doc.quotes.drain(..).map(|q| (q.span.start, q)).collect();
        for (i, spans) in open {
            let text = &doc.text;
            // The speaker mention, when the edit names one: whole tokens, or a reason.
            let speaker = match spans.get(1) {
                None => Ok(None),
                Some(&s) => snap(doc, s).map(|(s, _)| Some(s)).ok_or_else(|| no_words(text, s)),
            };
            let result = match &self.edits[i] {
                Edit::RemoveQuote { .. } => match map.get(&spans[0].start).filter(|q| q.span == spans[0]) {
                    None => Err(no_quote(text, spans[0])),
                    Some(_) => {
                        map.remove(&spans[0].start);
                        Ok(Edit::RemoveQuote { at: anchor_of(text, spans[0]) })
                    }
                },
                Edit::AddQuote { .. } => match (snap(doc, spans[0]), speaker) {
                    (None, _) => Err(no_words(text, spans[0])),
                    (_, Err(e)) => Err(e),
                    (Some((span, _)), Ok(speaker)) => {
                        remove_overlapping(&mut map, span, |q| q.span);
                        map.insert(span.start, Quote { span, speaker, cue: None, cluster: None });
                        Ok(Edit::AddQuote { at: anchor_of(text, span), speaker: speaker.map(|s| anchor_of(text, s)) })
                    }
                },
                Edit::SetSpeaker { .. } => match (map.get_mut(&spans[0].start).filter(|q| q.span == spans[0]), speaker)
                {
                    (None, _) => Err(no_quote(text, spans[0])),
                    (_, Err(e)) => Err(e),
                    (Some(q), Ok(speaker)) => {
                        q.speaker = speaker;
                        Ok(Edit::SetSpeaker {
                            at: anchor_of(text, spans[0]),
                            speaker: speaker.map(|s| anchor_of(text, s)),
                        })
                    }
                },
                _ => continue,
            };
            self.outcome[i] = Some(result);
        }
        doc.quotes = map.into_values().collect();
    }

    /// The grouping constraints: labels the reader gave, then `split_entity` and
    /// `merge_groups` in list order (each resolved to the entity at its span).
    pub fn constraints(&mut self, doc: &Document) -> Constraints {
        let index = |s: Span| {
            let k = doc.entities.partition_point(|e| e.span.start < s.start);
            doc.entities.get(k).filter(|e| e.span == s).map(|_| k)
        };
        let mut c = Constraints::default();
        if !self.pinned.is_empty() {
            c.pinned = doc
                .entities
                .iter()
                .enumerate()
                .filter_map(|(k, e)| self.pinned.get(&e.span).map(|&l| (k, l)))
                .collect();
        }
        for (i, spans) in self.open(&["split_entity", "merge_groups"]) {
            let text = &doc.text;
            let ids: Result<Vec<usize>, String> =
                spans.iter().map(|&s| index(s).ok_or_else(|| no_entity(text, s))).collect();
            let result = ids.map(|ids| match ids.as_slice() {
                [a, b] => {
                    c.ops.push(GroupOp::Merge(*a, *b));
                    Edit::MergeGroups { at: anchor_of(text, spans[0]), with: anchor_of(text, spans[1]) }
                }
                _ => {
                    c.ops.push(GroupOp::Split(ids[0]));
                    Edit::SplitEntity { at: anchor_of(text, spans[0]) }
                }
            });
            self.outcome[i] = Some(result);
        }
        c
    }

    /// Every edit's outcome.
    pub fn report(self) -> Report {
        let mut report = Report::default();
        for (index, o) in self.outcome.into_iter().enumerate() {
            match o {
                Some(Ok(e)) => report.applied.push(e),
                Some(Err(reason)) => report.dropped.push(Dropped { index, reason }),
                None => report.dropped.push(Dropped { index, reason: "the edit was not applied".into() }),
            }
        }
        report
    }
}

/// Removes and returns the items of `map` (keyed by start, non-overlapping) that overlap `span`.
fn remove_overlapping<T>(map: &mut BTreeMap<usize, T>, span: Span, span_of: impl Fn(&T) -> Span) -> Vec<T> {
    let hit: Vec<usize> =
        map.range(..span.end).rev().take_while(|(_, t)| span_of(t).end > span.start).map(|(&k, _)| k).collect();
    hit.into_iter().filter_map(|k| map.remove(&k)).collect()
}

/// The whole tokens `span` touches, as a span and a token range; `None` when it holds none.
fn snap(doc: &Document, span: Span) -> Option<(Span, std::ops::Range<usize>)> {
    let first = doc.token_at(span.start);
    let last = doc.tokens.partition_point(|t| t.span.start < span.end);
    (first < last).then(|| (Span::new(doc.tokens[first].span.start, doc.tokens[last - 1].span.end), first..last))
}

fn no_words(text: &str, s: Span) -> String {
    format!("“{}” holds no word", s.of(text).trim())
}

fn no_entity(text: &str, s: Span) -> String {
    format!("“{}” is not an entity here any more", s.of(text))
}

fn no_quote(text: &str, s: Span) -> String {
    format!("“{}” is not a quotation here any more", s.of(text))
}

//! Scoring, a faithful port of the project's reference tools (`../shared/tools/conlleval.py`
//! and `score.py`), so `loupe eval` gives their numbers (tests/figures.rs checks that it does):
//!
//! - entities: exact span and label, micro P/R/F1 (conlleval chunks for tag sequences, exact
//!   spans for documents);
//! - quotations: for each gold quote in order, the best still-unused predicted quote whose
//!   *inside* (quote marks, outer spaces, commas and periods stripped) overlaps the gold
//!   inside with Jaccard ≥ 0.8 is its match; a matched quote's speaker is right when the
//!   predicted speaker span overlaps a gold speaker span. Speaker accuracy counts only matched
//!   quotes that have a gold speaker; attributed-quote F1 counts right speakers against all
//!   predicted and all gold quotes.
//!
//! - values (dates, money, numbers…): exact span and type, micro P/R/F1 per type and overall,
//!   over the values file's documents ([`value_scores`]).
//!
//! Offsets here are whatever unit the caller uses consistently (the CLI uses code points).

use std::collections::{BTreeMap, HashSet};

/// Precision, recall and F1 from counts.
///
/// ```
/// let p = loupe::score::Prf { correct: 3, predicted: 4, gold: 6 };
/// assert_eq!((p.precision(), p.recall()), (0.75, 0.5));
/// assert!((p.f1() - 0.6).abs() < 1e-12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Predictions that are right.
    pub correct: usize,
    /// Predictions made.
    pub predicted: usize,
    /// Gold items.
    pub gold: usize,
}

impl Prf {
    /// Right among predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Right among gold (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Prf) {
        self.correct += o.correct;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Chunks of a tag sequence, conlleval semantics: an entity starts at `B-X`, or at `I-X` after
/// a token that is not of type X (so IOB1 and IOB2 both work). Returns `(start, end, type)`.
pub fn chunks<'t>(tags: &[&'t str]) -> Vec<(usize, usize, &'t str)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, &str)> = None;
    for i in 0..=tags.len() {
        let t = tags.get(i).copied().unwrap_or("O");
        let (bio, lab) = t.split_once('-').unwrap_or((t, ""));
        let begins = bio == "B" || (bio == "I" && cur.map(|c| c.1) != Some(lab));
        if let Some((s, typ)) = cur {
            if t == "O" || begins {
                out.push((s, i, typ));
                cur = None;
            }
        }
        if t != "O" && (cur.is_none() || begins) && i < tags.len() {
            cur = Some((i, lab));
        }
    }
    out
}

/// Entity P/R/F1 per type and overall (key "ALL") from gold and predicted tag sequences, one
/// pair per sentence.
pub fn conll_scores(sentences: &[(Vec<&str>, Vec<&str>)]) -> BTreeMap<String, Prf> {
    let mut gold = HashSet::new();
    let mut pred = HashSet::new();
    for (n, (g, p)) in sentences.iter().enumerate() {
        gold.extend(chunks(g).into_iter().map(|(s, e, t)| (n, s, e, t.to_string())));
        pred.extend(chunks(p).into_iter().map(|(s, e, t)| (n, s, e, t.to_string())));
    }
    span_scores(&gold, &pred)
}

/// P/R/F1 per label and overall ("ALL") for sets of labelled spans `(doc, start, end, label)`.
pub fn span_scores<K: std::hash::Hash + Eq + Clone>(
    gold: &HashSet<(K, usize, usize, String)>,
    pred: &HashSet<(K, usize, usize, String)>,
) -> BTreeMap<String, Prf> {
    let mut out: BTreeMap<String, Prf> = BTreeMap::new();
    for g in gold {
        out.entry(g.3.clone()).or_default().gold += 1;
        if pred.contains(g) {
            out.entry(g.3.clone()).or_default().correct += 1;
        }
    }
    for p in pred {
        out.entry(p.3.clone()).or_default().predicted += 1;
    }
    let mut all = Prf::default();
    for v in out.values() {
        all.add(*v);
    }
    out.insert("ALL".into(), all);
    out
}

/// A labelled span for scoring values: gold from a values file (`{"start", "end", "label"}`),
/// or what the values stage found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct LabelledSpan {
    /// Start offset.
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// "DATE", "MONEY", …
    pub label: String,
}

impl LabelledSpan {
    /// The values `doc` found, with offsets in `map`'s unit (code points for the scorers).
    pub fn predicted_values(doc: &crate::Document, map: &crate::view::OffsetMap) -> Vec<LabelledSpan> {
        doc.values
            .iter()
            .map(|v| {
                let (start, end) = map.span(v.span);
                LabelledSpan { start, end, label: v.label.as_str().to_string() }
            })
            .collect()
    }
}

/// Value P/R/F1 per label and overall ("ALL"): a prediction is right when a gold value of the
/// same document has exactly its span and label. One `(gold, predicted)` pair per document.
///
/// ```
/// use loupe::score::{value_scores, LabelledSpan};
/// let span = |start, end, label: &str| LabelledSpan { start, end, label: label.into() };
/// let docs = [(vec![span(0, 4, "DATE"), span(9, 12, "PERCENT")], vec![span(0, 4, "DATE"), span(9, 12, "CARDINAL")])];
/// let s = value_scores(&docs);
/// assert_eq!((s["ALL"].correct, s["ALL"].predicted, s["ALL"].gold), (1, 2, 2));
/// assert_eq!(s["PERCENT"].recall(), 0.0);
/// ```
pub fn value_scores(docs: &[(Vec<LabelledSpan>, Vec<LabelledSpan>)]) -> BTreeMap<String, Prf> {
    let (mut gold, mut pred) = (HashSet::new(), HashSet::new());
    for (n, (g, p)) in docs.iter().enumerate() {
        gold.extend(g.iter().map(|v| (n, v.start, v.end, v.label.clone())));
        pred.extend(p.iter().map(|v| (n, v.start, v.end, v.label.clone())));
    }
    span_scores(&gold, &pred)
}

/// A quotation for scoring: its span and, if any, its speaker span(s).
#[derive(Clone, Debug, Default)]
pub struct ScoredQuote {
    /// Start offset (marks included).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
    /// Speaker spans; gold may list several, any one counts.
    pub speakers: Vec<(usize, usize)>,
}

impl ScoredQuote {
    /// The quotations `doc` found, with offsets in `map`'s unit (code points for the scorers):
    /// what `loupe eval` and `train_quotes` score against gold.
    pub fn predicted(doc: &crate::Document, map: &crate::view::OffsetMap) -> Vec<ScoredQuote> {
        doc.quotes
            .iter()
            .map(|q| {
                let (start, end) = map.span(q.span);
                ScoredQuote { start, end, speakers: q.speaker.map(|s| map.span(s)).into_iter().collect() }
            })
            .collect()
    }
}

/// Reads a gold quote in the reference scorer's JSON shape: `{"start", "end", "speaker"}`, where
/// `speaker` is one `{"start", "end"}` object, a list of them (PolNeAR's format), or null or
/// absent. Speaker entries without both offsets are skipped. `loupe eval` and `train_quotes`
/// read gold quotes this way.
///
/// ```
/// # use serde::Deserialize;
/// # let json = serde_json::json!({"start": 0, "end": 14, "speaker": [{"start": 15, "end": 22}]});
/// let q = loupe::score::ScoredQuote::deserialize(&json).unwrap();
/// assert_eq!((q.start, q.end, q.speakers), (0, 14, vec![(15, 22)]));
/// ```
impl<'de> serde::Deserialize<'de> for ScoredQuote {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct At {
            start: Option<usize>,
            end: Option<usize>,
        }
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Speaker {
            Many(Vec<At>),
            One(At),
            Other(serde::de::IgnoredAny),
        }
        #[derive(serde::Deserialize)]
        struct Gold {
            start: usize,
            end: usize,
            #[serde(default)]
            speaker: Option<Speaker>,
        }
        let g = Gold::deserialize(d)?;
        let at = |a: &At| a.start.zip(a.end);
        let speakers = match &g.speaker {
            Some(Speaker::Many(v)) => v.iter().filter_map(at).collect(),
            Some(Speaker::One(a)) => at(a).into_iter().collect(),
            _ => Vec::new(),
        };
        Ok(ScoredQuote { start: g.start, end: g.end, speakers })
    }
}

/// Quotation scores for one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QuoteScores {
    /// Detection: matched quotes.
    pub detection: Prf,
    /// Attributed quotes: matched *and* speaker right, against all predicted and gold quotes.
    pub attributed: Prf,
    /// Matched quotes that have a gold speaker (the speaker-accuracy denominator).
    pub with_gold_speaker: usize,
}

impl QuoteScores {
    /// Among matched quotes with a gold speaker, the share whose speaker is right.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.attributed.correct, self.with_gold_speaker)
    }
    /// Adds another document's scores.
    pub fn add(&mut self, o: QuoteScores) {
        self.detection.add(o.detection);
        self.attributed.add(o.attributed);
        self.with_gold_speaker += o.with_gold_speaker;
    }
}

/// What is stripped from both ends of a quote before comparing: quote marks, white space,
/// commas and periods (the reference scorer's set).
const MARKS: &[char] = &[
    '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{201e}', ' ', '\n', '\t', ',',
    '.',
];

/// The inside of a quote: `start..end` shrunk past quote marks, white space, commas and
/// periods (the reference scorer's set). `chars` is the document as code points; offsets are
/// indices into it.
pub fn inside(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    let (mut s, mut e) = (start.min(end), end);
    while s < e && MARKS.contains(&chars[s]) {
        s += 1;
    }
    while e > s && MARKS.contains(&chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The reference scorer's matching: for each gold quote, in order, the best still-unused
/// predicted quote whose inside overlaps the gold inside with Jaccard ≥ 0.8 (ties go to the
/// later prediction). Returns, per gold quote, the index of its predicted quote.
pub fn match_quotes(chars: &[char], gold: &[ScoredQuote], pred: &[ScoredQuote]) -> Vec<Option<usize>> {
    let pi: Vec<_> = pred.iter().map(|q| inside(chars, q.start, q.end)).collect();
    let mut used = vec![false; pred.len()];
    let mut out = Vec::with_capacity(gold.len());
    for g in gold {
        let (gs, ge) = inside(chars, g.start, g.end);
        let (mut best, mut bj) = (None, 0.8);
        for (i, &(ps, pe)) in pi.iter().enumerate() {
            if used[i] {
                continue;
            }
            let inter = ge.min(pe).saturating_sub(gs.max(ps));
            let union = ge.max(pe) - gs.min(ps);
            let j = if union > 0 { inter as f64 / union as f64 } else { f64::from((ps, pe) == (gs, ge)) };
            if j >= bj {
                (best, bj) = (Some(i), j);
            }
        }
        if let Some(b) = best {
            used[b] = true;
        }
        out.push(best);
    }
    out
}

/// Whether a matched prediction names the speaker: a predicted speaker span overlaps a gold
/// one.
pub fn speaker_right(gold: &ScoredQuote, pred: &ScoredQuote) -> bool {
    pred.speakers.iter().any(|p| gold.speakers.iter().any(|g| overlaps(*p, *g)))
}

/// Scores the predicted quotes of one document against the gold ones.
pub fn score_quotes(chars: &[char], gold: &[ScoredQuote], pred: &[ScoredQuote]) -> QuoteScores {
    let mut s = QuoteScores::default();
    for (g, m) in gold.iter().zip(match_quotes(chars, gold, pred)) {
        let Some(b) = m else { continue };
        s.detection.correct += 1;
        if !g.speakers.is_empty() {
            s.with_gold_speaker += 1;
            if speaker_right(g, &pred[b]) {
                s.attributed.correct += 1;
            }
        }
    }
    s.detection.predicted = pred.len();
    s.detection.gold = gold.len();
    s.attributed.predicted = pred.len();
    s.attributed.gold = gold.len();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_conlleval() {
        let tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG"];
        assert_eq!(chunks(&tags), vec![(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG")]);
    }

    #[test]
    fn conll_micro_f1() {
        let s = vec![(vec!["B-PER", "I-PER", "O", "B-LOC"], vec!["B-PER", "I-PER", "O", "B-ORG"])];
        let r = conll_scores(&s);
        assert_eq!(r["ALL"], Prf { correct: 1, predicted: 2, gold: 2 });
        assert_eq!(r["LOC"].recall(), 0.0);
        assert_eq!(r["PER"].f1(), 1.0);
    }

    #[test]
    fn gold_quotes_read_every_speaker_shape() {
        let read = |s: &str| serde_json::from_str::<ScoredQuote>(s).map(|q| (q.start, q.end, q.speakers)).ok();
        let one = r#"{"start": 1, "end": 5, "speaker": {"start": 7, "end": 9}}"#;
        let many =
            r#"{"start": 1, "end": 5, "speaker": [{"start": 7, "end": 9}, {"start": 2}, {"start": 11, "end": 12}]}"#;
        assert_eq!(read(one), Some((1, 5, vec![(7, 9)])));
        assert_eq!(read(many), Some((1, 5, vec![(7, 9), (11, 12)])));
        assert_eq!(read(r#"{"start": 1, "end": 5, "speaker": null}"#), Some((1, 5, vec![])));
        assert_eq!(read(r#"{"start": 1, "end": 5, "speaker": "Ann"}"#), Some((1, 5, vec![])));
        assert_eq!(read(r#"{"start": 1, "end": 5}"#), Some((1, 5, vec![])));
        assert_eq!(read(r#"{"start": 1}"#), None);
        assert_eq!(read(r#"{"start": -1, "end": 5}"#), None);
    }

    #[test]
    fn quotes_match_on_insides_and_speaker_overlap() {
        let text: Vec<char> = "\u{201c}We will win,\u{201d} Ada Obi said.".chars().collect();
        let gold = [ScoredQuote { start: 0, end: 14, speakers: vec![(15, 22)] }];
        // Prediction without marks and the comma still matches; speaker "Obi" overlaps.
        let pred = [ScoredQuote { start: 1, end: 12, speakers: vec![(19, 22)] }];
        let s = score_quotes(&text, &gold, &pred);
        assert_eq!(s.detection.correct, 1);
        assert_eq!(s.speaker_accuracy(), 1.0);
        // A quote covering much more does not match.
        let wide = [ScoredQuote { start: 0, end: 28, speakers: vec![] }];
        assert_eq!(score_quotes(&text, &gold, &wide).detection.correct, 0);
    }
}

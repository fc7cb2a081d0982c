//! Named-entity recognition: a trained two-stage averaged perceptron over hashed features,
//! decoded with Viterbi over BILOU states, shipped as one artifact (`model/ner.bin`) that is
//! embedded in the binary and the WASM bundle.
//!
//! Why this shape: a linear model with word-cluster and document-level features reaches
//! CoNLL-2003 scores close to early neural taggers while staying a few MB, loading in
//! milliseconds and tagging hundreds of thousands of words per second on one thread, which is
//! what a browser tab can afford. `recognize` (the app) and [`Model::tag_document`] (CoNLL
//! scoring of given tokens, `loupe tag-conll`) run the very same tagger; `recognize` then runs
//! the passes that read the article's text (`conventions`, `title_case`, `consistency`), which
//! given tokens cannot feed. What users get is scored through raw text: `loupe eval`'s
//! "(raw)" rows and the modern-news set.
//!
//! Modules (private; the trainer reaches them through `loupe::train`, feature `train`):
//! `features` (what the model looks at), `model` (artifact + decoding), `clusters` (word →
//! cluster table), `gazetteer` (typed name lists over token n-grams), `tags` (BILOU ↔ IOB2),
//! `codec` (bytes), `train` (the perceptron).

pub(crate) mod clusters;
pub(crate) mod codec;
mod consistency;
mod conventions;
pub(crate) mod features;
pub(crate) mod gazetteer;
pub(crate) mod model;
pub(crate) mod tags;
mod title_case;
#[cfg(feature = "train")]
pub(crate) mod train;

use std::sync::OnceLock;

use serde::Serialize;

use crate::doc::{Document, Entity, Flags, Span};
pub use model::{Meta, Model, ModelError};

/// The committed artifact, built by `bash scripts/train.sh`.
static ARTIFACT: &[u8] = include_bytes!("../../model/ner.bin");

impl Model {
    /// The model embedded in this build, parsed on first use.
    ///
    /// Panics with instructions if the embedded artifact is corrupt or was trained for other
    /// feature code: tagging with mismatched weights would silently produce wrong entities.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| match Model::from_bytes(ARTIFACT) {
            Ok(m) => m,
            Err(e) => panic!("embedded model/ner.bin: {e}"),
        })
    }
}

/// The embedded artifact's bytes (for tools that measure or re-parse it).
pub fn artifact() -> &'static [u8] {
    ARTIFACT
}

/// What the UI and CLI show about the model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModelInfo {
    /// Model name, e.g. `loupe-ner`.
    pub name: String,
    /// Model version.
    pub version: String,
    /// Size of the artifact in bytes (uncompressed, as embedded).
    pub size_bytes: usize,
    /// What the model was trained on.
    pub training_data: String,
    /// Named scores recorded at training time, e.g. `("test F1", 0.89)`.
    pub scores: Vec<(String, f32)>,
}

/// Describes the shipped model.
pub fn info() -> ModelInfo {
    let m = Model::shipped();
    ModelInfo {
        name: m.meta.name.clone(),
        version: m.meta.version.clone(),
        size_bytes: ARTIFACT.len(),
        training_data: m.meta.training_data.clone(),
        scores: m.meta.scores.clone(),
    }
}

/// Fills `doc.entities` from `doc.tokens` and `doc.sentences` with the shipped model.
///
/// Entities are sorted, non-overlapping and never cross a sentence; `cluster` is left `None`.
pub fn recognize(doc: &mut Document) {
    recognize_with(Model::shipped(), doc);
}

/// [`recognize`] with a given model (training tools compare candidate artifacts this way).
pub fn recognize_with(model: &Model, doc: &mut Document) {
    recognize_reporting(model, doc, &mut |_, _| {});
}

/// [`recognize`] that calls `on_block(tokens_done, tokens_total)` after every block of at most
/// 50,000 tokens (the chunks a long document is tagged in), so a long text can show how far
/// tagging is. The entities are the same as [`recognize`]'s.
pub fn recognize_with_progress(doc: &mut Document, on_block: &mut dyn FnMut(usize, usize)) {
    recognize_reporting(Model::shipped(), doc, on_block);
}

fn recognize_reporting(model: &Model, doc: &mut Document, on_block: &mut dyn FnMut(usize, usize)) {
    doc.entities.clear();
    let n = doc.tokens.len();
    // Sentence token ranges, clamped; tokens outside every sentence form their own sentence.
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(doc.sentences.len() + 1);
    let mut at = 0;
    for s in &doc.sentences {
        let (a, b) = (s.tokens.start.max(at).min(n), s.tokens.end.min(n));
        if a > at {
            ranges.push((at, a));
        }
        if b > a {
            ranges.push((a, b));
            at = b;
        }
    }
    if at < n {
        ranges.push((at, n));
    }
    // A sentence of punctuation and quote marks only ("…", a line of "----", a paste of marks)
    // holds no name: it is not tagged, which keeps mark-only inputs as cheap as prose.
    ranges.retain(|&(a, b)| doc.tokens[a..b].iter().any(|t| !t.flags.has(Flags::NO_ALNUM)));
    let text = doc.text.as_str();
    let word = |i: usize| text.get(doc.tokens[i].span.start..doc.tokens[i].span.end).unwrap_or("");
    let sentences: Vec<Vec<&str>> = ranges.iter().map(|&(a, b)| (a..b).map(word).collect()).collect();
    let states = tag_in_blocks(model, &sentences, on_block);
    let mut entities = Vec::new();
    let mut off = 0;
    for &(a, b) in &ranges {
        for (s, e, label) in tags::chunks(&states[off..off + (b - a)]) {
            let span = Span::new(doc.tokens[a + s].span.start, doc.tokens[a + e - 1].span.end);
            entities.push(Entity { span, label, tokens: a + s..a + e, cluster: None });
        }
        off += b - a;
    }
    doc.entities = entities;
    conventions::apply(doc);
    title_case::apply(doc);
    consistency::apply(doc);
}

/// Sorted, disjoint `added` entities merged into `entities` (sorted, disjoint, and disjoint from
/// them) in one pass: linear however many a pass adds.
pub(crate) fn merge_entities(entities: &mut Vec<Entity>, added: Vec<Entity>) {
    if added.is_empty() {
        return;
    }
    let old = std::mem::take(entities);
    entities.reserve(old.len() + added.len());
    let mut added = added.into_iter().peekable();
    for e in old {
        while let Some(a) = added.next_if(|a| a.tokens.start < e.tokens.start) {
            entities.push(a);
        }
        entities.push(e);
    }
    entities.extend(added);
}

/// Test helper: the entity over the `nth` occurrence of `t` in `doc.text`, which must start
/// and end on token edges.
#[cfg(test)]
pub(crate) fn entity_at(doc: &Document, t: &str, nth: usize, label: crate::doc::Label) -> Entity {
    let at = doc.text.match_indices(t).nth(nth).expect("occurrence").0;
    let first = doc.tokens.iter().position(|k| k.span.start == at).expect("starts a token");
    let last = doc.tokens.iter().position(|k| k.span.end == at + t.len()).expect("ends a token");
    Entity { span: Span::new(at, at + t.len()), label, tokens: first..last + 1, cluster: None }
}

/// Tags `sentences` block by block, cut exactly where [`Model::tag_states`] cuts a long document
/// into chunks (sentences in pieces of at most `MAX_SENTENCE` tokens, pieces packed greedily into
/// chunks of at most `MAX_CHUNK`), so the states are the same as one `tag_states` call over all
/// of them; `on_block` hears after each block. (Tested against `tag_states` below.)
fn tag_in_blocks(model: &Model, sentences: &[Vec<&str>], on_block: &mut dyn FnMut(usize, usize)) -> Vec<u8> {
    let total: usize = sentences.iter().map(Vec::len).sum();
    let mut states = Vec::with_capacity(total);
    let mut block: Vec<Vec<&str>> = Vec::new();
    let mut n = 0;
    for piece in sentences.iter().flat_map(|s| s.chunks(model::MAX_SENTENCE)) {
        if n + piece.len() > model::MAX_CHUNK && !block.is_empty() {
            states.extend(model.tag_states(&block));
            on_block(states.len(), total);
            block.clear();
            n = 0;
        }
        block.push(piece.to_vec());
        n += piece.len();
    }
    states.extend(model.tag_states(&block));
    on_block(states.len(), total);
    states
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Label;

    fn tag(words: &[&str]) -> Vec<&'static str> {
        Model::shipped().tag_document(&[words.to_vec()]).remove(0)
    }

    #[test]
    fn shipped_model_loads_and_describes_itself() {
        let i = info();
        assert!(i.size_bytes > 100_000);
        assert!(i.scores.iter().any(|(k, v)| k == "test F1" && *v > 0.8), "{:?}", i.scores);
        assert_eq!(Model::from_bytes(ARTIFACT).map(|m| m.size), Ok(ARTIFACT.len()));
    }

    #[test]
    fn tags_an_invented_sentence_sensibly() {
        let words = [
            "Maria", "Okafor", ",", "the", "mayor", "of", "Lagos", ",", "met", "executives", "of", "Shell", "in",
            "London", ".",
        ];
        let t = tag(&words);
        assert_eq!(&t[0..2], ["B-PER", "I-PER"], "{t:?}");
        assert_eq!(t[6], "B-LOC", "{t:?}");
        assert_eq!(t[11], "B-ORG", "{t:?}");
        assert_eq!(t[13], "B-LOC", "{t:?}");
        assert!(t[3..6].iter().all(|&x| x == "O"), "{t:?}");
    }

    #[test]
    fn a_facility_name_is_one_entity() {
        // Issue 9's "Port of Rotterdam" split into MISC "Port" + LOC, on our own sentence: the
        // name is one entity (its type, ORG or LOC, is the tagger's call).
        let text = "Officials at the Port of Velko said traffic rose in March.";
        let doc = crate::annotate(text);
        let got: Vec<&str> = doc.entities.iter().map(|e| e.span.of(text)).collect();
        assert_eq!(got, vec!["Port of Velko"], "{:?}", doc.entities);
    }

    #[test]
    fn typographic_variants_tag_like_plain_ones() {
        let plain = tag(&["Sean", "O'Donnell", "said", "the", "Dublin", "-", "based", "firm", "grew", "."]);
        let curly =
            tag(&["Sean", "O\u{2019}Donnell", "said", "the", "Dublin", "\u{2013}", "based", "firm", "grew", "."]);
        assert_eq!(plain, curly);
    }

    #[test]
    fn recognize_fills_entities_with_byte_spans() {
        let text = "Últimas: Maria Okafor visited Berlin.";
        let mut doc = Document { text: text.into(), ..Document::default() };
        // Hand-made tokens (byte offsets; "Ú" is two bytes) so this test does not depend on
        // the text layer.
        let mut tokens = Vec::new();
        for (s, e) in [(0, 8), (8, 9), (10, 15), (16, 22), (23, 30), (31, 37), (37, 38)] {
            tokens.push(crate::doc::Token::new(Span::new(s, e), crate::doc::TokenKind::Word));
        }
        doc.tokens = tokens;
        doc.sentences.push(crate::doc::Sentence { span: Span::new(0, text.len()), tokens: 0..7 });
        recognize(&mut doc);
        let found: Vec<(&str, Label)> = doc.entities.iter().map(|e| (e.span.of(text), e.label)).collect();
        assert!(found.contains(&("Maria Okafor", Label::PER)), "{found:?}");
        assert!(found.contains(&("Berlin", Label::LOC)), "{found:?}");
        assert!(doc.entities.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn recognize_survives_odd_documents() {
        for text in ["", "   ", "\u{0}\u{1}", "\"\"\"\"", "<p>Hello</p>", &"word ".repeat(5000)] {
            let mut doc = Document { text: text.into(), ..Document::default() };
            crate::text::segment(&mut doc);
            recognize(&mut doc);
            for e in &doc.entities {
                assert!(text.get(e.span.start..e.span.end).is_some());
            }
        }
        // Sentences that point past the tokens must not panic either.
        let mut doc = Document { text: "Paris".into(), ..Document::default() };
        doc.tokens.push(crate::doc::Token::new(Span::new(0, 5), crate::doc::TokenKind::Word));
        doc.sentences.push(crate::doc::Sentence { span: Span::new(0, 5), tokens: 0..9 });
        recognize(&mut doc);
        assert!(doc.entities.len() <= 1);
    }

    #[test]
    fn blocks_tag_like_one_call_and_report_each_block() {
        // Invented words; enough sentences for three chunks, and one sentence long enough to be
        // decoded in pieces that straddle a chunk border.
        let short = ["Nadia", "Ferreira", "met", "the", "Tallin", "Port", "Authority", "in", "Oslo", "."];
        let mut sentences: Vec<Vec<&str>> = Vec::new();
        let mut n = 0;
        while n < model::MAX_CHUNK * 2 + 777 {
            sentences.push(short.to_vec());
            n += short.len();
            if sentences.len() == 4000 {
                let long: Vec<&str> = short.iter().copied().cycle().take(model::MAX_SENTENCE * 3 + 5).collect();
                n += long.len();
                sentences.push(long);
            }
        }
        let m = Model::shipped();
        let mut calls = Vec::new();
        let blocks = tag_in_blocks(m, &sentences, &mut |d, t| calls.push((d, t)));
        assert_eq!(blocks, m.tag_states(&sentences));
        assert_eq!(calls.len(), 3, "{calls:?}");
        assert!(calls.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 == w[1].1));
        assert_eq!(calls.last(), Some(&(n, n)));
    }
}

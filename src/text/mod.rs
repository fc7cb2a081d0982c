//! Text layer: tokens, sentences and paragraphs, with byte offsets into the untouched text.
//!
//! Three small stages, each in its own module:
//!
//! * [`tokenize`](tokenize::tokenize) cuts the text into tokens the way CoNLL-2003 / the Penn
//!   Treebank did, because the entity model was trained on such tokens;
//! * [`paragraphs`] groups lines into paragraphs (blank lines, bullet items, one-paragraph-per-
//!   line pastes and hard-wrapped text; the rule is documented there);
//! * [`sentences`] splits each paragraph into sentences (abbreviations, initials, decimals,
//!   ellipses, closing quotes, datelines);
//! * [`headline`] says whether the first paragraph is the article's title;
//! * [`facts`] gives every token its flags and its normal, lowercase and shape forms, and
//!   the lines are kept too, so no later stage re-reads the raw string to learn these.
//!
//! Guarantees, checked by property tests: tokens are in order, never overlap, lie on `char`
//! boundaries and together cover every non-whitespace character; every token is in exactly
//! one sentence and every sentence in exactly one paragraph; the result depends only on the
//! text. The whole layer is one pass per stage with no per-token allocation.

pub(crate) mod chars;
pub mod facts;
mod headline;
mod paragraphs;
mod sentences;
mod tokenize;

pub use tokenize::tokenize;

use crate::doc::{Document, Paragraph, ParagraphKind, Sentence, Span};

/// Fills `doc.tokens`, `doc.sentences` and `doc.paragraphs` from `doc.text` (replacing whatever
/// they held).
pub fn segment(doc: &mut Document) {
    let text = doc.text.as_str();
    let tokens = tokenize(text);
    doc.forms = facts::forms(text, &tokens);
    doc.lines = paragraphs::doc_lines(text, &tokens);
    let para_ranges = paragraphs::paragraphs(text, &tokens);
    let headline = headline::first_is_headline(text, &tokens, &para_ranges);

    let mut sentence_ranges = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut paras = Vec::with_capacity(para_ranges.len());
    for range in para_ranges {
        let first = sentence_ranges.len();
        sentences::sentences(text, &tokens, range, &mut sentence_ranges);
        let span = Span::new(tokens[range.0].span.start, tokens[range.1 - 1].span.end);
        let kind = if headline && paras.is_empty() { ParagraphKind::Headline } else { ParagraphKind::Body };
        paras.push(Paragraph { span, sentences: first..sentence_ranges.len(), tokens: range.0..range.1, kind });
    }
    doc.sentences = sentence_ranges
        .into_iter()
        .map(|(a, b)| Sentence { span: Span::new(tokens[a].span.start, tokens[b - 1].span.end), tokens: a..b })
        .collect();
    doc.paragraphs = paras;
    doc.tokens = tokens;
}

/// Segments `text` into a fresh document (for tests).
#[cfg(test)]
pub(crate) fn segment_text(text: &str) -> Document {
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    segment(&mut doc);
    doc
}

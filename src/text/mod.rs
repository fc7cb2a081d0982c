//! Text layer: tokens, sentences and paragraphs with byte offsets into the original text.
//! (Placeholder to be replaced by the real tokenizer.)

use crate::doc::{Document, Paragraph, Sentence, Span, Token, TokenKind};

/// Fills `doc.tokens`, `doc.sentences` and `doc.paragraphs`.
pub fn segment(doc: &mut Document) {
    let text = &doc.text;
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                tokens.push(Token { span: Span::new(s, i), kind: TokenKind::Word });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push(Token { span: Span::new(s, text.len()), kind: TokenKind::Word });
    }
    if !tokens.is_empty() {
        let span = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
        doc.sentences.push(Sentence { span, tokens: (0, tokens.len()) });
        doc.paragraphs.push(Paragraph { span, sentences: (0, 1) });
    }
    doc.tokens = tokens;
}

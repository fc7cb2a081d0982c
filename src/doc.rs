//! The one document that flows through the pipeline.
//!
//! Every stage reads the layers before it and adds its own; none rewrites the text. All offsets
//! here are **byte offsets into the original text**, end exclusive, always on `char`
//! boundaries. Conversion to code points (CLI) or UTF-16 (JS) happens only in [`crate::view`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into [`Document::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The covered text. Panics only if the span does not belong to `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What kind of thing a token is; decided by the tokenizer from its characters alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "o'clock").
    Word,
    /// Digits with optional separators ("1,200", "3.5", "10:30", "1996-08-22").
    Number,
    /// Any quotation mark, straight or curly, single or double, guillemets.
    Quote,
    /// Other punctuation (. , ; : ! ? ( ) - — … and so on).
    Punct,
    /// Currency and other symbols ($, €, %, &, +).
    Symbol,
    Url,
    Email,
    /// @handle
    Handle,
    /// #hashtag
    Hashtag,
    /// Anything else (emoji, stray control characters).
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A sentence: a byte span plus the half-open range of token indices it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: (usize, usize),
}

/// A paragraph (text between blank lines, or a line of a bullet list): byte span plus the
/// half-open range of sentence indices it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: (usize, usize),
}

/// Entity types, CoNLL-2003 conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    PER,
    ORG,
    LOC,
    MISC,
}

impl Label {
    pub const ALL: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::MISC => "MISC",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A named-entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Half-open range of token indices.
    pub tokens: (usize, usize),
    /// Index into [`Document::clusters`], once grouping has run.
    pub cluster: Option<usize>,
}

/// A direct quotation, marks included, and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    /// The mention the cue attaches to ("Carter", "he", "the spokesman").
    pub speaker: Option<Span>,
    /// The speech verb or phrase ("said", "told reporters", "according to").
    pub cue: Option<Span>,
    /// Index into [`Document::clusters`] of who the speaker is, when known.
    pub cluster: Option<usize>,
}

/// One real-world entity: the mentions that refer to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub label: Label,
    /// The most complete proper name used.
    pub name: String,
    /// Other surface forms, most frequent first.
    pub aliases: Vec<String>,
    /// Indices into [`Document::entities`], in text order.
    pub mentions: Vec<usize>,
    /// How central the entity is to the article, in `0.0..=1.0`.
    pub salience: f32,
}

/// The annotated document. Built by [`crate::annotate`].
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub clusters: Vec<Cluster>,
}

impl Document {
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.text)
    }
}

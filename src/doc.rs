//! The one document that flows through the pipeline.
//!
//! Every stage reads the layers before it and adds its own; none rewrites the text. All offsets
//! here are **byte offsets into the original text**, end exclusive, always on `char`
//! boundaries. Conversion to code points (CLI) or UTF-16 (JS) happens only in [`crate::view`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into [`Document::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// `start..end`; `start <= end` (checked in debug builds).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The covered text. Panics only if the span does not belong to `text`.
    ///
    /// ```
    /// assert_eq!(loupe::Span::new(6, 12).of("Hello Berlin!"), "Berlin");
    /// ```
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
    /// A web address ("https://…", "www.…").
    Url,
    /// An e-mail address.
    Email,
    /// @handle
    Handle,
    /// #hashtag
    Hashtag,
    /// Anything else (emoji, stray control characters).
    Other,
}

/// A token: the smallest unit every stage reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// A sentence: a byte span plus the half-open range of token indices it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Half-open range of indices into [`Document::tokens`].
    pub tokens: (usize, usize),
}

/// A paragraph (text between blank lines, or a line of a bullet list): byte span plus the
/// half-open range of sentence indices it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From its first sentence's start to its last sentence's end.
    pub span: Span,
    /// Half-open range of indices into [`Document::sentences`].
    pub sentences: (usize, usize),
}

/// Entity types, CoNLL-2003 conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person.
    PER,
    /// An organisation (companies, parties, agencies, teams).
    ORG,
    /// A place.
    LOC,
    /// Other names (nationalities, events, works, products).
    MISC,
}

impl Label {
    /// Every label, in CoNLL order.
    pub const ALL: [Label; 4] = [Label::PER, Label::ORG, Label::LOC, Label::MISC];
    /// "PER", "ORG", "LOC" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PER => "PER",
            Label::ORG => "ORG",
            Label::LOC => "LOC",
            Label::MISC => "MISC",
        }
    }
    /// The label named `s` ("PER", …), if any.
    ///
    /// ```
    /// assert_eq!(loupe::Label::parse("LOC"), Some(loupe::Label::LOC));
    /// assert_eq!(loupe::Label::parse("DATE"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A named-entity mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention's text.
    pub span: Span,
    /// Its type.
    pub label: Label,
    /// Half-open range of token indices.
    pub tokens: (usize, usize),
    /// Index into [`Document::clusters`], once grouping has run.
    pub cluster: Option<usize>,
}

/// A direct quotation, marks included, and who said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quotation, its marks included.
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
    /// The entity's type.
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
    /// The input, unchanged.
    pub text: String,
    /// Tokens in text order (text layer).
    pub tokens: Vec<Token>,
    /// Sentences in text order (text layer).
    pub sentences: Vec<Sentence>,
    /// Paragraphs in text order (text layer).
    pub paragraphs: Vec<Paragraph>,
    /// Named-entity mentions in text order (`ner`).
    pub entities: Vec<Entity>,
    /// Direct quotations in text order (`quotes`).
    pub quotes: Vec<Quote>,
    /// Entities: groups of mentions (`clusters`), ordered by first mention.
    pub clusters: Vec<Cluster>,
}

impl Document {
    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.text)
    }
}

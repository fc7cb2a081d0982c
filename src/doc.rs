//! The one document that flows through the pipeline.
//!
//! Every stage reads the layers before it and adds its own; none rewrites the text. All offsets
//! here are **byte offsets into the original text**, end exclusive, always on `char`
//! boundaries. Conversion to code points (CLI) or UTF-16 (JS) happens only in [`crate::view`].

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use crate::text::facts::Flags;
pub use crate::values::Normal;

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

/// One token. Its normal, lowercase and shape forms live in [`Document::forms`] (read them
/// with [`Document::norm`], [`Document::lower`], [`Document::shape`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Character-class facts (capitalisation, digits, hyphens…), filled by the text layer.
    pub flags: Flags,
}

impl Token {
    /// A token with no flags yet (the text layer fills them).
    pub fn new(span: Span, kind: TokenKind) -> Token {
        Token { span, kind, flags: Flags::default() }
    }
}

/// The derived forms of every token, in one arena: for token `i`, `at[i] = [a, b, c, d]` and
/// its normal form is `text[a..b]`, its lowercase form `text[b..c]`, its shape `text[c..d]`.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    pub(crate) text: String,
    pub(crate) at: Vec<[u32; 4]>,
}

/// A line of the text: its byte span (without the line break) and the tokens on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line without its line break.
    pub span: Span,
    /// Indices into [`Document::tokens`] of the tokens on it.
    pub tokens: Range<usize>,
}

/// A sentence: a byte span plus the token indices it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
}

/// A paragraph (text between blank lines, or a line of a bullet list, or a run of hard-wrapped
/// lines): byte span plus the sentence and token indices it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From its first sentence's start to its last sentence's end.
    pub span: Span,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// What the paragraph is: body text, or the article's headline (only ever the first).
    pub kind: ParagraphKind,
}

/// What a paragraph is, decided by the text layer (`text::headline`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Ordinary text.
    #[default]
    Body,
    /// The article's headline: a short first line with no sentence-final stop, before the body.
    Headline,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention's text.
    pub span: Span,
    /// Its type.
    pub label: Label,
    /// Token indices.
    pub tokens: Range<usize>,
    /// Index into [`Document::clusters`], once grouping has run.
    pub cluster: Option<usize>,
}

/// Value types, OntoNotes 5.0 conventions (see [`crate::values`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(clippy::upper_case_acronyms)]
pub enum ValueLabel {
    /// Absolute or relative dates and periods ("March 3, 2016", "last week", "six months").
    DATE,
    /// Times of day and periods shorter than a day ("9 a.m.", "Monday morning", "two hours").
    TIME,
    /// Monetary amounts, with their unit ("$3.5 million", "5,000 yuan").
    MONEY,
    /// Percentages ("12%", "12 percent").
    PERCENT,
    /// Measurements ("20 kilograms", "10-mile").
    QUANTITY,
    /// Numbers not covered by another type ("six", "half a dozen", "thousands").
    CARDINAL,
    /// "first", "fifth", "21st".
    ORDINAL,
}

impl ValueLabel {
    /// Every value label, in OntoNotes order.
    pub const ALL: [ValueLabel; 7] = [
        ValueLabel::DATE,
        ValueLabel::TIME,
        ValueLabel::MONEY,
        ValueLabel::PERCENT,
        ValueLabel::QUANTITY,
        ValueLabel::CARDINAL,
        ValueLabel::ORDINAL,
    ];
    /// "DATE", "TIME", …
    pub fn as_str(self) -> &'static str {
        match self {
            ValueLabel::DATE => "DATE",
            ValueLabel::TIME => "TIME",
            ValueLabel::MONEY => "MONEY",
            ValueLabel::PERCENT => "PERCENT",
            ValueLabel::QUANTITY => "QUANTITY",
            ValueLabel::CARDINAL => "CARDINAL",
            ValueLabel::ORDINAL => "ORDINAL",
        }
    }
    /// The label named `s` ("DATE", …), if any.
    ///
    /// ```
    /// assert_eq!(loupe::ValueLabel::parse("MONEY"), Some(loupe::ValueLabel::MONEY));
    /// assert_eq!(loupe::ValueLabel::parse("PER"), None);
    /// ```
    pub fn parse(s: &str) -> Option<ValueLabel> {
        ValueLabel::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A value expression: a date, time, amount of money, percentage, quantity or number.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// The expression's text, hedges included ("about 20 kilograms").
    pub span: Span,
    /// Its type.
    pub label: ValueLabel,
    /// Token indices.
    pub tokens: Range<usize>,
    /// What it means, when the text says enough ([`crate::values::Normal`]).
    pub normal: Option<Normal>,
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
///
/// Layers and who writes them (each stage writes only its own):
/// `text::segment` → `tokens`, `forms`, `lines`, `sentences`, `paragraphs`;
/// `ner::recognize` → `entities` (with `cluster: None`); `values::find` → `values` (and it
/// drops the rare one-token entity a value reads through: "C$", "GMT" after a clock time);
/// `quotes::find` → `quotes` (with `cluster: None`); `clusters::group` → `clusters` and the `cluster` field of entities and
/// quotes.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The input, unchanged.
    pub text: String,
    /// Tokens in text order (text layer).
    pub tokens: Vec<Token>,
    /// Normal, lowercase and shape forms of the tokens (text layer).
    pub forms: Forms,
    /// Lines of the text, blank ones included (text layer).
    pub lines: Vec<Line>,
    /// Sentences in text order (text layer).
    pub sentences: Vec<Sentence>,
    /// Paragraphs in text order (text layer).
    pub paragraphs: Vec<Paragraph>,
    /// Named-entity mentions in text order (`ner`).
    pub entities: Vec<Entity>,
    /// Dates, times, amounts and numbers in text order, never overlapping an entity
    /// (`values`).
    pub values: Vec<Value>,
    /// Direct quotations in text order (`quotes`).
    pub quotes: Vec<Quote>,
    /// Entities: groups of mentions (`clusters`), ordered by first mention.
    pub clusters: Vec<Cluster>,
}

impl Document {
    /// The text of token `i`, as written.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.of(&self.text)
    }

    fn form(&self, i: usize, k: usize) -> &str {
        match self.forms.at.get(i) {
            Some(at) => &self.forms.text[at[k] as usize..at[k + 1] as usize],
            None => "",
        }
    }

    /// Token `i` with typographic variants made plain (’ → ', “ → ", — → -).
    pub fn norm(&self, i: usize) -> &str {
        self.form(i, 0)
    }

    /// The lowercase of [`Document::norm`]: the form every lexicon lookup uses.
    pub fn lower(&self, i: usize) -> &str {
        self.form(i, 1)
    }

    /// The collapsed shape of token `i` ("McCain" → `XxXx`, "1,200" → `0,0`).
    pub fn shape(&self, i: usize) -> &str {
        self.form(i, 2)
    }

    /// The sentence token `i` lies in (`None` only past the last token).
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        (k < self.sentences.len() && self.sentences[k].tokens.start <= i).then_some(k)
    }

    /// The paragraph token `i` lies in.
    pub fn paragraph_of(&self, i: usize) -> Option<usize> {
        let k = self.paragraphs.partition_point(|p| p.tokens.end <= i);
        (k < self.paragraphs.len() && self.paragraphs[k].tokens.start <= i).then_some(k)
    }

    /// The line token `i` lies on.
    pub fn line_of(&self, i: usize) -> Option<usize> {
        let k = self.lines.partition_point(|l| l.tokens.end <= i);
        (k < self.lines.len() && self.lines[k].tokens.start <= i).then_some(k)
    }

    /// The index of the first token that ends after byte `pos` (the token containing `pos`,
    /// or the next one; `tokens.len()` when there is none).
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }
}

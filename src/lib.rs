//! Loupe: find the people, organisations and places in a news article, the quotations, and
//! who said them.
//!
//! One entry point, [`annotate`], runs the whole pipeline over raw text and returns a
//! [`Document`]. Each stage lives in a module named after what it does and adds one layer:
//!
//! ```text
//! text ─► text (tokens, sentences, paragraphs) ─► ner (entities) ─► values ─► quotes ─► clusters
//! ```
//!
//! All offsets in [`Document`] are byte offsets into the untouched input; [`view`] converts
//! them for the outside world (code points for the CLI, UTF-16 for JavaScript).
//!
//! ```
//! let doc = loupe::annotate("Angela Merkel spoke in Berlin on Monday.");
//! assert!(doc.entities.iter().any(|e| e.span.of(&doc.text) == "Berlin"));
//! ```

#![warn(missing_docs)]

mod check;
pub mod clusters;
pub mod conll;
pub mod doc;
mod lexicon;
pub mod ner;
pub mod quotes;
pub mod score;
pub mod text;
#[cfg(feature = "train")]
pub mod train;
pub mod values;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use doc::{
    Cluster, Document, Entity, Flags, Label, Line, Paragraph, Quote, Sentence, Span, Token, TokenKind, Value,
    ValueLabel,
};

/// What a caller can tell [`annotate_with`] about the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The date the article was written: relative dates ("yesterday", "last week") are
    /// resolved against it. When `None`, the article's dateline is used if it has one.
    pub reference_date: Option<values::Date>,
}

/// Runs the whole pipeline over `text`. Never panics and never changes the text: every span in
/// the result lies inside `text` on `char` boundaries, in order.
pub fn annotate(text: &str) -> Document {
    annotate_with(text, &Options::default())
}

/// [`annotate`] with [`Options`].
///
/// ```
/// let options = loupe::Options { reference_date: loupe::values::Date::new(2016, 3, 3) };
/// let doc = loupe::annotate_with("The vote was held yesterday.", &options);
/// assert_eq!(doc.values[0].normal.as_ref().unwrap().iso.as_deref(), Some("2016-03-02"));
/// ```
pub fn annotate_with(text: &str, options: &Options) -> Document {
    annotate_with_progress(text, options, &mut |_| {})
}

/// A pipeline stage, as [`Progress`] names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Tokens, sentences, paragraphs.
    Text,
    /// Named entities (the slowest stage).
    Entities,
    /// Dates, times, money, percentages, quantities and numbers.
    Values,
    /// Quotations and their speakers.
    Quotes,
    /// Grouping mentions into entities.
    Clusters,
}

/// How far [`annotate_with_progress`] is: `done` of `total` units of `stage`'s work. Every stage
/// reports its start as 0 of 1; [`Stage::Entities`] then reports tokens tagged of tokens to tag
/// after each block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// The stage running.
    pub stage: Stage,
    /// Units done.
    pub done: usize,
    /// Units in this stage.
    pub total: usize,
}

/// [`annotate_with`], calling `on_progress` at the start of every stage and after every block
/// of the entity stage (tens of thousands of tokens), so a face can show how far a long text
/// is. The result is exactly [`annotate_with`]'s.
pub fn annotate_with_progress(text: &str, options: &Options, on_progress: &mut dyn FnMut(Progress)) -> Document {
    let start = |stage| Progress { stage, done: 0, total: 1 };
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    on_progress(start(Stage::Text));
    text::segment(&mut doc);
    on_progress(start(Stage::Entities));
    ner::recognize_with_progress(&mut doc, &mut |done, total| {
        on_progress(Progress { stage: Stage::Entities, done, total })
    });
    on_progress(start(Stage::Values));
    values::find(&mut doc, options.reference_date);
    on_progress(start(Stage::Quotes));
    quotes::find(&mut doc);
    on_progress(start(Stage::Clusters));
    clusters::group(&mut doc);
    doc
}

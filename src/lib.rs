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
pub mod edits;
pub mod export;
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
    Cluster, Document, Entity, Flags, Label, Line, Paragraph, ParagraphKind, Quote, Sentence, Span, Token, TokenKind,
    Value, ValueLabel,
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
    pipeline(text, options, &[], on_progress).0
}

/// [`annotate_with`] with the reader's corrections `edits` (byte offsets; see [`edits`]) applied
/// at their layers: entity edits before values, quotations and groups are computed from them,
/// quotation edits before grouping, split/merge as constraints on grouping. Returns the
/// document (it passes the same invariants as any other) and what became of each edit. Never
/// panics, on any edit list.
///
/// ```
/// use loupe::edits::{Anchor, Edit};
///
/// let text = "Jordan spoke in Amman.";
/// let at = Anchor { start: 0, end: 6, text: "Jordan".into(), before: "".into(), after: "".into() };
/// let options = loupe::Options::default();
/// let (doc, report) = loupe::annotate_with_edits(text, &options, &[Edit::AddEntity { at, label: loupe::Label::LOC }]);
/// assert!(report.dropped.is_empty());
/// assert!(doc.entities.iter().any(|e| e.span.of(text) == "Jordan" && e.label == loupe::Label::LOC));
/// ```
pub fn annotate_with_edits(text: &str, options: &Options, edits: &[edits::Edit]) -> (Document, edits::Report) {
    pipeline(text, options, edits, &mut |_| {})
}

/// [`annotate_with_edits`], calling `on_progress` as [`annotate_with_progress`] does: what the
/// page runs, so a long corrected article still shows how far it is.
pub fn annotate_with_edits_and_progress(
    text: &str,
    options: &Options,
    edits: &[edits::Edit],
    on_progress: &mut dyn FnMut(Progress),
) -> (Document, edits::Report) {
    pipeline(text, options, edits, on_progress)
}

/// The one pipeline every entry point runs: each stage adds its layer, with the corrections
/// applied right after the layer they correct.
fn pipeline(
    text: &str,
    options: &Options,
    edits: &[edits::Edit],
    on_progress: &mut dyn FnMut(Progress),
) -> (Document, edits::Report) {
    let start = |stage| Progress { stage, done: 0, total: 1 };
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    on_progress(start(Stage::Text));
    text::segment(&mut doc);
    on_progress(start(Stage::Entities));
    ner::recognize_with_progress(&mut doc, &mut |done, total| {
        on_progress(Progress { stage: Stage::Entities, done, total })
    });
    let mut corrections = edits::Run::new(&doc, edits);
    corrections.entities(&mut doc);
    on_progress(start(Stage::Values));
    values::find(&mut doc, options.reference_date);
    on_progress(start(Stage::Quotes));
    quotes::find(&mut doc);
    corrections.quotes(&mut doc);
    on_progress(start(Stage::Clusters));
    let constraints = corrections.constraints(&doc);
    clusters::group_with(&mut doc, &constraints);
    (doc, corrections.report())
}

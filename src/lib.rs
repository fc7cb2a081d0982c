//! Loupe: find the people, organisations and places in a news article, the quotations, and
//! who said them.
//!
//! One entry point, [`annotate`], runs the whole pipeline over raw text and returns a
//! [`Document`]. Each stage lives in a module named after what it does and adds one layer:
//!
//! ```text
//! text ─► text (tokens, sentences, paragraphs) ─► ner (entities) ─► quotes ─► clusters
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
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use doc::{Cluster, Document, Entity, Flags, Label, Line, Paragraph, Quote, Sentence, Span, Token, TokenKind};
pub use edits::annotate_with_edits;

/// Runs the whole pipeline over `text`. Never panics and never changes the text: every span in
/// the result lies inside `text` on `char` boundaries, in order.
pub fn annotate(text: &str) -> Document {
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    text::segment(&mut doc);
    ner::recognize(&mut doc);
    quotes::find(&mut doc);
    clusters::group(&mut doc);
    doc
}

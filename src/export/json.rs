//! JSON export and import: the document with its text and the reader's edits, and back.
//!
//! Why: an article with its corrections must survive a round trip (save, share, reload in the
//! page or the CLI). The export is the README document (offsets in code points) plus `text`,
//! `edits` (the applied edit records, code points, with context) and a `loupe_export` version
//! marker; [`import`] reads it and returns the text and edits after checking them, so what it
//! returns can be passed to `annotate_with_edits` as is. The annotation fields (`values` too)
//! are for other tools: import ignores them and recomputes, so exports written before a layer
//! existed (no `values`) still read back.

use serde::{Deserialize, Serialize};

use crate::doc::Document;
use crate::edits::Edit;
use crate::view::{ClusterView, DocumentView, EntityView, OffsetMap, QuoteView, RangeView, Unit, ValueView};

/// The export format's version, written as `"loupe_export": 1`.
pub const VERSION: u32 = 1;

/// The document's fields written out (not `#[serde(flatten)]`, which costs bundle size).
#[derive(Serialize)]
struct Export<'a> {
    loupe_export: u32,
    text: &'a str,
    sentences: &'a [RangeView],
    paragraphs: &'a [RangeView],
    headline: Option<&'a RangeView>,
    entities: &'a [EntityView],
    values: &'a [ValueView],
    quotes: &'a [QuoteView],
    clusters: &'a [ClusterView],
    edits: Vec<Edit>,
}

/// The JSON export of `doc` and its applied `edits` (byte offsets), one line.
pub fn export(doc: &Document, edits: &[Edit]) -> String {
    let map = OffsetMap::new(&doc.text, Unit::CodePoint);
    let view = DocumentView::new(doc, Unit::CodePoint);
    let out = Export {
        loupe_export: VERSION,
        text: &doc.text,
        sentences: &view.sentences,
        paragraphs: &view.paragraphs,
        headline: view.headline.as_ref(),
        entities: &view.entities,
        values: &view.values,
        quotes: &view.quotes,
        clusters: &view.clusters,
        edits: map.edits_from_bytes(edits),
    };
    // Serializing plain structs of strings and numbers cannot fail; an empty object would be
    // rejected by `import`, never taken for an article.
    serde_json::to_string(&out).unwrap_or_else(|_| "{}".into()) + "\n"
}

/// An article read back from a JSON export: its text and edits (byte offsets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The article.
    pub text: String,
    /// Its edits, each checked to hold its text at its offsets.
    pub edits: Vec<Edit>,
}

#[derive(Deserialize)]
struct Incoming {
    loupe_export: Option<u32>,
    text: Option<String>,
    #[serde(default)]
    edits: Vec<Edit>,
}

/// Reads a JSON export; the error says what is wrong and where ("edit 3 (set_label): …", or
/// the line and column of a malformed record).
///
/// ```
/// let (doc, report) = loupe::annotate_with_edits("Ana Ruiz spoke.", &loupe::Options::default(), &[]);
/// let json = loupe::export::json::export(&doc, &report.applied);
/// let back = loupe::export::json::import(&json).unwrap();
/// assert_eq!(back.text, "Ana Ruiz spoke.");
/// assert!(loupe::export::json::import("{}").is_err());
/// ```
pub fn import(json: &str) -> Result<Imported, String> {
    let incoming: Incoming = serde_json::from_str(json).map_err(|e| format!("not a valid Loupe JSON export: {e}"))?;
    match incoming.loupe_export {
        Some(VERSION) => {}
        Some(v) => return Err(format!("export version {v} is not supported (this Loupe reads version {VERSION})")),
        None => return Err("not a Loupe JSON export (no \"loupe_export\" field)".into()),
    }
    let text = incoming.text.ok_or("the export has no \"text\"")?;
    let map = OffsetMap::new(&text, Unit::CodePoint);
    let mut edits = Vec::with_capacity(incoming.edits.len());
    for (i, edit) in map.edits_to_bytes(&incoming.edits).into_iter().enumerate() {
        for a in edit.clone().anchors_mut() {
            if a.start > a.end || text.get(a.start..a.end) != Some(a.text.as_str()) {
                return Err(format!("edit {i} ({}): its offsets do not hold “{}” in the text", edit.kind(), a.text));
            }
        }
        edits.push(edit);
    }
    Ok(Imported { text, edits })
}

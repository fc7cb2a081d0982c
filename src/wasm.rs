//! The JavaScript face of Loupe: a few functions, exported with `wasm-bindgen`.
//!
//! The page must not reimplement any language logic or offset arithmetic, so this binding hands
//! over exactly the document the CLI prints, only with offsets in **UTF-16 code units**
//! (JavaScript string indices), converted in [`crate::view`] like every other offset. JS can then
//! `text.slice(e.start, e.end)` on the string it passed in.
//!
//! ```js
//! import init, { annotate, annotate_with_edits, export_files, import_json, info } from "./pkg/loupe.js";
//! await init();
//! const doc = annotate("Ana Lima flew to Lisbon.");
//! // doc = {
//! //   sentences:  [{start, end}],
//! //   paragraphs: [{start, end}],
//! //   entities:   [{start, end, label: "PER"|"ORG"|"LOC"|"MISC", text, cluster: number|null}],
//! //   quotes:     [{start, end, text, speaker: {start, end, text}|null,
//! //                 cue: {start, end, text}|null, cluster: number|null}],
//! //   clusters:   [{id, label, name, aliases: [string], mentions: [entity index], salience}],
//! // }
//! const edited = annotate_with_edits(text, [{kind: "set_label", start: 17, end: 23, text: "Lisbon", label: "ORG"}]);
//! // edited = {document, applied: [edit], dropped: [{index, reason, edit}]}
//! export_files(text, edited.applied, "brat", "article"); // [{name: "article.txt", content}, …]
//! import_json(jsonExport);                                 // {text, edits}
//! info(); // {name: "loupe", version: "0.1.0",
//!         //  model: {name, version, size_bytes, training_data, scores: [[name, value]]}}
//! ```
//!
//! Strings coming from JavaScript may hold lone surrogates; `wasm-bindgen` encodes them as
//! U+FFFD, which is also one UTF-16 unit, so offsets still index the caller's string. Nothing
//! here can panic on input: the core promises not to, and serialization errors come back as a
//! JS `Error` rather than a trap.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::edits::Edit;
use crate::view::{DocumentView, OffsetMap, ReportView, Unit};

/// Serializes with `null` (not `undefined`) for absent values, so the shape matches the JSON the
/// CLI prints and `JSON.stringify` keeps every key.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&ser).map_err(|e| JsError::new(&format!("loupe: could not build the result object: {e}")))
}

/// Annotates `text` and returns the document with UTF-16 offsets (see the module doc).
#[wasm_bindgen]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    let doc = crate::annotate(text);
    to_js(&DocumentView::new(&doc, Unit::Utf16))
}

/// Reads an edit list passed from JS (an array of edit records, UTF-16 offsets).
fn edits_of(edits: JsValue) -> Result<Vec<Edit>, JsError> {
    if edits.is_null() || edits.is_undefined() {
        return Ok(Vec::new());
    }
    serde_wasm_bindgen::from_value(edits).map_err(|e| JsError::new(&format!("loupe: the edit list is not valid: {e}")))
}

#[derive(Serialize)]
struct Edited {
    document: DocumentView,
    applied: Vec<Edit>,
    dropped: Vec<crate::view::DroppedView>,
}

/// Annotates `text` with the reader's corrections applied (see `loupe::edits`): `edits` is an
/// array of records such as `{kind: "set_label", start, end, text, label: "LOC"}` with UTF-16
/// offsets. Returns `{document, applied, dropped}`: the document as [`annotate`] returns it,
/// the edits as placed on this text (keep these for the article), and
/// `[{index, reason, edit}]` for the ones that could not be applied.
#[wasm_bindgen]
pub fn annotate_with_edits(text: &str, edits: JsValue) -> Result<JsValue, JsError> {
    let given = edits_of(edits)?;
    let (doc, _, report) = crate::view::annotate_with_edits(text, &given, Unit::Utf16);
    let ReportView { applied, dropped } = report;
    to_js(&Edited { document: DocumentView::new(&doc, Unit::Utf16), applied, dropped })
}

/// Exports `text` with `edits` applied in `format` ("json", "quotes-csv", "entities-csv",
/// "brat", "conll", "html"), files named after `name`: `[{name, content}]` (brat gives three
/// files, the others one). Offsets inside the files are Unicode code points.
#[wasm_bindgen]
pub fn export_files(text: &str, edits: JsValue, format: &str, name: &str) -> Result<JsValue, JsError> {
    let format = crate::export::Format::parse(format).map_err(|e| JsError::new(&format!("loupe: {e}")))?;
    let given = edits_of(edits)?;
    let (doc, report, _) = crate::view::annotate_with_edits(text, &given, Unit::Utf16);
    to_js(&crate::export::export(&doc, &report.applied, format, name))
}

#[derive(Serialize)]
struct Imported {
    text: String,
    edits: Vec<Edit>,
}

/// Reads a JSON export (as `export_files(…, "json", …)` writes it): `{text, edits}` with UTF-16
/// offsets, ready for [`annotate_with_edits`]; a JS `Error` says what is wrong with the file.
#[wasm_bindgen]
pub fn import_json(json: &str) -> Result<JsValue, JsError> {
    let imported = crate::export::json::import(json).map_err(|e| JsError::new(&format!("loupe: {e}")))?;
    let edits = OffsetMap::new(&imported.text, Unit::Utf16).edits_from_bytes(&imported.edits);
    to_js(&Imported { text: imported.text, edits })
}

#[derive(Serialize)]
struct Info {
    name: &'static str,
    version: &'static str,
    model: crate::ner::ModelInfo,
}

/// Name and version of the library and a description of the entity model built into it
/// (`model`: `{name, version, size_bytes, training_data, scores: [[name, value]]}`).
#[wasm_bindgen]
pub fn info() -> Result<JsValue, JsError> {
    to_js(&Info { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION"), model: crate::ner::info() })
}

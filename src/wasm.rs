//! The JavaScript face of Loupe: two functions, exported with `wasm-bindgen`.
//!
//! The page must not reimplement any language logic or offset arithmetic, so this binding hands
//! over exactly the document the CLI prints, only with offsets in **UTF-16 code units**
//! (JavaScript string indices), converted in [`crate::view`] like every other offset. JS can then
//! `text.slice(e.start, e.end)` on the string it passed in.
//!
//! ```js
//! import init, { annotate, info } from "./pkg/loupe.js";
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

use crate::view::{DocumentView, Unit};

/// Serializes with `null` (not `undefined`) for absent values, so the shape matches the JSON the
/// CLI prints and `JSON.stringify` keeps every key.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    value.serialize(&ser).map_err(|e| JsError::new(&format!("loupe: could not build the result object: {e}")))
}

/// Annotates `text` and returns the document with UTF-16 offsets (see the module doc).
#[wasm_bindgen(unchecked_return_type = "DocumentView")]
pub fn annotate(text: &str) -> Result<JsValue, JsError> {
    let doc = crate::annotate(text);
    to_js(&DocumentView::new(&doc, Unit::Utf16))
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

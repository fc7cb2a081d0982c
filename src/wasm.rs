//! The JavaScript face of Loupe: a few functions, exported with `wasm-bindgen`.
//!
//! The page must not reimplement any language logic or offset arithmetic, so this binding hands
//! over exactly the document the CLI prints, only with offsets in **UTF-16 code units**
//! (JavaScript string indices), converted in [`crate::view`] like every other offset. JS can then
//! `text.slice(e.start, e.end)` on the string it passed in.
//!
//! ```js
//! import init, { annotate, annotate_with_progress, annotate_with_edits, export_files, import_json, info }
//!   from "./pkg/loupe.js";
//! await init();
//! const doc = annotate("Ana Lima flew to Lisbon on Thursday.");
//! const dated = annotate("She left yesterday.", "2016-03-03"); // reference date for "yesterday"
//! // The same document, with calls like {stage: "entities", done: 50000, total: 180000} on the way
//! // (stage: "text" | "entities" | "values" | "quotes" | "clusters"); the date is optional here too:
//! annotate_with_progress(longText, (p) => postMessage({ type: "progress", ...p }), "2016-03-03");
//! // doc = {
//! //   sentences:  [{start, end}],
//! //   paragraphs: [{start, end}],
//! //   entities:   [{start, end, label: "PER"|"ORG"|"LOC"|"MISC", text, cluster: number|null}],
//! //   values:     [{start, end, label: "DATE"|"TIME"|"MONEY"|"PERCENT"|"QUANTITY"|"CARDINAL"|"ORDINAL",
//! //                 text, value: {kind, value?, min?, max?, unit?, original?, iso?, relative?,
//! //                               approx?, bound?, modifier?}|null}],
//! //   quotes:     [{start, end, text, speaker: {start, end, text}|null,
//! //                 cue: {start, end, text}|null, cluster: number|null}],
//! //   clusters:   [{id, label, name, aliases: [string], mentions: [entity index], salience}],
//! // }
//! const edited = annotate_with_edits(text, [{kind: "set_label", start: 17, end: 23, text: "Lisbon", label: "ORG"}]);
//! // …optionally with a date and a progress callback: annotate_with_edits(text, edits, date, onProgress)
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
/// `date`, optional, is the article's date as `YYYY-MM-DD`: relative dates ("yesterday") are
/// resolved against it; without it, against the article's dateline if it has one. A `date`
/// that is not a real `YYYY-MM-DD` date is an error.
#[wasm_bindgen(unchecked_return_type = "DocumentView")]
pub fn annotate(text: &str, date: Option<String>) -> Result<JsValue, JsError> {
    let doc = crate::annotate_with(text, &options(date)?);
    to_js(&DocumentView::new(&doc, Unit::Utf16))
}

/// The options for an optional `YYYY-MM-DD` reference date ("" counts as none).
fn options(date: Option<String>) -> Result<crate::Options, JsError> {
    let reference_date = match date.as_deref() {
        None | Some("") => None,
        Some(d) => Some(crate::values::Date::parse(d).ok_or_else(|| {
            JsError::new(&format!("loupe: the date {d:?} is not a calendar date written YYYY-MM-DD"))
        })?),
    };
    Ok(crate::Options { reference_date })
}

/// Least time between two progress calls that are not a stage start, in milliseconds: often
/// enough for a smooth bar, rare enough that calling into JS costs nothing measurable.
const PROGRESS_EVERY_MS: f64 = 50.0;

/// Calls a JS progress function from the core's progress calls, at most every
/// [`PROGRESS_EVERY_MS`] within a stage, and keeps the first exception it throws.
struct Reporter<'a> {
    on_progress: Option<&'a js_sys::Function>,
    last: Option<(crate::Stage, f64)>,
    failed: Option<JsValue>,
}

impl<'a> Reporter<'a> {
    fn new(on_progress: Option<&'a js_sys::Function>) -> Self {
        Reporter { on_progress, last: None, failed: None }
    }

    fn report(&mut self, p: crate::Progress) {
        let Some(on_progress) = self.on_progress else { return };
        let now = js_sys::Date::now();
        let due = match self.last {
            Some((stage, at)) => stage != p.stage || p.done == p.total || now - at >= PROGRESS_EVERY_MS,
            None => true,
        };
        if !due || self.failed.is_some() {
            return;
        }
        self.last = Some((p.stage, now));
        match to_js(&p) {
            Ok(arg) => {
                if let Err(e) = on_progress.call1(&JsValue::NULL, &arg) {
                    self.failed = Some(e);
                }
            }
            Err(e) => self.failed = Some(e.into()),
        }
    }

    /// The first exception the callback threw, as the error to return once the work is done.
    fn finish(self) -> Result<(), JsError> {
        match self.failed {
            None => Ok(()),
            Some(e) => {
                let message = e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok()?.as_string());
                Err(JsError::new(&format!("loupe: the progress callback failed: {}", message.unwrap_or_default())))
            }
        }
    }
}

/// [`annotate`], calling `on_progress({stage, done, total})` while it works (see
/// [`crate::Progress`]): at every stage's start, then after entity blocks at most every ~50 ms,
/// and always at the end of tagging. An exception thrown by `on_progress` does not stop the run;
/// the first one is returned as the error once the document is done. `date` is as for
/// [`annotate`].
#[wasm_bindgen(unchecked_return_type = "DocumentView")]
pub fn annotate_with_progress(
    text: &str,
    on_progress: &js_sys::Function,
    date: Option<String>,
) -> Result<JsValue, JsError> {
    let options = options(date)?;
    let mut reporter = Reporter::new(Some(on_progress));
    let doc = crate::annotate_with_progress(text, &options, &mut |p| reporter.report(p));
    reporter.finish()?;
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
/// `[{index, reason, edit}]` for the ones that could not be applied. `date` is as for
/// [`annotate`]; `on_progress`, optional, is called as by [`annotate_with_progress`].
#[wasm_bindgen]
pub fn annotate_with_edits(
    text: &str,
    edits: JsValue,
    date: Option<String>,
    on_progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let options = options(date)?;
    let given = edits_of(edits)?;
    let mut reporter = Reporter::new(on_progress.as_ref());
    let (doc, _, report) =
        crate::view::annotate_with_edits_and_progress(text, &options, &given, Unit::Utf16, &mut |p| reporter.report(p));
    reporter.finish()?;
    let ReportView { applied, dropped } = report;
    to_js(&Edited { document: DocumentView::new(&doc, Unit::Utf16), applied, dropped })
}

/// Exports `text` with `edits` applied in `format` ("json", "quotes-csv", "entities-csv",
/// "values-csv", "brat", "conll", "html", "quotes-tsv"), files named after `name`: `[{name, content}]` (brat gives three
/// files, the others one). Offsets inside the files are Unicode code points. `date` is as for
/// [`annotate`].
#[wasm_bindgen]
pub fn export_files(
    text: &str,
    edits: JsValue,
    format: &str,
    name: &str,
    date: Option<String>,
) -> Result<JsValue, JsError> {
    let options = options(date)?;
    let format = crate::export::Format::parse(format).map_err(|e| JsError::new(&format!("loupe: {e}")))?;
    let given = edits_of(edits)?;
    let (doc, report, _) = crate::view::annotate_with_edits(text, &options, &given, Unit::Utf16);
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

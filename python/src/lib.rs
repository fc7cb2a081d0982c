//! The Python face of Loupe: `loupe.annotate(text)` and `loupe.annotate_many(texts, threads)`.
//!
//! Researchers with millions of articles work in Python (Dask, Spark, Ray), so the core must be
//! callable there without wrapping the CLI. Like the CLI and the WASM binding this is a thin
//! face: it calls [`loupe::annotate`] and returns the CLI's JSON document, built by
//! [`loupe::view`] with code-point offsets (Python `str` indices); there is no language logic or
//! offset arithmetic here.
//!
//! The document crosses into Python as JSON text parsed by `json.loads`: serializing in Rust
//! runs on the worker threads without the GIL, and measured faster than building the dicts
//! object by object (BENCHMARKS.md, "Python"). Python strings may hold lone surrogates, which
//! Rust strings cannot; they arrive as U+FFFD, one code point for one, so offsets still index
//! the caller's string (the CLI reads JSON escapes the same way).

use std::borrow::Cow;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use loupe::view::{DocumentView, Unit};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The document of `text` as JSON, exactly what `loupe annotate` prints.
fn document_json(text: &str) -> Result<String, String> {
    let view = DocumentView::new(&loupe::annotate(text), Unit::CodePoint);
    serde_json::to_string(&view).map_err(|e| format!("could not serialize the document: {e}"))
}

/// `json.loads(json)`.
fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// The text of a `str`, or a `TypeError` saying what `what` was instead.
fn text_of<'a>(obj: &'a Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<Cow<'a, str>> {
    match obj.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(t) => Ok(t),
            // Lone surrogates: through UTF-16 each becomes one U+FFFD (`to_string_lossy` would
            // make three of one, from its three UTF-8 bytes, and shift every offset after it).
            Err(_) => {
                let bytes = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
                let bytes = bytes.cast::<PyBytes>()?.as_bytes();
                let units: Vec<u16> = bytes.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]])).collect();
                Ok(Cow::Owned(String::from_utf16_lossy(&units)))
            }
        },
        Err(_) => {
            let ty = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
            Err(PyTypeError::new_err(format!("{}: expected str, got {ty}", what())))
        }
    }
}

/// Annotates one text and returns the document as a dict: `sentences`, `paragraphs`,
/// `entities`, `quotes` and `clusters`, with offsets in code points (`text[start:end]`).
/// The GIL is released while the text is annotated.
#[pyfunction]
fn annotate(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let text = text_of(text, &|| "loupe.annotate: text".to_string())?.into_owned();
    let json = py.detach(move || document_json(&text)).map_err(PyValueError::new_err)?;
    Ok(loads(py, &json)?.unbind())
}

/// Annotates every text of an iterable and returns the list of documents in input order. The
/// GIL is released while `threads` worker threads (default: every core) annotate.
#[pyfunction]
#[pyo3(signature = (texts, threads = None))]
fn annotate_many(py: Python<'_>, texts: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Py<PyAny>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "loupe.annotate_many: texts must be an iterable of str, not one str (use loupe.annotate)",
        ));
    }
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("loupe.annotate_many: threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    let mut owned = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        owned.push(text_of(&item?, &|| format!("loupe.annotate_many: item {i}"))?.into_owned());
    }
    let array = py.detach(move || annotate_parallel(&owned, threads)).map_err(PyValueError::new_err)?;
    Ok(loads(py, &array)?.unbind())
}

/// The documents of `texts` as one JSON array, in input order, computed by up to `threads`
/// scoped threads that take the next text as they finish one (articles vary in length).
fn annotate_parallel(texts: &[String], threads: usize) -> Result<String, String> {
    let next = AtomicUsize::new(0);
    let docs: Mutex<Vec<Option<Result<String, String>>>> = Mutex::new(vec![None; texts.len()]);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(text) = texts.get(i) else { break };
        let doc = document_json(text);
        docs.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(doc);
    };
    std::thread::scope(|s| {
        for _ in 1..threads.min(texts.len()) {
            s.spawn(work);
        }
        work();
    });
    let docs = docs.into_inner().unwrap_or_else(|e| e.into_inner());
    let mut array = String::with_capacity(2 + docs.iter().flatten().flatten().map(|d| d.len() + 1).sum::<usize>());
    array.push('[');
    for (i, doc) in docs.into_iter().enumerate() {
        let doc = doc.ok_or_else(|| format!("loupe.annotate_many: item {i} was not annotated"))??;
        if i > 0 {
            array.push(',');
        }
        array.push_str(&doc);
    }
    array.push(']');
    Ok(array)
}

/// The native module behind the `loupe` package (`python/loupe/__init__.py` re-exports it).
#[pymodule]
fn _loupe(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(annotate, m)?)?;
    m.add_function(wrap_pyfunction!(annotate_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

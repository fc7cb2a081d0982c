//! `loupe annotate`: text → JSON document(s) with code-point offsets.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::{lines, read_input, utf8, Outcome};
use loupe::view::{DocumentView, Unit};

/// A document line of `--jsonl` output: the input's id first, then the document.
#[derive(Serialize)]
struct WithId<'a> {
    id: &'a Value,
    #[serde(flatten)]
    doc: DocumentView,
}

/// The line written for an input line that could not be processed.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: String,
}

pub fn run(file: Option<&Path>, jsonl: bool, pretty: bool) -> Result<Outcome, String> {
    let bytes = read_input(file)?;
    let name = file.map_or("stdin".to_string(), |p| p.display().to_string());
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let write_err = |e: io::Error| format!("cannot write output: {e}");
    if !jsonl {
        let text = utf8(&bytes, &name)?;
        let view = DocumentView::new(&loupe::annotate(text), Unit::CodePoint);
        let json = if pretty { serde_json::to_string_pretty(&view) } else { serde_json::to_string(&view) };
        writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(write_err)?;
        return Ok(Outcome::AllGood);
    }
    let mut failed = 0;
    for (n, line) in lines(&bytes) {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let json = match parse_line(line) {
            Ok((id, text)) => {
                let doc = DocumentView::new(&loupe::annotate(&text), Unit::CodePoint);
                serde_json::to_string(&WithId { id: &id, doc })
            }
            Err((id, msg)) => {
                failed += 1;
                let error = format!("{name} line {n}: {msg}");
                eprintln!("loupe: {error}");
                serde_json::to_string(&Failed { id: &id, error })
            }
        };
        writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(write_err)?;
    }
    out.flush().map_err(write_err)?;
    Ok(if failed == 0 { Outcome::AllGood } else { Outcome::SomeFailed(failed) })
}

/// Parses one `{"id": ..., "text": ...}` line; on failure returns the id if it could be read.
/// (Also used by `export.rs` for `--jsonl --format`.)
pub(super) fn parse_line(line: &[u8]) -> Result<(Value, String), (Value, String)> {
    let line = std::str::from_utf8(line).map_err(|e| {
        (Value::Null, format!("invalid UTF-8 at byte {}; re-encode the input as UTF-8", e.valid_up_to() + 1))
    })?;
    let mut v: Value = serde_json::from_str(line)
        .or_else(|e| match lone_surrogates_replaced(line) {
            // Text cut out of UTF-16 (JavaScript, Python) can carry lone surrogates, which
            // JSON allows as escapes but Rust strings cannot hold: read them as U+FFFD, which
            // keeps every code-point offset where it was.
            Some(fixed) => serde_json::from_str(&fixed),
            None => Err(e),
        })
        .map_err(|e| (Value::Null, format!("invalid JSON ({e})")))?;
    let Some(obj) = v.as_object_mut() else {
        return Err((Value::Null, "expected a JSON object {\"id\": ..., \"text\": ...}".into()));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text") {
        Some(Value::String(t)) => Ok((id, t)),
        Some(_) => Err((id, "\"text\" must be a string".into())),
        None => Err((id, "missing \"text\" field".into())),
    }
}

/// `line` with every `\uD800`–`\uDFFF` escape that is not part of a surrogate pair replaced by
/// `\uFFFD`; `None` when there is none.
fn lone_surrogates_replaced(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let hex = |i: usize| -> Option<u16> {
        let h = line.get(i..i + 4)?;
        u16::from_str_radix(h, 16).ok()
    };
    let mut out = String::with_capacity(line.len());
    let (mut i, mut last, mut changed) = (0, 0, false);
    while i + 1 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b[i + 1] != b'u' {
            i += 2; // any other escape, including an escaped backslash
            continue;
        }
        let Some(u) = hex(i + 2) else {
            i += 2;
            continue;
        };
        let paired_high = (0xD800..0xDC00).contains(&u)
            && b.get(i + 6) == Some(&b'\\')
            && b.get(i + 7) == Some(&b'u')
            && hex(i + 8).is_some_and(|l| (0xDC00..0xE000).contains(&l));
        if paired_high {
            i += 12;
        } else if (0xD800..0xE000).contains(&u) {
            out.push_str(&line[last..i]);
            out.push_str("\\uFFFD");
            i += 6;
            last = i;
            changed = true;
        } else {
            i += 6;
        }
    }
    changed.then(|| {
        out.push_str(&line[last..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement_chars() {
        let (_, t) = parse_line(br#"{"id":1,"text":"a \ud800 b \ud83d\ude00 \\ud800 \udc00"}"#).unwrap();
        assert_eq!(t, "a \u{fffd} b \u{1f600} \\ud800 \u{fffd}");
    }

    #[test]
    fn errors_keep_the_id_when_it_was_read() {
        let (id, msg) = parse_line(br#"{"id":"a7","txt":"x"}"#).unwrap_err();
        assert_eq!(id, Value::from("a7"));
        assert!(msg.contains("missing \"text\""));
    }
}

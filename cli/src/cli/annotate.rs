//! `loupe annotate`: text → JSON document(s) with code-point offsets.
//!
//! One text is one document. JSON lines (`--jsonl`) go through a bounded pipeline so a batch
//! uses every core and an endless stdin streams: a reader thread splits lines, worker threads
//! annotate and serialize them, and this thread writes the results in input order. At most
//! `window` documents are anywhere in between (queued, being annotated, or waiting for an
//! earlier one to be written), so memory stays bounded whatever the input's length, and the
//! output is byte-identical for any number of threads.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use serde::Serialize;
use serde_json::Value;

use super::{read_input, utf8, Outcome};
use loupe::export::{self, Format};
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

/// How `loupe annotate` runs.
pub struct Options<'a> {
    /// The text or JSON-lines file; stdin for `None` or "-".
    pub file: Option<&'a Path>,
    /// Read `{"id","text"}` lines and write one document line each.
    pub jsonl: bool,
    /// Indent the JSON (one document only).
    pub pretty: bool,
    /// Worker threads for `--jsonl`; 0 = one per available core.
    pub threads: usize,
    /// No progress bar or summary on stderr (errors are still reported).
    pub quiet: bool,
    /// The article date relative dates are resolved against (`--date`); in `--jsonl` a line's
    /// own `"date"` field takes precedence.
    pub date: Option<loupe::values::Date>,
    /// With `--jsonl`: write each document as this export (`json` or `conll`, see
    /// `loupe::export`) instead of the document line; a failed line is reported on stderr only.
    pub export: Option<Format>,
}

/// Documents in flight per worker thread: enough to keep every worker busy while the writer
/// waits for a slow document, small enough that memory is a few dozen documents.
const WINDOW_PER_THREAD: usize = 8;

/// More workers than this only cost memory: `--threads` is capped here.
const MAX_THREADS: usize = 256;

/// Runs `loupe annotate`: one document for a text, or the `--jsonl` pipeline. A bad JSON line
/// is an [`Outcome::SomeFailed`]; unreadable input or unwritable output is an `Err`.
pub fn run(opts: &Options) -> Result<Outcome, String> {
    let name = opts.file.map_or("stdin".to_string(), |p| p.display().to_string());
    if opts.jsonl {
        return run_jsonl(opts, name);
    }
    let bytes = read_input(opts.file)?;
    let text = utf8(&bytes, &name)?;
    let view =
        DocumentView::new(&loupe::annotate_with(text, &loupe::Options { reference_date: opts.date }), Unit::CodePoint);
    let json = if opts.pretty { serde_json::to_string_pretty(&view) } else { serde_json::to_string(&view) };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(super::write_error)?;
    Ok(Outcome::AllGood)
}

/// One non-blank input line, numbered from 1 among all lines, in reading order `seq`.
struct Job {
    seq: u64,
    line_no: usize,
    bytes: Vec<u8>,
}

/// What a worker made of one line: the output line (with its `\n`), the error to report on
/// stderr if the line failed, and the words of its text (for the progress bar).
struct Done {
    seq: u64,
    line: Vec<u8>,
    error: Option<String>,
    words: u64,
}

fn run_jsonl(opts: &Options, name: String) -> Result<Outcome, String> {
    let input: Box<dyn Read + Send> = match opts.file {
        Some(p) if p.as_os_str() != "-" => {
            Box::new(std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?)
        }
        _ => Box::new(io::stdin()),
    };
    let threads = match opts.threads {
        0 => thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(MAX_THREADS);
    let window = threads * WINDOW_PER_THREAD;
    let progress = (!opts.quiet && io::stderr().is_terminal()).then(progress_bar);

    // Tickets bound the documents in flight: the reader takes one per line, the writer gives it
    // back once that line is written. Jobs and results need no bound of their own.
    let (ticket_tx, ticket_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("the receiver is alive");
    }
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let (done_tx, done_rx) = mpsc::channel::<Done>();

    let source = name.clone();
    // Not joined on a write error: it may be blocked reading a stdin that never ends.
    let reader = thread::Builder::new()
        .spawn(move || read_lines(input, &source, &ticket_rx, &job_tx))
        .map_err(|e| format!("cannot start the input reader thread ({e})"))?;
    let job_rx = Arc::new(Mutex::new(job_rx));
    let render = Render { count_words: progress.is_some(), date: opts.date, export: opts.export };
    for _ in 0..threads {
        let (job_rx, done_tx, name) = (Arc::clone(&job_rx), done_tx.clone(), name.clone());
        thread::Builder::new()
            .spawn(move || work(&job_rx, &done_tx, &name, render))
            .map_err(|e| format!("cannot start a worker thread ({e}); try fewer --threads"))?;
    }
    drop(done_tx);

    let written = write_in_order(&done_rx, &ticket_tx, progress.as_ref());
    if let Some(pb) = &progress {
        pb.finish();
    }
    let failed = written?;
    reader.join().map_err(|_| "the input reader stopped unexpectedly".to_string())??;
    Ok(if failed == 0 { Outcome::AllGood } else { Outcome::SomeFailed(failed) })
}

/// Splits `input` into lines (without `\n` / `\r\n`), numbered from 1, and queues the
/// non-blank ones, one ticket each. Stops early when the writer has gone (its error is the
/// one reported).
fn read_lines(
    input: Box<dyn Read + Send>,
    name: &str,
    tickets: &Receiver<()>,
    jobs: &mpsc::Sender<Job>,
) -> Result<(), String> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut seq = 0;
    for line_no in 1.. {
        let mut bytes = Vec::new();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(format!("cannot read {name} at line {line_no}: {e}")),
        }
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if tickets.recv().is_err() || jobs.send(Job { seq, line_no, bytes }).is_err() {
            return Ok(());
        }
        seq += 1;
    }
    Ok(())
}

/// What a worker writes for a line, the same for every line.
#[derive(Clone, Copy)]
struct Render {
    /// Count the words of each text (for the progress bar).
    count_words: bool,
    /// `--date`.
    date: Option<loupe::values::Date>,
    /// The export written instead of the document, if any.
    export: Option<Format>,
}

/// A worker: annotates jobs until there are none left or the writer has gone.
fn work(jobs: &Mutex<Receiver<Job>>, done: &mpsc::Sender<Done>, name: &str, render: Render) {
    loop {
        // The lock is held only while waiting for the next job, never while annotating.
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let result = catch_unwind(AssertUnwindSafe(|| annotate_line(&job, name, render))).unwrap_or_else(|_| {
            failed_line(
                &Value::Null,
                format!("{name} line {}: internal error; please report this input", job.line_no),
                0,
                render,
            )
        });
        if done.send(Done { seq: job.seq, ..result }).is_err() {
            return;
        }
    }
}

/// The output for one input line.
fn annotate_line(job: &Job, name: &str, render: Render) -> Done {
    match parse_line(&job.bytes) {
        Ok((id, text, line_date)) => {
            let words = if render.count_words { text.split_whitespace().count() as u64 } else { 0 };
            let options = loupe::Options { reference_date: line_date.or(render.date) };
            if let Some(format) = render.export {
                let (doc, report) = loupe::annotate_with_edits(&text, &options, &[]);
                let line = match format {
                    Format::Conll => export::conll::documents([&doc]),
                    _ => export::json::export(&doc, &report.applied),
                };
                return Done { seq: 0, line: line.into_bytes(), error: None, words };
            }
            let doc = DocumentView::new(&loupe::annotate_with(&text, &options), Unit::CodePoint);
            let mut line = Vec::with_capacity(text.len() * 2);
            match serde_json::to_writer(&mut line, &WithId { id: &id, doc }) {
                Ok(()) => {
                    line.push(b'\n');
                    Done { seq: 0, line, error: None, words }
                }
                Err(e) => {
                    failed_line(&id, format!("{name} line {}: cannot write JSON ({e})", job.line_no), words, render)
                }
            }
        }
        Err((id, msg)) => failed_line(&id, format!("{name} line {}: {msg}", job.line_no), 0, render),
    }
}

/// A line that failed: an `{"id", "error"}` line among documents; nothing among exports (a
/// JSON error line has no place in CoNLL), the error going to stderr either way.
fn failed_line(id: &Value, error: String, words: u64, render: Render) -> Done {
    let mut line = Vec::new();
    if render.export.is_none() {
        line = serde_json::to_vec(&Failed { id, error: error.clone() }).unwrap_or_default();
        line.push(b'\n');
    }
    Done { seq: 0, line, error: Some(error), words }
}

/// Writes results in input order, returning each ticket as its line goes out; flushes whenever
/// no result is ready, so a slow stream sees its documents as soon as they are done. Returns
/// the number of failed lines.
fn write_in_order(
    done: &Receiver<Done>,
    tickets: &SyncSender<()>,
    progress: Option<&ProgressBar>,
) -> Result<usize, String> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut next, mut failed, mut docs) = (0u64, 0usize, 0u64);
    loop {
        let d = match done.try_recv() {
            Ok(d) => d,
            Err(TryRecvError::Empty) => {
                out.flush().map_err(super::write_error)?;
                match done.recv() {
                    Ok(d) => d,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            if let Some(error) = &d.error {
                failed += 1;
                match progress {
                    Some(pb) => pb.suspend(|| eprintln!("loupe: {error}")),
                    None => eprintln!("loupe: {error}"),
                }
            }
            out.write_all(&d.line).map_err(super::write_error)?;
            // The reader may have finished; then nobody needs the ticket.
            let _ = tickets.try_send(());
            next += 1;
            docs += 1;
            if let Some(pb) = progress {
                pb.inc(d.words);
                pb.set_message(format!("{docs} documents"));
            }
        }
    }
    out.flush().map_err(super::write_error)?;
    if !pending.is_empty() {
        return Err("internal error: a document was lost between the workers and the writer".into());
    }
    Ok(failed)
}

/// The stderr progress display: documents done, words and words per second.
fn progress_bar() -> ProgressBar {
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg}, {human_pos} words, {words_per_sec} words/s, {elapsed}")
            .expect("a valid template")
            .with_key("words_per_sec", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}", HumanCount(s.per_sec() as u64));
            }),
    );
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

/// A line's id, text and optional `"date"` (YYYY-MM-DD, the article's date).
pub(super) type Line = (Value, String, Option<loupe::values::Date>);

/// Parses one `{"id": ..., "text": ..., "date"?: ...}` line; on failure returns the id if it
/// could be read. (Also used by `export.rs` for `--jsonl --format`.)
pub(super) fn parse_line(line: &[u8]) -> Result<Line, (Value, String)> {
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
    let date = match obj.remove("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) => match loupe::values::Date::parse(&d) {
            Some(date) => Some(date),
            None => return Err((id, format!("\"date\" {d:?} is not a calendar date written YYYY-MM-DD"))),
        },
        Some(_) => return Err((id, "\"date\" must be a string YYYY-MM-DD".into())),
    };
    match obj.remove("text") {
        Some(Value::String(t)) => Ok((id, t, date)),
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
        let (_, t, _) = parse_line(br#"{"id":1,"text":"a \ud800 b \ud83d\ude00 \\ud800 \udc00"}"#).unwrap();
        assert_eq!(t, "a \u{fffd} b \u{1f600} \\ud800 \u{fffd}");
    }

    #[test]
    fn errors_keep_the_id_when_it_was_read() {
        let (id, msg) = parse_line(br#"{"id":"a7","txt":"x"}"#).unwrap_err();
        assert_eq!(id, Value::from("a7"));
        assert!(msg.contains("missing \"text\""));
    }
}

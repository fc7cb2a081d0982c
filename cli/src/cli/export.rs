//! `loupe annotate --edits FILE` and `--format F`: corrections and exports on the command line.
//!
//! Why a file of its own: the edits and export logic lives in the core (`loupe::edits`,
//! `loupe::export`); this face only reads the edit file (a JSON array of edit records, offsets
//! in code points), reports dropped edits on stderr and writes what the core returns — to
//! stdout, or into `--out DIR` (required for brat, which is three files). Kept apart from
//! `annotate.rs` so plain annotation stays as it is.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::{read_input, utf8, Outcome};
use loupe::edits::Edit;
use loupe::export::{self, Format};
use loupe::view::{DocumentView, ReportView, Unit};

/// What `--edits` without `--format` prints: the document, then the edits as applied and the
/// dropped ones.
#[derive(Serialize)]
struct Edited {
    #[serde(flatten)]
    doc: DocumentView,
    #[serde(flatten)]
    report: ReportView,
}

/// Options of `annotate` that this module handles.
pub struct Options<'a> {
    pub file: Option<&'a Path>,
    pub jsonl: bool,
    pub pretty: bool,
    pub edits: Option<&'a Path>,
    pub format: Option<&'a str>,
    pub out: Option<&'a Path>,
    /// `--date`: the reference date for relative dates (a `--jsonl` line's own wins).
    pub date: Option<loupe::values::Date>,
    /// `--threads` and `--quiet`, for `--jsonl`.
    pub threads: usize,
    pub quiet: bool,
}

/// Whether `annotate` needs this module.
pub fn wanted(o: &Options) -> bool {
    o.edits.is_some() || o.format.is_some() || o.out.is_some()
}

pub fn run(o: &Options) -> Result<Outcome, String> {
    let format = o.format.map(Format::parse).transpose()?;
    if o.jsonl {
        return run_jsonl(o, format);
    }
    let bytes = read_input(o.file)?;
    let name = o.file.map_or("stdin".to_string(), |p| p.display().to_string());
    let text = utf8(&bytes, &name)?;
    let given = match o.edits {
        Some(p) => read_edits(p)?,
        None => Vec::new(),
    };
    let (doc, report, view) =
        loupe::view::annotate_with_edits(text, &loupe::Options { reference_date: o.date }, &given, Unit::CodePoint);
    for d in &view.dropped {
        eprintln!("loupe: edit {} ({}) dropped: {}", d.index, d.edit.kind(), d.reason);
    }
    let Some(format) = format else {
        let out = Edited { doc: DocumentView::new(&doc, Unit::CodePoint), report: view };
        let json = if o.pretty { serde_json::to_string_pretty(&out) } else { serde_json::to_string(&out) };
        return write_stdout(&(json.map_err(|e| e.to_string())? + "\n"));
    };
    let stem = o.file.and_then(|p| p.file_stem()).map_or("document".into(), |s| s.to_string_lossy().into_owned());
    let files = export::export(&doc, &report.applied, format, &stem);
    match o.out {
        Some(dir) => write_files(dir, &files, o.file),
        None if files.len() == 1 => write_stdout(&files[0].content),
        None => Err(format!(
            "--format {} writes {} files ({}); give --out DIR",
            format.name(),
            files.len(),
            files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// `--jsonl` with `--format json` (one export per line) or `conll` (documents after
/// `-DOCSTART-` lines); bad lines are reported and skipped, as plain `--jsonl` does.
fn run_jsonl(o: &Options, format: Option<Format>) -> Result<Outcome, String> {
    if o.edits.is_some() || o.out.is_some() {
        return Err("--edits and --out take one document; leave out --jsonl".into());
    }
    let format = match format {
        Some(f @ (Format::Json | Format::Conll)) => f,
        Some(f) => return Err(format!("--format {} takes one document; with --jsonl use json or conll", f.name())),
        None => return Err("--jsonl with these options needs --format json or conll".into()),
    };
    // The same threaded, streaming pipeline as plain `--jsonl`, writing exports.
    super::annotate::run(&super::annotate::Options {
        file: o.file,
        jsonl: true,
        pretty: false,
        threads: o.threads,
        quiet: o.quiet,
        date: o.date,
        export: Some(format),
    })
}

/// Reads an edit file: a JSON array of edit records (code points), or a JSON export (`--format
/// json`), whose edit list is taken (and re-anchored on the text being annotated).
fn read_edits(path: &Path) -> Result<Vec<Edit>, String> {
    let bytes = read_input(Some(path))?;
    let what = path.display().to_string();
    let text = utf8(&bytes, &what)?;
    let bad = |e: String| {
        format!(
            "{what}: not a valid edit list ({e}); expected a JSON array of records like {{\"kind\": \"set_label\", \
             \"start\": 0, \"end\": 6, \"text\": \"Jordan\", \"label\": \"LOC\"}} or a JSON export"
        )
    };
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let list = match value {
        serde_json::Value::Object(mut o) if o.contains_key("loupe_export") => o.remove("edits").unwrap_or_default(),
        v => v,
    };
    serde_json::from_value(list).map_err(|e| bad(e.to_string()))
}

fn write_stdout(s: &str) -> Result<Outcome, String> {
    io::stdout().lock().write_all(s.as_bytes()).map_err(super::write_error)?;
    Ok(Outcome::AllGood)
}

/// Writes the files into `dir` (created if missing), never over the input file.
fn write_files(dir: &Path, files: &[export::File], input: Option<&Path>) -> Result<Outcome, String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let input = input.and_then(|p| fs::canonicalize(p).ok());
    for f in files {
        let path = dir.join(&f.name);
        if input.is_some() && fs::canonicalize(&path).ok() == input {
            return Err(format!("{} is the input file; give another --out DIR", path.display()));
        }
        fs::write(&path, &f.content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("loupe: wrote {}", path.display());
    }
    Ok(Outcome::AllGood)
}

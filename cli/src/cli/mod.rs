//! Subcommands of the `loupe` binary and the input helpers they share.

pub mod annotate;
pub mod conll;
pub mod eval;
pub mod export;
pub mod modern;
pub mod perturb;

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// How a run went when it did not fail outright.
pub enum Outcome {
    AllGood,
    /// The run finished, but this many inputs (lines, documents) could not be processed.
    SomeFailed(usize),
}

/// The error for a failed write to the output. When the reader went away (`loupe … | head`),
/// the rest of the output is not wanted: the process ends at once with success, quietly, as
/// Unix filters do, instead of reporting "Broken pipe".
pub fn write_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write output: {e}")
}

/// Reads all bytes of `path`, or of stdin for `None` / "-". The error names the file.
pub fn read_input(path: Option<&Path>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match path {
        None => read_stdin(&mut buf),
        Some(p) if p.as_os_str() == "-" => read_stdin(&mut buf),
        Some(p) => File::open(p)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map(|_| ())
            .map_err(|e| format!("cannot read {}: {e}", p.display())),
    }?;
    Ok(buf)
}

fn read_stdin(buf: &mut Vec<u8>) -> Result<(), String> {
    io::stdin().lock().read_to_end(buf).map(|_| ()).map_err(|e| format!("cannot read stdin: {e}"))
}

/// Decodes UTF-8, or says where it is broken: "line 3, byte 17: invalid UTF-8".
pub fn utf8<'b>(bytes: &'b [u8], what: &str) -> Result<&'b str, String> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        let col = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        format!("{what}: line {line}, byte {col}: invalid UTF-8; re-save the file as UTF-8")
    })
}

/// Splits bytes into lines (without their `\n` / `\r\n`), numbered from 1.
///
/// Bytes, not text: JSON-lines input is split before it is decoded, so one line of invalid
/// UTF-8 is reported with its number and the batch goes on. (The text layer's lines are those
/// of decoded article text; CoNLL files are read by `loupe::conll`.)
pub fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let empty = bytes.is_empty();
    body.split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(move |_| !empty)
}

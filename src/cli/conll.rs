//! `loupe tag-conll`: CoNLL columns in, the same lines with a predicted tag appended out.
//!
//! Only the first column (the word) is read, so nothing can lean on gold POS, chunk or NER
//! columns. Documents (between `-DOCSTART-` lines) are tagged whole, because the model uses
//! document-level context.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{lines, read_input, utf8, Outcome};

/// One input line: either a word line (kept verbatim, tag appended) or a separator.
enum Line<'a> {
    Word { raw: &'a str, word: &'a str },
    /// Blank line: ends a sentence.
    Blank(&'a str),
    /// `-DOCSTART-`: ends a document.
    DocStart(&'a str),
}

fn classify(raw: &str) -> Line<'_> {
    match raw.split_whitespace().next() {
        None => Line::Blank(raw),
        Some("-DOCSTART-") => Line::DocStart(raw),
        Some(word) => Line::Word { raw, word },
    }
}

/// Tags a whole column file and returns the output text.
pub fn tag_text(text: &str) -> String {
    let parsed: Vec<Line> = lines(text.as_bytes())
        .map(|(_, l)| classify(std::str::from_utf8(l).unwrap_or("")))
        .collect();
    let mut out = String::with_capacity(text.len() + parsed.len() * 7);
    let model = loupe::ner::Model::shipped();
    let mut i = 0;
    while i < parsed.len() {
        // A document: lines up to (not including) the next -DOCSTART-.
        let end = (i + 1..parsed.len()).find(|&j| matches!(parsed[j], Line::DocStart(_))).unwrap_or(parsed.len());
        let doc = &parsed[i..end];
        let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
        for l in doc {
            match l {
                Line::Word { word, .. } => sentences.last_mut().unwrap().push(word),
                _ if !sentences.last().unwrap().is_empty() => sentences.push(Vec::new()),
                _ => {}
            }
        }
        sentences.retain(|s| !s.is_empty());
        let tags = model.tag_document(&sentences);
        let mut tag_iter = tags.iter().flatten();
        for l in doc {
            match l {
                Line::Word { raw, .. } => {
                    let tag = tag_iter.next().copied().unwrap_or("O");
                    out.push_str(raw.trim_end());
                    out.push(' ');
                    out.push_str(tag);
                }
                Line::Blank(raw) | Line::DocStart(raw) => out.push_str(raw),
            }
            out.push('\n');
        }
        i = end;
    }
    out
}

pub fn run(file: Option<&Path>) -> Result<Outcome, String> {
    let bytes = read_input(file)?;
    let name = file.map_or("stdin".to_string(), |p| p.display().to_string());
    let text = utf8(&bytes, &name)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    out.write_all(tag_text(text).as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write output: {e}"))?;
    Ok(Outcome::AllGood)
}

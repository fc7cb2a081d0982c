//! `loupe tag-conll`: CoNLL columns in, the same lines with a predicted tag appended out.
//!
//! Only the first column (the word) is read, so nothing can lean on gold POS, chunk or NER
//! columns. Documents (between `-DOCSTART-` lines) are tagged whole, because the model uses
//! document-level context.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{read_input, utf8, Outcome};
use loupe::conll::{self, Line};

/// Tags a whole column file and returns the output text: every line as read, a word line with
/// its predicted tag appended.
pub fn tag_text(text: &str) -> String {
    let model = loupe::ner::Model::shipped();
    // Documents are tagged whole; their tags, in order, are those of the word lines in order.
    let mut tags = Vec::new();
    for doc in conll::documents(text) {
        let sentences: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(|r| r.word()).collect()).collect();
        tags.extend(model.tag_document(&sentences).into_iter().flatten());
    }
    let mut tags = tags.into_iter();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in conll::lines(text) {
        match line {
            Line::Word(row) => {
                out.push_str(row.raw.trim_end());
                out.push(' ');
                out.push_str(tags.next().unwrap_or("O"));
            }
            Line::Blank(raw) | Line::DocStart(raw) => out.push_str(raw),
        }
        out.push('\n');
    }
    out
}

/// `loupe tag-conll [FILE]`.
pub fn run(file: Option<&Path>) -> Result<Outcome, String> {
    let bytes = read_input(file)?;
    let name = file.map_or("stdin".to_string(), |p| p.display().to_string());
    let text = utf8(&bytes, &name)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    out.write_all(tag_text(text).as_bytes()).and_then(|_| out.flush()).map_err(super::write_error)?;
    Ok(Outcome::AllGood)
}

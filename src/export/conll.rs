//! CoNLL export: a token per line with its IOB2 tag, a blank line after each sentence.
//!
//! Why: CoNLL columns are what NER tools and `loupe tag-conll`/`loupe::conll` read, so a
//! corrected article becomes training or evaluation data. Two columns, `word TAG`; tokens
//! never hold white space, so the columns are unambiguous. The tag is an entity's
//! (`B-PER`…) or a value's (`B-DATE`, `I-MONEY`…, OntoNotes types): the two layers never
//! overlap (`Document::check`), so one column holds both, as in OntoNotes NER files. Readers
//! that know only PER/ORG/LOC/MISC (the trainer) take the value tags as `O`. Several documents are joined with a
//! `-DOCSTART-` line before each, as in CoNLL-2003.

use crate::doc::Document;

/// The header line that starts each document in multi-document output.
pub const DOCSTART: &str = "-DOCSTART- O\n\n";

/// The document's tokens, one per line, sentences separated by a blank line.
pub fn document(doc: &Document) -> String {
    let mut tags: Vec<String> = vec!["O".to_string(); doc.tokens.len()];
    let spans = doc.entities.iter().map(|e| (&e.tokens, e.label.as_str()));
    for (tokens, label) in spans.chain(doc.values.iter().map(|v| (&v.tokens, v.label.as_str()))) {
        for (k, i) in tokens.clone().enumerate() {
            if let Some(t) = tags.get_mut(i) {
                *t = format!("{}-{label}", if k == 0 { "B" } else { "I" });
            }
        }
    }
    let mut out = String::new();
    for s in &doc.sentences {
        for i in s.tokens.clone() {
            out.push_str(doc.token_text(i));
            out.push(' ');
            out.push_str(&tags[i]);
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Several documents, each after a `-DOCSTART-` line.
pub fn documents<'d>(docs: impl IntoIterator<Item = &'d Document>) -> String {
    docs.into_iter().map(|d| format!("{DOCSTART}{}", document(d))).collect()
}

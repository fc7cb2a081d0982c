//! The one reader of CoNLL column files (CoNLL-2003 `*.iob2`, `loupe tag-conll` output), used by
//! the CLI (`tag-conll`, `eval`) and by the trainer.
//!
//! Format: one token per line, columns separated by white space, the word first and the tag
//! last; a blank line ends a sentence; a `-DOCSTART-` line ends a document. Lines end in `\n`
//! or `\r\n`.
//!
//! ```
//! use loupe::conll;
//!
//! let text = "-DOCSTART- -X- O O\n\nAda NNP B-PER\nLovelace NNP I-PER\n\nIn IN O\n";
//! let docs = conll::documents(text);
//! assert_eq!(docs.len(), 1);
//! let words: Vec<Vec<&str>> = docs[0].iter().map(|s| s.iter().map(|r| r.word()).collect()).collect();
//! assert_eq!(words, [vec!["Ada", "Lovelace"], vec!["In"]]);
//! assert_eq!(docs[0][0][1].tag(), Some("I-PER"));
//! ```

/// One line of a column file.
#[derive(Clone, Debug, PartialEq)]
pub enum Line<'a> {
    /// A token line.
    Word(Row<'a>),
    /// A blank (or white-space-only) line, as read: it ends a sentence.
    Blank(&'a str),
    /// A `-DOCSTART-` line, as read: it ends a document.
    DocStart(&'a str),
}

/// A token line: the line as read (without its line end) and its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    /// The line without its `\n` / `\r\n`.
    pub raw: &'a str,
    /// White-space-separated columns; never empty.
    pub cols: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// The first column.
    pub fn word(&self) -> &'a str {
        self.cols[0]
    }

    /// The last column when there are at least two (the tag), else `None`.
    pub fn tag(&self) -> Option<&'a str> {
        (self.cols.len() >= 2).then(|| self.cols[self.cols.len() - 1])
    }

    /// The second-to-last column when there are at least three (the gold tag of a file with
    /// a predicted tag appended, as `loupe tag-conll` writes), else `None`.
    pub fn gold_before_tag(&self) -> Option<&'a str> {
        (self.cols.len() >= 3).then(|| self.cols[self.cols.len() - 2])
    }
}

/// A sentence: its token lines.
pub type Sentence<'a> = Vec<Row<'a>>;

/// A document: its sentences.
pub type Doc<'a> = Vec<Sentence<'a>>;

/// Every line of `text`, classified.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().map(|raw| {
        let cols: Vec<&str> = raw.split_whitespace().collect();
        match cols.first() {
            None => Line::Blank(raw),
            Some(&"-DOCSTART-") => Line::DocStart(raw),
            Some(_) => Line::Word(Row { raw, cols }),
        }
    })
}

/// The documents of `text`, each a list of sentences of token lines, in order. Empty sentences
/// and empty documents are dropped; every token line of `text` is in exactly one sentence.
pub fn documents(text: &str) -> Vec<Doc<'_>> {
    let mut docs: Vec<Doc> = vec![Vec::new()];
    let mut sentence: Sentence = Vec::new();
    for line in lines(text) {
        match line {
            Line::Word(row) => sentence.push(row),
            Line::Blank(_) | Line::DocStart(_) => {
                let doc = docs.last_mut().expect("at least one document");
                if !sentence.is_empty() {
                    doc.push(std::mem::take(&mut sentence));
                }
                if matches!(line, Line::DocStart(_)) && !doc.is_empty() {
                    docs.push(Vec::new());
                }
            }
        }
    }
    if !sentence.is_empty() {
        docs.last_mut().expect("at least one document").push(sentence);
    }
    docs.retain(|d| !d.is_empty());
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_sentences_and_columns() {
        let text = "-DOCSTART- -X- O O\r\n\r\nAda NNP B-PER\nwrote\n\n\n-DOCSTART-\n\n-DOCSTART-\nAcme NNP O B-ORG\n";
        let docs = documents(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 1);
        assert_eq!(docs[0][0][0], Row { raw: "Ada NNP B-PER", cols: vec!["Ada", "NNP", "B-PER"] });
        assert_eq!(docs[0][0][1].tag(), None);
        assert_eq!(docs[1][0][0].tag(), Some("B-ORG"));
        assert_eq!(docs[1][0][0].gold_before_tag(), Some("O"));
        assert_eq!(lines(text).count(), 10);
        assert!(documents("").is_empty() && documents("\n \n-DOCSTART-\n").is_empty());
    }
}

//! The words attribution reasons about, built from the text layer's tokens.
//!
//! Why not the tokens themselves: the tokenizer follows Penn Treebank conventions for the
//! entity model ("O’Brien’s" → "O’Brien" + "’s", "don't" → "do" + "n't", "$5" → "$" + "5"),
//! while a speaker or a cue is a word as a reader sees it. So adjacent tokens with no space
//! between them are merged back where they form one word: a word followed by a clitic or
//! another word part, `and/or`, `AT&T`-style joiners between word parts, and a `$`, `@` or `#`
//! prefix. Nothing is re-split: every boundary here is a token boundary, so attribution and
//! the rest of the pipeline agree on what a word, a quote mark and an abbreviation are.
//!
//! Each word also carries the paragraph it is in: attribution looks for cues and speakers
//! inside the quotation's paragraph, which in hard-wrapped text spans several lines.

use crate::doc::{Document, TokenKind};

/// What a word is, for attribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits, possibly with inner apostrophes, hyphens, periods (`O’Brien’s`,
    /// `U.S.`, `Sen.`, `1,200`).
    Word,
    /// A quotation mark or a possessive apostrophe standing alone.
    Mark,
    /// Any other punctuation or symbol.
    Punct,
}

/// One word: byte range, kind, paragraph, and its lowercase normal form in [`Words::lower`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Index of the paragraph in `doc.paragraphs`.
    pub para: usize,
    /// Index in `doc.tokens` of the word's last token.
    pub last: usize,
    lower: (u32, u32),
}

/// The words of a document and their lowercase forms.
#[derive(Debug, Default)]
pub struct Words {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Words {
    /// The lowercase normal form of word `i` ("O’Brien’s" → "o'brien's").
    pub fn lower(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lower;
        &self.lower[a as usize..b as usize]
    }
}

fn wordlike(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Word
            | TokenKind::Number
            | TokenKind::Handle
            | TokenKind::Hashtag
            | TokenKind::Url
            | TokenKind::Email
    )
}

/// Merges `doc.tokens` into words, one pass.
pub fn words(doc: &Document) -> Words {
    let toks = &doc.tokens;
    let text = doc.text.as_str();
    let mut out = Words { toks: Vec::with_capacity(toks.len()), lower: String::with_capacity(text.len() + 16) };
    let touching = |a: usize, b: usize| b < toks.len() && toks[a].span.end == toks[b].span.start;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let mut i = p.tokens.start;
        while i < p.tokens.end {
            let t = toks[i];
            let first = i;
            let s = t.span.of(text);
            let kind = if wordlike(t.kind) {
                Kind::Word
            } else if t.kind == TokenKind::Quote || s.chars().all(crate::text::chars::is_apostrophe) {
                Kind::Mark
            } else {
                Kind::Punct
            };
            let prefix = t.kind == TokenKind::Symbol && matches!(s, "$" | "@" | "#");
            if kind == Kind::Word || prefix {
                while i + 1 < p.tokens.end && touching(i, i + 1) {
                    let n = toks[i + 1];
                    if wordlike(n.kind) {
                        i += 1;
                    } else if i + 2 < p.tokens.end
                        && touching(i + 1, i + 2)
                        && wordlike(toks[i + 2].kind)
                        && wordlike(toks[i].kind)
                        && matches!(n.span.of(text), "/" | "&" | "-")
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
            }
            let a = out.lower.len() as u32;
            for k in first..=i {
                out.lower.push_str(doc.lower(k));
            }
            let kind = if i > first { Kind::Word } else { kind };
            out.toks.push(Tok {
                start: t.span.start,
                end: toks[i].span.end,
                kind,
                para: pi,
                last: i,
                lower: (a, out.lower.len() as u32),
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: &str) -> Vec<(String, Kind)> {
        let doc = crate::text::segment_text(t);
        let w = words(&doc);
        w.toks.iter().map(|k| (t[k.start..k.end].to_string(), k.kind)).collect()
    }

    #[test]
    fn words_as_a_reader_sees_them() {
        let got: Vec<String> = show("Sen. John O’Brien’s aide said: “No.” U.S. 1,200. and/or $5 AT&T don't")
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(
            got,
            [
                "Sen.", "John", "O’Brien’s", "aide", "said", ":", "“", "No", ".", "”", "U.S.", "1,200", ".", "and/or",
                "$5", "AT&T", "don't"
            ]
        );
    }

    #[test]
    fn possessive_apostrophe_is_a_mark() {
        let w = show("the Joneses’ car");
        assert_eq!(w[2], ("’".to_string(), Kind::Mark));
    }

    #[test]
    fn paragraphs_counted_and_lowercase_normalised() {
        let doc = crate::text::segment_text("A\n\nO’Brien");
        let w = words(&doc);
        assert_eq!(w.toks[1].para, 1);
        assert_eq!(w.lower(1), "o'brien");
    }
}

//! CSV exports: "who said what" (one row per quotation), the entity groups and the values.
//!
//! Why hand-written: RFC 4180 writing is a few lines (quote a field holding a comma, a quote or
//! a line break, double its quotes; CRLF line ends), not worth a dependency in the WASM bundle.
//! Offsets are Unicode code points; paragraphs are numbered from 1.
//!
//! "Who said what" also comes tab-separated ([`quotes_tsv`]): what spreadsheets split into
//! columns when it is pasted (the page's "Copy quotations table"; pasted CSV lands in one
//! column). Same rows and quoting rule, with a tab instead of the comma, as spreadsheets
//! themselves put cells on the clipboard.

use crate::doc::Document;
use crate::view::{OffsetMap, Unit};

/// Appends one RFC 4180 record.
fn record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    record_with(out, ',', fields);
}

/// Appends one record with fields separated by `sep`, quoted when they hold `sep`, a quote or
/// a line break.
fn record_with<S: AsRef<str>>(out: &mut String, sep: char, fields: &[S]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        let f = f.as_ref();
        if f.contains([sep, '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

/// One row per quotation: `quote, speaker, speaker_group, group_id, cue, paragraph, start,
/// end` (the speaker as written, the name of the group it was resolved to; empty when unknown).
pub fn quotes(doc: &Document) -> String {
    quotes_with(doc, ',')
}

/// [`quotes`] with tabs between the fields, for pasting into a spreadsheet.
pub fn quotes_tsv(doc: &Document) -> String {
    quotes_with(doc, '\t')
}

fn quotes_with(doc: &Document, sep: char) -> String {
    let map = OffsetMap::new(&doc.text, Unit::CodePoint);
    let mut out = String::new();
    record_with(&mut out, sep, &["quote", "speaker", "speaker_group", "group_id", "cue", "paragraph", "start", "end"]);
    for q in &doc.quotes {
        let text = |s: Option<crate::Span>| s.map_or(String::new(), |s| s.of(&doc.text).to_string());
        let group = q.cluster.and_then(|c| doc.clusters.get(c));
        let para = doc.paragraph_of(doc.token_at(q.span.start)).map_or(String::new(), |p| (p + 1).to_string());
        let (start, end) = map.span(q.span);
        record_with(
            &mut out,
            sep,
            &[
                q.span.of(&doc.text).to_string(),
                text(q.speaker),
                group.map_or(String::new(), |g| g.name.clone()),
                q.cluster.map_or(String::new(), |c| c.to_string()),
                text(q.cue),
                para,
                start.to_string(),
                end.to_string(),
            ],
        );
    }
    out
}

/// One row per entity group: `id, name, type, aliases, mentions, salience` (aliases joined
/// with "; ", mentions counted, salience to three decimals).
pub fn entities(doc: &Document) -> String {
    let mut out = String::new();
    record(&mut out, &["id", "name", "type", "aliases", "mentions", "salience"]);
    for (id, c) in doc.clusters.iter().enumerate() {
        record(
            &mut out,
            &[
                id.to_string(),
                c.name.clone(),
                c.label.as_str().to_string(),
                c.aliases.join("; "),
                c.mentions.len().to_string(),
                format!("{:.3}", c.salience),
            ],
        );
    }
    out
}

/// One row per value expression, in text order: `text, type, kind, value, min, max, unit, iso,
/// relative, approx, bound, modifier, paragraph, start, end`. `type` is the OntoNotes type
/// ("MONEY"), the rest the normalised value flattened (the JSON's field names; `approx` is
/// `true`/`false`; all empty when the text does not say enough). Numbers are written in Rust's
/// shortest round-trip form ("2000000000", "16093.44").
pub fn values(doc: &Document) -> String {
    let map = OffsetMap::new(&doc.text, Unit::CodePoint);
    let mut out = String::new();
    record(
        &mut out,
        &[
            "text", "type", "kind", "value", "min", "max", "unit", "iso", "relative", "approx", "bound", "modifier",
            "paragraph", "start", "end",
        ],
    );
    let num = |v: Option<f64>| v.map_or(String::new(), |v| v.to_string());
    let word = |v: Option<&str>| v.unwrap_or_default().to_string();
    for v in &doc.values {
        let para = doc.paragraph_of(doc.token_at(v.span.start)).map_or(String::new(), |p| (p + 1).to_string());
        let (start, end) = map.span(v.span);
        let mut row = vec![v.span.of(&doc.text).to_string(), v.label.as_str().to_string()];
        match &v.normal {
            Some(n) => row.extend([
                super::normal::kind_name(n.kind),
                num(n.value),
                num(n.min),
                num(n.max),
                word(n.unit),
                word(n.iso.as_deref()),
                word(n.relative.as_deref()),
                n.approx.to_string(),
                word(n.bound),
                word(n.modifier),
            ]),
            None => row.resize(12, String::new()),
        }
        row.extend([para, start.to_string(), end.to_string()]);
        record(&mut out, &row);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        super::record(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines"]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    #[test]
    fn tab_separated_fields_are_quoted_when_they_hold_a_tab_quote_or_line_break() {
        let mut out = String::new();
        super::record_with(&mut out, '\t', &["a,b", "tab\there", "say \"hi\"", "two\nlines", "plain"]);
        assert_eq!(out, "a,b\t\"tab\there\"\t\"say \"\"hi\"\"\"\t\"two\nlines\"\tplain\r\n");
    }
}

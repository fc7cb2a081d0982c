//! CSV exports: "who said what" (one row per quotation) and the entity groups.
//!
//! Why hand-written: RFC 4180 writing is a few lines (quote a field holding a comma, a quote or
//! a line break, double its quotes; CRLF line ends), not worth a dependency in the WASM bundle.
//! Offsets are Unicode code points; paragraphs are numbered from 1.

use crate::doc::Document;
use crate::view::{OffsetMap, Unit};

/// Appends one RFC 4180 record.
fn record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let f = f.as_ref();
        if f.contains([',', '"', '\n', '\r']) {
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
    let map = OffsetMap::new(&doc.text, Unit::CodePoint);
    let mut out = String::new();
    record(&mut out, &["quote", "speaker", "speaker_group", "group_id", "cue", "paragraph", "start", "end"]);
    for q in &doc.quotes {
        let text = |s: Option<crate::Span>| s.map_or(String::new(), |s| s.of(&doc.text).to_string());
        let group = q.cluster.and_then(|c| doc.clusters.get(c));
        let para = doc.paragraph_of(doc.token_at(q.span.start)).map_or(String::new(), |p| (p + 1).to_string());
        let (start, end) = map.span(q.span);
        record(
            &mut out,
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

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        super::record(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines"]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }
}

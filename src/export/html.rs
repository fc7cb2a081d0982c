//! A self-contained HTML report: the article as the page's reading view shows it (entities
//! highlighted in their type colours with their type label, values — dates, amounts, numbers —
//! underlined in a calmer dotted neutral line with their type and normalised value on hover,
//! quotations tinted and followed by who said them), then the entities by type, the values
//! ("Numbers & dates": text, type, normalised value) and the quotations with their speakers.
//!
//! Why: a reader shares or archives what they annotated without the app. The file must be safe
//! to open: inline CSS only, no script, every string from the article escaped (`&`, `<`, `>`,
//! `"`, `'`), and the same type colours as `www/style.css` (colour-blind-safe Okabe–Ito), with
//! the type written next to each highlight so colour is never the only cue.

use std::fmt::Write as _;

use super::normal;
use crate::doc::{Document, Label, Span, Value};

const STYLE: &str = "\
:root{--per:#e69f00;--org:#56b4e9;--loc:#009e73;--misc:#cc79a7;--quote:#d55e00;--tint:#f0e442;\
--bg:#fff;--fg:#1d1d1f;--muted:#5f6368;color-scheme:light dark}\
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e8e6e3;--muted:#a0a4ab}}\
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,sans-serif}\
main{max-width:46rem;margin:0 auto;padding:1.5rem}\
.reading{font-family:Georgia,'DejaVu Serif',serif;font-size:1.1rem;white-space:pre-wrap}\
.ent{--c:var(--misc);background:color-mix(in srgb,var(--c) 22%,transparent);\
border-bottom:2px solid var(--c);border-radius:2px;padding:0 .1em}\
.PER{--c:var(--per)}.ORG{--c:var(--org)}.LOC{--c:var(--loc)}.MISC{--c:var(--misc)}\
.lbl{font:600 .62rem/1 system-ui,sans-serif;margin-left:.2em;vertical-align:.3em;color:var(--muted)}\
.quote{background:color-mix(in srgb,var(--tint) 22%,transparent);box-shadow:inset 3px 0 0 var(--quote);padding-left:.3em}\
.who{margin-left:.3em;padding:0 .45em;border:1px solid var(--quote);border-radius:999px;\
font:600 .7rem/1.45 system-ui,sans-serif;white-space:nowrap}\
h2{margin-top:2rem;border-bottom:1px solid var(--muted)}\
.val{border-bottom:1.5px dotted var(--muted)}.val[title]{cursor:help}\
table.vals{border-collapse:collapse}.vals th,.vals td{text-align:left;padding:.15rem .8rem .15rem 0;vertical-align:top}\
.vals th{font-weight:600;color:var(--muted)}\
.muted{color:var(--muted)}li{margin:.3rem 0}";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report for `doc`; `title` names it (the article's file name, say).
pub fn report(doc: &Document, title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <title>Loupe: {}</title><style>{STYLE}</style></head>\n<body><main>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    out.push_str("<div class=\"reading\">");
    reading(doc, &mut out);
    out.push_str("</div>\n");
    entities(doc, &mut out);
    values(doc, &mut out);
    quotes(doc, &mut out);
    out.push_str("</main></body></html>\n");
    out
}

/// Who said quote `q`, for its label: the group's name, else the mention as written.
fn speaker(doc: &Document, q: usize) -> Option<String> {
    let q = &doc.quotes[q];
    q.cluster
        .and_then(|c| doc.clusters.get(c))
        .map(|c| c.name.clone())
        .or_else(|| q.speaker.map(|s| s.of(&doc.text).to_string()))
}

/// A highlight in the reading view: an entity (a coloured `mark`, its type label after it) or a
/// value (a dotted underline, its type and normalised value in the `title`, shown on hover).
struct Mark {
    span: Span,
    /// The opening tag, attributes escaped.
    open: String,
    /// The type label written where an entity ends; `None` for a value.
    label: Option<&'static str>,
}

/// Entities and values as highlights, in text order: both lists are sorted and the two layers
/// never overlap, so a merge (linear; a sort here cost 5 KB of WASM) orders them.
fn marks(doc: &Document) -> Vec<Mark> {
    let entity = |e: &crate::doc::Entity| Mark {
        span: e.span,
        open: format!("<mark class=\"ent {}\">", e.label.as_str()),
        label: Some(e.label.as_str()),
    };
    let value = |v: &Value| Mark {
        span: v.span,
        open: format!("<span class=\"val\" title=\"{}\">", escape(&value_title(v))),
        label: None,
    };
    let mut marks = Vec::with_capacity(doc.entities.len() + doc.values.len());
    let (mut es, mut vs) = (doc.entities.iter().peekable(), doc.values.iter().peekable());
    loop {
        let mark = match (es.peek(), vs.peek()) {
            (Some(e), Some(v)) if e.span.start <= v.span.start => es.next().map(entity),
            (_, Some(_)) => vs.next().map(value),
            (Some(_), None) => es.next().map(entity),
            (None, None) => break,
        };
        marks.extend(mark);
    }
    marks
}

/// "MONEY: 1200 USD" — a value's type and, when known, its normalised value.
fn value_title(v: &Value) -> String {
    let note = v.normal.as_ref().map(normal::describe).unwrap_or_default();
    if note.is_empty() {
        v.label.as_str().to_string()
    } else {
        format!("{}: {note}", v.label.as_str())
    }
}

/// The text with entity, value and quotation markup; a highlight crossing a quotation's edge
/// is closed and reopened there so the elements nest. One pass over the sorted boundaries.
fn reading(doc: &Document, out: &mut String) {
    let (ents, quotes) = (&marks(doc), &doc.quotes);
    let mut points: Vec<usize> = vec![0, doc.text.len()];
    points.extend(ents.iter().flat_map(|e| [e.span.start, e.span.end]));
    points.extend(quotes.iter().flat_map(|q| [q.span.start, q.span.end]));
    points.sort_unstable();
    points.dedup();
    let (mut ei, mut qi) = (0, 0);
    let (mut open_e, mut open_q): (Option<usize>, Option<usize>) = (None, None);
    // An entity's type label goes once, where it ends.
    let close_e = |out: &mut String, e: usize, at: usize| match ents[e].label {
        Some(label) => {
            if at >= ents[e].span.end {
                let _ = write!(out, "<span class=\"lbl\">{label}</span>");
            }
            out.push_str("</mark>");
        }
        None => out.push_str("</span>"),
    };
    let close_q = |out: &mut String, q: usize| {
        out.push_str("</span>");
        let who = speaker(doc, q).map_or("unknown speaker".to_string(), |s| escape(&s));
        let _ = write!(out, "<span class=\"who\">{who}</span>");
    };
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        while ei < ents.len() && ents[ei].span.end <= a {
            ei += 1;
        }
        while qi < quotes.len() && quotes[qi].span.end <= a {
            qi += 1;
        }
        let e_now = (ei < ents.len() && ents[ei].span.start <= a).then_some(ei);
        let q_now = (qi < quotes.len() && quotes[qi].span.start <= a).then_some(qi);
        if let Some(e) = open_e.filter(|&e| Some(e) != e_now || open_q != q_now) {
            close_e(out, e, a);
            open_e = None;
        }
        if open_q != q_now {
            if let Some(q) = open_q {
                close_q(out, q);
            }
            if q_now.is_some() {
                out.push_str("<span class=\"quote\">");
            }
            open_q = q_now;
        }
        if let (None, Some(e)) = (open_e, e_now) {
            out.push_str(&ents[e].open);
            open_e = Some(e);
        }
        out.push_str(&escape(&doc.text[a..b]));
    }
    if let Some(e) = open_e {
        close_e(out, e, doc.text.len());
    }
    if let Some(q) = open_q {
        close_q(out, q);
    }
}

fn entities(doc: &Document, out: &mut String) {
    out.push_str("<h2>Entities</h2>\n");
    if doc.clusters.is_empty() {
        out.push_str("<p class=\"muted\">None found.</p>\n");
    }
    for label in Label::ALL {
        let mut groups: Vec<usize> = (0..doc.clusters.len()).filter(|&c| doc.clusters[c].label == label).collect();
        if groups.is_empty() {
            continue;
        }
        groups.sort_by(|&a, &b| doc.clusters[b].salience.total_cmp(&doc.clusters[a].salience).then(a.cmp(&b)));
        let _ = write!(out, "<h3>{}</h3>\n<ul>\n", label.as_str());
        for c in groups {
            let g = &doc.clusters[c];
            let _ = write!(out, "<li><mark class=\"ent {}\">{}</mark>", label.as_str(), escape(&g.name));
            if !g.aliases.is_empty() {
                let _ = write!(out, " <span class=\"muted\">also {}</span>", escape(&g.aliases.join(", ")));
            }
            let n = g.mentions.len();
            let _ = writeln!(
                out,
                " <span class=\"muted\">· {n} mention{} · salience {:.2}</span></li>",
                if n == 1 { "" } else { "s" },
                g.salience
            );
        }
        out.push_str("</ul>\n");
    }
}

/// The values in text order: text, type, normalised value.
fn values(doc: &Document, out: &mut String) {
    out.push_str("<h2>Numbers &amp; dates</h2>\n");
    if doc.values.is_empty() {
        out.push_str("<p class=\"muted\">None found.</p>\n");
        return;
    }
    out.push_str("<table class=\"vals\">\n<tr><th>text</th><th>type</th><th>value</th></tr>\n");
    for v in &doc.values {
        let note = v.normal.as_ref().map(normal::describe).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><td><span class=\"val\">{}</span></td><td>{}</td><td>{}</td></tr>",
            escape(v.span.of(&doc.text)),
            v.label.as_str(),
            if note.is_empty() { "<span class=\"muted\">—</span>".to_string() } else { escape(&note) }
        );
    }
    out.push_str("</table>\n");
}

fn quotes(doc: &Document, out: &mut String) {
    out.push_str("<h2>Quotations</h2>\n");
    if doc.quotes.is_empty() {
        out.push_str("<p class=\"muted\">None found.</p>\n");
        return;
    }
    out.push_str("<ol>\n");
    for (k, q) in doc.quotes.iter().enumerate() {
        let who = speaker(doc, k).map_or("unknown speaker".to_string(), |s| escape(&s));
        let _ =
            write!(out, "<li><span class=\"quote\">{}</span> — <strong>{who}</strong>", escape(q.span.of(&doc.text)));
        if let Some(s) = q.speaker.filter(|_| q.cluster.is_some()) {
            let _ = write!(out, " <span class=\"muted\">(as “{}”)</span>", escape(s.of(&doc.text)));
        }
        if let Some(c) = q.cue {
            let _ = write!(out, " <span class=\"muted\">· {}</span>", escape(c.of(&doc.text)));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

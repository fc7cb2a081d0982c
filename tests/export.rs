//! Every export format read back by a real parser: serde_json for JSON (and Loupe's own
//! import), the `csv` crate for the CSV files, a small brat reader that checks each T line
//! against the `.txt`, `loupe::conll` for CoNLL, and the HTML checked for escaping. The article
//! is invented; it carries quotes, commas, line breaks and markup payloads inside fields. A
//! second invented article (`VALUED`) is full of dates, amounts and numbers, for the values
//! layer in each format.

use std::collections::HashMap;

use loupe::edits::{Anchor, Edit};
use loupe::export::{self, json, Format};
use loupe::view::{DocumentView, Unit};
use loupe::{annotate_with_edits, Document, Label, ValueLabel};

const ARTICLE: &str = "😀 Mara Okafor, the mayor of Lakeport, met officials from Norvia Energy on Monday.

\"We will not raise prices, not this year,\" Okafor said, \"and that's final.\" A spokesman for
Norvia Energy said the company \"welcomes the talks, and the
'fair' offer.\"

Dev Patel, who chairs the Lakeport council, was less sure. \"I have heard that before,\" Patel said.

The council posted <script>alert(\"x\")</script> & 'more' on the Lakeport Forum.";

/// Values in and out of quotations, with commas and curly quotes around them.
const VALUED: &str = "Kestrel Foods said on March 3, 2025 that prices rose “12%” to $1,200 a tonne, \
about 40 kilograms more than in 2019.

“We sold 1,500,000 units last week,” said Ada Moss, its third chief executive, at 9 a.m. on Tuesday.
";

/// `VALUED` annotated with a reference date, so relative dates resolve.
fn valued() -> Document {
    let options = loupe::Options { reference_date: loupe::values::Date::parse("2025-03-05") };
    let (doc, _) = annotate_with_edits(VALUED, &options, &[]);
    assert_eq!(doc.check(), Ok(()));
    let labels: Vec<&str> = doc.values.iter().map(|v| v.label.as_str()).collect();
    for want in ["DATE", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "TIME"] {
        assert!(labels.contains(&want), "fixture has no {want}: {labels:?}");
    }
    doc
}

fn at(text: &str, needle: &str, nth: usize) -> Anchor {
    let start = text.match_indices(needle).nth(nth).expect("needle").0;
    Anchor { start, end: start + needle.len(), text: needle.into(), before: String::new(), after: String::new() }
}

/// The article with a few corrections, so exports carry edits (and a payload entity name).
fn edited() -> (Document, Vec<Edit>) {
    let edits = [
        Edit::AddEntity { at: at(ARTICLE, "<script>alert(\"x\")</script> & 'more'", 0), label: Label::MISC },
        Edit::SetLabel { at: at(ARTICLE, "Lakeport", 1), label: Label::ORG },
        Edit::SetSpeaker {
            at: at(ARTICLE, "\"I have heard that before,\"", 0),
            speaker: Some(at(ARTICLE, "Dev Patel", 0)),
        },
    ];
    let (doc, report) = annotate_with_edits(ARTICLE, &loupe::Options::default(), &edits);
    assert!(report.dropped.is_empty(), "{:?}", report.dropped);
    assert_eq!(doc.check(), Ok(()));
    assert!(doc.quotes.len() >= 3 && doc.entities.len() >= 6, "fixture too thin: {doc:?}");
    (doc, report.applied)
}

fn one(doc: &Document, edits: &[Edit], format: Format) -> String {
    let files = export::export(doc, edits, format, "article");
    assert_eq!(files.len(), 1);
    files.into_iter().next().unwrap().content
}

/// Code points `start..end` of `text`.
fn cp(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn json_export_is_the_document_plus_text_and_edits_and_imports_back() {
    let (doc, edits) = edited();
    let out = one(&doc, &edits, Format::Json);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["loupe_export"], 1);
    assert_eq!(v["text"], ARTICLE);
    // The README document, field for field.
    let view: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&DocumentView::new(&doc, Unit::CodePoint)).unwrap()).unwrap();
    for key in ["sentences", "paragraphs", "entities", "values", "quotes", "clusters"] {
        assert_eq!(v[key], view[key], "{key}");
    }
    // In the README order, values after entities.
    let pos: Vec<usize> = ["\"entities\":", "\"values\":", "\"quotes\":"].map(|k| out.find(k).unwrap()).to_vec();
    assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
    assert!(!v["values"].as_array().unwrap().is_empty(), "the article has dates");
    // Edits in code points: each holds its text.
    let list = v["edits"].as_array().unwrap();
    assert_eq!(list.len(), edits.len());
    for e in list {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(cp(ARTICLE, s, t), e["text"].as_str().unwrap());
    }
    // Import gives back the text and the edits; applying them reproduces the document.
    let back = json::import(&out).unwrap();
    assert_eq!(back.text, ARTICLE);
    assert_eq!(back.edits, edits);
    let (again, report) = annotate_with_edits(&back.text, &loupe::Options::default(), &back.edits);
    assert!(report.dropped.is_empty());
    assert_eq!(DocumentView::new(&again, Unit::CodePoint), DocumentView::new(&doc, Unit::CodePoint));
}

#[test]
fn import_rejects_what_is_not_a_valid_export() {
    let (doc, edits) = edited();
    let good: serde_json::Value = serde_json::from_str(&one(&doc, &edits, Format::Json)).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        json::import(&v.to_string())
    };
    assert!(json::import("not json").unwrap_err().contains("JSON"));
    assert!(json::import("{\"text\": \"a\"}").unwrap_err().contains("loupe_export"));
    assert!(with(&|v| v["loupe_export"] = 9.into()).unwrap_err().contains("version 9"));
    assert!(with(&|v| v["text"] = serde_json::Value::Null).is_err());
    // A malformed record: the message names what is wrong and where (line and column).
    let dog = with(&|v| v["edits"][1]["label"] = "DOG".into()).unwrap_err();
    assert!(dog.contains("DOG") && dog.contains("column"), "{dog}");
    let kind = with(&|v| v["edits"][2]["kind"] = "rename".into()).unwrap_err();
    assert!(kind.contains("unknown edit kind \"rename\""), "{kind}");
    let moved = with(&|v| v["edits"][0]["start"] = 0.into()).unwrap_err();
    assert!(moved.starts_with("edit 0 (add_entity)") && moved.contains("do not hold"), "{moved}");
    // Speaker anchors are checked too.
    assert!(with(&|v| v["edits"][2]["speaker"]["end"] = 100000.into()).unwrap_err().starts_with("edit 2"));
    // An export from before the values layer (no "values") still reads back.
    let old = with(&|v| drop(v.as_object_mut().unwrap().remove("values"))).unwrap();
    assert_eq!((old.text.as_str(), old.edits), (ARTICLE, edits.clone()));
    // No edits is a valid export.
    assert_eq!(with(&|v| v["edits"] = serde_json::json!([])).unwrap().edits, vec![]);
}

fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(s.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

#[test]
fn quotes_csv_has_one_row_per_quotation_and_survives_a_real_parser() {
    let (doc, edits) = edited();
    let rows = csv_rows(&one(&doc, &edits, Format::QuotesCsv));
    assert_eq!(rows[0], ["quote", "speaker", "speaker_group", "group_id", "cue", "paragraph", "start", "end"]);
    assert_eq!(rows.len(), doc.quotes.len() + 1);
    let mut saw_newline = false;
    for (q, row) in doc.quotes.iter().zip(&rows[1..]) {
        let quote = q.span.of(ARTICLE);
        assert_eq!(row[0], quote);
        saw_newline |= quote.contains('\n');
        assert_eq!(row[1], q.speaker.map_or("", |s| s.of(ARTICLE)));
        assert_eq!(row[2], q.cluster.map_or("", |c| doc.clusters[c].name.as_str()));
        let (s, e): (usize, usize) = (row[6].parse().unwrap(), row[7].parse().unwrap());
        assert_eq!(cp(ARTICLE, s, e), quote);
    }
    // Fields with commas, inner quotes and a line break all came back whole.
    assert!(saw_newline, "the fixture should have a quotation across a line break");
    assert!(rows.iter().any(|r| r[0].contains("'fair'") && r[0].contains(',')));
    let patel = rows.iter().find(|r| r[0].starts_with("\"I have")).unwrap();
    assert_eq!((patel[1].as_str(), patel[2].as_str(), patel[5].as_str()), ("Dev Patel", "Dev Patel", "3"));
}

#[test]
fn quotes_tsv_has_the_csv_rows_with_tabs() {
    let (doc, edits) = edited();
    let tsv = one(&doc, &edits, Format::QuotesTsv);
    let mut r = csv::ReaderBuilder::new().has_headers(false).delimiter(b'\t').from_reader(tsv.as_bytes());
    let rows: Vec<Vec<String>> = r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect();
    // The same table as the CSV, fields with commas, quotes and line breaks included.
    assert_eq!(rows, csv_rows(&one(&doc, &edits, Format::QuotesCsv)));
    assert!(rows.iter().any(|r| r[0].contains(',') && r[0].contains('\n')));
    assert_eq!(tsv.lines().next(), Some("quote\tspeaker\tspeaker_group\tgroup_id\tcue\tparagraph\tstart\tend"));
    let files = export::export(&doc, &edits, Format::QuotesTsv, "article");
    assert_eq!(files[0].name, "article.quotes.tsv");
}

#[test]
fn entities_csv_has_one_row_per_group() {
    let (doc, edits) = edited();
    let rows = csv_rows(&one(&doc, &edits, Format::EntitiesCsv));
    assert_eq!(rows[0], ["id", "name", "type", "aliases", "mentions", "salience"]);
    assert_eq!(rows.len(), doc.clusters.len() + 1);
    for (c, row) in doc.clusters.iter().zip(&rows[1..]) {
        assert_eq!(row[1], c.name);
        assert_eq!(row[2], c.label.as_str());
        assert_eq!(row[3], c.aliases.join("; "));
        assert_eq!(row[4], c.mentions.len().to_string());
        assert!((row[5].parse::<f32>().unwrap() - c.salience).abs() < 1e-3);
    }
    assert!(rows.iter().any(|r| r[1].contains("<script>alert(\"x\")</script> & 'more'") && r[2] == "MISC"));
}

#[test]
fn values_csv_has_one_row_per_value_with_its_normalised_value() {
    let doc = valued();
    let rows = csv_rows(&one(&doc, &[], Format::ValuesCsv));
    let header = "text,type,kind,value,min,max,unit,iso,relative,approx,bound,modifier,paragraph,start,end";
    assert_eq!(rows[0], header.split(',').collect::<Vec<_>>());
    assert_eq!(rows.len(), doc.values.len() + 1);
    let view = DocumentView::new(&doc, Unit::CodePoint);
    for (v, row) in view.values.iter().zip(&rows[1..]) {
        assert_eq!(row.len(), 15);
        assert_eq!((row[0].as_str(), row[1].as_str()), (v.text.as_str(), v.label));
        let (s, e): (usize, usize) = (row[13].parse().unwrap(), row[14].parse().unwrap());
        assert_eq!((s, e), (v.start, v.end));
        assert_eq!(cp(VALUED, s, e), row[0]);
        // The columns are the JSON's fields: read back, they give the same normalised value.
        let n = serde_json::to_value(&v.value).unwrap();
        let field = |k: &str| n.get(k).map_or(String::new(), |x| x.as_str().map_or(x.to_string(), str::to_string));
        assert_eq!(row[2], field("kind"));
        for (col, key) in [(3, "value"), (4, "min"), (5, "max")] {
            let want = n.get(key).and_then(serde_json::Value::as_f64);
            assert_eq!(row[col].parse::<f64>().ok(), want, "{key} of {}", v.text);
        }
        for (col, key) in [(6, "unit"), (7, "iso"), (8, "relative"), (10, "bound"), (11, "modifier")] {
            assert_eq!(row[col], field(key), "{key} of {}", v.text);
        }
        let approx = n.get("approx").and_then(serde_json::Value::as_bool).unwrap_or(false);
        assert_eq!(row[9], if v.value.is_some() { approx.to_string() } else { String::new() });
    }
    let find = |text: &str| rows.iter().find(|r| r[0] == text).unwrap_or_else(|| panic!("no row for {text}"));
    // Fields with commas come back whole.
    assert_eq!(find("$1,200")[1..8], ["MONEY", "money", "1200", "", "", "USD", ""]);
    assert_eq!(find("1,500,000")[3], "1500000");
    assert_eq!(find("March 3, 2025")[7], "2025-03-03");
    assert_eq!((find("12%")[3].as_str(), find("12%")[12].as_str()), ("12", "1"));
    assert_eq!(find("about 40 kilograms")[9], "true");
    assert_eq!(find("last week")[8], "-P1W");
    assert_eq!(find("9 a.m.")[12], "2");
}

/// A T line: type, fragments (code points), text.
type TLine = (String, Vec<(usize, usize)>, String);

/// A small brat standoff reader: T lines (with fragments), R lines and `AnnotatorNotes` (`#`)
/// lines, by the T line they annotate.
struct Ann {
    t: HashMap<String, TLine>,
    r: Vec<(String, String, String)>,
    notes: HashMap<String, String>,
}

fn read_ann(txt: &str, ann: &str) -> Ann {
    let mut out = Ann { t: HashMap::new(), r: Vec::new(), notes: HashMap::new() };
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols[0].chars().next() {
            Some('T') => {
                assert_eq!(cols.len(), 3, "T line with three fields: {line:?}");
                let (ty, offsets) = cols[1].split_once(' ').unwrap();
                let frags: Vec<(usize, usize)> = offsets
                    .split(';')
                    .map(|f| {
                        let (a, b) = f.split_once(' ').unwrap();
                        (a.parse().unwrap(), b.parse().unwrap())
                    })
                    .collect();
                let text: Vec<String> = frags.iter().map(|&(a, b)| cp(txt, a, b)).collect();
                assert_eq!(text.join(" "), cols[2], "T line text differs from the .txt: {line:?}");
                for &(a, b) in &frags {
                    assert!(a < b && !cp(txt, a, b).contains('\n'), "bad fragment in {line:?}");
                }
                out.t.insert(cols[0].to_string(), (ty.to_string(), frags, cols[2].to_string()));
            }
            Some('R') => {
                let parts: Vec<&str> = cols[1].split(' ').collect();
                assert_eq!(parts.len(), 3, "{line:?}");
                let arg = |p: &str, k: &str| p.strip_prefix(k).unwrap().to_string();
                out.r.push((parts[0].to_string(), arg(parts[1], "Arg1:"), arg(parts[2], "Arg2:")));
            }
            // "#1\tAnnotatorNotes T7\tnote": the note is one line, about a T line defined before.
            Some('#') => {
                assert_eq!(cols.len(), 3, "# line with three fields: {line:?}");
                let target = cols[1].strip_prefix("AnnotatorNotes ").expect("an AnnotatorNotes line");
                assert!(out.t.contains_key(target), "note on an unknown {target}: {line:?}");
                assert!(!cols[2].is_empty(), "empty note: {line:?}");
                assert!(out.notes.insert(target.to_string(), cols[2].to_string()).is_none(), "two notes on {target}");
            }
            _ => panic!("unexpected line {line:?}"),
        }
    }
    out
}

#[test]
fn brat_standoff_matches_its_text_and_its_configuration() {
    let (doc, edits) = edited();
    let files = export::export(&doc, &edits, Format::Brat, "article");
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["article.txt", "article.ann", "annotation.conf"]);
    assert_eq!(files[0].content, ARTICLE);
    let ann = read_ann(&files[0].content, &files[1].content);
    let count = |ty: &str| ann.t.values().filter(|t| t.0 == ty).count();
    assert_eq!(count("Quotation"), doc.quotes.len());
    let entities: usize = Label::ALL.iter().map(|l| count(l.as_str())).sum();
    assert_eq!(entities, doc.entities.len());
    let values: usize = ValueLabel::ALL.iter().map(|l| count(l.as_str())).sum();
    assert_eq!(values, doc.values.len());
    // A quotation across a line break is written as fragments.
    assert!(ann.t.values().any(|t| t.0 == "Quotation" && t.1.len() == 2));
    // Every relation joins a quotation to a speaker or a cue that exist.
    let speakers = ann.r.iter().filter(|r| r.0 == "Speaker").count();
    assert_eq!(speakers, doc.quotes.iter().filter(|q| q.speaker.is_some()).count());
    for (ty, a, b) in &ann.r {
        assert_eq!(ann.t[a].0, "Quotation");
        let want: &[&str] = if ty == "Speaker" { &["PER", "ORG", "LOC", "MISC", "Mention"] } else { &["Cue"] };
        assert!(want.contains(&ann.t[b].0.as_str()), "{ty} to {}", ann.t[b].0);
    }
    // "A spokesman for Norvia Energy" style speakers that are no entity get a Mention line.
    let mention_speakers =
        doc.quotes.iter().filter_map(|q| q.speaker).filter(|s| !doc.entities.iter().any(|e| e.span == *s)).count();
    assert_eq!(count("Mention"), mention_speakers);
    // Every type used is declared in annotation.conf.
    let conf = &files[2].content;
    for (ty, _, _) in ann.t.values() {
        assert!(conf.lines().any(|l| l == ty), "{ty} not in annotation.conf");
    }
    for (ty, _, _) in &ann.r {
        assert!(conf.lines().any(|l| l.starts_with(&format!("{ty}\t"))), "{ty} not in annotation.conf");
    }
}

#[test]
fn brat_values_are_typed_t_lines_with_their_normalised_value_as_a_note() {
    let doc = valued();
    let files = export::export(&doc, &[], Format::Brat, "valued");
    let ann = read_ann(&files[0].content, &files[1].content);
    let conf = &files[2].content;
    let mut seen = 0;
    for v in &doc.values {
        let text = v.span.of(VALUED);
        let (id, (ty, _, _)) = ann.t.iter().find(|(_, t)| t.2 == text && t.0 != "Quotation").expect(text);
        assert_eq!(ty, v.label.as_str());
        assert!(conf.lines().any(|l| l == ty), "{ty} not in annotation.conf");
        let want = v.normal.as_ref().map(export::normal::describe).unwrap_or_default();
        assert_eq!(ann.notes.get(id).cloned().unwrap_or_default(), want, "note for {text}");
        seen += 1;
    }
    assert_eq!(seen, doc.values.len());
    // A note for each value with something to say, and only those (checked one by one above).
    let described = doc.values.iter().filter_map(|v| v.normal.as_ref()).map(export::normal::describe);
    assert_eq!(ann.notes.len(), described.filter(|d| !d.is_empty()).count());
    let note = |text: &str| {
        let (id, _) = ann.t.iter().find(|(_, t)| t.2 == text && t.0 != "Quotation").unwrap();
        ann.notes[id].clone()
    };
    assert_eq!(note("$1,200"), "1200 USD");
    assert_eq!(note("March 3, 2025"), "2025-03-03");
    assert_eq!(note("about 40 kilograms"), "about 40 kg");
    assert_eq!(note("12%"), "12%");
}

#[test]
fn conll_round_trips_through_the_conll_reader() {
    let (doc, edits) = edited();
    let out = one(&doc, &edits, Format::Conll);
    let docs = loupe::conll::documents(&out);
    assert_eq!(docs.len(), 1);
    let sentences = &docs[0];
    assert_eq!(sentences.len(), doc.sentences.len());
    // Words are the tokens; entities rebuilt from the IOB2 tags are the document's.
    let mut entities = Vec::new();
    let mut i = 0;
    for (s, rows) in doc.sentences.iter().zip(sentences) {
        assert_eq!(rows.len(), s.tokens.len());
        for row in rows {
            assert_eq!(row.word(), doc.token_text(i));
            let tag = row.tag().unwrap();
            if let Some(l) = tag.strip_prefix("B-") {
                entities.push((i, i + 1, l.to_string()));
            } else if let Some(l) = tag.strip_prefix("I-") {
                let last = entities.last_mut().expect("I- after B-");
                assert_eq!((last.1, last.2.as_str()), (i, l));
                last.1 = i + 1;
            } else {
                assert_eq!(tag, "O");
            }
            i += 1;
        }
    }
    // Entity and value tags share the column (the layers never overlap).
    let mut want: Vec<(usize, usize, String)> =
        doc.entities.iter().map(|e| (e.tokens.start, e.tokens.end, e.label.as_str().to_string())).collect();
    want.extend(doc.values.iter().map(|v| (v.tokens.start, v.tokens.end, v.label.as_str().to_string())));
    want.sort();
    assert_eq!(entities, want);
    assert!(!doc.values.is_empty() && out.contains(" B-DATE\n"), "the article's dates are tagged");

    // Several documents: one -DOCSTART- before each.
    let other = loupe::annotate("Ines Duarte flew to Porto.\n\nShe stayed.");
    let both = export::conll::documents([&doc, &other]);
    let docs = loupe::conll::documents(&both);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].len(), other.sentences.len());
    assert_eq!(both.matches("-DOCSTART-").count(), 2);
}

#[test]
fn html_report_escapes_every_string_and_runs_no_script() {
    let (doc, edits) = edited();
    let html = export::export(&doc, &edits, Format::Html, "<b>\"Okafor\" & co</b>").remove(0).content;
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element in the report");
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;"));
    assert!(html.contains("&lt;b&gt;&quot;Okafor&quot; &amp; co&lt;/b&gt;"), "title escaped");
    assert!(!html.contains("<b>"));
    // The reading view is well nested: as many closing as opening tags.
    for tag in ["mark", "span", "li", "ul", "ol", "div"] {
        assert_eq!(html.matches(&format!("<{tag}")).count(), html.matches(&format!("</{tag}>")).count(), "{tag}");
    }
    // Every entity is highlighted with its type, every quotation marked with its speaker.
    // (The payload entity is cut in four by the two quotations inside it; one type label each.)
    assert_eq!(html.matches("<mark class=\"ent ").count(), doc.entities.len() + doc.clusters.len() + 3);
    assert_eq!(html.matches("<span class=\"lbl\">").count(), doc.entities.len());
    assert!(html.contains("<span class=\"who\">Dev Patel</span>"));
    // The text survives: strip the tags and unescape, and the article is there.
    assert_eq!(reading_text(&html), ARTICLE);
}

/// The report's reading view with its tags and the speaker and type labels taken out,
/// unescaped: the article, if the markup is right.
fn reading_text(html: &str) -> String {
    let mut plain = String::new();
    let reading = html.split("<div class=\"reading\">").nth(1).unwrap().split("</div>").next().unwrap();
    let mut depth_who = false;
    for piece in reading.split('<') {
        let (tag, rest) = piece.split_once('>').unwrap_or(("", piece));
        if tag.starts_with("span class=\"who\"") || tag.starts_with("span class=\"lbl\"") {
            depth_who = true;
        } else if tag == "/span" {
            depth_who = false;
        }
        if !depth_who {
            plain.push_str(rest);
        }
    }
    plain.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn html_report_underlines_values_and_lists_them_with_their_normalised_value() {
    let doc = valued();
    let html = export::export(&doc, &[], Format::Html, "valued").remove(0).content;
    assert_eq!(reading_text(&html), VALUED);
    for tag in ["mark", "span", "table", "tr", "td"] {
        assert_eq!(html.matches(&format!("<{tag}")).count(), html.matches(&format!("</{tag}>")).count(), "{tag}");
    }
    // In the reading view: one underline per value (none crosses a quotation's edge here), its
    // type and value on hover; names keep their coloured marks and labels.
    let reading = html.split("<div class=\"reading\">").nth(1).unwrap().split("</div>").next().unwrap();
    assert_eq!(reading.matches("<span class=\"val\" title=\"").count(), doc.values.len());
    assert!(reading.contains("<span class=\"val\" title=\"MONEY: 1200 USD\">$1,200</span>"), "{reading}");
    assert!(reading.contains("<span class=\"val\" title=\"QUANTITY: about 40 kg\">about 40 kilograms</span>"));
    assert!(reading.contains("“<span class=\"val\" title=\"PERCENT: 12%\">12%</span>”"));
    assert_eq!(reading.matches("<span class=\"lbl\">").count(), doc.entities.len());
    // After the entities, the "Numbers & dates" table: a row per value, in text order.
    let (entities, list) =
        (html.find("<h2>Entities</h2>").unwrap(), html.find("<h2>Numbers &amp; dates</h2>").unwrap());
    assert!(entities < list && list < html.find("<h2>Quotations</h2>").unwrap());
    let table = &html[list..html.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr><td>").count(), doc.values.len());
    assert!(
        table.contains("<tr><td><span class=\"val\">March 3, 2025</span></td><td>DATE</td><td>2025-03-03</td></tr>")
    );
    assert!(table.contains(">last week</span></td><td>DATE</td><td>2025-W09</td>"), "{table}");
    // Every user string in a value's row is escaped, as in the reading view.
    let tricky = loupe::annotate("Prices <b>rose</b> to $5 & \"fell\" 3% at 5 o'clock.");
    let out = export::export(&tricky, &[], Format::Html, "t").remove(0).content;
    assert!(!out.contains("<b>") && out.contains("&lt;b&gt;rose&lt;/b&gt;"));
    assert!(out.contains("<td><span class=\"val\">5 o&#39;clock</span></td>"), "{out}");
    assert!(out.contains("<span class=\"val\" title=\"TIME: T05:00\">5 o&#39;clock</span>"), "{out}");
    assert_eq!(reading_text(&out), "Prices <b>rose</b> to $5 & \"fell\" 3% at 5 o'clock.");
}

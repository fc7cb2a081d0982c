//! The `loupe` command-line contract: what our checks and batch users rely on.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn loupe(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run loupe");
    // Fed from another thread: loupe streams, so it writes output before it has read all input.
    let mut pipe = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    match feeder.join().unwrap() {
        Ok(()) => {}
        // A run refused before reading (a bad option) may close its stdin first.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && !out.status.success() => {}
        Err(e) => panic!("loupe reads all its input: {e}"),
    }
    out
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("valid JSON line")).collect()
}

/// Code points of `text[start..end]` as the CLI reports them.
fn slice(text: &str, start: &Value, end: &Value) -> String {
    let (s, e) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn annotate_reports_code_point_offsets() {
    // Emoji (2 UTF-16 units, 4 bytes), accents and CJK before the names: byte or UTF-16
    // offsets would land in the wrong place.
    let text = "😀 Café 東京. Ambassador Helena Novák arrived in Prague on Monday, officials said.";
    let out = loupe(&["annotate"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = &json_lines(&out)[0];
    for key in ["sentences", "paragraphs", "entities", "values", "quotes", "clusters"] {
        assert!(doc[key].is_array(), "missing {key}");
    }
    let ents = doc["entities"].as_array().unwrap();
    assert!(!ents.is_empty(), "no entities in {doc}");
    for e in ents {
        assert_eq!(slice(text, &e["start"], &e["end"]), e["text"].as_str().unwrap());
    }
    for s in doc["sentences"].as_array().unwrap() {
        assert!(s["end"].as_u64() <= Some(text.chars().count() as u64));
    }
}

#[test]
fn jsonl_echoes_ids_and_survives_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Tomas Berg visited Oslo.\", \"extra\": [1,2]}\n",
        "this is not json\n",
        "\n",
        "{\"id\": 7, \"txt\": \"no text field\"}\n",
        "{\"id\": {\"k\": 1}, \"text\": \"\"}\n",
    );
    let out = loupe(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a failed line must show in the exit status");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "one output line per non-blank input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["entities"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(lines[2]["id"], 7);
    assert!(lines[2]["error"].as_str().unwrap().contains("line 4"));
    assert_eq!(lines[3]["id"]["k"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("line 4"), "{err}");
}

#[test]
fn jsonl_reports_invalid_utf8_by_line() {
    let mut input = b"{\"id\":1,\"text\":\"fine\"}\n{\"id\":2,\"text\":\"".to_vec();
    input.extend_from_slice(&[0xff, 0xfe]);
    input.extend_from_slice(b"\"}\n{\"id\":3,\"text\":\"also fine\"}\n");
    let out = loupe(&["annotate", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(lines[2]["id"], 3);
}

#[test]
fn annotate_errors_are_clear() {
    let out = loupe(&["annotate", "/nonexistent/article.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/article.txt"));
    let out = loupe(&["annotate"], b"line one\nbad \xc3\x28 byte\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
}

#[test]
fn empty_input_is_an_empty_document() {
    let out = loupe(&["annotate"], b"");
    assert!(out.status.success());
    let doc = &json_lines(&out)[0];
    assert_eq!(doc["entities"].as_array().unwrap().len(), 0);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn tag_conll_appends_one_column_and_keeps_lines() {
    let input = "-DOCSTART- -X- -X- O\n\nSofia NNP B-PER\nKovacs NNP I-PER\nflew VBD O\nto TO O\nLisbon NNP B-LOC\n. . O\n\nThanks NNS O\n";
    let out = loupe(&["tag-conll"], input.as_bytes());
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    let (inl, outl): (Vec<&str>, Vec<&str>) = (input.lines().collect(), got.lines().collect());
    assert_eq!(inl.len(), outl.len());
    for (i, o) in inl.iter().zip(&outl) {
        if i.is_empty() || i.starts_with("-DOCSTART-") {
            assert_eq!(i, o);
        } else {
            let (head, tag) = o.rsplit_once(' ').unwrap();
            assert_eq!(head, *i);
            assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "{tag}");
        }
    }
    assert!(got.contains("Lisbon NNP B-LOC B-LOC"), "{got}");
    assert!(got.contains("Sofia NNP B-PER B-PER"), "{got}");
}

#[test]
fn annotate_reports_values_and_takes_a_reference_date() {
    let text = "😀 Café owners paid €5 million yesterday, 12% more than in 2014.";
    let out = loupe(&["annotate", "--date", "2016-03-03"], text.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = &json_lines(&out)[0];
    let values = doc["values"].as_array().expect("a values array");
    let got: Vec<(&str, &str)> =
        values.iter().map(|v| (v["text"].as_str().unwrap(), v["label"].as_str().unwrap())).collect();
    assert_eq!(got, [("€5 million", "MONEY"), ("yesterday", "DATE"), ("12%", "PERCENT"), ("2014", "DATE")]);
    for v in values {
        assert_eq!(slice(text, &v["start"], &v["end"]), v["text"].as_str().unwrap());
    }
    assert_eq!(values[0]["value"]["unit"], "EUR");
    assert_eq!(values[0]["value"]["value"], 5e6);
    assert_eq!(values[1]["value"]["iso"], "2016-03-02");
    assert_eq!(values[1]["value"]["relative"], "-P1D");

    // No stdin: clap exits before reading it, and a write would race with that exit.
    let bad = loupe(&["annotate", "--date", "2016-02-30"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn eval_scores_a_values_file() {
    let dir = std::env::temp_dir().join(format!("loupe-values-eval-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let file = dir.join("values.jsonl");
    // Line 1 is found exactly; line 2's gold label is wrong on purpose; line 3 is not JSON.
    let lines = concat!(
        "{\"id\": \"a\", \"text\": \"Rents rose 12% yesterday.\", \"date\": \"2016-03-03\", ",
        "\"values\": [{\"start\": 11, \"end\": 14, \"label\": \"PERCENT\"}, {\"start\": 15, \"end\": 24, \"label\": \"DATE\"}]}\n",
        "{\"id\": \"b\", \"text\": \"It cost $5.\", \"values\": [{\"start\": 8, \"end\": 10, \"label\": \"CARDINAL\"}]}\n",
        "not json\n",
    );
    std::fs::write(&file, lines).unwrap();
    let (data, values) = (dir.join("data"), file.display().to_string());
    let out = loupe(&["eval", "--json", "--data", data.to_str().unwrap(), "--values", &values], b"");
    assert_eq!(out.status.code(), Some(1), "the bad line is reported: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3"));
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let v = &report["values"];
    assert_eq!(v["documents"], 2);
    let all = &v["scores"]["ALL"];
    assert_eq!((all["gold"].as_u64(), all["predicted"].as_u64()), (Some(3), Some(3)));
    assert!((all["precision"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(v["scores"]["MONEY"]["predicted"], 1);
    assert_eq!(v["scores"]["CARDINAL"]["recall"], 0.0);
    // The table names the section.
    let table = loupe(&["eval", "--data", data.to_str().unwrap(), "--values", &values], b"");
    assert!(String::from_utf8_lossy(&table.stdout).contains("Values (exact span and type)"));
    std::fs::remove_dir_all(&dir).ok();
}

/// `n` invented JSON lines of varied length (one to forty sentences), with a bad line every so
/// often, so that workers finish out of order.
fn generated_batch(n: usize) -> String {
    let people = ["Mara Lind", "Otto Vela", "Dr. Ines Park", "Senator Rui Costa", "Lena Shaw"];
    let places = ["Tallinn", "Porto", "Nairobi", "Quebec", "Osaka"];
    let orgs = ["the Harbour Authority", "Northwind Bank", "the Ministry of Water", "Keel Systems"];
    let mut out = String::new();
    let mut seed = 7u64;
    for i in 0..n {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        if i % 37 == 11 {
            out.push_str("{\"id\": \"broken\", \"text\": \n");
            continue;
        }
        let sentences = 1 + (seed >> 33) as usize % 40;
        let mut text = String::new();
        for s in 0..sentences {
            let (p, l, o) = (people[(i + s) % 5], places[(i * 3 + s) % 5], orgs[(i + 2 * s) % 4]);
            match (s + i) % 3 {
                0 => text.push_str(&format!("{p} flew to {l} on Tuesday to meet {o}. ")),
                1 => text.push_str(&format!("“We expect {l} to agree,” {p} said.\n\n")),
                _ => text.push_str(&format!("Officials at {o} in {l} declined to comment. ")),
            }
        }
        out.push_str(&serde_json::json!({ "id": i, "text": text }).to_string());
        out.push('\n');
        if i % 50 == 3 {
            out.push_str("   \n");
        }
    }
    out
}

#[test]
fn threads_change_nothing_in_the_output() {
    let input = generated_batch(300);
    let one = loupe(&["annotate", "--jsonl", "--threads", "1"], input.as_bytes());
    let three = loupe(&["annotate", "--jsonl", "--threads", "3"], input.as_bytes());
    let all = loupe(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(one.status.code(), Some(1), "the broken lines must show in the exit status");
    for other in [&three, &all] {
        assert!(one.stdout == other.stdout, "output differs between thread counts");
        assert_eq!(String::from_utf8_lossy(&one.stderr), String::from_utf8_lossy(&other.stderr));
        assert_eq!(one.status.code(), other.status.code());
    }
    // In input order, one line per non-blank input line, errors with their line numbers.
    let lines = json_lines(&three);
    assert_eq!(lines.len(), 300);
    for (i, l) in lines.iter().enumerate() {
        if i % 37 == 11 {
            assert_eq!(l["id"], Value::Null);
            assert!(l["error"].as_str().unwrap().contains("line "), "{l}");
        } else {
            assert_eq!(l["id"], i, "line {i} out of order");
            assert!(l["entities"].as_array().is_some_and(|e| !e.is_empty()), "{l}");
        }
    }
    let err = String::from_utf8_lossy(&three.stderr);
    let reported: Vec<&str> = err.lines().filter(|l| l.contains("invalid JSON")).collect();
    assert_eq!(reported.len(), (0..300).filter(|i| i % 37 == 11).count(), "{err}");
    // Document 11 is input line 13: a blank line follows document 3, and blank lines count.
    assert!(reported[0].contains("stdin line 13:"), "{err}");
}

#[test]
fn quiet_and_piped_stderr_carry_only_errors() {
    let good = "{\"id\": 1, \"text\": \"Mara Lind arrived in Porto.\"}\n";
    for args in [&["annotate", "--jsonl"][..], &["annotate", "--jsonl", "--quiet"], &["annotate", "-q", "--jsonl"]] {
        let out = loupe(args, good.as_bytes());
        assert!(out.status.success());
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = loupe(&["annotate", "--jsonl", "--quiet"], b"{\"id\": 2}\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1: missing \"text\""));
    let out = loupe(&["annotate", "--jsonl", "--threads", "many"], good.as_bytes());
    assert_eq!(out.status.code(), Some(2));
}

/// `loupe annotate --jsonl --threads 2` with every stream piped, for tests that feed and read
/// it as they go.
fn spawn_jsonl_two_threads() -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(["annotate", "--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run loupe")
}

#[test]
fn jsonl_streams_an_open_stdin() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = spawn_jsonl_two_threads();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    // Each document must come back while the input is still open: nothing waits for the end.
    for i in 0..3 {
        writeln!(stdin, "{{\"id\": {i}, \"text\": \"Otto Vela met Lena Shaw in Osaka.\"}}").unwrap();
        stdin.flush().unwrap();
        let line = rx.recv_timeout(Duration::from_secs(60)).expect("a document before the input ends");
        let doc: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(doc["id"], i);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    assert!(rx.recv_timeout(Duration::from_secs(60)).is_err(), "nothing more after the input ended");
}

#[test]
fn jsonl_lines_carry_their_own_date() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"The vote was held yesterday.\", \"date\": \"2016-03-03\"}\n",
        "{\"id\": 2, \"text\": \"The vote was held yesterday.\"}\n",
        "{\"id\": 3, \"text\": \"The vote was held yesterday.\", \"date\": \"2016-13-01\"}\n",
    );
    let out = loupe(&["annotate", "--jsonl", "--date", "2020-01-01"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "line 3 has a bad date");
    let docs = json_lines(&out);
    assert_eq!(docs[0]["values"][0]["value"]["iso"], "2016-03-02", "the line's date wins");
    assert_eq!(docs[1]["values"][0]["value"]["iso"], "2019-12-31", "--date is the default");
    assert!(docs[2]["error"].as_str().unwrap().contains("YYYY-MM-DD"), "{}", docs[2]);
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const EDITED: &str = "😀 Mara Okafor met Dev Patel in Lakeport.\n\n\"We will, of course, wait,\" Okafor said.\n";

#[test]
fn annotate_edits_applies_code_point_records_and_reports_dropped_ones() {
    let dir = scratch("edits");
    let text = dir.join("a.txt");
    std::fs::write(&text, EDITED).unwrap();
    // Code points: the emoji counts one. "Lakeport" is at 31..39; the second record's text is
    // not in the article.
    let edits = dir.join("e.json");
    std::fs::write(
        &edits,
        r#"[{"kind":"set_label","start":31,"end":39,"text":"Lakeport","label":"ORG"},
            {"kind":"remove_entity","start":2,"end":13,"text":"Mara Okafur"},
            {"kind":"merge_groups","start":2,"end":13,"text":"Mara Okafor",
             "with":{"start":18,"end":27,"text":"Dev Patel"}}]"#,
    )
    .unwrap();
    let out = loupe(&["annotate", text.to_str().unwrap(), "--edits", edits.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = &json_lines(&out)[0];
    let lake = doc["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Lakeport").unwrap();
    assert_eq!(lake["label"], "ORG");
    assert_eq!((lake["start"].as_u64(), lake["end"].as_u64()), (Some(31), Some(39)));
    let mara = doc["entities"][0]["cluster"].clone();
    let dev = doc["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Dev Patel").unwrap();
    assert_eq!(dev["cluster"], mara);
    assert_eq!(doc["applied"].as_array().unwrap().len(), 2);
    assert_eq!(doc["applied"][0]["start"], 31);
    assert_eq!(doc["dropped"][0]["index"], 1);
    assert_eq!(doc["dropped"][0]["edit"]["text"], "Mara Okafur");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("edit 1 (remove_entity) dropped") && err.contains("Mara Okafur"), "{err}");

    // A broken edit file is an error that names the file.
    std::fs::write(&edits, r#"[{"kind":"set_label","start":0}]"#).unwrap();
    let out = loupe(&["annotate", text.to_str().unwrap(), "--edits", edits.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("e.json: not a valid edit list"));
}

#[test]
fn annotate_format_writes_each_export() {
    let dir = scratch("format");
    let text = dir.join("story.txt");
    std::fs::write(&text, EDITED).unwrap();
    let t = text.to_str().unwrap();

    let out = loupe(&["annotate", t, "--format", "quotes-csv"], b"");
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("quote,speaker,speaker_group,"));
    assert!(csv.contains("\"\"\"We will, of course, wait,\"\"\",Okafor,Mara Okafor,"), "{csv}");

    // The same table tab-separated, for a spreadsheet's paste.
    let out = loupe(&["annotate", t, "--format", "quotes-tsv"], b"");
    assert!(out.status.success());
    let tsv = String::from_utf8_lossy(&out.stdout);
    assert!(tsv.starts_with("quote\tspeaker\tspeaker_group\t"));
    assert!(tsv.contains("\"\"\"We will, of course, wait,\"\"\"\tOkafor\tMara Okafor\t"), "{tsv}");

    let out = loupe(&["annotate", t, "--format", "html"], b"");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<!DOCTYPE html>"));

    // A JSON export's edits can be given back with --edits.
    let out = loupe(&["annotate", t, "--format", "json"], b"");
    let export: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(export["loupe_export"], 1);
    assert_eq!(export["text"], EDITED);
    let saved = dir.join("story.json");
    std::fs::write(&saved, &out.stdout).unwrap();
    let out = loupe(&["annotate", t, "--edits", saved.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // brat is three files: it needs --out, and writes them there, never over the input.
    let out = loupe(&["annotate", t, "--format", "brat"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR"));
    let out = loupe(&["annotate", t, "--format", "brat", "--out", dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2), "would overwrite the input");
    let brat = dir.join("brat");
    let out = loupe(&["annotate", t, "--format", "brat", "--out", brat.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(brat.join("story.txt")).unwrap(), EDITED);
    assert!(std::fs::read_to_string(brat.join("story.ann")).unwrap().contains("\tQuotation "));
    assert!(std::fs::read_to_string(brat.join("annotation.conf")).unwrap().contains("[relations]"));

    // Values: one row per date, amount or number, commas inside fields quoted.
    let priced = dir.join("priced.txt");
    std::fs::write(&priced, "Okafor said on March 3, 2025 that fares rise 12% to $1,200.\n").unwrap();
    let out = loupe(&["annotate", priced.to_str().unwrap(), "--format", "values-csv"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        csv.starts_with("text,type,kind,value,min,max,unit,iso,relative,approx,bound,modifier,paragraph,start,end\r\n")
    );
    assert!(csv.contains("\r\n\"March 3, 2025\",DATE,date,,,,,2025-03-03,,false,,,1,15,28\r\n"), "{csv}");
    assert!(csv.contains("\r\n12%,PERCENT,percent,12,,,,,,false,,,1,45,48\r\n"), "{csv}");
    assert!(csv.contains("\r\n\"$1,200\",MONEY,money,1200,,,USD,,,false,,,1,52,58\r\n"), "{csv}");
    assert_eq!(csv.matches("\r\n").count(), 4);

    let out = loupe(&["annotate", t, "--format", "xml"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("json, quotes-csv, entities-csv, values-csv, brat, conll, html, quotes-tsv"), "{err}");
}

#[test]
fn jsonl_conll_separates_documents_with_docstart() {
    let input = b"{\"id\":1,\"text\":\"Mara Okafor met Dev Patel.\"}\n{\"id\":2,\"text\":\"Ines Duarte flew to Porto. She stayed.\"}\n";
    let out = loupe(&["annotate", "--jsonl", "--format", "conll"], input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("-DOCSTART-").count(), 2);
    assert!(text.contains("Okafor I-PER\n"));
    let out = loupe(&["annotate", "--jsonl", "--format", "brat"], input);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_readme_edit_file_applies_without_drops() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/edits/");
    let (article, fixes) = (format!("{dir}article.txt"), format!("{dir}fixes.json"));
    let out = loupe(&["annotate", &article, "--edits", &fixes], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = &json_lines(&out)[0];
    let given: Value = serde_json::from_str(&std::fs::read_to_string(&fixes).unwrap()).unwrap();
    assert_eq!(doc["dropped"], serde_json::json!([]));
    assert_eq!(doc["applied"].as_array().unwrap().len(), given.as_array().unwrap().len());
    // Every kind is exercised by the example.
    let mut kinds: Vec<&str> = given.as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 8);
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};

    // `loupe annotate --jsonl … | head -n 1`: once the reader has gone, loupe stops with
    // success and says nothing about a broken pipe.
    let mut child = spawn_jsonl_two_threads();
    let mut stdin = child.stdin.take().unwrap();
    let batch = generated_batch(400);
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(batch.as_bytes()); // fails once loupe has exited: fine
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with('{'), "{first}");
    // The pipe's read end is dropped here; loupe's next writes fail with EPIPE.
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    // Nothing about the pipe. (Rarely, under load, a line cut short by the ending process is
    // reported as invalid JSON; that report is not what this test is about.)
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("Broken pipe") && !err.contains("cannot write"), "{err}");
}

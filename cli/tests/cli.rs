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
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
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
    for key in ["sentences", "paragraphs", "entities", "quotes", "clusters"] {
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

    let out = loupe(&["annotate", t, "--format", "xml"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("json, quotes-csv, entities-csv, brat, conll, html"));
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

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
    feeder.join().unwrap().expect("loupe reads all its input");
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

#[test]
fn jsonl_streams_an_open_stdin() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(["annotate", "--jsonl", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run loupe");
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

//! The figures the project promises, checked on the shared data on every CI run, and the
//! agreement of `loupe eval` with the reference scorer. Skipped (with a message) when
//! `../shared/data` is not beside the repository, unless `CI` is set: then they fail.
//!
//! Floors sit at the issue targets (or just under today's score where a target is not met yet,
//! as a regression guard); the measured numbers live in model/MODEL_CARD.md and BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// `../shared/data` beside the repository (this crate is its `cli/`). Missing data skips the
/// test with a message, except on CI (`CI` set), where it fails: a CI run that checks no
/// figures must not pass.
fn data() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    if d.is_dir() {
        return Some(d);
    }
    missing(&d.display().to_string());
    None
}

/// Skips, or fails when `CI` is set.
fn missing(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} not found, and CI is set: the figures must be checked on CI");
    }
    eprintln!("skipped: {what} not found");
}

fn eval() -> Option<Value> {
    let d = data()?;
    let out = Command::new(env!("CARGO_BIN_EXE_loupe")).args(["eval", "--json", "--data"]).arg(&d).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn f1(v: &Value, file: &str) -> f64 {
    v["entities"][file]["ALL"]["f1"].as_f64().unwrap_or_else(|| panic!("no scores for {file}"))
}

#[test]
fn entity_figures() {
    let Some(r) = eval() else { return };
    let test = f1(&r, "conll2003/test.iob2");
    assert!(test >= 0.88, "CoNLL-2003 test F1 {test:.4} < 0.88");
    let raw = f1(&r, "conll2003/test.iob2 (raw)");
    assert!(raw >= 0.87, "CoNLL-2003 test through raw text F1 {raw:.4} < 0.87");
}

#[test]
fn quotation_figures() {
    let Some(r) = eval() else { return };
    let q = &r["quotes"]["polnear/dev.jsonl"];
    let det = q["detection"]["f1"].as_f64().unwrap();
    let spk = q["speaker_accuracy"].as_f64().unwrap();
    let attr = q["attributed"]["f1"].as_f64().unwrap();
    assert!(det >= 0.92, "quotation detection F1 {det:.4} < 0.92");
    assert!(spk >= 0.88, "speaker accuracy {spk:.4} < 0.88");
    assert!(attr >= 0.82, "attributed-quote F1 {attr:.4} < 0.82");
}

#[test]
fn eval_agrees_with_conlleval() {
    let Some(d) = data() else { return };
    let script = d.join("../tools/conlleval.py");
    if !script.is_file() {
        missing(&script.display().to_string());
        return;
    }
    let gold = d.join("conll2003/test.iob2");
    let tagged = std::env::temp_dir().join(format!("loupe-figures-{}.tagged", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg("tag-conll")
        .stdin(std::fs::File::open(&gold).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(&tagged, &out.stdout).unwrap();
    let reference = Command::new("python3").arg(&script).arg(&tagged).arg("--json").output().expect("python3");
    let _ = std::fs::remove_file(&tagged);
    assert!(reference.status.success(), "{}", String::from_utf8_lossy(&reference.stderr));
    let reference: Value = serde_json::from_slice(&reference.stdout).unwrap();
    let ours = eval().unwrap();
    for label in ["ALL", "PER", "ORG", "LOC", "MISC"] {
        let a = reference[label]["f1"].as_f64().unwrap();
        let b = ours["entities"]["conll2003/test.iob2"][label]["f1"].as_f64().unwrap();
        assert!((a - b).abs() < 5e-5, "{label}: conlleval {a} vs loupe eval {b}");
    }
}

#[test]
fn eval_agrees_with_score_py() {
    let Some(d) = data() else { return };
    let script = d.join("../tools/score.py");
    let gold = d.join("polnear/dev.jsonl");
    if !script.is_file() || !gold.is_file() {
        missing(&format!("{} or {}", script.display(), gold.display()));
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(["annotate", "--jsonl"])
        .stdin(std::fs::File::open(&gold).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let pred = std::env::temp_dir().join(format!("loupe-figures-{}.jsonl", std::process::id()));
    std::fs::write(&pred, &out.stdout).unwrap();
    let reference = Command::new("python3").arg(&script).arg(&gold).arg(&pred).arg("--json").output().expect("python3");
    let _ = std::fs::remove_file(&pred);
    assert!(reference.status.success(), "{}", String::from_utf8_lossy(&reference.stderr));
    let reference: Value = serde_json::from_slice(&reference.stdout).unwrap();
    let ours = eval().unwrap();
    let q = &ours["quotes"]["polnear/dev.jsonl"];
    for (theirs, mine) in [
        (&reference["quotes"]["f1"], &q["detection"]["f1"]),
        (&reference["quotes"]["speaker_accuracy"], &q["speaker_accuracy"]),
        (&reference["quotes"]["attributed_f1"], &q["attributed"]["f1"]),
    ] {
        let (a, b) = (theirs.as_f64().unwrap(), mine.as_f64().unwrap());
        assert!((a - b).abs() < 6e-5, "score.py {a} vs loupe eval {b}");
    }
}

/// Issue 8, item 4: text as people paste it scores like the plain text. Every variant of
/// `loupe eval --perturb` stays within 1 point of plain on quotation F1, speaker accuracy and
/// entity F1; "no blank lines" (hard-wrapped and one newline: paragraph breaks truly lost)
/// within 3. Known to fail while quote pairing works line by line on hard-wrapped text.
#[test]
fn perturbed_text_scores_like_plain() {
    let Some(d) = data() else { return };
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(["eval", "--json", "--perturb", "--data"])
        .arg(&d)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let variants = r["perturbations"].as_array().expect("no perturbations in the report");
    let figures = |v: &Value| -> [(&'static str, f64); 3] {
        let q = &v["quotes"]["polnear/dev.jsonl"];
        [
            ("quotation F1", q["detection"]["f1"].as_f64().expect("no quotation scores")),
            ("speaker accuracy", q["speaker_accuracy"].as_f64().unwrap()),
            ("entity F1", v["entities"]["conll2003/test.iob2 (raw)"]["f1"].as_f64().expect("no entity scores")),
        ]
    };
    assert_eq!(variants[0]["variant"], "plain");
    let plain = figures(&variants[0]);
    let mut failures = Vec::new();
    for v in &variants[1..] {
        let name = v["variant"].as_str().unwrap();
        let slack = if name == "no_blank_lines" { 0.03 } else { 0.01 };
        for ((what, got), (_, base)) in figures(v).into_iter().zip(plain) {
            if got < base - slack {
                failures.push(format!("{name}: {what} {got:.4} vs plain {base:.4}"));
            }
        }
    }
    assert!(failures.is_empty(), "more than the allowed slack below plain:\n{}", failures.join("\n"));
}

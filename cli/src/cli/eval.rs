//! `loupe eval`: scores the shipped models on every gold file under the data directory.
//!
//! - `*.iob2` / `*.conll` column files: tagged exactly as `loupe tag-conll` does, scored with
//!   conlleval semantics (exact entity span and type).
//! - `*.jsonl` files whose lines carry gold `quotes` and/or `entities` (PolNeAR's format, the
//!   reference scorer's format): annotated exactly as `loupe annotate --jsonl` does (code-point
//!   offsets), scored with the reference scorer's rules (see `loupe::score`).
//!
//! - the values file (`tests/fixtures/values.jsonl` in the repository, or `--values FILE`):
//!   `{"id", "text", "values": [{"start", "end", "label"}], "date"?}` lines, code-point
//!   offsets; each text annotated with its `date` as the reference date, scored on exact span
//!   and type (`loupe::score::value_scores`).
//!
//! Files named `train.*` are skipped unless `--all` is given: scores on training data say
//! little. The exception is quotation files (`train.jsonl` with gold `quotes`): the quotation
//! rules learn nothing from them, so their quotation scores are a second, larger check next to
//! dev — a rule change that helps dev but not train is tuned to dev.
//!
//! With `--perturb`, the quotation files and the CoNLL `test` files (through raw text) are
//! scored again on each [`Variant`] of their text (hard-wrapped, CRLF, …; see
//! [`super::perturb`]), gold offsets moved onto the rewritten text, next to the plain text.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::perturb::{OffsetShift, Variant};
use super::{conll::tag_text, lines, Outcome};
use loupe::conll;
use loupe::score::{
    conll_scores, score_quotes, span_scores, value_scores, LabelledSpan, Prf, QuoteScores, ScoredQuote,
};
use loupe::view::{OffsetMap, Unit};

#[derive(Serialize, Default)]
struct Report {
    data: String,
    /// What the shipped entity model was trained on and the scores recorded at training time
    /// (its "dev F1" comes from the selection run trained on train only).
    ner_training_data: String,
    ner_recorded_scores: BTreeMap<String, f32>,
    /// file → label → scores
    entities: BTreeMap<String, BTreeMap<String, PrfJson>>,
    quotes: BTreeMap<String, QuoteJson>,
    /// The values file's scores: label → scores (with "ALL").
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<ValuesJson>,
    /// The modern-news entity set (`eval/modern-news`): label → scores, with "ALL" and
    /// "untyped"; absent when the data has no `polnear/dev.jsonl`.
    #[serde(skip_serializing_if = "Option::is_none")]
    modern_news: Option<ModernJson>,
    /// With `--perturb`: variant ("plain" first) → scores on that variant of the text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    perturbations: Vec<PerturbJson>,
}

/// Scores on one variant of the text: quotation files, and the CoNLL test set through raw
/// text (all labels).
#[derive(Serialize)]
struct PerturbJson {
    variant: String,
    quotes: BTreeMap<String, QuoteJson>,
    entities: BTreeMap<String, PrfJson>,
}

#[derive(Serialize, Clone, Copy)]
struct PrfJson {
    precision: f64,
    recall: f64,
    f1: f64,
    gold: usize,
    predicted: usize,
}

impl From<Prf> for PrfJson {
    fn from(p: Prf) -> Self {
        PrfJson { precision: p.precision(), recall: p.recall(), f1: p.f1(), gold: p.gold, predicted: p.predicted }
    }
}

/// Scores on the values file.
#[derive(Serialize)]
struct ModernJson {
    file: String,
    articles: usize,
    scores: BTreeMap<String, PrfJson>,
}

#[derive(Serialize)]
struct ValuesJson {
    file: String,
    documents: usize,
    scores: BTreeMap<String, PrfJson>,
}

#[derive(Serialize, Clone, Copy)]
struct QuoteJson {
    detection: PrfJson,
    speaker_accuracy: f64,
    attributed: PrfJson,
}

/// Where the data lives when `--data` is not given.
fn default_data() -> PathBuf {
    if let Some(d) = std::env::var_os("LOUPE_DATA") {
        return d.into();
    }
    // This crate sits in cli/ of the repository; the data sits beside the repository.
    let beside_repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data");
    if beside_repo.is_dir() {
        return beside_repo;
    }
    PathBuf::from("../shared/data")
}

fn gold_files(dir: &Path, all: bool, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            gold_files(&p, all, out)?;
            continue;
        }
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        let stem = p.file_stem().and_then(|e| e.to_str()).unwrap_or("");
        if matches!(ext, "iob2" | "conll" | "jsonl") && (all || stem != "train") {
            out.push(p);
        }
    }
    Ok(())
}

/// The repository's values test set.
fn default_values() -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new(".."));
    repo.join("tests/fixtures/values.jsonl")
}

/// `loupe eval`: scores every gold file under `data` (or the default data directory) and the
/// values file (`values`, or the repository's when it exists); with `perturb`, also every
/// variant of text as people paste it.
pub fn run(
    data: Option<PathBuf>,
    values: Option<PathBuf>,
    json: bool,
    all: bool,
    perturb: bool,
) -> Result<Outcome, String> {
    let data = data.unwrap_or_else(default_data);
    let mut files = Vec::new();
    gold_files(&data, all, &mut files)
        .map_err(|e| format!("{e}\nhint: pass --data DIR or set LOUPE_DATA to the shared data folder"))?;
    let info = loupe::ner::info();
    let mut report = Report {
        data: data.display().to_string(),
        ner_training_data: info.training_data,
        ner_recorded_scores: info.scores.into_iter().collect(),
        ..Report::default()
    };
    let mut failed = 0;
    // (name, text, is quotation jsonl) of the files the perturbation suite rescans.
    let mut perturbed: Vec<(String, String, bool)> = Vec::new();
    for f in &files {
        let name = f.strip_prefix(&data).unwrap_or(f).display().to_string();
        let text = match fs::read(f).map_err(|e| e.to_string()).and_then(|b| {
            String::from_utf8(b).map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
        }) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("loupe: {name}: {e}");
                failed += 1;
                continue;
            }
        };
        if f.extension().is_some_and(|e| e == "jsonl") {
            let (ents, quotes, bad) = score_jsonl(&name, &text, None);
            failed += bad;
            if let Some(e) = ents {
                report.entities.insert(name.clone(), e.into_iter().map(|(k, v)| (k, v.into())).collect());
            }
            if let Some(q) = quotes {
                report.quotes.insert(name.clone(), q.into());
                if perturb {
                    perturbed.push((name.clone(), text.clone(), true));
                }
            }
        } else {
            let scores = score_conll(&text);
            report.entities.insert(name.clone(), scores.into_iter().map(|(k, v)| (k, v.into())).collect());
            let raw = score_conll_raw(&text, None);
            report.entities.insert(format!("{name} (raw)"), raw.into_iter().map(|(k, v)| (k, v.into())).collect());
            if perturb && f.file_stem().is_some_and(|s| s == "test") {
                perturbed.push((format!("{name} (raw)"), text, false));
            }
        }
    }
    let values_file = values.clone().unwrap_or_else(default_values);
    if values.is_some() || values_file.is_file() {
        let name = values_file.display().to_string();
        match fs::read(&values_file) {
            Ok(bytes) => {
                let (scores, documents, bad) = score_values(&name, &bytes);
                failed += bad;
                let scores = scores.into_iter().map(|(k, v)| (k, v.into())).collect();
                report.values = Some(ValuesJson { file: name, documents, scores });
            }
            Err(e) => {
                eprintln!("loupe: cannot read {name}: {e}");
                failed += 1;
            }
        }
    }
    let modern = super::modern::default_gold();
    if data.join("polnear/dev.jsonl").is_file() && modern.is_file() {
        match super::modern::score(&data, &modern) {
            Ok((scores, articles)) => {
                let scores = scores.into_iter().map(|(k, v)| (k, v.into())).collect();
                report.modern_news = Some(ModernJson { file: "eval/modern-news/gold.jsonl".into(), articles, scores });
            }
            Err(e) => {
                eprintln!("loupe: modern-news set: {e}");
                failed += 1;
            }
        }
    }
    if !all {
        failed += score_quote_train_files(&data, &mut report);
    }
    if perturb {
        report.perturbations = perturbations(&report, &perturbed);
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
    } else {
        print_table(&report);
    }
    Ok(if failed == 0 { Outcome::AllGood } else { Outcome::SomeFailed(failed) })
}

/// Scores the quotation rules on every `train.jsonl` under `data` that carries gold quotes
/// (their quotation scores only; the rules are not fitted to them). Returns the failures.
fn score_quote_train_files(data: &Path, report: &mut Report) -> usize {
    let mut all = Vec::new();
    if gold_files(data, true, &mut all).is_err() {
        return 0;
    }
    let mut failed = 0;
    for f in all.iter().filter(|f| f.file_name().is_some_and(|n| n == "train.jsonl")) {
        let name = f.strip_prefix(data).unwrap_or(f).display().to_string();
        match fs::read_to_string(f) {
            Ok(text) => {
                let (_, quotes, bad) = score_jsonl(&name, &text, None);
                failed += bad;
                if let Some(q) = quotes {
                    report.quotes.insert(name, q.into());
                }
            }
            Err(e) => {
                eprintln!("loupe: {name}: {e}");
                failed += 1;
            }
        }
    }
    failed
}

impl From<QuoteScores> for QuoteJson {
    fn from(q: QuoteScores) -> Self {
        QuoteJson {
            detection: q.detection.into(),
            speaker_accuracy: q.speaker_accuracy(),
            attributed: q.attributed.into(),
        }
    }
}

/// The plain scores (already in the report) and each variant's.
fn perturbations(report: &Report, files: &[(String, String, bool)]) -> Vec<PerturbJson> {
    let mut out = Vec::new();
    let mut plain = PerturbJson { variant: "plain".into(), quotes: BTreeMap::new(), entities: BTreeMap::new() };
    for (name, _, is_quotes) in files {
        if *is_quotes {
            plain.quotes.insert(name.clone(), report.quotes[name]);
        } else if let Some(all) = report.entities.get(name).and_then(|e| e.get("ALL")) {
            plain.entities.insert(name.clone(), *all);
        }
    }
    out.push(plain);
    for v in Variant::ALL {
        let mut p = PerturbJson { variant: v.name().into(), quotes: BTreeMap::new(), entities: BTreeMap::new() };
        for (name, text, is_quotes) in files {
            if *is_quotes {
                if let (_, Some(q), _) = score_jsonl(name, text, Some(v)) {
                    p.quotes.insert(name.clone(), q.into());
                }
            } else if let Some(all) = score_conll_raw(text, Some(v)).remove("ALL") {
                p.entities.insert(name.clone(), all.into());
            }
        }
        out.push(p);
    }
    out
}

/// Tags like `tag-conll`, then reads gold (second-to-last column) and prediction (last).
fn score_conll(text: &str) -> BTreeMap<String, Prf> {
    let tagged = tag_text(text);
    let mut sentences: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    for sentence in conll::documents(&tagged).iter().flatten() {
        // Lines without a gold column have nothing to be scored against.
        let rows = sentence.iter().filter_map(|r| Some((r.gold_before_tag()?, r.tag()?)));
        sentences.push(rows.unzip());
    }
    conll_scores(&sentences)
}

/// The same gold, but through the whole pipeline on raw text: each document is rebuilt as
/// text (words joined by spaces, one sentence per line) and annotated from scratch, so our own
/// tokenizer and sentence splitter are scored too. Entities match on exact span (code points)
/// and type. With a `variant`, each rebuilt document is rewritten that way first, gold moved.
fn score_conll_raw(text: &str, variant: Option<Variant>) -> BTreeMap<String, Prf> {
    let (mut gold, mut pred) = (HashSet::new(), HashSet::new());
    for (n, doc) in conll::documents(text).iter().enumerate() {
        let mut doc_text = String::new();
        let mut chars = 0; // doc_text.chars().count()
        let mut doc_gold = Vec::new();
        for sentence in doc.iter().filter(|s| !s.is_empty()) {
            let mut spans = Vec::with_capacity(sentence.len());
            for (i, row) in sentence.iter().enumerate() {
                if i > 0 {
                    doc_text.push(' ');
                    chars += 1;
                }
                let len = row.word().chars().count();
                spans.push((chars, chars + len));
                doc_text.push_str(row.word());
                chars += len;
            }
            doc_text.push('\n');
            chars += 1;
            let tags: Vec<&str> = sentence.iter().map(|r| r.tag().unwrap_or("O")).collect();
            for (s, e, typ) in loupe::score::chunks(&tags) {
                doc_gold.push((spans[s].0, spans[e - 1].1, typ.to_string()));
            }
        }
        let (doc_text, shift) = shifted(doc_text, variant);
        for (s, e, typ) in doc_gold {
            let (s, e) = shift.as_ref().map_or((s, e), |m| m.span((s, e)));
            gold.insert((n, s, e, typ));
        }
        let map = OffsetMap::new(&doc_text, Unit::CodePoint);
        for e in loupe::annotate(&doc_text).entities {
            let (s, en) = map.span(e.span);
            pred.insert((n, s, en, e.label.as_str().to_string()));
        }
    }
    span_scores(&gold, &pred)
}

/// `text`, or its `variant` and the shift that moves gold offsets onto it.
fn shifted(text: String, variant: Option<Variant>) -> (String, Option<OffsetShift>) {
    match variant {
        None => (text, None),
        Some(v) => {
            let (t, m) = v.apply(&text);
            (t, Some(m))
        }
    }
}

type JsonlScores = (Option<BTreeMap<String, Prf>>, Option<QuoteScores>, usize);

/// Annotates every `{"id","text",...}` line and scores what gold it carries (on the
/// `variant` of each text, gold moved onto it, when one is given).
fn score_jsonl(name: &str, text: &str, variant: Option<Variant>) -> JsonlScores {
    let (mut gold_e, mut pred_e) = (HashSet::new(), HashSet::new());
    let (mut has_e, mut has_q) = (false, false);
    let mut quotes = QuoteScores::default();
    let mut bad = 0;
    for (n, line) in lines(text.as_bytes()) {
        let Ok(v) = serde_json::from_slice::<Value>(line) else {
            if !line.iter().all(|b| b.is_ascii_whitespace()) {
                eprintln!("loupe: {name} line {n}: invalid JSON, skipped");
                bad += 1;
            }
            continue;
        };
        let Some(t) = v.get("text").and_then(Value::as_str) else {
            eprintln!("loupe: {name} line {n}: no \"text\", skipped");
            bad += 1;
            continue;
        };
        let (t, shift) = shifted(t.to_string(), variant);
        let t = t.as_str();
        let moved = |(s, e): (usize, usize)| shift.as_ref().map_or((s, e), |m| m.span((s, e)));
        let doc = loupe::annotate(t);
        let map = OffsetMap::new(t, Unit::CodePoint);
        if let Some(ents) = v.get("entities").and_then(Value::as_array) {
            has_e = true;
            for e in ents {
                // Like the reference scorer, labels other than PER ORG LOC MISC are ignored.
                let label = e.get("label").and_then(Value::as_str).filter(|l| loupe::Label::parse(l).is_some());
                if let (Some(s), Some(en), Some(l)) = (num(e, "start"), num(e, "end"), label) {
                    let (s, en) = moved((s, en));
                    gold_e.insert((n, s, en, l.to_string()));
                }
            }
            for e in &doc.entities {
                let (s, en) = map.span(e.span);
                pred_e.insert((n, s, en, e.label.as_str().to_string()));
            }
        }
        if let Some(qs) = v.get("quotes").and_then(Value::as_array) {
            has_q = true;
            let chars: Vec<char> = t.chars().collect();
            let gold: Vec<ScoredQuote> = qs
                .iter()
                .filter_map(|q| ScoredQuote::deserialize(q).ok())
                .map(|q| {
                    let (start, end) = moved((q.start, q.end));
                    ScoredQuote { start, end, speakers: q.speakers.into_iter().map(moved).collect() }
                })
                .collect();
            let pred = ScoredQuote::predicted(&doc, &map);
            quotes.add(score_quotes(&chars, &gold, &pred));
        }
    }
    (has_e.then(|| span_scores(&gold_e, &pred_e)), has_q.then_some(quotes), bad)
}

/// One `{"text", "values", "date"?}` line of a values file: its text, gold values and
/// reference date.
#[derive(Deserialize)]
struct ValuesLine {
    text: String,
    values: Vec<LabelledSpan>,
    #[serde(default)]
    date: Option<String>,
}

/// Annotates every line of a values file with its reference date and scores the values found
/// (exact span and type). Returns the scores, the number of documents and of bad lines.
fn score_values(name: &str, bytes: &[u8]) -> (BTreeMap<String, Prf>, usize, usize) {
    let mut docs = Vec::new();
    let mut bad = 0;
    for (n, line) in lines(bytes) {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let parsed = serde_json::from_slice::<ValuesLine>(line).map_err(|e| format!("invalid values line ({e})"));
        let with_date = parsed.and_then(|l| match l.date.as_deref().map(loupe::values::Date::parse) {
            Some(None) => Err(format!("\"date\" {:?} is not a calendar date written YYYY-MM-DD", l.date)),
            Some(d) => Ok((l, d)),
            None => Ok((l, None)),
        });
        let (l, reference_date) = match with_date {
            Ok(x) => x,
            Err(e) => {
                eprintln!("loupe: {name} line {n}: {e}, skipped");
                bad += 1;
                continue;
            }
        };
        let doc = loupe::annotate_with(&l.text, &loupe::Options { reference_date });
        let pred = LabelledSpan::predicted_values(&doc, &OffsetMap::new(&l.text, Unit::CodePoint));
        docs.push((l.values, pred));
    }
    (value_scores(&docs), docs.len(), bad)
}

fn num(v: &Value, k: &str) -> Option<usize> {
    v.get(k).and_then(Value::as_u64).map(|x| x as usize)
}

/// One table of scores by type: type, P, R, F1, gold and predicted counts.
fn print_by_type(scores: &BTreeMap<String, PrfJson>) {
    println!("{:<9} {:>7} {:>7} {:>7} {:>6} {:>6}", "type", "P", "R", "F1", "gold", "pred");
    for (lab, p) in scores {
        println!("{:<9} {:>7.4} {:>7.4} {:>7.4} {:>6} {:>6}", lab, p.precision, p.recall, p.f1, p.gold, p.predicted);
    }
}

fn print_table(r: &Report) {
    println!("data: {}", r.data);
    println!("entity model trained on: {}", r.ner_training_data);
    if r.ner_training_data.contains("train+dev") {
        if let Some(dev) = r.ner_recorded_scores.get("dev F1") {
            println!(
                "note: its dev rows below are not held out; the selection run (train only) scored dev F1 {dev:.4}"
            );
        }
    }
    if !r.entities.is_empty() {
        println!("\nEntities (exact span and type)");
        println!("{:<28} {:<5} {:>7} {:>7} {:>7} {:>6} {:>6}", "file", "type", "P", "R", "F1", "gold", "pred");
        for (file, by) in &r.entities {
            for (lab, p) in by {
                println!(
                    "{:<28} {:<5} {:>7.4} {:>7.4} {:>7.4} {:>6} {:>6}",
                    file, lab, p.precision, p.recall, p.f1, p.gold, p.predicted
                );
            }
        }
    }
    if !r.quotes.is_empty() {
        println!("\nQuotations (Jaccard >= 0.8 on insides; speaker = overlap)");
        println!(
            "{:<28} {:>7} {:>7} {:>7} {:>9} {:>9} {:>6} {:>6}",
            "file", "det P", "det R", "det F1", "spk acc", "attr F1", "gold", "pred"
        );
        for (file, q) in &r.quotes {
            println!(
                "{:<28} {:>7.4} {:>7.4} {:>7.4} {:>9.4} {:>9.4} {:>6} {:>6}",
                file,
                q.detection.precision,
                q.detection.recall,
                q.detection.f1,
                q.speaker_accuracy,
                q.attributed.f1,
                q.detection.gold,
                q.detection.predicted
            );
        }
    }
    if let Some(m) = &r.modern_news {
        println!("\nEntities, modern news: {} ({} PolNeAR dev articles, raw text)", m.file, m.articles);
        print_by_type(&m.scores);
    }
    if let Some(v) = &r.values {
        println!("\nValues (exact span and type), {} documents of {}", v.documents, v.file);
        print_by_type(&v.scores);
    }
    if !r.perturbations.is_empty() {
        println!("\nText as pasted (--perturb): each variant against the plain text");
        println!(
            "{:<16} {:<24} {:>7} {:>9} {:>9} {:<28} {:>7}",
            "variant", "quotes file", "det F1", "spk acc", "attr F1", "entities file", "ent F1"
        );
        for p in &r.perturbations {
            let rows = p.quotes.len().max(p.entities.len()).max(1);
            for i in 0..rows {
                let (qf, det, spk, attr) = p.quotes.iter().nth(i).map_or(Default::default(), |(f, q)| {
                    let x = |v: f64| format!("{v:.4}");
                    (f.as_str(), x(q.detection.f1), x(q.speaker_accuracy), x(q.attributed.f1))
                });
                let (ef, ent) =
                    p.entities.iter().nth(i).map_or(Default::default(), |(f, e)| (f.as_str(), format!("{:.4}", e.f1)));
                let variant = if i == 0 { p.variant.as_str() } else { "" };
                println!("{variant:<16} {qf:<24} {det:>7} {spk:>9} {attr:>9} {ef:<28} {ent:>7}");
            }
        }
    }
}

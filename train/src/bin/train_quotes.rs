//! Development harness for quotation attribution on PolNeAR-style JSON lines.
//!
//! The attribution is rule-based (see `src/quotes/`), so nothing is trained yet; this binary
//! runs it over a gold file and either writes predictions for the reference scorer or prints
//! the errors by class, which is how the rules were developed (on train, checked on dev).
//!
//! Matching and scores are `loupe::score`'s, the same code `loupe eval` reports with.
//!
//!     cargo run --release -p loupe-train --bin train_quotes -- predict ../shared/data/polnear/dev.jsonl > pred.jsonl
//!     python3 ../shared/tools/score.py ../shared/data/polnear/dev.jsonl pred.jsonl
//!     cargo run --release -p loupe-train --bin train_quotes -- errors ../shared/data/polnear/train.jsonl | less

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use loupe::score::{match_quotes, score_quotes, speaker_right, QuoteScores, ScoredQuote};
use loupe::view::{OffsetMap, Unit};
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Parser)]
#[command(name = "train_quotes", about = "Run the quotation rules over a PolNeAR-style gold file.")]
struct Args {
    /// What to print.
    #[arg(value_enum)]
    mode: Mode,
    /// JSON-lines file with `id`, `text` and gold `quotes` (offsets in code points).
    file: PathBuf,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum Mode {
    /// One `{"id","quotes"}` line per document, for `../shared/tools/score.py`.
    Predict,
    /// Every false negative, false positive and wrong speaker, then the scores.
    Errors,
    /// The scores only.
    Score,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let file = match std::fs::File::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("train_quotes: cannot open {}: {e}", args.file.display());
            return ExitCode::from(2);
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut tot = QuoteScores::default();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { continue };
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            eprintln!("line {}: invalid JSON", n + 1);
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let doc = loupe::annotate(text);
        let map = OffsetMap::new(text, Unit::CodePoint);
        let pred = ScoredQuote::predicted(&doc, &map);
        if args.mode == Mode::Predict {
            let qs: Vec<Value> = pred
                .iter()
                .map(|q| {
                    let sp = q.speakers.first().map(|&(a, b)| json!({"start": a, "end": b}));
                    json!({"start": q.start, "end": q.end, "speaker": sp})
                })
                .collect();
            let _ = writeln!(out, "{}", json!({"id": v["id"], "quotes": qs}));
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let gold = gold_quotes(&v);
        tot.add(score_quotes(&chars, &gold, &pred));
        if args.mode == Mode::Errors {
            let cues: Vec<Option<(usize, usize)>> = doc.quotes.iter().map(|q| q.cue.map(|c| map.span(c))).collect();
            let id = v["id"].as_str().unwrap_or("?");
            print_errors(id, &chars, &gold, &pred, &cues, &mut out);
        }
    }
    if args.mode != Mode::Predict {
        let (d, a) = (tot.detection, tot.attributed);
        let _ = writeln!(
            out,
            "detection P {:.4} R {:.4} F1 {:.4} (gold {} pred {}); speaker accuracy {:.4}; attributed F1 {:.4}",
            d.precision(),
            d.recall(),
            d.f1(),
            d.gold,
            d.predicted,
            tot.speaker_accuracy(),
            a.f1()
        );
    }
    ExitCode::SUCCESS
}

/// The gold quotes of one line (read as `loupe eval` reads them).
fn gold_quotes(v: &Value) -> Vec<ScoredQuote> {
    let quotes = v["quotes"].as_array().map_or(&[][..], Vec::as_slice);
    quotes.iter().filter_map(|q| ScoredQuote::deserialize(q).ok()).collect()
}

/// Prints the errors of one document, matched the reference scorer's way
/// ([`loupe::score::match_quotes`]): `FN` gold quotes without a match, `SPK` matched quotes with
/// a gold speaker the prediction misses, `FP` predictions that matched nothing.
fn print_errors(
    id: &str,
    chars: &[char],
    gold: &[ScoredQuote],
    pred: &[ScoredQuote],
    cues: &[Option<(usize, usize)>],
    out: &mut impl Write,
) {
    let snip = |s: usize, e: usize| -> String {
        let s = s.min(chars.len());
        let e = e.min(chars.len()).max(s);
        chars[s..e].iter().collect::<String>().replace('\n', " | ")
    };
    let matches = match_quotes(chars, gold, pred);
    let mut used = vec![false; pred.len()];
    for (g, m) in gold.iter().zip(&matches) {
        let (gs, ge) = (g.start, g.end);
        let Some(i) = *m else {
            let _ = writeln!(
                out,
                "FN\t{id}\t{} [[{}]] {}",
                snip(gs.saturating_sub(80), gs),
                snip(gs, ge),
                snip(ge, ge + 60)
            );
            continue;
        };
        used[i] = true;
        if g.speakers.is_empty() || speaker_right(g, &pred[i]) {
            continue;
        }
        let gsp = g.speakers[0];
        let lo = gsp.0.min(gs).saturating_sub(60);
        let hi = gsp.1.max(ge) + 40;
        let _ = writeln!(
            out,
            "SPK\t{id}\tgold={:?} pred={:?} cue={:?}\t{} [[{}]] {}",
            snip(gsp.0, gsp.1),
            pred[i].speakers.first().map(|&(a, b)| snip(a, b)),
            cues[i].map(|(a, b)| snip(a, b)),
            shorten(&snip(lo, gs)),
            shorten(&snip(gs, ge)),
            snip(ge, hi)
        );
    }
    for (p, _) in pred.iter().zip(&used).filter(|(_, &u)| !u) {
        let _ = writeln!(
            out,
            "FP\t{id}\t{} [[{}]] {}",
            snip(p.start.saturating_sub(60), p.start),
            snip(p.start, p.end),
            snip(p.end, p.end + 40)
        );
    }
}

/// Keeps a long context readable: its first and last 250 characters.
fn shorten(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    if c.len() <= 600 {
        return s.to_string();
    }
    format!("{} … {}", c[..250].iter().collect::<String>(), c[c.len() - 250..].iter().collect::<String>())
}

//! Development harness for quotation attribution on PolNeAR-style JSON lines.
//!
//! The attribution is rule-based (see `src/quotes/`), so nothing is trained yet; this binary
//! runs it over a gold file and either writes predictions for the reference scorer or prints
//! the errors by class, which is how the rules were developed (on train, checked on dev).
//!
//!     cargo run --release --bin train_quotes -- predict ../shared/data/polnear/dev.jsonl > pred.jsonl
//!     python3 ../shared/tools/score.py ../shared/data/polnear/dev.jsonl pred.jsonl
//!     cargo run --release --bin train_quotes -- errors ../shared/data/polnear/train.jsonl | less

use std::io::{BufRead, BufReader, Write};

use loupe::view::{OffsetMap, Unit};
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 || !matches!(args[1].as_str(), "predict" | "errors" | "score") {
        eprintln!("usage: train_quotes predict|errors|score FILE.jsonl");
        std::process::exit(2);
    }
    let file = match std::fs::File::open(&args[2]) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("train_quotes: cannot open {}: {e}", args[2]);
            std::process::exit(2);
        }
    };
    let out = std::io::stdout();
    let mut out = out.lock();
    let mut tot = Tally::default();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let Ok(line) = line else { continue };
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            eprintln!("line {}: invalid JSON", n + 1);
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let doc = loupe::annotate(text);
        let map = OffsetMap::new(text, Unit::CodePoint);
        let pred: Vec<(usize, usize, Option<(usize, usize)>, Option<(usize, usize)>)> = doc
            .quotes
            .iter()
            .map(|q| {
                let (s, e) = map.span(q.span);
                (s, e, q.speaker.map(|sp| map.span(sp)), q.cue.map(|c| map.span(c)))
            })
            .collect();
        match args[1].as_str() {
            "predict" => {
                let qs: Vec<Value> = pred
                    .iter()
                    .map(|(s, e, sp, _)| {
                        json!({"start": s, "end": e, "speaker": sp.map(|(a, b)| json!({"start": a, "end": b}))})
                    })
                    .collect();
                let _ = writeln!(out, "{}", json!({"id": v["id"], "quotes": qs}));
            }
            _ => {
                let verbose = args[1] == "errors";
                compare(&v, text, &pred, &mut tot, verbose, &mut out);
            }
        }
    }
    if args[1] != "predict" {
        let p = tot.tp as f64 / tot.np.max(1) as f64;
        let r = tot.tp as f64 / tot.ng.max(1) as f64;
        let f = 2.0 * p * r / (p + r).max(1e-9);
        let acc = tot.spk_ok as f64 / tot.spk_n.max(1) as f64;
        let ap = tot.spk_ok as f64 / tot.np.max(1) as f64;
        let ar = tot.spk_ok as f64 / tot.ng.max(1) as f64;
        let af = 2.0 * ap * ar / (ap + ar).max(1e-9);
        let _ = writeln!(
            out,
            "detection P {p:.4} R {r:.4} F1 {f:.4} (gold {} pred {}); speaker accuracy {acc:.4}; attributed F1 {af:.4}",
            tot.ng, tot.np
        );
    }
}

#[derive(Default)]
struct Tally {
    tp: usize,
    np: usize,
    ng: usize,
    spk_ok: usize,
    spk_n: usize,
}

const MARKS: &str = "\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{ab}\u{bb}\u{201e} \n\t,.";

fn inside(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = (s.min(chars.len()), e.min(chars.len()));
    while s < e && MARKS.contains(chars[s]) {
        s += 1;
    }
    while e > s && MARKS.contains(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

type Pred = (usize, usize, Option<(usize, usize)>, Option<(usize, usize)>);

/// The reference scorer's matching (greedy per gold quote, in gold order), with error output.
fn compare(v: &Value, text: &str, pred: &[Pred], tot: &mut Tally, verbose: bool, out: &mut impl Write) {
    let chars: Vec<char> = text.chars().collect();
    let snip = |s: usize, e: usize| -> String {
        let s = s.min(chars.len());
        let e = e.min(chars.len()).max(s);
        chars[s..e].iter().collect::<String>().replace('\n', " | ")
    };
    let gold: Vec<(usize, usize, Vec<(usize, usize)>)> = v["quotes"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|q| {
                    let n = |x: &Value| x.as_u64().unwrap_or(0) as usize;
                    let sp = q["speaker"]
                        .as_array()
                        .map(|l| l.iter().map(|x| (n(&x["start"]), n(&x["end"]))).collect())
                        .unwrap_or_default();
                    (n(&q["start"]), n(&q["end"]), sp)
                })
                .collect()
        })
        .unwrap_or_default();
    tot.ng += gold.len();
    tot.np += pred.len();
    let mut used = vec![false; pred.len()];
    let id = v["id"].as_str().unwrap_or("?");
    for (gs, ge, gsp) in &gold {
        let (a, b) = inside(&chars, *gs, *ge);
        let mut best = None;
        let mut bj = 0.8;
        for (i, p) in pred.iter().enumerate() {
            if used[i] {
                continue;
            }
            let (c, d) = inside(&chars, p.0, p.1);
            let inter = b.min(d).saturating_sub(a.max(c));
            let union = b.max(d) - a.min(c);
            let j = if union > 0 { inter as f64 / union as f64 } else { ((a, b) == (c, d)) as u8 as f64 };
            if j >= bj {
                best = Some(i);
                bj = j;
            }
        }
        let Some(i) = best else {
            if verbose {
                let _ = writeln!(out, "FN\t{id}\t{} [[{}]] {}", snip(gs.saturating_sub(80), *gs), snip(*gs, *ge), snip(*ge, ge + 60));
            }
            continue;
        };
        used[i] = true;
        tot.tp += 1;
        if gsp.is_empty() {
            continue;
        }
        tot.spk_n += 1;
        let ok = pred[i].2.is_some_and(|(c, d)| gsp.iter().any(|&(a, b)| a < d && c < b));
        if ok {
            tot.spk_ok += 1;
        } else if verbose {
            let lo = gsp[0].0.min(*gs).saturating_sub(60);
            let hi = gsp[0].1.max(*ge) + 40;
            let _ = writeln!(
                out,
                "SPK\t{id}\tgold={:?} pred={:?} cue={:?}\t{} [[{}]] {}",
                snip(gsp[0].0, gsp[0].1),
                pred[i].2.map(|(a, b)| snip(a, b)),
                pred[i].3.map(|(a, b)| snip(a, b)),
                shorten(&snip(lo, *gs)),
                shorten(&snip(*gs, *ge)),
                snip(*ge, hi)
            );
        }
    }
    if verbose {
        for (i, p) in pred.iter().enumerate() {
            if !used[i] {
                let _ = writeln!(out, "FP\t{id}\t{} [[{}]] {}", snip(p.0.saturating_sub(60), p.0), snip(p.0, p.1), snip(p.1, p.1 + 40));
            }
        }
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

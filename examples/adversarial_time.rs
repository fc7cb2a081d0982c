//! Times each adversarial input at growing sizes, stage by stage, to find super-linear stages.
//!
//!     cargo run --profile ci --example adversarial_time [-- NAME... ] [--max-kb 256] [--min-kb 16]
//!
//! Prints, per input and size, the seconds spent in each stage and the growth exponent
//! log2(t(2n)/t(n)) of the whole pipeline. A size is skipped once a smaller one took over
//! `LOUPE_TIME_BUDGET` seconds (default 20), so quadratic inputs do not stall the run.
//!
//!     cargo run --profile ci --example adversarial_time -- --write-seeds fuzz/seeds/annotate
//!
//! writes each input at 4 KB (minus one unit) as a fuzz seed, `adv_NAME.txt`, instead.

#[path = "../benches/support/adversarial_inputs.rs"]
mod inputs;

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut max_kb = 256;
    let mut min_kb = 16;
    let mut names = vec![];
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--max-kb" => {
                max_kb = args[i + 1].parse().unwrap();
                i += 1;
            }
            "--min-kb" => {
                min_kb = args[i + 1].parse().unwrap();
                i += 1;
            }
            "--write-seeds" => {
                let dir = std::path::Path::new(&args[i + 1]);
                std::fs::create_dir_all(dir).unwrap();
                for (name, gen) in inputs::INPUTS {
                    // Largest generated text that fits in 4 KB: the fuzzer's default max_len.
                    let mut n = 4096;
                    let mut text = gen(n);
                    while text.len() > 4096 {
                        n -= 16;
                        text = gen(n);
                    }
                    std::fs::write(dir.join(format!("adv_{name}.txt")), text).unwrap();
                }
                return;
            }
            n => names.push(n.to_string()),
        }
        i += 1;
    }
    let budget: f64 = std::env::var("LOUPE_TIME_BUDGET").ok().and_then(|s| s.parse().ok()).unwrap_or(20.0);
    let _ = loupe::annotate("Warm up the model."); // load the NER artifact outside the timings
    println!(
        "{:<15} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>6}",
        "input", "KB", "segment", "ner", "values", "quotes", "clusters", "view", "total", "s/MB", "exp"
    );
    for (name, gen) in inputs::INPUTS {
        if !names.is_empty() && !names.iter().any(|n| n == name) {
            continue;
        }
        let mut prev: Option<f64> = None;
        let mut kb = min_kb;
        while kb <= max_kb {
            let text = gen(kb * 1024);
            let mut doc = loupe::Document { text: text.clone(), ..Default::default() };
            let t0 = Instant::now();
            loupe::text::segment(&mut doc);
            let t1 = Instant::now();
            loupe::ner::recognize(&mut doc);
            let t2v = Instant::now();
            loupe::values::find(&mut doc, None);
            let t2 = Instant::now();
            loupe::quotes::find(&mut doc);
            let t3 = Instant::now();
            loupe::clusters::group(&mut doc);
            let t4 = Instant::now();
            let view = loupe::view::DocumentView::new(&doc, loupe::view::Unit::Utf16);
            let t5 = Instant::now();
            drop(view);
            let s = |a: Instant, b: Instant| (b - a).as_secs_f64();
            let total = s(t0, t5);
            let exp = prev.map(|p| format!("{:.2}", (total / p).log2())).unwrap_or_default();
            println!(
                "{:<15} {:>6} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.4} {:>9.3} {:>6}",
                name,
                text.len() / 1024,
                s(t0, t1),
                s(t1, t2v),
                s(t2v, t2),
                s(t2, t3),
                s(t3, t4),
                s(t4, t5),
                total,
                total / (text.len() as f64 / 1_048_576.0),
                exp
            );
            prev = Some(total);
            if total > budget {
                break;
            }
            kb *= 2;
        }
    }
}

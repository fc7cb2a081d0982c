//! Time per MB of `loupe::annotate` on plain news and on adversarial inputs (issue 8, item 3):
//! every stage must stay linear, whatever the text. Target: none slower than 3× news per MB.
//!
//!     cargo bench --bench adversarial                      # ~1 MB each, a few minutes
//!     LOUPE_BENCH_KB=256 cargo bench --bench adversarial   # smaller inputs
//!     LOUPE_BENCH_SKIP=news,brackets cargo bench --bench adversarial   # leave inputs out
//!
//! Criterion reports throughput in bytes/s. The inputs are generated, deterministically, by
//! `benches/support/adversarial_inputs.rs` (shared with `examples/adversarial_time.rs`, which times each
//! stage at growing sizes to find the super-linear one, and with the fuzz seeds).

#[path = "support/adversarial_inputs.rs"]
mod inputs;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn adversarial(c: &mut Criterion) {
    let kb: usize = std::env::var("LOUPE_BENCH_KB").ok().and_then(|s| s.parse().ok()).unwrap_or(1024);
    let skip = std::env::var("LOUPE_BENCH_SKIP").unwrap_or_default();
    let _ = loupe::annotate("Load the model first."); // the artifact parse is not part of any timing
    let mut g = c.benchmark_group("adversarial");
    g.sampling_mode(SamplingMode::Flat);
    for (name, gen) in inputs::INPUTS {
        if skip.split(',').any(|s| s == *name) {
            continue;
        }
        let text = gen(kb * 1024);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("annotate", name), &text, |b, t| b.iter(|| loupe::annotate(black_box(t))));
    }
    g.finish();
}

criterion_group! {
    name = benches;
    // Each iteration is about a second at 1 MB: ten samples, short warm-up, so the whole
    // bench takes a few minutes on the 2-core VM.
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(4));
    targets = adversarial
}
criterion_main!(benches);

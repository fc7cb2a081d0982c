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
//! ```
//! Weights are quantised to i16 with one scale per stage and stored sparsely: for each feature
//! (32-bit key) only the states whose weight survived pruning.

use super::clusters::{home, Clusters};
use super::codec::{checksum, Reader, Writer};
use super::features::{extract_base, extract_stage2, DocFeatures, FEATURE_VERSION};
use super::tags::{self, N};

/// Longest stretch of tokens decoded as one sentence.
pub const MAX_SENTENCE: usize = 1_000;
/// Most tokens whose features are held in memory at once (about 20 MB).
pub const MAX_CHUNK: usize = 50_000;

/// Magic bytes at the start of every artifact.
pub const MAGIC: &[u8; 8] = b"LOUPENER";
/// Version of the artifact layout.
pub const FORMAT_VERSION: u32 = 3;

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

/// One stage's sparse, quantised weights.
#[derive(Clone, Debug)]
pub struct Weights {
    /// Open-addressing table: `[key, first entry << 5 | entry count]` (key 0 = empty slot).
    /// Key and location share a cache line, so a lookup costs about two memory accesses.
    slots: Vec<[u32; 2]>,
    /// Entries: `state << 16 | weight as u16`.
    entries: Vec<u32>,
    trans: Transitions,
    /// Multiply a summed i16 score by this to get the trained float scale.
    pub scale: f32,
    n_keys: usize,
}

/// The 32-bit key a 64-bit feature hash is stored under.
#[inline]
pub fn feature_key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

impl Weights {
    /// Builds from per-feature sparse rows (sorted by key, no duplicate keys), already quantised.
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
        Weights { slots: vec![[0, 0]; cap], entries: Vec::with_capacity(n * 3), trans, scale, n_keys: 0 }
    }

    /// Adds one feature's entries; a repeated key or a full table is ignored.
    fn insert(&mut self, key: u32, entries: impl Iterator<Item = (u8, i16)>) {
        let key = key.max(1);
        if (self.n_keys + 1) * 10 > self.slots.len() * 9 {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut i = home(key, mask);
        while self.slots[i][0] != 0 && self.slots[i][0] != key {
            i = (i + 1) & mask;
        }
        if self.slots[i][0] == key || self.entries.len() >= (1 << 27) - N {
            return;
        }
        let start = self.entries.len();
        for (s, v) in entries.take(N) {
            self.entries.push((s as u32) << 16 | v as u16 as u32);
        }
        self.slots[i] = [key, (start as u32) << 5 | (self.entries.len() - start) as u32];
        self.n_keys += 1;
    }

    fn range(&self, i: usize) -> std::ops::Range<usize> {
        let s = (self.slots[i][1] >> 5) as usize;
        s..s + (self.slots[i][1] & 31) as usize
    }

    fn entry(&self, j: usize) -> (u8, i16) {
        let e = self.entries[j];
        ((e >> 16) as u8, e as u16 as i16)
    }

    /// Number of stored features and of stored (feature, state) weights.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn counts(&self) -> (usize, usize) {
        (self.n_keys, self.entries.len())
    }

    /// Adds the weights of the features `feats` into `scores` (integer units).
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut [i32; N]) {
        let mask = self.slots.len() - 1;
        for &h in feats {
            let key = feature_key(h);
            let mut i = home(key, mask);
            loop {
                let [k, loc] = self.slots[i];
                if k == key {
                    let s = (loc >> 5) as usize;
                    let e = s + (loc & 31) as usize;
                    for &x in self.entries.get(s..e).unwrap_or(&[]) {
                        scores[(x >> 16) as usize % N] += x as u16 as i16 as i32;
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
    }

    fn write(&self, w: &mut Writer) {
        w.f32(self.scale);
        for row in &self.trans {
            for &v in row {
                w.f32(v);
            }
        }
        let mut keys: Vec<usize> = (0..self.slots.len()).filter(|&i| self.slots[i][0] != 0).collect();
        keys.sort_unstable_by_key(|&i| self.slots[i][0]);
        w.u32(keys.len() as u32);
        let mut last = 0u32;
        for &i in &keys {
            w.varint((self.slots[i][0] - last) as u64);
            last = self.slots[i][0];
        }
        // Separate streams compress better than interleaved records.
        for &i in &keys {
            w.u8(self.range(i).len() as u8);
        }
        for &i in &keys {
            for j in self.range(i) {
                w.u8(self.entry(j).0);
            }
        }
        for &i in &keys {
            for j in self.range(i) {
                w.u8(self.entry(j).1 as u16 as u8);
            }
        }
        for &i in &keys {
            for j in self.range(i) {
                w.u8((self.entry(j).1 as u16 >> 8) as u8);
            }
        }
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
        let n = r.u32()? as usize;
        if n > 50_000_000 {
            return Err(format!("implausible feature count in `{section}`"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            last += r.varint()?;
            keys.push(u32::try_from(last).map_err(|_| format!("feature key out of range in `{section}`"))?);
        }
        let lens = r.bytes(n)?;
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let states = r.bytes(total)?;
        let lo = r.bytes(total)?;
        let hi = r.bytes(total)?;
        if states.iter().any(|&s| s as usize >= N) {
            return Err(format!("state out of range in `{section}`"));
        }
        let mut w = Weights::with_capacity(n, trans, scale);
        let mut at = 0;
        for (k, &l) in keys.into_iter().zip(lens) {
            let l = (l as usize).min(N);
            w.insert(k, (at..at + l).map(|j| (states[j], i16::from_le_bytes([lo[j], hi[j]]))));
            at += l;
        }
        Ok(w)
    }

    /// Decodes every sentence of a document given its features; flattened states.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn decode_doc<S>(&self, sentences: &[Vec<S>], feats: &DocFeatures) -> Vec<u8> {
        decode_all(self, sentences, feats, None, &mut Vec::new())
    }

    /// Decodes one sentence given its features (and optional extra features per token),
    /// appending states to `out`.
    fn decode(
        &self,
        feats: &DocFeatures,
        extra: Option<&DocFeatures>,
        range: std::ops::Range<usize>,
        em: &mut Vec<[f32; N]>,
        out: &mut Vec<u8>,
    ) {
        em.clear();
        for t in range {
            let mut s = [0i32; N];
            self.score(feats.token(t), &mut s);
            if let Some(x) = extra {
                self.score(x.token(t), &mut s);
            }
            em.push(s.map(|v| v as f32));
        }
        viterbi(em, &self.trans, out);
    }
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
            for p in 0..N {
                if cur[p] == NEG || !ALLOWED.0[p][s] {
                    continue;
                }
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
            let clusters = Clusters::read(r)?;
            let stage1 = Weights::read(r, "stage 1 weights")?;
            let stage2 = Weights::read(r, "stage 2 weights")?;
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
        let mut p = Writer::default();
        p.str(&self.meta.name);
        p.str(&self.meta.version);
        p.str(&self.meta.training_data);
        p.varint(self.meta.scores.len() as u64);
        for (k, v) in &self.meta.scores {
            p.str(k);
            p.f32(*v);
        }
        self.clusters.write(&mut p);
        self.stage1.write(&mut p);
        self.stage2.write(&mut p);
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.u32(FEATURE_VERSION);
        w.u64(p.buf.len() as u64);
        w.u64(checksum(&p.buf));
        w.buf.extend_from_slice(&p.buf);
        w.buf
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

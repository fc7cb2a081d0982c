//! Feature extraction for the entity tagger: one extractor shared by training and inference.
//!
//! Why hashes: every feature ("the word two to the left is `minister`", "the suffix is `-burg`")
//! is reduced to a 64-bit hash computed straight from the characters, so the hot path never
//! allocates a `String` per token and the model needs no feature-name dictionary. Token forms
//! are normalised first (curly quotes and apostrophes → straight, dashes → `-`, digits → `0`)
//! so modern typography looks like the 1996 Reuters text the model learned from.
//!
//! Features come in three layers:
//! * local: word, lowercase word, shape, prefixes/suffixes, capitalisation, window ±2,
//!   word clusters (k-means over GloVe-derived vectors, four granularities) and news-context
//!   clusters (k-means over the GloVe vectors of the words around each word form in modern
//!   news, case kept);
//! * gazetteers: the token is the single token, the first, an inner or the last token of an
//!   n-gram that a typed name list holds ([`super::gazetteer`]; only when the model has one);
//! * document: whether the same word is written capitalised mid-sentence or lowercase elsewhere
//!   in the document (helps ALL-CAPS headlines and sentence-initial words);
//! * second stage: the first stage's labels for every other occurrence of the same word in the
//!   document ("context aggregation", Ratinov & Roth 2009), which makes tags consistent, plus
//!   only the first-stage features about the token itself and the words next to it
//!   ([`DocFeatures::shared_token`]): with the first stage's labels as evidence the wider
//!   window, affixes and bigrams added a third of the artifact's bytes and no accuracy.
//!
//! Changing anything here changes what the weights mean: bump [`FEATURE_VERSION`] and retrain.

use super::clusters::{Clusters, LEVELS, MAX_NEWS, NO_CLUSTER};
use super::gazetteer;
use super::tags;
use crate::doc::Label;

/// Version of the feature definitions; stored in the artifact and checked on load.
pub const FEATURE_VERSION: u32 = 8;

// ---------------------------------------------------------------------------------------------
// Hashing

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// Final avalanche (MurmurHash3 fmix64): spreads a running hash over all 64 bits.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Adds one character to a running string hash.
#[inline]
fn push(h: u64, c: char) -> u64 {
    (h.rotate_left(5) ^ c as u64).wrapping_mul(K1)
}

/// Feature hash of a template and one value.
#[inline]
fn f1(template: u64, a: u64) -> u64 {
    fmix(template.wrapping_mul(K2) ^ a)
}

/// Feature hash of a template and two values.
#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    fmix(template.wrapping_mul(K2) ^ a ^ b.rotate_left(31).wrapping_mul(K1))
}

pub use crate::text::facts::norm_char;
use crate::text::facts::{shape_class, Flags};

/// The key under which a word's cluster is stored: its lowercase, normalised form, 32 bits.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub fn cluster_key(word: &str) -> u32 {
    let mut h = 0x1234_5678u64;
    for c in word.chars() {
        let c = norm_char(c);
        if c.is_ascii() {
            h = push(h, c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h = push(h, l);
            }
        }
    }
    (fmix(h) >> 32) as u32
}

/// The key under which a word's news-context cluster is stored: its normalised form with case
/// and digits kept, 32 bits (news clusters tell "Bush" from "bush" and "US" from "us").
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub fn news_key(word: &str) -> u32 {
    let mut h = 0x0BAD_CAFEu64;
    for c in word.chars() {
        h = push(h, norm_char(c));
    }
    (fmix(h) >> 32) as u32
}

/// The gazetteer key of a listed name given as its tokens (as the tokenizer cuts it): the same
/// key [`extract_base`] computes for the token n-gram, from the tokens' normalised lowercase forms.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub fn phrase_key<S: AsRef<str>>(words: &[S]) -> u32 {
    let empty = Clusters::empty();
    gazetteer::key32(words.iter().fold(gazetteer::SEED, |h, w| gazetteer::step(h, tok_info(w.as_ref(), &empty).lw)))
}

/// Gazetteer matches of one sentence: for token `i`, bit `4 * type + position` of `out[i]` is
/// set when an n-gram of list `type` covers it (position 0 single token, 1 first, 2 inner,
/// 3 last). Only n-grams starting at a capitalised token, of at most `MAX_LEN` tokens, are
/// looked up: a few hash lookups for a capitalised word, none for the others.
fn gazetteer_bits(toks: &[TokInfo], gaz: &gazetteer::Gazetteer, out: &mut Vec<u64>) {
    out.clear();
    out.resize(toks.len(), 0);
    if gaz.is_empty() {
        return;
    }
    for i in 0..toks.len() {
        if toks[i].flags & F_INIT_CAP == 0 {
            continue;
        }
        let mut h = gazetteer::SEED;
        for k in 1..=gazetteer::MAX_LEN.min(toks.len() - i) {
            h = gazetteer::step(h, toks[i + k - 1].lw);
            let set = gaz.get(gazetteer::key32(h)) as u64;
            if set == 0 {
                continue;
            }
            for ty in 0..gazetteer::MAX_TYPES {
                if set & 1 << ty == 0 {
                    continue;
                }
                if k == 1 {
                    out[i] |= 1 << (4 * ty);
                } else {
                    out[i] |= 1 << (4 * ty + 1);
                    for o in &mut out[i + 1..i + k - 1] {
                        *o |= 1 << (4 * ty + 2);
                    }
                    out[i + k - 1] |= 1 << (4 * ty + 3);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Per-token information, computed once per token

// One definition of the character-class flags, shared with the text layer.
const F_INIT_CAP: u16 = Flags::INIT_CAP;
const F_ALL_CAPS: u16 = Flags::ALL_CAPS;
const F_HAS_LOWER: u16 = Flags::HAS_LOWER;
const F_HAS_LETTER: u16 = Flags::HAS_LETTER;

/// What the extractor knows about one token, all as hashes or small integers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokInfo {
    /// Normalised form, case kept, digits as `0`.
    w: u64,
    /// Normalised lowercase form, digits as `0`.
    lw: u64,
    /// Collapsed shape: `Xx`, `X.X.`, `0-0-0`.
    shape: u64,
    /// Lowercase prefixes and suffixes of 1..=4 characters (0 when the word is shorter).
    pre: [u64; 4],
    suf: [u64; 4],
    flags: u16,
    /// Length in chars, capped at 15.
    len: u8,
    /// GloVe cluster path (see [`super::clusters::ClusterTable`]), or [`NO_CLUSTER`].
    cluster: u16,
    /// News-context cluster paths (one per clustering), or [`NO_CLUSTER`].
    news: [u16; MAX_NEWS],
}

/// Computes [`TokInfo`] for a word in one pass over its characters (plus the shared
/// [`Flags::of`]), without allocating.
pub fn tok_info(word: &str, clusters: &Clusters) -> TokInfo {
    let mut w = 0xA5A5u64;
    let mut lw = 0x5A5Au64;
    let mut key = 0x1234_5678u64;
    let mut nkey = 0x0BAD_CAFEu64;
    let mut shape = 0x3C3Cu64;
    let mut last_class = '\0';
    let mut pre = [0u64; 4];
    let mut ring = ['\0'; 4];
    let mut n = 0usize;
    let flags = Flags::of(word).0;
    for c in word.chars() {
        let c = norm_char(c);
        let lc = if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) };
        // The cluster key keeps digits (the embedding vocabulary has "1996").
        key = push(key, lc);
        nkey = push(nkey, c);
        let class = shape_class(c);
        let digit = c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric());
        let (cw, clw) = if digit { ('0', '0') } else { (c, lc) };
        w = push(w, cw);
        lw = push(lw, clw);
        if class != last_class {
            shape = push(shape, class);
            last_class = class;
        }
        if n < 4 {
            pre[n] = fmix(if n == 0 { push(0x77, clw) } else { push(pre[n - 1], clw) });
        }
        ring[n % 4] = clw;
        n += 1;
    }
    // Suffixes: the last k chars, oldest first.
    let mut suf = [0u64; 4];
    for k in 1..=4usize.min(n) {
        let mut h = 0x99u64;
        for j in (n - k)..n {
            h = push(h, ring[j % 4]);
        }
        suf[k - 1] = fmix(h);
    }
    TokInfo {
        w: fmix(w),
        lw: fmix(lw),
        shape: fmix(shape),
        pre,
        suf,
        flags,
        len: n.min(15) as u8,
        cluster: clusters.glove.get((fmix(key) >> 32) as u32),
        news: {
            let k = (fmix(nkey) >> 32) as u32;
            let mut p = [NO_CLUSTER; MAX_NEWS];
            for (p, t) in p.iter_mut().zip(&clusters.news) {
                *p = t.get(k);
            }
            p
        },
    }
}

impl TokInfo {
    fn is_title(&self) -> bool {
        self.flags & F_INIT_CAP != 0 && self.flags & F_HAS_LOWER != 0
    }
    fn is_lower(&self) -> bool {
        self.flags & F_HAS_LOWER != 0 && self.flags & F_INIT_CAP == 0
    }
    /// Small capitalisation class: 0 none, 1 Title, 2 ALLCAPS, 3 lower, 4 mixed/other letters.
    fn cap_class(&self) -> u64 {
        if self.flags & F_HAS_LETTER == 0 {
            0
        } else if self.flags & F_ALL_CAPS != 0 {
            2
        } else if self.is_title() {
            1
        } else if self.is_lower() {
            3
        } else {
            4
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Templates

// Template ids; any change of meaning needs a FEATURE_VERSION bump.
const T_BIAS: u64 = 1;
const T_W: u64 = 10; // + offset (0..5)
const T_LW: u64 = 20; // + offset
const T_SHAPE: u64 = 30; // + offset
const T_SHAPE_BI: u64 = 40;
const T_PRE: u64 = 50; // + k
const T_SUF: u64 = 60; // + k
const T_CL: u64 = 70; // + 10*offset + level
const T_LW_BI: u64 = 130;
const T_CAPS: u64 = 140;
const T_HEAD_SHAPE: u64 = 150;
const T_HEAD_CL: u64 = 151;
const T_HEAD_LW: u64 = 152;
const T_DOC: u64 = 160;
const T_DOC_LW: u64 = 161;
const T_LEN: u64 = 170;
const T_CAPS_CTX: u64 = 171;
const T_S1: u64 = 200; // + offset
const T_AGG_MAJ: u64 = 210;
const T_AGG_ANY: u64 = 211;
const T_AGG_MAJ_CAPS: u64 = 212;
const T_AGG_NB: u64 = 213; // 213, 215
const T_AGG_S1: u64 = 216;
const T_AGG_MULTI: u64 = 217; // 217, 218
const T_NEWS: u64 = 230; // + 100*clustering + 10*offset + level
/// The cluster path `c` cut to hierarchy level `l` (0: the 8 top clusters, `LEVELS - 1`: the
/// whole path); "no cluster" and padding stay themselves at every level.
fn cluster_level(c: u16, l: usize) -> u64 {
    if c >= NO_CLUSTER - 1 {
        c as u64
    } else {
        (c >> (3 * (LEVELS - 1 - l))) as u64
    }
}

const T_GAZ: u64 = 900; // list type and match position
const T_GAZ_FIRST: u64 = 901; // the same, sentence-initial

/// Hash for "no token here" (before the sentence start / after its end), per offset.
const PAD: u64 = 0xDEAD_BEEF_F00D;

/// Doc-level flags of a lowercase form.
const D_TITLE_MID: u8 = 1; // seen capitalised, not sentence-initial, not in a headline
const D_LOWER: u8 = 2; // seen all-lowercase
const D_CAPS_MID: u8 = 4; // seen ALL-CAPS outside a headline

/// Features of a whole document, flattened: token `t` owns `feats[offs[t]..offs[t+1]]`.
#[derive(Default, Debug, Clone)]
pub struct DocFeatures {
    /// All feature hashes, token after token.
    pub feats: Vec<u64>,
    /// Token `t`'s features are `feats[offs[t]..offs[t + 1]]`.
    pub offs: Vec<u32>,
    /// After [`extract_base`]: token `t`'s features that stage 2 also reads are
    /// `feats[offs[t]..shared[t]]` (the rest serve stage 1 only); empty otherwise.
    shared: Vec<u32>,
    /// Per-token information, kept by [`extract_base`] for [`extract_stage2`].
    infos: Vec<TokInfo>,
    /// Per-sentence headline flags.
    headline: Vec<bool>,
}

impl DocFeatures {
    /// Token `t`'s feature hashes.
    pub fn token(&self, t: usize) -> &[u64] {
        &self.feats[self.offs[t] as usize..self.offs[t + 1] as usize]
    }
    /// Token `t`'s first-stage features that the second stage reads too (all of them when
    /// the features did not come from [`extract_base`]).
    pub fn shared_token(&self, t: usize) -> &[u64] {
        let end = self.shared.get(t).map_or(self.offs[t + 1], |&e| e);
        &self.feats[self.offs[t] as usize..end as usize]
    }
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offs.len().saturating_sub(1)
    }
    /// Whether there are no tokens.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A small identity-hash map keyed by already-hashed u64s, for per-document bookkeeping.
type IdMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Passes an already-mixed u64 through unchanged.
#[derive(Default)]
pub struct IdHasher(u64);
impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(K1);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Extracts features for every token of a document given as sentences of words.
///
/// `stage1` holds the first stage's states (flattened over the document) when extracting for
/// the second stage; `None` for the first stage. Training uses this one-call form; inference
/// uses `extract_base` and `extract_stage2` to compute the shared part only once.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub fn extract_document<S: AsRef<str>>(
    sentences: &[Vec<S>],
    clusters: &Clusters,
    stage1: Option<&[u8]>,
    out: &mut DocFeatures,
) {
    extract_base(sentences, clusters, out);
    if let Some(s1) = stage1 {
        let mut extra = DocFeatures::default();
        extract_stage2(sentences, out, s1, &mut extra);
        let mut merged = DocFeatures {
            feats: Vec::with_capacity(out.feats.len() + extra.feats.len()),
            offs: vec![0],
            ..Default::default()
        };
        for t in 0..out.len() {
            merged.feats.extend_from_slice(out.shared_token(t));
            merged.feats.extend_from_slice(extra.token(t));
            merged.offs.push(merged.feats.len() as u32);
        }
        merged.infos = std::mem::take(&mut out.infos);
        merged.headline = std::mem::take(&mut out.headline);
        *out = merged;
    }
}

/// First-stage features (local, clusters, document casing). Keeps the per-token information
/// in `out` for [`extract_stage2`].
pub fn extract_base<S: AsRef<str>>(sentences: &[Vec<S>], clusters: &Clusters, out: &mut DocFeatures) {
    out.feats.clear();
    out.offs.clear();
    out.offs.push(0);
    out.shared.clear();
    let n_tokens: usize = sentences.iter().map(|s| s.len()).sum();
    let mut infos = std::mem::take(&mut out.infos);
    let mut headline = std::mem::take(&mut out.headline);
    infos.clear();
    headline.clear();
    infos.reserve(n_tokens);
    for s in sentences {
        let start = infos.len();
        infos.extend(s.iter().map(|w| tok_info(w.as_ref(), clusters)));
        headline.push(is_headline(&infos[start..]));
    }

    // Document-level casing evidence per lowercase form.
    let mut doc: IdMap<u8> = IdMap::default();
    let mut start = 0;
    for (si, s) in sentences.iter().enumerate() {
        for j in 0..s.len() {
            let ti = &infos[start + j];
            let mut bits = 0;
            if ti.is_lower() {
                bits |= D_LOWER;
            }
            if !headline[si] && j > 0 && ti.is_title() {
                bits |= D_TITLE_MID;
            }
            if !headline[si] && ti.flags & F_ALL_CAPS != 0 && ti.len > 1 {
                bits |= D_CAPS_MID;
            }
            if bits != 0 {
                *doc.entry(ti.lw).or_insert(0) |= bits;
            }
        }
        start += s.len();
    }

    let mut gaz = Vec::new();
    let mut start = 0;
    for (si, s) in sentences.iter().enumerate() {
        let toks = &infos[start..start + s.len()];
        let head = headline[si] as u64;
        gazetteer_bits(toks, &clusters.gaz, &mut gaz);
        for i in 0..toks.len() {
            let f = &mut out.feats;
            let t = &toks[i];
            let at = |o: isize| -> Option<&TokInfo> {
                let j = i as isize + o;
                if j < 0 || j >= toks.len() as isize {
                    None
                } else {
                    Some(&toks[j as usize])
                }
            };
            let prev = at(-1);
            let next = at(1);
            let cap = t.cap_class();
            let first = (i == 0) as u64;
            // Shared with stage 2: the token itself, its casing, clusters, list matches and
            // document evidence, and the words next to it.
            f.push(T_BIAS);
            f.push(f1(T_W + 2, t.w));
            f.push(f1(T_SHAPE + 2, t.shape));
            for o in -1isize..=1 {
                let k = (o + 2) as u64;
                f.push(f1(T_LW + k, at(o).map_or(PAD ^ k, |x| x.lw)));
            }
            for l in 0..LEVELS {
                f.push(f1(T_CL + 10 + l as u64, cluster_level(t.cluster, l)));
            }
            for n in 0..clusters.news.len().min(MAX_NEWS) {
                for l in 1..LEVELS {
                    f.push(f1(T_NEWS + 100 * n as u64 + 10 + l as u64, cluster_level(t.news[n], l)));
                }
            }
            let mut g = gaz[i];
            while g != 0 {
                let b = g.trailing_zeros() as u64;
                g &= g - 1;
                f.push(f1(T_GAZ, b));
                if first == 1 || head == 1 {
                    f.push(f1(T_GAZ_FIRST, b | first << 6 | head << 7));
                }
            }
            f.push(f1(T_CAPS, cap | first << 4 | head << 5 | (t.flags as u64) << 8));
            f.push(f1(
                T_CAPS_CTX,
                cap | prev.map_or(7, |x| x.cap_class()) << 3 | next.map_or(7, |x| x.cap_class()) << 6 | first << 9,
            ));
            f.push(f1(T_LEN, t.len as u64 | (cap << 4)));
            // Document evidence for this form, seen from this token's own context.
            let d = doc.get(&t.lw).copied().unwrap_or(0) as u64;
            f.push(f1(T_DOC, d | cap << 4 | first << 8 | head << 9));
            out.shared.push(f.len() as u32);

            // Stage 1 only: the wider window, affixes, bigrams and the neighbours' clusters.
            for o in [-2isize, -1, 1, 2] {
                let k = (o + 2) as u64;
                let (w, lw, shape) = match at(o) {
                    Some(x) => (x.w, x.lw, x.shape),
                    None => (PAD ^ k, PAD ^ k, PAD ^ k),
                };
                if o.abs() == 1 {
                    f.push(f1(T_W + k, w));
                    f.push(f1(T_SHAPE + k, shape));
                } else {
                    f.push(f1(T_LW + k, lw));
                }
            }
            let p_shape = prev.map_or(PAD, |x| x.shape);
            let n_shape = next.map_or(PAD ^ 1, |x| x.shape);
            f.push(f2(T_SHAPE_BI, p_shape, t.shape));
            f.push(f2(T_SHAPE_BI + 1, t.shape, n_shape));
            f.push(f2(T_LW_BI, prev.map_or(PAD, |x| x.lw), t.lw));
            f.push(f2(T_LW_BI + 1, t.lw, next.map_or(PAD ^ 1, |x| x.lw)));
            for k in 0..4 {
                if t.pre[k] != 0 {
                    f.push(f1(T_PRE + k as u64, t.pre[k]));
                }
                if t.suf[k] != 0 {
                    f.push(f1(T_SUF + k as u64, t.suf[k]));
                }
            }
            for o in [-1isize, 1] {
                let c = at(o).map_or(NO_CLUSTER - 1, |x| x.cluster);
                for l in [1, 3] {
                    f.push(f1(T_CL + 10 * (o + 1) as u64 + l as u64, cluster_level(c, l)));
                }
            }
            for n in 0..clusters.news.len().min(MAX_NEWS) {
                for o in [-1isize, 1] {
                    let c = at(o).map_or(NO_CLUSTER - 1, |x| x.news[n]);
                    f.push(f1(T_NEWS + 100 * n as u64 + 10 * (o + 1) as u64 + 1, cluster_level(c, 1)));
                }
            }
            if head == 1 {
                f.push(f1(T_HEAD_SHAPE, t.shape));
                f.push(f1(T_HEAD_CL, t.cluster as u64));
                f.push(f1(T_HEAD_LW, t.lw));
            }
            if d != 0 && (first == 1 || head == 1) {
                f.push(f2(T_DOC_LW, d, t.lw));
            }
            out.offs.push(f.len() as u32);
        }
        start += s.len();
    }
    out.infos = infos;
    out.headline = headline;
}

/// Second-stage extra features: the first stage's labels around the token and for the other
/// occurrences of its form in the document. `base` must come from [`extract_base`] on the same
/// sentences.
pub fn extract_stage2<S>(sentences: &[Vec<S>], base: &DocFeatures, stage1: &[u8], out: &mut DocFeatures) {
    out.feats.clear();
    out.offs.clear();
    out.offs.push(0);
    let infos = &base.infos;
    let s1 = stage1;
    if s1.len() != infos.len() {
        for _ in 0..infos.len() {
            out.offs.push(0);
        }
        return;
    }
    // Second stage: label counts of every lowercase form over the document.
    let mut agg: IdMap<[u32; 5]> = IdMap::default();
    for (ti, &st) in infos.iter().zip(s1) {
        let c = &mut agg.entry(ti.lw).or_insert([0; 5])[tags::state_type(st)];
        *c = c.saturating_add(1);
    }

    // Labels the first stage gave this form inside multi-token names ("Donald Trump" makes a
    // later lone "Trump" a person): bit 4*type+1 as the name's last token, 4*type+0 before.
    let mut multi: IdMap<u32> = IdMap::default();
    let mut at = 0;
    for s in sentences {
        let st = &s1[at..at + s.len()];
        for (a, b, label) in tags::chunks(st) {
            if b - a >= 2 {
                let ty = Label::ALL.iter().position(|&l| l == label).unwrap_or(0) as u32;
                for k in a..b {
                    let bit = 1u32 << (4 * ty + (k + 1 == b) as u32);
                    *multi.entry(infos[at + k].lw).or_insert(0) |= bit;
                }
            }
        }
        at += s.len();
    }

    // Majority label of the other occurrences of each token's form (5 = none).
    let maj: Vec<u8> = infos
        .iter()
        .zip(s1)
        .map(|(ti, &st)| {
            let mut c = agg.get(&ti.lw).copied().unwrap_or([0; 5]);
            let own = tags::state_type(st);
            c[own] = c[own].saturating_sub(1);
            if c.iter().sum::<u32>() == 0 {
                return 5;
            }
            let mut best = 0;
            for k in 1..5 {
                if c[k] > c[best] {
                    best = k;
                }
            }
            best as u8
        })
        .collect();
    let mut start = 0;
    for (si, s) in sentences.iter().enumerate() {
        let toks = &infos[start..start + s.len()];
        let head = base.headline.get(si).copied().unwrap_or(false) as u64;
        for i in 0..toks.len() {
            let f = &mut out.feats;
            let t = &toks[i];
            let cap = t.cap_class();
            let g = start + i;
            for o in -1isize..=1 {
                let j = g as isize + o;
                let in_sent = (i as isize + o) >= 0 && ((i as isize + o) as usize) < toks.len();
                let st = if in_sent { s1[j as usize] as u64 } else { 99 };
                f.push(f1(T_S1 + (o + 1) as u64, st));
            }
            for o in [-1isize, 1] {
                let li = i as isize + o;
                let m = if li >= 0 && (li as usize) < toks.len() { maj[(g as isize + o) as usize] as u64 } else { 9 };
                f.push(f2(T_AGG_NB + (o + 1) as u64, m, maj[g] as u64));
            }
            f.push(f2(T_AGG_S1, maj[g] as u64, s1[g] as u64));
            if let Some(&m) = multi.get(&t.lw) {
                f.push(f2(T_AGG_MULTI, m as u64, cap));
                for b in 0..16 {
                    if m & (1 << b) != 0 {
                        f.push(f1(T_AGG_MULTI + 1, b));
                    }
                }
            }
            if let Some(counts) = agg.get(&t.lw) {
                let mut c = *counts;
                let own = tags::state_type(s1[g]);
                c[own] = c[own].saturating_sub(1);
                let total: u32 = c.iter().sum();
                if total > 0 {
                    let mut best = 0;
                    for k in 1..5 {
                        if c[k] > c[best] {
                            best = k;
                        }
                    }
                    f.push(f1(T_AGG_MAJ, best as u64));
                    f.push(f2(T_AGG_MAJ_CAPS, best as u64, cap | head << 4));
                    for (k, &n) in c.iter().enumerate().skip(1) {
                        if n > 0 {
                            f.push(f1(T_AGG_ANY, k as u64 | ((n as u64 * 2 >= total as u64) as u64) << 4));
                        }
                    }
                }
            }
            out.offs.push(f.len() as u32);
        }
        start += s.len();
    }
}

/// A headline: every token with letters is ALL-CAPS and at least one has two or more letters.
fn is_headline(toks: &[TokInfo]) -> bool {
    let mut long = false;
    for t in toks {
        if t.flags & F_HAS_LETTER != 0 {
            if t.flags & F_ALL_CAPS == 0 {
                return false;
            }
            if t.len > 1 {
                long = true;
            }
        }
    }
    long
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(sents: &[Vec<&str>]) -> DocFeatures {
        let mut out = DocFeatures::default();
        extract_document(sents, &Clusters::empty(), None, &mut out);
        out
    }

    #[test]
    fn extraction_is_deterministic_and_per_token() {
        let doc = vec![vec!["Ada", "Lovelace", "visited", "Turin", "."], vec!["She", "left", "."]];
        let a = feats(&doc);
        let b = feats(&doc);
        assert_eq!(a.feats, b.feats);
        assert_eq!(a.len(), 8);
        assert!(a.token(0).len() > 20);
    }

    #[test]
    fn typography_is_normalised() {
        let t = Clusters::empty();
        assert_eq!(tok_info("O\u{2019}Brien", &t), tok_info("O'Brien", &t));
        assert_eq!(tok_info("\u{2014}", &t), tok_info("-", &t));
        assert_ne!(tok_info("Obrien", &t), tok_info("O'Brien", &t));
        // Digits share one class: years look alike to the model.
        assert_eq!(tok_info("1997", &t).w, tok_info("2024", &t).w);
    }

    #[test]
    fn case_changes_word_but_not_lowercase_form() {
        let t = Clusters::empty();
        let (a, b) = (tok_info("Paris", &t), tok_info("PARIS", &t));
        assert_ne!(a.w, b.w);
        assert_eq!(a.lw, b.lw);
        assert_eq!(cluster_key("Paris"), cluster_key("paris"));
        assert!(b.flags & F_ALL_CAPS != 0 && a.is_title());
    }

    #[test]
    fn a_lone_surname_sees_the_full_name_elsewhere() {
        let doc = vec![vec!["Ada", "Okafor", "spoke", "."], vec!["Okafor", "left", "."]];
        let t = Clusters::empty();
        let mut base = DocFeatures::default();
        extract_base(&doc, &t, &mut base);
        let per = tags::from_iob(&["B-PER", "I-PER", "O", "O"]);
        let with_name: Vec<u8> = per.iter().copied().chain([0, 0, 0]).collect();
        let without: Vec<u8> = vec![0; 7];
        let (mut a, mut b) = (DocFeatures::default(), DocFeatures::default());
        extract_stage2(&doc, &base, &with_name, &mut a);
        extract_stage2(&doc, &base, &without, &mut b);
        // The lone "Okafor" (token 4) gets evidence from "Ada Okafor"; "left" (5) does not.
        assert_ne!(a.token(4), b.token(4));
        // One "labels present" feature plus two multi-token-name features (the bit set with
        // casing, and "last token of a PER name").
        assert_eq!(a.token(4).len(), b.token(4).len() + 3);
        assert_eq!(a.token(5).len(), b.token(5).len());
    }

    #[test]
    fn stage_two_reads_the_tokens_own_features_and_its_neighbours_words() {
        let t = Clusters::empty();
        let (a, b) =
            (vec![vec!["Ada", "Okafor", "visited", "Turin", "."]], vec![vec!["Bo", "Okafor", "visited", "Turin", "."]]);
        let (mut fa, mut fb) = (DocFeatures::default(), DocFeatures::default());
        extract_base(&a, &t, &mut fa);
        extract_base(&b, &t, &mut fb);
        for i in 0..5 {
            assert!(fa.token(i).starts_with(fa.shared_token(i)) && fa.shared_token(i).len() < fa.token(i).len());
        }
        // "visited": the word two to the left changed, so stage 1 sees it and stage 2 does not.
        assert_ne!(fa.token(2), fb.token(2));
        assert_eq!(fa.shared_token(2), fb.shared_token(2));
        // "Okafor": its left neighbour changed, which stage 2 sees.
        assert_ne!(fa.shared_token(1), fb.shared_token(1));
        // The trainer's one-call form gives stage 2 exactly the shared part and its own features.
        let s1 = vec![0u8; 5];
        let mut extra = DocFeatures::default();
        extract_stage2(&a, &fa, &s1, &mut extra);
        let mut merged = DocFeatures::default();
        extract_document(&a, &t, Some(&s1), &mut merged);
        for i in 0..5 {
            assert_eq!(merged.token(i), [fa.shared_token(i), extra.token(i)].concat());
        }
    }

    #[test]
    fn news_clusters_are_keyed_by_the_cased_form() {
        use crate::ner::clusters::ClusterTable;
        assert_ne!(news_key("Bush"), news_key("bush"));
        assert_eq!(news_key("O\u{2019}Brien"), news_key("O'Brien"));
        let t = Clusters {
            glove: ClusterTable::empty(),
            news: vec![ClusterTable::from_pairs(&[(news_key("Okafor"), 0o1234)])],
            gaz: Default::default(),
        };
        assert_eq!(tok_info("Okafor", &t).news[0], 0o1234);
        assert_eq!(tok_info("okafor", &t).news[0], NO_CLUSTER);
        // The news cluster reaches the features of the word and of its neighbours.
        let doc = vec![vec!["Ms.", "Okafor", "said"]];
        let (mut a, mut b) = (DocFeatures::default(), DocFeatures::default());
        extract_base(&doc, &t, &mut a);
        let no_news = Clusters { news: vec![ClusterTable::empty()], ..Clusters::empty() };
        extract_base(&doc, &no_news, &mut b);
        for i in 0..3 {
            assert_ne!(a.token(i), b.token(i), "token {i}");
        }
    }

    #[test]
    fn gazetteer_matches_mark_the_tokens_they_cover() {
        use crate::ner::gazetteer::Gazetteer;
        // List 0: "Norvia Energy Group" (three tokens); list 1: "Lakeport" (one).
        let pairs = [(phrase_key(&["Norvia", "Energy", "Group"]), 1), (phrase_key(&["lakeport"]), 2)];
        let t = Clusters { gaz: Gazetteer::from_pairs(&pairs, 2, 32), ..Clusters::empty() };
        let infos: Vec<TokInfo> = ["Shares", "of", "NORVIA", "energy", "Group", "in", "Lakeport", "and", "lakeport"]
            .iter()
            .map(|w| tok_info(w, &t))
            .collect();
        let mut bits = Vec::new();
        gazetteer_bits(&infos, &t.gaz, &mut bits);
        // Case does not matter inside a match, but a match must start capitalised.
        assert_eq!(bits, vec![0, 0, 1 << 1, 1 << 2, 1 << 3, 0, 1 << 4, 0, 0]);
        let doc = vec![vec!["Shares", "of", "NORVIA", "energy", "Group", "in", "Lakeport", "and", "lakeport"]];
        let (mut a, mut b) = (DocFeatures::default(), DocFeatures::default());
        extract_base(&doc, &t, &mut a);
        extract_base(&doc, &Clusters::empty(), &mut b);
        for (i, &set) in bits.iter().enumerate() {
            assert_eq!(a.token(i).len(), b.token(i).len() + (set != 0) as usize, "token {i}");
        }
        // A name longer than the longest matched n-gram is never found.
        let long = ["A", "B", "C", "D", "E"];
        let t = Clusters { gaz: Gazetteer::from_pairs(&[(phrase_key(&long), 1)], 1, 32), ..Clusters::empty() };
        let infos: Vec<TokInfo> = long.iter().map(|w| tok_info(w, &t)).collect();
        gazetteer_bits(&infos, &t.gaz, &mut bits);
        assert!(bits.iter().all(|&b| b == 0));
    }

    #[test]
    fn label_counts_do_not_overflow_on_very_frequent_words() {
        let n = 70_000;
        let doc = vec![vec!["the"; n]];
        let t = Clusters::empty();
        let mut base = DocFeatures::default();
        extract_base(&doc, &t, &mut base);
        let mut out = DocFeatures::default();
        extract_stage2(&doc, &base, &vec![0u8; n], &mut out);
        assert_eq!(out.len(), n);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let doc = vec![vec!["", "\u{0}", "🙂🙂", "ǅemal", "İstanbul", "x"], vec![]];
        let f = feats(&doc);
        assert_eq!(f.len(), 6);
    }
}

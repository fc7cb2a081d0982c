//! Word clusters: a compact map from a word's lowercase form to its cluster path.
//!
//! Clusters group words whose embedding vectors are close ("Lagos", "Nairobi", "Accra"), so
//! the tagger generalises from names it saw in training to names it never saw. The path packs
//! four levels of a hierarchical k-means (8 branches each) into 12 bits; a prefix of the path is
//! a coarser cluster. Words are stored by the top bits of a 32-bit hash of their form (see
//! [`super::features::cluster_key`]), not as strings: in the artifact, a Rice-coded key gap
//! and a 12-bit path, under 3 bytes per word, and a lookup needs no allocation. A stray
//! collision only adds one noisy feature.
//!
//! The model reads two kinds of tables ([`Clusters`]): GloVe clusters of lowercase forms, and
//! news-context clusters of case-kept forms learned from unlabeled modern news.

use super::codec::{best_rice, key_gaps, BitReader, BitWriter, Reader, Writer};
use super::gazetteer::Gazetteer;

/// Depth of the cluster hierarchy; each level has 8 branches (3 bits).
pub const LEVELS: usize = 4;
/// Path value for words without a cluster.
pub const NO_CLUSTER: u16 = u16::MAX;

/// Open-addressing hash table from word key to cluster path.
///
/// Only the top `bits` bits of a key are kept ([`ClusterTable::with_key_bits`]): a word
/// outside the table then finds a wrong path with probability `len / 2^bits` (0.6% for 100k
/// words at 24 bits), which costs one noisy feature, while each bit dropped saves a bit per word.
#[derive(Clone, Debug)]
pub struct ClusterTable {
    /// Keys with their low `32 - bits` bits cleared (0 = empty slot).
    keys: Vec<u32>,
    vals: Vec<u16>,
    len: usize,
    bits: u32,
}

impl Default for ClusterTable {
    fn default() -> Self {
        ClusterTable { keys: Vec::new(), vals: Vec::new(), len: 0, bits: 32 }
    }
}

impl ClusterTable {
    /// A table that knows no words.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn empty() -> Self {
        ClusterTable::default()
    }

    /// Builds the table from `(key, path)` pairs; the first pair wins on a duplicate key.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))] // used by the trainer
    pub fn from_pairs(pairs: &[(u32, u16)]) -> Self {
        Self::build(pairs, 32)
    }

    /// Builds from `(key, path)` pairs keeping the top `bits` bits of each key.
    pub(crate) fn build(pairs: &[(u32, u16)], bits: u32) -> Self {
        let cap = (pairs.len() * 2).next_power_of_two().max(16);
        let mut t = ClusterTable { keys: vec![0; cap], vals: vec![NO_CLUSTER; cap], len: 0, bits };
        for &(k, v) in pairs {
            t.insert(k, v);
        }
        t
    }

    /// The same table keyed by the top `bits` (8..=32, at most the bits it has) bits of each
    /// key; of words whose shortened keys collide, the one with the smallest full key keeps
    /// its path.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn with_key_bits(&self, bits: u32) -> Self {
        Self::build(&self.pairs(), bits.clamp(8, self.bits))
    }

    /// Bits of each key the table keeps.
    pub fn key_bits(&self) -> u32 {
        self.bits
    }

    /// A key as stored: its top `bits` bits, never 0 (the empty slot).
    #[inline]
    fn align(&self, key: u32) -> u32 {
        (key & (u32::MAX << (32 - self.bits))).max(1)
    }

    fn insert(&mut self, key: u32, val: u16) {
        let key = self.align(key);
        let mask = self.keys.len() - 1;
        let mut i = home(key, mask);
        loop {
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.vals[i] = val;
                self.len += 1;
                return;
            }
            if self.keys[i] == key {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// The cluster path of a word key, or `NO_CLUSTER` (`u16::MAX`).
    #[inline]
    pub fn get(&self, key: u32) -> u16 {
        if self.keys.is_empty() {
            return NO_CLUSTER;
        }
        let key = self.align(key);
        let mask = self.keys.len() - 1;
        let mut i = home(key, mask);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.vals[i];
            }
            if k == 0 {
                return NO_CLUSTER;
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of words.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the table knows no words.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sorted `(key, path)` pairs.
    pub(crate) fn pairs(&self) -> Vec<(u32, u16)> {
        let mut p: Vec<(u32, u16)> =
            self.keys.iter().zip(&self.vals).filter(|(&k, _)| k != 0).map(|(&k, &v)| (k, v)).collect();
        p.sort_unstable();
        p
    }

    /// Serialises as key bits, count, path bits, Rice parameter, then one bit stream: the
    /// gaps between the sorted shortened keys (Rice-coded), then every path in `path bits`.
    pub fn write(&self, w: &mut Writer) {
        let pairs = self.pairs();
        let gaps = key_gaps(pairs.iter().map(|&(k, _)| k), self.bits);
        let path_bits = pairs.iter().map(|&(_, v)| 16 - v.leading_zeros()).max().unwrap_or(0);
        let k = best_rice(&gaps);
        w.u8(self.bits as u8);
        w.u32(pairs.len() as u32);
        w.u8(path_bits as u8);
        w.u8(k as u8);
        let mut b = BitWriter::default();
        for &g in &gaps {
            b.rice(g, k);
        }
        for &(_, v) in &pairs {
            b.bits(v as u64, path_bits);
        }
        w.block(&b.finish());
    }

    /// Reads a table written by [`ClusterTable::write`].
    pub fn read(r: &mut Reader) -> Result<Self, String> {
        r.section("clusters");
        let bits = r.u8()? as u32;
        let n = r.u32()? as usize;
        let path_bits = r.u8()? as u32;
        let k = r.u8()? as u32;
        if !(8..=32).contains(&bits) || path_bits > 16 || k > 31 {
            return Err("bad cluster table header".into());
        }
        if n > 10_000_000 {
            return Err("implausible cluster count".into());
        }
        let mut b = BitReader::new(r.block()?, "clusters");
        let keys = b.key_gaps(n, k, bits)?;
        let mut pairs = Vec::with_capacity(n);
        for key in keys {
            pairs.push((key, b.bits(path_bits)? as u16));
        }
        Ok(ClusterTable::build(&pairs, bits))
    }
}

/// The two word → cluster tables the features read.
///
/// `glove` comes from GloVe vectors (lowercase forms, 2014-era web text); `news` from the
/// contexts words occur in within modern (2015-16) US news, keyed by the case-kept form (see
/// [`super::features::news_key`]): up to `MAX_NEWS` (4) clusterings of the same vectors with
/// different seeds, because one k-means run may cut any single word's neighbourhood badly. The second table exists because a word's GloVe neighbours
/// follow its commonest lowercase meaning ("trump" sits with takeover words), while in news
/// "Trump" occurs where person names occur ("Mr. Trump said").
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// Word-vector clusters (GloVe, via wink-embeddings), keyed by lowercase word.
    pub glove: ClusterTable,
    /// News-context cluster tables, keyed by case-kept word form.
    pub news: Vec<ClusterTable>,
    /// Typed name lists matched over token n-grams (empty: no gazetteer features). Stored
    /// after the weights (see [`super::model`]), so artifacts without it still load.
    pub gaz: Gazetteer,
}

/// Most news clusterings a model may use.
pub const MAX_NEWS: usize = 4;

impl Clusters {
    /// Tables that know no words.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn empty() -> Self {
        Clusters::default()
    }

    /// Serialises both tables, GloVe first.
    pub fn write(&self, w: &mut Writer) {
        w.mark("GloVe clusters (keys and paths)");
        self.glove.write(w);
        w.mark("news clusters (keys and paths)");
        w.u32(self.news.len() as u32);
        for t in &self.news {
            t.write(w);
        }
    }

    /// Reads tables written by [`Clusters::write`].
    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let glove = ClusterTable::read(r)?;
        let n = r.u32()? as usize;
        if n > MAX_NEWS {
            return Err(format!("{n} news cluster tables, at most {MAX_NEWS} are supported"));
        }
        let news = (0..n).map(|_| ClusterTable::read(r)).collect::<Result<Vec<_>, _>>()?;
        Ok(Clusters { glove, news, gaz: Gazetteer::empty() })
    }
}

/// Hierarchical k-means over word vectors (training only).
#[cfg(feature = "train")]
pub mod build {
    use super::LEVELS;

    /// Deterministic xorshift generator: the same seed gives the same clusters everywhere.
    pub struct Rng(pub u64);
    impl Rng {
        /// The next pseudo-random number.
        pub fn next_u64(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        /// A pseudo-random number below `n` (0 for `n` = 0).
        pub fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n.max(1) as u64) as usize
        }
    }

    /// Clusters unit vectors (row-major `dim` floats each) into a 4-level tree with 8 branches
    /// per level; returns the 12-bit path of every vector.
    pub fn hierarchical(vecs: &[f32], dim: usize, seed: u64, iters: usize) -> Vec<u16> {
        let n = vecs.len() / dim;
        let mut paths = vec![0u16; n];
        let mut rng = Rng(seed | 1);
        let mut groups: Vec<Vec<usize>> = vec![(0..n).collect()];
        for _level in 0..LEVELS {
            let mut next_groups = Vec::new();
            for g in &groups {
                let assign = kmeans(vecs, dim, g, 8, iters, &mut rng);
                let mut sub: Vec<Vec<usize>> = vec![Vec::new(); 8];
                for (&i, &a) in g.iter().zip(&assign) {
                    paths[i] = (paths[i] << 3) | a as u16;
                    sub[a].push(i);
                }
                next_groups.extend(sub);
            }
            groups = next_groups;
        }
        paths
    }

    /// Plain k-means (dot-product similarity on unit vectors) over the members `idx`.
    fn kmeans(vecs: &[f32], dim: usize, idx: &[usize], k: usize, iters: usize, rng: &mut Rng) -> Vec<usize> {
        let mut assign = vec![0usize; idx.len()];
        if idx.len() <= k {
            for (a, j) in assign.iter_mut().zip(0..) {
                *a = j;
            }
            return assign;
        }
        let row = |i: usize| &vecs[i * dim..(i + 1) * dim];
        let mut cents: Vec<f32> = Vec::with_capacity(k * dim);
        for _ in 0..k {
            cents.extend_from_slice(row(idx[rng.below(idx.len())]));
        }
        for _ in 0..iters {
            let mut changed = 0;
            for (a, &i) in assign.iter_mut().zip(idx) {
                let v = row(i);
                let mut best = (f32::MIN, 0);
                for c in 0..k {
                    let cc = &cents[c * dim..(c + 1) * dim];
                    let s: f32 = v.iter().zip(cc).map(|(x, y)| x * y).sum();
                    if s > best.0 {
                        best = (s, c);
                    }
                }
                if *a != best.1 {
                    changed += 1;
                    *a = best.1;
                }
            }
            let mut sums = vec![0f32; k * dim];
            let mut counts = vec![0usize; k];
            for (&a, &i) in assign.iter().zip(idx) {
                counts[a] += 1;
                for (s, x) in sums[a * dim..(a + 1) * dim].iter_mut().zip(row(i)) {
                    *s += x;
                }
            }
            for c in 0..k {
                let s = &mut sums[c * dim..(c + 1) * dim];
                if counts[c] == 0 {
                    s.copy_from_slice(row(idx[rng.below(idx.len())]));
                }
                let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                for x in s.iter_mut() {
                    *x /= norm;
                }
            }
            cents = sums;
            if changed == 0 {
                break;
            }
        }
        assign
    }
}

/// Home slot of a key: its top bits. Keys are uniform hashes already, and sorted keys then
/// fill the table front to back, which keeps loading cache-friendly.
#[inline]
pub(crate) fn home(key: u32, mask: usize) -> usize {
    let bits = (mask + 1).trailing_zeros();
    if bits == 0 {
        0
    } else {
        ((key as u64) >> (32 - bits.min(32))) as usize & mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_roundtrips_through_bytes() {
        let pairs: Vec<(u32, u16)> = (1..500u32).map(|i| (i.wrapping_mul(2_654_435_761), (i % 4096) as u16)).collect();
        let t = ClusterTable::from_pairs(&pairs);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = ClusterTable::read(&mut Reader::new(&w.buf)).expect("reads back");
        for &(k, v) in &pairs {
            assert_eq!(back.get(k), v);
        }
        assert_eq!(back.get(12345), NO_CLUSTER);
        assert_eq!(back.len(), pairs.len());
    }

    #[test]
    fn shortened_keys_keep_paths_and_roundtrip() {
        let pairs: Vec<(u32, u16)> = (1..3000u32).map(|i| (i.wrapping_mul(2_654_435_761), (i % 4096) as u16)).collect();
        let t = ClusterTable::from_pairs(&pairs).with_key_bits(24);
        assert_eq!(t.key_bits(), 24);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = ClusterTable::read(&mut Reader::new(&w.buf)).expect("reads back");
        let mut found = 0;
        for &(k, v) in &pairs {
            assert_eq!(back.get(k), t.get(k));
            found += (back.get(k) == v) as usize;
            // The low bits no longer matter.
            assert_eq!(back.get(k ^ 0x7f), back.get(k));
        }
        assert!(found + 5 >= pairs.len(), "{found}");
        // A truncated table fails with a message instead of panicking.
        for cut in [1, 5, 8, w.buf.len() - 1] {
            assert!(ClusterTable::read(&mut Reader::new(&w.buf[..cut])).is_err());
        }
    }

    #[test]
    #[cfg(feature = "train")]
    fn kmeans_separates_obvious_groups() {
        let mut v = Vec::new();
        for i in 0..64 {
            let (a, b) = if i < 32 { (1.0f32, 0.01 * i as f32) } else { (0.01 * i as f32, 1.0) };
            let n = (a * a + b * b).sqrt();
            v.extend_from_slice(&[a / n, b / n]);
        }
        let p = build::hierarchical(&v, 2, 7, 20);
        let top = |i: usize| p[i] >> 9;
        // No top-level cluster mixes the two groups.
        for i in 0..32 {
            for j in 32..64 {
                assert_ne!(top(i), top(j), "{i} and {j} share a cluster");
            }
        }
        assert_eq!(build::hierarchical(&v, 2, 7, 20), p, "same seed, same clusters");
    }
}

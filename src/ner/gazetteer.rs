//! Gazetteers: typed name lists (companies, countries, cities, demonyms, first names, …) that
//! the tagger sees as features of the tokens a listed name covers.
//!
//! Why: the tagger learned its names from 1996 Reuters text; a list of today's companies or of
//! the world's cities tells it that an unseen "Alphabet" or "Kharkiv" is a name of some type.
//! The lists are evidence, never overrides: the perceptron weighs "this token begins a
//! two-token match of the company list" against everything else it sees, so a noisy entry
//! ("Target", "Visa") costs little.
//!
//! How they are stored: like the word clusters, as hashes, never as strings. A listed name is
//! cut into tokens by the tokenizer; the key of a token n-gram is a 32-bit hash of the tokens'
//! normalised lowercase forms ([`super::features`] computes it while extracting, from hashes it
//! already has). The table keeps the top `bits` bits of each key, Rice-coded, and for each key
//! a bit set of the list types it belongs to, as one byte indexing a small dictionary of bit
//! sets (a separate byte stream, which gzip compresses well).
//!
//! Lookups are cheap and bounded: n-grams of at most [`MAX_LEN`] tokens, and only those that
//! start at a capitalised token.

use super::clusters::{ClusterTable, NO_CLUSTER};
use super::codec::{best_rice, key_gaps, BitReader, BitWriter, Reader, Writer};

/// Longest listed name, in tokens, that is matched.
pub const MAX_LEN: usize = 4;
/// Most list types a model may use (each type's four match positions share a 64-bit set).
pub const MAX_TYPES: usize = 15;

/// Map from the key of a token n-gram to the bit set of the lists it is in.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    table: ClusterTable,
    /// Number of list types (bits of the sets).
    types: usize,
}

/// Starting value of an n-gram key.
pub const SEED: u64 = 0x6A09_E667_F3BC_C908;

/// Extends an n-gram key by one token's lowercase-form hash.
#[inline]
pub fn step(h: u64, lw: u64) -> u64 {
    super::features::fmix(h.rotate_left(23) ^ lw)
}

/// The stored 32-bit key of an n-gram key.
#[inline]
pub fn key32(h: u64) -> u32 {
    (h >> 32) as u32
}

impl Gazetteer {
    /// A gazetteer that lists nothing (a model without gazetteer features).
    pub fn empty() -> Self {
        Gazetteer::default()
    }

    /// Builds from `(n-gram key, type bit set)` pairs (sets of the same key are merged), with
    /// `types` list types and keys shortened to their top `bits` bits.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))] // used by the trainer
    pub fn from_pairs(pairs: &[(u32, u16)], types: usize, bits: u32) -> Self {
        let types = types.min(MAX_TYPES);
        let valid = ((1u32 << types) - 1) as u16;
        let bits = bits.clamp(8, 32);
        let shift = 32 - bits;
        let mut merged: Vec<(u32, u16)> =
            pairs.iter().map(|&(k, v)| ((k >> shift << shift).max(1), v & valid)).filter(|p| p.1 != 0).collect();
        merged.sort_unstable();
        let mut out: Vec<(u32, u16)> = Vec::with_capacity(merged.len());
        for (k, v) in merged {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 |= v,
                _ => out.push((k, v)),
            }
        }
        Gazetteer { table: ClusterTable::build(&out, bits), types }
    }

    /// Whether nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Number of listed n-grams (after key shortening).
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Number of list types.
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
    pub fn types(&self) -> usize {
        self.types
    }

    /// The bit set of the lists an n-gram key is in (0: none).
    #[inline]
    pub fn get(&self, key: u32) -> u16 {
        match self.table.get(key) {
            NO_CLUSTER => 0,
            v => v,
        }
    }

    /// Serialises as key bits, type count, count, Rice parameter, the dictionary of bit sets
    /// (count, then u16 each, commonest first), the Rice-coded key gaps, then one byte per key
    /// (its set's index in the dictionary).
    pub fn write(&self, w: &mut Writer) {
        let pairs = self.table.pairs();
        let bits = self.table.key_bits();
        let mut freq: std::collections::BTreeMap<u16, usize> = Default::default();
        for &(_, v) in &pairs {
            *freq.entry(v).or_default() += 1;
        }
        let mut dict: Vec<(usize, u16)> = freq.into_iter().map(|(v, n)| (n, v)).collect();
        dict.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        dict.truncate(255);
        let index = |v: u16| dict.iter().position(|d| d.1 == v);
        // Sets beyond the 255 commonest (never seen in practice) keep their commonest member.
        let kept: Vec<(u32, u8)> = pairs
            .iter()
            .filter_map(|&(k, v)| {
                index(v)
                    .or_else(|| (0..16).filter(|b| v & 1 << b != 0).find_map(|b| index(1 << b)))
                    .map(|i| (k, i as u8))
            })
            .collect();
        let gaps = key_gaps(kept.iter().map(|&(k, _)| k), bits);
        let rice = best_rice(&gaps);
        w.mark("gazetteer (keys and list types)");
        w.u8(bits as u8);
        w.u8(self.types as u8);
        w.u32(kept.len() as u32);
        w.u8(rice as u8);
        w.u8(dict.len() as u8);
        for &(_, v) in &dict {
            w.u16(v);
        }
        let mut b = BitWriter::default();
        for &g in &gaps {
            b.rice(g, rice);
        }
        w.block(&b.finish());
        w.block(&kept.iter().map(|&(_, i)| i).collect::<Vec<u8>>());
    }

    /// Reads a gazetteer written by [`Gazetteer::write`].
    pub fn read(r: &mut Reader) -> Result<Self, String> {
        r.section("gazetteer");
        let bits = r.u8()? as u32;
        let types = r.u8()? as usize;
        let n = r.u32()? as usize;
        let rice = r.u8()? as u32;
        let n_dict = r.u8()? as usize;
        if !(8..=32).contains(&bits) || types > MAX_TYPES || rice > 31 {
            return Err("bad gazetteer header".into());
        }
        if n > 10_000_000 {
            return Err("implausible gazetteer size".into());
        }
        let valid = ((1u32 << types) - 1) as u16;
        let mut dict = Vec::with_capacity(n_dict);
        for _ in 0..n_dict {
            let v = r.u16()?;
            if v == 0 || v & !valid != 0 {
                return Err("bad gazetteer list set".into());
            }
            dict.push(v);
        }
        let mut kb = BitReader::new(r.block()?, "gazetteer");
        let sets = r.block()?;
        if sets.len() != n {
            return Err("gazetteer count mismatch".into());
        }
        let keys = kb.key_gaps(n, rice, bits)?;
        let mut pairs = Vec::with_capacity(n);
        for (key, &i) in keys.into_iter().zip(sets) {
            let v = *dict.get(i as usize).ok_or("bad gazetteer set index")?;
            pairs.push((key, v));
        }
        Ok(Gazetteer { table: ClusterTable::build(&pairs, bits), types })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrips_and_merges_sets_of_one_key() {
        let mut pairs: Vec<(u32, u16)> =
            (1..2000u32).map(|i| (i.wrapping_mul(2_654_435_761), 1 << (i % 5) as u16)).collect();
        pairs.push((pairs[0].0, 0b1000_0000));
        let g = Gazetteer::from_pairs(&pairs, 8, 24);
        assert_eq!(g.get(pairs[0].0), 0b1000_0010);
        let mut w = Writer::default();
        g.write(&mut w);
        let back = Gazetteer::read(&mut Reader::new(&w.buf)).expect("reads back");
        assert_eq!(back.types(), 8);
        assert_eq!(back.len(), g.len());
        for &(k, _) in &pairs {
            assert_eq!(back.get(k), g.get(k));
            assert_ne!(back.get(k), 0);
        }
        // Types beyond the declared count are dropped.
        assert_eq!(Gazetteer::from_pairs(&[(7 << 24, 1 << 9)], 8, 24).len(), 0);
        for cut in [1, 5, 9, w.buf.len() - 1] {
            assert!(Gazetteer::read(&mut Reader::new(&w.buf[..cut])).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn unknown_keys_find_nothing() {
        let g = Gazetteer::from_pairs(&[(0x1234_5678, 3)], 2, 32);
        assert_eq!(g.get(0x1234_5678), 3);
        assert_eq!(g.get(0x1234_5679), 0);
        assert_eq!(Gazetteer::empty().get(0x1234_5678), 0);
    }
}

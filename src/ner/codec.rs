//! Little-endian reading and writing of the model artifact's sections.
//!
//! A reader never panics: every read is bounds-checked and reports which section ran short,
//! so a truncated or stale artifact produces a message instead of garbage tags.
//!
//! Two kinds of streams: byte streams of small symbols (state gaps, weight codes), which the
//! page's gzip entropy-codes well on its own, and bit streams ([`BitWriter`], [`BitReader`])
//! for sorted hash keys and fixed-width cluster paths, which gzip cannot shrink: keys are
//! uniform, so their gaps are close to geometric and a Rice code gets within a few hundredths
//! of a bit of their entropy (varint bytes + gzip were 2.5 bits per key above it).

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
    /// Named sections: where each starts in `buf` (for the size report, `Model::sections`).
    pub marks: Vec<(String, usize)>,
}

impl Writer {
    /// Starts a named section at the current position.
    pub fn mark(&mut self, name: impl Into<String>) {
        self.marks.push((name.into(), self.buf.len()));
    }
    /// Appends a byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Appends a little-endian u16.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends a little-endian u32.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends a little-endian u64.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends a little-endian f32.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Appends an unsigned LEB128 varint.
    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    /// Appends a length-prefixed (varint) block of bytes.
    pub fn block(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    /// Appends a length-prefixed (varint) UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Reads values from a byte slice; every method fails with the section name on overrun.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    section: &'static str,
}

impl<'a> Reader<'a> {
    /// Reads `data` from its start.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0, section: "header" }
    }
    /// Names the section that following reads belong to (for error messages).
    pub fn section(&mut self, s: &'static str) {
        self.section = s;
    }
    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        match end {
            Some(e) => {
                let s = &self.data[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(format!("artifact truncated in section `{}`", self.section)),
        }
    }
    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8, String> {
        Ok(self.bytes(1)?[0])
    }
    /// Reads a little-endian u16.
    pub fn u16(&mut self) -> Result<u16, String> {
        let b = self.bytes(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    /// Reads a little-endian u32.
    pub fn u32(&mut self) -> Result<u32, String> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Reads a little-endian u64.
    pub fn u64(&mut self) -> Result<u64, String> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// Reads a little-endian f32.
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// Reads an unsigned LEB128 varint.
    pub fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(format!("bad varint in section `{}`", self.section))
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, String> {
        let n = self.varint()? as usize;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| format!("bad text in section `{}`", self.section))
    }
    /// Reads a varint length, then that many bytes.
    pub fn block(&mut self) -> Result<&'a [u8], String> {
        let n = usize::try_from(self.varint()?).unwrap_or(usize::MAX);
        self.bytes(n)
    }
    /// Whether every byte has been read.
    pub fn done(&self) -> bool {
        self.pos == self.data.len()
    }
}

/// Packs values of any bit width, least significant bit first.
#[derive(Default)]
pub struct BitWriter {
    buf: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    /// Appends the low `bits` bits of `v` (`bits` ≤ 32).
    pub fn bits(&mut self, v: u64, bits: u32) {
        debug_assert!(bits <= 32);
        self.acc |= (v & ((1u64 << bits) - 1)) << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.buf.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Appends `v` as a Rice code with parameter `k`: `v >> k` in unary (ones, then a zero),
    /// then the low `k` bits.
    pub fn rice(&mut self, v: u64, k: u32) {
        let mut q = v >> k;
        while q >= 32 {
            self.bits(u32::MAX as u64, 32);
            q -= 32;
        }
        self.bits((1u64 << q) - 1, q as u32);
        self.bits(0, 1);
        self.bits(v, k);
    }

    /// The packed bytes (the last byte padded with zeros).
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.buf.push(self.acc as u8);
        }
        self.buf
    }
}

/// The gaps between sorted keys cut to their top `bits` bits, from 0: how the word tables and
/// the gazetteer store their keys (Rice-coded; read back with [`BitReader::key_gaps`]).
pub fn key_gaps(sorted_keys: impl IntoIterator<Item = u32>, bits: u32) -> Vec<u64> {
    let shift = 32 - bits;
    let mut last = 0u64;
    sorted_keys
        .into_iter()
        .map(|k| {
            let k = (k >> shift) as u64;
            let gap = k - last;
            last = k;
            gap
        })
        .collect()
}

/// The Rice parameter that codes `values` in the fewest bits.
pub fn best_rice(values: &[u64]) -> u32 {
    (0..32u32).min_by_key(|&k| values.iter().map(|&v| (v >> k) + 1 + k as u64).sum::<u64>()).unwrap_or(0)
}

/// Reads what a [`BitWriter`] wrote; every read fails with the section name on overrun.
pub struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
    acc: u64,
    n: u32,
    section: &'static str,
}

impl<'a> BitReader<'a> {
    /// Reads `data` from its first bit; `section` names it in error messages.
    pub fn new(data: &'a [u8], section: &'static str) -> Self {
        BitReader { data, pos: 0, acc: 0, n: 0, section }
    }

    fn short(&self) -> String {
        format!("artifact truncated in section `{}`", self.section)
    }

    /// Reads `bits` bits (`bits` ≤ 32).
    pub fn bits(&mut self, bits: u32) -> Result<u64, String> {
        while self.n < bits {
            let b = *self.data.get(self.pos).ok_or_else(|| self.short())?;
            self.acc |= (b as u64) << self.n;
            self.pos += 1;
            self.n += 8;
        }
        let v = self.acc & ((1u64 << bits) - 1);
        self.acc >>= bits;
        self.n -= bits;
        Ok(v)
    }

    /// Reads `n` keys written as Rice-coded (parameter `k`) [`key_gaps`] of `bits`-bit keys,
    /// each back at the top of a 32-bit key; a key beyond `bits` bits is an error.
    pub fn key_gaps(&mut self, n: usize, k: u32, bits: u32) -> Result<Vec<u32>, String> {
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u64;
        for _ in 0..n {
            last += self.rice(k, 1 << bits)?;
            if last >> bits != 0 {
                return Err(format!("key out of range in section `{}`", self.section));
            }
            keys.push((last << (32 - bits)) as u32);
        }
        Ok(keys)
    }

    /// Reads a Rice code with parameter `k`; a unary run longer than `max_q` is an error.
    pub fn rice(&mut self, k: u32, max_q: u64) -> Result<u64, String> {
        let mut q = 0u64;
        loop {
            if self.n == 0 {
                let b = *self.data.get(self.pos).ok_or_else(|| self.short())?;
                self.acc = b as u64;
                self.pos += 1;
                self.n = 8;
            }
            // Count the ones at the bottom of the buffer in one step.
            let ones = (!self.acc).trailing_zeros().min(self.n);
            q += ones as u64;
            if q > max_q {
                return Err(format!("bad code in section `{}`", self.section));
            }
            self.acc >>= ones;
            self.n -= ones;
            if self.n > 0 {
                self.acc >>= 1;
                self.n -= 1;
                break;
            }
        }
        Ok(q << k | self.bits(k)?)
    }
}

/// A 64-bit checksum of the payload (FNV-style, eight bytes per step): detects a corrupted or
/// hand-edited artifact.
pub fn checksum(data: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ data.len() as u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(a)).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_and_rice_codes_roundtrip() {
        let vals: Vec<u64> =
            (0..2000u64).map(|i| (i * 2_654_435_761) % 70_000).chain([0, 1, u32::MAX as u64]).collect();
        let k = best_rice(&vals);
        let mut w = BitWriter::default();
        for &v in &vals {
            w.rice(v, k);
            w.bits(v & 0xfff, 12);
        }
        let bytes = w.finish();
        let mut r = BitReader::new(&bytes, "t");
        for &v in &vals {
            assert_eq!(r.rice(k, u64::MAX).unwrap(), v);
            assert_eq!(r.bits(12).unwrap(), v & 0xfff);
        }
    }

    #[test]
    fn bit_reads_past_the_end_or_overlong_codes_fail() {
        let mut r = BitReader::new(&[0xff, 0xff], "t");
        assert!(r.rice(0, 10).unwrap_err().contains("bad code"));
        let mut r = BitReader::new(&[0xff], "t");
        assert!(r.rice(0, 100).unwrap_err().contains("truncated"));
        let mut r = BitReader::new(&[1], "t");
        assert!(r.bits(9).is_err());
    }
}

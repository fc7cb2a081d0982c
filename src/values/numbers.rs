//! Reading numbers: digits with separators ("1,200.5"), digits with a glued suffix ("2bn",
//! "1970s", "21st", "9am"), spelled-out numbers ("twenty-three thousand", "half a dozen"),
//! ordinals and fractions ("three-quarters").
//!
//! Why its own module: every value type starts from a number, and reading one is where the
//! text's spelling variety lives. Everything here reads at most [`super::scan::MAX_TOKENS`]
//! tokens through [`Cx`], so it stays linear however long the input is.

use super::scan::Cx;
use crate::lexicon;

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Num<'d> {
    /// The token after the number.
    pub end: usize,
    /// Its value, scale words applied.
    pub value: f64,
    /// One token of plain ASCII digits, no separators or scale ("2014"): a year candidate.
    pub plain: bool,
    /// A letter suffix glued to the digits and not read as a scale ("km" in "10km", "am",
    /// "s" in "1970s", "st" in "21st"); "m" stays here too (a million only for money).
    pub suffix: Option<&'d str>,
    /// A scale word or suffix was applied ("3.5 million", "2bn").
    pub scaled: bool,
}

/// Parses ASCII digits with optional thousands commas and one decimal point ("1,200.5"), with
/// an optional leading sign. `None` for anything else (including non-ASCII digits).
pub(super) fn digits(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let b = body.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    // Comma groups: "1,200,000" — first group 1..=3 digits, then groups of exactly 3.
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || !first.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|c| c.is_ascii_digit()) || first.len() > 3 {
            return None;
        }
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
    }
    // Accumulated by hand rather than with `str::parse::<f64>`, whose correctly rounded
    // algorithm costs the WASM bundle more than this stage's whole scanner; news numbers have
    // few digits, so the result is exact or within an ulp.
    let mut v = 0f64;
    for c in int.bytes().filter(u8::is_ascii_digit) {
        v = v * 10.0 + f64::from(c - b'0');
    }
    if let Some(f) = frac {
        let (mut num, mut den) = (0f64, 1f64);
        for c in f.bytes() {
            num = num * 10.0 + f64::from(c - b'0');
            den *= 10.0;
        }
        v += num / den;
    }
    Some(if s.starts_with('-') { -v } else { v })
}

/// Splits "2bn" into ("2", "bn"), "9.30pm" into ("9.30", "pm"): the leading number and the
/// letters glued after it (lower case as given). `None` unless both parts are there.
pub(super) fn split_suffix(lower: &str) -> Option<(&str, &str)> {
    let at = lower.find(|c: char| c.is_alphabetic())?;
    let (num, suffix) = lower.split_at(at);
    (!num.is_empty() && suffix.bytes().all(|c| c.is_ascii_lowercase())).then_some((num, suffix))
}

/// Reads a number starting at token `i`: digits (with scale words after them), digits with a
/// glued suffix, "a"/"an"/"half a" before a scale word, or spelled-out words.
pub(super) fn number<'d>(cx: &Cx<'d>, i: usize) -> Option<Num<'d>> {
    let w = cx.lower(i);
    if let Some(v) = digits(w) {
        let plain = w.bytes().all(|c| c.is_ascii_digit());
        return Some(scaled(cx, Num { end: i + 1, value: v, plain, suffix: None, scaled: false }));
    }
    if let Some((num, suffix)) = split_suffix(w) {
        let v = digits(num)?;
        if let Some(s) = lexicon::glued_scale(suffix).filter(|_| suffix != "m") {
            return Some(scaled(cx, Num { end: i + 1, value: v * s, plain: false, suffix: None, scaled: true }));
        }
        return Some(Num { end: i + 1, value: v, plain: false, suffix: Some(suffix), scaled: false });
    }
    // "a dozen", "a million", "half a dozen".
    let (lead, from) = match w {
        "a" | "an" => (1.0, i + 1),
        "half" if cx.lower(i + 1) == "a" => (0.5, i + 2),
        _ => (0.0, i),
    };
    if lead > 0.0 {
        let s = lexicon::scale_word(cx.lower(from))?;
        return Some(scaled(cx, Num { end: from + 1, value: lead * s, plain: false, suffix: None, scaled: true }));
    }
    spelled(cx, i)
}

/// Applies scale words after a number ("3.5 million", "2 billion").
fn scaled<'d>(cx: &Cx<'d>, mut n: Num<'d>) -> Num<'d> {
    while let Some(s) = lexicon::scale_word(cx.lower(n.end)) {
        n.value *= s;
        n.end += 1;
        n.plain = false;
        n.scaled = true;
    }
    n
}

/// The value of a number word or a hyphenated pair ("twenty-three").
fn small(word: &str) -> Option<u32> {
    if let Some(n) = lexicon::number_word(word) {
        return Some(n);
    }
    let (tens, unit) = word.split_once('-')?;
    let (t, u) = (lexicon::number_word(tens)?, lexicon::number_word(unit)?);
    (t >= 20 && t % 10 == 0 && (1..10).contains(&u)).then_some(t + u)
}

/// Spelled-out numbers: "twenty-three thousand", "one hundred and five", "two million".
fn spelled<'d>(cx: &Cx<'d>, i: usize) -> Option<Num<'d>> {
    let mut total = 0f64;
    let mut current = 0f64;
    let mut j = i;
    let mut last_small: Option<u32> = None;
    let mut any = false;
    let mut scaled = false;
    loop {
        let w = cx.lower(j);
        if let Some(n) = small(w) {
            // "five six" is two numbers; "twenty three" (unhyphenated) is one.
            if let Some(prev) = last_small {
                if !(prev >= 20 && prev % 10 == 0 && n < 10) {
                    break;
                }
            }
            current += f64::from(n);
            last_small = Some(n);
            any = true;
        } else if w == "hundred" && any {
            current = current.max(1.0) * 100.0;
            last_small = None;
            scaled = true;
        } else if let Some(s) = lexicon::scale_word(w).filter(|_| any) {
            total += current.max(1.0) * s;
            current = 0.0;
            last_small = None;
            scaled = true;
        } else if w == "and" && any && small(cx.lower(j + 1)).is_some() && last_small.is_none() {
            // "one hundred and five"
        } else {
            break;
        }
        j += 1;
    }
    any.then_some(Num { end: j, value: total + current, plain: false, suffix: None, scaled })
}

/// An ordinal at token `i`: "fifth", "21st", "twenty-first".
pub(super) fn ordinal(cx: &Cx, i: usize) -> Option<f64> {
    let w = cx.lower(i);
    if let Some(n) = lexicon::ordinal_word(w) {
        return Some(f64::from(n));
    }
    if let Some((num, suffix)) = split_suffix(w) {
        let n: u64 = num.parse().ok()?;
        let want = match (n % 100, n % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        return (suffix == want).then_some(n as f64);
    }
    let (tens, unit) = w.split_once('-')?;
    let t = lexicon::number_word(tens)?;
    let u = lexicon::ordinal_word(unit)?;
    (t >= 20 && t % 10 == 0 && u < 10).then(|| f64::from(t + u))
}

/// A spelled-out fraction in one token: "three-quarters" (0.75), "two-thirds", "one-half".
pub(super) fn fraction(word: &str) -> Option<f64> {
    let (num, den) = word.split_once('-')?;
    let n = lexicon::number_word(num)?;
    let d = lexicon::fraction_word(den)?;
    // "one-third" but not "one-thirds"; "two-thirds" but not "two-third".
    let plural = den.ends_with('s');
    ((n == 1) != plural && n < d).then(|| f64::from(n) / f64::from(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_forms() {
        assert_eq!(digits("1,200"), Some(1200.0));
        assert_eq!(digits("1,200,000.5"), Some(1_200_000.5));
        assert_eq!(digits("3.5"), Some(3.5));
        assert_eq!(digits("-4"), Some(-4.0));
        assert_eq!(digits("12,00"), None);
        assert_eq!(digits("1234,567"), None);
        assert_eq!(digits("1.2.3"), None);
        assert_eq!(digits("10:30"), None);
        assert_eq!(digits("٣"), None);
        assert_eq!(digits(""), None);
    }

    #[test]
    fn suffixes_fractions_ordinals() {
        assert_eq!(split_suffix("2bn"), Some(("2", "bn")));
        assert_eq!(split_suffix("9.30pm"), Some(("9.30", "pm")));
        assert_eq!(split_suffix("bn"), None);
        assert_eq!(fraction("three-quarters"), Some(0.75));
        assert_eq!(fraction("one-half"), Some(0.5));
        assert_eq!(fraction("two-third"), None);
        assert_eq!(fraction("five-quarters"), None);
    }
}

//! Per-token facts every stage reads: typographic normal form, lowercase form, shape and
//! character-class flags.
//!
//! Why here: the recogniser, the quotation finder and the grouping stage all ask the same
//! questions of a token ("is it capitalised?", "is it the word *said*?", "is ’ an
//! apostrophe?"). Answering them once, with one definition of each, is what keeps the stages
//! in agreement: "donʼt" (U+02BC), "don’t" and "don't" have the same normal form everywhere.

use crate::doc::{Forms, Token};

/// Maps typographic variants to the plain forms news corpora (and our lexicons) are written in:
/// curly and modifier apostrophes to `'`, curly and angle double quotes to `"`, dashes and
/// minus signs to `-`, the ellipsis character to `.`.
#[inline]
pub fn norm_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2026}' => '.',
        _ => c,
    }
}

/// Character-class facts about a token, computed on its normal form.
///
/// The bit values are part of the entity model's feature definition: do not renumber.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub u16);

impl Flags {
    /// The first character is an upper-case letter.
    pub const INIT_CAP: u16 = 1;
    /// Every letter is upper case (and there is at least one).
    pub const ALL_CAPS: u16 = 2;
    /// Some letter is lower case.
    pub const HAS_LOWER: u16 = 4;
    /// Some character is a digit.
    pub const HAS_DIGIT: u16 = 8;
    /// Every character is a digit (and there is at least one).
    pub const ALL_DIGIT: u16 = 16;
    /// Contains a hyphen or dash.
    pub const HAS_HYPHEN: u16 = 32;
    /// Contains a period.
    pub const HAS_PERIOD: u16 = 64;
    /// Neither letters nor digits.
    pub const NO_ALNUM: u16 = 128;
    /// Contains an apostrophe (any of its typographic forms).
    pub const HAS_APOS: u16 = 256;
    /// Some character is a letter.
    pub const HAS_LETTER: u16 = 512;

    /// Whether every bit of `f` is set.
    #[inline]
    pub fn has(self, f: u16) -> bool {
        self.0 & f == f
    }

    /// Starts with a capital letter ("Paris", "NATO", "McCain").
    #[inline]
    pub fn capitalized(self) -> bool {
        self.has(Self::INIT_CAP)
    }

    /// Title case: a capital followed by lower-case letters somewhere ("Paris", "McCain").
    #[inline]
    pub fn title(self) -> bool {
        self.has(Self::INIT_CAP | Self::HAS_LOWER)
    }

    /// Lower-case word: has lower-case letters and does not start with a capital.
    #[inline]
    pub fn lower(self) -> bool {
        self.has(Self::HAS_LOWER) && !self.has(Self::INIT_CAP)
    }

    /// All letters upper case ("NATO", "U.S.").
    #[inline]
    pub fn all_caps(self) -> bool {
        self.has(Self::ALL_CAPS)
    }

    /// Computes the flags of `word` in one pass, without allocating.
    pub fn of(word: &str) -> Flags {
        let mut flags = Self::ALL_DIGIT;
        let (mut n, mut n_upper, mut n_letters) = (0usize, 0usize, 0usize);
        let mut first_upper = false;
        for c in word.chars() {
            let c = norm_char(c);
            let (upper, lower) = if c.is_ascii() {
                (c.is_ascii_uppercase(), c.is_ascii_lowercase())
            } else {
                (c.is_uppercase(), c.is_lowercase())
            };
            let digit = c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric());
            if upper {
                n_upper += 1;
                first_upper |= n == 0;
            }
            if upper || lower || c.is_alphabetic() {
                n_letters += 1;
                flags |= Self::HAS_LETTER;
            }
            if lower {
                flags |= Self::HAS_LOWER;
            }
            if digit {
                flags |= Self::HAS_DIGIT;
            } else {
                flags &= !Self::ALL_DIGIT;
            }
            match c {
                '-' => flags |= Self::HAS_HYPHEN,
                '.' => flags |= Self::HAS_PERIOD,
                '\'' => flags |= Self::HAS_APOS,
                _ => {}
            }
            n += 1;
        }
        if n == 0 {
            flags &= !Self::ALL_DIGIT;
        }
        if flags & (Self::HAS_LETTER | Self::HAS_DIGIT) == 0 {
            flags |= Self::NO_ALNUM;
        }
        if first_upper {
            flags |= Self::INIT_CAP;
        }
        if n_letters > 0 && n_upper == n_letters {
            flags |= Self::ALL_CAPS;
        }
        Flags(flags)
    }
}

/// The collapsed shape class of a normalised character: `X` upper case, `x` other letters,
/// `0` digits, anything else itself ("McCain" → `XxXx`, "U.S." → `X.X.`).
#[inline]
pub fn shape_class(c: char) -> char {
    let (upper, lower) = if c.is_ascii() {
        (c.is_ascii_uppercase(), c.is_ascii_lowercase())
    } else {
        (c.is_uppercase(), c.is_lowercase())
    };
    if upper {
        'X'
    } else if lower || c.is_alphabetic() {
        'x'
    } else if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
        '0'
    } else {
        c
    }
}

/// Builds the normal, lowercase and shape forms of all tokens in one arena (three strings per
/// token, no allocation per token). The tokenizer has already set each token's flags.
pub fn forms(text: &str, tokens: &[Token]) -> Forms {
    let mut out = Forms { text: String::with_capacity(text.len() * 2 + 16), at: Vec::with_capacity(tokens.len()) };
    for t in tokens {
        let word = t.span.of(text);
        let a = out.text.len() as u32;
        out.text.extend(word.chars().map(norm_char));
        let b = out.text.len() as u32;
        for c in word.chars().map(norm_char) {
            if c.is_ascii() {
                out.text.push(c.to_ascii_lowercase());
            } else {
                out.text.extend(c.to_lowercase());
            }
        }
        let c = out.text.len() as u32;
        let mut last = '\0';
        for k in word.chars().map(|c| shape_class(norm_char(c))) {
            if k != last {
                out.text.push(k);
                last = k;
            }
        }
        let d = out.text.len() as u32;
        out.at.push([a, b, c, d]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert!(Flags::of("Paris").title());
        assert!(Flags::of("NATO").all_caps() && !Flags::of("NATO").title());
        assert!(Flags::of("1996").has(Flags::ALL_DIGIT));
        assert!(Flags::of("—").has(Flags::NO_ALNUM | Flags::HAS_HYPHEN));
        assert!(Flags::of("donʼt").has(Flags::HAS_APOS));
        assert!(!Flags::of("").has(Flags::ALL_DIGIT));
    }

    #[test]
    fn one_normal_form_for_every_apostrophe() {
        let doc = crate::text::segment_text("O’Brien's donʼt “Yes”");
        let lower: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
        assert_eq!(lower, ["o'brien", "'s", "do", "n't", "\"", "yes", "\""]);
        assert_eq!(doc.norm(0), "O'Brien");
        assert_eq!(doc.shape(0), "X'Xx");
    }
}

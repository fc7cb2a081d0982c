//! Character classes the text layer decides on.
//!
//! Kept in one place so the tokenizer, the sentence splitter and the paragraph finder agree on
//! what a quote mark, a dash or a sentence-final mark is. Everything here is a `match` on the
//! character (compiled to range checks), so no tables have to be shipped to the browser.

/// Letters, digits and combining marks: the characters words are made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks and joiners that belong to the character before them (accents written as
/// separate code points, zero-width joiners inside Indic words, variation selectors).
#[inline]
pub fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Apostrophes: the straight one and the typographic right single quote, which news sites use
/// for both possessives and closing single quotes.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Every quotation mark we know, straight, curly, low, angle and CJK corner brackets.
#[inline]
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}' // «
            | '\u{00BB}' // »
            | '\u{2018}'..='\u{201F}' // ‘ ’ ‚ ‛ “ ” „ ‟
            | '\u{2039}' // ‹
            | '\u{203A}' // ›
            | '\u{300C}'..='\u{300F}' // 「 」 『 』
            | '\u{301D}'..='\u{301F}' // 〝 〞 〟
            | '\u{FF02}' // ＂
            | '\u{FF07}' // ＇
    )
}

/// Double quotation marks (the family that delimits direct speech in US-style news).
#[inline]
pub fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201F}'
            | '\u{301D}'
            | '\u{301E}'
            | '\u{FF02}'
    )
}

/// Single quotation marks and apostrophes (primary quotes in UK style, nested ones elsewhere).
#[inline]
pub fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// Quote marks that can only close a quotation (in English-language news).
#[inline]
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}' | '\u{301E}' | '\u{301F}')
}

/// Quote marks that can only open a quotation.
#[inline]
pub fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '\u{2018}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{301D}'
            | '`'
    )
}

/// Brackets that open.
#[inline]
pub fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '\u{FF08}' | '\u{3010}' | '\u{3008}' | '\u{300A}')
}

/// Brackets that close.
#[inline]
pub fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>' | '\u{FF09}' | '\u{3011}' | '\u{3009}' | '\u{300B}')
}

/// Marks that end a sentence on their own: . ! ? … and their full-width/CJK forms.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF0E}' | '\u{203C}' | '\u{2047}'
            ..='\u{2049}'
    )
}

/// Dashes other than the ASCII hyphen-minus: en, em, figure, horizontal bar, minus.
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// Hyphens that join the parts of one word ("Anglo-Dutch"): the ASCII hyphen-minus, the
/// Unicode hyphen and the non-breaking hyphen. The en dash is accepted between digits only.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{00AD}')
}

/// Currency signs. They are split from the amount ("$" "5.3").
#[inline]
pub fn is_currency(c: char) -> bool {
    matches!(c, '$' | '\u{00A2}'..='\u{00A5}' | '\u{058F}' | '\u{060B}' | '\u{09F2}' | '\u{09F3}' | '\u{0E3F}' | '\u{17DB}' | '\u{20A0}'..='\u{20C0}' | '\u{FDFC}' | '\u{FE69}' | '\u{FF04}' | '\u{FFE0}' | '\u{FFE1}' | '\u{FFE5}' | '\u{FFE6}')
}

/// Symbols that are tokens of kind `Symbol` (currency, %, &, +, =, ©, ° ...).
#[inline]
pub fn is_symbol(c: char) -> bool {
    is_currency(c)
        || matches!(
            c,
            '%' | '&'
                | '+'
                | '='
                | '<'
                | '>'
                | '^'
                | '~'
                | '|'
                | '#'
                | '@'
                | '\u{00A9}'
                | '\u{00AE}'
                | '\u{00B0}'
                | '\u{00B1}'
                | '\u{00A7}'
                | '\u{00B6}'
                | '\u{00D7}'
                | '\u{00F7}'
                | '\u{2030}'
                | '\u{2031}'
                | '\u{2122}'
                | '\u{2116}'
        )
}

/// Bullets that start a list item.
#[inline]
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{2022}'
            | '\u{2023}'
            | '\u{2043}'
            | '\u{25AA}'
            | '\u{25AB}'
            | '\u{25CF}'
            | '\u{25E6}'
            | '\u{25A0}'
            | '\u{25A1}'
            | '\u{25B8}'
            | '\u{25BA}'
            | '\u{2219}'
            | '\u{00B7}'
            | '\u{27A2}'
            | '\u{2714}'
            | '\u{2713}'
            | '\u{2192}'
            | '*'
            | '-'
            | '+'
            | '\u{2013}'
            | '\u{2014}'
    )
}

/// Emoji modifiers and joiners that belong to the emoji before them: skin tones, variation
/// selectors, the zero-width joiner, the keycap and tag characters.
#[inline]
pub fn is_emoji_continuation(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{FE0E}' | '\u{FE0F}' | '\u{200D}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
}

/// Regional indicator letters; two of them make one flag.
#[inline]
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Line terminators that end a line of text (besides `\n`).
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}')
}

/// Control characters and invisible format characters (zero-width space, joiners, marks,
/// byte-order mark) that carry no text.
#[inline]
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Punctuation that gets a `Punct` token: ASCII, Latin-1 marks (¡ ¿ §), the general and
/// supplemental punctuation blocks, CJK and full-width punctuation, bullets.
#[inline]
pub fn is_punct_like(c: char) -> bool {
    c.is_ascii_punctuation()
        || is_bullet(c)
        || matches!(c,
            '\u{00A1}'..='\u{00BF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{2E00}'..='\u{2E7F}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FE10}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF00}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

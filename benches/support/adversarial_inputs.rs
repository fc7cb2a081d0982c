//! Deterministic adversarial inputs for `benches/adversarial.rs`, `examples/adversarial_time.rs`
//! and the fuzz seeds (issue 8, item 3). Every generator returns a text of about `n` bytes
//! (never more than `n` plus one repeated unit, always valid UTF-8).

/// The article the pipeline bench uses, our own text.
pub const ARTICLE: &str = include_str!("../article.txt");

/// Repeats `unit` until the text holds at least `n` bytes (at least once).
fn repeat_to(unit: &str, n: usize) -> String {
    let mut s = String::with_capacity(n + unit.len());
    while s.len() < n || s.is_empty() {
        s.push_str(unit);
    }
    s
}

/// xorshift64*: a fixed-seed PRNG, so every run sees the same soup.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// Plain news: the bench article repeated.
pub fn news(n: usize) -> String {
    repeat_to(&format!("{ARTICLE}\n"), n)
}

/// Only straight double quote marks.
pub fn straight_marks(n: usize) -> String {
    repeat_to("\"", n)
}

/// Only curly opening double quote marks.
pub fn curly_open(n: usize) -> String {
    repeat_to("\u{201c}", n)
}

/// `said Smith "x" ` over and over: every mark pair has a cue and a speaker.
pub fn said_smith(n: usize) -> String {
    repeat_to("said Smith \"x\" ", n)
}

/// Apostrophes, straight and curly, in every position a tokenizer cares about.
pub fn apostrophes(n: usize) -> String {
    repeat_to("rock \u{2019}n\u{2019} roll Joneses\u{2019} don't \u{2018}tis o'clock the '90s Smiths' 'quoted' it\u{2019}s ' \u{2019} ''' ", n)
}

/// Brackets: long opening runs and mixed closers, with a few words between.
pub fn brackets(n: usize) -> String {
    let mut r = Rng(0x00B5_AC4E_7000_0001);
    let pieces = ["((((", ")]}", "[", "{", "(", ")", "]", "}", " ", "word", " Ann ", ")]}))", "(["];
    let mut s = String::with_capacity(n + 8);
    while s.len() < n {
        s.push_str(r.pick(&pieces));
    }
    s
}

/// Random soup of quote marks, letters, spaces, newlines and punctuation.
pub fn mark_soup(n: usize) -> String {
    let mut r = Rng(0x5EED_0F50_0B0B);
    let pieces = [
        "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\u{ab}", "\u{bb}", "`", "a", "b", "Sm", "ith",
        "said", " ", " ", " ", "\n", "\n\n", ".", ",", "!", "?", ":", "\u{2014}", "-", "(", ")", "Mr.", "said ",
        " he ", "1",
    ];
    let mut s = String::with_capacity(n + 8);
    while s.len() < n {
        s.push_str(r.pick(&pieces));
    }
    s
}

/// One token of `n` letters.
pub fn one_token(n: usize) -> String {
    "a".repeat(n.max(1))
}

/// Nothing but newlines.
pub fn newlines(n: usize) -> String {
    "\n".repeat(n.max(1))
}

/// One sentence without terminal punctuation: lowercase words (250k of them in 1 MB).
pub fn long_sentence(n: usize) -> String {
    let mut r = Rng(0x1_0000_5E47);
    let words = ["the", "cat", "and", "dog", "ran", "off", "to", "a", "big", "red", "bus", "of", "we"];
    let mut s = String::with_capacity(n + 8);
    while s.len() < n {
        s.push_str(r.pick(&words));
        s.push(' ');
    }
    s
}

/// Capitalised three-letter words, `Abc Def Ghi …` (250k of them in 1 MB), all different
/// enough to look like one endless name.
pub fn capitalised(n: usize) -> String {
    let mut r = Rng(0xCA9_17A1);
    let mut s = String::with_capacity(n + 8);
    while s.len() < n {
        let x = r.next();
        s.push((b'A' + (x % 26) as u8) as char);
        s.push((b'a' + (x / 26 % 26) as u8) as char);
        s.push((b'a' + (x / 676 % 26) as u8) as char);
        s.push(' ');
    }
    s
}

/// One sentence of nothing but value words picked at random (numbers, hedges, "between",
/// "and", "to", currencies, units, months): every token starts a value pattern and many run
/// to their length cap.
pub fn values(n: usize) -> String {
    let mut r = Rng(0x7A1_0E5);
    let words = [
        "between", "about", "more", "than", "and", "to", "$", "3.5", "million", "twenty-three", "thousand", "12", "%",
        "percent", "March", "3", ",", "2016", "the", "past", "two", "years", "one", "in", "five", "half", "a", "dozen",
        "miles", "9", "a.m.", "EST", "last", "week", "31-year-old", "1970s", "-",
    ];
    let mut s = String::with_capacity(n + 16);
    while s.len() < n {
        s.push_str(r.pick(&words));
        s.push(' ');
    }
    s
}

/// What the document-level NER passes look at, over and over, a dateline per paragraph: names in
/// capitals before parenthesised acronyms, party tags, datelines, a name repeated alone and in
/// a longer name, commas inside names, months before days (`src/ner/conventions.rs`,
/// `consistency.rs`).
pub fn names_and_acronyms(n: usize) -> String {
    repeat_to(
        "LAKEPORT, Nov 3 (Harbour Wire) - the counter-Vell Front of Ostra (VFO) met Sen. Ida Moss (D-Mo.) and \
         Quarrow, Quarrow Mining, Irwin, McAteer and The Ostra Estuary (OE) on Feb. 9.\n\n",
        n,
    )
}

/// Makes an input of about the given number of bytes.
pub type Generator = fn(usize) -> String;

/// Every input, by name, news first.
pub const INPUTS: &[(&str, Generator)] = &[
    ("news", news),
    ("straight_marks", straight_marks),
    ("curly_open", curly_open),
    ("said_smith", said_smith),
    ("apostrophes", apostrophes),
    ("brackets", brackets),
    ("mark_soup", mark_soup),
    ("one_token", one_token),
    ("newlines", newlines),
    ("long_sentence", long_sentence),
    ("capitalised", capitalised),
    ("values", values),
    ("names_and_acronyms", names_and_acronyms),
];

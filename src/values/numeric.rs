//! Values that start with a number or a currency: money, percentages, quantities, cardinals,
//! ordinals, and the number-first dates and times (handed to [`super::dates`]).
//!
//! Why one dispatcher: after a number, the next word decides the type ("12 percent", "12
//! euros", "12 miles", "12 years", "12 a.m.", "12 March"), so the number is read once and
//! the word after it is looked up in the lexicon's lists in a fixed order.

use super::dates::{self, fmt_num};
use super::normal::{Kind, Normal, Original};
use super::numbers::{self, Num};
use super::scan::{Cx, Found};
use crate::doc::Flags;
use crate::doc::ValueLabel::{CARDINAL, DATE, MONEY, ORDINAL, PERCENT, QUANTITY, TIME};
use crate::lexicon;

/// A currency sign or capitalised ISO code at `i` that an amount follows.
fn currency_before(cx: &Cx, i: usize) -> Option<&'static str> {
    let w = cx.lower(i);
    if let Some(code) = lexicon::currency_sign(w) {
        return Some(code);
    }
    if cx.flags(i).has(Flags::ALL_CAPS) {
        return lexicon::currency_code(w);
    }
    None
}

/// A money value: `amount` in `code`, ending before `end`.
fn money(end: usize, amount: f64, code: &'static str) -> Found {
    let mut normal = Normal::number(Kind::Money, amount);
    normal.unit = Some(code);
    Found::new(end, MONEY, Some(normal)).numeric()
}

/// Patterns that start with a number or a currency sign at `i`.
pub(super) fn at(cx: &Cx, i: usize) -> Option<Found> {
    if let Some(code) = currency_before(cx, i) {
        let n = numbers::number(cx, i + 1)?;
        return match n.suffix {
            None => Some(money(n.end, n.value, code)),
            // "$40m": a million after a currency sign.
            Some("m") => Some(money(n.end, n.value * 1e6, code)),
            Some(_) => None,
        };
    }
    let w = cx.lower(i);
    if let Some(v) = numbers::ordinal(cx, i) {
        return dates::ordinal_period(cx, i, v)
            .or_else(|| Some(Found::new(i + 1, ORDINAL, Some(Normal::number(Kind::Number, v)))));
    }
    if let Some(f) = word_led(cx, i) {
        return Some(f);
    }
    // "a third of voters", "a fifth of its value": a fraction, not an ordinal.
    if matches!(w, "a" | "one") && cx.lower(i + 2) == "of" {
        if let Some(d) = lexicon::ordinal_word(cx.lower(i + 1)).filter(|d| (3..=10).contains(d)) {
            return Some(Found::new(i + 2, CARDINAL, Some(Normal::number(Kind::Number, 1.0 / f64::from(d)))).numeric());
        }
    }
    if let Some(v) = numbers::fraction(w) {
        return Some(Found::new(i + 1, CARDINAL, Some(Normal::number(Kind::Number, v))).numeric());
    }
    if lexicon::is_vague_number(w) {
        // "thousands", "tens of thousands"
        let end = if cx.lower(i + 1) == "of" && lexicon::is_vague_number(cx.lower(i + 2)) { i + 3 } else { i + 1 };
        return Some(Found::new(end, CARDINAL, None));
    }
    if w.contains(['-', ':', '/']) {
        if let Some(f) = compound(cx, i).or_else(|| dates::numeric_date(cx, i)) {
            return Some(f);
        }
        if w.contains(':') {
            return dates::clock(cx, i, None);
        }
    }
    let n = numbers::number(cx, i)?;
    after_number(cx, i, &n)
}

/// Values led by a word that is not a number on its own: "minus 23 degrees", "half an hour",
/// "half a metre", "half" (a fraction), "a dollar", "several hundred".
fn word_led(cx: &Cx, i: usize) -> Option<Found> {
    let num = |end, value| Num { end, value, plain: false, suffix: None, scaled: false };
    match cx.lower(i) {
        "minus" => {
            // Only a measurement takes a sign in words ("minus 23 degrees"); "minus 3" alone
            // is arithmetic.
            let n = numbers::number(cx, i + 1)?;
            let f = after_number(cx, i + 1, &Num { value: -n.value, ..n })?;
            (f.label == QUANTITY).then_some(f)
        }
        "half" => match cx.lower(i + 1) {
            // "half a dozen" is read by the number reader.
            "a" | "an" if lexicon::scale_word(cx.lower(i + 2)).is_none() => {
                after_number(cx, i, &num(i + 2, 0.5)).filter(|f| f.label != CARDINAL)
            }
            "a" | "an" => None,
            _ => {
                // "half of the vote", "about half": a fraction, unless it is the half of a
                // match or of a period ("the first half", "a half").
                let before = cx.before(i);
                let part = matches!(before, "the" | "a" | "one" | "first" | "second" | "other");
                (!part).then(|| Found::new(i + 1, CARDINAL, Some(Normal::number(Kind::Number, 0.5))).numeric())
            }
        },
        "a" | "an" => {
            // "a dollar", "a euro": one of a currency named in words; not "a sterling effort"
            // or "a won game", where the word is something else.
            let w = cx.lower(i + 1);
            let (code, worth) = lexicon::currency_word(w)?;
            let singular = !w.ends_with('s') && !matches!(w, "sterling" | "won" | "pence");
            singular.then(|| money(i + 2, worth, code))
        }
        "several" => {
            // "several hundred", "several thousand": a vague count.
            lexicon::scale_word(cx.lower(i + 1)).filter(|s| *s >= 100.0)?;
            Some(Found::new(i + 2, CARDINAL, None).numeric())
        }
        _ => None,
    }
}

/// What the words after the number `n` (read at `i`) make of it.
fn after_number(cx: &Cx, i: usize, n: &Num) -> Option<Found> {
    let j = n.end;
    let w = cx.lower(j);
    if let Some(suffix) = n.suffix {
        return match suffix {
            "am" | "pm" => dates::clock(cx, i, Some(n)),
            "s" => dates::year(cx, i, n),
            _ => quantity(j, n.value, suffix),
        };
    }
    // Percentages.
    let pct_end = match w {
        "%" | "percent" | "pct" => Some(j + 1),
        "per" if cx.lower(j + 1) == "cent" => Some(j + 2),
        "percentage" if matches!(cx.lower(j + 1), "point" | "points") => Some(j + 2),
        _ => None,
    };
    if let Some(end) = pct_end {
        return Some(Found::new(end, PERCENT, Some(Normal::number(Kind::Percent, n.value))).numeric());
    }
    // Money named after the amount.
    if let Some((code, worth)) = lexicon::currency_word(w) {
        return Some(money(j + 1, n.value * worth, code));
    }
    if matches!(w, "pound" | "pounds") {
        return if n.scaled && cx.lower(j + 1) != "of" {
            Some(money(j + 1, n.value, "GBP"))
        } else {
            quantity(j + 1, n.value, "lb")
        };
    }
    if cx.flags(j).has(Flags::ALL_CAPS) {
        if let Some(code) = lexicon::currency_code(w) {
            return Some(money(j + 1, n.value, code));
        }
    }
    if let Some(f) = dates::duration(cx, n) {
        return Some(f);
    }
    // Quantities: "20 kilograms", "5 square miles".
    if matches!(w, "square" | "sq" | "cubic") {
        let (name, factor, si) = lexicon::unit(cx.lower(j + 1))?;
        if si != "m" {
            return None;
        }
        let (power, si) = if w == "cubic" { (3, "m3") } else { (2, "m2") };
        let mut f = quantity(j + 2, n.value, cx.lower(j + 1))?;
        let normal = f.normal.as_mut()?;
        normal.value = Some(n.value * factor.powi(power));
        normal.unit = Some(si);
        normal.original = Some(Original { value: n.value, unit: name });
        return Some(f);
    }
    // "110 km/h", written with a slash the tokenizer splits off.
    if matches!(w, "km" | "kilometres" | "kilometers")
        && cx.lower(j + 1) == "/"
        && matches!(cx.lower(j + 2), "h" | "hr")
    {
        return quantity(j + 3, n.value, "km/h");
    }
    if let Some(mut f) = quantity(j + 1, n.value, w) {
        // "23 degrees Celsius": the scale belongs to the unit.
        if matches!(w, "degree" | "degrees") && matches!(cx.lower(j + 1), "celsius" | "fahrenheit" | "centigrade") {
            f.end = j + 2;
        }
        return Some(f);
    }
    if let Some(f) = dates::clock(cx, i, Some(n)) {
        return Some(f);
    }
    // "one in five"
    if w == "in" && n.value.fract() == 0.0 {
        if let Some(d) = numbers::number(cx, j + 1).filter(|d| d.value.fract() == 0.0 && d.value > n.value) {
            return Some(Found::new(d.end, CARDINAL, Some(Normal::number(Kind::Ratio, n.value / d.value))).numeric());
        }
    }
    if let Some(f) = dates::day_month(cx, i, n).or_else(|| dates::year(cx, i, n)) {
        return Some(f);
    }
    // "9 1/2": a mixed number; "three quarters": a fraction in two words.
    if n.end == i + 1 && n.value.fract() == 0.0 {
        if let Some((a, b)) = w.split_once('/') {
            if let (Some(a), Some(b)) = (numbers::digits(a), numbers::digits(b)) {
                if a >= 1.0 && a < b && b <= 16.0 && a.fract() == 0.0 && b.fract() == 0.0 {
                    // The words after the fraction decide the type ("7 1/2 acres").
                    let mixed = Num { end: j + 1, value: n.value + a / b, plain: false, suffix: None, scaled: false };
                    return after_number(cx, i, &mixed);
                }
            }
        }
        if let Some(d) = lexicon::fraction_word(w).filter(|d| n.value < f64::from(*d)) {
            if (n.value == 1.0) != w.ends_with('s') && n.value >= 1.0 {
                let v = n.value / f64::from(d);
                return Some(Found::new(j + 1, CARDINAL, Some(Normal::number(Kind::Number, v))).numeric());
            }
        }
    }
    if let Some(f) = age_in_commas(cx, i, n) {
        return Some(f);
    }
    // A bare number right after a capitalised name word is part of the name ("Route 66").
    if n.plain && n.end == i + 1 && is_name_word(cx, i) {
        return None;
    }
    Some(Found::new(j, CARDINAL, Some(Normal::number(Kind::Number, n.value))).numeric())
}

/// An age without its unit: "Raman, 38, said", "a local man, 44,", or after "aged" ("aged
/// 16"). In commas the number must follow a person's name or a noun for a person.
fn age_in_commas(cx: &Cx, i: usize, n: &Num) -> Option<Found> {
    let whole = n.plain && n.end == i + 1 && n.value.fract() == 0.0 && (1.0..=120.0).contains(&n.value);
    if !whole {
        return None;
    }
    if cx.before(i) == "aged" {
        return Some(dates::age(i + 1, n.value));
    }
    // "voters under 30", "those over 65": the hedge stays with the age (see `scan::at`).
    if matches!(cx.before(i), "under" | "over") && i >= cx.start + 2 && lexicon::is_people_word(cx.doc.lower(i - 2)) {
        return Some(dates::age(i + 1, n.value));
    }
    if cx.before(i) != "," || i < cx.start + 2 || !matches!(cx.lower(n.end), "," | "." | ";") {
        return None;
    }
    let who = i - 2;
    // Entities are in text order and do not overlap: one binary search finds the one ending at `who`.
    let entities = &cx.doc.entities;
    let k = entities.partition_point(|e| e.tokens.end <= who);
    let is_person = entities.get(k).is_some_and(|e| e.label == crate::doc::Label::PER && e.tokens.end == who + 1);
    (is_person || lexicon::is_person_noun(cx.doc.lower(who))).then(|| dates::age(i + 1, n.value))
}

/// The token before `i` is a capitalised word that could be part of a name: not a sentence
/// opener, month, weekday or other word that is capitalised for other reasons.
fn is_name_word(cx: &Cx, i: usize) -> bool {
    if i <= cx.start {
        return false;
    }
    let f = cx.doc.tokens[i - 1].flags;
    let before = cx.before(i);
    // "iPhone 15", "eBay 2": a capital inside the word marks a name as well as one in front.
    let inner_cap = cx.doc.token_text(i - 1).chars().skip(1).any(char::is_uppercase);
    (f.has(Flags::INIT_CAP) || inner_cap)
        && f.has(Flags::HAS_LETTER)
        && !lexicon::is_capitalized_stopword(before)
        && !lexicon::is_determiner(before)
        && lexicon::hedge(std::iter::once(before)).is_none()
        && lexicon::month_number(before.trim_end_matches('.')).is_none()
}

/// A quantity: `value` of the unit `word`, ending before `end`.
fn quantity(end: usize, value: f64, word: &str) -> Option<Found> {
    let (name, factor, si) = lexicon::unit(word)?;
    let mut normal = Normal::number(Kind::Quantity, value * factor);
    normal.unit = Some(si);
    if name != si || factor != 1.0 {
        normal.original = Some(Original { value, unit: name });
    }
    Some(Found::new(end, QUANTITY, Some(normal)).numeric())
}

/// One hyphenated token: "31-year-old", "10-mile", "five-year", "two-hour", "mid-2015",
/// "2010-2014", "2013-14", "twenty-three" (left to the number reader).
fn compound(cx: &Cx, i: usize) -> Option<Found> {
    let w = cx.lower(i);
    let parts: Vec<&str> = w.split('-').collect();
    let num = |s: &str| numbers::digits(s).or_else(|| lexicon::number_word(s).map(f64::from));
    match parts.as_slice() {
        [n, unit, "old"] if matches!(*unit, "year" | "month" | "week" | "day") => {
            let v = num(n)?;
            let mut f = dates::age(i + 1, v);
            if *unit != "year" {
                let normal = f.normal.as_mut()?;
                normal.iso = Some(format!("P{}{}", fmt_num(v), &unit[..1].to_uppercase()));
                normal.value = None;
            }
            Some(f)
        }
        ["mid", rest] => {
            if let Some(m) = lexicon::month_number(rest) {
                // "mid-April"
                let mut normal = Normal::iso(Kind::Date, format!("XXXX-{m:02}"));
                normal.modifier = Some("mid");
                return Some(Found::new(i + 1, DATE, Some(normal)));
            }
            let y = rest.strip_suffix('s').unwrap_or(rest);
            let y: i32 = (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())).then(|| y.parse().ok())??;
            let iso = if rest.ends_with('s') { format!("{}X", y / 10) } else { format!("{y:04}") };
            let mut normal = Normal::iso(Kind::Date, iso);
            normal.modifier = Some("mid");
            Some(Found::new(i + 1, DATE, Some(normal)))
        }
        [a, b]
            if a.len() == 4
                && (b.len() == 4 || b.len() == 2)
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) =>
        {
            // "2010-2014", "2013-14"
            let y: i32 = a.parse().ok()?;
            let end: i32 = if b.len() == 2 { y / 100 * 100 + b.parse::<i32>().ok()? } else { b.parse().ok()? };
            (end > y && (1000..=2100).contains(&y))
                .then(|| Found::new(i + 1, DATE, Some(Normal::iso(Kind::Date, format!("{y:04}/{end:04}")))).numeric())
        }
        [a, b] if dates::day_range_before_month(cx, i, a, b).is_some() => dates::day_range_before_month(cx, i, a, b),
        [n, unit] => {
            let v = num(n)?;
            if let Some((designator, mult, date_sized)) = lexicon::time_unit(unit).filter(|t| t.0 != "WE") {
                let t = if date_sized { "" } else { "T" };
                let iso = format!("P{t}{}{designator}", fmt_num(v * f64::from(mult)));
                let label = if date_sized { DATE } else { TIME };
                return Some(Found::new(i + 1, label, Some(Normal::iso(Kind::Duration, iso))).numeric());
            }
            if matches!(*unit, "percent" | "per-cent") {
                return Some(Found::new(i + 1, PERCENT, Some(Normal::number(Kind::Percent, v))).numeric());
            }
            quantity(i + 1, v, unit)
        }
        _ => None,
    }
}

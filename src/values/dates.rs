//! Dates and times: the patterns that start with a word (months, weekdays, "yesterday",
//! "last week", "the past two years", seasons, "noon") and the date and time readings of
//! numbers the numeric patterns hand over (years, decades, clock times, "3/4/2016",
//! durations, ages).
//!
//! Values are TIMEX3-style ISO strings with `X` for what the text leaves open ("XXXX-03-03" for
//! "March 3"); what depends on the article's date also gets an [`Anchor`] that
//! [`super::resolve`] fills in once the reference date is known.

use super::normal::{Kind, Normal};
use super::numbers::{self, Num};
use super::scan::{Anchor, Cx, Found};
use crate::doc::ValueLabel::{self, DATE, TIME};
use crate::lexicon;

/// ISO weekday (Monday = 1) of a weekday name.
fn weekday(lower: &str) -> Option<u8> {
    Some(match lower {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// The month a capitalised token names ("March", "Sept.", "Jan"). "May" and "March" also need
/// a day or year after them or a date word before them, so the verbs stay verbs.
fn month(cx: &Cx, i: usize) -> Option<u8> {
    if !cx.capitalised(i) {
        return None;
    }
    let w = cx.lower(i);
    let m = lexicon::month_number(w.strip_suffix('.').unwrap_or(w))?;
    if matches!(w, "may" | "march") {
        let next_is_number = numbers::digits(cx.lower(i + 1)).is_some() || numbers::ordinal(cx, i + 1).is_some();
        let cue = lexicon::is_year_cue(cx.before(i))
            || matches!(cx.before(i), "last" | "next" | "this" | "early" | "late" | "every" | "each");
        if !next_is_number && !cue {
            return None;
        }
    }
    Some(m)
}

/// A day of the month: "3", "3rd".
fn day_number(cx: &Cx, j: usize) -> Option<u8> {
    let w = cx.lower(j);
    let v = if w.bytes().all(|b| b.is_ascii_digit()) && (1..=2).contains(&w.len()) {
        numbers::digits(w)?
    } else if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        numbers::ordinal(cx, j)?
    } else {
        return None;
    };
    (1.0..=31.0).contains(&v).then_some(v as u8)
}

/// A four-digit year token ("2016").
fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())?
}

/// ISO date of year, month and day as far as they are known.
fn iso_date(year: Option<i32>, month: u8, day: Option<u8>) -> String {
    let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
    match day {
        Some(d) => format!("{y}-{month:02}-{d:02}"),
        None => format!("{y}-{month:02}"),
    }
}

/// A date value with its anchor.
fn date(end: usize, iso: String, anchor: Option<Anchor>) -> Found {
    Found { anchor, ..Found::new(end, DATE, Some(Normal::iso(Kind::Date, iso))) }
}

/// A relative date ("yesterday", "last week"): the offset string and the anchor.
fn relative(end: usize, label: ValueLabel, anchor: Anchor, tail: Option<&'static str>) -> Found {
    let (n, unit) = match anchor {
        Anchor::Days(n) => (n, "D"),
        Anchor::Weeks(n) => (n, "W"),
        Anchor::Months(n) => (n, "M"),
        Anchor::Years(n) => (n, "Y"),
        _ => (0, ""),
    };
    let mut normal = Normal::new(if label == TIME { Kind::Time } else { Kind::Date });
    normal.relative = Some(format!("{}P{}{unit}", if n < 0 { "-" } else { "" }, n.unsigned_abs()));
    Found { anchor: Some(anchor), tail, ..Found::new(end, label, Some(normal)) }
}

/// Patterns that start with a word: months, weekdays, deictic words, "last week", "the past
/// two years", seasons with a year, "noon", decades written "'90s".
pub(super) fn at(cx: &Cx, i: usize) -> Option<Found> {
    let w = cx.lower(i);
    if let Some(m) = month(cx, i) {
        return Some(month_phrase(cx, i + 1, m));
    }
    if let Some(d) = weekday(w) {
        // "Thursday, March 3, 2016": one date.
        if cx.lower(i + 1) == "," {
            if let Some(m) = month(cx, i + 2) {
                let f = month_phrase(cx, i + 3, m);
                if f.end > i + 3 {
                    return Some(f);
                }
            }
        }
        let iso = format!("XXXX-WXX-{d}");
        return Some(match lexicon::part_of_day(cx.lower(i + 1)) {
            Some(p) => Found {
                anchor: Some(Anchor::Weekday(d)),
                tail: Some(tail(p)),
                ..Found::new(i + 2, TIME, Some(Normal::iso(Kind::Time, format!("{iso}T{p}"))))
            },
            None => date(i + 1, iso, Some(Anchor::Weekday(d))),
        });
    }
    if let Some(n) = lexicon::deictic_day(w) {
        let n = i64::from(n);
        return Some(match lexicon::part_of_day(cx.lower(i + 1)) {
            Some(p) => relative(i + 2, TIME, Anchor::Days(n), Some(tail(p))),
            None => relative(i + 1, DATE, Anchor::Days(n), None),
        });
    }
    match w {
        "tonight" => return Some(relative(i + 1, TIME, Anchor::Days(0), Some("TNI"))),
        "noon" | "midday" => return Some(Found::new(i + 1, TIME, Some(Normal::iso(Kind::Time, "T12:00".into())))),
        "midnight" => return Some(Found::new(i + 1, TIME, Some(Normal::iso(Kind::Time, "T00:00".into())))),
        // Parts of the day on their own (TIMEX3 has no code for dawn or dusk).
        "dawn" | "daybreak" | "dusk" => return Some(Found::new(i + 1, TIME, Some(Normal::new(Kind::Time)))),
        "overnight" => return Some(Found::new(i + 1, TIME, Some(Normal::iso(Kind::Time, "TNI".into())))),
        "fiscal" => {
            // "fiscal 2026": the fiscal year is one DATE.
            let y = year_number(cx.lower(i + 1)).filter(|y| (1000..=2100).contains(y))?;
            return Some(date(i + 2, format!("{y:04}"), None));
        }
        "a" | "an" => {
            if let Some(f) = ago(cx, i, 1.0, i + 1) {
                return Some(f);
            }
            // "a fortnight", "a decade", "a century": units that are not rates ("a day" and
            // "a week" often are: "twice a week").
            let unit = cx.lower(i + 1);
            if matches!(unit, "fortnight" | "decade" | "century") && cx.lower(i + 2) != "of" {
                let (designator, mult, _) = lexicon::time_unit(unit)?;
                let iso = duration_iso(f64::from(mult), designator, true);
                return Some(Found::new(i + 2, DATE, Some(Normal::iso(Kind::Duration, iso))).numeric());
            }
            return None;
        }
        _ => {}
    }
    if let Some(decade) = lexicon::life_decade(w) {
        // "in their forties", "her early thirties": an age.
        if !matches!(cx.before(i), "their" | "his" | "her" | "my" | "our" | "your") {
            return None;
        }
        let mut normal = Normal::iso(Kind::Age, format!("P{decade}Y/P{}Y", decade + 9));
        normal.min = Some(f64::from(decade));
        normal.max = Some(f64::from(decade + 9));
        return Some(Found::new(i + 1, DATE, Some(normal)));
    }
    if let Some(dir) = lexicon::relative_word(w) {
        return deictic(cx, i, i64::from(dir));
    }
    if let Some(s) = lexicon::season(w) {
        // "summer 2014", "the summer of 2014", and "the spring" (a season named with "the",
        // but not "the fall", which is more often a drop).
        let j = if cx.lower(i + 1) == "of" { i + 2 } else { i + 1 };
        let mut f = match year_number(cx.lower(j)) {
            Some(y) => date(j + 1, format!("{y:04}-{s}"), None),
            None if cx.before(i) == "the" && w != "fall" => date(i + 1, format!("XXXX-{s}"), None),
            None => return None,
        };
        f.takes_the = true;
        return Some(f);
    }
    // "'90s"
    if let Some(d) = w.strip_prefix('\'').and_then(|r| r.strip_suffix('s')) {
        if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) && d.ends_with('0') {
            let mut f = date(i + 1, format!("XX{}X", &d[..1]), None);
            f.takes_the = true;
            return Some(f);
        }
    }
    None
}

/// The TIMEX3 suffix of a part of the day ("MO" → "TMO").
fn tail(part: &str) -> &'static str {
    match part {
        "MO" => "TMO",
        "AF" => "TAF",
        "EV" => "TEV",
        _ => "TNI",
    }
}

/// After a month name at `j - 1`: an optional day, an optional year.
fn month_phrase(cx: &Cx, mut j: usize, m: u8) -> Found {
    if let Some(f) = day_range(cx, j, m) {
        return f;
    }
    let day = day_number(cx, j);
    if day.is_some() {
        j += 1;
    }
    let mut year = None;
    if day.is_some() && cx.lower(j) == "," {
        if let Some(y) = year_number(cx.lower(j + 1)) {
            year = Some(y);
            j += 2;
        }
    } else if let Some(y) = year_number(cx.lower(j)) {
        year = Some(y);
        j += 1;
    } else if cx.lower(j) == "of" {
        if let Some(y) = year_number(cx.lower(j + 1)) {
            year = Some(y);
            j += 2;
        }
    }
    let valid = match (year, day) {
        (Some(y), Some(d)) => crate::values::Date::new(y, m, d).is_some(),
        (None, Some(d)) => d <= crate::values::calendar::month_len(2000, m),
        _ => true,
    };
    let anchor = match (year, day) {
        (Some(_), _) => None,
        (None, Some(d)) => Some(Anchor::MonthDay(m, d)),
        (None, None) => Some(Anchor::Month(m)),
    };
    if !valid {
        return Found::new(j, DATE, None);
    }
    date(j, iso_date(year, m, day), anchor)
}

/// `s` as a day of month `m` (one or two digits, 1 up to the month's length in a leap year).
fn day_of_month(s: &str, m: u8) -> Option<u8> {
    let d: u8 = (s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())??;
    (1..=crate::values::calendar::month_len(2000, m)).contains(&d).then_some(d)
}

/// "September 16-19" (and ", 2016" after it): one DATE, an ISO interval.
fn day_range(cx: &Cx, j: usize, m: u8) -> Option<Found> {
    let (a, b) = cx.lower(j).split_once('-')?;
    let (a, b) = (day_of_month(a, m)?, day_of_month(b, m)?);
    if a >= b {
        return None;
    }
    let (year, end) = match (cx.lower(j + 1), year_number(cx.lower(j + 2))) {
        (",", Some(y)) => (Some(y), j + 3),
        _ => (None, j + 1),
    };
    if year.is_some_and(|y| crate::values::Date::new(y, m, b).is_none()) {
        return None;
    }
    let iso = format!("{}/{}", iso_date(year, m, Some(a)), iso_date(year, m, Some(b)));
    Some(date(end, iso, None))
}

/// "14-16 October" (and a year after it): two days of the month before it, one DATE.
pub(super) fn day_range_before_month(cx: &Cx, i: usize, a: &str, b: &str) -> Option<Found> {
    let m = month(cx, i + 1)?;
    let (a, b) = (day_of_month(a, m)?, day_of_month(b, m)?);
    if a >= b {
        return None;
    }
    let year = year_number(cx.lower(i + 2)).filter(|y| crate::values::Date::new(*y, m, b).is_some());
    let end = if year.is_some() { i + 3 } else { i + 2 };
    let iso = format!("{}/{}", iso_date(year, m, Some(a)), iso_date(year, m, Some(b)));
    Some(date(end, iso, None).numeric())
}

/// After "this", "last", "next", "past", "coming", "previous", "recent" at `i`.
fn deictic(cx: &Cx, i: usize, dir: i64) -> Option<Found> {
    let w = cx.lower(i + 1);
    if let Some(d) = weekday(w) {
        return Some(date(i + 2, format!("XXXX-WXX-{d}"), Some(Anchor::Weekday(d))));
    }
    if let Some(p) = lexicon::part_of_day(w) {
        // "this morning", "last night"
        let n = if cx.lower(i) == "last" && p == "NI" {
            -1
        } else if dir == 0 {
            0
        } else {
            return None;
        };
        return Some(relative(i + 2, TIME, Anchor::Days(n), Some(tail(p))));
    }
    if w == "season" {
        // "this season", "last season": a sports or farming season.
        return Some(Found::new(i + 2, DATE, None));
    }
    if let Some(s) = lexicon::season(w) {
        let mut f = date(i + 2, format!("XXXX-{s}"), None);
        f.normal.as_mut()?.relative = Some(format!("{}P1Y", if dir < 0 { "-" } else { "" }));
        return Some(f);
    }
    if let Some((designator, mult, date_sized)) = lexicon::time_unit(w) {
        // "last week", "this year", "next month"
        let anchor = match designator {
            "D" if mult == 1 => Anchor::Days(dir),
            "W" => Anchor::Weeks(dir),
            "M" if date_sized => Anchor::Months(dir),
            "Y" if mult == 1 => Anchor::Years(dir),
            "WE" => return Some(Found { takes_the: true, ..Found::new(i + 2, DATE, None) }),
            _ => {
                return Some(Found { takes_the: true, ..Found::new(i + 2, if date_sized { DATE } else { TIME }, None) })
            }
        };
        // "the next decade", "the previous month": OntoNotes keeps the "the".
        return Some(Found { takes_the: true, ..relative(i + 2, DATE, anchor, None) });
    }
    // "the past two years", "the next few days", "recent years"
    let (count, j) = match w {
        "few" | "several" | "couple" => (None, if cx.lower(i + 2) == "of" { i + 3 } else { i + 2 }),
        _ => match numbers::number(cx, i + 1) {
            Some(n) => (Some(n.value), n.end),
            None => (None, i + 1),
        },
    };
    let (designator, mult, date_sized) = lexicon::time_unit(cx.lower(j))?;
    if designator == "WE" {
        return None;
    }
    let label = if date_sized { DATE } else { TIME };
    let mut f = Found::new(j + 1, label, None);
    if let Some(c) = count {
        let iso = duration_iso(c * f64::from(mult), designator, date_sized);
        let mut normal = Normal::iso(Kind::Duration, iso.clone());
        if dir != 0 {
            normal.relative = Some(format!("{}{iso}", if dir < 0 { "-" } else { "" }));
        }
        f.normal = Some(normal);
    }
    f.takes_the = true;
    Some(f)
}

/// An ISO 8601 duration: "P2Y", "PT3H".
fn duration_iso(count: f64, designator: &str, date_sized: bool) -> String {
    let t = if date_sized { "" } else { "T" };
    format!("P{t}{}{designator}", fmt_num(count))
}

/// A number for an ISO string: integers without ".0", fractions to at most six decimals
/// ("1.5"). Written by hand: `f64`'s `Display` would add float formatting to the WASM bundle.
pub(super) fn fmt_num(v: f64) -> String {
    let micros = (v.abs() * 1e6).round();
    if v.fract() == 0.0 || micros.is_nan() || micros >= 9e18 {
        return format!("{}", v.round() as i64);
    }
    let micros = micros as u64;
    let sign = if v < 0.0 { "-" } else { "" };
    let frac = format!("{:06}", micros % 1_000_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{}", micros / 1_000_000)
    } else {
        format!("{sign}{}.{frac}", micros / 1_000_000)
    }
}

/// "a year ago", "two weeks ago": `count` units at `j`, then "ago"; also "a year earlier",
/// "seven hours later", which count from an event in the text rather than from the article's
/// date (so they get no anchor).
fn ago(cx: &Cx, _i: usize, count: f64, j: usize) -> Option<Found> {
    let (designator, mult, date_sized) = lexicon::time_unit(cx.lower(j))?;
    if designator == "WE" {
        return None;
    }
    match cx.lower(j + 1) {
        "ago" => {}
        // "six months later than planned": the comparative belongs to the verb.
        "earlier" | "later" if cx.lower(j + 2) != "than" => {
            return Some(Found::new(j + 2, if date_sized { DATE } else { TIME }, None).numeric());
        }
        _ => return None,
    }
    let n = count * f64::from(mult);
    let whole = (n.fract() == 0.0).then_some(n as i64);
    let anchor = match (designator, whole) {
        ("D", Some(n)) => Some(Anchor::Days(n.saturating_neg())),
        ("W", Some(n)) => Some(Anchor::Weeks(n.saturating_neg())),
        ("M", Some(n)) if date_sized => Some(Anchor::Months(n.saturating_neg())),
        ("Y", Some(n)) => Some(Anchor::Years(n.saturating_neg())),
        _ => None,
    };
    let label = if date_sized { DATE } else { TIME };
    let mut f = match anchor {
        Some(a) => relative(j + 2, label, a, None),
        None => {
            let mut normal = Normal::new(if date_sized { Kind::Date } else { Kind::Time });
            normal.relative = Some(format!("-{}", duration_iso(n, designator, date_sized)));
            Found::new(j + 2, label, Some(normal))
        }
    };
    f.numeric = true;
    Some(f)
}

/// A number followed by a unit of time: "six months" (DATE), "two hours" (TIME), "31 years
/// old" (DATE, an age), "two years ago" (DATE, relative).
pub(super) fn duration(cx: &Cx, n: &Num) -> Option<Found> {
    // "nine straight weeks", "three consecutive years"
    let j = if matches!(cx.lower(n.end), "straight" | "consecutive" | "successive") { n.end + 1 } else { n.end };
    let (designator, mult, date_sized) = lexicon::time_unit(cx.lower(j))?;
    if designator == "WE" {
        return None;
    }
    if let Some(f) = ago(cx, j, n.value, j) {
        return Some(f);
    }
    if designator == "Y" && mult == 1 && cx.lower(j + 1) == "old" {
        return Some(age(j + 2, n.value));
    }
    let label = if date_sized { DATE } else { TIME };
    let iso = duration_iso(n.value * f64::from(mult), designator, date_sized);
    let mut f = Found::new(j + 1, label, Some(Normal::iso(Kind::Duration, iso))).numeric();
    if !date_sized {
        // "two hours, 21 minutes and 9 seconds": one duration; the value keeps the first part.
        let mut k = f.end;
        loop {
            let next = match (cx.lower(k), cx.lower(k + 1)) {
                (",", "and") => k + 2,
                (",", _) | ("and", _) => k + 1,
                _ => break,
            };
            let Some(m) = numbers::number(cx, next) else { break };
            match lexicon::time_unit(cx.lower(m.end)) {
                Some((_, _, false)) => {
                    k = m.end + 1;
                    f.end = k;
                }
                _ => break,
            }
        }
        if f.end > j + 1 {
            f.normal = None;
        }
    }
    Some(f)
}

/// An age in years ("31-year-old", "31 years old"): DATE in OntoNotes.
pub(super) fn age(end: usize, years: f64) -> Found {
    let mut normal = Normal::iso(Kind::Age, format!("P{}Y", fmt_num(years)));
    normal.value = Some(years);
    Found::new(end, DATE, Some(normal)).numeric()
}

/// A four-digit number at `i` read as a year when the words around it say so ("in 2014",
/// "2014,", "fiscal 2015"), as a decade ("1970s") or a century ("1800s").
pub(super) fn year(cx: &Cx, i: usize, n: &Num) -> Option<Found> {
    let w = cx.lower(i);
    if n.suffix == Some("s") {
        let y = year_number(w.strip_suffix('s')?)?;
        let iso = if y % 100 == 0 {
            format!("{}XX", y / 100)
        } else if y % 10 == 0 {
            format!("{}X", y / 10)
        } else {
            return None;
        };
        let mut f = date(i + 1, iso, None);
        f.takes_the = true;
        return Some(f);
    }
    if !n.plain {
        return None;
    }
    let y = year_number(w)?;
    if !(1000..=2100).contains(&y) {
        return None;
    }
    let next = cx.lower(i + 1);
    let next_is_word = cx.flags(i + 1).has(crate::doc::Flags::HAS_LETTER);
    let before = cx.before(i);
    let cued = lexicon::is_year_cue(before) || lexicon::month_number(before.trim_end_matches('.')).is_some();
    let free = !next_is_word || matches!(next, "and" | "or" | "to" | "through");
    (cued || free).then(|| date(i + 1, format!("{y:04}"), None).numeric())
}

/// A clock time: "10:30" or a number at `n` followed by "a.m.", "pm", "o'clock" (or glued:
/// "9am", "9.30pm"), then an optional time zone ("EST").
pub(super) fn clock(cx: &Cx, i: usize, n: Option<&Num>) -> Option<Found> {
    let w = cx.lower(i);
    let (hm, mut j, ampm) = match n {
        Some(n) => {
            let hm = match n.suffix {
                Some(_) => numbers::split_suffix(w)?.0,
                None => w,
            };
            let ampm = match n.suffix {
                Some(s @ ("am" | "pm")) => Some(s),
                Some(_) => return None,
                None => match cx.lower(n.end) {
                    "a.m." | "a.m" | "am" => Some("am"),
                    "p.m." | "p.m" | "pm" => Some("pm"),
                    "o'clock" => None,
                    _ => return None,
                },
            };
            (hm, if n.suffix.is_some() { n.end } else { n.end + 1 }, ampm)
        }
        None => {
            let ampm = match cx.lower(i + 1) {
                "a.m." | "a.m" | "am" => Some("am"),
                "p.m." | "p.m" | "pm" => Some("pm"),
                _ => None,
            };
            (w, if ampm.is_some() { i + 2 } else { i + 1 }, ampm)
        }
    };
    let (h, m) = match hm.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        Some(_) => return None,
        None if n.is_some() => (numbers::digits(hm).map(|v| v as u32).or_else(|| n.map(|n| n.value as u32))?, 0),
        None => return None,
    };
    let spelled_ok = n.is_some_and(|n| n.value.fract() == 0.0);
    if m >= 60 || h > 24 || (n.is_some() && !spelled_ok && ampm.is_none() && h > 12) {
        return None;
    }
    let h24 = match ampm {
        Some(_) if h == 0 || h > 12 => return None,
        Some("am") => h % 12,
        Some(_) => h % 12 + 12,
        None => h,
    };
    let mut iso = format!("T{h24:02}:{m:02}");
    if cx.flags(j).has(crate::doc::Flags::ALL_CAPS) {
        // "EST." keeps its period at the end of a sentence (the tokenizer's abbreviation rule).
        let zone = cx.lower(j);
        if let Some(offset) = lexicon::time_zone(zone.strip_suffix('.').unwrap_or(zone)) {
            iso.push_str(offset);
            j += 1;
        }
    }
    Some(Found::new(j, TIME, Some(Normal::iso(Kind::Time, iso))).numeric())
}

/// "3/4/2016" (month first), "1996-08-22", "9/11".
pub(super) fn numeric_date(cx: &Cx, i: usize) -> Option<Found> {
    let w = cx.lower(i);
    let parts: Vec<&str> = w.split(['/', '-']).collect();
    if parts.len() < 2
        || parts.len() > 3
        || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = match (w.contains('-'), parts.as_slice()) {
        (true, [y, m, d]) if y.len() == 4 => (Some(num(y)? as i32), num(m)?, num(d)?),
        (false, [m, d, y]) if y.len() == 4 || y.len() == 2 => {
            let y = num(y)? as i32;
            (
                Some(if y < 100 {
                    if y < 50 {
                        2000 + y
                    } else {
                        1900 + y
                    }
                } else {
                    y
                }),
                num(m)?,
                num(d)?,
            )
        }
        (false, [m, d]) if !matches!(*d, "2" | "3" | "4" | "5" | "8" | "10" | "16") => (None, num(m)?, num(d)?),
        _ => return None,
    };
    let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    let ok = match y {
        Some(y) => crate::values::Date::new(y, m, d).is_some(),
        None => (1..=12).contains(&m) && d >= 1 && d <= crate::values::calendar::month_len(2000, m),
    };
    ok.then(|| date(i + 1, iso_date(y, m, Some(d)), y.is_none().then_some(Anchor::MonthDay(m, d))))
}

/// A day number at `i` and a month after it: "3 March 2016".
pub(super) fn day_month(cx: &Cx, i: usize, n: &Num) -> Option<Found> {
    let d = day_number(cx, i)?;
    let _ = n;
    let m = month(cx, i + 1)?;
    let mut j = i + 2;
    let mut year = None;
    if let Some(y) = year_number(cx.lower(j)) {
        year = Some(y);
        j += 1;
    }
    let valid = match year {
        Some(y) => crate::values::Date::new(y, m, d).is_some(),
        None => d <= crate::values::calendar::month_len(2000, m),
    };
    if !valid {
        return None;
    }
    Some(date(j, iso_date(year, m, Some(d)), year.is_none().then_some(Anchor::MonthDay(m, d))).numeric())
}

/// "21st century" (DATE "20XX"), "first quarter" ("XXXX-Q1"), "second half" ("XXXX-H2"),
/// with "of 2015" after them.
pub(super) fn ordinal_period(cx: &Cx, i: usize, n: f64) -> Option<Found> {
    let w = cx.lower(i + 1);
    let n = n as u32;
    let mut f = match w {
        "century" if (1..=30).contains(&n) => date(i + 2, format!("{:02}XX", n - 1), None),
        "quarter" if (1..=4).contains(&n) => date(i + 2, format!("XXXX-Q{n}"), None),
        // "the first half" alone is the half of a match as often as of a year: a DATE only
        // with "of" and a year after it.
        "half" if (1..=2).contains(&n) && cx.lower(i + 2) == "of" && year_number(cx.lower(i + 3)).is_some() => {
            date(i + 2, format!("XXXX-H{n}"), None)
        }
        _ => return None,
    };
    if w != "century" && cx.lower(i + 2) == "of" {
        if let Some(y) = year_number(cx.lower(i + 3)) {
            f.end = i + 4;
            if let Some(normal) = f.normal.as_mut() {
                normal.iso = normal.iso.take().map(|s| s.replacen("XXXX", &format!("{y:04}"), 1));
            }
        }
    }
    f.takes_the = true;
    Some(f)
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_print_without_float_formatting() {
        assert_eq!(super::fmt_num(6.0), "6");
        assert_eq!(super::fmt_num(1.5), "1.5");
        assert_eq!(super::fmt_num(-0.25), "-0.25");
        assert_eq!(super::fmt_num(1.0 / 3.0), "0.333333");
        assert_eq!(super::fmt_num(2.0000001), "2");
        assert_eq!(super::fmt_num(f64::INFINITY), i64::MAX.to_string());
        assert_eq!(super::fmt_num(f64::NAN), "0");
    }
}

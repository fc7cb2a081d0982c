//! A normalised value ([`Normal`]) written for people: one short line ("1200 USD", "about 20
//! kg", "2016-03-03", "-P1D from the article's date") for the brat notes and the HTML report.
//!
//! Why one function: brat's `AnnotatorNotes` and the report's hover titles and list must say the
//! same thing, and the CSV columns (`csv::values`) are the same fields unflattened. Numbers use
//! Rust's shortest round-trip form, so "2000000000" and "0.2" read back exactly.

use crate::values::{Kind, Normal};

/// The kind's name as the JSON writes it ("number", "money", …).
pub fn kind_name(kind: Kind) -> String {
    // The serde name is the one source of truth; a fieldless enum always serializes, as a JSON
    // string of lowercase letters (no escapes to undo). `to_string` is the writer the JSON export
    // already links; `to_value` would add its own (measured: 1.9 KB of WASM).
    serde_json::to_string(&kind).map(|s| s.trim_matches('"').to_string()).unwrap_or_default()
}

/// The number (or range "10–20") of `n`, if it has one.
fn amount(n: &Normal) -> Option<String> {
    match (n.value, n.min, n.max) {
        (Some(v), _, _) => Some(v.to_string()),
        (None, None, None) => None,
        (None, min, max) => Some(format!(
            "{}–{}",
            min.map_or(String::new(), |v| v.to_string()),
            max.map_or(String::new(), |v| v.to_string())
        )),
    }
}

/// `n` in a few words: hedges first ("about", "at least", "at most"), then the ISO value of a
/// date, time, duration or age, else the number with its unit ("%" for a percentage), else the
/// offset from the article's date; then the part of the period ("(start)"). Empty when `n`
/// holds nothing to show. Never holds a line break or a tab.
///
/// ```
/// use loupe::export::normal::describe;
/// use loupe::values::{Kind, Normal};
///
/// let money = Normal { unit: Some("EUR"), ..Normal::number(Kind::Money, 2e9) };
/// assert_eq!(describe(&money), "2000000000 EUR");
/// let pct = Normal { approx: true, ..Normal::number(Kind::Percent, 12.5) };
/// assert_eq!(describe(&pct), "about 12.5%");
/// assert_eq!(describe(&Normal::iso(Kind::Date, "2016-03-03".into())), "2016-03-03");
/// ```
pub fn describe(n: &Normal) -> String {
    let mut out = String::new();
    if n.approx {
        out.push_str("about ");
    }
    match n.bound {
        Some("lower") => out.push_str("at least "),
        Some("upper") => out.push_str("at most "),
        _ => {}
    }
    let core = if let Some(iso) = &n.iso {
        iso.clone()
    } else if let Some(a) = amount(n) {
        match (n.kind, n.unit) {
            (Kind::Percent, _) => format!("{a}%"),
            (_, Some(unit)) => format!("{a} {unit}"),
            _ => a,
        }
    } else if let Some(rel) = &n.relative {
        format!("{rel} from the article's date")
    } else {
        return String::new();
    };
    out.push_str(&core);
    if let Some(m) = n.modifier {
        out.push_str(&format!(" ({m})"));
    }
    out.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_bounds_quantities_and_relative_dates() {
        let range = Normal { min: Some(10.0), max: Some(20.0), ..Normal::new(Kind::Percent) };
        assert_eq!(describe(&range), "10–20%");
        let open = Normal { min: Some(5.0), ..Normal::new(Kind::Number) };
        assert_eq!(describe(&open), "5–");
        let kg = Normal { unit: Some("kg"), bound: Some("upper"), ..Normal::number(Kind::Quantity, 20.0) };
        assert_eq!(describe(&kg), "at most 20 kg");
        let rel = Normal { relative: Some("-P1D".into()), ..Normal::new(Kind::Date) };
        assert_eq!(describe(&rel), "-P1D from the article's date");
        let early = Normal { modifier: Some("start"), ..Normal::iso(Kind::Date, "2015".into()) };
        assert_eq!(describe(&early), "2015 (start)");
        assert_eq!(describe(&Normal::new(Kind::Time)), "");
        assert_eq!(kind_name(Kind::Duration), "duration");
    }
}

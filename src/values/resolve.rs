//! Resolving relative dates against a reference date: the caller's, or the article's own
//! dateline ("WASHINGTON, March 3, 2016 —", or a date alone on the first line).
//!
//! Why a separate pass: the dateline is itself a value found by the scanner, so resolution can
//! only run once every value is known. Conventions (news is written about the past):
//! a weekday is the last such day on or before the reference date ("Thursday" in an article of
//! Thursday is that day); "last week"/"next month" are the reference's week/month moved by
//! one; a month or day without a year takes the reference's year.

use super::calendar::Date;
use super::scan::Anchor;
use crate::doc::{Document, Value, ValueLabel};

/// How far into the text a dateline may start, in tokens ("WASHINGTON, March 3, 2016").
const DATELINE_TOKENS: usize = 12;

/// The article's date: a full date among the first tokens of its first line.
pub(super) fn dateline(doc: &Document, values: &[(Value, Option<Anchor>, Option<&'static str>)]) -> Option<Date> {
    let first_line = doc.lines.iter().find(|l| !l.tokens.is_empty())?;
    let (v, anchor, _) = values.first()?;
    if anchor.is_some()
        || v.label != ValueLabel::DATE
        || v.tokens.start >= first_line.tokens.end
        || v.tokens.start >= DATELINE_TOKENS
    {
        return None;
    }
    Date::parse(v.normal.as_ref()?.iso.as_deref()?)
}

/// The ISO value of `anchor` seen from `reference`, with `tail` (a part of day) appended.
pub(super) fn resolve(anchor: Anchor, reference: Date, tail: Option<&str>) -> Option<String> {
    let iso = match anchor {
        Anchor::Days(n) => reference.add_days(n)?.to_string(),
        Anchor::Weeks(n) => {
            let (y, w) = reference.add_days(n.checked_mul(7)?)?.iso_week();
            format!("{y:04}-W{w:02}")
        }
        Anchor::Months(n) => {
            let d = reference.add_months(n)?;
            format!("{:04}-{:02}", d.year, d.month)
        }
        Anchor::Years(n) => {
            let y = i64::from(reference.year).checked_add(n)?;
            if !(1..=9999).contains(&y) {
                return None;
            }
            format!("{y:04}")
        }
        Anchor::Weekday(d) => {
            let back = (i64::from(reference.weekday()) - i64::from(d)).rem_euclid(7);
            reference.add_days(-back)?.to_string()
        }
        Anchor::MonthDay(m, d) => Date::new(reference.year, m, d)?.to_string(),
        Anchor::Month(m) => format!("{:04}-{m:02}", reference.year),
    };
    Some(match tail {
        Some(t) => format!("{iso}{t}"),
        None => iso,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_resolve_against_a_thursday() {
        let r = Date::new(2016, 3, 3).unwrap(); // Thursday
        assert_eq!(resolve(Anchor::Days(-1), r, None).as_deref(), Some("2016-03-02"));
        assert_eq!(resolve(Anchor::Days(0), r, Some("TMO")).as_deref(), Some("2016-03-03TMO"));
        assert_eq!(resolve(Anchor::Weekday(4), r, None).as_deref(), Some("2016-03-03"));
        assert_eq!(resolve(Anchor::Weekday(5), r, None).as_deref(), Some("2016-02-26"));
        assert_eq!(resolve(Anchor::Weekday(1), r, None).as_deref(), Some("2016-02-29"));
        assert_eq!(resolve(Anchor::Weeks(-1), r, None).as_deref(), Some("2016-W08"));
        assert_eq!(resolve(Anchor::Months(-3), r, None).as_deref(), Some("2015-12"));
        assert_eq!(resolve(Anchor::Years(1), r, None).as_deref(), Some("2017"));
        assert_eq!(resolve(Anchor::MonthDay(2, 29), r, None).as_deref(), Some("2016-02-29"));
        assert_eq!(resolve(Anchor::MonthDay(2, 30), r, None), None);
        assert_eq!(resolve(Anchor::Month(7), r, None).as_deref(), Some("2016-07"));
        assert_eq!(resolve(Anchor::Years(i64::MAX), r, None), None);
        assert_eq!(resolve(Anchor::Days(i64::MIN), r, None), None);
    }
}

//! Civil-date arithmetic: the few lines the values stage needs to resolve "yesterday" or
//! "last Thursday" against a reference date, without a date-time dependency in the WASM bundle.
//!
//! Days are counted from 1970-01-01 in the proleptic Gregorian calendar (the algorithm of
//! Howard Hinnant's `days_from_civil`, reimplemented).

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2016.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of the month, 1..=31 (checked against the month's length).
    pub day: u8,
}

/// Whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year` (0 for a month outside 1..=12).
pub fn month_len(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, if it exists (years 1..=9999, so it always prints as four digits).
    ///
    /// ```
    /// use loupe::values::Date;
    /// assert!(Date::new(2016, 2, 29).is_some());
    /// assert!(Date::new(2015, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= month_len(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// use loupe::values::Date;
    /// assert_eq!(Date::parse("2016-03-03"), Date::new(2016, 3, 3));
    /// assert_eq!(Date::parse("2016-3-3"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`None` outside years 1..=9999).
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The ISO 8601 week `(year, week)` this date falls in.
    pub fn iso_week(self) -> (i32, u8) {
        // The Thursday of this week decides the year.
        let thursday = self.days() - i64::from(self.weekday()) + 4;
        let Some(t) = Date::from_days(thursday) else { return (self.year, 1) };
        let jan1 = Date { year: t.year, month: 1, day: 1 }.days();
        (t.year, ((thursday - jan1) / 7 + 1) as u8)
    }

    /// The first day of the month `n` months from this one (`None` outside years 1..=9999).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let m = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(n)?;
        Date::new(i32::try_from(m.div_euclid(12)).ok()?, (m.rem_euclid(12) + 1) as u8, 1)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_days() {
        let d = Date::new(1970, 1, 1).unwrap();
        assert_eq!(d.days(), 0);
        assert_eq!(d.weekday(), 4);
        let leap = Date::new(2016, 2, 29).unwrap();
        assert_eq!(leap.add_days(1), Date::new(2016, 3, 1));
        assert_eq!(Date::new(2016, 3, 3).unwrap().weekday(), 4); // a Thursday
        for n in [-700_000i64, -1, 0, 1, 59, 365, 16_863, 2_000_000] {
            assert_eq!(Date::from_days(n).map(Date::days), Some(n));
        }
        assert_eq!(Date::new(2016, 1, 15).unwrap().add_months(-1), Date::new(2015, 12, 1));
        assert_eq!(Date::from_days(-800_000), None); // before year 1
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(Date::new(2016, 3, 3).unwrap().iso_week(), (2016, 9));
        assert_eq!(Date::new(2016, 1, 1).unwrap().iso_week(), (2015, 53));
        assert_eq!(Date::new(2014, 12, 29).unwrap().iso_week(), (2015, 1));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2016, 13, 1).is_none());
        assert!(Date::new(2016, 4, 31).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::parse("2016-02-30").is_none());
        assert!(Date::parse("20x6-02-03").is_none());
        assert!(Date::parse("2016-０2-03").is_none());
    }
}

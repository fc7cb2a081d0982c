//! The normalised value of a value expression: what "$3.5 million" or "last Thursday" *means*,
//! in one flat, serializable shape that the CLI prints and the WASM binding returns as is.
//!
//! Why flat: every face shows the same object, and a consumer reads `kind` and then only the
//! fields that kind uses (absent fields are omitted from the JSON):
//!
//! | kind | fields | example |
//! |---|---|---|
//! | `number` | `value` (or `min`/`max`) | "twenty-three thousand" → `{"value": 23000}` |
//! | `ratio` | `value` | "one in five" → `{"value": 0.2}` |
//! | `percent` | `value` (or `min`/`max`) | "12%" → `{"value": 12}` |
//! | `money` | `value` (or `min`/`max`), `unit` = ISO 4217 code | "€2bn" → `{"value": 2e9, "unit": "EUR"}` |
//! | `quantity` | `value` in the SI `unit`, `original` as written | "10 miles" → `{"value": 16093.44, "unit": "m", "original": {"value": 10, "unit": "mi"}}` |
//! | `date` | `iso` (TIMEX3-style, `X` for unknown digits), `relative` | "March 3, 2016" → `{"iso": "2016-03-03"}` |
//! | `time` | `iso` (`T09:00`, `XXXX-WXX-1TMO`), `relative` | "9 a.m. EST" → `{"iso": "T09:00-05:00"}` |
//! | `duration` | `iso` (ISO 8601 duration) | "six months" → `{"iso": "P6M"}` |
//! | `age` | `iso` (duration), `value` (years) | "31-year-old" → `{"iso": "P31Y", "value": 31}` |
//!
//! `relative` is the offset from the article's date as a signed ISO 8601 duration ("-P1D" for
//! "yesterday", "P0W" for "this week"); `iso` is then the resolved date when a reference date
//! is known (from the caller or the article's dateline) and absent otherwise. `approx: true`
//! marks hedged values ("about", "roughly"); `bound` says a hedge made the value a `"lower"`
//! ("more than") or `"upper"` ("up to") bound; `modifier` is `"start"`, `"mid"` or `"end"` for
//! "early 2015", "mid-2015", "late Thursday".

use serde::Serialize;

/// What sort of value a [`Normal`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A cardinal or ordinal number.
    Number,
    /// "one in five": a proportion.
    Ratio,
    /// A percentage (`value` 12 for "12%").
    Percent,
    /// An amount of money in `unit` (ISO 4217).
    Money,
    /// A measurement in SI units.
    Quantity,
    /// A calendar date, month, year, decade, season or week.
    Date,
    /// A clock time or part of a day.
    Time,
    /// A length of time.
    Duration,
    /// An age in years ("31-year-old").
    Age,
}

/// A number and unit as the text wrote it, before conversion to SI.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Original {
    /// The number written.
    pub value: f64,
    /// The unit written, canonical form ("mi", "lb").
    pub unit: &'static str,
}

/// The normalised value (see the module doc for which fields each kind uses).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Normal {
    /// What sort of value this is.
    pub kind: Kind,
    /// The number, amount, percentage or SI measure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Lower end of a range ("between 10 and 20").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper end of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// ISO 4217 currency code (money) or SI unit (quantity).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// The quantity as written, when it was converted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
    /// ISO 8601 / TIMEX3 value of a date, time or duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    /// Offset from the reference date, as a signed ISO 8601 duration ("-P1D").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<String>,
    /// A hedge said the value is approximate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// `"lower"` or `"upper"`: a hedge made the value a bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<&'static str>,
    /// `"start"`, `"mid"` or `"end"` of the period ("early", "mid-", "late").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
}

impl Normal {
    /// A value of `kind` with every field empty.
    pub fn new(kind: Kind) -> Normal {
        Normal {
            kind,
            value: None,
            min: None,
            max: None,
            unit: None,
            original: None,
            iso: None,
            relative: None,
            approx: false,
            bound: None,
            modifier: None,
        }
    }

    /// A value of `kind` holding the number `value`.
    pub fn number(kind: Kind, value: f64) -> Normal {
        Normal { value: Some(value), ..Normal::new(kind) }
    }

    /// A date, time or duration with its ISO value.
    pub fn iso(kind: Kind, iso: String) -> Normal {
        Normal { iso: Some(iso), ..Normal::new(kind) }
    }
}

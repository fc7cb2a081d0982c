//! The stage's behaviour on invented sentences, one test per type and per hard case the
//! module doc decides (spans, labels and normalised values).

use super::*;
use crate::doc::ValueLabel;

/// `(text, label)` of every value in `text`.
fn values(text: &str) -> Vec<(String, &'static str)> {
    let doc = crate::annotate(text);
    doc.check().unwrap();
    doc.values.iter().map(|v| (v.span.of(&doc.text).to_string(), v.label.as_str())).collect()
}

/// The normalised value of the value whose text is `what` in `text`.
fn normal_of(text: &str, what: &str, date: Option<Date>) -> Normal {
    let doc = crate::annotate_with(text, &crate::Options { reference_date: date });
    let v = doc.values.iter().find(|v| v.span.of(&doc.text) == what);
    let v = v.unwrap_or_else(|| panic!("no value {what:?} in {:?}", values(text)));
    v.normal.clone().unwrap_or_else(|| panic!("{what:?} has no normalised value"))
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(t, l)| (t.to_string(), *l)).collect()
}

#[test]
fn money_in_signs_codes_and_words() {
    let got = values("Kelso Mills paid $3.5 million, €40 million, £2bn and ¥300; farmers got 5,000 yuan or 40 rupees.");
    let want = [
        ("$3.5 million", "MONEY"),
        ("€40 million", "MONEY"),
        ("£2bn", "MONEY"),
        ("¥300", "MONEY"),
        ("5,000 yuan", "MONEY"),
        ("40 rupees", "MONEY"),
    ];
    assert_eq!(got, pairs(&want));
    let t = "The fund lost €2bn and roughly $40m before it raised 5,000 yuan.";
    let eur = normal_of(t, "€2bn", None);
    assert_eq!((eur.kind, eur.value, eur.unit), (Kind::Money, Some(2e9), Some("EUR")));
    let usd = normal_of(t, "roughly $40m", None);
    assert_eq!((usd.value, usd.unit, usd.approx), (Some(4e7), Some("USD"), true));
    assert_eq!(normal_of(t, "5,000 yuan", None).unit, Some("CNY"));
    let more = normal_of("They raised more than $5 million.", "more than $5 million", None);
    assert_eq!((more.value, more.bound), (Some(5e6), Some("lower")));
}

#[test]
fn pounds_are_money_after_a_scale_and_weight_otherwise() {
    let t = "The club paid 3 million pounds for 40 pounds of salt.";
    assert_eq!(normal_of(t, "3 million pounds", None).unit, Some("GBP"));
    let lb = normal_of(t, "40 pounds", None);
    assert_eq!((lb.kind, lb.unit), (Kind::Quantity, Some("kg")));
}

#[test]
fn percentages() {
    let got = values("Sales rose 12 percent, then 12%, then 3 per cent and 2 percentage points.");
    let want =
        [("12 percent", "PERCENT"), ("12%", "PERCENT"), ("3 per cent", "PERCENT"), ("2 percentage points", "PERCENT")];
    assert_eq!(got, pairs(&want));
    assert_eq!(normal_of("Sales rose 12 percent.", "12 percent", None).value, Some(12.0));
}

#[test]
fn quantities_convert_to_si_and_keep_the_original() {
    let got = values("She carried about 20 kilograms on a 10-mile hike across 5 square miles.");
    assert_eq!(
        got,
        pairs(&[("about 20 kilograms", "QUANTITY"), ("10-mile", "QUANTITY"), ("5 square miles", "QUANTITY")])
    );
    let kg = normal_of("She carried about 20 kilograms.", "about 20 kilograms", None);
    assert_eq!((kg.value, kg.unit, kg.approx, kg.original), (Some(20.0), Some("kg"), true, None));
    let mi = normal_of("They ran 10 miles.", "10 miles", None);
    assert_eq!((mi.value, mi.unit), (Some(16093.44), Some("m")));
    assert_eq!(mi.original, Some(Original { value: 10.0, unit: "mi" }));
}

#[test]
fn cardinals_and_ordinals() {
    let got = values("Half a dozen aides, one in five voters, three-quarters of members and fewer than 200 guests came; she was fifth.");
    let want = [
        ("Half a dozen", "CARDINAL"),
        ("one in five", "CARDINAL"),
        ("three-quarters", "CARDINAL"),
        ("fewer than 200", "CARDINAL"),
        ("fifth", "ORDINAL"),
    ];
    assert_eq!(got, pairs(&want));
    assert_eq!(normal_of("Half a dozen aides came.", "Half a dozen", None).value, Some(6.0));
    let ratio = normal_of("About one in five voters stayed home.", "About one in five", None);
    assert_eq!((ratio.kind, ratio.value, ratio.approx), (Kind::Ratio, Some(0.2), true));
    assert_eq!(normal_of("Twenty-three thousand fans came.", "Twenty-three thousand", None).value, Some(23000.0));
    assert_eq!(normal_of("It was her 21st win.", "21st", None).value, Some(21.0));
    assert_eq!(values("Tens of thousands marched.")[0], ("Tens of thousands".to_string(), "CARDINAL"));
}

#[test]
fn absolute_dates() {
    let got = values("The law passed on March 3, 2016, took effect on 3/4/2016 and was first debated in 2014.");
    assert_eq!(got, pairs(&[("March 3, 2016", "DATE"), ("3/4/2016", "DATE"), ("first", "ORDINAL"), ("2014", "DATE")]));
    let t = "It opened on March 3, 2016 and closed on 11 September 2001.";
    assert_eq!(normal_of(t, "March 3, 2016", None).iso.as_deref(), Some("2016-03-03"));
    assert_eq!(normal_of(t, "11 September 2001", None).iso.as_deref(), Some("2001-09-11"));
    assert_eq!(normal_of("It rained in 2014.", "2014", None).iso.as_deref(), Some("2014"));
}

#[test]
fn decades_ranges_and_periods() {
    let got = values("Output fell in the 1970s, grew between 2010 and 2014 and again in the first quarter of 2015.");
    assert_eq!(
        got,
        pairs(&[("the 1970s", "DATE"), ("between 2010 and 2014", "DATE"), ("the first quarter of 2015", "DATE")])
    );
    let t = "Output fell in the 1970s and grew between 2010 and 2014.";
    assert_eq!(normal_of(t, "the 1970s", None).iso.as_deref(), Some("197X"));
    assert_eq!(normal_of(t, "between 2010 and 2014", None).iso.as_deref(), Some("2010/2014"));
    let days = normal_of("The poll ran September 16-19, 2016.", "September 16-19, 2016", None);
    assert_eq!(days.iso.as_deref(), Some("2016-09-16/2016-09-19"));
    // A score is not a range.
    assert_eq!(values("She won by 46 percent to 42 percent.").len(), 2);
    let range = normal_of("Prices rose between 5 and 10 percent.", "between 5 and 10 percent", None);
    assert_eq!((range.kind, range.min, range.max), (Kind::Percent, Some(5.0), Some(10.0)));
}

#[test]
fn durations_and_ages() {
    let got = values("The 31-year-old spent six months abroad, two decades in office and two hours in court.");
    let want = [("31-year-old", "DATE"), ("six months", "DATE"), ("two decades", "DATE"), ("two hours", "TIME")];
    assert_eq!(got, pairs(&want));
    let age = normal_of("The 31-year-old left.", "31-year-old", None);
    assert_eq!((age.kind, age.iso.as_deref(), age.value), (Kind::Age, Some("P31Y"), Some(31.0)));
    assert_eq!(normal_of("He waited six months.", "six months", None).iso.as_deref(), Some("P6M"));
    assert_eq!(values("It is a five-year plan.")[0], ("five-year".to_string(), "DATE"));
    // "over" a period is a stretch of time, not "more than" it.
    assert_eq!(values("It grew over two decades.")[0].0, "two decades");
}

#[test]
fn period_modifiers_are_inside_dates() {
    let got = values("Work began in early 2015, paused late Thursday and peaked in the early 1990s, late on Friday.");
    let want = [("early 2015", "DATE"), ("late Thursday", "DATE"), ("the early 1990s", "DATE"), ("Friday", "DATE")];
    assert_eq!(got, pairs(&want));
    let early = normal_of("Work began in early 2015.", "early 2015", None);
    assert_eq!((early.iso.as_deref(), early.modifier), (Some("2015"), Some("start")));
    assert!(values("She was late for two years.").iter().all(|(t, _)| !t.starts_with("late")));
}

#[test]
fn times() {
    let got =
        values("The ferry leaves at 9 a.m. EST on Thursday, at 10:30 p.m. on Friday and at noon on Monday morning.");
    let want = [
        ("9 a.m. EST", "TIME"),
        ("Thursday", "DATE"),
        ("10:30 p.m.", "TIME"),
        ("Friday", "DATE"),
        ("noon", "TIME"),
        ("Monday morning", "TIME"),
    ];
    assert_eq!(got, pairs(&want));
    let t = "It leaves at 9 a.m. EST and at 10:30 p.m. daily.";
    assert_eq!(normal_of(t, "9 a.m. EST", None).iso.as_deref(), Some("T09:00-05:00"));
    assert_eq!(normal_of(t, "10:30 p.m.", None).iso.as_deref(), Some("T22:30"));
}

#[test]
fn relative_dates_stay_relative_without_a_reference() {
    let got = values("Yesterday the board met; this week and last week it voted, and late on Thursday it quit.");
    assert_eq!(
        got,
        pairs(&[("Yesterday", "DATE"), ("this week", "DATE"), ("last week", "DATE"), ("Thursday", "DATE")])
    );
    let y = normal_of("The board met yesterday.", "yesterday", None);
    assert_eq!((y.iso, y.relative.as_deref()), (None, Some("-P1D")));
    assert_eq!(normal_of("It met on Thursday.", "Thursday", None).iso.as_deref(), Some("XXXX-WXX-4"));
    let past = normal_of("It grew over the past two years.", "the past two years", None);
    assert_eq!((past.iso.as_deref(), past.relative.as_deref()), (Some("P2Y"), Some("-P2Y")));
}

#[test]
fn relative_dates_resolve_against_a_reference_date() {
    let r = Date::new(2016, 3, 3); // a Thursday
    let t =
        "Yesterday the board met, last week it voted, on Monday it spoke, last month it hired and on May 5 it opened.";
    assert_eq!(normal_of(t, "Yesterday", r).iso.as_deref(), Some("2016-03-02"));
    assert_eq!(normal_of(t, "last week", r).iso.as_deref(), Some("2016-W08"));
    assert_eq!(normal_of(t, "Monday", r).iso.as_deref(), Some("2016-02-29"));
    assert_eq!(normal_of(t, "last month", r).iso.as_deref(), Some("2016-02"));
    assert_eq!(normal_of(t, "May 5", r).iso.as_deref(), Some("2016-05-05"));
    assert_eq!(normal_of("We spoke this morning.", "this morning", r).iso.as_deref(), Some("2016-03-03TMO"));
}

#[test]
fn a_dateline_is_the_reference_date() {
    let t = "WASHINGTON, March 3, 2016 — The committee met on Tuesday and will vote tomorrow.";
    assert_eq!(normal_of(t, "Tuesday", None).iso.as_deref(), Some("2016-03-01"));
    assert_eq!(normal_of(t, "tomorrow", None).iso.as_deref(), Some("2016-03-04"));
    let alone = "March 3, 2016\n\nThe committee met yesterday.";
    assert_eq!(normal_of(alone, "yesterday", None).iso.as_deref(), Some("2016-03-02"));
    // The caller's date wins over the dateline.
    assert_eq!(normal_of(t, "tomorrow", Date::new(2020, 1, 1)).iso.as_deref(), Some("2020-01-02"));
    // A date later in the text is no dateline.
    let late = "The committee met yesterday, as it did on March 3, 2016.";
    assert_eq!(normal_of(late, "yesterday", None).iso, None);
}

#[test]
fn numbers_inside_names_are_not_values() {
    // "Windows 10" and "Apollo 11" are names (the entity wins, or the name rule).
    for text in [
        "The Route 66 diner reopened.",
        "Vendors still sell Windows 10 laptops.",
        "The Apollo 11 crew landed.",
        "The Boeing 737 was grounded.",
        "Leaders of the G7 met.",
        "Teamsters Local 10 voted.",
    ] {
        let got = values(text);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // A capitalised word at the start of a sentence is no name.
    assert_eq!(values("About 200 people came.")[0].0, "About 200");
}

#[test]
fn values_never_overlap_entities() {
    let text = "Anna Berg of Norvik Bank said on Monday that Norvik lost $5 million in 2015 and 12% of clients.";
    let doc = crate::annotate(text);
    doc.check().unwrap();
    for v in &doc.values {
        assert!(doc.entities.iter().all(|e| e.span.end <= v.span.start || v.span.end <= e.span.start));
    }
    assert!(doc.values.iter().any(|v| v.label == ValueLabel::MONEY));
}

#[test]
fn may_and_march_need_a_date_around_them() {
    assert!(values("Officials may march on City Hall.").is_empty());
    assert_eq!(values("The vote is in May.")[0], ("May".to_string(), "DATE"));
    assert_eq!(values("It closes May 5.")[0], ("May 5".to_string(), "DATE"));
}

#[test]
fn offsets_survive_emoji_accents_and_cjk() {
    let text = "€5 😀 12% — São Paulo’s 東京 office spent ¥300 on März 😀 2 hours.";
    let doc = crate::annotate(text);
    doc.check().unwrap();
    let got: Vec<&str> = doc.values.iter().map(|v| v.span.of(text)).collect();
    assert!(got.starts_with(&["€5", "12%"]), "{got:?}");
    assert!(got.contains(&"¥300") && got.contains(&"2 hours"), "{got:?}");
}

#[test]
fn hostile_number_words_do_not_panic() {
    for text in [
        "99999999999999999999999999999999999999 years ago",
        "-99999999999999999999 days ago and 1e400 percent",
        "between and and between 5 and",
        "$ $ $ 5 million million million million million million million million million million",
        "31-year-old-year-old 2013-2 0000-00-00 99/99/9999 1/0 0/0 24:99 25:00 a.m.",
        "last last last next this past the the past 99999999999999999999 years",
        "one one one twenty twenty-one hundred and and thousand",
        "'0s '90s 0s 10000s 21st 22th 1st century 40th century fifth quarter",
    ] {
        let doc = crate::annotate(text);
        doc.check().unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

#[test]
fn the_stays_with_relative_periods_seasons_and_parts_of_periods() {
    let got = values("Brindle Foods will hire more staff over the coming decade, as it did in the previous year.");
    assert_eq!(got, pairs(&[("the coming decade", "DATE"), ("the previous year", "DATE")]));
    let got = values("The bridge opened in the winter of 2019 and the ferry stops in the summer.");
    assert_eq!(got, pairs(&[("the winter of 2019", "DATE"), ("the summer", "DATE")]));
    // "the fall" is more often a drop than a season.
    assert_eq!(values("Prices recovered after the fall."), pairs(&[]));
    let got = values("The depot closes at the beginning of 2031, the museum at the end of the month.");
    assert_eq!(got, pairs(&[("the beginning of 2031", "DATE"), ("the end of the month", "DATE")]));
    assert_eq!(normal_of("It ends at the middle of 2030.", "the middle of 2030", None).modifier, Some("mid"));
    // Not a period: "the end of the road".
    assert_eq!(values("It was the end of the road."), pairs(&[]));
}

#[test]
fn fiscal_years_units_that_are_not_rates_and_spans_counted_from_an_event() {
    let got = values("Orlin Rail expects a loss in fiscal 2029, its worst in a decade.");
    assert_eq!(got, pairs(&[("fiscal 2029", "DATE"), ("a decade", "DATE")]));
    let got = values("The pier reopened a month earlier and closed again five hours later.");
    assert_eq!(got, pairs(&[("a month earlier", "DATE"), ("five hours later", "TIME")]));
    // A comparative of the verb stays out; "a week" is often a rate.
    let got = values("The road opened three weeks later than planned, twice a week.");
    assert_eq!(got, pairs(&[("three weeks", "DATE")]));
    assert_eq!(values("Work starts in mid-June."), pairs(&[("mid-June", "DATE")]));
}

#[test]
fn times_of_day_without_a_clock() {
    let got = values("Crews left at dawn, worked overnight and stopped just after midnight.");
    assert_eq!(got, pairs(&[("dawn", "TIME"), ("overnight", "TIME"), ("just after midnight", "TIME")]));
    let got = values("The ferry sailed early in the morning and docked late in the evening.");
    assert_eq!(got, pairs(&[("early in the morning", "TIME"), ("late in the evening", "TIME")]));
    assert_eq!(values("It ended shortly before 6 p.m."), pairs(&[("shortly before 6 p.m.", "TIME")]));
    // "shortly after" hedges a point in time, not a date that is not numeric.
    assert_eq!(values("It ended shortly after Easter."), pairs(&[]));
}

#[test]
fn ages_in_commas_and_after_aged() {
    let got = values("Mirela Vostok, 52, and a local woman, 31, were hurt; 4, 5 and 6 were not.");
    assert_eq!(got, pairs(&[("52", "DATE"), ("31", "DATE"), ("4", "CARDINAL"), ("5", "CARDINAL"), ("6", "CARDINAL")]));
    assert_eq!(values("Workers aged 18 to 25 earn less."), pairs(&[("18 to 25", "DATE")]));
    assert_eq!(normal_of("A man, 44, was fined.", "44", None).kind, Kind::Age);
}

#[test]
fn fractions_with_a_and_scales_of_temperature() {
    let got = values("A fifth of the harvest and less than a third of the seed were lost.");
    assert_eq!(got, pairs(&[("A fifth", "CARDINAL"), ("less than a third", "CARDINAL")]));
    // An ordinal that is not a fraction stays one.
    assert_eq!(values("She came a third time."), pairs(&[("third", "ORDINAL")]));
    let got = values("It hit 41 degrees Celsius, or 105.8 degrees Fahrenheit; polls are plus or minus 2 percent.");
    assert_eq!(
        got,
        pairs(&[
            ("41 degrees Celsius", "QUANTITY"),
            ("105.8 degrees Fahrenheit", "QUANTITY"),
            ("plus or minus 2 percent", "PERCENT")
        ])
    );
}

#[test]
fn words_that_lead_a_value() {
    let got = values("Lakes fell to minus 4 degrees; minus 3 is arithmetic.");
    assert_eq!(got, pairs(&[("minus 4 degrees", "QUANTITY"), ("3", "CARDINAL")]));
    let got = values("It took half an hour to dig half a metre, and half of the crew left; half a dozen stayed.");
    assert_eq!(
        got,
        pairs(&[
            ("half an hour", "TIME"),
            ("half a metre", "QUANTITY"),
            ("half", "CARDINAL"),
            ("half a dozen", "CARDINAL")
        ])
    );
    assert_eq!(values("He scored in the first half."), pairs(&[("first", "ORDINAL")]));
    let got = values("Tickets cost a euro, several thousand were sold and Rs 40 lakh was raised.");
    assert_eq!(got, pairs(&[("a euro", "MONEY"), ("several thousand", "CARDINAL"), ("Rs 40 lakh", "MONEY")]));
    assert_eq!(normal_of("They paid Rs 3 crore.", "Rs 3 crore", None).value, Some(3e7));
    assert_eq!(values("It was a sterling effort."), pairs(&[]));
}

#[test]
fn fractions_mixed_numbers_and_compound_durations() {
    let got = values("Two thirds of the 7 1/2 acres flooded; the climb took three hours, 4 minutes and 10 seconds.");
    assert_eq!(
        got,
        pairs(&[
            ("Two thirds", "CARDINAL"),
            ("7 1/2 acres", "QUANTITY"),
            ("three hours, 4 minutes and 10 seconds", "TIME")
        ])
    );
    assert_eq!(values("Rents rose for six straight months."), pairs(&[("six straight months", "DATE")]));
}

#[test]
fn units_of_energy_area_and_speed() {
    let got = values("The dam makes 30 gigawatt-hours, the flat is 61 m² and the mast 45 m; trains run at 160 km/h.");
    assert_eq!(
        got,
        pairs(&[
            ("30 gigawatt-hours", "QUANTITY"),
            ("61 m²", "QUANTITY"),
            ("45 m", "QUANTITY"),
            ("160 km/h", "QUANTITY")
        ])
    );
}

#[test]
fn day_ranges_recurrences_seasons_and_ages_of_groups() {
    let got = values("The fair runs 3-5 June and every March; this season it drew women in their sixties.");
    assert_eq!(got, pairs(&[("3-5 June", "DATE"), ("March", "DATE"), ("this season", "DATE"), ("sixties", "DATE")]));
    let got = values("Fares are free for children under 12 and for those over 70, but 12 under par is a score.");
    assert_eq!(got, pairs(&[("under 12", "DATE"), ("over 70", "DATE"), ("12", "CARDINAL")]));
    let got = values("The index rose above 5 percent, from 2 percentage points to 3 per cent.");
    assert_eq!(
        got,
        pairs(&[("above 5 percent", "PERCENT"), ("2 percentage points", "PERCENT"), ("3 per cent", "PERCENT")])
    );
}

#[test]
fn anchored_periods_and_numbers_after_determiners_and_mixed_case_names() {
    let got = values("Profit fell in the six months to June, and the 40 drivers on the eBay 3 line struck.");
    assert_eq!(got, pairs(&[("the six months to June", "DATE"), ("40", "CARDINAL")]));
    let got = values("The 12 nurses won a raise.");
    assert_eq!(got, pairs(&[("12", "CARDINAL")]));
}

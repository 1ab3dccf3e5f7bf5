//! Holiday rules: Western Easter against a published table, and the holidays the shipped
//! registry's rules give.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use due::holiday::easter;
use due::{engine, registry};

/// Western (Gregorian) Easter Sunday, 1900–2100, month-day, ten years a line. Written out
/// from python-dateutil's `easter(year, EASTER_WESTERN)`, another formulation of the
/// Gregorian computus (Tøndering's, after Oudin), and checked by hand against dates everyone
/// can confirm: 25 April in 1943 and 2038 (the latest possible), 23 March in 1913 and 2008,
/// 23 April 2000, and the Good Fridays 2024–2027 that Geneva's calendar lists (29 March,
/// 18 April, 3 April, 26 March).
const EASTER_1900_2100: &[&str] = &[
    // 1900–1909
    "04-15 04-07 03-30 04-12 04-03 04-23 04-15 03-31 04-19 04-11",
    // 1910–1919
    "03-27 04-16 04-07 03-23 04-12 04-04 04-23 04-08 03-31 04-20",
    // 1920–1929
    "04-04 03-27 04-16 04-01 04-20 04-12 04-04 04-17 04-08 03-31",
    // 1930–1939
    "04-20 04-05 03-27 04-16 04-01 04-21 04-12 03-28 04-17 04-09",
    // 1940–1949
    "03-24 04-13 04-05 04-25 04-09 04-01 04-21 04-06 03-28 04-17",
    // 1950–1959
    "04-09 03-25 04-13 04-05 04-18 04-10 04-01 04-21 04-06 03-29",
    // 1960–1969
    "04-17 04-02 04-22 04-14 03-29 04-18 04-10 03-26 04-14 04-06",
    // 1970–1979
    "03-29 04-11 04-02 04-22 04-14 03-30 04-18 04-10 03-26 04-15",
    // 1980–1989
    "04-06 04-19 04-11 04-03 04-22 04-07 03-30 04-19 04-03 03-26",
    // 1990–1999
    "04-15 03-31 04-19 04-11 04-03 04-16 04-07 03-30 04-12 04-04",
    // 2000–2009
    "04-23 04-15 03-31 04-20 04-11 03-27 04-16 04-08 03-23 04-12",
    // 2010–2019
    "04-04 04-24 04-08 03-31 04-20 04-05 03-27 04-16 04-01 04-21",
    // 2020–2029
    "04-12 04-04 04-17 04-09 03-31 04-20 04-05 03-28 04-16 04-01",
    // 2030–2039
    "04-21 04-13 03-28 04-17 04-09 03-25 04-13 04-05 04-25 04-10",
    // 2040–2049
    "04-01 04-21 04-06 03-29 04-17 04-09 03-25 04-14 04-05 04-18",
    // 2050–2059
    "04-10 04-02 04-21 04-06 03-29 04-18 04-02 04-22 04-14 03-30",
    // 2060–2069
    "04-18 04-10 03-26 04-15 04-06 03-29 04-11 04-03 04-22 04-14",
    // 2070–2079
    "03-30 04-19 04-10 03-26 04-15 04-07 04-19 04-11 04-03 04-23",
    // 2080–2089
    "04-07 03-30 04-19 04-04 03-26 04-15 03-31 04-20 04-11 04-03",
    // 2090–2099
    "04-16 04-08 03-30 04-12 04-04 04-24 04-15 03-31 04-20 04-12",
    // 2100–2100
    "03-28",
];

#[test]
fn easter_matches_the_published_table_1900_2100() {
    let table: Vec<&str> = EASTER_1900_2100
        .iter()
        .flat_map(|line| line.split_whitespace())
        .collect();
    assert_eq!(table.len(), 201);
    for (year, md) in (1900..=2100).zip(table) {
        let want = d(&format!("{year}-{md}"));
        assert_eq!(easter(year), Some(want), "Easter {year}");
    }
}

/// Geneva's public holidays, 2024–2035, a year a line: New Year's Day, Good Friday, Easter
/// Monday, Ascension, Whit Monday, Swiss National Day, Jeûne genevois (the Thursday after the
/// first Sunday of September), Christmas Day, Restoration of the Republic. 2024–2027 are the
/// dates the registry listed one by one before it had rules.
const GENEVA: &[&str] = &[
    "2024-01-01 2024-03-29 2024-04-01 2024-05-09 2024-05-20 2024-08-01 2024-09-05 2024-12-25 2024-12-31",
    "2025-01-01 2025-04-18 2025-04-21 2025-05-29 2025-06-09 2025-08-01 2025-09-11 2025-12-25 2025-12-31",
    "2026-01-01 2026-04-03 2026-04-06 2026-05-14 2026-05-25 2026-08-01 2026-09-10 2026-12-25 2026-12-31",
    "2027-01-01 2027-03-26 2027-03-29 2027-05-06 2027-05-17 2027-08-01 2027-09-09 2027-12-25 2027-12-31",
    "2028-01-01 2028-04-14 2028-04-17 2028-05-25 2028-06-05 2028-08-01 2028-09-07 2028-12-25 2028-12-31",
    "2029-01-01 2029-03-30 2029-04-02 2029-05-10 2029-05-21 2029-08-01 2029-09-06 2029-12-25 2029-12-31",
    "2030-01-01 2030-04-19 2030-04-22 2030-05-30 2030-06-10 2030-08-01 2030-09-05 2030-12-25 2030-12-31",
    "2031-01-01 2031-04-11 2031-04-14 2031-05-22 2031-06-02 2031-08-01 2031-09-11 2031-12-25 2031-12-31",
    "2032-01-01 2032-03-26 2032-03-29 2032-05-06 2032-05-17 2032-08-01 2032-09-09 2032-12-25 2032-12-31",
    "2033-01-01 2033-04-15 2033-04-18 2033-05-26 2033-06-06 2033-08-01 2033-09-08 2033-12-25 2033-12-31",
    "2034-01-01 2034-04-07 2034-04-10 2034-05-18 2034-05-29 2034-08-01 2034-09-07 2034-12-25 2034-12-31",
    "2035-01-01 2035-03-23 2035-03-26 2035-05-03 2035-05-14 2035-08-01 2035-09-06 2035-12-25 2035-12-31",
];

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn geneva() -> BTreeSet<NaiveDate> {
    GENEVA
        .iter()
        .flat_map(|line| line.split_whitespace())
        .map(d)
        .collect()
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

#[test]
fn the_shipped_rules_give_genevas_holidays_2024_2035() {
    let reg = registry::load_embedded().unwrap();
    let cal = &reg.calendar;
    assert!(cal.holidays.is_empty(), "the holidays are rules, not dates");
    let want = geneva();
    for year in 2024..=2035 {
        let got: BTreeSet<NaiveDate> = cal.rules.iter().filter_map(|r| r.in_year(year)).collect();
        let listed: BTreeSet<NaiveDate> =
            want.iter().copied().filter(|h| h.year() == year).collect();
        assert_eq!(got, listed, "{year}");
    }
    // And the calendar closes exactly those days and the weekends, no other.
    let mut day = d("2024-01-01");
    while day <= d("2035-12-31") {
        assert_eq!(
            cal.is_closed(day),
            is_weekend(day) || want.contains(&day),
            "{day}"
        );
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn no_shipped_deadline_in_2028_2031_falls_on_a_closed_day() {
    let reg = registry::load_embedded().unwrap();
    let holidays = geneva();
    let mut dated = Vec::new();
    for ob in &reg.obligations {
        for occ in engine::occurrences(&reg, ob, d("2028-01-01"), d("2031-12-31")) {
            let due = occ.due.unwrap();
            dated.push((format!("{} {}", ob.id, occ.period), due));
            for m in engine::milestones(&reg, &occ) {
                dated.push((format!("{} {} milestone", ob.id, occ.period), m.on));
            }
        }
    }
    assert!(dated.len() >= 30, "{dated:?}");
    for (what, day) in &dated {
        assert!(
            !is_weekend(*day) && !holidays.contains(day),
            "{what} falls on {day}, a closed day"
        );
    }
    // The HLPF input for 2030 is computed on Good Friday, 19 April, and rolls to the Thursday.
    assert!(dated.contains(&("hlpf-input 2030".to_string(), d("2030-04-18"))));
}

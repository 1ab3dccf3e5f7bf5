//! Holidays written as rules rather than dates, so that a working-day calendar holds for
//! every year instead of running out where a list of dates stops.
//!
//! A rule is one of:
//!
//! - `MM-DD`: the same day every year (`01-01`, `08-01`). A `02-29` holiday exists only in
//!   leap years: a closed day is not moved the way a deadline is.
//! - `easter`, `easter + N`, `easter - N`: an offset from Western Easter Sunday, as the
//!   Gregorian calendar computes it (`easter - 2d` Good Friday, `easter + 1d` Easter Monday,
//!   `easter + 39d` Ascension, `easter + 50d` Whit Monday).
//! - `ORDINAL WEEKDAY of MONTH`, optionally `± N`: the first, second, third, fourth or last
//!   given weekday of a month, then the offset (`first sun of sep + 4d`, the Thursday after
//!   the first Sunday of September).
//!
//! Offsets are days or weeks (`4d`, `1w`), with spaces around the sign.
//!
//! ```
//! use chrono::NaiveDate;
//! use due::holiday::{HolidayRule, easter};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! assert_eq!(easter(2027), Some(d(2027, 3, 28)));
//!
//! let good_friday = HolidayRule::parse("easter - 2d").unwrap();
//! assert_eq!(good_friday.in_year(2030), Some(d(2030, 4, 19)));
//! assert!(good_friday.falls_on(d(2030, 4, 19)));
//!
//! // Jeûne genevois: the Thursday after the first Sunday of September.
//! let jeune = HolidayRule::parse("first sun of sep + 4d").unwrap();
//! assert_eq!(jeune.in_year(2026), Some(d(2026, 9, 10)));
//! assert_eq!(jeune.to_string(), "first sun of sep + 4d");
//!
//! assert!(HolidayRule::parse("easter + 1m").is_err());
//! ```

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::dates::{MonthDay, Span, SpanError, Unit, add_days, days_in_month};
use crate::engine;
use crate::model::Registry;

/// Western Easter Sunday of a year of the Gregorian calendar, by the anonymous Gregorian
/// algorithm (Meeus, Jones, Butcher). Years before 1583 get the proleptic Gregorian date,
/// which no church kept. `None` only outside chrono's range of dates.
///
/// ```
/// use chrono::NaiveDate;
/// // The earliest and latest dates Easter can take.
/// assert_eq!(due::holiday::easter(2285), NaiveDate::from_ymd_opt(2285, 3, 22));
/// assert_eq!(due::holiday::easter(1943), NaiveDate::from_ymd_opt(1943, 4, 25));
/// ```
pub fn easter(year: i32) -> Option<NaiveDate> {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(year, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// Which of a month's weekdays of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ordinal {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

const ORDINALS: [(&str, Ordinal); 5] = [
    ("first", Ordinal::First),
    ("second", Ordinal::Second),
    ("third", Ordinal::Third),
    ("fourth", Ordinal::Fourth),
    ("last", Ordinal::Last),
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A holiday that recurs every year: a day of each year, then an offset in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolidayRule {
    pub base: Base,
    /// Days after the base day (negative: before); always 0 for a month-day.
    pub days: i32,
}

/// The day of each year a holiday rule counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The same month and day every year.
    MonthDay(MonthDay),
    /// Western Easter Sunday.
    Easter,
    /// The n-th weekday (Monday 0 … Sunday 6) of a month (1–12).
    NthWeekday {
        ordinal: Ordinal,
        weekday: u8,
        month: u8,
    },
}

/// Why a holiday rule was refused, with the rule as written (`text`); its `Display` is the
/// catalogue's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    NotARule {
        text: String,
    },
    OffsetOnMonthDay {
        text: String,
    },
    NotAnOrdinal {
        word: String,
        text: String,
    },
    NotAWeekday {
        word: String,
        text: String,
    },
    NotAMonth {
        word: String,
        text: String,
    },
    Offset {
        text: String,
        error: SpanError,
    },
    /// An offset in months or years, which would not name one day every year.
    OffsetUnit {
        text: String,
    },
}

impl std::error::Error for RuleError {}

impl HolidayRule {
    /// Reads a rule as the registry writes it; the error says what was expected.
    pub fn parse(text: &str) -> Result<HolidayRule, RuleError> {
        let text = text.trim();
        let (base, days) = split_offset(text)?;
        let base = Base::parse(base, text)?;
        if matches!(base, Base::MonthDay(_)) && days != 0 {
            let text = text.to_owned();
            return Err(RuleError::OffsetOnMonthDay { text });
        }
        Ok(HolidayRule { base, days })
    }

    /// The holiday in a year: the day the rule gives for that year's Easter or month (with
    /// its offset, which may carry it into another year). `None` for `02-29` in a common year.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        add_days(self.base.in_year(year)?, i64::from(self.days))
    }

    /// Whether the rule closes this day. An offset can carry a holiday across New Year, so
    /// the day is then checked against the years on either side too.
    pub fn falls_on(self, date: NaiveDate) -> bool {
        // A base day lies in the year it is for, so with an offset of a year at most the one
        // candidate is the day the offset leads back to: one year's date to work out, not three.
        if self.days.unsigned_abs() <= 365 {
            let Some(base) = add_days(date, -i64::from(self.days)) else {
                return false;
            };
            return self.base.in_year(base.year()) == Some(base);
        }
        let year = date.year();
        [year, year - 1, year + 1]
            .into_iter()
            .any(|y| self.in_year(y) == Some(date))
    }
}

impl Base {
    /// Reads the part before the offset; `text` is the whole rule, for messages.
    fn parse(base: &str, text: &str) -> Result<Base, RuleError> {
        if base == "easter" {
            return Ok(Base::Easter);
        }
        let words: Vec<&str> = base.split_whitespace().collect();
        let [ordinal, weekday, "of", month] = words[..] else {
            return MonthDay::parse(base)
                .map(Base::MonthDay)
                .ok_or_else(|| RuleError::NotARule {
                    text: text.to_owned(),
                });
        };
        let (word, text) = (|w: &str| w.to_owned(), text.to_owned());
        let find = |names: &[&str], w: &str| names.iter().position(|n| *n == w);
        let ordinal = ORDINALS
            .iter()
            .find(|(name, _)| *name == ordinal)
            .map(|(_, o)| *o)
            .ok_or_else(|| RuleError::NotAnOrdinal {
                word: word(ordinal),
                text: text.clone(),
            })?;
        let weekday = find(&WEEKDAYS, weekday).ok_or_else(|| RuleError::NotAWeekday {
            word: word(weekday),
            text: text.clone(),
        })?;
        let month = find(&MONTHS, month).ok_or_else(|| RuleError::NotAMonth {
            word: word(month),
            text: text.clone(),
        })?;
        Ok(Base::NthWeekday {
            ordinal,
            weekday: weekday as u8,
            month: month as u8 + 1,
        })
    }

    fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Base::MonthDay(md) => NaiveDate::from_ymd_opt(year, md.month, md.day),
            Base::Easter => easter(year),
            Base::NthWeekday {
                ordinal,
                weekday,
                month,
            } => {
                let month = u32::from(month);
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let ahead = (i64::from(weekday)
                    - i64::from(first.weekday().num_days_from_monday()))
                .rem_euclid(7);
                let weeks = match ordinal {
                    Ordinal::First => 0,
                    Ordinal::Second => 1,
                    Ordinal::Third => 2,
                    Ordinal::Fourth => 3,
                    Ordinal::Last => (i64::from(days_in_month(year, month)) - 1 - ahead) / 7,
                };
                add_days(first, ahead + 7 * weeks)
            }
        }
    }
}

/// How far ahead `due validate` looks for deadlines the calendar must know the closed days
/// of: as far as `due show` lists a yearly obligation.
pub const CHECKED_YEARS: i32 = 5;

/// The years with deadlines from `from` to [`CHECKED_YEARS`] after it, sorted, whose closed
/// days the calendar does not know: it lists holidays as dates only, and none in that year.
/// A calendar with rules, or with no holidays at all, knows every year.
pub fn unlisted_years(reg: &Registry, from: NaiveDate) -> Vec<i32> {
    let cal = &reg.calendar;
    if !cal.rules.is_empty() || cal.holidays.is_empty() {
        return Vec::new();
    }
    let listed: BTreeSet<i32> = cal.holidays.iter().map(|d| d.year()).collect();
    let to = NaiveDate::from_ymd_opt(from.year() + CHECKED_YEARS, 12, 31).unwrap_or(from);
    let mut years = BTreeSet::new();
    for ob in &reg.obligations {
        for occ in engine::occurrences(reg, ob, from, to) {
            years.extend(occ.due.map(|d| d.year()));
            years.extend(engine::milestones(reg, &occ).iter().map(|m| m.on.year()));
        }
    }
    years.difference(&listed).copied().collect()
}

/// Splits `BASE ± N` into the base and the offset in days (0 without one).
fn split_offset(text: &str) -> Result<(&str, i32), RuleError> {
    let found = [" + ", " - "]
        .into_iter()
        .filter_map(|sign| text.rfind(sign).map(|at| (at, sign)))
        .max();
    let Some((at, sign)) = found else {
        return Ok((text, 0));
    };
    let span = Span::parse(&text[at + 3..]).map_err(|error| RuleError::Offset {
        text: text.to_owned(),
        error,
    })?;
    let days = match span.unit {
        Unit::Day => span.count,
        Unit::Week => span.count * 7,
        Unit::Month | Unit::Year => {
            let text = text.to_owned();
            return Err(RuleError::OffsetUnit { text });
        }
    };
    Ok((text[..at].trim(), if sign == " - " { -days } else { days }))
}

impl fmt::Display for HolidayRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.base {
            Base::MonthDay(md) => write!(f, "{md}")?,
            Base::Easter => f.write_str("easter")?,
            Base::NthWeekday {
                ordinal,
                weekday,
                month,
            } => {
                let ordinal = ORDINALS
                    .iter()
                    .find(|(_, o)| *o == ordinal)
                    .map_or("first", |(name, _)| name);
                write!(
                    f,
                    "{ordinal} {} of {}",
                    WEEKDAYS[usize::from(weekday)],
                    MONTHS[usize::from(month) - 1]
                )?;
            }
        }
        match self.days {
            0 => Ok(()),
            d if d < 0 => write!(f, " - {}d", -d),
            d => write!(f, " + {d}d"),
        }
    }
}

#[cfg(test)]
mod tests {

    proptest::proptest! {
        /// With an offset of a year at most, the day the offset leads back to is the only
        /// candidate: the same answer as trying the years on either side.
        #[test]
        fn a_rule_falls_on_the_day_its_offset_leads_back_to(
            days in -365i32..=365,
            base in 0usize..3,
            day in 0u64..6 * 366,
        ) {
            let base = [
                Base::MonthDay(MonthDay { month: 2, day: 29 }),
                Base::Easter,
                Base::NthWeekday { ordinal: Ordinal::Last, weekday: 6, month: 12 },
            ][base];
            let rule = HolidayRule { base, days };
            let date = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(day);
            let y = date.year();
            let tried = [y, y - 1, y + 1].into_iter().any(|y| rule.in_year(y) == Some(date));
            proptest::prop_assert_eq!(rule.falls_on(date), tried, "{:?} on {}", rule, date);
        }
    }

    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn rules_read_and_write_back() {
        for text in [
            "01-01",
            "02-29",
            "easter",
            "easter - 2d",
            "easter + 50d",
            "first sun of sep + 4d",
            "last mon of may",
            "fourth thu of nov",
        ] {
            assert_eq!(HolidayRule::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            HolidayRule::parse("easter + 1w").unwrap(),
            HolidayRule {
                base: Base::Easter,
                days: 7
            }
        );
    }

    #[test]
    fn bad_rules_say_what_was_expected() {
        for (text, says) in [
            ("easter + 1m", "days or weeks"),
            ("easter+2d", "not a holiday rule"),
            ("13-01", "not a holiday rule"),
            ("01-01 + 1d", "takes no offset"),
            ("fifth sun of sep", "not an ordinal"),
            ("first sunday of sep", "not a weekday"),
            ("first sun of september", "not a month"),
            ("easter - 3y", "at most two years"),
            ("", "not a holiday rule"),
        ] {
            let err = HolidayRule::parse(text).unwrap_err().to_string();
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }

    #[test]
    fn nth_weekdays_count_from_the_month() {
        let rule = |t| HolidayRule::parse(t).unwrap();
        // September 2024 begins on a Sunday; September 2025 on a Monday.
        assert_eq!(
            rule("first sun of sep").in_year(2024),
            Some(d("2024-09-01"))
        );
        assert_eq!(
            rule("first sun of sep").in_year(2025),
            Some(d("2025-09-07"))
        );
        assert_eq!(rule("last mon of may").in_year(2026), Some(d("2026-05-25")));
        // May 2027 has five Mondays; the last is the 31st.
        assert_eq!(rule("last mon of may").in_year(2027), Some(d("2027-05-31")));
        assert_eq!(
            rule("fourth thu of nov").in_year(2026),
            Some(d("2026-11-26"))
        );
    }

    #[test]
    fn offsets_may_cross_new_year() {
        let rule = HolidayRule::parse("last thu of dec + 7d").unwrap();
        // The last Thursday of December 2026 is the 31st: a week later is 7 January 2027.
        assert_eq!(rule.in_year(2026), Some(d("2027-01-07")));
        assert!(rule.falls_on(d("2027-01-07")));
        assert!(!rule.falls_on(d("2026-12-31")));
    }

    #[test]
    fn leap_day_holidays_exist_only_in_leap_years() {
        let rule = HolidayRule::parse("02-29").unwrap();
        assert_eq!(rule.in_year(2027), None);
        assert!(!rule.falls_on(d("2027-02-28")));
        assert!(rule.falls_on(d("2028-02-29")));
    }
}

//! Calendar arithmetic shared by the loader and the engine: durations, month-day values,
//! and the working-day roll.

use std::collections::HashSet;
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::holiday::HolidayRule;

/// A signed length of calendar time: `30d`, `-4w`, `2m`, `1y`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub count: i32,
    pub unit: Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Offsets reach at most two years either way; more is a typo, not a rule.
const MAX_DAYS: i64 = 731;

impl Span {
    pub const ZERO: Span = Span {
        count: 0,
        unit: Unit::Day,
    };

    /// Parses an offset: `Nd`, `Nw`, `Nm` or `Ny` (N unsigned), at most two years. Registry
    /// offsets take the letters only, so that a rule reads the same in every file.
    pub fn parse(text: &str) -> Result<Span, SpanError> {
        let expected = Spans::Offsets;
        let (digits, unit) = split_unit(text, expected)?;
        let unit = match unit {
            "d" => Unit::Day,
            "w" => Unit::Week,
            "m" => Unit::Month,
            "y" => Unit::Year,
            _ => return Err(no_unit(text, expected)),
        };
        Span::within(text, digits, unit, MAX_DAYS, expected)
    }

    /// Parses a listing window such as `90d`, up to a century. People type windows on the
    /// command line, so the spelled-out units are taken too: `3months`, `3 months`,
    /// `2weeks`, `1 year`, `10 days`.
    pub fn parse_window(text: &str) -> Result<Span, SpanError> {
        let expected = Spans::Windows;
        let (digits, unit) = split_unit(text, expected)?;
        let unit = match unit.to_lowercase().as_str() {
            // English, and French (`3 mois`, `2 semaines`): whatever the interface speaks.
            "d" | "day" | "days" | "j" | "jour" | "jours" => Unit::Day,
            "w" | "week" | "weeks" | "sem" | "semaine" | "semaines" => Unit::Week,
            "m" | "month" | "months" | "mois" => Unit::Month,
            "y" | "year" | "years" | "an" | "ans" | "année" | "années" => Unit::Year,
            _ => return Err(no_unit(text, expected)),
        };
        Span::within(text, digits, unit, 100 * 366, expected)
    }

    fn within(
        text: &str,
        digits: &str,
        unit: Unit,
        max_days: i64,
        spans: Spans,
    ) -> Result<Span, SpanError> {
        let too_long = || SpanError::TooLong {
            text: text.trim().to_owned(),
            spans,
        };
        let count: i64 = digits.parse().map_err(|_| too_long())?;
        // Each unit is held to the limit in its own terms, so that `2y`, `24m`, `104w` and
        // `731d` all pass a two-year limit: rounding months up to 31 days would refuse `24m`.
        let max = match unit {
            Unit::Day => max_days,
            Unit::Week => max_days / 7,
            Unit::Month => max_days * 12 / 365,
            Unit::Year => max_days / 365,
        };
        if count > max {
            return Err(too_long());
        }
        Ok(Span {
            count: i32::try_from(count).expect("bounded by the limit"),
            unit,
        })
    }

    pub fn negate(self) -> Span {
        Span {
            count: -self.count,
            unit: self.unit,
        }
    }

    /// The span's length in days, rounded up for months and years: used to bound searches.
    pub fn approx_days(self) -> i64 {
        let n = i64::from(self.count);
        match self.unit {
            Unit::Day => n,
            Unit::Week => n * 7,
            Unit::Month => n * 31,
            Unit::Year => n * 366,
        }
    }

    /// Adds the span; months and years keep the day where the month has it and otherwise
    /// take the month's last day. `None` only beyond chrono's range.
    ///
    /// The day is clamped once, at the end: a month from 31 January is the last day of
    /// February, two months are 31 March, and a month from 29 February is 29 March.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use due::dates::Span;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let span = |text| Span::parse(text).unwrap();
    /// assert_eq!(span("1m").add_to(d(2027, 1, 31)), Some(d(2027, 2, 28)));
    /// assert_eq!(span("1m").add_to(d(2028, 1, 31)), Some(d(2028, 2, 29)));
    /// assert_eq!(span("2m").add_to(d(2027, 1, 31)), Some(d(2027, 3, 31)));
    /// // Adding one month twice clamps on the way: not the same as adding two.
    /// let twice = span("1m").add_to(d(2027, 1, 31)).and_then(|f| span("1m").add_to(f));
    /// assert_eq!(twice, Some(d(2027, 3, 28)));
    /// // Years are twelve months: 29 February falls back to the 28th in a common year.
    /// assert_eq!(span("1y").add_to(d(2028, 2, 29)), Some(d(2029, 2, 28)));
    /// // Negative spans count back, and clamp the same way.
    /// assert_eq!(span("1m").negate().add_to(d(2027, 3, 31)), Some(d(2027, 2, 28)));
    /// // Days and weeks are exact.
    /// assert_eq!(span("2w").add_to(d(2027, 2, 20)), Some(d(2027, 3, 6)));
    /// ```
    pub fn add_to(self, date: NaiveDate) -> Option<NaiveDate> {
        let n = i64::from(self.count);
        match self.unit {
            Unit::Day => add_days(date, n),
            Unit::Week => add_days(date, n * 7),
            Unit::Month => add_months(date, n),
            Unit::Year => add_months(date, n * 12),
        }
    }
}

/// Splits `45d` or `3 months` into its digits and its unit word; the digits must lead.
fn split_unit(text: &str, spans: Spans) -> Result<(&str, &str), SpanError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SpanError::Empty { spans });
    }
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = (&text[..split], text[split..].trim_start());
    if digits.is_empty() {
        let text = text.to_owned();
        return Err(SpanError::NotADuration { text, spans });
    }
    Ok((digits, unit))
}

fn no_unit(text: &str, spans: Spans) -> SpanError {
    let text = text.trim();
    match text.find(|c: char| !c.is_ascii_digit()) {
        None => SpanError::NoUnit {
            text: text.to_owned(),
            spans,
        },
        Some(_) => SpanError::NotADuration {
            text: text.to_owned(),
            spans,
        },
    }
}

/// Which durations were being read: they take other units and limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spans {
    /// A registry's offsets (`30d`, at most two years).
    Offsets,
    /// A listing window (`90d`, `3 months`, at most a century).
    Windows,
}

/// Why a duration was refused; its `Display` is the catalogue's English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpanError {
    Empty { spans: Spans },
    NotADuration { text: String, spans: Spans },
    NoUnit { text: String, spans: Spans },
    TooLong { text: String, spans: Spans },
}

impl std::error::Error for SpanError {}

impl Unit {
    /// The unit's letter in a duration: `d`, `w`, `m` or `y`.
    pub fn letter(self) -> char {
        match self {
            Unit::Day => 'd',
            Unit::Week => 'w',
            Unit::Month => 'm',
            Unit::Year => 'y',
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.count, self.unit.letter())
    }
}

pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64))
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn add_months(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}

/// The number of days in a month of the proleptic Gregorian calendar (31 for a month outside
/// 1 to 12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date with that day in that month, or the month's last day when the month is shorter.
/// `None` only for a month outside 1 to 12 or a year beyond chrono's range.
///
/// ```
/// use chrono::NaiveDate;
/// use due::dates::clamped;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
/// assert_eq!(clamped(2027, 4, 31), d(2027, 4, 30));
/// assert_eq!(clamped(2027, 2, 30), d(2027, 2, 28));
/// assert_eq!(clamped(2028, 2, 30), d(2028, 2, 29));
/// assert_eq!(clamped(2027, 5, 15), d(2027, 5, 15));
/// assert_eq!(clamped(2027, 13, 1), None);
/// ```
pub fn clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let day = if day <= 28 {
        day
    } else {
        day.min(days_in_month(year, month))
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A month and day without a year (`06-15`); 02-29 is allowed and clamps in common years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    pub fn parse(text: &str) -> Option<MonthDay> {
        let (m, d) = text.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let month: u32 = m.parse().ok()?;
        let day: u32 = d.parse().ok()?;
        // 2000 is a leap year, so 02-29 is accepted and 02-30 is not.
        NaiveDate::from_ymd_opt(2000, month, day)?;
        Some(MonthDay { month, day })
    }

    /// The day in a given year; 29 February is the 28th in a common year.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use due::dates::MonthDay;
    ///
    /// let leap_day = MonthDay::parse("02-29").unwrap();
    /// assert_eq!(leap_day.in_year(2028), NaiveDate::from_ymd_opt(2028, 2, 29));
    /// assert_eq!(leap_day.in_year(2027), NaiveDate::from_ymd_opt(2027, 2, 28));
    /// assert_eq!(MonthDay::parse("02-30"), None);
    /// ```
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        clamped(year, self.month, self.day)
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// Parses `YYYY-MM-DD` strictly.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // Digits only: chrono's format parser, many times slower, would also let a space or a
    // sign through (`2027-01- 1`).
    let digits = |at: std::ops::Range<usize>| {
        b[at].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    NaiveDate::from_ymd_opt(y.try_into().ok()?, m, d)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Roll {
    Previous,
    Next,
    None,
}

/// Working days: which days are closed, and where a deadline on a closed day goes.
#[derive(Clone, Debug)]
pub struct Calendar {
    pub weekend: [bool; 7],
    pub holidays: HashSet<NaiveDate>,
    /// Holidays that recur every year (`easter - 2d`), besides the listed dates.
    pub rules: Vec<HolidayRule>,
    pub roll: Roll,
}

impl Default for Calendar {
    fn default() -> Self {
        let mut weekend = [false; 7];
        weekend[Weekday::Sat.num_days_from_monday() as usize] = true;
        weekend[Weekday::Sun.num_days_from_monday() as usize] = true;
        Calendar {
            weekend,
            holidays: HashSet::new(),
            rules: Vec::new(),
            roll: Roll::None,
        }
    }
}

impl Calendar {
    pub fn is_closed(&self, date: NaiveDate) -> bool {
        self.weekend[date.weekday().num_days_from_monday() as usize] || self.is_holiday(date)
    }

    /// A listed holiday, or one a rule gives.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date) || self.rules.iter().any(|r| r.falls_on(date))
    }

    /// Moves a date off closed days as the roll says. The loader guarantees at least one open
    /// weekday, so the walk ends within the longest run of holidays plus a week.
    pub fn roll(&self, date: NaiveDate) -> Option<NaiveDate> {
        let step = match self.roll {
            Roll::None => return Some(date),
            Roll::Previous => -1,
            Roll::Next => 1,
        };
        let mut d = date;
        while self.is_closed(d) {
            d = add_days(d, step)?;
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    proptest::proptest! {
        /// Ten bytes in the shape of a date, in digits only, are read as chrono's format parser
        /// reads them; a space or a sign in them (which chrono lets through) is refused.
        #[test]
        fn dates_read_as_chrono_reads_digits(
            text in "[0-9 +-]?[0-9]{2,3}[0-9 +-]-[0-9 +-][0-9]-[0-9 +-][0-9]"
        ) {
            let chrono = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
            let digits = text.len() == 10
                && text.bytes().enumerate().all(|(n, c)| n == 4 || n == 7 || c.is_ascii_digit());
            proptest::prop_assert_eq!(parse_date(&text), chrono.filter(|_| digits), "{:?}", text);
        }
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        let one_month = Span::parse("1m").unwrap();
        assert_eq!(one_month.add_to(d("2027-01-31")), Some(d("2027-02-28")));
        assert_eq!(one_month.add_to(d("2028-01-31")), Some(d("2028-02-29")));
        assert_eq!(
            one_month.negate().add_to(d("2027-03-31")),
            Some(d("2027-02-28"))
        );
        assert_eq!(
            Span::parse("1y").unwrap().add_to(d("2028-02-29")),
            Some(d("2029-02-28"))
        );
    }

    #[test]
    fn weeks_and_days_cross_year_ends() {
        assert_eq!(
            Span::parse("2w").unwrap().add_to(d("2026-12-25")),
            Some(d("2027-01-08"))
        );
        assert_eq!(
            Span::parse("16w").unwrap().negate().add_to(d("2027-04-12")),
            Some(d("2026-12-21"))
        );
    }

    #[test]
    fn durations_are_checked() {
        assert_eq!(
            Span::parse("45d").unwrap(),
            Span {
                count: 45,
                unit: Unit::Day
            }
        );
        assert!(matches!(
            Span::parse("45").unwrap_err(),
            SpanError::NoUnit { .. }
        ));
        assert!(Span::parse("-3d").is_err());
        assert!(Span::parse("d").is_err());
        assert!(
            Span::parse("3y")
                .unwrap_err()
                .to_string()
                .contains("two years")
        );
        assert!(Span::parse("99999999999999d").is_err());
        assert!(Span::parse("104w").is_ok());
        for two_years in ["2y", "24m", "104w", "731d"] {
            assert!(Span::parse(two_years).is_ok(), "{two_years}");
        }
        for more in ["3y", "25m", "105w", "732d"] {
            assert!(Span::parse(more).is_err(), "{more}");
        }
        // The registry's offsets keep to the letters.
        assert!(Span::parse("3 months").is_err());
    }

    #[test]
    fn windows_take_spelled_out_units() {
        let months = Span {
            count: 3,
            unit: Unit::Month,
        };
        for text in ["3m", "3months", "3 months", "3 Month", " 3 months "] {
            assert_eq!(Span::parse_window(text), Ok(months), "{text}");
        }
        assert_eq!(Span::parse_window("2weeks").unwrap().unit, Unit::Week);
        assert_eq!(Span::parse_window("1y").unwrap().unit, Unit::Year);
        assert_eq!(Span::parse_window("10 days").unwrap().count, 10);
        assert_eq!(Span::parse_window("3 mois"), Ok(months));
        assert_eq!(Span::parse_window("2 semaines").unwrap().unit, Unit::Week);
        assert_eq!(Span::parse_window("1 an").unwrap().unit, Unit::Year);
        assert_eq!(Span::parse_window("10j").unwrap().unit, Unit::Day);
        let err = Span::parse_window("3 fortnights").unwrap_err();
        assert!(err.to_string().contains("3 months"), "{err}");
        assert!(matches!(
            Span::parse_window("90").unwrap_err(),
            SpanError::NoUnit { .. }
        ));
        assert!(Span::parse_window("months").is_err());
        assert!(
            Span::parse_window("101y")
                .unwrap_err()
                .to_string()
                .contains("100 years")
        );
    }

    #[test]
    fn months_have_the_days_the_calendar_gives_them() {
        for year in [1900, 2000, 2023, 2024, 2100, 2400] {
            for month in 1..=12 {
                let next =
                    NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1);
                let last = next.and_then(|d| d.pred_opt()).map(|d| d.day());
                assert_eq!(Some(days_in_month(year, month)), last, "{year}-{month}");
            }
        }
    }

    #[test]
    fn month_days_accept_leap_day_and_clamp() {
        let leap = MonthDay::parse("02-29").unwrap();
        assert_eq!(leap.in_year(2027), Some(d("2027-02-28")));
        assert_eq!(leap.in_year(2028), Some(d("2028-02-29")));
        assert!(MonthDay::parse("02-30").is_none());
        assert!(MonthDay::parse("13-01").is_none());
        assert!(MonthDay::parse("6-15").is_none());
    }

    #[test]
    fn roll_skips_weekends_and_holidays() {
        let mut cal = Calendar {
            roll: Roll::Previous,
            ..Calendar::default()
        };
        cal.holidays.insert(d("2026-12-25"));
        // Sunday 27 December 2026 rolls back over Saturday and the Christmas Friday.
        assert_eq!(cal.roll(d("2026-12-27")), Some(d("2026-12-24")));
        cal.roll = Roll::Next;
        assert_eq!(cal.roll(d("2026-12-25")), Some(d("2026-12-28")));
        cal.roll = Roll::None;
        assert_eq!(cal.roll(d("2026-12-27")), Some(d("2026-12-27")));
    }
}

//! How a due date was reached, in words: the engine notes the steps as data
//! ([`Explanation`]), and this words them in the language asked for, one line a reader can
//! check by hand.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::dates::Roll;
use crate::engine::{Base, Explanation, PeriodKey, Rolled};
use crate::i18n::{self, Msg};
use crate::model::{Anchor, Confidence, Lang};

/// The date as printed in a step: with its weekday (and whether it is a holiday) when it is
/// the day that was rolled, as a reader checks a roll: `Sun 2027-05-16`.
fn day(date: NaiveDate, rolled: Option<&Rolled>, lang: Lang) -> String {
    match rolled {
        Some(r) if r.from == date => {
            let weekday = i18n::t(
                lang,
                match date.weekday() {
                    Weekday::Mon => Msg::DayMon,
                    Weekday::Tue => Msg::DayTue,
                    Weekday::Wed => Msg::DayWed,
                    Weekday::Thu => Msg::DayThu,
                    Weekday::Fri => Msg::DayFri,
                    Weekday::Sat => Msg::DaySat,
                    Weekday::Sun => Msg::DaySun,
                },
            );
            let day = format!("{weekday} {date}");
            if r.holiday {
                i18n::f(lang, Msg::HowHoliday, &[("day", &day)])
            } else {
                day
            }
        }
        _ => date.to_string(),
    }
}

/// One line: `council-2027 opens ~2027-06-15 (estimate) − 30d = Sun 2027-05-16 → previous
/// working day`. The date reached is not repeated: listings print it before the line.
pub fn how(e: &Explanation, lang: Lang) -> String {
    let rolled = e.rolled.as_ref();
    // The base's own date is the one rolled only when no offset follows it.
    let at_base = if e.offset.is_none() { rolled } else { None };
    let base_day = day(e.base.date(), at_base, lang);
    let mut out = match &e.base {
        Base::Written(_) => i18n::f(lang, Msg::HowFixedDate, &[("day", &base_day)]),
        Base::Due(_) => i18n::f(lang, Msg::HowDue, &[("day", &base_day)]),
        Base::DayOf {
            period,
            month,
            day: wanted,
            date,
        } => {
            let what = match period {
                PeriodKey::Year(_) => {
                    let md = format!("{month:02}-{wanted:02}");
                    i18n::f(lang, Msg::HowDayOfYear, &[("md", &md), ("period", period)])
                }
                PeriodKey::Quarter(..) => {
                    let args: [(&str, &dyn std::fmt::Display); 3] = [
                        ("day", wanted),
                        ("month", &((month - 1) % 3 + 1)),
                        ("period", period),
                    ];
                    i18n::f(lang, Msg::HowDayOfQuarter, &args)
                }
                _ => i18n::f(
                    lang,
                    Msg::HowDayOfMonth,
                    &[("day", wanted), ("period", period)],
                ),
            };
            if date.day() == *wanted {
                format!("{what} = {base_day}")
            } else {
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("what", &what), ("day", &base_day)];
                i18n::f(lang, Msg::HowMonthEnd, &args)
            }
        }
        Base::PeriodStart(period, _) => i18n::f(
            lang,
            Msg::HowStarts,
            &[("period", period), ("day", &base_day)],
        ),
        Base::PeriodEnd(period, _) => i18n::f(
            lang,
            Msg::HowEnds,
            &[("period", period), ("day", &base_day)],
        ),
        Base::Meeting {
            id,
            anchor,
            confidence,
            ..
        } => {
            let key = match anchor {
                Anchor::Start => Msg::HowOpens,
                Anchor::End => Msg::HowCloses,
            };
            let day = format!("{}{base_day}", confidence.mark());
            let mut text = i18n::f(lang, key, &[("id", id), ("day", &day)]);
            let note = match confidence {
                Confidence::Confirmed => None,
                Confidence::Likely => Some(Msg::HowLikely),
                Confidence::Estimate => Some(Msg::HowEstimate),
            };
            if let Some(note) = note {
                text.push_str(&format!(" ({})", i18n::t(lang, note)));
            }
            text
        }
    };
    if let Some((span, date)) = &e.offset {
        let (sign, span) = if span.count < 0 {
            ('−', span.negate())
        } else {
            ('+', *span)
        };
        out.push_str(&format!(" {sign} {span} = {}", day(*date, rolled, lang)));
    }
    if let Some(r) = rolled {
        let way = match r.roll {
            Roll::Previous => Msg::HowPrevious,
            Roll::Next | Roll::None => Msg::HowNext,
        };
        out.push_str(&format!(" → {}", i18n::t(lang, way)));
    }
    out
}

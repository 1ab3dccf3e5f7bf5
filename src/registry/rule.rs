//! The `due` rule grammar: `every` and `due` together, read into a [`Rule`], with meeting
//! references resolved against the registry's meetings.

use toml::de::DeValue;

use super::error::{ErrorKind, Recurring, RegistryError};
use super::toml::{Cx, R, Value};
use crate::dates::{self, MonthDay, Span};
use crate::model::{Anchor, InPeriod, Meeting, MilestoneAt, Period, Rule};

impl Cx<'_> {
    pub(super) fn rule(
        &self,
        every_v: Option<&Value<'_>>,
        every: Option<&str>,
        due_v: Option<&Value<'_>>,
        meetings: &[Meeting],
    ) -> R<Rule> {
        let Some(due_v) = due_v else {
            return match every_v {
                Some(e) => Err(self.error(e.span(), ErrorKind::EveryWithoutDue)),
                None => Ok(Rule::Ongoing),
            };
        };
        if every.is_none() && matches!(due_v.get_ref(), DeValue::Datetime(_)) {
            return Ok(Rule::Once(self.date(due_v, "due")?));
        }
        let due = self.string(due_v, "due")?;
        let fail = |kind| self.error(due_v.span(), kind);
        let period = match every {
            None => {
                if let Some(d) = dates::parse_date(due) {
                    return Ok(Rule::Once(d));
                }
                let (reference, offset) = split_offset(due, "due").map_err(fail)?;
                let (name, anchor) = split_anchor(reference);
                let found = meetings.iter().enumerate().find_map(|(n, m)| {
                    if m.key == name && !m.series {
                        Some((n, m.key.clone()))
                    } else {
                        m.instance(name).map(|i| (n, i.id))
                    }
                });
                return match found {
                    Some((meeting, instance)) => Ok(Rule::AtInstance {
                        meeting,
                        instance: instance.into_boxed_str(),
                        anchor,
                        offset,
                    }),
                    None if meetings.iter().any(|m| m.key == name) => {
                        Err(fail(ErrorKind::SeriesAsOneOff {
                            meeting: name.to_string(),
                        }))
                    }
                    None if looks_like_date(name) => Err(fail(ErrorKind::NotACalendarDay {
                        value: due.to_string(),
                    })),
                    None => Err(self.unknown_meeting(due_v, name, meetings)),
                };
            }
            Some("year") => Period::Year,
            Some("quarter") => Period::Quarter,
            Some("month") => Period::Month,
            Some("meeting") => {
                return self.series_rule(due_v, due, meetings, false);
            }
            Some(other) => {
                let value = other.to_string();
                return Err(self.error(
                    every_v.expect("present").span(),
                    ErrorKind::NotARecurrence { value },
                ));
            }
        };
        if let Some(at) = in_period(due, period) {
            return Ok(Rule::Every { period, at });
        }
        if let Ok((word @ ("start" | "end"), offset)) = split_offset(due, "due") {
            let at = if word == "start" {
                InPeriod::Start(offset)
            } else {
                InPeriod::End(offset)
            };
            return Ok(Rule::Every { period, at });
        }
        match period {
            Period::Year => self.series_rule(due_v, due, meetings, true),
            Period::Quarter => Err(fail(ErrorKind::DueNotUnderstood {
                value: due.to_string(),
                period: Recurring::Quarter,
            })),
            Period::Month => Err(fail(ErrorKind::DueNotUnderstood {
                value: due.to_string(),
                period: Recurring::Month,
            })),
        }
    }

    fn series_rule(
        &self,
        due_v: &Value<'_>,
        due: &str,
        meetings: &[Meeting],
        per_year: bool,
    ) -> R<Rule> {
        let fail = |kind| self.error(due_v.span(), kind);
        let (reference, offset) = split_offset(due, "due").map_err(fail)?;
        let (name, anchor) = split_anchor(reference);
        match meetings.iter().position(|m| m.key == name) {
            Some(n) if meetings[n].series => Ok(Rule::AtSeries {
                meeting: n,
                anchor,
                offset,
                per_year,
            }),
            Some(_) => Err(fail(ErrorKind::SingleMeetingRecurs {
                meeting: name.to_string(),
            })),
            None if per_year && MonthDay::parse(name).is_none() && looks_like_month_day(name) => {
                Err(fail(ErrorKind::NotADayOfYear {
                    value: due.to_string(),
                }))
            }
            None => Err(self.unknown_meeting(due_v, name, meetings)),
        }
    }

    /// A milestone's `at`: `due ± SPAN`, from the due date, or `MEETING ± SPAN` (`.end` for its
    /// last day), from the meeting's last instance in the year before the due date.
    pub(super) fn milestone_at(&self, at_v: &Value<'_>, meetings: &[Meeting]) -> R<MilestoneAt> {
        let at = self.string(at_v, "at")?;
        let (reference, offset) =
            split_offset(at, "at").map_err(|kind| self.error(at_v.span(), kind))?;
        if reference == "due" {
            return Ok(MilestoneAt::Due(offset));
        }
        let (name, anchor) = split_anchor(reference);
        match meetings.iter().position(|m| m.key == name) {
            Some(meeting) => Ok(MilestoneAt::Meeting {
                meeting,
                anchor,
                offset,
            }),
            None => Err(self.error(
                at_v.span(),
                ErrorKind::NotAMilestoneReference {
                    name: name.to_string(),
                    known: meetings.iter().map(|m| m.key.clone()).collect(),
                },
            )),
        }
    }

    fn unknown_meeting(&self, v: &Value<'_>, name: &str, meetings: &[Meeting]) -> RegistryError {
        self.error(
            v.span(),
            ErrorKind::UnknownMeeting {
                name: name.to_string(),
                known: meetings.iter().map(|m| m.key.clone()).collect(),
            },
        )
    }
}

fn looks_like_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

fn looks_like_month_day(s: &str) -> bool {
    s.len() == 5 && s.as_bytes()[2] == b'-' && s.bytes().filter(u8::is_ascii_digit).count() == 4
}

/// `REF`, `REF + SPAN` or `REF - SPAN`, the value of `key`.
pub(super) fn split_offset<'t>(
    text: &'t str,
    key: &'static str,
) -> Result<(&'t str, Span), ErrorKind> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    match parts.as_slice() {
        [reference] => Ok((reference, Span::ZERO)),
        [reference, sign @ ("+" | "-"), span] => {
            let span = Span::parse(span).map_err(|reason| ErrorKind::BadSpan {
                key: key.to_string(),
                reason,
            })?;
            Ok((reference, if *sign == "-" { span.negate() } else { span }))
        }
        _ => Err(ErrorKind::BadOffset {
            key,
            value: text.to_string(),
        }),
    }
}

fn split_anchor(reference: &str) -> (&str, Anchor) {
    if let Some(name) = reference.strip_suffix(".end") {
        (name, Anchor::End)
    } else {
        (
            reference.strip_suffix(".start").unwrap_or(reference),
            Anchor::Start,
        )
    }
}

/// `MM-DD` yearly, `M-DD` quarterly (month of the quarter), `DD` monthly.
fn in_period(text: &str, period: Period) -> Option<InPeriod> {
    match period {
        Period::Year => MonthDay::parse(text).map(|md| InPeriod::Day {
            month: md.month,
            day: md.day,
        }),
        Period::Quarter => {
            let (m, d) = text.split_once('-')?;
            let digits = |t: &str, max: usize| {
                !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
            };
            if !digits(m, 1) || !digits(d, 2) {
                return None;
            }
            let month: u32 = m.parse().ok().filter(|m| (1..=3).contains(m))?;
            let day: u32 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(InPeriod::Day { month, day })
        }
        Period::Month => {
            if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let day: u32 = text.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(InPeriod::Day { month: 1, day })
        }
    }
}

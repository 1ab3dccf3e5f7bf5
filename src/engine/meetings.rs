//! Meetings as commands name them: a day given as a date, an instance or a meeting, and the
//! instances worth listing around today.

use chrono::{Datelike, NaiveDate};

use crate::dates;
use crate::model::{Instance, Meeting, Registry};

/// Why a day named by a meeting could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtError {
    NoInstance { today: NaiveDate },
    Unknown { known: Vec<String> },
}

impl std::error::Error for AtError {}

/// The day `--at` names, and the meeting instance it was taken from, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub day: NaiveDate,
    pub instance: Option<Instance>,
    /// The instance is one the registry lists (its dates may still be an estimate), not
    /// one estimated from its meeting's typical dates.
    pub listed: bool,
}

/// The day `at` names: a date, the start of a meeting instance (`council-2027`), or the
/// start of a meeting's next instance that has not ended by `today`.
pub fn resolve_at(reg: &Registry, at: &str, today: NaiveDate) -> Result<At, AtError> {
    let opening = |m: &Meeting, inst: Instance| At {
        day: inst.start,
        listed: m.instances.iter().any(|l| l.id == inst.id),
        instance: Some(inst),
    };
    if let Some(day) = dates::parse_date(at) {
        return Ok(At {
            day,
            instance: None,
            listed: false,
        });
    }
    if let Some((m, inst)) = reg.instance(at) {
        return Ok(opening(m, inst));
    }
    if let Some(m) = reg.meeting(at) {
        return (today.year()..today.year() + 3)
            .flat_map(|y| m.in_year(y).into_owned())
            .find(|i| i.end >= today)
            .map(|i| opening(m, i))
            .ok_or(AtError::NoInstance { today });
    }
    Err(AtError::Unknown {
        known: reg.meetings.iter().map(|m| m.key.clone()).collect(),
    })
}

/// Listed instances, plus the estimate for each year from last year to two years ahead
/// that a series does not list; by start date, then id.
pub fn meeting_instances(reg: &Registry, today: NaiveDate) -> Vec<(&Meeting, Instance)> {
    let year = today.year();
    let mut out = Vec::new();
    for m in &reg.meetings {
        let mut instances = m.instances.clone();
        if m.series {
            for y in year - 1..=year + 2 {
                if !instances.iter().any(|i| i.start.year() == y) {
                    instances.extend(m.in_year(y).iter().cloned());
                }
            }
        }
        instances.sort_by_key(|i| i.start);
        out.extend(instances.into_iter().map(|i| (m, i)));
    }
    out.sort_by(|a, b| a.1.start.cmp(&b.1.start).then_with(|| a.1.id.cmp(&b.1.id)));
    out
}

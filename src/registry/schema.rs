//! The registry's tables and keys: which keys each table allows, which it requires, and
//! what each holds, checked into the model.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Weekday};
use toml::de::{DeTable, DeValue};

use super::error::{ErrorKind, IdOf, IdProblem, Shape, Table};
use super::toml::Fields;
use super::toml::{Cx, R, Value};
use crate::dates::{self, Calendar, MonthDay, Roll, Span};
use crate::holiday::HolidayRule;
use crate::model::{
    Completion, Confidence, Instance, Lang, Meeting, Milestone, More, Obligation, Origin, Outcome,
    Registry, Rule, Str, Text,
};

/// A meeting instance as listed under a year, before its id is settled.
struct Listed {
    id: Option<String>,
    start: NaiveDate,
    end: NaiveDate,
    confidence: Confidence,
    source: Option<Str>,
}

/// An obligation and where its id stands in the file.
type Located = (Obligation, Range<usize>);

/// Declares the keys an `[[obligation]]` table takes, in the order messages list them, and a
/// struct of their values by the same names: each value is found once, by its place, and the
/// two lists cannot disagree.
macro_rules! obligation_keys {
    ($($key:ident),* $(,)?) => {
        /// The keys an `[[obligation]]` table takes.
        pub(super) const OBLIGATION_KEYS: &[&str] = &[$(stringify!($key)),*];

        /// An obligation's values, by key.
        struct ObligationValues<'t, 'i> {
            $($key: Option<&'t Value<'i>>,)*
        }

        impl<'t, 'i> ObligationValues<'t, 'i> {
            fn of(f: &Fields<'t, 'i>) -> Self {
                let mut values = f.in_order(OBLIGATION_KEYS).iter().copied();
                Self {
                    $($key: values.next().flatten(),)*
                }
            }
        }
    };
}

obligation_keys!(
    id,
    title,
    mandate,
    quote,
    owner,
    to,
    notes,
    every,
    due,
    lead,
    active_from,
    active_until,
    milestones,
    done,
);

/// Where the first id already used before it stands, if any.
pub(super) fn first_repeated<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Option<usize> {
    // foldhash, seeded per run: the standard SipHash cost about 400 instructions an id.
    let mut seen = foldhash::HashSet::with_capacity_and_hasher(ids.len(), Default::default());
    ids.enumerate()
        .find_map(|(n, id)| (!seen.insert(id)).then_some(n))
}

impl Cx<'_> {
    /// Ids must be unique: the second use of one is the error.
    fn unique(&self, obligations: &[Located]) -> R<()> {
        match first_repeated(obligations.iter().map(|(ob, _)| &*ob.id)) {
            None => Ok(()),
            Some(n) => {
                let (ob, span) = &obligations[n];
                let id = ob.id.to_string();
                Err(self.error(span.clone(), ErrorKind::DuplicateObligation { id }))
            }
        }
    }

    /// The registry, and the default lead time its obligations were read with.
    pub(super) fn registry(&self, root: &DeTable<'_>, origin: Origin) -> R<(Registry, Span)> {
        let f = self.fields(
            root,
            || Table::Registry,
            &[
                "schema",
                "title",
                "timezone",
                "tracking_since",
                "default_lead",
                "quote_lang",
                "ledger",
                "calendar",
                "meetings",
                "obligation",
            ],
        )?;
        match f.get("schema") {
            None => {
                return Err(self.error(0..0, ErrorKind::NoSchema));
            }
            Some(v) => match v.get_ref() {
                DeValue::Integer(i) if i.as_str() == "1" && i.radix() == 10 => {}
                _ => {
                    return Err(self.error(v.span(), ErrorKind::WrongSchema));
                }
            },
        }
        let timezone = match f.get("timezone") {
            None => jiff::tz::TimeZone::UTC,
            Some(v) => {
                let name = self.string(v, "timezone")?;
                jiff::tz::TimeZone::get(name).map_err(|_| {
                    let name = name.to_string();
                    self.error(v.span(), ErrorKind::UnknownTimeZone { name })
                })?
            }
        };
        let tracking_since = f
            .get("tracking_since")
            .map(|v| self.date(v, "tracking_since"))
            .transpose()?;
        let default_lead = match f.get("default_lead") {
            Some(v) => self.span_of(v, "default_lead")?,
            None => Span::parse("30d").expect("valid default"),
        };
        let ledger = match (f.get("ledger"), &origin) {
            (Some(v), Origin::File(path)) => {
                let rel = self.string(v, "ledger")?;
                let dir = path.parent().unwrap_or(Path::new(""));
                Some(dir.join(rel))
            }
            // The embedded registry has no folder of its own to keep a ledger beside.
            (Some(v), Origin::Embedded) => {
                self.string(v, "ledger")?;
                None
            }
            (None, _) => None,
        };
        let quote_lang = match f.get("quote_lang") {
            None => None,
            Some(v) => Some(match self.string(v, "quote_lang")? {
                "en" => Lang::En,
                "fr" => Lang::Fr,
                other => {
                    let value = other.to_string();
                    return Err(self.error(v.span(), ErrorKind::NotALanguage { value }));
                }
            }),
        };
        let calendar = f
            .get("calendar")
            .map(|v| self.calendar(v))
            .transpose()?
            .unwrap_or_default();
        let meetings = match f.get("meetings") {
            Some(v) => self.meetings(v)?,
            None => Vec::new(),
        };
        let mut obligations = Vec::new();
        if let Some(v) = f.get("obligation") {
            for item in self.array(v, "obligation")? {
                obligations.push(self.obligation(item, &meetings, default_lead)?);
            }
        }
        self.unique(&obligations)?;
        let obligations = obligations.into_iter().map(|(ob, _)| ob).collect();
        Ok((
            Registry {
                origin,
                title: f
                    .get("title")
                    .map(|v| self.text(v, "title"))
                    .transpose()?
                    .unwrap_or_default(),
                timezone,
                tracking_since,
                quote_lang,
                calendar,
                ledger,
                meetings,
                obligations,
            },
            default_lead,
        ))
    }

    fn calendar(&self, v: &Value<'_>) -> R<Calendar> {
        let t = self.table(v, "calendar")?;
        let f = self.fields(
            t,
            || Table::Calendar,
            &["weekend", "holidays", "holiday_rules", "roll"],
        )?;
        let mut cal = Calendar::default();
        if let Some(w) = f.get("weekend") {
            cal.weekend = [false; 7];
            for day in self.array(w, "weekend")? {
                let name = self.string(day, "weekend")?;
                let wd = match name.to_ascii_lowercase().as_str() {
                    "mon" => Weekday::Mon,
                    "tue" => Weekday::Tue,
                    "wed" => Weekday::Wed,
                    "thu" => Weekday::Thu,
                    "fri" => Weekday::Fri,
                    "sat" => Weekday::Sat,
                    "sun" => Weekday::Sun,
                    _ => {
                        let value = name.to_string();
                        return Err(self.error(day.span(), ErrorKind::NotAWeekday { value }));
                    }
                };
                cal.weekend[wd.num_days_from_monday() as usize] = true;
            }
            if cal.weekend.iter().all(|closed| *closed) {
                return Err(self.error(w.span(), ErrorKind::NoWorkingDay));
            }
        }
        if let Some(h) = f.get("holidays") {
            for day in self.array(h, "holidays")? {
                cal.holidays.insert(self.date(day, "holidays")?);
            }
        }
        if let Some(h) = f.get("holiday_rules") {
            for rule in self.array(h, "holiday_rules")? {
                let text = self.string(rule, "holiday_rules")?;
                let parsed = HolidayRule::parse(text).map_err(|reason| {
                    self.error(rule.span(), ErrorKind::BadHolidayRule { reason })
                })?;
                cal.rules.push(parsed);
            }
        }
        if let Some(r) = f.get("roll") {
            cal.roll = match self.string(r, "roll")? {
                "previous" => Roll::Previous,
                "next" => Roll::Next,
                "none" => Roll::None,
                other => {
                    let value = other.to_string();
                    return Err(self.error(r.span(), ErrorKind::NotARoll { value }));
                }
            };
        }
        Ok(cal)
    }

    fn meetings(&self, v: &Value<'_>) -> R<Vec<Meeting>> {
        let t = self.table(v, "meetings")?;
        let mut out = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        for (key, value) in t.iter() {
            let key_text = key.get_ref().as_ref();
            self.check_id(key_text, IdOf::Meeting, key.span())?;
            let meeting = self.meeting(key_text, value)?;
            for inst in &meeting.instances {
                if !ids.insert(inst.id.clone()) {
                    let id = inst.id.clone();
                    return Err(self.error(value.span(), ErrorKind::DuplicateInstance { id }));
                }
            }
            ids.insert(meeting.key.clone());
            out.push(meeting);
        }
        Ok(out)
    }

    fn meeting(&self, key: &str, v: &Value<'_>) -> R<Meeting> {
        let t = self.table(v, key)?;
        let f = self.fields(
            t,
            || Table::Meeting(key.to_owned()),
            &[
                "name",
                "dates",
                "typical",
                "confidence",
                "tentative",
                "source",
            ],
        )?;
        let name = match f.get("name") {
            Some(n) => self.text(n, "name")?,
            None => Text {
                en: Cow::Owned(key.to_string()),
                fr: None,
            },
        };
        let typical_only = f.get("dates").is_none() && f.get("typical").is_some();
        let source = self.opt_str(f.get("source"), "source")?;
        let typical = match f.get("typical") {
            None => None,
            Some(tv) => {
                let s = self.string(tv, "typical")?;
                let (a, b) = s.split_once("..").unwrap_or((s, s));
                match (MonthDay::parse(a.trim()), MonthDay::parse(b.trim())) {
                    (Some(a), Some(b)) if a <= b => Some((a, b)),
                    _ => {
                        let value = s.to_string();
                        return Err(self.error(tv.span(), ErrorKind::BadTypical { value }));
                    }
                }
            }
        };
        if typical_only {
            return Ok(Meeting {
                key: key.to_string(),
                name,
                series: true,
                instances: Vec::new(),
                typical,
                source,
            });
        }
        let Some(dates) = f.get("dates") else {
            let meeting = key.to_string();
            return Err(self.error(v.span(), ErrorKind::NoDates { meeting }));
        };
        match dates.get_ref() {
            DeValue::String(_) | DeValue::Datetime(_) => {
                if typical.is_some() {
                    let meeting = key.to_string();
                    return Err(self.error(
                        f.get("typical").expect("present").span(),
                        ErrorKind::TypicalOnSingle { meeting },
                    ));
                }
                let (start, end) = self.range(dates, "dates")?;
                Ok(Meeting {
                    key: key.to_string(),
                    name,
                    series: false,
                    instances: vec![Instance {
                        id: key.to_string(),
                        start,
                        end,
                        confidence: self.confidence(&f)?,
                        source: source.clone(),
                    }],
                    typical: None,
                    source,
                })
            }
            DeValue::Table(years) => {
                if let Some((word, b)) = ["confidence", "tentative"]
                    .into_iter()
                    .find_map(|k| f.get(k).map(|b| (k, b)))
                {
                    let meeting = key.to_string();
                    let kind = ErrorKind::ConfidenceOnSeries { meeting, key: word };
                    return Err(self.error(b.span(), kind));
                }
                let mut instances = Vec::new();
                for (year_key, entry) in years.iter() {
                    let y = year_key.get_ref().as_ref();
                    let year: i32 = match y.parse() {
                        Ok(year) if y.len() == 4 => year,
                        _ => {
                            return Err(self.error(
                                year_key.span(),
                                ErrorKind::NotAYear {
                                    meeting: key.to_string(),
                                    value: y.to_string(),
                                },
                            ));
                        }
                    };
                    let entries: Vec<&Value<'_>> = match entry.get_ref() {
                        DeValue::Array(a) => a.iter().collect(),
                        _ => vec![entry],
                    };
                    let mut in_year = Vec::new();
                    for e in entries {
                        let listed = self.instance(e)?;
                        let start = listed.start;
                        if start.year() != year {
                            return Err(self.error(
                                e.span(),
                                ErrorKind::InstanceInWrongYear {
                                    meeting: key.to_string(),
                                    start,
                                    year,
                                },
                            ));
                        }
                        in_year.push(listed);
                    }
                    in_year.sort_by_key(|listed| listed.start);
                    for (n, listed) in in_year.into_iter().enumerate() {
                        let id = listed.id.unwrap_or_else(|| match n {
                            0 => format!("{key}-{year}"),
                            n => format!("{key}-{year}-{}", n + 1),
                        });
                        instances.push(Instance {
                            id,
                            start: listed.start,
                            end: listed.end,
                            confidence: listed.confidence,
                            source: listed.source,
                        });
                    }
                }
                instances.sort_by_key(|i| i.start);
                Ok(Meeting {
                    key: key.to_string(),
                    name,
                    series: true,
                    instances,
                    typical,
                    source,
                })
            }
            _ => Err(self.mismatch(dates, "dates", Shape::Dates)),
        }
    }

    /// One instance of a series: a date range, or a table with `dates` and optional `id`,
    /// `confidence` (or `tentative`) and `source`.
    fn instance(&self, v: &Value<'_>) -> R<Listed> {
        let DeValue::Table(t) = v.get_ref() else {
            let (start, end) = self.range(v, "dates")?;
            return Ok(Listed {
                id: None,
                start,
                end,
                confidence: Confidence::Confirmed,
                source: None,
            });
        };
        let f = self.fields(
            t,
            || Table::Instance,
            &["id", "dates", "confidence", "tentative", "source"],
        )?;
        let dates = self.require(f.get("dates"), "dates", || Table::Instance, v.span())?;
        let (start, end) = self.range(dates, "dates")?;
        let id = match f.get("id") {
            Some(i) => {
                let s = self.string(i, "id")?;
                self.check_id(s, IdOf::Instance, i.span())?;
                Some(s.to_string())
            }
            None => None,
        };
        Ok(Listed {
            id,
            start,
            end,
            confidence: self.confidence(&f)?,
            source: self.opt_str(f.get("source"), "source")?,
        })
    }

    /// How sure an instance's dates are: `confidence = "confirmed" | "likely" | "estimate"`,
    /// or the older `tentative = true` for an estimate. Confirmed when neither is given.
    fn confidence(&self, f: &Fields<'_, '_>) -> R<Confidence> {
        let tentative = match f.get("tentative") {
            Some(b) => match b.get_ref() {
                DeValue::Boolean(b) => Some(*b),
                _ => return Err(self.mismatch(b, "tentative", Shape::TrueOrFalse)),
            },
            None => None,
        };
        let Some(c) = f.get("confidence") else {
            return Ok(match tentative {
                Some(true) => Confidence::Estimate,
                _ => Confidence::Confirmed,
            });
        };
        let text = self.string(c, "confidence")?;
        let confidence = Confidence::parse(text).ok_or_else(|| {
            let value = text.to_string();
            self.error(c.span(), ErrorKind::NotAConfidence { value })
        })?;
        match tentative {
            Some(t) if t != (confidence == Confidence::Estimate) => Err(self.error(
                f.get("tentative").expect("present").span(),
                ErrorKind::TentativeContradictsConfidence {
                    tentative: t,
                    confidence: text.to_string(),
                },
            )),
            _ => Ok(confidence),
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`, first day not after the last.
    fn range(&self, v: &Value<'_>, key: &str) -> R<(NaiveDate, NaiveDate)> {
        if let DeValue::Datetime(_) = v.get_ref() {
            let d = self.date(v, key)?;
            return Ok((d, d));
        }
        let s = self.string(v, key)?;
        let (a, b) = s.split_once("..").unwrap_or((s, s));
        let (key, value) = (key.to_string(), s.to_string());
        let (Some(start), Some(end)) = (dates::parse_date(a.trim()), dates::parse_date(b.trim()))
        else {
            return Err(self.error(v.span(), ErrorKind::NotARange { key, value }));
        };
        if end < start {
            return Err(self.error(v.span(), ErrorKind::RangeBackwards { key, value }));
        }
        if (end - start).num_days() > 366 {
            return Err(self.error(v.span(), ErrorKind::RangeTooLong { key, value }));
        }
        Ok((start, end))
    }

    /// An obligation, and where its id stands in the file (for the duplicate check).
    pub(super) fn obligation(
        &self,
        v: &Value<'_>,
        meetings: &[Meeting],
        default_lead: Span,
    ) -> R<Located> {
        let t = self.table(v, "obligation")?;
        let f = self.fields(t, || Table::Obligations, OBLIGATION_KEYS)?;
        self.obligation_fields(&f, v.span(), meetings, default_lead)
    }

    /// An obligation from its keys; `at` is where its table stands.
    pub(super) fn obligation_fields(
        &self,
        f: &Fields<'_, '_>,
        at: Range<usize>,
        meetings: &[Meeting],
        default_lead: Span,
    ) -> R<Located> {
        let v = ObligationValues::of(f);
        let id_v = self.require(v.id, "id", || Table::Obligations, at.clone())?;
        let id = self.string(id_v, "id")?;
        self.check_id(id, IdOf::Obligation, id_v.span())?;
        // Named in messages only: most obligations never need the text.
        let what = || Table::Obligation(id.to_owned());
        let title = self.text(self.require(v.title, "title", what, at)?, "title")?;
        let every = v.every.map(|e| self.string(e, "every")).transpose()?;
        let rule = self.rule(v.every, every, v.due, meetings)?;
        let lead = match v.lead {
            Some(l) => self.span_of(l, "lead")?,
            None => default_lead,
        };
        let active_from = v
            .active_from
            .map(|d| self.date(d, "active_from"))
            .transpose()?;
        let active_until = v
            .active_until
            .map(|d| self.date(d, "active_until"))
            .transpose()?;
        if let (Some(a), Some(b)) = (active_from, active_until)
            && b < a
        {
            return Err(self.error(
                v.active_until.expect("present").span(),
                ErrorKind::ActiveUntilBeforeFrom {
                    obligation: id.to_string(),
                    from: a,
                    until: b,
                },
            ));
        }
        let mut milestones = Vec::new();
        if let Some(ms) = v.milestones {
            if matches!(rule, Rule::Ongoing) {
                let obligation = id.to_string();
                return Err(self.error(
                    ms.span(),
                    ErrorKind::MilestonesWithoutDeadline { obligation },
                ));
            }
            for m in self.array(ms, "milestones")? {
                let mt = self.table(m, "milestones")?;
                let mf = self.fields(mt, || Table::Milestone, &["name", "at"])?;
                let name = self.text(
                    self.require(mf.get("name"), "name", || Table::Milestone, m.span())?,
                    "name",
                )?;
                let at = self.require(mf.get("at"), "at", || Table::Milestone, m.span())?;
                let at = self.milestone_at(at, meetings)?;
                milestones.push(Milestone { name, at });
            }
        }
        let mut done = Vec::new();
        if let Some(list) = v.done {
            for d in self.array(list, "done")? {
                let dt = self.table(d, "done")?;
                let df = self.fields(
                    dt,
                    || Table::Done,
                    &["period", "on", "ref", "note", "waived"],
                )?;
                let period = self.string(
                    self.require(df.get("period"), "period", || Table::Done, d.span())?,
                    "period",
                )?;
                let on = self.date(
                    self.require(df.get("on"), "on", || Table::Done, d.span())?,
                    "on",
                )?;
                let outcome = match df.get("waived") {
                    Some(w) => Outcome::Waived {
                        reason: self.string(w, "waived")?.to_string(),
                    },
                    None => Outcome::Done,
                };
                done.push((
                    period.to_string(),
                    Completion {
                        outcome,
                        on,
                        reference: self.opt_string(&df, "ref")?,
                        note: self.opt_string(&df, "note")?,
                        by: None,
                    },
                ));
            }
        }
        let id_at = id_v.span();
        Ok((
            Obligation {
                id: self.keep(id),
                title,
                mandate: self.shared_str(v.mandate, "mandate")?,
                owner: v.owner.map(|v| self.shared_text(v, "owner")).transpose()?,
                to: v.to.map(|v| self.shared_text(v, "to")).transpose()?,
                rule,
                lead,
                active_from,
                active_until,
                more: More {
                    quote: self.opt_str(v.quote, "quote")?,
                    notes: self.opt_str(v.notes, "notes")?,
                    milestones: milestones.into_boxed_slice(),
                    done: done.into_boxed_slice(),
                }
                .boxed(),
            },
            id_at,
        ))
    }

    /// Identifiers appear in period keys, file names and command lines: keep them plain.
    fn check_id(&self, id: &str, of: IdOf, span: Range<usize>) -> R<()> {
        let problem = if id.is_empty() {
            IdProblem::Empty
        // Written as a fold over every byte, so that it compiles to a vector loop.
        } else if id.bytes().fold(true, |ok, c| {
            ok & (c.is_ascii_alphanumeric() | (c == b'-') | (c == b'_') | (c == b'.'))
        }) {
            return Ok(());
        } else {
            IdProblem::OtherCharacters
        };
        let id = id.to_string();
        Err(self.error(span, ErrorKind::BadId { of, id, problem }))
    }
}

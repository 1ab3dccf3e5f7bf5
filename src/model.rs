//! The registry as the engine sees it: checked, typed, with every reference resolved.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dates::{Calendar, MonthDay, Span};

/// Where a registry was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Embedded => f.write_str("(embedded) obligations.toml"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

/// Registry text: borrowed from the registry's source (kept for the life of the process)
/// where it can be, so a large registry is not copied string by string.
pub type Str = Cow<'static, str>;

/// Registry text as the cache keeps it: every distinct string once, in one block of text
/// checked as UTF-8 in a single pass, and each field a range of that block. Reading a large
/// registry back spent more time checking its strings one by one than on anything else.
pub(crate) mod text_block {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer, de, ser};

    use super::Str;

    #[derive(Default)]
    struct Block {
        text: String,
        at: HashMap<Str, (u32, u32)>,
    }

    thread_local! {
        static WRITING: RefCell<Option<Block>> = const { RefCell::new(None) };
        static READING: Cell<Option<&'static str>> = const { Cell::new(None) };
    }

    /// Runs `f`, which serialises registry text, and returns the block that text went into.
    pub fn writing<T>(f: impl FnOnce() -> T) -> (T, String) {
        WRITING.with(|w| *w.borrow_mut() = Some(Block::default()));
        let out = f();
        let block = WRITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        (out, block.text)
    }

    /// Runs `f`, which deserialises registry text written into `block`, on this thread.
    pub fn reading<T>(block: &'static str, f: impl FnOnce() -> T) -> T {
        let before = READING.with(|r| r.replace(Some(block)));
        let out = f();
        READING.with(|r| r.set(before));
        out
    }

    pub fn serialize<S: Serializer>(text: &Str, s: S) -> Result<S::Ok, S::Error> {
        let range = WRITING.with(|w| {
            let mut w = w.borrow_mut();
            let block = w.as_mut()?;
            if let Some(range) = block.at.get(text) {
                return Some(*range);
            }
            let range = (
                u32::try_from(block.text.len()).ok()?,
                u32::try_from(text.len()).ok()?,
            );
            block.text.push_str(text);
            block.at.insert(text.clone(), range);
            Some(range)
        });
        range
            .ok_or_else(|| ser::Error::custom("registry text outside a text block"))?
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        let (at, len) = <(u32, u32)>::deserialize(d)?;
        let block = READING.with(Cell::get).unwrap_or_default();
        let (at, len) = (at as usize, len as usize);
        at.checked_add(len)
            .and_then(|end| block.get(at..end))
            .map(Str::Borrowed)
            .ok_or_else(|| de::Error::custom("text range outside the text block"))
    }

    pub mod opt {
        use super::*;

        struct Field<'a>(&'a Str);

        impl Serialize for Field<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::serialize(self.0, s)
            }
        }

        #[derive(Deserialize)]
        struct Owned(#[serde(deserialize_with = "super::deserialize")] Str);

        pub fn serialize<S: Serializer>(text: &Option<Str>, s: S) -> Result<S::Ok, S::Error> {
            text.as_ref().map(Field).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Str>, D::Error> {
            Ok(Option::<Owned>::deserialize(d)?.map(|f| f.0))
        }
    }
}

/// Dates kept as day numbers: the cache reads them back without parsing text.
mod day_number {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        date.num_days_from_ce().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or_else(|| D::Error::custom("day number"))
    }

    pub mod opt {
        use super::*;

        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            date.map(|d| d.num_days_from_ce()).serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<i32>::deserialize(d)?
                .map(|n| {
                    NaiveDate::from_num_days_from_ce_opt(n)
                        .ok_or_else(|| D::Error::custom("day number"))
                })
                .transpose()
        }
    }
}

/// Text in English, with an optional French version.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Text {
    #[serde(with = "text_block")]
    pub en: Str,
    #[serde(with = "text_block::opt")]
    pub fr: Option<Str>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        self.pick(lang)
    }

    /// The text in a language (English where there is no French), shareable as it is.
    pub fn pick(&self, lang: Lang) -> &Str {
        match (lang, &self.fr) {
            (Lang::Fr, Some(fr)) => fr,
            _ => &self.en,
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Registry {
    pub origin: Origin,
    pub title: String,
    pub timezone: Tz,
    #[serde(with = "day_number::opt")]
    pub tracking_since: Option<NaiveDate>,
    pub calendar: Calendar,
    /// The ledger path named by the registry, already resolved against the registry's folder.
    pub ledger: Option<PathBuf>,
    pub meetings: Vec<Meeting>,
    /// Kept apart in the cache, in runs that are read back on several cores.
    #[serde(skip)]
    pub obligations: Vec<Obligation>,
}

impl Registry {
    pub fn obligation(&self, id: &str) -> Option<&Obligation> {
        self.obligations.iter().find(|o| o.id == id)
    }

    pub fn meeting(&self, key: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.key == key)
    }

    /// Finds an instance by id, whether listed or estimated (`council-2031`).
    pub fn instance(&self, id: &str) -> Option<(&Meeting, Instance)> {
        self.meetings
            .iter()
            .find_map(|m| m.instance(id).map(|i| (m, i)))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub id: String,
    #[serde(with = "day_number")]
    pub start: NaiveDate,
    #[serde(with = "day_number")]
    pub end: NaiveDate,
    /// The dates are an estimate, not an announcement.
    pub tentative: bool,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Meeting {
    pub key: String,
    pub name: Text,
    /// A single meeting has exactly one instance and is not a series.
    pub series: bool,
    /// Listed instances, sorted by start date.
    pub instances: Vec<Instance>,
    /// Estimate for the years a series does not list.
    pub typical: Option<(MonthDay, MonthDay)>,
}

impl Meeting {
    /// The instance with this id: listed, or a series' estimate for a year it does not list.
    pub fn instance(&self, id: &str) -> Option<Instance> {
        if let Some(found) = self.instances.iter().find(|i| i.id == id) {
            return Some(found.clone());
        }
        let year: i32 = id
            .strip_prefix(self.key.as_str())?
            .strip_prefix('-')?
            .parse()
            .ok()?;
        self.in_year(year).iter().find(|i| i.id == id).cloned()
    }

    /// The instances held in a year (by start date): the listed ones, or the estimate.
    pub fn in_year(&self, year: i32) -> Cow<'_, [Instance]> {
        // Listed instances are sorted by start date, so a year's are one run of them.
        let first = self
            .instances
            .partition_point(|i| chrono::Datelike::year(&i.start) < year);
        let count = self.instances[first..]
            .iter()
            .take_while(|i| chrono::Datelike::year(&i.start) == year)
            .count();
        let listed = &self.instances[first..first + count];
        if !listed.is_empty() || !self.series {
            return Cow::Borrowed(listed);
        }
        match self
            .typical
            .map(|(from, to)| (from.in_year(year), to.in_year(year)))
        {
            Some((Some(start), Some(end))) => Cow::Owned(vec![Instance {
                id: format!("{}-{year}", self.key),
                start,
                end,
                tentative: true,
            }]),
            _ => Cow::Borrowed(listed),
        }
    }
}

/// Which day of a meeting an offset counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    Start,
    End,
}

impl Anchor {
    pub fn pick(self, instance: &Instance) -> NaiveDate {
        match self {
            Anchor::Start => instance.start,
            Anchor::End => instance.end,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    Year,
    Quarter,
    Month,
}

/// Where in its period a calendar-recurring deadline falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InPeriod {
    /// Month of the period (1-based; always 1 for monthly) and day, clamped to the month.
    Day {
        month: u32,
        day: u32,
    },
    Start(Span),
    End(Span),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Rule {
    /// No deadline: a standing duty.
    Ongoing,
    Once(#[serde(with = "day_number")] NaiveDate),
    /// A one-off tied to one meeting instance.
    AtInstance {
        meeting: usize,
        instance: String,
        anchor: Anchor,
        offset: Span,
    },
    Every {
        period: Period,
        at: InPeriod,
    },
    /// Tied to a series: each year's first instance (`per_year`) or every instance.
    AtSeries {
        meeting: usize,
        anchor: Anchor,
        offset: Span,
        per_year: bool,
    },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Milestone {
    pub name: Text,
    /// Measured from the (rolled) due date.
    pub offset: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Done,
    Waived { reason: String },
}

/// A recorded completion of one occurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub outcome: Outcome,
    /// Delivery date (or the day it was waived).
    #[serde(with = "day_number")]
    pub on: NaiveDate,
    pub reference: Option<String>,
    pub note: Option<String>,
}

/// Completions by obligation id and period key: the registry's own, overlaid by the ledger.
pub type Completions = HashMap<(String, String), Completion>;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Prose {
    #[serde(with = "text_block::opt")]
    pub quote: Option<Str>,
    #[serde(with = "text_block::opt")]
    pub notes: Option<Str>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Obligation {
    #[serde(with = "text_block")]
    pub id: Str,
    pub title: Text,
    #[serde(with = "text_block::opt")]
    pub mandate: Option<Str>,
    #[serde(with = "text_block::opt")]
    pub owner: Option<Str>,
    #[serde(with = "text_block::opt")]
    pub to: Option<Str>,
    pub rule: Rule,
    pub lead: Span,
    /// The clause quoted and free notes: kept apart (and absent when empty) because only
    /// `due show` reads them, so that a large registry stays small in memory.
    pub prose: Option<Box<Prose>>,
    #[serde(with = "day_number::opt")]
    pub active_from: Option<NaiveDate>,
    #[serde(with = "day_number::opt")]
    pub active_until: Option<NaiveDate>,
    pub milestones: Box<[Milestone]>,
    /// Completions written in the registry itself, by period key.
    pub done: Box<[(String, Completion)]>,
}

impl Obligation {
    pub fn quote(&self) -> Option<&str> {
        self.prose.as_ref()?.quote.as_deref()
    }

    pub fn notes(&self) -> Option<&str> {
        self.prose.as_ref()?.notes.as_deref()
    }

    /// The obligation's completions as written in the registry.
    pub fn known_completions(&self) -> impl Iterator<Item = ((String, String), Completion)> + '_ {
        self.done
            .iter()
            .map(|(period, c)| ((self.id.to_string(), period.clone()), c.clone()))
    }
}

//! The registry as the engine sees it: checked, typed, with every reference resolved.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::dates::{Calendar, MonthDay, Span};

/// Where a registry was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

/// How messages (before `:LINE:COL`), listings and `due validate` name it.
impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.named(Lang::En))
    }
}

impl Origin {
    /// The registry as messages name it: its path, or the built-in one.
    pub fn named(&self, lang: Lang) -> String {
        match self {
            Origin::Embedded => crate::i18n::t(lang, crate::i18n::Msg::EmbeddedRegistry).to_owned(),
            Origin::File(path) => path.display().to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language's code, as HTML's `lang` attribute takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// Registry text: borrowed from the registry's source (kept for the life of the process)
/// where it can be, so a large registry is not copied string by string.
pub type Str = Cow<'static, str>;

/// Text in English, with an optional French version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub en: Str,
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

#[derive(Debug)]
pub struct Registry {
    pub origin: Origin,
    pub title: Text,
    /// From jiff's copy of the IANA database, built into the binary: chrono-tz's tables are
    /// pointers the loader must relocate at every start (a megabyte, 250 page faults), for a
    /// zone that is read once, to learn what day it is.
    pub timezone: jiff::tz::TimeZone,
    pub tracking_since: Option<NaiveDate>,
    /// The language the obligations' quoted clauses were adopted in, when the registry says.
    pub quote_lang: Option<Lang>,
    pub calendar: Calendar,
    /// The ledger path named by the registry, already resolved against the registry's folder.
    pub ledger: Option<PathBuf>,
    pub meetings: Vec<Meeting>,
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

/// How sure a meeting instance's dates are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Stated by an official source.
    Confirmed,
    /// Stated by a secondary source only.
    Likely,
    /// Not announced: an estimate (`tentative = true`, or a series' `typical` dates).
    Estimate,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [
        Confidence::Confirmed,
        Confidence::Likely,
        Confidence::Estimate,
    ];

    /// The name the registry and JSON use.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Likely => "likely",
            Confidence::Estimate => "estimate",
        }
    }

    pub fn parse(text: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// The mark put before a date that hangs on such a meeting in tables.
    pub fn mark(self) -> &'static str {
        match self {
            Confidence::Confirmed => "",
            Confidence::Likely => "†",
            Confidence::Estimate => "~",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instance {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub confidence: Confidence,
    /// Where the dates come from, as the registry says: the instance's own, or for a single
    /// meeting and a series' estimate for an unlisted year, the meeting's.
    pub source: Option<Str>,
}

impl Instance {
    /// The dates are an estimate, not an announcement.
    pub fn tentative(&self) -> bool {
        self.confidence == Confidence::Estimate
    }
}

#[derive(Debug)]
pub struct Meeting {
    pub key: String,
    pub name: Text,
    /// A single meeting has exactly one instance and is not a series.
    pub series: bool,
    /// Listed instances, sorted by start date.
    pub instances: Vec<Instance>,
    /// Estimate for the years a series does not list.
    pub typical: Option<(MonthDay, MonthDay)>,
    /// Where the meeting's dates come from: a single meeting's, or the reason for a series'
    /// `typical` estimate.
    pub source: Option<Str>,
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
                confidence: Confidence::Estimate,
                source: self.source.clone(),
            }]),
            _ => Cow::Borrowed(listed),
        }
    }
}

/// Which day of a meeting an offset counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year,
    Quarter,
    Month,
}

/// Where in its period a calendar-recurring deadline falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InPeriod {
    /// Month of the period (1-based; always 1 for monthly) and day, clamped to the month.
    Day {
        month: u32,
        day: u32,
    },
    Start(Span),
    End(Span),
}

#[derive(Clone, Debug)]
pub enum Rule {
    /// No deadline: a standing duty.
    Ongoing,
    Once(NaiveDate),
    /// A one-off tied to one meeting instance.
    AtInstance {
        meeting: usize,
        instance: Box<str>,
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

#[derive(Clone, Debug)]
pub struct Milestone {
    pub name: Text,
    pub at: MilestoneAt,
}

/// What a milestone is measured from.
#[derive(Clone, Debug)]
pub enum MilestoneAt {
    /// The occurrence's (rolled) due date: `due - 4w`.
    Due(Span),
    /// The last instance of a meeting in the year before the due date: `cwg-wsis - 30d`.
    Meeting {
        meeting: usize,
        anchor: Anchor,
        offset: Span,
    },
}

impl MilestoneAt {
    /// How many days before the due date the milestone can fall, at most: how far ahead to
    /// look for occurrences whose milestones are reached.
    pub fn reach_days(&self) -> i64 {
        match self {
            MilestoneAt::Due(offset) => offset.approx_days().abs(),
            MilestoneAt::Meeting { offset, .. } => 366 + offset.approx_days().abs(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done,
    Waived { reason: String },
}

/// A recorded completion of one occurrence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub outcome: Outcome,
    /// Delivery date (or the day it was waived).
    pub on: NaiveDate,
    pub reference: Option<String>,
    pub note: Option<String>,
    /// Who recorded it, when the ledger says.
    pub by: Option<String>,
}

/// Completions by obligation id and period key: the registry's own, overlaid by the ledger.
pub type Completions = HashMap<(String, String), Completion>;

/// What most obligations leave out: the clause quoted and free notes, milestones and
/// completions written in the registry.
#[derive(Debug, Default)]
pub struct More {
    pub quote: Option<Str>,
    pub notes: Option<Str>,
    pub milestones: Box<[Milestone]>,
    /// Completions written in the registry itself, by period key.
    pub done: Box<[(String, Completion)]>,
}

impl More {
    /// `None` when there is nothing more.
    pub fn boxed(self) -> Option<Box<More>> {
        let empty = self.quote.is_none()
            && self.notes.is_none()
            && self.milestones.is_empty()
            && self.done.is_empty();
        (!empty).then(|| Box::new(self))
    }
}

#[derive(Debug)]
pub struct Obligation {
    pub id: Str,
    pub title: Text,
    /// Held once, like the owner: many obligations answer to the same mandate.
    pub mandate: Option<Arc<Str>>,
    /// The owner and the recipient (`to`) are held once for all the obligations that name
    /// the same one: a registry repeats a handful of each, and a listing then reads each from
    /// memory it has just read, rather than from every obligation's own copy.
    pub owner: Option<Arc<Text>>,
    pub to: Option<Arc<Text>>,
    pub rule: Rule,
    pub lead: Span,
    pub active_from: Option<NaiveDate>,
    pub active_until: Option<NaiveDate>,
    /// Kept apart, and absent when empty, so that a large registry stays small in memory.
    pub more: Option<Box<More>>,
}

impl Obligation {
    pub fn mandate(&self) -> Option<&str> {
        self.mandate.as_deref().map(|m| &**m)
    }

    pub fn owner(&self) -> Option<&Text> {
        self.owner.as_deref()
    }

    pub fn to(&self) -> Option<&Text> {
        self.to.as_deref()
    }

    pub fn quote(&self) -> Option<&str> {
        self.more.as_ref()?.quote.as_deref()
    }

    pub fn notes(&self) -> Option<&str> {
        self.more.as_ref()?.notes.as_deref()
    }

    pub fn milestones(&self) -> &[Milestone] {
        self.more.as_ref().map_or(&[], |m| &m.milestones)
    }

    /// Completions written in the registry itself, by period key.
    pub fn done(&self) -> &[(String, Completion)] {
        self.more.as_ref().map_or(&[], |m| &m.done)
    }

    /// The obligation's completions as written in the registry.
    pub fn known_completions(&self) -> impl Iterator<Item = ((String, String), Completion)> + '_ {
        self.done()
            .iter()
            .map(|(period, c)| ((self.id.to_string(), period.clone()), c.clone()))
    }
}

//! What a registry change does: the occurrences it adds, removes or moves within a window,
//! and the obligations whose title, recipient or mandate it changes. A pure function of
//! the two registries, the window and the ledger; `render::diff` shows it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::dates;
use crate::engine;
use crate::ledger::{Ledger, Record};
use crate::model::{Obligation, Registry, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// An obligation's title, recipient or mandate is not what it was.
    Changed,
    Added,
    Removed,
    /// The same period falls due on another day.
    Moved,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Changed => "changed",
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Moved => "moved",
        }
    }
}

/// One row of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: Kind,
    pub id: String,
    /// The occurrence's period key; `None` for a change to the obligation itself, or for an
    /// obligation added or removed that has no occurrence in the window.
    pub period: Option<String>,
    pub old_due: Option<NaiveDate>,
    pub new_due: Option<NaiveDate>,
    /// For [`Kind::Changed`]: `title`, `title.fr`, `to` or `mandate`, with both values.
    pub field: Option<&'static str>,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The ledger's standing record for the occurrence, for a removed occurrence (the
    /// record will match nothing) and a moved one (its verdict may change).
    pub recorded: Option<Record>,
}

impl Change {
    fn new(kind: Kind, id: &str) -> Change {
        Change {
            kind,
            id: id.to_owned(),
            period: None,
            old_due: None,
            new_due: None,
            field: None,
            old: None,
            new: None,
            recorded: None,
        }
    }

    /// The day the row is about, for ordering.
    fn day(&self) -> Option<NaiveDate> {
        match self.kind {
            Kind::Removed => self.old_due,
            _ => self.new_due.or(self.old_due),
        }
    }
}

/// How far beyond the window occurrences are matched, so that one moved out of (or into)
/// the window is reported as moved rather than removed (or added): offsets and meeting
/// moves stay within a year.
const REACH_DAYS: i64 = 366;

/// The changes from `old` to `new` for occurrences due within `from..=until` in either
/// registry, plus every occurrence the ledger holds a standing record for that `new` no
/// longer has. Obligation rows come first, by id; then occurrences, by date.
pub fn diff(
    old: &Registry,
    new: &Registry,
    from: NaiveDate,
    until: NaiveDate,
    ledger: &Ledger,
) -> Vec<Change> {
    let lo = dates::add_days(from, -REACH_DAYS).unwrap_or(from);
    let hi = dates::add_days(until, REACH_DAYS).unwrap_or(until);
    let inside = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= until);
    let mut ids: Vec<&str> = new.obligations.iter().map(|o| &*o.id).collect();
    ids.extend(
        old.obligations
            .iter()
            .map(|o| &*o.id)
            .filter(|id| new.obligation(id).is_none()),
    );

    let mut out = Vec::new();
    for id in ids {
        let (was, is) = (old.obligation(id), new.obligation(id));
        if let (Some(was), Some(is)) = (was, is) {
            out.extend(fields(was, is));
        }
        let before = due_dates(old, was, lo, hi);
        let after = due_dates(new, is, lo, hi);
        let periods: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        let first = out.len();
        for period in periods {
            let (old_due, new_due) = (before.get(period).copied(), after.get(period).copied());
            let kind = match (old_due, new_due) {
                (Some(_), None) => Kind::Removed,
                (None, Some(_)) => Kind::Added,
                (Some(a), Some(b)) if a != b => Kind::Moved,
                _ => continue,
            };
            let recorded = ledger.standing(id, period).cloned();
            let shown = inside(old_due) || inside(new_due);
            if !(shown || kind == Kind::Removed && recorded.is_some()) {
                continue;
            }
            out.push(Change {
                period: Some(period.clone()),
                old_due,
                new_due,
                recorded: recorded.filter(|_| kind != Kind::Added),
                ..Change::new(kind, id)
            });
        }
        // An obligation that comes or goes is said even with no occurrence in the window.
        let whole = match (was, is) {
            (None, Some(_)) => Some(Kind::Added),
            (Some(_), None) => Some(Kind::Removed),
            _ => None,
        };
        if let Some(kind) = whole
            && out.len() == first
        {
            out.push(Change::new(kind, id));
        }
    }
    out.extend(orphans(old, new, ledger, from, &out));
    out.sort_by(|a, b| {
        (a.period.is_some(), a.day(), &a.id, &a.period).cmp(&(
            b.period.is_some(),
            b.day(),
            &b.id,
            &b.period,
        ))
    });
    out
}

/// The occurrences of one obligation due within `lo..=hi`, by period key.
fn due_dates(
    reg: &Registry,
    ob: Option<&Obligation>,
    lo: NaiveDate,
    hi: NaiveDate,
) -> BTreeMap<String, NaiveDate> {
    let Some(ob) = ob else {
        return BTreeMap::new();
    };
    engine::occurrences(reg, ob, lo, hi)
        .into_iter()
        .filter_map(|o| Some((o.period.text(), o.due?)))
        .collect()
}

/// Standing ledger records, outside the matched span, whose occurrence `old` has and `new`
/// has not.
fn orphans(
    old: &Registry,
    new: &Registry,
    ledger: &Ledger,
    today: NaiveDate,
    seen: &[Change],
) -> Vec<Change> {
    let mut out = Vec::new();
    for record in &ledger.records {
        let said = seen
            .iter()
            .chain(out.iter())
            .any(|c| c.id == record.id && c.period.as_deref() == Some(&record.period));
        if said || ledger.standing(&record.id, &record.period) != Some(record) {
            continue;
        }
        let at = |reg: &Registry| {
            let ob = reg.obligation(&record.id)?;
            engine::with_key(reg, ob, &record.period, today)?.due
        };
        if let (Some(old_due), None) = (at(old), at(new)) {
            out.push(Change {
                period: Some(record.period.clone()),
                old_due: Some(old_due),
                recorded: Some(record.clone()),
                ..Change::new(Kind::Removed, &record.id)
            });
        }
    }
    out
}

/// The obligation's title (in each language), recipient and mandate, where they differ.
fn fields(was: &Obligation, is: &Obligation) -> Vec<Change> {
    fn en(t: Option<&Text>) -> Option<&str> {
        t.map(|t| t.en.as_ref())
    }
    fn fr(t: Option<&Text>) -> Option<&str> {
        t.and_then(|t| t.fr.as_deref())
    }
    let pairs: [(&'static str, Option<&str>, Option<&str>); 5] = [
        ("title", Some(&was.title.en), Some(&is.title.en)),
        ("title.fr", was.title.fr.as_deref(), is.title.fr.as_deref()),
        ("to", en(was.to()), en(is.to())),
        ("to.fr", fr(was.to()), fr(is.to())),
        ("mandate", was.mandate(), is.mandate()),
    ];
    pairs
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, a, b)| Change {
            field: Some(field),
            old: a.map(str::to_owned),
            new: b.map(str::to_owned),
            ..Change::new(Kind::Changed, &is.id)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::ledger::Action;
    use crate::model::Origin;

    const BASE: &str = r#"
schema = 1
title = "t"
timezone = "UTC"

[meetings.council]
name = "Council"
dates = { 2027 = "2027-06-15..2027-06-25", 2028 = "2028-06-13..2028-06-23" }

[[obligation]]
id = "to-council"
title = "Report to Council"
to = "Council"
every = "year"
due = "council - 30d"

[[obligation]]
id = "fixed"
title = "Fixed"
every = "year"
due = "03-31"

[[obligation]]
id = "duty"
title = "Standing duty"
"#;

    fn reg(text: &str) -> Registry {
        crate::registry::parse(text, Origin::File(PathBuf::from("r.toml"))).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        dates::parse_date(s).unwrap()
    }

    fn run(old: &str, new: &str, ledger: &Ledger) -> Vec<(Kind, String, Option<String>)> {
        diff(
            &reg(old),
            &reg(new),
            d("2027-01-01"),
            d("2028-12-31"),
            ledger,
        )
        .into_iter()
        .map(|c| (c.kind, c.id, c.period))
        .collect()
    }

    fn row(kind: Kind, id: &str, period: Option<&str>) -> (Kind, String, Option<String>) {
        (kind, id.to_owned(), period.map(str::to_owned))
    }

    #[test]
    fn the_same_registry_changes_nothing() {
        assert!(run(BASE, BASE, &Ledger::default()).is_empty());
    }

    #[test]
    fn a_moved_meeting_moves_its_deadlines_only() {
        let moved = BASE.replace("2027-06-15..2027-06-25", "2027-06-01..2027-06-11");
        let changes = diff(
            &reg(BASE),
            &reg(&moved),
            d("2027-01-01"),
            d("2028-12-31"),
            &Ledger::default(),
        );
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].kind, Kind::Moved);
        assert_eq!(changes[0].period.as_deref(), Some("2027"));
        assert_eq!(changes[0].old_due, Some(d("2027-05-16")));
        assert_eq!(changes[0].new_due, Some(d("2027-05-02")));
    }

    #[test]
    fn obligations_added_removed_and_retitled() {
        let new = BASE
            .replace("id = \"fixed\"", "id = \"fixed2\"")
            .replace(
                "title = \"Report to Council\"",
                "title = \"Annual report to Council\"",
            )
            .replace(
                "title = \"Standing duty\"",
                "title = \"Standing duty\"\nto = \"All\"",
            );
        assert_eq!(
            run(BASE, &new, &Ledger::default()),
            [
                row(Kind::Changed, "duty", None),
                row(Kind::Changed, "to-council", None),
                row(Kind::Removed, "fixed", Some("2027")),
                row(Kind::Added, "fixed2", Some("2027")),
                row(Kind::Removed, "fixed", Some("2028")),
                row(Kind::Added, "fixed2", Some("2028")),
            ]
        );
        // An ongoing duty has no occurrence: it comes and goes as a whole.
        let without = BASE.replace("id = \"duty\"", "id = \"other-duty\"");
        assert_eq!(
            run(BASE, &without, &Ledger::default()),
            [
                row(Kind::Removed, "duty", None),
                row(Kind::Added, "other-duty", None)
            ]
        );
    }

    #[test]
    fn records_against_removed_periods_are_named_wherever_they_fall() {
        let mut ledger = Ledger::default();
        let done = |on: &str| Action::Done {
            on: d(on),
            reference: None,
            note: None,
        };
        ledger.records = vec![
            Record::new("fixed", "2020", done("2020-03-30"), "ana"),
            Record::new("fixed", "2027", done("2027-03-30"), "ana"),
        ];
        let later = BASE.replace(
            "due = \"03-31\"",
            "due = \"03-31\"\nactive_until = 2026-12-31",
        );
        let changes = diff(
            &reg(BASE),
            &reg(&later),
            d("2027-01-01"),
            d("2028-12-31"),
            &ledger,
        );
        let named: Vec<(&str, bool)> = changes
            .iter()
            .map(|c| (c.period.as_deref().unwrap(), c.recorded.is_some()))
            .collect();
        assert_eq!(named, [("2027", true), ("2028", false)]);
        // Outside the window, a record for a period the change removes is still named.
        let earlier = BASE.replace(
            "due = \"03-31\"",
            "due = \"03-31\"\nactive_from = 2021-01-01",
        );
        let changes = diff(
            &reg(BASE),
            &reg(&earlier),
            d("2027-01-01"),
            d("2028-12-31"),
            &ledger,
        );
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(changes[0].period.as_deref(), Some("2020"));
        assert_eq!(changes[0].old_due, Some(d("2020-03-31")));
        assert!(changes[0].recorded.is_some());
    }
}

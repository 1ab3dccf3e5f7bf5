//! `due done`, `due waive`, `due undo` and `due history`: what the commands record, checked
//! against the registry, and what they say about it.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::dates;
use crate::engine::{self, Occurrence};
use crate::ledger::{self, Action, Ledger, LedgerError, Location, Record};
use crate::model::{Completion, Completions, Obligation, Outcome, Registry, Rule};
use crate::render::{self, Cell, Emphasis, Listing};

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error("no obligation `{0}` in the registry (see `due list` for the ids)")]
    UnknownObligation(String),
    #[error(
        "`{id}` has no period `{period}` (expected a period key such as {examples}; see `due show {id}`)"
    )]
    UnknownPeriod {
        id: String,
        period: String,
        examples: String,
    },
    #[error("`{0}` has no open occurrence to record (name the period: see `due show {0}`)")]
    NothingOpen(String),
    #[error("`{0}` is an ongoing duty with no deadline: it has no occurrence to record")]
    Ongoing(String),
    #[error("--on {on} is after today ({today}): record a delivery once it has happened")]
    Future { on: NaiveDate, today: NaiveDate },
    #[error("{0} is empty (expected some text)")]
    Empty(&'static str),
    #[error("nothing recorded in the ledger for `{id}` {period} to undo{hint}")]
    NotRecorded {
        id: String,
        period: String,
        hint: String,
    },
}

/// What the recording commands work on.
pub struct Context<'a> {
    pub registry: &'a Registry,
    pub ledger: &'a Location,
    pub today: NaiveDate,
    /// How long to wait for another writer's lock.
    pub lock_timeout: std::time::Duration,
}

/// The registry's own completions with the ledger on top: what every listing judges by.
pub fn completions(registry: &Registry, ledger: &Ledger) -> Completions {
    let own: Completions = registry
        .obligations
        .iter()
        .flat_map(Obligation::known_completions)
        .collect();
    ledger.overlay(&own)
}

pub fn done(
    cx: &Context<'_>,
    id: &str,
    period: Option<&str>,
    on: Option<NaiveDate>,
    reference: Option<&str>,
    note: Option<&str>,
) -> Result<String, RecordError> {
    let ob = obligation(cx.registry, id)?;
    let on = on.unwrap_or(cx.today);
    if on > cx.today {
        return Err(RecordError::Future {
            on,
            today: cx.today,
        });
    }
    let action = Action::Done {
        on,
        reference: text(reference, "--ref")?,
        note: text(note, "--note")?,
    };
    let named = match period {
        Some(p) => Some(occurrence(cx, ob, p)?),
        None => {
            // Checked before taking the lock so that a mistake leaves no trace, and again
            // under it, where a concurrent `due done` may have taken this occurrence.
            oldest_open(
                cx,
                ob,
                &completions(cx.registry, &Ledger::load(&cx.ledger.path)?),
            )?;
            None
        }
    };
    let mut picked = None;
    write(cx, |book| {
        let occ = match named {
            Some(occ) => occ,
            None => oldest_open(cx, ob, &completions(cx.registry, book))?,
        };
        let record = Record::new(id, &occ.period.text(), action);
        picked = Some(occ);
        Ok(record)
    })?;
    let occ = picked.expect("the record was written for an occurrence");
    let due = occ.due.expect("occurrences with a period have a due date");
    let verdict = if on > due {
        let late = (on - due).num_days();
        format!(
            "done-late on {on} (due {due}, {} late)",
            render::counted(late, "day", "days")
        )
    } else {
        format!("done on {on} (due {due})")
    };
    Ok(format!(
        "{id} {}: {verdict}{}; recorded in {}",
        occ.period,
        reference.map(|r| format!(", ref {r}")).unwrap_or_default(),
        cx.ledger.path.display()
    ))
}

pub fn waive(
    cx: &Context<'_>,
    id: &str,
    period: &str,
    reason: &str,
) -> Result<String, RecordError> {
    let ob = obligation(cx.registry, id)?;
    let occ = occurrence(cx, ob, period)?;
    let reason = text(Some(reason), "--reason")?.ok_or(RecordError::Empty("--reason"))?;
    let action = Action::Waived {
        on: cx.today,
        reason,
    };
    write(cx, |_| Ok(Record::new(id, &occ.period.text(), action)))?;
    Ok(format!(
        "{id} {}: waived on {}; recorded in {}",
        occ.period,
        cx.today,
        cx.ledger.path.display()
    ))
}

/// Undo works on what the ledger holds, so a record whose obligation or period has left the
/// registry can still be withdrawn.
pub fn undo(cx: &Context<'_>, id: &str, period: &str) -> Result<String, RecordError> {
    let book = Ledger::load(&cx.ledger.path)?;
    let key = match book.standing(id, period) {
        Some(_) => period.to_owned(),
        None => {
            let ob = obligation(cx.registry, id)?;
            occurrence(cx, ob, period)?.period.text()
        }
    };
    let not_recorded = || {
        let in_registry = cx
            .registry
            .obligation(id)
            .is_some_and(|ob| ob.done.iter().any(|(p, _)| *p == key));
        let hint = if in_registry {
            format!(
                " (its completion is written in the registry {}: edit it there)",
                cx.registry.origin
            )
        } else {
            String::new()
        };
        RecordError::NotRecorded {
            id: id.to_owned(),
            period: key.clone(),
            hint,
        }
    };
    if book.standing(id, &key).is_none() {
        return Err(not_recorded());
    }
    let mut was = "";
    write(cx, |book| {
        // A concurrent `due undo` may have withdrawn it since.
        was = book
            .standing(id, &key)
            .ok_or_else(not_recorded)?
            .action
            .name();
        Ok(Record::new(id, &key, Action::Undone))
    })?;
    let now = completions(cx.registry, &Ledger::load(&cx.ledger.path)?);
    let left = match now.get(&(id.to_owned(), key.clone())) {
        Some(c) => format!("the registry's own record stands ({})", describe(c)),
        None => "open again".to_owned(),
    };
    Ok(format!(
        "{id} {key}: {was} record withdrawn, {left}; recorded in {}",
        cx.ledger.path.display()
    ))
}

/// The ledger's records, newest first; an id that neither the registry nor the ledger knows
/// is a mistake worth saying so.
pub fn history(cx: &Context<'_>, id: Option<&str>) -> Result<Vec<Record>, RecordError> {
    let book = Ledger::load(&cx.ledger.path)?;
    if let Some(id) = id
        && cx.registry.obligation(id).is_none()
        && !book.records.iter().any(|r| r.id == id)
    {
        return Err(RecordError::UnknownObligation(id.to_owned()));
    }
    Ok(book.history(id).into_iter().cloned().collect())
}

/// The history as rows: JSON and CSV carry each field, the table folds them into details.
pub fn listing(records: &[Record]) -> Listing<'static> {
    let mut l = Listing::new(&[
        ("recorded_at", Some("Recorded (UTC)")),
        ("by", Some("By")),
        ("id", Some("Obligation")),
        ("period", Some("Period")),
        ("action", Some("Action")),
        ("on", Some("On")),
        ("details", Some("Details")),
        ("ref", None),
        ("note", None),
        ("reason", None),
    ]);
    for r in records {
        let (on, reference, note, reason) = match &r.action {
            Action::Done {
                on,
                reference,
                note,
            } => (Some(*on), reference.as_deref(), note.as_deref(), None),
            Action::Waived { on, reason } => (Some(*on), None, None, Some(reason.as_str())),
            Action::Undone => (None, None, None, None),
        };
        let details: Vec<String> = [("ref", reference), ("note", note), ("reason", reason)]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k}: {v}")))
            .collect();
        l.push(
            vec![
                Cell::text(r.recorded_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
                Cell::opt_text(r.by.as_deref()),
                Cell::text(&r.id),
                Cell::text(&r.period),
                Cell::text(r.action.name()),
                Cell::opt_date(on),
                Cell::text(details.join("; ")),
                Cell::opt_text(reference),
                Cell::opt_text(note),
                Cell::opt_text(reason),
            ],
            Emphasis::None,
        );
    }
    l.display_only(&["details"]);
    l
}

/// What `due validate` says about the ledger: standing records that point nowhere. A
/// withdrawn record affects nothing, so `due undo` is how a warning is answered.
pub fn check(registry: &Registry, book: &Ledger, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<(&str, &str)> = None;
    for r in &book.records {
        if last == Some((&r.id, &r.period)) {
            continue;
        }
        last = Some((&r.id, &r.period));
        if book.standing(&r.id, &r.period).is_none() {
            continue;
        }
        match registry.obligation(&r.id) {
            None => out.push(format!(
                "ledger record for `{}` {}: no such obligation in the registry",
                r.id, r.period
            )),
            Some(ob) if engine::with_key(registry, ob, &r.period, today).is_none() => {
                out.push(format!(
                    "ledger record for `{}` {}: the obligation has no such period any more",
                    r.id, r.period
                ))
            }
            Some(_) => {}
        }
    }
    out
}

fn describe(c: &Completion) -> String {
    match &c.outcome {
        Outcome::Done => format!("done on {}", c.on),
        Outcome::Waived { reason } => format!("waived on {}: {reason}", c.on),
    }
}

fn text(value: Option<&str>, flag: &'static str) -> Result<Option<String>, RecordError> {
    match value.map(str::trim) {
        Some("") => Err(RecordError::Empty(flag)),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Adds the record `make` draws from the ledger as it stands under the lock.
fn write(
    cx: &Context<'_>,
    make: impl FnOnce(&Ledger) -> Result<Record, RecordError>,
) -> Result<(), RecordError> {
    if cx.ledger.source == ledger::Source::DataDir
        && let Some(dir) = cx.ledger.path.parent()
    {
        crate::files::create_private_dir(dir)
            .map_err(|e| LedgerError::write(&cx.ledger.path, e))?;
    }
    ledger::append(&cx.ledger.path, cx.lock_timeout, make)?;
    Ok(())
}

fn obligation<'r>(registry: &'r Registry, id: &str) -> Result<&'r Obligation, RecordError> {
    let ob = registry
        .obligation(id)
        .ok_or_else(|| RecordError::UnknownObligation(id.to_owned()))?;
    if matches!(ob.rule, Rule::Ongoing) {
        return Err(RecordError::Ongoing(id.to_owned()));
    }
    Ok(ob)
}

/// The occurrence a typed period names: a key, or a year for a per-meeting obligation.
fn occurrence<'r>(
    cx: &Context<'r>,
    ob: &'r Obligation,
    typed: &str,
) -> Result<Occurrence<'r>, RecordError> {
    engine::resolve(cx.registry, ob, typed, cx.today).ok_or_else(|| RecordError::UnknownPeriod {
        id: ob.id.to_string(),
        period: typed.to_owned(),
        examples: examples(cx, ob),
    })
}

fn examples(cx: &Context<'_>, ob: &Obligation) -> String {
    let from = dates::add_days(cx.today, -366).unwrap_or(cx.today);
    let to = dates::add_days(cx.today, 2 * 366).unwrap_or(cx.today);
    let keys: Vec<String> = engine::occurrences(cx.registry, ob, from, to)
        .into_iter()
        .take(3)
        .map(|o| o.period.text())
        .collect();
    if keys.is_empty() {
        "none near today".to_owned()
    } else {
        keys.join(", ")
    }
}

/// The oldest overdue occurrence, else the next one to fall due.
fn oldest_open<'r>(
    cx: &Context<'r>,
    ob: &'r Obligation,
    completions: &Completions,
) -> Result<Occurrence<'r>, RecordError> {
    match engine::standing(cx.registry, ob, completions, cx.today).current {
        // Rebuilt so that it borrows the registry only, not the completions it was judged by.
        Some(item) if item.state.is_open() => Ok(Occurrence {
            obligation: ob,
            period: item.occurrence.period.into_owned(),
            meeting: item.occurrence.meeting.map(|m| Cow::Owned(m.into_owned())),
            ..item.occurrence
        }),
        _ => Err(RecordError::NothingOpen(ob.id.to_string())),
    }
}

//! `due diff` as a listing: one row per change, in every format.

use super::{Cell, Emphasis, Listing};
use crate::diff::{Change, Kind};
use crate::ledger::Action;

/// The comparison's rows. JSON and CSV carry each field; the table folds the changed
/// values, the shift of a moved date and the ledger's record into one column.
pub fn diff(changes: &[Change]) -> Listing<'static> {
    let mut l = Listing::new(&[
        ("change", Some("Change")),
        ("id", Some("Obligation")),
        ("period", Some("Period")),
        ("old_due", Some("Old due")),
        ("new_due", Some("New due")),
        ("details", Some("Details")),
        ("field", None),
        ("old", None),
        ("new", None),
        ("recorded", None),
        ("recorded_on", None),
    ]);
    for c in changes {
        let (recorded, recorded_on) = match c.recorded.as_ref().map(|r| &r.action) {
            Some(Action::Done { on, .. }) => (Some("done"), Some(*on)),
            Some(Action::Waived { on, .. }) => (Some("waived"), Some(*on)),
            Some(Action::Undone) | None => (None, None),
        };
        l.push(
            vec![
                Cell::fixed(c.kind.as_str()),
                Cell::text(&c.id),
                Cell::opt_text(c.period.as_deref()),
                Cell::opt_date(c.old_due),
                Cell::opt_date(c.new_due),
                Cell::text(details(c, recorded.zip(recorded_on))),
                Cell::opt_text(c.field),
                Cell::opt_text(c.old.as_deref()),
                Cell::opt_text(c.new.as_deref()),
                Cell::opt_text(recorded),
                Cell::opt_date(recorded_on),
            ],
            if c.kind == Kind::Removed && recorded.is_some() {
                Emphasis::Alert
            } else {
                Emphasis::None
            },
        );
    }
    l.display_only(&["details"]);
    l
}

fn details(c: &Change, recorded: Option<(&str, chrono::NaiveDate)>) -> String {
    let mut parts = Vec::new();
    if let Some(field) = c.field {
        let show = |v: Option<&str>| v.map_or_else(|| "(none)".to_owned(), |v| format!("\"{v}\""));
        parts.push(format!(
            "{field}: {} -> {}",
            show(c.old.as_deref()),
            show(c.new.as_deref())
        ));
    }
    if let (Some(old), Some(new)) = (c.old_due, c.new_due) {
        let days = (new - old).num_days();
        let (n, way) = if days < 0 {
            (-days, "earlier")
        } else {
            (days, "later")
        };
        parts.push(format!("{n} day{} {way}", if n == 1 { "" } else { "s" }));
    }
    if let Some((action, on)) = recorded {
        let fate = match c.kind {
            Kind::Removed => "the record no longer matches a period",
            _ => "judged against the new date",
        };
        parts.push(format!("ledger: {action} on {on}, {fate}"));
    }
    parts.join("; ")
}

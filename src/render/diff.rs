//! `due diff` as a listing: one row per change, in every format.

use super::{Cell, Emphasis, Listing};
use crate::diff::{Change, Kind};
use crate::i18n::{self, Msg};
use crate::ledger::Action;
use crate::model::Lang;

/// The comparison's rows. JSON and CSV carry each field; the table folds the changed
/// values, the shift of a moved date and the ledger's record into one column.
pub fn diff(changes: &[Change], lang: Lang) -> Listing<'static> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("change", None),
        ("change_label", h(Msg::ColChange)),
        ("id", h(Msg::ColObligation)),
        ("period", h(Msg::ColPeriod)),
        ("old_due", h(Msg::ColOldDue)),
        ("new_due", h(Msg::ColNewDue)),
        ("details", h(Msg::ColDetails)),
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
        let label = i18n::t(
            lang,
            match c.kind {
                Kind::Changed => Msg::ChangeChanged,
                Kind::Added => Msg::ChangeAdded,
                Kind::Removed => Msg::ChangeRemoved,
                Kind::Moved => Msg::ChangeMoved,
            },
        );
        l.push(
            vec![
                Cell::fixed(c.kind.as_str()),
                Cell::fixed(label),
                Cell::text(&c.id),
                Cell::opt_text(c.period.as_deref()),
                Cell::opt_date(c.old_due),
                Cell::opt_date(c.new_due),
                Cell::text(details(c, c.recorded.as_ref().map(|r| &r.action), lang)),
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
    l.display_only(&["change_label", "details"]);
    l
}

fn details(c: &Change, recorded: Option<&Action>, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(field) = c.field {
        let show = |v: Option<&str>| {
            v.map_or_else(
                || i18n::t(lang, Msg::DiffNone).to_owned(),
                |v| format!("\"{v}\""),
            )
        };
        parts.push(format!(
            "{field}: {} -> {}",
            show(c.old.as_deref()),
            show(c.new.as_deref())
        ));
    }
    if let (Some(old), Some(new)) = (c.old_due, c.new_due) {
        let days = (new - old).num_days();
        parts.push(if days < 0 {
            i18n::count(lang, -days, Msg::DiffEarlierOne, Msg::DiffEarlier)
        } else {
            i18n::count(lang, days, Msg::DiffLaterOne, Msg::DiffLater)
        });
    }
    let done = |on| (i18n::state(lang, crate::engine::State::Done), on);
    let waived = |on| (i18n::state(lang, crate::engine::State::Waived), on);
    let action = match recorded {
        Some(Action::Done { on, .. }) => Some(done(on)),
        Some(Action::Waived { on, .. }) => Some(waived(on)),
        Some(Action::Undone) | None => None,
    };
    if let Some((action, on)) = action {
        let fate = i18n::t(
            lang,
            match c.kind {
                Kind::Removed => Msg::DiffGone,
                _ => Msg::DiffJudged,
            },
        );
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("action", &action), ("on", on), ("fate", &fate)];
        parts.push(i18n::f(lang, Msg::DiffLedger, &args));
    }
    parts.join("; ")
}

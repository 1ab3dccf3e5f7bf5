//! Which rows a listing keeps: `--owner`, `--recipient`, `--state` and `--id`. Every listing
//! command (`due`, `overdue`, `remind`, `status`, `list`, `ics`) asks the engine as it would
//! unfiltered and keeps the rows this one predicate admits, so a filtered view is always the
//! unfiltered one restricted, in the same order, and no two views can disagree about it.

use std::fmt;

use globset::{Glob, GlobMatcher};

use crate::diag;
use crate::engine::{Agenda, Item, Standing, State};
use crate::model::{Obligation, Text};

/// The filters given on the command line; an empty one keeps every row.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    owner: Option<Needle>,
    recipient: Option<Needle>,
    /// Any of these states; every state when empty.
    states: Vec<State>,
    id: Option<(String, GlobMatcher)>,
}

/// A case-insensitive substring to find in a field.
#[derive(Clone, Debug)]
struct Needle {
    given: String,
    lower: String,
}

impl Needle {
    fn new(given: &str) -> Needle {
        Needle {
            given: given.to_owned(),
            lower: given.to_lowercase(),
        }
    }

    /// Whether the text holds the needle, in either of its languages. No text, no match.
    fn in_text(&self, text: Option<&Text>) -> bool {
        let Some(text) = text else {
            return false;
        };
        let holds = |s: &str| s.to_lowercase().contains(&self.lower);
        holds(&text.en) || text.fr.as_deref().is_some_and(holds)
    }
}

/// Why the filters given cannot be used; the `Display` is the catalogue's English.
#[derive(Debug, PartialEq, Eq)]
pub enum FilterError {
    UnknownState {
        given: String,
        near: Option<&'static str>,
    },
    BadGlob {
        pattern: String,
        why: String,
    },
}

impl std::error::Error for FilterError {}

/// The states `--state` takes, as JSON writes them: `overdue, due-soon, …`.
pub fn state_names() -> String {
    let names: Vec<&str> = State::ALL.iter().map(|s| s.as_str()).collect();
    names.join(", ")
}

impl Filter {
    /// The filters from the options' values. `states` are the values of every `--state`,
    /// each a state or several separated by commas.
    pub fn new(
        owner: Option<&str>,
        recipient: Option<&str>,
        states: &[String],
        id: Option<&str>,
    ) -> Result<Filter, FilterError> {
        let names: Vec<&str> = State::ALL.iter().map(|s| s.as_str()).collect();
        let mut wanted = Vec::new();
        for given in states.iter().flat_map(|s| s.split(',')).map(str::trim) {
            let state = State::ALL
                .into_iter()
                .find(|s| s.as_str().eq_ignore_ascii_case(given))
                .ok_or_else(|| FilterError::UnknownState {
                    given: given.to_owned(),
                    near: diag::suggest(&given.to_ascii_lowercase(), &names),
                })?;
            if !wanted.contains(&state) {
                wanted.push(state);
            }
        }
        let id = id
            .map(|pattern| {
                Glob::new(pattern)
                    .map(|g| (pattern.to_owned(), g.compile_matcher()))
                    .map_err(|e| FilterError::BadGlob {
                        pattern: pattern.to_owned(),
                        why: e.kind().to_string(),
                    })
            })
            .transpose()?;
        Ok(Filter {
            owner: owner.map(Needle::new),
            recipient: recipient.map(Needle::new),
            states: wanted,
            id,
        })
    }

    /// No filter given: every row is kept.
    pub fn is_empty(&self) -> bool {
        self.owner.is_none()
            && self.recipient.is_none()
            && self.states.is_empty()
            && self.id.is_none()
    }

    /// Whether the obligation passes `--owner`, `--recipient` and `--id`.
    pub fn selects(&self, ob: &Obligation) -> bool {
        self.id
            .as_ref()
            .is_none_or(|(_, glob)| glob.is_match(&*ob.id))
            && self.owner.as_ref().is_none_or(|n| n.in_text(ob.owner()))
            && self.recipient.as_ref().is_none_or(|n| n.in_text(ob.to()))
    }

    /// Whether a row of this obligation in this state is kept.
    pub fn keeps(&self, ob: &Obligation, state: State) -> bool {
        (self.states.is_empty() || self.states.contains(&state)) && self.selects(ob)
    }

    /// Keeps the rows the filters admit, in their order.
    pub fn retain<R: Row>(&self, rows: &mut Vec<R>) {
        if !self.is_empty() {
            rows.retain(|r| self.keeps(r.obligation(), r.state()));
        }
    }

    /// Keeps the agenda's items the filters admit, in their order.
    pub fn retain_agenda(&self, agenda: &mut Agenda<'_>) {
        if !self.is_empty() {
            agenda.retain(|ob, state| self.keeps(ob, state));
        }
    }
}

/// The filters as they were given, for the note under a listing they emptied:
/// `--owner "wsis" --state overdue,due-soon`.
impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(n) = &self.owner {
            parts.push(format!("--owner {:?}", n.given));
        }
        if let Some(n) = &self.recipient {
            parts.push(format!("--recipient {:?}", n.given));
        }
        if !self.states.is_empty() {
            let names: Vec<&str> = self.states.iter().map(|s| s.as_str()).collect();
            parts.push(format!("--state {}", names.join(",")));
        }
        if let Some((pattern, _)) = &self.id {
            parts.push(format!("--id {pattern:?}"));
        }
        f.write_str(&parts.join(" "))
    }
}

/// A row of a listing, as the filters see it: whose it is and in what state.
pub trait Row {
    fn obligation(&self) -> &Obligation;
    fn state(&self) -> State;
}

impl Row for Item<'_> {
    fn obligation(&self) -> &Obligation {
        self.occurrence.obligation
    }

    fn state(&self) -> State {
        self.state
    }
}

impl Row for Standing<'_> {
    fn obligation(&self) -> &Obligation {
        self.obligation
    }

    fn state(&self) -> State {
        Standing::state(self)
    }
}

/// A row with what goes with it: an item and its milestones (`remind`), a standing and its
/// last closed occurrence (`status`).
impl<R: Row, T> Row for (R, T) {
    fn obligation(&self) -> &Obligation {
        self.0.obligation()
    }

    fn state(&self) -> State {
        self.0.state()
    }
}

#[cfg(test)]
mod tests;

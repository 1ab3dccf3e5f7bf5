//! The common refusals in the language asked for. The error kinds keep their English
//! messages (scripts and logs read them); a French reader gets these instead, at the point
//! of display.

use super::{Msg, f, state, t};
use crate::filter::{self, FilterError};
use crate::model::Lang;
use crate::record::{Candidate, RecordError};
use crate::registry::RegistryError;

/// The error as the user reads it: in French when asked and the kind is one the catalogue
/// knows, else as it is.
pub fn localize(err: anyhow::Error, lang: Lang) -> anyhow::Error {
    if lang == Lang::En {
        return err;
    }
    match text(&err, lang) {
        Some(text) => anyhow::anyhow!(text),
        None => err,
    }
}

/// The catalogue's text for the error, for the kinds it covers.
pub fn text(err: &anyhow::Error, lang: Lang) -> Option<String> {
    if let Some(e) = err.downcast_ref::<RecordError>() {
        return Some(match e {
            RecordError::UnknownObligation { id, suggestion } => {
                let hint = match suggestion {
                    Some(s) => f(lang, Msg::ErrDidYouMean, &[("id", s)]),
                    None => t(lang, Msg::ErrListShowsIds).to_owned(),
                };
                f(
                    lang,
                    Msg::ErrUnknownObligation,
                    &[("id", id), ("hint", &hint)],
                )
            }
            RecordError::UnknownPeriod {
                id,
                period,
                nearest,
            } => {
                let nearest = candidates(nearest, lang);
                let args: [(&str, &dyn std::fmt::Display); 3] =
                    [("id", id), ("period", period), ("nearest", &nearest)];
                f(lang, Msg::ErrUnknownPeriod, &args)
            }
            RecordError::NothingOpen(id) => f(lang, Msg::ErrNothingOpen, &[("id", id)]),
            _ => return None,
        });
    }
    if let Some(e) = err.downcast_ref::<FilterError>() {
        return Some(match e {
            FilterError::UnknownState { given, near } => {
                let states = filter::state_names();
                match near {
                    Some(near) => f(
                        lang,
                        Msg::ErrUnknownStateNear,
                        &[("given", given), ("near", near), ("states", &states)],
                    ),
                    None => f(
                        lang,
                        Msg::ErrUnknownState,
                        &[("given", given), ("states", &states)],
                    ),
                }
            }
            FilterError::BadGlob { pattern, why } => {
                f(lang, Msg::ErrBadGlob, &[("pattern", pattern), ("why", why)])
            }
        });
    }
    match err.downcast_ref::<RegistryError>()? {
        RegistryError::Missing(path) => Some(f(
            lang,
            Msg::ErrRegistryMissing,
            &[("path", &path.display())],
        )),
        RegistryError::Directory(path) => Some(f(
            lang,
            Msg::ErrRegistryDirectory,
            &[("path", &path.display())],
        )),
        _ => None,
    }
}

fn candidates(list: &[Candidate], lang: Lang) -> String {
    if list.is_empty() {
        return t(lang, Msg::ErrNoneNear).to_owned();
    }
    let one = |c: &Candidate| {
        // The state as data formats name it in English, where error messages always had it.
        let name = match lang {
            Lang::En => c.state.as_str(),
            Lang::Fr => state(lang, c.state),
        };
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("period", &c.period), ("state", &name), ("date", &c.due)];
        f(lang, Msg::ErrCandidate, &args)
    };
    list.iter().map(one).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::engine::State;

    /// The English catalogue says what the error kinds say, so neither drifts from the other.
    #[test]
    fn english_entries_are_the_kinds_own_messages() {
        let near = vec![Candidate {
            period: "2027".into(),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 21).unwrap(),
            state: State::DueSoon,
        }];
        let errors: Vec<anyhow::Error> = vec![
            RecordError::UnknownObligation {
                id: "x".into(),
                suggestion: Some("y".into()),
            }
            .into(),
            RecordError::UnknownObligation {
                id: "x".into(),
                suggestion: None,
            }
            .into(),
            RecordError::UnknownPeriod {
                id: "x".into(),
                period: "2030".into(),
                nearest: near,
            }
            .into(),
            RecordError::UnknownPeriod {
                id: "x".into(),
                period: "2030".into(),
                nearest: Vec::new(),
            }
            .into(),
            RecordError::NothingOpen("x".into()).into(),
            RegistryError::Missing(PathBuf::from("/r.toml")).into(),
            RegistryError::Directory(PathBuf::from("/r")).into(),
            FilterError::UnknownState {
                given: "overdu".into(),
                near: Some("overdue"),
            }
            .into(),
            FilterError::UnknownState {
                given: "late".into(),
                near: None,
            }
            .into(),
            FilterError::BadGlob {
                pattern: "a[".into(),
                why: "unclosed character class".into(),
            }
            .into(),
        ];
        for e in errors {
            assert_eq!(text(&e, Lang::En).as_deref(), Some(e.to_string().as_str()));
            let fr = localize(e, Lang::Fr).to_string();
            assert!(!fr.is_empty());
        }
    }
}

//! Mistakes on the command line that only the command line can make: an id `show` does not
//! know, a `--next` or `--at` it cannot read, a file `init` would overwrite. Each is a kind whose `Display` is the
//! catalogue's English; a French reader gets the French entry.

use std::fmt;

use crate::dates::SpanError;
use crate::engine::AtError;
use crate::i18n::{self, Msg};
use crate::model::Lang;

#[derive(Debug)]
pub enum UsageError {
    /// `due show` of an id the registry does not have.
    UnknownObligation {
        id: String,
        registry: String,
        ids: Vec<String>,
    },
    Next(SpanError),
    /// `--next` reaches past the last date the calendar can hold.
    NextTooFar,
    At {
        at: String,
        error: AtError,
    },
    /// `due init` would overwrite a file without `--force`.
    Exists(std::path::PathBuf),
    LockTimeoutOnListing,
    /// An option given to a command that does not take it.
    NotTaken {
        command: String,
        option: String,
    },
    /// `--format ics` on a command that does not list occurrences.
    IcsHere,
    FormatWithMail,
    /// A value given for a date that is not one.
    NotADate(String),
    /// A value given for an address that is not one, with the reader's reason.
    NotAnAddress {
        text: String,
        why: String,
    },
}

impl std::error::Error for UsageError {}

/// The language the command line asks for before it is parsed: `--lang fr` or `--lang=fr`
/// (the last one given), else the locale. Used to say why the command line was refused.
pub fn lang_of_args(args: &[std::ffi::OsString]) -> Lang {
    let mut asked = None;
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next().map(|w| w.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        match value.as_deref() {
            Some("fr") => asked = Some(Lang::Fr),
            Some("en") => asked = Some(Lang::En),
            Some("auto") => asked = None,
            _ => {}
        }
    }
    asked.unwrap_or_else(|| i18n::lang_from_env(std::env::var_os))
}

/// clap's refusal of a command line, worded from the catalogue for a French reader, for the
/// kinds of mistake people make; `None` keeps clap's own words (always, in English).
pub fn refusal(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let get = |kind| match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let args = |a: &str, v: &str| -> Vec<(&'static str, String)> {
        vec![("arg", a.to_owned()), ("value", v.to_owned())]
    };
    let (key, values, suggested) = match e.kind() {
        ErrorKind::UnknownArgument => (
            Msg::ClapUnknownArgument,
            args(&arg, ""),
            get(ContextKind::SuggestedArg),
        ),
        ErrorKind::InvalidSubcommand => (
            Msg::ClapUnknownCommand,
            args(&get(ContextKind::InvalidSubcommand)?, ""),
            get(ContextKind::SuggestedSubcommand),
        ),
        ErrorKind::InvalidValue => {
            let mut values = args(&arg, &value);
            values.push(("valid", get(ContextKind::ValidValue).unwrap_or_default()));
            let key = if value.is_empty() {
                Msg::ClapMissingValue
            } else {
                Msg::ClapInvalidValue
            };
            (key, values, get(ContextKind::SuggestedValue))
        }
        ErrorKind::ValueValidation => {
            let reason =
                std::error::Error::source(e).map(|s| match s.downcast_ref::<UsageError>() {
                    Some(u) => i18n::errors::usage(u, lang),
                    None => s.to_string(),
                });
            let mut values = args(&arg, &value);
            values.push(("reason", reason?));
            (Msg::ClapValidation, values, None)
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = match e.get(ContextKind::InvalidArg)? {
                ContextValue::Strings(list) => list.join(", "),
                _ => return None,
            };
            (Msg::ClapMissing, args(&missing, ""), None)
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg)?;
            if prior == arg {
                (Msg::ClapTwice, args(&arg, ""), None)
            } else {
                let mut values = args(&arg, "");
                values.push(("prior", prior));
                (Msg::ClapConflict, values, None)
            }
        }
        _ => return None,
    };
    let pairs: Vec<(&str, &dyn fmt::Display)> = values
        .iter()
        .map(|(name, v)| (*name, v as &dyn fmt::Display))
        .collect();
    let mut out = i18n::f(lang, key, &pairs);
    if let Some(s) = suggested {
        out.push_str(&i18n::f(lang, Msg::ClapDidYouMean, &[("suggested", &s)]));
    }
    out.push('\n');
    if let Some(usage) = get(ContextKind::Usage) {
        out.push('\n');
        out.push_str(&i18n::help::usage_line(usage.trim_end(), lang));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(i18n::t(lang, Msg::ClapMore));
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_asked_for_is_read_before_parsing() {
        let args =
            |words: &[&str]| -> Vec<std::ffi::OsString> { words.iter().map(Into::into).collect() };
        assert_eq!(lang_of_args(&args(&["due", "--lang", "fr", "x"])), Lang::Fr);
        assert_eq!(lang_of_args(&args(&["due", "list", "--lang=fr"])), Lang::Fr);
        // The last one given counts, as clap takes it.
        assert_eq!(
            lang_of_args(&args(&["due", "--lang", "fr", "--lang", "en"])),
            Lang::En
        );
        // After `--`, words are values.
        assert_eq!(
            lang_of_args(&args(&["due", "--lang", "en", "--", "--lang", "fr"])),
            Lang::En
        );
    }
}

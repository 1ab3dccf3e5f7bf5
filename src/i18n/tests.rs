use std::collections::BTreeSet;
use std::ffi::OsString;

use super::*;
use crate::engine::State;

/// Entries that read the same in both languages on purpose.
const SAME_IN_BOTH: &[Msg] = &[
    Msg::ColObligation,
    Msg::ColDates,
    Msg::LabelTitleFr,
    // What scripts look for at the end of `due validate`.
    Msg::ValidOk,
    Msg::CountObligation,
    Msg::CountObligations,
    // SMTP's own commands.
    Msg::StepStartTls,
    Msg::StepAuth,
    Msg::StepQuit,
];

/// The `{name}` placeholders of an entry; panics on an unclosed brace.
fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .unwrap_or_else(|| panic!("unclosed placeholder in {text:?}"));
        let name = &after[..close];
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "bad placeholder {{{name}}} in {text:?}"
        );
        names.insert(name);
        rest = &after[close + 1..];
    }
    assert!(!rest.contains('}'), "stray brace in {text:?}");
    names
}

#[test]
fn every_message_is_written_in_both_languages_with_the_same_placeholders() {
    let mut problems = Vec::new();
    for &key in Msg::ALL {
        let (en, fr) = (t(Lang::En, key), t(Lang::Fr, key));
        if en.trim().is_empty() || fr.trim().is_empty() {
            problems.push(format!("{key:?} is empty in a language: {en:?} / {fr:?}"));
        }
        if placeholders(en) != placeholders(fr) {
            problems.push(format!("{key:?} takes other placeholders: {en:?} / {fr:?}"));
        }
        if (en == fr) != SAME_IN_BOTH.contains(&key) {
            problems.push(format!(
                "{key:?} reads {en:?} in English and {fr:?} in French: translate it, \
                 or list it in SAME_IN_BOTH if that is meant"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn keys_are_listed_once() {
    let unique: std::collections::HashSet<_> = Msg::ALL.iter().collect();
    assert_eq!(unique.len(), Msg::ALL.len());
}

#[test]
fn english_state_labels_are_the_state_names_data_formats_use() {
    for s in State::ALL {
        assert_eq!(state(Lang::En, s), s.as_str());
        assert_ne!(state(Lang::Fr, s), s.as_str());
    }
}

#[test]
fn placeholders_are_filled_by_name_in_any_order() {
    assert_eq!(f(Lang::Fr, Msg::DaysIn, &[("n", &19)]), "dans 19 j");
    assert_eq!(
        f(
            Lang::En,
            Msg::StatusHeading,
            &[("title", &"T"), ("at", &" (x)"), ("date", &"2027-01-01")]
        ),
        "Status as of 2027-01-01 (x): T"
    );
    assert_eq!(days(Lang::Fr, Some(-3), true), "en retard de 3 j");
    assert_eq!(days(Lang::Fr, Some(-3), false), "il y a 3 j");
    assert_eq!(days(Lang::En, Some(-3), true), "3d ago");
    assert_eq!(days(Lang::Fr, Some(0), false), "aujourd'hui");
}

#[test]
fn the_locale_follows_posix_precedence() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        }
    };
    assert_eq!(lang_from_env(env(&[])), Lang::En);
    assert_eq!(lang_from_env(env(&[("LANG", "fr_CH.UTF-8")])), Lang::Fr);
    assert_eq!(lang_from_env(env(&[("LANG", "fr")])), Lang::Fr);
    assert_eq!(lang_from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
    assert_eq!(lang_from_env(env(&[("LANG", "C")])), Lang::En);
    assert_eq!(
        lang_from_env(env(&[
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "fr_FR.UTF-8")
        ])),
        Lang::Fr
    );
    assert_eq!(
        lang_from_env(env(&[("LC_ALL", "C"), ("LC_MESSAGES", "fr_FR.UTF-8")])),
        Lang::En
    );
    // An empty variable counts as unset.
    assert_eq!(
        lang_from_env(env(&[("LC_ALL", ""), ("LANG", "fr_BE.UTF-8")])),
        Lang::Fr
    );
}

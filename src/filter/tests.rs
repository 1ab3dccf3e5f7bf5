use super::*;
use crate::model::{Origin, Registry};
use crate::registry;

const REGISTRY: &str = r#"
schema = 1

[[obligation]]
id = "cstd-annual-report"
title = "Annual report"
owner = { en = "WSIS team", fr = "Équipe SMSI" }
to = "ECOSOC, through the CSTD"
due = 2027-01-15

[[obligation]]
id = "council-report"
title = "Report to Council"
owner = "Secretary-General"
to = { en = "ITU Council", fr = "Conseil de l'UIT" }
due = 2027-05-01

[[obligation]]
id = "cstd2"
title = "No owner, no recipient"
due = 2027-06-01
"#;

fn registry() -> Registry {
    registry::parse(REGISTRY, Origin::File("filters.toml".into())).expect("a valid registry")
}

fn filter(owner: Option<&str>, recipient: Option<&str>, id: Option<&str>) -> Filter {
    Filter::new(owner, recipient, &[], id).expect("valid filters")
}

/// The ids of the registry's obligations the filter selects.
fn selected(f: &Filter) -> Vec<String> {
    registry()
        .obligations
        .iter()
        .filter(|ob| f.selects(ob))
        .map(|ob| ob.id.to_string())
        .collect()
}

fn states(given: &[&str]) -> Result<Vec<State>, FilterError> {
    let given: Vec<String> = given.iter().map(|s| s.to_string()).collect();
    Filter::new(None, None, &given, None).map(|f| f.states)
}

#[test]
fn owner_and_recipient_are_substrings_in_any_case_and_either_language() {
    assert_eq!(
        selected(&filter(Some("wsis"), None, None)),
        ["cstd-annual-report"]
    );
    assert_eq!(
        selected(&filter(Some("ÉQUIPE"), None, None)),
        ["cstd-annual-report"]
    );
    assert_eq!(
        selected(&filter(Some("secretary"), None, None)),
        ["council-report"]
    );
    assert_eq!(
        selected(&filter(None, Some("cstd"), None)),
        ["cstd-annual-report"]
    );
    assert_eq!(
        selected(&filter(None, Some("conseil"), None)),
        ["council-report"]
    );
    assert_eq!(
        selected(&filter(None, Some("itu council"), None)),
        ["council-report"]
    );
    // An obligation with no owner or recipient passes neither filter, even an empty one.
    assert_eq!(
        selected(&filter(Some(""), None, None)),
        ["cstd-annual-report", "council-report"]
    );
    assert!(selected(&filter(None, Some("nobody"), None)).is_empty());
}

#[test]
fn the_id_glob_matches_the_whole_id() {
    assert_eq!(
        selected(&filter(None, None, Some("cstd-*"))),
        ["cstd-annual-report"]
    );
    assert_eq!(
        selected(&filter(None, None, Some("c*"))),
        ["cstd-annual-report", "council-report", "cstd2"]
    );
    assert_eq!(selected(&filter(None, None, Some("cstd?"))), ["cstd2"]);
    assert_eq!(selected(&filter(None, None, Some("cstd[0-9]"))), ["cstd2"]);
    assert_eq!(
        selected(&filter(None, None, Some("{council,cstd}-*"))),
        ["cstd-annual-report", "council-report"]
    );
    // Not a substring: `cstd` alone names no obligation; and case matters, as in ids.
    assert!(selected(&filter(None, None, Some("cstd"))).is_empty());
    assert!(selected(&filter(None, None, Some("CSTD*"))).is_empty());
    assert_eq!(selected(&filter(None, None, Some("cstd2"))), ["cstd2"]);
}

#[test]
fn filters_combine_with_and() {
    let f = filter(Some("team"), Some("cstd"), Some("cstd-*"));
    assert_eq!(selected(&f), ["cstd-annual-report"]);
    let f = filter(Some("team"), Some("council"), None);
    assert!(selected(&f).is_empty());
    let reg = registry();
    let f = Filter::new(Some("team"), None, &["overdue".into()], None).unwrap();
    assert!(f.keeps(&reg.obligations[0], State::Overdue));
    assert!(!f.keeps(&reg.obligations[0], State::DueSoon));
    assert!(!f.keeps(&reg.obligations[1], State::Overdue));
}

#[test]
fn states_are_a_comma_list_or_repeated_in_any_case() {
    assert_eq!(
        states(&["overdue,due-soon", "Done-Late", "overdue"]).unwrap(),
        [State::Overdue, State::DueSoon, State::DoneLate]
    );
    for state in State::ALL {
        assert_eq!(states(&[state.as_str()]).unwrap(), [state]);
    }
    assert!(states(&[]).unwrap().is_empty());
}

#[test]
fn an_unknown_state_is_refused_with_the_nearest_and_the_list() {
    let e = states(&["overdue,due_soon"]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--state: `due_soon` is not a state (did you mean `due-soon`? expected one of: \
         overdue, due-soon, upcoming, done, done-late, waived, ongoing, untracked)"
    );
    let e = states(&["late"]).unwrap_err();
    assert_eq!(
        e,
        FilterError::UnknownState {
            given: "late".into(),
            near: None
        }
    );
    assert!(
        e.to_string()
            .contains("(expected one of: overdue, due-soon,")
    );
    // An empty item of the list is a mistake, not "every state".
    assert!(states(&["overdue,"]).is_err());
}

#[test]
fn a_bad_glob_is_refused_naming_the_option() {
    let e = Filter::new(None, None, &[], Some("cstd-[")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "--id: `cstd-[` is not a glob pattern (unclosed character class; missing ']')"
    );
    assert!(!e.to_string().contains('\n'));
}

#[test]
fn the_filters_read_back_as_given() {
    let f = Filter::new(
        Some("WSIS \"team\""),
        Some("council"),
        &["due-soon,overdue".into()],
        Some("cstd-*"),
    )
    .unwrap();
    assert_eq!(
        f.to_string(),
        r#"--owner "WSIS \"team\"" --recipient "council" --state due-soon,overdue --id "cstd-*""#
    );
    assert!(!f.is_empty());
    assert!(Filter::default().is_empty());
    assert!(filter(None, None, None).is_empty());
}

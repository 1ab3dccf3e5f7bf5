use super::*;
use crate::model::Origin;
use crate::registry;

fn d(s: &str) -> NaiveDate {
    dates::parse_date(s).unwrap()
}

fn reg(body: &str) -> Registry {
    let text = format!("schema = 1\n{body}");
    registry::parse(&text, Origin::File("test.toml".into())).unwrap()
}

/// `(period, due)` of every occurrence in the window.
fn dues(reg: &Registry, from: &str, to: &str) -> Vec<(String, String)> {
    occurrences(reg, &reg.obligations[0], d(from), d(to))
        .into_iter()
        .map(|o| (o.period.text(), o.due.unwrap().to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn yearly_leap_day_falls_on_28_february_in_common_years() {
    let r = reg("[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"02-29\"\n");
    assert_eq!(
        dues(&r, "2027-01-01", "2029-12-31"),
        pairs(&[
            ("2027", "2027-02-28"),
            ("2028", "2028-02-29"),
            ("2029", "2029-02-28")
        ])
    );
}

#[test]
fn monthly_day_past_the_month_end_takes_the_last_day() {
    let r = reg("[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"month\"\ndue = \"31\"\n");
    assert_eq!(
        dues(&r, "2028-01-15", "2028-04-30"),
        pairs(&[
            ("2028-01", "2028-01-31"),
            ("2028-02", "2028-02-29"),
            ("2028-03", "2028-03-31"),
            ("2028-04", "2028-04-30"),
        ])
    );
}

#[test]
fn quarterly_rules_count_months_within_the_quarter_and_from_its_end() {
    let r = reg("[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"quarter\"\ndue = \"2-30\"\n");
    assert_eq!(
        dues(&r, "2027-01-01", "2027-12-31"),
        pairs(&[
            ("2027-Q1", "2027-02-28"),
            ("2027-Q2", "2027-05-30"),
            ("2027-Q3", "2027-08-30"),
            ("2027-Q4", "2027-11-30"),
        ])
    );
    // The last quarter's report falls in the next year but keeps its period.
    let r = reg(
        "[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"quarter\"\ndue = \"end + 30d\"\n",
    );
    assert_eq!(
        dues(&r, "2027-01-01", "2027-05-31"),
        pairs(&[("2026-Q4", "2027-01-30"), ("2027-Q1", "2027-04-30")])
    );
}

#[test]
fn year_end_offsets_cross_into_the_next_year() {
    let r =
        reg("[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"end + 2w\"\n");
    assert_eq!(
        dues(&r, "2027-01-01", "2027-12-31"),
        pairs(&[("2026", "2027-01-14")])
    );
}

const COUNCIL: &str = r#"
[calendar]
weekend = ["sat", "sun"]
holidays = [2027-05-14]
roll = "previous"

[meetings.council]
name = "ITU Council"
typical = "06-15..06-25"
[meetings.council.dates]
2026 = ["2026-04-28..2026-05-08", { id = "council-2026-doha", dates = "2026-11-07" }]
2027 = "2027-06-14..2027-06-24"

[meetings.pp-26]
dates = "2026-11-09..2026-11-27"
"#;

#[test]
fn yearly_series_deadlines_take_each_years_first_session_and_roll() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"council - 30d\"\n"
    ));
    // 2026: 30 days before 28 April is Sunday 29 March, rolled back to Friday 27 March.
    // 2027: 30 days before 14 June is Saturday 15 May, rolled to Friday 14 May, a holiday,
    // so Thursday 13 May. 2028 is an estimate from `typical`.
    let occs = occurrences(&r, &r.obligations[0], d("2026-01-01"), d("2028-12-31"));
    let got: Vec<(String, String, bool, Option<String>)> = occs
        .into_iter()
        .map(|o| {
            let tentative = o.tentative();
            (
                o.period.text(),
                o.due.unwrap().to_string(),
                tentative,
                o.meeting.map(|m| m.into_owned()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "2026".into(),
                "2026-03-27".into(),
                false,
                Some("council-2026".into())
            ),
            (
                "2027".into(),
                "2027-05-13".into(),
                false,
                Some("council-2027".into())
            ),
            (
                "2028".into(),
                "2028-05-16".into(),
                true,
                Some("council-2028".into())
            ),
        ]
    );
}

#[test]
fn per_meeting_deadlines_include_a_second_session_in_one_year() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"meeting\"\ndue = \"council - 7d\"\n"
    ));
    assert_eq!(
        dues(&r, "2026-01-01", "2026-12-31"),
        pairs(&[
            ("council-2026", "2026-04-21"),
            ("council-2026-doha", "2026-10-30")
        ])
    );
}

#[test]
fn one_off_relative_to_a_meeting_end() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\ndue = \"pp-26.end + 1m\"\n"
    ));
    // 27 December 2026 is a Sunday: rolled back to Friday 25 December (no holiday here).
    assert_eq!(
        dues(&r, "2026-01-01", "2027-12-31"),
        pairs(&[("pp-26", "2026-12-25")])
    );
}

#[test]
fn moving_a_meeting_moves_its_deadlines_and_keeps_the_period() {
    let body =
        "\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"council - 4w\"\n";
    let before = reg(&format!("{COUNCIL}{body}"));
    let moved = reg(&format!(
        "{}{body}",
        COUNCIL.replace("2027-06-14..2027-06-24", "2027-07-05..2027-07-15")
    ));
    assert_eq!(
        dues(&before, "2027-01-01", "2027-12-31"),
        pairs(&[("2027", "2027-05-17")])
    );
    assert_eq!(
        dues(&moved, "2027-01-01", "2027-12-31"),
        pairs(&[("2027", "2027-06-07")])
    );
}

fn judged_state(r: &Registry, completions: &Completions, today: &str) -> (State, Option<i64>) {
    let occ = occurrences(r, &r.obligations[0], d("2027-01-01"), d("2027-12-31"))
        .into_iter()
        .next()
        .unwrap();
    let item = judge(r, occ, completions, d(today));
    (item.state, item.days)
}

#[test]
fn states_follow_lead_time_due_day_and_completion() {
    let r = reg(
        "[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"11-30\"\nlead = \"10d\"\n",
    );
    let none = Completions::new();
    assert_eq!(
        judged_state(&r, &none, "2027-11-19"),
        (State::Upcoming, Some(11))
    );
    assert_eq!(
        judged_state(&r, &none, "2027-11-20"),
        (State::DueSoon, Some(10))
    );
    // The due day is whole: still due, not overdue, on the day itself.
    assert_eq!(
        judged_state(&r, &none, "2027-11-30"),
        (State::DueSoon, Some(0))
    );
    assert_eq!(
        judged_state(&r, &none, "2027-12-01"),
        (State::Overdue, Some(-1))
    );
    let record = |on: &str| {
        let mut c = Completions::new();
        c.insert(
            ("a".into(), "2027".into()),
            Completion {
                outcome: Outcome::Done,
                on: d(on),
                reference: None,
                note: None,
                by: None,
            },
        );
        c
    };
    assert_eq!(
        judged_state(&r, &record("2027-11-30"), "2027-12-05").0,
        State::Done
    );
    assert_eq!(
        judged_state(&r, &record("2027-12-01"), "2027-12-05").0,
        State::DoneLate
    );
}

#[test]
fn agenda_lists_overdue_first_and_includes_both_window_ends() {
    let r = reg("tracking_since = 2027-01-01\n\
         [[obligation]]\nid = \"late\"\ntitle = \"L\"\ndue = \"2027-03-01\"\n\
         [[obligation]]\nid = \"edge\"\ntitle = \"E\"\ndue = \"2027-03-31\"\n\
         [[obligation]]\nid = \"today\"\ntitle = \"T\"\ndue = \"2027-03-10\"\n\
         [[obligation]]\nid = \"beyond\"\ntitle = \"B\"\ndue = \"2027-04-01\"\n\
         [[obligation]]\nid = \"history\"\ntitle = \"H\"\ndue = \"2026-12-31\"\n\
         [[obligation]]\nid = \"standing\"\ntitle = \"S\"\n");
    let none = Completions::new();
    let items = agenda(&r, &none, d("2027-03-10"), d("2027-03-31"));
    let ids: Vec<(&str, State)> = items
        .iter()
        .map(|i| (i.obligation().id.as_ref(), i.state))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("late", State::Overdue),
            ("today", State::DueSoon),
            ("edge", State::DueSoon)
        ]
    );
}

#[test]
fn status_points_at_the_oldest_overdue_then_the_next_open() {
    let r = reg(
        "tracking_since = 2026-01-01\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"03-31\"\n",
    );
    let mut c = Completions::new();
    let s = standing(History::of(&r), &r.obligations[0], &c, d("2027-06-01"));
    let cur = s.current.unwrap();
    assert_eq!(
        (cur.occurrence.period.text().as_str(), cur.state),
        ("2026", State::Overdue)
    );
    c.insert(
        ("a".into(), "2026".into()),
        Completion {
            outcome: Outcome::Done,
            on: d("2026-03-30"),
            reference: Some("C26/1".into()),
            note: None,
            by: None,
        },
    );
    c.insert(
        ("a".into(), "2027".into()),
        Completion {
            outcome: Outcome::Waived {
                reason: "merged".into(),
            },
            on: d("2027-02-01"),
            reference: None,
            note: None,
            by: None,
        },
    );
    let s = standing(History::of(&r), &r.obligations[0], &c, d("2027-06-01"));
    let cur = s.current.unwrap();
    assert_eq!(
        (cur.occurrence.period.text().as_str(), cur.state),
        ("2028", State::Upcoming)
    );
}

#[test]
fn active_bounds_limit_occurrences() {
    let r = reg(
        "[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"year\"\ndue = \"06-30\"\nactive_from = 2027-01-01\nactive_until = 2028-12-31\n",
    );
    assert_eq!(
        dues(&r, "2025-01-01", "2031-12-31"),
        pairs(&[("2027", "2027-06-30"), ("2028", "2028-06-30")])
    );
}

#[test]
fn periods_resolve_from_keys_and_unique_years() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"meeting\"\ndue = \"council - 7d\"\n"
    ));
    let ob = &r.obligations[0];
    let today = d("2026-11-28");
    assert_eq!(
        resolve_period(&r, ob, "council-2026-doha", today).as_deref(),
        Some("council-2026-doha")
    );
    assert_eq!(
        resolve_period(&r, ob, "2027", today).as_deref(),
        Some("council-2027")
    );
    // Two sessions in 2026: the year alone is ambiguous.
    assert_eq!(resolve_period(&r, ob, "2026", today), None);
    assert_eq!(resolve_period(&r, ob, "council-2026-3", today), None);
}

#[test]
fn a_one_off_may_name_an_estimated_instance() {
    let r = reg(
        "[meetings.jiu]\ntypical = \"03-14..03-18\"\n[meetings.jiu.dates]\n2028 = \"2028-03-23..2028-03-27\"\n\
         [[obligation]]\nid = \"a\"\ntitle = \"A\"\ndue = \"jiu-2029 + 3m\"\n",
    );
    let occ = &occurrences(&r, &r.obligations[0], d("2029-01-01"), d("2029-12-31"))[0];
    assert_eq!(occ.due, Some(d("2029-06-14")));
    assert!(occ.tentative());
    assert_eq!(occ.period.text(), "jiu-2029");
}

#[test]
fn period_keys_read_as_they_display() {
    for year in [-5, 0, 7, 999, 2026, 9999, 10_000] {
        let keys = [
            PeriodKey::Year(year),
            PeriodKey::Quarter(year, 1),
            PeriodKey::Quarter(year, 4),
            PeriodKey::Month(year, 1),
            PeriodKey::Month(year, 12),
        ];
        for key in keys {
            assert_eq!(key.text(), key.to_string());
            assert!(key.is(&key.to_string()));
        }
    }
    assert_eq!(PeriodKey::Month(2027, 3).text(), "2027-03");
    assert_eq!(PeriodKey::Quarter(2027, 2).text(), "2027-Q2");
    assert_eq!(PeriodKey::Year(7).text(), "7");
    assert_eq!(
        PeriodKey::Instance("council-2027".into()).text(),
        "council-2027"
    );
    assert_eq!(PeriodKey::Once.text(), "once");
}

/// Items are made obligation by obligation and sorted by state and due date only: the
/// result must be the plain reading of the rules in agenda order, ties in registry order and
/// then by period.
#[test]
fn items_come_in_agenda_order() {
    const OBLIGATIONS: usize = 3000;
    let kinds = [
        "every = \"year\"\ndue = \"council - 30d\"",
        "every = \"meeting\"\ndue = \"council + 1w\"",
        "every = \"quarter\"\ndue = \"end + 30d\"",
        "every = \"month\"\ndue = \"15\"",
        "due = \"pp-26 - 4m\"",
        "due = \"2026-12-01\"",
        "every = \"year\"\ndue = \"12-01\"",
    ];
    let mut body = String::from(COUNCIL);
    for n in 0..OBLIGATIONS {
        let kind = kinds[n % kinds.len()];
        body.push_str(&format!(
            "\n[[obligation]]\nid = \"o{n}\"\ntitle = \"O\"\nlead = \"{}d\"\n{kind}\n",
            n % 60
        ));
    }
    let r = reg(&body);
    let today = d("2026-11-28");
    let mut done = Completions::new();
    for n in (0..OBLIGATIONS).step_by(97) {
        if let Some(first) = occurrences(&r, &r.obligations[n], d("2026-01-01"), today).first() {
            let completion = Completion {
                outcome: Outcome::Done,
                on: today,
                reference: None,
                note: None,
                by: None,
            };
            done.insert((format!("o{n}"), first.period.text()), completion);
        }
    }
    let to = d("2027-03-01");
    let got = items(&r, &done, today, to);

    let history = History::of(&r);
    let mut want: Vec<Item<'_>> = r
        .obligations
        .iter()
        .flat_map(|ob| occurrences(&r, ob, history.watched_from(ob, today), to))
        .map(|occ| judge(&r, occ, &done, today))
        .collect();
    let order: std::collections::HashMap<&str, usize> = r
        .obligations
        .iter()
        .enumerate()
        .map(|(n, o)| (&*o.id, n))
        .collect();
    let index = |i: &Item<'_>| order[&*i.obligation().id];
    want.sort_by(|a, b| {
        (a.state != State::Overdue, a.occurrence.due, index(a))
            .cmp(&(b.state != State::Overdue, b.occurrence.due, index(b)))
            .then_with(|| a.occurrence.period.text().cmp(&b.occurrence.period.text()))
    });
    let show = |list: &[Item<'_>]| -> Vec<String> {
        list.iter()
            .map(|i| {
                format!(
                    "{} {} {:?} {:?}",
                    i.obligation().id,
                    i.occurrence.period,
                    i.occurrence.due,
                    i.state
                )
            })
            .collect()
    };
    assert!(got.len() > OBLIGATIONS, "{} items", got.len());
    assert!(got.iter().any(|i| i.state == State::DoneLate));
    assert!(got.iter().any(|i| i.state == State::Overdue));
    assert_eq!(show(&got), show(&want));
}

#[test]
fn a_period_resolves_when_its_deadline_falls_two_years_on() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"a\"\ntitle = \"A\"\nevery = \"meeting\"\ndue = \"council + 2y\"\n"
    ));
    let ob = &r.obligations[0];
    let today = d("2026-11-28");
    let occ = resolve(&r, ob, "council-2026-doha", today).expect("resolved");
    assert_eq!(occ.due, Some(d("2028-11-07")));
    assert!(with_key(&r, ob, "council-2026-doha", today).is_some());
}

/// `(id, period)` of what `overdue` lists on a day.
fn overdue_keys(r: &Registry, c: &Completions, today: &str) -> Vec<(String, String)> {
    overdue(r, c, d(today))
        .iter()
        .map(|i| (i.obligation().id.to_string(), i.occurrence.period.text()))
        .collect()
}

#[test]
fn an_overdue_report_stays_overdue_until_recorded() {
    let r = reg(
        "[[obligation]]\nid = \"once\"\ntitle = \"A\"\ndue = 2025-12-30\n\
         [[obligation]]\nid = \"yearly\"\ntitle = \"B\"\nevery = \"year\"\ndue = \"12-30\"\n",
    );
    let missing = ("once".to_string(), "once".to_string());
    for day in ["2025-12-31", "2026-12-31", "2027-01-01", "2040-06-30"] {
        assert!(
            overdue_keys(&r, &Completions::new(), day).contains(&missing),
            "{day}"
        );
    }
    // The yearly rule starts with the earliest year the registry writes (2025), and every
    // year since is owed.
    let keys = overdue_keys(&r, &Completions::new(), "2028-01-01");
    let yearly: Vec<&str> = keys
        .iter()
        .filter(|k| k.0 == "yearly")
        .map(|k| k.1.as_str())
        .collect();
    assert_eq!(yearly, ["2025", "2026", "2027"]);
    let mut c = Completions::new();
    c.insert(
        missing.clone(),
        Completion {
            outcome: Outcome::Done,
            on: d("2027-01-02"),
            reference: None,
            note: None,
            by: None,
        },
    );
    assert!(!overdue_keys(&r, &c, "2027-01-02").contains(&missing));
}

#[test]
fn history_starts_where_each_obligation_starts() {
    let r = reg(&format!(
        "{COUNCIL}\n[[obligation]]\nid = \"series\"\ntitle = \"S\"\nevery = \"year\"\ndue = \"council - 30d\"\n\
         [[obligation]]\nid = \"monthly\"\ntitle = \"M\"\nevery = \"month\"\ndue = \"15\"\n\
         [[obligation]]\nid = \"bounded\"\ntitle = \"B\"\nevery = \"month\"\ndue = \"15\"\nactive_from = 2026-09-01\n\
         [[obligation]]\nid = \"one-off\"\ntitle = \"O\"\ndue = 2020-03-01\n"
    ));
    let history = History::of(&r);
    let start = |id: &str| history.start(r.obligation(id).expect("an obligation"));
    // The first dated Council opens 2026-04-28: 30 days before is 2026-03-29, a Sunday.
    assert_eq!(start("series"), d("2026-03-27"));
    // The earliest date written is the one-off's, in 2020.
    assert_eq!(start("monthly"), d("2020-01-01"));
    assert_eq!(start("bounded"), d("2026-09-01"));
    let one_off = r.obligation("one-off").expect("an obligation");
    let none = Completions::new();
    let story = story(&r, one_off, &none, d("2027-01-01"), 5);
    assert_eq!(story.len(), 1);
    // Sunday 1 March 2020 rolls back to Friday 28 February.
    assert_eq!(story[0].0.occurrence.due, Some(d("2020-02-28")));
    assert_eq!(story[0].0.state, State::Overdue);
}

#[test]
fn tracking_since_only_decides_what_is_history() {
    let r = reg(
        "tracking_since = 2027-03-01\n[[obligation]]\nid = \"return\"\ntitle = \"R\"\nevery = \"year\"\ndue = \"02-28\"\n",
    );
    let none = Completions::new();
    let listed = |today: &str| -> Vec<(String, State)> {
        agenda(&r, &none, d(today), d("2027-03-31"))
            .iter()
            .map(|i| (i.occurrence.period.text(), i.state))
            .collect()
    };
    assert_eq!(listed("2027-02-20"), [("2027".to_string(), State::DueSoon)]);
    assert_eq!(listed("2027-02-28"), [("2027".to_string(), State::DueSoon)]);
    assert!(listed("2027-03-01").is_empty());
    let ob = &r.obligations[0];
    let shown = |today: &str| -> Vec<(String, State)> {
        story(&r, ob, &none, d(today), 1)
            .iter()
            .map(|(i, _)| (i.occurrence.period.text(), i.state))
            .collect()
    };
    assert_eq!(shown("2027-02-20"), [("2027".to_string(), State::DueSoon)]);
    assert_eq!(
        shown("2027-03-01"),
        [
            ("2027".to_string(), State::Untracked),
            ("2028".to_string(), State::Upcoming)
        ]
    );
    let cur = current(&r, ob, &none, d("2027-02-20")).expect("current");
    assert_eq!(cur.occurrence.period.text(), "2027");
}

#[test]
fn status_on_a_day_is_what_was_current_then_for_every_obligation() {
    let r = reg(&format!(
        "tracking_since = 2026-06-01\n{COUNCIL}\n[[obligation]]\nid = \"series\"\ntitle = \"S\"\nevery = \"year\"\ndue = \"council - 30d\"\n\
         [[obligation]]\nid = \"yearly\"\ntitle = \"Y\"\nevery = \"year\"\ndue = \"03-31\"\n"
    ));
    let none = Completions::new();
    let at = |day: &str| -> Vec<(String, String, State)> {
        status(&r, &none, d(day))
            .into_iter()
            .map(|s| {
                let i = s.current.expect("current");
                (
                    s.obligation.id.to_string(),
                    i.occurrence.period.text(),
                    i.state,
                )
            })
            .collect()
    };
    // Before tracking_since: the next occurrence of each, whatever the rule.
    assert_eq!(
        at("2026-01-01"),
        [
            ("series".into(), "2026".into(), State::Upcoming),
            ("yearly".into(), "2026".into(), State::Upcoming)
        ]
    );
    // After it, both behind: the oldest open one due by then, for each.
    assert_eq!(
        at("2028-06-01"),
        [
            ("series".into(), "2027".into(), State::Overdue),
            ("yearly".into(), "2027".into(), State::Overdue)
        ]
    );
}

#[test]
fn a_day_is_named_by_a_date_an_instance_or_a_meeting() {
    let r = reg(&format!(
        "{COUNCIL}\n[meetings.wg]\ndates = {{ 2025 = \"2025-03-02..2025-03-03\" }}\n"
    ));
    let today = d("2026-06-01");
    let day = |at: &str, today| resolve_at(&r, at, today).map(|at| at.day);
    assert_eq!(day("2026-03-04", today), Ok(d("2026-03-04")));
    assert_eq!(day("council-2026-doha", today), Ok(d("2026-11-07")));
    // The next instance that has not ended: the spring one is over, Doha is next.
    assert_eq!(day("council", today), Ok(d("2026-11-07")));
    // After 2027, the estimate stands in for the years nobody listed.
    assert_eq!(day("council", d("2027-07-01")), Ok(d("2028-06-15")));
    // An instance is named with its day; a date names none.
    let at = resolve_at(&r, "council", d("2027-07-01")).unwrap();
    assert_eq!(
        at.instance.map(|i| (i.id.clone(), i.tentative())),
        Some(("council-2028".into(), true))
    );
    assert_eq!(resolve_at(&r, "2026-03-04", today).unwrap().instance, None);
    // A single meeting is its own instance, past or not.
    assert_eq!(day("pp-26", d("2027-01-01")), Ok(d("2026-11-09")));
    // A series with no estimate has nothing after its last listed year.
    assert_eq!(day("wg", today), Err(AtError::NoInstance { today }));
    assert_eq!(
        day("councl", today),
        Err(AtError::Unknown {
            known: vec!["council".into(), "pp-26".into(), "wg".into()]
        })
    );
}

#[test]
fn meetings_list_their_estimates_around_today() {
    let r = reg(COUNCIL);
    let ids: Vec<String> = meeting_instances(&r, d("2026-06-01"))
        .into_iter()
        .map(|(m, i)| format!("{} {} {}", m.key, i.id, i.tentative()))
        .collect();
    assert_eq!(
        ids,
        [
            "council council-2025 true",
            "council council-2026 false",
            "council council-2026-doha false",
            "pp-26 pp-26 false",
            "council council-2027 false",
            "council council-2028 true",
        ]
    );
}

//! The iCalendar feed, read back by a parser other than the writer's (the `ical` crate).

use crate::common;

use std::collections::BTreeMap;

use common::{TODAY, due, due_on, fixture, stdout};
use ical::IcalParser;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;

fn parse(text: &str) -> IcalCalendar {
    let mut calendars = IcalParser::new(text.as_bytes());
    let cal = calendars.next().expect("one calendar").expect("parses");
    assert!(calendars.next().is_none(), "exactly one calendar");
    cal
}

/// RFC 5545 3.3.11: the parser leaves TEXT values escaped.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => panic!("dangling backslash in {value:?}"),
        }
    }
    out
}

/// Each property once: name to (parameters, value).
fn fields(props: &[Property]) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for p in props {
        let params = p
            .params
            .iter()
            .flatten()
            .map(|(k, v)| format!("{k}={}", v.join(",")))
            .collect::<Vec<_>>()
            .join(";");
        let value = p.value.clone().unwrap_or_default();
        assert!(
            out.insert(p.name.clone(), (params, value)).is_none(),
            "{} twice",
            p.name
        );
    }
    out
}

fn value(event: &IcalEvent, name: &str) -> String {
    let f = fields(&event.properties);
    unescape(&f.get(name).unwrap_or_else(|| panic!("no {name}")).1)
}

fn feed(args: &[&str]) -> String {
    stdout(due_on("feeds.toml", TODAY).args(args), 0)
}

/// The shape every line must have: CRLF ends, at most 75 octets before the fold.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

#[test]
fn occurrences_and_milestones_are_all_day_events_field_by_field() {
    let text = feed(&["--next", "60d", "--format", "ics"]);
    assert_well_formed(&text);
    let cal = parse(&text);
    let head = fields(&cal.properties);
    assert_eq!(head["VERSION"].1, "2.0");
    assert_eq!(
        head["PRODID"].1,
        format!("-//due//due {}//EN", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(head["X-WR-CALNAME"].1, "Test secretariat obligations");

    let uids: Vec<String> = cal.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(
        uids,
        [
            "budget-note/once@due",
            "cstd-report/2027@due",
            "cstd-report/2027/milestone-1@due",
            "quarterly-update/2027-Q1@due"
        ]
    );

    let budget = fields(&cal.events[0].properties);
    assert_eq!(budget["DTSTART"], ("VALUE=DATE".into(), "20270215".into()));
    // DTEND is exclusive: the event covers 15 February only.
    assert_eq!(budget["DTEND"], ("VALUE=DATE".into(), "20270216".into()));
    assert_eq!(budget["STATUS"].1, "CONFIRMED");
    assert_eq!(budget["TRANSP"].1, "TRANSPARENT");
    assert_eq!(
        value(&cal.events[0], "SUMMARY"),
        "Budget note to the finance committee [once]"
    );
    assert_eq!(
        value(&cal.events[0], "DESCRIPTION"),
        "Obligation: budget-note (once)\nState: overdue\n\
         Title: Budget note to the finance committee\n\
         Mandate: Res. 1332, instructs the Secretary-General 2\n\
         To: Finance committee\nOwner: Finance"
    );
    let alarm = fields(&cal.events[0].alarms[0].properties);
    assert_eq!(alarm["ACTION"].1, "DISPLAY");
    assert_eq!(alarm["TRIGGER"].1, "-P30D", "the default lead");
    assert_eq!(
        unescape(&alarm["DESCRIPTION"].1),
        "Falls due on 2027-02-15: Budget note to the finance committee"
    );

    let cstd = &cal.events[1];
    assert_eq!(fields(&cstd.properties)["STATUS"].1, "TENTATIVE");
    assert_eq!(fields(&cstd.properties)["DTSTART"].1, "20270315");
    assert_eq!(
        fields(&cstd.alarms[0].properties)["TRIGGER"].1,
        "-P42D",
        "lead = \"6w\""
    );
    assert!(value(cstd, "DESCRIPTION").contains("\nState: due-soon\n"));
    assert!(value(cstd, "DESCRIPTION").contains("\nMeeting: cstd-2027\n"));

    let milestone = &cal.events[2];
    assert_eq!(fields(&milestone.properties)["DTSTART"].1, "20270301");
    assert_eq!(fields(&milestone.properties)["DTEND"].1, "20270302");
    assert_eq!(
        value(milestone, "SUMMARY"),
        "draft to CWG-WSIS&SDG: Annual report to ECOSOC through the CSTD [2027]"
    );
    assert!(
        value(milestone, "DESCRIPTION")
            .starts_with("Milestone: draft to CWG-WSIS&SDG, before the due date 2027-03-15\n")
    );
    assert!(milestone.alarms.is_empty());
}

/// What changes from run to run, or from release to release.
fn redact_stamps(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("DTSTAMP:") {
                "DTSTAMP:[stamp]"
            } else if l.starts_with("PRODID:") {
                "PRODID:[version]"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn feed_snapshot() {
    insta::assert_snapshot!(redact_stamps(&feed(&["--next", "60d", "--format", "ics"])));
}

#[test]
fn the_ics_command_is_the_format_with_a_year_ahead() {
    let alias = redact_stamps(&feed(&["ics"]));
    assert_eq!(
        alias,
        redact_stamps(&feed(&["--format", "ics", "--next", "1y"]))
    );
    assert_ne!(
        alias,
        redact_stamps(&feed(&["--format", "ics"])),
        "a wider window"
    );
    assert_eq!(
        redact_stamps(&feed(&["ics", "--until", "2027-03-20"])),
        redact_stamps(&feed(&["--format", "ics", "--until", "2027-03-20"]))
    );
}

#[test]
fn overdue_and_remind_give_feeds_of_their_own_listings() {
    let overdue = parse(&feed(&["overdue", "--format", "ics"]));
    let uids: Vec<String> = overdue.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(uids, ["budget-note/once@due"]);
    let remind = parse(&feed(&["remind", "--format", "ics"]));
    let uids: Vec<String> = remind.events.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(
        uids,
        [
            "budget-note/once@due",
            "cstd-report/2027@due",
            "cstd-report/2027/milestone-1@due"
        ]
    );
}

#[test]
fn a_moved_meeting_keeps_the_uid_and_moves_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let moved = dir.path().join("moved.toml");
    let text = std::fs::read_to_string(fixture("feeds.toml"))
        .unwrap()
        .replace(
            r#"dates = { 2026 = "2026-04-13..2026-04-17" }"#,
            r#"dates = { 2026 = "2026-04-13..2026-04-17", 2027 = "2027-05-10..2027-05-14" }"#,
        );
    std::fs::write(&moved, text).unwrap();
    let out = stdout(
        due()
            .arg("--registry")
            .arg(&moved)
            .args(["--today", TODAY, "ics"]),
        0,
    );
    let cal = parse(&out);
    let event = cal
        .events
        .iter()
        .find(|e| value(e, "UID") == "cstd-report/2027@due")
        .expect("same UID after the move");
    let f = fields(&event.properties);
    assert_eq!(f["DTSTART"].1, "20270412", "four weeks before 10 May");
    assert_eq!(f["STATUS"].1, "CONFIRMED", "the dates are listed now");
}

#[test]
fn french_titles_fold_on_character_boundaries() {
    let text = feed(&["--lang", "fr", "ics"]);
    assert_well_formed(&text);
    let cal = parse(&text);
    assert_eq!(
        value(&cal.events[0], "SUMMARY"),
        "Note budgétaire au comité des finances [once]"
    );
}

#[test]
fn listings_that_are_not_occurrences_refuse_ics() {
    for cmd in ["list", "meetings", "status"] {
        let out = due_on("feeds.toml", TODAY)
            .args([cmd, "--format", "ics"])
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains("--format ics lists occurrences"),
            "{cmd}: {err}"
        );
    }
}

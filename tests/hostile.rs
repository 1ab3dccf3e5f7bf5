//! Registry text with line breaks, separators, quotes and non-ASCII letters stays inside
//! its field in every output: no e-mail header, CSV row or column, or iCalendar property
//! comes of it.

use crate::common;

use common::{due_on, stdout};
use ical::IcalParser;
use mail_parser::MessageParser;

const TODAY: &str = "2027-03-05";

/// The obligation's title as every output must show it: breaks become spaces.
const TITLE: &str =
    "Rapport, \"quoted\"; semi; café  X-Injected: 1 END:VEVENT  BEGIN:VEVENT UID:forged";

fn run(args: &[&str]) -> String {
    stdout(due_on("hostile.toml", TODAY).args(args), 0)
}

#[test]
fn no_header_comes_of_the_text() {
    let raw = run(&["remind", "--mail", "--to", "ops@example.org"]);
    let msg = MessageParser::default().parse(raw.as_bytes()).unwrap();
    let mut names: Vec<String> = msg.headers().iter().map(|h| h.name().to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Content-Type",
            "Date",
            "From",
            "MIME-Version",
            "Message-ID",
            "Subject",
            "To"
        ]
    );
    assert_eq!(
        msg.subject(),
        Some(
            "[due] 1 coming up: Évaluation, \"SMSI\"; 2027  Bcc: victim@example.org    Injected body"
        )
    );
    assert!(msg.bcc().is_none());
    let recipients: Vec<&str> = msg
        .to()
        .unwrap()
        .iter()
        .filter_map(|a| a.address())
        .collect();
    assert_eq!(recipients, ["ops@example.org"]);
    let text = msg.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(text.contains(&format!("\n  {TITLE}\n")), "{text}");
    assert!(text.contains("\n  to: a,b;c  \"d\" e\n"), "{text}");
    assert!(
        text.contains("\n  milestone reached 2027-03-03: draft  TRIGGER:-P1D\n"),
        "{text}"
    );
}

#[test]
fn no_icalendar_property_comes_of_the_text() {
    let text = run(&["ics"]);
    let cal = IcalParser::new(text.as_bytes()).next().unwrap().unwrap();
    let names = |props: &[ical::property::Property]| -> Vec<String> {
        props.iter().map(|p| p.name.clone()).collect()
    };
    assert_eq!(
        names(&cal.properties),
        [
            "VERSION",
            "PRODID",
            "CALSCALE",
            "X-WR-CALNAME",
            "REFRESH-INTERVAL",
            "X-PUBLISHED-TTL"
        ]
    );
    assert_eq!(cal.events.len(), 2, "the occurrence and its milestone");
    let event = [
        "DESCRIPTION",
        "DTEND",
        "DTSTAMP",
        "DTSTART",
        "STATUS",
        "SUMMARY",
        "TRANSP",
        "UID",
    ];
    assert_eq!(names(&cal.events[0].properties), event);
    assert_eq!(names(&cal.events[1].properties), event);
    assert_eq!(
        names(&cal.events[0].alarms[0].properties),
        ["ACTION", "DESCRIPTION", "DTSTAMP", "TRIGGER", "UID"]
    );
    let summary = cal.events[0]
        .properties
        .iter()
        .find(|p| p.name == "SUMMARY")
        .unwrap();
    assert_eq!(
        summary.value.as_deref(),
        Some(
            r#"Rapport\, "quoted"\; semi\; café  X-Injected: 1 END:VEVENT  BEGIN:VEVENT UID:forged [once]"#
        )
    );
    let uids: Vec<&str> = cal
        .events
        .iter()
        .flat_map(|e| &e.properties)
        .filter(|p| p.name == "UID")
        .filter_map(|p| p.value.as_deref())
        .collect();
    assert_eq!(uids, ["hostile/once@due", "hostile/once/milestone-1@due"]);
}

#[test]
fn no_csv_row_or_column_comes_of_the_text() {
    let text = run(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let width = headers.len();
    let title = headers.iter().position(|h| h == "title").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), width);
    assert_eq!(&rows[0][title], TITLE);
    assert_eq!(text.lines().count(), 2, "one line per row: {text}");
}

#[test]
fn no_table_or_digest_line_comes_of_the_text() {
    let digest = run(&["remind"]);
    assert_eq!(digest.lines().count(), 6, "{digest}");
    let md = run(&["--format", "md"]);
    assert_eq!(md.lines().count(), 3, "{md}");
}

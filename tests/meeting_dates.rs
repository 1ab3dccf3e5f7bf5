//! How sure meeting dates are (confirmed, likely, estimate), where they come from, and
//! milestones hung on another meeting, on `tests/fixtures/confidence.toml`.

use crate::common;

const TODAY: &str = "2027-01-04";

fn stdout_of(args: &[&str]) -> String {
    let registry = common::fixture("confidence.toml");
    let out = common::due()
        .env("NO_COLOR", "1")
        .env("DUE_LEDGER", common::fixture("absent.ledger.toml"))
        .arg("--registry")
        .arg(&registry)
        .args(["--today", TODAY])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn meetings_say_how_sure_each_date_is() {
    insta::assert_snapshot!("meetings_table", stdout_of(&["meetings"]));
    insta::assert_snapshot!(
        "meetings_json",
        stdout_of(&["meetings", "--format", "json"])
    );
}

/// Each mark in the due column has its footnote: `~` an estimate, `†` likely.
#[test]
fn dates_are_marked_by_the_confidence_of_their_meeting() {
    insta::assert_snapshot!("agenda_3y", stdout_of(&["--next", "3y"]));
    let json = stdout_of(&["show", "forum-report", "--format", "json"]);
    for (due, confidence, tentative) in [
        ("2027-02-01", "confirmed", false),
        ("2028-01-31", "likely", false),
        ("2029-01-29", "estimate", true),
        ("2030-03-29", "estimate", true),
    ] {
        let row = json
            .lines()
            .find(|l| l.contains(&format!("\"due\":\"{due}\"")))
            .unwrap_or_else(|| panic!("no row due {due}:\n{json}"));
        assert!(
            row.contains(&format!(
                "\"tentative\":{tentative},\"confidence\":\"{confidence}\""
            )),
            "{row}"
        );
    }
}

/// `show` dates each milestone from its rule and names the meetings with their sources. The
/// working-group milestone takes the group's last meeting in the year before each due date:
/// January 2027 for 2027's, the autumn one for 2028's (its February 2028 meeting comes after
/// the due date), February 2028 for 2029's; the group has none in the year before 2030's and
/// 2031's, so those have no such milestone.
#[test]
fn show_gives_milestones_from_meetings_and_the_sources() {
    insta::assert_snapshot!("show_forum_report", stdout_of(&["show", "forum-report"]));
}

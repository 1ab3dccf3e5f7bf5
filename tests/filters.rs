//! The filters of listings, `--owner`, `--recipient`, `--state` and `--id`: what each
//! command keeps, what it says when nothing is left, and what it refuses.

use crate::common;

use common::{TODAY, due, due_on, stdout};
use mail_parser::MessageParser;

/// The day the shipped registry is judged on here.
const DAY: &str = "2026-12-02";

/// `due` on the shipped registry, on [`DAY`], with no ledger and piped.
fn shipped(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = due();
    cmd.env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(["--today", DAY])
        .args(args);
    cmd
}

fn out(args: &[&str]) -> String {
    stdout(&mut shipped(args), 0)
}

/// What a refusal prints on standard error, after checking it exits 2 and prints nothing
/// else.
fn refused(args: &[&str]) -> String {
    let output = shipped(args).assert().code(2).get_output().clone();
    assert!(output.stdout.is_empty(), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// The `id` and `state` of each JSON row; none when `remind` had nothing to say.
fn ids_and_states(json: &str) -> Vec<(String, String)> {
    if json.is_empty() {
        return Vec::new();
    }
    let rows: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    rows.iter()
        .map(|r| {
            let field = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (field("id"), field("state"))
        })
        .collect()
}

#[test]
fn due_by_recipient() {
    insta::assert_snapshot!(out(&["--next", "6m", "--recipient", "cwg"]));
}

#[test]
fn status_by_state_and_id() {
    // History (untracked) is listed with --all only.
    insta::assert_snapshot!(out(&[
        "status",
        "--at",
        "council-2027",
        "--all",
        "--state",
        "untracked",
        "--state",
        "due-soon,upcoming",
        "--id",
        "wsis20-*"
    ]));
}

#[test]
fn list_by_id_and_owner() {
    insta::assert_snapshot!(out(&[
        "list",
        "--id",
        "{cstd,hlpf}-*",
        "--owner",
        "SECRETARY-general",
        "--format",
        "csv"
    ]));
}

#[test]
fn remind_by_recipient() {
    insta::assert_snapshot!(out(&["remind", "--next", "6m", "--recipient", "council"]));
}

#[test]
fn nothing_left_says_so_and_names_the_filters() {
    insta::assert_snapshot!("nothing_due", out(&["--owner", "nobody", "--next", "1y"]));
    insta::assert_snapshot!("nothing_in_status", out(&["status", "--state", "waived"]));
    insta::assert_snapshot!(
        "nothing_listed_fr",
        out(&["--lang", "fr", "list", "--id", "x*"])
    );
    // A listing for scripts is empty, and `remind` stays silent, as without filters.
    assert_eq!(
        out(&["status", "--state", "waived", "--format", "json"]),
        "[]\n"
    );
    assert_eq!(out(&["remind", "--owner", "nobody", "--exit-code"]), "");
}

/// Each listing command keeps exactly the rows of its unfiltered listing that match, in
/// the same order.
#[test]
fn every_listing_keeps_the_rows_that_match_in_order() {
    let commands: [&[&str]; 5] = [
        &["--next", "1y"],
        &["remind", "--next", "1y"],
        &["status", "--at", "council-2027"],
        &["list"],
        &["overdue"],
    ];
    for command in commands {
        let all = ids_and_states(&out(&[command, &["--format", "json"]].concat()));
        for state in ["due-soon", "upcoming", "ongoing", "untracked"] {
            let args = [command, &["--format", "json", "--state", state]].concat();
            let got = ids_and_states(&out(&args));
            // `list` has no state column: its rows are the obligations whose status matches.
            let want: Vec<(String, String)> = if command == ["list"] {
                let status = ids_and_states(&out(&["status", "--all", "--format", "json"]));
                let ids: Vec<&String> = status
                    .iter()
                    .filter(|(_, s)| s == state)
                    .map(|(id, _)| id)
                    .collect();
                all.iter()
                    .filter(|(id, _)| ids.contains(&id))
                    .cloned()
                    .collect()
            } else {
                all.iter().filter(|(_, s)| s == state).cloned().collect()
            };
            assert_eq!(got, want, "{command:?} --state {state}");
        }
        let got = ids_and_states(&out(
            &[command, &["--format", "json", "--id", "*-to-cwg"]].concat()
        ));
        let want: Vec<_> = all
            .iter()
            .filter(|(id, _)| id.ends_with("-to-cwg"))
            .cloned()
            .collect();
        assert_eq!(got, want, "{command:?} --id");
    }
}

#[test]
fn filters_go_before_or_after_the_command() {
    let after = out(&["status", "--owner", "directors", "--format", "json"]);
    let before = out(&["--owner", "directors", "status", "--format", "json"]);
    assert_eq!(after, before);
    let rows = ids_and_states(&after);
    assert_eq!(rows.len(), 4, "{after}");
}

#[test]
fn the_feed_takes_only_the_matching_deadlines() {
    let feed = out(&["ics", "--id", "cstd-annual-report"]);
    let uids: Vec<&str> = feed.lines().filter(|l| l.starts_with("UID:")).collect();
    assert!(!uids.is_empty(), "{feed}");
    assert!(
        uids.iter().all(|u| u.contains("cstd-annual-report")),
        "{uids:?}"
    );
    let all = out(&["ics"]);
    assert!(all.matches("UID:").count() > uids.len());
    let same = out(&[
        "--format",
        "ics",
        "--next",
        "1y",
        "--id",
        "cstd-annual-report",
    ]);
    let events = |f: &str| f.lines().filter(|l| l.starts_with("UID:")).count();
    assert_eq!(events(&same), uids.len());
}

/// `--exit-code` and the e-mail answer for the filtered listing: on the feeds fixture one
/// item is overdue (owner Finance) and one needs attention (owner WSIS team).
#[test]
fn exit_codes_and_mail_follow_the_filtered_listing() {
    let code = |args: &[&str]| {
        due_on("feeds.toml", TODAY)
            .args(args)
            .assert()
            .get_output()
            .status
            .code()
    };
    let cases: [(&[&str], i32); 7] = [
        (&["overdue"], 1),
        (&["overdue", "--owner", "wsis"], 0),
        (&["overdue", "--owner", "finance"], 1),
        (&["remind", "--state", "upcoming"], 0),
        (&["remind", "--state", "due-soon"], 1),
        (&["--id", "quarterly-*"], 1),
        (&["--id", "quarterly-*", "--next", "7d"], 0),
    ];
    for (args, want) in cases {
        assert_eq!(
            code(&[args, &["--exit-code"]].concat()),
            Some(want),
            "{args:?}"
        );
    }

    let mail = |owner: &str| {
        let mut cmd = due_on("feeds.toml", TODAY);
        cmd.args(["remind", "--mail", "--to", "ops@example.org"])
            .args(["--owner", owner]);
        cmd.assert().code(0).get_output().stdout.clone()
    };
    let subject_and_body = |owner: &str| {
        let raw = mail(owner);
        let msg = MessageParser::default().parse(&raw).expect("a message");
        let body = msg.body_text(0).unwrap().into_owned();
        (msg.subject().unwrap().to_owned(), body)
    };
    let (finance, body) = subject_and_body("FINANCE");
    assert_eq!(finance, "[due] 1 overdue: Test secretariat obligations");
    assert!(
        body.contains("budget-note") && !body.contains("cstd-report"),
        "{body}"
    );
    let (wsis, body) = subject_and_body("wsis");
    assert_eq!(wsis, "[due] 1 coming up: Test secretariat obligations");
    assert!(
        !body.contains("budget-note") && body.contains("cstd-report"),
        "{body}"
    );
    // Nothing to send: no message at all.
    assert!(mail("nobody").is_empty());
}

#[test]
fn a_mistaken_filter_is_refused_on_one_line() {
    let messages = [
        refused(&["--state", "overdue,due_soon"]),
        refused(&["status", "--state", "late"]),
        refused(&["list", "--id", "cstd-["]),
        refused(&["--lang", "fr", "overdue", "--state", "en-retard"]),
        refused(&["--owner", "x", "meetings"]),
        refused(&["--state", "done", "done", "roadmaps"]),
    ];
    for m in &messages {
        assert!(m.starts_with("due: ") && m.lines().count() == 1, "{m}");
    }
    insta::assert_snapshot!("refusals", messages.concat());
    // Given after a command that lists nothing, clap refuses them as unknown.
    for command in [
        &["done", "roadmaps"][..],
        &["waive", "roadmaps", "2027", "--reason", "x"],
        &["show", "roadmaps"],
        &["history"],
        &["meetings"],
        &["validate"],
        &["init", "/nonexistent/x.toml"],
        &["diff", "-"],
    ] {
        for filter in [
            ["--owner", "x"],
            ["--recipient", "x"],
            ["--state", "done"],
            ["--id", "x"],
        ] {
            let args = [command, &filter[..]].concat();
            let err = refused(&args);
            assert!(err.contains("unexpected argument"), "{args:?}: {err}");
        }
    }
}

#[test]
fn help_names_the_filters_where_they_apply() {
    for command in ["overdue", "remind", "status", "list", "ics"] {
        let help = out(&[command, "--help"]);
        for option in [
            "--owner <TEXT>",
            "--recipient <TEXT>",
            "--state <STATE[,STATE...]>",
            "--id <PATTERN>",
        ] {
            assert!(
                help.contains(option),
                "due {command} --help lacks {option}:\n{help}"
            );
        }
        assert!(help.contains("Filters:"), "{help}");
        // Every state `--state` takes is named in the help, whatever the wrapping.
        let words: Vec<&str> = help
            .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .collect();
        for state in due::engine::State::ALL {
            assert!(words.contains(&state.as_str()), "{state:?} in {help}");
        }
    }
    let top = out(&["--help"]);
    assert!(top.contains("--owner <TEXT>"), "{top}");
    for command in ["done", "show", "meetings", "history", "validate"] {
        let help = out(&[command, "--help"]);
        assert!(!help.contains("--owner"), "due {command} --help:\n{help}");
    }
}

/// The handout lists, and marks on its timeline, only what passes the filters, and says
/// which filters made it.
#[test]
fn the_handout_is_a_selection_that_says_so() {
    use crate::handout::attributes;
    let args = [
        "status",
        "--at",
        "council-2027",
        "--all",
        "--owner",
        "directors",
    ];
    let html = out(&[&args[..], &["--format", "html"]].concat());
    let mut listed: Vec<String> =
        ids_and_states(&out(&[&args[..], &["--format", "json"]].concat()))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
    listed.sort();
    let mut rows = attributes(&html, "<tbody class=\"ob ", "data-id");
    rows.sort();
    assert_eq!(rows, listed);
    let marks = attributes(&html, "class=\"mark ", "data-id");
    assert!(!marks.is_empty(), "{html}");
    assert!(
        marks.iter().all(|m| listed.contains(m)),
        "{marks:?} beyond {listed:?}"
    );
    assert!(
        html.contains("<p class=\"note\">Filters: --owner &quot;directors&quot;.</p>"),
        "{html}"
    );
    let md = out(&[&args[..], &["--format", "md"]].concat());
    assert!(md.ends_with("\nFilters: --owner \"directors\".\n"), "{md}");
    let whole = out(&["status", "--at", "council-2027", "--format", "html"]);
    assert!(!whole.contains("Filters:"));
}

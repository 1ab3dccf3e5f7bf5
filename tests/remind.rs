//! `due remind`: the digest, its silence, `--exit-code`, and the e-mail message as an
//! independent parser reads it.

use crate::common;

use common::{TODAY, due_on, stdout};
use mail_parser::{Address, MessageParser};

const DIGEST: &str = "\
Overdue (1)
- 2027-02-15 (14 days overdue) budget-note [once]
  Budget note to the finance committee
  to: Finance committee
  mandate: Res. 1332, instructs the Secretary-General 2

Needs attention (1)
- 2027-03-15 (in 14 days, estimated date) cstd-report [2027]
  Annual report to ECOSOC through the CSTD
  to: ECOSOC via CSTD
  mandate: Res. 1332, instructs the Secretary-General 4
  milestone reached 2027-03-01: draft to CWG-WSIS&SDG
";

/// Before anything is inside its lead time: the 2026 quarter is before `tracking_since`.
const QUIET_DAY: &str = "2027-01-05";

#[test]
fn digest_puts_overdue_first_then_goes_by_date() {
    let out = stdout(due_on("feeds.toml", TODAY).arg("remind"), 0);
    assert_eq!(out, DIGEST);
}

#[test]
fn next_takes_in_what_falls_due_in_the_window() {
    let out = stdout(
        due_on("feeds.toml", TODAY).args(["remind", "--next", "30d"]),
        0,
    );
    let expected = DIGEST.replace("Needs attention (1)", "Needs attention (2)")
        + "- 2027-03-31 (in 30 days) quarterly-update [2027-Q1]\n  \
           Quarterly update to the membership\n  \
           mandate: Res. 1332, instructs the Secretary-General 7\n";
    assert_eq!(out, expected);
}

#[test]
fn nothing_to_say_prints_nothing_and_succeeds_even_with_exit_code_and_mail() {
    for args in [
        &["remind"][..],
        &["remind", "--exit-code"],
        &["remind", "--mail", "--to", "ops@example.org"],
        &["--exit-code", "remind", "--format", "json"],
    ] {
        let out = due_on("feeds.toml", QUIET_DAY).args(args).assert().code(0);
        let out = out.get_output();
        assert!(out.stdout.is_empty(), "{args:?} printed {:?}", out.stdout);
        assert!(out.stderr.is_empty(), "{args:?} said {:?}", out.stderr);
    }
}

#[test]
fn exit_code_is_one_when_a_listing_is_not_empty_and_zero_when_it_is() {
    let cases: &[(&[&str], &str, i32)] = &[
        (&["remind", "--exit-code"], TODAY, 1),
        (&["--exit-code", "remind"], TODAY, 1),
        (&["remind"], TODAY, 0),
        (&["--exit-code"], TODAY, 1),
        (&["--exit-code", "--next", "1d"], QUIET_DAY, 0),
        (&["overdue", "--exit-code"], TODAY, 1),
        (&["--exit-code", "overdue"], TODAY, 1),
        (&["overdue", "--exit-code"], QUIET_DAY, 0),
        (&["overdue"], TODAY, 0),
    ];
    for (args, today, code) in cases {
        let out = due_on("feeds.toml", today).args(*args).assert().code(*code);
        assert!(
            !out.get_output().stdout.is_empty() || *code == 0,
            "{args:?}"
        );
    }
}

#[test]
fn usage_errors_and_bad_input_exit_two() {
    let cases: &[&[&str]] = &[
        &["remind", "--to", "ops@example.org"],
        &["remind", "--mail"],
        &["remind", "--mail", "--to", "not an address"],
        &[
            "remind",
            "--mail",
            "--smtp",
            "smtp://127.0.0.1:1",
            "--to",
            "a@example.org",
        ],
        &[
            "remind",
            "--mail",
            "--to",
            "a@example.org",
            "--format",
            "json",
        ],
        &["remind", "--next", "soon"],
    ];
    for args in cases {
        let out = due_on("feeds.toml", TODAY).args(*args).assert().code(2);
        let out = out.get_output();
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} gave no reason");
    }
    let out = due_on("feeds.toml", TODAY)
        .args(["remind", "--mail", "--to", "not an address"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("`not an address` is not an e-mail address"),
        "{err}"
    );
}

#[test]
fn json_rows_carry_the_contract_fields() {
    let out = stdout(
        due_on("feeds.toml", TODAY).args(["remind", "--format", "json"]),
        0,
    );
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "budget-note");
    assert_eq!(rows[0]["state"], "overdue");
    assert_eq!(rows[0]["days"], -14);
    assert_eq!(rows[1]["id"], "cstd-report");
    assert_eq!(rows[1]["state"], "due-soon");
    assert_eq!(rows[1]["tentative"], true);
    assert_eq!(rows[1]["meeting"], "cstd-2027");
}

fn mail(extra: &[&str]) -> Vec<u8> {
    let mut cmd = due_on("feeds.toml", TODAY);
    cmd.args(["remind", "--mail"]).args(extra);
    let out = cmd.assert().code(0).get_output().stdout.clone();
    assert!(!out.is_empty());
    out
}

fn addresses(a: Option<&Address<'_>>) -> Vec<(String, String)> {
    a.expect("the header is there")
        .iter()
        .map(|a| {
            (
                a.name().unwrap_or_default().to_string(),
                a.address().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn mail_is_a_complete_message_that_an_independent_parser_reads_back() {
    let raw = mail(&[
        "--to",
        "Jérôme Dupont <jerome@example.org>",
        "--to",
        "ops@example.org",
        "--from",
        "Secrétariat <secretariat@example.org>",
        "--subject-prefix",
        "[Rés. 1332]",
    ]);
    // Headers travel as 7-bit text: non-ASCII names and subjects are encoded words.
    let head_end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = &raw[..head_end];
    assert!(head.is_ascii(), "{}", String::from_utf8_lossy(head));
    for line in String::from_utf8_lossy(&raw).split("\r\n") {
        assert!(line.len() <= 998, "line too long: {line}");
    }

    let msg = MessageParser::default().parse(&raw).expect("parses");
    assert_eq!(
        msg.subject(),
        Some("[Rés. 1332] 1 overdue, 1 coming up: Test secretariat obligations")
    );
    assert_eq!(
        addresses(msg.from()),
        [("Secrétariat".into(), "secretariat@example.org".into())]
    );
    assert_eq!(
        addresses(msg.to()),
        [
            ("Jérôme Dupont".into(), "jerome@example.org".into()),
            (String::new(), "ops@example.org".into())
        ]
    );
    assert!(msg.date().is_some(), "a Date header");
    let id = msg.message_id().expect("a Message-ID");
    assert!(id.contains('@'), "{id}");
    assert_eq!(msg.header_raw("MIME-Version").map(str::trim), Some("1.0"));

    let text = msg.body_text(0).unwrap();
    assert_eq!(
        text.replace("\r\n", "\n"),
        format!("Test secretariat obligations\nAs of {TODAY}.\n\n{DIGEST}")
    );
    let html = msg.body_html(0).unwrap();
    assert!(
        html.contains(r#"<tr style="color:#b00;font-weight:bold"><td style="white-space:nowrap">2027-02-15</td><td style="white-space:nowrap">14d ago</td><td style="white-space:nowrap">budget-note</td><td style="white-space:nowrap">once</td><td style="white-space:nowrap">overdue</td><td>Budget note"#),
        "{html}"
    );
    assert!(
        html.contains("Milestone 2027-03-01 of cstd-report [2027]: draft to CWG-WSIS&amp;SDG"),
        "{html}"
    );
}

#[test]
fn the_sender_defaults_to_the_first_recipient_and_the_prefix_to_due() {
    let raw = mail(&["--to", "ops@example.org", "--to", "b@example.org"]);
    let msg = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        addresses(msg.from()),
        [(String::new(), "ops@example.org".into())]
    );
    assert_eq!(
        msg.subject(),
        Some("[due] 1 overdue, 1 coming up: Test secretariat obligations")
    );
}

#[test]
fn mail_snapshot() {
    let raw = String::from_utf8(mail(&[
        "--to",
        "Jérôme Dupont <jerome@example.org>",
        "--from",
        "secretariat@example.org",
    ]))
    .unwrap();
    insta::with_settings!({filters => vec![
        (r"(?m)^Date: .*$", "Date: [date]"),
        (r"(?m)^Message-ID: .*$", "Message-ID: [message-id]"),
        (r#"boundary="[^"]+""#, r#"boundary="[boundary]""#),
        (r"(?m)^--[A-Za-z0-9]{20,}(--)?$", "--[boundary]$1"),
    ]}, {
        insta::assert_snapshot!(raw.replace("\r\n", "\n"));
    });
}

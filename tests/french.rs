//! `--lang fr` and a French locale: every word for people in French, data formats in English.

use crate::common;

use common::{due_on, stdout};

const SECRETARIAT: &str = "secretariat.toml";
const DAY: &str = "2026-11-28";

fn french(args: &[&str]) -> String {
    stdout(
        due_on(SECRETARIAT, DAY).args(["--lang", "fr"]).args(args),
        0,
    )
}

#[test]
fn default_listing() {
    insta::assert_snapshot!(french(&["--next", "90d"]));
}

#[test]
fn status() {
    insta::assert_snapshot!(french(&["status", "--at", "pp-26"]));
}

#[test]
fn list_and_meetings() {
    insta::assert_snapshot!("list", french(&["list"]));
    insta::assert_snapshot!("meetings", french(&["meetings"]));
}

#[test]
fn a_french_locale_speaks_french_without_lang() {
    let mut cmd = due_on(SECRETARIAT, DAY);
    cmd.env("LANG", "fr_CH.UTF-8").args(["--next", "90d"]);
    assert_eq!(stdout(&mut cmd, 0), french(&["--next", "90d"]));
    // LC_ALL comes first, and --lang before any of them.
    let mut cmd = due_on(SECRETARIAT, DAY);
    cmd.env("LANG", "fr_CH.UTF-8").env("LC_ALL", "en_US.UTF-8");
    let english = stdout(cmd.args(["--next", "90d"]), 0);
    assert!(english.contains("│ Due "), "{english}");
    let mut cmd = due_on(SECRETARIAT, DAY);
    cmd.env("LC_MESSAGES", "fr_FR.UTF-8")
        .args(["--lang", "en", "--next", "90d"]);
    assert_eq!(stdout(&mut cmd, 0), english);
}

#[test]
fn data_formats_keep_english_keys_and_states() {
    for args in [
        &["--next", "90d"][..],
        &["status", "--at", "pp-26"],
        &["list"],
        &["meetings"],
    ] {
        let json = |lang: &str| {
            let text = stdout(
                due_on(SECRETARIAT, DAY)
                    .args(["--lang", lang, "--format", "json"])
                    .args(args),
                0,
            );
            serde_json::from_str::<serde_json::Value>(&text).unwrap()
        };
        let (en, fr) = (json("en"), json("fr"));
        let rows = |v: &serde_json::Value| v.as_array().unwrap().clone();
        assert_eq!(rows(&en).len(), rows(&fr).len(), "{args:?}");
        for (e, f) in rows(&en).iter().zip(rows(&fr).iter()) {
            let keys =
                |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(e), keys(f), "{args:?}");
            assert_eq!(e.get("state"), f.get("state"), "{args:?}");
        }
        let csv = |lang: &str| {
            stdout(
                due_on(SECRETARIAT, DAY)
                    .args(["--lang", lang, "--format", "csv"])
                    .args(args),
                0,
            )
        };
        let (en, fr) = (csv("en"), csv("fr"));
        assert_eq!(en.lines().next(), fr.lines().next(), "{args:?}");
    }
    let text = french(&["status", "--at", "pp-26", "--format", "csv"]);
    assert!(
        text.contains(",overdue,") || text.contains(",upcoming,"),
        "{text}"
    );
    assert!(
        !text.contains("en retard") && !text.contains("à venir"),
        "{text}"
    );
}

#[test]
fn remind_digest() {
    let out = stdout(
        due_on("feeds.toml", common::TODAY).args(["--lang", "fr", "remind"]),
        0,
    );
    insta::assert_snapshot!(out);
}

/// The e-mail as its reader sees it: the subject, then both parts decoded.
#[test]
fn remind_mail() {
    let raw = due_on("feeds.toml", common::TODAY)
        .args([
            "--lang",
            "fr",
            "remind",
            "--mail",
            "--to",
            "ops@example.org",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let msg = mail_parser::MessageParser::default()
        .parse(&raw)
        .expect("the message parses");
    insta::assert_snapshot!(format!(
        "Subject: {}\n\n{}\n-- HTML --\n{}",
        msg.subject().unwrap(),
        msg.body_text(0).unwrap(),
        msg.body_html(0).unwrap()
    ));
}

#[test]
fn show_labels_in_french_and_the_clause_as_adopted() {
    insta::assert_snapshot!(french(&["show", "cstd-report"]));
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("obligations.toml");
    let show = |lang: &str| {
        let mut cmd = common::due();
        cmd.arg("--registry").arg(&shipped).args([
            "--today",
            DAY,
            "--lang",
            lang,
            "show",
            "cstd-annual-report",
        ]);
        stdout(&mut cmd, 0)
    };
    let (en, fr) = (show("en"), show("fr"));
    // The shipped registry quotes the French text, and says so in both languages.
    assert!(
        en.contains("clause (as adopted, in French)\n  > de faire rapport"),
        "{en}"
    );
    assert!(
        fr.contains("clause (texte adopté, en français)\n  > de faire rapport"),
        "{fr}"
    );
}

#[test]
fn common_refusals_in_french() {
    // A ledger of its own, in case a refusal were not one.
    let ledger = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("french-refusals.toml");
    let err = |args: &[&str]| {
        let out = due_on(SECRETARIAT, DAY)
            .arg("--ledger")
            .arg(&ledger)
            .args(["--lang", "fr"])
            .args(args)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        err(&["done", "cstd-reprot"]),
        "due: aucune obligation `cstd-reprot` dans le registre (vouliez-vous dire `cstd-report` ? \
         `due list` donne les identifiants)\n"
    );
    let period = err(&["done", "cstd-report", "2027-Q1"]);
    assert!(
        period.starts_with("due: `cstd-report` n'a pas de période `2027-Q1` (les plus proches : "),
        "{period}"
    );
    let mut cmd = common::due();
    cmd.env("LANG", "fr_CH.UTF-8")
        .args(["--registry", "/nonexistent/obligations.toml", "list"]);
    let out = cmd.assert().code(2).get_output().stderr.clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .starts_with("due: le registre /nonexistent/obligations.toml n'existe pas"),
    );
}

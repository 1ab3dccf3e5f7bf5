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
        &["show", "cstd-report"],
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

/// Runs `due` in `dir` with `args` (French, a fixed day and user) and gives the transcript:
/// the command, its exit status when not 0, and what it wrote.
fn transcript(dir: &std::path::Path, lines: &[&[&str]]) -> String {
    let mut out = String::new();
    for args in lines {
        let output = common::due()
            .current_dir(dir)
            .env("DUE_USER", "ana")
            .args(["--lang", "fr", "--today", "2026-12-02"])
            .args(*args)
            .output()
            .expect("due runs");
        out.push_str(&format!("$ due {}\n", args.join(" ")));
        if output.status.code() != Some(0) {
            out.push_str(&format!("? {}\n", output.status.code().unwrap_or(-1)));
        }
        out.push_str(&String::from_utf8_lossy(&output.stdout));
        out.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    out
}

/// A folder holding a copy of the fixture registry, so that paths in messages are short
/// and the same on every machine.
fn folder_with(registry: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(common::fixture(registry), dir.path().join(registry)).expect("a copy");
    dir
}

#[test]
fn recording_and_its_refusals() {
    let dir = folder_with(SECRETARIAT);
    let on = |args: &[&'static str]| -> Vec<&'static str> {
        let mut all = vec!["--registry", SECRETARIAT, "--ledger", "ledger.toml"];
        all.extend_from_slice(args);
        all
    };
    let lines = [
        on(&["done", "cstd-report", "--ref", "X1"]),
        on(&["done", "cstd-report", "2027"]),
        on(&[
            "done",
            "cstd-report",
            "2027",
            "--amend",
            "--on",
            "2026-12-01",
        ]),
        on(&["done", "quarterly-return", "2026-Q1", "--on", "2026-05-10"]),
        on(&["done", "council-report", "2026"]),
        on(&["done", "cstd-report", "2072"]),
        on(&["done", "cstd-report", "2027", "--on", "2027-12-01"]),
        on(&["done", "trust-fund"]),
        on(&["done", "cstd-report", "--ref", " "]),
        on(&["waive", "fixed-day", "2026", "--reason", "fusionné"]),
        on(&["undo", "fixed-day", "2026"]),
        on(&["undo", "fixed-day", "2026"]),
        on(&["undo", "council-report", "2026"]),
        on(&["validate"]),
        on(&["ledger", "migrate", "secretariat.toml"]),
        on(&["ledger", "migrate", "dossier/"]),
        on(&["ledger", "migrate", "dossier/"]),
    ];
    let lines: Vec<&[&str]> = lines.iter().map(Vec::as_slice).collect();
    insta::assert_snapshot!(transcript(dir.path(), &lines));
}

#[test]
fn show_explains_each_date_in_french() {
    let out: String = [
        "council-report",
        "leap-day",
        "quarterly",
        "monthly",
        "christmas-eve",
    ]
    .iter()
    .map(|id| french_on("explained.toml", &["show", id]))
    .collect();
    insta::assert_snapshot!(out);
}

fn french_on(registry: &str, args: &[&str]) -> String {
    stdout(
        due_on(registry, "2026-12-02")
            .args(["--lang", "fr"])
            .args(args),
        0,
    )
}

/// The feed's text for people: every SUMMARY and DESCRIPTION, its lines unfolded.
#[test]
fn the_calendar_feed_speaks_french() {
    let feed = french_on(SECRETARIAT, &["ics", "--next", "60d"]).replace("\r\n ", "");
    let text: Vec<&str> = feed
        .lines()
        .filter(|l| l.starts_with("SUMMARY") || l.starts_with("DESCRIPTION"))
        .collect();
    insta::assert_snapshot!(text.join("\n"));
}

#[test]
fn diff_in_french() {
    let dir = folder_with(SECRETARIAT);
    let old = std::fs::read_to_string(dir.path().join(SECRETARIAT)).unwrap();
    let old = old
        .replace("typical = \"06-15..06-25\"", "typical = \"04-20..04-30\"")
        .replace("Annual report to Council", "Annual report to the Council");
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    insta::assert_snapshot!(transcript(
        dir.path(),
        &[
            &["--registry", SECRETARIAT, "diff", "old.toml"],
            &["--registry", SECRETARIAT, "diff", SECRETARIAT],
        ]
    ));
}

#[test]
fn mistakes_on_the_command_line() {
    let dir = folder_with(SECRETARIAT);
    let reg = ["--registry", SECRETARIAT];
    let with = |args: &[&'static str]| -> Vec<&'static str> {
        let mut all = reg.to_vec();
        all.extend_from_slice(args);
        all
    };
    let lines = [
        with(&["show", "cstd-reprot"]),
        with(&["--next", "3x"]),
        with(&["--next", "300y"]),
        with(&["status", "--at", "conseil"]),
        with(&["status", "--format", "ics"]),
        with(&["--lock-timeout", "3"]),
        with(&["--format", "json", "validate"]),
        with(&[
            "remind",
            "--mail",
            "--to",
            "a@example.org",
            "--format",
            "json",
        ]),
        with(&[
            "remind",
            "--smtp",
            "ftp://mail.example.org",
            "--to",
            "a@example.org",
        ]),
        vec!["--registry", "missing.toml", "list"],
    ];
    let lines: Vec<&[&str]> = lines.iter().map(Vec::as_slice).collect();
    insta::assert_snapshot!(transcript(dir.path(), &lines));
    // Windows in French units are the same windows.
    assert_eq!(french(&["--next", "3 mois"]), french(&["--next", "3m"]),);
}

/// Every broken registry and ledger of the error catalogue, as a French reader is told.
#[test]
fn the_error_catalogue_in_french() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = String::new();
    for kind in ["registry", "ledger"] {
        let mut cases: Vec<_> = std::fs::read_dir(root.join("tests/catalogue").join(kind))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        cases.sort();
        for case in cases {
            let rel = case.strip_prefix(root).unwrap().display().to_string();
            let mut cmd = common::due();
            cmd.current_dir(root).args(["--lang", "fr"]);
            match kind {
                "registry" => cmd.args(["validate", "--registry", &rel]),
                _ => cmd.args([
                    "--registry",
                    "tests/fixtures/secretariat.toml",
                    "--ledger",
                    &rel,
                    "--today",
                    "2027-01-15",
                ]),
            };
            let output = cmd.output().unwrap();
            assert_eq!(output.status.code(), Some(2), "{rel}");
            out.push_str(&String::from_utf8_lossy(&output.stderr));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn init_in_french() {
    let dir = tempfile::tempdir().unwrap();
    insta::assert_snapshot!(transcript(
        dir.path(),
        &[
            &["init", "mine.toml"],
            &["init", "mine.toml"],
            &["init", "obligations.toml"],
            &["init", "--team", "equipe"],
        ]
    ));
}

/// Two clones that recorded one occurrence differently: `validate` names both records.
#[test]
fn a_conflict_in_french() {
    let dir = folder_with(SECRETARIAT);
    let record = |ledger: &str, on: &'static str| {
        transcript(
            dir.path(),
            &[&[
                "--registry",
                SECRETARIAT,
                "--ledger",
                ledger,
                "done",
                "cstd-report",
                "2027",
                "--on",
                on,
            ]],
        )
    };
    record("a/", "2026-11-30");
    record("b/", "2026-12-01");
    for entry in std::fs::read_dir(dir.path().join("b")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&path, dir.path().join("a").join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = transcript(
        dir.path(),
        &[&["--registry", SECRETARIAT, "--ledger", "a/", "validate"]],
    );
    // File names and times of recording differ from run to run, and so may the order of
    // two records made in the same second.
    let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
    let records: Vec<usize> = (0..lines.len())
        .filter(|&n| lines[n].starts_with("  a/"))
        .collect();
    assert_eq!(records.len(), 2, "{out}");
    assert_eq!(out.matches(" (retenu)").count(), 1, "{out}");
    let mut said: Vec<String> = records
        .iter()
        .map(|&n| {
            let what = lines[n].split_once(" : ").map_or("", |(_, w)| w);
            let what = what.split(", enregistré le ").next().unwrap_or(what);
            format!("  a/[fichier] : {what}, enregistré le [heure]")
        })
        .collect();
    said.sort();
    for (n, text) in records.into_iter().zip(said) {
        lines[n] = text;
    }
    insta::assert_snapshot!(lines.join("\n"));
}

/// The shipped registry speaks French where it can: its own title, recipients and owners.
#[test]
fn the_shipped_registry_in_french() {
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("obligations.toml");
    let run = |args: &[&str]| {
        let mut cmd = common::due();
        cmd.arg("--registry")
            .arg(&shipped)
            .args(["--today", "2026-12-02", "--lang", "fr"])
            .args(args);
        stdout(&mut cmd, 0)
    };
    let status = run(&["status", "--at", "pp-26", "--format", "md"]);
    assert_eq!(
        status.lines().next(),
        Some(
            "# État au 2026-11-09 (ouverture de pp-26) : Résolution 1332 du Conseil de l'UIT : \
             instructions au Secrétaire général"
        ),
        "{status}"
    );
    let show = run(&["show", "cstd-annual-report"]);
    assert!(
        show.contains("responsable     Secrétaire général\n"),
        "{show}"
    );
    assert!(
        show.contains("destinataire    ECOSOC, par l'intermédiaire de la CTSD\n"),
        "{show}"
    );
    // The built-in registry is named in French too.
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = common::due();
    cmd.current_dir(dir.path())
        .args(["--lang", "fr", "--ledger", "l.toml", "validate"]);
    let validate = stdout(&mut cmd, 0);
    assert!(
        validate.starts_with("registre : (intégré) obligations.toml\n"),
        "{validate}"
    );
}

/// What the argument parser refuses, said in French when the command line or the locale
/// asks for it.
#[test]
fn the_argument_parser_refuses_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |env: Option<&str>, args: &[&str]| {
        let mut cmd = common::due();
        cmd.current_dir(dir.path()).args(args);
        if let Some(lang) = env {
            cmd.env("LANG", lang);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        format!(
            "$ due {}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let fr = Some("fr_CH.UTF-8");
    let out: String = [
        refused(fr, &["--nxt", "3d"]),
        refused(fr, &["status", "--format", "xml"]),
        refused(fr, &["--today", "2026-02-30"]),
        refused(fr, &["frobnicate"]),
        refused(fr, &["--next", "3d", "--until", "2027-01-01"]),
        refused(fr, &["done"]),
        refused(fr, &["remind", "--mail", "--to", "nobody"]),
        refused(None, &["--lang", "fr", "--today", "x"]),
        refused(None, &["--lang=fr", "--today", "x"]),
    ]
    .concat();
    insta::assert_snapshot!(out);
    // English stays clap's own.
    let en = refused(Some("fr_CH.UTF-8"), &["--lang", "en", "--nxt", "3d"]);
    assert!(
        en.contains("due: unexpected argument '--nxt' found"),
        "{en}"
    );
}

/// `--help` in French: the descriptions, clap's headings and annotations, for `due` and its
/// commands, whether French is asked for or comes from the locale; in English otherwise.
#[test]
fn help_speaks_french() {
    // Compared with its lines joined: clap wraps them at the terminal's width.
    let joined = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let top = french(&["--help"]);
    for word in [
        "Utilisation : due [OPTIONS] [COMMANDE]",
        "Commandes:",
        "Filtres:",
        "Toutes les obligations, avec leur mandat",
        "[par défaut : table] [valeurs possibles : table, json, csv, md, ics, html]",
        "[variable : DUE_REGISTRY]",
        "Afficher la version",
        "Registre utilisé : ",
        "Statut de sortie : 0 succès",
    ] {
        assert!(
            joined(&top).contains(word),
            "`due --lang fr --help` lacks {word:?}:\n{top}"
        );
    }
    let mut done = due_on(SECRETARIAT, DAY);
    done.env("LANG", "fr_FR.UTF-8").args(["done", "-h"]);
    let done = stdout(&mut done, 0);
    assert!(
        joined(&done).contains("Le jour de la remise [par défaut : aujourd'hui]"),
        "{done}"
    );
    assert!(done.contains("Afficher l'aide"), "{done}");
    assert_eq!(french(&["help", "done"]), french(&["done", "--help"]));
    for help in [
        top,
        done,
        french(&["remind", "--help"]),
        french(&["ledger", "migrate", "-h"]),
    ] {
        for english in [
            "Usage:",
            "Print help",
            "[default:",
            "[env:",
            "possible values",
            "Exit status",
        ] {
            assert!(!help.contains(english), "English {english:?} in:\n{help}");
        }
    }
    let english = stdout(due_on(SECRETARIAT, DAY).args(["--lang", "en", "--help"]), 0);
    assert!(
        english.contains("Usage: due [OPTIONS] [COMMAND]"),
        "{english}"
    );
    assert!(
        english.contains("Every obligation, with its mandate"),
        "{english}"
    );
    // The manual page follows the locale (`man` takes no --lang).
    let mut man = due_on(SECRETARIAT, DAY);
    man.env("LANG", "fr_FR.UTF-8").arg("man");
    let man = stdout(&mut man, 0);
    for word in [
        "Suivre les obligations de rapport",
        "Enregistrer la remise",
        "DURÉE",
    ] {
        assert!(
            man.contains(word),
            "`due man` in French lacks {word:?}:\n{man}"
        );
    }
    assert!(!man.contains("Print help"), "{man}");
}

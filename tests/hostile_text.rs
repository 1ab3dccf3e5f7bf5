//! Text from the registry never breaks out of its place. A registry whose every free text is
//! hostile (line breaks, control characters, separators, bidirectional overrides, combining
//! marks, very long runs) must give output of the same shape as the same registry with plain
//! text: the same table lines, CSV records, Markdown cells, JSON values, iCalendar properties
//! and e-mail headers. JSON alone carries the text exactly, escaped.

use std::process::Command as Process;

use assert_cmd::Command;
use proptest::prelude::*;

const TODAY: &str = "2027-01-15";

/// A TOML basic string holding `text` exactly.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Two obligations due soon, one with a reached milestone, every free text set to `text`.
fn registry(text: &str) -> String {
    let t = toml_string(text);
    format!(
        "schema = 1\ntitle = {t}\n\
         [meetings.council]\nname = {t}\ndates = \"2027-01-20..2027-01-22\"\n\
         [[obligation]]\nid = \"a\"\ntitle = {{ en = {t}, fr = {t} }}\nmandate = {t}\nowner = {t}\nto = {t}\nnotes = {t}\n\
         due = \"council - 2d\"\nlead = \"30d\"\nmilestones = [{{ name = {t}, at = \"due - 1w\" }}]\n\
         [[obligation]]\nid = \"b\"\ntitle = {t}\ndue = \"2027-01-25\"\n"
    )
}

struct Outputs {
    table: String,
    wrapped: String,
    csv: String,
    md: String,
    json: String,
    status_json: String,
    ics: String,
    mail: String,
    show: String,
    list_csv: String,
    meetings_md: String,
}

fn run(dir: &std::path::Path, text: &str, args: &[&str], columns: Option<&str>) -> String {
    let path = dir.join("obligations.toml");
    std::fs::write(&path, registry(text)).expect("write the registry");
    let mut cmd = Command::cargo_bin("due").expect("the binary is built");
    cmd.env_remove("DUE_LEDGER")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .arg("--registry")
        .arg(&path)
        .arg("--ledger")
        .arg(dir.join("ledger.toml"))
        .args(["--today", TODAY])
        .args(args);
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().expect("due runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

fn outputs(text: &str) -> Outputs {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path();
    let mail = [
        "remind",
        "--mail",
        "--to",
        "desk@example.org",
        "--from",
        "due@example.org",
    ];
    Outputs {
        table: run(dir, text, &["--format", "table"], None),
        wrapped: run(dir, text, &["--format", "table"], Some("60")),
        csv: run(dir, text, &["--format", "csv"], None),
        md: run(dir, text, &["--format", "md"], None),
        json: run(dir, text, &["--format", "json"], None),
        status_json: run(dir, text, &["status", "--format", "json"], None),
        ics: run(dir, text, &["ics", "--until", "2027-12-31"], None),
        mail: run(dir, text, &mail, None),
        show: run(dir, text, &["show", "a"], None),
        list_csv: run(dir, text, &["list", "--format", "csv"], None),
        meetings_md: run(dir, text, &["meetings", "--format", "md"], None),
    }
}

/// The table's lines, each cut to its first and last character: the frame.
fn frame(table: &str) -> Vec<(char, char)> {
    table
        .lines()
        .map(|l| {
            let mut chars = l.chars();
            (
                chars.next().unwrap_or(' '),
                chars.next_back().unwrap_or(' '),
            )
        })
        .collect()
}

fn csv_shape(text: &str) -> (usize, Vec<usize>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let records: Vec<usize> = reader
        .records()
        .map(|r| r.expect("a CSV record").len())
        .collect();
    (text.lines().count(), records)
}

/// Cells per Markdown line: the pipes that are not escaped.
fn md_shape(text: &str) -> Vec<usize> {
    text.lines()
        .map(|line| {
            let mut escaped = false;
            let mut pipes = 0;
            for c in line.chars() {
                match (escaped, c) {
                    (false, '\\') => escaped = true,
                    (false, '|') => pipes += 1,
                    _ => escaped = false,
                }
            }
            pipes
        })
        .collect()
}

/// The iCalendar content lines, unfolded, cut to their property names.
fn ics_shape(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"), "content lines end in CRLF");
    let body = &text[..text.len() - 2];
    let mut lines: Vec<String> = Vec::new();
    for physical in body.split("\r\n") {
        assert!(
            !physical.contains(['\r', '\n']),
            "a bare line break inside a content line: {physical:?}"
        );
        // The writer folds after 75 octets of content, so a continuation line with its
        // leading space is 76: one over RFC 5545's "SHOULD", which readers accept.
        assert!(
            physical.len() <= 76,
            "a content line longer than 76 octets: {physical:?}"
        );
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    lines
        .iter()
        .map(|l| {
            let end = l.find([':', ';']).expect("a property name");
            let name = &l[..end];
            match name {
                "BEGIN" | "END" => l.clone(),
                _ => name.to_string(),
            }
        })
        .collect()
}

/// The e-mail's header names and MIME structure; every line within RFC 5322's limit.
fn mail_shape(text: &str) -> Vec<String> {
    let mut shape = Vec::new();
    let mut in_headers = true;
    for line in text.split("\r\n") {
        assert!(line.len() <= 998, "a line over 998 octets");
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        if line.is_empty() {
            in_headers = false;
            shape.push(String::new());
            continue;
        }
        if line.starts_with("--") {
            shape.push("--boundary".into());
            in_headers = true;
        } else if in_headers && !line.starts_with([' ', '\t']) {
            let name = line.split_once(':').expect("a header field").0;
            shape.push(name.to_ascii_lowercase());
        }
    }
    // Body lines count differently with the encoding, so only headers and parts are kept.
    shape.dedup();
    shape
}

fn json_rows(text: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(text)
        .expect("valid JSON")
        .as_array()
        .expect("an array of rows")
        .clone()
}

fn check(hostile: &str) {
    let plain = outputs("Plain text");
    let got = outputs(hostile);
    assert_eq!(
        frame(&got.table),
        frame(&plain.table),
        "table:\n{}",
        got.table
    );
    assert_eq!(got.table.lines().count(), plain.table.lines().count());
    // The table proper: what follows it says which columns were left out for width.
    let table_lines = got.wrapped.lines().scan(true, |open, line| {
        let this = open.then_some(line);
        *open &= !line.starts_with('└');
        this
    });
    for line in table_lines {
        assert!(
            line.starts_with(['┌', '│', '├', '╞', '└'])
                && line.ends_with(['┐', '│', '┤', '╡', '┘']),
            "wrapped table line out of frame: {line:?}"
        );
    }
    assert_eq!(
        csv_shape(&got.csv),
        csv_shape(&plain.csv),
        "csv:\n{}",
        got.csv
    );
    assert_eq!(md_shape(&got.md), md_shape(&plain.md), "md:\n{}", got.md);
    let rows = json_rows(&got.json);
    assert_eq!(rows.len(), json_rows(&plain.json).len());
    for row in &rows {
        assert_eq!(row["title"], hostile, "JSON keeps the text exactly");
    }
    let rows = json_rows(&got.status_json);
    assert_eq!(rows[0]["mandate"], hostile);
    assert_eq!(
        ics_shape(&got.ics),
        ics_shape(&plain.ics),
        "ics:\n{}",
        got.ics
    );
    assert_eq!(
        mail_shape(&got.mail),
        mail_shape(&plain.mail),
        "mail:\n{}",
        got.mail
    );
    assert_eq!(
        got.show.lines().count(),
        plain.show.lines().count(),
        "show:\n{}",
        got.show
    );
    assert_eq!(csv_shape(&got.list_csv), csv_shape(&plain.list_csv));
    assert_eq!(md_shape(&got.meetings_md), md_shape(&plain.meetings_md));
    // JSON carries the text exactly (escaped where JSON needs it), for programs to read.
    for output in [
        &got.table,
        &got.wrapped,
        &got.csv,
        &got.md,
        &got.ics,
        &got.mail,
        &got.show,
    ] {
        assert!(
            !output.contains(['\u{202E}', '\u{2066}', '\u{0007}', '\u{001B}']),
            "a control or override character came through:\n{output}"
        );
    }
}

#[test]
fn a_worst_case_title_keeps_its_place_everywhere() {
    let long = "Very long title ".repeat(400);
    let hostile = format!(
        "Line one\r\nBcc: victim@example.org\nSubject: injected\r\n\r\n\
         END:VEVENT\nBEGIN:VEVENT\nSUMMARY:forged | cell | \"quoted\", comma; semicolon \\ backslash\t\
         tab \u{7}bell \u{1b}[31mred\u{1b}[0m \u{0}nul \u{85}nel \u{2028}ls \u{2029}ps \
         \u{202E}override\u{202C} \u{2066}isolate\u{2069} עברית العربية e\u{301}\u{301}\u{301} \
         `code` *star* _under_ <b>tag</b> [link](x) {long}"
    );
    check(&hostile);
}

/// Pieces that each break one format or another, glued at random.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("|".to_string()),
        Just(",".to_string()),
        Just(";".to_string()),
        Just(":".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("\t".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{2067}".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\u{301}".to_string()),
        Just("שלום".to_string()),
        Just("مرحبا".to_string()),
        Just("Subject: x".to_string()),
        Just("BEGIN:VEVENT".to_string()),
        Just(" ".to_string()),
        Just("=?utf-8?q?x?=".to_string()),
        "[a-z]{1,12}",
        "\\PC{1,8}",
        "x{70,200}",
    ];
    proptest::collection::vec(pieces, 1..12).prop_map(|p| format!("T{}", p.concat()))
}

proptest! {
    // Each case runs `due` twenty-two times; a few dozen cases cover the pieces well.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_text_keeps_its_place_everywhere(text in hostile_text()) {
        check(&text);
    }
}

/// The message is one that a mail transfer agent accepts as is: `sendmail -t` reads headers
/// the way this test does, so a header forged in a title would show up here.
#[test]
fn the_mail_message_has_one_subject_and_no_forged_recipient() {
    let got = outputs("Title\r\nBcc: victim@example.org\r\nSubject: forged");
    let headers: Vec<&str> = got
        .mail
        .split("\r\n\r\n")
        .next()
        .expect("headers")
        .split("\r\n")
        .filter(|l| !l.starts_with([' ', '\t']))
        .collect();
    assert_eq!(
        headers
            .iter()
            .filter(|h| h.to_ascii_lowercase().starts_with("subject:"))
            .count(),
        1
    );
    assert!(
        !headers
            .iter()
            .any(|h| h.to_ascii_lowercase().starts_with("bcc:"))
    );
    // Nothing else is needed to read it, but a real parser is a second opinion when present.
    if let Ok(out) = Process::new("python3")
        .args([
            "-c",
            "import sys,email; m=email.message_from_string(sys.stdin.read()); \
             print(len(m.get_all('Subject')), m.get_all('Bcc'))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(got.mail.as_bytes())?;
            child.wait_with_output()
        })
    {
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1 None");
    }
}

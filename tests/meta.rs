//! What is generated from the command-line model: completions, the manual page, help.

use crate::common;

use std::io::Write;
use std::process::{Command as Process, Stdio};

use common::{due, have_tool, stdout};

const SUBCOMMANDS: [&str; 6] = ["overdue", "remind", "ics", "status", "completions", "man"];

#[test]
fn completions_name_every_subcommand_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(due().args(["completions", shell]), 0);
        for word in SUBCOMMANDS.iter().chain(&["exit-code", "subject-prefix"]) {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
}

#[test]
fn completions_for_an_unknown_shell_are_a_usage_error() {
    due().args(["completions", "tcsh"]).assert().code(2);
}

/// Runs `program args` with `input` on stdin; returns its exit status and stderr.
fn pipe(program: &str, args: &[&str], input: &str) -> (bool, String) {
    let mut child = Process::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bash_completions_are_valid_bash() {
    if !have_tool("bash", Process::new("bash").arg("--version")) {
        return;
    }
    let script = stdout(due().args(["completions", "bash"]), 0);
    let (ok, err) = pipe("bash", &["-n"], &script);
    assert!(ok, "{err}");
}

#[test]
fn the_manual_page_formats_without_warnings() {
    let page = stdout(due().arg("man"), 0);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &page[..80]
    );
    assert!(page.contains(".TH due 1"), "a section 1 title");
    for word in SUBCOMMANDS {
        assert!(page.contains(word), "the page lacks {word}");
    }
    assert!(page.contains("Exit status: 0 success; 1 with \\-\\-exit\\-code"));
    if !have_tool("groff", Process::new("groff").arg("--version")) {
        return;
    }
    let (ok, err) = pipe("groff", &["-man", "-Tutf8", "-ww", "-z"], &page);
    assert!(ok && err.is_empty(), "{err}");
}

#[test]
fn help_documents_the_exit_codes_everywhere() {
    let codes = "Exit status: 0 success; 1 with --exit-code when the listing is not empty;\n\
                 2 usage errors and bad input (registry, ledger, dates).";
    for args in [
        &["--help"][..],
        &["remind", "--help"],
        &["overdue", "--help"],
    ] {
        let help = stdout(due().args(args), 0);
        assert!(help.contains(codes), "{args:?}: {help}");
    }
    let remind = stdout(due().args(["remind", "--help"]), 0);
    for word in [
        "DUE_SMTP_USER",
        "DUE_SMTP_PASSWORD",
        "smtps://",
        "tls=required",
        "sendmail -t",
    ] {
        assert!(remind.contains(word), "remind --help lacks {word}");
    }
}

#[test]
fn bad_input_exits_two() {
    let cases: &[&[&str]] = &[
        &["--today", "2027-02-30"],
        &["--frobnicate"],
        &["--next", "3x"],
    ];
    for args in cases {
        due().args(*args).assert().code(2).stdout("");
    }
}

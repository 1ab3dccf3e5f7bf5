//! Tables in a real terminal: `due` runs in a pseudo-terminal (util-linux `script`) of 80
//! and 120 columns, and no line may be wider, nor any id, period or date split.

use std::collections::HashSet;
use std::process::Command;

use crate::common::{have_tool, without_settings};

const TODAY: &str = "2026-12-02";

/// What `due ARGS` prints on a terminal `cols` wide, lines without their carriage returns.
fn on_terminal(cols: usize, args: &[&str]) -> String {
    let quoted: Vec<String> = [env!("CARGO_BIN_EXE_due"), "--today", TODAY]
        .iter()
        .chain(args)
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let inner = format!("stty cols {cols} rows 50; exec {}", quoted.join(" "));
    let out = without_settings(&mut Command::new("script"))
        .args(["-qec", &inner, "/dev/null"])
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .output()
        .expect("script runs");
    assert!(out.status.success(), "due {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap().replace('\r', "")
}

/// What the shipped registry calls its obligations and periods, from the JSON rows.
fn known(args: &[&str], key: &str) -> HashSet<String> {
    let out = crate::common::due()
        .args(["--today", TODAY, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r[key].as_str().map(str::to_string))
        .collect()
}

/// The cells of a drawn table, by column heading: a heading that wraps is joined back.
fn columns(text: &str) -> Vec<(String, Vec<String>)> {
    let split = |line: &str| -> Vec<String> {
        line.trim_matches('│')
            .split('┆')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = text.lines().skip_while(|l| !l.starts_with('┌')).skip(1);
    let mut headings: Vec<String> = Vec::new();
    for line in lines.by_ref() {
        if line.starts_with('╞') {
            break;
        }
        let parts = split(line);
        headings.resize(parts.len(), String::new());
        for (h, p) in headings.iter_mut().zip(parts) {
            if !p.is_empty() {
                if !h.is_empty() {
                    h.push(' ');
                }
                h.push_str(&p);
            }
        }
    }
    let mut cols: Vec<(String, Vec<String>)> =
        headings.into_iter().map(|h| (h, Vec::new())).collect();
    for line in lines.take_while(|l| l.starts_with('│')) {
        for (col, cell) in cols.iter_mut().zip(split(line)) {
            col.1.push(cell);
        }
    }
    cols
}

fn is_date(cell: &str) -> bool {
    let d = cell.trim_start_matches(['~', '†']);
    d.len() == 10 && due::dates::parse_date(d).is_some()
}

#[test]
fn tables_fit_the_terminal_and_split_no_id_period_or_date() {
    if !have_tool("script", Command::new("script").arg("--version")) {
        return;
    }
    let ids = known(&["list"], "id");
    let commands: &[&[&str]] = &[
        &["status", "--at", "council-2027"],
        &["status"],
        &["--next", "90d"],
        &["--next", "2y"],
        &["list"],
        &["meetings"],
        &["show", "action-line-tasks-in-operational-plans"],
    ];
    for cols in [80, 120] {
        for args in commands {
            let text = on_terminal(cols, args);
            for line in text.lines() {
                let width = unicode_width::UnicodeWidthStr::width(line);
                assert!(
                    width <= cols,
                    "{cols} columns, due {args:?}: {line:?}\n{text}"
                );
            }
            let periods = known(args, "period");
            let table = columns(&text);
            assert!(!table.is_empty(), "due {args:?} draws a table:\n{text}");
            for (heading, cells) in table {
                for cell in cells.iter().filter(|c| !c.is_empty() && *c != "-") {
                    let whole = match heading.as_str() {
                        "Obligation" => ids.contains(cell),
                        "Period" => periods.contains(cell),
                        "Due" | "Next due" | "Opens" | "Closes" => is_date(cell),
                        _ => true,
                    };
                    assert!(
                        whole,
                        "{cols} columns, due {args:?}: {heading} `{cell}`\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn piped_tables_stay_whole_and_columns_sets_the_width() {
    let piped = crate::common::due()
        .env_remove("COLUMNS")
        .args(["--today", TODAY, "status", "--at", "council-2027"])
        .output()
        .unwrap();
    let piped = String::from_utf8(piped.stdout).unwrap();
    // Every title whole on its line, however wide.
    assert!(
        piped.contains("Specific tasks and timelines for the WSIS action lines, in the operational plans of the General Secretariat and the Sectors"),
        "{piped}"
    );
    let narrow = crate::common::due()
        .env("COLUMNS", "100")
        .args(["--today", TODAY, "status", "--at", "council-2027"])
        .output()
        .unwrap();
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert!(
        narrow
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 100),
        "{narrow}"
    );
    assert!(narrow.contains('…'), "{narrow}");
}

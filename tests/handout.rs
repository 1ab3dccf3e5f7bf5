//! The status as people are handed it: Markdown and the printable HTML handout, the latter
//! printed by a real browser (headless Chromium) and read back with poppler's tools.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{due, have_tool, stdout};

const TODAY: &str = "2026-12-02";

#[test]
fn markdown_status_starts_with_the_table_heading() {
    let table = stdout(
        due()
            .env_remove("COLUMNS")
            .args(["--today", TODAY, "status", "--at", "council-2027"]),
        0,
    );
    let md = stdout(
        due().args([
            "--today",
            TODAY,
            "status",
            "--at",
            "council-2027",
            "--format",
            "md",
        ]),
        0,
    );
    let heading = table.lines().next().unwrap();
    assert_eq!(
        heading,
        "Status as of 2027-06-15 (council-2027, dates not yet announced: the registry's estimate): ITU Council Resolution 1332: instructions to the Secretary-General"
    );
    let mut lines = md.lines();
    assert_eq!(lines.next().unwrap(), format!("# {heading}"));
    assert_eq!(lines.next().unwrap(), "");
    assert!(lines.next().unwrap().starts_with("| Obligation |"), "{md}");
}

#[test]
fn the_heading_says_whose_estimate_a_session_date_is() {
    let dir = scratch("heading-estimate");
    let heading = |lang: &str, at: &str| {
        let table = shipped(&dir, &["--lang", lang, "status", "--at", at]);
        table.lines().next().unwrap().to_string()
    };
    // council-2027 is listed, with dates the registry marks as an estimate; 2028 is not
    // listed, so its dates come from the meeting's typical ones.
    for (lang, at, says) in [
        (
            "en",
            "council-2027",
            "(council-2027, dates not yet announced: the registry's estimate)",
        ),
        (
            "fr",
            "council-2027",
            "(council-2027, dates pas encore annoncées : estimation du registre)",
        ),
        (
            "en",
            "council-2028",
            "(council-2028, dates estimated from the meeting's typical dates)",
        ),
        (
            "fr",
            "council-2028",
            "(council-2028, dates estimées d'après les dates habituelles de la réunion)",
        ),
        ("en", "council-2026-doha", "(council-2026-doha opens)"),
    ] {
        let line = heading(lang, at);
        assert!(line.contains(says), "{lang} {at}: {line}");
    }
}

/// A folder of this test's own under the target directory.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `due` on the shipped registry with an empty ledger of its own, so that no other test's
/// records show.
fn shipped(dir: &Path, args: &[&str]) -> String {
    stdout(
        due()
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["--today", TODAY])
            .args(args),
        0,
    )
}

fn handout(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["status", "--at", "council-2027", "--format", "html"];
    args.extend_from_slice(extra);
    shipped(dir, &args)
}

/// The value of each `name="…"` attribute of the tags that carry `marker`, in order.
pub(crate) fn attributes(html: &str, marker: &str, name: &str) -> Vec<String> {
    html.match_indices(marker)
        .map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>').expect("the tag closes")];
            let key = format!(" {name}=\"");
            let start = tag
                .find(&key)
                .unwrap_or_else(|| panic!("no {name} in {tag}"))
                + key.len();
            tag[start..start + tag[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

/// The ids of the obligations `status` lists, by state.
fn status_ids(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let json = shipped(
        dir,
        &[
            "status",
            "--at",
            "council-2027",
            "--all",
            "--format",
            "json",
        ],
    );
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    rows.iter()
        .filter(|r| keep(r["state"].as_str().unwrap()))
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// Headless Chromium with a profile of its own, nothing fetched from the network; given
/// two minutes at most (coreutils' `timeout`), so that a browser that hangs fails the test.
fn chromium(dir: &Path, args: &[&str]) {
    let profile = dir.join("profile");
    let status = Command::new("timeout")
        .args([
            "120",
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            // Containers give /dev/shm little room.
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("chromium runs");
    assert!(status.success(), "chromium {args:?}: {status}");
}

pub(crate) fn have_browser_and_poppler() -> bool {
    have_tool("chromium", Command::new("chromium").arg("--version"))
        && have_tool("pdfinfo", Command::new("pdfinfo").arg("-v"))
        && have_tool("pdftotext", Command::new("pdftotext").arg("-v"))
}

/// Prints `html` to PDF as Chromium does for A4, and returns its page count and its text.
pub(crate) fn print(dir: &Path, html: &str) -> (usize, String) {
    let page = dir.join("page.html");
    let pdf = dir.join("page.pdf");
    std::fs::write(&page, html).unwrap();
    chromium(
        dir,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ],
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap_or_else(|| panic!("no page count in {info}"))
        .trim()
        .parse()
        .unwrap();
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    (pages, String::from_utf8(text.stdout).unwrap())
}

/// Every id stands whole as one word of the text: not hyphenated, not cut at a line's end.
fn assert_whole_words(text: &str, ids: &[String]) {
    let words: BTreeSet<&str> = text.split_whitespace().collect();
    let broken: Vec<&String> = ids
        .iter()
        .filter(|id| !words.contains(id.as_str()))
        .collect();
    assert!(
        broken.is_empty(),
        "not whole in the PDF: {broken:?}\n{text}"
    );
}

/// The page with the spans that keep words whole taken out, leaving their text.
fn unwrapped(html: &str) -> String {
    const OPEN: &str = r#"<span style="white-space:nowrap">"#;
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        rest = &rest[at + OPEN.len()..];
        let end = rest.find("</span>").expect("the span closes");
        out.push_str(&rest[..end]);
        rest = &rest[end + "</span>".len()..];
    }
    out + rest
}

#[test]
fn the_handout_prints_on_a4_in_at_most_four_pages_with_every_id_whole() {
    if !have_browser_and_poppler() {
        return;
    }
    let dir = scratch("handout-print");
    let html = handout(&dir, &[]);
    let listed = status_ids(&dir, |state| state != "untracked");
    let (pages, text) = print(&dir, &html);
    assert!((1..=4).contains(&pages), "{pages} pages");
    assert_whole_words(&text, &listed);
    assert!(text.contains("ITU Council Resolution 1332"), "{text}");
    // Nor do the heading's dates and instance, or hyphenated names in the free text.
    let words = [
        "Secretary-General",
        "(council-2027,",
        "2026-12-02.",
        "CWG-WSIS&SDG",
    ];
    assert_whole_words(&text, &words.map(String::from));
    // History is left out unless asked for, and then printed too.
    let history = status_ids(&dir, |state| state == "untracked");
    assert!(!history.is_empty());
    for id in &history {
        assert!(!html.contains(&format!("data-id=\"{id}\"")), "{id} listed");
    }
    let (pages, text) = print(&dir, &handout(&dir, &["--all"]));
    assert!(pages <= 4, "{pages} pages with history");
    assert_whole_words(&text, &history);
    // French words run longer; the page count and the ids hold all the same.
    let (pages, text) = print(&dir, &handout(&dir, &["--lang", "fr"]));
    assert!((1..=4).contains(&pages), "{pages} pages in French");
    assert_whole_words(&text, &listed);
    assert!(text.contains("Calendrier"), "{text}");

    // The picture a reviewer looks at: `target/tmp/handout.png`, and with BLESS=1 the
    // copy kept in the repository.
    let page = dir.join("page.html");
    std::fs::write(&page, &html).unwrap();
    let shot = dir.join("handout.png");
    chromium(
        &dir,
        &[
            "--window-size=820,2300",
            &format!("--screenshot={}", shot.display()),
            &format!("file://{}", page.display()),
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    if std::env::var_os("BLESS").is_some() {
        let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artefacts/handout.png");
        std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
        std::fs::write(kept, png).unwrap();
    }
}

#[test]
fn listings_as_pages_print_with_every_id_whole() {
    if !have_browser_and_poppler() {
        return;
    }
    let dir = scratch("listing-print");
    let html = shipped(&dir, &["list", "--format", "html"]);
    let json = shipped(&dir, &["list", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let ids: Vec<String> = rows
        .iter()
        .map(|r| r["id"].as_str().unwrap().into())
        .collect();
    let (pages, text) = print(&dir, &html);
    assert!(pages >= 1);
    assert_whole_words(&text, &ids);
    // The narrow columns wrap between words, never after the hyphen of a date, a meeting
    // instance (`once: council-2026 - 30d`) or a name like `Secretary-General`.
    let hyphenated: Vec<String> = rows
        .iter()
        .flat_map(|r| {
            ["title", "mandate", "rule", "next_due"]
                .map(|key| r[key].as_str().unwrap_or("").to_string())
        })
        .flat_map(|text| {
            text.split(' ')
                .filter(|w| w.len() > 1 && w.contains('-'))
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(hyphenated.iter().any(|w| w == "council-2026"));
    assert!(hyphenated.iter().any(|w| w == "2027-05-14"));
    // A `~` marks an estimated date.
    assert_whole_words(&text.replace('~', ""), &hyphenated);
    // An offset stays on the line of its meeting.
    assert!(
        !text
            .lines()
            .any(|l| l.trim() == "30d" || l.trim_end().ends_with(" -")),
        "{text}"
    );
}

/// One `(obligation, date, kind)` per event of the iCalendar feed of what falls due from
/// `from`, kept when it falls by `to`: a deadline is `tentative` on an estimated meeting.
fn feed_events(dir: &Path, from: &str, to: &str) -> BTreeSet<(String, String, String)> {
    // Milestones fall up to two years before their deadline.
    let until = format!("{}{}", to[..4].parse::<i32>().unwrap() + 2, &to[4..]);
    let feed = stdout(
        due()
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["--today", from, "--until", &until, "--format", "ics"]),
        0,
    );
    let unfolded = feed.replace("\r\n ", "");
    let mut out = BTreeSet::new();
    for event in unfolded.split("BEGIN:VEVENT").skip(1) {
        let field = |name: &str| {
            event
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .unwrap_or_else(|| panic!("no {name} in {event}"))
                .to_string()
        };
        let uid = field("UID:");
        let d = field("DTSTART;VALUE=DATE:");
        let date = format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]);
        if date.as_str() < from || date.as_str() > to {
            continue;
        }
        let id = uid.split('/').next().unwrap().to_string();
        let kind = if uid.contains("/milestone-") {
            "milestone"
        } else if field("STATUS:") == "TENTATIVE" {
            "estimated"
        } else {
            "deadline"
        };
        out.insert((id, date, kind.to_string()));
    }
    out
}

#[test]
fn the_timeline_has_one_mark_per_deadline_and_milestone_in_range() {
    let dir = scratch("handout-marks");
    let html = handout(&dir, &[]);
    let from = &attributes(&html, "<svg class=\"tl\"", "data-from")[0];
    let to = &attributes(&html, "<svg class=\"tl\"", "data-to")[0];
    // The months around the session, today (2 December) taken in.
    assert_eq!((from.as_str(), to.as_str()), ("2026-12-01", "2027-09-30"));
    let marks: Vec<(String, String, String)> = {
        let ids = attributes(&html, "class=\"mark ", "data-id");
        let dates = attributes(&html, "class=\"mark ", "data-date");
        let kinds = attributes(&html, "class=\"mark ", "data-kind");
        ids.into_iter()
            .zip(dates)
            .zip(kinds)
            .map(|((i, d), k)| (i, d, k))
            .collect()
    };
    let distinct: BTreeSet<_> = marks.iter().cloned().collect();
    assert_eq!(
        distinct.len(),
        marks.len(),
        "a date marked twice: {marks:?}"
    );
    let expected = feed_events(&dir, from, to);
    assert_eq!(distinct, expected);
    // The shipped registry has deadlines of both kinds and milestones in the window.
    for kind in ["deadline", "estimated", "milestone"] {
        assert!(marks.iter().any(|m| m.2 == kind), "no {kind}: {marks:?}");
    }
    // Meetings as bars, estimated ones told apart; the session and today as lines.
    assert!(html.contains(r#"<rect class="bar estimate""#), "{html}");
    assert!(html.contains(r#"data-id="council-2027""#));
    assert!(html.contains(r#"<line class="session""#));
    assert!(html.contains(r#"<line class="today""#));
}

#[test]
fn the_handout_is_self_contained_and_speaks_french_with_lang_fr() {
    let dir = scratch("handout-fr");
    let en = unwrapped(&handout(&dir, &[]));
    let fr = unwrapped(&handout(&dir, &["--lang", "fr"]));
    for page in [&en, &fr] {
        // Nothing fetched: no scripts, links, imports, fonts or images from elsewhere.
        for needle in [
            "<script",
            "<link",
            "@import",
            "@font-face",
            "src=",
            "href=",
            "url(h",
        ] {
            assert!(!page.contains(needle), "{needle} in the page");
        }
        assert!(page.contains("@page { size: A4;"));
    }
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("<h2>Needs attention: overdue, or due by 2027-06-25</h2>"));
    assert!(en.contains("<h2>Standing duties (no deadline)</h2>"));
    assert!(en.contains(">Jan</text>"));
    assert!(en.contains("<p class=\"for\">For ITU Council, 2027-06-15 to 2027-06-25.</p>"));
    assert!(fr.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    for french in [
        "<h2>À traiter : en retard, ou à échéance au plus tard le 2027-06-25</h2>",
        "<h2>Tâches permanentes (sans échéance)</h2>",
        "<th>Prochaine échéance</th>",
        ">janv.</text>",
        "<h2>Calendrier</h2>",
        "Établie pour : Conseil de l&#x27;UIT, du 2027-06-15 au 2027-06-25.",
        "aucune enregistrée",
        "Rapport annuel",
    ] {
        assert!(fr.contains(french), "{french} missing");
    }
    for english in [
        "Needs attention",
        "Standing duties",
        "Timeline",
        "none recorded",
    ] {
        assert!(!fr.contains(english), "{english} in the French page");
    }
}

#[test]
fn registry_text_is_escaped_everywhere_in_the_pages() {
    let dir = scratch("handout-escape");
    let registry = dir.join("markup.toml");
    std::fs::write(
        &registry,
        r#"schema = 1
title = "<script>alert('t')</script> & co"
timezone = "UTC"
default_lead = "30d"

[meetings.board]
name = "<b>Board</b>"
dates = "2027-03-20..2027-03-21"

[[obligation]]
id = "x"
title = "</table><img src=x onerror=alert(1)>"
mandate = "<i>clause</i>"
to = "\"quoted\" & <u>"
due = "board - 2w"
milestones = [{ name = "<svg onload=alert(1)>", at = "due - 1w" }]
"#,
    )
    .unwrap();
    for args in [
        &["status", "--format", "html"][..],
        &["list", "--format", "html"],
        &["--format", "html", "--next", "1y"],
    ] {
        let page = stdout(
            due()
                .arg("--registry")
                .arg(&registry)
                .arg("--ledger")
                .arg(dir.join("ledger.toml"))
                .args(["--today", "2027-03-01"])
                .args(args),
            0,
        );
        for raw in [
            "<script",
            "<img",
            "<b>Board",
            "<i>clause",
            "<u>",
            "<svg onload",
        ] {
            assert!(!page.contains(raw), "{raw} unescaped by {args:?}:\n{page}");
        }
        assert!(page.contains("&lt;script&gt;"), "{args:?}");
    }
}

#[test]
fn due_overdue_and_list_as_pages_share_the_shell_and_the_mail_table() {
    let dir = scratch("listing-pages");
    for (args, says) in [
        (
            &["--format", "html", "--next", "90d"][..],
            "Overdue, or due by 2027-03-02; as of 2026-12-02.",
        ),
        (&["overdue", "--format", "html"], "Overdue on 2026-12-02."),
        (&["list", "--format", "html"], "As of 2026-12-02."),
    ] {
        let page = unwrapped(&shipped(&dir, args));
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{args:?}"
        );
        assert!(page.contains("<h1>ITU Council Resolution 1332"), "{args:?}");
        assert!(
            page.contains(&format!("<p class=\"as-of\">{says}</p>")),
            "{args:?}"
        );
        assert!(
            page.contains(r#"<table border="1" cellpadding="4" style="border-collapse:collapse">"#),
            "{args:?}"
        );
        assert!(page.trim_end().ends_with("</html>"));
    }
    let due_page = shipped(&dir, &["--format", "html", "--next", "90d"]);
    assert!(
        due_page.contains(r#"<td style="white-space:nowrap">cstd-annual-report</td>"#),
        "{due_page}"
    );
}

/// README's handout lines, run as written in a folder of their own with `due` on `PATH`.
#[test]
fn readme_handout_lines_make_the_pages_they_say() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block: Vec<&str> = readme
        .split("<!-- handout: tests/handout.rs runs these lines -->\n```sh\n")
        .nth(1)
        .expect("README has the handout block")
        .lines()
        .take_while(|l| *l != "```")
        .collect();
    let browser = have_tool("chromium", Command::new("chromium").arg("--version"));
    let dir = scratch("readme-handout");
    let bin = Path::new(env!("CARGO_BIN_EXE_due"));
    for line in &block {
        if line.starts_with("chromium") && !browser {
            continue;
        }
        let out = Command::new("/bin/sh")
            .args(["-c", &format!("set -e; {line}")])
            .current_dir(&dir)
            .env_clear()
            .env("HOME", &dir)
            .env(
                "PATH",
                format!("{}:/usr/bin:/bin", bin.parent().unwrap().display()),
            )
            .env("DUE_TODAY", TODAY)
            .output()
            .unwrap();
        assert!(out.status.success(), "{line}: {out:?}");
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert!(read("handout.html").contains("<svg class=\"tl\""));
    assert!(!read("handout.html").contains("data-id=\"summit-of-the-future\""));
    assert!(read("history.html").contains("data-id=\"summit-of-the-future\""));
    assert!(read("next-90-days.html").starts_with("<!DOCTYPE html>"));
    if browser {
        assert!(
            std::fs::read(dir.join("handout.pdf"))
                .unwrap()
                .starts_with(b"%PDF")
        );
    }
}

/// The roadmaps of 2027 delivered on 2026-11-30, on time, under a reference.
fn deliver_roadmaps(dir: &Path, reference: &str) {
    shipped(
        dir,
        &[
            "done",
            "roadmaps",
            "2027",
            "--on",
            "2026-11-30",
            "--ref",
            reference,
            "--by",
            "officer",
        ],
    );
}

#[test]
fn columns_empty_in_every_row_are_left_out_of_markdown_as_of_tables() {
    let dir = scratch("empty-columns");
    let headings = || {
        let md = shipped(&dir, &["status", "--format", "md"]);
        ["Last closed", "Closed on", "Reference"].map(|h| md.contains(&format!("| {h} |")))
    };
    // Nothing recorded yet: no row has a last delivery, so its columns say nothing.
    assert_eq!(headings(), [false; 3]);
    let table = shipped(&dir, &["status"]);
    assert!(!table.contains("Reference"), "{table}");
    // One delivery with its reference: the columns come back, in each format alike.
    deliver_roadmaps(&dir, "C27/7");
    assert_eq!(headings(), [true; 3]);
    let md = shipped(&dir, &["status", "--format", "md"]);
    assert!(md.contains("| C27/7 |"), "{md}");
}

#[test]
fn a_recorded_delivery_shows_in_its_row_and_as_a_met_deadline_on_the_timeline() {
    let dir = scratch("handout-recorded");
    deliver_roadmaps(&dir, "C27/<7>");
    let html = handout(&dir, &[]);
    let row = html
        .split("<tbody class=\"ob ")
        .find(|r| r.contains("data-id=\"roadmaps\""))
        .expect("roadmaps is listed");
    assert!(
        row.contains("2027, on time <span class=\"date\">2026-11-30</span>"),
        "{row}"
    );
    assert!(row.contains("C27&#x2f;&lt;7&gt;"), "{row}");
    // Met, its next occurrence is a year on: on track, not needing attention.
    let attention = html
        .split("<section class=\"group on-track\">")
        .next()
        .unwrap();
    assert!(!attention.contains("data-id=\"roadmaps\""));
    let marks: Vec<(String, String)> =
        attributes(&html, "data-id=\"roadmaps\" data-period", "data-period")
            .into_iter()
            .zip(attributes(
                &html,
                "data-id=\"roadmaps\" data-period",
                "data-kind",
            ))
            .collect();
    assert!(
        marks.contains(&("2027".into(), "closed".into())),
        "{marks:?}"
    );
    assert!(html.contains("deadline met: delivered or waived"));
}

/// The sections of a handout, each with the ids it lists, in order.
fn sections(html: &str) -> Vec<(String, Vec<String>)> {
    html.split("<section class=\"group ")
        .skip(1)
        .map(|s| {
            let key = s[..s.find('"').unwrap()].to_string();
            let ids = attributes(s, "<tbody class=\"ob ", "data-id");
            (key, ids)
        })
        .collect()
}

#[test]
fn a_handout_for_a_day_groups_by_that_day_and_quarterly_deadlines_repeat_on_the_timeline() {
    let dir = scratch("handout-day");
    let page = |args: &[&str]| {
        stdout(
            crate::common::due_on("feeds.toml", "2027-03-01")
                .arg("--ledger")
                .arg(dir.join("ledger.toml"))
                .args(["status", "--format", "html"])
                .args(args),
            0,
        )
    };
    // Judged on today: the overdue note and what falls due today need attention.
    let today = page(&[]);
    assert!(unwrapped(&today).contains("Status as of 2027-03-01; prepared 2027-03-01."));
    assert_eq!(
        sections(&today),
        vec![
            ("attention".into(), vec!["budget-note".into()]),
            (
                "on-track".into(),
                vec!["cstd-report".into(), "quarterly-update".into()]
            ),
            ("standing".into(), vec!["standing-duty".into()]),
        ]
    );
    // On a later day, what falls due by then joins it, soonest first after the overdue.
    let later = page(&["--at", "2027-04-01"]);
    assert_eq!(
        sections(&later)[0],
        (
            "attention".into(),
            vec![
                "budget-note".into(),
                "cstd-report".into(),
                "quarterly-update".into()
            ]
        )
    );
    assert!(later.contains("<text class=\"line-label\" x="));
    assert!(
        later.contains(">2027-04-01</text>"),
        "the session line names the day"
    );
    // A quarterly duty has a mark for each quarter's deadline in the window (January to
    // July: three months either side of April).
    let quarters = attributes(
        &later,
        "data-id=\"quarterly-update\" data-period",
        "data-period",
    );
    assert_eq!(quarters, ["2027-Q1", "2027-Q2"]);
    // Nothing open by a day: said, not left blank.
    record_done(&dir, "budget-note");
    let nothing = page(&[]);
    assert!(
        nothing.contains("<p class=\"empty\">Nothing is overdue or due by 2027-03-01.</p>"),
        "{nothing}"
    );
}

fn record_done(dir: &Path, id: &str) {
    stdout(
        crate::common::due_on("feeds.toml", "2027-03-01")
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["done", id, "--by", "officer"]),
        0,
    );
}

#[test]
fn page_breaks_fall_between_obligations_never_inside_one() {
    if !have_browser_and_poppler() {
        return;
    }
    let dir = scratch("handout-breaks");
    // Tall rows, many of them: page breaks must fall somewhere. Each title ends with a word
    // of its own, so the page it lands on tells whether its row was cut.
    let mut registry = String::from(
        "schema = 1\ntitle = \"Breaks\"\ntimezone = \"UTC\"\ndefault_lead = \"30d\"\n",
    );
    let filler = "words that make the title long enough to wrap over several lines ".repeat(4);
    for n in 1..=30 {
        registry.push_str(&format!(
            "\n[[obligation]]\nid = \"report-{n:02}\"\ntitle = \"Report {n}: {filler}end{n:02}x\"\n\
             mandate = \"Res. {n}\"\nto = \"Council\"\ndue = \"2027-{:02}-10\"\n",
            n % 12 + 1
        ));
    }
    let path = dir.join("breaks.toml");
    std::fs::write(&path, registry).unwrap();
    let html = stdout(
        due()
            .arg("--registry")
            .arg(&path)
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["--today", "2027-01-15", "status", "--format", "html"]),
        0,
    );
    let (pages, text) = print(&dir, &html);
    assert!(pages >= 3, "{pages} pages: too few to test breaks");
    let page_of = |word: &str| {
        let found: Vec<usize> = text
            .split('\u{c}')
            .enumerate()
            .filter(|(_, page)| page.split_whitespace().any(|w| w == word))
            .map(|(n, _)| n)
            .collect();
        // The timeline, after the tables, names the ids again.
        *found
            .first()
            .unwrap_or_else(|| panic!("{word} is not in the PDF"))
    };
    for n in 1..=30 {
        let (id, end) = (format!("report-{n:02}"), format!("end{n:02}x"));
        assert_eq!(page_of(&id), page_of(&end), "{id} is cut by a page break");
    }
}

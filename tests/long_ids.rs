//! Pages made from a registry with ids far longer than any column: printed by headless
//! Chromium, no word runs over another or off the page, and the timeline's labels fit.

use std::path::Path;
use std::process::Command;

use crate::common::{due, stdout};
use crate::handout::{have_browser_and_poppler, print, scratch};

const HYPHENATED: &str = "a-very-long-identifier-that-goes-on-and-on-without-any-sensible-end-0123";

fn registry(dir: &Path) -> std::path::PathBuf {
    let unbroken = "x".repeat(90);
    let mut toml = String::from(
        "schema = 1\ntitle = \"Long ids\"\ntracking_since = 2027-01-01\n\n\
         [meetings.board]\nname = \"Board\"\ndates = \"2027-06-14..2027-06-18\"\n",
    );
    for (n, id) in [HYPHENATED, &unbroken, "short-one"].iter().enumerate() {
        toml.push_str(&format!(
            "\n[[obligation]]\nid = \"{id}\"\ntitle = \"Report number {n} with a title of several words\"\n\
             to = \"The Board and its many committees\"\nevery = \"month\"\ndue = \"{}\"\n",
            10 + n
        ));
    }
    let path = dir.join("registry.toml");
    std::fs::write(&path, toml).unwrap();
    path
}

/// `due --format html ARGS` on the registry, judged on 2027-05-20.
fn page(dir: &Path, reg: &Path, args: &[&str]) -> String {
    stdout(
        due()
            .arg("--registry")
            .arg(reg)
            .arg("--ledger")
            .arg(dir.join("ledger.toml"))
            .args(["--today", "2027-05-20", "--format", "html"])
            .args(args),
        0,
    )
}

/// Each word of a PDF's text with its box, page by page: `(page, width, word, box)`.
fn words(pdf: &Path) -> Vec<(usize, f64, String, [f64; 4])> {
    let out = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap() + key.len();
        tag[start..start + tag[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut out = Vec::new();
    for (page, chunk) in xml.split("<page ").skip(1).enumerate() {
        let width = attr(chunk, "width");
        for w in chunk.split("<word ").skip(1) {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().to_string();
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|k| attr(tag, k));
            out.push((page, width, text, b));
        }
    }
    out
}

/// No word leaves the page, and no two words on a page cover each other.
fn assert_laid_out(dir: &Path, html: &str) {
    let (_, text) = print(dir, html);
    let words = words(&dir.join("page.pdf"));
    assert!(!words.is_empty(), "{text}");
    for (page, width, word, b) in &words {
        assert!(
            b[0] >= 0.0 && b[2] <= *width,
            "{word:?} runs off page {page}: {b:?}"
        );
    }
    // Boxes of neighbouring glyph runs may touch; a real overlap is wider than a point.
    let overlap = |a: &[f64; 4], b: &[f64; 4]| {
        a[0] + 1.0 < b[2] && b[0] + 1.0 < a[2] && a[1] + 1.0 < b[3] && b[1] + 1.0 < a[3]
    };
    for (i, (page, _, word, b)) in words.iter().enumerate() {
        for (other_page, _, other, c) in &words[i + 1..] {
            assert!(
                page != other_page || !overlap(b, c),
                "{word:?} {b:?} and {other:?} {c:?} overlap on page {page}"
            );
        }
    }
}

#[test]
fn long_ids_break_rather_than_run_over_their_neighbours() {
    if !have_browser_and_poppler() {
        return;
    }
    let dir = scratch("long-ids");
    let reg = registry(&dir);
    let run = |args: &[&str]| page(&dir, &reg, args);
    assert_laid_out(&dir, &run(&["status", "--at", "board"]));
    assert_laid_out(&dir, &run(&["list"]));
    assert_laid_out(&dir, &run(&["--next", "30d"]));
    // An id that fits is never broken.
    let (_, text) = print(&dir, &run(&["list"]));
    assert!(text.split_whitespace().any(|w| w == "short-one"), "{text}");
}

/// A timeline with more lines than a page holds is drawn smaller, on one page, rather
/// than cut through a line at the page break.
#[test]
fn a_timeline_taller_than_a_page_stays_on_one() {
    if !have_browser_and_poppler() {
        return;
    }
    let dir = scratch("tall-timeline");
    let mut toml = String::from("schema = 1\ntitle = \"Many duties\"\n");
    let ids: Vec<String> = (0..80).map(|n| format!("duty-{n:02}")).collect();
    for (n, id) in ids.iter().enumerate() {
        toml.push_str(&format!(
            "\n[[obligation]]\nid = \"{id}\"\ntitle = \"Duty {n}\"\nevery = \"month\"\ndue = \"{}\"\n",
            1 + n % 28
        ));
    }
    let reg = dir.join("registry.toml");
    std::fs::write(&reg, toml).unwrap();
    let html = page(&dir, &reg, &["status"]);
    print(&dir, &html);
    let words = words(&dir.join("page.pdf"));
    let timeline_page = words
        .iter()
        .find(|(_, _, w, _)| w == "Timeline")
        .map(|(page, ..)| *page)
        .expect("a timeline");
    let on_it: Vec<&str> = words
        .iter()
        .filter(|(page, ..)| *page == timeline_page)
        .map(|(_, _, w, _)| w.as_str())
        .collect();
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !on_it.contains(&id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not on the timeline's page: {missing:?}"
    );
}

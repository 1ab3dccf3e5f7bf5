//! The status as people are handed it: Markdown and the printable HTML handout.

use crate::common::{due, stdout};

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
        "Status as of 2027-06-15 (council-2027, dates estimated from the meeting's typical dates): ITU Council Resolution 1332: instructions to the Secretary-General"
    );
    let mut lines = md.lines();
    assert_eq!(lines.next().unwrap(), format!("# {heading}"));
    assert_eq!(lines.next().unwrap(), "");
    assert!(lines.next().unwrap().starts_with("| Obligation |"), "{md}");
}

//! Reads a registry file into the checked model. Every mistake is reported with the file,
//! line and column it sits at, and what was expected there.
//!
//! [`read`] turns a file into text, [`toml`] reads spanned TOML values, [`schema`] checks the
//! registry's tables and keys, and [`rule`] reads the `due` rule grammar. [`stream`] reads a
//! valid registry's obligations in one pass, without a tree of the whole document.

use ::toml::de::DeTable;

use crate::diag;
use crate::model::{Origin, Registry};

mod error;
mod line;
mod read;
mod rule;
mod schema;
mod stream;
mod toml;

pub use error::{ErrorKind, IdOf, IdProblem, Recurring, RegistryError, Shape, Table};
pub use read::{load_file, parse_bytes};

/// The registry compiled into the binary: Resolution 1332.
pub const EMBEDDED: &str = include_str!("../../obligations.toml");

/// The built-in registry.
pub fn load_embedded() -> Result<Registry, RegistryError> {
    parse_static(EMBEDDED, Origin::Embedded)
}

/// Checks registry text; `origin` names it in messages and anchors a relative ledger path.
pub fn parse(text: &str, origin: Origin) -> Result<Registry, RegistryError> {
    parse_with(text, None, origin)
}

/// Checks registry text that lives as long as the process, borrowing its strings.
pub fn parse_static(text: &'static str, origin: Origin) -> Result<Registry, RegistryError> {
    parse_with(text, Some(text), origin)
}

fn parse_with(
    text: &str,
    whole: Option<&'static str>,
    origin: Origin,
) -> Result<Registry, RegistryError> {
    let file = origin.to_string();
    let cx = toml::Cx::new(&file, text, whole);
    if let Some(reg) = stream::read(&cx, &origin) {
        return Ok(reg);
    }
    let root = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = diag::toml_message(text, &e, span.clone());
        cx.error(span, ErrorKind::Toml { message })
    })?;
    Ok(cx.registry(root.get_ref(), origin)?.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Roll;

    fn ids(reg: &Registry) -> Vec<&str> {
        reg.obligations.iter().map(|o| o.id.as_ref()).collect()
    }

    fn error_of(text: &str) -> String {
        parse(text, Origin::File("r.toml".into()))
            .unwrap_err()
            .to_string()
    }

    /// Where a mistake is, and what kind it is.
    fn located(text: &str) -> (usize, usize, ErrorKind) {
        match parse(text, Origin::File("r.toml".into())).unwrap_err() {
            RegistryError::Invalid {
                line, col, kind, ..
            } => (line, col, kind),
            other => panic!("not a mistake in the text: {other}"),
        }
    }

    #[test]
    fn a_table_after_the_obligations_changes_none_of_them() {
        let mut text = String::from("schema = 1\n[meetings.c]\ndates = \"2027-03-01\"\n");
        for n in 0..600 {
            text.push_str(&format!(
                "\n[[obligation]]\nid = \"o{n}\"\ntitle = \"T\\u00e9 {n}\"\ndue = \"c - {}d\"\n",
                n % 90
            ));
            if n % 7 == 0 {
                text.push_str("[[obligation.milestones]]\nname = \"draft\"\nat = \"due - 1w\"\n");
            }
        }
        let split = parse(&text, Origin::Embedded).unwrap();
        let whole = parse(
            &format!("{text}\n[calendar]\nroll = \"next\"\n"),
            Origin::Embedded,
        )
        .unwrap();
        assert_eq!(ids(&split), ids(&whole));
        assert_eq!(split.obligations.len(), 600);
        assert_eq!(split.obligations[599].title.en, "Té 599");
        assert_eq!(split.obligations[7].milestones().len(), 1);
        assert_eq!(whole.calendar.roll, Roll::Next);
    }

    /// Found by fuzzing (in a reader that split the file at `[[obligation]]` lines):
    /// obligations written otherwise were dropped without a word, or kept beside a TOML error.
    #[test]
    fn obligations_however_written_are_kept() {
        let parsed = |text: &str| parse(text, Origin::File("r.toml".into()));
        let spaced = "schema = 1\n[[ obligation ]]\nid = \"x\"\ntitle = \"X\"\n";
        assert_eq!(ids(&parsed(spaced).unwrap()), ["x"]);
        let quoted = "schema = 1\n[[\"obligation\"]]\nid = \"x\"\ntitle = \"X\"\n";
        assert_eq!(ids(&parsed(quoted).unwrap()), ["x"]);
        let inline = "schema = 1\nobligation = [{ id = \"x\", title = \"X\" }]\n";
        assert_eq!(ids(&parsed(inline).unwrap()), ["x"]);
        let both = format!("{spaced}[[obligation]]\nid = \"y\"\ntitle = \"Y\"\n");
        assert_eq!(ids(&parsed(&both).unwrap()), ["x", "y"]);
        assert_eq!(
            error_of(&format!(
                "{inline}[[obligation]]\nid = \"y\"\ntitle = \"Y\"\n"
            )),
            "r.toml:3:3: invalid TOML: duplicate key `obligation` (expected each key once in a table)"
        );
    }

    #[test]
    fn errors_deep_in_the_file_name_their_line() {
        let mut text = String::from("schema = 1\n");
        for n in 0..300 {
            text.push_str(&format!("[[obligation]]\nid = \"o{n}\"\ntitle = \"T\"\n"));
        }
        let bad = text.replacen(
            "id = \"o250\"\ntitle = \"T\"",
            "id = \"o250\"\ntitel = \"T\"",
            1,
        );
        let (line, col, kind) = located(&bad);
        assert_eq!((line, col), (754, 1));
        assert!(
            matches!(&kind, ErrorKind::UnknownKey { key, table, .. } if key == "titel" && *table == Table::Obligations),
            "{kind:?}"
        );
        assert_eq!(
            error_of(&bad),
            "r.toml:754:1: unknown key `titel` in [[obligation]] (did you mean `title`?)"
        );
        let dup = text.replacen("id = \"o251\"", "id = \"o3\"", 1);
        assert_eq!(
            located(&dup),
            (756, 6, ErrorKind::DuplicateObligation { id: "o3".into() })
        );
        let broken = text.replacen(
            "title = \"T\"\n[[obligation]]\nid = \"o99\"",
            "title = \"T\n[[obligation]]\nid = \"o99\"",
            1,
        );
        assert_eq!(
            error_of(&broken),
            "r.toml:298:11: invalid TOML: invalid basic string (expected `\"`)"
        );
    }

    #[test]
    fn mistakes_are_told_apart_by_kind() {
        let head =
            "schema = 1\n[meetings.council]\ndates = { 2026 = \"2026-11-02..2026-11-06\" }\n";
        let ob = |rule: &str| format!("{head}[[obligation]]\nid = \"a\"\ntitle = \"A\"\n{rule}\n");
        let kind = |rule: &str| located(&ob(rule)).2;
        assert_eq!(
            kind("due = \"councl - 4w\""),
            ErrorKind::UnknownMeeting {
                name: "councl".into(),
                known: vec!["council".into()]
            }
        );
        assert_eq!(
            kind("due = \"council\""),
            ErrorKind::SeriesAsOneOff {
                meeting: "council".into()
            }
        );
        assert_eq!(
            kind("every = \"month\"\ndue = \"32\""),
            ErrorKind::DueNotUnderstood {
                value: "32".into(),
                period: Recurring::Month
            }
        );
        assert_eq!(kind("every = \"year\""), ErrorKind::EveryWithoutDue);
        assert!(matches!(
            kind("due = \"council - 3y\""),
            ErrorKind::BadSpan { key, .. } if key == "due"
        ));
        assert_eq!(
            kind("due = \"council -4w\""),
            ErrorKind::BadOffset {
                key: "due",
                value: "council -4w".into()
            }
        );
        assert_eq!(
            located("title = \"no schema\"\n"),
            (1, 1, ErrorKind::NoSchema)
        );
        assert_eq!(
            located("schema = 1\n[[obligation]]\nid = \"a b\"\ntitle = \"A\"\n"),
            (
                3,
                6,
                ErrorKind::BadId {
                    of: IdOf::Obligation,
                    id: "a b".into(),
                    problem: IdProblem::OtherCharacters
                }
            )
        );
        assert_eq!(
            parse_bytes(b"schema = 1\n\xff", Origin::File("r.toml".into()))
                .unwrap_err()
                .kind(),
            Some(&ErrorKind::NotUtf8 { byte: 0xff })
        );
    }
}

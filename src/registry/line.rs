//! The few shapes nearly every line of a registry's obligations takes, read a byte at a time
//! without the TOML lexer: a blank line or a comment, `[[obligation]]`, and `key = "text"`,
//! `key.sub = "text"`, `key = 2027-01-31` or `key = { en = "text", fr = "texte" }`. Anything
//! else, however valid, is left to the TOML reader: this module only ever accepts what TOML
//! reads the same way.

use std::ops::Range;

use chrono::Datelike;
use toml::value::{Date, Datetime};

/// One line, read.
#[derive(Debug, PartialEq)]
pub(super) enum Line<'i> {
    /// Blank, or only a comment.
    Blank,
    /// `[[obligation]]`, where it stands.
    Obligation(Range<usize>),
    /// A key, dotted once at most, and its value.
    Pair {
        key: Word<'i>,
        sub: Option<Word<'i>>,
        value: Scalar<'i>,
    },
}

/// A bare key and where it stands.
pub(super) type Word<'i> = (Range<usize>, &'i str);

/// A value and where it stands (a string's quotes included, as the TOML reader has it).
#[derive(Debug, PartialEq)]
pub(super) enum Scalar<'i> {
    /// A basic string with nothing to decode, or a literal string on one line: its body.
    Text(Range<usize>, &'i str),
    Date(Range<usize>, Datetime),
    /// An inline table of texts on one line (`{ en = "…", fr = "…" }`, as titles are often
    /// written), braces included, and its keys in the order written, each once.
    Texts(Range<usize>, Vec<(Word<'i>, Range<usize>, &'i str)>),
}

/// The line starting at `at`, and where the next one starts; `None` when the line has any
/// other shape.
pub(super) fn read(text: &str, at: usize) -> Option<(Line<'_>, usize)> {
    let b = text.as_bytes();
    let mut i = skip_blanks(b, at);
    let line = match b.get(i) {
        None | Some(b'\n' | b'\r' | b'#') => Line::Blank,
        Some(b'[') => {
            let header = "[[obligation]]";
            if !text[i..].starts_with(header) {
                return None;
            }
            i += header.len();
            Line::Obligation(i - header.len()..i)
        }
        Some(_) => {
            let key = word(text, &mut i)?;
            i = skip_blanks(b, i);
            let sub = if b.get(i) == Some(&b'.') {
                i = skip_blanks(b, i + 1);
                let sub = word(text, &mut i)?;
                i = skip_blanks(b, i);
                Some(sub)
            } else {
                None
            };
            if b.get(i) != Some(&b'=') {
                return None;
            }
            i = skip_blanks(b, i + 1);
            let value = scalar(text, &mut i)?;
            Line::Pair { key, sub, value }
        }
    };
    Some((line, end_of_line(b, i)?))
}

fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// The bytes of a bare key, looked up rather than tested range by range: keys start most
/// lines.
const BARE: [bool; 256] = {
    let mut bare = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        bare[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        c += 1;
    }
    bare
};

/// A bare key: ASCII letters, digits, `_` and `-`.
fn word<'i>(text: &'i str, i: &mut usize) -> Option<Word<'i>> {
    let (start, b) = (*i, text.as_bytes());
    let end = b[start..]
        .iter()
        .position(|&c| !BARE[usize::from(c)])
        .map_or(b.len(), |n| start + n);
    if end == start {
        return None;
    }
    *i = end;
    Some((start..end, text.get(start..end)?))
}

fn scalar<'i>(text: &'i str, i: &mut usize) -> Option<Scalar<'i>> {
    let start = *i;
    match text.as_bytes().get(start)? {
        b'"' | b'\'' => {
            let (at, body) = string(text, i)?;
            Some(Scalar::Text(at, body))
        }
        b'{' => texts(text, i),
        b'0'..=b'9' => {
            let date = local_date(text.get(start..start + 10)?)?;
            *i = start + 10;
            Some(Scalar::Date(start..*i, date))
        }
        _ => None,
    }
}

/// A basic string with nothing to decode, or a literal string on one line (which decodes
/// nothing): where it stands, and its body.
fn string<'i>(text: &'i str, i: &mut usize) -> Option<(Range<usize>, &'i str)> {
    let start = *i;
    let body = text.as_bytes().get(start + 1..)?;
    let len = match text.as_bytes().get(start)? {
        b'"' => plain_string::<b'"'>(body)?,
        b'\'' => plain_string::<b'\''>(body)?,
        _ => return None,
    };
    *i = start + len + 2;
    Some((start..*i, &text[start + 1..start + 1 + len]))
}

/// `{ key = "text", … }` on one line, each key bare and written once; an empty table, a
/// trailing comma or any other value is left to the TOML reader.
fn texts<'i>(text: &'i str, i: &mut usize) -> Option<Scalar<'i>> {
    let (b, start) = (text.as_bytes(), *i);
    let mut pairs: Vec<(Word<'i>, Range<usize>, &'i str)> = Vec::with_capacity(2);
    let mut at = start + 1;
    loop {
        at = skip_blanks(b, at);
        let key = word(text, &mut at)?;
        if pairs.iter().any(|(k, ..)| k.1 == key.1) {
            return None;
        }
        at = skip_blanks(b, at);
        if b.get(at) != Some(&b'=') {
            return None;
        }
        at = skip_blanks(b, at + 1);
        let (span, body) = string(text, &mut at)?;
        pairs.push((key, span, body));
        at = skip_blanks(b, at);
        match b.get(at)? {
            b',' => at += 1,
            b'}' => break,
            _ => return None,
        }
    }
    *i = at + 1;
    Some(Scalar::Texts(start..*i, pairs))
}

/// The length of a string's body up to its closing `QUOTE`, when it holds nothing to decode:
/// no control character (tab aside, which is taken as it is) and, in a basic string (`"`), no
/// escape. (A multi-line literal string reads as an empty one, which the line's end refuses.)
fn plain_string<const QUOTE: u8>(b: &[u8]) -> Option<usize> {
    // A literal string takes a backslash as it is: look for its quote in the escape's place.
    let (quote, escape) = (QUOTE, if QUOTE == b'"' { b'\\' } else { QUOTE });
    // Eight bytes at a time: most hold nothing but plain text, and the first that holds
    // anything else says where.
    let mut at = 0;
    for word in b.chunks_exact(8) {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        let special = zero_bytes(word ^ (ONES * u64::from(quote)))
            | zero_bytes(word ^ (ONES * u64::from(escape)))
            | zero_bytes(word ^ (ONES * 0x7f))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if special != 0 {
            // The lowest flag is exact: the first special byte.
            let first = at + (special.trailing_zeros() / 8) as usize;
            match b[first] {
                c if c == quote => return Some(first),
                b'\t' => break,
                _ => return None,
            }
        }
        at += 8;
    }
    for (n, &c) in b[at..].iter().enumerate() {
        match c {
            c if c == quote => return Some(at + n),
            c if c == escape => return None,
            b'\t' => {}
            0..0x20 | 0x7f => return None,
            _ => {}
        }
    }
    None
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of a word set (and perhaps of bytes above the first zero:
/// only the lowest flag is exact).
fn zero_bytes(v: u64) -> u64 {
    v.wrapping_sub(ONES) & !v & HIGH
}

/// `YYYY-MM-DD` naming a real day, as a TOML local date.
fn local_date(text: &str) -> Option<Datetime> {
    let day = crate::dates::parse_date(text)?;
    Some(Datetime {
        date: Some(Date {
            year: u16::try_from(day.year()).ok()?,
            month: u8::try_from(day.month()).ok()?,
            day: u8::try_from(day.day()).ok()?,
        }),
        time: None,
        offset: None,
    })
}

/// After a value or a header: blanks, an optional comment, and the line's end (`\n` or
/// `\r\n`) or the text's. Where the next line starts.
fn end_of_line(b: &[u8], i: usize) -> Option<usize> {
    let mut i = skip_blanks(b, i);
    if b.get(i) == Some(&b'#') {
        // A comment holds no control character but tab.
        while let Some(&c) = b.get(i) {
            match c {
                b'\n' | b'\r' => break,
                b'\t' => {}
                0..0x20 | 0x7f => return None,
                _ => {}
            }
            i += 1;
        }
    }
    match b.get(i..)? {
        [] => Some(i),
        [b'\n', ..] => Some(i + 1),
        [b'\r', b'\n', ..] => Some(i + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use toml::de::{DeTable, DeValue};

    use super::*;

    /// The value TOML reads for `key` (`sub`) in a one-line document.
    fn toml_value<'t>(table: &'t DeTable<'_>, key: &str, sub: Option<&str>) -> &'t DeValue<'t> {
        let value = table.get(key).expect("the key").get_ref();
        match (sub, value) {
            (None, value) => value,
            (Some(sub), DeValue::Table(inner)) => inner.get(sub).expect("the sub-key").get_ref(),
            (Some(_), other) => panic!("not a table: {other:?}"),
        }
    }

    proptest! {
        /// Whatever a line is read as, TOML reads the same from it; whatever TOML refuses, so
        /// does the line reader.
        #[test]
        fn reads_only_what_toml_reads_alike(
            line in "[ \t]{0,2}(id|title|a-b|1|é|\\[\\[obligation\\]\\]|#[a-z \t\x01\x7f]{0,3})\
                     ([ ]?\\.[ ]?(en|x))?[ \t]?=?[ \t]?\
                     (\"[a-z \t\\\\\"\x01\x7fé#]{0,6}\"|[0-9]{4}-[01][0-9]-[0-3][0-9]|true|\"\"\"a\"\"\"|'[a-z \t\\\\\"'\x01]{0,3}'|\
                      \\{[ ]?((en|fr|x\\.y)[ \t]?=[ \t]?(\"[a-zé \\\\\"]{0,3}\"|1)[ ]?,?[ ]?){0,3}\\})?\
                     [ \t]?(#[a-z\x01\t\x7f]{0,3})?(\r\n|\n|\r|x|)"
        ) {
            let Some((read, next)) = read(&line, 0) else {
                return Ok(());
            };
            let doc = &line[..next];
            let parsed = DeTable::parse(doc);
            let table = parsed.as_ref().map(|t| t.get_ref());
            prop_assert!(table.is_ok(), "{doc:?} read as {read:?} but TOML refuses it");
            let table = table.unwrap();
            match read {
                Line::Blank => prop_assert!(table.is_empty(), "{doc:?}"),
                Line::Obligation(_) => {
                    prop_assert!(matches!(table.get("obligation").map(|v| v.get_ref()), Some(DeValue::Array(a)) if a.len() == 1));
                }
                Line::Pair { key, sub, value } => {
                    let toml = toml_value(table, key.1, sub.as_ref().map(|s| s.1));
                    match value {
                        Scalar::Text(at, body) => {
                            let quoted = &doc[at];
                            prop_assert_eq!(&quoted[1..quoted.len() - 1], body);
                            prop_assert!(matches!(toml, DeValue::String(s) if s == body), "{doc:?}");
                        }
                        Scalar::Date(_, date) => {
                            prop_assert!(matches!(toml, DeValue::Datetime(d) if *d == date), "{doc:?}");
                        }
                        Scalar::Texts(at, pairs) => {
                            prop_assert!(doc[at.clone()].starts_with('{') && doc[at].ends_with('}'), "{:?}", doc);
                            let DeValue::Table(inner) = toml else {
                                panic!("{doc:?} is not read as a table");
                            };
                            prop_assert_eq!(inner.len(), pairs.len(), "{:?}", doc);
                            for (key, at, body) in pairs {
                                prop_assert_eq!(&doc[key.0], key.1);
                                prop_assert_eq!(&doc[at.start + 1..at.end - 1], body);
                                let value = inner.get(key.1).map(|v| v.get_ref());
                                prop_assert!(matches!(value, Some(DeValue::String(s)) if s == body), "{doc:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    proptest! {
        /// Eight bytes at a time or one at a time, the same end and the same refusals.
        #[test]
        fn plain_strings_end_where_a_byte_scan_ends_them(
            body in "[a-z é\t\\\\\"'\x01\x1f\x7f]{0,40}",
            quote in prop::sample::select(vec![b'"', b'\''])
        ) {
            let naive = body.bytes().position(|c| c == quote).filter(|&end| {
                body.as_bytes()[..end].iter().all(|&c| {
                    c == b'\t' || (c >= 0x20 && c != 0x7f && (quote == b'\'' || c != b'\\'))
                })
            });
            let scanned = if quote == b'"' {
                plain_string::<b'"'>(body.as_bytes())
            } else {
                plain_string::<b'\''>(body.as_bytes())
            };
            prop_assert_eq!(scanned, naive, "{:?}", body);
        }
    }

    #[test]
    fn reads_the_common_shapes() {
        let text =
            "id = \"a\"\t# note\r\n  title . en=\"T é\"\n\n[[obligation]] # x\ndue = 2028-02-29";
        let (first, at) = read(text, 0).unwrap();
        assert!(matches!(
            first,
            Line::Pair {
                key: (_, "id"),
                sub: None,
                value: Scalar::Text(_, "a")
            }
        ));
        let (second, at) = read(text, at).unwrap();
        assert!(matches!(
            second,
            Line::Pair {
                key: (_, "title"),
                sub: Some((_, "en")),
                value: Scalar::Text(_, "T é")
            }
        ));
        let (blank, at) = read(text, at).unwrap();
        assert_eq!(blank, Line::Blank);
        let (header, at) = read(text, at).unwrap();
        assert!(matches!(header, Line::Obligation(_)));
        let (date, at) = read(text, at).unwrap();
        assert!(matches!(
            date,
            Line::Pair {
                key: (_, "due"),
                value: Scalar::Date(..),
                ..
            }
        ));
        assert_eq!(at, text.len());
        let (texts, _) = read("title = {en = \"T\" ,\tfr=\"é\"} # x", 0).unwrap();
        let Line::Pair {
            value: Scalar::Texts(at, pairs),
            ..
        } = texts
        else {
            panic!("{texts:?}");
        };
        assert_eq!(at, 8..28);
        let pairs: Vec<_> = pairs
            .iter()
            .map(|(k, at, body)| (k.1, at.clone(), *body))
            .collect();
        assert_eq!(pairs, [("en", 14..17, "T"), ("fr", 23..27, "é")]);
        for other in [
            "a = {}",
            "a = { en = \"x\", }",
            "a = \'\'\'b\'\'\'",
            "a = \'b\nc\'",
            "a = { en = \"x\", en = \"y\" }",
            "a = { en.x = \"x\" }",
            "a = { en = \"x\"",
            "due = 2027-02-29",
            "a = \"b\\\"\"",
            "a.b.c = \"d\"",
            "a = \"b\" c",
            "a = \"b\"\rc",
        ] {
            assert_eq!(read(other, 0), None, "{other:?}");
        }
    }
}

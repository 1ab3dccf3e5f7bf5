//! Renderers: one module per output format, all fed the same [`Listing`].

mod csv;
mod diff;
mod digest;
mod fit;
mod fold;
pub mod html;
mod ics;
mod json;
mod mail;
mod markdown;
mod table;

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::dates::Span;
pub use crate::engine::Entry;
use crate::engine::PeriodKey;
use crate::model::{Confidence, Lang, Str};

pub use self::csv::Csv;
pub use self::diff::diff;
pub use self::digest::digest;
pub use self::fold::fold;
pub use self::html::Page;
pub use self::ics::{Feed, ics};
pub use self::json::Json;
pub use self::mail::{Addressing, Reminder, message};
pub use self::markdown::Markdown;
pub use self::table::Table;

/// A typed value: JSON keeps the type, text formats print it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(Str),
    Date(NaiveDate),
    Int(i64),
    Bool(bool),
    Null,
    /// A due date as a person reads it, marked by how sure the meeting it hangs on is (`~`
    /// an estimate, `†` likely). Formatted only when shown.
    DueLabel {
        due: Option<NaiveDate>,
        confidence: Option<Confidence>,
    },
    /// Days to go as a person reads them: `in 3d`, `today`, `2d ago`; days past an
    /// overdue one's due date are a delay.
    DaysLabel {
        days: Option<i64>,
        overdue: bool,
        lang: Lang,
    },
    /// A length of time, as text: `30d`. Written out only when shown.
    Span(Span),
    /// Which period an occurrence is for: `2027-03`. Written out only when shown, and then
    /// as its text would be.
    Period(PeriodKey<'static>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(Str::Owned(s.into()))
    }

    pub fn fixed(s: &'static str) -> Cell {
        Cell::Text(Str::Borrowed(s))
    }

    /// Registry text, shared rather than copied.
    pub fn str(s: &Str) -> Cell {
        Cell::Text(s.clone())
    }

    pub fn opt_str(s: Option<&Str>) -> Cell {
        s.map_or(Cell::Null, Cell::str)
    }

    pub fn opt_text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, Cell::text)
    }

    pub fn opt_fixed(s: Option<&'static str>) -> Cell {
        s.map_or(Cell::Null, Cell::fixed)
    }

    pub fn period(key: &PeriodKey<'_>) -> Cell {
        Cell::Period(key.clone().into_owned())
    }

    pub fn opt_period(key: Option<&PeriodKey<'_>>) -> Cell {
        key.map_or(Cell::Null, Cell::period)
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Null, Cell::Date)
    }

    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Null, Cell::Int)
    }

    /// Whether the cell shows nothing at all.
    fn is_blank(&self) -> bool {
        match self {
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Period(key) => key.with_text(|s| s.trim().is_empty()),
            Cell::Null => true,
            _ => false,
        }
    }

    /// The text a table shows: as [`Cell::plain`], free text cut to `SHOWN_CHARS` first.
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(s) => shown(s),
            Cell::Period(key) => key.with_text(shown),
            other => other.plain(),
        }
    }

    /// The cell as one line of text: registry text never breaks out of its place.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(s) => one_line(s),
            Cell::Date(d) => iso_date(*d),
            Cell::Int(n) => n.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Null => String::new(),
            Cell::DueLabel { due, confidence } => match due {
                Some(d) => format!("{}{d}", confidence.map_or("", |c| c.mark())),
                None => "-".into(),
            },
            Cell::Span(span) => span.to_string(),
            Cell::Period(key) => key.with_text(one_line),
            Cell::DaysLabel {
                days,
                overdue,
                lang,
            } => crate::i18n::days(*lang, *days, *overdue),
        }
    }
}

/// `YYYY-MM-DD` as bytes, for years 0 to 9999, without going through the formatting
/// machinery, which dominates the cost of long listings.
pub fn iso_digits(d: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (m, day) = (d.month(), d.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// A date as `YYYY-MM-DD` (other years as chrono writes them).
pub fn iso_date(d: NaiveDate) -> String {
    match iso_digits(d) {
        Some(digits) => digits.iter().map(|b| char::from(*b)).collect(),
        None => d.to_string(),
    }
}

/// Replaces line breaks, other control characters and bidirectional overrides with spaces,
/// so that text from a registry cannot start a new row, header or property.
/// `1 meeting`, `2 meetings`: a count with its noun in the right number.
pub fn counted(n: impl Into<i64>, noun: &str, nouns: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { noun } else { nouns })
}

/// How much free text a table cell or a calendar field shows: a title of a million
/// characters would otherwise cost a table's wrapping or a calendar's line folding time that
/// grows with its square. Machine formats (JSON, CSV) carry the text whole.
pub const SHOWN_CHARS: usize = 300;

/// Text for a table cell or a calendar field: on one line, and cut to `SHOWN_CHARS`
/// characters with an ellipsis when longer.
pub fn shown(s: &str) -> String {
    match s.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => one_line(&s[..cut]) + "…",
        None => one_line(s),
    }
}

pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if is_breaking(c) { ' ' } else { c })
        .collect()
}

fn is_breaking(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    None,
    /// Overdue: stands out on a terminal.
    Alert,
    /// Inside its lead time.
    Warn,
}

#[derive(Clone, Debug)]
pub struct Column {
    /// The field name in JSON and CSV.
    pub key: &'static str,
    /// The heading in the table and Markdown; `None` leaves the column out of them.
    pub heading: Option<&'static str>,
    /// Whether JSON and CSV carry it: labels made for people (`in 3d`) are left out.
    pub data: bool,
    /// Free text, shortened in a narrow table; other columns are never split.
    pub free: bool,
    /// Left out of a narrow table when even shortened text does not fit, lowest first.
    pub leave_out: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub emphasis: Emphasis,
}

/// Where a listing's rows come from: built up front, or made one at a time as they are
/// written, so that a long listing is never held whole.
enum Source<'a> {
    Built(Vec<Row>),
    Made {
        count: usize,
        make: Box<MakeRow<'a>>,
    },
}

/// Writes row `n`'s cells over the row before it, a cell per column, and says how the row
/// stands out.
type MakeRow<'a> = dyn Fn(usize, &mut [Cell]) -> Emphasis + 'a;

/// Rows of typed cells under named columns, plus notes that only the table shows.
pub struct Listing<'a> {
    pub columns: Vec<Column>,
    source: Source<'a>,
    /// Shown below the table (for example what a `~` means); not part of the data.
    pub notes: Vec<String>,
    /// Shown above the table and as the Markdown and HTML title; not part of the data.
    pub heading: Option<String>,
}

impl<'a> Listing<'a> {
    pub fn new(columns: &[(&'static str, Option<&'static str>)]) -> Listing<'a> {
        Listing {
            columns: columns
                .iter()
                .map(|(key, heading)| Column {
                    key,
                    heading: *heading,
                    data: true,
                    free: false,
                    leave_out: None,
                })
                .collect(),
            source: Source::Built(Vec::new()),
            notes: Vec::new(),
            heading: None,
        }
    }

    pub fn push(&mut self, cells: Vec<Cell>, emphasis: Emphasis) {
        debug_assert_eq!(cells.len(), self.columns.len());
        let row = Row { cells, emphasis };
        match &mut self.source {
            Source::Built(rows) => rows.push(row),
            Source::Made { .. } => unreachable!("rows are either pushed or made"),
        }
    }

    /// Rows made on demand: `make(n, cells)` writes row `n`'s cells over `cells`, a cell per
    /// column, in place (where building a row and copying it in cost as much again), and
    /// returns its emphasis.
    pub fn made(&mut self, count: usize, make: impl Fn(usize, &mut [Cell]) -> Emphasis + 'a) {
        self.source = Source::Made {
            count,
            make: Box::new(make),
        };
    }

    pub fn len(&self) -> usize {
        match &self.source {
            Source::Built(rows) => rows.len(),
            Source::Made { count, .. } => *count,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows in order, read with [`Rows::next_row`].
    pub fn rows(&self) -> Rows<'_, 'a> {
        Rows {
            listing: self,
            next: 0,
            made: Row {
                cells: vec![Cell::Null; self.columns.len()],
                emphasis: Emphasis::None,
            },
        }
    }

    /// Marks columns as labels for people only, absent from JSON and CSV.
    pub fn display_only(&mut self, keys: &[&str]) {
        for col in &mut self.columns {
            if keys.contains(&col.key) {
                col.data = false;
            }
        }
    }

    /// Marks columns as free text, which a narrow table shortens.
    pub fn free_text(&mut self, keys: &[&str]) {
        for col in &mut self.columns {
            col.free |= keys.contains(&col.key);
        }
    }

    /// The columns a narrow table may leave out, the first given first.
    pub fn leave_out_first(&mut self, keys: &[&str]) {
        for col in &mut self.columns {
            col.leave_out = keys
                .iter()
                .position(|k| *k == col.key)
                .and_then(|n| u8::try_from(n).ok());
        }
    }

    /// Columns carried in data formats, with their index.
    fn data(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter_map(|(n, c)| c.data.then_some((n, c.key)))
    }

    /// Columns shown in human-facing formats (table, Markdown, HTML), with their index: those
    /// with a heading, less those empty in every row, which say nothing. A listing without
    /// rows keeps its headings.
    fn visible(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter_map(|(n, c)| c.heading.map(|h| (n, h)))
            .filter(|(n, _)| self.is_empty() || self.shows(*n))
    }

    /// `f` of every row, in order.
    pub fn map_rows<T>(&self, mut f: impl FnMut(&Row) -> T) -> Vec<T> {
        let mut out = Vec::with_capacity(self.len());
        let mut rows = self.rows();
        while let Some(row) = rows.next_row() {
            out.push(f(row));
        }
        out
    }

    /// Whether some row has something in column `n`.
    fn shows(&self, n: usize) -> bool {
        let mut rows = self.rows();
        while let Some(row) = rows.next_row() {
            if !row.cells[n].is_blank() {
                return true;
            }
        }
        false
    }
}

/// A listing's rows, one at a time. A made row is written over the one before it, in one
/// buffer, so that writing out a long listing allocates no row; a built row is lent as it is.
pub struct Rows<'l, 'a> {
    listing: &'l Listing<'a>,
    next: usize,
    made: Row,
}

impl Rows<'_, '_> {
    /// The next row, if any; it lasts until this is called again.
    pub fn next_row(&mut self) -> Option<&Row> {
        let n = self.next;
        if n == self.listing.len() {
            return None;
        }
        self.next += 1;
        match &self.listing.source {
            Source::Built(rows) => Some(&rows[n]),
            Source::Made { make, .. } => {
                self.made.emphasis = make(n, &mut self.made.cells);
                Some(&self.made)
            }
        }
    }
}

/// One output format for listings.
pub trait Export {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()>;
}

//! Reads a registry file into the checked model. Every mistake is reported with the file,
//! line and column it sits at, and what was expected there.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::dates::{self, Calendar, MonthDay, Roll, Span};
use crate::model::{
    Anchor, Completion, InPeriod, Instance, Meeting, Milestone, Obligation, Origin, Outcome,
    Period, Prose, Registry, Rule, Str, Text,
};

/// The registry compiled into the binary: Resolution 1332.
pub const EMBEDDED: &str = include_str!("../obligations.toml");

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{file}:{line}:{col}: {message}")]
    Invalid {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "registry {0} does not exist (check the path, or write the default one there with `due init PATH`)"
    )]
    Missing(PathBuf),
    #[error("registry {0} is a directory (pass the registry file inside it)")]
    Directory(PathBuf),
    #[error(
        "registry {0} is {1} bytes, more than a registry can be (expected at most 256 MiB of TOML: is this the right file?)"
    )]
    TooLarge(PathBuf, u64),
    // The I/O error is part of the message rather than a `source`, so that it is said once.
    #[error("cannot read registry {path}: {cause} (check that the file is readable by this user)")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
}

/// Larger than any registry people write by hand or generate: 100,000 obligations are about
/// 32 MiB.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Reads and checks a registry file.
pub fn load_file(path: &Path) -> Result<Registry, RegistryError> {
    if path.is_dir() {
        return Err(RegistryError::Directory(path.to_path_buf()));
    }
    let meta = std::fs::metadata(path).ok();
    // Checked before reading, so that a wrong path to a huge file fails at once.
    if let Some(meta) = &meta
        && meta.len() > MAX_BYTES
    {
        return Err(RegistryError::TooLarge(path.to_path_buf(), meta.len()));
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RegistryError::Missing(path.to_path_buf()));
        }
        Err(cause) => {
            return Err(RegistryError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    let origin = Origin::File(path.to_path_buf());
    // The text is kept for the rest of the run, so the registry borrows its strings from it.
    let text = check_text(bytes.leak(), &origin)?;
    parse_static(text, origin)
}

/// Checks a registry's raw bytes without keeping them, as a file's would be checked.
pub fn parse_bytes(bytes: &[u8], origin: Origin) -> Result<Registry, RegistryError> {
    parse(check_text(bytes, &origin)?, origin)
}

/// A registry must be text before it can be TOML: the first byte that is not is reported
/// where it sits, as any other mistake.
fn check_text<'b>(bytes: &'b [u8], origin: &Origin) -> Result<&'b str, RegistryError> {
    let (at, what) = match std::str::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            None => return Ok(text),
            Some(at) => (at, "a NUL byte".to_string()),
        },
        Err(e) => (
            e.valid_up_to(),
            format!("byte 0x{:02X}, which is not UTF-8", bytes[e.valid_up_to()]),
        ),
    };
    let before = std::str::from_utf8(&bytes[..at]).expect("valid up to here");
    let cx = Cx {
        file: &origin_name(origin),
        text: before,
        base: 0,
        whole: None,
    };
    Err(cx.error(
        at..at,
        format!("not a text file: {what} (expected UTF-8 TOML text: is this the right file?)"),
    ))
}

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
    let file = origin_name(&origin);
    let cx = Cx {
        file: &file,
        text,
        base: 0,
        whole,
    };
    let root = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        cx.error(
            span.clone(),
            format!("invalid TOML: {}", toml_message(text, &e, span)),
        )
    })?;
    Ok(cx.registry(root.get_ref(), origin)?.0)
}

/// An obligation and where its id stands in the file.
type Located = (Obligation, Range<usize>);

type Value<'i> = Spanned<DeValue<'i>>;

#[derive(Clone, Copy)]
struct Cx<'a> {
    file: &'a str,
    /// The text being read, and where it starts in the file.
    text: &'a str,
    base: usize,
    /// The same text when it lives for the whole process: strings are then borrowed from it.
    whole: Option<&'static str>,
}

/// One table being read: remembers nothing, but knows which keys it allows.
struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }
}

fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The closest allowed key, for "did you mean".
pub(crate) fn suggest<'k>(key: &str, allowed: &[&'k str]) -> Option<&'k str> {
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min()
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

type R<T> = Result<T, RegistryError>;

impl<'a> Cx<'a> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> RegistryError {
        let full = match self.whole {
            Some(w) => w,
            None => self.text,
        };
        let (line, col) = line_col(full, span.start + self.base);
        RegistryError::Invalid {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
        }
    }

    fn fields<'t, 'i>(
        &self,
        table: &'t DeTable<'i>,
        what: &str,
        allowed: &[&str],
    ) -> R<Fields<'t, 'i>> {
        for (key, _) in table.iter() {
            let name = key.get_ref().as_ref();
            if !allowed.contains(&name) {
                let hint = match suggest(name, allowed) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("expected one of: {}", allowed.join(", ")),
                };
                return Err(self.error(
                    key.span(),
                    format!("unknown key `{name}` in {what} ({hint})"),
                ));
            }
        }
        Ok(Fields { table })
    }

    fn require<'t, 'i>(
        &self,
        f: &Fields<'t, 'i>,
        key: &str,
        what: &str,
        span: Range<usize>,
    ) -> R<&'t Value<'i>> {
        f.get(key)
            .ok_or_else(|| self.error(span, format!("{what} has no `{key}` (it is required)")))
    }

    fn mismatch(&self, v: &Value<'_>, key: &str, expected: &str) -> RegistryError {
        self.error(
            v.span(),
            format!("`{key}` is {} (expected {expected})", kind(v.get_ref())),
        )
    }

    fn string<'v>(&self, v: &'v Value<'_>, key: &str) -> R<&'v str> {
        match v.get_ref() {
            DeValue::String(s) => Ok(s.as_ref()),
            _ => Err(self.mismatch(v, key, "a string")),
        }
    }

    /// Keeps a string from the source: borrowed when the source lives for the whole process.
    fn keep(&self, s: &str) -> Str {
        if let Some(whole) = self.whole {
            let start = (s.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
            if let Some(borrowed) = start
                .checked_add(s.len())
                .and_then(|end| whole.get(start..end))
                .filter(|b| b.as_ptr() == s.as_ptr())
            {
                return Cow::Borrowed(borrowed);
            }
        }
        Cow::Owned(s.to_string())
    }

    fn opt_str(&self, f: &Fields<'_, '_>, key: &str) -> R<Option<Str>> {
        f.get(key)
            .map(|v| self.string(v, key).map(|s| self.keep(s)))
            .transpose()
    }

    fn opt_string(&self, f: &Fields<'_, '_>, key: &str) -> R<Option<String>> {
        f.get(key)
            .map(|v| self.string(v, key).map(str::to_string))
            .transpose()
    }

    fn table<'t, 'i>(&self, v: &'t Value<'i>, key: &str) -> R<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => Err(self.mismatch(v, key, "a table")),
        }
    }

    fn array<'t, 'i>(&self, v: &'t Value<'i>, key: &str) -> R<&'t [Value<'i>]> {
        match v.get_ref() {
            DeValue::Array(a) => Ok(a),
            _ => Err(self.mismatch(v, key, "an array")),
        }
    }

    /// A date, written as a TOML date (`2026-01-01`) or a string (`"2026-01-01"`).
    fn date(&self, v: &Value<'_>, key: &str) -> R<NaiveDate> {
        let expected = "a date such as 2026-11-30";
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| {
                            self.error(
                        v.span(),
                        format!(
                            "`{key}`: {dt} is not a date in the calendar (expected a real day)"
                        ),
                    )
                        })
                }
                _ => Err(self.error(
                    v.span(),
                    format!("`{key}` has a time of day (expected {expected}, without one)"),
                )),
            },
            DeValue::String(s) => dates::parse_date(s).ok_or_else(|| {
                self.error(
                    v.span(),
                    format!("`{key}`: `{s}` is not {expected} (YYYY-MM-DD, a real day)"),
                )
            }),
            _ => Err(self.mismatch(v, key, expected)),
        }
    }

    fn span_of(&self, v: &Value<'_>, key: &str) -> R<Span> {
        let DeValue::String(s) = v.get_ref() else {
            return Err(self.mismatch(v, key, "a duration such as \"30d\""));
        };
        Span::parse(s).map_err(|m| self.error(v.span(), format!("`{key}`: {m}")))
    }

    fn text(&self, v: &Value<'_>, key: &str) -> R<Text> {
        match v.get_ref() {
            DeValue::String(s) => Ok(Text {
                en: self.keep(s),
                fr: None,
            }),
            DeValue::Table(t) => {
                let f = self.fields(t, &format!("`{key}`"), &["en", "fr"])?;
                let en =
                    self.string(self.require(&f, "en", &format!("`{key}`"), v.span())?, "en")?;
                let fr = self.opt_str(&f, "fr")?;
                Ok(Text {
                    en: self.keep(en),
                    fr,
                })
            }
            _ => Err(self.mismatch(v, key, "a string or a table { en = \"…\", fr = \"…\" }")),
        }
    }

    /// Ids must be unique: the second use of one is the error.
    fn unique(&self, obligations: &[Located]) -> R<()> {
        let mut seen: HashSet<&str> = HashSet::with_capacity(obligations.len());
        for (ob, span) in obligations {
            if !seen.insert(&ob.id) {
                let at = Cx { base: 0, ..*self };
                return Err(at.error(
                    span.clone(),
                    format!("duplicate obligation id `{}` (ids must be unique)", ob.id),
                ));
            }
        }
        Ok(())
    }

    /// The registry, and the default lead time its obligations were read with.
    fn registry(&self, root: &DeTable<'_>, origin: Origin) -> R<(Registry, Span)> {
        let f = self.fields(
            root,
            "the registry",
            &[
                "schema",
                "title",
                "timezone",
                "tracking_since",
                "default_lead",
                "ledger",
                "calendar",
                "meetings",
                "obligation",
            ],
        )?;
        match f.get("schema") {
            None => {
                return Err(self.error(
                    0..0,
                    "the registry has no `schema` (expected `schema = 1` at the top)",
                ));
            }
            Some(v) => match v.get_ref() {
                DeValue::Integer(i) if i.as_str() == "1" && i.radix() == 10 => {}
                _ => {
                    return Err(self.error(
                        v.span(),
                        "`schema` must be 1 (the only version this `due` reads)",
                    ));
                }
            },
        }
        let timezone = match f.get("timezone") {
            None => chrono_tz::UTC,
            Some(v) => {
                let name = self.string(v, "timezone")?;
                name.parse().map_err(|_| {
                    self.error(v.span(), format!("`timezone`: unknown time zone `{name}` (expected an IANA name such as Europe/Zurich)"))
                })?
            }
        };
        let tracking_since = f
            .get("tracking_since")
            .map(|v| self.date(v, "tracking_since"))
            .transpose()?;
        let default_lead = match f.get("default_lead") {
            Some(v) => self.span_of(v, "default_lead")?,
            None => Span::parse("30d").expect("valid default"),
        };
        let ledger = match (f.get("ledger"), &origin) {
            (Some(v), Origin::File(path)) => {
                let rel = self.string(v, "ledger")?;
                let dir = path.parent().unwrap_or(Path::new(""));
                Some(dir.join(rel))
            }
            // The embedded registry has no folder of its own to keep a ledger beside.
            (Some(v), Origin::Embedded) => {
                self.string(v, "ledger")?;
                None
            }
            (None, _) => None,
        };
        let calendar = f
            .get("calendar")
            .map(|v| self.calendar(v))
            .transpose()?
            .unwrap_or_default();
        let meetings = match f.get("meetings") {
            Some(v) => self.meetings(v)?,
            None => Vec::new(),
        };
        let mut obligations = Vec::new();
        if let Some(v) = f.get("obligation") {
            for item in self.array(v, "obligation")? {
                obligations.push(self.obligation(item, &meetings, default_lead)?);
            }
        }
        self.unique(&obligations)?;
        let obligations = obligations.into_iter().map(|(ob, _)| ob).collect();
        Ok((
            Registry {
                origin,
                title: f
                    .get("title")
                    .map(|v| self.string(v, "title").map(str::to_string))
                    .transpose()?
                    .unwrap_or_default(),
                timezone,
                tracking_since,
                calendar,
                ledger,
                meetings,
                obligations,
            },
            default_lead,
        ))
    }

    fn calendar(&self, v: &Value<'_>) -> R<Calendar> {
        let t = self.table(v, "calendar")?;
        let f = self.fields(t, "[calendar]", &["weekend", "holidays", "roll"])?;
        let mut cal = Calendar::default();
        if let Some(w) = f.get("weekend") {
            cal.weekend = [false; 7];
            for day in self.array(w, "weekend")? {
                let name = self.string(day, "weekend")?;
                let wd = match name.to_ascii_lowercase().as_str() {
                    "mon" => Weekday::Mon,
                    "tue" => Weekday::Tue,
                    "wed" => Weekday::Wed,
                    "thu" => Weekday::Thu,
                    "fri" => Weekday::Fri,
                    "sat" => Weekday::Sat,
                    "sun" => Weekday::Sun,
                    _ => return Err(self.error(day.span(), format!("`weekend`: `{name}` is not a weekday (expected mon, tue, wed, thu, fri, sat or sun)"))),
                };
                cal.weekend[wd.num_days_from_monday() as usize] = true;
            }
            if cal.weekend.iter().all(|closed| *closed) {
                return Err(self.error(
                    w.span(),
                    "`weekend` closes every day of the week (expected at least one working day)",
                ));
            }
        }
        if let Some(h) = f.get("holidays") {
            for day in self.array(h, "holidays")? {
                cal.holidays.insert(self.date(day, "holidays")?);
            }
        }
        if let Some(r) = f.get("roll") {
            cal.roll = match self.string(r, "roll")? {
                "previous" => Roll::Previous,
                "next" => Roll::Next,
                "none" => Roll::None,
                other => {
                    return Err(self.error(
                        r.span(),
                        format!(
                            "`roll`: `{other}` is not a roll (expected previous, next or none)"
                        ),
                    ));
                }
            };
        }
        Ok(cal)
    }

    fn meetings(&self, v: &Value<'_>) -> R<Vec<Meeting>> {
        let t = self.table(v, "meetings")?;
        let mut out = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        for (key, value) in t.iter() {
            let key_text = key.get_ref().as_ref();
            check_id(key_text)
                .map_err(|m| self.error(key.span(), format!("meeting name `{key_text}` {m}")))?;
            let meeting = self.meeting(key_text, value)?;
            for inst in &meeting.instances {
                if !ids.insert(inst.id.clone()) {
                    return Err(self.error(value.span(), format!("meeting instance id `{}` is used twice (give one of them its own `id`)", inst.id)));
                }
            }
            ids.insert(meeting.key.clone());
            out.push(meeting);
        }
        Ok(out)
    }

    fn meeting(&self, key: &str, v: &Value<'_>) -> R<Meeting> {
        let what = format!("meeting `{key}`");
        let t = self.table(v, key)?;
        let f = self.fields(
            t,
            &what,
            &["name", "dates", "typical", "tentative", "source"],
        )?;
        let name = match f.get("name") {
            Some(n) => self.text(n, "name")?,
            None => Text {
                en: Cow::Owned(key.to_string()),
                fr: None,
            },
        };
        let typical_only = f.get("dates").is_none() && f.get("typical").is_some();
        let tentative = match f.get("tentative") {
            Some(b) => match b.get_ref() {
                DeValue::Boolean(b) => *b,
                _ => return Err(self.mismatch(b, "tentative", "true or false")),
            },
            None => false,
        };
        let typical = match f.get("typical") {
            None => None,
            Some(tv) => {
                let s = self.string(tv, "typical")?;
                let (a, b) = s.split_once("..").unwrap_or((s, s));
                match (MonthDay::parse(a.trim()), MonthDay::parse(b.trim())) {
                    (Some(a), Some(b)) if a <= b => Some((a, b)),
                    _ => return Err(self.error(tv.span(), format!("`typical`: `{s}` is not a month-day or range (expected MM-DD or MM-DD..MM-DD within one year)"))),
                }
            }
        };
        if typical_only {
            return Ok(Meeting {
                key: key.to_string(),
                name,
                series: true,
                instances: Vec::new(),
                typical,
            });
        }
        let Some(dates) = f.get("dates") else {
            return Err(self.error(
                v.span(),
                format!("{what} has no `dates` (expected dates = \"YYYY-MM-DD..YYYY-MM-DD\", a table of years, or a `typical` estimate)"),
            ));
        };
        match dates.get_ref() {
            DeValue::String(_) | DeValue::Datetime(_) => {
                if typical.is_some() {
                    return Err(self.error(f.get("typical").expect("present").span(), format!("{what} is a single meeting, and `typical` only applies to a series (expected dates given per year to use it)")));
                }
                let (start, end) = self.range(dates, "dates")?;
                Ok(Meeting {
                    key: key.to_string(),
                    name,
                    series: false,
                    instances: vec![Instance {
                        id: key.to_string(),
                        start,
                        end,
                        tentative,
                    }],
                    typical: None,
                })
            }
            DeValue::Table(years) => {
                if let Some(b) = f.get("tentative") {
                    return Err(self.error(b.span(), format!("{what} is a series, so `tentative` belongs to single years (expected `2027 = {{ dates = \"…\", tentative = true }}`)")));
                }
                let mut instances = Vec::new();
                for (year_key, entry) in years.iter() {
                    let y = year_key.get_ref().as_ref();
                    let year: i32 = match y.parse() {
                        Ok(year) if y.len() == 4 => year,
                        _ => {
                            return Err(self.error(
                                year_key.span(),
                                format!("{what}: `{y}` is not a year (expected keys such as 2026)"),
                            ));
                        }
                    };
                    let entries: Vec<&Value<'_>> = match entry.get_ref() {
                        DeValue::Array(a) => a.iter().collect(),
                        _ => vec![entry],
                    };
                    let mut in_year = Vec::new();
                    for e in entries {
                        let (id, start, end, tentative) = self.instance(e)?;
                        if start.year() != year {
                            return Err(self.error(
                                e.span(),
                                format!(
                                    "{what}: an instance starting {start} is listed under {year} (expected it under {})",
                                    start.year()
                                ),
                            ));
                        }
                        in_year.push((id, start, end, tentative));
                    }
                    in_year.sort_by_key(|(_, start, _, _)| *start);
                    for (n, (id, start, end, tentative)) in in_year.into_iter().enumerate() {
                        let id = id.unwrap_or_else(|| match n {
                            0 => format!("{key}-{year}"),
                            n => format!("{key}-{year}-{}", n + 1),
                        });
                        instances.push(Instance {
                            id,
                            start,
                            end,
                            tentative,
                        });
                    }
                }
                instances.sort_by_key(|i| i.start);
                Ok(Meeting {
                    key: key.to_string(),
                    name,
                    series: true,
                    instances,
                    typical,
                })
            }
            _ => Err(self.mismatch(
                dates,
                "dates",
                "a date range \"YYYY-MM-DD..YYYY-MM-DD\" or a table of years",
            )),
        }
    }

    /// One instance of a series: a date range, or a table with `dates` and optional `id`,
    /// `tentative` and `source`.
    fn instance(&self, v: &Value<'_>) -> R<(Option<String>, NaiveDate, NaiveDate, bool)> {
        match v.get_ref() {
            DeValue::Table(t) => {
                let f = self.fields(
                    t,
                    "a meeting instance",
                    &["id", "dates", "tentative", "source"],
                )?;
                let dates = self.require(&f, "dates", "a meeting instance", v.span())?;
                let (start, end) = self.range(dates, "dates")?;
                let id = match f.get("id") {
                    Some(i) => {
                        let s = self.string(i, "id")?;
                        check_id(s)
                            .map_err(|m| self.error(i.span(), format!("instance id `{s}` {m}")))?;
                        Some(s.to_string())
                    }
                    None => None,
                };
                let tentative = match f.get("tentative") {
                    Some(b) => match b.get_ref() {
                        DeValue::Boolean(b) => *b,
                        _ => return Err(self.mismatch(b, "tentative", "true or false")),
                    },
                    None => false,
                };
                Ok((id, start, end, tentative))
            }
            _ => {
                let (start, end) = self.range(v, "dates")?;
                Ok((None, start, end, false))
            }
        }
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`, first day not after the last.
    fn range(&self, v: &Value<'_>, key: &str) -> R<(NaiveDate, NaiveDate)> {
        if let DeValue::Datetime(_) = v.get_ref() {
            let d = self.date(v, key)?;
            return Ok((d, d));
        }
        let s = self.string(v, key)?;
        let (a, b) = s.split_once("..").unwrap_or((s, s));
        let bad = || {
            self.error(v.span(), format!("`{key}`: `{s}` is not a date or date range (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, real days)"))
        };
        let start = dates::parse_date(a.trim()).ok_or_else(bad)?;
        let end = dates::parse_date(b.trim()).ok_or_else(bad)?;
        if end < start {
            return Err(self.error(v.span(), format!("`{key}`: `{s}` ends before it starts (expected the first day, `..`, then the last day)")));
        }
        if (end - start).num_days() > 366 {
            return Err(self.error(
                v.span(),
                format!("`{key}`: `{s}` lasts more than a year (is a year mistyped?)"),
            ));
        }
        Ok((start, end))
    }

    /// An obligation, and where its id stands in the file (for the duplicate check).
    fn obligation(&self, v: &Value<'_>, meetings: &[Meeting], default_lead: Span) -> R<Located> {
        let t = self.table(v, "obligation")?;
        let f = self.fields(
            t,
            "[[obligation]]",
            &[
                "id",
                "title",
                "mandate",
                "quote",
                "owner",
                "to",
                "notes",
                "every",
                "due",
                "lead",
                "active_from",
                "active_until",
                "milestones",
                "done",
            ],
        )?;
        let id_v = self.require(&f, "id", "[[obligation]]", v.span())?;
        let id = self.string(id_v, "id")?;
        check_id(id).map_err(|m| self.error(id_v.span(), format!("obligation id `{id}` {m}")))?;
        let what = format!("obligation `{id}`");
        let title = self.text(self.require(&f, "title", &what, v.span())?, "title")?;
        let every_v = f.get("every");
        let every = every_v.map(|e| self.string(e, "every")).transpose()?;
        let due_v = f.get("due");
        let rule = self.rule(every_v, every, due_v, meetings)?;
        let lead = match f.get("lead") {
            Some(l) => self.span_of(l, "lead")?,
            None => default_lead,
        };
        let active_from = f
            .get("active_from")
            .map(|d| self.date(d, "active_from"))
            .transpose()?;
        let active_until = f
            .get("active_until")
            .map(|d| self.date(d, "active_until"))
            .transpose()?;
        if let (Some(a), Some(b)) = (active_from, active_until)
            && b < a
        {
            return Err(self.error(
                f.get("active_until").expect("present").span(),
                format!("{what}: `active_until` {b} is before `active_from` {a} (expected the same day or later)"),
            ));
        }
        let mut milestones = Vec::new();
        if let Some(ms) = f.get("milestones") {
            if matches!(rule, Rule::Ongoing) {
                return Err(self.error(
                    ms.span(),
                    format!("{what} has no deadline, so its milestones have nothing to count from (expected a `due`, or no `milestones`)"),
                ));
            }
            for m in self.array(ms, "milestones")? {
                let mt = self.table(m, "milestones")?;
                let mf = self.fields(mt, "a milestone", &["name", "at"])?;
                let name =
                    self.text(self.require(&mf, "name", "a milestone", m.span())?, "name")?;
                let at = self.require(&mf, "at", "a milestone", m.span())?;
                let at_text = self.string(at, "at")?;
                let offset = match split_offset(at_text) {
                    Ok(("due", offset)) => offset,
                    Err(m) if at_text.split_whitespace().next() == Some("due") => {
                        return Err(self.error(at.span(), format!("`at`: {m}")));
                    }
                    _ => return Err(self.error(at.span(), format!("`at`: `{at_text}` is not a milestone offset (expected `due - 4w`, `due + 3d` or `due`)"))),
                };
                milestones.push(Milestone { name, offset });
            }
        }
        let mut done = Vec::new();
        if let Some(list) = f.get("done") {
            for d in self.array(list, "done")? {
                let dt = self.table(d, "done")?;
                let df = self.fields(
                    dt,
                    "a `done` entry",
                    &["period", "on", "ref", "note", "waived"],
                )?;
                let period = self.string(
                    self.require(&df, "period", "a `done` entry", d.span())?,
                    "period",
                )?;
                let on = self.date(self.require(&df, "on", "a `done` entry", d.span())?, "on")?;
                let outcome = match df.get("waived") {
                    Some(w) => Outcome::Waived {
                        reason: self.string(w, "waived")?.to_string(),
                    },
                    None => Outcome::Done,
                };
                done.push((
                    period.to_string(),
                    Completion {
                        outcome,
                        on,
                        reference: self.opt_string(&df, "ref")?,
                        note: self.opt_string(&df, "note")?,
                    },
                ));
            }
        }
        let id_at = self.base + id_v.span().start..self.base + id_v.span().end;
        Ok((
            Obligation {
                id: self.keep(id),
                title,
                mandate: self.opt_str(&f, "mandate")?,
                prose: match (self.opt_str(&f, "quote")?, self.opt_str(&f, "notes")?) {
                    (None, None) => None,
                    (quote, notes) => Some(Box::new(Prose { quote, notes })),
                },
                owner: self.opt_str(&f, "owner")?,
                to: self.opt_str(&f, "to")?,
                rule,
                lead,
                active_from,
                active_until,
                milestones: milestones.into_boxed_slice(),
                done: done.into_boxed_slice(),
            },
            id_at,
        ))
    }

    fn rule(
        &self,
        every_v: Option<&Value<'_>>,
        every: Option<&str>,
        due_v: Option<&Value<'_>>,
        meetings: &[Meeting],
    ) -> R<Rule> {
        let Some(due_v) = due_v else {
            return match every_v {
                Some(e) => Err(self.error(
                    e.span(),
                    "`every` has no `due` beside it (expected a `due` saying when in each period it falls, such as `due = \"11-30\"`)",
                )),
                None => Ok(Rule::Ongoing),
            };
        };
        if every.is_none() && matches!(due_v.get_ref(), DeValue::Datetime(_)) {
            return Ok(Rule::Once(self.date(due_v, "due")?));
        }
        let due = self.string(due_v, "due")?;
        let bad = |expected: &str| {
            self.error(
                due_v.span(),
                format!("`due`: `{due}` is not understood (expected {expected})"),
            )
        };
        let period = match every {
            None => {
                if let Some(d) = dates::parse_date(due) {
                    return Ok(Rule::Once(d));
                }
                let (reference, offset) = split_offset(due)
                    .map_err(|m| self.error(due_v.span(), format!("`due`: {m}")))?;
                let (name, anchor) = split_anchor(reference);
                let found = meetings.iter().enumerate().find_map(|(n, m)| {
                    if m.key == name && !m.series {
                        Some((n, m.key.clone()))
                    } else {
                        m.instance(name).map(|i| (n, i.id))
                    }
                });
                return match found {
                    Some((meeting, instance)) => Ok(Rule::AtInstance { meeting, instance, anchor, offset }),
                    None if meetings.iter().any(|m| m.key == name) => Err(self.error(due_v.span(), format!("`due`: `{name}` is a series, and a one-off needs one meeting (expected an instance such as `{name}-2026`, or `every = \"year\"` to make it recur)"))),
                    None if looks_like_date(name) => Err(self.error(due_v.span(), format!("`due`: `{due}` is not a date in the calendar (expected YYYY-MM-DD, a real day)"))),
                    None => Err(self.unknown_meeting(due_v, name, meetings)),
                };
            }
            Some("year") => Period::Year,
            Some("quarter") => Period::Quarter,
            Some("month") => Period::Month,
            Some("meeting") => {
                return self.series_rule(due_v, due, meetings, false);
            }
            Some(other) => {
                return Err(self.error(every_v.expect("present").span(), format!("`every`: `{other}` is not a recurrence (expected year, quarter, month or meeting)")));
            }
        };
        if let Some(at) = in_period(due, period) {
            return Ok(Rule::Every { period, at });
        }
        if let Ok((word @ ("start" | "end"), offset)) = split_offset(due) {
            let at = if word == "start" {
                InPeriod::Start(offset)
            } else {
                InPeriod::End(offset)
            };
            return Ok(Rule::Every { period, at });
        }
        match period {
            Period::Year => self.series_rule(due_v, due, meetings, true),
            Period::Quarter => Err(bad(
                "for a quarterly deadline M-DD, the month of the quarter 1-3 and a day, such as 3-31, or `end + 30d`",
            )),
            Period::Month => Err(bad(
                "for a monthly deadline the day of the month, such as 15, or `end - 5d`",
            )),
        }
    }

    fn series_rule(
        &self,
        due_v: &Value<'_>,
        due: &str,
        meetings: &[Meeting],
        per_year: bool,
    ) -> R<Rule> {
        let (reference, offset) =
            split_offset(due).map_err(|m| self.error(due_v.span(), format!("`due`: {m}")))?;
        let (name, anchor) = split_anchor(reference);
        match meetings.iter().position(|m| m.key == name) {
            Some(n) if meetings[n].series => Ok(Rule::AtSeries { meeting: n, anchor, offset, per_year }),
            Some(_) => Err(self.error(due_v.span(), format!("`due`: `{name}` is a single meeting, so it cannot recur (expected no `every`, to make this a one-off)"))),
            None if per_year && MonthDay::parse(name).is_none() && looks_like_month_day(name) => Err(self.error(due_v.span(), format!("`due`: `{due}` is not a day of the year (expected MM-DD, a real day such as 11-30)"))),
            None => Err(self.unknown_meeting(due_v, name, meetings)),
        }
    }

    fn unknown_meeting(&self, v: &Value<'_>, name: &str, meetings: &[Meeting]) -> RegistryError {
        let names: Vec<&str> = meetings.iter().map(|m| m.key.as_str()).collect();
        let hint = match suggest(name, &names) {
            Some(s) => format!("did you mean `{s}`?"),
            None if names.is_empty() => "no meetings are defined under [meetings]".to_string(),
            None => format!("known meetings: {}", names.join(", ")),
        };
        self.error(v.span(), format!("`due`: no meeting `{name}` ({hint})"))
    }
}

/// The TOML parser's message in the loader's form: `what is wrong (what was expected)`, and a
/// duplicate key named.
fn toml_message(text: &str, e: &toml::de::Error, span: Range<usize>) -> String {
    let message = e.message().trim_end();
    if message == "duplicate key" {
        let key = text.get(span).unwrap_or_default().trim();
        return format!("duplicate key `{key}` (expected each key once in a table)");
    }
    match message.split_once(", expected ") {
        Some((what, expected)) => format!("{what} (expected {expected})"),
        None => message.to_string(),
    }
}

/// How messages name the registry.
fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::Embedded => "obligations.toml (embedded)".to_string(),
        Origin::File(p) => p.display().to_string(),
    }
}

/// 1-based line and column (in characters) of a byte offset, in registries and ledgers.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

fn looks_like_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

fn looks_like_month_day(s: &str) -> bool {
    s.len() == 5 && s.as_bytes()[2] == b'-' && s.bytes().filter(u8::is_ascii_digit).count() == 4
}

/// Identifiers appear in period keys, file names and command lines: keep them plain.
fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("is empty (expected letters, digits, '-', '_' or '.')".into());
    }
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Err(
            "holds other characters (expected only ASCII letters, digits, '-', '_' and '.')".into(),
        );
    }
    Ok(())
}

/// `REF`, `REF + SPAN` or `REF - SPAN`.
fn split_offset(text: &str) -> Result<(&str, Span), String> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    match parts.as_slice() {
        [reference] => Ok((reference, Span::ZERO)),
        [reference, sign @ ("+" | "-"), span] => {
            let span = Span::parse(span)?;
            Ok((reference, if *sign == "-" { span.negate() } else { span }))
        }
        _ => Err(format!(
            "`{text}` is not understood (expected a name, then optionally + or - with spaces around it and a duration, as `council - 4w`)"
        )),
    }
}

fn split_anchor(reference: &str) -> (&str, Anchor) {
    if let Some(name) = reference.strip_suffix(".end") {
        (name, Anchor::End)
    } else {
        (
            reference.strip_suffix(".start").unwrap_or(reference),
            Anchor::Start,
        )
    }
}

/// `MM-DD` yearly, `M-DD` quarterly (month of the quarter), `DD` monthly.
fn in_period(text: &str, period: Period) -> Option<InPeriod> {
    match period {
        Period::Year => MonthDay::parse(text).map(|md| InPeriod::Day {
            month: md.month,
            day: md.day,
        }),
        Period::Quarter => {
            let (m, d) = text.split_once('-')?;
            let digits = |t: &str, max: usize| {
                !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
            };
            if !digits(m, 1) || !digits(d, 2) {
                return None;
            }
            let month: u32 = m.parse().ok().filter(|m| (1..=3).contains(m))?;
            let day: u32 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(InPeriod::Day { month, day })
        }
        Period::Month => {
            if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let day: u32 = text.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(InPeriod::Day { month: 1, day })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(reg: &Registry) -> Vec<&str> {
        reg.obligations.iter().map(|o| o.id.as_ref()).collect()
    }

    fn error_of(text: &str) -> String {
        parse(text, Origin::File("r.toml".into()))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn blocks_read_alone_or_together_give_the_same_registry() {
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
        // A table after the obligations cannot be read block by block: the whole is parsed.
        let whole = parse(
            &format!("{text}\n[calendar]\nroll = \"next\"\n"),
            Origin::Embedded,
        )
        .unwrap();
        assert_eq!(ids(&split), ids(&whole));
        assert_eq!(split.obligations.len(), 600);
        assert_eq!(split.obligations[599].title.en, "Té 599");
        assert_eq!(split.obligations[7].milestones.len(), 1);
        assert_eq!(whole.calendar.roll, Roll::Next);
    }

    /// Found by fuzzing: obligations written other than as a `[[obligation]]` line were
    /// dropped without a word, or kept beside a TOML error.
    #[test]
    fn obligations_the_split_does_not_see_are_kept() {
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
    fn errors_in_a_block_name_the_line_in_the_file() {
        let mut text = String::from("schema = 1\n");
        for n in 0..300 {
            text.push_str(&format!("[[obligation]]\nid = \"o{n}\"\ntitle = \"T\"\n"));
        }
        let bad = text.replacen(
            "id = \"o250\"\ntitle = \"T\"",
            "id = \"o250\"\ntitel = \"T\"",
            1,
        );
        assert_eq!(
            error_of(&bad),
            "r.toml:754:1: unknown key `titel` in [[obligation]] (did you mean `title`?)"
        );
        let dup = text.replacen("id = \"o251\"", "id = \"o3\"", 1);
        assert_eq!(
            error_of(&dup),
            "r.toml:756:6: duplicate obligation id `o3` (ids must be unique)"
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
}

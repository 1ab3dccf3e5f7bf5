//! Reading spanned TOML values: each accessor names the key it reads and, when the value
//! is not what the key takes, where it stands and what was expected.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use chrono::NaiveDate;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::error::{ErrorKind, RegistryError, Shape, Table};
use crate::dates::{self, Span};
use crate::diag;
use crate::model::{Str, Text};

pub(super) type Value<'i> = Spanned<DeValue<'i>>;
pub(super) type R<T> = Result<T, RegistryError>;

/// Where the text being read came from, and the text: what every message needs.
pub(super) struct Cx<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// The same text when it lives for the whole process: strings are then borrowed from it.
    pub whole: Option<&'static str>,
    /// Values read so far that obligations share (see
    /// [`Obligation::owner`](crate::model::Obligation::owner)).
    shared: RefCell<Shared>,
}

impl<'a> Cx<'a> {
    pub fn new(file: &'a str, text: &'a str, whole: Option<&'static str>) -> Cx<'a> {
        Cx {
            file,
            text,
            whole,
            shared: RefCell::default(),
        }
    }
}

/// Values that many obligations repeat, each held once.
#[derive(Default)]
pub(super) struct Shared {
    texts: foldhash::HashSet<Arc<Text>>,
    strs: foldhash::HashSet<Arc<Str>>,
}

/// The one copy of `value` that `held` keeps, made on first sight.
fn share<T: Eq + std::hash::Hash>(held: &mut foldhash::HashSet<Arc<T>>, value: T) -> Arc<T> {
    if let Some(one) = held.get(&value) {
        return Arc::clone(one);
    }
    let one = Arc::new(value);
    held.insert(Arc::clone(&one));
    one
}

/// A key as written, decoded.
pub(super) type Key<'i> = Spanned<Cow<'i, str>>;

/// As many keys as a table of the registry allows, at most.
const MAX_KEYS: usize = 16;

/// One table being read: its values by the keys it allows, each looked up among those few.
pub(super) struct Fields<'t, 'i> {
    allowed: &'static [&'static str],
    values: [Option<&'t Value<'i>>; MAX_KEYS],
}

impl<'t, 'i> Fields<'t, 'i> {
    /// The values of a table read key by key into slots, each at its key's place among
    /// `allowed`.
    pub(super) fn of(allowed: &'static [&'static str], slots: &'t [Option<Value<'i>>]) -> Self {
        debug_assert!(slots.len() <= MAX_KEYS);
        let mut values = [None; MAX_KEYS];
        for (value, slot) in values.iter_mut().zip(slots) {
            *value = slot.as_ref();
        }
        Fields { allowed, values }
    }

    /// The values in the order of `allowed`, the keys the table was read with.
    pub(super) fn in_order(&self, allowed: &[&str]) -> &[Option<&'t Value<'i>>] {
        debug_assert_eq!(self.allowed, allowed, "read with other keys");
        &self.values[..allowed.len()]
    }

    pub(super) fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.values[index(self.allowed, key)?]
    }
}

/// Where a key stands among the allowed ones: most are told apart by length and first byte.
pub(super) fn index(allowed: &[&str], key: &str) -> Option<usize> {
    let (len, first) = (key.len(), key.as_bytes().first());
    allowed
        .iter()
        .position(|a| a.len() == len && a.as_bytes().first() == first && *a == key)
}

fn kind(v: &DeValue<'_>) -> Shape {
    match v {
        DeValue::String(_) => Shape::String,
        DeValue::Integer(_) => Shape::Integer,
        DeValue::Float(_) => Shape::Float,
        DeValue::Boolean(_) => Shape::Boolean,
        DeValue::Datetime(_) => Shape::Date,
        DeValue::Array(_) => Shape::Array,
        DeValue::Table(_) => Shape::Table,
    }
}

impl Cx<'_> {
    pub(super) fn error(&self, span: Range<usize>, kind: ErrorKind) -> RegistryError {
        let (line, col) = diag::line_col(self.text, span.start);
        RegistryError::Invalid {
            file: self.file.to_string(),
            line,
            col,
            kind,
        }
    }

    /// A table's values by the keys it allows, each written once; `what` names the table in
    /// a message (made only then: most tables never need it).
    pub(super) fn fields<'t, 'i>(
        &self,
        table: &'t DeTable<'i>,
        what: impl FnOnce() -> Table,
        allowed: &'static [&'static str],
    ) -> R<Fields<'t, 'i>> {
        debug_assert!(allowed.len() <= MAX_KEYS);
        let mut values = [None; MAX_KEYS];
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some(n) = index(allowed, name) else {
                return Err(self.error(
                    key.span(),
                    ErrorKind::UnknownKey {
                        key: name.to_string(),
                        table: what(),
                        allowed,
                    },
                ));
            };
            values[n] = Some(value);
        }
        Ok(Fields { allowed, values })
    }

    /// The value of a key the table must have, found with [`Fields::get`].
    pub(super) fn require<'t, 'i>(
        &self,
        value: Option<&'t Value<'i>>,
        key: &'static str,
        what: impl FnOnce() -> Table,
        span: Range<usize>,
    ) -> R<&'t Value<'i>> {
        value.ok_or_else(|| self.error(span, ErrorKind::MissingKey { table: what(), key }))
    }

    pub(super) fn mismatch(&self, v: &Value<'_>, key: &str, expected: Shape) -> RegistryError {
        self.error(
            v.span(),
            ErrorKind::WrongType {
                key: key.to_string(),
                found: kind(v.get_ref()),
                expected,
            },
        )
    }

    pub(super) fn string<'v>(&self, v: &'v Value<'_>, key: &str) -> R<&'v str> {
        match v.get_ref() {
            DeValue::String(s) if s.len() > diag::MAX_TEXT_BYTES => Err(self.error(
                v.span(),
                ErrorKind::TooLong {
                    key: key.to_owned(),
                    bytes: s.len(),
                },
            )),
            DeValue::String(s) => Ok(s.as_ref()),
            _ => Err(self.mismatch(v, key, Shape::String)),
        }
    }

    /// Keeps a string from the source: borrowed when the source lives for the whole process.
    pub(super) fn keep(&self, s: &str) -> Str {
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

    pub(super) fn opt_str(&self, value: Option<&Value<'_>>, key: &str) -> R<Option<Str>> {
        value
            .map(|v| self.string(v, key).map(|s| self.keep(s)))
            .transpose()
    }

    pub(super) fn opt_string(&self, f: &Fields<'_, '_>, key: &str) -> R<Option<String>> {
        f.get(key)
            .map(|v| self.string(v, key).map(str::to_string))
            .transpose()
    }

    pub(super) fn table<'t, 'i>(&self, v: &'t Value<'i>, key: &str) -> R<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Ok(t),
            _ => Err(self.mismatch(v, key, Shape::Table)),
        }
    }

    pub(super) fn array<'t, 'i>(&self, v: &'t Value<'i>, key: &str) -> R<&'t [Value<'i>]> {
        match v.get_ref() {
            DeValue::Array(a) => Ok(a),
            _ => Err(self.mismatch(v, key, Shape::Array)),
        }
    }

    /// A date, written as a TOML date (`2026-01-01`) or a string (`"2026-01-01"`).
    pub(super) fn date(&self, v: &Value<'_>, key: &str) -> R<NaiveDate> {
        let key = key.to_string();
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| {
                            let value = dt.to_string();
                            self.error(v.span(), ErrorKind::NotARealDay { key, value })
                        })
                }
                _ => Err(self.error(v.span(), ErrorKind::DateWithTime { key })),
            },
            DeValue::String(s) => dates::parse_date(s).ok_or_else(|| {
                let value = s.to_string();
                self.error(v.span(), ErrorKind::NotADate { key, value })
            }),
            _ => Err(self.mismatch(v, &key, Shape::ADate)),
        }
    }

    pub(super) fn span_of(&self, v: &Value<'_>, key: &str) -> R<Span> {
        let DeValue::String(s) = v.get_ref() else {
            return Err(self.mismatch(v, key, Shape::Duration));
        };
        Span::parse(s).map_err(|reason| {
            let key = key.to_string();
            self.error(v.span(), ErrorKind::BadSpan { key, reason })
        })
    }

    pub(super) fn text(&self, v: &Value<'_>, key: &str) -> R<Text> {
        match v.get_ref() {
            DeValue::String(_) => Ok(Text {
                en: self.keep(self.string(v, key)?),
                fr: None,
            }),
            DeValue::Table(t) => {
                let f = self.fields(t, || Table::Text(key.to_owned()), &["en", "fr"])?;
                let en = self.string(
                    self.require(f.get("en"), "en", || Table::Text(key.to_owned()), v.span())?,
                    "en",
                )?;
                let fr = self.opt_str(f.get("fr"), "fr")?;
                Ok(Text {
                    en: self.keep(en),
                    fr,
                })
            }
            _ => Err(self.mismatch(v, key, Shape::Text)),
        }
    }

    /// [`text`](Self::text), held once however many obligations name it.
    pub(super) fn shared_text(&self, v: &Value<'_>, key: &str) -> R<Arc<Text>> {
        let text = self.text(v, key)?;
        Ok(share(&mut self.shared.borrow_mut().texts, text))
    }

    /// [`string`](Self::string), held once however many obligations name it.
    pub(super) fn shared_str(&self, v: Option<&Value<'_>>, key: &str) -> R<Option<Arc<Str>>> {
        let Some(s) = self.opt_str(v, key)? else {
            return Ok(None);
        };
        Ok(Some(share(&mut self.shared.borrow_mut().strs, s)))
    }
}

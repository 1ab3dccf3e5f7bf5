//! The way through a valid registry in one pass: the head (everything before the first
//! `[[obligation]]`) is read as a document, then the obligations one at a time, line by line,
//! each checked and compiled before the next is read. Lines of the common shapes (see
//! [`line`]) are read without the lexer; any other expression goes through the TOML parser's
//! events. No tree of the whole file is built, and memory follows the longest line and the
//! model.
//!
//! Only a registry that is valid all through takes this path. At the first thing it does not
//! expect (a TOML or schema mistake, a duplicate id, a table after the obligations, a layout it
//! does not follow, such as `[[obligation.milestones]]`), it gives up and the whole document is
//! read as a tree, which finds the mistake and reports it where it is, in the order it always
//! has. Both paths compile obligations with the same schema code.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml::map::Entry;
use toml::value::Datetime;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::lexer::{Token, TokenKind};
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span as TomlSpan};

use super::line::{self, Line, Scalar};
use super::schema::{OBLIGATION_KEYS, first_repeated};
use super::toml::{Cx, Fields, Key, Value, index};
use crate::dates::Span;
use crate::model::{Meeting, Obligation, Origin, Registry};

/// As deep as the TOML reader lets arrays and tables nest.
const MAX_DEPTH: u32 = 80;

/// The registry, or `None` when it must be read as a whole document instead.
pub(super) fn read(cx: &Cx<'_>, origin: &Origin) -> Option<Registry> {
    let text = cx.text;
    let start = first_obligation(text)?;
    let head = DeTable::parse(&text[..start]).ok()?;
    let head = head.get_ref();
    // Obligations written otherwise (`obligation = [...]`, `[[ obligation ]]`) are the whole
    // document's to place.
    if head.contains_key("obligation") {
        return None;
    }
    let (mut reg, lead) = cx.registry(head, origin.clone()).ok()?;
    let mut reader = Obligations {
        cx,
        meetings: &reg.meetings,
        lead,
        source: Source::new(""),
        base: start,
        out: Vec::new(),
        current: None,
        slots: Default::default(),
        dotted: 0,
        header: Vec::new(),
        path: Vec::new(),
        nested: Vec::new(),
        in_header: false,
        failed: false,
    };
    let mut failed = Failed(false);
    let mut tokens = Vec::new();
    let mut at = start;
    while at < text.len() {
        // Most lines take a shape read without the lexer; any other goes through it.
        at = match line::read(text, at) {
            Some((line, next)) => {
                reader.line(line);
                next
            }
            None => reader.expression(text, at, &mut tokens, &mut failed),
        };
        if reader.failed || failed.0 {
            return None;
        }
    }
    reader.finish();
    if reader.failed {
        return None;
    }
    let obligations = reader.out;
    if first_repeated(obligations.iter().map(|ob| &*ob.id)).is_some() {
        return None;
    }
    reg.obligations = obligations;
    Some(reg)
}

/// Where the first line that opens an `[[obligation]]` starts.
fn first_obligation(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + text[from..].find("[[obligation]]")?;
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at]
            .bytes()
            .all(|b| b == b' ' || b == b'\t')
        {
            return Some(line_start);
        }
        from = at + 1;
    }
}

/// Whether a basic string's body needs the decoder: an escape, or a byte the TOML reader
/// refuses there (a quote, a control character other than tab). Written as a fold over every
/// byte, so that it compiles to a vector loop.
fn needs_decoding(body: &str) -> bool {
    body.bytes().fold(false, |seen, b| {
        seen | (b == b'\\') | (b == b'"') | (b == 0x7f) | ((b < 0x20) & (b != b'\t'))
    })
}

/// Any error the TOML parser reports ends this path.
struct Failed(bool);

impl ErrorSink for Failed {
    fn report_error(&mut self, _error: ParseError) {
        self.0 = true;
    }
}

/// A value being built: an array or an inline table, and for a table the key being read.
enum Nested<'i> {
    Array(usize, DeArray<'i>),
    Table(usize, DeTable<'i>, Option<Key<'i>>),
}

/// The obligations being read, and the one being built.
struct Obligations<'c, 'i> {
    cx: &'c Cx<'c>,
    meetings: &'c [Meeting],
    lead: Span,
    source: Source<'i>,
    /// Where the text being read starts in the file.
    base: usize,
    out: Vec<Obligation>,
    /// Where the open obligation's header stands, if one is open.
    current: Option<std::ops::Range<usize>>,
    /// The open obligation's values so far, each at its key's place among
    /// [`OBLIGATION_KEYS`]: a key the schema does not take, or one written twice, ends this
    /// path.
    slots: [Option<Value<'i>>; OBLIGATION_KEYS.len()],
    /// Which of those values are tables made by the obligation's dotted keys (`title.en = …`),
    /// the only ones that may take more keys.
    dotted: u16,
    /// The keys of the header being read, and where it opened.
    header: Vec<Key<'i>>,
    /// The key of the expression being read: one, or two for `title.en = …`.
    path: Vec<Key<'i>>,
    nested: Vec<Nested<'i>>,
    in_header: bool,
    failed: bool,
}

impl<'i> Obligations<'_, 'i> {
    /// A line read without the lexer.
    fn line(&mut self, line: Line<'i>) {
        match line {
            Line::Blank => {}
            Line::Obligation(at) => {
                self.finish();
                self.current = Some(at);
            }
            Line::Pair { key, sub, value } => {
                let word = |(at, text): line::Word<'i>| Spanned::new(at, Cow::Borrowed(text));
                self.path.push(word(key));
                self.path.extend(sub.map(word));
                let value = match value {
                    Scalar::Text(at, body) => {
                        Spanned::new(at, DeValue::String(Cow::Borrowed(body)))
                    }
                    Scalar::Date(at, date) => Spanned::new(at, DeValue::Datetime(date)),
                    Scalar::Texts(at, pairs) => {
                        let mut table = DeTable::new();
                        for (key, at, body) in pairs {
                            let body = Spanned::new(at, DeValue::String(Cow::Borrowed(body)));
                            table.insert(word(key), body);
                        }
                        Spanned::new(at, DeValue::Table(table))
                    }
                };
                self.place(value);
            }
        }
    }

    /// Reads one expression that starts at `at` through the lexer and the parser: to the end
    /// of its line, or of the array or inline table that line opens. Where the next line
    /// starts.
    fn expression(
        &mut self,
        text: &'i str,
        at: usize,
        tokens: &mut Vec<Token>,
        errors: &mut Failed,
    ) -> usize {
        self.source = Source::new(&text[at..]);
        self.base = at;
        tokens.clear();
        let mut depth = 0usize;
        let mut end = text.len();
        for token in self.source.lex() {
            tokens.push(token);
            match token.kind() {
                TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => depth += 1,
                TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                    depth = depth.saturating_sub(1);
                }
                // A line ends an expression unless it is inside an array or an inline table.
                TokenKind::Newline | TokenKind::Eof if depth == 0 => {
                    end = at + token.span().end();
                    break;
                }
                _ => {}
            }
        }
        let source = self.source;
        let mut guard = RecursionGuard::new(self, MAX_DEPTH);
        let mut receiver = ValidateWhitespace::new(&mut guard, source);
        parse_document(tokens, &mut receiver, errors);
        if end <= at {
            self.failed = true;
        }
        end
    }

    fn span(&self, span: TomlSpan) -> std::ops::Range<usize> {
        self.base + span.start()..self.base + span.end()
    }

    /// Compiles the open obligation, if any.
    fn finish(&mut self) {
        let Some(at) = self.current.take() else {
            return;
        };
        if !self.nested.is_empty() || !self.path.is_empty() {
            self.failed = true;
            return;
        }
        let fields = Fields::of(OBLIGATION_KEYS, &self.slots);
        match (self.cx).obligation_fields(&fields, at, self.meetings, self.lead) {
            Ok((ob, _)) => self.out.push(ob),
            Err(_) => self.failed = true,
        }
        self.slots = Default::default();
        self.dotted = 0;
    }

    /// Where an obligation's key has its value.
    fn slot(key: &Key<'_>) -> Option<usize> {
        index(OBLIGATION_KEYS, key.get_ref())
    }

    /// The text of a token, with how it is quoted, which says how to decode it.
    fn raw(&self, span: TomlSpan, encoding: Option<Encoding>) -> Option<Raw<'i>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(Raw::new_unchecked(text, encoding, span))
    }

    /// A key, decoded: borrowed from the text when it is written plain.
    fn key(&mut self, span: TomlSpan, encoding: Option<Encoding>) -> Option<Key<'i>> {
        let raw = self.raw(span, encoding)?;
        let text = raw.as_str();
        // Written as a fold over every byte, so that it compiles to a vector loop.
        let plain = encoding.is_none()
            && !text.is_empty()
            && text.bytes().fold(true, |ok, b| {
                ok & (b.is_ascii_alphanumeric() | (b == b'_') | (b == b'-'))
            });
        let key = if plain {
            Cow::Borrowed(text)
        } else {
            let mut decoded = Cow::Borrowed("");
            let mut errors = Failed(false);
            raw.decode_key(&mut decoded, &mut errors);
            if errors.0 {
                return None;
            }
            decoded
        };
        Some(Spanned::new(self.span(span), key))
    }

    /// A scalar, decoded as the TOML reader decodes it; numbers are never part of an
    /// obligation, so they end this path.
    fn scalar(&mut self, span: TomlSpan, encoding: Option<Encoding>) -> Option<DeValue<'i>> {
        let raw = self.raw(span, encoding)?;
        let text = raw.as_str();
        // Most strings have no escapes and no control characters: they are their own value.
        // (The lexer ends an unterminated one at the end of its line: the decoder reports it.)
        if encoding == Some(Encoding::BasicString)
            && text.len() >= 2
            && text.ends_with('"')
            && !needs_decoding(&text[1..text.len() - 1])
        {
            return Some(DeValue::String(Cow::Borrowed(&text[1..text.len() - 1])));
        }
        let mut decoded = Cow::Borrowed("");
        let mut errors = Failed(false);
        let kind = raw.decode_scalar(&mut decoded, &mut errors);
        if errors.0 {
            return None;
        }
        match kind {
            ScalarKind::String => Some(DeValue::String(decoded)),
            ScalarKind::Boolean(b) => Some(DeValue::Boolean(b)),
            ScalarKind::DateTime => decoded.parse::<Datetime>().ok().map(DeValue::Datetime),
            ScalarKind::Float | ScalarKind::Integer(_) => None,
        }
    }

    /// Places a finished value: in the array or inline table it is in, or under the
    /// expression's key in the open obligation.
    fn place(&mut self, value: Value<'i>) {
        let placed = match self.nested.last_mut() {
            Some(Nested::Array(_, items)) => {
                items.push(value);
                true
            }
            Some(Nested::Table(_, table, key)) => match key.take() {
                Some(key) => insert(table, key, value),
                None => false,
            },
            None if self.current.is_none() => false,
            None => match self.path.len() {
                1 => {
                    let key = self.path.pop().expect("one key");
                    match Self::slot(&key).map(|n| &mut self.slots[n]) {
                        Some(slot @ None) => {
                            *slot = Some(value);
                            true
                        }
                        _ => false,
                    }
                }
                // `title.en = …`: a table made by dotted keys, and only by them.
                2 => {
                    let inner = self.path.pop().expect("two keys");
                    let outer = self.path.pop().expect("two keys");
                    match Self::slot(&outer) {
                        None => false,
                        Some(n) => match &mut self.slots[n] {
                            slot @ None => {
                                let mut dotted = DeTable::new();
                                dotted.insert(inner, value);
                                // The table stands where its first key does.
                                *slot = Some(Spanned::new(outer.span(), DeValue::Table(dotted)));
                                self.dotted |= 1 << n;
                                true
                            }
                            Some(slot) if self.dotted & (1 << n) != 0 => match slot.get_mut() {
                                DeValue::Table(dotted) => insert(dotted, inner, value),
                                _ => false,
                            },
                            Some(_) => false,
                        },
                    }
                }
                _ => false,
            },
        };
        if !placed {
            self.failed = true;
        }
    }

    fn fail(&mut self) {
        self.failed = true;
    }
}

/// A new key in a table; a key written twice ends this path.
fn insert<'i>(table: &mut DeTable<'i>, key: Key<'i>, value: Value<'i>) -> bool {
    match table.entry(key) {
        Entry::Vacant(slot) => {
            slot.insert(value);
            true
        }
        Entry::Occupied(_) => false,
    }
}

impl EventReceiver for Obligations<'_, '_> {
    fn std_table_open(&mut self, _span: TomlSpan, _error: &mut dyn ErrorSink) {
        // Any other table after the obligations is the whole document's to place.
        self.fail();
    }

    fn array_table_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.finish();
        self.in_header = true;
        self.header.clear();
        self.header
            .push(Spanned::new(self.span(span), Cow::Borrowed("")));
    }

    fn array_table_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.in_header = false;
        let opened = self.header.first().map(|h| h.span().start);
        match (opened, self.header.get(1..)) {
            (Some(opened), Some([key])) if key.get_ref() == "obligation" => {
                self.current = Some(opened..self.span(span).end);
            }
            _ => self.fail(),
        }
    }

    fn inline_table_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) -> bool {
        let at = self.span(span).start;
        self.nested.push(Nested::Table(at, DeTable::new(), None));
        true
    }

    fn inline_table_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        let end = self.span(span).end;
        match self.nested.pop() {
            Some(Nested::Table(start, table, None)) => {
                self.place(Spanned::new(start..end, DeValue::Table(table)));
            }
            _ => self.fail(),
        }
    }

    fn array_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) -> bool {
        let at = self.span(span).start;
        self.nested.push(Nested::Array(at, DeArray::new()));
        true
    }

    fn array_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        let end = self.span(span).end;
        match self.nested.pop() {
            Some(Nested::Array(start, items)) => {
                self.place(Spanned::new(start..end, DeValue::Array(items)));
            }
            _ => self.fail(),
        }
    }

    fn simple_key(
        &mut self,
        span: TomlSpan,
        encoding: Option<Encoding>,
        _error: &mut dyn ErrorSink,
    ) {
        let Some(key) = self.key(span, encoding) else {
            return self.fail();
        };
        if self.in_header {
            return self.header.push(key);
        }
        match self.nested.last_mut() {
            // Dotted keys inside an inline table are the whole document's to place.
            Some(Nested::Table(_, _, slot @ None)) => *slot = Some(key),
            Some(_) => self.fail(),
            None if self.path.len() < 2 => self.path.push(key),
            None => self.fail(),
        }
    }

    fn scalar(&mut self, span: TomlSpan, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        match Obligations::scalar(self, span, encoding) {
            Some(value) => {
                let at = self.span(span);
                self.place(Spanned::new(at, value));
            }
            None => self.fail(),
        }
    }

    fn error(&mut self, _span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.fail();
    }
}

#[cfg(test)]
mod tests {
    use ::toml::de::DeTable;

    use super::*;
    use crate::registry::{EMBEDDED, parse};

    fn cx(text: &str) -> Cx<'_> {
        Cx::new("r.toml", text, None)
    }

    /// Everything in a registry, the holidays in order (a set's order is its own).
    fn shown(reg: &Registry) -> String {
        let mut holidays: Vec<_> = reg.calendar.holidays.iter().collect();
        holidays.sort();
        format!(
            "{:?} {:?} {:?} {:?} {:?} {:?} {holidays:?} {:?} {:?} {:?}",
            reg.title,
            reg.timezone,
            reg.tracking_since,
            reg.ledger,
            reg.calendar.weekend,
            reg.calendar.roll,
            reg.meetings,
            reg.obligations,
            reg.origin,
        )
    }

    /// The registry as the whole-document reader makes it.
    fn whole(text: &str) -> String {
        let root = DeTable::parse(text).expect("valid TOML");
        let origin = Origin::File("r.toml".into());
        shown(&cx(text).registry(root.get_ref(), origin).unwrap().0)
    }

    fn one_pass(text: &str) -> Option<String> {
        read(&cx(text), &Origin::File("r.toml".into())).map(|reg| shown(&reg))
    }

    const EVERY_FORM: &str = r#"schema = 1
title = "Forms"
[meetings.council.dates]
2027 = "2027-03-01..2027-03-05"

[[obligation]]
id = "dotted"
title.en = "Tab\there, \"quoted\" \u00e9"
title.fr = 'littéral \n'
mandate = """
Several
lines"""
owner = '''raw \d'''
due = 2027-01-31
lead = "2w"
active_from = "2026-01-01"
active_until = 2028-12-31

[[obligation]]
id = "inline"   # a comment
title = { en = "Inline", fr = "En ligne" }
every = "meeting"
due = "council.end + 3d"
milestones = [
  { name = { en = "draft", fr = "projet" }, at = "due - 4w" },
  { name = "review", at = "due - 1w" },
]
done = [{ period = "council-2027", on = 2027-03-01, ref = "doc 1", note = "n" },
        { period = "x", on = "2027-01-01", waived = "not needed" }]

[[obligation]]
id = "ongoing"
title = "Standing"
notes = "no deadline"
"#;

    #[test]
    fn reads_every_form_as_the_whole_document_reader_does() {
        assert_eq!(one_pass(EVERY_FORM), Some(whole(EVERY_FORM)));
        assert_eq!(one_pass(EMBEDDED), Some(whole(EMBEDDED)));
    }

    #[test]
    fn leaves_what_it_does_not_follow_to_the_whole_document_reader() {
        let declined = [
            // Another table after the obligations.
            format!("{EVERY_FORM}[calendar]\nroll = \"next\"\n"),
            // Sub-tables of an obligation written as headers.
            format!("{EVERY_FORM}[[obligation.milestones]]\nname = \"m\"\nat = \"due\"\n"),
            // Obligations also written before the first `[[obligation]]` line.
            EVERY_FORM.replacen("[[obligation]]", "[[ obligation ]]", 1),
            // Dotted keys extending a table written inline, and deeper dotted keys.
            EVERY_FORM.replace("notes = ", "title.en = \"x\"\nnotes = "),
            EVERY_FORM.replace("lead = \"2w\"", "lead.a.b = \"2w\""),
            // Numbers, which no obligation takes.
            EVERY_FORM.replace("lead = \"2w\"", "lead = 14"),
        ];
        for text in &declined {
            assert_eq!(one_pass(text), None, "{text}");
        }
        // Each is read whole; the number is a mistake, reported as always.
        assert!(parse(&declined[0], Origin::Embedded).is_ok());
        assert!(parse(&declined[5], Origin::Embedded).is_err());
    }

    #[test]
    fn any_mistake_is_left_to_the_whole_document_reader() {
        for text in [
            // An unterminated string, a bad escape, a control character.
            EVERY_FORM.replace("title = \"Standing\"", "title = \"Standing"),
            EVERY_FORM.replace("title = \"Standing\"", "title = \"Stan\\qding\""),
            EVERY_FORM.replace("title = \"Standing\"", "title = \"Stan\u{1}ding\""),
            // A key twice, an id twice, a schema mistake, a date that is not one.
            EVERY_FORM.replace("notes = ", "title = \"again\"\nnotes = "),
            EVERY_FORM.replace("id = \"ongoing\"", "id = \"dotted\""),
            EVERY_FORM.replace("notes = ", "titel = \"x\"\nnotes = "),
            EVERY_FORM.replace("due = 2027-01-31", "due = 2027-02-31"),
        ] {
            assert_eq!(one_pass(&text), None, "{text}");
            assert!(parse(&text, Origin::Embedded).is_err(), "{text}");
        }
    }
}

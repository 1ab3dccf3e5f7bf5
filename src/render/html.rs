//! HTML: every page `due` writes and the e-mail's HTML part share one shell and one table,
//! filled by templates (`templates/`, built into the binary) that escape every value.

use std::io::{self, Write};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

use super::{Emphasis, Export, Listing};
use crate::i18n::{self, Msg};
use crate::model::Lang;

/// The templates, by the names they include and extend each other by.
const TEMPLATES: &[(&str, &str)] = &[
    ("shell.html", include_str!("../../templates/shell.html")),
    ("page.css", include_str!("../../templates/page.css")),
    ("page.html", include_str!("../../templates/page.html")),
    ("table.html", include_str!("../../templates/table.html")),
    ("listing.html", include_str!("../../templates/listing.html")),
    ("mail.html", include_str!("../../templates/mail.html")),
    ("handout.html", include_str!("../../templates/handout.html")),
    ("timeline.svg", include_str!("../../templates/timeline.svg")),
];

/// Renders a template. `t("Key")` in a template is the catalogue's entry in `lang`.
pub fn render(template: &str, lang: Lang, context: &impl Serialize) -> String {
    let mut env = Environment::new();
    // Everything is escaped, whatever the template's name (the timeline is .svg).
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    // A misspelt field is an error, not an empty string.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .expect("the default delimiters"),
    );
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e:#}"));
    }
    env.add_function("t", move |key: &str| {
        Msg::ALL
            .iter()
            .find(|m| format!("{m:?}") == key)
            .map(|m| i18n::t(lang, *m))
            .ok_or_else(|| {
                minijinja::Error::new(
                    minijinja::ErrorKind::UndefinedError,
                    format!("no catalogue entry {key}"),
                )
            })
    });
    env.add_filter("words", |text: &str| Serde(words(text)));
    env.add_global("lang", lang.code());
    let month_names: Vec<&str> = i18n::t(lang, Msg::MonthsShort).split(' ').collect();
    env.add_global("month_names", month_names);
    env.get_template(template)
        .and_then(|t| t.render(Serde(context)))
        .unwrap_or_else(|e| panic!("template {template}: {e:#}"))
}

/// A run of free text a line may not break inside: a word with a hyphen (a date, an id, a
/// meeting instance, `CWG-WSIS&SDG`), an offset `- 30d` or a French `année :`.
#[derive(Serialize)]
struct Word {
    text: String,
    whole: bool,
}

/// Free text as words that break only at their spaces. Browsers break after any hyphen, so
/// a narrow column would print `council-` over `2026`; a word too long for any column
/// ([`breakable`]) may still break.
fn words(text: &str) -> Vec<Word> {
    let mut runs: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in text.split(' ') {
        let sign = !word.is_empty() && !word.chars().any(char::is_alphanumeric);
        match runs.last_mut() {
            Some(last) if glue_next || (sign && word.starts_with([':', ';', '!', '?', '»'])) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => runs.push(word.to_string()),
        }
        glue_next = sign && word.starts_with(['-', '–', '+', '«']);
    }
    runs.into_iter()
        .map(|text| Word {
            whole: text.contains([' ', '-', '–']) && !breakable(&text),
            text,
        })
        .collect()
}

/// A listing as the shared table takes it: the visible columns, each cell as text.
#[derive(Serialize)]
pub struct Table {
    headings: Vec<&'static str>,
    rows: Vec<TableRow>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct TableRow {
    /// `alert` (overdue), `warn` (inside its lead time) or empty.
    emphasis: &'static str,
    cells: Vec<TableCell>,
}

#[derive(Serialize)]
struct TableCell {
    text: String,
    /// How the cell wraps: ids, periods, dates and states never, unless too long for any
    /// page ([`breakable`]).
    style: &'static str,
    /// Free text, which wraps between its [`words`].
    free: bool,
}

/// The most characters an id (or period, date, state) keeps on one line whatever the
/// page: a column of a printed page holds 40 at least. A longer one may break, after a
/// hyphen where it has one, rather than push the rest of its table off the page or run
/// over its neighbours.
const WHOLE_UP_TO: usize = 40;

/// Whether a text that is normally kept whole may break: it is too long for any column.
pub fn breakable(text: &str) -> bool {
    text.chars().count() > WHOLE_UP_TO
}

impl Table {
    pub fn of(listing: &Listing) -> Table {
        let visible: Vec<(usize, &'static str)> = listing.visible().collect();
        Table {
            headings: visible.iter().map(|(_, h)| *h).collect(),
            rows: listing.map_rows(|row| TableRow {
                emphasis: match row.emphasis {
                    Emphasis::Alert => "alert",
                    Emphasis::Warn => "warn",
                    Emphasis::None => "",
                },
                cells: visible
                    .iter()
                    .map(|(n, _)| {
                        let text = row.cells[*n].plain();
                        let free = listing.columns[*n].free;
                        let style = if free {
                            ""
                        } else if breakable(&text) {
                            "overflow-wrap:anywhere"
                        } else {
                            "white-space:nowrap"
                        };
                        TableCell { text, style, free }
                    })
                    .collect(),
            }),
            notes: listing.notes.clone(),
        }
    }
}

/// A listing as a page of its own: the registry's title, the day it speaks of, the table.
pub struct Page<'a> {
    pub lang: Lang,
    /// The registry's title.
    pub title: &'a str,
    /// Under the title when the listing has no heading of its own: `As of 2027-03-01.`
    pub subtitle: String,
}

impl Export for Page<'_> {
    fn export(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Context<'a> {
            title: &'a str,
            registry: &'a str,
            as_of: &'a str,
            listing: Table,
        }
        let context = Context {
            title: self.title,
            registry: self.title,
            as_of: listing.heading.as_deref().unwrap_or(&self.subtitle),
            listing: Table::of(listing),
        };
        out.write_all(render("listing.html", self.lang, &context).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Cell;

    #[test]
    fn free_text_breaks_between_words_only() {
        let runs = |text: &str| -> Vec<(String, bool)> {
            words(text).into_iter().map(|w| (w.text, w.whole)).collect()
        };
        assert_eq!(
            runs("une fois : council-2026 - 30d"),
            vec![
                ("une".into(), false),
                ("fois :".into(), true),
                ("council-2026".into(), true),
                ("- 30d".into(), true),
            ]
        );
        let long = "a-very-long-name-that-no-column-can-hold-whole";
        assert_eq!(runs(long), vec![(long.into(), false)]);
    }

    #[test]
    fn markup_in_registry_text_is_shown_not_obeyed() {
        let mut l = Listing::new(&[("id", Some("ID")), ("title", Some("Title"))]);
        l.free_text(&["title"]);
        l.push(
            vec![Cell::text("x"), Cell::text("<b>Q&A</b>\r\n</table>")],
            Emphasis::Alert,
        );
        l.notes.push("a < b".into());
        let page = Page {
            lang: Lang::En,
            title: "<script>alert(1)</script>",
            subtitle: "As of 2027-01-01.".into(),
        };
        let mut out = Vec::new();
        page.export(&l, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(
            !html.contains("<b>") && !html.contains("<script>"),
            "{html}"
        );
        assert!(
            html.contains(r#"<tr style="color:#b00;font-weight:bold"><td style="white-space:nowrap">x</td><td>&lt;b&gt;Q&amp;A&lt;&#x2f;b&gt;  &lt;&#x2f;table&gt;</td></tr>"#),
            "{html}"
        );
        assert!(html.contains("<p>a &lt; b</p>"), "{html}");
        assert!(
            html.contains("<title>&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</title>"),
            "{html}"
        );
    }
}

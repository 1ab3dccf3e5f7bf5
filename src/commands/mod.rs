//! The commands' bodies: each asks the engine and hands the answer to a view or renderer.
//! The command line (`cli`) parses and settles the options, then calls one of these.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{ColorArg, FormatArg, Global};
use crate::dates::Span;
use crate::engine::{self, Agenda};
use crate::exit::Exit;
use crate::filter::Filter;
use crate::i18n::{self, Msg};
use crate::ledger::{Ledger, Location};
use crate::model::{Completions, Lang, Registry};
use crate::registry;
use crate::render::{self, Entry, Export, Listing};
use crate::usage::UsageError;

pub mod diff;
pub mod init;
pub mod ledger;
pub mod listings;
pub mod record;
pub mod remind;
pub mod show;
pub mod status;
pub mod validate;

/// What every command needs: the registry, its completions, the day, and how to print.
pub struct Session {
    reg: Registry,
    /// Why this registry was read: `due validate` says so.
    found: crate::dirs::Found,
    ledger: Location,
    completions: Completions,
    /// The rows listings keep: `--owner`, `--recipient`, `--state`, `--id`.
    filter: Filter,
    today: NaiveDate,
    lang: Lang,
    format: FormatArg,
    /// What an HTML page says it lists, under the registry's title; else the day it speaks of.
    page_subtitle: Option<String>,
    color: bool,
    terminal: bool,
    lock_timeout: std::time::Duration,
}

impl Session {
    pub fn load(global: &Global, terminal: bool) -> Result<Session> {
        let s = &global.select;
        let filter = Filter::new(
            s.owner.as_deref(),
            s.recipient.as_deref(),
            &s.state,
            s.id.as_deref(),
        )?;
        let (path, found) = crate::dirs::find_registry(global.registry.clone());
        let reg = match path {
            Some(path) => registry::load_file(&path)?,
            None => registry::load_embedded()?,
        };
        let today = global.today.unwrap_or_else(|| today_in(&reg.timezone));
        let ledger = crate::ledger::locate(global.ledger.as_deref(), &reg)?;
        let completions = crate::record::completions(&reg, &Ledger::load(&ledger.path)?);
        let color = match global.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        };
        Ok(Session {
            reg,
            found,
            ledger,
            completions,
            filter,
            today,
            lang: global.lang.resolve(),
            format: global.format,
            page_subtitle: None,
            color,
            terminal,
            lock_timeout: std::time::Duration::from_secs(global.lock_timeout),
        })
    }

    /// The notes a listing ends with: why it is empty (`nothing`), when it is, and which
    /// filters made it, so that a page printed or passed on says it is a selection.
    fn close(&self, listing: &mut Listing, empty: bool, nothing: impl FnOnce() -> String) {
        if empty {
            listing.notes.push(nothing());
        }
        listing.notes.extend(self.filters_note());
    }

    /// `Filters: --owner "wsis".`, when filters were given.
    fn filters_note(&self) -> Option<String> {
        (!self.filter.is_empty())
            .then(|| i18n::f(self.lang, Msg::Filters, &[("filters", &self.filter)]))
    }

    /// Why a listing of obligations is empty: the registry has none, or none passes the
    /// filters.
    fn no_obligation(&self) -> String {
        let key = if self.filter.is_empty() {
            Msg::NoObligations
        } else {
            Msg::NoneMatches
        };
        i18n::t(self.lang, key).into()
    }

    /// The width text lines are folded to: `COLUMNS` when set, else the terminal's; none
    /// when piped, so that scripts get one line per line.
    fn text_width(&self) -> Option<usize> {
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        columns.or_else(|| {
            self.terminal
                .then(|| {
                    crossterm::terminal::size()
                        .ok()
                        .map(|(w, _)| usize::from(w))
                })
                .flatten()
        })
    }

    fn export(&self, listing: &Listing, out: &mut dyn Write) -> Result<()> {
        let exporter: Box<dyn Export> = match self.format {
            FormatArg::Table => Box::new(render::Table {
                color: self.color,
                width: self.text_width(),
                lang: self.lang,
            }),
            FormatArg::Json => Box::new(render::Json),
            FormatArg::Csv => Box::new(render::Csv),
            FormatArg::Md => Box::new(render::Markdown),
            FormatArg::Html => Box::new(render::Page {
                lang: self.lang,
                title: self.reg.title.get(self.lang),
                subtitle: self
                    .page_subtitle
                    .clone()
                    .unwrap_or_else(|| i18n::f(self.lang, Msg::AsOf, &[("date", &self.today)])),
            }),
            FormatArg::Ics => return Err(UsageError::IcsHere.into()),
        };
        exporter.export(listing, out)?;
        Ok(())
    }

    /// Items in the format asked for: the listing, or the iCalendar feed of the items and
    /// all their milestones.
    fn export_items(
        &self,
        items: &Agenda<'_>,
        listing: &Listing,
        out: &mut dyn Write,
    ) -> Result<()> {
        if self.format != FormatArg::Ics {
            return self.export(listing, out);
        }
        let entries: Vec<Entry<'_>> = items
            .iter()
            .map(|i| {
                let dated = engine::milestones(&self.reg, &i.occurrence);
                (i, dated)
            })
            .collect();
        self.feed(&entries, out)
    }

    fn feed(&self, entries: &[Entry<'_>], out: &mut dyn Write) -> Result<()> {
        let feed = render::Feed {
            name: self.reg.title.get(self.lang),
            lang: self.lang,
            stamp: chrono::Utc::now(),
        };
        out.write_all(render::ics(&feed, entries).as_bytes())?;
        Ok(())
    }

    fn window_end(&self, next: Option<&str>, until: Option<NaiveDate>) -> Result<NaiveDate> {
        if let Some(until) = until {
            return Ok(until);
        }
        let span = Span::parse_window(next.unwrap_or("30d")).map_err(UsageError::Next)?;
        Ok(span.add_to(self.today).ok_or(UsageError::NextTooFar)?)
    }
}

/// Today in the registry's time zone, by the system clock.
fn today_in(zone: &jiff::tz::TimeZone) -> NaiveDate {
    let day = jiff::Timestamp::now().to_zoned(zone.clone()).date();
    let (month, date) = (day.month().unsigned_abs(), day.day().unsigned_abs());
    NaiveDate::from_ymd_opt(day.year().into(), month.into(), date.into())
        .expect("a day of jiff's is a day of chrono's")
}

fn listed(exit_code: bool, nonempty: bool) -> Exit {
    if exit_code && nonempty {
        Exit::Listed
    } else {
        Exit::Success
    }
}

//! The command line: parses arguments, loads the registry, asks the engine, renders.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::SystemTime;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::parser::ValueSource;
use clap::{ArgGroup, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use lettre::message::Mailbox;

use crate::dates::{self, Span};
use crate::engine::{self, Agenda};
use crate::exit::Exit;
use crate::filter::Filter;
use crate::holiday;
use crate::i18n::{self, Msg};
use crate::ledger::{self, Ledger, Location};
use crate::model::{Completions, Lang, Origin, Registry};
use crate::record;
use crate::registry;
use crate::render::{self, Entry, Export, Listing};
use crate::send;
use crate::show;
use crate::usage::UsageError;
use crate::views;

const EXIT_CODES: &str = "\
Exit status: 0 success; 1 with --exit-code when the listing is not empty;
2 usage errors and bad input (registry, ledger, dates).";

/// The footer of commands that have no `--exit-code`.
const EXIT_CODES_PLAIN: &str = "\
Exit status: 0 success; 2 usage errors and bad input (registry, ledger, dates).";

/// The commands that take `--exit-code`.
const WITH_EXIT_CODE: [&str; 3] = ["overdue", "remind", "diff"];

/// Whether a command takes one of the options that are not global. They are declared once,
/// on [`Global`], and given to the commands that use them, so that `due done --help` shows
/// only what `done` takes, and `due done --format json` is refused.
fn takes(command: &str, option: &str) -> bool {
    match option {
        "format" | "color" => matches!(
            command,
            "overdue" | "list" | "show" | "meetings" | "status" | "remind" | "history" | "diff"
        ),
        "lang" => !matches!(command, "completions" | "man"),
        "lock_timeout" => matches!(command, "done" | "undo" | "waive" | "ledger"),
        "owner" | "recipient" | "state" | "id" => LISTINGS.contains(&command),
        _ => true,
    }
}

/// The commands whose rows the filters select (and `due` itself).
const LISTINGS: [&str; 5] = ["overdue", "remind", "status", "list", "ics"];

/// The options of [`Global`] that only some commands take, by their ids.
const PER_COMMAND: [&str; 8] = [
    "lang",
    "color",
    "format",
    "lock_timeout",
    "owner",
    "recipient",
    "state",
    "id",
];

#[derive(Parser, Debug)]
#[command(
    name = "due",
    version,
    about = "Track reporting obligations: what is overdue, and what falls due next.",
    long_about = "Track reporting obligations: what is overdue, and what falls due next.\n\n\
        Without a command, lists open items that are overdue or fall due within the window \
        (default 30 days), overdue first."
)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    /// List what falls due within this window: Nd, Nw, Nm (calendar months) or Ny; also
    /// spelled out, as `3 months` or `2weeks`
    #[arg(long, value_name = "DURATION", conflicts_with = "until")]
    next: Option<String>,
    /// List what falls due up to this day (YYYY-MM-DD), both ends included
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    until: Option<NaiveDate>,
    /// Exit with status 1 when the listing is not empty
    #[arg(long)]
    exit_code: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Args, Debug)]
pub struct Global {
    /// The registry file [default: ./obligations.toml, else the config directory's, else the embedded one]
    #[arg(long, global = true, env = "DUE_REGISTRY", value_name = "PATH")]
    pub registry: Option<PathBuf>,
    /// The completion ledger [default: the registry's `ledger`, else the data directory's]
    #[arg(long, global = true, env = "DUE_LEDGER", value_name = "PATH")]
    pub ledger: Option<PathBuf>,
    /// Judge as of this day instead of today in the registry's time zone
    #[arg(long, global = true, env = "DUE_TODAY", value_name = "DATE", value_parser = date_arg)]
    pub today: Option<NaiveDate>,
    /// Language: auto (French when LC_ALL, LC_MESSAGES or LANG, the first one set, starts
    /// with `fr`), en or fr
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Colour overdue rows: auto (on a terminal, unless NO_COLOR is set), always or never
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Wait this long for another process writing the ledger, then give up
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub lock_timeout: u64,
    #[command(flatten)]
    pub select: Select,
}

/// The filters of listings; given together, a row must pass every one.
#[derive(Args, Debug, Default)]
#[command(next_help_heading = "Filters")]
pub struct Select {
    /// Only obligations whose owner contains TEXT (any case, English or French)
    #[arg(long, value_name = "TEXT")]
    pub owner: Option<String>,
    /// Only obligations whose recipient (`to`) contains TEXT (any case, English or French)
    #[arg(long, value_name = "TEXT")]
    pub recipient: Option<String>,
    /// Only rows in one of these states: overdue, due-soon, upcoming, done, done-late,
    /// waived, ongoing, untracked (for `list`, the state `status` shows); separate several
    /// with commas or repeat the option
    #[arg(long, value_name = "STATE[,STATE...]")]
    pub state: Vec<String>,
    /// Only obligations whose whole id matches this glob: `*`, `?`, `[a-z]`, `{a,b}`
    #[arg(long, value_name = "PATTERN")]
    pub id: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LangArg {
    Auto,
    En,
    Fr,
}

impl LangArg {
    fn resolve(self) -> Lang {
        match self {
            LangArg::Auto => i18n::lang_from_env(std::env::var_os),
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Md,
    /// iCalendar: `due`, `overdue` and `remind` only
    Ics,
    /// A page to print or share; `status` prints the handout, with its timeline
    Html,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Open items whose due day has passed
    Overdue {
        /// Exit with status 1 when something is overdue
        #[arg(long)]
        exit_code: bool,
    },
    /// Every obligation, with its mandate, rule and next due date
    List,
    /// Everything about one obligation: mandate, clause, recipient, rule, next occurrences
    Show {
        /// The obligation's id
        id: String,
        /// How many coming occurrences to show
        #[arg(long, default_value_t = 5)]
        count: usize,
    },
    /// Every meeting instance, confirmed or estimated
    Meetings,
    /// Where every obligation stands on a day: the table to print before a session
    Status {
        /// A meeting instance (its opening day), a meeting, or a date
        #[arg(long, value_name = "MEETING|DATE")]
        at: Option<String>,
        /// List history too: what fell due before `tracking_since` with nothing recorded
        #[arg(long)]
        all: bool,
    },
    /// What needs attention now: overdue, inside its lead time, or at a milestone
    #[command(long_about = REMIND_ABOUT)]
    Remind(RemindArgs),
    /// The iCalendar feed to subscribe to: `due --format ics`, a year ahead unless told
    Ics {
        /// Take in what falls due within this window [default: 1y]
        #[arg(long, value_name = "DURATION", conflicts_with = "until")]
        next: Option<String>,
        /// Take in what falls due up to this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        until: Option<NaiveDate>,
    },
    /// Check the registry and say where it was read from
    Validate,
    /// Write the embedded registry to a file to start your own
    Init {
        /// Where to write it [default: the config directory's obligations.toml]
        #[arg(conflicts_with = "team")]
        path: Option<PathBuf>,
        /// Start a repository for a team in this folder: the registry, a ledger folder whose
        /// records merge in git, and a README
        #[arg(long, value_name = "DIR")]
        team: Option<PathBuf>,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
    /// What a registry change does: deadlines added, removed or moved, obligations changed
    #[command(long_about = DIFF_ABOUT)]
    Diff {
        /// The older registry: a file, or - to read it from standard input
        old: PathBuf,
        /// Compare what falls due within this window from today [default: 2y]
        #[arg(long, value_name = "DURATION", conflicts_with = "until")]
        next: Option<String>,
        /// Compare what falls due up to this day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        until: Option<NaiveDate>,
        /// Exit with status 1 when something changed
        #[arg(long)]
        exit_code: bool,
    },
    /// The ledger's upkeep
    Ledger {
        #[command(subcommand)]
        task: LedgerTask,
    },
    /// Record an occurrence as delivered [default PERIOD: the oldest open one]
    Done {
        /// The obligation's id
        id: String,
        /// The occurrence: 2027, 2027-Q1, 2027-03, a meeting instance such as council-2027,
        /// or once (a one-off's only occurrence)
        period: Option<String>,
        /// The day it was delivered [default: today]
        #[arg(long, value_name = "DATE", value_parser = date_arg)]
        on: Option<NaiveDate>,
        /// The document's symbol or reference
        #[arg(long = "ref", value_name = "SYMBOL")]
        reference: Option<String>,
        /// A note kept with the record
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        checks: Checks,
        #[command(flatten)]
        who: Who,
    },
    /// Withdraw what the ledger recorded for an occurrence
    Undo {
        /// The obligation's id
        id: String,
        /// The occurrence's period, as `done` takes it
        period: String,
        #[command(flatten)]
        who: Who,
    },
    /// Record an occurrence as not needed
    Waive {
        /// The obligation's id
        id: String,
        /// The occurrence's period, as `done` takes it
        period: String,
        /// Why it is not needed
        #[arg(long, value_name = "TEXT")]
        reason: String,
        #[command(flatten)]
        checks: Checks,
        #[command(flatten)]
        who: Who,
    },
    /// Every ledger record, newest first
    History {
        /// Only this obligation's records
        id: Option<String>,
    },
    /// Print a shell completion script
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff)
    Man,
}

#[derive(Subcommand, Debug)]
enum LedgerTask {
    /// Copy a single-file ledger into a folder of one file per record, which git merges
    /// without conflicts; the file is left as it is
    Migrate {
        /// The folder to write the records to, e.g. ledger/
        to: PathBuf,
    },
}

const DIFF_ABOUT: &str = "\
What a registry change does: compares the registry (--registry, as for every command) with
an older one, OLD, over a window from today (two years unless told). One row per
occurrence added, removed or moved (with its old and new due dates), and per obligation
whose title, recipient or mandate changed. Ledger records for occurrences the change
removes are named, wherever they fall.

OLD may be - to read it from standard input:
  git show HEAD~1:obligations.toml | due diff -";

/// What `done` and `waive` refuse unless told.
#[derive(Args, Debug)]
struct Checks {
    /// Record a correction for an occurrence that already has a record (history keeps both)
    #[arg(long)]
    amend: bool,
    /// Record a period that falls due more than a year after today
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
struct Who {
    /// Who is recording [default: DUE_USER, else the login name, else the account name]
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
}

const REMIND_ABOUT: &str = "\
What needs attention now: overdue items, items inside their lead time, milestones reached.
Prints nothing and exits 0 when nothing does, so a cron line mails only when there is
something to say.

--mail writes one e-mail message for `sendmail -t`. --smtp URL sends it instead:
smtps://HOST[:PORT] (TLS, port 465), smtp://HOST[:PORT]?tls=required (STARTTLS, port 587),
smtp://HOST[:PORT]?tls=opportunistic, or smtp://HOST[:PORT] (unencrypted, port 25).
Credentials are read from DUE_SMTP_USER and DUE_SMTP_PASSWORD, and only sent encrypted.";

#[derive(Args, Debug)]
#[command(group = ArgGroup::new("delivery").args(["mail", "smtp"]))]
struct RemindArgs {
    /// Also list what falls due within this window
    #[arg(long, value_name = "DURATION")]
    next: Option<String>,
    /// Exit with status 1 when something needs attention
    #[arg(long)]
    exit_code: bool,
    /// Write the reminder as one e-mail message, for `| sendmail -t`
    #[arg(long, requires = "to")]
    mail: bool,
    /// Send the reminder through this SMTP server
    #[arg(long, value_name = "URL", requires = "to")]
    smtp: Option<String>,
    /// Give up on the SMTP server after this long, the whole send together
    #[arg(long, value_name = "SECONDS", default_value_t = 60, requires = "smtp",
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    smtp_timeout: u64,
    /// A recipient: `addr@example.org` or `Name <addr@example.org>`; repeat for more
    #[arg(long, value_name = "ADDR", value_parser = mailbox_arg, requires = "delivery")]
    to: Vec<Mailbox>,
    /// The sender [default: the first --to]
    #[arg(long, value_name = "ADDR", env = "DUE_MAIL_FROM", value_parser = mailbox_arg, requires = "delivery")]
    from: Option<Mailbox>,
    /// Put before the subject
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "[due]",
        requires = "delivery"
    )]
    subject_prefix: String,
}

fn mailbox_arg(text: &str) -> Result<Mailbox, UsageError> {
    text.parse().map_err(
        |e: lettre::address::AddressError| UsageError::NotAnAddress {
            text: text.to_owned(),
            why: e.to_string(),
        },
    )
}

fn date_arg(text: &str) -> Result<NaiveDate, UsageError> {
    dates::parse_date(text).ok_or_else(|| UsageError::NotADate(text.to_owned()))
}

fn command() -> clap::Command {
    let source =
        match crate::dirs::find_registry(std::env::var_os("DUE_REGISTRY").map(PathBuf::from)) {
            (Some(path), why) => format!("{} ({})", path.display(), why.why(Lang::En)),
            (None, why) => why.why(Lang::En).to_string(),
        };
    let command = Cli::command().after_help(format!("Registry in use: {source}\n\n{EXIT_CODES}"));
    let options: Vec<clap::Arg> = PER_COMMAND
        .iter()
        .map(|id| {
            let arg = command.get_arguments().find(|a| a.get_id() == id);
            // Global within a command, so that `due ledger migrate` takes it too.
            arg.expect("declared on Global").clone().global(true)
        })
        .collect();
    command
        .mut_subcommands(|mut sub| {
            let name = sub.get_name().to_owned();
            for arg in options.iter().filter(|a| takes(&name, a.get_id().as_str())) {
                sub = sub.arg(arg.clone());
            }
            let footer = if WITH_EXIT_CODE.contains(&name.as_str()) {
                EXIT_CODES
            } else {
                EXIT_CODES_PLAIN
            };
            sub.after_help(footer)
        })
        // Without a command, `due` lists; it records nothing.
        .mut_arg("lock_timeout", |a| a.hide(true))
}

/// Settles the options that only some commands take: given after the command's name, they
/// are the command's own; given before it, they must be ones the command takes.
fn settle_options(matches: &clap::ArgMatches, global: &mut Global) -> Result<()> {
    // Asked only of a command that has the option: clap refuses questions about others.
    let given = |m: &clap::ArgMatches, id: &str| {
        m.try_contains_id(id).unwrap_or(false)
            && m.value_source(id) == Some(ValueSource::CommandLine)
    };
    let Some((name, mut sub)) = matches.subcommand() else {
        if given(matches, "lock_timeout") {
            return Err(UsageError::LockTimeoutOnListing.into());
        }
        return Ok(());
    };
    for id in PER_COMMAND {
        if given(matches, id) && !takes(name, id) {
            return Err(UsageError::NotTaken {
                command: name.to_owned(),
                option: id.replace('_', "-"),
            }
            .into());
        }
    }
    // The deepest command that was given an option has its value (`due ledger migrate`).
    loop {
        if given(sub, "lang") {
            global.lang = *sub.get_one("lang").expect("given");
        }
        if given(sub, "color") {
            global.color = *sub.get_one("color").expect("given");
        }
        if given(sub, "format") {
            global.format = *sub.get_one("format").expect("given");
        }
        if given(sub, "lock_timeout") {
            global.lock_timeout = *sub.get_one("lock_timeout").expect("given");
        }
        let text = |id: &str| sub.get_one::<String>(id).cloned();
        let select = &mut global.select;
        if given(sub, "owner") {
            select.owner = text("owner");
        }
        if given(sub, "recipient") {
            select.recipient = text("recipient");
        }
        if given(sub, "state") {
            select.state = sub
                .get_many::<String>("state")
                .expect("given")
                .cloned()
                .collect();
        }
        if given(sub, "id") {
            select.id = text("id");
        }
        match sub.subcommand() {
            Some((_, deeper)) => sub = deeper,
            None => return Ok(()),
        }
    }
}

pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

pub fn run() -> Result<Exit> {
    // Kept, not dropped: taking clap's command apart again costs a good part of a short run.
    let command = Box::leak(Box::new(command()));
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        // Every error line starts `due: `, clap's usage errors too (clap writes `error: `).
        Err(e) if e.use_stderr() => {
            let text = match crate::usage::refusal(&e, crate::usage::lang_of_args(&args)) {
                Some(text) => text,
                None => e.render().to_string(),
            };
            eprint!("due: {}", text.strip_prefix("error: ").unwrap_or(&text));
            return Ok(Exit::Error);
        }
        // --help and --version.
        Err(e) => {
            e.print()?;
            return Ok(Exit::Success);
        }
    };
    let mut cli = Cli::from_arg_matches(&matches)?;
    settle_options(&matches, &mut cli.global)
        .map_err(|e| i18n::localize(e, cli.global.lang.resolve()))?;
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let lang = cli.global.lang.resolve();
    let exit = dispatch(cli, terminal, &mut out).map_err(|e| i18n::localize(e, lang))?;
    out.flush()?;
    Ok(exit)
}

/// What every command needs: the registry, its completions, the day, and how to print.
struct Session {
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
    fn load(global: &Global, terminal: bool) -> Result<Session> {
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
        let today = global
            .today
            .unwrap_or_else(|| chrono::Utc::now().with_timezone(&reg.timezone).date_naive());
        let ledger = ledger::locate(global.ledger.as_deref(), &reg)?;
        let completions = record::completions(&reg, &Ledger::load(&ledger.path)?);
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

fn listed(exit_code: bool, nonempty: bool) -> Exit {
    if exit_code && nonempty {
        Exit::Listed
    } else {
        Exit::Success
    }
}

fn dispatch(cli: Cli, terminal: bool, out: &mut dyn Write) -> Result<Exit> {
    match cli.command {
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut command(), "due", out);
            return Ok(Exit::Success);
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(command()).render(out)?;
            return Ok(Exit::Success);
        }
        Some(Command::Init {
            team: Some(dir),
            force,
            ..
        }) => {
            let lang = cli.global.lang.resolve();
            for path in crate::team::init(&dir, force)? {
                let path = path.display();
                writeln!(out, "{}", i18n::f(lang, Msg::Wrote, &[("path", &path)]))?;
            }
            writeln!(out, "{}", crate::team::next_steps(&dir, lang))?;
            return Ok(Exit::Success);
        }
        Some(Command::Init { path, force, .. }) => {
            return init(path, force, cli.global.lang.resolve(), out);
        }
        _ => {}
    }
    let cx = &mut Session::load(&cli.global, terminal)?;
    let (next, until) = match &cli.command {
        Some(Command::Ics { next, until }) => {
            cx.format = FormatArg::Ics;
            let next = next.as_deref().or(cli.next.as_deref()).or(Some("1y"));
            (next, until.or(cli.until))
        }
        _ => (cli.next.as_deref(), cli.until),
    };
    match cli.command {
        None | Some(Command::Ics { .. }) => {
            let until = cx.window_end(next, until)?;
            let mut items = engine::agenda(&cx.reg, &cx.completions, cx.today, until);
            cx.filter.retain_agenda(&mut items);
            let mut listing = views::items(&items, cx.lang);
            cx.close(&mut listing, items.is_empty(), || {
                i18n::f(cx.lang, Msg::NothingDueBy, &[("date", &until)])
            });
            let window = i18n::f(
                cx.lang,
                Msg::PageDueBy,
                &[("until", &until), ("date", &cx.today)],
            );
            cx.page_subtitle = Some(window);
            cx.export_items(&items, &listing, out)?;
            Ok(listed(cli.exit_code, !items.is_empty()))
        }
        Some(Command::Overdue { exit_code }) => {
            let mut items = engine::overdue(&cx.reg, &cx.completions, cx.today);
            cx.filter.retain_agenda(&mut items);
            let mut listing = views::items(&items, cx.lang);
            cx.close(&mut listing, items.is_empty(), || {
                i18n::f(cx.lang, Msg::NothingOverdueOn, &[("date", &cx.today)])
            });
            cx.page_subtitle = Some(i18n::f(cx.lang, Msg::PageOverdueOn, &[("date", &cx.today)]));
            cx.export_items(&items, &listing, out)?;
            Ok(listed(exit_code || cli.exit_code, !items.is_empty()))
        }
        Some(Command::List) => {
            let mut rows = engine::status(&cx.reg, &cx.completions, cx.today);
            cx.filter.retain(&mut rows);
            let rows: Vec<_> = rows
                .into_iter()
                .map(|s| (s.obligation, s.next(cx.today)))
                .collect();
            let mut listing = views::obligations(&cx.reg, &rows, cx.lang);
            cx.close(&mut listing, rows.is_empty(), || cx.no_obligation());
            cx.export(&listing, out)?;
            Ok(Exit::Success)
        }
        Some(Command::Show { id, count }) => show(cx, &id, count, out),
        Some(Command::Meetings) => {
            let instances = engine::meeting_instances(&cx.reg, cx.today);
            cx.export(&views::meetings(&instances, cx.lang), out)?;
            Ok(Exit::Success)
        }
        Some(Command::Status { at, all }) => {
            let at = match at.as_deref() {
                None => engine::At {
                    day: cx.today,
                    instance: None,
                    listed: false,
                },
                Some(at) => {
                    engine::resolve_at(&cx.reg, at, cx.today).map_err(|error| UsageError::At {
                        at: at.to_owned(),
                        error,
                    })?
                }
            };
            let as_of = at.day;
            let rows = engine::status(&cx.reg, &cx.completions, as_of);
            let closed = record::last_closed(&cx.reg, &cx.completions, as_of);
            let mut rows: Vec<_> = rows.into_iter().zip(closed).collect();
            cx.filter.retain(&mut rows);
            let (rows, closed): (Vec<_>, Vec<_>) = rows.into_iter().unzip();
            let matched = rows.len();
            let (rows, closed, groups) = crate::sections::arrange(rows, closed, &at, all);
            let mut listing = views::status(&rows, &closed, cx.lang);
            let history_note =
                cx.reg
                    .tracking_since
                    .filter(|_| rows.len() < matched)
                    .map(|since| {
                        let count = matched - rows.len();
                        i18n::f(
                            cx.lang,
                            Msg::HistoryLeftOut,
                            &[("count", &count), ("date", &since)],
                        )
                    });
            let what = views::status_at(&at, cx.lang).map_or(String::new(), |w| format!(" ({w})"));
            let heading = i18n::f(
                cx.lang,
                Msg::StatusHeading,
                &[
                    ("date", &as_of),
                    ("at", &what),
                    ("title", &cx.reg.title.get(cx.lang)),
                ],
            );
            if cx.format == FormatArg::Html {
                let handout = crate::handout::Handout {
                    reg: &cx.reg,
                    rows: &rows,
                    closed: &closed,
                    groups: &groups,
                    at: &at,
                    completions: &cx.completions,
                    today: cx.today,
                    lang: cx.lang,
                    heading: &heading,
                    notes: (rows.is_empty().then(|| cx.no_obligation()))
                        .into_iter()
                        .chain(cx.filters_note())
                        .chain(history_note)
                        .collect(),
                };
                out.write_all(crate::handout::render(&handout).as_bytes())?;
                return Ok(Exit::Success);
            }
            listing.heading = Some(heading);
            cx.close(&mut listing, rows.is_empty(), || cx.no_obligation());
            listing.notes.extend(history_note);
            cx.export(&listing, out)?;
            Ok(Exit::Success)
        }
        Some(Command::Remind(args)) => remind(cx, args, cli.exit_code, out),
        Some(Command::Validate) => validate(cx, out),
        Some(Command::Diff {
            old,
            next,
            until,
            exit_code,
        }) => {
            let until = cx.window_end(next.as_deref().or(Some("2y")), until)?;
            let before = crate::team::read_registry(&old)?;
            let ledger = Ledger::load(&cx.ledger.path)?;
            let changes = crate::diff::diff(&before, &cx.reg, cx.today, until, &ledger);
            let mut listing = render::diff(&changes, cx.lang);
            if cx.format == FormatArg::Table {
                let args: [(&str, &dyn std::fmt::Display); 4] = [
                    ("old", &before.origin.named(cx.lang)),
                    ("new", &cx.reg.origin.named(cx.lang)),
                    ("from", &cx.today),
                    ("until", &until),
                ];
                writeln!(out, "{}", i18n::f(cx.lang, Msg::DiffHeading, &args))?;
            }
            if changes.is_empty() {
                listing
                    .notes
                    .push(i18n::t(cx.lang, Msg::DiffNothing).into());
            }
            cx.export(&listing, out)?;
            Ok(listed(exit_code, !changes.is_empty()))
        }
        Some(Command::Ledger {
            task: LedgerTask::Migrate { to },
        }) => {
            let file = match &cx.reg.origin {
                crate::model::Origin::File(path) => Some(path.as_path()),
                crate::model::Origin::Embedded => None,
            };
            writeln!(
                out,
                "{}",
                crate::team::migrate(
                    &cx.ledger,
                    file,
                    &to,
                    ledger::Wait {
                        timeout: cx.lock_timeout,
                        lang: cx.lang,
                    }
                )?
            )?;
            Ok(Exit::Success)
        }
        Some(
            command @ (Command::Done { .. }
            | Command::Undo { .. }
            | Command::Waive { .. }
            | Command::History { .. }),
        ) => record(cx, command, out),
        Some(Command::Init { .. } | Command::Completions { .. } | Command::Man) => {
            unreachable!("handled before loading the registry")
        }
    }
}

fn remind(cx: &Session, args: RemindArgs, exit_code: bool, out: &mut dyn Write) -> Result<Exit> {
    let delivery = args.mail || args.smtp.is_some();
    if delivery && cx.format != FormatArg::Table {
        return Err(UsageError::FormatWithMail.into());
    }
    // Checked before anything else, so that a mistake shows even on a day with nothing to send.
    let smtp = match &args.smtp {
        Some(url) => Some((send::Server::parse(url)?, send::credentials()?)),
        None => None,
    };
    let until = match &args.next {
        Some(n) => cx.window_end(Some(n), None)?,
        None => cx.today,
    };
    let mut entries = engine::attention(&cx.reg, &cx.completions, cx.today, until);
    cx.filter.retain(&mut entries);
    if entries.is_empty() {
        return Ok(Exit::Success);
    }
    if delivery {
        let addressing = render::Addressing {
            // clap requires a --to with --mail and --smtp.
            from: args.from.unwrap_or_else(|| args.to[0].clone()),
            to: args.to,
            subject_prefix: args.subject_prefix,
        };
        let reminder = render::Reminder {
            registry: cx.reg.title.get(cx.lang),
            today: cx.today,
            lang: cx.lang,
            sent: SystemTime::now(),
        };
        let message = render::message(&addressing, &reminder, &entries)?;
        match smtp {
            Some((server, credentials)) => {
                let timeout = std::time::Duration::from_secs(args.smtp_timeout);
                send::send(&server, credentials, &message, timeout)?;
            }
            None => out.write_all(&message.formatted())?,
        }
    } else if cx.format == FormatArg::Table {
        write!(out, "{}", render::digest(&entries, cx.lang, cx.today))?;
    } else if cx.format == FormatArg::Ics {
        cx.feed(&entries, out)?;
    } else {
        let items: Agenda<'_> = entries.iter().map(|(i, _)| i.clone()).collect();
        cx.export(&views::items(&items, cx.lang), out)?;
    }
    Ok(listed(args.exit_code || exit_code, true))
}

fn show(cx: &Session, id: &str, count: usize, out: &mut dyn Write) -> Result<Exit> {
    let Some(ob) = cx.reg.obligation(id) else {
        return Err(UsageError::UnknownObligation {
            id: id.to_owned(),
            registry: cx.reg.origin.named(cx.lang),
            ids: cx
                .reg
                .obligations
                .iter()
                .map(|o| o.id.to_string())
                .collect(),
        }
        .into());
    };
    let entries = engine::story(&cx.reg, ob, &cx.completions, cx.today, count);
    let listing = show::listing(&entries, cx.lang);
    if cx.format != FormatArg::Table {
        cx.export(&listing, out)?;
        return Ok(Exit::Success);
    }
    let width = cx.text_width();
    let header = show::header(&cx.reg, ob, &cx.completions, &entries, cx.lang);
    writeln!(out, "{}", render::fold(&header, width))?;
    if entries.is_empty() {
        let start = engine::History::of(&cx.reg).start(ob);
        if let Some(nothing) = show::nothing(ob, start, cx.lang) {
            writeln!(out, "{nothing}")?;
        }
    } else {
        cx.export(&listing, out)?;
        write!(
            out,
            "{}",
            render::fold(&show::dates(&entries, cx.lang), width)
        )?;
        write!(
            out,
            "{}",
            render::fold(&show::meetings(&cx.reg, &entries, cx.lang), width)
        )?;
    }
    Ok(Exit::Success)
}

fn validate(cx: &Session, out: &mut dyn Write) -> Result<Exit> {
    let reg = &cx.reg;
    let lang = cx.lang;
    let mut problems: Vec<String> = engine::stray_completions(reg, cx.today)
        .into_iter()
        .map(|(ob, period)| {
            i18n::f(
                lang,
                Msg::StrayCompletion,
                &[("id", &ob.id), ("period", &period)],
            )
        })
        .collect();
    let registry = match reg.origin {
        Origin::Embedded => reg.origin.named(lang),
        Origin::File(_) => format!("{} ({})", reg.origin.named(lang), cx.found.why(lang)),
    };
    writeln!(
        out,
        "{}",
        i18n::f(lang, Msg::ValidRegistry, &[("registry", &registry)])
    )?;
    let ledger = cx.ledger.described(lang);
    writeln!(
        out,
        "{}",
        i18n::f(lang, Msg::ValidLedger, &[("ledger", &ledger)])
    )?;
    let book = Ledger::load(&cx.ledger.path)?;
    for warning in record::check(reg, &book, cx.today, lang) {
        let args: [(&str, &dyn std::fmt::Display); 2] =
            [("ledger", &ledger), ("warning", &warning)];
        writeln!(out, "{}", i18n::f(lang, Msg::ValidLedgerWarning, &args))?;
    }
    let unlisted = holiday::unlisted_years(reg, reg.tracking_since.unwrap_or(cx.today));
    if !unlisted.is_empty() {
        let years: Vec<String> = unlisted.iter().map(i32::to_string).collect();
        let years = years.join(", ");
        writeln!(
            out,
            "{}",
            i18n::f(lang, Msg::ValidHolidays, &[("years", &years)])
        )?;
    }
    let conflicts = crate::team::conflicts(&cx.ledger, &book, lang);
    for conflict in &conflicts {
        writeln!(out, "{conflict}")?;
    }
    if !conflicts.is_empty() {
        let n = conflicts.len() as i64;
        problems.push(i18n::count(
            lang,
            n,
            Msg::ValidConflict,
            Msg::ValidConflicts,
        ));
    }
    write!(out, "{}", views::summary(reg, lang))?;
    if problems.is_empty() {
        writeln!(out, "{}", i18n::t(lang, Msg::ValidOk))?;
        Ok(Exit::Success)
    } else {
        bail!("{}", problems.join("; "))
    }
}

/// The ledger's commands; the logic lives in `record`.
fn record(cx: &Session, command: Command, out: &mut dyn Write) -> Result<Exit> {
    let (by, checks) = match &command {
        Command::Done { who, checks, .. } | Command::Waive { who, checks, .. } => {
            (who.by.as_deref(), Some(checks))
        }
        Command::Undo { who, .. } => (who.by.as_deref(), None),
        _ => (None, None),
    };
    let rc = record::Context {
        registry: &cx.reg,
        ledger: &cx.ledger,
        today: cx.today,
        completions: &cx.completions,
        by,
        force: checks.is_some_and(|c| c.force),
        amend: checks.is_some_and(|c| c.amend),
        lock_timeout: cx.lock_timeout,
        lang: cx.lang,
    };
    let line = match &command {
        Command::Done {
            id,
            period,
            on,
            reference,
            note,
            ..
        } => record::done(
            &rc,
            id,
            period.as_deref(),
            *on,
            reference.as_deref(),
            note.as_deref(),
        )?,
        Command::Undo { id, period, .. } => record::undo(&rc, id, period)?,
        Command::Waive {
            id, period, reason, ..
        } => record::waive(&rc, id, period, reason)?,
        Command::History { id } => {
            let records = record::history(&rc, id.as_deref())?;
            let mut listing = record::listing(&rc, &records, cx.lang);
            if records.is_empty() {
                let path = cx.ledger.path.display();
                let note = i18n::f(cx.lang, Msg::NothingRecorded, &[("path", &path)]);
                listing.notes.push(note);
            }
            cx.export(&listing, out)?;
            return Ok(Exit::Success);
        }
        _ => unreachable!("only the ledger's commands are passed here"),
    };
    writeln!(out, "{}", render::one_line(&line))?;
    Ok(Exit::Success)
}

fn init(path: Option<PathBuf>, force: bool, lang: Lang, out: &mut dyn Write) -> Result<Exit> {
    let path = match path {
        Some(p) => p,
        None => crate::dirs::registry_file()
            .context("no home directory to find the config directory in: give a PATH")?,
    };
    if path.exists() && !force {
        return Err(UsageError::Exists(path).into());
    }
    if let Some(dir) = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty() && !d.exists())
    {
        crate::files::create_private_dir(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    crate::atomic::replace(&path, registry::EMBEDDED.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    let shown = path.display();
    writeln!(out, "{}", i18n::f(lang, Msg::Wrote, &[("path", &shown)]))?;
    writeln!(out, "{}", crate::dirs::init_hint(&path, lang))?;
    Ok(Exit::Success)
}

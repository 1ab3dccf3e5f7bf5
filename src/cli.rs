//! The command line: the options and commands, how options given before or after a command
//! are settled, and which of `commands` each command runs.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use clap::parser::ValueSource;
use clap::{ArgGroup, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use lettre::message::Mailbox;

use crate::commands::{self, Session};
use crate::dates;
use crate::exit::Exit;
use crate::i18n::{self, Msg, help};
use crate::model::Lang;
use crate::usage::UsageError;

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
    // After the options of `due` itself, so that the filters' heading, which holds for what
    // is declared after them, stays theirs.
    #[command(flatten)]
    global: Global,
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
    pub fn resolve(self) -> Lang {
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
    Done(DoneArgs),
    /// Withdraw what the ledger recorded for an occurrence
    Undo(UndoArgs),
    /// Record an occurrence as not needed
    Waive(WaiveArgs),
    /// Every ledger record, newest first
    History {
        /// Only this obligation's records
        id: Option<String>,
    },
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
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
pub struct Checks {
    /// Record a correction for an occurrence that already has a record (history keeps both)
    #[arg(long)]
    pub amend: bool,
    /// Record a period that falls due more than a year after today
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct Who {
    /// Who is recording [default: DUE_USER, else the login name, else the account name]
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Args, Debug)]
pub struct DoneArgs {
    /// The obligation's id
    pub id: String,
    /// The occurrence: 2027, 2027-Q1, 2027-03, a meeting instance such as council-2027,
    /// or once (a one-off's only occurrence)
    pub period: Option<String>,
    /// The day it was delivered [default: today]
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub on: Option<NaiveDate>,
    /// The document's symbol or reference
    #[arg(long = "ref", value_name = "SYMBOL")]
    pub reference: Option<String>,
    /// A note kept with the record
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub checks: Checks,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Args, Debug)]
pub struct UndoArgs {
    /// The obligation's id
    pub id: String,
    /// The occurrence's period, as `done` takes it
    pub period: String,
    #[command(flatten)]
    pub who: Who,
}

#[derive(Args, Debug)]
pub struct WaiveArgs {
    /// The obligation's id
    pub id: String,
    /// The occurrence's period, as `done` takes it
    pub period: String,
    /// Why it is not needed
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    #[command(flatten)]
    pub checks: Checks,
    #[command(flatten)]
    pub who: Who,
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
pub struct RemindArgs {
    /// Also list what falls due within this window
    #[arg(long, value_name = "DURATION")]
    pub next: Option<String>,
    /// Exit with status 1 when something needs attention
    #[arg(long)]
    pub exit_code: bool,
    /// Write the reminder as one e-mail message, for `| sendmail -t`
    #[arg(long, requires = "to")]
    pub mail: bool,
    /// Send the reminder through this SMTP server
    #[arg(long, value_name = "URL", requires = "to")]
    pub smtp: Option<String>,
    /// Give up on the SMTP server after this long, the whole send together
    #[arg(long, value_name = "SECONDS", default_value_t = 60, requires = "smtp",
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub smtp_timeout: u64,
    /// A recipient: `addr@example.org` or `Name <addr@example.org>`; repeat for more
    #[arg(long, value_name = "ADDR", value_parser = mailbox_arg, requires = "delivery")]
    pub to: Vec<Mailbox>,
    /// The sender [default: the first --to]
    #[arg(long, value_name = "ADDR", env = "DUE_MAIL_FROM", value_parser = mailbox_arg, requires = "delivery")]
    pub from: Option<Mailbox>,
    /// Put before the subject
    #[arg(
        long,
        value_name = "TEXT",
        default_value = "[due]",
        requires = "delivery"
    )]
    pub subject_prefix: String,
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

/// The command line, its help in `lang`.
pub(crate) fn command_in(lang: Lang) -> clap::Command {
    let source =
        match crate::dirs::find_registry(std::env::var_os("DUE_REGISTRY").map(PathBuf::from)) {
            (Some(path), why) => format!("{} ({})", path.display(), why.why(lang)),
            (None, why) => why.why(lang).to_string(),
        };
    let in_use = i18n::f(lang, Msg::HelpRegistryInUse, &[("source", &source)]);
    let command =
        Cli::command().after_help(format!("{in_use}\n\n{}", help::exit_codes(lang, true)));
    let options: Vec<clap::Arg> = PER_COMMAND
        .iter()
        .map(|id| {
            let arg = command.get_arguments().find(|a| a.get_id() == id);
            // Global within a command, so that `due ledger migrate` takes it too.
            arg.expect("declared on Global").clone().global(true)
        })
        .collect();
    let command = command
        .mut_subcommands(|mut sub| {
            let name = sub.get_name().to_owned();
            for arg in options.iter().filter(|a| takes(&name, a.get_id().as_str())) {
                sub = sub.arg(arg.clone());
            }
            sub.after_help(help::exit_codes(
                lang,
                WITH_EXIT_CODE.contains(&name.as_str()),
            ))
        })
        // Without a command, `due` lists; it records nothing.
        .mut_arg("lock_timeout", |a| a.hide(true));
    match lang {
        Lang::En => command,
        Lang::Fr => help::french(command),
    }
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Kept, not dropped: taking clap's command apart again costs a good part of a short run.
    let command = Box::leak(Box::new(command_in(Lang::En)));
    let matches = match command.try_get_matches_from_mut(&args) {
        Ok(m) => m,
        // Help and refusals speak the reader's language: for French, the command line is read
        // again by the command in French, whose making (a walk over every option) only these
        // pay.
        Err(e) => {
            let lang = crate::usage::lang_of_args(&args);
            let french = match lang {
                Lang::En => None,
                Lang::Fr => command_in(Lang::Fr).try_get_matches_from(&args).err(),
            };
            return print_refusal(french.as_ref().unwrap_or(&e), lang);
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

/// What clap stopped at: a refusal, or the help or version asked for.
fn print_refusal(e: &clap::Error, lang: Lang) -> Result<Exit> {
    if !e.use_stderr() {
        e.print()?;
        return Ok(Exit::Success);
    }
    // Every error line starts `due: `, clap's usage errors too (clap writes `error: `).
    let text = match crate::usage::refusal(e, lang) {
        Some(text) => text,
        None => e.render().to_string(),
    };
    eprint!("due: {}", text.strip_prefix("error: ").unwrap_or(&text));
    Ok(Exit::Error)
}

fn dispatch(mut cli: Cli, terminal: bool, out: &mut dyn Write) -> Result<Exit> {
    match cli.command {
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut command_in(cli.global.lang.resolve()),
                "due",
                out,
            );
            return Ok(Exit::Success);
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(command_in(cli.global.lang.resolve())).render(out)?;
            return Ok(Exit::Success);
        }
        Some(Command::Init {
            team: Some(dir),
            force,
            ..
        }) => return commands::init::team(&dir, force, cli.global.lang.resolve(), out),
        Some(Command::Init { path, force, .. }) => {
            return commands::init::file(path, force, cli.global.lang.resolve(), out);
        }
        _ => {}
    }
    // `due ics` is `due --format ics` with a window of its own, a year unless told.
    let (next, until) = match &cli.command {
        Some(Command::Ics { next, until }) => {
            cli.global.format = FormatArg::Ics;
            let next = next.as_deref().or(cli.next.as_deref()).or(Some("1y"));
            (next, until.or(cli.until))
        }
        _ => (cli.next.as_deref(), cli.until),
    };
    let cx = &mut Session::load(&cli.global, terminal)?;
    match cli.command {
        None | Some(Command::Ics { .. }) => {
            commands::listings::due(cx, next, until, cli.exit_code, out)
        }
        Some(Command::Overdue { exit_code }) => {
            commands::listings::overdue(cx, exit_code || cli.exit_code, out)
        }
        Some(Command::List) => commands::listings::list(cx, out),
        Some(Command::Show { id, count }) => commands::show::show(cx, &id, count, out),
        Some(Command::Meetings) => commands::listings::meetings(cx, out),
        Some(Command::Status { at, all }) => commands::status::status(cx, at.as_deref(), all, out),
        Some(Command::Remind(args)) => commands::remind::remind(cx, args, cli.exit_code, out),
        Some(Command::Validate) => commands::validate::validate(cx, out),
        Some(Command::Diff {
            old,
            next,
            until,
            exit_code,
        }) => commands::diff::diff(cx, &old, next.as_deref(), until, exit_code, out),
        Some(Command::Ledger {
            task: LedgerTask::Migrate { to },
        }) => commands::ledger::migrate(cx, &to, out),
        Some(Command::Done(args)) => commands::record::done(cx, &args, out),
        Some(Command::Undo(args)) => commands::record::undo(cx, &args, out),
        Some(Command::Waive(args)) => commands::record::waive(cx, &args, out),
        Some(Command::History { id }) => commands::record::history(cx, id.as_deref(), out),
        Some(Command::Init { .. } | Command::Completions { .. } | Command::Man) => {
            unreachable!("handled before loading the registry")
        }
    }
}

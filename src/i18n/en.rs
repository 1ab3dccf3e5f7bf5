//! The English catalogue.

use super::Msg::{self, *};

pub(super) fn text(key: Msg) -> &'static str {
    match key {
        ColDue => "Due",
        ColWhen => "When",
        ColObligation => "Obligation",
        ColPeriod => "Period",
        ColState => "State",
        ColTitle => "Title",
        ColTo => "To",
        ColLastClosed => "Last closed",
        ColClosedOn => "Closed on",
        ColReference => "Reference",
        ColNextDue => "Next due",
        ColMandate => "Mandate",
        ColRule => "Rule",
        ColMeeting => "Meeting",
        ColInstance => "Instance",
        ColName => "Name",
        ColOpens => "Opens",
        ColCloses => "Closes",
        ColDates => "Dates",
        ColRecordedAt => "Recorded (UTC)",
        ColBy => "By",
        ColOutcome => "Outcome",
        ColOn => "On",
        ColDetails => "Details",
        ColRecord => "Record",

        StateOverdue => "overdue",
        StateDueSoon => "due-soon",
        StateUpcoming => "upcoming",
        StateDone => "done",
        StateDoneLate => "done-late",
        StateWaived => "waived",
        StateOngoing => "ongoing",
        StateUntracked => "untracked",
        StateWithdrawn => "withdrawn",

        DaysToday => "today",
        DaysIn => "in {n}d",
        DaysAgo => "{n}d ago",
        DaysLate => "{n}d ago",

        TentativeNote => "~ the date hangs on a meeting whose dates are an estimate",
        LikelyNote => "† the date hangs on a meeting whose dates are likely, not confirmed",
        NothingOverdueOn => "Nothing overdue on {date}.",
        NothingDueBy => "Nothing overdue or due by {date}.",
        NoObligations => "The registry has no obligations.",
        NothingRecorded => "Nothing recorded in {path}.",
        Filters => "Filters: {filters}.",
        NoneMatches => "No obligation passes the filters.",
        StatusHeading => "Status as of {date}{at}: {title}",
        LeftOutForWidth => "Left out for width: {columns}.",
        StatusAtOpens => "{instance} opens",
        StatusAtEstimate => "{instance}, dates estimated from the meeting's typical dates",
        StatusAtListedEstimate => "{instance}, dates not yet announced: the registry's estimate",

        DatesLikely => "likely",
        DatesEstimate => "estimate",
        DatesConfirmed => "confirmed",

        DigestOverdue => "Overdue",
        DigestAttention => "Needs attention",
        Tomorrow => "tomorrow",
        OverdueDay => "{n} day overdue",
        OverdueDays => "{n} days overdue",
        InDays => "in {n} days",
        EstimatedDate => ", estimated date",
        LikelyDate => ", date likely, not confirmed",
        DigestTo => "to: {to}",
        DigestMandate => "mandate: {mandate}",
        MilestoneReached => "milestone reached {date}: {name}",
        MilestoneComing => "milestone coming {date}: {name}",
        AsOf => "As of {date}.",
        SubjectComing => "{n} coming up",
        SubjectOverdue => "{n} overdue",
        SubjectBoth => "{overdue} overdue, {coming} coming up",
        MailMilestone => "Milestone {date} of {id} [{period}]: {name}",
        TitleSeparator => ": ",

        LabelId => "id",
        LabelTitleEn => "title",
        LabelTitleFr => "titre",
        LabelMandate => "mandate",
        LabelOwner => "owner",
        LabelTo => "to",
        LabelRule => "rule",
        LabelLead => "lead",
        LabelActiveFrom => "active from",
        LabelActiveUntil => "active until",
        LabelMilestone => "milestone",
        LabelNotes => "notes",
        LabelRecorded => "recorded",
        MilestoneDue => "{name} (due {offset})",
        MilestoneAtMeeting => "{name} (meeting {at})",
        Clause => "clause (as adopted)",
        ClauseInEn => "clause (as adopted, in English)",
        ClauseInFr => "clause (as adopted, in French)",
        HowDatesAreReached => "how each date is reached",
        MeetingsHeading => "meetings",
        NoOccurrenceFrom => "No occurrence from {date} on.",
        NoOccurrenceOutside => "No occurrence: the date falls outside the active period.",

        HowFixedDate => "fixed date {day}",
        HowDue => "due {day}",
        HowDayOfYear => "{md} of {period}",
        HowDayOfQuarter => "day {day} of month {month} of {period}",
        HowDayOfMonth => "day {day} of {period}",
        HowMonthEnd => "{what} → month end {day}",
        HowStarts => "{period} starts {day}",
        HowEnds => "{period} ends {day}",
        HowOpens => "{id} opens {day}",
        HowCloses => "{id} closes {day}",
        HowEstimate => "estimate",
        HowLikely => "likely",
        HowPrevious => "previous working day",
        HowNext => "next working day",
        HowHoliday => "{day} (holiday)",
        DayMon => "Mon",
        DayTue => "Tue",
        DayWed => "Wed",
        DayThu => "Thu",
        DayFri => "Fri",
        DaySat => "Sat",
        DaySun => "Sun",
        RecordedBy => "by {name}",

        RuleOngoing => "ongoing",
        RuleOnce => "once: {at}",
        RuleEveryYear => "every year: {at}",
        RuleEveryQuarter => "every quarter: {at}",
        RuleEveryMonth => "every month: {at}",
        RuleEveryMeeting => "every meeting: {at}",

        Delivered => "delivered {date}",
        WaivedOn => "waived {date} ({reason})",
        OnTime => "on time",
        LateByDay => "{n} day late",
        LateByDays => "{n} days late",
        Superseded => " (superseded)",
        DetailRef => "ref: {text}",
        DetailNote => "note: {text}",
        DetailReason => "reason: {text}",

        ErrUnknownObligation => "no obligation `{id}` in the registry ({hint})",
        ErrDidYouMean => "did you mean `{id}`? `due list` shows the ids",
        ErrListShowsIds => "`due list` shows the ids",
        ErrUnknownPeriod => {
            "`{id}` has no period `{period}` (nearest: {nearest}; see `due show {id}`)"
        }
        ErrNoneNear => "none near today",
        ErrCandidate => "{period} ({state}, due {date})",
        ErrNothingOpen => {
            "`{id}` has no open occurrence to record (name the period: see `due show {id}`)"
        }
        ErrRegistryMissing => {
            "registry {path} does not exist (check the path, or write the default one there with `due init PATH`)"
        }
        ErrRegistryDirectory => "registry {path} is a directory (pass the registry file inside it)",
        ErrFarPeriod => {
            "`{id}` {period} falls due on {due}, more than a year after today ({today}): is it a typo? (nearest: {nearest}; pass --force to record it all the same)"
        }
        ErrAlreadyRecorded => {
            "`{id}` {period} is already recorded: {standing} (pass --amend to record a correction{undo})"
        }
        ErrOrUndo => ", or withdraw it with `due undo {id} {period}`",
        ErrOngoing => "`{id}` is an ongoing duty with no deadline: it has no occurrence to record",
        ErrFuture => "--on {on} is after today ({today}): record a delivery once it has happened",
        ErrEmpty => "{flag} is empty (expected some text)",
        ErrNotRecorded => "nothing recorded in the ledger for `{id}` {period} to undo{hint}",
        ErrEditInRegistry => {
            " (its completion is written in the registry {registry}: edit it there)"
        }

        VerdictDone => "done on {on} (due {due})",
        VerdictDoneLate => "done-late on {on} (due {due}, {late})",
        VerdictRef => ", ref {text}",
        VerdictWaived => "waived on {on}",
        Replacing => ", replacing {standing}",
        Recorded => "{id} {period}: {what}; recorded by {by} in {path}",
        Withdrawn => "{was} record withdrawn, {left}",
        OpenAgain => "open again",
        RegistryStands => "the registry's own record stands ({standing})",
        DescribeDone => "done on {on}",
        DescribeWaived => "waived on {on}: {reason}",
        HeldBy => ", recorded by {by}",
        HeldInLedger => ", in the ledger",
        HeldInRegistry => ", in the registry",

        ErrShowUnknown => "no obligation `{id}` in {registry} (see `due list`; ids: {ids})",
        ErrNext => "--next: {reason}",
        ErrNextTooFar => "--next reaches past the last date `due` can represent",
        ErrAt => "--at {at}: {reason}",
        ErrAtNoInstance => {
            "the meeting has no instance from {today} on (name an instance or a date)"
        }
        ErrAtUnknown => {
            "not a date (YYYY-MM-DD) nor a meeting (known: {known}; an instance is MEETING-YEAR)"
        }
        SpanExpectedOffset => "expected a duration such as 30d, 6w, 2m or 1y",
        SpanExpectedWindow => {
            "expected a number and a unit: 30d, 6w, 3m, 1y, or 30 days, 6 weeks, 3 months, 1 year"
        }
        SpanEmpty => "empty duration ({expected})",
        SpanNotADuration => "`{text}` is not a duration ({expected})",
        SpanNoUnit => "`{text}` has no unit ({expected})",
        SpanTooLong => "`{text}` is too long ({limit})",
        SpanLimitOffset => "offsets reach at most two years",
        SpanLimitWindow => "a window reaches at most 100 years",
        IcsFallsDue => "Falls due on {due}: {title}",
        IcsMilestone => "Milestone: {name}, before the due date {due}",
        IcsObligation => "Obligation: {id} ({period})",
        IcsState => "State: {state}",
        IcsTitle => "Title: {text}",
        IcsMandate => "Mandate: {text}",
        IcsTo => "To: {text}",
        IcsOwner => "Owner: {text}",
        IcsMeeting => "Meeting: {text}",
        IcsEstimate => "The date hangs on a meeting whose dates are an estimate.",
        IcsLikely => "The date hangs on a meeting whose dates are likely, not confirmed.",

        ColChange => "Change",
        ColOldDue => "Old due",
        ColNewDue => "New due",
        DiffHeading => "From {old} to {new}, for what falls due from {from} to {until}:",
        DiffNothing => "No deadline added, removed or moved, and no obligation changed.",
        DiffNone => "(none)",
        DiffEarlier => "{n} days earlier",
        DiffEarlierOne => "{n} day earlier",
        DiffLater => "{n} days later",
        DiffLaterOne => "{n} day later",
        DiffGone => "the record no longer matches a period",
        DiffJudged => "judged against the new date",
        DiffLedger => "ledger: {action} on {on}, {fate}",
        ChangeChanged => "changed",
        ChangeAdded => "added",
        ChangeRemoved => "removed",
        ChangeMoved => "moved",

        RegTooLarge => {
            "registry {path} is {bytes} bytes, more than a registry can be (expected at most 256 MiB of TOML: is this the right file?)"
        }
        RegRead => {
            "cannot read registry {path}: {cause} (check that the file is readable by this user)"
        }
        RegDidYouMean => "did you mean `{name}`?",
        RegOneOf => "expected one of: {list}",
        RegUnknownKey => "unknown key `{key}` in {table} ({hint})",
        RegTooLong => "`{key}` holds {kib} KiB of text (at most {max} KiB in one field)",
        RegNoMeetings => "no meetings are defined under [meetings]",
        RegKnownMeetings => "known meetings: {list}",
        RegNulByte => {
            "not a text file: a NUL byte (expected UTF-8 TOML text: is this the right file?)"
        }
        RegNotUtf8 => {
            "not a text file: byte {byte}, which is not UTF-8 (expected UTF-8 TOML text: is this the right file?)"
        }
        RegToml => "invalid TOML: {message}",
        RegMissingKey => "{table} has no `{key}` (it is required)",
        RegWrongType => "`{key}` is {found} (expected {expected})",
        RegNoSchema => "the registry has no `schema` (expected `schema = 1` at the top)",
        RegWrongSchema => "`schema` must be 1 (the only version this `due` reads)",
        RegTimeZone => {
            "`timezone`: unknown time zone `{name}` (expected an IANA name such as Europe/Zurich)"
        }
        RegWeekday => {
            "`weekend`: `{value}` is not a weekday (expected mon, tue, wed, thu, fri, sat or sun)"
        }
        RegNoWorkingDay => {
            "`weekend` closes every day of the week (expected at least one working day)"
        }
        RegRoll => "`roll`: `{value}` is not a roll (expected previous, next or none)",
        RegLanguage => "`quote_lang`: `{value}` is not a language `due` speaks (expected en or fr)",
        RegOfMeeting => "meeting name",
        RegOfInstance => "instance id",
        RegOfObligation => "obligation id",
        RegIdEmpty => "{of} `{id}` is empty (expected letters, digits, '-', '_' or '.')",
        RegIdCharacters => {
            "{of} `{id}` holds other characters (expected only ASCII letters, digits, '-', '_' and '.')"
        }
        RegDuplicateObligation => "duplicate obligation id `{id}` (ids must be unique)",
        RegDuplicateInstance => {
            "meeting instance id `{id}` is used twice (give one of them its own `id`)"
        }
        RegNotARealDay => "`{key}`: {value} is not a date in the calendar (expected a real day)",
        RegDateWithTime => {
            "`{key}` has a time of day (expected a date such as 2026-11-30, without one)"
        }
        RegNotADate => {
            "`{key}`: `{value}` is not a date such as 2026-11-30 (YYYY-MM-DD, a real day)"
        }
        RegNotARange => {
            "`{key}`: `{value}` is not a date or date range (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, real days)"
        }
        RegRangeBackwards => {
            "`{key}`: `{value}` ends before it starts (expected the first day, `..`, then the last day)"
        }
        RegRangeTooLong => "`{key}`: `{value}` lasts more than a year (is a year mistyped?)",
        RegKeyReason => "`{key}`: {reason}",
        RegBadTypical => {
            "`typical`: `{value}` is not a month-day or range (expected MM-DD or MM-DD..MM-DD within one year)"
        }
        RegNoDates => {
            "meeting `{meeting}` has no `dates` (expected dates = \"YYYY-MM-DD..YYYY-MM-DD\", a table of years, or a `typical` estimate)"
        }
        RegTypicalOnSingle => {
            "meeting `{meeting}` is a single meeting, and `typical` only applies to a series (expected dates given per year to use it)"
        }
        RegConfidenceOnSeries => {
            "meeting `{meeting}` is a series, so `{key}` belongs to single years (expected `{example}`)"
        }
        RegNotAConfidence => {
            "`confidence`: `{value}` is not a confidence (expected confirmed, likely or estimate)"
        }
        RegTentativeContradicts => {
            "`tentative = {tentative}` contradicts `confidence = \"{confidence}\"` (expected one of them: `tentative = true` is `confidence = \"estimate\"`)"
        }
        RegNotAYear => "meeting `{meeting}`: `{value}` is not a year (expected keys such as 2026)",
        RegInstanceInWrongYear => {
            "meeting `{meeting}`: an instance starting {start} is listed under {year} (expected it under {right})"
        }
        RegActiveUntilBeforeFrom => {
            "obligation `{obligation}`: `active_until` {until} is before `active_from` {from} (expected the same day or later)"
        }
        RegMilestonesWithoutDeadline => {
            "obligation `{obligation}` has no deadline, so its milestones have nothing to count from (expected a `due`, or no `milestones`)"
        }
        RegNotAMilestoneReference => {
            "`at`: `{name}` is neither `due` nor a meeting (expected `due - 4w` or `MEETING - 30d`; {hint})"
        }
        RegBadOffset => {
            "`{key}`: `{value}` is not understood (expected a name, then optionally + or - with spaces around it and a duration, as `council - 4w`)"
        }
        RegEveryWithoutDue => {
            "`every` has no `due` beside it (expected a `due` saying when in each period it falls, such as `due = \"11-30\"`)"
        }
        RegNotARecurrence => {
            "`every`: `{value}` is not a recurrence (expected year, quarter, month or meeting)"
        }
        RegQuarterlyDue => {
            "for a quarterly deadline M-DD, the month of the quarter 1-3 and a day, such as 3-31, or `end + 30d`"
        }
        RegMonthlyDue => "for a monthly deadline the day of the month, such as 15, or `end - 5d`",
        RegDueNotUnderstood => "`due`: `{value}` is not understood (expected {expected})",
        RegSeriesAsOneOff => {
            "`due`: `{meeting}` is a series, and a one-off needs one meeting (expected an instance such as `{meeting}-2026`, or `every = \"year\"` to make it recur)"
        }
        RegSingleMeetingRecurs => {
            "`due`: `{meeting}` is a single meeting, so it cannot recur (expected no `every`, to make this a one-off)"
        }
        RegNotACalendarDay => {
            "`due`: `{value}` is not a date in the calendar (expected YYYY-MM-DD, a real day)"
        }
        RegNotADayOfYear => {
            "`due`: `{value}` is not a day of the year (expected MM-DD, a real day such as 11-30)"
        }
        RegUnknownMeeting => "`due`: no meeting `{name}` ({hint})",
        ShapeString => "a string",
        ShapeInteger => "an integer",
        ShapeFloat => "a float",
        ShapeBoolean => "a boolean",
        ShapeDate => "a date",
        ShapeArray => "an array",
        ShapeTable => "a table",
        ShapeADate => "a date such as 2026-11-30",
        ShapeDuration => "a duration such as \"30d\"",
        ShapeText => "a string or a table {table}",
        ShapeDates => "a date range \"YYYY-MM-DD..YYYY-MM-DD\" or a table of years",
        ShapeTrueOrFalse => "true or false",
        TableRegistry => "the registry",
        TableMeeting => "meeting `{name}`",
        TableObligation => "obligation `{id}`",
        TableInstance => "a meeting instance",
        TableMilestone => "a milestone",
        TableDone => "a `done` entry",

        LedgerLeftAsItIs => {
            "(the ledger was left as it is: correct it, or restore it from version control, and run the command again)"
        }
        LedgerRead => "cannot read the ledger {path}: {cause}",
        LedgerNotUtf8 => "byte {byte} is not UTF-8 text (the ledger is a text file)",
        TheRecord => "the record",
        MigrateHoldsRecords => "{path} already holds records",
        MigrateNotAFile => "{path} is not a single-file ledger",
        MigrateToAFile => "{path} is a file: name a folder such as ledger/",
        CopiedRecord => {
            "copied {n} record from {from} to {to}, one file each; {from} is left as it is"
        }
        CopiedRecords => {
            "copied {n} records from {from} to {to}, one file each; {from} is left as it is"
        }
        MigrateNext => {
            "next: set `{key}` in the registry, then remove {from} (`git rm` it) in the same commit"
        }
        LockBusy => {
            "the lock {path} is held by another process; gave up after {seconds} s (--lock-timeout)"
        }
        LockOpen => "cannot open the lock file {path}: {cause}",
        LockWaiting => {
            "waiting for the lock on the ledger {ledger} ({lock} is held by another process; giving up after {seconds} s)"
        }
        LedgerNotInAction => "`{key}` does not belong to an `{action}` record",
        LedgerMissingForAction => "a `{action}` record needs `{key}`",
        LedgerUnknownAction => "unknown action `{action}`, expected `done`, `waived` or `undone`",
        LedgerEmpty => "`{key}` is empty, expected a non-empty string",
        LedgerNotADate => "`{text}` is not a date, expected a bare date such as 2027-03-01",
        LedgerNoTimeZone => {
            "`{text}` has no time zone, expected a time such as 2027-03-01T09:30:00Z"
        }
        LedgerWrite => {
            "cannot write the ledger {path}: {cause} (choose a writable place with --ledger PATH or DUE_LEDGER)"
        }
        LedgerMigrate => "cannot move the ledger: {why}",
        LedgerLock => "cannot write the ledger {path}: {cause}",
        LedgerNoDataDir => {
            "no data directory is known for this user, so there is no default ledger: give one with --ledger PATH or DUE_LEDGER"
        }

        ErrLockTimeoutOnListing => {
            "--lock-timeout applies to `done`, `undo`, `waive` and `ledger`, not to listings"
        }
        ErrNotTaken => "`due {command}` does not take --{option} (see `due {command} --help`)",
        ErrIcsHere => {
            "--format ics lists occurrences: use it with `due`, `due overdue` or `due remind`"
        }
        ErrFormatWithMail => "--format does not apply to an e-mail message (--mail, --smtp)",
        ErrNotADate => "`{text}` is not a date (expected YYYY-MM-DD, a real day)",
        ErrNotAnAddress => {
            "`{text}` is not an e-mail address ({why}; expected addr@example.org or Name <addr@example.org>)"
        }
        // clap words these in English itself: the entries are for the other languages.
        ClapUnknownArgument => "unexpected argument '{arg}' found",
        ClapUnknownCommand => "unrecognized subcommand '{arg}'",
        ClapInvalidValue => "invalid value '{value}' for '{arg}' (possible values: {valid})",
        ClapMissingValue => "a value is required for '{arg}' but none was supplied",
        ClapValidation => "invalid value '{value}' for '{arg}': {reason}",
        ClapMissing => "the following required arguments were not provided: {arg}",
        ClapTwice => "the argument '{arg}' cannot be used multiple times",
        ClapConflict => "the argument '{arg}' cannot be used with '{prior}'",
        ClapDidYouMean => " (a similar one exists: '{suggested}')",
        ClapMore => "For more information, try '--help'.",
        HelpUsage => "Usage:",
        HelpCommands => "Commands",
        HelpCommandValue => "COMMAND",
        HelpFilters => "Filters",
        HelpDefault => "[default: {value}]",
        HelpPossibleValues => "[possible values: {values}]",
        HelpVariable => "[env: {name}=]",
        HelpRegistryInUse => "Registry in use: {source}",
        HelpExitCodes => {
            "Exit status: 0 success; 1 with --exit-code when the listing is not empty;\n\
             2 usage errors and bad input (registry, ledger, dates)."
        }
        HelpExitCodesPlain => {
            "Exit status: 0 success; 2 usage errors and bad input (registry, ledger, dates)."
        }
        HolidayExpected => {
            "expected `MM-DD`, `easter ± N` or `ORDINAL WEEKDAY of MONTH ± N`, such as `01-01`, `easter - 2d` or `first sun of sep + 4d`"
        }
        HolidayNotARule => "`{text}` is not a holiday rule ({expected})",
        HolidayMonthDayOffset => {
            "`{text}`: a month-day holiday takes no offset (write the day itself)"
        }
        HolidayOrdinal => {
            "`{word}` in `{text}` is not an ordinal: first, second, third, fourth or last"
        }
        HolidayWeekday => "`{word}` in `{text}` is not a weekday (mon … sun) ({expected})",
        HolidayMonth => "`{word}` in `{text}` is not a month (jan … dec) ({expected})",
        HolidayOffsetUnit => {
            "`{text}`: a holiday's offset is in days or weeks (`4d`, `1w`), so that it names one day every year"
        }
        SmtpNotUrl => {
            "--smtp: not a URL ({why}); expected smtps://HOST[:PORT] or smtp://HOST[:PORT][?tls=required|opportunistic]"
        }
        SmtpScheme => "--smtp: unknown scheme `{scheme}`, expected `smtps` or `smtp`",
        SmtpNoHost => "--smtp: the URL names no host",
        SmtpCredentialsInUrl => {
            "--smtp: the URL carries credentials; give them in {user} and {password} instead"
        }
        SmtpExtra => "--smtp: the URL has a {part}, which `due` does not use; remove it",
        UrlPath => "path",
        UrlFragment => "fragment",
        SmtpUnknownParameter => {
            "--smtp: unknown parameter `{name}` (the only one is `tls`, on smtp:// URLs)"
        }
        SmtpRepeated => "--smtp: `{name}` is given more than once; give it once",
        SmtpTlsValue => {
            "--smtp: unknown tls value `{value}`, expected `required` or `opportunistic`"
        }
        SmtpTlsOnSmtps => "--smtp: `tls` does not apply to smtps://, which is TLS from the start",
        SmtpHalfCredentials => "set both {user} and {password}, or neither",
        SmtpPlainCredentials => {
            "--smtp: refusing to send {user}'s password unencrypted (use smtps:// or ?tls=required)"
        }
        SmtpNotEncrypted => {
            "--smtp: {host} offered no STARTTLS, so the connection is not encrypted: refusing to send {user}'s password (use smtps:// or ?tls=required)"
        }
        SmtpFailed => "sending through {host} failed during {step}: {message}",
        SmtpTimedOut => {
            "sending through {host} gave up after {seconds} s (--smtp-timeout) during {step}"
        }
        // lettre connects, reads the greeting and says EHLO in one call.
        StepConnect => "the connection (connect, TLS, greeting, EHLO)",
        StepStartTls => "STARTTLS",
        StepAuth => "AUTH",
        StepMessage => "the message (MAIL FROM, RCPT TO, DATA)",
        StepQuit => "QUIT",
        Wrote => "wrote {path}",
        ErrExists => "{path} already exists (pass --force to overwrite it)",
        HintHere => {
            "`due` run in this directory reads it; `due validate` says which registry is read"
        }
        HintDefault => {
            "`due` reads it by default, except in a directory with its own obligations.toml; `due validate` says which registry is read"
        }
        HintPass => "to use it, pass `--registry {path}` or set DUE_REGISTRY={path}",
        HintPassOrRunThere => {
            "to use it, pass `--registry {path}` or set DUE_REGISTRY={path}, or run `due` in its directory"
        }
        TeamNextSteps => {
            "next: cd {dir} && git init && git add . && git commit -m \"Registry and ledger\", then push it to your forge\nin each clone, `due` run there reads this registry and records in its ledger/; to use it from anywhere (cron too): export DUE_REGISTRY=$PWD/obligations.toml"
        }

        Conflict => {
            "conflict: `{id}` {period} was recorded differently in {n} places (clones); listings follow the one recorded last"
        }
        ConflictStands => " (stands)",
        ConflictSettle => {
            "settle it by recording the occurrence again (`due done {id} {period} --amend …`, `due waive {id} {period} --amend …`, or `due undo {id} {period}`): the new record supersedes these"
        }
        ConflictRecordedAt => ", recorded {at}",
        ConflictWaived => "waived on {on} ({reason})",

        EmbeddedRegistry => "(embedded) obligations.toml",
        StrayCompletion => {
            "obligation `{id}` records a completion for `{period}`, which is not one of its periods"
        }
        ValidRegistry => "registry: {registry}",
        ValidLedger => "ledger: {ledger}",
        ValidLedgerWarning => "warning: ledger {ledger}: {warning}",
        ValidHolidays => {
            "warning: [calendar] lists holidays as dates, none in {years}, where deadlines fall: a deadline on a holiday there is not rolled (list those years' holidays, or write them as `holiday_rules`)"
        }
        ValidConflict => "the ledger records {n} occurrence differently in two places (see above)",
        ValidConflicts => {
            "the ledger records {n} occurrences differently in two places (see above)"
        }
        ValidOk => "ok",
        SummaryTitle => "title: {title}",
        SummaryCounts => "{obligations}, {meetings} ({instances}), time zone {zone}",
        CountObligation => "{n} obligation",
        CountObligations => "{n} obligations",
        CountMeeting => "{n} meeting",
        CountMeetings => "{n} meetings",
        CountInstance => "{n} dated instance",
        CountInstances => "{n} dated instances",
        FoundGiven => "from --registry or DUE_REGISTRY",
        FoundHere => "found in the working directory",
        FoundConfig => "the user's default, in the config directory",
        FoundEmbedded => "the embedded Resolution 1332 registry",
        LedgerGiven => "from --ledger or DUE_LEDGER",
        LedgerNamed => "named by the registry",
        LedgerDefault => "the default for this registry",
        StrayObligation => "ledger record for `{id}` {period}: no such obligation in the registry",
        StrayPeriod => {
            "ledger record for `{id}` {period}: the obligation has no such period any more"
        }
        ErrUnknownState => "--state: `{given}` is not a state (expected one of: {states})",
        ErrUnknownStateNear => {
            "--state: `{given}` is not a state (did you mean `{near}`? expected one of: {states})"
        }
        ErrBadGlob => "--id: `{pattern}` is not a glob pattern ({why})",

        PageDueBy => "Overdue, or due by {until}; as of {date}.",
        PageOverdueOn => "Overdue on {date}.",
        HandoutAsOf => "Status as of {date} ({at}); prepared {today}.",
        HandoutAsOfDay => "Status as of {date}; prepared {today}.",
        SectionAttention => "Needs attention: overdue, or due by {date}",
        SectionOnTrack => "On track, or delivered",
        SectionStanding => "Standing duties (no deadline)",
        SectionHistory => "History: due before {date}, when tracking began",
        HistoryLeftOut => {
            "History left out: {count} (due before {date}, nothing recorded); --all lists it."
        }
        NothingNeedsAttention => "Nothing is overdue or due by {date}.",
        ColLastDelivery => "Last delivery",
        NoneRecorded => "none recorded",
        TimelineHeading => "Timeline",
        LegendDeadline => "deadline",
        LegendEstimated => "deadline on an estimated meeting date",
        LegendClosed => "deadline met: delivered or waived",
        LegendMilestone => "milestone",
        LegendToday => "today, {date}",
        LegendConfirmed => "meeting, dates confirmed",
        LegendLikely => "meeting, dates likely",
        LegendEstimate => "meeting, dates estimated",
        MonthsShort => "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        HandoutFor => "For {name}, {dates}.",
        DatesFromTo => "{start} to {end}",
    }
}

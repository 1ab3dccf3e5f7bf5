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
        StatusHeading => "Status as of {date}{at}: {title}",
        LeftOutForWidth => "Left out for width: {columns}.",
        StatusAtOpens => "{instance} opens",
        StatusAtEstimate => "{instance}, dates estimated from the meeting's typical dates",

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
    }
}

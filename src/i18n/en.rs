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
        NoneMatches => "No obligation matches {filters}.",
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
        ErrUnknownState => "--state: `{given}` is not a state (expected one of: {states})",
        ErrUnknownStateNear => {
            "--state: `{given}` is not a state (did you mean `{near}`? expected one of: {states})"
        }
        ErrBadGlob => "--id: `{pattern}` is not a glob pattern ({why})",
    }
}

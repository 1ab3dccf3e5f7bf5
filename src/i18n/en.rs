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
        LikelyNote => {
            "† the date hangs on a meeting whose dates are likely (a secondary source), not confirmed"
        }
        NothingOverdueOn => "Nothing overdue on {date}.",
        NothingDueBy => "Nothing overdue or due by {date}.",
        NoObligations => "The registry has no obligations.",
        NothingRecorded => "Nothing recorded in {path}.",
        StatusHeading => "Status as of {date}{at}: {title}",
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
    }
}

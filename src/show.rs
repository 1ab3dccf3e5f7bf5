//! `due show ID`: one obligation's whole story. What it is, every occurrence from its start
//! with its state and record, the next ones, and how each date was reached.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::dates::Span;
use crate::engine::{Entry, Item};
use crate::i18n::{self, Msg};
use crate::model::{
    Completion, Completions, Confidence, Lang, MilestoneAt, Obligation, Outcome, Registry, Rule,
};
use crate::record::Closure;
use crate::render::{Cell, Listing, one_line, shown};
use crate::views;

mod how;

/// The labels of the lines above the occurrences.
const LABELS: &[Msg] = &[
    Msg::LabelId,
    Msg::LabelTitleEn,
    Msg::LabelTitleFr,
    Msg::LabelMandate,
    Msg::LabelOwner,
    Msg::LabelTo,
    Msg::LabelRule,
    Msg::LabelLead,
    Msg::LabelActiveFrom,
    Msg::LabelActiveUntil,
    Msg::LabelMilestone,
    Msg::LabelNotes,
    Msg::LabelRecorded,
];

/// The lines above the occurrences: what the obligation is, and records that match none of
/// the occurrences shown (a period typed wrong, or outside the story).
pub fn header(
    reg: &Registry,
    ob: &Obligation,
    completions: &Completions,
    entries: &[Entry<'_>],
    lang: Lang,
) -> String {
    let mut out = String::new();
    // Values line up after the longest label of the language.
    let width = LABELS
        .iter()
        .map(|key| i18n::t(lang, *key).chars().count())
        .max()
        .unwrap_or(0)
        .max(12);
    let mut line = |label: Msg, value: Option<&str>| {
        if let Some(v) = value {
            let label = i18n::t(lang, label);
            let _ = writeln!(out, "{label:<width$} {}", one_line(v));
        }
    };
    line(Msg::LabelId, Some(&ob.id));
    // The title in the language asked for first, then the other one.
    let titles = [
        (Msg::LabelTitleEn, Some(&ob.title.en)),
        (Msg::LabelTitleFr, ob.title.fr.as_ref()),
    ];
    let order = if lang == Lang::Fr { [1, 0] } else { [0, 1] };
    for n in order {
        line(titles[n].0, titles[n].1.map(|t| t.as_ref()));
    }
    line(Msg::LabelMandate, ob.mandate());
    line(Msg::LabelOwner, ob.owner().map(|t| t.get(lang)));
    line(Msg::LabelTo, ob.to().map(|t| t.get(lang)));
    line(Msg::LabelRule, Some(&views::rule_text(reg, ob, lang)));
    if !matches!(ob.rule, Rule::Ongoing) {
        line(Msg::LabelLead, Some(&ob.lead.to_string()));
    }
    line(
        Msg::LabelActiveFrom,
        ob.active_from.map(|d| d.to_string()).as_deref(),
    );
    line(
        Msg::LabelActiveUntil,
        ob.active_until.map(|d| d.to_string()).as_deref(),
    );
    for m in ob.milestones() {
        let name = m.name.get(lang);
        let text = match m.at {
            MilestoneAt::Due(offset) => i18n::f(
                lang,
                Msg::MilestoneDue,
                &[("name", &name), ("offset", &signed(offset))],
            ),
            MilestoneAt::Meeting { .. } => i18n::f(
                lang,
                Msg::MilestoneAtMeeting,
                &[("name", &name), ("at", &views::milestone_rule_text(reg, m))],
            ),
        };
        line(Msg::LabelMilestone, Some(&text));
    }
    line(Msg::LabelNotes, ob.notes());
    let shown = |period: &str| entries.iter().any(|(i, _)| i.occurrence.period.is(period));
    let mut elsewhere: Vec<(&String, &Completion)> = completions
        .iter()
        .filter(|((id, period), _)| id == &ob.id && !shown(period))
        .map(|((_, period), c)| (period, c))
        .collect();
    elsewhere.sort_by_key(|(period, c)| (c.on, *period));
    for (period, c) in elsewhere {
        line(
            Msg::LabelRecorded,
            Some(&format!("{period}: {}", views::completion_text(c, lang))),
        );
    }
    if let Some(quote) = ob.quote() {
        let label = match reg.quote_lang {
            Some(Lang::En) => Msg::ClauseInEn,
            Some(Lang::Fr) => Msg::ClauseInFr,
            None => Msg::Clause,
        };
        let _ = writeln!(out, "{}", i18n::t(lang, label));
        for l in quote.lines() {
            let _ = writeln!(out, "  > {}", one_line(l));
        }
    }
    out
}

fn signed(span: Span) -> String {
    if span.count < 0 {
        format!("- {}", span.negate())
    } else {
        format!("+ {span}")
    }
}

/// How the record left the occurrence (on time, late, waived).
fn closure(item: &Item<'_>) -> Option<Closure> {
    let c = item.completion?;
    Some(Closure::of(item.occurrence.due, &c.outcome, c.on))
}

/// What was recorded for an occurrence, in a few words.
fn record_text(item: &Item<'_>, lang: Lang) -> Option<String> {
    let c = item.completion?;
    let mut text = match &c.outcome {
        Outcome::Done => i18n::f(lang, Msg::Delivered, &[("date", &c.on)]),
        Outcome::Waived { reason } => {
            i18n::f(lang, Msg::WaivedOn, &[("date", &c.on), ("reason", reason)])
        }
    };
    if let Some(late @ Closure::Late(_)) = closure(item) {
        let _ = write!(text, ", {}", late.words(lang));
    }
    if let Some(r) = &c.reference {
        let _ = write!(text, ", {r}");
    }
    if let Some(by) = &c.by {
        let by = i18n::f(lang, Msg::RecordedBy, &[("name", by)]);
        let _ = write!(text, ", {by}");
    }
    Some(text)
}

/// The occurrences, one row each: no column repeats what the header says.
pub fn listing<'a>(entries: &'a [Entry<'_>], lang: Lang) -> Listing<'a> {
    let h = |key| Some(i18n::t(lang, key));
    let mut l = Listing::new(&[
        ("due_label", h(Msg::ColDue)),
        ("when", h(Msg::ColWhen)),
        ("period", h(Msg::ColPeriod)),
        ("due", None),
        ("days", None),
        ("state", None),
        ("state_label", h(Msg::ColState)),
        ("record", h(Msg::ColRecord)),
        ("meeting", None),
        ("tentative", None),
        ("confidence", None),
        ("completed_on", None),
        ("ref", None),
        ("by", None),
        ("days_late", None),
        ("how", None),
    ]);
    for (item, _) in entries {
        let occ = &item.occurrence;
        let c = item.completion;
        let cells = views::when(item, lang)
            .into_iter()
            .chain(views::judged(item, lang))
            .chain([
                Cell::opt_text(record_text(item, lang).as_deref()),
                Cell::opt_text(occ.meeting.as_deref()),
                Cell::Bool(occ.tentative()),
                Cell::opt_fixed(occ.confidence.map(Confidence::as_str)),
                Cell::opt_date(c.map(|c| c.on)),
                Cell::opt_text(c.and_then(|c| c.reference.as_deref())),
                Cell::opt_text(c.and_then(|c| c.by.as_deref())),
                Cell::opt_int(closure(item).and_then(Closure::days_late)),
                Cell::opt_text(occ.how.as_ref().map(|h| how::how(h, lang)).as_deref()),
            ])
            .collect();
        l.push(cells, views::emphasis(item.state));
    }
    l.display_only(&["due_label", "when", "state_label", "record"]);
    if entries.iter().all(|(i, _)| i.completion.is_none()) {
        // Nothing recorded: an empty column would only widen the table.
        for col in l.columns.iter_mut().filter(|c| c.key == "record") {
            col.heading = None;
        }
    }
    l.notes.extend(views::confidence_notes(
        lang,
        entries.iter().map(|(i, _)| i.occurrence.confidence),
    ));
    l
}

/// How each date was reached, one line a reader can check by hand: each occurrence, then
/// its milestones.
pub fn dates(entries: &[Entry<'_>], lang: Lang) -> String {
    let mut out = String::new();
    for (item, milestones) in entries {
        let occ = &item.occurrence;
        let (Some(due), Some(how)) = (occ.due, &occ.how) else {
            continue;
        };
        let period = occ.period.text();
        // As in the table: `~` before a date that hangs on an estimated meeting, `†` on a
        // likely one, its milestones' dates included.
        let mark = occ
            .confidence
            .map(|c| c.mark())
            .filter(|m| !m.is_empty())
            .unwrap_or(" ");
        let _ = writeln!(out, " {mark}{due}  {period}  {}", how::how(how, lang));
        for m in milestones {
            if let Some(how) = &m.how {
                let name = shown(m.milestone.name.get(lang));
                let sep = i18n::t(lang, Msg::TitleSeparator);
                let how = how::how(how, lang);
                let _ = writeln!(out, " {mark}{}  {period}  {name}{sep}{how}", m.on);
            }
        }
    }
    if !out.is_empty() {
        out.insert_str(0, &format!("{}\n", i18n::t(lang, Msg::HowDatesAreReached)));
    }
    out
}

/// The meeting instances the dates hang on: their dates, how sure they are, and where they
/// come from.
pub fn meetings(reg: &Registry, entries: &[Entry<'_>], lang: Lang) -> String {
    let mut ids: Vec<&str> = entries
        .iter()
        .filter_map(|(i, _)| i.occurrence.meeting.as_deref())
        .collect();
    ids.dedup();
    let mut out = String::new();
    for (_, inst) in ids.into_iter().filter_map(|id| reg.instance(id)) {
        let source = inst
            .source
            .as_deref()
            .map_or(String::new(), |s| format!(": {}", one_line(s)));
        let _ = writeln!(
            out,
            "  {} {}..{} {}{source}",
            inst.id,
            inst.start,
            inst.end,
            i18n::t(lang, views::dates_msg(inst.confidence))
        );
    }
    if !out.is_empty() {
        out.insert_str(0, &format!("{}\n", i18n::t(lang, Msg::MeetingsHeading)));
    }
    out
}

/// Said when there is no occurrence to show.
pub fn nothing(ob: &Obligation, start: NaiveDate, lang: Lang) -> Option<String> {
    match ob.rule {
        Rule::Ongoing => None,
        Rule::Every { .. } | Rule::AtSeries { .. } => {
            Some(i18n::f(lang, Msg::NoOccurrenceFrom, &[("date", &start)]))
        }
        Rule::Once(_) | Rule::AtInstance { .. } => {
            Some(i18n::t(lang, Msg::NoOccurrenceOutside).to_owned())
        }
    }
}

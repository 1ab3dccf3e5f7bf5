//! The reminder as one RFC 5322 message: a plain-text digest and an HTML table.

use std::time::SystemTime;

use chrono::NaiveDate;
use lettre::Message;
use lettre::message::{Mailbox, MultiPart};

use serde::Serialize;

use super::html::{Table, render};
use super::{Entry, digest, one_line};
use crate::engine::{Agenda, State};
use crate::i18n::{Msg, f, t};
use crate::model::Lang;
use crate::views;

/// Who the reminder goes to and how its subject starts.
pub struct Addressing {
    pub from: Mailbox,
    pub to: Vec<Mailbox>,
    pub subject_prefix: String,
}

/// What the reminder is about.
pub struct Reminder<'a> {
    /// The registry's title.
    pub registry: &'a str,
    pub today: NaiveDate,
    pub lang: Lang,
    /// The Date header: the caller reads the clock, so the message is a pure function of
    /// its arguments.
    pub sent: SystemTime,
}

pub fn message(
    addressing: &Addressing,
    reminder: &Reminder<'_>,
    entries: &[Entry<'_>],
) -> anyhow::Result<Message> {
    let mut builder = Message::builder()
        .from(addressing.from.clone())
        .subject(subject(addressing, reminder, entries))
        .date(reminder.sent)
        .message_id(None);
    for to in &addressing.to {
        builder = builder.to(to.clone());
    }
    let as_of = f(reminder.lang, Msg::AsOf, &[("date", &reminder.today)]);
    let heading = match one_line(reminder.registry).trim() {
        "" => as_of,
        title => format!("{title}\n{as_of}"),
    };
    let plain = format!(
        "{heading}\n\n{}",
        digest(entries, reminder.lang, reminder.today)
    );
    let html = html(&heading, entries, reminder);
    Ok(builder.multipart(MultiPart::alternative_plain_html(plain, html))?)
}

/// `[due] 1 overdue, 2 coming up: TITLE`; the counts come first so they survive a
/// narrow inbox.
fn subject(addressing: &Addressing, reminder: &Reminder<'_>, entries: &[Entry<'_>]) -> String {
    let overdue = entries
        .iter()
        .filter(|(i, _)| i.state == State::Overdue)
        .count();
    let coming = entries.len() - overdue;
    let lang = reminder.lang;
    let counts = match (overdue, coming) {
        (0, n) => f(lang, Msg::SubjectComing, &[("n", &n)]),
        (n, 0) => f(lang, Msg::SubjectOverdue, &[("n", &n)]),
        (o, c) => f(lang, Msg::SubjectBoth, &[("overdue", &o), ("coming", &c)]),
    };
    let mut subject = one_line(&addressing.subject_prefix).trim().to_string();
    if !subject.is_empty() {
        subject.push(' ');
    }
    subject.push_str(&counts);
    let title = one_line(reminder.registry);
    if !title.trim().is_empty() {
        subject.push_str(t(lang, Msg::TitleSeparator));
        subject.push_str(title.trim());
    }
    subject
}

fn html(heading: &str, entries: &[Entry<'_>], reminder: &Reminder<'_>) -> String {
    let items: Agenda<'_> = entries.iter().map(|(i, _)| i.clone()).collect();
    let mut listing = views::items(&items, reminder.lang);
    for (item, milestones) in entries {
        for m in milestones {
            listing.notes.push(f(
                reminder.lang,
                Msg::MailMilestone,
                &[
                    ("date", &m.on),
                    ("id", &item.obligation().id),
                    ("period", &item.occurrence.period),
                    ("name", &m.milestone.name.get(reminder.lang)),
                ],
            ));
        }
    }
    #[derive(Serialize)]
    struct Context<'a> {
        title: &'a str,
        heading: Vec<&'a str>,
        listing: Table,
    }
    let context = Context {
        title: heading.lines().next().unwrap_or_default(),
        heading: heading.lines().collect(),
        listing: Table::of(&listing),
    };
    render("mail.html", reminder.lang, &context)
}

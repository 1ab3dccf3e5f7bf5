//! The command line's help in French. clap's derive writes it in English, from the doc
//! comments of `cli.rs`, and clap adds its own English (the help and version flags, `help`,
//! `[default: …]`, `Usage:`). For a French reader, each description is looked up here by its
//! English words and replaced, and clap's words are replaced where clap lets them be: every
//! command and option, headings, usage, placeholders (`<DURÉE>`), defaults, variables and
//! values. (`Options:` and `Arguments:` are the same words in French; `[OPTIONS]` in the
//! usage line stays as clap writes it.) Tests walk every command and option, so that none is
//! left in English and no French is left over when the English changes.

use clap::{Arg, Command};

use super::{Msg, f, t};
use crate::model::Lang;

/// clap's template, with the usage line's heading in French.
fn template() -> String {
    let usage = t(Lang::Fr, Msg::HelpUsage);
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    )
}

/// A usage line clap wrote in a refusal (`Usage: due done <ID> [PERIOD]`), in `lang`.
pub fn usage_line(usage: &str, lang: Lang) -> String {
    match usage.strip_prefix(t(Lang::En, Msg::HelpUsage)) {
        Some(rest) => format!("{}{rest}", t(lang, Msg::HelpUsage)),
        None => usage.to_owned(),
    }
}

/// What every command's help ends with: the exit statuses, for commands with `--exit-code`
/// or without.
pub fn exit_codes(lang: Lang, with_exit_code: bool) -> &'static str {
    t(
        lang,
        if with_exit_code {
            Msg::HelpExitCodes
        } else {
            Msg::HelpExitCodesPlain
        },
    )
}

/// Each description, in English as clap has it, and in French.
const FRENCH: &[(&str, &str)] = &[
    (
        "Track reporting obligations: what is overdue, and what falls due next.",
        "Suivre les obligations de rapport : ce qui est en retard, et ce qui arrive à échéance.",
    ),
    (
        "Track reporting obligations: what is overdue, and what falls due next.\n\nWithout a \
         command, lists open items that are overdue or fall due within the window (default 30 \
         days), overdue first.",
        "Suivre les obligations de rapport : ce qui est en retard, et ce qui arrive à échéance.\n\n\
         Sans commande, liste les échéances ouvertes qui sont en retard ou tombent dans la \
         fenêtre (30 jours par défaut), les retards d'abord.",
    ),
    (
        "The registry file [default: ./obligations.toml, else the config directory's, else the \
         embedded one]",
        "Le fichier du registre [par défaut : ./obligations.toml, sinon celui du dossier de \
         configuration, sinon le registre intégré]",
    ),
    (
        "The completion ledger [default: the registry's `ledger`, else the data directory's]",
        "Le journal des remises [par défaut : le `ledger` du registre, sinon celui du dossier de \
         données]",
    ),
    (
        "Judge as of this day instead of today in the registry's time zone",
        "Juger à cette date plutôt qu'aujourd'hui dans le fuseau horaire du registre",
    ),
    (
        "Language: auto (French when LC_ALL, LC_MESSAGES or LANG, the first one set, starts with \
         `fr`), en or fr",
        "Langue : auto (le français quand LC_ALL, LC_MESSAGES ou LANG, la première définie, \
         commence par `fr`), en ou fr",
    ),
    (
        "Colour overdue rows: auto (on a terminal, unless NO_COLOR is set), always or never",
        "Colorer les lignes en retard : auto (sur un terminal, sauf si NO_COLOR est défini), \
         always ou never",
    ),
    (
        "Output format",
        "Format de sortie ; ics (iCalendar) pour `due`, `overdue` et `remind` seulement ; html, \
         une page à imprimer ou à partager (pour `status`, le document de séance et sa frise)",
    ),
    (
        "Only obligations whose owner contains TEXT (any case, English or French)",
        "Seulement les obligations dont le responsable contient TEXTE (majuscules ou minuscules, \
         en anglais ou en français)",
    ),
    (
        "Only obligations whose recipient (`to`) contains TEXT (any case, English or French)",
        "Seulement les obligations dont le destinataire (`to`) contient TEXTE (majuscules ou \
         minuscules, en anglais ou en français)",
    ),
    (
        "Only rows in one of these states: overdue, due-soon, upcoming, done, done-late, \
         waived, ongoing, untracked (for `list`, the state `status` shows); separate several \
         with commas or repeat the option",
        "Seulement les lignes dans l'un de ces états : overdue, due-soon, upcoming, done, \
         done-late, waived, ongoing, untracked (pour `list`, l'état que montre `status`) ; en \
         séparer plusieurs par des virgules ou répéter l'option",
    ),
    (
        "Only obligations whose whole id matches this glob: `*`, `?`, `[a-z]`, `{a,b}`",
        "Seulement les obligations dont l'identifiant entier correspond à ce motif : `*`, `?`, \
         `[a-z]`, `{a,b}`",
    ),
    (
        "List what falls due within this window: Nd, Nw, Nm (calendar months) or Ny; also \
         spelled out, as `3 months` or `2weeks`",
        "Lister ce qui arrive à échéance dans cette fenêtre : Nd, Nw, Nm (mois civils) ou Ny ; \
         aussi en toutes lettres, comme `3 mois`, `2semaines` ou `3 months`",
    ),
    (
        "List what falls due up to this day (YYYY-MM-DD), both ends included",
        "Lister ce qui arrive à échéance jusqu'à ce jour (AAAA-MM-JJ), bornes comprises",
    ),
    (
        "Exit with status 1 when the listing is not empty",
        "Sortir avec le statut 1 quand la liste n'est pas vide",
    ),
    (
        "Wait this long for another process writing the ledger, then give up",
        "Attendre ce nombre de secondes qu'un autre processus ait fini d'écrire le journal, puis \
         abandonner",
    ),
    (
        "Open items whose due day has passed",
        "Les échéances ouvertes dont le jour est passé",
    ),
    (
        "Exit with status 1 when something is overdue",
        "Sortir avec le statut 1 quand quelque chose est en retard",
    ),
    (
        "Every obligation, with its mandate, rule and next due date",
        "Toutes les obligations, avec leur mandat, leur règle et leur prochaine échéance",
    ),
    (
        "Everything about one obligation: mandate, clause, recipient, rule, next occurrences",
        "Tout sur une obligation : mandat, clause, destinataire, règle, prochaines occurrences",
    ),
    ("The obligation's id", "L'identifiant de l'obligation"),
    (
        "How many coming occurrences to show",
        "Combien d'occurrences à venir montrer",
    ),
    (
        "Every meeting instance, confirmed or estimated",
        "Toutes les sessions des réunions, confirmées ou estimées",
    ),
    (
        "Where every obligation stands on a day: the table to print before a session",
        "Où en est chaque obligation à une date : le tableau à imprimer avant une session",
    ),
    (
        "A meeting instance (its opening day), a meeting, or a date",
        "Une session (son jour d'ouverture), une réunion, ou une date",
    ),
    (
        "List history too: what fell due before `tracking_since` with nothing recorded",
        "Lister aussi l'historique : ce qui est arrivé à échéance avant `tracking_since` sans \
         rien d'enregistré",
    ),
    (
        "What needs attention now: overdue, inside its lead time, or at a milestone",
        "Ce qui demande de l'attention maintenant : en retard, dans son préavis, ou à une étape",
    ),
    (
        "What needs attention now: overdue items, items inside their lead time, milestones \
         reached.\nPrints nothing and exits 0 when nothing does, so a cron line mails only when \
         there is\nsomething to say.\n\n--mail writes one e-mail message for `sendmail -t`. \
         --smtp URL sends it instead:\nsmtps://HOST[:PORT] (TLS, port 465), \
         smtp://HOST[:PORT]?tls=required (STARTTLS, port 587),\n\
         smtp://HOST[:PORT]?tls=opportunistic, or smtp://HOST[:PORT] (unencrypted, port 25).\n\
         Credentials are read from DUE_SMTP_USER and DUE_SMTP_PASSWORD, and only sent encrypted.",
        "Ce qui demande de l'attention maintenant : les échéances en retard, celles dans leur \
         préavis,\nles étapes atteintes. N'affiche rien et sort avec 0 quand rien n'en demande, \
         si bien qu'une\nligne de cron n'envoie de courriel que s'il y a quelque chose à dire.\n\n\
         --mail écrit un message électronique pour `sendmail -t`. --smtp URL l'envoie à la \
         place :\nsmtps://HÔTE[:PORT] (TLS, port 465), smtp://HÔTE[:PORT]?tls=required \
         (STARTTLS, port 587),\nsmtp://HÔTE[:PORT]?tls=opportunistic, ou smtp://HÔTE[:PORT] \
         (non chiffré, port 25).\nLes identifiants sont lus dans DUE_SMTP_USER et \
         DUE_SMTP_PASSWORD, et envoyés seulement chiffrés.",
    ),
    (
        "Also list what falls due within this window",
        "Lister aussi ce qui arrive à échéance dans cette fenêtre",
    ),
    (
        "Exit with status 1 when something needs attention",
        "Sortir avec le statut 1 quand quelque chose demande de l'attention",
    ),
    (
        "Write the reminder as one e-mail message, for `| sendmail -t`",
        "Écrire le rappel en un message électronique, pour `| sendmail -t`",
    ),
    (
        "Send the reminder through this SMTP server",
        "Envoyer le rappel par ce serveur SMTP",
    ),
    (
        "Give up on the SMTP server after this long, the whole send together",
        "Abandonner le serveur SMTP après ce nombre de secondes, pour tout l'envoi",
    ),
    (
        "A recipient: `addr@example.org` or `Name <addr@example.org>`; repeat for more",
        "Un destinataire : `adresse@example.org` ou `Nom <adresse@example.org>` ; répéter \
         l'option pour d'autres",
    ),
    (
        "The sender [default: the first --to]",
        "L'expéditeur [par défaut : le premier --to]",
    ),
    ("Put before the subject", "Placé avant l'objet"),
    (
        "The iCalendar feed to subscribe to: `due --format ics`, a year ahead unless told",
        "Le flux iCalendar auquel s'abonner : `due --format ics`, sur un an sauf indication",
    ),
    (
        "Take in what falls due within this window [default: 1y]",
        "Prendre ce qui arrive à échéance dans cette fenêtre [par défaut : 1y]",
    ),
    (
        "Take in what falls due up to this day (YYYY-MM-DD)",
        "Prendre ce qui arrive à échéance jusqu'à ce jour (AAAA-MM-JJ)",
    ),
    (
        "Check the registry and say where it was read from",
        "Vérifier le registre et dire d'où il a été lu",
    ),
    (
        "Write the embedded registry to a file to start your own",
        "Écrire le registre intégré dans un fichier pour commencer le vôtre",
    ),
    (
        "Where to write it [default: the config directory's obligations.toml]",
        "Où l'écrire [par défaut : obligations.toml dans le dossier de configuration]",
    ),
    (
        "Start a repository for a team in this folder: the registry, a ledger folder whose \
         records merge in git, and a README",
        "Commencer dans ce dossier un dépôt pour une équipe : le registre, un dossier de journal \
         dont les enregistrements fusionnent dans git, et un README",
    ),
    ("Overwrite an existing file", "Écraser un fichier existant"),
    (
        "What a registry change does: deadlines added, removed or moved, obligations changed",
        "Ce que fait une modification du registre : échéances ajoutées, supprimées ou déplacées, \
         obligations modifiées",
    ),
    (
        "What a registry change does: compares the registry (--registry, as for every command) \
         with\nan older one, OLD, over a window from today (two years unless told). One row \
         per\noccurrence added, removed or moved (with its old and new due dates), and per \
         obligation\nwhose title, recipient or mandate changed. Ledger records for occurrences \
         the change\nremoves are named, wherever they fall.\n\nOLD may be - to read it from \
         standard input:\n  git show HEAD~1:obligations.toml | due diff -",
        "Ce que fait une modification du registre : compare le registre (--registry, comme pour \
         toute\ncommande) à un plus ancien, ANCIEN, sur une fenêtre à partir d'aujourd'hui (deux \
         ans sauf\nindication). Une ligne par occurrence ajoutée, supprimée ou déplacée (avec \
         son ancienne et sa\nnouvelle échéance), et par obligation dont le titre, le \
         destinataire ou le mandat a changé. Les\nenregistrements du journal pour des \
         occurrences que la modification supprime sont nommés,\noù qu'ils tombent.\n\nANCIEN peut \
         être - pour le lire sur l'entrée standard :\n  git show \
         HEAD~1:obligations.toml | due diff -",
    ),
    (
        "The older registry: a file, or - to read it from standard input",
        "L'ancien registre : un fichier, ou - pour le lire sur l'entrée standard",
    ),
    (
        "Compare what falls due within this window from today [default: 2y]",
        "Comparer ce qui arrive à échéance dans cette fenêtre à partir d'aujourd'hui [par \
         défaut : 2y]",
    ),
    (
        "Compare what falls due up to this day (YYYY-MM-DD)",
        "Comparer ce qui arrive à échéance jusqu'à ce jour (AAAA-MM-JJ)",
    ),
    (
        "Exit with status 1 when something changed",
        "Sortir avec le statut 1 quand quelque chose a changé",
    ),
    ("The ledger's upkeep", "L'entretien du journal"),
    (
        "Copy a single-file ledger into a folder of one file per record, which git merges \
         without conflicts; the file is left as it is",
        "Copier un journal d'un seul fichier dans un dossier d'un fichier par enregistrement, \
         que git fusionne sans conflit ; le fichier est laissé tel quel",
    ),
    (
        "The folder to write the records to, e.g. ledger/",
        "Le dossier où écrire les enregistrements, par exemple ledger/",
    ),
    (
        "Record an occurrence as delivered [default PERIOD: the oldest open one]",
        "Enregistrer la remise d'une occurrence [PÉRIODE par défaut : la plus ancienne ouverte]",
    ),
    (
        "The occurrence: 2027, 2027-Q1, 2027-03, a meeting instance such as council-2027, or \
         once (a one-off's only occurrence)",
        "L'occurrence : 2027, 2027-Q1, 2027-03, une session telle que council-2027, ou once (la \
         seule occurrence d'une obligation ponctuelle)",
    ),
    (
        "The day it was delivered [default: today]",
        "Le jour de la remise [par défaut : aujourd'hui]",
    ),
    (
        "The document's symbol or reference",
        "La cote ou la référence du document",
    ),
    (
        "A note kept with the record",
        "Une note gardée avec l'enregistrement",
    ),
    (
        "Record a correction for an occurrence that already has a record (history keeps both)",
        "Enregistrer une correction pour une occurrence déjà enregistrée (l'historique garde les \
         deux)",
    ),
    (
        "Record a period that falls due more than a year after today",
        "Enregistrer une période qui arrive à échéance plus d'un an après aujourd'hui",
    ),
    (
        "Who is recording [default: DUE_USER, else the login name, else the account name]",
        "Qui enregistre [par défaut : DUE_USER, sinon le nom de connexion, sinon le nom du \
         compte]",
    ),
    (
        "Withdraw what the ledger recorded for an occurrence",
        "Retirer ce que le journal a enregistré pour une occurrence",
    ),
    (
        "The occurrence's period, as `done` takes it",
        "La période de l'occurrence, telle que `done` la prend",
    ),
    (
        "Record an occurrence as not needed",
        "Enregistrer une occurrence comme non requise",
    ),
    ("Why it is not needed", "Pourquoi elle n'est pas requise"),
    (
        "Every ledger record, newest first",
        "Tous les enregistrements du journal, les plus récents d'abord",
    ),
    (
        "Only this obligation's records",
        "Seulement les enregistrements de cette obligation",
    ),
    (
        "Print a shell completion script",
        "Afficher un script de complétion pour le shell",
    ),
    (
        "The shell to complete for",
        "Le shell pour lequel compléter",
    ),
    (
        "Print the manual page (roff)",
        "Afficher la page de manuel (roff)",
    ),
    // clap's own.
    ("Print help", "Afficher l'aide"),
    (
        "Print help (see more with '--help')",
        "Afficher l'aide (davantage avec « --help »)",
    ),
    (
        "Print help (see a summary with '-h')",
        "Afficher l'aide (un résumé avec « -h »)",
    ),
    ("Print version", "Afficher la version"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Afficher ce message ou l'aide des commandes données",
    ),
];

/// Each placeholder of a value (`<DATE>`, `[PERIOD]`), in English and in French.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("ADDR", "ADRESSE"),
    ("COLOR", "COULEUR"),
    ("COUNT", "NOMBRE"),
    ("DATE", "DATE"),
    ("DIR", "DOSSIER"),
    ("DURATION", "DURÉE"),
    ("FORMAT", "FORMAT"),
    ("ID", "ID"),
    ("LANG", "LANGUE"),
    ("MEETING|DATE", "RÉUNION|DATE"),
    ("NAME", "NOM"),
    ("OLD", "ANCIEN"),
    ("PATH", "CHEMIN"),
    ("PATTERN", "MOTIF"),
    ("PERIOD", "PÉRIODE"),
    ("SECONDS", "SECONDES"),
    ("SHELL", "SHELL"),
    ("STATE[,STATE...]", "ÉTAT[,ÉTAT...]"),
    ("SYMBOL", "COTE"),
    ("TEXT", "TEXTE"),
    ("TO", "DOSSIER"),
    ("URL", "URL"),
];

/// The placeholders an option's values are shown with, as clap has them: named, or its
/// id in capitals.
fn value_names(arg: &Arg) -> Vec<String> {
    match arg.get_value_names() {
        Some(names) => names.iter().map(ToString::to_string).collect(),
        None => vec![arg.get_id().as_str().to_uppercase()],
    }
}

/// The French for a description clap has in English; the English when there is none, which
/// a test forbids.
fn french_of(english: &str) -> &str {
    FRENCH
        .iter()
        .find(|(en, _)| *en == english)
        .map_or(english, |(_, fr)| fr)
}

/// The command line with its help in French. Built first, so that the flags and the `help`
/// command clap adds are there to be put into French too.
pub fn french(mut command: Command) -> Command {
    command.build();
    french_command(command)
}

fn french_command(mut command: Command) -> Command {
    if let Some(about) = command.get_about().map(ToString::to_string) {
        command = command.about(french_of(&about).to_owned());
    }
    if let Some(about) = command.get_long_about().map(ToString::to_string) {
        command = command.long_about(french_of(&about).to_owned());
    }
    command
        .help_template(template())
        .subcommand_help_heading(t(Lang::Fr, Msg::HelpCommands))
        .subcommand_value_name(t(Lang::Fr, Msg::HelpCommandValue))
        .mut_args(french_arg)
        .mut_subcommands(french_command)
}

/// An option's description in French, with what clap appends to it (`[default: …]`,
/// `[possible values: …]`, `[env: …]`) written in French and clap's own hidden.
fn french_arg(arg: Arg) -> Arg {
    let Some(help) = arg.get_help().map(ToString::to_string) else {
        return arg;
    };
    let mut help = french_of(&help).to_owned();
    let mut arg = arg;
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let name = env.to_string_lossy();
        help += &format!(" {}", f(Lang::Fr, Msg::HelpVariable, &[("name", &name)]));
        arg = arg.hide_env(true);
    }
    if arg.get_action().takes_values() {
        let defaults: Vec<String> = (arg.get_default_values().iter())
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            let value = defaults.join(", ");
            help += &format!(" {}", f(Lang::Fr, Msg::HelpDefault, &[("value", &value)]));
            arg = arg.hide_default_value(true);
        }
        let values: Vec<String> = (arg.get_possible_values().iter())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            let values = values.join(", ");
            let annotation = f(Lang::Fr, Msg::HelpPossibleValues, &[("values", &values)]);
            help += &format!(" {annotation}");
            arg = arg.hide_possible_values(true);
        }
        // Left as they are when one has no French, which a test forbids.
        let names: Option<Vec<&'static str>> = (value_names(&arg).iter())
            .map(|name| {
                VALUE_NAMES
                    .iter()
                    .find(|(en, _)| en == name)
                    .map(|(_, fr)| *fr)
            })
            .collect();
        if let Some(names) = names {
            arg = arg.value_names(names);
        }
    }
    if let Some(long) = arg.get_long_help().map(ToString::to_string) {
        arg = arg.long_help(french_of(&long).to_owned());
    }
    if arg.get_help_heading() == Some(t(Lang::En, Msg::HelpFilters)) {
        arg = arg.help_heading(t(Lang::Fr, Msg::HelpFilters));
    }
    arg.help(help)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// What `texts` finds in a command, each command and option of it.
    fn shown(
        command: &Command,
        texts: &impl Fn(&Command, &mut BTreeSet<String>),
    ) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut stack = vec![command];
        while let Some(command) = stack.pop() {
            texts(command, &mut out);
            stack.extend(command.get_subcommands());
        }
        out
    }

    /// The placeholders of a command's values.
    fn placeholders(command: &Command, out: &mut BTreeSet<String>) {
        for arg in command.get_arguments() {
            if arg.get_action().takes_values() {
                out.extend(value_names(arg));
            }
        }
    }

    /// A command's descriptions and its options'.
    fn descriptions(command: &Command, out: &mut BTreeSet<String>) {
        out.extend(command.get_about().map(ToString::to_string));
        out.extend(command.get_long_about().map(ToString::to_string));
        for arg in command.get_arguments() {
            out.extend(arg.get_help().map(ToString::to_string));
            out.extend(arg.get_long_help().map(ToString::to_string));
        }
    }

    /// The command line in English, built, so that clap's own flags and `help` are there.
    fn english() -> Command {
        let mut english = crate::cli::command_in(Lang::En);
        english.build();
        english
    }

    #[test]
    fn every_placeholder_has_its_french_and_no_french_is_left_over() {
        let known: BTreeSet<String> = VALUE_NAMES.iter().map(|(en, _)| en.to_string()).collect();
        assert_eq!(shown(&english(), &placeholders), known);
        let french: BTreeSet<String> = VALUE_NAMES.iter().map(|(_, fr)| fr.to_string()).collect();
        let in_french = shown(&crate::cli::command_in(Lang::Fr), &placeholders);
        assert_eq!(in_french, french);
    }

    #[test]
    fn every_description_has_its_french_and_no_french_is_left_over() {
        let shown = shown(&english(), &descriptions);
        let missing: Vec<&String> = shown
            .iter()
            .filter(|en| !FRENCH.iter().any(|(e, _)| e == en))
            .collect();
        assert!(missing.is_empty(), "no French for {missing:#?}");
        let unused: Vec<&str> = (FRENCH.iter())
            .map(|(en, _)| *en)
            .filter(|en| !shown.contains(*en))
            .collect();
        assert!(unused.is_empty(), "French for no description: {unused:#?}");
    }

    #[test]
    fn nothing_clap_shows_in_french_is_left_in_english() {
        for text in shown(&crate::cli::command_in(Lang::Fr), &descriptions) {
            assert!(
                !FRENCH.iter().any(|(en, fr)| *en == text && en != fr),
                "left in English: {text:?}"
            );
        }
    }
}

//! The French catalogue.

use super::Msg::{self, *};

pub(super) fn text(key: Msg) -> &'static str {
    match key {
        ColDue => "Échéance",
        ColWhen => "Quand",
        ColObligation => "Obligation",
        ColPeriod => "Période",
        ColState => "État",
        ColTitle => "Titre",
        ColTo => "Destinataire",
        ColLastClosed => "Dernière clôture",
        ColClosedOn => "Clôturée le",
        ColReference => "Référence",
        ColNextDue => "Prochaine échéance",
        ColMandate => "Mandat",
        ColRule => "Règle",
        ColMeeting => "Réunion",
        ColInstance => "Session",
        ColName => "Nom",
        ColOpens => "Ouverture",
        ColCloses => "Clôture",
        ColDates => "Dates",
        ColRecordedAt => "Enregistré (UTC)",
        ColBy => "Par",
        ColOutcome => "Résultat",
        ColOn => "Le",
        ColDetails => "Détails",
        ColRecord => "Suivi",

        StateOverdue => "en retard",
        StateDueSoon => "échéance proche",
        StateUpcoming => "à venir",
        StateDone => "fait",
        StateDoneLate => "fait en retard",
        StateWaived => "dispensé",
        StateOngoing => "permanent",
        StateUntracked => "non suivi",
        StateWithdrawn => "retiré",

        DaysToday => "aujourd'hui",
        DaysIn => "dans {n} j",
        DaysAgo => "il y a {n} j",
        DaysLate => "en retard de {n} j",

        TentativeNote => "~ la date dépend d'une réunion dont les dates sont estimées",
        LikelyNote => {
            "† la date dépend d'une réunion dont les dates sont probables, non confirmées"
        }
        NothingOverdueOn => "Rien en retard au {date}.",
        NothingDueBy => "Rien en retard ni à échéance d'ici le {date}.",
        NoObligations => "Le registre ne contient aucune obligation.",
        NothingRecorded => "Rien n'est enregistré dans {path}.",
        Filters => "Filtres : {filters}.",
        NoneMatches => "Aucune obligation ne correspond à {filters}.",
        StatusHeading => "État au {date}{at} : {title}",
        LeftOutForWidth => "Colonnes omises faute de place : {columns}.",
        StatusAtOpens => "ouverture de {instance}",
        StatusAtEstimate => {
            "{instance}, dates estimées d'après les dates habituelles de la réunion"
        }

        DatesLikely => "probables",
        DatesEstimate => "estimées",
        DatesConfirmed => "confirmées",

        DigestOverdue => "En retard",
        DigestAttention => "À traiter",
        Tomorrow => "demain",
        OverdueDay => "en retard de {n} jour",
        OverdueDays => "en retard de {n} jours",
        InDays => "dans {n} jours",
        EstimatedDate => ", date estimée",
        LikelyDate => ", date probable, non confirmée",
        DigestTo => "destinataire : {to}",
        DigestMandate => "mandat : {mandate}",
        MilestoneReached => "étape atteinte le {date} : {name}",
        MilestoneComing => "étape prévue le {date} : {name}",
        AsOf => "Situation au {date}.",
        SubjectComing => "{n} à venir",
        SubjectOverdue => "{n} en retard",
        SubjectBoth => "{overdue} en retard, {coming} à venir",
        MailMilestone => "Étape du {date} pour {id} [{period}] : {name}",
        TitleSeparator => " : ",

        LabelId => "identifiant",
        LabelTitleEn => "titre (anglais)",
        LabelTitleFr => "titre",
        LabelMandate => "mandat",
        LabelOwner => "responsable",
        LabelTo => "destinataire",
        LabelRule => "règle",
        LabelLead => "préavis",
        LabelActiveFrom => "en vigueur du",
        LabelActiveUntil => "en vigueur au",
        LabelMilestone => "étape",
        LabelNotes => "remarques",
        LabelRecorded => "enregistré",
        MilestoneDue => "{name} (échéance {offset})",
        MilestoneAtMeeting => "{name} (réunion {at})",
        Clause => "clause (texte adopté)",
        ClauseInEn => "clause (texte adopté, en anglais)",
        ClauseInFr => "clause (texte adopté, en français)",
        HowDatesAreReached => "comment chaque date est obtenue",
        MeetingsHeading => "réunions",
        NoOccurrenceFrom => "Aucune occurrence à partir du {date}.",
        NoOccurrenceOutside => "Aucune occurrence : la date tombe hors de la période de vigueur.",

        RuleOngoing => "permanent",
        RuleOnce => "une fois : {at}",
        RuleEveryYear => "chaque année : {at}",
        RuleEveryQuarter => "chaque trimestre : {at}",
        RuleEveryMonth => "chaque mois : {at}",
        RuleEveryMeeting => "chaque session : {at}",

        Delivered => "remis le {date}",
        WaivedOn => "dispensé le {date} ({reason})",
        OnTime => "à temps",
        LateByDay => "{n} jour de retard",
        LateByDays => "{n} jours de retard",
        Superseded => " (remplacé)",
        DetailRef => "réf. : {text}",
        DetailNote => "note : {text}",
        DetailReason => "motif : {text}",

        ErrUnknownObligation => "aucune obligation `{id}` dans le registre ({hint})",
        ErrDidYouMean => "vouliez-vous dire `{id}` ? `due list` donne les identifiants",
        ErrListShowsIds => "`due list` donne les identifiants",
        ErrUnknownPeriod => {
            "`{id}` n'a pas de période `{period}` (les plus proches : {nearest} ; voir `due show {id}`)"
        }
        ErrNoneNear => "aucune près d'aujourd'hui",
        ErrCandidate => "{period} ({state}, échéance {date})",
        ErrNothingOpen => {
            "`{id}` n'a aucune occurrence ouverte à enregistrer (nommez la période : voir `due show {id}`)"
        }
        ErrRegistryMissing => {
            "le registre {path} n'existe pas (vérifiez le chemin, ou écrivez-y celui par défaut avec `due init PATH`)"
        }
        ErrRegistryDirectory => {
            "le registre {path} est un dossier (indiquez le fichier de registre qu'il contient)"
        }
        ErrUnknownState => "--state : `{given}` n'est pas un état (états possibles : {states})",
        ErrUnknownStateNear => {
            "--state : `{given}` n'est pas un état (vouliez-vous dire `{near}` ? états possibles : {states})"
        }
        ErrBadGlob => "--id : `{pattern}` n'est pas un motif glob ({why})",

        HandoutAsOf => "Situation au {date} ({at}) ; établie le {today}.",
        HandoutAsOfDay => "Situation au {date} ; établie le {today}.",
        SectionAttention => "À traiter : en retard, ou à échéance au plus tard le {date}",
        SectionOnTrack => "Dans les délais, ou remis",
        SectionStanding => "Tâches permanentes (sans échéance)",
        SectionHistory => "Historique : échéances antérieures au {date}, début du suivi",
        NothingNeedsAttention => "Rien n'est en retard ni à échéance d'ici le {date}.",
        ColLastDelivery => "Dernière remise",
        NoneRecorded => "aucune enregistrée",
        TimelineHeading => "Calendrier",
        LegendDeadline => "échéance",
        LegendEstimated => "échéance liée à une réunion aux dates estimées",
        LegendMilestone => "étape",
        LegendToday => "aujourd'hui, {date}",
        LegendConfirmed => "réunion, dates confirmées",
        LegendLikely => "réunion, dates probables",
        LegendEstimate => "réunion, dates estimées",
        MonthsShort => "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
        MeetingsShown => "Réunions",
        DatesFromTo => "du {start} au {end}",
    }
}

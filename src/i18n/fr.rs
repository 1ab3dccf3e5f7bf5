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
        StatusHeading => "État au {date}{at} : {title}",
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
    }
}

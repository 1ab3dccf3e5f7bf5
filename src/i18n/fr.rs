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
        NoneMatches => "Aucune obligation ne passe les filtres.",
        StatusHeading => "État au {date}{at} : {title}",
        LeftOutForWidth => "Colonnes omises faute de place : {columns}.",
        StatusAtOpens => "ouverture de {instance}",
        StatusAtEstimate => {
            "{instance}, dates estimées d'après les dates habituelles de la réunion"
        }
        StatusAtListedEstimate => "{instance}, dates pas encore annoncées : estimation du registre",

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

        HowFixedDate => "date fixe {day}",
        HowDue => "échéance {day}",
        HowDayOfYear => "{md} de {period}",
        HowDayOfQuarter => "jour {day} du mois {month} de {period}",
        HowDayOfMonth => "jour {day} de {period}",
        HowMonthEnd => "{what} → fin du mois {day}",
        HowStarts => "début de {period} ({day})",
        HowEnds => "fin de {period} ({day})",
        HowOpens => "ouverture de {id} {day}",
        HowCloses => "clôture de {id} {day}",
        HowEstimate => "estimation",
        HowLikely => "probable",
        HowPrevious => "jour ouvré précédent",
        HowNext => "jour ouvré suivant",
        HowHoliday => "{day} (jour férié)",
        DayMon => "lun.",
        DayTue => "mar.",
        DayWed => "mer.",
        DayThu => "jeu.",
        DayFri => "ven.",
        DaySat => "sam.",
        DaySun => "dim.",
        RecordedBy => "par {name}",

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
        ErrFarPeriod => {
            "`{id}` {period} arrive à échéance le {due}, plus d'un an après aujourd'hui ({today}) : est-ce une faute de frappe ? (les plus proches : {nearest} ; passez --force pour l'enregistrer quand même)"
        }
        ErrAlreadyRecorded => {
            "`{id}` {period} est déjà enregistré : {standing} (passez --amend pour enregistrer une correction{undo})"
        }
        ErrOrUndo => ", ou retirez-le avec `due undo {id} {period}`",
        ErrOngoing => {
            "`{id}` est une tâche permanente sans échéance : elle n'a aucune occurrence à enregistrer"
        }
        ErrFuture => {
            "--on {on} est postérieur à aujourd'hui ({today}) : enregistrez une remise une fois qu'elle a eu lieu"
        }
        ErrEmpty => "{flag} est vide (un texte est attendu)",
        ErrNotRecorded => "le journal n'a rien d'enregistré pour `{id}` {period} à retirer{hint}",
        ErrEditInRegistry => {
            " (son achèvement est écrit dans le registre {registry} : modifiez-le là)"
        }

        VerdictDone => "fait le {on} (échéance {due})",
        VerdictDoneLate => "fait en retard le {on} (échéance {due}, {late})",
        VerdictRef => ", réf. {text}",
        VerdictWaived => "dispensé le {on}",
        Replacing => ", en remplacement de : {standing}",
        Recorded => "{id} {period} : {what} ; enregistré par {by} dans {path}",
        Withdrawn => "enregistrement « {was} » retiré, {left}",
        OpenAgain => "de nouveau ouvert",
        RegistryStands => "l'enregistrement du registre lui-même s'applique ({standing})",
        DescribeDone => "fait le {on}",
        DescribeWaived => "dispensé le {on} : {reason}",
        HeldBy => ", enregistré par {by}",
        HeldInLedger => ", dans le journal",
        HeldInRegistry => ", dans le registre",

        ErrShowUnknown => {
            "aucune obligation `{id}` dans {registry} (voir `due list` ; identifiants : {ids})"
        }
        ErrNext => "--next : {reason}",
        ErrNextTooFar => "--next va au-delà de la dernière date que `due` peut représenter",
        ErrAt => "--at {at} : {reason}",
        ErrAtNoInstance => {
            "la réunion n'a aucune session à partir du {today} (nommez une session ou une date)"
        }
        ErrAtUnknown => {
            "ni une date (AAAA-MM-JJ) ni une réunion (connues : {known} ; une session s'écrit RÉUNION-ANNÉE)"
        }
        SpanExpectedOffset => "une durée telle que 30d, 6w, 2m ou 1y est attendue",
        SpanExpectedWindow => {
            "un nombre et une unité sont attendus : 30d, 6w, 3m, 1y, ou 30 jours, 6 semaines, 3 mois, 1 an"
        }
        SpanEmpty => "durée vide ({expected})",
        SpanNotADuration => "`{text}` n'est pas une durée ({expected})",
        SpanNoUnit => "`{text}` n'a pas d'unité ({expected})",
        SpanTooLong => "`{text}` est trop long ({limit})",
        SpanLimitOffset => "un décalage va au plus à deux ans",
        SpanLimitWindow => "une fenêtre va au plus à 100 ans",
        IcsFallsDue => "Échéance le {due} : {title}",
        IcsMilestone => "Étape : {name}, avant l'échéance du {due}",
        IcsObligation => "Obligation : {id} ({period})",
        IcsState => "État : {state}",
        IcsTitle => "Titre : {text}",
        IcsMandate => "Mandat : {text}",
        IcsTo => "Destinataire : {text}",
        IcsOwner => "Responsable : {text}",
        IcsMeeting => "Réunion : {text}",
        IcsEstimate => "La date dépend d'une réunion dont les dates sont estimées.",
        IcsLikely => "La date dépend d'une réunion dont les dates sont probables, non confirmées.",

        ColChange => "Changement",
        ColOldDue => "Ancienne échéance",
        ColNewDue => "Nouvelle échéance",
        DiffHeading => "De {old} à {new}, pour ce qui arrive à échéance du {from} au {until} :",
        DiffNothing => {
            "Aucune échéance ajoutée, supprimée ou déplacée, et aucune obligation modifiée."
        }
        DiffNone => "(aucun)",
        DiffEarlier => "{n} jours plus tôt",
        DiffEarlierOne => "{n} jour plus tôt",
        DiffLater => "{n} jours plus tard",
        DiffLaterOne => "{n} jour plus tard",
        DiffGone => "l'enregistrement ne correspond plus à aucune période",
        DiffJudged => "jugé d'après la nouvelle date",
        DiffLedger => "journal : {action} le {on}, {fate}",
        ChangeChanged => "modifié",
        ChangeAdded => "ajouté",
        ChangeRemoved => "supprimé",
        ChangeMoved => "déplacé",

        RegTooLarge => {
            "le registre {path} fait {bytes} octets, plus qu'un registre ne peut en faire (au plus 256 Mio de TOML sont attendus : est-ce le bon fichier ?)"
        }
        RegRead => {
            "impossible de lire le registre {path} : {cause} (vérifiez que cet utilisateur peut lire le fichier)"
        }
        RegDidYouMean => "vouliez-vous dire `{name}` ?",
        RegOneOf => "clés possibles : {list}",
        RegUnknownKey => "clé inconnue `{key}` dans {table} ({hint})",
        RegTooLong => "`{key}` contient {kib} Kio de texte (au plus {max} Kio dans un champ)",
        RegNoMeetings => "aucune réunion n'est définie sous [meetings]",
        RegKnownMeetings => "réunions connues : {list}",
        RegNulByte => {
            "pas un fichier texte : un octet NUL (du texte TOML en UTF-8 est attendu : est-ce le bon fichier ?)"
        }
        RegNotUtf8 => {
            "pas un fichier texte : l'octet {byte} n'est pas de l'UTF-8 (du texte TOML en UTF-8 est attendu : est-ce le bon fichier ?)"
        }
        RegToml => "TOML invalide : {message}",
        RegMissingKey => "{table} n'a pas de `{key}` (elle est obligatoire)",
        RegWrongType => "`{key}` est {found} (attendu : {expected})",
        RegNoSchema => "le registre n'a pas de `schema` (`schema = 1` est attendu en tête)",
        RegWrongSchema => "`schema` doit valoir 1 (la seule version que ce `due` lit)",
        RegTimeZone => {
            "`timezone` : fuseau horaire inconnu `{name}` (un nom IANA tel que Europe/Zurich est attendu)"
        }
        RegWeekday => {
            "`weekend` : `{value}` n'est pas un jour de la semaine (mon, tue, wed, thu, fri, sat ou sun est attendu)"
        }
        RegNoWorkingDay => {
            "`weekend` ferme tous les jours de la semaine (au moins un jour ouvré est attendu)"
        }
        RegRoll => "`roll` : `{value}` n'est pas un report (previous, next ou none est attendu)",
        RegLanguage => {
            "`quote_lang` : `{value}` n'est pas une langue que `due` parle (en ou fr est attendu)"
        }
        RegOfMeeting => "le nom de réunion",
        RegOfInstance => "l'identifiant de session",
        RegOfObligation => "l'identifiant d'obligation",
        RegIdEmpty => "{of} `{id}` est vide (des lettres, chiffres, '-', '_' ou '.' sont attendus)",
        RegIdCharacters => {
            "{of} `{id}` contient d'autres caractères (seuls des lettres ASCII, chiffres, '-', '_' et '.' sont attendus)"
        }
        RegDuplicateObligation => {
            "identifiant d'obligation `{id}` en double (les identifiants doivent être uniques)"
        }
        RegDuplicateInstance => {
            "l'identifiant de session `{id}` est employé deux fois (donnez à l'une d'elles son propre `id`)"
        }
        RegNotARealDay => {
            "`{key}` : {value} n'est pas une date du calendrier (un jour réel est attendu)"
        }
        RegDateWithTime => {
            "`{key}` a une heure (une date telle que 2026-11-30, sans heure, est attendue)"
        }
        RegNotADate => {
            "`{key}` : `{value}` n'est pas une date telle que 2026-11-30 (AAAA-MM-JJ, un jour réel)"
        }
        RegNotARange => {
            "`{key}` : `{value}` n'est ni une date ni une plage de dates (AAAA-MM-JJ ou AAAA-MM-JJ..AAAA-MM-JJ, des jours réels, sont attendus)"
        }
        RegRangeBackwards => {
            "`{key}` : `{value}` finit avant de commencer (le premier jour, `..`, puis le dernier jour sont attendus)"
        }
        RegRangeTooLong => "`{key}` : `{value}` dure plus d'un an (une année est-elle mal tapée ?)",
        RegKeyReason => "`{key}` : {reason}",
        RegBadTypical => {
            "`typical` : `{value}` n'est ni un mois-jour ni une plage (MM-JJ ou MM-JJ..MM-JJ dans une même année est attendu)"
        }
        RegNoDates => {
            "la réunion `{meeting}` n'a pas de `dates` (dates = \"AAAA-MM-JJ..AAAA-MM-JJ\", une table d'années ou une estimation `typical` est attendue)"
        }
        RegTypicalOnSingle => {
            "la réunion `{meeting}` est une réunion unique, et `typical` ne s'applique qu'à une série (des dates données par année sont attendues pour l'employer)"
        }
        RegConfidenceOnSeries => {
            "la réunion `{meeting}` est une série, donc `{key}` se met sur une année (`{example}` est attendu)"
        }
        RegNotAConfidence => {
            "`confidence` : `{value}` n'est pas un degré de certitude (confirmed, likely ou estimate est attendu)"
        }
        RegTentativeContradicts => {
            "`tentative = {tentative}` contredit `confidence = \"{confidence}\"` (l'un des deux est attendu : `tentative = true` équivaut à `confidence = \"estimate\"`)"
        }
        RegNotAYear => {
            "réunion `{meeting}` : `{value}` n'est pas une année (des clés telles que 2026 sont attendues)"
        }
        RegInstanceInWrongYear => {
            "réunion `{meeting}` : une session qui commence le {start} est rangée sous {year} (elle est attendue sous {right})"
        }
        RegActiveUntilBeforeFrom => {
            "obligation `{obligation}` : `active_until` {until} est avant `active_from` {from} (le même jour ou plus tard est attendu)"
        }
        RegMilestonesWithoutDeadline => {
            "l'obligation `{obligation}` n'a pas d'échéance, donc ses étapes n'ont rien à partir de quoi compter (un `due`, ou pas de `milestones`, est attendu)"
        }
        RegNotAMilestoneReference => {
            "`at` : `{name}` n'est ni `due` ni une réunion (`due - 4w` ou `RÉUNION - 30d` est attendu ; {hint})"
        }
        RegBadOffset => {
            "`{key}` : `{value}` n'est pas compris (un nom est attendu, puis éventuellement + ou - entouré d'espaces et une durée, comme `council - 4w`)"
        }
        RegEveryWithoutDue => {
            "`every` n'a pas de `due` à côté (un `due` disant quand l'échéance tombe dans chaque période est attendu, tel que `due = \"11-30\"`)"
        }
        RegNotARecurrence => {
            "`every` : `{value}` n'est pas une périodicité (year, quarter, month ou meeting est attendu)"
        }
        RegQuarterlyDue => {
            "pour une échéance trimestrielle, M-JJ : le mois du trimestre 1-3 et un jour, tel que 3-31, ou `end + 30d`"
        }
        RegMonthlyDue => "pour une échéance mensuelle, le jour du mois, tel que 15, ou `end - 5d`",
        RegDueNotUnderstood => "`due` : `{value}` n'est pas compris (attendu : {expected})",
        RegSeriesAsOneOff => {
            "`due` : `{meeting}` est une série, et une échéance unique a besoin d'une seule réunion (une session telle que `{meeting}-2026`, ou `every = \"year\"` pour qu'elle revienne, est attendue)"
        }
        RegSingleMeetingRecurs => {
            "`due` : `{meeting}` est une réunion unique, elle ne peut donc pas revenir (pas de `every` est attendu, pour en faire une échéance unique)"
        }
        RegNotACalendarDay => {
            "`due` : `{value}` n'est pas une date du calendrier (AAAA-MM-JJ, un jour réel, est attendu)"
        }
        RegNotADayOfYear => {
            "`due` : `{value}` n'est pas un jour de l'année (MM-JJ, un jour réel tel que 11-30, est attendu)"
        }
        RegUnknownMeeting => "`due` : aucune réunion `{name}` ({hint})",
        ShapeString => "une chaîne",
        ShapeInteger => "un entier",
        ShapeFloat => "un nombre décimal",
        ShapeBoolean => "un booléen",
        ShapeDate => "une date",
        ShapeArray => "un tableau",
        ShapeTable => "une table",
        ShapeADate => "une date telle que 2026-11-30",
        ShapeDuration => "une durée telle que \"30d\"",
        ShapeText => "une chaîne ou une table {table}",
        ShapeDates => "une plage de dates \"AAAA-MM-JJ..AAAA-MM-JJ\" ou une table d'années",
        ShapeTrueOrFalse => "true ou false",
        TableRegistry => "le registre",
        TableMeeting => "la réunion `{name}`",
        TableObligation => "l'obligation `{id}`",
        TableInstance => "une session de réunion",
        TableMilestone => "une étape",
        TableDone => "une entrée `done`",

        LedgerLeftAsItIs => {
            "(le journal est resté tel quel : corrigez-le, ou restaurez-le depuis le gestionnaire de versions, puis relancez la commande)"
        }
        LedgerRead => "impossible de lire le journal {path} : {cause}",
        LedgerNotUtf8 => {
            "l'octet {byte} n'est pas du texte UTF-8 (le journal est un fichier texte)"
        }
        TheRecord => "l'enregistrement",
        MigrateHoldsRecords => "{path} contient déjà des enregistrements",
        MigrateNotAFile => "{path} n'est pas un journal en un seul fichier",
        MigrateToAFile => "{path} est un fichier : nommez un dossier tel que ledger/",
        CopiedRecord => {
            "{n} enregistrement copié de {from} vers {to}, un fichier chacun ; {from} est laissé tel quel"
        }
        CopiedRecords => {
            "{n} enregistrements copiés de {from} vers {to}, un fichier chacun ; {from} est laissé tel quel"
        }
        MigrateNext => {
            "ensuite : mettez `{key}` dans le registre, puis retirez {from} (`git rm`) dans le même commit"
        }
        LockBusy => {
            "le verrou {path} est tenu par un autre processus ; abandon au bout de {seconds} s (--lock-timeout)"
        }
        LockOpen => "impossible d'ouvrir le fichier de verrou {path} : {cause}",
        LockWaiting => {
            "attente du verrou du journal {ledger} ({lock} est tenu par un autre processus ; abandon au bout de {seconds} s)"
        }
        LedgerNotInAction => "`{key}` n'a pas sa place dans un enregistrement `{action}`",
        LedgerMissingForAction => "un enregistrement `{action}` a besoin de `{key}`",
        LedgerUnknownAction => {
            "action inconnue `{action}` : `done`, `waived` ou `undone` est attendu"
        }
        LedgerEmpty => "`{key}` est vide : un texte non vide est attendu",
        LedgerNotADate => {
            "`{text}` n'est pas une date : une date seule telle que 2027-03-01 est attendue"
        }
        LedgerNoTimeZone => {
            "`{text}` n'a pas de fuseau horaire : une heure telle que 2027-03-01T09:30:00Z est attendue"
        }
        LedgerWrite => {
            "impossible d'écrire le journal {path} : {cause} (choisissez un emplacement accessible en écriture avec --ledger PATH ou DUE_LEDGER)"
        }
        LedgerMigrate => "impossible de déplacer le journal : {why}",
        LedgerLock => "impossible d'écrire le journal {path} : {cause}",
        LedgerNoDataDir => {
            "aucun répertoire de données n'est connu pour cet utilisateur, il n'y a donc pas de journal par défaut : indiquez-en un avec --ledger PATH ou DUE_LEDGER"
        }

        ErrLockTimeoutOnListing => {
            "--lock-timeout s'applique à `done`, `undo`, `waive` et `ledger`, pas aux listes"
        }
        ErrNotTaken => "`due {command}` ne prend pas --{option} (voir `due {command} --help`)",
        ErrIcsHere => {
            "--format ics liste des occurrences : employez-le avec `due`, `due overdue` ou `due remind`"
        }
        ErrNotADate => "`{text}` n'est pas une date (AAAA-MM-JJ, un jour réel, est attendu)",
        ErrNotAnAddress => {
            "`{text}` n'est pas une adresse électronique ({why} ; adr@example.org ou Nom <adr@example.org> est attendu)"
        }
        ClapUnknownArgument => "argument inattendu « {arg} »",
        ClapUnknownCommand => "commande inconnue « {arg} »",
        ClapInvalidValue => {
            "valeur « {value} » invalide pour « {arg} » (valeurs possibles : {valid})"
        }
        ClapMissingValue => "« {arg} » demande une valeur, et aucune n'est donnée",
        ClapValidation => "valeur « {value} » invalide pour « {arg} » : {reason}",
        ClapMissing => "arguments obligatoires manquants : {arg}",
        ClapTwice => "l'argument « {arg} » ne peut être donné qu'une fois",
        ClapConflict => "l'argument « {arg} » ne peut pas être employé avec « {prior} »",
        ClapDidYouMean => " (il en existe un semblable : « {suggested} »)",
        ClapMore => "Pour en savoir plus, essayez « --help ».",
        HelpUsage => "Utilisation :",
        HelpCommands => "Commandes",
        HelpCommandValue => "COMMANDE",
        HelpFilters => "Filtres",
        HelpDefault => "[par défaut : {value}]",
        HelpPossibleValues => "[valeurs possibles : {values}]",
        HelpVariable => "[variable : {name}]",
        HelpRegistryInUse => "Registre utilisé : {source}",
        HelpExitCodes => {
            "Statut de sortie : 0 succès ; 1 avec --exit-code quand la liste n'est pas vide ;\n\
             2 erreurs d'utilisation et entrée invalide (registre, journal, dates)."
        }
        HelpExitCodesPlain => {
            "Statut de sortie : 0 succès ; 2 erreurs d'utilisation et entrée invalide (registre,\n\
             journal, dates)."
        }
        ErrFormatWithMail => {
            "--format ne s'applique pas à un message électronique (--mail, --smtp)"
        }
        HolidayExpected => {
            "attendu : `MM-DD`, `easter ± N` ou `ORDINAL WEEKDAY of MONTH ± N`, tel que `01-01`, `easter - 2d` ou `first sun of sep + 4d`"
        }
        HolidayNotARule => "`{text}` n'est pas une règle de jour férié ({expected})",
        HolidayMonthDayOffset => {
            "`{text}` : un jour férié à date fixe ne prend pas de décalage (écrivez le jour lui-même)"
        }
        HolidayOrdinal => {
            "`{word}` dans `{text}` n'est pas un ordinal : first, second, third, fourth ou last"
        }
        HolidayWeekday => {
            "`{word}` dans `{text}` n'est pas un jour de la semaine (mon … sun) ({expected})"
        }
        HolidayMonth => "`{word}` dans `{text}` n'est pas un mois (jan … dec) ({expected})",
        HolidayOffsetUnit => {
            "`{text}` : le décalage d'un jour férié se compte en jours ou en semaines (`4d`, `1w`), pour qu'il désigne un seul jour chaque année"
        }
        SmtpNotUrl => {
            "--smtp : pas une URL ({why}) ; attendu : smtps://HÔTE[:PORT] ou smtp://HÔTE[:PORT][?tls=required|opportunistic]"
        }
        SmtpScheme => "--smtp : schéma inconnu `{scheme}`, `smtps` ou `smtp` est attendu",
        SmtpNoHost => "--smtp : l'URL ne nomme aucun hôte",
        SmtpCredentialsInUrl => {
            "--smtp : l'URL contient des identifiants ; donnez-les plutôt dans {user} et {password}"
        }
        SmtpExtra => "--smtp : l'URL a un {part}, que `due` n'emploie pas ; retirez-le",
        UrlPath => "chemin",
        UrlFragment => "fragment (#)",
        SmtpUnknownParameter => {
            "--smtp : paramètre inconnu `{name}` (le seul est `tls`, sur les URL smtp://)"
        }
        SmtpRepeated => "--smtp : `{name}` est donné plusieurs fois ; donnez-le une fois",
        SmtpTlsValue => {
            "--smtp : valeur tls inconnue `{value}`, `required` ou `opportunistic` est attendu"
        }
        SmtpTlsOnSmtps => {
            "--smtp : `tls` ne s'applique pas à smtps://, qui est en TLS dès le départ"
        }
        SmtpHalfCredentials => "définissez à la fois {user} et {password}, ou aucun des deux",
        SmtpPlainCredentials => {
            "--smtp : refus d'envoyer le mot de passe de {user} sans chiffrement (employez smtps:// ou ?tls=required)"
        }
        SmtpNotEncrypted => {
            "--smtp : {host} n'a pas proposé STARTTLS, la connexion n'est donc pas chiffrée : refus d'envoyer le mot de passe de {user} (employez smtps:// ou ?tls=required)"
        }
        SmtpFailed => "l'envoi par {host} a échoué pendant {step} : {message}",
        SmtpTimedOut => {
            "l'envoi par {host} a abandonné au bout de {seconds} s (--smtp-timeout) pendant {step}"
        }
        StepConnect => "la connexion (connexion, TLS, accueil, EHLO)",
        StepStartTls => "STARTTLS",
        StepAuth => "AUTH",
        StepMessage => "le message (MAIL FROM, RCPT TO, DATA)",
        StepQuit => "QUIT",
        Wrote => "écrit : {path}",
        ErrExists => "{path} existe déjà (passez --force pour l'écraser)",
        HintHere => {
            "`due` lancé dans ce répertoire le lit ; `due validate` dit quel registre est lu"
        }
        HintDefault => {
            "`due` le lit par défaut, sauf dans un répertoire qui a son propre obligations.toml ; `due validate` dit quel registre est lu"
        }
        HintPass => "pour l'utiliser, passez `--registry {path}` ou définissez DUE_REGISTRY={path}",
        HintPassOrRunThere => {
            "pour l'utiliser, passez `--registry {path}` ou définissez DUE_REGISTRY={path}, ou lancez `due` dans son répertoire"
        }
        TeamNextSteps => {
            "ensuite : cd {dir} && git init && git add . && git commit -m \"Registry and ledger\", puis publiez-le sur votre forge\ndans chaque clone, `due` lancé sur place lit ce registre et enregistre dans son ledger/ ; pour l'utiliser de partout (cron compris) : export DUE_REGISTRY=$PWD/obligations.toml"
        }

        Conflict => {
            "conflit : `{id}` {period} a été enregistré différemment à {n} endroits (clones) ; les listes suivent le dernier enregistré"
        }
        ConflictStands => " (retenu)",
        ConflictSettle => {
            "réglez-le en enregistrant de nouveau l'occurrence (`due done {id} {period} --amend …`, `due waive {id} {period} --amend …`, ou `due undo {id} {period}`) : le nouvel enregistrement remplace ceux-ci"
        }
        ConflictRecordedAt => ", enregistré le {at}",
        ConflictWaived => "dispensé le {on} ({reason})",

        EmbeddedRegistry => "(intégré) obligations.toml",
        StrayCompletion => {
            "l'obligation `{id}` enregistre un achèvement pour `{period}`, qui n'est pas l'une de ses périodes"
        }
        ValidRegistry => "registre : {registry}",
        ValidLedger => "journal : {ledger}",
        ValidLedgerWarning => "avertissement : journal {ledger} : {warning}",
        ValidHolidays => {
            "avertissement : [calendar] donne les jours fériés sous forme de dates, aucun en {years}, où tombent des échéances : une échéance un jour férié de ces années n'est pas déplacée (donnez les jours fériés de ces années, ou écrivez-les en `holiday_rules`)"
        }
        ValidConflict => {
            "le journal enregistre {n} occurrence de deux façons différentes (voir ci-dessus)"
        }
        ValidConflicts => {
            "le journal enregistre {n} occurrences de deux façons différentes (voir ci-dessus)"
        }
        ValidOk => "ok",
        SummaryTitle => "titre : {title}",
        SummaryCounts => "{obligations}, {meetings} ({instances}), fuseau horaire {zone}",
        CountObligation => "{n} obligation",
        CountObligations => "{n} obligations",
        CountMeeting => "{n} réunion",
        CountMeetings => "{n} réunions",
        CountInstance => "{n} session datée",
        CountInstances => "{n} sessions datées",
        FoundGiven => "indiqué par --registry ou DUE_REGISTRY",
        FoundHere => "trouvé dans le répertoire de travail",
        FoundConfig => "celui de l'utilisateur, dans le répertoire de configuration",
        FoundEmbedded => "le registre de la Résolution 1332 intégré",
        LedgerGiven => "indiqué par --ledger ou DUE_LEDGER",
        LedgerNamed => "nommé par le registre",
        LedgerDefault => "celui par défaut pour ce registre",
        StrayObligation => {
            "enregistrement du journal pour `{id}` {period} : le registre n'a pas cette obligation"
        }
        StrayPeriod => {
            "enregistrement du journal pour `{id}` {period} : l'obligation n'a plus cette période"
        }
        ErrUnknownState => "--state : `{given}` n'est pas un état (états possibles : {states})",
        ErrUnknownStateNear => {
            "--state : `{given}` n'est pas un état (vouliez-vous dire `{near}` ? états possibles : {states})"
        }
        ErrBadGlob => "--id : `{pattern}` n'est pas un motif glob ({why})",

        PageDueBy => "En retard, ou à échéance d'ici le {until} ; situation au {date}.",
        PageOverdueOn => "En retard au {date}.",
        HandoutAsOf => "Situation au {date} ({at}) ; établie le {today}.",
        HandoutAsOfDay => "Situation au {date} ; établie le {today}.",
        SectionAttention => "À traiter : en retard, ou à échéance au plus tard le {date}",
        SectionOnTrack => "Dans les délais, ou remis",
        SectionStanding => "Tâches permanentes (sans échéance)",
        SectionHistory => "Historique : échéances antérieures au {date}, début du suivi",
        HistoryLeftOut => {
            "Historique omis : {count} (échéances antérieures au {date}, rien d'enregistré) ; --all l'affiche."
        }
        NothingNeedsAttention => "Rien n'est en retard ni à échéance d'ici le {date}.",
        ColLastDelivery => "Dernière remise",
        NoneRecorded => "aucune enregistrée",
        TimelineHeading => "Calendrier",
        LegendDeadline => "échéance",
        LegendEstimated => "échéance liée à une réunion aux dates estimées",
        LegendClosed => "échéance close : remise ou dispense",
        LegendMilestone => "étape",
        LegendToday => "aujourd'hui, {date}",
        LegendConfirmed => "réunion, dates confirmées",
        LegendLikely => "réunion, dates probables",
        LegendEstimate => "réunion, dates estimées",
        MonthsShort => "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
        HandoutFor => "Établie pour : {name}, {dates}.",
        DatesFromTo => "du {start} au {end}",
    }
}

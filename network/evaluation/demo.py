"""Demo of the evaluation questionnaire: one survey, marked demo, whose free-text answers are
the seed's own quotes from municipal staff (verbatim, slide line breaks joined), and whose
Likert answers are illustrative and consistent with each quote; the seed shows the answer
counts only as pictures, so no real figures exist to copy.

One response per quote. The respondent's field of work is the one the seed states
("Sociālais dienests uzskata…", "Bāriņtiesa atzīst…"); where it states none, "cits". The
Jelgava quote about one young mother's schooling is left out: it is about a family.
Loading twice changes nothing: an existing demo survey is kept as it is.
"""

import datetime

from django.utils import timezone

from network.directory.models import MunicipalityPage
from network.evaluation.models import (
    LIKERT_KEYS,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSurvey,
    FieldOfWork,
)

SURVEY_TITLE = "Romu mediatoru darba izvērtējums 2019/2020 (demo)"
PERIOD = "2019. gada septembris – 2020. gada aprīlis"
ANSWERED_AT = datetime.datetime(2020, 4, 15, 10, 0, tzinfo=datetime.UTC)
UNUSED_DAYS = 90

Y, RY, RN, N, DK = "yes", "rather_yes", "rather_no", "no", "dont_know"
OTHER = FieldOfWork.OTHER
ACHIEVEMENTS, KEEP_IN_VIEW = "achievements", "keep_in_view"

# (municipality slug, field of work, question, the seed's words,
#  Likert answers in the order of LIKERT_KEYS: communication, needs reported, access to
#  services, coordination, joint evaluation and planning)
ANSWERS = [
    (
        "jelgava",
        OTHER,
        ACHIEVEMENTS,
        "Mediatora darbs palīdz mazināt stereotipus par romu tautību pārstāvjiem, kā arī "
        "veicināt dažādu kultūru pārstāvju sadarbību savā starpā.",
        (Y, RY, RY, RY, DK),
    ),
    (
        "jelgava",
        OTHER,
        KEEP_IN_VIEW,
        "Romu mediators jau pašlaik cenšas aptvert visu romu ģimenēm nepieciešamo jautājumu "
        "loku, kas ir ļoti daudzveidīgs, kā arī mediatoram visu laiku ir jābūt informētam par "
        "aktualitātēm valstī, lai spētu ātri reaģēt nepieciešamās situācijās.",
        (RY, Y, RY, RY, DK),
    ),
    (
        "jelgava",
        OTHER,
        ACHIEVEMENTS,
        "Uzskatu, ka Jelgavā romu mediators sekmīgi veic savus pienākumus.",
        (Y, Y, Y, RY, RY),
    ),
    (
        "ventspils",
        FieldOfWork.SOCIAL_SERVICE,
        ACHIEVEMENTS,
        "Sociālais dienests uzskata, ka Malda Avramenko profesionāli veic mediatora darbu, lai "
        "mazinātu romu ģimeņu sociālo atstumtību",
        (Y, Y, Y, Y, RY),
    ),
    (
        "ventspils",
        OTHER,
        ACHIEVEMENTS,
        "Romu mediatore viennozīmīgi ir uzlabojusi saziņu, izskaidrojot romiem normatīvo aktu "
        "būtību, iestāžu kompetences, darbības/bezdarbības sekas",
        (Y, RY, Y, RY, DK),
    ),
    (
        "ventspils",
        OTHER,
        ACHIEVEMENTS,
        "Romu ģimenēm bieži nav izpratnes par pašvaldībā pieejamiem resursiem, kur var vērsties "
        "pēc atbalsta problēmu risināšanā. Rezultātā sociālā rakstura problēmas: parādi, "
        "veselības problēmas, skolas kavējumi utt. ieilgst un bērnu drošība ģimenē pakļauta "
        "augstiem riskiem. Malda Avramenko ar savu darbību mazina iepriekš minētos riskus "
        "ģimenēs, veicinot viņu veiksmīgāku integrāciju sabiedrībā.",
        (RY, Y, Y, RY, DK),
    ),
    (
        "ventspils",
        OTHER,
        ACHIEVEMENTS,
        "Malda romu mediatora pienākumus veic apzinīgi, palīdz romiem dokumentu noformēšanā, "
        "izskaidro situācijas par īres un komunālo maksājumu parādiem, palīdz sadarboties ar "
        "bankām par automātisko maksājumu veikšanu.",
        (Y, RY, Y, RY, RN),
    ),
    (
        "ventspils",
        OTHER,
        KEEP_IN_VIEW,
        "Uzskatu, ka, ņemot vērā to, ka Ventspilī ir daudz problemātisku romu ģimeņu, Maldai "
        "Avramenko ir pārāk liela slodze, jo savus pienākumus viņa veic godprātīgi, ar pilnu "
        "atdevi. Būtu nepieciešams palīgs.",
        (Y, Y, RY, RY, RY),
    ),
    (
        "vilaka",
        OTHER,
        ACHIEVEMENTS,
        "Mediators, kurš uzklausa katru klienta problēmu, ir ļoti liels atbalsts romu tautības "
        "cilvēkiem. Paldies!",
        (Y, RY, RY, DK, DK),
    ),
    (
        "vilaka",
        OTHER,
        ACHIEVEMENTS,
        "Mediatores Rasmas darbs novadā palīdz tuvināt dažādu kultūru pārstāvjus, integrēt "
        "romus sabiedrībā, iepazīstināt sabiedrību ar romu vēsturi un kultūru, atvieglo "
        "pašvaldības dažādu struktūrvienību darbu, piem., Bāriņtiesas, Izglītības, kultūras un "
        "sporta pārvaldes, Sociālā dienesta, Pašvaldības policista, romu koordinatora.",
        (Y, Y, RY, Y, RY),
    ),
    (
        "vilaka",
        FieldOfWork.ORPHANS_COURT,
        ACHIEVEMENTS,
        "Bāriņtiesa atzīst, ka romu mediators savu darbu veic pēc labākās sirdsapziņas. "
        "Rīcība vienmēr ir saskaņota.",
        (RY, RY, RY, Y, RY),
    ),
    (
        "vilaka",
        OTHER,
        ACHIEVEMENTS,
        "Mediators dara daudz savu iespēju robežās. Pozitīvi rezultāti bija jūtami uzreiz pēc "
        "romu mediatora darba uzsākšanas. Mums ir izveidojusies cieša sadarbība un meklēti, kā "
        "arī atrasti problēmjautājumu risinājumu ceļi. LIELS PALDIES RASMAI ZAHARENKO par "
        "uzņēmību un kvalitatīvu darbu!",
        (Y, Y, Y, Y, Y),
    ),
    (
        "riga",
        OTHER,
        ACHIEVEMENTS,
        "Romi vairāk uzticas savas tautības pārstāvjiem, romu mediators palīdz mums veidot "
        "dialogu. Tas atvieglo sadarbību.",
        (Y, RY, RY, RY, DK),
    ),
    (
        "riga",
        OTHER,
        ACHIEVEMENTS,
        "Romu ģimenēm bija izveidojušies lieli parādi par dzīvokļa komunālajiem maksājumiem. "
        "Mediators palīdzēja sastādīt vienošanos (grafiku) par parādu nomaksu. Romu ģimenes "
        "pārstāvji labāk iet uz kontaktu ar savas tautības mediatoru. Rezultātā mazinās "
        "dzīvokļu parādi.",
        (RY, RY, Y, RY, RN),
    ),
    (
        "riga",
        OTHER,
        ACHIEVEMENTS,
        "Pēc mūsu novērojumiem, pēc romu mediatora darba ar ģimenēm, šo ģimeņu bērni regulāri "
        "apmeklē bērnudārzu, ir sakopti un tīri.",
        (RY, RY, Y, DK, DK),
    ),
    (
        "riga",
        OTHER,
        ACHIEVEMENTS,
        "Uzskatu, ka romu mediators labi izpilda savu darbu, cilvēki viņai uzticas un sadarbojas.",
        (Y, RY, RY, RY, DK),
    ),
    (
        "valmiera",
        OTHER,
        ACHIEVEMENTS,
        "Mediatore darbu uzsāka ieinteresēti un veica profesionāli, izmantoja visus pieejamos "
        "resursus, lai nodrošinātu konkrētajai ģimenei vajadzīgo palīdzību.",
        (RY, RY, RY, RY, DK),
    ),
    (
        "valmiera",
        OTHER,
        ACHIEVEMENTS,
        "Konkrētā romu mediatora darbības laiks bija pārāk īss, lai paveiktu konkrētus darbus.",
        (DK, RN, DK, DK, N),
    ),
]

# Links not yet used, so an editor can try the form: (municipality slug, field of work).
UNUSED = [("jelgava", FieldOfWork.EDUCATION), ("vilaka", FieldOfWork.EMPLOYMENT_AGENCY)]


def load(site, log):
    from knowledge.demo import add_evaluation_results

    survey = EvaluationSurvey.objects.filter(title=SURVEY_TITLE, is_demo=True).first()
    if survey is None:
        survey = create_survey(site)
        log(
            f"network: demo evaluation survey, {survey.responses().count()} answers from the "
            f"seed's quotes, {survey.invitations.filter(used_at__isnull=True).count()} unused links"
        )
    if add_evaluation_results(site, survey):
        log("knowledge: evaluation results block on the demo seminar page")


def create_survey(site):
    municipalities = {
        page.slug: page for page in MunicipalityPage.objects.descendant_of(site.root_page)
    }
    survey = EvaluationSurvey.objects.create(
        title=SURVEY_TITLE, period=PERIOD, is_open=True, is_demo=True
    )
    for slug, field_of_work, question, text, likert in ANSWERS:
        if slug not in municipalities:
            continue
        invitation = EvaluationInvitation.objects.create(
            survey=survey,
            municipality=municipalities[slug],
            field_of_work=field_of_work,
            expires_on=ANSWERED_AT.date() + datetime.timedelta(days=15),
            used_at=ANSWERED_AT,
        )
        EvaluationResponse.objects.create(
            invitation=invitation,
            submitted_at=ANSWERED_AT,
            **dict(zip(LIKERT_KEYS, likert, strict=True)),
            **{question: text},
        )
    for slug, field_of_work in UNUSED:
        if slug in municipalities:
            EvaluationInvitation.objects.create(
                survey=survey,
                municipality=municipalities[slug],
                field_of_work=field_of_work,
                expires_on=timezone.localdate() + datetime.timedelta(days=UNUSED_DAYS),
            )
    return survey

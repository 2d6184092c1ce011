"""Mediators' questions about the seed's situations, with what must be in the first three.

Documents are named by kind and title as load_demo creates them (stable across runs). An
`AnyOf` entry passes when one of its documents is there (e.g. five equal school entries).
"Top three" is counted as the search page shows results, group by group: an expected contact
must be among the first three under "Kam zvanīt", an expected guide or article among the first
three under "Vadlīnijas un labā prakse" (on the first page).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AnyOf:
    documents: tuple


# Whom to call.
VENTSPILS_HOUSING = ("service", "Dzīvokļu jautājumi — Ventspils pašvaldības Dzīvokļu nodaļa")
VENTSPILS_SOCIAL = ("service", "Sociālais dienests — Ventspils pilsētas sociālā pārvalde")
VENTSPILS_POLICE = (
    "service",
    "Nepilngadīgo lietu inspektori — Valsts policijas Kurzemes reģiona pārvalde",
)
VENTSPILS_SCHOOLS = AnyOf(
    (
        ("service", "Bērnu tiesību aizsardzība izglītībā — Ventspils izglītības pārvalde"),
        ("service", "Skolas administrācija un sociālais pedagogs — Ventspils Pārventas pamatskola"),
        ("service", "Skolas administrācija un sociālais pedagogs — Ventspils 1. pamatskola"),
        ("service", "Skolas administrācija un sociālais pedagogs — Ventspils 2. pamatskola"),
        ("service", "Skolas administrācija un sociālais pedagogs — Ventspils 6. vidusskola"),
        ("service", "Skolas administrācija un sociālais pedagogs — Annahites pamatskola"),
        (
            "service",
            "Skolas administrācija un sociālais pedagogs — "
            "Viduskurzemes pamatskola – attīstības centrs",
        ),
    )
)
VALMIERA_SCHOOLS = AnyOf(
    tuple(
        ("service", f"Izglītības iestādes vadība un sociālais pedagogs — {name}")
        for name in (
            "Valmieras sākumskola",
            "Valmieras 2. vidusskola",
            "Kocēnu pamatskola",
            "Valmieras Gaujas krasta vidusskola – attīstības centrs",
            "Pirmsskolas izglītības iestāde “Buratino”",
        )
    )
)
VALMIERA_PRESCHOOL = (
    "service",
    "Izglītības iestādes vadība un sociālais pedagogs — Pirmsskolas izglītības iestāde “Buratino”",
)
VILAKA_PRESCHOOL = (
    "service",
    "Izglītības iestādes administrācija — Pirmsskolas izglītības iestāde “Pasaciņa”",
)
VILAKA_HOUSING = ("service", "Dzīvokļu apsaimniekošana — SIA “Viļakas namsaimnieks”")
VILAKA_SOCIAL = ("service", "Sociālais dienests — Viļakas novada Sociālā pārvalde")
VILAKA_ORPHANS_COURT = ("service", "Bāriņtiesa — Viļakas novada bāriņtiesa")
VALMIERA_SOCIAL = ("service", "Sociālais dienests — Valmieras Sociālā pārvalde")
JELGAVA_SOCIAL = (
    "service",
    "Sociālā palīdzība un sociālie pakalpojumi — Jelgavas pilsētas Sociālā pārvalde",
)
NVA = ("service", "Darba meklētāju atbalsts — Nodarbinātības valsts aģentūra")
NVA_ORGANIZATION = ("organization", "Nodarbinātības valsts aģentūra")
INFECTOLOGY = ("service", "Diagnostika un ārstēšana — Rīgas Infektoloģijas centrs")
JELGAVA_ADULT_SCHOOL = (
    "service",
    "Pamatizglītības ieguve un arodmācības pieaugušajiem — Jelgavas Amatu vidusskola",
)
TOY_LIBRARY = ("service", "Rotaļlietu bibliotēka — Rotaļlietu bibliotēka “Ringla”")
RIGA_FOOD_AID = AnyOf(
    (
        ("service", "Humānā palīdzība — Evaņģēlisko kristiešu draudze “Zilais Krusts”"),
        ("service", "Humānā palīdzība — Biedrība “Labdarības lapa”"),
        ("service", "Humānā palīdzība — “Cerība bērniem”"),
    )
)
# Guides and good practice.
DEBT_SCHEDULES = ("article", "Parādu nomaksas grafiki komunālajiem maksājumiem")
REMOTE_LEARNING = ("article", "Atbalsts bērniem attālinātajās mācībās")
SOCIAL_PEDAGOGUES = ("article", "Sadarbība ar skolu sociālajiem pedagogiem")
ADULT_EDUCATION = ("article", "Pamatizglītības ieguve pieaugušajiem Jelgavā")
TOY_LIBRARY_ARTICLE = ("article", "Rotaļlietu bibliotēka “Ringla” Jelgavā")
INFO_DAYS = ("article", "Informatīvās dienas bibliotēkā Viļakā")
SEMINAR = ("seminar", "Romu mediatoru pieredzes apmaiņas seminārs")
GUIDE_SCHOOL = ("guide", "Sadarbojieties ar skolu")
GUIDE_TRUST = ("guide", "Veidojiet uzticēšanos")
GUIDE_REPORT = ("guide", "Iesniedziet atskaiti un uzturiet saziņu")
GUIDE_SPECIALISTS = ("guide", "Iepazīstieties ar pašvaldības speciālistiem")
VENTSPILS = ("municipality", "Ventspils")
JELGAVA = ("municipality", "Jelgava")

CASES = [
    # Rent and utility debts.
    ("ģimenei Ventspilī ir īres parādi", [VENTSPILS_HOUSING, VENTSPILS_SOCIAL]),
    ("gimenei ventspili ir ires paradi", [VENTSPILS_HOUSING, VENTSPILS_SOCIAL]),
    ("īres parāds Ventspils", [VENTSPILS_HOUSING]),
    ("komunālo maksājumu parādi", [DEBT_SCHEDULES]),
    ("parādu nomaksas grafiks", [DEBT_SCHEDULES]),
    ("komunalie maksajumi paradu grafiks", [DEBT_SCHEDULES]),
    ("dzīvokļa jautājumi Viļakā", [VILAKA_HOUSING]),
    ("dzivoklu apsaimniekosana vilaka", [VILAKA_HOUSING]),
    ("dzīvokļu jautājumi Valmierā", [VALMIERA_SOCIAL]),
    ("mājoklis Ventspilī", [VENTSPILS_HOUSING]),
    # School absence and education.
    ("skolas kavējumi Valmierā", [VALMIERA_SCHOOLS]),
    ("bērns neapmeklē skolu Ventspilī", [VENTSPILS_SCHOOLS]),
    ("skolas apmeklejums ventspili", [VENTSPILS_SCHOOLS]),
    ("mācību kavējumi un sociālais pedagogs", [VALMIERA_SCHOOLS, SOCIAL_PEDAGOGUES]),
    ("attālinātās mācības bērniem bez datora", [VENTSPILS_SCHOOLS, REMOTE_LEARNING]),
    ("kā sadarboties ar skolu", [GUIDE_SCHOOL]),
    ("pirmsskola Viļakā", [VILAKA_PRESCHOOL]),
    ("PII Valmierā", [VALMIERA_PRESCHOOL]),
    ("pamatizglītība pieaugušajiem Jelgavā", [JELGAVA_ADULT_SCHOOL, ADULT_EDUCATION]),
    ("rotalietu biblioteka jelgava", [TOY_LIBRARY, TOY_LIBRARY_ARTICLE]),
    # Finding work through NVA.
    ("NVA Viļakā", [NVA]),
    ("darba meklēšana Ventspilī", [NVA]),
    ("darbā iekārtošanās", [NVA]),
    ("nodarbinatibas valsts agentura", [NVA, NVA_ORGANIZATION]),
    ("bezdarbniekam vajag darbu Viļakā", [NVA]),
    ("arodmācības konditors", [JELGAVA_ADULT_SCHOOL]),
    # Doctor visits and vaccination.
    ("ārsts Ventspilī", [INFECTOLOGY]),
    ("infektoloģijas centrs", [INFECTOLOGY]),
    ("diagnostika un ārstēšana Rīgā", [INFECTOLOGY]),
    ("vakcinācija", [SEMINAR]),
    ("bērnu vakcinēšana un ārsta apmeklējums", [SEMINAR]),
    ("veselības informatīvās dienas Viļakā", [INFO_DAYS]),
    # Documents and declarations.
    ("dokumenti pamatizglītības iegūšanai", [JELGAVA_ADULT_SCHOOL]),
    ("deklarēšanās un dokumenti", [SEMINAR]),
    # Benefits, food aid, social services, crisis.
    ("pārtikas pakas Rīgā", [RIGA_FOOD_AID]),
    ("zupas virtuve Ventspilī", [VENTSPILS_SOCIAL]),
    ("sociālais dienests Jelgavā", [JELGAVA_SOCIAL]),
    ("socialais dienests valmiera", [VALMIERA_SOCIAL]),
    ("trūcīgas ģimenes Ventspilī", [VENTSPILS_SOCIAL]),
    ("bāriņtiesa Viļakā", [VILAKA_ORPHANS_COURT]),
    ("barintiesa vilaka", [VILAKA_ORPHANS_COURT]),
    ("nepilngadīgo lietu inspektors Ventspils", [VENTSPILS_POLICE]),
    ("patvērums krīzes centrā", [SEMINAR]),
    ("krizes centrs gimenei bez dzivokla", [SEMINAR]),
    ("sociālā palīdzība Viļakā", [VILAKA_SOCIAL]),
    # A mediator's own work.
    ("mēneša atskaite", [GUIDE_REPORT]),
    ("uzticēšanās veidošana ar romu ģimenēm", [GUIDE_TRUST]),
    ("pašvaldības speciālisti", [GUIDE_SPECIALISTS]),
    # A place alone.
    ("Ventspilī", [VENTSPILS]),
    ("Jelgavas", [JELGAVA]),
]


def top_documents(results, count=3):
    """The first `count` documents of each group on the page."""
    return [(hit.kind, hit.title) for group in results.groups for hit in group["hits"][:count]]


def passes(found, expected):
    for entry in expected:
        options = entry.documents if isinstance(entry, AnyOf) else (entry,)
        if not any(option in found for option in options):
            return False
    return True


def evaluate(search):
    """(passed count, failures) for `search(question) → SearchResults`."""
    failures = []
    for question, expected in CASES:
        found = top_documents(search(question))
        if not passes(found, expected):
            failures.append((question, found))
    return len(CASES) - len(failures), failures

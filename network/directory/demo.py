"""Demo content of the network app: the seed's municipalities, their practice facts and the
institutions the seed names for each, as a directory marked as demo data.

Only what the seminar slides say: no phone numbers, e-mails, addresses or hours are invented.
Ids are UUID5 of names, so loading twice finds the same records.
"""

import datetime
import uuid
from decimal import Decimal

from network.directory.models import (
    Contact,
    Location,
    MunicipalityIndexPage,
    MunicipalityPage,
    Organization,
    Service,
    ServiceAtLocation,
)
from portal.demo import get_or_create_child
from taxonomy.models import Topic

DEMO_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://mediatoru-tikls.example.org/demo")
SEED_SOURCE = (
    "Romu mediatoru pieredzes apmaiņas seminārs, projekts “Latvijas romu platforma IV” "
    "(2019. gada septembris – 2020. gada aprīlis)"
)
MORE_THAN_FUNDED = "Vairāk nekā projektā paredzētās 4 stundas darba dienā"

# (slug, name, locative, genitive, region, summary from the seed)
MUNICIPALITIES = [
    ("jelgava", "Jelgava", "Jelgavā", "Jelgavas", "Zemgale", ""),
    ("ventspils", "Ventspils", "Ventspilī", "Ventspils", "Kurzeme", ""),
    ("riga", "Rīga", "Rīgā", "Rīgas", "Rīga", ""),
    ("valmiera", "Valmiera", "Valmierā", "Valmieras", "Vidzeme", ""),
    ("vilaka", "Viļaka", "Viļakā", "Viļakas", "Latgale", ""),
    ("tukums", "Tukums", "Tukumā", "Tukuma", "Kurzeme", ""),
    ("talsi", "Talsi", "Talsos", "Talsu", "Kurzeme", ""),
    ("balvi", "Balvi", "Balvos", "Balvu", "Latgale", ""),
]

# Town centres for the network map (public geography, rounded), per municipality slug.
COORDINATES = {
    "jelgava": ("56.65110", "23.72140"),
    "ventspils": ("57.38940", "21.56060"),
    "riga": ("56.94960", "24.10520"),
    "valmiera": ("57.54110", "25.42750"),
    "vilaka": ("57.18470", "27.67220"),
    "tukums": ("56.96690", "23.15530"),
    "talsi": ("57.24450", "22.58780"),
    "balvi": ("57.13130", "27.26580"),
}

# Practice facts the seed reports, per municipality slug; anything not here stays blank.
FACTS = {
    "jelgava": {
        "mediators_text": "Ināra Kozlovska",
        "families_supported": 30,
        "families_note": "pasākumos tiek iesaistītas līdz 50 romu ģimenēm",
        "office_provided": True,
        "funded_hours": MORE_THAN_FUNDED,
        "summary": "Romu mediators sadarbojas ar skolām, Sociālo pārvaldi un Sabiedrības "
        "integrācijas pārvaldi; Jelgavā ir arī romu skolotāja palīgs.",
    },
    "ventspils": {
        "mediators_text": "Malda Avramenko",
        "families_supported": 17,
        "families_note": "regulāra sadarbība ar 17 ģimenēm, 6 ģimenes – epizodiski",
        "office_provided": True,
        "funded_hours": MORE_THAN_FUNDED,
        "summary": "Romu mediatore sadarbojas ar skolām, sociālo pārvaldi, Dzīvokļu nodaļu, "
        "policiju, NVA un atbalsta organizācijām.",
    },
    "riga": {
        "mediators_text": "Marta Paņko",
        "families_note": "darba atskaitēs minēts atbalsts 41 personai",
        "summary": "Romu mediatore sadarbojas ar pedagogiem, policiju un labdarības "
        "organizācijām; palīdz arī kā tulks no un uz romu valodu.",
    },
    "valmiera": {
        "mediators_text": "Oksana Marcinkeviča",
        "families_supported": 13,
        "summary": "Romu mediatore sadarbojās ar izglītības iestādēm, Sociālo pārvaldi un "
        "pašvaldības policiju; darbības laiks bija īss.",
    },
    "vilaka": {
        "mediators_text": "Rasma Zaharenko",
        "mediator_since": datetime.date(2019, 9, 1),
        "families_supported": 22,
        "office_provided": True,
        "funded_hours": MORE_THAN_FUNDED,
        "summary": "Romu mediators darbu uzsāka septembrī; sadarbība pārsniedz novada "
        "robežas – aktivitātes notiek arī Balvos.",
    },
    "tukums": {
        "summary": "Tukuma pašvaldība saskata romu mediatora nepieciešamību un vēlas iepazīt "
        "Ventspils un Jelgavas labo praksi.",
    },
    "talsi": {"summary": "Ventspils romu mediatore sadarbojas ar Talsos dzīvojošajiem romiem."},
    "balvi": {"summary": "Viļakas romu mediatora aktivitātes notiek arī Balvos."},
}

# (organisation, service, description, topic slugs, municipality slugs, contact roles, city)
# Descriptions retell the seed; roles are those the seed names; no contact details.
DIRECTORY = [
    # Jelgava
    (
        "Jelgavas Amatu vidusskola",
        "Pamatizglītības ieguve un arodmācības pieaugušajiem",
        "Veiksmīga sadarbība romu motivēšanā pamatizglītības dokumentu iegūšanai; "
        "iespēja pabeigt pamatskolu un apgūt arodu, piemēram, konditora amatu.",
        ["izglitiba"],
        ["jelgava"],
        [],
        "Jelgava",
    ),
    (
        "Jelgavas pilsētas Sociālā pārvalde",
        "Sociālā palīdzība un sociālie pakalpojumi",
        "Sociālo jautājumu risināšana romu ģimenēm sadarbībā ar romu mediatoru.",
        ["socialie-jautajumi"],
        ["jelgava"],
        [],
        "Jelgava",
    ),
    (
        "Jelgavas Sabiedrības integrācijas pārvalde",
        "Sabiedrības integrācijas pasākumi",
        "Sabiedrības integrācijas pasākumi un konkursi, piemēram, konkurss «Riti raiti, "
        "valodiņa!»; romu kultūras popularizēšana.",
        ["kultura-un-integracija"],
        ["jelgava"],
        [],
        "Jelgava",
    ),
    (
        "Rotaļlietu bibliotēka “Ringla”",
        "Rotaļlietu bibliotēka",
        "Rotaļlietu bibliotēka, kuras darbību popularizē un nodrošina romu mediators.",
        ["izglitiba", "kultura-un-integracija"],
        ["jelgava"],
        [],
        "Jelgava",
    ),
    # Ventspils
    (
        "Ventspils izglītības pārvalde",
        "Bērnu tiesību aizsardzība izglītībā",
        "Sadarbība, lai veicinātu romu bērnu skolu apmeklējumu.",
        ["izglitiba"],
        ["ventspils"],
        ["bērnu tiesību aizsardzības speciāliste"],
        "Ventspils",
    ),
    *[
        (
            school,
            "Skolas administrācija un sociālais pedagogs",
            "Pārrunas par iekšējās kārtības noteikumiem, skolas apmeklējumu un uzvedību; "
            "mācību uzdevumu nodošana bērniem bez interneta un datora.",
            ["izglitiba"],
            ["ventspils"],
            ["administrācija", "sociālais pedagogs"],
            "Ventspils",
        )
        for school in [
            "Ventspils Pārventas pamatskola",
            "Ventspils 1. pamatskola",
            "Ventspils 2. pamatskola",
            "Ventspils 6. vidusskola",
            "Viduskurzemes pamatskola – attīstības centrs",
            "Annahites pamatskola",
        ]
    ],
    (
        "Ventspils pilsētas sociālā pārvalde",
        "Sociālais dienests",
        "Trūcīgo romu ģimeņu sociālā iekļaušana; konsultācijas par pārtikas pakām un zupas "
        "virtuves pakalpojumiem.",
        ["socialie-jautajumi"],
        ["ventspils"],
        [],
        "Ventspils",
    ),
    (
        "Ventspils pašvaldības Dzīvokļu nodaļa",
        "Dzīvokļu jautājumi",
        "Dzīves apstākļu uzlabošana; romu ģimenēm piešķirti 10 dzīvokļi.",
        ["majoklis"],
        ["ventspils"],
        [],
        "Ventspils",
    ),
    (
        "Valsts policijas Kurzemes reģiona pārvalde",
        "Nepilngadīgo lietu inspektori",
        "Sadarbība bērnu sociālās iekļaušanas un dzīves apstākļu uzlabošanai.",
        ["socialie-jautajumi"],
        ["ventspils"],
        ["nepilngadīgo lietu inspektors"],
        "",
    ),
    (
        "Atbalsta centrs “DIA+LOGS”",
        "Atbalsta centrs",
        "Sadarbības partneris romu mediatora darbā Ventspilī.",
        ["veselibas-aprupe"],
        ["ventspils"],
        [],
        "",
    ),
    (
        "Biedrība “Sarkanais Krusts”",
        "Humānā palīdzība",
        "Sadarbības partneris romu mediatora darbā Ventspilī.",
        ["socialie-jautajumi"],
        ["ventspils"],
        [],
        "",
    ),
    (
        "Rīgas Infektoloģijas centrs",
        "Diagnostika un ārstēšana",
        "Romu pacientu apmeklējumi diagnostikai un ārstēšanai; sadarbība ar ārstiem "
        "Ventspilī, lai pacienti no Ventspils pakalpojumus varētu saņemt uz vietas.",
        ["veselibas-aprupe"],
        ["riga", "ventspils"],
        [],
        "Rīga",
    ),
    (
        "Nodarbinātības valsts aģentūra",
        "Darba meklētāju atbalsts",
        "Darbā iekārtošanās jautājumi; sadarbība ar NVA filiāles darbiniekiem.",
        ["nodarbinatiba"],
        ["ventspils", "vilaka"],
        [],
        "",
    ),
    # ESF projects
    (
        "ESF projekts “Proti un Dari”",
        "Atbalsts jauniešiem",
        "Eiropas Sociālā fonda projekts jauniešiem; mediatori informē romu ģimenes par "
        "iespējām un aktivitātēm un uzrunā jauniešus iesaistīties.",
        ["nodarbinatiba", "izglitiba"],
        ["jelgava", "riga", "vilaka"],
        [],
        "",
    ),
    (
        "ESF projekts “Pumpurs”",
        "Atbalsts bērniem mācību pārtraukšanas riska mazināšanai",
        "Eiropas Sociālā fonda projekts; mediatori veicina romu bērnu iesaisti.",
        ["izglitiba"],
        ["jelgava", "vilaka"],
        [],
        "",
    ),
    # Viļaka and Balvi
    (
        "Viļakas novada dome",
        "Pašvaldības administrācija",
        "Sadarbība romu bērnu izglītības veicināšanā; apmācības par kvalitatīvu pakalpojumu "
        "sniegšanu romu cilvēkiem.",
        ["dokumenti", "izglitiba"],
        ["vilaka"],
        ["romu koordinators"],
        "Viļaka",
    ),
    (
        "Viļakas novada dome",
        "Izglītības, kultūras un sporta pārvalde",
        "Pašvaldības struktūrvienība, ar kuru sadarbojas romu mediators.",
        ["izglitiba", "kultura-un-integracija"],
        ["vilaka"],
        [],
        "Viļaka",
    ),
    *[
        (
            school,
            "Izglītības iestādes administrācija",
            "Sadarbība, lai veicinātu romu bērnu izglītības apgūšanu.",
            ["izglitiba"],
            ["vilaka"],
            ["administrācija"],
            "Viļaka",
        )
        for school in [
            "Viļakas pamatskola",
            "Viļakas Valsts ģimnāzija",
            "Pirmsskolas izglītības iestāde “Pasaciņa”",
        ]
    ],
    (
        "Viļakas novada Sociālā pārvalde",
        "Sociālais dienests",
        "Atbalsts dzīves apstākļu uzlabošanai, sociālo jautājumu risināšanai un asistenta "
        "pakalpojumu saņemšanai.",
        ["socialie-jautajumi"],
        ["vilaka"],
        [],
        "Viļaka",
    ),
    (
        "Viļakas novada Pašvaldības policija",
        "Pašvaldības policija",
        "Sadarbības partneris romu mediatora darbā.",
        ["socialie-jautajumi"],
        ["vilaka"],
        ["pašvaldības policists"],
        "Viļaka",
    ),
    (
        "Viļakas novada bāriņtiesa",
        "Bāriņtiesa",
        "Bāriņtiesa; rīcība ar romu mediatoru vienmēr saskaņota.",
        ["socialie-jautajumi"],
        ["vilaka"],
        [],
        "Viļaka",
    ),
    (
        "SIA “Viļakas namsaimnieks”",
        "Dzīvokļu apsaimniekošana",
        "Sadarbība dzīves apstākļu uzlabošanai.",
        ["majoklis"],
        ["vilaka"],
        [],
        "Viļaka",
    ),
    (
        "Viļakas pilsētas bibliotēka",
        "Informatīvās dienas",
        "Informatīvās dienas romiem par drošības, veselības un finanšu jautājumiem.",
        ["kultura-un-integracija", "izglitiba"],
        ["vilaka"],
        [],
        "Viļaka",
    ),
    (
        "Biedrība “Balvu teritoriālā invalīdu biedrība”",
        "Atbalsts cilvēkiem ar invaliditāti",
        "Sadarbības partneris Viļakas romu mediatora darbā.",
        ["socialie-jautajumi"],
        ["balvi", "vilaka"],
        [],
        "Balvi",
    ),
    (
        "Balvu multifunkcionālais jauniešu centrs “Dinamīts”",
        "Jauniešu centrs",
        "Sadarbības partneris Viļakas romu mediatora darbā.",
        ["kultura-un-integracija"],
        ["balvi", "vilaka"],
        [],
        "Balvi",
    ),
    # Rīga
    (
        "Evaņģēlisko kristiešu draudze “Zilais Krusts”",
        "Humānā palīdzība",
        "Pārtikas pakas, higiēnas piederumi un humānā palīdzība romu ģimenēm.",
        ["socialie-jautajumi"],
        ["riga"],
        [],
        "",
    ),
    (
        "Biedrība “Labdarības lapa”",
        "Humānā palīdzība",
        "Pārtikas pakas, higiēnas piederumi un humānā palīdzība romu ģimenēm.",
        ["socialie-jautajumi"],
        ["riga"],
        [],
        "",
    ),
    (
        "“Cerība bērniem”",
        "Humānā palīdzība",
        "Pārtikas pakas, higiēnas piederumi un humānā palīdzība romu ģimenēm.",
        ["socialie-jautajumi"],
        ["riga"],
        [],
        "",
    ),
    # Valmiera
    *[
        (
            school,
            "Izglītības iestādes vadība un sociālais pedagogs",
            "Sadarbība par sekmēm, mācību kavējumiem, bērnu uzvedības un higiēnas jautājumiem.",
            ["izglitiba"],
            ["valmiera"],
            ["vadība", "sociālais pedagogs"],
            "Kocēni" if school.startswith("Kocēnu") else "Valmiera",
        )
        for school in [
            "Pirmsskolas izglītības iestāde “Buratino”",
            "Valmieras sākumskola",
            "Valmieras 2. vidusskola",
            "Kocēnu pamatskola",
            "Valmieras Gaujas krasta vidusskola – attīstības centrs",
        ]
    ],
    (
        "Valmieras Sociālā pārvalde",
        "Sociālais dienests",
        "Sociālo un dzīvokļu jautājumu risināšana romu ģimenēm.",
        ["socialie-jautajumi", "majoklis"],
        ["valmiera"],
        [],
        "Valmiera",
    ),
    (
        "Valmieras pašvaldības policija",
        "Pašvaldības policija",
        "Sadarbības partneris romu mediatora darbā.",
        ["socialie-jautajumi"],
        ["valmiera"],
        [],
        "Valmiera",
    ),
]


def demo_id(*parts):
    return uuid.uuid5(DEMO_NAMESPACE, ":".join(parts))


def load_base(site, log):
    """The municipalities: other apps' demo content links to them."""
    home = site.root_page.specific
    index_page, _ = get_or_create_child(
        home,
        MunicipalityIndexPage,
        "pasvaldibas",
        title="Pašvaldības",
        show_in_menus=True,
        intro="<p>Pašvaldības, kurās strādā romu mediatori, un iestādes, ar kurām viņi "
        "sadarbojas. Katalogs ir demo dati no semināra materiāliem: kontakti nav norādīti.</p>",
    )
    for slug, name, locative, genitive, region, summary in MUNICIPALITIES:
        facts = dict(FACTS.get(slug, {}))
        summary = facts.pop("summary", summary)
        if facts:
            facts["facts_source"] = SEED_SOURCE
        if slug in COORDINATES:
            facts["latitude"], facts["longitude"] = map(Decimal, COORDINATES[slug])
        page, created = get_or_create_child(
            index_page,
            MunicipalityPage,
            slug,
            title=name,
            name_locative=locative,
            name_genitive=genitive,
            region=region,
            summary=summary,
            **facts,
        )
        if not created:
            fill_blank_facts(page, {"summary": summary, **facts})
    if home.municipalities_page_id is None:
        home.municipalities_page = index_page
        home.save_revision().publish()
    log(f"network: {len(MUNICIPALITIES)} municipalities")


def load(site, log):
    index_page = MunicipalityIndexPage.objects.descendant_of(site.root_page).get(slug="pasvaldibas")
    services = load_directory(index_page)
    log(f"network: {services} demo directory services (no contact details invented)")


def fill_blank_facts(page, facts):
    """Pages made by an older loader get the seed's facts; values editors set are kept."""
    blank = {
        field: value
        for field, value in facts.items()
        if value not in ("", None) and getattr(page, field) in ("", None)
    }
    if blank:
        for field, value in blank.items():
            setattr(page, field, value)
        page.save_revision().publish()


def load_directory(index_page):
    municipalities = {m.slug: m for m in MunicipalityPage.objects.child_of(index_page)}
    topics = {t.slug: t for t in Topic.objects.all()}
    for org_name, service_name, description, topic_slugs, areas, roles, city in DIRECTORY:
        organization, _ = Organization.objects.get_or_create(
            id=demo_id("organization", org_name), defaults={"name": org_name, "is_demo": True}
        )
        service, created = Service.objects.get_or_create(
            id=demo_id("service", org_name, service_name),
            defaults={
                "organization": organization,
                "name": service_name,
                "description": description,
                "is_demo": True,
            },
        )
        if not created:
            continue  # editors may have changed it since; keep their version
        service.topics.set([topics[s] for s in topic_slugs if s in topics])
        service.service_areas.set([municipalities[s] for s in areas if s in municipalities])
        service.save()
        for order, role in enumerate(roles):
            Contact.objects.create(
                id=demo_id("contact", org_name, service_name, role),
                service=service,
                title=role,
                sort_order=order,
            )
        if city:
            location, _ = Location.objects.get_or_create(
                id=demo_id("location", org_name),
                defaults={
                    "name": org_name,
                    "city": city,
                    "organization": organization,
                    "is_demo": True,
                },
            )
            ServiceAtLocation.objects.create(
                id=demo_id("service_at_location", org_name, service_name),
                service=service,
                location=location,
            )
    return len(DIRECTORY)

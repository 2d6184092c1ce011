"""Demo content of the knowledge app, all of it from the seminar slides in the seed.

The topics (taxonomy's data); the seminar page with its goal, tasks, directions of work, both
recommendation → implementation tables, the five mediators' results and the municipal staff's
quotes; the onboarding guide “Romu mediatora darba uzsākšana”; a handful of good practices.
Every page is marked `is_demo`; the only figures are those the seed reports.
"""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.rich_text import RichText

from portal.core.editorial import ensure_moderation_workflow
from portal.demo import get_or_create_child
from taxonomy.demo import load_topics
from taxonomy.models import Topic

from .models import (
    ArticlePage,
    GuidePage,
    GuideStepPage,
    KnowledgeIndexPage,
    SeminarPage,
)

SEED_SOURCE = (
    "Projekta „Latvijas romu platforma IV” romu mediatoru pieredzes apmaiņas semināra "
    "prezentācija, slaidi “Romu mediatoru paveiktais”"
)
STAFF_ROLE = "Pašvaldības iestādes darbinieks"


def load_base(site, log):
    """The topics (taxonomy's data): other apps' demo content is tagged with them."""
    topics = load_topics()
    log(f"knowledge: {len(topics)} topics")


def load(site, log):
    home = site.root_page.specific
    municipalities = _municipalities(site)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    review_by = timezone.localdate() + datetime.timedelta(days=365)

    index_page, _ = get_or_create_child(
        home,
        KnowledgeIndexPage,
        "zinasanas",
        title="Zināšanas",
        show_in_menus=True,
        intro=(
            "<p>Labās prakses, semināru rezultāti un ceļveži romu mediatoriem un pašvaldību "
            "darbiniekiem. Atlasiet pēc tēmas, pašvaldības vai lasītāja.</p>"
        ),
    )
    get_or_create_child(
        index_page,
        SeminarPage,
        "romu-mediatoru-pieredzes-apmainas-seminars",
        **seminar_fields(municipalities, topics),
    )
    for slug, fields in articles(municipalities, topics):
        get_or_create_child(
            index_page, ArticlePage, slug, review_by=review_by, is_demo=True, **fields
        )

    guide, _ = get_or_create_child(
        home, GuidePage, "darba-uzsaksana", review_by=review_by, **guide_fields(topics)
    )
    for slug, fields in guide_steps(municipalities):
        get_or_create_child(guide, GuideStepPage, slug, **fields)
    if home.guide_page_id is None:
        home.guide_page = guide
        home.save_revision().publish()

    ensure_moderation_workflow([index_page, guide])
    log(
        f"knowledge: {len(topics)} topics, 1 seminar, {ArticlePage.objects.count()} articles, "
        f"guide with {guide.steps().count()} steps, moderation workflow"
    )


def _municipalities(site):
    """The network's municipality pages by slug (network's load_base has made them)."""
    from network.directory.models import MunicipalityPage

    return {page.slug: page for page in MunicipalityPage.objects.descendant_of(site.root_page)}


def _pick(mapping, *slugs):
    return [mapping[slug] for slug in slugs if slug in mapping]


def _rich(html):
    return RichText(html)


def _quote(text, municipality):
    return ("quote", {"text": text, "role": STAFF_ROLE, "municipality": municipality})


def seminar_fields(municipalities, topics):
    m = municipalities.get
    body = [
        ("heading", {"text": "Romu mediatoru darbības pamatvirzieni un uzdevumi", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "<ul>"
                "<li>veicināt saziņu un dialogu starp pašvaldības iestāžu darbiniekiem un romu "
                "ģimenēm, uzlabojot romiem pieejamību valsts un pašvaldības pakalpojumiem šādās "
                "jomās: izglītība, sociālie jautājumi, piekļuve veselības aprūpei, nodarbinātības "
                "veicināšana un bezdarba mazināšana;</li>"
                "<li>apzināt romu vajadzības un informēt pašvaldības atbildīgos pārstāvjus par "
                "romu problemātiskajiem jautājumiem;</li>"
                "<li>sekmēt romu iesaisti Eiropas Sociālā fonda atbalsta pasākumos, lai palīdzētu "
                "romiem vienlīdzīgi ar citām mērķa grupām izmantot pieejamās atbalsta iespējas;"
                "</li>"
                "<li>iesniegt atskaiti par paveikto.</li>"
                "</ul>"
            ),
        ),
        ("heading", {"text": "Ieteikumi un to īstenošana", "level": "h2"}),
        ("recommendations", improvement_recommendations()),
        ("recommendations", onboarding_recommendations()),
        ("heading", {"text": "Romu mediatoru paveiktais", "level": "h2"}),
        ("figures", families_figures()),
        *mediator_sections(m),
        ("heading", {"text": "Pašvaldības darbinieku aptauja", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "<p>Romu mediatoru darba rezultātu izvērtējumam pašvaldību darbiniekiem "
                "uzdoti šādi jautājumi:</p><ul>"
                "<li>Vai romu mediators ir uzlabojis saziņu starp romu ģimenēm un valsts "
                "pārvaldes/pašvaldības iestāžu darbiniekiem?</li>"
                "<li>Vai romu mediators iespēju robežās ir apzinājis romu situāciju un ziņojis "
                "vietējās pašvaldības pārstāvjiem par romu aktuālākajām vajadzībām un "
                "problēmām?</li>"
                "<li>Vai uzskatāt, ka romu mediators ir veicinājis romu piekļuvi pašvaldības "
                "pakalpojumiem?</li>"
                "<li>Vai romu mediators ir saskaņojis savu rīcību ar pilsētas pašvaldības "
                "iestādēm un/vai valsts aģentūrām vietējā līmenī?</li>"
                "<li>Vai esat aicinājuši romu mediatoru kopīgai darba izvērtēšanai, tālākai "
                "plānošanai Jūsu darba jomā?</li>"
                "<li>Kādi, Jūsuprāt, ir galvenie/svarīgākie romu mediatora paveiktie darbi tajā "
                "pašvaldības darbības jomā, kuru Jūs pārstāvat?</li>"
                "<li>Kādi jautājumi, jūsuprāt, romu mediatoram jūsu pašvaldībā būtu jāpatur "
                "redzeslokā turpmāk?</li></ul>"
            ),
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "Par aptaujas skaitļiem",
                "text": _rich(
                    "<p>Atbilžu sadalījums semināra materiālos bija attēlots diagrammās, kuru "
                    "skaitļi šeit nav pieejami, tāpēc tie nav publicēti.</p>"
                ),
            },
        ),
        ("heading", {"text": "Romu mediatoru darba prakse", "level": "h2"}),
        (
            "paragraph",
            _rich(
                "<p>Katrs mediators dalās savā mediatora darba pieredzē, ietverot informāciju "
                "par šādiem jautājumiem:</p><ul>"
                "<li>Pamatjautājumi, ar kuriem nākas strādāt…</li>"
                "<li>Ir prieks par…</li>"
                "<li>Lielākie izaicinājumi bija…</li>"
                "<li>Turpmākajā darbā svarīgākais būs…</li></ul>"
                "<p>Veiksmes turpmākajā darbā, nākamajā projekta posmā!</p>"
            ),
        ),
    ]
    return {
        "title": "Romu mediatoru pieredzes apmaiņas seminārs",
        "summary": (
            "Projekta „Latvijas romu platforma IV” seminārs: romu mediācijas prakse piecās "
            "pašvaldībās – Jelgavā, Ventspilī, Rīgā, Valmierā un Viļakā –, ieteikumi un to "
            "īstenošana, mediatoru paveiktais un pašvaldību darbinieku vērtējums."
        ),
        "period": "2019. gada septembris – 2020. gada aprīlis",
        "organiser": "Kultūras ministrija, projekts „Latvijas romu platforma IV”",
        "goals": (
            "<p>Iepazīties un izvērtēt romu mediācijas praksi piecās Latvijas pašvaldībās "
            "(Jelgavā, Ventspilī, Rīgā, Valmierā un Viļakā) laika posmā no 2019. gada septembra "
            "līdz 2020. gada aprīlim romu mediatoru darbības tālākai attīstībai, apzinot vēl "
            "neizmantotās iespējas.</p>"
        ),
        "tasks": (
            "<ul>"
            "<li>Apzināt romu mediatoru paveikto dialoga veicināšanā starp maznodrošinātām romu "
            "ģimenēm un pašvaldību iestādēm (skolām, sociālo dienestu, domes pārvaldi), kā arī "
            "Nodarbinātības valsts aģentūru.</li>"
            "<li>Iepazīt romu mediatoru un pašvaldības iestāžu pārstāvju savstarpējās sadarbības "
            "praksi, analizēt abpusējos ieguvumus un izaicinājumus.</li>"
            "<li>Veicināt romu mediācijas prakses tālāku attīstību, apzinot priekšlikumus un "
            "ieteikumus esošo romu mediatoru darbības pilnveidei un paplašināšanai.</li>"
            "</ul>"
        ),
        "body": body,
        "audience": "all",
        "is_demo": True,
        "topics": _pick(
            topics, "izglitiba", "socialie-jautajumi", "veselibas-aprupe", "nodarbinatiba"
        ),
        "municipalities": _pick(
            municipalities, "jelgava", "ventspils", "riga", "valmiera", "vilaka"
        ),
        "tags": ["pieredzes apmaiņa", "seminārs"],
    }


def improvement_recommendations():
    return {
        "title": (
            "Projekta „Latvijas romu platforma III: sadarbības un līdzdalības veicināšana” "
            "noslēguma ieteikumi mediatoru darba pilnveidei"
        ),
        "rows": [
            {
                "recommendation": (
                    "Caur romu platformas projekta reģionālo ekspertu tīklu paplašināt mediatoru "
                    "darbības lauku vairākās pašvaldībās, jo pašreizējā romu mediatoru darba "
                    "prakse apliecina tās pozitīvos rezultātus."
                ),
                "implementation": (
                    "Mediatoru tīkls ir paplašinājies – no septembra darbu ir uzsācis romu "
                    "mediators Viļakā. Romu mediatora nepieciešamību saskata arī Tukuma "
                    "pašvaldība, ir notikušas sarunas, lai to īstenotu, ir atrasts potenciālais "
                    "romu mediators."
                ),
                "status": "partly",
            },
            {
                "recommendation": (
                    "Sadarbībai svarīga atsaucība no romu puses, uzticēšanās, romu mediatoram "
                    "strādāt, lai to panāktu."
                ),
                "implementation": (
                    "Katra romu mediatora pozitīvais darba rezultāts vairo uzticēšanos. "
                    "Intervējot romu mediatorus, visi atzina, ka romu atsaucība, motivēšana un "
                    "mudināšana darīt pašiem, piedalīties ir viens no lielākajiem izaicinājumiem, "
                    "svarīgākajiem faktoriem sekmīgam darbam, gan uzsākot darbu, gan to turpinot."
                ),
                "status": "ongoing",
            },
            {
                "recommendation": (
                    "Pašvaldības darbiniekiem jāpiedāvā iespēja romu mediatora darba izvērtējuma "
                    "anketās paust savu viedokli tikai par savu darbības jomu, kas saistās ar "
                    "romu mediatora darbu."
                ),
                "implementation": (
                    "Pašvaldības darbiniekiem romu mediatora darba izvērtējuma anketās tika "
                    "lūgts paust savu viedokli tikai par savu darbības jomu, kas saistās ar romu "
                    "mediatora darbu."
                ),
                "status": "done",
            },
            {
                "recommendation": (
                    "Uzturēt ciešu, abpusēju savstarpējo sadarbību – romu mediatoram, pašvaldību "
                    "iestādēm – izglītības iestādēm (skolām, pirmsskolas izglītības iestādēm), "
                    "policijai, sociālajiem darbiniekiem, romu aktīvistiem u. c. Abām "
                    "iesaistītajām pusēm apzināties, ka sekmīgu rezultātu nodrošina komandas "
                    "darbs, un strādāt komandā. Darbs komandā ietver gan kopīgu paveiktā "
                    "izvērtēšanu, gan turpmākā plānošanu."
                ),
                "implementation": (
                    "Pašvaldībās romu mediatoriem turpinās jau izveidotā sadarbība ar pašvaldības "
                    "iestāžu darbiniekiem, visbiežāk – ar konkrētas jomas pārstāvi, kurš atbalsta "
                    "atbilstošo jautājumu risināšanā. Jelgavā, Ventspilī un Viļakā pašvaldība "
                    "nodrošina telpas romu mediatoram, ir atrasts veids, kā finansiāli nodrošināt "
                    "vairāk kā projektā paredzēto 4 stundu darba dienas apmaksu. Viļakā "
                    "sadarbība pārsniedz novada robežas – aktivitātes notiek arī Balvos. "
                    "Visproblemātiskākā situācija šajā jautājumā joprojām ir Rīgā; pēc romu "
                    "mediatoru maiņas Valmieras Sociālo lietu pārvaldes atbildīgie darbinieki "
                    "pašlaik nesaskata romu mediatora nepieciešamību un lietderību."
                ),
                "status": "partly",
            },
            {
                "recommendation": (
                    "Īpašu uzmanību pievērst romu bērniem, kuri mācās speciālās izglītības "
                    "programmās, ņemot vērā drīzās izmaiņas speciālās izglītības īstenošanā."
                ),
                "implementation": (
                    "Romu mediatori gan Jelgavā, gan Ventspilī, gan Viļakā un Rīgā ir "
                    "atbalstījuši bērnus ar mācīšanās grūtībām, īpaši Covid-19 krīzē attālināto "
                    "mācību laikā. Lielākās problēmas saistītas ar vāju latviešu valodas "
                    "izpratni un apguvi."
                ),
                "status": "ongoing",
            },
            {
                "recommendation": (
                    "Darba izvērtēšanai romu mediatoru darba uzskaitē precīzi fiksēt sadarbības "
                    "faktu, iekļaujot informāciju par iestādi un personu, ar kuru romu mediators "
                    "ir sadarbojies, lai izslēgtu iespēju, ka iestādes vadība nav informēta par "
                    "sadarbības faktu."
                ),
                "implementation": (
                    "Šis ieteikums romu mediatoru darba uzskaites dokumentos ir ņemts vērā."
                ),
                "status": "done",
            },
            {
                "recommendation": (
                    "Aicināt uz apmācības semināriem, kursiem pašvaldības darbiniekus, sociālos "
                    "pedagogus, lai visiem būtu vienota informācija un redzējums par problēmu "
                    "risinājumiem."
                ),
                "implementation": (
                    "Jaunajā projektā mediatoru darba turpināšanas atbalstam ir plānotas kopīgas "
                    "mācības romu mediatoriem, skolotājiem un sociālajiem darbiniekiem. Līdz šim "
                    "tika izmantots Valsts administratīvās skolas semināru piedāvājums "
                    "(apmācības «Rakstiskā saziņa»)."
                ),
                "status": "planned",
            },
            {
                "recommendation": (
                    "Projekta vadībai atjaunot iepriekšējā projekta posma labo praksi – vizītes "
                    "pašvaldībās mediatora darba atbalstam, pašvaldības darbinieku informēšanai "
                    "klātienē par romu mediatora darba mērķiem un sasniedzamajiem rezultātiem, "
                    "norisi un romu mediatoru darba gala izvērtējumu."
                ),
                "implementation": (
                    "Vizītes tika plānotas, taču COVID-19 vīrusa izplatības dēļ valstī "
                    "izsludinātā ārkārtas stāvokļa dēļ tās tika atceltas. Nākamajos projektos "
                    "vizītes pašvaldībās tiek plānotas."
                ),
                "status": "postponed",
            },
        ],
    }


def onboarding_recommendations():
    return {
        "title": "Ieteikumi romu mediatoru darba uzsākšanai",
        "rows": [
            {
                "recommendation": (
                    "Veidot kontaktus ar visām iesaistītajām pusēm – potenciālajiem sadarbības "
                    "partneriem. Apzināt pašvaldībā pieejamos resursus – ne tikai finansiālos, bet "
                    "arī katras pašvaldības iestādes iespējas romu atbalstam un potenciālos "
                    "sadarbības partnerus."
                ),
                "implementation": (
                    "Visi mediatori, uzsākot darbu nākamajā projekta posmā, apmeklē pašvaldības "
                    "speciālistus, lai vienotos par turpmākajiem darbiem konkrētā jomā, "
                    "sadarbības iespējām."
                ),
                "status": "done",
            },
            {
                "recommendation": "Organizēt pieredzes apmaiņu ar pieredzējušiem mediatoriem.",
                "implementation": (
                    "Neformāla savstarpēja romu mediatoru pieredzes apmaiņa. Pieredzes apmaiņa "
                    "Jelgavas un Ventspils pašvaldības darbiniekiem; Tukuma pašvaldība arī ir "
                    "izteikusi vēlmi vairāk iepazīt Ventspils un Jelgavas labo praksi."
                ),
                "status": "ongoing",
            },
            {
                "recommendation": (
                    "Izskatīt iespēju romu mediatora amatu pildīt arī ne romam, ja pārzina romu "
                    "valodu un ir atbalsts no romu kopienas."
                ),
                "implementation": (
                    "Šāda prakse bija Valmierā, taču ļoti svarīgi, lai romu ģimenes to "
                    "atbalstītu, uzticētos un sadarbotos ar šo cilvēku."
                ),
                "status": "partly",
            },
            {
                "recommendation": (
                    "Veidot mediatora sadarbību ar skolotāju palīgiem – romiem, kur tādi ir, un "
                    "ar sociālajiem pedagogiem."
                ),
                "implementation": (
                    "Romu skolotāju palīgs ir Jelgavā; pārējās pilsētās, kur strādā romu "
                    "mediatori, viņuprāt, ir nepieciešams skolotāja palīgs – roms, īpaši "
                    "Ventspilī. Ar sociālajiem pedagogiem romu mediatoriem ir izveidojusies cieša "
                    "sadarbība."
                ),
                "status": "partly",
            },
            {
                "recommendation": (
                    "Ik pēc noteikta romu mediatoru darba posma sazināties par darba rezultātiem, "
                    "problēmām. Iespējams, ka darba sākuma posmā nepieciešama mentora palīdzība."
                ),
                "implementation": (
                    "Romu mediatori katru mēnesi iesniedz atskaites, pēc vajadzības un "
                    "nepārtraukti ir iespēja sazināties ar projekta atbildīgajām personām. Jau "
                    "otro gadu tiek organizēta romu mediatoru tikšanās decembrī, lai pārrunātu "
                    "septembra – decembra darba rezultātus."
                ),
                "status": "done",
            },
        ],
    }


def families_figures():
    """Families supported per municipality, exactly as the seed reports them."""
    return {
        "title": "Romu mediatoru atbalstītās ģimenes pašvaldībās",
        "value_label": "Atbalstītās ģimenes (Rīgā – personas)",
        "rows": [
            {
                "label": "Jelgava",
                "value": Decimal(30),
                "note": "pasākumos tiek iesaistītas līdz 50 romu ģimenēm",
            },
            {
                "label": "Ventspils",
                "value": Decimal(17),
                "note": "regulāra sadarbība; vēl 6 ģimenes – epizodiski",
            },
            {"label": "Viļaka", "value": Decimal(22), "note": ""},
            {
                "label": "Rīga (personas)",
                "value": Decimal(41),
                "note": "darba atskaitēs minēts atbalsts 41 personai – personas, nevis ģimenes",
            },
            {"label": "Valmiera", "value": Decimal(13), "note": ""},
        ],
        "source": SEED_SOURCE,
    }


def mediator_sections(m):
    """Each mediator's results, followed by the municipal staff's words about the work."""
    return [
        (
            "mediator_results",
            {
                "name": "Ināra Kozlovska",
                "municipality": m("jelgava"),
                "supported_count": "30",
                "supported_unit": "families",
                "supported_note": "pasākumos tiek iesaistītas līdz 50 romu ģimenēm",
                "activities": [
                    "Skolas kavējuma iemeslu noskaidrošana, ģimeņu apmeklējumi, sadarbība ar "
                    "skolotājiem, izglītības iestāžu administrāciju, sociālajiem pedagogiem; "
                    "noskaidrots romu bērnu viedoklis par dažādiem jautājumiem, risinātas "
                    "konfliktsituācijas.",
                    "Romu motivēšana pamatizglītības dokumentu iegūšanai (veiksmīga sadarbība ar "
                    "Jelgavas Amatu vidusskolu).",
                    "Romu bērnu skolas kavējumu iemeslu noskaidrošana un novēršana, atbalsts "
                    "attālinātajās mācībās.",
                    "Informācija romu ģimenēm par ESF projekta «Proti un Dari» iespējām un "
                    "aktivitātēm Jelgavā.",
                    "Romu bērnu iesaistes veicināšana projektā “Pumpurs”.",
                    "Atbalsts ģimenēm dokumentu sagatavošanā iesniegšanai dažādās iestādēs.",
                    "Romu nodarbinātības veicināšana, sniedzot atbalstu iekārtošanās darbā "
                    "jautājumos.",
                    "Ārsta apmeklējumu veicināšana (vakcinēšana, fizioterapija, medikamentu "
                    "nodrošināšana).",
                    "Sadarbība ar Jelgavas pilsētas Sociālo pārvaldi, Sabiedrības integrācijas "
                    "pārvaldi.",
                    "Dalība sabiedrības integrācijas pasākumos un to organizēšana (konkurss «Riti "
                    "raiti, valodiņa!»).",
                    "Rotaļlietu bibliotēkas “Ringla” popularizēšana un darbības nodrošināšana.",
                    "Romu iesaiste Jelgavas pilsētas kultūras pasākumos, pilsoniskās sabiedrības "
                    "aktivitātēs un konkursos; romu kultūras popularizēšana.",
                ],
            },
        ),
        _quote(
            "Mediatora darbs palīdz mazināt stereotipus par romu tautību pārstāvjiem, kā arī "
            "veicināt dažādu kultūru pārstāvju sadarbību savā starpā.",
            m("jelgava"),
        ),
        _quote(
            "Romu mediators jau pašlaik cenšas aptvert visu romu ģimenēm nepieciešamo jautājumu "
            "loku, kas ir ļoti daudzveidīgs, kā arī mediatoram visu laiku ir jābūt informētam "
            "par aktualitātēm valstī, lai spētu ātri reaģēt nepieciešamās situācijās.",
            m("jelgava"),
        ),
        _quote("Uzskatu, ka Jelgavā romu mediators sekmīgi veic savus pienākumus.", m("jelgava")),
        (
            "mediator_results",
            {
                "name": "Malda Avramenko",
                "municipality": m("ventspils"),
                "supported_count": "17",
                "supported_unit": "families",
                "supported_note": "regulāra sadarbība; vēl 6 ģimenes – epizodiski",
                "activities": [
                    "Sadarbība ar Ventspils izglītības pārvaldes bērnu tiesību aizsardzības "
                    "speciālisti, skolu administrāciju, sociālajiem pedagogiem un skolotājiem: "
                    "skolu apmeklējums, uzvedība, mācību uzdevumu nodošana bērniem, kuriem nav "
                    "interneta un datora, atbalsts mājas darbos.",
                    "Sadarbība ar Ventspils pilsētas sociālo pārvaldi, Dzīvokļu nodaļu, Valsts "
                    "policijas nepilngadīgo lietu inspektori (romu ģimenēm piešķirti 10 "
                    "dzīvokļi).",
                    "Tikšanās ar Ventspils domes izpilddirektoru darba atskaitei un turpmākai "
                    "plānošanai.",
                    "Konsultācijas par pārtikas paku un zupas virtuves pakalpojumu saņemšanu "
                    "Covid-19 krīzes laikā.",
                    "Darbā iekārtošanās jautājumi NVA.",
                    "Dalība domes izglītības un administratīvās komisijas sēdēs.",
                    "Atbalsts dokumentu kārtošanā.",
                    "Sadarbība ar atbalsta centru «DIA+ LOGS», biedrību “Sarkanais Krusts”.",
                    "Sadarbība ar ārstiem Ventspilī, lai Infektoloģijas centra pacienti "
                    "medicīniskos pakalpojumus varētu saņemt uz vietas.",
                    "Dalība pieredzes apmaiņas ekspertu vizītē Viļņā par romu integrāciju darba "
                    "tirgū.",
                ],
            },
        ),
        _quote(
            "Romu mediatore viennozīmīgi ir uzlabojusi saziņu, izskaidrojot romiem normatīvo "
            "aktu būtību, iestāžu kompetences, darbības/bezdarbības sekas.",
            m("ventspils"),
        ),
        _quote(
            "Romu ģimenēm bieži nav izpratnes par pašvaldībā pieejamiem resursiem, kur var "
            "vērsties pēc atbalsta problēmu risināšanā. Rezultātā sociālā rakstura problēmas – "
            "parādi, veselības problēmas, skolas kavējumi – ieilgst.",
            m("ventspils"),
        ),
        _quote(
            "Mediatore palīdz romiem dokumentu noformēšanā, izskaidro situācijas par īres un "
            "komunālo maksājumu parādiem, palīdz sadarboties ar bankām par automātisko "
            "maksājumu veikšanu.",
            m("ventspils"),
        ),
        _quote(
            "Ventspilī mediatorei ir pārāk liela slodze, jo savus pienākumus viņa veic "
            "godprātīgi, ar pilnu atdevi. Būtu nepieciešams palīgs.",
            m("ventspils"),
        ),
        (
            "mediator_results",
            {
                "name": "Rasma Zaharenko",
                "municipality": m("vilaka"),
                "supported_count": "22",
                "supported_unit": "families",
                "supported_note": "",
                "activities": [
                    "Sadarbība ar Viļakas novada domi, Viļakas pamatskolu, Viļakas Valsts "
                    "ģimnāziju, PII «Pasaciņa», lai veicinātu romu bērnu izglītību.",
                    "Sadarbība ar Sociālo pārvaldi, Pašvaldības policiju, bāriņtiesu, SIA «Viļakas "
                    "namsaimnieks», NVA filiāli, biedrību «Balvu teritoriālā invalīdu biedrība», "
                    "Balvu multifunkcionālo jauniešu centru «Dinamīts».",
                    "Atbalsts dzīves apstākļu uzlabošanai, sociālo un veselības jautājumu "
                    "risināšanai, asistenta pakalpojumu saņemšanai, dokumentu sagatavošanai, "
                    "banku pakalpojumu pieejamībai.",
                    "Romu bērnu iesaiste projektā “Pumpurs”; romu jauniešu iespējas projektā "
                    "“Proti un Dari”.",
                    "Informatīvās dienas Viļakas pilsētas bibliotēkā: drošības, veselības, "
                    "finanšu jautājumi.",
                    "Romu kultūras popularizēšana (romu ansamblis «Brīvais vējš»).",
                ],
            },
        ),
        _quote(
            "Mediators, kurš uzklausa katru klienta problēmu, ir ļoti liels atbalsts romu "
            "tautības cilvēkiem. Paldies!",
            m("vilaka"),
        ),
        _quote(
            "Bāriņtiesa atzīst, ka romu mediators savu darbu veic pēc labākās sirdsapziņas. "
            "Rīcība vienmēr ir saskaņota.",
            m("vilaka"),
        ),
        _quote(
            "Pozitīvi rezultāti bija jūtami uzreiz pēc romu mediatora darba uzsākšanas. Mums ir "
            "izveidojusies cieša sadarbība un meklēti, kā arī atrasti problēmjautājumu "
            "risinājumu ceļi.",
            m("vilaka"),
        ),
        (
            "mediator_results",
            {
                "name": "Marta Paņko",
                "municipality": m("riga"),
                "supported_count": "41",
                "supported_unit": "persons",
                "supported_note": "darba atskaitēs minēts atbalsts 41 personai",
                "activities": [
                    "Sadarbība ar pirmsskolu un skolu pedagogiem un sociālajiem pedagogiem: "
                    "kavējumi, uzvedība, higiēna, konfliktsituācijas.",
                    "Sadarbība ar policiju vardarbības novēršanai.",
                    "Ģimeņu motivēšana regulārai izglītības iestādes apmeklēšanai, reģistrēšanai "
                    "PII obligātās 5 un 6 gadīgo izglītības apguvei.",
                    "Romu jauniešu uzrunāšana iesaistei projektā “Proti un Dari”.",
                    "Palīdzība patvēruma meklēšanā krīzes centrā ar dzīvokļiem saistītās "
                    "problēmsituācijās un īres parādu segšanas iespēju meklēšanā.",
                    "Palīdzība darbā iekārtošanās, pabalstu, bezdarbnieka, maznodrošinātā "
                    "statusa, invaliditātes, deklarēšanās un citu dokumentu jautājumos.",
                    "Pārtikas paku, higiēnas piederumu un humanitārās palīdzības saņemšana "
                    "sadarbībā ar draudzi Zilais Krusts, biedrībām «Labdarības lapa», «Cerība "
                    "bērniem».",
                    "Dalība tiesas sēdēs kā tulkam uz un no romu valodas; palīdzība nokļūšanai "
                    "pie ārsta.",
                ],
            },
        ),
        _quote(
            "Romi vairāk uzticas savas tautības pārstāvjiem, romu mediators palīdz mums veidot "
            "dialogu. Tas atvieglo sadarbību.",
            m("riga"),
        ),
        _quote(
            "Mediators palīdzēja sastādīt vienošanos (grafiku) par parādu nomaksu. Romu ģimenes "
            "pārstāvji labāk iet uz kontaktu ar savas tautības mediatoru. Rezultātā mazinās "
            "dzīvokļu parādi.",
            m("riga"),
        ),
        _quote(
            "Uzskatu, ka romu mediators labi izpilda savu darbu, cilvēki viņai uzticas un "
            "sadarbojas.",
            m("riga"),
        ),
        (
            "mediator_results",
            {
                "name": "Oksana Marcinkeviča",
                "municipality": m("valmiera"),
                "supported_count": "13",
                "supported_unit": "families",
                "supported_note": "",
                "activities": [
                    "Sadarbība ar Valmieras izglītības iestādēm (PII «Buratino», Valmieras "
                    "sākumskola, Valmieras 2. vidusskola, Kocēnu pamatskola, Valmieras Gaujas "
                    "krasta vidusskola – attīstības centrs) par sekmēm, kavējumiem, uzvedību un "
                    "higiēnu.",
                    "Sadarbība ar Valmieras Sociālo pārvaldi, pašvaldības policiju.",
                    "Atbalsts ģimenēm bērnu izglītībai, dokumentu noformēšanai, darba iespēju "
                    "meklēšanai, interešu izglītībai, sociālo un dzīvokļu jautājumu risināšanai, "
                    "piekļuvei veselības aprūpei.",
                ],
            },
        ),
        _quote(
            "Mediatore darbu uzsāka ieinteresēti un veica profesionāli, izmantoja visus pieejamos "
            "resursus, lai nodrošinātu konkrētajai ģimenei vajadzīgo palīdzību.",
            m("valmiera"),
        ),
        _quote(
            "Konkrētā romu mediatora darbības laiks bija pārāk īss, lai paveiktu konkrētus darbus.",
            m("valmiera"),
        ),
    ]


def articles(municipalities, topics):
    """Good practices the seminar reported, each told only as far as the seed tells it."""
    mun, top = municipalities, topics
    return [
        (
            "paradu-nomaksas-grafiki",
            {
                "title": "Parādu nomaksas grafiki komunālajiem maksājumiem",
                "summary": (
                    "Rīgā romu mediatore palīdzēja ģimenēm sastādīt vienošanos (grafiku) par "
                    "komunālo maksājumu parādu nomaksu; pašvaldība novēro, ka dzīvokļu parādi "
                    "mazinās. Ventspilī mediatore palīdz vienoties ar bankām par automātiskiem "
                    "maksājumiem."
                ),
                "practice_status": "demonstrated",
                "audience": "mediators",
                "contact_name": "Marta Paņko",
                "contact_role": "Romu mediatore, Rīga",
                "topics": _pick(top, "majoklis", "socialie-jautajumi"),
                "municipalities": _pick(mun, "riga", "ventspils"),
                "tags": ["parādi", "komunālie maksājumi"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Romu ģimenēm bija izveidojušies lieli parādi par dzīvokļa "
                            "komunālajiem maksājumiem. Mediators palīdzēja sastādīt vienošanos "
                            "(grafiku) par parādu nomaksu. Rīgā mediatore palīdz arī meklēt īres "
                            "parādu segšanas iespējas un, ja nepieciešams, patvērumu krīzes "
                            "centrā ar dzīvokļiem saistītās problēmsituācijās.</p>"
                        ),
                    ),
                    _quote(
                        "Romu ģimenes pārstāvji labāk iet uz kontaktu ar savas tautības "
                        "mediatoru. Rezultātā mazinās dzīvokļu parādi.",
                        mun.get("riga"),
                    ),
                    ("heading", {"text": "Līdzīga prakse Ventspilī", "level": "h2"}),
                    (
                        "paragraph",
                        _rich(
                            "<p>Ventspilī mediatore izskaidro situācijas par īres un komunālo "
                            "maksājumu parādiem un palīdz sadarboties ar bankām par automātisko "
                            "maksājumu veikšanu. Sadarbībā ar sociālo pārvaldi un Dzīvokļu nodaļu "
                            "romu ģimenēm piešķirti 10 dzīvokļi.</p>"
                        ),
                    ),
                    (
                        "checklist",
                        {
                            "title": "Ko mediatori dara",
                            "items": [
                                "Izskaidro parāda situāciju un rīcības vai bezdarbības sekas",
                                "Palīdz sastādīt vienošanos (grafiku) par parāda nomaksu",
                                "Palīdz vienoties ar banku par automātiskajiem maksājumiem",
                                "Meklē īres parādu segšanas iespējas pašvaldībā",
                            ],
                        },
                    ),
                ],
            },
        ),
        (
            "rotallietu-biblioteka-ringla",
            {
                "title": "Rotaļlietu bibliotēka “Ringla” Jelgavā",
                "summary": (
                    "Jelgavas romu mediatore popularizē rotaļlietu bibliotēku “Ringla” un "
                    "nodrošina tās darbību."
                ),
                "practice_status": "promising",
                "audience": "mediators",
                "contact_name": "Ināra Kozlovska",
                "contact_role": "Romu mediatore, Jelgava",
                "topics": _pick(top, "izglitiba", "kultura-un-integracija"),
                "municipalities": _pick(mun, "jelgava"),
                "tags": ["bērni", "rotaļlietu bibliotēka"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Jelgavas romu mediatores paveiktā darba sarakstā ir “Rotaļlietu "
                            "bibliotēkas “Ringla” popularizēšana un darbības nodrošināšana”. "
                            "Tā ir daļa no plašāka darba: romu iesaiste pilsētas kultūras "
                            "pasākumos, konkursos un lietderīgā brīvā laika pavadīšanā.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "info",
                            "title": "Ko vēl nezinām",
                            "text": _rich(
                                "<p>Semināra materiālos nav aprakstīts, kā bibliotēka darbojas. "
                                "Jautājiet Jelgavas romu mediatorei.</p>"
                            ),
                        },
                    ),
                ],
            },
        ),
        (
            "atbalsts-attalinatajas-macibas",
            {
                "title": "Atbalsts bērniem attālinātajās mācībās",
                "summary": (
                    "Covid-19 krīzes laikā romu mediatori Jelgavā, Ventspilī, Viļakā un Rīgā "
                    "atbalstīja bērnus ar mācīšanās grūtībām: nogādāja mācību uzdevumus tiem, "
                    "kam nav interneta un datora, un palīdzēja ar mājas darbiem."
                ),
                "practice_status": "replicated",
                "audience": "mediators",
                "topics": _pick(top, "izglitiba"),
                "municipalities": _pick(mun, "jelgava", "ventspils", "vilaka", "riga"),
                "tags": ["attālinātās mācības", "Covid-19", "skola"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Romu mediatori gan Jelgavā, gan Ventspilī, gan Viļakā un Rīgā ir "
                            "atbalstījuši bērnus ar mācīšanās grūtībām, īpaši Covid-19 krīzē "
                            "attālināto mācību laikā. Lielākās problēmas saistītas ar vāju "
                            "latviešu valodas izpratni un apguvi.</p>"
                        ),
                    ),
                    ("heading", {"text": "Kā to dara Ventspilī", "level": "h2"}),
                    (
                        "paragraph",
                        _rich(
                            "<p>Mediatore sadarbojas ar skolu administrāciju, sociālajiem "
                            "pedagogiem un skolotājiem, lai mācību uzdevumus nodotu romu bērniem, "
                            "kuriem nav pieejams internets un dators tālmācības uzdevumu izpildei, "
                            "un atbalsta mājas darbu izpildē ģimenēs, kur vecāki neprot lasīt un "
                            "rakstīt.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Semināra ieteikums",
                            "text": _rich(
                                "<p>Īpašu uzmanību pievērst romu bērniem, kuri mācās speciālās "
                                "izglītības programmās.</p>"
                            ),
                        },
                    ),
                ],
            },
        ),
        (
            "sadarbiba-ar-socialajiem-pedagogiem",
            {
                "title": "Sadarbība ar skolu sociālajiem pedagogiem",
                "summary": (
                    "Visās piecās pašvaldībās romu mediatoriem ar sociālajiem pedagogiem ir "
                    "izveidojusies cieša sadarbība: kopā noskaidro skolas kavējumu iemeslus, "
                    "risina uzvedības un konfliktu jautājumus."
                ),
                "practice_status": "replicated",
                "audience": "new_mediators",
                "topics": _pick(top, "izglitiba"),
                "municipalities": _pick(mun, "jelgava", "ventspils", "riga", "valmiera", "vilaka"),
                "tags": ["sociālais pedagogs", "skolas kavējumi", "skola"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Semināra ieteikums romu mediatoru darba uzsākšanai: veidot "
                            "mediatora sadarbību ar skolotāju palīgiem – romiem, kur tādi ir, un "
                            "ar sociālajiem pedagogiem. Romu skolotāju palīgs ir Jelgavā; pārējās "
                            "pilsētās mediatori uzskata, ka skolotāja palīgs – roms ir "
                            "nepieciešams, īpaši Ventspilī.</p>"
                        ),
                    ),
                    ("heading", {"text": "Piemēri no pašvaldībām", "level": "h2"}),
                    (
                        "paragraph",
                        _rich(
                            "<ul>"
                            "<li><strong>Jelgava:</strong> skolas kavējuma iemeslu "
                            "noskaidrošana, sadarbība ar skolotājiem, administrāciju un "
                            "sociālajiem pedagogiem, konfliktsituāciju risināšana.</li>"
                            "<li><strong>Ventspils:</strong> pārrunas skolās par iekšējās "
                            "kārtības noteikumiem, skolas apmeklējumu un uzvedību.</li>"
                            "<li><strong>Rīga:</strong> sadarbība ar pirmsskolu un skolu "
                            "pedagogiem un sociālajiem pedagogiem par kavējumiem, uzvedību un "
                            "higiēnu.</li>"
                            "<li><strong>Valmiera:</strong> sadarbība ar izglītības iestāžu "
                            "vadību un sociālajiem pedagogiem par sekmēm un mācību "
                            "kavējumiem.</li>"
                            "<li><strong>Viļaka:</strong> sadarbība ar pamatskolu, ģimnāziju un "
                            "PII «Pasaciņa».</li>"
                            "</ul>"
                        ),
                    ),
                ],
            },
        ),
        (
            "pamatizglitiba-pieaugusajiem",
            {
                "title": "Pamatizglītības ieguve pieaugušajiem Jelgavā",
                "summary": (
                    "Jelgavas romu mediatore motivē romus iegūt pamatizglītības dokumentus; "
                    "veiksmīga sadarbība izveidota ar Jelgavas Amatu vidusskolu."
                ),
                "practice_status": "promising",
                "audience": "mediators",
                "contact_name": "Ināra Kozlovska",
                "contact_role": "Romu mediatore, Jelgava",
                "topics": _pick(top, "izglitiba", "nodarbinatiba"),
                "municipalities": _pick(mun, "jelgava"),
                "tags": ["pieaugušo izglītība", "Proti un Dari"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Mediatore motivē romus pamatizglītības dokumentu iegūšanai un "
                            "informē ģimenes par ESF projekta «Proti un Dari» iespējām un "
                            "aktivitātēm Jelgavā.</p>"
                        ),
                    ),
                    _quote(
                        "Mediators ir veicinājis romu jaunās māmiņas iestāšanos Jelgavas Amatu "
                        "vidusskolā, lai pabeigtu pamatskolu un apgūtu konditora amatu. Būtu "
                        "lieliski, ja varētu iesaistīt vairāk romu pārstāvjus izglītoties pašiem, "
                        "ne tikai viņu bērniem.",
                        mun.get("jelgava"),
                    ),
                ],
            },
        ),
        (
            "informativas-dienas-biblioteka",
            {
                "title": "Informatīvās dienas bibliotēkā Viļakā",
                "summary": (
                    "Viļakas romu mediatore rīko informatīvās dienas pilsētas bibliotēkā, kur "
                    "romi uzzina par drošības, veselības un finanšu jautājumiem."
                ),
                "practice_status": "promising",
                "audience": "mediators",
                "contact_name": "Rasma Zaharenko",
                "contact_role": "Romu mediatore, Viļaka",
                "topics": _pick(top, "veselibas-aprupe", "socialie-jautajumi"),
                "municipalities": _pick(mun, "vilaka"),
                "tags": ["bibliotēka", "informatīvās dienas"],
                "body": [
                    (
                        "paragraph",
                        _rich(
                            "<p>Viļakā tiek organizētas informatīvās dienas Viļakas pilsētas "
                            "bibliotēkā: romu izglītošana drošības, veselības un finanšu "
                            "jautājumos. Sadarbība pārsniedz novada robežas – aktivitātes notiek "
                            "arī Balvos.</p>"
                        ),
                    ),
                    _quote(
                        "Mediatores darbs novadā palīdz tuvināt dažādu kultūru pārstāvjus, "
                        "integrēt romus sabiedrībā, iepazīstināt sabiedrību ar romu vēsturi un "
                        "kultūru, atvieglo pašvaldības dažādu struktūrvienību darbu.",
                        mun.get("vilaka"),
                    ),
                ],
            },
        ),
    ]


def guide_fields(topics):
    return {
        "title": "Romu mediatora darba uzsākšana",
        "summary": (
            "Seši soļi jaunam romu mediatoram: ar ko iepazīties, kādus resursus apzināt, kā veidot "
            "uzticēšanos un sadarbību, kā mācīties no kolēģiem un kā ziņot par paveikto."
        ),
        "intro": (
            "<p>Ceļvedis balstīts uz romu mediatoru pieredzes apmaiņas semināra ieteikumiem "
            "romu mediatoru darba uzsākšanai un to īstenošanu Jelgavā, Ventspilī, Rīgā, Valmierā "
            "un Viļakā. Ejiet soli pa solim vai izdrukājiet visu ceļvedi.</p>"
        ),
        "audience": "new_mediators",
        "is_demo": True,
        "topics": _pick(topics, "socialie-jautajumi", "izglitiba"),
    }


def _step(title, summary, *body):
    return {"title": title, "summary": summary, "body": list(body)}


def guide_steps(municipalities):
    return [
        (
            "iepazisties-ar-specialistiem",
            _step(
                "Iepazīstieties ar pašvaldības speciālistiem",
                "Apmeklējiet speciālistus un vienojieties par sadarbību katrā jomā.",
                (
                    "paragraph",
                    _rich(
                        "<p>Veidojiet kontaktus ar visām iesaistītajām pusēm – potenciālajiem "
                        "sadarbības partneriem. Visi mediatori, uzsākot darbu, apmeklē "
                        "pašvaldības speciālistus, lai vienotos par turpmākajiem darbiem "
                        "konkrētā jomā un sadarbības iespējām.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Ar ko iepazīties",
                        "items": [
                            "Sociālais dienests (sociālā pārvalde)",
                            "Skolas un pirmsskolas izglītības iestādes: vadība, sociālie "
                            "pedagogi, skolotāji",
                            "Domes pārvalde",
                            "Bāriņtiesa",
                            "Pašvaldības policija",
                            "Nodarbinātības valsts aģentūras (NVA) filiāle",
                            "Dzīvokļu nodaļa vai namu apsaimniekotājs",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "title": "Padoms",
                        "text": _rich(
                            "<p>Pašvaldībās mediatori visbiežāk sadarbojas ar konkrētas jomas "
                            "pārstāvi, kurš atbalsta atbilstošo jautājumu risināšanā. "
                            "Noskaidrojiet, kas tas ir katrā iestādē.</p>"
                        ),
                    },
                ),
            ),
        ),
        (
            "apziniet-resursus",
            _step(
                "Apziniet pašvaldības resursus un partnerus",
                "Ne tikai naudu: katras iestādes iespējas un potenciālos sadarbības partnerus.",
                (
                    "paragraph",
                    _rich(
                        "<p>Apziniet pašvaldībā pieejamos resursus – ne tikai finansiālos, bet "
                        "arī katras pašvaldības iestādes iespējas romu atbalstam un potenciālos "
                        "sadarbības partnerus. Jelgavā, Ventspilī un Viļakā pašvaldība nodrošina "
                        "telpas romu mediatoram un ir atradusi veidu, kā apmaksāt vairāk nekā "
                        "projektā paredzētās 4 stundas darba dienā.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Ko apzināt",
                        "items": [
                            "Telpas mediatora darbam",
                            "Projekti bērniem un jauniešiem, piemēram, “Pumpurs” un “Proti un "
                            "Dari”",
                            "Biedrības un draudzes, kas sniedz pārtikas pakas un humanitāro "
                            "palīdzību",
                            "Vieta informatīvajām dienām, piemēram, bibliotēka",
                        ],
                    },
                ),
            ),
        ),
        (
            "veidojiet-uzticesanos",
            _step(
                "Veidojiet uzticēšanos",
                "Atsaucība un uzticēšanās ir svarīgākais sekmīga darba priekšnoteikums.",
                (
                    "paragraph",
                    _rich(
                        "<p>Sadarbībai svarīga atsaucība no romu puses un uzticēšanās; "
                        "mediatoram jāstrādā, lai to panāktu. Katrs pozitīvs darba rezultāts "
                        "vairo uzticēšanos. Visi mediatori atzina, ka romu motivēšana un "
                        "mudināšana darīt pašiem un piedalīties ir viens no lielākajiem "
                        "izaicinājumiem – gan uzsākot darbu, gan to turpinot.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": "Romi vairāk uzticas savas tautības pārstāvjiem, romu mediators "
                        "palīdz mums veidot dialogu. Tas atvieglo sadarbību.",
                        "role": STAFF_ROLE,
                        "municipality": municipalities.get("riga"),
                    },
                ),
                (
                    "checklist",
                    {
                        "title": "Ikdienā",
                        "items": [
                            "Uzklausiet katra cilvēka problēmu",
                            "Skaidrojiet normatīvo aktu būtību, iestāžu kompetences un rīcības "
                            "sekas",
                            "Mudiniet darīt pašiem un piedalīties",
                            "Saskaņojiet savu rīcību ar iestādēm",
                        ],
                    },
                ),
            ),
        ),
        (
            "sadarbojieties-ar-skolu",
            _step(
                "Sadarbojieties ar skolu",
                "Sociālie pedagogi un skolotāju palīgi – romi ir mediatora tuvākie partneri.",
                (
                    "paragraph",
                    _rich(
                        "<p>Veidojiet sadarbību ar skolotāju palīgiem – romiem, kur tādi ir, un "
                        "ar sociālajiem pedagogiem. Romu skolotāju palīgs ir Jelgavā; ar "
                        "sociālajiem pedagogiem romu mediatoriem visās pašvaldībās ir "
                        "izveidojusies cieša sadarbība.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Skolā",
                        "items": [
                            "Iepazīstieties ar sociālajiem pedagogiem skolās, kur mācās romu bērni",
                            "Noskaidrojiet, vai skolā ir skolotāja palīgs – roms",
                            "Kopā noskaidrojiet skolas kavējumu iemeslus",
                            "Pievērsiet uzmanību bērniem speciālās izglītības programmās",
                            "Palīdziet reģistrēt bērnus PII obligātajai 5 un 6 gadīgo izglītībai",
                        ],
                    },
                ),
            ),
        ),
        (
            "macieties-no-kolegiem",
            _step(
                "Mācieties no pieredzējušiem mediatoriem",
                "Pieredzes apmaiņa un, ja vajag, mentors darba sākumā.",
                (
                    "paragraph",
                    _rich(
                        "<p>Organizējiet pieredzes apmaiņu ar pieredzējušiem mediatoriem. "
                        "Mediatori dalās pieredzē neformāli; pieredzes apmaiņa notikusi arī "
                        "Jelgavas un Ventspils pašvaldību darbiniekiem. Darba sākuma posmā var "
                        "būt nepieciešama mentora palīdzība.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Jautājumi pieredzes apmaiņai",
                        "items": [
                            "Pamatjautājumi, ar kuriem nākas strādāt…",
                            "Ir prieks par…",
                            "Lielākie izaicinājumi bija…",
                            "Turpmākajā darbā svarīgākais būs…",
                        ],
                    },
                ),
            ),
        ),
        (
            "atskaite-un-sazina",
            _step(
                "Iesniedziet atskaiti un uzturiet saziņu",
                "Ikmēneša atskaite, sadarbības fakti un tikšanās decembrī.",
                (
                    "paragraph",
                    _rich(
                        "<p>Romu mediatori katru mēnesi iesniedz atskaites; pēc vajadzības ir "
                        "iespēja sazināties ar projekta atbildīgajām personām. Romu mediatoru "
                        "tikšanās notiek decembrī, lai pārrunātu septembra – decembra darba "
                        "rezultātus.</p>"
                    ),
                ),
                (
                    "checklist",
                    {
                        "title": "Katru mēnesi",
                        "items": [
                            "Atskaitē ierakstiet iestādi un personu, ar kuru sadarbojāties",
                            "Iesniedziet atskaiti laikā",
                            "Sazinieties ar projekta atbildīgajām personām, kad nepieciešams",
                        ],
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "title": "Uzmanību",
                        "text": _rich(
                            "<p>Portālā nepublicējiet ziņas par ģimenēm: tā ir zināšanu bāze un "
                            "kontaktu katalogs.</p>"
                        ),
                    },
                ),
            ),
        ),
    ]


SEMINAR_SLUG = "romu-mediatoru-pieredzes-apmainas-seminars"
SURVEY_NOTE_TITLE = "Par aptaujas skaitļiem"


def add_evaluation_results(site, survey):
    """The demo survey's results on the seminar page, after the note on the survey's figures.

    Added once: a page that already has a results block (or no longer exists) is left alone.
    """
    from network.evaluation.models import LIKERT_KEYS

    from .blocks import SeminarStreamBlock

    seminar = SeminarPage.objects.descendant_of(site.root_page).filter(slug=SEMINAR_SLUG).first()
    if seminar is None or any(child.block_type == "evaluation_results" for child in seminar.body):
        return False
    block = SeminarStreamBlock().child_blocks["evaluation_results"]
    value = block.normalize(
        {
            "title": "Aptaujas rezultātu attēlojums (demo)",
            "survey": survey,
            "questions": list(LIKERT_KEYS),  # the quotes are on the page already
            "show_texts": False,
        }
    )
    notes = [
        index
        for index, child in enumerate(seminar.body)
        if child.block_type == "callout" and child.value.get("title") == SURVEY_NOTE_TITLE
    ]
    seminar.body.insert(notes[0] + 1 if notes else len(seminar.body), ("evaluation_results", value))
    seminar.save_revision().publish()
    return True

"""The knowledge part of the synthetic corpus: good practices, guides with steps, tags.

Wording is built from the seminar slides' vocabulary (portal/synthetic.py explains the marks).
"""

import time

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from portal.synthetic import (
    BATCH,
    SLUG_PREFIX,
    add_children,
    link_many,
    list_block,
    marked,
    past_moments,
    stream,
)
from taxonomy.models import Topic

from .models import (
    AUDIENCES,
    PRACTICE_STATUSES,
    ArticlePage,
    ArticlePageTag,
    GuidePage,
    GuideStepPage,
)

GUIDE_EVERY = 10
STEPS_PER_GUIDE = 5

# Per topic slug: what mediators work on in that field (the seed's words).
ISSUES = {
    "izglitiba": [
        "skolas kavējumi",
        "mācību atbalsts attālinātajās mācībās",
        "pirmsskolas izglītības iestādes apmeklējums",
        "pamatizglītības dokumentu iegūšana",
        "latviešu valodas apguve bērniem",
    ],
    "socialie-jautajumi": [
        "trūcīgās ģimenes statuss",
        "pabalstu kārtošana",
        "pārtikas pakas un higiēnas piederumi",
        "sadarbība ar sociālo dienestu",
    ],
    "veselibas-aprupe": [
        "vakcinācija",
        "ģimenes ārsta apmeklējumi",
        "medikamentu nodrošināšana",
        "fizioterapija bērniem",
    ],
    "nodarbinatiba": [
        "darba meklēšana kopā ar NVA",
        "kursi bezdarbniekiem",
        "iekārtošanās darbā",
        "ESF projektu iespējas",
    ],
    "majoklis": [
        "īres parādi",
        "komunālo maksājumu grafiki",
        "patvērums krīzes centrā",
        "dzīvokļa rindas jautājumi",
    ],
    "dokumenti": [
        "personu apliecinoši dokumenti",
        "dzīvesvietas deklarēšana",
        "iesniegumi iestādēm",
        "VSAA pakalpojumi",
    ],
    "kultura-un-integracija": [
        "romu kultūras popularizēšana",
        "sabiedrības integrācijas pasākumi",
        "brīvā laika pavadīšana jauniešiem",
        "stereotipu mazināšana",
    ],
}
APPROACHES = [
    "sadarbība ar sociālo dienestu",
    "mediatora pieredze",
    "komandas darbs",
    "ģimeņu apmeklējumi",
    "regulāras tikšanās ar skolu",
    "vienošanās par grafiku",
    "informatīvās dienas",
]
SENTENCES = [
    "Romu mediators veicina saziņu un dialogu starp pašvaldības iestāžu darbiniekiem un romu "
    "ģimenēm.",
    "Sadarbībai svarīga ir atsaucība no romu puses un uzticēšanās.",
    "Katra mediatora pozitīvais darba rezultāts vairo uzticēšanos.",
    "Romu atsaucība, motivēšana un mudināšana darīt pašiem ir viens no lielākajiem izaicinājumiem.",
    "Darbs komandā ietver gan kopīgu paveiktā izvērtēšanu, gan turpmākā plānošanu.",
    "Mediators sadarbojas ar sociālajiem pedagogiem, skolotājiem un sociālajiem darbiniekiem.",
    "Lielākās problēmas saistītas ar vāju latviešu valodas izpratni un apguvi.",
    "Mediators palīdz sastādīt vienošanos par parādu nomaksu.",
    "Ģimenes labāk iet uz kontaktu ar savas tautības mediatoru.",
    "Pašvaldība nodrošina telpas mediatoram un sedz vairāk nekā projektā paredzētās stundas.",
    "Mediatoram visu laiku jābūt informētam par aktualitātēm valstī, lai spētu ātri reaģēt.",
    "Sadarbības faktu precīzi fiksē darba uzskaitē, norādot iestādi un personu.",
    "Pieredzes apmaiņa ar pieredzējušiem mediatoriem palīdz sākt darbu.",
    "Mediators informē ģimenes par pieejamajiem pakalpojumiem un atbalsta iespējām.",
    "Ar skolu vienojas par regulārām tikšanās reizēm un kopīgu ģimeņu apmeklējumu.",
    "Pašvaldības darbinieki novērtē mediatora ieguldījumu ģimeņu atbalstā.",
]
QUOTES = [
    "Ģimenes labāk iet uz kontaktu ar mediatoru, un rezultātā mazinās parādi.",
    "Mediators palīdz ātrāk sazināties ar ģimeni, kad bērns nenāk uz skolu.",
    "Sadarbība ar mediatoru ir ļoti vajadzīga un noderīga.",
]
STEPS = [
    ("Iepazīstieties ar pašvaldības speciālistiem", "Apmeklējiet sociālo dienestu un skolas."),
    ("Apzināt pieejamos resursus", "Ne tikai finansiālos, arī katras iestādes iespējas."),
    ("Veidojiet uzticēšanos ģimenēm", "Uzticēšanās rodas no katra paveiktā darba."),
    ("Mēneša atskaite", "Katru mēnesi fiksējiet sadarbības faktus un rezultātus."),
    ("Ētikas kodekss", "Konfidencialitāte, cieņa un godīgums pret ģimenēm un iestādēm."),
]
CHECKLIST = [
    "Vienoties par kontaktpersonu iestādē",
    "Pierakstīt tikšanās datumu un iestādi",
    "Informēt ģimeni par nākamo soli",
    "Atzīmēt rezultātu mēneša atskaitē",
]
TAG_WORDS = [
    "parādi",
    "skola",
    "vakcinācija",
    "NVA",
    "dokumenti",
    "deklarēšanās",
    "pabalsti",
    "krīzes centrs",
    "valoda",
    "jaunieši",
    "mācības",
    "sadarbība",
]


def create_knowledge(index_page, places, count, rng, log):
    """`count` articles and guides (one in GUIDE_EVERY a guide with steps) below the index."""
    started = time.monotonic()
    topics = list(Topic.objects.all())
    tags = create_tags()
    guide_count = count // GUIDE_EVERY
    article_count = count - guide_count
    moments = past_moments(rng, count)
    review_by = timezone.localdate() + timezone.timedelta(days=365)
    articles, guides, steps_by_guide = [], [], []
    topic_pairs, place_pairs, tag_rows = [], [], []
    for number in range(count):
        topic = rng.choice(topics)
        place = rng.choice(places) if places else None
        issue = rng.choice(ISSUES.get(topic.slug, ["sadarbība ar ģimenēm"]))
        where = f" {place.name_locative}" if place else ""
        fields = {
            "summary": " ".join(rng.sample(SENTENCES, 2)),
            "audience": rng.choice(AUDIENCES)[0],
            "is_demo": True,
            "first_published_at": moments[number],
            "review_by": review_by,
        }
        if number < article_count:
            title = f"{issue.capitalize()}{where}: {rng.choice(APPROACHES)}"
            page = ArticlePage(
                title=marked(title),
                slug=f"{SLUG_PREFIX}prakse-{number:05d}",
                body=article_body(rng, place),
                practice_status=rng.choice(PRACTICE_STATUSES)[0],
                contact_role=f"Romu mediators, {place.title}" if place else "",
                **fields,
            )
            articles.append(page)
            for tag in rng.sample(tags, 2):
                tag_rows.append((page, tag))
        else:
            title = f"Ceļvedis: {issue}{where}"
            page = GuidePage(
                title=marked(title),
                slug=f"{SLUG_PREFIX}celvedis-{number:05d}",
                intro=f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>",
                **fields,
            )
            guides.append(page)
            steps_by_guide.append((page, guide_steps(rng, number)))
        topic_pairs.append((page, topic))
        if place:
            place_pairs.append((page, place))
    add_children([(index_page, articles + guides)])
    add_children(steps_by_guide)
    for model in (ArticlePage, GuidePage):
        mine = [(page.pk, topic.pk) for page, topic in topic_pairs if isinstance(page, model)]
        link_many(model, "topics", mine)
        mine = [(page.pk, place.pk) for page, place in place_pairs if isinstance(page, model)]
        link_many(model, "municipalities", mine)
    ArticlePageTag.objects.bulk_create(
        [ArticlePageTag(content_object_id=page.pk, tag_id=tag.pk) for page, tag in tag_rows],
        batch_size=BATCH,
    )
    step_count = sum(len(steps) for _guide, steps in steps_by_guide)
    log(
        f"  {len(articles)} articles, {len(guides)} guides with {step_count} steps, "
        f"{len(tags)} tags ({time.monotonic() - started:.1f} s)"
    )
    return {
        "articles": len(articles),
        "guides": len(guides),
        "guide_steps": step_count,
        "tags": len(tags),
    }


def create_tags():
    tags = [
        Tag(name=marked(word), slug=f"{SLUG_PREFIX}{slugify(word)}-{number}")
        for number, word in enumerate(TAG_WORDS)
    ]
    return Tag.objects.bulk_create(tags)


def article_body(rng, place):
    blocks = [
        ("paragraph", f"<p>{' '.join(rng.sample(SENTENCES, 4))}</p>"),
        ("heading", {"text": "Kā tas notiek", "level": "h2"}),
        ("paragraph", f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>"),
        (
            "callout",
            {"kind": "tip", "title": "Padoms", "text": f"<p>{rng.choice(SENTENCES)}</p>"},
        ),
    ]
    if place:
        blocks.append(
            (
                "quote",
                {
                    "text": rng.choice(QUOTES),
                    "role": "Pašvaldības iestādes darbinieks",
                    "municipality": place.pk,
                },
            )
        )
    return stream(*blocks)


def guide_steps(rng, number):
    return [
        GuideStepPage(
            title=marked(title),
            slug=f"{SLUG_PREFIX}solis-{number:05d}-{position}",
            summary=summary,
            body=stream(
                ("paragraph", f"<p>{' '.join(rng.sample(SENTENCES, 3))}</p>"),
                ("checklist", {"title": "Pārbaudiet", "items": list_block(CHECKLIST)}),
            ),
        )
        for position, (title, summary) in enumerate(STEPS, start=1)
    ]

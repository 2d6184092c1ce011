"""The network part of the synthetic corpus: municipalities, the directory, mediators, posts.

Municipality names are Latvia's 43 real ones (names only); every organisation, service,
person and text is invented and marked (portal/core/synthetic.py explains the marks); the words
are data/synthetic.yaml. Contact details are example.org addresses and "+371 0…" numbers,
which no Latvian number starts with.
"""

import datetime
import time
import uuid
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from network.directory.models import (
    Contact,
    Location,
    MunicipalityPage,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from network.mediators.models import FamiliesSupported, MediatorLanguage, MediatorProfilePage
from network.posts.models import ExperiencePostPage, Reply
from portal.core import demo_data
from portal.core.synthetic import (
    BATCH,
    MARK,
    SLUG_PREFIX,
    USERNAME_PREFIX,
    add_children,
    link_many,
    marked,
    past_moments,
)
from taxonomy.models import Topic

SERVICES_PER_ORGANIZATION = 4
WORDS_FILE = Path(__file__).resolve().parent / "data" / "synthetic.yaml"
# The directory's rows, in the order they can be inserted (each refers only to earlier ones).
DIRECTORY_MODELS = [Organization, Location, Service, Contact, Phone, Schedule, ServiceAtLocation]


@cache
def words():
    """data/synthetic.yaml, read once per process (callers only read it)."""
    return demo_data.read(WORDS_FILE)


def municipalities():
    """(name, locative, genitive, planning region) of all 43, state cities first."""
    novads_forms = words()["novads_forms"]
    return [tuple(city) for city in words()["state_cities"]] + [
        (*(form.format(stem=stem) for form in novads_forms), region)
        for stem, region in words()["novadi"]
    ]


def synthetic_services():
    return Service.objects.filter(name__endswith=MARK)


def synthetic_records():
    """Directory querysets in the order they can be deleted (services protect the rest)."""
    return [
        synthetic_services(),
        Location.objects.filter(name__endswith=MARK),
        Organization.objects.filter(name__endswith=MARK),
    ]


def create_municipalities(index_page, count):
    pages = [
        MunicipalityPage(
            title=marked(name),
            slug=f"{SLUG_PREFIX}{slugify(name)}",
            name_locative=locative,
            name_genitive=genitive,
            region=region,
            summary=words()["municipality_summary"].format(name=name),
        )
        for name, locative, genitive, region in municipalities()[:count]
    ]
    add_children([(index_page, pages)])
    return pages


def new_id(rng):
    """A version-4 UUID from the seeded rng, so a seed gives the same ids."""
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def create_directory(places, count, rng, log):
    """`count` services, four per organisation, each with contacts, phones, hours, an address."""
    started = time.monotonic()
    if not count:
        return {"organizations": 0, "locations": 0, "services": 0}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    rows = {model: [] for model in DIRECTORY_MODELS}
    links = {"service_areas": [], "topics": []}
    for number in range(-(-count // SERVICES_PER_ORGANIZATION)):
        place = places[number % len(places)]
        organization, location, offers = new_organization(rng, number, place)
        rows[Organization].append(organization)
        rows[Location].append(location)
        for offer in range(min(SERVICES_PER_ORGANIZATION, count - len(rows[Service]))):
            name, topic_slug, role = offers[offer % len(offers)]
            if offer >= len(offers):  # a kind with fewer services repeats one, numbered
                name = f"{name} ({offer + 1})"
            service = add_service(rows, rng, location, name, role)
            links["service_areas"].extend(service_areas(rng, service, places, number))
            if topic_slug in topics:
                links["topics"].append((service.pk, topics[topic_slug].pk))
    for model, model_rows in rows.items():
        model.objects.bulk_create(model_rows, batch_size=BATCH)
    for field_name, pairs in links.items():
        link_many(Service, field_name, pairs)
    counts = {
        "organizations": len(rows[Organization]),
        "locations": len(rows[Location]),
        "services": len(rows[Service]),
        "contacts": len(rows[Contact]),
        "phones": len(rows[Phone]),
        "schedules": len(rows[Schedule]),
    }
    log(
        f"  {counts['services']} services of {counts['organizations']} organisations with "
        f"{counts['contacts']} contacts, {counts['phones']} phones, "
        f"{counts['schedules']} opening hours ({time.monotonic() - started:.1f} s)"
    )
    return counts


def new_organization(rng, number, place):
    """An organisation of a random kind in place, its address, and the services of its kind."""
    organization_kind = rng.choice(words()["organizations"])
    name = words()["organization_name"].format(
        genitive=place.name_genitive, kind=organization_kind["kind"], number=number + 1
    )
    organization = Organization(
        id=new_id(rng),
        name=marked(name),
        description=rng.choice(words()["descriptions"]),
        email=f"synth-org-{number:05d}@example.org",
        website=f"https://example.org/synth/{number:05d}/",
        is_demo=True,
    )
    location = Location(
        id=new_id(rng),
        organization=organization,
        name=organization.name,
        address_1=words()["address"].format(number=number % 97 + 1),
        city=place.title.removesuffix(f" {MARK}"),
        region=place.region,
        is_demo=True,
    )
    return organization, location, organization_kind["services"]


def add_service(rows, rng, location, name, role):
    """A service at location with its contact, phones and weekday hours, added to rows."""
    serial = len(rows[Service])
    statuses = words()["service_statuses"]
    service = Service(
        id=new_id(rng),
        organization=location.organization,
        name=marked(name),
        description=" ".join(rng.sample(words()["descriptions"], 2)),
        email=f"synth-svc-{serial:05d}@example.org",
        status=rng.choices(list(statuses), weights=list(statuses.values()))[0],
        assured_date=datetime.date.today() - datetime.timedelta(days=rng.randint(0, 540)),
        languages=rng.choice(words()["language_sets"]),
        is_demo=True,
    )
    rows[Service].append(service)
    rows[Contact].append(
        Contact(
            id=new_id(rng),
            service=service,
            title=role,
            email=f"synth-kontakts-{serial:05d}@example.org",
        )
    )
    for order in range(rng.randint(1, 2)):
        rows[Phone].append(
            Phone(
                id=new_id(rng),
                service=service,
                number=f"+371 0000 {(serial * 2 + order) % 10000:04d}",  # not a real number
                type="cell" if order else "voice",
                description=role,
                sort_order=order,
            )
        )
    rows[Schedule].extend(opening_hours(rng, service))
    rows[ServiceAtLocation].append(
        ServiceAtLocation(id=new_id(rng), service=service, location=location)
    )
    return service


def opening_hours(rng, service):
    """Monday to Friday from nine; Friday closes at three, the other days at four to six."""
    closes = datetime.time(rng.choice([16, 17, 18]))
    return [
        Schedule(
            id=new_id(rng),
            service=service,
            weekday=weekday,
            opens_at=datetime.time(9),
            closes_at=datetime.time(15) if weekday == 4 else closes,
            sort_order=weekday,
        )
        for weekday in range(5)
    ]


def service_areas(rng, service, places, number):
    """(service, municipality) pairs: its own place, and for some a neighbouring one too."""
    place = places[number % len(places)]
    areas = [(service.pk, place.pk)]
    if rng.random() < 0.1:
        neighbour = places[(number + 1) % len(places)]
        if neighbour.pk != place.pk:
            areas.append((service.pk, neighbour.pk))
    return areas


def create_people(
    mediator_index, experience_index, places, count, post_count, replies_per_post, rng, log
):
    """`count` mediators (an account and a profile each), their posts, colleagues' replies."""
    started = time.monotonic()
    topics = list(Topic.objects.all())
    users, profiles = create_mediators(mediator_index, places, count, rng)
    add_profile_details(profiles, topics, rng)
    posts = create_posts(experience_index, places, profiles, post_count, topics, rng)
    replies = [
        Reply(post_id=post.pk, author_id=rng.choice(users).pk, body=rng.choice(words()["replies"]))
        for post in posts
        for _ in range(replies_per_post)
    ]
    Reply.objects.bulk_create(replies, batch_size=BATCH)
    log(
        f"  {len(profiles)} mediators with accounts, {len(posts)} posts, "
        f"{len(replies)} replies ({time.monotonic() - started:.1f} s)"
    )
    return {
        "users": len(users),
        "mediators": len(profiles),
        "posts": len(posts),
        "replies": len(replies),
    }


def create_mediators(mediator_index, places, count, rng):
    """`count` accounts (no usable password) and their profile pages, in a place each in turn."""
    users, profiles = [], []
    for number in range(count):
        gender = rng.choice("ffm")
        first = rng.choice(words()["first_names"][gender])
        last = rng.choice(words()["surnames"][gender])
        username = f"{USERNAME_PREFIX}{number:04d}"
        users.append(
            get_user_model()(
                username=username,
                first_name=first,
                last_name=marked(last),
                email=f"{username}@example.org",
                password=make_password(None),
            )
        )
        consent = rng.random() < 0.5
        profiles.append(
            MediatorProfilePage(
                title=marked(f"{first} {last}"),
                slug=f"{SLUG_PREFIX}{slugify(f'{first} {last}')}-{number:04d}",
                municipality_id=places[number % len(places)].pk,
                working_since=datetime.date(rng.randint(2012, 2024), rng.randint(1, 12), 1),
                working_hours=rng.choice(words()["working_hours"]),
                bio=rng.choice(words()["bios"]),
                contact_consent=consent,
                public_email=f"{username}@example.org" if consent else "",
                is_demo=True,
            )
        )
    get_user_model().objects.bulk_create(users, batch_size=BATCH)
    for user, profile in zip(users, profiles, strict=True):
        profile.user_id = profile.owner_id = user.pk
    add_children([(mediator_index, profiles)])
    return users, profiles


def add_profile_details(profiles, topics, rng):
    """Each profile's languages, families supported per year and two topics."""
    languages, families, profile_topics = [], [], []
    for profile in profiles:
        codes = rng.choice(words()["mediator_languages"])
        languages.extend(
            MediatorLanguage(page_id=profile.pk, language=code, sort_order=order)
            for order, code in enumerate(codes)
        )
        families.extend(
            FamiliesSupported(
                page_id=profile.pk,
                period=words()["families_period"].format(year=year),
                families=rng.randint(5, 40),
                source=words()["families_source"],
                sort_order=order,
            )
            for order, year in enumerate(words()["families_years"])
        )
        profile_topics.extend((profile.pk, topic.pk) for topic in rng.sample(topics, 2))
    MediatorLanguage.objects.bulk_create(languages, batch_size=BATCH)
    FamiliesSupported.objects.bulk_create(families, batch_size=BATCH)
    link_many(MediatorProfilePage, "topics", profile_topics)


def create_posts(experience_index, places, profiles, count, topics, rng):
    """`count` experience posts, each by a random mediator about their municipality."""
    places_by_pk = {place.pk: place for place in places}
    moments = past_moments(rng, count)
    posts = []
    for number in range(count):
        author = rng.choice(profiles)
        place = places_by_pk[author.municipality_id]
        title = rng.choice(words()["post_titles"]).format(where=place.name_locative)
        posts.append(
            ExperiencePostPage(
                title=marked(title),
                slug=f"{SLUG_PREFIX}pieredze-{number:05d}",
                author_profile_id=author.pk,
                municipality_id=place.pk,
                owner_id=author.owner_id,
                first_published_at=moments[number],
                is_demo=True,
                **{name: rng.choice(texts) for name, texts in words()["prompt_texts"].items()},
            )
        )
    add_children([(experience_index, posts)])
    post_topics = [(post.pk, rng.choice(topics).pk) for post in posts]
    link_many(ExperiencePostPage, "topics", post_topics)
    return posts

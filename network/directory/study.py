"""What a municipality without a mediator or a catalogue can study instead: the municipalities
that have a mediator (those its own text names first, then the nearest), their good practice
and their mediators' experience posts, each with a "compare" link."""

import math
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count

from network.directory.models.services import Service
from portal.core.pages import restricted

EXAMPLES_SHOWN = 3
ARTICLES_SHOWN = 5
POSTS_SHOWN = 5
# Degrees of longitude are shorter than degrees of latitude in Latvia (cos 57°).
LON_SCALE = 0.545


@dataclass
class Example:
    """A municipality with a mediator, as a suggestion to study."""

    page: object
    mentioned: bool
    services: int = 0
    practices: int = 0


@dataclass
class Study:
    examples: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    posts: list = field(default_factory=list)


def mention_position(text, option):
    """Where `text` first names the municipality (any of its name forms), or None."""
    names = {option["title"], option["name_genitive"], option["name_locative"]} - {""}
    found = [
        match.start()
        for name in names
        if (match := re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE))
    ]
    return min(found) if found else None


def distance(page, option):
    """A rough distance in degrees of latitude (enough to say which town is nearer)."""
    if None in (page.latitude, page.longitude, option["latitude"], option["longitude"]):
        return math.inf
    north = float(page.latitude) - float(option["latitude"])
    east = (float(page.longitude) - float(option["longitude"])) * LON_SCALE
    return math.hypot(north, east)


def ranked_with_mediator(page, options):
    """The other municipalities that have a mediator: those the page's summary names first (in
    the order named), then the nearest. `options` are MunicipalityPage.compare_options()."""
    ranked = []
    for option in options:
        if option["slug"] == page.slug or not option["mediators_text"]:
            continue
        position = mention_position(page.summary, option)
        key = (position is None, position or 0, distance(page, option), option["title"])
        ranked.append((key, option, position is not None))
    return [(option, mentioned) for _key, option, mentioned in sorted(ranked, key=lambda r: r[0])]


def related_model(page, name):
    """The model behind a reverse relation of MunicipalityPage (another room's pages), or None:
    the directory does not import the rooms above it."""
    try:
        return type(page)._meta.get_field(name).related_model
    except FieldDoesNotExist:
        return None


def study_for(page, options):
    """Suggestions for `page`; a few queries whatever the number of municipalities."""
    chosen = ranked_with_mediator(page, options)[:EXAMPLES_SHOWN]
    if not chosen:
        return Study()
    mentioned = {option["slug"]: is_mentioned for option, is_mentioned in chosen}
    siblings = type(page).objects.live().sibling_of(page).filter(slug__in=mentioned)
    pages = {sibling.slug: sibling for sibling in siblings}
    examples = [Example(pages[slug], mentioned[slug]) for slug in mentioned if slug in pages]
    by_pk = {example.page.pk: example for example in examples}
    study = Study(examples=examples)
    _count_services(by_pk)
    articles = related_model(page, "article_pages")
    if articles is not None:
        practices = articles.objects.live().exclude(restricted()).filter(municipalities__in=by_pk)
        counts = practices.values("municipalities").annotate(total=Count("pk", distinct=True))
        for row in counts.order_by():
            by_pk[row["municipalities"]].practices = row["total"]
        fields = ("title", "path", "url_path", "locale_id", "first_published_at")
        study.articles = list(_newest(practices.only(*fields).distinct())[:ARTICLES_SHOWN])
    posts = related_model(page, "experience_posts")
    if posts is not None:
        mine = posts.objects.live().exclude(restricted()).filter(municipality__in=by_pk)
        study.posts = list(_newest(mine.select_related("municipality"))[:POSTS_SHOWN])
    return study


def _newest(pages):
    return pages.order_by("-first_published_at", "-pk")


def _count_services(by_pk):
    counts = (
        Service.objects.public()
        .filter(service_areas__in=by_pk)
        .values("service_areas")
        .annotate(total=Count("pk", distinct=True))
        .order_by()
    )
    for row in counts:
        by_pk[row["service_areas"]].services = row["total"]

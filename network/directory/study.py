"""What a municipality without a mediator or a catalogue can study instead: the municipalities
that have a mediator (those its own text names first, then the nearest), their good practice
and their mediators' experience posts, each with a "compare" link."""

import math
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from network.directory.models.services import Service
from portal.core.cache import remember
from portal.core.pages import restricted

EXAMPLES_SHOWN = 3
# What a suggestion's card and links read of a municipality (its page URL included).
TABLE_PAGE_FIELDS = ("id", "slug", "title", "mediators_text", "path", "url_path", "locale_id")
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
    """Suggestions for `page`, picked from study_table(): no query once another municipality
    page has built the table since the last content change."""
    chosen = ranked_with_mediator(page, options)[:EXAMPLES_SHOWN]
    if not chosen:
        return Study()
    table = remember(
        f"study-table:v2:{page.path[: -page.steplen]}", lambda: study_table(page, options)
    )
    entries = [(table.get(option["slug"]), is_mentioned) for option, is_mentioned in chosen]
    entries = [(entry, is_mentioned) for entry, is_mentioned in entries if entry]
    return Study(
        examples=[
            Example(entry.page, is_mentioned, entry.services, entry.practices)
            for entry, is_mentioned in entries
        ],
        articles=_newest_of([entry.articles for entry, _ in entries], ARTICLES_SHOWN),
        posts=_newest_of([entry.posts for entry, _ in entries], POSTS_SHOWN),
    )


@dataclass
class TableEntry:
    """What study_for() may show of one municipality with a mediator."""

    page: object
    services: int = 0
    practices: int = 0
    articles: list = field(default_factory=list)
    posts: list = field(default_factory=list)


def study_table(page, options):
    """{slug: TableEntry} of every sibling of `page` that has a mediator, with its counts and its
    newest practices and posts: the siblings from `options` (MunicipalityPage.compare_options),
    then four queries whatever the number of municipalities, shared by all their pages."""
    model = type(page)
    table = {
        option["slug"]: TableEntry(
            model(page_ptr_id=option["id"], **{name: option[name] for name in TABLE_PAGE_FIELDS})
        )
        for option in options
        if option["mediators_text"]
    }
    by_pk = {entry.page.pk: entry for entry in table.values()}
    _count_services(by_pk)
    articles = related_model(page, "article_pages")
    if articles is not None:
        practices = articles.objects.live().exclude(restricted()).filter(municipalities__in=by_pk)
        fields = ("title", "path", "url_path", "locale_id", "first_published_at")
        newest = _first_per(practices.only(*fields), "municipalities", ARTICLES_SHOWN)
        for article in newest:
            by_pk[article.place].articles.append(article)
            by_pk[article.place].practices = article.place_total
    posts = related_model(page, "experience_posts")
    if posts is not None:
        mine = posts.objects.live().exclude(restricted()).filter(municipality__in=by_pk)
        for post in _first_per(mine.select_related("municipality"), "municipality", POSTS_SHOWN):
            by_pk[post.place].posts.append(post)
    return table


def _first_per(pages, place, limit):
    """The newest `limit` pages of each place, `place` and the place's `place_total` set on
    each: one window query (a plain ORDER BY first_published_at LIMIT scans every page when
    the places have few)."""
    newest = [F("first_published_at").desc(nulls_last=True), F("pk").desc()]
    numbered = pages.annotate(
        place=F(place),
        number=Window(RowNumber(), partition_by=F(place), order_by=newest),
        place_total=Window(Count("pk"), partition_by=F(place)),
    )
    return numbered.filter(number__lte=limit).order_by(*newest)


def _newest_of(lists, limit):
    """The newest `limit` pages of some places' lists, each page once (an article may name two)."""
    unique = {page.pk: page for pages in lists for page in pages}
    return sorted(unique.values(), key=_publication_order, reverse=True)[:limit]


def _publication_order(page):
    """Newest first when reversed, as ORDER BY first_published_at DESC NULLS LAST, pk DESC."""
    return (page.first_published_at is not None, page.first_published_at or 0, page.pk)


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

"""The good practice a municipality page links: its newest live public articles and how many
there are, in one query. Written in SQL: the ORM's version (a window count and an anti-join
for view restrictions) took longer to compile and plan than PostgreSQL took to run it."""

from functools import cache

from django.db import connection
from wagtail.models import Page, PageViewRestriction

from portal.core.lists import Shortlist

# What a practice's link needs (its title and URL), as Page fields; its own key is added.
PRACTICE_FIELDS = {"id", "title", "path", "url_path", "locale_id"}


@cache
def practice_columns(model):
    """The fields read of an article page model, in the order Model.from_db() takes them."""
    wanted = PRACTICE_FIELDS | {model._meta.pk.attname}
    return tuple(f.attname for f in model._meta.concrete_fields if f.attname in wanted)


@cache
def linked_practices_sql(relation):
    """The query for a many-to-many relation from an article page model to municipalities
    (`relation`: its ManyToManyRel, the municipality's side), with table and column names
    from the models. A page is restricted when a view restriction is on it or an ancestor:
    a restricted page's path begins its path."""
    field, model = relation.field, relation.related_model
    article = f"link.{field.m2m_column_name()}"
    pages = Page._meta.db_table
    columns = ", ".join(
        article if name == model._meta.pk.attname else f"page.{name}"
        for name in practice_columns(model)
    )
    # Only table and column names go into the text; every value is a parameter.
    return f"""
SELECT {columns}, COUNT(*) OVER () AS total
FROM {field.m2m_db_table()} link
JOIN {pages} page ON page.id = {article}
WHERE link.{field.m2m_reverse_name()} = %(municipality)s AND page.live = %(live)s
  AND NOT EXISTS (
    SELECT 1 FROM {PageViewRestriction._meta.db_table} restriction
    JOIN {pages} restricted ON restricted.id = restriction.page_id
    WHERE SUBSTR(page.path, 1, LENGTH(restricted.path)) = restricted.path)
ORDER BY page.first_published_at DESC NULLS LAST, page.id DESC
LIMIT %(limit)s"""  # noqa: S608


def read_linked_practices(relation, municipality_id, limit):
    """Shortlist of the newest `limit` live public pages linked to the municipality through
    `relation`, and their number; each of the relation's page model, with only the fields a
    link needs (the rest deferred). NULLS LAST: an order the date index can't give, so
    PostgreSQL starts from this municipality's links, not from every page by date (15–25 ms
    at 28,000 pages)."""
    model = relation.related_model
    params = {"municipality": municipality_id, "live": True, "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(linked_practices_sql(relation), params)
        rows = cursor.fetchall()
    columns = practice_columns(model)
    practices = [model.from_db(connection.alias, columns, row[:-1]) for row in rows]
    return Shortlist(practices, rows[0][-1] if rows else 0)

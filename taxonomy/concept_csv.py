"""The vocabulary as CSV: the columns the admin exports, and an import of the same columns that
creates or updates concepts by slug, all rows or none.

Links and terms are written as slugs and terms joined by "; ", so a spreadsheet shows them on
one line; the import reads commas, semicolons and new lines alike.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from portal.core.bulk_saves import deferred_indexing

from .models import TERM_FIELDS, TERM_SEPARATORS, Concept, Topic

TERM_COLUMNS = tuple(field for field in TERM_FIELDS if field != "label")
COLUMNS = ("slug", "label", "topic", "broader", "related", "definition", *TERM_COLUMNS)
REQUIRED_COLUMNS = ("slug", "label")
JOIN = "; "
MAX_BYTES = 2 * 1024 * 1024


class ImportRejected(Exception):
    """The file cannot be imported; `errors` say why, row by row where a row is at fault."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = list(errors)


def split(value):
    return [part for part in TERM_SEPARATORS.split(value or "") if part]


def concept_row(concept):
    """A concept as one CSV row (dict by column)."""
    row = {
        "slug": concept.slug,
        "label": concept.label,
        "topic": concept.topic.slug if concept.topic else "",
        "broader": concept.broader.slug if concept.broader else "",
        "related": JOIN.join(sorted(other.slug for other in concept.related.all())),
        "definition": concept.definition,
    }
    row.update({field: JOIN.join(concept.term_list(field)) for field in TERM_COLUMNS})
    return row


def export_csv(concepts):
    """The concepts as CSV text (header, then one row each), as the admin exports them."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(concept_row(concept) for concept in concepts)
    return output.getvalue()


def read_rows(data):
    """The rows of an uploaded CSV file (bytes), as dicts; ImportRejected if it is no such file."""
    if len(data) > MAX_BYTES:
        raise ImportRejected([_("Fails ir lielāks par 2 MB.")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([_("Tas nav CSV fails UTF-8 kodējumā.")]) from None
    if "\x00" in text or not text.strip():
        raise ImportRejected([_("Tas nav CSV fails vai tas ir tukšs.")])
    header = text.splitlines()[0]
    # Spreadsheets set to Latvian write semicolons between cells; the export writes commas.
    delimiter = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportRejected(
            [_("Failā nav kolonnu: %(columns)s.") % {"columns": ", ".join(missing)}]
        )
    reader.fieldnames = columns
    try:
        return [
            {name: (value or "").strip() for name, value in row.items() if name in COLUMNS}
            for row in reader
        ]
    except csv.Error as error:
        raise ImportRejected([_("CSV failu nevar nolasīt: %(error)s") % {"error": error}]) from None


def row_errors(number, row, file_slugs, known_slugs, topics):
    """What is wrong with one row (numbered as a spreadsheet numbers it)."""
    errors = []
    slug, label = row.get("slug", ""), row.get("label", "")
    try:
        validate_slug(slug)
    except ValidationError:
        errors.append(_("nederīgs slug “%(slug)s”") % {"slug": slug})
    if file_slugs.count(slug) > 1:
        errors.append(_("slug “%(slug)s” ir vairākās rindās") % {"slug": slug})
    if not label:
        errors.append(_("nav nosaukuma (label)"))
    elif len(label) > Concept._meta.get_field("label").max_length:
        errors.append(_("nosaukums ir par garu"))
    if row.get("topic") and row["topic"] not in topics:
        errors.append(_("nezināma tēma “%(topic)s”") % {"topic": row["topic"]})
    broader = row.get("broader", "")
    if broader and (broader not in known_slugs or broader == slug):
        errors.append(_("nezināms plašākais jēdziens “%(slug)s”") % {"slug": broader})
    for other in split(row.get("related", "")):
        if other not in known_slugs:
            errors.append(_("nezināms saistītais jēdziens “%(slug)s”") % {"slug": other})
    return [_("Rinda %(number)s: %(error)s.") % {"number": number, "error": e} for e in errors]


def validate(rows):
    """Every row's errors, or an error for a file without rows."""
    if not rows:
        return [_("Failā nav neviena jēdziena.")]
    file_slugs = [row.get("slug", "") for row in rows]
    known_slugs = set(file_slugs) | set(Concept.objects.values_list("slug", flat=True))
    topics = set(Topic.objects.values_list("slug", flat=True))
    labels = [row.get("label", "") for row in rows]
    errors = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        errors += row_errors(number, row, file_slugs, known_slugs, topics)
        if row.get("label") and labels.count(row["label"]) > 1:
            errors.append(
                _("Rinda %(number)s: nosaukums “%(label)s” ir vairākās rindās.")
                % {"number": number, "label": row["label"]}
            )
    return errors + cycle_errors(rows)


def cycle_errors(rows):
    """Rows whose chain of broader concepts comes back to them (after the file is applied)."""
    broader = dict(Concept.objects.values_list("slug", "broader__slug"))
    broader.update({row["slug"]: row["broader"] for row in rows if "broader" in row})
    errors = []
    for number, row in enumerate(rows, start=2):
        seen, slug = set(), row.get("slug")
        while slug and slug not in seen:
            seen.add(slug)
            slug = broader.get(slug)
        if slug == row.get("slug"):
            errors.append(
                _("Rinda %(number)s: plašāko jēdzienu ķēde atgriežas pie “%(slug)s”.")
                % {"number": number, "slug": slug}
            )
    return errors


def import_rows(rows, user=None):
    """Create or update the rows' concepts by slug, all or none; returns (created, updated).

    A column the file does not have leaves that field as it is; an empty cell empties it."""
    errors = validate(rows)
    if errors:
        raise ImportRejected(errors)
    try:
        # Indexes are brought up to date once per concept, not on each of its saves.
        with transaction.atomic(), deferred_indexing():
            return _write(rows, user)
    except IntegrityError:
        raise ImportRejected(
            [_("Nosaukums jau pieder citam jēdzienam, kura nav failā; mainiet vienu no tiem.")]
        ) from None


def _write(rows, user):
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    concepts, created = {}, 0
    for row in rows:
        fields = {name: row[name] for name in ("label", "definition", *TERM_COLUMNS) if name in row}
        if "topic" in row:
            fields["topic"] = topics.get(row["topic"])
        concept, is_new = Concept.objects.update_or_create(slug=row["slug"], defaults=fields)
        concepts[concept.slug] = concept
        created += is_new
    for row in rows:  # links, once every row's concept exists
        concept = concepts[row["slug"]]
        if "broader" in row:
            concept.broader = Concept.objects.filter(slug=row["broader"]).first()
        if "related" in row:
            concept.related.set(Concept.objects.filter(slug__in=split(row["related"])))
        concept.save()
        concept.save_revision(user=user, log_action=True)
    return created, len(rows) - created

"""Municipalities side by side (`?m=jelgava&m=ventspils`), for those studying others' practice."""

from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

MIN_COMPARED = 2
MAX_COMPARED = 4


@dataclass
class Row:
    label: str
    cells: list  # one per municipality: a string, or a list of (text, url) for lists
    is_list: bool = False

    @property
    def unknown(self):
        """Nothing known for any municipality compared."""
        return all(cell in ("—", []) for cell in self.cells)


@dataclass
class Comparison:
    choices: list  # every municipality that can be chosen
    selected: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    rows: list = field(default_factory=list)

    @property
    def table(self):
        """The rows with something known, each cell beside its municipality's title (a phone
        shows the title in every cell, so no column hides sideways)."""
        titles = [municipality.title for municipality in self.selected]
        return [
            (row, list(zip(titles, row.cells, strict=True))) for row in self.rows if not row.unknown
        ]

    @property
    def unknown_labels(self):
        """Rows unknown for every municipality: one sentence instead of rows of "—"."""
        return [row.label for row in self.rows if row.unknown]


def build_comparison(municipalities, slugs):
    """Validates the chosen slugs and builds the table rows; errors are messages for people."""
    choices = list(municipalities)
    by_slug = {m.slug: m for m in choices}
    slugs = list(dict.fromkeys(s.strip().lower() for s in slugs if s.strip()))
    comparison = Comparison(choices=choices)
    if not slugs:
        return comparison
    unknown = [s for s in slugs if s not in by_slug]
    if unknown:
        comparison.errors.append(
            _("Nezināma pašvaldība: %(names)s.") % {"names": ", ".join(unknown)}
        )
    selected = [by_slug[s] for s in slugs if s in by_slug]
    if not MIN_COMPARED <= len(slugs) <= MAX_COMPARED:
        comparison.errors.append(
            _("Izvēlieties no %(min)s līdz %(max)s pašvaldībām.")
            % {"min": MIN_COMPARED, "max": MAX_COMPARED}
        )
    if comparison.errors:
        return comparison
    comparison.selected = selected
    comparison.rows = _rows(selected)
    return comparison


def _unknown():
    return "—"


def _rows(selected):
    rows = [
        Row(_("Reģions"), [m.region or _unknown() for m in selected]),
        Row(_("Mediators"), [m.mediators_text or _unknown() for m in selected]),
        Row(
            _("Mediators strādā kopš"),
            [
                date_format(m.mediator_since, "F Y") if m.mediator_since else _unknown()
                for m in selected
            ],
        ),
        Row(_("Atbalstītās ģimenes"), [_families(m) for m in selected]),
        Row(_("Telpas nodrošina pašvaldība"), [_yes_no(m.office_provided) for m in selected]),
        Row(_("Apmaksātais darba laiks"), [m.funded_hours or _unknown() for m in selected]),
        Row(
            _("Sadarbības partneri"),
            [
                _shortlist([(name, "") for name in partners], partners)
                for partners in (m.partner_organizations() for m in selected)
            ],
            is_list=True,
        ),
    ]
    groups = [m.topic_counts() for m in selected]
    counts = [{g.topic.pk: g.total for g in topic_groups if g.topic} for topic_groups in groups]
    # The topics some municipality has services in, in Topic's order (no row of zeros).
    topics = {g.topic.pk: g for topic_groups in groups for g in topic_groups if g.topic}
    for group in sorted(topics.values(), key=lambda g: (g.topic.sort_order, g.topic.name)):
        row = [count.get(group.topic.pk, 0) for count in counts]
        label = _("Pakalpojumi: %(topic)s") % {"topic": group.topic.label}
        rows.append(Row(label, [str(n) for n in row]))
    rows.append(
        Row(
            _("Saistītās labās prakses"),
            [
                _shortlist([(p.title, p.url) for p in practices], practices)
                for practices in (m.linked_practices() for m in selected)
            ],
            is_list=True,
        )
    )
    return rows


def _shortlist(rows, shortlist):
    """A list row's entries, with "and N more" when the municipality has more."""
    if shortlist.more:
        rows.append((_("un vēl %(count)d") % {"count": shortlist.more}, ""))
    return rows


def _families(municipality):
    parts = []
    if municipality.families_supported is not None:
        parts.append(str(municipality.families_supported))
    if municipality.families_note:
        parts.append(f"({municipality.families_note})" if parts else municipality.families_note)
    return " ".join(parts) or _unknown()


def _yes_no(value):
    if value is None:
        return _unknown()
    return _("jā") if value else _("nē")

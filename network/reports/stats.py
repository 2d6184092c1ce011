"""Figures from submitted monthly reports for the editors' dashboard and its downloads.

Every table here is built from the same filtered queryset, so the page, the CSV and the XLSX
show the same numbers. Period figures are the largest month, never a sum over months
(see network.reports.models).
"""

import csv
import io

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from network.directory.models import MunicipalityPage
from network.reports.models import (
    FAMILY_FIGURES,
    CooperationFact,
    InstitutionType,
    MonthlyReport,
    period_totals,
)
from portal.core.params import parse_month


class FilterError(ValueError):
    pass


def filter_reports(params):
    """(submitted reports matching ?pasvaldiba=<slug>&no=YYYY-MM&lidz=YYYY-MM, the filters)."""
    reports = MonthlyReport.objects.submitted()
    selected = {
        "municipality": params.get("pasvaldiba", ""),
        "from": params.get("no", ""),
        "to": params.get("lidz", ""),
    }
    if selected["municipality"]:
        if not MunicipalityPage.objects.filter(slug=selected["municipality"]).exists():
            raise FilterError(_("Nezināma pašvaldība."))
        reports = reports.filter(profile__municipality__slug=selected["municipality"])
    for key, lookup in (("from", "month__gte"), ("to", "month__lte")):
        if selected[key]:
            month = parse_month(selected[key])
            if month is None:
                raise FilterError(_("Mēnesi norādiet kā GGGG-MM, piemēram, 2020-04."))
            reports = reports.filter(**{lookup: month})
    return reports, selected


def monthly_rows(reports):
    """Per municipality and month: summed family figures and the number of reports."""
    rows = (
        reports.values("profile__municipality__title", "month")
        .annotate(**{name: Sum(name) for name in FAMILY_FIGURES}, reports=Count("id"))
        .order_by("profile__municipality__title", "month")
    )
    return [
        {
            "municipality": row["profile__municipality__title"] or _("(nav norādīta)"),
            "month": row["month"],
            **{name: row[name] for name in FAMILY_FIGURES},  # None: not counted that way
            "reports": row["reports"],
        }
        for row in rows
    ]


def municipality_totals(rows):
    """Each municipality's period figures from `monthly_rows` (largest month, not a sum)."""
    grouped = {}
    for row in rows:
        grouped.setdefault(row["municipality"], []).append(row)
    return [{"municipality": name, **period_totals(group)} for name, group in grouped.items()]


def cooperation_by_type(reports):
    labels = dict(InstitutionType.choices)
    rows = (
        CooperationFact.objects.filter(report__in=reports)
        .values("institution_type")
        .annotate(count=Count("id"))
        .order_by("-count", "institution_type")
    )
    return [
        {
            "label": str(labels.get(r["institution_type"], r["institution_type"])),
            "count": r["count"],
        }
        for r in rows
    ]


def cooperation_by_topic(reports):
    rows = (
        CooperationFact.objects.filter(report__in=reports)
        .values("topic__name")
        .annotate(count=Count("id"))
        .order_by("-count", "topic__name")
    )
    return [{"label": r["topic__name"] or _("(bez tēmas)"), "count": r["count"]} for r in rows]


def families_over_time(rows):
    """All filtered municipalities together, per month: families (regular + occasional)."""
    by_month = {}
    for row in rows:
        families = (row["families_regular"] or 0) + (row["families_occasional"] or 0)
        by_month[row["month"]] = by_month.get(row["month"], 0) + families
    return [
        {"label": month.strftime("%Y-%m"), "count": count}
        for month, count in sorted(by_month.items())
    ]


def figures_value(title, value_label, counted, source):
    """A value for portal.core's FiguresBlock (server-side SVG bars + data table)."""
    return {
        "title": title,
        "value_label": value_label,
        "rows": [{"label": row["label"], "value": row["count"], "note": ""} for row in counted],
        "source": source,
    }


def dashboard(reports):
    rows = monthly_rows(reports)
    return {
        "rows": rows,
        "totals": municipality_totals(rows),
        "by_type": cooperation_by_type(reports),
        "by_topic": cooperation_by_topic(reports),
        "over_time": families_over_time(rows),
    }


def headers():
    return [
        _("Pašvaldība"),
        _("Mēnesis"),
        _("Ģimenes regulāri"),
        _("Ģimenes epizodiski"),
        _("Personas"),
        _("Iesniegtās atskaites"),
    ]


def table_values(row):
    return [
        row["municipality"],
        row["month"].strftime("%Y-%m"),
        row["families_regular"],
        row["families_occasional"],
        row["persons"],
        row["reports"],
    ]


def as_csv(data):
    """The per-municipality, per-month table (UTF-8 with BOM so spreadsheet programs read it)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(headers())
    writer.writerows(table_values(row) for row in data["rows"])
    return out.getvalue().encode("utf-8")


def as_xlsx(data):
    """Three sheets: the monthly table, cooperation by institution type, by topic."""
    from openpyxl import Workbook

    workbook = Workbook()
    monthly = workbook.active
    monthly.title = _("Pa mēnešiem")
    monthly.append(headers())
    for row in data["rows"]:
        monthly.append(table_values(row))
    for title, counted, label in (
        (_("Iestāžu veidi"), data["by_type"], _("Iestādes veids")),
        (_("Tēmas"), data["by_topic"], _("Tēma")),
    ):
        sheet = workbook.create_sheet(title)
        sheet.append([label, _("Sadarbības fakti")])
        for row in counted:
            sheet.append([row["label"], row["count"]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()

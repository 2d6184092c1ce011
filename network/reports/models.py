"""Mediators' monthly reports: aggregates only (counts, topics, institutions), never a family.

A report belongs to one mediator profile and one month. It is a draft until the mediator
submits it; a submitted report is locked until an editor returns it with a comment.

Period figures: a family supported in several months appears in several monthly reports, so
monthly counts are never summed over months. A period's figure is the largest monthly figure
(for a municipality: the largest monthly sum over its mediators).
"""

from functools import cache

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FAMILY_FIGURES = ("families_regular", "families_occasional", "persons")


class InstitutionType(models.TextChoices):
    SCHOOL = "school", _("izglītības iestāde")
    SOCIAL = "social", _("sociālais dienests")
    HEALTH = "health", _("veselības aprūpe")
    EMPLOYMENT = "employment", _("NVA / nodarbinātība")
    POLICE = "police", _("policija")
    ORPHANS_COURT = "orphans_court", _("bāriņtiesa")
    HOUSING = "housing", _("mājokļa jautājumi")
    MUNICIPALITY = "municipality", _("pašvaldības administrācija")
    NGO = "ngo", _("biedrība vai projekts")
    OTHER = "other", _("cita")


class MonthlyReportQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=MonthlyReport.Status.SUBMITTED)


def period_totals(monthly_rows):
    """The period's figures from per-month rows: the largest month, never a sum over months."""
    totals = {
        name: max((row[name] for row in monthly_rows if row[name] is not None), default=None)
        for name in FAMILY_FIGURES
    }
    totals["reports"] = sum(row["reports"] for row in monthly_rows)
    totals["demo_reports"] = sum(row.get("demo_reports", 0) for row in monthly_rows)
    totals["first_month"] = monthly_rows[0]["month"] if monthly_rows else None
    totals["last_month"] = monthly_rows[-1]["month"] if monthly_rows else None
    return totals


class MonthlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("melnraksts")
        SUBMITTED = "submitted", _("iesniegta")
        RETURNED = "returned", _("atgriezta labošanai")

    profile = models.ForeignKey(
        "network.MediatorProfilePage",
        verbose_name=_("mediators"),
        on_delete=models.CASCADE,
        related_name="monthly_reports",
    )
    month = models.DateField(_("mēnesis"), help_text=_("Mēneša pirmā diena."))
    status = models.CharField(
        _("statuss"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Blank means "not counted this way" (some mediators count persons, others families).
    families_regular = models.PositiveIntegerField(
        _("ģimenes, atbalstītas regulāri"), null=True, blank=True
    )
    families_occasional = models.PositiveIntegerField(
        _("ģimenes, atbalstītas epizodiski"), null=True, blank=True
    )
    persons = models.PositiveIntegerField(
        _("personas"),
        null=True,
        blank=True,
        help_text=_("Cik personām kopā sniegts atbalsts šajā mēnesī, ja tās skaitāt."),
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), blank=True, related_name="monthly_reports"
    )
    highlights = models.TextField(
        _("svarīgākais šajā mēnesī"),
        max_length=1500,
        blank=True,
        help_text=_("Daži teikumi: kas izdevās, kas traucēja. Bez vārdiem un personas datiem."),
    )
    editor_comment = models.TextField(_("redaktora komentārs"), blank=True)
    submitted_at = models.DateTimeField(_("iesniegta"), null=True, blank=True)
    returned_at = models.DateTimeField(_("atgriezta"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atgrieza"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo dati"), default=False)
    created = models.DateTimeField(_("izveidota"), auto_now_add=True)
    last_modified = models.DateTimeField(_("mainīta"), auto_now=True)

    objects = MonthlyReportQuerySet.as_manager()

    class Meta:
        ordering = ["-month", "profile__title"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "month"], name="one_report_per_month")
        ]
        verbose_name = _("mēneša atskaite")
        verbose_name_plural = _("mēneša atskaites")

    def __str__(self):
        return f"{self.profile.title}: {self.month:%Y-%m}"

    @property
    def is_locked(self):
        """A submitted report is read-only for the mediator until an editor returns it."""
        return self.status == self.Status.SUBMITTED

    def submit(self):
        self.status = self.Status.SUBMITTED
        self.submitted_at = timezone.now()
        self.save(update_fields=["status", "submitted_at", "last_modified"])

    def return_for_correction(self, editor, comment):
        self.status = self.Status.RETURNED
        self.editor_comment = comment
        self.returned_by = editor
        self.returned_at = timezone.now()
        self.save(
            update_fields=[
                "status",
                "editor_comment",
                "returned_by",
                "returned_at",
                "last_modified",
            ]
        )


class CooperationFact(models.Model):
    """One cooperation with an institution: whom (a role, a name only if the person agrees)."""

    report = models.ForeignKey(
        MonthlyReport, on_delete=models.CASCADE, related_name="cooperation_facts"
    )
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("iestāde"),
        null=True,  # kept (with its type and topic) if the directory entry is deleted
        on_delete=models.SET_NULL,
        related_name="cooperation_facts",
    )
    institution_type = models.CharField(
        _("iestādes veids"), max_length=20, choices=InstitutionType.choices
    )
    staff_name = models.CharField(
        _("darbinieka vārds"),
        max_length=120,
        blank=True,
        help_text=_("Iestādes darbinieks, ar kuru sadarbojāties (nevis klients)."),
    )
    staff_role = models.CharField(
        _("amats"),
        max_length=120,
        blank=True,
        help_text=_("Piemēram, “sociālais pedagogs”."),
    )
    topic = models.ForeignKey(
        "taxonomy.Topic",
        verbose_name=_("tēma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_facts",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("sadarbības fakts")
        verbose_name_plural = _("sadarbības fakti")

    def __str__(self):
        return str(self.organization or self.get_institution_type_display())


class ReportEvent(models.Model):
    class Kind(models.TextChoices):
        ORGANISED = "organised", _("organizēju")
        ATTENDED = "attended", _("piedalījos")

    report = models.ForeignKey(MonthlyReport, on_delete=models.CASCADE, related_name="events")
    name = models.CharField(_("pasākums"), max_length=200)
    date = models.DateField(_("datums"))
    kind = models.CharField(_("dalība"), max_length=10, choices=Kind.choices)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("pasākums")
        verbose_name_plural = _("pasākumi")

    def __str__(self):
        return self.name


class ReportReminder(models.Model):
    """That a reminder for a month went out: the reminder command sends one per month."""

    profile = models.ForeignKey(
        "network.MediatorProfilePage", on_delete=models.CASCADE, related_name="report_reminders"
    )
    month = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("atskaites atgādinājums")
        verbose_name_plural = _("atskaišu atgādinājumi")
        constraints = [
            models.UniqueConstraint(fields=["profile", "month"], name="one_reminder_per_month")
        ]

    def __str__(self):
        return f"{self.profile_id}: {self.month:%Y-%m}"


# The columns of municipality_months_sql(), as period_totals() reads them.
MONTH_COLUMNS = ("month", *FAMILY_FIGURES, "reports", "demo_reports")


@cache
def municipality_months_sql():
    """Per month, over a municipality's mediators' submitted reports: each figure's sum, the
    number of reports and of demo ones. Written in SQL: the ORM compiled this grouped query
    for longer than PostgreSQL ran it, on every municipality page. Table and column names
    come from the models; every value is a parameter."""
    profile = MonthlyReport._meta.get_field("profile")
    profiles = profile.related_model._meta
    sums = ", ".join(
        f"SUM(report.{MonthlyReport._meta.get_field(name).column})" for name in FAMILY_FIGURES
    )
    return f"""
SELECT report.month, {sums}, COUNT(*), SUM(CASE WHEN report.is_demo THEN 1 ELSE 0 END)
FROM {MonthlyReport._meta.db_table} report
JOIN {profiles.db_table} profile ON profile.{profiles.pk.column} = report.{profile.column}
WHERE report.status = %(submitted)s
  AND profile.{profiles.get_field("municipality").column} = %(municipality)s
GROUP BY report.month
ORDER BY report.month"""  # noqa: S608


def municipality_period_totals(municipality):
    """Period figures of submitted monthly reports of a municipality's mediators (one query):
    each the largest month's sum over mediators, or None without reports."""
    params = {"municipality": municipality.pk, "submitted": MonthlyReport.Status.SUBMITTED}
    with connection.cursor() as cursor:
        cursor.execute(municipality_months_sql(), params)
        rows = [dict(zip(MONTH_COLUMNS, row, strict=True)) for row in cursor.fetchall()]
    return period_totals(rows) if rows else None


def mediator_period_totals(profile):
    """Submitted reports' period figures for one mediator: one aggregate query."""
    row = (
        MonthlyReport.objects.submitted()
        .filter(profile=profile)
        .aggregate(
            **{name: Max(name) for name in FAMILY_FIGURES},
            reports=Count("id"),
            demo_reports=Count("id", filter=Q(is_demo=True)),
            first_month=models.Min("month"),
            last_month=Max("month"),
        )
    )
    return row if row["reports"] else None

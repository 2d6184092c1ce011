"""The municipal staff's evaluation of a mediator's work: surveys, invitations, responses.

The seven questions are the seed's own ("Pašvaldības darbinieku aptauju kopsavilkums") and
live here as a fixed list in code, one column per question on `EvaluationResponse`: every
survey asks the same instrument, so answers stay comparable between surveys and years, the
database enforces that each Likert answer is one of the five choices, and no data migration
or admin screen can drift the wording away from the seed. A new question means a new column
and a migration, which is the right amount of ceremony for changing the instrument.

No data about families: respondents are municipal staff, known to the portal only by their
municipality and field of work; invitations carry no names or e-mail addresses.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

INVITATION_DAYS = 30  # default validity of a new invitation


class Likert(models.TextChoices):
    YES = "yes", _("Jā")
    RATHER_YES = "rather_yes", _("Drīzāk jā")
    RATHER_NO = "rather_no", _("Drīzāk nē")
    NO = "no", _("Nē")
    DONT_KNOW = "dont_know", _("Nezinu")


class FieldOfWork(models.TextChoices):
    """The respondent's own field: the seed asks each to answer only about it."""

    EDUCATION = "education", _("izglītība")
    SOCIAL_SERVICE = "social_service", _("sociālais dienests")
    ORPHANS_COURT = "orphans_court", _("bāriņtiesa")
    POLICE = "police", _("policija")
    HEALTH = "health", _("veselība")
    EMPLOYMENT_AGENCY = "employment_agency", _("NVA")
    COUNCIL = "council", _("domes pārvalde")
    OTHER = "other", _("cits")


@dataclass(frozen=True)
class Question:
    key: str  # the EvaluationResponse column that holds the answer
    kind: str  # "likert" or "text"
    text: Promise

    @property
    def is_likert(self):
        return self.kind == "likert"


# The seed's questions, in its order and its wording.
QUESTIONS = [
    Question(
        "communication",
        "likert",
        _(
            "Vai romu mediators ir uzlabojis saziņu starp romu ģimenēm un valsts "
            "pārvaldes/pašvaldības iestāžu darbiniekiem?"
        ),
    ),
    Question(
        "needs_reported",
        "likert",
        _(
            "Vai romu mediators iespēju robežās ir apzinājis romu situāciju un ziņojis vietējās "
            "pašvaldības pārstāvjiem par romu aktuālākajām vajadzībām un problēmām?"
        ),
    ),
    Question(
        "service_access",
        "likert",
        _("Vai uzskatāt, ka romu mediators ir veicinājis romu piekļuvi pašvaldības pakalpojumiem?"),
    ),
    Question(
        "coordination",
        "likert",
        _(
            "Vai romu mediators ir saskaņojis savu rīcību ar pilsētas pašvaldības iestādēm "
            "un/vai valsts aģentūrām vietējā līmenī?"
        ),
    ),
    Question(
        "joint_planning",
        "likert",
        _(
            "Vai esat aicinājuši romu mediatoru kopīgai darba izvērtēšanai, tālākai plānošanai "
            "Jūsu darba jomā?"
        ),
    ),
    Question(
        "achievements",
        "text",
        _(
            "Kādi, Jūsuprāt, ir galvenie/svarīgākie romu mediatora paveiktie darbi tajā "
            "pašvaldības darbības jomā, kuru Jūs pārstāvat?"
        ),
    ),
    Question(
        "keep_in_view",
        "text",
        _(
            "Kādi jautājumi, jūsuprāt, romu mediatoram jūsu pašvaldībā būtu jāpatur redzeslokā "
            "turpmāk?"
        ),
    ),
]
QUESTIONS_BY_KEY = {question.key: question for question in QUESTIONS}
LIKERT_KEYS = [q.key for q in QUESTIONS if q.is_likert]
TEXT_KEYS = [q.key for q in QUESTIONS if not q.is_likert]
TEXT_MAX_LENGTH = 3000


class EvaluationSurvey(models.Model):
    """One round of the questionnaire, for one municipality or for all of them."""

    title = models.CharField(_("nosaukums"), max_length=200)
    municipality = models.ForeignKey(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldība"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluation_surveys",
        help_text=_("Tukšs — aptauja visām pašvaldībām."),
    )
    period = models.CharField(
        _("izvērtējamais periods"),
        max_length=120,
        blank=True,
        help_text=_("Piemēram, “2019. gada septembris – 2020. gada aprīlis”."),
    )
    is_open = models.BooleanField(
        _("atvērta"), default=True, help_text=_("Slēgtai aptaujai ielūgumu saites nedarbojas.")
    )
    is_demo = models.BooleanField(
        _("demo saturs"), default=False, help_text=_("Rezultātos būs redzama norāde “Demo”.")
    )
    created = models.DateTimeField(_("izveidota"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("izvērtējuma aptauja")
        verbose_name_plural = _("izvērtējuma aptaujas")

    def __str__(self):
        return self.title

    def responses(self):
        return EvaluationResponse.objects.filter(invitation__survey=self)


def new_token():
    """A URL-safe token of 192 random bits: unguessable, so the link is the credential."""
    return secrets.token_urlsafe(24)


def default_expiry():
    return timezone.localdate() + datetime.timedelta(days=INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def usable(self, today=None):
        today = today or timezone.localdate()
        return self.filter(used_at__isnull=True, expires_on__gte=today, survey__is_open=True)


class EvaluationInvitation(models.Model):
    """A single-use link for one respondent of one municipality and field of work."""

    survey = models.ForeignKey(
        EvaluationSurvey,
        verbose_name=_("aptauja"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    municipality = models.ForeignKey(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldība"),
        on_delete=models.PROTECT,
        related_name="evaluation_invitations",
    )
    field_of_work = models.CharField(_("darbības joma"), max_length=20, choices=FieldOfWork.choices)
    token = models.CharField(
        _("kods"), max_length=64, unique=True, default=new_token, editable=False
    )
    expires_on = models.DateField(
        _("derīgs līdz"), default=default_expiry, help_text=_("Ieskaitot šo dienu.")
    )
    used_at = models.DateTimeField(_("izmantots"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("izveidots"), auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__title", "field_of_work", "pk"]
        verbose_name = _("aptaujas ielūgums")
        verbose_name_plural = _("aptaujas ielūgumi")

    def __str__(self):
        return f"{self.survey}: {self.municipality} — {self.get_field_of_work_display()}"

    def get_absolute_url(self):
        return reverse("network:evaluation_form", args=[self.token])

    def is_expired(self, today=None):
        return (today or timezone.localdate()) > self.expires_on

    def refusal(self, today=None):
        """Why this link can't take an answer now (a message), or None when it can."""
        if self.used_at is not None:
            return _("Uz šo ielūgumu jau ir atbildēts. Katru ielūgumu var izmantot vienu reizi.")
        if not self.survey.is_open:
            return _("Šī aptauja ir slēgta.")
        if self.is_expired(today):
            return _("Šī ielūguma derīguma termiņš ir beidzies.")
        return None


class AlreadyAnswered(Exception):
    """The invitation was used (or became unusable) before this answer could be saved."""


class EvaluationResponse(models.Model):
    """One respondent's answers: one per invitation, enforced by the database."""

    invitation = models.OneToOneField(
        EvaluationInvitation,
        verbose_name=_("ielūgums"),
        on_delete=models.CASCADE,
        related_name="response",
    )
    communication = models.CharField(QUESTIONS[0].text, max_length=10, choices=Likert.choices)
    needs_reported = models.CharField(QUESTIONS[1].text, max_length=10, choices=Likert.choices)
    service_access = models.CharField(QUESTIONS[2].text, max_length=10, choices=Likert.choices)
    coordination = models.CharField(QUESTIONS[3].text, max_length=10, choices=Likert.choices)
    joint_planning = models.CharField(QUESTIONS[4].text, max_length=10, choices=Likert.choices)
    achievements = models.TextField(QUESTIONS[5].text, blank=True, max_length=TEXT_MAX_LENGTH)
    keep_in_view = models.TextField(QUESTIONS[6].text, blank=True, max_length=TEXT_MAX_LENGTH)
    submitted_at = models.DateTimeField(_("saņemta"), default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("aptaujas atbilde")
        verbose_name_plural = _("aptaujas atbildes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    **{f"{key}__in": Likert.values for key in LIKERT_KEYS},
                ),
                name="evaluation_response_likert_choices",
            )
        ]

    def __str__(self):
        return str(self.invitation)

    @classmethod
    def submit(cls, invitation, answers, now=None):
        """Marks the invitation used and stores the answers, both or neither.

        The conditional UPDATE lets exactly one of two simultaneous submissions win on any
        database; the one-to-one column is the last word if anything else slips through.
        """
        now = now or timezone.now()
        try:
            with transaction.atomic():
                claimed = (
                    EvaluationInvitation.objects.usable(timezone.localdate(now))
                    .filter(pk=invitation.pk)
                    .update(used_at=now)
                )
                if not claimed:
                    raise AlreadyAnswered
                response = cls.objects.create(invitation=invitation, submitted_at=now, **answers)
        except IntegrityError as error:
            raise AlreadyAnswered from error
        invitation.used_at = now
        return response

"""The service directory, modelled on Open Referral HSDS 3 (field names kept where possible)."""

import uuid
from collections import namedtuple

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from network.directory.hours import WEEKDAYS, opening_status
from network.directory.models.verification import (
    VerificationMixin,
    VerificationQuerySetMixin,
    responsible_choices,
)
from portal.core import phones
from portal.core.reversing import reverse_with_uuid
from taxonomy.models import Topic
from taxonomy.panels import concepts_field, concepts_panel

# Language codes a service may offer (ISO 639); "rom" is Romani.
LANGUAGE_NAMES = {
    "lv": _("latviešu"),
    "ltg": _("latgaliešu"),
    "rom": _("romu"),
    "ru": _("krievu"),
    "en": _("angļu"),
    "lt": _("lietuviešu"),
}


def validate_language_codes(value):
    unknown = [code for code in split_codes(value) if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Nezināmi valodu kodi: %(codes)s. Atļautie: %(allowed)s."),
            params={"codes": ", ".join(unknown), "allowed": ", ".join(LANGUAGE_NAMES)},
        )


def split_codes(value):
    return [code.strip().lower() for code in (value or "").split(",") if code.strip()]


class DirectoryRecord(RevisionMixin, ClusterableModel):
    """Shared fields: a UUID id (HSDS), demo flag, timestamps, revisions in the admin."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    is_demo = models.BooleanField(
        _("demo dati"),
        default=False,
        help_text=_("Atzīmēts ieraksts publiski tiek rādīts ar zīmi “Demo dati”."),
    )
    created = models.DateTimeField(_("izveidots"), auto_now_add=True)
    last_modified = models.DateTimeField(_("mainīts"), auto_now=True)

    class Meta:
        abstract = True


class Organization(index.Indexed, DirectoryRecord):
    """An institution or organisation: a school, a social service, an NGO, a project."""

    name = models.CharField(_("nosaukums"), max_length=255)
    alternate_name = models.CharField(
        _("cits nosaukums"),
        max_length=255,
        blank=True,
        help_text=_("Saīsinājums vai sarunvalodas nosaukums, piemēram, “NVA”."),
    )
    description = models.TextField(_("apraksts"), blank=True)
    email = models.EmailField(_("e-pasts"), blank=True)
    website = models.URLField(_("tīmekļa vietne"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision")

    panels = [
        FieldPanel("name"),
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        FieldPanel("email"),
        FieldPanel("website"),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("alternate_name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organizācija")
        verbose_name_plural = _("organizācijas")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse_with_uuid("network:organization", self.pk)

    @property
    def revisions(self):
        return self._revisions

    @property
    def municipalities(self):
        # The service areas' model, from the relation: municipalities.py imports this module.
        municipalities = Service._meta.get_field("service_areas").related_model
        return municipalities.objects.filter(services__organization=self).distinct()

    @property
    def topics(self):
        return Topic.objects.filter(services__organization=self).distinct()

    def search_text(self):
        parts = [self.name, self.alternate_name, self.description]
        for service in self.services.all():
            parts.append(service.name)
            parts.extend(f"{c.name} {c.title}" for c in service.contacts.all())
        return "\n".join(part.strip() for part in parts if part and part.strip())


class Location(index.Indexed, DirectoryRecord):
    """A place where services are given: an address (HSDS location + address)."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organizācija"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="locations",
    )
    name = models.CharField(_("nosaukums"), max_length=255)
    description = models.TextField(_("apraksts"), blank=True)
    address_1 = models.CharField(
        _("adrese"), max_length=255, blank=True, help_text=_("Iela, māja, telpa.")
    )
    city = models.CharField(_("pilsēta vai pagasts"), max_length=100, blank=True)
    region = models.CharField(_("novads"), max_length=100, blank=True)
    postal_code = models.CharField(_("pasta indekss"), max_length=20, blank=True)
    country = models.CharField(_("valsts"), max_length=2, default="LV")
    latitude = models.DecimalField(
        _("platums"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("garums"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    _revisions = GenericRelation("wagtailcore.Revision")

    panels = [
        FieldPanel("name"),
        FieldPanel("organization"),
        MultiFieldPanel(
            [
                FieldPanel("address_1"),
                FieldPanel("city"),
                FieldPanel("region"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
            ],
            heading=_("Adrese"),
        ),
        FieldPanel("description"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("is_demo"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("vieta")
        verbose_name_plural = _("vietas")

    def __str__(self):
        return f"{self.name} ({self.city})" if self.city else self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def address_text(self):
        """One line for a card, e.g. "Lielā iela 1, Ventspils, LV-3601"."""
        return ", ".join(p for p in [self.address_1, self.city, self.postal_code] if p)


class ReadOnlyPanel(FieldPanel):
    """A field shown, not edited; empty reads "—" (Wagtail's own shows the word "None")."""

    def __init__(self, field_name, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        return "—" if value is None else super().format_value_for_display(value)


class ServiceQuerySet(VerificationQuerySetMixin, models.QuerySet):
    def public(self):
        """What the public pages list: everything not marked as closed for good."""
        return self.exclude(status=Service.Status.DEFUNCT)


class Service(VerificationMixin, index.Indexed, DirectoryRecord):
    """What an organisation does for people, and how to reach it."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("darbojas")
        INACTIVE = "inactive", _("īslaicīgi nedarbojas")
        DEFUNCT = "defunct", _("slēgts")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organizācija"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("nosaukums"), max_length=255)
    alternate_name = models.CharField(_("cits nosaukums"), max_length=255, blank=True)
    description = models.TextField(
        _("apraksts"), blank=True, help_text=_("Ar ko šeit var palīdzēt, īsi un vienkārši.")
    )
    url = models.URLField(_("tīmekļa vietne"), blank=True)
    email = models.EmailField(_("e-pasts"), blank=True)
    status = models.CharField(
        _("statuss"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    assured_date = models.DateField(
        _("pēdējoreiz pārbaudīts"),
        null=True,
        blank=True,
        help_text=_("Kad kontakti pārbaudīti. Pēc 12 mēnešiem lapā rāda brīdinājumu."),
    )
    assurer_email = models.EmailField(
        _("pārbaudītāja e-pasts"), blank=True, help_text=_("Redzams tikai administrācijā.")
    )
    assurer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pārbaudīja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kas pēdējoreiz atzīmēja “Dati pārbaudīti”. Netiek publicēts."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atbildīgā persona"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_services",
        limit_choices_to=responsible_choices,
        help_text=_(
            "Pašvaldības mediators vai redaktors, kas reizi gadā pārbauda šos kontaktus un "
            "saņem atgādinājumu mēnesi pirms termiņa. Ja nav norādīts, atbild pakalpojuma "
            "pašvaldības mediatori."
        ),
    )
    reminder_sent_on = models.DateField(
        _("atgādinājums nosūtīts"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Kad atbildīgajam pēdējoreiz atgādināts pārbaudīt kontaktus."),
    )
    languages = models.CharField(
        _("valodas"),
        max_length=100,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Valodu kodi, atdalīti ar komatu, piemēram, “lv, rom, ru”."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), blank=True, related_name="services"
    )
    concepts = concepts_field("services")
    service_areas = ParentalManyToManyField(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldības"),
        blank=True,
        related_name="services",
        help_text=_("Kurās pašvaldībās šis pakalpojums pieejams (HSDS service areas)."),
    )

    _revisions = GenericRelation("wagtailcore.Revision")
    objects = ServiceQuerySet.as_manager()

    panels = [
        FieldPanel("organization"),
        FieldPanel("name"),
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                concepts_panel(),
                FieldPanel("service_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages"),
            ],
            heading=_("Tēmas, jēdzieni, pašvaldības, valodas"),
        ),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("url")],
            heading=_("Saziņa"),
        ),
        InlinePanel("contacts", label=_("Kontaktpersonas")),
        InlinePanel("phones", label=_("Tālruņi")),
        InlinePanel("schedules", label=_("Darba laiks")),
        InlinePanel("service_at_locations", label=_("Adreses")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("responsible"),
                FieldPanel("assured_date"),
                ReadOnlyPanel("assurer"),
                FieldPanel("assurer_email"),
                FieldPanel("is_demo"),
            ],
            heading=_("Statuss un pārbaude"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("alternate_name"),
        index.SearchField("description"),
        index.RelatedFields("organization", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("pakalpojums")
        verbose_name_plural = _("pakalpojumi")

    def __str__(self):
        return f"{self.name} — {self.organization.name}" if self.organization_id else self.name

    def get_absolute_url(self):
        return reverse_with_uuid("network:service", self.pk)

    @property
    def revisions(self):
        return self._revisions

    @property
    def municipalities(self):
        return self.service_areas

    def search_text(self):
        parts = [self.name, self.alternate_name, self.description, self.organization.name]
        parts.append(self.organization.alternate_name)
        parts.extend(f"{c.name} {c.title} {c.department}" for c in self.contacts.all())
        parts.extend(place.location.address_text for place in self.service_at_locations.all())
        return "\n".join(part.strip() for part in parts if part and part.strip())

    def language_names(self):
        return [str(LANGUAGE_NAMES.get(code, code)) for code in split_codes(self.languages)]

    def opening_status(self, now=None):
        return opening_status(self.schedule_rows(), now)

    # Listings prefetch into these attributes (Prefetch to_attr): plain lists, no queryset per
    # service. Elsewhere the relation is read as usual.
    def schedule_rows(self):
        rows = getattr(self, "schedule_list", None)
        return rows if rows is not None else list(self.schedules.all())

    @property
    def first_phone(self):
        phones = getattr(self, "phone_list", None)
        if phones is None:
            phones = self.phones.all()[:1]
        return phones[0] if phones else None

    def addresses(self):
        return [place.location for place in self.service_at_locations.all()]


class ServiceAtLocation(Orderable):
    """Where a service is given (HSDS service_at_location)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(
        Location,
        verbose_name=_("vieta"),
        on_delete=models.PROTECT,
        related_name="service_at_locations",
    )
    description = models.CharField(
        _("piezīme"), max_length=255, blank=True, help_text=_("Piemēram, “ieeja no pagalma”.")
    )

    panels = [FieldPanel("location"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("pakalpojuma vieta")
        verbose_name_plural = _("pakalpojuma vietas")

    def __str__(self):
        return f"{self.service.name} @ {self.location}"


class Contact(Orderable):
    """A person or desk to ask for (HSDS contact)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(
        _("vārds, uzvārds"),
        max_length=255,
        blank=True,
        help_text=_("Tikai ar personas piekrišanu; citādi atstājiet tukšu un norādiet amatu."),
    )
    title = models.CharField(
        _("amats vai loma"),
        max_length=255,
        blank=True,
        help_text=_("Piemēram, “sociālais pedagogs”."),
    )
    department = models.CharField(_("nodaļa"), max_length=255, blank=True)
    email = models.EmailField(_("e-pasts"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("department"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kontaktpersona")
        verbose_name_plural = _("kontaktpersonas")

    def __str__(self):
        return self.name or self.title or str(_("kontakts"))

    def clean(self):
        if not (self.name or self.title):
            raise ValidationError(_("Norādiet vārdu vai amatu."))


class Phone(Orderable):
    """A phone number of a service (HSDS phone)."""

    class Type(models.TextChoices):
        VOICE = "voice", _("tālrunis")
        CELL = "cell", _("mobilais")
        TEXT = "text", _("īsziņas")
        FAX = "fax", _("fakss")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(
        _("numurs"), max_length=30, help_text=_("Ar valsts kodu, piemēram, +371 …")
    )
    extension = models.CharField(_("papildnumurs"), max_length=10, blank=True)
    type = models.CharField(_("veids"), max_length=10, choices=Type.choices, default=Type.VOICE)
    description = models.CharField(
        _("piezīme"), max_length=255, blank=True, help_text=_("Piemēram, “sociālais pedagogs”.")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("extension"),
        FieldPanel("type"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("tālrunis")
        verbose_name_plural = _("tālruņi")

    def __str__(self):
        return self.number

    @property
    def tel_uri(self):
        return phones.tel_uri(self.number, self.extension)


class Schedule(Orderable):
    """Regular weekly opening hours (HSDS schedule with freq=WEEKLY and one byday)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(_("nedēļas diena"), choices=WEEKDAYS)
    opens_at = models.TimeField(_("no"))
    closes_at = models.TimeField(_("līdz"))
    description = models.CharField(
        _("piezīme"), max_length=255, blank=True, help_text=_("Piemēram, “pusdienas 12–13”.")
    )

    panels = [
        FieldPanel("weekday"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens_at"]
        verbose_name = _("darba laiks")
        verbose_name_plural = _("darba laiki")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Beigu laikam jābūt pēc sākuma laika.")})


# A schedule row of a listing: what opening_status and the hours template read, no model.
HoursRow = namedtuple("HoursRow", "weekday opens_at closes_at")


def attach_listing_details(services):
    """For directory listings: each service's first phone (`phone_list`) and weekly hours
    (`schedule_list`) in two queries of plain rows. A page lists dozens of services with some
    hundred hours rows; as models through prefetch_related they cost more than the rest.
    A service listed twice (under two topics) gets the same lists."""
    ids = {service.pk for service in services}
    first_phones, hours = {}, {}
    phones = Phone.objects.filter(service__in=ids).order_by("service_id", "sort_order")
    for pk, service_id, number, extension in phones.values_list(
        "pk", "service_id", "number", "extension"
    ):
        if service_id not in first_phones:
            first_phones[service_id] = [
                Phone(id=pk, service_id=service_id, number=number, extension=extension)
            ]
    rows = Schedule.objects.filter(service__in=ids)
    for service_id, *row in rows.values_list("service_id", "weekday", "opens_at", "closes_at"):
        hours.setdefault(service_id, []).append(HoursRow(*row))
    for service in services:
        service.phone_list = first_phones.get(service.pk, [])
        service.schedule_list = hours.get(service.pk, [])
    return services

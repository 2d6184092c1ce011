"""The directory's verification cycle (AIRS/211 practice: every entry re-verified at least
yearly): when a service's contacts turn stale, which are due for a reminder, and "Dati
pārbaudīti". Who answers for an entry is network.mediators.verification's question."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone

from portal.core.roles import EDITORIAL_GROUPS, MEDIATORS_GROUP

# An entry verified longer ago than this gets a visible warning.
STALE_AFTER = datetime.timedelta(days=365)
# The responsible person is reminded this long before an entry turns stale.
REMIND_BEFORE = datetime.timedelta(days=30)


def responsible_choices():
    """Who may be chosen as responsible: active mediators, editors and administrators."""
    groups = [MEDIATORS_GROUP, *EDITORIAL_GROUPS]
    return Q(is_active=True) & (Q(is_superuser=True) | Q(groups__name__in=groups))


def stale_before(today):
    """Entries verified before this date are stale today (older than STALE_AFTER)."""
    return today - STALE_AFTER


class VerificationQuerySetMixin:
    """For ServiceQuerySet: services by verification state on a given day."""

    def stale(self, today):
        """Never verified, or verified more than STALE_AFTER ago (as Service.is_stale)."""
        return self.filter(Q(assured_date__isnull=True) | Q(assured_date__lt=stale_before(today)))

    def soon_stale(self, today):
        """Not stale yet, but stale within REMIND_BEFORE."""
        start = stale_before(today)
        return self.filter(assured_date__gte=start, assured_date__lt=start + REMIND_BEFORE)

    def verified(self, today):
        """Verified recently enough to be neither stale nor soon stale."""
        return self.filter(assured_date__gte=stale_before(today) + REMIND_BEFORE)

    def due_for_reminder(self, today):
        """Stale or soon stale, and not yet reminded in this verification cycle: a reminder
        counts for the cycle only when sent after the entry's last verification."""
        due = self.stale(today) | self.soon_stale(today)
        reminded = Q(reminder_sent_on__isnull=False) & (
            Q(assured_date__isnull=True) | Q(reminder_sent_on__gt=models.F("assured_date"))
        )
        return due.public().exclude(reminded)


class VerificationMixin:
    """For Service (fields assured_date, assurer, reminder_sent_on)."""

    def is_stale(self, today=None):
        """True when never verified or verified more than 12 months ago."""
        if self.assured_date is None:
            return True
        today = today or timezone.localdate()
        return today - self.assured_date > STALE_AFTER

    def verification_state(self, today):
        """One of "stale", "soon_stale" (stale within REMIND_BEFORE) and "verified"."""
        if self.is_stale(today):
            return "stale"
        if today - self.assured_date > STALE_AFTER - REMIND_BEFORE:
            return "soon_stale"
        return "verified"

    @property
    def stale_on(self):
        """The first day the entry counts as stale; None when never verified."""
        if self.assured_date is None:
            return None
        return self.assured_date + STALE_AFTER + datetime.timedelta(days=1)

    def mark_verified(self, user, today=None):
        """“Dati pārbaudīti”: verified today by user; this starts a new reminder cycle."""
        self.assured_date = today or timezone.localdate()
        self.assurer = user
        self.save(update_fields=["assured_date", "assurer", "last_modified"])

"""Opening hours: today's hours and "open now", in the portal's time zone (Europe/Riga)."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# ISO weekday numbers (Monday = 1), as datetime.isoweekday() gives them.
WEEKDAYS = [
    (1, _("pirmdiena")),
    (2, _("otrdiena")),
    (3, _("trešdiena")),
    (4, _("ceturtdiena")),
    (5, _("piektdiena")),
    (6, _("sestdiena")),
    (7, _("svētdiena")),
]
# HSDS/iCal BYDAY codes for the same days.
BYDAY = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


@dataclass
class OpeningStatus:
    known: bool  # False when the service has no hours at all
    today: list = field(default_factory=list)  # today's Schedule rows
    open_now: bool = False
    closes_at: object = None  # time, when open now

    @property
    def closes_at_text(self):
        return f"{self.closes_at:%H:%M}" if self.closes_at else ""

    @property
    def today_text(self):
        """Today's hours as text ("08:00–12:00, 13:00–17:00"): formatted here, not by a
        template filter per time (a directory page shows some twenty)."""
        return ", ".join(f"{row.opens_at:%H:%M}–{row.closes_at:%H:%M}" for row in self.today)


def opening_status(schedules, now=None):
    """Today's schedule rows and whether one of them is open at `now` (aware datetime)."""
    local = timezone.localtime(now or timezone.now())
    weekday, moment = local.isoweekday(), local.time()
    today = sorted((s for s in schedules if s.weekday == weekday), key=lambda s: s.opens_at)
    current = next((s for s in today if s.opens_at <= moment < s.closes_at), None)
    return OpeningStatus(
        known=bool(schedules),
        today=today,
        open_now=current is not None,
        closes_at=current.closes_at if current else None,
    )


def week_table(schedules, now=None):
    """[(weekday name, [rows], is today)] for Monday..Sunday, for the full hours table."""
    today = timezone.localtime(now or timezone.now()).isoweekday()
    return [
        (name, [s for s in schedules if s.weekday == day], day == today) for day, name in WEEKDAYS
    ]

import datetime
from zoneinfo import ZoneInfo

from network.directory.hours import opening_status, week_table
from network.directory.models import Schedule, Service

RIGA = ZoneInfo("Europe/Riga")


def rows(*specs):
    """Unsaved Schedule rows from (weekday, "HH:MM", "HH:MM")."""
    return [
        Schedule(
            weekday=day,
            opens_at=datetime.time.fromisoformat(opens),
            closes_at=datetime.time.fromisoformat(closes),
        )
        for day, opens, closes in specs
    ]


# Monday 23 November 2026.
MONDAY = datetime.date(2026, 11, 23)


def at(hour, minute=0, day=MONDAY, tz=RIGA):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def test_open_now_within_todays_hours():
    status = opening_status(rows((1, "09:00", "12:00"), (1, "13:00", "17:00")), at(10))
    assert status.known and status.open_now
    assert status.closes_at == datetime.time(12, 0)
    assert [s.opens_at.hour for s in status.today] == [9, 13]
    assert (status.closes_at_text, status.today_text) == ("12:00", "09:00–12:00, 13:00–17:00")


def test_closed_at_lunch_and_at_closing_time():
    schedule = rows((1, "09:00", "12:00"), (1, "13:00", "17:00"))
    assert not opening_status(schedule, at(12, 30)).open_now
    assert not opening_status(schedule, at(17, 0)).open_now


def test_now_is_taken_in_riga_time_not_utc():
    schedule = rows((1, "09:00", "10:00"))
    # 07:30 UTC is 09:30 in Riga in winter (UTC+2).
    utc_moment = at(7, 30, tz=datetime.UTC)
    assert opening_status(schedule, utc_moment).open_now
    # In summer Riga is UTC+3: 06:30 UTC on a Monday in July is 09:30 there.
    summer = at(6, 30, day=datetime.date(2026, 7, 6), tz=datetime.UTC)
    assert opening_status(schedule, summer).open_now


def test_other_days_do_not_count_and_no_hours_is_unknown():
    tuesday_only = rows((2, "09:00", "17:00"))
    status = opening_status(tuesday_only, at(10))
    assert status.known and not status.open_now and status.today == []
    assert not opening_status([], at(10)).known


def test_week_table_lists_seven_days_in_order():
    table = week_table(rows((3, "08:00", "16:00")), at(10))
    assert [str(name) for name, _rows, _today in table][:3] == [
        "pirmdiena",
        "otrdiena",
        "trešdiena",
    ]
    assert len(table) == 7 and len(table[2][1]) == 1
    assert [today for _name, _rows, today in table] == [True] + [False] * 6


def test_stale_after_twelve_months_or_when_never_verified():
    today = datetime.date(2026, 11, 24)
    assert Service(assured_date=None).is_stale(today)
    assert not Service(assured_date=datetime.date(2026, 1, 1)).is_stale(today)
    assert not Service(assured_date=today - datetime.timedelta(days=365)).is_stale(today)
    assert Service(assured_date=today - datetime.timedelta(days=366)).is_stale(today)

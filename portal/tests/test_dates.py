"""Dates inside sentences: “2026. gada 19. jūlijā” in Latvian, “19 July 2026” in English."""

import datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils.translation import override

from portal.core.dates import sentence_date

JULY_19 = datetime.date(2026, 7, 19)


def test_latvian_writes_the_year_then_the_day_and_month_in_the_locative():
    with override("lv"):
        assert sentence_date(JULY_19) == "2026. gada 19. jūlijā"
        assert sentence_date(datetime.date(2027, 1, 1)) == "2027. gada 1. janvārī"
        assert sentence_date(datetime.date(2026, 3, 9)) == "2026. gada 9. martā"
        assert sentence_date(None) == ""


def test_english_writes_day_month_year():
    with override("en"):
        assert sentence_date(JULY_19) == "19 July 2026"


def test_an_aware_moment_is_dated_in_riga():
    late = datetime.datetime(2026, 7, 18, 22, 30, tzinfo=datetime.UTC)  # 01:30 on the 19th
    with override("lv"):
        assert sentence_date(late) == "2026. gada 19. jūlijā"
    assert late.astimezone(ZoneInfo("Europe/Riga")).day == 19


def test_the_template_filter_speaks_the_active_language():
    template = Template("{% load portal_tags %}novecos {{ day|sentence_date }}")
    with override("lv"):
        assert template.render(Context({"day": JULY_19})) == "novecos 2026. gada 19. jūlijā"
    with override("en"):
        assert template.render(Context({"day": JULY_19})) == "novecos 19 July 2026"

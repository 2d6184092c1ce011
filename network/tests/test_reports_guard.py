"""The personal-data guard of the monthly reports: what it refuses and what it lets through."""

import pytest

from network.personal_data import find_personal_data, personal_data_error

REFUSED = [
    ("Klients 010190-12345 ieradās", "personal_code"),
    ("kods 01019012345", "personal_code"),
    ("010190 - 12345", "personal_code"),
    ("jaunais kods 321234-12345", "personal_code"),
    ("32123412345", "personal_code"),
    ("zvanīt +371 20000000", "phone"),
    ("+371 2000 0000", "phone"),
    ("00371 61234567", "phone"),
    ("tel. 20000000", "phone"),
    ("mob. 29 123 456", "phone"),
    ("67 123 456", "phone"),
    ("2000 0000", "phone"),
    ("2000-0000", "phone"),
    ("dzimis 01.02.2015", "birth_date"),
    ("3.5.2012", "birth_date"),
    ("03/05/2012", "birth_date"),
    ("2015-02-01", "birth_date"),
    ("2012. gada 3. maijā", "birth_date"),
    ("dzimusi 1990. gadā", "birth_date"),
    ("dz.g. 2011", "birth_date"),
]

ALLOWED = [
    "",
    "2019",
    "2019./2020. mācību gads",
    "2019 2020",
    "2019-2020",
    "no 2019. gada septembra līdz 2020. gada aprīlim",
    "17 ģimenes regulāri, 6 epizodiski",
    "41 personai",
    "Ventspils 6. vidusskola",
    "Ventspils 1. pamatskola un 2. pamatskola",
    "Valmieras 2. vidusskola",
    "romu ģimenēm piešķirti 10 dzīvokļi",
    "vairāk nekā 4 stundas darba dienā",
    "sanāksme 12. martā",
    "sanāksme 12.03.",
    "LV-3601",
    "grupā 26 bērni, 2 skolotāji",
    "Covid-19 krīzes laikā",
]


@pytest.mark.parametrize(("text", "kind"), REFUSED)
def test_refuses_client_personal_data(text, kind):
    assert find_personal_data(text) == [kind]


@pytest.mark.parametrize("text", ALLOWED)
def test_lets_counts_years_and_institution_names_through(text):
    assert find_personal_data(text) == []


def test_finds_several_kinds_at_once():
    text = "010190-12345, tālr. 20000000, dzimis 01.01.1990"
    assert find_personal_data(text) == ["personal_code", "phone", "birth_date"]


def test_message_names_the_field_and_the_kind_in_latvian():
    error = personal_data_error("tel. 20000000", "Svarīgākais šajā mēnesī")
    message = error.messages[0]
    assert "Laukā “Svarīgākais šajā mēnesī”" in message
    assert "tālruņa numurs" in message
    assert personal_data_error("17 ģimenes", "Svarīgākais") is None

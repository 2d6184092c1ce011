"""Phone numbers become E.164 `tel:` links however editors typed them."""

import pytest

from portal.core.phones import e164, tel_uri


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("6362 2222", "+37163622222"),
        ("+371 6362 2222", "+37163622222"),
        ("00371 63622222", "+37163622222"),
        ("371 63622222", "+37163622222"),
        ("(+371) 2000-0001", "+37120000001"),
        ("+371 0000 0042", "+37100000042"),
        ("+44 20 7946 0000", "+442079460000"),
        ("112", "112"),
        ("", ""),
        ("nav", ""),
    ],
)
def test_e164(typed, dialled):
    assert e164(typed) == dialled


def test_tel_uri_carries_the_extension():
    assert tel_uri("6362 2222", "12") == "tel:+37163622222;ext=12"
    assert tel_uri("6362 2222") == "tel:+37163622222"
    assert tel_uri("") == ""

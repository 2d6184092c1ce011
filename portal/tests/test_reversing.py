import uuid

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from portal.core.reversing import reverse_with_uuid

PK = uuid.UUID("0b6f5a43-9a1e-4c55-8f0e-3d2f4a9b7c10")


@pytest.mark.parametrize("name", ["network:service", "network:organization"])
@pytest.mark.parametrize("language", ["lv", "en"])
def test_it_gives_what_reverse_gives_in_each_language(name, language):
    with translation.override(language):
        assert reverse_with_uuid(name, PK) == reverse(name, kwargs={"pk": PK})
        assert reverse_with_uuid(name, str(PK)) == reverse(name, kwargs={"pk": PK})


def test_it_follows_the_script_prefix():
    set_script_prefix("/portals/")
    try:
        expected = reverse("network:service", kwargs={"pk": PK})
        assert expected.startswith("/portals/")
        assert reverse_with_uuid("network:service", PK) == expected
    finally:
        clear_script_prefix()
    assert not reverse_with_uuid("network:service", PK).startswith("/portals/")


def test_a_value_that_is_no_uuid_or_a_pattern_that_takes_none_is_refused():
    with pytest.raises(ValueError):
        reverse_with_uuid("network:service", "../admin")
    with pytest.raises(NoReverseMatch):
        reverse_with_uuid("search:search", PK)

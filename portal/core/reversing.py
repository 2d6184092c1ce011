"""reverse() for the many links to one URL pattern that differ only by a UUID (service and
organisation cards): the pattern is reversed once per language and script prefix, and each
link puts its id in. A directory page links some twenty services, a listing fifty, and
reverse() costs some 30 µs each."""

import uuid
from functools import cache

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

PLACEHOLDER = uuid.UUID(int=0)


@cache
def url_template(name, language, script_prefix):
    """The pattern's URL for PLACEHOLDER (the arguments after `name` are the cache key)."""
    return reverse(name, kwargs={"pk": PLACEHOLDER})


def reverse_with_uuid(name, pk):
    """reverse(name, kwargs={"pk": pk}) for a pattern whose one argument is a UUID."""
    template = url_template(name, get_language(), get_script_prefix())
    return template.replace(str(PLACEHOLDER), str(uuid.UUID(str(pk))))

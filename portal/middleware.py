from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNulBytesMiddleware:
    """A NUL character in the query string is never meaningful and PostgreSQL refuses it in
    text; answer 400 here instead of letting a filter reach the database. (Forms already
    reject it through Django's ProhibitNullCharactersValidator.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _items(request.GET)):
            return HttpResponseBadRequest(
                _("Pieprasījumā ir neatļauta rakstzīme (NUL)."), content_type="text/plain"
            )
        return self.get_response(request)


def _items(query_dict):
    for key, values in query_dict.lists():
        for value in values:
            yield key, value

"""Two tabs (or two people) editing the same saved content: the later save is not silently lost.

A form carries the version it was opened on (a hidden `version`: a last-modified time or a
revision id). The view locks the row, compares, and on a mismatch saves nothing and shows the
form again (409) with the user's text in it and the currently saved text beside each field.
"""

from django.utils.translation import gettext as _

FIELD = "version"


def is_stale(request, current):
    """True when the POSTed form was opened on another version than `current`. A form
    without a version (a page opened before versions existed) is not checked."""
    sent = request.POST.get(FIELD, "")
    return bool(sent) and sent != str(current)


def kept_version(request, current):
    """The version a re-rendered form carries: the one it was opened on when it comes back
    with errors (so a change saved meanwhile is still noticed), else `current`."""
    return request.POST.get(FIELD) or str(current)


def show_saved(form, saved, names):
    """Puts the saved value of each named field beside it, for the user to merge."""
    for name in names:
        value = getattr(saved, name)
        form[name].saved = {"text": "" if value is None else str(value)}


def conflict_message():
    return _(
        "Kamēr rakstījāt, šo saturu saglabāja citā logā vai cits cilvēks, tāpēc jūsu izmaiņas "
        "vēl nav saglabātas. Jūsu teksts ir formā, blakus katram laukam ir pašlaik saglabātais. "
        "Apvienojiet tos un saglabājiet vēlreiz."
    )

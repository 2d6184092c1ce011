"""Listings: shortlists (the first items of a long list, with how many there are in all) and
the GET filter form a public listing validates its query parameters with."""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, Window
from django.utils.translation import gettext_lazy as _


@dataclass
class Shortlist:
    """The first items of a longer list and how many there are in all (templates iterate it
    and show "N more" with a link to the whole list)."""

    items: list
    total: int

    @classmethod
    def of(cls, queryset, limit):
        """The first `limit` rows of a queryset and its size, in one query (a window count)."""
        rows = list(queryset.annotate(shortlist_total=Window(Count("pk")))[:limit])
        return cls(rows, rows[0].shortlist_total if rows else 0)

    @property
    def more(self):
        return self.total - len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


class ListingFilterForm(forms.Form):
    """Optional choice fields, each named by its query parameter; `keys` gives each one's name
    in `selected()`."""

    keys = {}

    def set_choices(self, name, pairs):
        self.fields[name].choices = [("", _("visas")), *pairs]

    def selected(self):
        """{key: the chosen value or ""}: all empty when a value is not valid."""
        data = self.cleaned_data if self.is_valid() else {}
        return {key: data.get(name, "") for name, key in self.keys.items()}

"""Shortlists: the first items of a long list, with how many there are in all."""

from dataclasses import dataclass

from django.db.models import Count, Window


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

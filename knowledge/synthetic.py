"""The knowledge part of the synthetic corpus: good practices, guides with steps, tags.

Its words and recipe are data/synthetic.yaml, from the seminar slides' vocabulary; the marks
and the bulk helpers are portal/core/synthetic.py's.
"""

from django.utils import timezone

from .models import AUDIENCES, PRACTICE_STATUSES

GUIDE_EVERY = 10


def context(sizes):
    """What the recipe uses besides the words: the models' choices, how many are articles."""
    return {
        "article_count": sizes["articles"] - sizes["articles"] // GUIDE_EVERY,
        "audiences": [code for code, _label in AUDIENCES],
        "practice_statuses": [code for code, _label in PRACTICE_STATUSES],
        "review_by": timezone.localdate() + timezone.timedelta(days=365),
    }

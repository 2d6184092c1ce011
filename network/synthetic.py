"""The network part of the synthetic corpus: municipalities, the directory, mediators, posts.

Municipality names are Latvia's 43 real ones (names only); every organisation, service,
person and text is invented and marked (portal/core/synthetic.py explains the marks). The
words and the recipes that make the rows are data/synthetic.yaml; here are the few helpers
its recipes call. Contact details are example.org addresses and "+371 0…" numbers, which no
Latvian number starts with.
"""

from django.contrib.auth.hashers import make_password


def context(sizes):
    """What the recipes use besides the words: these helpers."""
    return {
        "house_number": lambda number: number % 97 + 1,
        "phone_number": lambda serial, order: f"+371 0000 {(serial * 2 + order) % 10000:04d}",
        "no_password": lambda: make_password(None),  # accounts nobody can sign in to
    }

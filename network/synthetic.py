"""The network part of the synthetic corpus: municipalities, the directory, mediators, posts.

Municipality names are Latvia's 43 real ones (names only); every organisation, service,
person and text is invented and marked (portal/core/synthetic.py explains the marks). The
words and the recipes that make the rows are data/synthetic.yaml; here are the few helpers
its recipes call. Contact details are example.org addresses and "+371 0…" numbers, which no
Latvian number starts with.
"""

from django.contrib.auth.hashers import make_password

SERVICES_PER_ORGANIZATION = 4


def organization_count(services):
    return -(-services // SERVICES_PER_ORGANIZATION)


def offers(kind, number, services):
    """The [name, topic slug, role] of organisation `number`'s services: four (the last one
    gets the rest); a kind with fewer repeats its list, numbered."""
    listed = kind["services"]
    count = min(SERVICES_PER_ORGANIZATION, services - number * SERVICES_PER_ORGANIZATION)
    named = []
    for offer in range(count):
        name, topic, role = listed[offer % len(listed)]
        if offer >= len(listed):
            name = f"{name} ({offer + 1})"
        named.append([name, topic, role])
    return named


def phone_number(serial, order):
    return f"+371 0000 {(serial * 2 + order) % 10000:04d}"  # not a real number


def context(sizes):
    """What the recipes use besides the words: these helpers."""
    return {
        "organization_count": organization_count,
        "offers": offers,
        "house_number": lambda number: number % 97 + 1,
        "phone_number": phone_number,
        "no_password": lambda: make_password(None),  # accounts nobody can sign in to
    }

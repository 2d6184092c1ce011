"""Run by test_write_races on a fresh SQLite file (DATABASE_URL): parallel POSTs of the
experience-post form from threads, as runserver serves them. Prints one JSON line: per round,
the statuses and the number of posts saved for a double click (one form token sent twice) and
for two different forms sent at once."""

import json
import re
import threading

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

ROUNDS = 5


class NoMigrations(dict):
    """Tables straight from the models (seconds instead of the migrations' half minute)."""

    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


def build():
    from network.mediators.models import MediatorIndexPage
    from network.mediators.permissions import ensure_people_permissions
    from network.posts.models import ExperienceIndexPage
    from portal.core.roles import MEDIATORS_GROUP
    from portal.demo import build_site

    settings.MIGRATION_MODULES = NoMigrations()
    call_command("migrate", run_syncdb=True, verbosity=0)
    build_site(lambda message: None)
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    sections = []
    for model, title, slug in (
        (MediatorIndexPage, "Mediatori", "mediatori"),
        (ExperienceIndexPage, "Pieredze", "pieredze"),
    ):
        page = model(title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
        sections.append(page)
    ensure_people_permissions(*sections)
    user = get_user_model().objects.create_user("mediatore", "m@example.org", "x")
    user.groups.add(Group.objects.get(name=MEDIATORS_GROUP))
    return user, sections[1]


def in_parallel(posts):
    """Sends the (client, url, data) POSTs at once from threads; their responses."""
    barrier = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def run(index, client, url, data):
        try:
            barrier.wait(timeout=10)
            results[index] = client.post(url, data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, *post)) for index, post in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def token(client, url):
    match = re.search(r'name="form_token" value="([^"]*)"', client.get(url).content.decode())
    return {"form_token": match.group(1)} if match else {}


def main():
    from network.posts.models import ExperiencePostPage

    user, index = build()
    tabs = [Client(), Client()]
    for tab in tabs:
        tab.force_login(user)
    url = index.url + "rakstit/"
    rounds = []
    for number in range(ROUNDS):
        outcome = {}
        for case in ("double_click", "two_forms"):
            title = f"{case} {number}"
            data = [
                {"title": title, "main_issues": "Skolas kavējumi.", **token(tabs[0], url)},
            ]
            data.append(data[0] if case == "double_click" else {**data[0], **token(tabs[1], url)})
            responses = in_parallel([(tabs[0], url, data[0]), (tabs[1], url, data[1])])
            outcome[case] = {
                "statuses": [response.status_code for response in responses],
                "posts": ExperiencePostPage.objects.filter(title=title).count(),
            }
        rounds.append(outcome)
    print(json.dumps(rounds))


if __name__ == "__main__":
    main()

"""Demo people of the network: the seed's five mediators and a few demo posts made only from
what the seminar slides say (data/demo/people.yaml), and demo accounts (data/demo/accounts.yaml:
example.org, each password printed once). No photos, contact details, languages or figures the
seed does not report.
"""

from pathlib import Path

from django.apps import apps

from network.mediators.models import MediatorProfilePage
from network.mediators.permissions import ensure_people_permissions
from network.posts.models import ExperiencePostPage
from portal.core.demo_data import DemoRefs, ensure_accounts, load_rows

DATA = Path(__file__).resolve().parent / "data" / "demo"


def load(site, log):
    refs = DemoRefs(site)
    created = load_rows(DATA / "people.yaml", refs)
    ensure_people_permissions(refs["page"]["mediatori"], refs["page"]["pieredze"])
    link_seminar_results(refs["profile"])
    ensure_accounts(DATA / "accounts.yaml", "network", log)
    log(
        f"network: {created.get(MediatorProfilePage, 0)} demo mediator profiles, "
        f"{created.get(ExperiencePostPage, 0)} demo posts created"
    )


def link_seminar_results(profiles):
    """The seminar's per-mediator results link to the demo profiles (blank links only)."""
    try:
        seminar_model = apps.get_model("knowledge", "SeminarPage")
    except LookupError:
        return
    by_name = {profile.title: profile for profile in profiles.values()}
    for seminar in seminar_model.objects.all():
        changed = False
        for block in seminar.body:
            if block.block_type != "mediator_results" or block.value.get("profile"):
                continue
            profile = by_name.get(block.value.get("name"))
            if profile is not None:
                block.value["profile"] = profile
                changed = True
        if changed:
            seminar.save_revision().publish()

"""Demo content of the directory: the seed's municipalities with their practice facts
(data/demo/municipalities.yaml) and the institutions the seed names for each
(data/demo/directory.yaml), marked as demo data. Phones are placeholders from the
non-dialable +371 0000 NNNN range, labelled as not real; no other contact details are invented."""

from pathlib import Path

from portal.core.demo_data import load_rows
from taxonomy.models import Concept, Topic

from .models import MunicipalityPage, Service

DATA = Path(__file__).resolve().parent / "data" / "demo"


def load_base(site, log):
    """The municipalities: other apps' demo content links to them."""
    home = site.root_page.specific
    refs = {"page": {"home": home}}
    load_rows(DATA / "municipalities.yaml", refs)
    if home.municipalities_page_id is None:
        home.municipalities_page = refs["page"]["pasvaldibas"]
        home.save_revision().publish()
    log(f"network: {len(refs['municipality'])} municipalities")


def load(site, log):
    refs = {
        "topic": {topic.slug: topic for topic in Topic.objects.all()},
        "concept": {concept.slug: concept for concept in Concept.objects.all()},
        "municipality": {m.slug: m for m in MunicipalityPage.objects.descendant_of(site.root_page)},
    }
    created = load_rows(DATA / "directory.yaml", refs)
    services = created.get(Service, 0)
    log(f"network: {services} demo directory services created (phones +371 0000 NNNN, not real)")

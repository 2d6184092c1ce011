"""Demo content of the directory: the seed's municipalities with their practice facts
(data/demo/municipalities.yaml) and the institutions the seed names for each
(data/demo/directory.yaml), marked as demo data. Phones are placeholders from the
non-dialable +371 0000 NNNN range, labelled as not real; no other contact details are invented."""

from pathlib import Path

from portal.core.demo_data import DemoRefs, load_rows

from .models import Service

DATA = Path(__file__).resolve().parent / "data" / "demo"


def load_base(site, log):
    """The municipalities: other apps' demo content links to them."""
    refs = DemoRefs(site)
    load_rows(DATA / "municipalities.yaml", refs)
    log(f"network: {len(refs['municipality'])} municipalities")


def load(site, log):
    created = load_rows(DATA / "directory.yaml", DemoRefs(site))
    services = created.get(Service, 0)
    log(f"network: {services} demo directory services created (phones +371 0000 NNNN, not real)")

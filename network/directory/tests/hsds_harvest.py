"""Harvest the HSDS API as a client would (every page, the full variants, every detail) and
validate each object against the official schemas (see hsds_schemas), in both modes."""

import fcntl
from collections import Counter
from dataclasses import dataclass, field

from network.directory.tests import hsds_schemas

API = "/api/hsds"
PER_PAGE = 20  # small pages, so the harvest walks several of them
# (endpoint, query, kind of each item): the lists, their full variants, and what they hold.
LISTS = [
    ("services", "", "service_list"),
    ("services", "full=true", "service"),
    ("services", "minimal=true", "service_list"),
    ("organizations", "", "organization_list"),
    ("organizations", "full=true", "organization"),
    ("organizations", "full_service=true", "organization"),
    ("service_at_locations", "", "service_at_location_list"),
    ("service_at_locations", "full=true", "service_at_location"),
    ("taxonomies", "", "taxonomy"),
    ("taxonomy_terms", "", "taxonomy_term"),
]
# (endpoint, query, kind): one request per id the plain list gave.
DETAILS = [
    ("services", "", "service"),
    ("organizations", "", "organization"),
    ("organizations", "full_service=true", "organization"),
    ("service_at_locations", "", "service_at_location"),
    ("taxonomies", "", "taxonomy"),
    ("taxonomy_terms", "", "taxonomy_term"),
]


@dataclass
class Harvest:
    objects: list = field(default_factory=list)  # (label, kind, data)
    problems: list = field(default_factory=list)  # answers that were not JSON 200
    ids: dict = field(default_factory=dict)  # endpoint -> ids of its plain list

    def get(self, client, url):
        response = client.get(url)
        if response.status_code != 200 or response["Content-Type"] != "application/json":
            self.problems.append(f"GET {url} → {response.status_code} {response['Content-Type']}")
            return None
        return response.json()


def _pages(client, harvest, endpoint, query, kind):
    label = f"/{endpoint}" + (f"?{query}" if query else "")
    number, total_pages, seen = 1, 1, 0
    while number <= total_pages:
        separator = "&" if query else ""
        url = f"{API}/{endpoint}?{query}{separator}per_page={PER_PAGE}&page={number}"
        page = harvest.get(client, url)
        if page is None:
            return
        harvest.objects.append((f"{label} (page)", "page", page))
        for item in page.get("contents", []):
            harvest.objects.append((label, kind, item))
            if not query:
                harvest.ids.setdefault(endpoint, []).append(item.get("id"))
            seen += 1
        total_pages = page.get("total_pages", 0)
        number += 1
    if seen != page.get("total_items"):
        said = page.get("total_items")
        harvest.problems.append(f"{label}: {seen} items on the pages, total_items says {said}")


def harvest_api(client):
    """Every object the API gives, with the endpoint it came from and its schema."""
    harvest = Harvest()
    root = harvest.get(client, f"{API}/")
    if root is not None:
        harvest.objects.append(("/", "root", root))
    for endpoint, query, kind in LISTS:
        _pages(client, harvest, endpoint, query, kind)
    for endpoint, query, kind in DETAILS:
        label = f"/{endpoint}/{{id}}" + (f"?{query}" if query else "")
        for pk in harvest.ids.get(endpoint, []):
            data = harvest.get(client, f"{API}/{endpoint}/{pk}" + (f"?{query}" if query else ""))
            if data is not None:
                harvest.objects.append((label, kind, data))
    return harvest


@dataclass
class Figures:
    objects: Counter = field(default_factory=Counter)  # label -> objects validated
    invalid: Counter = field(default_factory=Counter)  # (label, mode) -> invalid objects
    errors: Counter = field(default_factory=Counter)  # (label, mode) -> errors
    samples: list = field(default_factory=list)  # the first errors, to read

    @property
    def invalid_total(self):
        return sum(self.invalid.values())

    def total(self, counter, mode):
        return sum(count for (_, each_mode), count in counter.items() if each_mode == mode)


def validate(harvest):
    figures = Figures()
    for label, kind, data in harvest.objects:
        figures.objects[label] += 1
        for mode in hsds_schemas.MODES:
            found = hsds_schemas.errors(kind, data, mode)
            if found:
                figures.invalid[label, mode] += 1
                figures.errors[label, mode] += len(found)
                if len(figures.samples) < 15:
                    figures.samples.append(f"{label} [{mode}] {data.get('id', '')}: {found[0]}")
    return figures


def report_lines(corpus, harvest, figures):
    objects = sum(figures.objects.values())
    lines = [f"HSDS 3.0 conformance, {corpus}: {objects} objects (official schemas, hsds_spec/)"]
    lines.append(
        f"  {'endpoint':<44} {'objects':>7}   invalid normal/strict   errors normal/strict"
    )
    for label, count in figures.objects.items():
        invalid = "/".join(str(figures.invalid[label, mode]) for mode in hsds_schemas.MODES)
        errors = "/".join(str(figures.errors[label, mode]) for mode in hsds_schemas.MODES)
        lines.append(f"  {label:<44} {count:>7}   {invalid:>21}   {errors:>20}")
    for mode in hsds_schemas.MODES:
        invalid = figures.total(figures.invalid, mode)
        errors = figures.total(figures.errors, mode)
        lines.append(f"  {mode}: {objects - invalid} of {objects} valid, {errors} errors")
    lines += [f"  not JSON 200: {problem}" for problem in harvest.problems[:10]]
    if len(harvest.problems) > 10:
        lines.append(f"  … and {len(harvest.problems) - 10} more answers not JSON 200")
    lines += [f"  e.g. {sample}" for sample in figures.samples]
    return lines


def fields_seen(harvest, label):
    """Every field path ("phones.extension") the objects from this endpoint carry."""
    seen = set()

    def walk(value, prefix):
        if isinstance(value, list):
            for item in value:
                walk(item, prefix)
        elif isinstance(value, dict):
            for key, item in value.items():
                path = f"{prefix}.{key}" if prefix else key
                seen.add(path)
                walk(item, path)

    for each_label, _, data in harvest.objects:
        if each_label == label:
            walk(data, "")
    return seen


def record(artifacts_dir, lines):
    """Print the figures and keep them in test-artifacts/hsds-conformance.txt, a section each
    corpus (xdist hides prints)."""
    print("\n" + "\n".join(lines))
    with open(artifacts_dir / "hsds-conformance.txt", "a+", encoding="utf-8") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        file.seek(0)
        title = lines[0].split(":")[0]
        sections = [s for s in file.read().split("\n\n") if s.strip() and not s.startswith(title)]
        file.seek(0)
        file.truncate()
        file.write("\n\n".join(sorted([*sections, "\n".join(lines)])) + "\n")

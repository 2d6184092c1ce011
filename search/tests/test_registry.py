"""Apps declare their search documents; search/ only holds the mechanism and imports no app."""

import ast
from pathlib import Path

from search import registry

SEARCH_DIR = Path(registry.__file__).parent


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_search_mechanism_imports_no_app():
    found = [
        (path.name, module)
        for path in sorted(SEARCH_DIR.glob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in {"network", "knowledge"}
    ]
    assert found == []


def test_apps_declare_every_searchable_model_with_its_group_and_kind():
    labels = [source.model_label for source in registry.active_sources()]
    assert labels == [
        "network.MunicipalityPage",
        "network.Service",
        "network.Organization",
        "knowledge.GuidePage",
        "knowledge.GuideStepPage",
        "knowledge.ArticlePage",
        "knowledge.SeminarPage",
        "network.MediatorProfilePage",
        "network.ExperiencePostPage",
    ]
    assert list(registry.GROUPS) == ["contacts", "knowledge", "experience"]
    assert set(registry.KINDS) == {
        "service",
        "organization",
        "municipality",
        "article",
        "guide",
        "seminar",
        "passage",  # sections of long seminars, articles and guide steps
        "mediator",
        "post",
    }


def test_places_and_watched_fields_come_from_the_declarations():
    (place,) = registry.place_sources()
    assert place.model_label == "network.MunicipalityPage"
    assert place.name_fields == ("title", "name_locative", "name_genitive")
    assert registry.REFERENCED_FIELDS == {
        "network.municipalitypage": ("title", "slug", "url_path"),
        "taxonomy.topic": ("name", "slug"),
        "taxonomy.concept": ("slug",),
        # No source of its own: services copy their locations' addresses.
        "network.location": ("address_1", "city", "postal_code", "name"),
    }


def test_registering_a_source_twice_adds_nothing():
    before = list(registry.active_sources())
    registry.register(*before)
    assert registry.active_sources() == before

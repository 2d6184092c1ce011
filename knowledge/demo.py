"""Demo content of the knowledge app, all of it from the seminar slides in the seed.

The content is rows of pages in `data/demo/` (portal/core/demo_data.py loads them): the
knowledge index (index.yaml), the seminar page (seminar.yaml), a handful of good practices
(articles.yaml) and the onboarding guide “Romu mediatora darba uzsākšana” (guide.yaml). Every
page is marked `is_demo`; the only figures are those the seed reports.
"""

from pathlib import Path

from portal.core.demo_data import DemoRefs, load_rows, read
from portal.core.editorial import ensure_moderation_workflow
from taxonomy.demo import load_concepts, load_topics

from .models import ArticlePage, SeminarPage

DATA = Path(__file__).resolve().parent / "data" / "demo"


def load_base(site, log):
    """The topics and the vocabulary (taxonomy's data): other apps' demo content is tagged
    with them."""
    topics = load_topics()
    concepts = load_concepts()
    log(f"knowledge: {len(topics)} topics, {len(concepts)} vocabulary concepts")


def load(site, log):
    refs = DemoRefs(site)
    for name in ("index", "seminar", "articles", "guide"):
        load_rows(DATA / f"{name}.yaml", refs)
    index_page, guide = refs["page"]["zinasanas"], refs["page"]["darba-uzsaksana"]
    ensure_moderation_workflow([index_page, guide])
    log(
        f"knowledge: {len(refs['topic'])} topics, 1 seminar, {ArticlePage.objects.count()} "
        f"articles, guide with {len(guide.steps())} steps, moderation workflow"
    )


def add_evaluation_results(site, survey, questions):
    """The demo survey's results (those questions) on the seminar page, after the note on the
    survey's figures; portal's demo links the two apps' content.

    Added once: a page that already has a results block (or no longer exists) is left alone.
    """
    data = read(DATA / "evaluation.yaml")
    seminar = SeminarPage.objects.descendant_of(site.root_page).filter(slug=data["seminar"]).first()
    if seminar is None or any(child.block_type == "evaluation_results" for child in seminar.body):
        return False
    callouts = [
        index
        for index, child in enumerate(seminar.body)
        if child.block_type == "callout" and child.value.get("title") == data["after_callout"]
    ]
    value = {
        "title": data["title"],
        "survey": survey,
        "questions": list(questions),  # the quotes are on the page already
        "show_texts": data["show_texts"],
    }
    position = callouts[0] + 1 if callouts else len(seminar.body)
    seminar.body.insert(position, ("evaluation_results", value))  # insert() normalises it
    seminar.save_revision().publish()
    return True

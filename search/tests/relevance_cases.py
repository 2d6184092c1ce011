"""Mediators' questions about the seed's situations, with what must be in the first three.

The questions live in relevance/questions.yaml (see its header): documents are named by kind
and title as load_demo creates them (stable across runs); an `any_of` entry passes when one of
its documents is there (e.g. five equal school entries). "Top three" is counted as the search
page shows results, group by group: an expected contact must be among the first three under
"Kam zvanīt", an expected guide or article among the first three under "Vadlīnijas un labā
prakse" (on the first page). A passage (one section of a long page, linking to its anchor)
counts as its page. The `blind` half is measured, never tuned against.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

QUESTIONS_FILE = Path(__file__).parent / "relevance" / "questions.yaml"
HALVES = ("tuning", "blind")
FIRST_SET = "first set"


@dataclass(frozen=True)
class AnyOf:
    documents: tuple


@dataclass(frozen=True)
class Case:
    question: str
    expected: tuple  # (kind, title) pairs and AnyOf
    situation: str
    half: str
    origin: str


@dataclass(frozen=True)
class Outcome:
    """One question's result: its top documents and, per expected entry, 1 / the rank of its
    first document in its group (0 when it is not on the page)."""

    case: Case
    found: list
    reciprocal_ranks: tuple

    @property
    def passed(self):
        return passes(self.found, self.case.expected)


@dataclass(frozen=True)
class Score:
    passed: int
    total: int
    mean_reciprocal_rank: float
    failures: list  # (question, top documents)

    @property
    def share(self):
        return self.passed / self.total if self.total else 0.0


def expected_entry(item):
    if isinstance(item, dict):
        return AnyOf(tuple(tuple(document) for document in item["any_of"]))
    return tuple(item)


def load_cases(path=QUESTIONS_FILE):
    with open(path, encoding="utf-8") as file:
        entries = yaml.safe_load(file)
    return [
        Case(
            question=entry["q"],
            expected=tuple(expected_entry(item) for item in entry["expect"]),
            situation=entry["situation"],
            half=entry["half"],
            origin=str(entry["origin"]),
        )
        for entry in entries
    ]


CASES = load_cases()
TUNING = [case for case in CASES if case.half == "tuning"]
BLIND = [case for case in CASES if case.half == "blind"]


def options(entry):
    return entry.documents if isinstance(entry, AnyOf) else (entry,)


def counted_as(hit):
    """A hit's (kind, title); a passage's: ("passage", its page's title)."""
    return ("passage", hit.page_title) if hit.page_title else (hit.kind, hit.title)


def found_in(option, found):
    """An expected (kind, title) is found as itself or as one of its passages."""
    return option in found or ("passage", option[1]) in found


def top_documents(results, count=3):
    """The first `count` documents of each group on the page."""
    return [counted_as(hit) for group in results.groups for hit in group["hits"][:count]]


def reciprocal_rank(results, entry):
    """1 / the rank, within its group on the page, of the entry's first document found."""
    ranks = [
        rank
        for group in results.groups
        for rank, hit in enumerate(group["hits"], start=1)
        if any(found_in(option, [counted_as(hit)]) for option in options(entry))
    ]
    return 1 / min(ranks) if ranks else 0.0


def passes(found, expected):
    return all(any(found_in(option, found) for option in options(entry)) for entry in expected)


def evaluate(search, cases=CASES):
    """[Outcome] of each case for `search(question) → SearchResults`."""
    outcomes = []
    for case in cases:
        results = search(case.question)
        ranks = tuple(reciprocal_rank(results, entry) for entry in case.expected)
        outcomes.append(Outcome(case, top_documents(results), ranks))
    return outcomes


def score(outcomes):
    """Top-3 passes and the mean reciprocal rank over all expected entries of `outcomes`."""
    ranks = [rank for outcome in outcomes for rank in outcome.reciprocal_ranks]
    return Score(
        passed=sum(outcome.passed for outcome in outcomes),
        total=len(outcomes),
        mean_reciprocal_rank=sum(ranks) / len(ranks) if ranks else 0.0,
        failures=[(o.case.question, o.found) for o in outcomes if not o.passed],
    )

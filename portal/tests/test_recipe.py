"""The synthetic corpus's recipe language (portal/core/demo_data.py's Recipe), no database."""
# ruff: noqa: S311 - seeded randoms are the point: the same seed, the same corpus

import random
from collections import ChainMap

from portal.core.demo_data import Recipe


def evaluate(expr, seed=1, **names):
    return Recipe(random.Random(seed), ChainMap({})).value(expr, ChainMap(names))


def test_templates_paths_and_literals():
    names = {"place": {"name": "Rīga", "codes": ["lv", "ru"]}, "number": 7}
    assert evaluate("{place[name]} Nr. {number:03d}", **names) == "Rīga Nr. 007"
    assert evaluate("=place[codes][1]", **names) == "ru"
    assert evaluate({"kind": "tip", "level": 2}) == {"kind": "tip", "level": 2}


def test_draws_follow_the_seed_in_the_order_written():
    rng = random.Random(5)
    expected = [rng.choice("abc"), rng.sample(range(10), 2), rng.randint(1, 6)]
    expr = [{"choice": "abc"}, {"sample": [list(range(10)), 2]}, {"randint": [1, 6]}]
    assert evaluate(expr, seed=5) == expected


def test_only_the_branch_taken_draws():
    skipped = [{"if": [False, {"choice": "xyz"}]}, {"choice": "abc"}]
    assert evaluate(skipped, seed=2) == [None, random.Random(2).choice("abc")]


def test_an_operation_of_one_argument_takes_a_list_whole_and_the_app_adds_its_own():
    assert evaluate({"choice": [16, 17, 18]}, seed=3) == random.Random(3).choice([16, 17, 18])
    assert evaluate({"twice": "ab"}, twice=lambda text: text * 2) == "abab"
    assert evaluate({"get": [{"a": 1}, "b", 0]}) == 0
    assert evaluate({"choice": []}) is None  # nothing to choose from: no draw, no row link

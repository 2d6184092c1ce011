#!/usr/bin/env python
"""Search benchmark (not a test): latency of the search API against raw `_search`, and rebuild
throughput against a raw `_bulk` of prebuilt documents, for synthetic corpora of several sizes.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/search_bench.py \
        [--sizes 1000 10000 100000] [--queries 200]

Each size runs in its own process with a throwaway SQLite database and index alias
(`bench-search-<size>`, removed afterwards). Targets: API p95 ≤ 1.5 × raw p95; rebuild
≥ 0.5 × raw bulk; HTML search page p95 ≤ 2 × API p95.

Latency is measured twice: with Elasticsearch's shard request cache off (the targets: every
request searches), then on, as in production, where the 50 questions asked four times are all
answered from that cache (`took` 0 ms) and only the fixed costs around it remain.
"""

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
# Rebuilds and raw bulks timed per size (the median counts): one varies by ±30 % on 2 cores.
REPEATS = 3
# `manage.py ARGS…`, then its peak resident memory (kB) as the last line.
PEAK_RSS_CHILD = """
import runpy, sys
sys.argv = ["manage.py", *sys.argv[1:]]
try:
    runpy.run_path("manage.py", run_name="__main__")
finally:
    sys.stdout.flush()
    status = open("/proc/self/status").read()
    print(next(line for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def p95(values):
    return percentile(values, 0.95)


def latency(client, es, alias, questions, bodies, queries):
    """{"api", "raw", "page": [seconds]}: the API and the same body sent raw, alternating;
    then the HTML search page (/meklet/, results rendered) on the same questions, apart, so
    its log rows don't change what the API's cost."""
    for question in questions:  # warm all three paths up
        client.get("/api/search/", {"q": question})
        client.get("/meklet/", {"q": question})
        es.search(index=alias, body=bodies[question])
    times = {"api": [], "raw": [], "page": []}
    for number in range(queries):
        question = questions[number % len(questions)]
        started = time.perf_counter()
        response = client.get("/api/search/", {"q": question})
        times["api"].append(time.perf_counter() - started)
        assert response.json()["engine"] == "elasticsearch"
        started = time.perf_counter()
        es.search(index=alias, body=bodies[question])
        times["raw"].append(time.perf_counter() - started)
    for number in range(queries):
        started = time.perf_counter()
        response = client.get("/meklet/", {"q": questions[number % len(questions)]})
        times["page"].append(time.perf_counter() - started)
        assert response.status_code == 200
    return times


def measure(size, queries):
    """Everything for one corpus size; runs inside the per-size process."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.search_corpus import generate
    from search import documents

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    count = generate(size)
    generated_in = time.monotonic() - started
    es = documents.client(timeout=120)
    gc.freeze()  # as `search_index --rebuild` does before it builds (its process ends after)
    indexed, rebuild_seconds, raw_seconds = rebuild_and_raw_seconds(es)
    peak_rss_mb = rebuild_peak_rss_mb()
    times = api_and_raw_times(es, queries)
    for name in documents.current_indices(es):
        es.indices.delete(index=name)
    return {
        "size": size,
        "documents": indexed,
        "generated_s": round(generated_in, 1),
        **{
            f"{name}_{label}_ms": round(1000 * figure(values), 1)
            for name, values in times.items()
            for label, figure in (("p50", statistics.median), ("p95", p95))
        },
        "rebuild_docs_s": round(indexed / rebuild_seconds),
        "raw_bulk_docs_s": round(count and indexed / raw_seconds),
        "rebuild_peak_rss_mb": round(peak_rss_mb),
    }


def rebuild_and_raw_seconds(es):
    """The rebuild (database → documents → bulk → alias swap, as `search_index --rebuild`
    does it) and a raw bulk of the same documents, prebuilt as NDJSON, into an identical new
    index, taken in turn: one untimed round, then REPEATS timed; (documents, medians). In
    turn because Elasticsearch's JIT keeps compiling through the first rebuilds: all rebuilds
    first, then all raw bulks (as before 2026-12-01 evening) handed the raw side a warmer
    engine."""
    from search import documents, indexing
    from search.sources import all_documents

    raw_index = f"{documents.alias_name()}-v0-raw"
    ndjson = Path(tempfile.mkstemp(suffix=".ndjson")[1])
    with ndjson.open("w") as out:
        for doc_id, document in all_documents():
            out.write(json.dumps({"index": {"_index": raw_index, "_id": doc_id}}) + "\n")
            out.write(json.dumps(documents.document_source(document), ensure_ascii=False) + "\n")
    rebuilds, raws = [], []
    for _ in range(REPEATS + 1):
        started = time.monotonic()
        _name, indexed = indexing.rebuild()
        rebuilds.append(time.monotonic() - started)
        raws.append(one_raw_bulk(es, raw_index, ndjson))
    ndjson.unlink()
    return indexed, statistics.median(rebuilds[1:]), statistics.median(raws[1:])


def one_raw_bulk(es, raw_index, ndjson):
    """Seconds to bulk the NDJSON file into a new index and refresh it (then it is removed)."""
    from search import documents, indexing

    documents.create_index(es, raw_index)

    def send(chunk):
        assert not es.bulk(operations=chunk)["errors"], "raw bulk failed"

    # As many requests in flight as the rebuild uses: the same load on Elasticsearch.
    started = time.monotonic()
    with ndjson.open("rb") as lines, ThreadPoolExecutor(max_workers=indexing.SENDERS) as pool:
        in_flight = deque()
        while chunk := b"".join(lines.readline() for _ in range(2 * indexing.BULK_CHUNK)):
            in_flight.append(pool.submit(send, chunk))
            if len(in_flight) >= indexing.SENDERS:
                in_flight.popleft().result()
        for future in in_flight:
            future.result()
    documents.finish_index(es, raw_index)
    seconds = time.monotonic() - started
    es.indices.delete(index=raw_index)
    return seconds


def rebuild_peak_rss_mb():
    """Peak memory of a rebuild as its own process (the management command). The child reports
    its own VmHWM: getrusage(RUSAGE_CHILDREN) would also count this process' memory (Linux
    records the parent's peak in the child's at exec)."""
    child = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_CHILD, "search_index", "--rebuild", "--no-progress"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Indexed" in child.stdout
    return int(child.stdout.split("VmHWM:")[1].split()[0]) / 1024


def set_request_cache(es, alias, enabled):
    """Turns the index's shard request cache on or off (a dynamic setting), then empties it."""
    es.indices.put_settings(index=alias, settings={"index.requests.cache.enable": enabled})
    es.indices.clear_cache(index=alias, request=True)


def api_and_raw_times(es, queries):
    """Latency: the API (Django view, in process) against the same query body sent raw;
    {"api", "raw", "page"} with the request cache off, the same with "_cached" after it on."""
    from django.http import QueryDict
    from django.test import Client

    from search import documents
    from search.engine import search_body
    from search.params import parse
    from search.query import vocabulary
    from search.results import make_plan
    from search.tests.relevance_cases import CASES, FIRST_SET

    questions = [case.question for case in CASES if case.origin == FIRST_SET]
    bodies = {}
    for question in questions:
        params = parse(QueryDict(urlencode({"q": question})), vocabulary)
        bodies[question] = search_body(make_plan(params, "lv"))
    alias = documents.alias_name()
    times = {}
    for enabled, suffix in ((False, ""), (True, "_cached")):
        set_request_cache(es, alias, enabled)
        measured = latency(Client(), es, alias, questions, bodies, queries)
        times.update({f"{name}{suffix}": values for name, values in measured.items()})
    return times


def run_size(size, queries):
    var_dir = Path(tempfile.mkdtemp(prefix=f"bench-search-{size}-"))
    env = {
        **os.environ,
        "PORTAL_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "ELASTICSEARCH_INDEX": f"bench-search-{size}",
    }
    env.pop("DATABASE_URL", None)  # a fresh SQLite database per size
    try:
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--queries", str(queries)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    if result.returncode:
        sys.exit(f"size {size} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("Set ELASTICSEARCH_URL (e.g. `make search-server` in another shell).")
    if args.one:
        print(json.dumps(measure(args.one, args.queries)))
        return
    header = (
        f"{'docs':>7} {'API p50':>8} {'API p95':>8} {'raw p50':>8} {'raw p95':>8} "
        f"{'p95 ×':>6} {'rebuild/s':>10} {'bulk/s':>8} {'ratio':>6} {'peak MB':>8} "
        f"{'page p50':>9} {'page p95':>9} {'page/API':>9}"
    )
    print(header)
    measured = []
    for size in args.sizes:
        r = run_size(size, args.queries)
        print(
            f"{r['documents']:>7} {r['api_p50_ms']:>8} {r['api_p95_ms']:>8} "
            f"{r['raw_p50_ms']:>8} {r['raw_p95_ms']:>8} "
            f"{r['api_p95_ms'] / r['raw_p95_ms']:>6.2f} {r['rebuild_docs_s']:>10} "
            f"{r['raw_bulk_docs_s']:>8} {r['rebuild_docs_s'] / r['raw_bulk_docs_s']:>6.2f} "
            f"{r['rebuild_peak_rss_mb']:>8} {r['page_p50_ms']:>9} {r['page_p95_ms']:>9} "
            f"{r['page_p95_ms'] / r['api_p95_ms']:>9.2f}",
            flush=True,
        )
        measured.append(r)
    print("\nthe same with the request cache on (every request answered from its memory):")
    print(
        f"{'docs':>7} {'API p50':>8} {'API p95':>8} {'raw p50':>8} {'raw p95':>8} {'p95 ×':>6} "
        f"{'page p50':>9} {'page p95':>9} {'page/API':>9}"
    )
    for r in measured:
        print(
            f"{r['documents']:>7} {r['api_cached_p50_ms']:>8} {r['api_cached_p95_ms']:>8} "
            f"{r['raw_cached_p50_ms']:>8} {r['raw_cached_p95_ms']:>8} "
            f"{r['api_cached_p95_ms'] / r['raw_cached_p95_ms']:>6.2f} "
            f"{r['page_cached_p50_ms']:>9} {r['page_cached_p95_ms']:>9} "
            f"{r['page_cached_p95_ms'] / r['api_cached_p95_ms']:>9.2f}"
        )


if __name__ == "__main__":
    main()

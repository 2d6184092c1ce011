"""Page benchmark: server time, requests/s and SQL queries per page type on the synthetic corpus.

Run through the services wrapper (it starts PostgreSQL and Elasticsearch), or `make bench-pages`:

    .venv/bin/python scripts/services.py run -- .venv/bin/python bench/pages.py [--scale 1.0]
        [--samples 200] [--concurrency 4] [--seconds 10] [--only "municipality directory"]
        [--keep DIR | --reuse DIR]

To iterate on one page type: `--keep DIR` saves the prepared database (pg_dump) and media files
in DIR; a later `--reuse DIR` restores them instead of preparing again (minutes saved; the search
index is rebuilt only when "search" is measured). ELASTICSEARCH_INDEX, if set, names the index
(default bench-pages), so runs against a shared Elasticsearch keep to their own.

It migrates the (throwaway) database, loads the demo, runs `generate_corpus --scale S` (printing
its time), rebuilds the search index, runs ANALYZE and waits for the index's merges (a running
server's database has planner statistics and its index has settled), starts gunicorn with 2
workers (bench/load.py's helpers; production settings plus bench/timing.py, which adds the
server time and query count to each response). A warm-up requests a few URLs of every page type
(each worker loads its templates once, as a running server has) and, when the search page is
measured, the relevance questions beyond `--samples` (Elasticsearch's JIT compiled; no measured
question is asked before), and then empties the page cache, as any publish does. Then for
each page type it requests `--samples` different URLs from the corpus one at a time (cold: the
first render of each; server time, queries), the same URLs again (warm: from the page cache),
and the same URLs from `--concurrency` connections for `--seconds` (requests/s). Finally the
peak RSS (VmHWM) of each worker. Not a test: it measures and prints.
"""

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import REPO, free_port, gunicorn, production_env  # noqa: E402

PAGE_TYPES = [
    "home",
    "article",
    "guide step",
    "municipality directory",
    "service",
    "profile",
    "post",
    "knowledge listing",
    "search",
]
P95_TARGET_MS = 50
# Rounds of the unmeasured questions before measuring: Java compiles Elasticsearch's hot code
# after thousands of calls, which a server that has run a day has long made.
SEARCH_WARM_UP_ROUNDS = 5
QUERY_TARGET = 15


def collect_urls(samples, seed=1):
    """{page type: [paths]}: up to `samples` different URLs of each type (run inside Django)."""
    import random
    from urllib.parse import quote

    from wagtail.models import Site

    from knowledge.models import PAGE_SIZE, ArticlePage, GuideStepPage, KnowledgeIndexPage
    from network.directory.models import MunicipalityPage, Service
    from network.mediators.models import MediatorProfilePage
    from network.posts.models import ExperiencePostPage
    from search.tests.relevance_cases import CASES

    rng = random.Random(seed)  # noqa: S311 - a reproducible sample, not security
    root = Site.objects.get(is_default_site=True).root_page.url_path

    def pages(model):
        # The site's own tree only: English copies live under another root (their own /en/ URLs).
        below_root = model.objects.live().public().filter(url_path__startswith=root)
        paths = list(below_root.values_list("url_path", flat=True))
        return [
            "/" + path.removeprefix(root) for path in rng.sample(paths, min(samples, len(paths)))
        ]

    knowledge = KnowledgeIndexPage.objects.live().get(url_path=f"{root}zinasanas/")
    listed = ArticlePage.objects.live().descendant_of(knowledge).count()
    last_page = max(1, -(-listed // PAGE_SIZE))
    listing_pages = rng.sample(range(1, last_page + 1), min(samples, last_page))
    services = list(Service.objects.public().values_list("pk", flat=True))
    return {
        "home": ["/", "/en/"],
        "article": pages(ArticlePage),
        "guide step": pages(GuideStepPage),
        "municipality directory": pages(MunicipalityPage),
        "service": [
            f"/pakalpojumi/{pk}/" for pk in rng.sample(services, min(samples, len(services)))
        ],
        "profile": pages(MediatorProfilePage),
        "post": pages(ExperiencePostPage),
        "knowledge listing": [f"/zinasanas/?page={number}" for number in listing_pages],
        "search": [f"/meklet/?q={quote(case.question)}" for case in CASES][:samples],
        # Other questions, for warming up Elasticsearch (its caches never see a measured one).
        "search warm-up": [f"/meklet/?q={quote(case.question)}" for case in CASES][samples:],
    }


def prepare(env, scale):
    """Database, demo, synthetic corpus, search index and static files; prints the timings."""
    manage = [sys.executable, "manage.py"]
    quiet = {"cwd": REPO, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["createcachetable"],
        ["search_index", "--rebuild", "--no-progress"],  # an index for load_demo's updates
        ["load_demo"],
    ):
        subprocess.run(manage + args, **quiet)
    subprocess.run(manage + ["collectstatic", "--no-input", "-v0"], **quiet)
    started = time.monotonic()
    subprocess.run(
        manage + ["generate_corpus", "--scale", str(scale)], cwd=REPO, env=env, check=True
    )
    generated = time.monotonic() - started
    started = time.monotonic()
    subprocess.run(manage + ["search_index", "--rebuild", "--no-progress"], **quiet)
    indexed = time.monotonic() - started
    print(f"corpus generated in {generated:.1f} s, search index rebuilt in {indexed:.1f} s")
    return generated, indexed


def settle_index(env, timeout=300):
    """Wait until Elasticsearch has finished merging the new index's segments: a rebuild leaves
    merges running for a minute or two, and a server's index has settled long before."""
    from elasticsearch import Elasticsearch

    es = Elasticsearch(env["ELASTICSEARCH_URL"])
    started = time.monotonic()
    while time.monotonic() < started + timeout:
        stats = es.indices.stats(index=env["ELASTICSEARCH_INDEX"], metric="merge")
        if stats["_all"]["total"]["merges"]["current"] == 0:
            break
        time.sleep(1)
    print(f"search index merges finished after {time.monotonic() - started:.0f} s")


def analyze(env):
    """Planner statistics, as autovacuum keeps them on a running server: a database just loaded
    or restored has none, and its plans are not the ones production would use."""
    subprocess.run([pg_tool("psql"), "-q", "-c", "ANALYZE", env["DATABASE_URL"]], check=True)


def pg_tool(name):
    """A PostgreSQL client program of the newest installed server (pg_dump, pg_restore)."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[4]))
    return str(found[-1]) if found else name


def keep(env, directory):
    """Save the prepared database and media files for a later --reuse."""
    directory.mkdir(parents=True, exist_ok=True)
    dump = directory / "db.dump"
    subprocess.run([pg_tool("pg_dump"), "-Fc", "-f", dump, env["DATABASE_URL"]], check=True)
    if Path(env["MEDIA_ROOT"]).exists():
        shutil.copytree(env["MEDIA_ROOT"], directory / "media", dirs_exist_ok=True)


def reuse(env, directory, index):
    """Restore what --keep saved; static files are collected again (cheap, they live in tmp)."""
    dump = directory / "db.dump"
    subprocess.run(
        [pg_tool("pg_restore"), "--no-owner", "-d", env["DATABASE_URL"], dump], check=True
    )
    if (directory / "media").exists():
        shutil.copytree(directory / "media", env["MEDIA_ROOT"], dirs_exist_ok=True)
    manage = [sys.executable, "manage.py"]
    quiet = {"cwd": REPO, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run(manage + ["collectstatic", "--no-input", "-v0"], **quiet)
    if index:
        subprocess.run(manage + ["search_index", "--rebuild", "--no-progress"], **quiet)


def sample_urls(env, samples):
    code = (
        "import django, json, sys; django.setup(); sys.path.insert(0, 'bench');"
        f"import pages; print(json.dumps(pages.collect_urls({samples})))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def fetch(connection, path):
    """(status, server ms, queries) of one GET on a keep-alive connection."""
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    timing = response.getheader("Server-Timing", "app;dur=0").split("dur=")[-1]
    return response.status, float(timing), int(response.getheader("X-Bench-Queries", "0"))


def measure_sequential(port, urls, samples):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    results = []
    for path, _ in zip(cycle(urls), range(max(samples, len(urls))), strict=False):
        results.append((path, *fetch(connection, path)))
    connection.close()
    return results


def measure_throughput(port, urls, concurrency, seconds):
    done = []
    deadline = time.monotonic() + seconds

    def client(offset):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        count = 0
        for path in cycle(urls[offset:] + urls[:offset]):
            if time.monotonic() >= deadline:
                break
            fetch(connection, path)
            count += 1
        done.append(count)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started)


def warm_up(port, urls, page_cache_dir, searches=(), per_type=5):
    """Each worker renders a few pages of every type (templates loaded and compiled, as in a
    server that has run a while) and Elasticsearch answers `searches` (its JIT compiled, as
    in a server that has run a while); then the page cache is emptied, as by a publish."""
    sample = [path for paths in urls.values() for path in paths[:per_type]]
    measure_sequential(port, ["/healthz", *sample] * 2, 0)
    measure_sequential(port, list(searches) * SEARCH_WARM_UP_ROUNDS, 0)
    shutil.rmtree(page_cache_dir, ignore_errors=True)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def worker_peaks(master_pid):
    """Peak resident memory (VmHWM, MB) of each gunicorn worker: the master's children."""
    peaks = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(master_pid):
            peaks[int(status.parent.name)] = int(fields["VmHWM"].split()[0]) / 1024
    return peaks


def summary(results):
    """(p50 ms, p95 ms, queries as "typical (most)", typical queries, errors) of one pass. The
    typical count is the median; the most is a first render after the page cache was emptied,
    which also rebuilds what every page shares (menu, footer, filter lists)."""
    times = [server_ms for _path, _status, server_ms, _queries in results]
    queries = [count for _path, _status, _ms, count in results]
    errors = sum(1 for _path, status, _ms, _queries in results if status != 200)
    typical = int(statistics.median(queries))
    spread = f"{typical} ({max(queries)})" if max(queries) != typical else str(typical)
    return statistics.median(times), percentile(times, 0.95), spread, typical, errors


def report(cold, warm, throughput, peaks):
    print(
        f"\n{'page type':<24}{'URLs':>5}{'err':>4}{'p50':>7}{'p95':>7}{'queries':>9}"
        f"{'p50 w':>7}{'p95 w':>7}{'q w':>6}{'req/s':>7}  targets (p95 cold, queries)"
    )
    for page_type, results in cold.items():
        p50, p95, spread, typical, errors = summary(results)
        w50, w95, w_spread, _typical, w_errors = summary(warm[page_type])
        misses = []
        if p95 > P95_TARGET_MS:  # the search page too: issue 23 lists it among the page types
            misses.append(f"p95 > {P95_TARGET_MS} ms")
        if typical > QUERY_TARGET:
            misses.append(f"> {QUERY_TARGET} queries")
        print(
            f"{page_type:<24}{len(results):>5}{errors + w_errors:>4}{p50:>7.1f}{p95:>7.1f}"
            f"{spread:>9}{w50:>7.1f}{w95:>7.1f}{w_spread:>6}{throughput[page_type]:>7.1f}"
            f"  {'misses: ' + ', '.join(misses) if misses else 'met'}"
        )
    listed = ", ".join(f"{peak:.0f} MB" for _pid, peak in sorted(peaks.items()))
    print(f"peak RSS per gunicorn worker (VmHWM): {listed}")
    print(
        "queries: the median, in brackets the most (a first render after the page cache was "
        "emptied, which also rebuilds the menu, footer and filter lists every page shares)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="generate_corpus --scale")
    parser.add_argument("--samples", type=int, default=200, help="different URLs per page type")
    parser.add_argument("--concurrency", type=int, default=4, help="connections for requests/s")
    parser.add_argument("--seconds", type=float, default=10, help="per page type, for requests/s")
    parser.add_argument("--only", nargs="+", choices=PAGE_TYPES, help="measure these page types")
    parser.add_argument("--keep", type=Path, help="save the prepared database in this directory")
    parser.add_argument("--reuse", type=Path, help="restore a database saved by --keep")
    options = parser.parse_args()
    page_types = options.only or PAGE_TYPES
    if not os.environ.get("DATABASE_URL") or not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("Run through scripts/services.py run -- … (needs PostgreSQL and Elasticsearch).")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **production_env(tmp, os.environ.get("ELASTICSEARCH_INDEX", "bench-pages")),
            "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
            "PAGE_CACHE_DIR": str(Path(tmp) / "pages"),
        }
        if options.reuse:
            reuse(env, options.reuse, index="search" in page_types)
        else:
            prepare(env, options.scale)
        analyze(env)
        if options.reuse is None or "search" in page_types:
            settle_index(env)
        if options.keep:
            keep(env, options.keep)
        urls = sample_urls(env, options.samples)
        cold, warm, throughput = {}, {}, {}
        with gunicorn(env, port) as server:
            searches = urls["search warm-up"] if "search" in page_types else []
            warm_up(
                port, {kind: urls[kind] for kind in page_types}, env["PAGE_CACHE_DIR"], searches
            )
            for page_type in page_types:
                cold[page_type] = measure_sequential(port, urls[page_type], 0)
                warm[page_type] = measure_sequential(port, urls[page_type], 0)
                throughput[page_type] = measure_throughput(
                    port, urls[page_type], options.concurrency, options.seconds
                )
                print(f"measured {page_type}", flush=True)
            peaks = worker_peaks(server.pid)
    print(
        f"\nscale {options.scale}; gunicorn 2 workers; server time in ms (Server-Timing); "
        f"first visit of each URL after the page cache was emptied, then again (w: warm, "
        f"page cache); requests/s with "
        f"{options.concurrency} connections for {options.seconds:.0f} s over the same URLs"
    )
    report(cold, warm, throughput, peaks)


if __name__ == "__main__":
    main()

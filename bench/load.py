"""Load benchmark: 50 simulated users follow the portal's journeys for 60 s on 127.0.0.1.

Run through the services wrapper (it starts PostgreSQL and Elasticsearch):

    .venv/bin/python scripts/services.py run -- .venv/bin/python bench/load.py [--users 50]
        [--seconds 60] [--corpus 10000]

It migrates the (throwaway) database, loads the demo plus a synthetic directory corpus
(bench/search_corpus.py, marked demo), rebuilds the search index, collects static files, starts
gunicorn with 2 workers and production settings, and then sends only to 127.0.0.1. It prints
requests/s, errors and p50/p95 per endpoint. Not a test: it asserts nothing, it measures.
"""

import argparse
import contextlib
import http.client
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "ģimenei Ventspilī ir īres parādi",
    "gimenei ventspili ir ires paradi",
    "bāriņtiesa Viļakā",
    "NVA darbs Jelgavā",
    "skolas kavējumi Rīgā",
    "vakcinācija ģimenes ārsts",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env, corpus):
    """Database, demo, corpus, index and static files, as a deployment would have them."""
    manage = [sys.executable, "manage.py"]
    for args in (
        ["migrate", "--no-input", "-v0"],
        ["createcachetable"],
        ["search_index", "--rebuild", "--no-progress"],  # an index for load_demo's updates
        ["load_demo"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(manage + args, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    code = (
        "import django; django.setup(); import sys; sys.path.insert(0, 'bench');"
        f"import search_corpus; search_corpus.generate({corpus})"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, check=True)
    subprocess.run(
        manage + ["search_index", "--rebuild", "--no-progress"], cwd=REPO, env=env, check=True
    )


class Session:
    """One simulated visitor: a keep-alive connection and the latencies it saw."""

    def __init__(self, port, record):
        self.port = port
        self.record = record
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, endpoint, path):
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = self.connection.getresponse()
            body = response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            body, status = b"", 0
        self.record(endpoint, time.perf_counter() - started, status)
        return body.decode("utf-8", "replace")


def journey_guide(session):
    session.get("home", "/")
    html = session.get("guide", "/darba-uzsaksana/")
    for step in re.findall(r'href="(/darba-uzsaksana/[^"/]+/)"', html)[:6]:
        session.get("guide step", step)
    session.get("guide print", "/darba-uzsaksana/print/")


def journey_search(session):
    session.get("home", "/")
    question = random.choice(QUESTIONS)  # noqa: S311 - load mix, not security
    html = session.get("search", f"/meklet/?q={quote(question)}")
    services = re.findall(r'href="(/pakalpojumi/[0-9a-f-]{36}/)"', html)
    if services:
        session.get("service", services[0])
        session.get("vcard", f"{services[0]}vcard/")
    session.get("search api", f"/api/search/?q={quote(question)}")


def journey_knowledge(session):
    html = session.get("knowledge listing", "/zinasanas/")
    for article in re.findall(r'href="(/zinasanas/[a-z0-9-]+/)"', html)[:2]:
        session.get("article", article)
    session.get("feed", "/zinasanas/feed/")


def journey_municipalities(session):
    session.get("municipalities", "/pasvaldibas/")
    session.get("municipality", "/pasvaldibas/tukums/")
    session.get("compare", "/pasvaldibas/salidzinat/?m=jelgava&m=ventspils")
    session.get("mediators", "/mediatori/")


JOURNEYS = [journey_guide, journey_search, journey_knowledge, journey_municipalities]


def run_load(port, users, seconds):
    latencies = defaultdict(list)
    errors = defaultdict(int)
    lock = threading.Lock()

    def record(endpoint, elapsed, status):
        with lock:
            latencies[endpoint].append(elapsed)
            if status == 0 or status >= 400:
                errors[endpoint] += 1

    deadline = time.monotonic() + seconds

    def user(number):
        session = Session(port, record)
        step = number
        while time.monotonic() < deadline:
            JOURNEYS[step % len(JOURNEYS)](session)
            step += 1
            time.sleep(random.uniform(0.2, 0.6))  # noqa: S311 - think time between journeys

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.monotonic() - started


def report(latencies, errors, elapsed, users, corpus):
    total = sum(len(values) for values in latencies.values())
    print(
        f"\n{users} users, {elapsed:.0f} s, corpus {corpus}: {total} requests, "
        f"{total / elapsed:.1f} requests/s, {sum(errors.values())} errors"
    )
    print(f"{'endpoint':<20}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for endpoint in sorted(latencies):
        values = sorted(latencies[endpoint])
        p50 = statistics.median(values) * 1000
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))] * 1000
        print(f"{endpoint:<20}{len(values):>9}{errors[endpoint]:>8}{p50:>9.1f}{p95:>9.1f}")


def production_env(tmp, index_name):
    """Environment for manage.py and gunicorn: production settings, local only, files in tmp."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(Path(tmp) / "static"),
        "MEDIA_ROOT": str(Path(tmp) / "media"),
        "ELASTICSEARCH_INDEX": index_name,
        # Every simulated user searches from 127.0.0.1: the per-client limit would cap them all.
        "SEARCH_RATE_LIMIT": "0",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@contextlib.contextmanager
def gunicorn(env, port, workers=2):
    """Gunicorn serving the portal on 127.0.0.1:port until the block ends; yields the master."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--corpus", type=int, default=10000)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL") or not os.environ.get("ELASTICSEARCH_URL"):
        sys.exit("Run through scripts/services.py run -- … (needs PostgreSQL and Elasticsearch).")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = production_env(tmp, "bench-load")
        prepare(env, options.corpus)
        with gunicorn(env, port):
            latencies, errors, elapsed = run_load(port, options.users, options.seconds)
    report(latencies, errors, elapsed, options.users, options.corpus)


if __name__ == "__main__":
    main()

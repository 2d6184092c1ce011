"""Worker warm-up benchmark: a fresh gunicorn worker's first request against its warm ones.

    .venv/bin/python bench/warmup.py [--rounds 3] [--requests 10]

On a throwaway SQLite database (migrate, load_demo, collectstatic in a temporary directory) it
starts gunicorn itself on 127.0.0.1 (1 worker, production settings plus bench/timing.py, the
page cache off: PAGE_CACHE_SECONDS=0), requests one page `--requests` times, and stops it; for
a municipality page and an article, `--rounds` fresh servers each. Printed per page: the
server time (Server-Timing: the whole Django stack, so not the worker's boot) of the first
request and of the last (warm), medians over the rounds, and their ratio (target ≤ 2).
Not a test: it measures and prints.
"""

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import REPO, free_port, gunicorn, production_env  # noqa: E402

PAGES = {
    "municipality": "/pasvaldibas/ventspils/",
    "article": "/zinasanas/paradu-nomaksas-grafiki/",
}


def prepare(env):
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--no-input", "-v0"], ["load_demo"], ["collectstatic", "--no-input"]):
        subprocess.run(manage + args, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)


def server_ms(port, path):
    """The response's server time; the server may still be binding, so the first connect retries."""
    for _ in range(300):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            break
        except ConnectionError:
            time.sleep(0.1)
        finally:
            connection.close()
    if response.status != 200:
        sys.exit(f"{path}: HTTP {response.status}")
    timing = response.getheader("Server-Timing")
    return float(timing.split("dur=")[1])


def measure(env, path, requests):
    """Server times of `requests` requests to one fresh single-worker server."""
    port = free_port()
    with gunicorn(env, port, workers=1):
        return [server_ms(port, path) for _ in range(requests)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh servers per page")
    parser.add_argument("--requests", type=int, default=10, help="requests per server")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **production_env(tmp, "bench-warmup"),
            "DJANGO_SETTINGS_MODULE": "bench.pages_settings",
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'db.sqlite3'}",
            "ELASTICSEARCH_URL": "",
            "PAGE_CACHE_SECONDS": "0",
            "PAGE_CACHE_DIR": str(Path(tmp) / "pages"),
        }
        prepare(env)
        print(f"1 gunicorn worker, page cache off; server ms, median of {options.rounds} servers")
        print(f"{'page':14} {'first':>8} {f'#{options.requests} (warm)':>12} {'ratio':>6}")
        for name, path in PAGES.items():
            runs = [measure(env, path, options.requests) for _ in range(options.rounds)]
            first = statistics.median(run[0] for run in runs)
            warm = statistics.median(run[-1] for run in runs)
            print(f"{name:14} {first:8.1f} {warm:12.1f} {first / warm:6.1f}")


if __name__ == "__main__":
    main()

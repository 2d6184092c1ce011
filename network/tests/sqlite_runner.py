"""Test scripts run on a fresh SQLite file: the database `make run` serves from."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_on_fresh_sqlite(script, tmp_path):
    """Runs `script` in its own Python, test settings on a new SQLite file in `tmp_path` and no
    Elasticsearch; fails on a non-zero exit, else returns the JSON of its last printed line."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(REPO),
    }
    env.pop("ELASTICSEARCH_URL", None)
    result = subprocess.run(
        [sys.executable, str(script)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])

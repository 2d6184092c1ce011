"""Backups: one .tar.gz holding a database dump, the media files and a manifest of checksums."""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

MANIFEST = "manifest.json"
MEDIA_DIR = "media"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env_and_args():
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    args += ["-U", db.get("USER") or "postgres"]
    return env, args, db["NAME"]


def _pg_tool(name):
    found = shutil.which(name, path=os.environ.get("PG_BIN") or None) or shutil.which(name)
    if not found:
        raise BackupError(f"{name} was not found; install postgresql-client or set PG_BIN.")
    return found


def _dump_database(target_dir):
    if connection.vendor == "postgresql":
        env, args, name = _pg_env_and_args()
        out = target_dir / "database.pgdump"
        cmd = [_pg_tool("pg_dump"), *args, "--format=custom", "--no-owner", "-f", str(out), name]
        _run(cmd, env)
        return out.name
    if connection.vendor == "sqlite":
        out = target_dir / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(out) as copy:
            connection.connection.backup(copy)
        return out.name
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _restore_database(dump_path):
    if dump_path.name.endswith(".pgdump"):
        if connection.vendor != "postgresql":
            raise BackupError("This backup is of PostgreSQL; the database is not PostgreSQL.")
        connections.close_all()
        env, args, name = _pg_env_and_args()
        cmd = [_pg_tool("pg_restore"), *args, "--clean", "--if-exists", "--no-owner"]
        _run([*cmd, "--single-transaction", "-d", name, str(dump_path)], env)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # a restored database has no planner statistics yet
        return
    if connection.vendor != "sqlite":
        raise BackupError("This backup holds a SQLite database; DATABASE_URL is not SQLite.")
    connection.ensure_connection()
    with sqlite3.connect(dump_path) as source:
        source.backup(connection.connection)


def _run(cmd, env):
    # The command line is built from settings and file paths, never from request data.
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed: {result.stderr.strip()[-2000:]}")


def create_backup(destination_dir):
    """Writes portal-backup-<UTC time>.tar.gz into destination_dir and returns its path."""
    destination_dir = Path(destination_dir)
    destination_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = destination_dir / f"portal-backup-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dump_name = _dump_database(tmp)
        files = {}
        if media_root.is_dir():
            for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                files[path.relative_to(media_root).as_posix()] = _sha256(path)
        manifest = {
            "created": stamp,
            "database": {"vendor": connection.vendor, "file": dump_name},
            "database_sha256": _sha256(tmp / dump_name),
            "media": files,
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(tmp / MANIFEST, arcname=MANIFEST)
            tar.add(tmp / dump_name, arcname=dump_name)
            for relative in files:
                tar.add(media_root / relative, arcname=f"{MEDIA_DIR}/{relative}")
    return archive


def restore_backup(archive):
    """Replaces the database and the media files with the archive's, after checking it whole."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, filter="data")
        manifest = json.loads((tmp / MANIFEST).read_text(encoding="utf-8"))
        dump_path = tmp / manifest["database"]["file"]
        if _sha256(dump_path) != manifest["database_sha256"]:
            raise BackupError("The database dump does not match its checksum; nothing restored.")
        for relative, digest in manifest["media"].items():
            if _sha256(tmp / MEDIA_DIR / relative) != digest:
                raise BackupError(f"Media file {relative} is damaged; nothing restored.")
        _restore_database(dump_path)
        if media_root.exists():
            shutil.rmtree(media_root)
        if (tmp / MEDIA_DIR).exists():
            shutil.copytree(tmp / MEDIA_DIR, media_root)
        else:
            media_root.mkdir(parents=True)
    return manifest

#!/usr/bin/env python3
"""Install, start and stop the real services the tests use: PostgreSQL, Elasticsearch, Chromium
(and install nginx, which the deploy test starts itself).

    scripts/services.py install              install what is missing (idempotent)
    scripts/services.py run -- CMD [ARG...]  start the services, run CMD with their URLs, stop them
    scripts/services.py search-server        run Elasticsearch alone until Ctrl-C (port: ES_PORT)

A service whose URL is already set (DATABASE_URL, ELASTICSEARCH_URL) is used as it is.
Python standard library only: this runs before and outside the project's virtualenv.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

# The one place the Elasticsearch version is set; Maven Central's newest integ-test-zip is 8.19.x.
ES_VERSION = os.environ.get("ES_VERSION", "8.19.21")
ES_ARTIFACT = f"org.elasticsearch.distribution.integ-test-zip:elasticsearch:{ES_VERSION}:zip"
MAVEN_COPY = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy"

REPO = Path(__file__).resolve().parent.parent
CACHE_DIR = REPO / ".cache"
ES_CACHE_DIR = CACHE_DIR / "elasticsearch"
ES_HOME = ES_CACHE_DIR / f"elasticsearch-{ES_VERSION}"
ES_HEAP = "512m"
HUNSPELL_DICTIONARY = Path("/usr/share/hunspell/lv_LV")  # .aff and .dic from hunspell-lv
CHROMIUM = Path("/usr/bin/chromium")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Latvian letters in screenshots
NGINX = Path("/usr/sbin/nginx")  # the deploy test runs deploy/nginx/portal.conf in front of Django
# JDKs to try for Elasticsearch, first that runs wins; ES_JAVA_HOME overrides.
JDK_CANDIDATES = ["/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/java-17-openjdk-amd64"]
SERVICE_USER = "portaltest"  # PostgreSQL and Elasticsearch refuse to run as root
DB_NAME = "portal"
DB_USER = "portal"


def say(message: str) -> None:
    print(f"services: {message}", flush=True)


def is_root() -> bool:
    return os.geteuid() == 0


# ---------------------------------------------------------------- install


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin directory, e.g. /usr/lib/postgresql/15/bin."""
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/postgres")]
    return max(found, key=lambda p: int(p.parent.name), default=None)


def java_major_version(java_home: Path) -> int | None:
    try:
        result = subprocess.run(
            [java_home / "bin" / "java", "-version"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)', result.stderr)
    return int(match.group(1)) if result.returncode == 0 and match else None


def find_java_home() -> Path | None:
    if os.environ.get("ES_JAVA_HOME"):
        return Path(os.environ["ES_JAVA_HOME"])
    others = sorted(Path("/usr/lib/jvm").glob("*"), reverse=True)
    for home in [Path(p) for p in JDK_CANDIDATES] + others:
        if (java_major_version(home) or 0) >= 17:  # Elasticsearch 8 needs Java 17 or newer
            return home
    return None


def missing_debian_packages() -> list[str]:
    wanted = {
        "postgresql": postgres_bin_dir() is not None,
        "hunspell-lv": HUNSPELL_DICTIONARY.with_suffix(".dic").exists(),
        "chromium": CHROMIUM.exists(),
        "fonts-dejavu-core": FONT.exists(),
        "nginx": NGINX.exists(),
        "openjdk-17-jre-headless": find_java_home() is not None,
        "maven": ES_HOME.exists() or shutil.which("mvn") is not None,
    }
    return [package for package, present in wanted.items() if not present]


def install_debian_packages(packages: list[str]) -> None:
    command = "apt-get install -y --no-install-recommends " + " ".join(packages)
    if not is_root():
        sys.exit(f"services: missing Debian packages; as root run:\n  apt-get update && {command}")
    say(f"installing {' '.join(packages)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdin=subprocess.DEVNULL)
    subprocess.run(command.split(), check=True, env=env, stdin=subprocess.DEVNULL)


def ensure_service_user() -> pwd.struct_passwd:
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(SERVICE_USER)
    useradd = "useradd --system --user-group --no-create-home --shell /usr/sbin/nologin"
    subprocess.run([*useradd.split(), SERVICE_USER], check=True)
    return pwd.getpwnam(SERVICE_USER)


def unzip_readable_by_all(zip_path: Path, target: Path) -> None:
    """Unzip keeping the executable bits (zipfile drops them) and making everything readable:
    the service user, or another developer, runs the node from this copy."""
    with zipfile.ZipFile(zip_path) as archive:
        for member in archive.infolist():
            path = Path(archive.extract(member, target))
            executable = member.is_dir() or (member.external_attr >> 16) & 0o100
            path.chmod(0o755 if executable else 0o644)


def fetch_elasticsearch() -> None:
    if (ES_HOME / "bin" / "elasticsearch").exists():
        return
    ES_CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / ".gitignore").write_text("*\n")  # the cache never goes into git
    zip_path = ES_CACHE_DIR / f"elasticsearch-{ES_VERSION}.zip"
    if not zip_path.exists():
        say(f"downloading Elasticsearch {ES_VERSION} (integ-test-zip) from Maven Central")
        mvn = f"mvn -q -B -Dstyle.color=never {MAVEN_COPY} -Dartifact={ES_ARTIFACT}"
        maven = subprocess.run(
            [*mvn.split(), f"-DoutputDirectory={ES_CACHE_DIR}"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            cwd=ES_CACHE_DIR,
        )
        if maven.returncode != 0:
            sys.exit(f"{maven.stdout}{maven.stderr}services: Maven could not fetch {ES_ARTIFACT}")
    # Unpack beside the target and rename, so a half-unpacked tree is never taken as done.
    unpacking = Path(tempfile.mkdtemp(dir=ES_CACHE_DIR, prefix="unpacking-"))
    unzip_readable_by_all(zip_path, unpacking)
    (unpacking / ES_HOME.name).rename(ES_HOME)
    shutil.rmtree(unpacking)
    zip_path.unlink()


def add_hunspell_dictionary(es_home: Path) -> None:
    """Elasticsearch's hunspell filter reads config/hunspell/<locale>/*.aff and *.dic."""
    target = es_home / "config" / "hunspell" / "lv_LV"
    target.mkdir(parents=True, exist_ok=True)
    for suffix in (".aff", ".dic"):
        if not (target / f"lv_LV{suffix}").exists():
            shutil.copyfile(HUNSPELL_DICTIONARY.with_suffix(suffix), target / f"lv_LV{suffix}")


def install() -> int:
    missing = missing_debian_packages()
    if missing:
        install_debian_packages(missing)
    if is_root():
        ensure_service_user()
    fetch_elasticsearch()
    add_hunspell_dictionary(ES_HOME)
    say(
        f"ready: PostgreSQL in {postgres_bin_dir()}, Elasticsearch {ES_VERSION} in {ES_HOME}, "
        f"Chromium {CHROMIUM}, nginx {NGINX}"
    )
    return 0


# ---------------------------------------------------------------- run


class Interrupted(Exception):
    """SIGTERM or SIGHUP arrived: stop the services and clean up."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def raise_interrupted(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


@dataclass
class RunAs:
    """Who the services run as: the service user when we are root, else ourselves."""

    uid: int
    gid: int
    home: Path

    def popen(self, args: list, **kwargs) -> subprocess.Popen:
        if is_root():
            kwargs.update(user=self.uid, group=self.gid, extra_groups=[])
        kwargs.setdefault("cwd", self.home)  # the service user may not enter our directory
        env = {**os.environ, "HOME": str(self.home), **kwargs.pop("env", {})}
        return subprocess.Popen([str(a) for a in args], env=env, stdin=subprocess.DEVNULL, **kwargs)

    def run(self, args: list, **kwargs) -> None:
        process = self.popen(args, **kwargs)
        if process.wait() != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed with exit code {process.returncode}")

    def own(self, path: Path) -> None:
        """Hand a directory tree we wrote to the service user."""
        if not is_root():
            return
        os.chown(path, self.uid, self.gid)
        for root, dirs, files in os.walk(path):
            for name in dirs + files:
                os.chown(os.path.join(root, name), self.uid, self.gid, follow_symlinks=False)

    def can_read(self, path: Path) -> bool:
        return self.popen(["test", "-r", path]).wait() == 0


def run_as_for(run_dir: Path) -> RunAs:
    if is_root():
        user = ensure_service_user()
        return RunAs(user.pw_uid, user.pw_gid, run_dir)
    return RunAs(os.getuid(), os.getgid(), run_dir)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def log_tail(path: Path, lines: int = 40) -> str:
    if not path.exists():
        return f"(no {path})"
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def stop_process(process: subprocess.Popen, signum: int, timeout: float) -> None:
    """Signal the process's whole group (it runs in its own session), then kill if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start_postgres(run_dir: Path, run_as: RunAs, cleanups: contextlib.ExitStack) -> str:
    """Start a throwaway cluster on 127.0.0.1 and return its DATABASE_URL."""
    started = time.monotonic()
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed: run scripts/services.py install")
    pg_dir = run_dir / "postgres"
    pg_dir.mkdir()
    password = secrets.token_hex(16)
    (pg_dir / "password").write_text(password)
    run_as.own(pg_dir)
    initdb_options = "--auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --no-locale -N"
    run_as.run(
        [bin_dir / "initdb", "-D", pg_dir / "data", "-U", DB_USER, "--pwfile", pg_dir / "password"]
        + initdb_options.split(),
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    settings = {
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": pg_dir,
        # A throwaway test cluster: durability only costs time.
        "fsync": "off",
        "synchronous_commit": "off",
        "full_page_writes": "off",
        # As in production (docker-compose.yml): the data is in memory or on SSD.
        "random_page_cost": "1.1",
    }
    log_path = pg_dir / "postgres.log"
    with log_path.open("w") as log:
        process = run_as.popen(
            [bin_dir / "postgres", "-D", pg_dir / "data", "-p", port]
            + [f"--{name}={value}" for name, value in settings.items()],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    cleanups.callback(stop_process, process, signal.SIGINT, 30)  # SIGINT = fast shutdown
    deadline = time.monotonic() + 60
    while run_as.popen([bin_dir / "pg_isready", "-q", "-h", pg_dir, "-p", port]).wait() != 0:
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"PostgreSQL did not start; its log ends:\n{log_tail(log_path)}")
        time.sleep(0.2)
    run_as.run([bin_dir / "createdb", "-h", pg_dir, "-p", port, "-U", DB_USER, DB_NAME])
    say(
        f"PostgreSQL {bin_dir.parent.name} started on 127.0.0.1:{port} "
        f"(throwaway cluster in {pg_dir}, {time.monotonic() - started:.0f} s)"
    )
    return f"postgres://{DB_USER}:{password}@127.0.0.1:{port}/{DB_NAME}"


@dataclass
class Elasticsearch:
    process: subprocess.Popen
    url: str
    log_path: Path
    java_home: Path
    started: float


def elasticsearch_settings(es_home: Path, es_dir: Path, http_port: int) -> str:
    settings = {
        "cluster.name": "portal-test",
        "node.name": "portal-test",
        "path.data": es_dir / "data",
        "path.logs": es_dir / "logs",
        "network.host": "127.0.0.1",
        "http.port": http_port,
        "transport.port": free_port(),
        "discovery.type": "single-node",
        # Allocate shards even on a nearly full disk: a test node must not go red for that.
        "cluster.routing.allocation.disk.threshold_enabled": "false",
    }
    # Settings of modules the integ-test-zip may lack: unknown settings stop the node.
    modules = {p.name for p in (es_home / "modules").iterdir()}
    if "x-pack-security" in modules:
        settings["xpack.security.enabled"] = "false"
    if "x-pack-ml" in modules:
        settings["xpack.ml.enabled"] = "false"
    if "ingest-geoip" in modules:
        settings["ingest.geoip.downloader.enabled"] = "false"  # the network is closed
    return "".join(f"{key}: {value}\n" for key, value in settings.items())


def start_elasticsearch(
    run_dir: Path, run_as: RunAs, cleanups: contextlib.ExitStack, http_port: int
) -> Elasticsearch:
    """Start one node; wait_for_elasticsearch() then waits until it answers."""
    started = time.monotonic()
    if not (ES_HOME / "bin" / "elasticsearch").exists():
        raise RuntimeError(f"Elasticsearch {ES_VERSION} missing: run scripts/services.py install")
    java_home = find_java_home()
    if java_home is None:
        raise RuntimeError("no JDK 17+ found for Elasticsearch: set ES_JAVA_HOME")
    es_dir = run_dir / "elasticsearch"
    es_dir.mkdir()
    es_home = ES_HOME
    if not run_as.can_read(ES_HOME / "bin" / "elasticsearch"):
        # The repo may sit where the service user can't reach (/root): use a copy it can read.
        es_home = es_dir / "home"
        shutil.copytree(ES_HOME, es_home, symlinks=True)
    # A config directory of our own, hunspell dictionary included: the node writes to it.
    config_dir = es_dir / "config"
    shutil.copytree(ES_HOME / "config", config_dir)
    (config_dir / "elasticsearch.yml").write_text(
        elasticsearch_settings(es_home, es_dir, http_port)
    )
    (config_dir / "jvm.options.d").mkdir(exist_ok=True)
    (config_dir / "jvm.options.d" / "heap.options").write_text(
        f"-Xms{ES_HEAP}\n-Xmx{ES_HEAP}\n-XX:-UsePerfData\n"
    )
    (es_dir / "tmp").mkdir()
    run_as.own(es_dir)
    # Its JVMs run without perf data files, so their /tmp/hsperfdata_<user> is left empty.
    cleanups.callback(remove_if_empty, Path(f"/tmp/hsperfdata_{pwd.getpwuid(run_as.uid).pw_name}"))
    log_path = es_dir / "console.log"
    with log_path.open("w") as log:
        process = run_as.popen(
            [es_home / "bin" / "elasticsearch"],
            env={
                "ES_JAVA_HOME": str(java_home),
                "ES_PATH_CONF": str(config_dir),
                "ES_TMPDIR": str(es_dir / "tmp"),
                "CLI_JAVA_OPTS": "-XX:-UsePerfData",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=es_dir,  # where its gc.log goes
            start_new_session=True,
        )
    cleanups.callback(stop_process, process, signal.SIGTERM, 60)
    return Elasticsearch(process, f"http://127.0.0.1:{http_port}", log_path, java_home, started)


def remove_if_empty(directory: Path) -> None:
    with contextlib.suppress(OSError):
        directory.rmdir()


def cluster_status(url: str) -> str | None:
    health = f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s"
    try:
        with urllib.request.urlopen(health, timeout=5) as response:  # noqa: S310 (our http URL)
            body = response.read().decode()
    except (OSError, urllib.error.URLError):  # not listening yet, or 408 while still red
        return None
    match = re.search(r'"status":"(\w+)"', body)
    return match.group(1) if match else None


def wait_for_elasticsearch(es: Elasticsearch, timeout: float = 240) -> str:
    while cluster_status(es.url) not in ("green", "yellow"):
        if es.process.poll() is not None or time.monotonic() - es.started > timeout:
            raise RuntimeError(
                f"Elasticsearch did not start; {es.log_path} ends:\n{log_tail(es.log_path)}"
            )
        time.sleep(0.5)
    say(
        f"Elasticsearch {ES_VERSION} started at {es.url} (Java {es.java_home.name}, "
        f"{time.monotonic() - es.started:.0f} s)"
    )
    return es.url


def ignore_signals() -> None:
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)


def exit_code(returncode: int) -> int:
    return 128 - returncode if returncode < 0 else returncode  # killed by a signal: shell style


def run_command(command: list[str], env: dict[str, str]) -> int:
    child = subprocess.Popen(command, env=env)
    # From now on the command decides when to stop: Ctrl-C reaches it from the terminal,
    # SIGTERM and SIGHUP are passed on, and we wait for it (no exception can lose its status).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda signum, _frame: child.send_signal(signum))
    return exit_code(child.wait())


def supervise(body) -> int:
    """Run body(run_dir, run_as, cleanups); always stop what it started and remove run_dir."""
    signal.signal(signal.SIGTERM, raise_interrupted)
    signal.signal(signal.SIGHUP, raise_interrupted)
    cleanups = contextlib.ExitStack()
    try:
        run_dir = Path(tempfile.mkdtemp(prefix="portal-services-"))
        cleanups.callback(shutil.rmtree, run_dir, ignore_errors=True)
        run_as = run_as_for(run_dir)
        run_as.own(run_dir)
        return body(run_dir, run_as, cleanups)
    except KeyboardInterrupt:
        return 130
    except Interrupted as interrupted:
        return 128 + interrupted.signum
    except RuntimeError as error:
        say(str(error))
        return 1
    finally:
        ignore_signals()  # stopping must not be cut short by a second Ctrl-C
        cleanups.close()


def run(command: list[str]) -> int:
    def body(run_dir: Path, run_as: RunAs, cleanups: contextlib.ExitStack) -> int:
        env = dict(os.environ)
        es = None
        if env.get("ELASTICSEARCH_URL"):
            say(f"Elasticsearch: using ELASTICSEARCH_URL={env['ELASTICSEARCH_URL']}")
        else:  # started first: it takes longest, PostgreSQL starts meanwhile
            es = start_elasticsearch(run_dir, run_as, cleanups, free_port())
        if env.get("DATABASE_URL"):
            say("PostgreSQL: using DATABASE_URL as set")
        else:
            env["DATABASE_URL"] = start_postgres(run_dir, run_as, cleanups)
        if es:
            env["ELASTICSEARCH_URL"] = wait_for_elasticsearch(es)
        if CHROMIUM.exists():
            env.setdefault("CHROMIUM_PATH", str(CHROMIUM))
            say(f"Chromium: {env['CHROMIUM_PATH']}")
        else:
            say(f"Chromium: {CHROMIUM} is missing, browser tests will not run")
        return run_command(command, env)

    return supervise(body)


def search_server() -> int:
    def body(run_dir: Path, run_as: RunAs, cleanups: contextlib.ExitStack) -> int:
        port = int(os.environ.get("ES_PORT", "9200"))
        es = start_elasticsearch(run_dir, run_as, cleanups, port)
        url = wait_for_elasticsearch(es)
        say(f"log: {es.log_path}; data is thrown away on exit. Stop with Ctrl-C. In another shell:")
        print(f"export ELASTICSEARCH_URL={url}", flush=True)
        return exit_code(es.process.wait())

    return supervise(body)


def main(argv: list[str]) -> int:
    if argv[:1] == ["install"] and len(argv) == 1:
        return install()
    if argv[:1] == ["search-server"] and len(argv) == 1:
        return search_server()
    if argv[:2] == ["run", "--"] and len(argv) > 2:
        return run(argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

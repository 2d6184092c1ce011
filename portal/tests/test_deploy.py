"""The production compose file, Dockerfile and example environment agree with each other."""

import contextlib
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from conftest import require_service

REPO = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
EXAMPLE_ENV = dict(
    line.split("=", 1)
    for line in (REPO / ".env.example").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


def test_compose_has_the_web_database_and_search_services():
    assert set(COMPOSE["services"]) >= {"web", "db", "search"}
    for name, service in COMPOSE["services"].items():
        assert "healthcheck" in service, f"{name} has no health check"
    _docker_compose_config_when_available()


def _docker_compose_config_when_available():
    """Docker's own parser too, where a client with the compose plugin is installed."""
    docker = shutil.which("docker")
    if (
        docker is None
        or subprocess.run([docker, "compose", "version"], capture_output=True).returncode
    ):
        return
    env_file = REPO / ".env"
    created = not env_file.exists()
    if created:
        shutil.copy(REPO / ".env.example", env_file)
    try:
        result = subprocess.run(
            [docker, "compose", "config", "--quiet"], cwd=REPO, capture_output=True
        )
    finally:
        if created:
            env_file.unlink()
    assert result.returncode == 0, result.stderr.decode()


def test_every_named_volume_is_declared():
    declared = set(COMPOSE.get("volumes") or {})
    for service in COMPOSE["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in declared, f"volume {source} is not declared"
            else:
                assert (REPO / source).exists(), f"bind mount {source} does not exist"


def test_every_variable_the_compose_file_uses_is_in_the_example_env():
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{(\w+)[^}]*\}", text))
    assert used, "the compose file should take its secrets from the environment"
    assert used <= set(EXAMPLE_ENV), f"missing in .env.example: {used - set(EXAMPLE_ENV)}"


def test_depends_on_names_existing_services():
    for service in COMPOSE["services"].values():
        for dependency in service.get("depends_on", {}):
            assert dependency in COMPOSE["services"]


def test_web_is_built_from_the_projects_dockerfile_with_gunicorn_and_whitenoise():
    assert COMPOSE["services"]["web"]["build"] == "."
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "gunicorn" in dockerfile
    assert "collectstatic" in dockerfile
    production = (REPO / "portal/settings/production.py").read_text(encoding="utf-8")
    assert "whitenoise" in production


def import_services():
    """scripts/services.py, which runs outside the project's package."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import services
    finally:
        sys.path.pop(0)
    return services


def test_elasticsearch_image_is_the_version_the_tests_use():
    services = import_services()
    image = COMPOSE["services"]["search"]["image"]
    assert image.endswith(f":{services.ES_VERSION}")


def test_production_settings_pass_the_deploy_check_with_the_example_environment(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        **EXAMPLE_ENV,
        "SECRET_KEY": "x" * 40 + "-a-long-random-test-key-with-enough-entropy-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


# ---------------------------------------------------------------- the reverse proxy

NGINX = Path("/usr/sbin/nginx")  # Debian's, installed by `scripts/services.py install`
PROXY_CONF_TARGET = "/etc/nginx/conf.d/default.conf"
CLIENT = "203.0.113.9"
OTHER_CLIENT = "198.51.100.7"


def mount_source(service, target):
    """The volume or host path compose mounts at `target` in `service`."""
    for volume in COMPOSE["services"][service].get("volumes", []):
        source, mounted_at, *_ = volume.split(":")
        if mounted_at == target:
            return source
    raise AssertionError(f"{service} mounts nothing at {target}")


def test_the_proxy_is_the_only_published_service_and_shares_the_media_volume():
    services = COMPOSE["services"]
    assert [name for name, service in services.items() if service.get("ports")] == ["proxy"]
    assert services["proxy"]["image"].startswith("nginx:")
    assert (REPO / mount_source("proxy", PROXY_CONF_TARGET)) == REPO / "deploy/nginx/portal.conf"
    media_root = services["web"]["environment"]["MEDIA_ROOT"]
    assert mount_source("proxy", media_root) == mount_source("web", media_root) == "media"
    assert f"media:{media_root}:ro" in services["proxy"]["volumes"]  # read-only
    assert services["web"]["environment"]["CLIENT_IP_HEADER"] == "HTTP_X_FORWARDED_FOR"
    # The proxy serves /media/ from <root>/media/: the root must hold the mounted volume.
    config = (REPO / mount_source("proxy", PROXY_CONF_TARGET)).read_text(encoding="utf-8")
    assert f"root {Path(media_root).parent};" in config


def local_proxy_config(run_dir, port, upstream):
    """The file compose mounts, with what only exists inside compose made local: the listen
    port (80 needs root), the upstream (the service name `web`) and the media root (the
    volume); each must be there exactly once, so the test cannot drift from the file."""
    config = (REPO / mount_source("proxy", PROXY_CONF_TARGET)).read_text(encoding="utf-8")
    for compose_value, local_value in [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server web:8000;", f"server {upstream};"),
        ("root /app/var;", f"root {run_dir};"),
    ]:
        assert config.count(compose_value) == 1, compose_value
        config = config.replace(compose_value, local_value)
    return config


def main_config(run_dir):
    """What the official image's nginx.conf gives the mounted file: the http block, MIME types;
    here every file nginx writes goes under run_dir, so it needs no root."""
    temp_paths = "".join(
        f"    {kind}_temp_path {run_dir}/temp/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"pid {run_dir}/nginx.pid;\n"
        "error_log stderr warn;\n"
        "events {}\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    access_log off;\n"
        f"{temp_paths}"
        f"    include {run_dir}/portal.conf;\n"
        "}\n"
    )


@contextlib.contextmanager
def nginx(run_dir, upstream):
    """Debian's nginx running the compose proxy config on a free 127.0.0.1 port; as the
    unprivileged service user when we are root (as scripts/services.py runs its services)."""
    services = import_services()
    port = services.free_port()
    (run_dir / "temp").mkdir()
    (run_dir / "portal.conf").write_text(local_proxy_config(run_dir, port, upstream))
    (run_dir / "nginx.conf").write_text(main_config(run_dir))
    run_as = services.run_as_for(run_dir)
    run_as.own(run_dir)
    log = run_dir / "nginx.log"
    with log.open("wb") as output:
        process = run_as.popen(
            [NGINX, "-p", run_dir, "-c", run_dir / "nginx.conf", "-g", "daemon off;"],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        for _ in range(100):
            assert process.poll() is None, log.read_text()
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def fetch(url, **headers):
    """(status, headers, body) of a GET; an error status is returned, not raised."""
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310 (http only)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def proxied(live_server, settings, transactional_db):
    """The compose proxy config in front of the live test server, media in its run directory."""
    require_service("nginx", None if NGINX.exists() else f"{NGINX} is missing")
    with tempfile.TemporaryDirectory(prefix="portal-proxy-") as name:
        run_dir = Path(name)
        settings.MEDIA_ROOT = run_dir / "media"
        settings.CLIENT_IP_HEADER = COMPOSE["services"]["web"]["environment"]["CLIENT_IP_HEADER"]
        settings.ELASTICSEARCH_URL = ""
        yield run_dir, lambda: nginx(run_dir, live_server.url.removeprefix("http://"))


def test_the_compose_proxy_serves_images_hides_documents_and_forwards_the_client(proxied, settings):
    run_dir, start_proxy = proxied
    if Collection.get_first_root_node() is None:  # a transactional test may start empty
        Collection.add_root(name="Root")
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#b03a2e").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Seminārs", file=ImageFile(buffer, name="seminars.png")
    )
    rendition = image.get_rendition("fill-20x20")
    document = get_document_model().objects.create(
        title="Atskaite", file=ContentFile(b"%PDF-1.4 atskaite", name="atskaite.pdf")
    )
    assert (run_dir / "media" / document.file.name).exists()

    with start_proxy() as proxy:
        status, headers, body = fetch(proxy + rendition.url)
        assert rendition.url.startswith("/media/images/")
        assert (status, headers["Content-Type"]) == (200, "image/png")
        assert body == (run_dir / "media" / rendition.file.name).read_bytes()
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"

        status, headers, _ = fetch(proxy + image.file.url)
        assert image.file.url.startswith("/media/original_images/")
        assert status == 200
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "public, max-age=86400"

        # Documents: never as files, however asked; only through Wagtail's view via Django.
        for path in (f"/media/{document.file.name}", "/media/images/../documents/atskaite.pdf"):
            assert fetch(proxy + path)[0] in (403, 404), path
        status, _, body = fetch(proxy + document.url)
        assert document.url.startswith("/documents/")
        assert (status, body) == (200, b"%PDF-1.4 atskaite")

        # A page from Django, with the host and scheme the TLS proxy in front reported.
        status, _, body = fetch(proxy + "/meklet/")
        assert status == 200
        assert "Meklēšana" in body.decode()
        settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        status, _, body = fetch(proxy + "/api/hsds/", **{"X-Forwarded-Proto": "https"})
        assert status == 200
        assert json.loads(body)["openapi_url"] == "https://127.0.0.1/api/hsds/openapi.json"

        # The client's address reaches Django: each client has its own search limit.
        settings.SEARCH_RATE_LIMIT = 1
        cache.clear()
        suggest = proxy + "/api/search/suggest/?q=a"
        assert fetch(suggest, **{"X-Forwarded-For": CLIENT})[0] == 200
        # Whatever a client puts in the header, the TLS proxy adds their real address last.
        assert fetch(suggest, **{"X-Forwarded-For": f"10.0.0.1, {CLIENT}"})[0] == 429
        assert fetch(suggest, **{"X-Forwarded-For": OTHER_CLIENT})[0] == 200
    cache.clear()


def test_the_web_health_check_asks_as_the_proxy_does(live_server, settings, db):
    """With the example's ALLOWED_HOSTS, a bare request to 127.0.0.1 is a 400 (and, over
    http, production redirects it to https): the web container would never become healthy."""
    settings.ALLOWED_HOSTS = [EXAMPLE_ENV["ALLOWED_HOSTS"].split(",")[0]]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    command = COMPOSE["services"]["web"]["healthcheck"]["test"]
    assert command[:3] == ["CMD", "python", "-c"]
    code = command[3].replace("127.0.0.1:8000", live_server.url.removeprefix("http://"))
    env = {**os.environ, "ALLOWED_HOSTS": EXAMPLE_ENV["ALLOWED_HOSTS"]}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr

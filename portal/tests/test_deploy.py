"""The production compose file, Dockerfile and example environment agree with each other."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

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


def test_elasticsearch_image_is_the_version_the_tests_use():
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import services
    finally:
        sys.path.pop(0)
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

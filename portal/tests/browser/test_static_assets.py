"""Static assets fingerprinted and cached long (as in production); images in responsive renditions.

No browser here: these check what the browser tests cannot see from a development server.
"""

import io
import json
import re

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.template import engines
from django.test import Client, override_settings
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from knowledge.blocks import ImageBlock

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
LONG_CACHE = "max-age=315360000, public, immutable"


@pytest.fixture
def collected_static(tmp_path):
    """collectstatic into a temporary STATIC_ROOT with the production storage."""
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(
        STORAGES=storages, STATIC_ROOT=tmp_path, WHITENOISE_USE_FINDERS=False, DEBUG=False
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_stylesheet_is_fingerprinted_and_cached_for_a_year(collected_static):
    hashed = engines["django"].from_string("{% load static %}{% static 'css/portal.css' %}")
    url = hashed.render({})
    assert re.fullmatch(r"/static/css/portal\.[0-9a-f]{12}\.css", url), url
    assert (collected_static / url.removeprefix("/static/")).is_file()

    client = Client()
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == LONG_CACHE
    assert response.get("Content-Encoding") == "gzip"
    # The unhashed name stays reachable but is not cached for long.
    plain = client.get("/static/css/portal.css")
    assert plain.status_code == 200
    assert "immutable" not in plain["Cache-Control"]


def test_collected_translation_editor_bundle_is_the_patched_one(collected_static):
    """portal/core/static_patches.py: the production build ships the gettext calls (issue 21)."""
    manifest = json.loads((collected_static / "staticfiles.json").read_text(encoding="utf-8"))
    hashed = manifest["paths"]["wagtail_localize/js/wagtail-localize.js"]
    for name in ("wagtail_localize/js/wagtail-localize.js", hashed):
        bundle = (collected_static / name).read_text(encoding="utf-8")
        assert bundle.count('gettext("More actions")') == 2
        assert bundle.count('gettext("%(source)s to %(target)s translation")') == 2


@pytest.mark.django_db
def test_image_block_renders_responsive_renditions(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#336699").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title="Informatīvā diena", file=ImageFile(buffer, name="diena.png")
    )
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "Mediatore bibliotēkā", "caption": ""})
    html = block.render(value)

    img = re.search(r"<img [^>]+>", html).group(0)
    widths = sorted(int(w) for w in re.findall(r" (\d+)w", img))
    assert widths == [400, 800, 1200], img
    assert 'sizes="' in img
    assert 'alt="Mediatore bibliotēkā"' in img
    # Intrinsic size on the tag, so the page does not jump while the image loads.
    assert re.search(r' width="\d+"', img), img
    assert re.search(r' height="\d+"', img), img
    assert 'loading="lazy"' in img
    assert image.renditions.count() == 3

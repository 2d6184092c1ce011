import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from taxonomy.models import Topic

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _snapshot(media_root):
    files = {
        path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": list(Revision.objects.order_by("id").values_list("id", "object_id")),
        "topics": list(Topic.objects.order_by("slug").values_list("slug", "name")),
        "images": list(Image.objects.order_by("id").values_list("id", "file")),
        "media": files,
    }


def test_backup_wipe_restore_gives_back_the_same_content(settings, tmp_path, demo_site):
    settings.MEDIA_ROOT = tmp_path / "media"
    png = io.BytesIO()
    PILImage.new("RGB", (8, 6), (138, 21, 56)).save(png, "PNG")
    Image.objects.create(title="Demo attēls", file=ContentFile(png.getvalue(), name="demo.png"))
    before = _snapshot(settings.MEDIA_ROOT)
    assert before["media"], "the test needs at least one media file"

    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    archive = next((tmp_path / "backups").glob("portal-backup-*.tar.gz"))

    # Wipe: every table emptied, every media file gone.
    call_command("flush", "--no-input")
    for path in settings.MEDIA_ROOT.rglob("*"):
        if path.is_file():
            path.unlink()
    assert Page.objects.count() == 0

    call_command("restore", str(archive), "--yes", stdout=open("/dev/null", "w"))  # noqa: SIM115
    connection.close()
    assert _snapshot(settings.MEDIA_ROOT) == before


def test_after_a_restore_a_rebuild_brings_the_search_index_back(
    settings, tmp_path, elasticsearch_url, es_client, demo_site
):
    """The index is derived state: restore the database, rebuild, and search finds it again."""
    import uuid

    from django.test import Client

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ELASTICSEARCH_URL = ""  # backing up needs no engine (demo_site is not indexed)
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=open("/dev/null", "w"))  # noqa: SIM115
    archive = next((tmp_path / "backups").glob("portal-backup-*.tar.gz"))
    call_command("flush", "--no-input")
    call_command("restore", str(archive), "--yes", stdout=open("/dev/null", "w"))  # noqa: SIM115
    connection.close()

    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX = f"test-restore-{uuid.uuid4().hex[:10]}"
    try:
        call_command("search_index", "--rebuild", "--no-progress", stdout=open("/dev/null", "w"))  # noqa: SIM115
        report = io.StringIO()
        call_command("search_index", "--check", stdout=report)
        assert "The index matches the database." in report.getvalue()
        answer = Client().get("/api/search/", {"q": "īres parādi Ventspilī"}).json()
        assert answer["engine"] == "elasticsearch"
        assert answer["results"], "the restored content is searchable again"
    finally:
        for name in es_client.indices.get(
            index=f"{settings.ELASTICSEARCH_INDEX}-v*", allow_no_indices=True
        ):
            es_client.indices.delete(index=name)

"""The admin's "Inspect" view of a suggested edit (issue 16, point 13)."""

import pytest

from network.directory.models import ChangeRequest
from network.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_inspect_view_shows_a_change_request(client, django_user_model):
    admin = django_user_model.objects.create_superuser("redaktors", "redaktors@example.org", "x")
    client.force_login(admin)
    service = ServiceFactory(name="Bāriņtiesa")
    change = ChangeRequest.objects.create(
        service=service, subject="phone", message="Jaunais numurs ir +371 0000 0009."
    )
    response = client.get(f"/admin/snippets/network/changerequest/inspect/{change.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jaunais numurs ir +371 0000 0009." in html
    assert "tālrunis" in html and "Bāriņtiesa" in html

"""Elasticsearch goes away in the middle of a run of searches, then comes back.

The engine is reached through a small TCP relay on 127.0.0.1; closing the relay is a real
network fault between the portal and a real Elasticsearch.
"""

import contextlib
import io
import socket
import threading
from urllib.parse import urlparse

import pytest
from django.core.management import call_command

from search import indexing
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db


class Relay:
    """Forwards 127.0.0.1:<port> to the real engine until stopped."""

    def __init__(self, target_url):
        target = urlparse(target_url)
        self.target = (target.hostname, target.port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def _accept(self):
        while self.running:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stop(self):
        """The engine is gone: the port refuses new connections, open ones are cut."""
        self.running = False
        # shutdown() wakes the thread blocked in accept(); close() alone would not on Linux.
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        for sock in self.connections:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()


QUESTIONS = ["īres parādi Ventspilī", "barintiesa jelgava", "NVA darbs", "sociālais pedagogs"]


def test_engine_lost_mid_run_then_back_check_and_sync_repair_the_index(
    client, directory, search_index, elasticsearch_url, settings, django_capture_on_commit_callbacks
):
    relay = Relay(elasticsearch_url)
    settings.ELASTICSEARCH_URL = relay.url
    call_command("search_index", "--rebuild", "--no-progress", stdout=io.StringIO())

    engines = []
    for number in range(24):
        if number == 8:
            relay.stop()
        response = client.get("/api/search/", {"q": QUESTIONS[number % len(QUESTIONS)]})
        assert response.status_code == 200, response.content
        engines.append(response.json()["engine"])
        page = client.get("/meklet/", {"q": QUESTIONS[number % len(QUESTIONS)]})
        assert page.status_code == 200
        if number >= 8:
            assert "vienkāršotā režīmā" in page.content.decode(), (number, engines)
    assert set(engines[:8]) == {"elasticsearch"}
    assert set(engines[8:]) == {"database"}

    # An editor's change while the engine is away: the save succeeds and the change waits.
    service = directory["services"]["Rīgas sociālais dienests"]
    with django_capture_on_commit_callbacks(execute=True):
        service.description = "Jauns apraksts: konsultācijas par īres parādiem."
        service.save()
    assert PendingIndexUpdate.objects.filter(doc_id=f"network.service:{service.pk}").exists()

    # The engine is back (a new relay to the same node): check finds it, sync fixes it.
    back = Relay(elasticsearch_url)
    settings.ELASTICSEARCH_URL = back.url
    indexing.mark_up()
    report = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("search_index", "--check", stdout=report)
    assert exit_info.value.code == 1
    assert "stale: 1" in report.getvalue()
    assert f"network.service:{service.pk}" in report.getvalue()

    call_command("search_index", "--sync", stdout=io.StringIO())
    after = io.StringIO()
    call_command("search_index", "--check", stdout=after)
    assert "The index matches the database." in after.getvalue()
    assert not PendingIndexUpdate.objects.exists()
    assert client.get("/api/search/", {"q": "īres parādi"}).json()["engine"] == "elasticsearch"
    back.stop()

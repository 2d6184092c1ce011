"""The directory's pages keep a heading outline without skipped levels: a service entry's
heading is one level below the heading its list sits under."""

from html.parser import HTMLParser

import pytest

from network.factories import ServiceFactory

pytestmark = pytest.mark.django_db


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels = []
        self.service_levels = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))
            if "service-item__name" in (dict(attrs).get("class") or ""):
                self.service_levels.append(int(tag[1]))


def outline(response):
    assert response.status_code == 200
    parser = Headings()
    parser.feed(response.content.decode())
    return parser


def assert_no_skipped_levels(levels):
    assert levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"h{before} then h{after}: {levels}"


def test_municipality_page_puts_services_under_their_topic(client, municipality, topics):
    ServiceFactory(topics=[topics["majoklis"]], service_areas=[municipality])
    parser = outline(client.get(municipality.url))
    assert parser.service_levels == [4]  # h1 page, h2 "Kam zvanīt", h3 topic
    assert_no_skipped_levels(parser.levels)


def test_services_page_puts_services_right_under_its_h1(client, municipality, topics):
    ServiceFactory(topics=[topics["majoklis"]], service_areas=[municipality])
    ServiceFactory(service_areas=[municipality])
    for query in ("", "?tema=majoklis"):
        parser = outline(client.get(f"{municipality.url}pakalpojumi/{query}"))
        assert parser.service_levels and set(parser.service_levels) == {2}
        assert_no_skipped_levels(parser.levels)


def test_demo_municipality_pages_have_no_skipped_heading_levels(client, demo_directory):
    for url in ("/pasvaldibas/ventspils/", "/pasvaldibas/ventspils/pakalpojumi/"):
        parser = outline(client.get(url))
        assert parser.service_levels, url
        assert_no_skipped_levels(parser.levels)

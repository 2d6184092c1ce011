"""Checks an Atom feed the way feedparser and the W3C feed validator would: well-formed, no
bozo, and RFC 4287's required elements (author, id, updated, title) with a self link naming
the address the feed was fetched from."""

import datetime
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"


def one(element, name):
    found = element.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{element.tag} has {len(found)} <{name}>"
    assert (found[0].text or "").strip() or found[0].get("href"), f"empty <{name}>"
    return found[0]


def rfc3339(text):
    """A timestamp with a time zone, as RFC 3339 (and Atom's Date construct) wants."""
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text} has no time zone"
    return moment


def links(element, rel):
    return [link.get("href") for link in element.findall(f"{ATOM}link") if link.get("rel") == rel]


def has_author(element):
    return any(
        (author.findtext(f"{ATOM}name") or "").strip()
        for author in element.findall(f"{ATOM}author")
    )


def check_atom(response, requested_url):
    """The parsed feed (feedparser's), after every check passes; `requested_url` is the
    scheme, host and path the client asked for."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.tag == f"{ATOM}feed"
    one(feed, "id"), one(feed, "title")
    rfc3339(one(feed, "updated").text)
    assert links(feed, "self") == [requested_url]
    assert len(links(feed, "alternate")) == 1
    entries = feed.findall(f"{ATOM}entry")
    assert has_author(feed) or all(has_author(entry) for entry in entries)
    assert not list(feed.iter(f"{ATOM}email")), "no one's e-mail in a public feed"
    for entry in entries:
        one(entry, "id"), one(entry, "title")
        rfc3339(one(entry, "updated").text)
        assert has_author(entry), "every entry names its author"
        assert len(links(entry, "alternate")) == 1
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids), "entry ids repeat"
    return parsed

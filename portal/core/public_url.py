"""The portal's public address (settings.PUBLIC_BASE_URL): absolute links in feeds, cards, the
printed guide and e-mails are built from it, and Wagtail's Site record is kept in step with it
(Wagtail builds page.full_url and the pages API's html_url from the Site)."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_base_url():
    """Scheme and host (and port) of the public address, without a trailing slash."""
    return settings.PUBLIC_BASE_URL.rstrip("/")


def public_url(path):
    """An absolute public URL for a site path ("/…"); an absolute URL is returned as it is."""
    if not path or not path.startswith("/") or path.startswith("//"):
        return path
    return public_base_url() + path


def page_public_url(page):
    """A page's absolute public URL (its path under the public address), "" if it has none."""
    return public_url(page.get_url() or "")


def site_address():
    """(hostname, port) of the public address, as Wagtail's Site record stores them."""
    parts = urlsplit(public_base_url())
    return parts.hostname or "localhost", parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def keep_site_in_step(using="default"):
    """Gives the default Site the public address's host and port (run after `migrate` and by
    the demo loader); saving the Site also clears Wagtail's cached site root paths."""
    from wagtail.models import Site  # portal/core is imported before the app registry is ready

    site = Site.objects.using(using).filter(is_default_site=True).first()
    hostname, port = site_address()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(using=using, update_fields=["hostname", "port"])
    return site

"""The weekly digest of what is new or changed for each follower (`manage.py send_digests`).

For a followed municipality: its services (new, changed, verified), the practices and seminar
outcomes tagged with it and new experience posts about it. For a topic: the practices, seminar
outcomes and posts tagged with it. For a post: its new replies (unless the follower gets them
at once) and a republished text. Only published, public content; a follower whose follows have
nothing new gets no e-mail. The window runs from the follower's last digest (a new follower:
the past week) to the start of this run.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from knowledge.models import ArticlePage, SeminarPage
from network.directory.models import Service
from network.posts.models import ExperiencePostPage, Reply
from portal.core.public_url import public_url
from portal.follows import follows_of, manage_url, send_to_follower, unsubscribe_url
from portal.models import Follower

FIRST_WINDOW = datetime.timedelta(days=7)


@dataclass
class Item:
    title: str
    url: str
    note: str


def _source_pages(model):
    return model.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)


def _page_items(pages, since, new_note, changed_note):
    items = []
    for page in pages.filter(last_published_at__gte=since).order_by("-last_published_at"):
        is_new = page.first_published_at and page.first_published_at >= since
        items.append(
            Item(page.title, public_url(page.url or ""), new_note if is_new else changed_note)
        )
    return items


def _knowledge_items(since, **lookup):
    items = []
    for model in (ArticlePage, SeminarPage):
        pages = _source_pages(model).filter(**lookup).distinct()
        items += _page_items(pages, since, _("jauna publikācija"), _("atjaunota publikācija"))
    return items


def _service_items(municipality, since):
    # Marking a service verified saves it too: every change moves last_modified.
    services = Service.objects.public().filter(last_modified__gte=since, service_areas=municipality)
    items = []
    for service in services.distinct().select_related("organization").order_by("name"):
        if service.created >= since:
            note = _("jauns pakalpojums")
        elif service.assured_date and service.assured_date >= since.date():
            note = _("kontakti pārbaudīti")
        else:
            note = _("mainīta kontaktinformācija")
        title = f"{service.name} ({service.organization.name})"
        items.append(Item(title, public_url(service.get_absolute_url()), note))
    return items


def _post_items(since, **lookup):
    posts = _source_pages(ExperiencePostPage).filter(first_published_at__gte=since, **lookup)
    return [
        Item(post.title, public_url(post.url or ""), _("jauns pieredzes stāsts"))
        for post in posts.distinct().order_by("-first_published_at")
    ]


def _reply_items(follow, since):
    post = follow.post
    if not post.live:
        return []
    items = []
    if post.first_published_at < since <= post.last_published_at:
        items.append(Item(post.title, public_url(post.url or ""), _("stāsts papildināts")))
    if follow.immediate_replies:
        return items
    replies = Reply.objects.filter(post=post, is_hidden=False, created_at__gte=since)
    for reply in replies.select_related("author").order_by("created_at"):
        note = _("atbilde no %(name)s") % {"name": reply.author_name()}
        items.append(Item(reply.body[:200], public_url(f"{post.url}#atbilde-{reply.pk}"), note))
    return items


def follow_items(follow, since):
    """What is new or changed since `since` for one follow."""
    if follow.municipality_id:
        municipality = follow.municipality
        return (
            _service_items(municipality, since)
            + _knowledge_items(since, municipalities=municipality)
            + _post_items(since, municipality=municipality)
        )
    if follow.topic_id:
        return _knowledge_items(since, topics=follow.topic) + _post_items(
            since, topics=follow.topic
        )
    return _reply_items(follow, since)


def digest_sections(follower, since):
    """[(follow, items)] for the follows that have something new; [] when nothing changed."""
    sections = []
    for follow in follows_of(follower):
        items = follow_items(follow, since)
        if items:
            sections.append((follow, items))
    return sections


def send_digest(follower, now):
    """Sends this follower's digest if anything changed; True when one was sent."""
    since = follower.last_digest_at or now - FIRST_WINDOW
    sent = False
    with translation.override(follower.language):
        sections = digest_sections(follower, since)
        if sections and follower.address:
            context = {
                "sections": sections,
                "since": since,
                "manage_url": manage_url(follower),
                "unsubscribe_url": unsubscribe_url(follower),
            }
            body = render_to_string("portal/follows/digest_email.txt", context)
            send_to_follower(follower, _("Mediatoru tīkls: jaunumi, kuriem sekojat"), body)
            sent = True
    follower.last_digest_at = now
    follower.save(update_fields=["last_digest_at"])
    return sent


def send_digests(now=None):
    """One digest to each follower with news since their last one; returns how many were sent."""
    now = now or timezone.now()
    followers = Follower.objects.filter(follows__isnull=False).distinct().select_related("user")
    return sum(send_digest(follower, now) for follower in followers)

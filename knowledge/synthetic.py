"""The knowledge part of the synthetic corpus: good practices, guides with steps, tags.

Its words are data/synthetic.yaml, from the seminar slides' vocabulary; the marks and the bulk
helpers are portal/core/synthetic.py's.
"""

import time
from functools import cache
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from portal.core import demo_data
from portal.core.synthetic import (
    BATCH,
    SLUG_PREFIX,
    add_children,
    link_many,
    list_block,
    marked,
    past_moments,
    stream,
)
from taxonomy.models import Topic

from .models import (
    AUDIENCES,
    PRACTICE_STATUSES,
    ArticlePage,
    ArticlePageTag,
    GuidePage,
    GuideStepPage,
)

GUIDE_EVERY = 10
WORDS_FILE = Path(__file__).resolve().parent / "data" / "synthetic.yaml"


@cache
def words():
    """data/synthetic.yaml, read once per process (callers only read it)."""
    return demo_data.read(WORDS_FILE)


def create_knowledge(index_page, places, count, rng, log):
    """`count` articles and guides (one in GUIDE_EVERY a guide with steps) below the index."""
    started = time.monotonic()
    topics = list(Topic.objects.all())
    tags = create_tags()
    article_count = count - count // GUIDE_EVERY
    moments = past_moments(rng, count)
    review_by = timezone.localdate() + timezone.timedelta(days=365)
    articles, guides, steps_by_guide = [], [], []
    topic_pairs, place_pairs, tag_rows = [], [], []
    for number in range(count):
        topic = rng.choice(topics)
        place = rng.choice(places) if places else None
        issue = rng.choice(words()["issues"].get(topic.slug, [words()["fallback_issue"]]))
        fields = {
            "summary": " ".join(rng.sample(words()["sentences"], 2)),
            "audience": rng.choice(AUDIENCES)[0],
            "is_demo": True,
            "first_published_at": moments[number],
            "review_by": review_by,
        }
        if number < article_count:
            page = new_article(rng, number, issue, place, fields)
            articles.append(page)
            tag_rows.extend((page, tag) for tag in rng.sample(tags, 2))
        else:
            page = new_guide(rng, number, issue, place, fields)
            guides.append(page)
            steps_by_guide.append((page, guide_steps(rng, number)))
        topic_pairs.append((page, topic))
        if place:
            place_pairs.append((page, place))
    add_children([(index_page, articles + guides)])
    add_children(steps_by_guide)
    link_pages(topic_pairs, place_pairs, tag_rows)
    step_count = sum(len(steps) for _guide, steps in steps_by_guide)
    log(
        f"  {len(articles)} articles, {len(guides)} guides with {step_count} steps, "
        f"{len(tags)} tags ({time.monotonic() - started:.1f} s)"
    )
    return {
        "articles": len(articles),
        "guides": len(guides),
        "guide_steps": step_count,
        "tags": len(tags),
    }


def where(place):
    """ " in <municipality>" for a title, or nothing."""
    return f" {place.name_locative}" if place else ""


def new_article(rng, number, issue, place, fields):
    title = words()["article_title"].format(
        issue=issue.capitalize(), where=where(place), approach=rng.choice(words()["approaches"])
    )
    return ArticlePage(
        title=marked(title),
        slug=f"{SLUG_PREFIX}prakse-{number:05d}",
        body=article_body(rng, place),
        practice_status=rng.choice(PRACTICE_STATUSES)[0],
        contact_role=words()["contact_role"].format(place=place.title) if place else "",
        **fields,
    )


def new_guide(rng, number, issue, place, fields):
    return GuidePage(
        title=marked(words()["guide_title"].format(issue=issue, where=where(place))),
        slug=f"{SLUG_PREFIX}celvedis-{number:05d}",
        intro=f"<p>{' '.join(rng.sample(words()['sentences'], 3))}</p>",
        **fields,
    )


def link_pages(topic_pairs, place_pairs, tag_rows):
    """The pages' topics, municipalities and tags, in bulk (the pages have their pks now)."""
    for model in (ArticlePage, GuidePage):
        mine = [(page.pk, topic.pk) for page, topic in topic_pairs if isinstance(page, model)]
        link_many(model, "topics", mine)
        mine = [(page.pk, place.pk) for page, place in place_pairs if isinstance(page, model)]
        link_many(model, "municipalities", mine)
    ArticlePageTag.objects.bulk_create(
        [ArticlePageTag(content_object_id=page.pk, tag_id=tag.pk) for page, tag in tag_rows],
        batch_size=BATCH,
    )


def create_tags():
    tags = [
        Tag(name=marked(word), slug=f"{SLUG_PREFIX}{slugify(word)}-{number}")
        for number, word in enumerate(words()["tag_words"])
    ]
    return Tag.objects.bulk_create(tags)


def article_body(rng, place):
    sentences = words()["sentences"]
    blocks = [
        ("paragraph", f"<p>{' '.join(rng.sample(sentences, 4))}</p>"),
        ("heading", {"text": words()["body_heading"], "level": "h2"}),
        ("paragraph", f"<p>{' '.join(rng.sample(sentences, 3))}</p>"),
        (
            "callout",
            {
                "kind": "tip",
                "title": words()["tip_title"],
                "text": f"<p>{rng.choice(sentences)}</p>",
            },
        ),
    ]
    if place:
        blocks.append(
            (
                "quote",
                {
                    "text": rng.choice(words()["quotes"]),
                    "role": words()["quote_role"],
                    "municipality": place.pk,
                },
            )
        )
    return stream(*blocks)


def guide_steps(rng, number):
    return [
        GuideStepPage(
            title=marked(title),
            slug=f"{SLUG_PREFIX}solis-{number:05d}-{position}",
            summary=summary,
            body=stream(
                ("paragraph", f"<p>{' '.join(rng.sample(words()['sentences'], 3))}</p>"),
                (
                    "checklist",
                    {
                        "title": words()["checklist_title"],
                        "items": list_block(words()["checklist"]),
                    },
                ),
            ),
        )
        for position, (title, summary) in enumerate(words()["steps"], start=1)
    ]

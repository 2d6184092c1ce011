"""Factories for the knowledge pages (wagtail-factories), used by the tests."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import (
    ArticlePage,
    GuidePage,
    GuideStepPage,
    KnowledgeIndexPage,
    SeminarPage,
)

BASE_TIME = timezone.now() - datetime.timedelta(days=30)


def _published(number):
    """Later factory pages count as newer."""
    return BASE_TIME + datetime.timedelta(minutes=number)


class KnowledgePageFactory(wagtail_factories.PageFactory):
    first_published_at = factory.Sequence(_published)
    last_published_at = factory.SelfAttribute("first_published_at")


class KnowledgeIndexPageFactory(KnowledgePageFactory):
    title = "Zināšanas"
    slug = "zinasanas"

    class Meta:
        model = KnowledgeIndexPage


class ArticlePageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Labā prakse {n}")
    slug = factory.Sequence(lambda n: f"laba-prakse-{n}")
    summary = "Kas tiek darīts un kāpēc tas palīdz."
    practice_status = "promising"

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if extracted:
            self.municipalities.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.add(*extracted)
            if create:
                self.save()


class SeminarPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Seminārs {n}")
    slug = factory.Sequence(lambda n: f"seminars-{n}")
    summary = "Par ko bija seminārs."
    goals = "<p>Iepazīties ar praksi.</p>"

    class Meta:
        model = SeminarPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            if create:
                self.save()


class GuidePageFactory(KnowledgePageFactory):
    title = "Darba uzsākšana"
    slug = factory.Sequence(lambda n: f"celvedis-{n}")
    summary = "Soļi jaunam mediatoram."
    audience = "new_mediators"

    class Meta:
        model = GuidePage


class GuideStepPageFactory(KnowledgePageFactory):
    title = factory.Sequence(lambda n: f"Solis {n}")
    slug = factory.Sequence(lambda n: f"solis-{n}")
    summary = "Viens solis."

    class Meta:
        model = GuideStepPage

"""Free tags of articles and seminars (registered by knowledge.models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("labās prakses birka")
        verbose_name_plural = _("labās prakses birkas")


class SeminarPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.SeminarPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("semināra birka")
        verbose_name_plural = _("semināra birkas")

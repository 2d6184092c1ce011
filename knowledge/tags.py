"""Free tags of articles and seminars (registered by knowledge.models)."""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class SeminarPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.SeminarPage", related_name="tagged_items", on_delete=models.CASCADE
    )

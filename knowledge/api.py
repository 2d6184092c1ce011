"""How knowledge pages appear in the Wagtail API (served by `api_urls`): each page type's
`api_fields` and the serializers of their related fields."""

from rest_framework import serializers
from wagtail.api import APIField


class TopicSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class TagNamesSerializer(serializers.Field):
    """A page's tag names: from the listing's prefetched tagged items (Wagtail's own tags field
    queries once per page), else in one query."""

    def to_representation(self, page):
        if "tagged_items" in getattr(page, "_prefetched_objects_cache", {}):
            items = page.tagged_items.all()
        else:
            items = page.tagged_items.select_related("tag")
        return sorted((item.tag.name for item in items), key=str.lower)


class MunicipalityReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)


ARTICLE_API_FIELDS = [
    APIField("summary"),
    APIField("body"),
    APIField("practice_status"),
    APIField("audience"),
    APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
    APIField("tags", serializer=TagNamesSerializer(source="*")),
    APIField(
        "municipalities", serializer=MunicipalityReferenceSerializer(many=True, read_only=True)
    ),
    APIField("contact_name"),
    APIField("contact_role"),
    APIField("contact_email"),
    APIField("contact_phone"),
    APIField("review_by"),
    APIField("is_demo"),
]


SEMINAR_API_FIELDS = [
    APIField("summary"),
    APIField("date"),
    APIField("period"),
    APIField("place"),
    APIField("organiser"),
    APIField("goals"),
    APIField("tasks"),
    APIField("body"),
    APIField("audience"),
    APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
    APIField("tags", serializer=TagNamesSerializer(source="*")),
    APIField(
        "municipalities", serializer=MunicipalityReferenceSerializer(many=True, read_only=True)
    ),
    APIField("is_demo"),
]


GUIDE_API_FIELDS = [
    APIField("summary"),
    APIField("intro"),
    APIField("audience"),
    APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
    APIField("review_by"),
    APIField("is_demo"),
]

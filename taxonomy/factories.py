"""The one TopicFactory every app's tests use."""

import factory

from .models import Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tēma {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

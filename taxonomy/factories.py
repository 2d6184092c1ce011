"""The one TopicFactory every app's tests use."""

import factory

from .models import Concept, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tēma {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]


class ConceptFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Jēdziens {n}")
    slug = factory.Sequence(lambda n: f"jedziens-{n}")

    class Meta:
        model = Concept
        django_get_or_create = ["slug"]

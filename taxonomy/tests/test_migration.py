"""Moving Topic from knowledge to taxonomy keeps every row and relation.

Data goes into the schema before the move through the historical models; the migrations run
forward (and back, and forward again) and the same ids, names, slugs, relations and group
permissions are there, the permissions now on taxonomy.topic. Runs on SQLite and PostgreSQL.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from knowledge.factories import ArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import ArticlePage
from network.directory.models import Service
from portal.demo import build_site
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db(transaction=True)

# The schema just before the move: knowledge still holds Topic, taxonomy has no migration.
BEFORE_MOVE = [("knowledge", "0004_seminar_evaluation_results"), ("taxonomy", None)]
BEFORE_MOVE_STATE = [
    ("knowledge", "0004_seminar_evaluation_results"),
    ("network", "0007_rename_changerequest_field"),
]
TOPICS = [(41, "majoklis", "Mājoklis"), (42, "izglitiba", "Izglītība")]


def migrate(targets, state=None):
    """Migrate to `targets`; the historical models of `state` (default: the targets)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state(state or targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def fill_old_schema(old_apps, article_id):
    """Topics, a service and an article page about housing, a group allowed to edit topics."""
    old_topic = old_apps.get_model("knowledge", "Topic")
    for pk, slug, name in TOPICS:
        old_topic.objects.create(pk=pk, slug=slug, name=name, name_en=f"{slug} (en)")
    organization = old_apps.get_model("network", "Organization").objects.create(name="Dienests")
    old_service = old_apps.get_model("network", "Service")
    service = old_service.objects.create(organization=organization, name="Dzīvokļu nodaļa")
    old_service.topics.through.objects.create(service_id=service.pk, topic_id=41)
    old_article = old_apps.get_model("knowledge", "ArticlePage")
    old_article.topics.through.objects.create(articlepage_id=article_id, topic_id=41)
    content_type_model = old_apps.get_model("contenttypes", "ContentType")
    content_type, _ = content_type_model.objects.get_or_create(app_label="knowledge", model="topic")
    permission, _ = old_apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="change_topic", defaults={"name": "Can change tēma"}
    )
    group = old_apps.get_model("auth", "Group").objects.create(name="Tēmu redaktori")
    group.permissions.add(permission)
    return service.pk, content_type.pk


def test_topics_and_their_relations_survive_the_move():
    site = build_site(lambda message: None)
    article = ArticlePageFactory(parent=KnowledgeIndexPageFactory(parent=site.root_page))
    targets = latest()
    try:
        old_apps = migrate(BEFORE_MOVE, BEFORE_MOVE_STATE)
        service_id, content_type_id = fill_old_schema(old_apps, article.pk)

        migrate(targets)
        assert list(Topic.objects.order_by("pk").values_list("pk", "slug", "name")) == [
            (pk, slug, name) for pk, slug, name in TOPICS
        ]
        assert Topic.objects.get(pk=41).name_en == "majoklis (en)"
        # The seed's cue words are filled in where a topic had none.
        assert "īre" in Topic.objects.get(slug="majoklis").cue_word_list
        assert [t.slug for t in Service.objects.get(pk=service_id).topics.all()] == ["majoklis"]
        assert [t.slug for t in ArticlePage.objects.get(pk=article.pk).topics.all()] == ["majoklis"]
        assert list(Topic.objects.get(pk=41).article_pages.values_list("pk", flat=True)) == [
            article.pk
        ]
        content_type = ContentType.objects.get_for_model(Topic)
        assert content_type.pk == content_type_id  # same row: history and permissions stay
        assert not ContentType.objects.filter(app_label="knowledge", model="topic").exists()
        permission = Group.objects.get(name="Tēmu redaktori").permissions.get()
        assert (permission.content_type.app_label, permission.codename) == (
            "taxonomy",
            "change_topic",
        )

        # And back: the old schema holds the same data.
        old_apps = migrate(BEFORE_MOVE, BEFORE_MOVE_STATE)
        old_topic = old_apps.get_model("knowledge", "Topic")
        assert list(old_topic.objects.order_by("pk").values_list("pk", "slug", "name")) == [
            (pk, slug, name) for pk, slug, name in TOPICS
        ]
        old_service = old_apps.get_model("network", "Service").objects.get(pk=service_id)
        assert [t.pk for t in old_service.topics.all()] == [41]
        group = old_apps.get_model("auth", "Group").objects.get(name="Tēmu redaktori")
        assert [(p.content_type.app_label, p.content_type.pk) for p in group.permissions.all()] == [
            ("knowledge", content_type_id)
        ]
    finally:
        migrate(targets)
    assert Topic.objects.filter(pk=41, article_pages=article.pk, services=service_id).exists()

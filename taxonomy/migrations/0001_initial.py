import modelsearch.index
from django.db import migrations, models


def move_content_type(from_label, to_label):
    """Rename Topic's content type row, so its id (and with it the permissions, group
    permissions, revisions, log entries and search index entries that point at it) stays."""

    def move(apps, schema_editor):
        content_type_model = apps.get_model("contenttypes", "ContentType")
        content_types = content_type_model.objects.using(schema_editor.connection.alias)
        old = content_types.filter(app_label=from_label, model="topic").first()
        if old is None:  # a fresh database: post_migrate creates the row for the model's app
            return
        # A row for the new label can only be one that post_migrate made for an empty state;
        # the old row carries the history, so it wins.
        content_types.filter(app_label=to_label, model="topic").delete()
        old.app_label = to_label
        old.save(update_fields=["app_label"])
        content_type_model.objects.clear_cache()

    return move


class Migration(migrations.Migration):
    """Topic moves here from knowledge: the table is already `taxonomy_topic`
    (knowledge 0005), so this only takes the model into taxonomy's state."""

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("knowledge", "0005_topic_table_to_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(max_length=80, unique=True, verbose_name="nosaukums"),
                        ),
                        (
                            "name_en",
                            models.CharField(
                                blank=True,
                                help_text="Angļu valodas saskarnei.",
                                max_length=80,
                                verbose_name="nosaukums angliski",
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                max_length=80, unique=True, verbose_name="īsais nosaukums URL"
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="apraksts")),
                        (
                            "sort_order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="secība"),
                        ),
                    ],
                    options={
                        "verbose_name": "tēma",
                        "verbose_name_plural": "tēmas",
                        "ordering": ["sort_order", "name"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(
            move_content_type("knowledge", "taxonomy"),
            move_content_type("taxonomy", "knowledge"),
        ),
    ]

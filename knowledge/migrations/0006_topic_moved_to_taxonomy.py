import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    """Topic moved to the taxonomy app (see 0005): knowledge's relations point at it, and the
    model leaves knowledge's state once no app's relation names it. State only."""

    dependencies = [
        ("knowledge", "0005_topic_table_to_taxonomy"),
        ("taxonomy", "0001_initial"),
        ("network", "0008_topics_to_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="articlepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="article_pages",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
                migrations.AlterField(
                    model_name="guidepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="guide_pages",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
                migrations.AlterField(
                    model_name="seminarpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="seminar_pages",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
                migrations.DeleteModel(name="Topic"),
            ],
        ),
    ]

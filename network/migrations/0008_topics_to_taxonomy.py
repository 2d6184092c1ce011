import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    """Topic moved to the taxonomy app (see knowledge 0005): the relations point at it.

    State only: the columns and link tables stay as they are, and their foreign keys already
    point at the renamed table `taxonomy_topic`."""

    dependencies = [
        ("network", "0007_rename_changerequest_field"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="cooperationfact",
                    name="topic",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="cooperation_facts",
                        to="taxonomy.topic",
                        verbose_name="tēma",
                    ),
                ),
                migrations.AlterField(
                    model_name="experiencepostpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="experience_posts",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
                migrations.AlterField(
                    model_name="mediatorprofilepage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="mediator_profiles",
                        to="taxonomy.topic",
                        verbose_name="darba jomas",
                    ),
                ),
                migrations.AlterField(
                    model_name="monthlyreport",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="monthly_reports",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
                migrations.AlterField(
                    model_name="service",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="services",
                        to="taxonomy.topic",
                        verbose_name="tēmas",
                    ),
                ),
            ],
        ),
    ]

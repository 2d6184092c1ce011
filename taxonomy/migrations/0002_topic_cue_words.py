from django.db import migrations, models

from taxonomy.demo import seed_topics


def fill_seed_cue_words(apps, schema_editor):
    """The cue words the search used to keep in code, now on the seed's topics (by slug, only
    where empty), so an existing site's search understands the same questions as before."""
    topics = apps.get_model("taxonomy", "Topic").objects.using(schema_editor.connection.alias)
    for row in seed_topics():
        topics.filter(slug=row["slug"], cue_words="").update(cue_words=row["cue_words"])


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="cue_words",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Vārdi, pēc kuriem meklēšana saprot, ka jautājums ir par šo tēmu (piemēram, "
                    "“īre, parāds, dzīvoklis”). Atdaliet ar komatu vai rakstiet katru savā "
                    "rindā; pietiek ar vienu locījumu, garumzīmes nav obligātas."
                ),
                verbose_name="atpazīšanas vārdi",
            ),
        ),
        migrations.RunPython(fill_seed_cue_words, migrations.RunPython.noop),
    ]

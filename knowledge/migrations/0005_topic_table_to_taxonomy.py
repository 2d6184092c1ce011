from django.db import migrations


class Migration(migrations.Migration):
    """Step 1 of moving Topic to the taxonomy app: its table takes the new app's name.

    Renaming (rather than keeping `knowledge_topic` as the taxonomy model's db_table) leaves no
    trace of the old app in the new model: a newcomer finds `taxonomy.Topic` in
    `taxonomy_topic`. The rename keeps every row and id; the foreign keys of the tables that
    point at it follow the rename (PostgreSQL references the table itself, SQLite ≥ 3.26
    rewrites the references). It is a real operation in knowledge's state too, so any migration
    that creates a reference to knowledge.Topic after this one points at the renamed table.
    Then taxonomy 0001 takes the model into its state, every app's relations move to it
    (network 0008, knowledge 0006) and knowledge 0006 drops it from knowledge's state.
    """

    dependencies = [
        ("knowledge", "0004_seminar_evaluation_results"),
        ("network", "0007_rename_changerequest_field"),
    ]

    operations = [
        migrations.AlterModelTable(name="topic", table="taxonomy_topic"),
    ]

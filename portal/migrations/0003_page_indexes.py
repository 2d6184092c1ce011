from django.db import migrations

# Indexes on Wagtail's page table for the queries this portal runs on every request; Wagtail
# has neither, and at national scale (28,000 pages) each such query scanned the whole table.
INDEXES = {
    # HomePage.route reads every page on a URL's path in one query, by url_path.
    "portal_page_url_path_idx": "(url_path)",
    # Children of a page (menu, listings): depth = N and path LIKE 'parent%'.
    "portal_page_depth_path_idx": "(depth, path{pattern_ops})",
}


def create(apps, schema_editor):
    # PostgreSQL needs the pattern operator class for LIKE 'prefix%' outside the C locale.
    pattern_ops = " varchar_pattern_ops" if schema_editor.connection.vendor == "postgresql" else ""
    for name, columns in INDEXES.items():
        columns = columns.format(pattern_ops=pattern_ops)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}")


def drop(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_invitation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]

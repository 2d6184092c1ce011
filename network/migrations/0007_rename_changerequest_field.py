from django.db import migrations


class Migration(migrations.Migration):
    # `field` collided with Wagtail's InspectView.get_field_display_value (the inspect view
    # called it with no arguments); RenameField keeps every stored suggestion.
    dependencies = [
        ("network", "0006_evaluation"),
    ]

    operations = [
        migrations.RenameField(model_name="changerequest", old_name="field", new_name="subject"),
    ]

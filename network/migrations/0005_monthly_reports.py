import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_mediator_profile_chooser"),
        ("network", "0004_municipality_coordinates"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="MonthlyReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "month",
                    models.DateField(help_text="Mēneša pirmā diena.", verbose_name="mēnesis"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "melnraksts"),
                            ("submitted", "iesniegta"),
                            ("returned", "atgriezta labošanai"),
                        ],
                        default="draft",
                        max_length=10,
                        verbose_name="statuss",
                    ),
                ),
                (
                    "families_regular",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="ģimenes, atbalstītas regulāri"
                    ),
                ),
                (
                    "families_occasional",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="ģimenes, atbalstītas epizodiski"
                    ),
                ),
                (
                    "persons",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Cik personām kopā sniegts atbalsts šajā mēnesī, ja tās skaitāt.",
                        null=True,
                        verbose_name="personas",
                    ),
                ),
                (
                    "highlights",
                    models.TextField(
                        blank=True,
                        help_text="Daži teikumi: kas izdevās, kas traucēja. Bez vārdiem un personas datiem.",
                        max_length=1500,
                        verbose_name="svarīgākais šajā mēnesī",
                    ),
                ),
                (
                    "editor_comment",
                    models.TextField(blank=True, verbose_name="redaktora komentārs"),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="iesniegta"),
                ),
                (
                    "returned_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="atgriezta"),
                ),
                ("is_demo", models.BooleanField(default=False, verbose_name="demo dati")),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="izveidota")),
                ("last_modified", models.DateTimeField(auto_now=True, verbose_name="mainīta")),
                (
                    "profile",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="monthly_reports",
                        to="network.mediatorprofilepage",
                        verbose_name="mediators",
                    ),
                ),
                (
                    "returned_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="atgrieza",
                    ),
                ),
                (
                    "topics",
                    models.ManyToManyField(
                        blank=True,
                        related_name="monthly_reports",
                        to="knowledge.topic",
                        verbose_name="tēmas",
                    ),
                ),
            ],
            options={
                "verbose_name": "mēneša atskaite",
                "verbose_name_plural": "mēneša atskaites",
                "ordering": ["-month", "profile__title"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("profile", "month"), name="one_report_per_month"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CooperationFact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "institution_type",
                    models.CharField(
                        choices=[
                            ("school", "izglītības iestāde"),
                            ("social", "sociālais dienests"),
                            ("health", "veselības aprūpe"),
                            ("employment", "NVA / nodarbinātība"),
                            ("police", "policija"),
                            ("orphans_court", "bāriņtiesa"),
                            ("housing", "mājokļa jautājumi"),
                            ("municipality", "pašvaldības administrācija"),
                            ("ngo", "biedrība vai projekts"),
                            ("other", "cita"),
                        ],
                        max_length=20,
                        verbose_name="iestādes veids",
                    ),
                ),
                (
                    "staff_name",
                    models.CharField(
                        blank=True,
                        help_text="Iestādes darbinieks, ar kuru sadarbojāties (nevis klients).",
                        max_length=120,
                        verbose_name="darbinieka vārds",
                    ),
                ),
                (
                    "staff_role",
                    models.CharField(
                        blank=True,
                        help_text="Piemēram, “sociālais pedagogs”.",
                        max_length=120,
                        verbose_name="amats",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="cooperation_facts",
                        to="network.organization",
                        verbose_name="iestāde",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cooperation_facts",
                        to="network.monthlyreport",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="cooperation_facts",
                        to="knowledge.topic",
                        verbose_name="tēma",
                    ),
                ),
            ],
            options={
                "verbose_name": "sadarbības fakts",
                "verbose_name_plural": "sadarbības fakti",
                "ordering": ["id"],
            },
        ),
        migrations.CreateModel(
            name="ReportEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="pasākums")),
                ("date", models.DateField(verbose_name="datums")),
                (
                    "kind",
                    models.CharField(
                        choices=[("organised", "organizēju"), ("attended", "piedalījos")],
                        max_length=10,
                        verbose_name="dalība",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="network.monthlyreport",
                    ),
                ),
            ],
            options={
                "verbose_name": "pasākums",
                "verbose_name_plural": "pasākumi",
                "ordering": ["date", "id"],
            },
        ),
        migrations.CreateModel(
            name="ReportReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField()),
                ("sent_at", models.DateTimeField(auto_now_add=True)),
                (
                    "profile",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="report_reminders",
                        to="network.mediatorprofilepage",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("profile", "month"), name="one_reminder_per_month"
                    )
                ],
            },
        ),
    ]

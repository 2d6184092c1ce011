"""Demo content of the knowledge app: the topics of the seed's directions of work."""

from .models import Topic

# (slug, Latvian, English) — the fields of work the seed names.
TOPICS = [
    ("izglitiba", "Izglītība", "Education"),
    ("socialie-jautajumi", "Sociālie jautājumi", "Social issues"),
    ("veselibas-aprupe", "Veselības aprūpe", "Health care"),
    ("nodarbinatiba", "Nodarbinātība", "Employment"),
    ("majoklis", "Mājoklis", "Housing"),
    ("dokumenti", "Dokumenti", "Documents"),
    ("kultura-un-integracija", "Kultūra un integrācija", "Culture and integration"),
]


def load(site, log):
    for order, (slug, name, name_en) in enumerate(TOPICS):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
    log(f"knowledge: {len(TOPICS)} topics")

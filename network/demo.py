"""Demo content of the network app: the municipalities the seed names."""

from portal.demo import get_or_create_child

from .models import MunicipalityIndexPage, MunicipalityPage

# (slug, name, locative, genitive, region, summary from the seed)
MUNICIPALITIES = [
    ("jelgava", "Jelgava", "Jelgavā", "Jelgavas", "Zemgale", ""),
    ("ventspils", "Ventspils", "Ventspilī", "Ventspils", "Kurzeme", ""),
    ("riga", "Rīga", "Rīgā", "Rīgas", "Rīga", ""),
    ("valmiera", "Valmiera", "Valmierā", "Valmieras", "Vidzeme", ""),
    ("vilaka", "Viļaka", "Viļakā", "Viļakas", "Latgale", ""),
    ("tukums", "Tukums", "Tukumā", "Tukuma", "Kurzeme", ""),
    ("talsi", "Talsi", "Talsos", "Talsu", "Kurzeme", ""),
    ("balvi", "Balvi", "Balvos", "Balvu", "Latgale", ""),
]


def load(site, log):
    home = site.root_page.specific
    index_page, _ = get_or_create_child(
        home, MunicipalityIndexPage, "pasvaldibas", title="Pašvaldības", show_in_menus=True
    )
    for slug, name, locative, genitive, region, summary in MUNICIPALITIES:
        get_or_create_child(
            index_page,
            MunicipalityPage,
            slug,
            title=name,
            name_locative=locative,
            name_genitive=genitive,
            region=region,
            summary=summary,
        )
    if home.municipalities_page_id is None:
        home.municipalities_page = index_page
        home.save_revision().publish()
    log(f"network: {len(MUNICIPALITIES)} municipalities")

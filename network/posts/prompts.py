"""The seminar's four prompts, shared by the post page's fields and the public form."""

from django.utils.translation import gettext_lazy as _

# In the seminar's order: (field name, prompt as the slides word it).
PROMPTS = [
    ("main_issues", _("Pamatjautājumi, ar kuriem nākas strādāt")),
    ("glad_about", _("Ir prieks par…")),
    ("challenges", _("Lielākie izaicinājumi bija…")),
    ("next_priorities", _("Turpmākajā darbā svarīgākais būs…")),
]
USER_TEXT_FIELDS = [name for name, _prompt in PROMPTS] + ["free_text"]

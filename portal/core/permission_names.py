"""Permission names in Latvian: Django and Wagtail store them in English ("Can add group",
"Can choose image") and the group editor shows them as they are stored."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "add": _("Var pievienot"),
    "change": _("Var labot"),
    "delete": _("Var dzēst"),
    "view": _("Var skatīt"),
}
# Custom permissions whose names are not in any catalogue.
NAMES = {
    "Can choose document": _("Var izvēlēties dokumentu"),
    "Can choose image": _("Var izvēlēties attēlu"),
    "Can submit translations": _("Var iesniegt tulkojumus"),
}


# Models of Wagtail and wagtail-localize whose permissions editors' administrators assign but
# which have no verbose name (Django then shows the English class name).
UNNAMED_MODELS = {
    ("wagtailcore", "locale"): (_("valoda"), _("valodas")),
    ("wagtail_localize", "translation"): (_("tulkojums"), _("tulkojumi")),
}


def name_unnamed_models():
    """Called once from PortalConfig.ready."""
    for (app_label, model_name), (singular, plural) in UNNAMED_MODELS.items():
        options = apps.get_model(app_label, model_name)._meta
        options.verbose_name, options.verbose_name_plural = singular, plural


def latvian_name(permission):
    action, _separator, model_name = permission.codename.partition("_")
    model = permission.content_type.model_class()
    if action in ACTIONS and model is not None and model_name == model._meta.model_name:
        # Wagtail's group editor strips the model's name from the end ("Var skatīt").
        return f"{ACTIONS[action]} {model._meta.verbose_name}"
    return str(NAMES.get(permission.name) or translation.gettext(permission.name))


def name_permissions_in_latvian(app_config=None, using="default", **kwargs):
    """post_migrate, once all apps are migrated: every permission named in Latvian."""
    if app_config is not None and app_config is not list(apps.get_app_configs())[-1]:
        return
    if app_config is not None:  # the last app's own permissions are made after this handler
        create_permissions(app_config, verbosity=0, using=using)
    with translation.override("lv"):
        permissions = Permission.objects.using(using).select_related("content_type")
        for permission in permissions:
            name = latvian_name(permission)[:255]
            if name != permission.name:
                permission.name = name
                permission.save(update_fields=["name"])

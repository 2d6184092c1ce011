"""Demo monthly reports of the seed's five mediators are rows (data/demo/reports.yaml says how
their figures agree with the seed's). Before them the demo mediator account ("demo-mediators")
is linked to Ventspils' profile when neither is linked yet, so signing in with it shows a draft
and submitted reports."""

from django.contrib.auth import get_user_model

from network.mediators.models import MediatorProfilePage
from portal.core.demo_data import DemoRefs

ACCOUNT, ACCOUNT_PROFILE = "demo-mediators", "malda-avramenko"


def load(site, log):
    """The demo mediator account writes Ventspils' reports (when neither is linked yet)."""
    profile = DemoRefs(site)["profile"].get(ACCOUNT_PROFILE)
    user = get_user_model().objects.filter(username=ACCOUNT).first()
    if profile is None or user is None or profile.user_id is not None:
        return
    if MediatorProfilePage.objects.filter(user=user).exists():
        return
    profile.user = user
    profile.save_revision().publish()
    log(f"network: demo account '{ACCOUNT}' linked to the demo profile {profile.title}")

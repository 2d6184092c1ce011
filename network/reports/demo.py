"""Demo monthly reports of the seed's five mediators (data/demo/reports.yaml says how their
figures agree with the seed's). The demo mediator account ("demo-mediators") is linked to
Ventspils' profile when neither is linked yet, so signing in with it shows a draft and
submitted reports."""

from pathlib import Path

from django.contrib.auth import get_user_model

from network.mediators.models import MediatorProfilePage
from network.reports.models import MonthlyReport
from portal.core.demo_data import DemoRefs, load_rows

REPORTS_FILE = Path(__file__).resolve().parent / "data" / "demo" / "reports.yaml"
ACCOUNT, ACCOUNT_PROFILE = "demo-mediators", "malda-avramenko"


def load(site, log):
    refs = DemoRefs(site)
    created = load_rows(REPORTS_FILE, refs)
    link_demo_account(refs["profile"].get(ACCOUNT_PROFILE), ACCOUNT, log)
    log(f"network: {created.get(MonthlyReport, 0)} demo monthly reports created")


def link_demo_account(profile, username, log):
    """The demo mediator account writes Ventspils' reports (when neither is linked yet)."""
    user = get_user_model().objects.filter(username=username).first()
    if profile is None or user is None or profile.user_id is not None:
        return
    if MediatorProfilePage.objects.filter(user=user).exists():
        return
    profile.user = user
    profile.save_revision().publish()
    log(f"network: demo account '{username}' linked to the demo profile {profile.title}")

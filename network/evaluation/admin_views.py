"""Editors' side of the evaluation questionnaire in the Wagtail admin: surveys (a snippet),
invitations created in bulk with their links, and the results summary per question."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from network.directory.models import MunicipalityPage
from network.evaluation.models import (
    INVITATION_DAYS,
    EvaluationInvitation,
    EvaluationSurvey,
    FieldOfWork,
)
from network.evaluation.summary import summarise
from portal.core.params import parse_int
from portal.core.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, MODERATORS_GROUP, is_editor

MAX_INVITATIONS_AT_ONCE = 50


class EditorsOnlyPermissionPolicy(BasePermissionPolicy):
    """Surveys, their invitations and answers: editors, moderators and administrators only
    (mediators have admin access too, but must not see how staff rated them)."""

    def user_has_permission(self, user, action):
        return is_editor(user)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(groups__name__in=[EDITORS_GROUP, MODERATORS_GROUP, ADMINISTRATORS_GROUP])
            )
            .distinct()
        )


def _editor_survey(request, pk):
    """The survey, or None when the user may not manage surveys."""
    if not is_editor(request.user):
        return None
    return get_object_or_404(EvaluationSurvey.objects.select_related("municipality"), pk=pk)


def _municipalities(survey):
    queryset = MunicipalityPage.objects.live().order_by("title")
    if survey.municipality_id:
        queryset = queryset.filter(pk=survey.municipality_id)
    return queryset


class InvitationBatchForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Pašvaldība"), queryset=MunicipalityPage.objects)
    field_of_work = forms.ChoiceField(label=_("Respondenta darbības joma"), choices=FieldOfWork)
    count = forms.IntegerField(
        label=_("Cik ielūgumu"),
        min_value=1,
        max_value=MAX_INVITATIONS_AT_ONCE,
        initial=1,
        help_text=_("Viens ielūgums katram respondentam: katru saiti var izmantot vienu reizi."),
    )
    expires_on = forms.DateField(
        label=_("Derīgs līdz"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Ieskaitot šo dienu."),
    )

    def __init__(self, survey, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.fields["municipality"].queryset = _municipalities(survey)
        self.fields["expires_on"].initial = timezone.localdate() + datetime.timedelta(
            days=INVITATION_DAYS
        )

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on < timezone.localdate():
            raise forms.ValidationError(_("Datumam jābūt šodien vai vēlāk."))
        return expires_on

    def save(self):
        data = self.cleaned_data
        with transaction.atomic():
            return [
                EvaluationInvitation.objects.create(
                    survey=self.survey,
                    municipality=data["municipality"],
                    field_of_work=data["field_of_work"],
                    expires_on=data["expires_on"],
                )
                for _number in range(data["count"])
            ]


def _municipality_filter(request, survey):
    """The municipality chosen in ?pasvaldiba=, the choices, and whether the value was bad."""
    choices = _municipalities(survey)
    value = request.GET.get("pasvaldiba", "")
    if not value:
        return None, choices, False
    pk = parse_int(value, minimum=1)
    chosen = choices.filter(pk=pk).first() if pk is not None else None
    return chosen, choices, chosen is None


def invitations_view(request, pk):
    survey = _editor_survey(request, pk)
    if survey is None:
        return permission_denied(request)
    if request.method == "POST":
        form = InvitationBatchForm(survey, request.POST)
        if form.is_valid():
            created = form.save()
            messages.success(
                request,
                ngettext(
                    "Izveidots %(count)d ielūgums. Nosūtiet saiti respondentam no sava e-pasta.",
                    "Izveidoti %(count)d ielūgumi. Nosūtiet saites respondentiem no sava e-pasta.",
                    len(created),
                )
                % {"count": len(created)},
            )
            return redirect(reverse(EvaluationSurveyViewSet.invitations_url_name, args=[pk]))
        status = 400
    else:
        form = InvitationBatchForm(survey)
        status = 200
    municipality, municipalities, bad_filter = _municipality_filter(request, survey)
    invitations = survey.invitations.select_related("municipality").order_by("-created", "-pk")
    if municipality is not None:
        invitations = invitations.filter(municipality=municipality)
    today = timezone.localdate()
    rows = [
        {
            "invitation": invitation,
            "url": request.build_absolute_uri(invitation.get_absolute_url()),
            "expired": invitation.used_at is None and invitation.is_expired(today),
        }
        for invitation in invitations
    ]
    counts = survey.invitations.aggregate(
        total=Count("pk"), used=Count("pk", filter=Q(used_at__isnull=False))
    )
    context = {
        "header_title": _("Ielūgumi un saites"),
        "survey": survey,
        "form": form,
        "rows": rows,
        "counts": counts,
        "municipality": municipality,
        "municipalities": municipalities,
        "results_url": reverse(EvaluationSurveyViewSet.results_url_name, args=[pk]),
        "edit_url": reverse(EvaluationSurveyViewSet.edit_url_name, args=[pk]),
    }
    return TemplateResponse(
        request,
        "network/evaluation/admin_invitations.html",
        context,
        status=400 if bad_filter else status,
    )


def results_view(request, pk):
    survey = _editor_survey(request, pk)
    if survey is None:
        return permission_denied(request)
    municipality, municipalities, bad_filter = _municipality_filter(request, survey)
    context = {
        "header_title": _("Aptaujas rezultāti"),
        "survey": survey,
        "summary": summarise(survey, municipality=municipality),
        "municipality": municipality,
        "municipalities": municipalities,
        "bad_filter": bad_filter,
        "invitations_url": reverse(EvaluationSurveyViewSet.invitations_url_name, args=[pk]),
        "edit_url": reverse(EvaluationSurveyViewSet.edit_url_name, args=[pk]),
    }
    return TemplateResponse(
        request,
        "network/evaluation/admin_results.html",
        context,
        status=400 if bad_filter else 200,
    )


class SurveyIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            ListingButton(
                _("Ielūgumi un saites"),
                url=reverse(EvaluationSurveyViewSet.invitations_url_name, args=[instance.pk]),
                icon_name="link",
                priority=5,
            )
        )
        buttons.append(
            ListingButton(
                _("Rezultāti"),
                url=reverse(EvaluationSurveyViewSet.results_url_name, args=[instance.pk]),
                icon_name="table",
                priority=6,
            )
        )
        return buttons


class EvaluationSurveyViewSet(SnippetViewSet):
    model = EvaluationSurvey
    icon = "clipboard-list"
    menu_label = _("Izvērtējuma aptaujas")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = SurveyIndexView
    list_display = [
        "title",
        "municipality",
        "period",
        BooleanColumn("is_open", label=_("Atvērta")),
        Column("response_count", label=_("Atbildes")),
        BooleanColumn("is_demo", label=_("Demo")),
    ]
    list_filter = ["is_open", "is_demo"]
    search_backend_name = None  # plain ORM search: predictable on SQLite and PostgreSQL
    search_fields = ["title", "period"]
    ordering = ["-created"]
    panels = [
        FieldPanel("title"),
        FieldPanel("municipality"),
        FieldPanel("period"),
        FieldPanel("is_open"),
        FieldPanel("is_demo"),
    ]
    invitations_url_name = "wagtailsnippets_network_evaluationsurvey:invitations"
    results_url_name = "wagtailsnippets_network_evaluationsurvey:results"
    edit_url_name = "wagtailsnippets_network_evaluationsurvey:edit"

    def get_queryset(self, request):
        return EvaluationSurvey.objects.select_related("municipality").annotate(
            response_count=Count("invitations__response")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("ielugumi/<int:pk>/", invitations_view, name="invitations"),
            path("rezultati/<int:pk>/", results_view, name="results"),
        ]


@hooks.register("before_delete_page")
def keep_municipalities_with_evaluation_answers(request, page):
    """A municipality with survey invitations can't be deleted (they are PROTECTed): say so
    instead of failing."""
    if not isinstance(page.specific, MunicipalityPage):
        return None
    if not (
        EvaluationInvitation.objects.filter(municipality=page.pk).exists()
        or EvaluationSurvey.objects.filter(municipality=page.pk).exists()
    ):
        return None
    messages.error(
        request,
        _(
            "Pašvaldību “%(title)s” nevar dzēst: tai ir izvērtējuma aptaujas ielūgumi vai "
            "atbildes. Atceļiet tās publicēšanu vai vispirms dzēsiet aptauju."
        )
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)

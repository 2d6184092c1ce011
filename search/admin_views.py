"""The "Meklējumi bez atbildes" report (Reports menu) and its two actions: add the question
as a concept's synonym, or pin a result to it. Editors, moderators and administrators only
(portal.core.roles.is_editor); mediators get a 403."""

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters import DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from portal.core.params import BadParameter
from portal.core.roles import is_editor

from . import searchlog
from .forms import AddSynonymForm, PinResultForm, question_error
from .models import SearchLog

# A spreadsheet reads a cell starting with one of these as a formula; visitors typed the text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def refused(request):
    """A 403 for anyone but editors, moderators and administrators, else None. (Raising
    PermissionDenied would become Wagtail's redirect to the dashboard.)"""
    if is_editor(request.user):
        return None
    return HttpResponseForbidden(
        _("Meklējumu pārskats ir redaktoriem un moderatoriem."),
        content_type="text/plain; charset=utf-8",
    )


def spreadsheet_text(value):
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class UnansweredFilterSet(WagtailFilterSet):
    created_on = DateFromToRangeFilter(label=gettext_lazy("Datums"), widget=DateRangePickerWidget)

    class Meta:
        model = SearchLog
        fields = []


class ActionsColumn(Column):
    """The row's two actions, each a link to its form with the question filled in."""

    cell_template_name = "search/admin/unanswered_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        query = urlencode({"q": instance["query"]})
        context["synonym_url"] = f"{reverse('search_add_synonym')}?{query}"
        context["pin_url"] = f"{reverse('search_pin_result')}?{query}"
        return context


class UnansweredSearchesView(ReportView):
    page_title = gettext_lazy("Meklējumi bez atbildes")
    header_icon = "search"
    index_url_name = "search_unanswered"
    index_results_url_name = "search_unanswered_results"
    filterset_class = UnansweredFilterSet
    columns = [
        Column("query", label=gettext_lazy("Jautājums")),
        NumberColumn("searches", label=gettext_lazy("Meklēts")),
        NumberColumn("without_results", label=gettext_lazy("Bez rezultātiem")),
        NumberColumn("clicks", label=gettext_lazy("Atvērti rezultāti")),
        Column("last_searched", label=gettext_lazy("Pēdējo reizi")),
        ActionsColumn("actions", label=gettext_lazy("Uzlabot")),
    ]
    list_export = ["query", "searches", "without_results", "clicks", "last_searched"]
    export_headings = {
        "query": gettext_lazy("Jautājums"),
        "searches": gettext_lazy("Meklēts"),
        "without_results": gettext_lazy("Bez rezultātiem"),
        "clicks": gettext_lazy("Atvērti rezultāti"),
        "last_searched": gettext_lazy("Pēdējo reizi"),
    }
    custom_field_preprocess = {
        "query": {"csv": spreadsheet_text, "xlsx": spreadsheet_text},
    }

    def dispatch(self, request, *args, **kwargs):
        return refused(request) or super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"meklejumi-bez-atbildes-{datetime.date.today():%Y-%m-%d}"

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        if not (data.get("created_on_from") or data.get("created_on_to")):
            start, end = searchlog.default_range()
            data["created_on_from"], data["created_on_to"] = start.isoformat(), end.isoformat()
        kwargs["data"] = data
        return kwargs

    def get_queryset(self):
        logs = SearchLog.objects.all()
        if self.filters.is_valid():
            logs = self.filters.filter_queryset(logs)
        else:  # a date that is no date: the default range
            start, end = searchlog.default_range()
            logs = logs.filter(created_on__range=(start, end))
        return searchlog.unanswered(logs)

    def get_filtered_queryset(self):
        return self.get_queryset()  # filtered by date before grouping


def question_from(request):
    """The question in ?q=, normalised; a 400 with the reason when it can't be used."""
    text = searchlog.normalised(request.GET.get("q", ""))
    error = question_error(text)
    if error:
        raise BadParameter(error)
    return text


def add_synonym(request):
    if refusal := refused(request):
        return refusal
    if request.method == "POST":
        form = AddSynonymForm(request.POST)
        if form.is_valid():
            concept = form.save(request.user)
            messages.success(
                request,
                _("“%(term)s” pievienots jēdziena “%(concept)s” sinonīmiem.")
                % {"term": form.cleaned_data["term"], "concept": concept.label},
            )
            return redirect("search_unanswered")
    else:
        text = question_from(request)
        form = AddSynonymForm(initial={"query": text, "term": text})
    return render_action(request, form, _("Pievienot sinonīmu"))


def pin_result(request):
    if refusal := refused(request):
        return refusal
    if request.method == "POST":
        form = PinResultForm(request.POST)
        if form.is_valid():
            promotion = form.save()
            messages.success(
                request,
                _("“%(title)s” piesprausts jautājumam “%(query)s”.")
                % {"title": promotion.title, "query": promotion.query.query_string},
            )
            return redirect("search_unanswered")
    else:
        form = PinResultForm(initial={"query": question_from(request)})
    return render_action(request, form, _("Piespraust rezultātu"))


def render_action(request, form, title):
    question = form["query"].value()
    context = {"form": form, "title": title, "question": question}
    status = 400 if form.errors else 200
    return render(request, "search/admin/action_form.html", context, status=status)

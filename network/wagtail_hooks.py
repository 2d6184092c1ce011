"""Wagtail imports `<app>.wagtail_hooks` only: this loads each room's admin hooks."""

from network.directory import wagtail_hooks as directory_hooks
from network.evaluation import wagtail_hooks as evaluation_hooks
from network.mediators import wagtail_hooks as mediators_hooks
from network.reports import wagtail_hooks as reports_hooks

ROOMS = [directory_hooks, mediators_hooks, reports_hooks, evaluation_hooks]

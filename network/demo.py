"""The network's demo content, room by room: the directory first (municipalities and the
institutions others link to), then mediators and their posts, reports, the questionnaire."""

from network.directory import demo as directory_demo
from network.evaluation import demo as evaluation_demo
from network.mediators import demo as mediators_demo
from network.reports import demo as reports_demo


def load_base(site, log):
    directory_demo.load_base(site, log)


def load(site, log):
    directory_demo.load(site, log)
    mediators_demo.load_people(site, log)
    reports_demo.load(site, log)
    evaluation_demo.load(site, log)

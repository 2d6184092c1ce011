"""Django finds an app's models in `<app>.models`: this imports each room's models so they
register under the `network` label (one app, one migrations folder). Code imports a model
from its room, e.g. `from network.directory.models import Service`, not from here."""

from network.directory import models as directory_models
from network.evaluation import models as evaluation_models
from network.mediators import models as mediators_models
from network.posts import models as posts_models
from network.reports import models as reports_models

ROOMS = [directory_models, mediators_models, posts_models, reports_models, evaluation_models]

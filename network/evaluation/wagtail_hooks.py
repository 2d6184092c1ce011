"""The evaluation questionnaire in the admin."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from network.evaluation.admin_views import EditorsOnlyPermissionPolicy, EvaluationSurveyViewSet
from network.evaluation.models import EvaluationSurvey

# The evaluation questionnaire: surveys with their invitations and results, editors only.
register_permission_policy(EvaluationSurvey, EditorsOnlyPermissionPolicy(EvaluationSurvey))
register_snippet(EvaluationSurveyViewSet)

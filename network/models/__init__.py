"""The network app's models: municipalities and the service directory (issue 6 adds people)."""

from .change_requests import ChangeRequest
from .directory import (
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from .municipalities import MunicipalityIndexPage, MunicipalityPage

__all__ = [
    "ChangeRequest",
    "Contact",
    "Location",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "Organization",
    "Phone",
    "Schedule",
    "Service",
    "ServiceAtLocation",
]
from .evaluation import EvaluationInvitation, EvaluationResponse, EvaluationSurvey
from .mediators import FamiliesSupported, MediatorIndexPage, MediatorLanguage, MediatorProfilePage
from .posts import ExperienceIndexPage, ExperiencePostPage, Reply
from .reports import CooperationFact, MonthlyReport, ReportEvent, ReportReminder

__all__ += [
    "ExperienceIndexPage",
    "ExperiencePostPage",
    "FamiliesSupported",
    "MediatorIndexPage",
    "MediatorLanguage",
    "MediatorProfilePage",
    "Reply",
]
__all__ += ["CooperationFact", "MonthlyReport", "ReportEvent", "ReportReminder"]
__all__ += ["EvaluationInvitation", "EvaluationResponse", "EvaluationSurvey"]

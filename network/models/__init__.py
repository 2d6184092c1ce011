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
from .mediators import FamiliesSupported, MediatorIndexPage, MediatorLanguage, MediatorProfilePage
from .posts import ExperienceIndexPage, ExperiencePostPage, Reply

__all__ += [
    "ExperienceIndexPage",
    "ExperiencePostPage",
    "FamiliesSupported",
    "MediatorIndexPage",
    "MediatorLanguage",
    "MediatorProfilePage",
    "Reply",
]

"""The directory room's models: municipalities and the HSDS-shaped service directory."""

from network.directory.models.change_requests import ChangeRequest
from network.directory.models.municipalities import MunicipalityIndexPage, MunicipalityPage
from network.directory.models.services import (
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)

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

"""Test data builders for the network app (factory_boy + wagtail-factories).

Contact details use example.org and the reserved +371 2000 000x style numbers only in tests.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from network.directory.models import (
    Contact,
    Location,
    MunicipalityIndexPage,
    MunicipalityPage,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)


class MunicipalityIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityIndexPage

    title = "Pašvaldības"
    slug = "pasvaldibas"


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MunicipalityPage

    title = factory.Sequence(lambda n: f"Pašvaldība {n}")
    slug = factory.Sequence(lambda n: f"pasvaldiba-{n}")
    region = "Kurzeme"


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Iestāde {n}")


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location

    name = factory.Sequence(lambda n: f"Vieta {n}")
    address_1 = "Parauga iela 1"
    city = "Ventspils"
    postal_code = "LV-0000"


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Pakalpojums {n}")
    description = "Palīdz ar dokumentiem."
    email = factory.Sequence(lambda n: f"pakalpojums{n}@example.org")
    assured_date = factory.LazyFunction(lambda: datetime.date.today())

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save()

    @factory.post_generation
    def concepts(self, create, extracted, **kwargs):
        if create and extracted:
            self.concepts.set(extracted)
            self.save()

    @factory.post_generation
    def service_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_areas.set(extracted)
            self.save()


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    service = factory.SubFactory(ServiceFactory)
    sort_order = factory.Sequence(lambda n: n)
    name = "Anna Paraudziņa"
    title = "sociālā darbiniece"
    email = "anna@example.org"


class PhoneFactory(DjangoModelFactory):
    class Meta:
        model = Phone

    service = factory.SubFactory(ServiceFactory)
    sort_order = factory.Sequence(lambda n: n)
    number = "+371 2000 0001"


class ScheduleFactory(DjangoModelFactory):
    class Meta:
        model = Schedule

    service = factory.SubFactory(ServiceFactory)
    sort_order = factory.Sequence(lambda n: n)
    weekday = 1
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(17, 0)


class ServiceAtLocationFactory(DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    sort_order = factory.Sequence(lambda n: n)
    location = factory.SubFactory(LocationFactory)

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from cases.keywords import keywords
from organisations.models import Membership, Organisation, Role, Team

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = "Gemeente Testdorp"
    purpose = "Inwoners krijgen waar ze recht op hebben, zodat ze kunnen meedoen."


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    purpose = "Snel en zeker inkomen voor wie het nodig heeft."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.PROFESSIONAL

    class Params:
        lead = factory.Trait(role=Role.LEAD)
        director = factory.Trait(role=Role.DIRECTOR)


class RegulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.Regulation"
        django_get_or_create = ["short_name"]

    short_name = "AIO"
    name = factory.LazyAttribute(lambda regulation: f"Regeling {regulation.short_name}")


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.Rule"
        django_get_or_create = ["regulation", "reference"]

    regulation = factory.SubFactory(RegulationFactory)
    reference = "kostendelersnorm"


class PublicValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.PublicValue"
        django_get_or_create = ["name"]

    name = "menselijke maat"


class BarrierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cases.Barrier"
        django_get_or_create = ["name"]

    name = "wet- en regelgeving"
    kind = "external"
    corner = "value"


class CaseFactory(factory.django.DjangoModelFactory):
    """A case created directly; tests of behaviour create cases through cases.services."""

    class Meta:
        model = "cases.Case"

    team = factory.SubFactory(TeamFactory)
    author = factory.SubFactory(UserFactory)
    title = "Kleinzoon logeert bij oma"
    situation = "Mevrouw ontvangt AOW en AIO. Haar kleinzoon studeert en slaapt tijdelijk bij haar."
    rule = factory.SubFactory(RuleFactory)
    effect = "De kostendelersnorm verlaagt haar AIO flink."
    conflict = "De regel wil voorkomen dat woonlasten dubbel worden betaald, niet oma straffen."
    question = "Mogen we de kostendelersnorm hier buiten toepassing laten?"
    barrier = factory.SubFactory(BarrierFactory)
    status = "submitted"
    submitted_at = factory.LazyFunction(timezone.now)
    keywords = factory.LazyAttribute(
        lambda case: keywords(case.title, case.situation, case.effect, case.conflict)
    )


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """An API token; its secret, shown once, is on `token.key` after creation."""

    class Meta:
        model = "api.ApiToken"
        skip_postgeneration_save = True

    application = "Rapportage"
    organisation = factory.SubFactory(OrganisationFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=90))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = model_class(*args, **kwargs)
        token.key = token.new_key()
        token.save()
        return token

    @factory.post_generation
    def teams(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.teams.set(extracted)


def legal_ground(*, requires_text: bool = False):
    """A seeded legal ground (deliberations migration 0008): "other" when `requires_text`.
    Transactional tests (the browser's) flush the seeded rows: then they are seeded again."""
    import importlib

    from deliberations.models import LegalGround

    if not LegalGround.objects.exists():
        seeded = importlib.import_module("deliberations.migrations.0008_legal_ground")
        for position, (name, description, text) in enumerate(seeded.GROUNDS, start=1):
            LegalGround.objects.create(
                name=name, description=description, requires_text=text, position=position
            )
    return LegalGround.objects.filter(requires_text=requires_text).order_by("position").first()

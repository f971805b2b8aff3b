import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from bedoeling.models import Membership, Organisation, Role, Team


def test_it_refuses_to_run_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("seed_demo")
    assert not Organisation.objects.exists()


def _snapshot():
    User = get_user_model()
    return (
        list(Organisation.objects.values_list("pk", "name", "purpose")),
        list(Team.objects.values_list("pk", "name", "purpose")),
        list(Membership.objects.values_list("pk", "user__username", "team__name", "role")),
        list(User.objects.values_list("pk", "username", "password", "is_superuser")),
    )


def test_it_creates_every_role_and_changes_nothing_the_second_time(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    first = _snapshot()
    output = capsys.readouterr().out
    call_command("seed_demo")
    assert _snapshot() == first

    assert Team.objects.count() == 3
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {Role.PROFESSIONAL, Role.LEAD, Role.DIRECTOR}
    professional_teams = Membership.objects.filter(user__username="sanne").count()
    assert professional_teams == 2
    director_teams = Membership.objects.filter(user__username="karin", role=Role.DIRECTOR)
    assert director_teams.count() == 2
    assert get_user_model().objects.get(username="beheer").is_superuser
    assert "sanne" in output and "bedoeling-demo" in output

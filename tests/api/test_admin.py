"""An administrator creates a token per application in Django admin: shown once, stored as a
hash, scoped to the organisation or to its teams, with an expiry in the future."""

import datetime as dt
import re

from django.utils import timezone

from api.models import ApiToken
from tests.factories import OrganisationFactory, TeamFactory


def _add(admin_client, organisation, *, teams=(), expires=None):
    expires = expires or timezone.localtime() + dt.timedelta(days=30)
    return admin_client.post(
        "/admin/api/apitoken/add/",
        {
            "application": "BI-platform",
            "organisation": organisation.pk,
            "teams": [team.pk for team in teams],
            "expires_at_0": expires.date().isoformat(),
            "expires_at_1": expires.time().strftime("%H:%M:%S"),
        },
        follow=True,
    )


def test_an_administrator_creates_a_token_that_is_shown_once_and_works(
    admin_client, client, organisation, team
):
    response = _add(admin_client, organisation, teams=[team])
    shown = re.findall(r"bdl_[A-Za-z0-9_-]{43}", response.content.decode())
    assert len(shown) == 1
    key = shown[0]
    token = ApiToken.objects.get()
    assert key not in {token.key_hash, token.key_hint}
    assert list(token.teams.all()) == [team]
    assert token.created_by.is_superuser
    assert client.get("/api/v1/teams", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    # Shown once: the token's own page does not show it again.
    page = admin_client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert key not in page


def test_a_token_cannot_take_teams_of_another_organisation(admin_client, organisation):
    elsewhere = TeamFactory(organisation=OrganisationFactory(name="Gemeente Elders"))
    response = _add(admin_client, organisation, teams=[elsewhere])
    assert ApiToken.objects.count() == 0
    assert "teams" in response.context["adminform"].form.errors


def test_a_token_cannot_expire_in_the_past(admin_client, organisation):
    response = _add(admin_client, organisation, expires=timezone.now() - dt.timedelta(days=1))
    assert ApiToken.objects.count() == 0
    assert "expires_at" in response.context["adminform"].form.errors

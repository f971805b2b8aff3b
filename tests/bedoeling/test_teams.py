import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from organisations.models import Membership, Organisation, Role, Team
from tests.factories import MembershipFactory, TeamFactory, UserFactory


def test_it_shows_a_team_to_its_members(client, professional, lead, team):
    client.force_login(professional)
    response = client.get(reverse("team_detail", args=[team.pk]))
    assert response.status_code == 200
    assert team.purpose in response.text
    assert escape(lead.get_full_name()) in response.text


def test_it_answers_404_for_a_team_the_person_is_not_in(client, outsider, team):
    client.force_login(outsider)
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 404


def test_it_shows_a_director_the_teams_they_oversee(client, director, team, other_team):
    client.force_login(director)
    assert client.get(reverse("team_detail", args=[team.pk])).status_code == 200
    assert client.get(reverse("team_detail", args=[other_team.pk])).status_code == 200


def test_it_refuses_post_on_the_team_page(client, professional, team):
    client.force_login(professional)
    assert client.post(reverse("team_detail", args=[team.pk])).status_code == 405


def test_it_lists_only_the_persons_teams(client, professional, team, other_team):
    client.force_login(professional)
    response = client.get(reverse("team_list"))
    assert team.name in response.text
    assert other_team.name not in response.text


def test_the_team_page_query_count_does_not_grow_with_members(client, professional, team):
    client.force_login(professional)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("team_detail", args=[team.pk])).status_code == 200
        return len(queries)

    before = count()
    for _ in range(5):
        MembershipFactory(team=team)
    assert count() == before


@pytest.mark.django_db
def test_visible_to_scopes_every_organisation_model(team, other_team, professional, outsider):
    assert list(Team.objects.visible_to(professional)) == [team]
    assert set(Membership.objects.visible_to(professional).values_list("team", flat=True)) == {
        team.pk
    }
    superuser = UserFactory(is_superuser=True)
    assert set(Team.objects.visible_to(superuser)) == {team, other_team}
    assert Organisation.objects.visible_to(professional).count() == 1


def test_visible_to_shows_nothing_to_anonymous_people(team):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not Team.objects.visible_to(anonymous).exists()
    assert not Membership.objects.visible_to(anonymous).exists()
    assert not Organisation.objects.visible_to(anonymous).exists()


def test_a_person_has_one_role_per_team(team, professional):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=professional, team=team, role=Role.LEAD)


def test_team_names_are_unique_within_an_organisation(team):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        TeamFactory(organisation=team.organisation, name=team.name)

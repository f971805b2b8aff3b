import pytest
from django.urls import reverse

from tests.factories import UserFactory


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:bedoeling_organisation_changelist",
        "admin:bedoeling_team_changelist",
        "admin:bedoeling_membership_changelist",
        "admin:bedoeling_team_add",
    ],
)
def test_it_manages_the_organisation_in_django_admin(client, team, professional, url_name):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse(url_name)).status_code == 200


def test_it_keeps_non_staff_out_of_admin(client, professional):
    client.force_login(professional)
    response = client.get(reverse("admin:bedoeling_team_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

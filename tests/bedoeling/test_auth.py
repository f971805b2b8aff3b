import pytest
from django.core import mail
from django.urls import reverse

from organisations import tasks
from organisations.outbox import OutboxMessage
from tests.factories import PASSWORD


def test_it_serves_the_login_page_without_login(client, organisation):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Aanmelden" in response.text


@pytest.mark.parametrize("url_name", ["home", "team_list", "password_change"])
def test_it_sends_anonymous_people_to_the_login_page(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_logs_in_through_the_form(client, professional):
    response = client.post(reverse("login"), {"username": "pro", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_it_explains_a_wrong_login_and_keeps_the_username(client, professional):
    response = client.post(reverse("login"), {"username": "pro", "password": "wrong"})
    assert response.status_code == 200
    assert "Gebruikersnaam en wachtwoord komen niet overeen" in response.text
    assert 'value="pro"' in response.text
    assert "_auth_user_id" not in client.session


def test_it_locks_the_account_after_repeated_failures(client, professional, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "pro", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "pro", "password": PASSWORD})
    assert response.status_code == 429
    assert "Account geblokkeerd" in response.text
    assert "_auth_user_id" not in client.session


def test_it_logs_out_by_post_only(client, professional):
    client.force_login(professional)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_changes_the_password(client, professional):
    client.force_login(professional)
    new = "een nieuw en lang wachtwoord 42"
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.check_password(new)


def test_it_keeps_the_form_when_the_new_passwords_differ(client, professional):
    client.force_login(professional)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "abcdefgh12345", "new_password2": "x"},
    )
    assert response.status_code == 200
    assert "De twee wachtwoordvelden komen niet overeen" in response.text
    professional.refresh_from_db()
    assert professional.check_password(PASSWORD)


def test_it_sends_the_reset_mail_through_the_outbox(
    client, professional, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": professional.email})
    assert response.status_code == 302
    row = OutboxMessage.objects.get()
    assert row.task == tasks.send_mail.name
    assert row.done_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [professional.email]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_it_does_not_reveal_whether_an_address_has_an_account(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_it_resets_the_password_through_the_mailed_link(
    client, professional, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("password_reset"), {"email": professional.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    new = "weer een nieuw wachtwoord 77"
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    professional.refresh_from_db()
    assert professional.check_password(new)

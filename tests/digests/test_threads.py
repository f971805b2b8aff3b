"""Rode draden as things people name and follow (digests.threads, digests.views_threads).

Two teams. Noord tells the "grandson stays with grandma" situation three times in its own
words, Zuid once more; a debt case shares none of it. Proposals come from the similarity
engine; people confirm, name, merge, split, reject and link; access follows the teams.
"""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.models import Rule
from cases.similar import rebuild_index
from digests import threads as service
from digests.models import Signal, Thread
from organisations.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory

TZ = timezone.get_fixed_timezone(60)

GRANDSON = [
    {
        "title": "Kleinzoon logeert doordeweeks bij oma",
        "situation": "Oma ontvangt AOW en AIO. Haar kleinzoon studeert en slaapt doordeweeks "
        "bij haar.",
        "effect": "De kostendelersnorm verlaagt haar AIO flink.",
        "conflict": "De kleinzoon betaalt niets mee aan de huur.",
        "question": "Kostendelersnorm buiten toepassing laten?",
    },
    {
        "title": "Student woont bij grootmoeder in",
        "situation": "Een oudere dame met AOW en aanvullende inkomensvoorziening heeft haar "
        "kleinzoon in huis genomen tijdens zijn studie.",
        "effect": "Door de kostendelersnorm gaat haar AIO omlaag.",
        "conflict": "Het kleinkind draagt niets bij aan de woonlasten.",
        "question": "Mag de kostendelersnorm hier vervallen?",
    },
    {
        "title": "Oma vangt studerende kleinzoon op",
        "situation": "Mevrouw heeft AOW met AIO; haar kleinzoon logeert bij haar omdat de "
        "studie dichtbij is.",
        "effect": "Als kostendeler telt de kleinzoon mee en haar AIO daalt.",
        "conflict": "Hij betaalt geen kosten, dus er wordt niets gedeeld.",
        "question": "Kunnen we afwijken van de kostendelersnorm?",
    },
]
ZUID_GRANDSON = {
    "title": "Kleinzoon studeert en woont bij oma: Quorbelstraat",
    "situation": "Oma met AOW en AIO neemt haar kleinzoon in huis voor zijn studie; hij "
    "slaapt er doordeweeks.",
    "effect": "De kostendelersnorm verlaagt de AIO van oma.",
    "conflict": "De kleinzoon betaalt niets; er worden geen kosten gedeeld.",
    "question": "Kostendelersnorm niet toepassen?",
}
DEBT = {
    "title": "Beslag onder de beslagvrije voet",
    "situation": "De deurwaarder legt beslag op het loon van een vader met drie kinderen.",
    "effect": "Er blijft te weinig over voor huur en boodschappen.",
    "conflict": "De beslagvrije voet hoort het bestaansminimum te beschermen.",
    "question": "Kunnen we de deurwaarder vragen het beslag te verlagen?",
}


@pytest.fixture
def world(db):
    organisation = OrganisationFactory()
    noord = TeamFactory(organisation=organisation, name="Inkomen Noord")
    zuid = TeamFactory(organisation=organisation, name="Inkomen Zuid")

    def member(team, role, username):
        return MembershipFactory(team=team, role=role, user__username=username).user

    people = {
        "pro": member(noord, Role.PROFESSIONAL, "pro"),
        "lead": member(noord, Role.LEAD, "lead"),
        "zuid_pro": member(zuid, Role.PROFESSIONAL, "zuid_pro"),
        "zuid_lead": member(zuid, Role.LEAD, "zuid_lead"),
        "director": member(noord, Role.DIRECTOR, "director"),
    }
    MembershipFactory(team=zuid, role=Role.DIRECTOR, user=people["director"])
    people["noord_director"] = member(noord, Role.DIRECTOR, "noord_director")
    rule = Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")
    debt_rule = Rule.objects.get(regulation__short_name="Wgs", reference="beslagvrije voet")

    def file(author, team, text, rule, day):
        with time_machine.travel(dt.datetime(2026, 10, day, 10, tzinfo=TZ), tick=False):
            case, _ = case_services.create_case(
                author=author, team=team, data={"rule": rule, **text}, submit=True
            )
        return case

    grandson = [file(people["pro"], noord, text, rule, 5 + i) for i, text in enumerate(GRANDSON)]
    zuid_case = file(people["zuid_pro"], zuid, ZUID_GRANDSON, rule, 12)
    debt = file(people["pro"], noord, DEBT, debt_rule, 13)
    return {
        **people,
        "noord": noord,
        "zuid": zuid,
        "grandson": grandson,
        "zuid_case": zuid_case,
        "debt": debt,
    }


def propose() -> list[Thread]:
    with time_machine.travel(dt.datetime(2026, 11, 1, 3, tzinfo=TZ), tick=False):
        return service.propose_threads_for()


def test_it_proposes_one_thread_for_the_situation_told_in_other_words(world):
    (thread,) = propose()
    cases = set(thread.cases.all())
    assert cases == {*world["grandson"], world["zuid_case"]}
    assert world["debt"] not in cases
    assert thread.status == Thread.Status.PROPOSED
    # Readable words, as the cases write them (not stems like "kostendelersnor").
    written = " ".join(
        f"{c.title} {c.situation} {c.effect} {c.conflict} {c.question}" for c in cases
    ).lower()
    assert thread.labels and all(label.lower() in written for label in thread.labels)


def test_a_second_run_updates_the_proposal_instead_of_adding_one(world):
    first = propose()
    second = propose()
    assert [t.pk for t in first] == [t.pk for t in second]
    assert Thread.objects.count() == 1


def test_a_rejected_proposal_is_not_proposed_again_for_the_same_cases(world):
    (thread,) = propose()
    service.reject_thread(thread=thread, actor=world["lead"])
    assert propose() == []
    assert Thread.objects.get().status == Thread.Status.REJECTED


def test_cases_in_a_confirmed_thread_are_not_proposed_again(world):
    (thread,) = propose()
    service.confirm_thread(thread=thread, actor=world["lead"], name="Kleinkind logeert")
    assert propose() == []


def test_confirm_merge_split_and_signal(world):
    (thread,) = propose()
    thread = service.confirm_thread(
        thread=thread, actor=world["lead"], name="Kleinkind logeert bij oma", description="AIO"
    )
    assert (thread.status, thread.confirmed_by) == (Thread.Status.CONFIRMED, world["lead"])
    with pytest.raises(service.NotAllowed):
        service.reject_thread(thread=thread, actor=world["lead"])

    first, *rest = world["grandson"]
    new = service.split_thread(
        thread=thread, case_ids=[first.pk], actor=world["lead"], name="Apart"
    )
    assert list(new.cases.all()) == [first]
    assert first not in thread.cases.all()
    assert new.status == Thread.Status.CONFIRMED
    with pytest.raises(service.NotAllowed):  # not all of them
        service.split_thread(thread=new, case_ids=[first.pk], actor=world["lead"], name="Alles")

    service.merge_threads(thread=thread, others=[new], actor=world["lead"])
    assert first in thread.cases.all()
    new.refresh_from_db()
    assert new.merged_into == thread
    assert not Thread.objects.visible_to(world["lead"]).filter(pk=new.pk).exists()

    signal = service.signal_thread(thread=thread, actor=world["lead"])
    assert signal.rule.reference == "kostendelersnorm"
    assert set(signal.cases.all()) >= set(world["grandson"])
    assert Signal.objects.count() == 1


def test_the_trend_counts_cases_per_month(world):
    (thread,) = propose()
    reading = service.ThreadReading(thread, world["director"])
    assert reading.trend == [("2026-10", 4)]
    assert reading.rules[0][1] == 4


# Access -----------------------------------------------------------------------------------


def test_a_lead_sees_the_threads_of_the_teams_they_lead(world):
    (thread,) = propose()
    assert Thread.objects.visible_to(world["lead"]).filter(pk=thread.pk).exists()
    assert Thread.objects.visible_to(world["zuid_lead"]).filter(pk=thread.pk).exists()
    assert not Thread.objects.visible_to(world["pro"]).exists()


def test_a_thread_of_another_teams_cases_only_is_not_found(client, world):
    (thread,) = propose()
    service.split_thread(
        thread=thread, case_ids=[world["zuid_case"].pk], actor=world["zuid_lead"], name="Zuid"
    )
    zuid_only = Thread.objects.get(name="Zuid")
    client.force_login(world["lead"])
    assert client.get(reverse("digests:thread", args=[zuid_only.pk])).status_code == 404
    assert client.get(reverse("digests:thread", args=[thread.pk])).status_code == 200


def test_a_professional_may_not_open_thread_pages(client, world):
    (thread,) = propose()
    client.force_login(world["pro"])
    assert client.get(reverse("digests:threads")).status_code == 403
    assert client.get(reverse("digests:thread", args=[thread.pk])).status_code == 403


def test_across_teams_a_reader_learns_only_that_there_are_cases_and_which_team(client, world):
    (thread,) = propose()
    client.force_login(world["noord_director"])
    page = client.get(reverse("digests:thread", args=[thread.pk]))
    assert page.status_code == 200
    text = page.text
    assert world["grandson"][0].title in text
    assert world["zuid_case"].title not in text
    assert "Quorbelstraat".lower() not in text.lower()  # a word only Zuid's case has
    assert "Inkomen Zuid" in text
    reading = page.context["reading"]
    assert [(o.team, o.cases) for o in reading.other_teams] == [("Inkomen Zuid", 1)]
    # The director over both teams reads both.
    client.force_login(world["director"])
    assert world["zuid_case"].title in client.get(reverse("digests:thread", args=[thread.pk])).text


# Pages ----------------------------------------------------------------------------------


def test_a_lead_confirms_and_names_a_proposal(client, world):
    (thread,) = propose()
    client.force_login(world["lead"])
    listed = client.get(reverse("digests:threads"))
    assert thread.get_absolute_url() in listed.text
    response = client.post(
        reverse("digests:thread_name", args=[thread.pk]),
        {"name": "Kleinkind logeert bij oma", "description": "Gekort als kostendeler."},
    )
    assert response.status_code == 302
    thread.refresh_from_db()
    assert (thread.status, thread.name) == (Thread.Status.CONFIRMED, "Kleinkind logeert bij oma")


def test_a_name_is_required_and_the_description_is_kept(client, world):
    (thread,) = propose()
    client.force_login(world["lead"])
    response = client.post(
        reverse("digests:thread_name", args=[thread.pk]),
        {"name": "", "description": "Gekort als kostendeler."},
    )
    assert response.status_code == 422
    assert "Gekort als kostendeler." in response.text
    assert Thread.objects.get().status == Thread.Status.PROPOSED


def test_the_actions_refuse_get_and_other_teams(client, world):
    (thread,) = propose()
    client.force_login(world["lead"])
    for name in ("thread_name", "thread_reject", "thread_merge", "thread_split", "thread_signal"):
        assert client.get(reverse(f"digests:{name}", args=[thread.pk])).status_code == 405
    other = Thread.objects.create(name="Elders")
    client.force_login(world["lead"])
    assert client.post(reverse("digests:thread_reject", args=[other.pk])).status_code == 404


def test_reject_split_merge_and_signal_pages(client, world):
    (thread,) = propose()
    client.force_login(world["director"])
    first = world["grandson"][0]
    response = client.post(
        reverse("digests:thread_split", args=[thread.pk]), {"cases": [first.pk], "name": "Apart"}
    )
    assert response.status_code == 302
    new = Thread.objects.get(name="Apart")
    assert list(new.cases.all()) == [first]
    response = client.post(reverse("digests:thread_merge", args=[thread.pk]), {"others": []})
    assert response.status_code == 422
    response = client.post(reverse("digests:thread_merge", args=[thread.pk]), {"others": [new.pk]})
    assert response.status_code == 302 and first in thread.cases.all()
    client.post(reverse("digests:thread_name", args=[thread.pk]), {"name": "Kleinkind"})
    response = client.post(reverse("digests:thread_signal", args=[thread.pk]))
    assert response.status_code == 302
    assert Thread.objects.get(pk=thread.pk).signal is not None


def test_the_case_page_asks_to_link_a_case_that_looks_like_a_confirmed_thread(client, world):
    (thread,) = propose()
    first, *others = world["grandson"]
    service.confirm_thread(thread=thread, actor=world["lead"], name="Kleinkind logeert bij oma")
    thread.cases.remove(first)
    rebuild_index()
    client.force_login(world["lead"])
    page = client.get(first.get_absolute_url())
    assert 'id="thread-prompt"' in page.text
    assert "Kleinkind logeert bij oma" in page.text
    debt_page = client.get(world["debt"].get_absolute_url())
    assert 'id="thread-prompt"' not in debt_page.text
    response = client.post(
        reverse("digests:thread_link", args=[thread.pk]),
        {"case": first.pk, "next": first.get_absolute_url()},
    )
    assert response.status_code == 302 and response["Location"] == first.get_absolute_url()
    assert first in thread.cases.all()
    assert 'id="thread-prompt"' not in client.get(first.get_absolute_url()).text


def test_linking_another_teams_case_is_not_found(client, world):
    (thread,) = propose()
    service.confirm_thread(thread=thread, actor=world["lead"], name="Kleinkind")
    client.force_login(world["lead"])
    other = world["zuid_case"]
    thread.cases.remove(other)
    response = client.post(reverse("digests:thread_link", args=[thread.pk]), {"case": other.pk})
    assert response.status_code == 404
    assert other not in thread.cases.all()


def test_the_meeting_asks_to_link_the_case_on_the_table(client, world):
    from deliberations import services as meeting_services

    (thread,) = propose()
    first = world["grandson"][0]
    service.confirm_thread(thread=thread, actor=world["lead"], name="Kleinkind logeert bij oma")
    thread.cases.remove(first)
    meeting = meeting_services.plan_meeting(
        team=world["noord"],
        lead=world["lead"],
        starts_at=timezone.now(),
        participants=[world["lead"], world["pro"]],
        cases=[first],
    )
    meeting_services.start_meeting(meeting=meeting, actor=world["lead"])
    item = meeting.items.get()
    client.force_login(world["lead"])
    url = f"{meeting.get_absolute_url()}?item={item.pk}"
    page = client.get(url)
    assert 'id="thread-prompt"' in page.text and "Kleinkind logeert bij oma" in page.text
    response = client.post(
        reverse("digests:thread_link", args=[thread.pk]), {"case": first.pk, "next": url}
    )
    assert response["Location"] == url
    assert first in thread.cases.all()


def test_linking_refuses_a_malformed_case_and_a_foreign_return_address(client, django_user_model):
    """A hand-made POST: no 500 for a case that is no number, no redirect to another site."""
    from digests.models import Thread
    from organisations.models import Role
    from tests.factories import CaseFactory, MembershipFactory, TeamFactory

    team = TeamFactory()
    lead = MembershipFactory(team=team, role=Role.LEAD).user
    case = CaseFactory(team=team)
    thread = Thread.objects.create(name="Kostendeler", status=Thread.Status.CONFIRMED)
    thread.cases.add(CaseFactory(team=team))
    client.force_login(lead)
    url = f"/digests/threads/{thread.pk}/link/"
    assert client.post(url, {"case": "abc"}).status_code == 404
    for elsewhere in ("//evil.example/", "/\\evil.example/", "https://evil.example/", "home"):
        response = client.post(url, {"case": case.pk, "next": elsewhere})
        assert response.status_code == 302
        assert response["Location"] == case.get_absolute_url(), elsewhere

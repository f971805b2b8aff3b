"""The case consultation from plan to closed case, in the browser (issue: deliberations)."""

import re

import pytest
from playwright.sync_api import expect

from cases.models import Case, CaseStatus
from organisations.models import Role
from tests.browser.conftest import assert_accessible, log_in, log_out
from tests.factories import (
    CaseFactory,
    MembershipFactory,
    OrganisationFactory,
    PublicValueFactory,
    RuleFactory,
    TeamFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(transactional_db):
    organisation = OrganisationFactory(purpose="Iedereen in Testdorp kan rondkomen en meedoen.")
    team = TeamFactory(organisation=organisation, name="Inkomen Noord")
    sanne = MembershipFactory(
        team=team, role=Role.PROFESSIONAL, user__username="sanne", user__first_name="Sanne"
    ).user
    MembershipFactory(team=team, role=Role.LEAD, user__username="joost", user__first_name="Joost")
    MembershipFactory(
        team=team, role=Role.DIRECTOR, user__username="karin", user__first_name="Karin"
    )
    PublicValueFactory(name="menselijke maat")
    grandma = CaseFactory(
        team=team,
        author=sanne,
        title="Oma met AIO en logerende kleinzoon",
        rule=RuleFactory(regulation__short_name="AIO", reference="kostendelersnorm"),
    )
    bank = CaseFactory(
        team=team,
        author=sanne,
        title="Bankafschrift als download",
        rule=RuleFactory(regulation__short_name="PW", reference="bankafschriften"),
    )
    return {"team": team, "sanne": sanne, "grandma": grandma, "bank": bank}


def test_from_planning_to_a_closed_case(page, world, axe):
    grandma, bank = world["grandma"], world["bank"]

    # The lead plans a meeting with both cases and runs it.
    log_in(page, "joost")
    page.goto("/meetings/new/")
    expect(page.locator(f"input[name=cases][value='{grandma.pk}']")).to_be_checked()
    expect(page.locator(f"input[name=cases][value='{bank.pk}']")).to_be_checked()
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text("Het casusoverleg is gepland.")).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Overleg starten").click()
    expect(page.get_by_text("Iedereen in Testdorp kan rondkomen en meedoen.")).to_be_visible()

    # First item: a justified deviation with its rationale and an action for the professional.
    page.get_by_role("link", name=re.compile("Oma met AIO")).first.click()
    form = page.locator("#decision-form")
    form.locator("input[name=kind][value=deviation]").check()
    form.locator("select[name=legal_ground]").select_option(label="hardheidsclausule")
    form.locator("textarea[name=rationale]").fill(
        "De kleinzoon betaalt niets mee; de norm dient hier geen doel."
    )
    form.locator("input[name=backing]").check()
    form.locator("input[name=evaluate_on]").fill("2027-03-01")
    form.locator("input[name=actions-0-description]").fill("Besluit aan mevrouw uitleggen")
    form.locator("select[name=actions-0-owner]").select_option(
        label="Sanne " + world["sanne"].last_name
    )
    form.locator("input[name=actions-0-due_on]").fill("2026-12-15")
    assert_accessible(axe, page)
    form.locator("button[type=submit]").click()
    expect(page.get_by_text("Het besluit is vastgelegd.")).to_be_visible()

    # Second item: escalate to the director.
    page.get_by_role("link", name=re.compile("Bankafschrift als download")).first.click()
    form = page.locator("#decision-form")
    form.locator("input[name=kind][value=escalate]").check()
    form.locator("textarea[name=rationale]").fill("Dit raakt het beleid van twee afdelingen.")
    form.locator("select[name=director]").select_option(label="Karin " + _last(world, "karin"))
    form.locator("textarea[name=question]").fill("Mogen we downloads als bewijs accepteren?")
    form.locator("input[name=evaluate_on]").fill("2027-03-01")
    form.locator("button[type=submit]").click()
    expect(page.get_by_text("Het besluit is vastgelegd.")).to_be_visible()

    # Close the meeting; the minutes show both items.
    page.get_by_role("button", name="Overleg sluiten").click()
    expect(
        page.get_by_role("heading", name=re.compile("Verslag van het casusoverleg"))
    ).to_be_visible()
    minutes = page.locator("main")
    expect(minutes).to_contain_text("De kleinzoon betaalt niets mee")
    expect(minutes).to_contain_text("Besluit aan mevrouw uitleggen")
    expect(minutes).to_contain_text("Dit raakt het beleid van twee afdelingen.")
    assert_accessible(axe, page)
    log_out(page)

    # The director answers the escalation from the inbox.
    log_in(page, "karin")
    page.goto("/meetings/escalations/")
    assert_accessible(axe, page)
    page.get_by_role("link", name=bank.reference).first.click()
    answer = page.locator("#answer-form")
    answer.locator("input[name=kind][value=room_within_rules]").check()
    answer.locator("select[name=legal_ground]").select_option(label="beleidsruimte")
    answer.locator("textarea[name=rationale]").fill("Een download toont dezelfde gegevens.")
    answer.locator("input[name=evaluate_on]").fill("2027-03-01")
    assert_accessible(axe, page)
    answer.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/cases/{bank.pk}/"))
    assert Case.objects.get(pk=bank.pk).status == CaseStatus.DECIDED
    log_out(page)

    # The professional marks the action done and records the outcome: the case is closed.
    log_in(page, "sanne")
    assert_accessible(axe, page)
    page.locator("#home-actions button[type=submit]").first.click()
    page.goto(f"/meetings/cases/{grandma.pk}/outcome/")
    outcome = page.locator("#outcome-form")
    outcome.locator("input[name=served][value=yes]").check()
    outcome.locator("textarea[name=note]").fill("Mevrouw kan rondkomen en de kleinzoon studeert.")
    assert_accessible(axe, page)
    outcome.locator("button[type=submit]").click()
    grandma.refresh_from_db()
    assert grandma.status == CaseStatus.CLOSED

    # Every step is on the case's timeline.
    page.goto(grandma.get_absolute_url())
    timeline = page.locator("section[aria-labelledby=timeline-heading]")
    for step in [
        "geagendeerd",
        "besluit vastgelegd",
        "actiepunt toegevoegd",
        "actiepunt afgerond",
        "uitkomst vastgelegd",
        "afgesloten",
    ]:
        expect(timeline).to_contain_text(step)
    assert_accessible(axe, page)
    bank_events = list(bank.events.values_list("kind", flat=True))
    for kind in ["scheduled", "decided", "escalated", "escalation_answered"]:
        assert kind in bank_events


def _last(world, username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username).last_name

"""The professional's path through intake, in the browser (issue: cases)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from cases.models import Case, CaseStatus
from cases.similar import rebuild_index
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
    other = TeamFactory(organisation=organisation, name="Inkomen Zuid")
    sanne = MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="sanne").user
    lead = MembershipFactory(
        team=team, role=Role.LEAD, user__username="joost", user__email="joost@example.org"
    ).user
    outsider = MembershipFactory(team=other, role=Role.PROFESSIONAL, user__username="mehmet").user
    # Transactional tests flush the taxonomies the data migration seeded: make what is needed.
    rule = RuleFactory(regulation__short_name="AIO", reference="kostendelersnorm")
    for name in ("menselijke maat", "rechtmatigheid"):
        PublicValueFactory(name=name)
    CaseFactory(
        team=team,
        author=lead,
        rule=rule,
        status=CaseStatus.DECIDED,
        title="Oma met AIO en logerende kleinzoon",
        situation="Een oudere vrouw met AOW en AIO; haar kleinzoon studeert en logeert bij haar.",
    )
    rebuild_index()  # as Celery does once a case is saved
    return {"team": team, "sanne": sanne, "lead": lead, "outsider": outsider, "rule": rule}


def test_a_professional_files_the_grandmothers_case(page, world, axe):
    log_in(page, "sanne")
    page.get_by_role("link", name="Casus inbrengen").first.click()
    expect(page.get_by_role("heading", name="Casus inbrengen")).to_be_visible()
    expect(page.get_by_text("Iedereen in Testdorp kan rondkomen en meedoen.")).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_label("Titel").fill("Oma met AIO, kleinzoon logeert")
    situation = (
        "Mevrouw A. ontvangt AOW en AIO. Haar kleinzoon studeert en logeert doordeweeks bij "
        "haar, BSN 111222333 staat op de brief."
    )
    page.get_by_label("Situatie").fill(situation)
    page.get_by_label("Regel", exact=True).select_option(label="AIO — kostendelersnorm")
    page.get_by_label("Gevolg van het toepassen van de regel").fill(
        "Haar AIO gaat ruim 300 euro per maand omlaag."
    )
    page.get_by_label("Botsing met de bedoeling").fill(
        "De kostendelersnorm gaat over gedeelde woonlasten; de kleinzoon betaalt niets."
    )
    page.get_by_label("menselijke maat").check()
    page.get_by_label("Vraag aan het casusoverleg").fill(
        "Mogen we de kostendelersnorm buiten toepassing laten?"
    )

    # Live: the same warning as on saving, and the earlier similar case.
    assist = page.locator("#intake-assist")
    expect(assist).to_contain_text("burgerservicenummer")
    expect(assist.get_by_role("link", name=re.compile("Oma met AIO en logerende"))).to_be_visible()

    page.get_by_role("button", name="Indienen voor het casusoverleg").click()
    # The message stands at the field, and the error summary links to it.
    refusal = "“Situatie” bevat een burgerservicenummer (BSN)"
    expect(page.locator("#id_situation_error")).to_contain_text(refusal)
    expect(page.locator("#error-summary a[href='#id_situation']")).to_contain_text(refusal)
    assert not Case.objects.filter(author=world["sanne"]).exists()
    # Nothing was lost: fix the one field without retyping the rest.
    expect(page.get_by_label("Titel")).to_have_value("Oma met AIO, kleinzoon logeert")
    expect(page.get_by_label("Situatie")).to_have_value(situation)
    expect(page.get_by_label("menselijke maat")).to_be_checked()
    page.get_by_label("Situatie").fill(situation.replace(", BSN 111222333 staat op de brief", ""))
    page.get_by_role("button", name="Indienen voor het casusoverleg").click()

    expect(page.get_by_text(re.compile(r"Casus C-\d{4}-\d{5} is ingediend"))).to_be_visible()
    case = Case.objects.get(author=world["sanne"])
    assert case.status == CaseStatus.SUBMITTED
    expect(page.get_by_role("link", name=re.compile("Oma met AIO en logerende"))).to_be_visible()
    assert_accessible(axe, page)
    assert [message.to for message in mail.outbox] == [["joost@example.org"]]

    page.get_by_role("link", name="Mijn casussen").click()
    expect(page.get_by_role("link", name=re.compile("Oma met AIO, kleinzoon"))).to_be_visible()
    assert_accessible(axe, page)

    case_url = page.url.split("/cases/")[0] + case.get_absolute_url()
    log_out(page)
    log_in(page, "mehmet")
    response = page.goto(case_url)
    assert response.status == 404


def test_colleague_input_is_added_with_htmx(page, world):
    case = CaseFactory(team=world["team"], author=world["sanne"], title="Bankafschrift als pdf")
    log_in(page, "joost")
    page.goto(case.get_absolute_url())
    page.get_by_label("Uw inbreng").fill("Afdeling B accepteert ook downloads.")
    with page.expect_response(re.compile(r"/comments/$")) as response_info:
        page.get_by_role("button", name="Inbreng toevoegen").click()
    assert response_info.value.request.headers.get("hx-request") == "true"
    expect(page.locator("#comments")).to_contain_text("Afdeling B accepteert ook downloads.")
    expect(page.get_by_label("Uw inbreng")).to_have_value("")

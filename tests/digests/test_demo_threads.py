"""The demo shows rode draden: after the scenario, the director's home names threads and the
organisation's digest flags opposite decisions, also across teams."""

import pytest
from django.urls import reverse

from bedoeling.scenario.demo import THREADS
from bedoeling.scenario.demo_cases import HARD_NEGATIVES
from cases.models import Case
from digests.models import Digest, Thread
from tests.bedoeling.conftest import demo_world  # noqa: F401  (the shared demo world)


@pytest.mark.usefixtures("demo_world")
class TestDemoThreads:
    def test_the_directors_home_shows_named_threads_and_a_flag(self, client, db):
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username="karin"))
        page = client.get(reverse("home"))
        assert page.status_code == 200
        for plan in THREADS:
            assert plan.name in page.text
        assert page.context["org_figures"]["flags"] >= 1

    def test_the_threads_are_told_in_varied_wording(self, db):
        confirmed = Thread.objects.filter(status=Thread.Status.CONFIRMED)
        assert confirmed.count() == len(THREADS) >= 3
        for thread in confirmed:
            titles = list(thread.cases.values_list("title", flat=True))
            assert len(titles) >= 3
            # No two cases of a thread share their title's first words: each its own telling.
            assert len({" ".join(title.lower().split()[:3]) for title in titles}) == len(titles)

    def test_the_hard_negatives_stay_out_of_the_named_threads(self, db):
        for plan in HARD_NEGATIVES:
            case = Case.objects.get(title=plan.title)
            assert not case.threads.filter(status=Thread.Status.CONFIRMED).exists()

    def test_a_flag_across_teams_names_its_thread(self, db):
        digest = Digest.objects.filter(team__isnull=True).order_by("start").first()
        across = [
            flag
            for flag in digest.data["consistency_flags"]
            if flag["a"]["team_id"] != flag["b"]["team_id"]
        ]
        assert across
        thread = Thread.objects.get(pk=across[0]["thread_id"])
        assert thread.status == Thread.Status.CONFIRMED

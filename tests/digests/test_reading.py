"""Reading a digest: what it says about single cases is fetched in a constant number of
queries, however many flags, patterns and good examples it names."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from digests.models import Digest
from tests.digests.fixtures_pages import make_world


@pytest.fixture
def world(db):
    return make_world()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grown(digest: Digest, times: int) -> Digest:
    """The same digest naming every flag, pattern, escalation and example `times` over."""
    data = digest.data
    data["consistency_flags"] *= times
    data["patterns"] *= times
    data["follow_up"]["escalations"] *= times
    data["examples"] *= times
    return Digest.objects.create(
        team=digest.team, start=digest.start, end=digest.end, version=digest.version + 1, data=data
    )


@pytest.mark.parametrize("person", ["director", "other_director"])
def test_the_page_and_the_flags_csv_take_as_many_queries_for_more_cases(client, world, person):
    digest = world["org_digest"]
    assert digest.data["consistency_flags"] and digest.data["patterns"]
    large = _grown(digest, 10)
    client.force_login(world[person])
    client.get(reverse("digests:detail", args=[digest.pk]))  # warm up
    for name in ("digests:detail", "digests:export"):
        args = [] if name == "digests:detail" else ["flags"]
        small = _queries(client, reverse(name, args=[digest.pk, *args]))
        assert _queries(client, reverse(name, args=[large.pk, *args])) == small, name


def test_a_csv_reads_only_what_its_table_needs(client, world):
    client.force_login(world["director"])
    digest = world["org_digest"]
    counts = _queries(client, reverse("digests:export", args=[digest.pk, "counts"]))
    flags = _queries(client, reverse("digests:export", args=[digest.pk, "flags"]))
    assert flags > counts  # the flags' cases, decisions and teams; the counts need none

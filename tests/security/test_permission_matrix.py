"""Who gets what, for every URL pattern, method and persona.

The table below has one row per URL pattern of the URL configuration (`bedoeling/urls.py` and
everything it includes, the admin too). Each row says which object of team A (Noord) its
arguments point to, and per method one token per persona, in this order:

    anonymous  pro  pro_b  lead  lead_b  director  director_b  admin

- pro / lead / director: a professional (the cases' author), the lead, the director of team A;
- pro_b / lead_b / director_b: the same roles in team B only (outsiders to team A);
- admin: a superuser with no team (the admin site is theirs; the app shows them no case).

Tokens: a status code; L = redirect to the log-in page; A = redirect to the admin's log-in
page; R = another redirect (done, or "not now"). POSTs are sent empty and every request is
undone afterwards, so the cells do not influence each other. HX_GET / HX_POST rows are the
same requests with `HX-Request: true`, for views that answer htmx differently.

A URL pattern without a row fails `test_every_url_pattern_has_a_row`; a row for a pattern
that no longer exists fails `test_every_row_names_an_existing_pattern`. Adding a page is one
`row(...)` line here (run the test: the failure message prints a row to start from).
"""

from __future__ import annotations

import copy

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.test import Client
from django.urls import resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from cases.models import AnonymisationRun, RetentionPolicy
from organisations.models import GroupMapping, Role
from tests.factories import ApiTokenFactory

from . import matrix
from .matrix import REDIRECT, Lit, admin_rows, row
from .world import PERSONAS, build

# Every test runs in a savepoint inside the module's world (see `world` below).
pytestmark = pytest.mark.django_db

# fmt: off
ROWS = [
    # The pages around the work.                     anon pro  pro_b lead lead_b dir dir_b admin
    row("home",                                GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("team_list",                           GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("team_detail", "team_a",               GET="L 200 404 200 404 200 404 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("help",                                GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("help_role", Lit("lead"),              GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("accessibility",                       GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    # Cases.                                           anon pro  pro_b lead lead_b dir dir_b admin
    # A search is POSTed and answered with a redirect to the list (the text stays in the
    # session, never in a URL).
    row("cases:mine",                          GET="L 200 200 200 200 200 200 200",
                                               POST="L R R R R R R R"),
    row("cases:create",                        GET="L 200 200 200 200 403 403 403",
                                               POST="L 200 200 200 200 403 403 403"),
    # Precedents while typing: each sees only the cases they may see (test_sentinels.py).
    row("cases:assist",                        GET="L 405 405 405 405 405 405 405",
                                               POST="L 200 200 200 200 200 200 200"),
    row("cases:team", "team_a",                GET="L 200 404 200 404 200 404 200",
                                               POST="L R 404 R 404 R 404 R"),
    row("cases:detail", "decided",             GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    # A submitted case: its lead edits it, its author no longer does.
    row("cases:edit", "waiting",               GET="L 403 404 200 404 403 404 404",
                                               POST="L 403 404 200 404 403 404 404"),
    # A draft is its author's alone, until submitted.
    row("cases:submit", "draft",               GET="L 405 405 405 405 405 405 405",
                                               POST="L R 404 404 404 404 404 404"),
    row("cases:withdraw", "waiting",           GET="L 405 405 405 405 405 405 405",
                                               POST="L R 404 R 404 403 404 404"),
    row("cases:adopt_rule", "waiting",         GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 422 404 403 404 404"),
    # Directors do not add colleague input.
    row("cases:comment", "decided",            GET="L 405 405 405 405 405 405 405",
                                               POST="L 422 404 422 404 403 404 404",
                                            HX_GET="L 405 405 405 405 405 405 405",
                                           HX_POST="L 200 404 200 404 403 404 404"),
    # Meetings.                                        anon pro  pro_b lead lead_b dir dir_b admin
    row("deliberations:meetings",              GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("deliberations:create",                GET="L 403 403 200 200 403 403 403",
                                               POST="L 403 403 200 200 403 403 403"),
    row("deliberations:meeting", "running",    GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405",
                                            HX_GET="L 200 404 200 404 200 404 404",
                                           HX_POST="L 405 405 405 405 405 405 405",
        hx_query="fragment=agenda"),
    row("deliberations:start", "planned",      GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:agenda_add", "planned", GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:minutes", "closed",     GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    row("deliberations:minutes_save", "running",
                                               GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 422 404 403 404 404"),
    row("deliberations:attendance", "running", GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:close", "running",      GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 422 404 403 404 404"),
    row("deliberations:ics", "planned",        GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    row("deliberations:agenda_move", "planned_item",
                                               GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:agenda_remove", "planned_item",
                                               GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:notes", "running_item", GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 R 404 403 404 404"),
    row("deliberations:decide", "running_item",
                                               GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 422 404 403 404 404"),
    row("deliberations:correct", "decision",   GET="L 403 404 200 404 403 404 404",
                                               POST="L 403 404 200 404 403 404 404"),
    # Escalations.                                     anon pro  pro_b lead lead_b dir dir_b admin
    row("deliberations:escalations",           GET="L 403 403 403 403 200 200 403",
                                               POST="L 405 405 405 405 405 405 405"),
    # The team reads its escalation; only the director it is addressed to answers.
    row("deliberations:escalation", "escalation",
                                               GET="L 200 404 200 404 200 404 404",
                                               POST="L 403 404 403 404 422 404 404"),
    row("deliberations:action_done", "action", GET="L 405 405 405 405 405 405 405",
                                               POST="L R 404 R 404 403 404 404"),
    # Only the case's author records its outcome.
    row("deliberations:outcome", "decided",    GET="L 200 404 403 404 403 404 404",
                                               POST="L 422 404 403 404 403 404 404"),
    # Digests.                                         anon pro  pro_b lead lead_b dir dir_b admin
    row("digests:dashboard",                   GET="L 200 200 200 200 200 200 403",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:build",                       GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 403 422 422 422 422 403"),
    # A failed build of team A's digest: retried by whoever may ask for that digest.
    row("digests:retry", "build_request",      GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 403 R 404 R 404 403"),
    # The cases behind a figure: a list of only the cases the reader may see.
    row("digests:search",                      GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:detail", "team_digest",       GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:export", "team_digest", Lit("rules"),
                                               GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    # Signals and good examples: read by the teams whose cases are behind them, the directors
    # over those teams and the rule's policy owner; a signal is moved by that policy owner and
    # those directors (digests/querysets.py). The lists show each person what they may read.
    row("digests:signals",                     GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:signal", "signal",            GET="L 200 404 200 404 200 404 404",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:signal_move", "signal",       GET="L 405 405 405 405 405 405 405",
                                               POST="L 403 404 403 404 422 404 404"),
    # Rode draden: for leads and directors (403 for a professional); a thread is seen by those
    # over a team with a case in it (404 for others). Empty POSTs are refused at the form
    # (422) or answered with a message and a redirect (R).
    row("digests:threads",                     GET="L 403 403 200 200 200 200 403",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:thread", "thread",            GET="L 403 403 200 404 200 404 403",
                                               POST="L 405 405 405 405 405 405 405"),
    *[row(f"digests:thread_{action}", "thread", GET="L 405 405 405 405 405 405 405",
                                               POST=f"L 403 403 {ok} 404 {ok} 404 403")
      for action, ok in (("name", "422"), ("reject", "R"), ("merge", "422"), ("split", "422"),
                         ("signal", "R"), ("link", "404"))],
    row("digests:examples",                    GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("digests:example_publish", "decided",  GET="L 403 404 200 404 403 404 404",
                                               POST="L 403 404 422 404 403 404 404"),
    # Around the application.                          anon pro  pro_b lead lead_b dir dir_b admin
    row("healthz",                             GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    row("set_language",                        GET="R R R R R R R R",
                                               POST="R R R R R R R R"),
    row("accounts/password_reset/",            GET="200 200 200 200 200 200 200 200",
                                               POST="200 200 200 200 200 200 200 200",
        url=lambda world: reverse("password_reset")),
    # django.contrib.auth.urls has its own password_reset too; ours comes first.
    row("accounts/password_reset/ (shadowed)", GET="200 200 200 200 200 200 200 200",
                                               POST="200 200 200 200 200 200 200 200",
        url=lambda world: reverse("password_reset")),
    row("accounts/login/",                     GET="200 200 200 200 200 200 200 200",
                                               POST="200 200 200 200 200 200 200 200",
        url=lambda world: reverse("login")),
    # django.contrib.auth.urls has its own login too; ours (with single sign-on) comes first.
    row("accounts/login/ (shadowed)",          GET="200 200 200 200 200 200 200 200",
                                               POST="200 200 200 200 200 200 200 200",
        url=lambda world: reverse("login")),
    # The session warning's button: extends a session, so only for a logged-in person.
    # (204 for the page's script; without JavaScript, back to the page the person was on.)
    row("extend_session",                      GET="L 405 405 405 405 405 405 405",
                                               POST="L R R R R R R R"),
    # Single sign-on is off in the tests (no OIDC_RP_CLIENT_ID): its start and callback are
    # 404; tests/sso/ runs the flow against a real provider. The refusal page explains itself.
    row("sso:login",                           GET="404 404 404 404 404 404 404 404",
                                               POST="404 404 404 404 404 404 404 404"),
    row("sso:callback",                        GET="404 404 404 404 404 404 404 404",
                                               POST="404 404 404 404 404 404 404 404"),
    row("sso:refused",                         GET="403 403 403 403 403 403 403 403",
                                               POST="405 405 405 405 405 405 405 405"),
    # The API answers applications with a token (tests/api/ covers tokens and scopes); a
    # logged-in person's session is no credential there: 401, problem+json. Its OpenAPI
    # document is public (API Design Rules), the catch-all a 404 problem.
    row("api:openapi-json",                    GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    row("api:openapi-yaml",                    GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    *[row(f"api:{name}-list",                  GET="401 401 401 401 401 401 401 401",
                                               POST="401 401 401 401 401 401 401 401")
      for name in ("team", "digest", "rule", "signal", "thread", "decision")],
    *[row(f"api:{name}-detail", key,           GET="401 401 401 401 401 401 401 401",
                                               POST="401 401 401 401 401 401 401 401")
      for name, key in (("team", "team_a"), ("digest", "team_digest"), ("rule", "rule"),
                        ("signal", "signal"), ("thread", "thread"), ("decision", "decision"))],
    row("api:not-found",                       GET="404 404 404 404 404 404 404 404",
                                               POST="404 404 404 404 404 404 404 404",
        url=lambda world: "/api/v1/nothing-here"),
    row("logout",                              GET="L 405 405 405 405 405 405 405",
                                               POST="L R R R R R R R"),
    row("password_change",                     GET="L 200 200 200 200 200 200 200",
                                               POST="L 200 200 200 200 200 200 200"),
    row("password_change_done",                GET="L 200 200 200 200 200 200 200",
                                               POST="L 405 405 405 405 405 405 405"),
    row("password_reset_done",                 GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    # A valid link (for a colleague who never logs in here, so the token stays valid)
    # redirects to the form; the token moves to the session.
    row("password_reset_confirm",              GET="R R R R R R R R",
                                               POST="R R R R R R R R",
        url=lambda world: reverse("password_reset_confirm", args=[
            urlsafe_base64_encode(force_bytes(world["colleague"].pk)),
            default_token_generator.make_token(world["colleague"])])),
    row("password_reset_complete",             GET="200 200 200 200 200 200 200 200",
                                               POST="405 405 405 405 405 405 405 405"),
    # The admin site.                                  anon pro  pro_b lead lead_b dir dir_b admin
    row("admin:index",                         GET="A A A A A A A 200",
                                               POST="A A A A A A A 200"),
    row("admin:login",                         GET="200 200 200 200 200 200 200 R",
                                               POST="200 200 200 200 200 200 200 200"),
    row("admin:logout",                        GET="A R R R R R R 405",
                                               POST="A R R R R R R R"),
    row("admin:password_change",               GET="A A A A A A A 200",
                                               POST="A A A A A A A 200"),
    row("admin:password_change_done",          GET="A A A A A A A 200",
                                               POST="A A A A A A A 405"),
    row("admin:autocomplete",                  GET="A A A A A A A 403",
                                               POST="A A A A A A A 405"),
    row("admin:jsi18n",                        GET="A A A A A A A 200",
                                               POST="A A A A A A A 405"),
    row("admin:view_on_site",                  GET="A A A A A A A R",
                                               POST="A A A A A A A R",
        url=matrix.view_on_site),
    row("admin:app_list", Lit("cases"),        GET="A A A A A A A 200",
                                               POST="A A A A A A A 200"),
    row("admin/(?P<url>.*)$",                  GET="A A A A A A A 404",
                                               POST="A A A A A A A 404",
        url=lambda world: "/admin/no-such-page/"),
    # One line per model in the admin. Login attempts are written by django-axes only: their
    # fields are read-only, so saving changes nothing and returns to the list. Cases, their
    # timeline and colleague input are accountability records: viewed there, changed only
    # through the application.
    *admin_rows("auth.group", lambda world: world["group"]),
    *admin_rows("auth.user", lambda world: world["pro"]),
    row("admin:auth_user_password_change", "pro", GET="L A A A A A A 200",
                                               POST="L A A A A A A 200"),
    *admin_rows("axes.accessattempt", lambda world: world["access_attempt"],
                add=False, change=REDIRECT),
    *admin_rows("axes.accesslog", lambda world: world["access_log"],
                add=False, change=REDIRECT),
    *admin_rows("axes.accessfailurelog", lambda world: world["access_failure"],
                add=False, change=REDIRECT),
    *admin_rows("bedoeling.organisation", lambda world: world["organisation"]),
    *admin_rows("bedoeling.team", lambda world: world["team_a"]),
    *admin_rows("bedoeling.membership", lambda world: world["pro"].memberships.get()),
    *admin_rows("cases.regulation", lambda world: world["regulation"]),
    *admin_rows("cases.rule", lambda world: world["rule"]),
    *admin_rows("cases.publicvalue", lambda world: world["decided"].public_values.get()),
    *admin_rows(
        "deliberations.legalground", lambda world: world["decided"].decisions.get().legal_ground
    ),
    *admin_rows("cases.barrier", lambda world: world["decided"].barrier),
    *admin_rows("cases.case", lambda world: world["decided"],
                add=False, change=False, delete=False),
    *admin_rows("cases.caseevent", lambda world: world["decided"].events.first(),
                add=False, change=False, delete=False),
    *admin_rows("cases.comment", lambda world: world["decided"].comments.get(),
                add=False, change=False, delete=False),
    *admin_rows("bedoeling.groupmapping", lambda world: world["group_mapping"]),
    *admin_rows("cases.retentionpolicy", lambda world: world["retention_policy"]),
    # The anonymisation runs are the audit trail of retention: read, never written here.
    *admin_rows("cases.anonymisationrun", lambda world: world["anonymisation_run"],
                add=False, change=False, delete=False),
    *admin_rows("api.apitoken", lambda world: world["api_token"]),
]
# fmt: on

# Pages open without logging in. Everything else sends an anonymous visitor to log in.
ANONYMOUS_ALLOWED = {
    "accessibility",  # a person who cannot log in must be able to read it
    "healthz",  # the load balancer's probe; says "ok" or "error", nothing else
    "set_language",
    "accounts/login/",
    "accounts/login/ (shadowed)",
    "sso:login",  # 404 while single sign-on is off; a redirect to the provider when on
    "sso:callback",
    "sso:refused",  # says why a login was refused; nothing about anyone
    "api:openapi-json",  # the API's description is public (API Design Rules)
    "api:openapi-yaml",
    *(
        f"api:{name}-{kind}"
        for name in ("team", "digest", "rule", "signal", "thread", "decision")
        for kind in ("list", "detail")
    ),  # 401 problem+json: applications bring a token
    "api:not-found",
    "accounts/password_reset/",
    "accounts/password_reset/ (shadowed)",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "admin:login",
}

BY_KEY = {entry.key: entry for entry in ROWS}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, undone at the end; each cell undoes its own request."""
    with django_db_blocker.unblock(), transaction.atomic():
        made = build()
        made.objects["group"] = Group.objects.create(name="Beheerders")
        made.objects["access_attempt"] = AccessAttempt.objects.create(
            username="somebody", ip_address="192.0.2.1", user_agent="test", failures_since_start=1
        )
        made.objects["access_log"] = AccessLog.objects.create(
            username="somebody", ip_address="192.0.2.1", user_agent="test"
        )
        made.objects["access_failure"] = AccessFailureLog.objects.create(
            username="somebody", ip_address="192.0.2.1", user_agent="test"
        )
        made.objects["group_mapping"] = GroupMapping.objects.create(
            claim_value="inkomen-noord", team=made["team_a"], role=Role.PROFESSIONAL
        )
        made.objects["retention_policy"] = RetentionPolicy.objects.create(
            organisation=made["team_a"].organisation, years=7
        )
        made.objects["anonymisation_run"] = AnonymisationRun.objects.create(
            source="test", dry_run=True
        )
        made.objects["api_token"] = ApiTokenFactory(organisation=made["team_a"].organisation)

        # Logged in once per persona; each test's clients reuse the session.
        made.objects["sessions"] = {
            persona: matrix.client_for(made, persona).cookies for persona in PERSONAS
        }
        yield made
        transaction.set_rollback(True)


def _suggested_row(key: str, pattern) -> str:
    arguments = ", ".join(f'"<world key for {name}>"' for name in pattern.pattern.converters)
    methods = "GET, POST" + (", HX_GET, HX_POST" if matrix.branches_on_htmx(pattern) else "")
    return (
        f'    row("{key}"{", " + arguments if arguments else ""}, GET="L 200 ...", '
        f'POST="L ..."),  # tokens for {methods}, one per persona: {" ".join(PERSONAS)}'
    )


def test_every_url_pattern_has_a_row():
    missing = {key: pattern for key, pattern in matrix.url_patterns().items() if key not in BY_KEY}
    assert not missing, (
        "These URL patterns have no row in the permission matrix "
        "(tests/security/test_permission_matrix.py, ROWS). Add one line each, saying who may "
        "do what, for example:\n" + "\n".join(_suggested_row(k, p) for k, p in missing.items())
    )


def test_every_row_names_an_existing_pattern():
    patterns = matrix.url_patterns()
    stale = [key for key in BY_KEY if key not in patterns]
    assert not stale, f"Rows for URL patterns that no longer exist; remove them: {stale}"
    assert len(BY_KEY) == len(ROWS), "two rows for the same pattern"


def test_views_that_answer_htmx_differently_have_htmx_rows():
    patterns = matrix.url_patterns()
    lacking = [
        key
        for key, pattern in patterns.items()
        if matrix.branches_on_htmx(pattern)
        and key in BY_KEY
        and not {"HX_GET", "HX_POST"} <= set(BY_KEY[key].expected)
    ]
    assert not lacking, f"These views read request.htmx; add HX_GET and HX_POST to: {lacking}"


def test_anonymous_is_sent_to_log_in_everywhere_but_the_allow_list():
    anonymous = PERSONAS.index("anonymous")
    let_in = {
        entry.key
        for entry in ROWS
        if any(
            tokens[anonymous] not in (matrix.LOGIN, matrix.ADMIN_LOGIN)
            for tokens in entry.expected.values()
        )
    }
    assert let_in == ANONYMOUS_ALLOWED


def test_every_row_has_a_get_and_a_post():
    assert [entry.key for entry in ROWS if not {"GET", "POST"} <= set(entry.expected)] == []


@pytest.mark.parametrize("key", list(BY_KEY))
def test_who_gets_what(world, key):
    entry = BY_KEY[key]
    url = entry.url(world)
    _assert_row_reaches_its_pattern(key, url)
    clients = {persona: Client() for persona in PERSONAS}
    for persona, client in clients.items():
        client.cookies = copy.deepcopy(world["sessions"][persona])
    wrong = []
    for method, persona, expected in entry.cells():
        got = matrix.answer(clients[persona], method, url, entry.hx_query)
        if got != expected:
            wrong.append(f"{method} {url} as {persona}: expected {expected}, got {got}")
    assert not wrong, "\n".join(wrong)


def _assert_row_reaches_its_pattern(key: str, url: str) -> None:
    if key.endswith("(shadowed)"):
        return
    match = resolve(url.split("?")[0])
    assert key in (match.view_name, match.route), f"{url} reaches {match.view_name}, not {key}"

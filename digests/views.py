"""Digest pages: the dashboard, one digest as charts and tables, its CSV export, build requests.

A digest page reads the stored snapshot (`Digest.data`, see `digests/patterns.py` for what each
figure means); it never recomputes a figure and never queries per row. What it shows about
single cases is fetched as it is read, through `visible_to` (`digests/reading.py`). Each table
is one spec (`digests/tables.py`) for the page, its chart and its CSV. Every number links to
the cases behind it through the search (`digests:search`), which only lists cases the viewer
may see; a link to one case is only shown if the viewer may open it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from organisations.audit import audit
from organisations.models import Membership

from . import builds
from .exports import csv_response
from .forms import ORGANISATION, BuildForm, build_form_for
from .models import BuildRequest, Digest
from .patterns import headline
from .reading import DigestReading
from .selectors import get_digest_for
from .tables import EXPORTS, page_tables

RECENT_REQUESTS = 10


def _dashboard(request: HttpRequest, form: BuildForm | None, status: int = 200) -> HttpResponse:
    digests = Digest.objects.visible_to(request.user).latest_per_scope()
    return render(
        request,
        "digests/dashboard.html",
        {
            "digests": [(digest, headline(digest.data)) for digest in digests],
            "build_form": form,
            "build_requests": BuildRequest.objects.visible_to(request.user).select_related(
                "team", "digest"
            )[:RECENT_REQUESTS],
        },
        status=status,
    )


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not Membership.objects.holds(request.user):
        raise PermissionDenied
    return _dashboard(request, build_form_for(request.user))


@require_POST
@login_required
def request_build(request: HttpRequest) -> HttpResponse:
    form = build_form_for(request.user, request.POST)
    if form is None:
        raise PermissionDenied
    if not form.is_valid():
        return _dashboard(request, form, status=422)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    builds.request_build(team_id=form.team_id, start=start, end=end, requested_by=request.user)
    messages.success(request, _("The digest is being built; refresh in a moment."))
    return redirect("digests:dashboard")


@require_POST
@login_required
def retry_build(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask again for a failed build: whoever may ask for that digest may retry it."""
    if build_form_for(request.user) is None:
        raise PermissionDenied
    build_request = get_object_or_404(BuildRequest.objects.visible_to(request.user), pk=pk)
    if builds.retry(build_request):
        messages.success(request, _("The digest is being built again; refresh in a moment."))
    else:
        messages.info(request, _("That digest is no longer waiting for a retry."))
    return redirect("digests:dashboard")


@require_GET
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    digest = get_digest_for(request.user, pk)
    versions = (
        Digest.objects.visible_to(request.user)
        .filter(team_id=digest.team_id, start=digest.start, end=digest.end)
        .exclude(pk=digest.pk)
        .defer("data")
        .order_by("-version")
    )
    scope = str(digest.team_id) if digest.team_id else ORGANISATION
    form = build_form_for(
        request.user, initial={"scope": scope, "start": digest.start, "end": digest.end}
    )
    return render(
        request,
        "digests/detail.html",
        {
            "digest": digest,
            "figures": page_tables(DigestReading(digest, request.user)),
            "versions": list(versions),
            "rebuild_form": form if form is not None and form.offers(scope) else None,
        },
    )


@require_GET
@login_required
def export_csv(request: HttpRequest, pk: int, table: str) -> HttpResponse:
    if table not in EXPORTS:
        raise Http404
    digest = get_digest_for(request.user, pk)
    audit("export.csv", actor=request.user, obj=digest, table=table)
    return csv_response(EXPORTS[table], DigestReading(digest, request.user))

"""The cases behind a figure: the case list, filtered the way the digest counts.

Every number on a digest page links here. The list starts from `Case.objects.visible_to(user)`,
so a figure that counts cases of teams the viewer does not oversee leads to fewer cases here;
that is intended. The filters are `CaseSearchForm`'s (digests/forms.py), each a figure's own
definition from `digests/figures.py`.

Unlike the case lists' search box (cases/views.py), this search stays a GET with its filters in
the URL, so a figure's list can be linked to and bookmarked: none of its filters is free text
(teams, rules, dates, statuses, case numbers as digits), so nothing personal can reach a URL.
A test fails when a text filter is added.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cases.models import Case

from .forms import CaseSearchForm, is_number
from .selectors import digest_or_none

PAGE_SIZE = 25


@require_GET
@login_required
def case_search(request: HttpRequest) -> HttpResponse:
    form = CaseSearchForm(request.GET, user=request.user)
    cases = form.apply(Case.objects.visible_to(request.user).with_list_data())
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    # The filters again, for the links to the other pages.
    query = urlencode(
        [(key, value) for key, values in request.GET.lists() if key != "page" for value in values]
    )
    came_from = request.GET.get("digest", "")
    return render(
        request,
        "digests/case_search.html",
        {
            "filter_form": form,
            "page": page,
            "query": query,
            "title": _("Cases behind a figure"),
            "show_team": True,
            "filters_in_url": True,
            "applied_filters": form.description(),
            "digest": digest_or_none(
                request.user, int(came_from) if is_number(came_from) else None
            ),
        },
    )

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from organisations.models import Organisation, Role, Team

from . import panels, services
from .forms import AdoptRuleForm, CaseFilterForm, CaseForm, CommentForm, WithdrawForm
from .guard import PersonalDataRefused, scan
from .models import Case, CasePermissions
from .precedents import similar_cases
from .selectors import get_case_for

PAGE_SIZE = 25


def _intake_context(
    request: HttpRequest, form: CaseForm, case: Case | None = None, **extra
) -> dict:
    team = case.team if case else None
    return {
        "form": form,
        "case": case,
        "team": team,
        "organisation": Organisation.objects.first(),
        "team_purposes": list(form.fields["team"].queryset.values("pk", "name", "purpose")),
        # A refused submit shows the live panel for the text as submitted, so the precedents
        # found while typing stay on the page.
        "assist": _assist_context(request.POST, request.user) if request.method == "POST" else None,
        **extra,
    }


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    teams = Team.objects.where(request.user, Role.PROFESSIONAL, Role.LEAD).order_by("name")
    if not teams.exists():
        raise PermissionDenied
    form = CaseForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        try:
            case, created = services.create_case(
                author=request.user,
                team=form.cleaned_data["team"],
                data=form.case_data(),
                public_values=form.cleaned_data["public_values"],
                submit="submit" in request.POST,
                intake_token=form.cleaned_data["intake_token"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
            return render(request, "cases/case_form.html", _intake_context(request, form))
        if not created:
            messages.info(request, _("This case was already saved; it was not saved twice."))
        elif case.status == "submitted":
            messages.success(
                request,
                _("Case %(reference)s was submitted to the case consultation.")
                % {"reference": case.reference},
            )
        else:
            messages.success(
                request,
                _("Case %(reference)s was saved as a draft.") % {"reference": case.reference},
            )
        return redirect(case)
    return render(request, "cases/case_form.html", _intake_context(request, form))


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not CasePermissions(case, request.user).can_edit:
        raise PermissionDenied
    teams = Team.objects.filter(pk=case.team_id)
    form = CaseForm(request.POST or None, instance=case, teams=teams)
    # The author of a draft can save and submit it in one go, from the edit page.
    can_submit = CasePermissions(case, request.user).can_submit
    submit = can_submit and "submit" in request.POST
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                case = services.update_case(
                    case=case,
                    actor=request.user,
                    data=form.case_data(),
                    public_values=form.cleaned_data["public_values"],
                    version=form.cleaned_data["version"] or 0,
                    confirmed=form.confirmed,
                )
                if submit:
                    case = services.submit_case(case=case, actor=request.user)
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
        except services.StaleCase:
            form.add_error(
                None,
                _(
                    "Someone else changed this case after you opened it. Your changes were not "
                    "saved, and nothing was overwritten. Your text is still below: copy what you "
                    "need, then reload the page to see the newest version."
                ),
            )
        else:
            if submit:
                messages.success(
                    request,
                    _("Case %(reference)s was saved and submitted to the case consultation.")
                    % {"reference": case.reference},
                )
            else:
                messages.success(request, _("Your changes were saved."))
            return redirect(case)
    context = _intake_context(request, form, case, can_submit=can_submit)
    return render(request, "cases/case_form.html", context)


@require_GET
@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    return render(request, "cases/case_detail.html", _detail_context(request, case))


def _detail_context(request: HttpRequest, case: Case, **extra) -> dict:
    permissions = CasePermissions(case, request.user)
    panel_templates, panel_context = panels.panels_for(case, request.user)
    return {
        "case": case,
        "permissions": permissions,
        "public_values": list(case.public_values.all()),
        "events": case.events.select_related("actor"),
        "comments": case.comments.select_related("author"),
        "comment_form": extra.pop("comment_form", None) or CommentForm(),
        "withdraw_form": extra.pop("withdraw_form", None) or WithdrawForm(),
        "adopt_rule_form": extra.pop("adopt_rule_form", None)
        or AdoptRuleForm(initial={"reference": case.proposed_rule[:120]}),
        "panels": panel_templates,
        **panel_context,
        **extra,
    }


@require_POST
@login_required
def case_submit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not CasePermissions(case, request.user).can_submit:
        raise PermissionDenied
    services.submit_case(case=case, actor=request.user)
    messages.success(
        request,
        _("Case %(reference)s was submitted to the case consultation.")
        % {"reference": case.reference},
    )
    return redirect(case)


@sensitive_post_parameters()
@require_POST
@login_required
def case_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not CasePermissions(case, request.user).can_withdraw:
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            services.withdraw(
                case=case,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
    if not form.is_valid():
        context = _detail_context(request, case, withdraw_form=form)
        return render(request, "cases/case_detail.html", context, status=422)
    messages.success(request, _("The case was withdrawn."))
    return redirect(case)


@require_POST
@login_required
def adopt_rule(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not CasePermissions(case, request.user).can_adopt_rule:
        raise PermissionDenied
    form = AdoptRuleForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, case, adopt_rule_form=form)
        return render(request, "cases/case_detail.html", context, status=422)
    rule = services.adopt_proposed_rule(
        case=case,
        actor=request.user,
        regulation=form.cleaned_data["regulation"],
        reference=form.cleaned_data["reference"],
    )
    messages.success(request, _("The rule %(rule)s was added to the list.") % {"rule": rule})
    return redirect(case)


@sensitive_post_parameters()
@require_POST
@login_required
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for(request.user, pk)
    if not CasePermissions(case, request.user).can_comment:
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                case=case,
                author=request.user,
                text=form.cleaned_data["text"],
                confirmed=form.confirmed,
            )
        except PersonalDataRefused as refusal:
            form.refuse(refusal)
    if form.is_valid():
        if not request.htmx:
            messages.success(request, _("Your input was added."))
            return redirect(f"{case.get_absolute_url()}#comments")
        form = CommentForm()
    context = _detail_context(request, case, comment_form=form)
    if request.htmx:
        return render(request, "cases/case_detail.html#comments", context)
    return render(request, "cases/case_detail.html", context, status=422)


@sensitive_post_parameters()
@require_POST
@login_required
def intake_assist(request: HttpRequest) -> HttpResponse:
    """Live help while typing: privacy warnings and similar earlier cases (htmx only).

    Sent as POST so that no text, and no personal data in it, ever ends up in a URL or log.
    """
    return render(request, "cases/_intake_assist.html", _assist_context(request.POST, request.user))


def _assist_context(data, user) -> dict:
    """Privacy warnings and similar earlier cases for the text typed so far."""
    labels = {name: Case._meta.get_field(name).verbose_name for name in Case.TEXT_FIELDS}
    texts = {name: (labels[name].capitalize(), data.get(name, "")) for name in labels}
    query = {name: data.get(name, "") for name in Case.TEXT_FIELDS}
    rule_id = data.get("rule") or ""
    known = rule_id.isascii() and rule_id.isdigit() and len(rule_id) <= 18  # fits the column
    precedents = similar_cases(query, user, rule=int(rule_id) if known else None)
    return {"warnings": scan(texts), "precedents": precedents}


# Searched text is personal data's likeliest way into a URL (and so into access logs and the
# browser's history): the search form is POSTed, the text kept in the session under a short
# random key, and the browser redirected to a URL with the other filters and that key only.
SEARCHES_SESSION_KEY = "case_searches"
SEARCHES_KEPT = 20


def _remember_search(request: HttpRequest, text: str) -> str:
    searches = dict(request.session.get(SEARCHES_SESSION_KEY, {}))
    key = secrets.token_urlsafe(6)
    searches[key] = text
    request.session[SEARCHES_SESSION_KEY] = dict(list(searches.items())[-SEARCHES_KEPT:])
    return key


def _case_list(request: HttpRequest, cases, template_context: dict) -> HttpResponse:
    if request.method == "POST":
        form = CaseFilterForm(request.POST)
        if form.is_valid():
            params = [
                (name, value)
                for name, value in request.POST.items()
                if name in form.fields and name != "q" and value
            ]
            if form.cleaned_data["q"]:
                params.append(("search", _remember_search(request, form.cleaned_data["q"])))
            return redirect(f"{request.path}?{urlencode(params)}" if params else request.path)
    else:
        # The text is never read from a URL, only from the session, by its key.
        data = request.GET.copy()
        data.pop("q", None)
        searched = request.session.get(SEARCHES_SESSION_KEY, {}).get(data.get("search", ""))
        if searched:
            data["q"] = searched
        form = CaseFilterForm(data or None)
    cases = form.apply(cases.with_list_data())
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("q", None)
    return render(
        request,
        "cases/case_list.html",
        {"filter_form": form, "page": page, "query": query.urlencode(), **template_context},
    )


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("q")
@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    cases = Case.objects.visible_to(request.user).filter(author=request.user)
    return _case_list(request, cases, {"title": _("My cases"), "show_team": True})


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters("q")
@login_required
def team_cases(request: HttpRequest, team_pk: int) -> HttpResponse:
    team = get_object_or_404(Team.objects.visible_to(request.user), pk=team_pk)
    cases = Case.objects.visible_to(request.user).filter(team=team)
    return _case_list(
        request,
        cases,
        {"title": _("Cases of %(team)s") % {"team": team.name}, "team": team, "show_team": False},
    )

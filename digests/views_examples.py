"""Good examples: a lead tells a decided case as a short anonymised story. Its team, the directors
over it and the policy owner of its rule read it (`StoryQuerySet.visible_to`); the case itself
opens only for those who may see it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from cases.guard import PersonalDataRefused
from cases.models import Case

from . import services
from .forms import StoryForm
from .models import Story
from .querysets import PUBLISHABLE_STATUSES

PAGE_SIZE = 20


def _not_publishable_message(case: Case) -> str:
    return _(
        "Case %(reference)s is “%(status)s”. Only a decided or closed case can be published as "
        "a good example."
    ) % {"reference": case.reference, "status": case.get_status_display()}


@require_GET
@login_required
def example_list(request: HttpRequest) -> HttpResponse:
    stories = Story.objects.visible_to(request.user).select_related("case__team")
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    visible_case_ids = set(
        Case.objects.visible_to(request.user)
        .filter(pk__in=[story.case_id for story in page])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        "digests/examples.html",
        {"page": page, "visible_case_ids": visible_case_ids},
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@login_required
def example_publish(request: HttpRequest, case_pk: int) -> HttpResponse:
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("team", "rule__regulation"),
        pk=case_pk,
    )
    if not case.team.is_led_by(request.user):
        raise PermissionDenied
    form = StoryForm(request.POST or None)
    publishable = case.status in PUBLISHABLE_STATUSES
    if request.method == "GET" and not publishable:
        messages.warning(request, _not_publishable_message(case))
        return redirect(case)
    status = 200
    if request.method == "POST":
        valid = form.is_valid()
        if not publishable:
            # The case changed after the form was opened: say so and keep the text.
            form.add_error(None, _not_publishable_message(case))
            status = 409
        elif valid:
            try:
                story = services.publish_story(
                    case=case,
                    author=request.user,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    lesson=form.cleaned_data["lesson"],
                    confirmed=form.confirmed,
                )
            except PersonalDataRefused as refusal:
                form.refuse(refusal)
                status = 422
            else:
                messages.success(
                    request,
                    _("“%(title)s” is published as a good example.") % {"title": story.title},
                )
                return redirect(f"{reverse('digests:examples')}#story-{story.pk}")
        else:
            status = 422
    return render(request, "digests/story_form.html", {"form": form, "case": case}, status=status)

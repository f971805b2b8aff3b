"""The single sign-on pages: the way to the identity provider, the way back, and the page for
a person the provider knows but who has no team here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from mozilla_django_oidc import views as oidc

from .backends import REFUSED
from .config import oidc_setting, sso_enabled


class _Enabled:
    get_settings = staticmethod(oidc_setting)

    def dispatch(self, request, *args, **kwargs):
        if not sso_enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class Start(_Enabled, oidc.OIDCAuthenticationRequestView):
    def __init__(self, *args, **kwargs):
        # mozilla-django-oidc reads the endpoint when the view is built; only build it enabled.
        if sso_enabled():
            super().__init__(*args, **kwargs)


class Callback(_Enabled, oidc.OIDCAuthenticationCallbackView):
    @property
    def failure_url(self) -> str:
        return reverse("sso:refused")


start = login_not_required(Start.as_view())
callback = login_not_required(Callback.as_view())


@login_not_required
@require_GET
def refused(request: HttpRequest) -> HttpResponse:
    """Why single sign-on did not let the person in."""
    reason = request.session.pop(REFUSED, "")
    return render(request, "sso/refused.html", {"no_group": reason == "no_group"}, status=403)

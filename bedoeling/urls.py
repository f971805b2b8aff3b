from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sso.forms import LoginForm

from . import health, views
from .forms import QueuedPasswordResetForm

handler400 = "bedoeling.errors.bad_request"
handler500 = "bedoeling.errors.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("help/", views.help_index, name="help"),
    path("help/<slug:role>/", views.help_role, name="help_role"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("cases/", include("cases.urls")),
    path("meetings/", include("deliberations.urls")),
    path("digests/", include("digests.urls")),
    path("api/v1/", include("api.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("i18n/setlang/", views.choose_language, name="set_language"),
    path("session/extend/", views.extend_session, name="extend_session"),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(form_class=LoginForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("oidc/", include("sso.urls")),
    path("admin/", admin.site.urls),
]

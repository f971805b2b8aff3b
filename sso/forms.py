from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .config import local_login_allowed


class LoginForm(AuthenticationForm):
    """The password login, which says so when passwords are switched off for this person."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "sso_only": _(
            "Passwords of this application are switched off. Log in with your organisation account."
        ),
    }
    sso_only = False

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and not local_login_allowed(username):
            self.sso_only = True
            raise ValidationError(self.error_messages["sso_only"], code="sso_only")
        return super().clean()

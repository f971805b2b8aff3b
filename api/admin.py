from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from organisations import clock
from organisations.audit import audit

from .models import ApiToken


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["application", "organisation", "teams", "expires_at", "revoked_at"]

    def clean(self):
        cleaned = super().clean()
        organisation, teams = cleaned.get("organisation"), cleaned.get("teams")
        if organisation and teams and any(t.organisation_id != organisation.pk for t in teams):
            self.add_error("teams", _("Choose teams of the token's organisation."))
        expires_at = cleaned.get("expires_at")
        if expires_at and not self.instance.pk and expires_at <= clock.now():
            self.add_error("expires_at", _("Choose a moment in the future."))
        return cleaned


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ["application", "key_hint", "organisation", "expires_at", "revoked_at"]
    list_filter = ["organisation"]
    search_fields = ["application", "key_hint"]
    filter_horizontal = ["teams"]
    readonly_fields = ["key_hint", "created_at", "created_by"]

    def save_model(self, request, obj, form, change):
        key = None
        if not change:
            key = obj.new_key()
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        audit("api_token.created" if key else "api_token.changed", actor=request.user, obj=obj)
        if key:
            messages.warning(
                request,
                _(
                    "The token for %(application)s is %(key)s — copy it now: it is stored only "
                    "as a hash and shown this once."
                )
                % {"application": obj.application, "key": key},
            )

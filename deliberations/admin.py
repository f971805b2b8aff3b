from django.contrib import admin

from .models import LegalGround


@admin.register(LegalGround)
class LegalGroundAdmin(admin.ModelAdmin):
    """The short list of legal grounds for departing from the rule. A ground decisions name is
    protected: it is renamed, not deleted."""

    list_display = ["name", "requires_text", "position"]
    list_editable = ["position"]
    search_fields = ["name"]

from django.contrib import admin

from .models import (
    AnonymisationRun,
    Barrier,
    Case,
    CaseEvent,
    Comment,
    PublicValue,
    Regulation,
    RetentionPolicy,
    Rule,
)


class RuleInline(admin.TabularInline):
    model = Rule
    extra = 1


@admin.register(Regulation)
class RegulationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name"]
    search_fields = ["short_name", "name"]
    inlines = [RuleInline]


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "regulation", "is_active", "policy_owner", "policy_department"]
    list_filter = ["regulation", "is_active"]
    search_fields = ["reference", "regulation__short_name"]
    autocomplete_fields = ["policy_owner"]


@admin.register(PublicValue)
class PublicValueAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Barrier)
class BarrierAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "corner"]
    list_filter = ["kind", "corner"]
    search_fields = ["name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Cases and their history are accountability records: readable here, changed only
    through the application, never deleted."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "team", "status", "created_at"]
    list_filter = ["status", "team"]
    search_fields = ["title"]


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "actor", "created_at"]
    list_filter = ["kind"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["case", "author", "created_at"]


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "years", "basis"]


@admin.register(AnonymisationRun)
class AnonymisationRunAdmin(admin.ModelAdmin):
    """The log of the retention job: read only."""

    list_display = ["started_at", "finished_at", "dry_run", "source"]
    list_filter = ["dry_run", "source"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

"""Django admin for superusers: read-only. Writes go through the services and the product's UI."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import BusinessEvent, ChangeRecord, RoleAssignment, Rule, RuleSet


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "object_type", "object_repr", "request_id")
    list_filter = ("action", "object_type")


@admin.register(BusinessEvent)
class BusinessEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "kind", "summary", "actor_name")
    list_filter = ("kind",)


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ReadOnlyAdmin):
    list_display = ("user", "role", "unit")


class RuleInline(admin.TabularInline):
    model = Rule
    extra = 0
    can_delete = False

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(RuleSet)
class RuleSetAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "effective_from", "source")
    inlines = [RuleInline]

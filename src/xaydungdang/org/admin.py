from django.contrib import admin

from xaydungdang.core.admin import ReadOnlyAdmin

from .models import Unit, UnitEvent


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "valid_from", "valid_to", "path")
    search_fields = ("search_text",)
    list_filter = ("kind",)


@admin.register(UnitEvent)
class UnitEventAdmin(ReadOnlyAdmin):
    list_display = ("kind", "effective_date", "decision_ref")

from django.contrib import admin

from xaydungdang.core.admin import ReadOnlyAdmin

from .models import Person, Tenure, Title


@admin.register(Person)
class PersonAdmin(ReadOnlyAdmin):
    list_display = ("full_name", "birth_year", "gender", "managing_unit")
    search_fields = ("folded_name",)


@admin.register(Title)
class TitleAdmin(ReadOnlyAdmin):
    list_display = ("name", "rank", "label_template")


@admin.register(Tenure)
class TenureAdmin(ReadOnlyAdmin):
    list_display = ("person", "title", "unit", "start", "end")

"""Annual grading (đánh giá, xếp loại chất lượng hằng năm): one result per person per year,
under the rule set in force for that year: four levels, or since 366-QĐ/TW a score out of 100
whose band gives the level. The result keeps its rule set."""

from __future__ import annotations

from django.db import models

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.models import RuleSet, TimeStampedModel
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person


class Level(models.TextChoices):
    EXCELLENT = "excellent", "Hoàn thành xuất sắc nhiệm vụ"
    GOOD = "good", "Hoàn thành tốt nhiệm vụ"
    COMPLETED = "completed", "Hoàn thành nhiệm vụ"
    NOT_COMPLETED = "not_completed", "Không hoàn thành nhiệm vụ"


class Grading(ScopedModel, TimeStampedModel):
    person = models.ForeignKey(
        Person, verbose_name="Cán bộ", on_delete=models.PROTECT, related_name="gradings"
    )
    year = models.PositiveSmallIntegerField("Năm đánh giá")
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị đánh giá", on_delete=models.PROTECT, related_name="gradings"
    )
    level = models.CharField("Mức xếp loại", max_length=20, choices=Level.choices)
    score = models.PositiveSmallIntegerField("Điểm", null=True, blank=True)
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Kết quả xếp loại chất lượng"
        verbose_name_plural = "Kết quả xếp loại chất lượng"
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="grading_one_per_person_year")
        ]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return f"{self.person} – năm {self.year}: {self.get_level_display()}"

    scope_paths = ("unit__path", "person__managing_unit__path")

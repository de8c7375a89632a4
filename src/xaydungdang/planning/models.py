"""Planning pools (quy hoạch cán bộ): who is planned for a title in a unit for a term, with
the approval decision, additions and removals. A pool and each entry keep the rule set in
force on their date (50-QĐ/TW before 08/10/2025, 377-QĐ/TW after)."""

from __future__ import annotations

from django.db import models

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.models import RuleSet, TimeStampedModel
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Title


class PlanningPool(ScopedModel, TimeStampedModel):
    title = models.ForeignKey(Title, verbose_name="Chức danh", on_delete=models.PROTECT)
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="planning_pools"
    )
    term_start = models.PositiveSmallIntegerField("Nhiệm kỳ từ năm", db_index=True)
    term_end = models.PositiveSmallIntegerField("Nhiệm kỳ đến năm")
    decision_number = models.CharField("Số quyết định phê duyệt", max_length=60, blank=True)
    decided_on = models.DateField("Ngày phê duyệt")
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Quy hoạch chức danh"
        verbose_name_plural = "Quy hoạch chức danh"
        ordering = ["-term_start", "unit__sort_key", "title__rank", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["title", "unit", "term_start"], name="planning_pool_unique_per_term"
            ),
            models.CheckConstraint(
                condition=models.Q(term_end__gt=models.F("term_start")),
                name="planning_pool_term_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.unit.name} ({self.term})"

    @property
    def term(self) -> str:
        return f"{self.term_start}–{self.term_end}"

    scope_paths = ("unit__path",)


class PoolEntry(ScopedModel, TimeStampedModel):
    pool = models.ForeignKey(PlanningPool, on_delete=models.CASCADE, related_name="entries")
    person = models.ForeignKey(
        Person, verbose_name="Cán bộ", on_delete=models.PROTECT, related_name="pool_entries"
    )
    added_on = models.DateField("Ngày đưa vào quy hoạch")
    added_decision = models.CharField("Quyết định bổ sung", max_length=120, blank=True)
    ethnic_minority = models.BooleanField("Người dân tộc thiểu số", default=False)
    removed_on = models.DateField("Ngày đưa ra khỏi quy hoạch", null=True, blank=True)
    removed_reason = models.CharField("Lý do đưa ra", max_length=300, blank=True)
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "Cán bộ trong quy hoạch"
        verbose_name_plural = "Cán bộ trong quy hoạch"
        ordering = ["person__sort_key", "id"]
        indexes = [models.Index(fields=["person", "removed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["pool", "person"],
                condition=models.Q(removed_on__isnull=True),
                name="planning_entry_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.pool}"

    @property
    def active(self) -> bool:
        return self.removed_on is None

    scope_paths = ("pool__unit__path",)

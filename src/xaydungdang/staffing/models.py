"""Biên chế và vị trí việc làm: the job-position catalogue of each unit, effective-dated like the
tree (created and abolished by dated decisions), and the quota a unit is given per year and kind.
A quota keeps the rule set (reduction target) in force on its decision date."""

from __future__ import annotations

from django.db import models

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.models import DatedModel, RuleSet, TimeStampedModel
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Title


class PositionKind(models.TextChoices):
    LEADERSHIP = "leadership", "Lãnh đạo, quản lý"
    PROFESSIONAL = "professional", "Chuyên môn, nghiệp vụ"
    SUPPORT = "support", "Hỗ trợ, phục vụ"


class QuotaKind(models.TextChoices):
    PARTY = "party", "Cơ quan Đảng"
    STATE = "state", "Hành chính nhà nước"
    PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp công lập"
    FRONT = "front", "Mặt trận Tổ quốc và các đoàn thể"


class JobPosition(ScopedModel, DatedModel, TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="job_positions"
    )
    name = models.CharField("Tên vị trí việc làm", max_length=255)
    kind = models.CharField("Nhóm vị trí", max_length=20, choices=PositionKind.choices)
    grade_from = models.CharField("Ngạch thấp nhất", max_length=120, blank=True)
    grade_to = models.CharField("Ngạch cao nhất", max_length=120, blank=True)
    title = models.ForeignKey(
        Title,
        verbose_name="Chức danh tương ứng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="job_positions",
    )
    decision_number = models.CharField("Số quyết định", max_length=60)
    decision_date = models.DateField("Ngày quyết định")
    end_decision_number = models.CharField("Số quyết định bãi bỏ", max_length=60, blank=True)
    end_decision_date = models.DateField("Ngày quyết định bãi bỏ", null=True, blank=True)

    class Meta(DatedModel.Meta):
        verbose_name = "Vị trí việc làm"
        verbose_name_plural = "Vị trí việc làm"
        ordering = ["unit", "kind", "name", "id"]
        constraints = [*DatedModel.Meta.constraints]
        indexes = [models.Index(fields=["unit", "valid_from"]), models.Index(fields=["title"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.unit}"

    scope_paths = ("unit__path",)


class Quota(ScopedModel, TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="staffing_quotas"
    )
    year = models.PositiveSmallIntegerField("Năm")
    kind = models.CharField("Loại biên chế", max_length=20, choices=QuotaKind.choices)
    number = models.PositiveIntegerField("Số biên chế")
    decision_number = models.CharField("Số quyết định giao", max_length=60)
    decision_date = models.DateField("Ngày quyết định giao")
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "Biên chế được giao"
        verbose_name_plural = "Biên chế được giao"
        ordering = ["unit", "-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind"], name="staffing_quota_one_per_unit_year_kind"
            )
        ]
        indexes = [models.Index(fields=["year", "kind"])]

    def __str__(self) -> str:
        return f"{self.unit} – {self.get_kind_display()} năm {self.year}: {self.number}"

    scope_paths = ("unit__path",)

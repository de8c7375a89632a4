"""Appointment cases (hồ sơ bổ nhiệm): a person proposed for a title in a unit, run through
the steps that the rule set in force on the opening day defines for the kind of case (nguồn
tại chỗ, nguồn từ nơi khác). Each step keeps its date, the members summoned, present and
voting for, and the minutes. A completed case points to the decision it issued."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xaydungdang.cadres.models import PersonnelDecision
from xaydungdang.core.access import ScopedModel
from xaydungdang.core.models import RuleSet, TimeStampedModel
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Title


class CaseStatus(models.TextChoices):
    OPEN = "open", "Đang thực hiện"
    COMPLETED = "completed", "Đã hoàn thành"
    CANCELLED = "cancelled", "Đã dừng"


class AppointmentCase(ScopedModel, TimeStampedModel):
    person = models.ForeignKey(
        Person, verbose_name="Nhân sự", on_delete=models.PROTECT, related_name="appointment_cases"
    )
    title = models.ForeignKey(Title, verbose_name="Chức danh dự kiến", on_delete=models.PROTECT)
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="appointment_cases"
    )
    kind = models.CharField("Loại hồ sơ", max_length=30)
    kind_label = models.CharField("Tên loại hồ sơ", max_length=200)
    opened_on = models.DateField("Ngày mở hồ sơ")
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )
    status = models.CharField(
        "Trạng thái", max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    decision = models.ForeignKey(
        PersonnelDecision,
        verbose_name="Quyết định",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointment_cases",
    )
    closed_on = models.DateField("Ngày kết thúc", null=True, blank=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Hồ sơ bổ nhiệm"
        verbose_name_plural = "Hồ sơ bổ nhiệm"
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["person", "opened_on"]),
            models.Index(fields=["status", "opened_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title.label(self.unit.name)}"

    scope_paths = ("unit__path", "person__managing_unit__path")


class CaseStep(ScopedModel, TimeStampedModel):
    case = models.ForeignKey(AppointmentCase, on_delete=models.CASCADE, related_name="steps")
    seq = models.PositiveSmallIntegerField("Thứ tự")
    code = models.CharField("Mã bước", max_length=40)
    label = models.CharField("Bước", max_length=300)
    held_on = models.DateField("Ngày họp")
    members_total = models.PositiveIntegerField("Số được triệu tập")
    present = models.PositiveIntegerField("Số có mặt")
    votes_for = models.PositiveIntegerField("Số phiếu đồng ý", null=True, blank=True)
    minutes = models.TextField("Biên bản, ghi chú", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người ghi nhận",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by_name = models.CharField("Người ghi nhận (tên)", max_length=150, blank=True)

    class Meta:
        verbose_name = "Bước của hồ sơ bổ nhiệm"
        ordering = ["case", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["case", "seq"], name="appointments_step_seq_unique"),
            models.CheckConstraint(
                condition=models.Q(present__lte=models.F("members_total")),
                name="appointments_step_present_le_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} – {self.label}"

    scope_paths = ("case__unit__path", "case__person__managing_unit__path")

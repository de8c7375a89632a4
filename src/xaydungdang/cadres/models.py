"""Personnel decisions (quyết định nhân sự): a numbered, dated, signed decision of a body
about one person and one post. A decision starts or ends tenures through the people services,
and ``DecisionEffect`` keeps which tenure each decision started or ended, so a career shows
the decision behind every change. A decision keeps the rule set in force on its date."""

from __future__ import annotations

from django.db import models

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.models import RuleSet, TimeStampedModel
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Tenure, Title


class DecisionKind(models.TextChoices):
    APPOINTMENT = "appointment", "Bổ nhiệm"
    REAPPOINTMENT = "reappointment", "Bổ nhiệm lại"
    ELECTION = "election", "Chuẩn y kết quả bầu cử"
    NOMINATION = "nomination", "Giới thiệu ứng cử"
    DESIGNATION = "designation", "Chỉ định"
    TRANSFER_ASSIGNMENT = "transfer_assignment", "Điều động"
    ROTATION = "rotation", "Luân chuyển"
    DISMISSAL = "dismissal", "Miễn nhiệm"
    RELIEF = "relief", "Cho thôi giữ chức vụ"
    RETIREMENT = "retirement", "Nghỉ hưu"


# Kinds that put the person in the post named by the decision (the others only end posts;
# a nomination proposes a candidate and changes no tenure by itself).
STARTS_POST = {
    DecisionKind.APPOINTMENT,
    DecisionKind.REAPPOINTMENT,
    DecisionKind.ELECTION,
    DecisionKind.DESIGNATION,
    DecisionKind.TRANSFER_ASSIGNMENT,
    DecisionKind.ROTATION,
}
ENDS_POST = {DecisionKind.DISMISSAL, DecisionKind.RELIEF, DecisionKind.RETIREMENT}


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", "Đề xuất (chưa xác nhận)"
    ISSUED = "issued", "Đã ban hành"


class PersonnelDecision(ScopedModel, TimeStampedModel):
    kind = models.CharField("Loại quyết định", max_length=30, choices=DecisionKind.choices)
    status = models.CharField(
        "Trạng thái", max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.ISSUED
    )
    number = models.CharField("Số, ký hiệu", max_length=60, blank=True)
    signed_on = models.DateField("Ngày ký")
    effective_on = models.DateField("Ngày có hiệu lực")
    issuer = models.ForeignKey(
        Unit,
        verbose_name="Cơ quan ban hành",
        on_delete=models.PROTECT,
        related_name="personnel_decisions_issued",
    )
    signer = models.ForeignKey(
        Person,
        verbose_name="Người ký",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personnel_decisions_signed",
    )
    signer_name = models.CharField("Người ký (họ tên)", max_length=200, blank=True)
    signer_title = models.CharField("Chức vụ người ký", max_length=200, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name="Cán bộ",
        on_delete=models.PROTECT,
        related_name="personnel_decisions",
    )
    title = models.ForeignKey(
        Title, verbose_name="Chức danh", on_delete=models.PROTECT, null=True, blank=True
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="Đơn vị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="personnel_decisions",
    )
    term_until = models.DateField("Thời hạn đến", null=True, blank=True)
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT
    )
    source = models.CharField("Nguồn", max_length=300, blank=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Quyết định nhân sự"
        verbose_name_plural = "Quyết định nhân sự"
        ordering = ["-signed_on", "-id"]
        indexes = [models.Index(fields=["person", "signed_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number", "person"],
                condition=~models.Q(number=""),
                name="cadres_decision_number_once_per_person",
            )
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{self.number} – {label}" if self.number else label

    scope_paths = ("issuer__path", "unit__path", "person__managing_unit__path")


class Effect(models.TextChoices):
    START = "start", "Bắt đầu giữ chức danh"
    END = "end", "Thôi giữ chức danh"


class DecisionEffect(ScopedModel, TimeStampedModel):
    decision = models.ForeignKey(
        PersonnelDecision, on_delete=models.CASCADE, related_name="effects"
    )
    tenure = models.ForeignKey(Tenure, on_delete=models.PROTECT, related_name="decision_effects")
    effect = models.CharField("Tác động", max_length=10, choices=Effect.choices)

    class Meta:
        verbose_name = "Tác động của quyết định"
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "tenure", "effect"], name="cadres_effect_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision} → {self.tenure_id} ({self.effect})"

    scope_paths = ("decision__issuer__path", "tenure__unit__path")


class RotationStatus(models.TextChoices):
    ACTIVE = "active", "Đang luân chuyển"
    ENDED = "ended", "Đã kết thúc"


class Rotation(ScopedModel, TimeStampedModel):
    """A cadre sent from one unit and post to another for a period (luân chuyển), with its
    purpose and the post planned on return. Its decision starts the post at the receiving
    unit; ending the rotation ends that post."""

    person = models.ForeignKey(
        Person, verbose_name="Cán bộ", on_delete=models.PROTECT, related_name="rotations"
    )
    from_unit = models.ForeignKey(
        Unit, verbose_name="Từ đơn vị", on_delete=models.PROTECT, related_name="rotations_out"
    )
    from_title = models.ForeignKey(
        Title, verbose_name="Chức danh trước luân chuyển", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    to_unit = models.ForeignKey(
        Unit, verbose_name="Đến đơn vị", on_delete=models.PROTECT, related_name="rotations_in"
    )
    to_title = models.ForeignKey(
        Title, verbose_name="Chức danh được giao", on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateField("Từ ngày")
    planned_end = models.DateField("Thời hạn đến", db_index=True)
    purpose = models.TextField("Mục đích")
    return_unit = models.ForeignKey(
        Unit, verbose_name="Dự kiến bố trí khi về", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    return_title = models.ForeignKey(
        Title, verbose_name="Chức danh dự kiến khi về", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    status = models.CharField(
        "Trạng thái", max_length=10, choices=RotationStatus.choices,
        default=RotationStatus.ACTIVE, db_index=True,
    )  # fmt: skip
    ended_on = models.DateField("Ngày kết thúc", null=True, blank=True)
    decision = models.ForeignKey(
        PersonnelDecision, verbose_name="Quyết định luân chuyển", on_delete=models.PROTECT,
        related_name="rotations",
    )  # fmt: skip
    rule_set = models.ForeignKey(
        RuleSet, verbose_name="Bộ quy tắc áp dụng", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "Luân chuyển cán bộ"
        verbose_name_plural = "Luân chuyển cán bộ"
        ordering = ["planned_end", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lt=models.F("planned_end")),
                name="cadres_rotation_start_before_end",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.to_unit}"

    scope_paths = ("from_unit__path", "to_unit__path", "person__managing_unit__path")

"""Base models, the audit trail, role assignments and the dated rule registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from .access import ScopedModel
from .fields import PathField


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class DatedModel(models.Model):
    """Something that holds over a half-open period [valid_from, valid_to).

    ``valid_from`` may be unknown (before the records); ``valid_to`` is empty while it still holds,
    otherwise it is the first day on which it no longer holds.
    """

    valid_from = models.DateField("Hiệu lực từ", null=True, blank=True, db_index=True)
    valid_to = models.DateField("Hiệu lực đến", null=True, blank=True, db_index=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lt=models.F("valid_to")),
                name="%(app_label)s_%(class)s_valid_range",
            )
        ]

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


def valid_on_q(day: dt.date, prefix: str = "") -> models.Q:
    """Rows of a DatedModel (or of the relation ``prefix``) that hold on ``day``."""
    f, t = f"{prefix}valid_from", f"{prefix}valid_to"
    return (models.Q(**{f"{f}__isnull": True}) | models.Q(**{f"{f}__lte": day})) & (
        models.Q(**{f"{t}__isnull": True}) | models.Q(**{f"{t}__gt": day})
    )


class ChangeRecord(ScopedModel):
    """One write: who, when, under which request, to what, with the object before and after.

    Rows never cascade away: the actor is kept by name as well, and the object by type, id and
    its last representation.
    """

    ACTIONS = [("create", "Tạo mới"), ("update", "Cập nhật"), ("delete", "Xóa")]

    at = models.DateTimeField("Thời điểm", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField("Tên người thực hiện", max_length=150)
    request_id = models.CharField("Mã yêu cầu", max_length=64, db_index=True)
    object_type = models.CharField("Loại đối tượng", max_length=64)
    object_id = models.CharField("Mã đối tượng", max_length=64)
    object_repr = models.CharField("Đối tượng", max_length=300)
    action = models.CharField("Thao tác", max_length=10, choices=ACTIONS)
    before = models.JSONField("Trước", null=True, blank=True)
    after = models.JSONField("Sau", null=True, blank=True)
    scope_path = PathField("Phạm vi", max_length=255, blank=True, db_index=True)

    scope_paths = ("scope_path",)

    class Meta:
        verbose_name = "Bản ghi thay đổi"
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    def changed_fields(self) -> list[tuple[str, Any, Any]]:
        before, after = self.before or {}, self.after or {}
        keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
        return [(k, before.get(k), after.get(k)) for k in keys]


class BusinessEvent(ScopedModel):
    """A typed business event for timelines ("tenure started", "units merged", …)."""

    at = models.DateTimeField("Thời điểm", default=timezone.now, db_index=True)
    kind = models.CharField("Loại sự kiện", max_length=64, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(max_length=150)
    request_id = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    summary = models.CharField("Tóm tắt", max_length=500)
    payload = models.JSONField(default=dict)
    scope_path = PathField(max_length=255, blank=True, db_index=True)

    scope_paths = ("scope_path",)

    class Meta:
        verbose_name = "Sự kiện nghiệp vụ"
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return self.summary


class RoleAssignment(TimeStampedModel):
    """A role granted to a user on an org unit; it covers the unit's subtree.

    No unit means the whole political system (e.g. Ban Tổ chức Trung ương's staff).
    """

    ROLES = [("viewer", "Xem"), ("editor", "Cập nhật"), ("manager", "Quản lý")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField("Vai trò", max_length=20, choices=ROLES)
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name="Đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = "Phân quyền"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="core_role_unique")
        ]

    def __str__(self) -> str:
        where = self.unit.name if self.unit else "toàn hệ thống"
        return f"{self.user} – {self.get_role_display()} – {where}"


class RuleSet(TimeStampedModel):
    """A dated set of rules (thresholds, deadlines, rates) from one regulation."""

    code = models.CharField("Mã", max_length=60, unique=True)
    name = models.CharField("Tên", max_length=300)
    source = models.CharField("Văn bản căn cứ", max_length=300)
    effective_from = models.DateField("Áp dụng từ", db_index=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Bộ quy tắc"
        ordering = ["-effective_from", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.source})"


class Rule(models.Model):
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="rules")
    key = models.CharField("Khóa", max_length=100, db_index=True)
    value = models.JSONField("Giá trị")
    description = models.CharField("Mô tả", max_length=300, blank=True)

    class Meta:
        verbose_name = "Quy tắc"
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "key"], name="core_rule_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


class Job(TimeStampedModel):
    """A long piece of work (a report to draft, a large import) with a status row to show."""

    STATUSES = [
        ("queued", "Đang chờ"),
        ("running", "Đang chạy"),
        ("done", "Hoàn thành"),
        ("failed", "Lỗi"),
    ]

    kind = models.CharField("Loại công việc", max_length=60)
    label = models.CharField("Tên công việc", max_length=300)
    status = models.CharField("Trạng thái", max_length=10, choices=STATUSES, default="queued")
    progress = models.PositiveSmallIntegerField("Tiến độ (%)", default=0)
    message = models.CharField("Thông báo", max_length=500, blank=True)
    result = models.FileField("Kết quả", upload_to="jobs/%Y/", blank=True)
    result_url = models.CharField(max_length=300, blank=True)
    # The last sign of life of the work (progress reports and a periodic touch): a job without
    # one for ``XDD_JOB_STALE_SECONDS`` lost its process and is marked failed (``jobs.sweep``).
    heartbeat_at = models.DateTimeField("Tín hiệu hoạt động gần nhất", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Công việc nền"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")

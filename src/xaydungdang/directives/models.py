"""Party and State documents, their implementation lineage, tasks and progress updates.

A document is identified by symbol + issuer + date: the same symbol recurs across terms and
issuers (there are three 01-HD/TW). An implementing document (action program, plan) points to
the directive it implements; tasks belong to implementing documents and are led by units.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from xaydungdang.core.access import ScopedModel, path_q
from xaydungdang.core.fields import PathField
from xaydungdang.core.models import TimeStampedModel
from xaydungdang.org.models import Unit, central_body_q

from .choices import DocType, TaskStatus


def _ancestor_paths(prefixes: tuple[str, ...], step: int = 6) -> list[str]:
    return sorted({p[:i] for p in prefixes for i in range(step, len(p) + 1, step)})


class Document(ScopedModel, TimeStampedModel):
    doc_type = models.CharField("Thể loại", max_length=30, choices=DocType.choices, db_index=True)
    number = models.CharField("Số", max_length=20, blank=True)
    symbol = models.CharField("Số và ký hiệu", max_length=60, blank=True, db_index=True)
    issuer = models.ForeignKey(
        Unit, verbose_name="Cơ quan ban hành", on_delete=models.PROTECT, related_name="documents"
    )
    issuer_symbol = models.CharField("Ký hiệu cơ quan ban hành", max_length=20, blank=True)
    issued_on = models.DateField("Ngày ban hành", null=True, blank=True, db_index=True)
    term = models.CharField("Khóa", max_length=10, blank=True, db_index=True)
    title = models.CharField("Trích yếu", max_length=500)
    summary = models.TextField("Tóm tắt", blank=True)
    attachment = models.FileField("Tệp đính kèm", upload_to="documents/%Y/", blank=True)
    implements = models.ForeignKey(
        "self",
        verbose_name="Thực hiện văn bản",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implementations",
    )
    classified = models.BooleanField(
        "Văn bản mật",
        default=False,
        help_text="Văn bản mật chỉ đơn vị ban hành và đơn vị thực hiện xem được.",
    )
    folded = models.CharField(max_length=800, blank=True)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["symbol", "issuer", "issued_on"],
                condition=~Q(symbol=""),
                name="directives_doc_identity",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        """How people cite it: "Nghị quyết 18-NQ/TW" or "Nghị quyết 23 khóa IX"."""
        ident = self.symbol or self.number
        if not ident:
            return self.title[:120]
        text = f"{self.get_doc_type_display()} {ident}"
        if not self.symbol and self.term:
            text += f" khóa {self.term}"
        return text

    scope_paths = ("issuer__path",)

    @classmethod
    def scope_extra_q(cls, prefixes: tuple[str, ...]) -> Q:
        """Besides its issuer's subtree, a document is seen by the bodies below its issuer, by
        every unit that implements it or leads one of its tasks."""
        implemented = Document.objects.filter(implements=OuterRef("pk")).filter(
            path_q("issuer__path", prefixes)
        )
        led = Task.objects.filter(document=OuterRef("pk")).filter(path_q("lead_path", prefixes))
        return (
            Q(issuer__path__in=_ancestor_paths(prefixes)) | Q(Exists(implemented)) | Q(Exists(led))
        )

    @classmethod
    def scope_public_q(cls) -> Q:
        """The central bodies' unclassified documents are the Party's public record."""
        return central_body_q("issuer__") & Q(classified=False)


class Task(ScopedModel, TimeStampedModel):
    document = models.ForeignKey(
        Document, verbose_name="Văn bản", on_delete=models.PROTECT, related_name="tasks"
    )
    ordinal = models.PositiveIntegerField("STT", default=1)
    content = models.TextField("Nội dung nhiệm vụ")
    lead_unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị chủ trì", on_delete=models.PROTECT, related_name="lead_tasks"
    )
    lead_path = PathField(max_length=255, db_index=True)
    coordinating_units = models.ManyToManyField(
        Unit, verbose_name="Đơn vị phối hợp", blank=True, related_name="coordinated_tasks"
    )
    deadline = models.DateField("Thời hạn", null=True, blank=True, db_index=True)
    expected_output = models.CharField("Sản phẩm", max_length=500, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField("Tiến độ (%)", null=True, blank=True)
    weight = models.PositiveIntegerField("Trọng số", default=1)
    completed_on = models.DateField("Ngày hoàn thành", null=True, blank=True)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Nhiệm vụ"
        verbose_name_plural = "Nhiệm vụ"
        ordering = ["document_id", "ordinal", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="directives_task_progress_0_100",
            ),
            models.CheckConstraint(condition=Q(weight__gte=1), name="directives_task_weight_pos"),
        ]
        # Covers the dashboard's scan of a subtree: grouped by lead_path in index order.
        indexes = [
            models.Index(
                fields=["lead_path", "status", "deadline", "progress", "weight", "lead_unit"],
                name="directives_task_dashboard",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ordinal}. {self.content[:80]}"

    # Tasks led inside the subtree, and tasks of documents the subtree issued.
    scope_paths = ("lead_path", "document__issuer__path")

    @property
    def effective_progress(self) -> int | None:
        return 100 if self.status == TaskStatus.DONE else self.progress


class ProgressUpdate(ScopedModel, TimeStampedModel):
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="updates")
    reported_on = models.DateField("Ngày báo cáo")
    text = models.TextField("Nội dung")
    percent = models.PositiveSmallIntegerField("Tiến độ (%)")
    attachment = models.FileField("Tệp đính kèm", upload_to="progress/%Y/", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Báo cáo tiến độ"
        ordering = ["-reported_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="directives_update_percent_0_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reported_on}: {self.percent}%"

    scope_paths = ("task__lead_path", "task__document__issuer__path")

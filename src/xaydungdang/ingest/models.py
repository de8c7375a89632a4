"""Articles read into proposed records, the proposals a reviewer decides on, and the sources
(article, sentence, span) that accepted facts keep."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.fields import PathField
from xaydungdang.core.models import TimeStampedModel
from xaydungdang.org.models import Unit


class ArticleStatus(models.TextChoices):
    PENDING = "pending", "Chờ xem xét"
    REVIEWED = "reviewed", "Đã xem xét"
    AUTO = "auto_accepted", "Tự động chấp nhận"


class ProposalKind(models.TextChoices):
    PERSON = "person", "Cá nhân"
    TENURE = "tenure", "Chức danh"
    UNIT = "unit", "Đơn vị"
    DOCUMENT = "document", "Văn bản"
    EVENT = "event", "Sự kiện"


class Decision(models.TextChoices):
    PENDING = "pending", "Chờ quyết định"
    ACCEPTED = "accepted", "Đã chấp nhận"
    AUTO = "auto_accepted", "Tự động chấp nhận"
    REJECTED = "rejected", "Bỏ qua"


class Article(ScopedModel, TimeStampedModel):
    title = models.CharField("Tiêu đề", max_length=500)
    text = models.TextField("Nội dung đã chuẩn hóa")
    file_name = models.CharField("Tệp gốc", max_length=255, blank=True)
    day = models.DateField("Ngày của bài", null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị tiếp nhận", on_delete=models.PROTECT, related_name="articles"
    )
    status = models.CharField(
        "Trạng thái", max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.PENDING
    )
    extraction = models.JSONField("Kết quả đọc", default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Bài viết, báo cáo"
        verbose_name_plural = "Bài viết, báo cáo"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    scope_paths = ("unit__path",)


class Proposal(ScopedModel, models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    seq = models.PositiveIntegerField("Số thứ tự")
    kind = models.CharField("Loại", max_length=20, choices=ProposalKind.choices)
    label = models.CharField("Nội dung", max_length=500)
    match = models.CharField("Đối chiếu", max_length=300, blank=True)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    payload = models.JSONField(default=dict)
    decision = models.CharField(
        "Quyết định", max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Đề xuất"
        verbose_name_plural = "Đề xuất"
        ordering = ["article", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["article", "seq"], name="ingest_proposal_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.label}"

    scope_paths = ("article__unit__path",)


class Source(ScopedModel, models.Model):
    """An accepted fact's origin: the record it supports, and the sentence that says it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    target_type = models.CharField(max_length=40)
    target_id = models.PositiveBigIntegerField()
    sentence = models.TextField("Câu nguồn")
    quote = models.CharField("Đoạn được trích", max_length=500, blank=True)
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    scope_path = PathField(max_length=255, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Nguồn"
        verbose_name_plural = "Nguồn"
        ordering = ["article__day", "span_start"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.article}: {self.sentence[:80]}"

    @property
    def parts(self) -> tuple[str, str, str]:
        """The sentence split around the quoted fact, for highlighting it."""
        at = self.sentence.find(self.quote) if self.quote else -1
        if at < 0:
            return self.sentence, "", ""
        end = at + len(self.quote)
        return self.sentence[:at], self.quote, self.sentence[end:]

    # Seen by whoever sees the article, and by whoever sees the record's unit.
    scope_paths = ("article__unit__path", "scope_path")

"""Coordination programs between two bodies, their annual plans and items, events, reviews.

A program is signed by two parties for a term; each year has a plan of numbered items whose
statuses are the only source of figures such as "7/10 nội dung". Events (working sessions,
conferences, signings, …) record who chaired and took part, with the titles they held that day.
A review (sơ kết, tổng kết) of a program or a directive stores the figures computed when it was
drafted; once finalised it is immutable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q

from xaydungdang.core.access import ScopedModel, path_q
from xaydungdang.core.models import TimeStampedModel
from xaydungdang.directives.models import Document, Task
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

from .choices import EventKind, ItemStatus, ParticipantRole, ReviewKind, ReviewStatus


class Program(ScopedModel, TimeStampedModel):
    title = models.CharField("Tên chương trình", max_length=400)
    party_a = models.ForeignKey(
        Unit, verbose_name="Bên thứ nhất", on_delete=models.PROTECT, related_name="programs_as_a"
    )
    party_b = models.ForeignKey(
        Unit, verbose_name="Bên thứ hai", on_delete=models.PROTECT, related_name="programs_as_b"
    )
    start_year = models.PositiveSmallIntegerField("Từ năm")
    end_year = models.PositiveSmallIntegerField("Đến năm")
    signed_on = models.DateField("Ngày ký", null=True, blank=True)
    document = models.ForeignKey(
        Document,
        verbose_name="Văn bản chương trình",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField("Ghi chú", blank=True)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Chương trình phối hợp"
        ordering = ["-start_year", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__lte=models.F("end_year")), name="programs_term_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"

    scope_paths = ("party_a__path", "party_b__path")


class ProgramYear(ScopedModel, TimeStampedModel):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="years")
    year = models.PositiveSmallIntegerField("Năm")
    plan_document = models.ForeignKey(
        Document,
        verbose_name="Kế hoạch phối hợp năm",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField("Ghi chú", blank=True)

    scope_paths = ("program__party_a__path", "program__party_b__path")

    class Meta:
        verbose_name = "Kế hoạch phối hợp năm"
        ordering = ["program_id", "year"]
        constraints = [
            models.UniqueConstraint(fields=["program", "year"], name="programs_one_plan_a_year")
        ]

    def __str__(self) -> str:
        return f"Kế hoạch phối hợp năm {self.year}"


class Event(ScopedModel, TimeStampedModel):
    kind = models.CharField("Loại sự kiện", max_length=30, choices=EventKind.choices)
    title = models.CharField("Tên sự kiện", max_length=400)
    held_on = models.DateField("Ngày", db_index=True)
    place = models.CharField("Địa điểm", max_length=300, blank=True)
    summary = models.TextField("Nội dung", blank=True)
    source = models.CharField("Nguồn", max_length=300, blank=True)
    units = models.ManyToManyField(Unit, verbose_name="Đơn vị", related_name="events_attended")
    programs = models.ManyToManyField(Program, blank=True, related_name="events")
    documents = models.ManyToManyField(Document, blank=True, related_name="events")
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Sự kiện"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def scope_extra_q(cls, prefixes: tuple[str, ...]) -> Q:
        """An event is seen by the staff of any of its units."""
        linked = Event.units.through.objects.filter(event_id=OuterRef("pk")).filter(
            path_q("unit__path", prefixes)
        )
        return Q(Exists(linked))


class Participant(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(
        "Vai trò",
        max_length=20,
        choices=ParticipantRole.choices,
        default=ParticipantRole.PARTICIPANT,
    )
    titles = models.CharField("Chức danh tại thời điểm đó", max_length=500, blank=True)

    class Meta:
        ordering = ["event_id", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="programs_participant_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class ProgramItem(ScopedModel, TimeStampedModel):
    plan = models.ForeignKey(ProgramYear, on_delete=models.PROTECT, related_name="items")
    number = models.PositiveSmallIntegerField("Số thứ tự")
    content = models.TextField("Nội dung")
    lead_a = models.ForeignKey(
        Unit,
        verbose_name="Đơn vị chủ trì (bên thứ nhất)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lead_b = models.ForeignKey(
        Unit,
        verbose_name="Đơn vị chủ trì (bên thứ hai)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    co_units = models.ManyToManyField(
        Unit, verbose_name="Đơn vị phối hợp", blank=True, related_name="+"
    )
    due_on = models.DateField("Thời hạn", null=True, blank=True)
    status = models.CharField(
        "Trạng thái", max_length=20, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    status_note = models.CharField("Ghi chú trạng thái", max_length=500, blank=True)
    evidence_documents = models.ManyToManyField(Document, blank=True, related_name="+")
    evidence_tasks = models.ManyToManyField(Task, blank=True, related_name="+")
    evidence_events = models.ManyToManyField(Event, blank=True, related_name="+")

    class Meta:
        verbose_name = "Nội dung phối hợp"
        ordering = ["plan_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="programs_item_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:80]}"

    scope_paths = ("plan__program__party_a__path", "plan__program__party_b__path")


class Review(ScopedModel, TimeStampedModel):
    kind = models.CharField("Loại", max_length=10, choices=ReviewKind.choices)
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    directive = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    period_start = models.DateField("Từ ngày")
    period_end = models.DateField("Đến ngày")
    issuer = models.ForeignKey(
        Unit,
        verbose_name="Cơ quan ban hành báo cáo",
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    symbol = models.CharField("Số và ký hiệu", max_length=60, blank=True)
    place = models.CharField("Địa danh", max_length=100, default="Hà Nội")
    issued_on = models.DateField("Ngày báo cáo", null=True, blank=True)
    title = models.CharField("Tiêu đề", max_length=400)
    figures = models.JSONField("Số liệu", default=dict)
    results = models.TextField("Kết quả đạt được", blank=True)
    limitations = models.TextField("Hạn chế", blank=True)
    lessons = models.TextField("Bài học kinh nghiệm", blank=True)
    proposals = models.TextField("Kiến nghị, đề xuất", blank=True)
    participants = models.TextField("Thành phần tham dự", blank=True)
    recipients = models.TextField("Nơi nhận", blank=True)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(
        "Trạng thái", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    finalized_at = models.DateTimeField(null=True, blank=True)
    finalized_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "Báo cáo sơ kết, tổng kết"
        ordering = ["-period_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")), name="programs_review_period"
            ),
            models.CheckConstraint(
                condition=(Q(program__isnull=False) & Q(directive__isnull=True))
                | (Q(program__isnull=True) & Q(directive__isnull=False)),
                name="programs_review_one_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    scope_paths = ("issuer__path", "program__party_a__path", "program__party_b__path")

    @property
    def is_final(self) -> bool:
        return self.status == ReviewStatus.FINAL

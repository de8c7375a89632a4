"""Party members: a member is a person of the people app with the member data sheet's fields,
a timeline of lifecycle events, and the counts that the structure report reads.

``MemberTally`` holds, for every unit above a cell, how many members on the roll below it fall
in each value of each dimension, as one row. The lifecycle services keep it in the same
transaction as the change, so today's report for any subtree is the read of one row plus the
unit's own members. ``MemberSnapshot`` freezes the full counts at each year end, for reports as
of a past date.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from xaydungdang.core.access import ScopedModel
from xaydungdang.core.dates import vn_date
from xaydungdang.core.fields import PathField
from xaydungdang.core.models import RuleSet, TimeStampedModel
from xaydungdang.core.plausible import check_date
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

from .choices import (
    ETHNICITY_CHOICES,
    RELIGIONS,
    Activity,
    Education,
    EventKind,
    MembershipType,
    Standing,
    TheoryLevel,
)


class Member(ScopedModel, TimeStampedModel):
    person = models.OneToOneField(
        Person, verbose_name="Cá nhân", on_delete=models.PROTECT, related_name="member"
    )
    cell = models.ForeignKey(
        Unit, verbose_name="Chi bộ", on_delete=models.PROTECT, related_name="members"
    )
    cell_path = PathField(max_length=255)
    sort_key = models.CharField(max_length=1000)
    folded_name = models.CharField(max_length=200)
    # The folded given name, then the folded full name: "huong nguyen thi huong". A search by
    # given name is a prefix of it, as a search by full name is a prefix of ``folded_name``.
    given_key = models.CharField(max_length=300, default="")
    birth_date = models.DateField("Ngày sinh")
    ethnicity = models.CharField("Dân tộc", max_length=2, choices=ETHNICITY_CHOICES, default="01")
    religion = models.CharField("Tôn giáo", max_length=12, choices=RELIGIONS, default="none")
    hometown = models.CharField("Quê quán", max_length=200, blank=True)
    general_education = models.CharField("Giáo dục phổ thông", max_length=10, default="12/12")
    education = models.CharField(
        "Chuyên môn, nghiệp vụ", max_length=12, choices=Education.choices, default="none"
    )
    theory_level = models.CharField(
        "Lý luận chính trị", max_length=12, choices=TheoryLevel.choices, default="none"
    )
    admission_decision_date = models.DateField("Ngày quyết định kết nạp")
    admission_ceremony_date = models.DateField("Ngày lễ kết nạp")
    first_admission_decision_date = models.DateField(
        "Ngày quyết định kết nạp lần đầu", null=True, blank=True
    )
    full_date = models.DateField("Ngày chính thức", null=True, blank=True)
    card_number = models.CharField("Số thẻ đảng viên", max_length=12, blank=True)
    dossier_number = models.CharField("Số lý lịch", max_length=12, blank=True)
    membership_type = models.CharField(
        "Loại đảng viên", max_length=12, choices=MembershipType.choices, default="probationary"
    )
    standing = models.CharField(
        "Đảng tịch", max_length=10, choices=Standing.choices, default="member"
    )
    standing_since = models.DateField("Từ ngày", null=True, blank=True)
    activity = models.CharField(
        "Sinh hoạt", max_length=20, choices=Activity.choices, default="active"
    )
    readmitted = models.BooleanField("Đã kết nạp lại", default=False)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Đảng viên"
        verbose_name_plural = "Đảng viên"
        indexes = [
            models.Index(fields=["cell_path", "sort_key"], name="members_path_sort"),
            models.Index(fields=["sort_key", "cell_path"], name="members_sort_path"),
            # The name indexes hold what a search filters on, so it reads no rows (selectors).
            models.Index(
                fields=["folded_name", "cell_path", "standing", "membership_type"],
                name="members_folded",
            ),
            models.Index(
                fields=["given_key", "cell_path", "standing", "membership_type"],
                name="members_given",
            ),
            # Probationary members by ceremony date: whose recognition is due or overdue.
            models.Index(
                fields=["admission_ceremony_date"],
                name="members_probation",
                condition=Q(standing="member", membership_type="probationary"),
            ),
        ]
        constraints = [
            # One card, one member: the series (8 digits, 12 digits) differ in length, so a
            # number unique among all cards is unique in its series.
            models.UniqueConstraint(
                fields=["card_number"], condition=~Q(card_number=""), name="members_card_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.person.full_name

    def clean(self) -> None:
        """The dates of the sheet are plausible (one check in core, for every step)."""
        check_date(self.birth_date, "birth", "Ngày sinh")
        check_date(self.admission_decision_date, "admission", "Ngày quyết định kết nạp")
        check_date(self.admission_ceremony_date, "admission", "Ngày lễ kết nạp")
        check_date(self.full_date, "admission", "Ngày chính thức")

    scope_paths = ("cell_path",)


class MemberImport(models.Model):
    """A member file that was imported, by the hash of its content: the same file again is
    refused unless the user asks for an update."""

    sha256 = models.CharField(max_length=64, db_index=True)
    name = models.CharField("Tệp", max_length=300)
    created = models.PositiveIntegerField("Số đảng viên đã nhập", default=0)
    skipped = models.PositiveIntegerField("Số dòng đã có trên hệ thống", default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.CharField("Người nhập", max_length=150, blank=True)

    class Meta:
        verbose_name = "Lần nhập tệp đảng viên"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class SeniorityGap(models.Model):
    """A period that does not count toward party seniority (expulsion, removal, lost contact)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="gaps")
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.start}–{self.end}"


class MemberEvent(ScopedModel, models.Model):
    """One step of a member's lifecycle, for the timeline (the audit keeps the before/after)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("Loại", max_length=24, choices=EventKind.choices)
    day = models.DateField("Ngày")
    from_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField("Quyết định", max_length=200, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    rule_set = models.ForeignKey(RuleSet, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {vn_date(self.day)}"

    scope_paths = ("member__cell_path",)


class BadgeAward(models.Model):
    """A Huy hiệu Đảng awarded to a member: one per milestone (30, 40, 45 … 90 years)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="badges")
    milestone = models.PositiveSmallIntegerField("Mốc tuổi Đảng (năm)")
    occasion = models.DateField("Dịp trao")
    decision = models.CharField("Quyết định", max_length=200, blank=True)
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["milestone"]
        constraints = [
            models.UniqueConstraint(fields=["member", "milestone"], name="members_badge_once")
        ]

    def __str__(self) -> str:
        return f"Huy hiệu {self.milestone} năm tuổi Đảng"


class MemberTally(models.Model):
    """The members on the roll in the units below ``unit``, counted by dimension:
    ``{"gender": {"male": 120, "female": 95}, "birth_year": {"1980": 7, …}, …}``."""

    unit = models.OneToOneField(Unit, primary_key=True, on_delete=models.CASCADE, related_name="+")
    counts = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.counts.get('total', {}).get('all', 0)}"


class MemberSnapshot(models.Model):
    """The full counts of ``unit``'s subtree (its tally and its own members) on 31/12 of
    ``year``."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    counts = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="members_snapshot_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.unit_id}"

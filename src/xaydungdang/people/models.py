"""Persons, the catalog of titles (chức danh), and tenures: who held which title in which unit,
from when to when. A tenure is a half-open period [start, end)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef

from xaydungdang.core.access import ScopedModel, path_q
from xaydungdang.core.models import TimeStampedModel
from xaydungdang.org.models import Unit, central_body_q


class Gender(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"
    UNKNOWN = "unknown", "Chưa rõ"


class Precision(models.TextChoices):
    DAY = "day", "Ngày"
    MONTH = "month", "Tháng"
    YEAR = "year", "Năm"
    UNKNOWN = "unknown", "Chưa rõ"


class Basis(models.TextChoices):
    DECISION = "decision", "Quyết định bổ nhiệm, bầu cử"
    ARTICLE = "article", "Nguồn tin xác nhận"
    MANUAL = "manual", "Nhập tay"


class Person(ScopedModel, TimeStampedModel):
    full_name = models.CharField("Họ và tên", max_length=200)
    folded_name = models.CharField(max_length=200, db_index=True)
    sort_key = models.CharField(max_length=1000, db_index=True)
    birth_year = models.PositiveSmallIntegerField(
        "Năm sinh",
        null=True,
        blank=True,
        validators=[MinValueValidator(1880), MaxValueValidator(2100)],
    )
    gender = models.CharField(
        "Giới tính", max_length=10, choices=Gender.choices, default=Gender.UNKNOWN
    )
    managing_unit = models.ForeignKey(
        Unit,
        verbose_name="Đơn vị quản lý hồ sơ",
        on_delete=models.PROTECT,
        related_name="managed_persons",
    )
    note = models.TextField("Ghi chú", blank=True)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta:
        verbose_name = "Cá nhân"
        verbose_name_plural = "Cá nhân"
        ordering = ["sort_key"]

    def __str__(self) -> str:
        return self.full_name

    # Visible where the person's file is kept, or where they held a title.
    scope_paths = ("managing_unit__path",)

    @classmethod
    def scope_extra_q(cls, prefixes: tuple[str, ...]) -> models.Q:
        tenures = Tenure.objects.filter(person=OuterRef("pk")).filter(
            path_q("unit__path", prefixes)
        )
        return models.Q(Exists(tenures))

    @classmethod
    def scope_public_q(cls) -> models.Q:
        """Whoever held a title of a central body is on the Party's public record."""
        return models.Q(Exists(Tenure.objects.filter(person=OuterRef("pk")).filter(PUBLIC_TENURE)))


class Title(ScopedModel, TimeStampedModel):
    """A title of the catalog. ``label_template`` names a tenure: "{title} {unit}" gives
    "Bí thư Thành ủy Hà Nội"; "Trưởng {unit}" gives "Trưởng Ban Tổ chức Trung ương"."""

    name = models.CharField("Chức danh", max_length=200, unique=True)
    folded = models.CharField(max_length=200, db_index=True)
    label_template = models.CharField("Mẫu tên gọi", max_length=200, default="{title} {unit}")
    rank = models.PositiveSmallIntegerField("Thứ tự", default=100)
    description = models.TextField("Mô tả", blank=True)
    unit_kinds = models.JSONField(
        "Loại đơn vị áp dụng",
        default=list,
        blank=True,
        help_text="Các loại đơn vị có chức danh này; để trống là mọi loại đơn vị.",
    )

    class Meta:
        verbose_name = "Chức danh"
        verbose_name_plural = "Chức danh"
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.name

    scope_shared = True  # the catalog is shared by every signed-in user

    def fits(self, unit_kind: str) -> bool:
        return not self.unit_kinds or unit_kind in self.unit_kinds

    def label(self, unit_name: str) -> str:
        return self.label_template.format(title=self.name, unit=unit_name).strip()


class Tenure(ScopedModel, TimeStampedModel):
    person = models.ForeignKey(
        Person, verbose_name="Cá nhân", on_delete=models.PROTECT, related_name="tenures"
    )
    title = models.ForeignKey(
        Title, verbose_name="Chức danh", on_delete=models.PROTECT, related_name="tenures"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="Đơn vị", on_delete=models.PROTECT, related_name="tenures"
    )
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày (ngày thôi giữ)", null=True, blank=True)
    attested_only = models.BooleanField(
        "Chỉ biết theo ngày nguồn nêu",
        default=False,
        help_text="Khoảng thời gian chỉ gồm những ngày nguồn tin xác nhận, "
        "không phải ngày quyết định.",
    )
    start_precision = models.CharField(
        "Độ chính xác ngày bắt đầu", max_length=10, choices=Precision.choices, default="day"
    )
    start_basis = models.CharField(
        "Căn cứ bắt đầu", max_length=10, choices=Basis.choices, default=Basis.MANUAL
    )
    start_reference = models.CharField("Quyết định, nguồn bắt đầu", max_length=300, blank=True)
    end_precision = models.CharField(
        "Độ chính xác ngày thôi giữ", max_length=10, choices=Precision.choices, default="day"
    )
    end_basis = models.CharField(
        "Căn cứ thôi giữ", max_length=10, choices=Basis.choices, default=Basis.MANUAL
    )
    end_reference = models.CharField("Quyết định, nguồn thôi giữ", max_length=300, blank=True)
    source = models.CharField("Nguồn", max_length=300, blank=True)
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Quá trình giữ chức danh"
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(start__lt=models.F("end")),
                name="people_tenure_start_before_end",
            )
        ]
        indexes = [
            models.Index(fields=["unit", "title", "start"]),
            models.Index(fields=["person", "start"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title.label(self.unit.name)}"

    scope_paths = ("unit__path", "person__managing_unit__path")

    @classmethod
    def scope_public_q(cls) -> models.Q:
        return PUBLIC_TENURE


# A tenure in a central body is public: every staff user may read it, not change it.
PUBLIC_TENURE = central_body_q("unit__")


class TenureAttestation(ScopedModel, TimeStampedModel):
    """A source that states, on ``day``, that the tenure's holder held the title: the tenure
    covers that day. An attested-only tenure's known span is min(day)..max(day)."""

    tenure = models.ForeignKey(
        Tenure, verbose_name="Quá trình", on_delete=models.CASCADE, related_name="attestations"
    )
    day = models.DateField("Ngày nguồn tin")
    source = models.CharField("Nguồn", max_length=300, blank=True)

    class Meta:
        verbose_name = "Nguồn xác nhận chức danh"
        ordering = ["day", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenure", "day", "source"], name="people_attestation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tenure_id} @ {self.day}"

    scope_paths = ("tenure__unit__path", "tenure__person__managing_unit__path")

    @classmethod
    def scope_public_q(cls) -> models.Q:
        return central_body_q("tenure__unit__")


COMMITTEES = [
    "central_direct_committee",
    "provincial_committee",
    "district_committee",
    "commune_committee",
    "grassroots_committee",
    "grassroots_cell",
    "sub_committee",
    "subordinate_cell",
]
BOARDS = ["advisory_board", "steering_committee", "inspection_commission"]

# The kinds of unit each well-known title belongs to (empty: any kind).
TITLE_UNIT_KINDS: dict[str, list[str]] = {
    "Tổng Bí thư": ["central_committee"],
    "Thường trực Ban Bí thư": ["secretariat"],
    "Bí thư Trung ương Đảng": ["secretariat"],
    "Bí thư": [*COMMITTEES, "socio_political_org"],
    "Phó Bí thư Thường trực": COMMITTEES,
    "Phó Bí thư": [*COMMITTEES, "socio_political_org"],
    "Ủy viên Ban Thường vụ": COMMITTEES[:5],
    "Trưởng ban": BOARDS,
    "Phó Trưởng ban Thường trực": BOARDS,
    "Phó Trưởng ban": BOARDS,
    "Chủ tịch": ["state_body", "fatherland_front", "socio_political_org"],
}

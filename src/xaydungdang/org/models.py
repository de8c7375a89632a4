"""The political system's organization tree, effective-dated.

A Unit holds its current name, parent and path; UnitVersion keeps the dated history of name and
parent, so "the tree as of D" is a query. Units are never deleted: UnitEvent (establish, rename,
reparent, merge, split, dissolve) links predecessors and successors.

``path`` is the unit's place in the access tree: fixed-width base-36 segments of the ids from
the root. A unit that ended in a merge is filed under its successor, so the successor's staff
keep access to its history.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef

from xaydungdang.core.access import ScopedModel, path_q
from xaydungdang.core.dates import vn_date
from xaydungdang.core.fields import PathField
from xaydungdang.core.models import DatedModel, RuleSet, TimeStampedModel

from .choices import EventKind, LinkRole, UnitKind

# The central bodies, whose leaders and documents are the Party's public record (with the root
# and its direct children: the Central Committee, the Politburo, the Secretariat, the boards).
CENTRAL_BODY_KINDS = (
    UnitKind.CENTRAL_COMMITTEE,
    UnitKind.POLITBURO,
    UnitKind.SECRETARIAT,
    UnitKind.INSPECTION_COMMISSION,
    UnitKind.ADVISORY_BOARD,
    UnitKind.STEERING_COMMITTEE,
)


def central_body_q(unit: str = "") -> models.Q:
    """Rows whose unit (reached through ``unit``, e.g. ``"issuer__"``) is a central body: the
    root, or a central kind directly under it."""
    return models.Q(**{f"{unit}kind__in": CENTRAL_BODY_KINDS}) & (
        models.Q(**{f"{unit}parent__isnull": True})
        | models.Q(**{f"{unit}parent__parent__isnull": True})
    )


def is_central_body(unit: Any) -> bool:
    """One of the central bodies: the root, or a central kind directly under it."""
    top = unit.parent_id is None or (unit.parent is not None and unit.parent.parent_id is None)
    return top and unit.kind in CENTRAL_BODY_KINDS


class Unit(ScopedModel, DatedModel, TimeStampedModel):
    code = models.CharField("Mã", max_length=60, unique=True, null=True, blank=True)
    name = models.CharField("Tên", max_length=255)
    short_name = models.CharField("Tên ngắn", max_length=120, blank=True)
    kind = models.CharField("Loại", max_length=40, choices=UnitKind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="Trực thuộc",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = PathField("Đường dẫn", max_length=255, unique=True)
    search_text = models.CharField(max_length=1500, blank=True)
    sort_key = models.CharField(max_length=1200, blank=True, db_index=True)
    is_demo = models.BooleanField("Dữ liệu minh họa", default=False)

    class Meta(DatedModel.Meta):
        verbose_name = "Đơn vị"
        verbose_name_plural = "Đơn vị"
        constraints = [
            *DatedModel.Meta.constraints,
            models.UniqueConstraint(
                fields=["parent", "name"],
                condition=models.Q(valid_to__isnull=True),
                name="org_unit_sibling_name_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    scope_paths = ("path",)

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None


class UnitAlias(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField("Tên gọi khác", max_length=200)
    folded = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name = "Tên gọi khác"
        constraints = [models.UniqueConstraint(fields=["unit", "alias"], name="org_alias_unique")]

    def __str__(self) -> str:
        return self.alias


class UnitVersion(ScopedModel, DatedModel):
    """The unit's name and parent over one period."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="versions")
    name = models.CharField("Tên", max_length=255)
    short_name = models.CharField("Tên ngắn", max_length=120, blank=True)
    parent = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta(DatedModel.Meta):
        verbose_name = "Phiên bản đơn vị"
        indexes = [models.Index(fields=["unit", "valid_from"])]
        ordering = ["unit_id", "valid_from"]

    def __str__(self) -> str:
        return self.name

    scope_paths = ("unit__path",)


class UnitEvent(ScopedModel, TimeStampedModel):
    kind = models.CharField("Loại sự kiện", max_length=20, choices=EventKind.choices)
    effective_date = models.DateField("Ngày hiệu lực", null=True, blank=True, db_index=True)
    decision_ref = models.CharField("Văn bản quyết định", max_length=200, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    rule_set = models.ForeignKey(
        RuleSet,
        verbose_name="Bộ quy tắc áp dụng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    units = models.ManyToManyField(Unit, through="UnitEventLink", related_name="events")

    class Meta:
        verbose_name = "Sự kiện tổ chức"
        ordering = ["-effective_date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({vn_date(self.effective_date, 'không rõ ngày')})"

    @classmethod
    def scope_extra_q(cls, prefixes: tuple[str, ...]) -> models.Q:
        """An event is seen by the staff of any unit it links."""
        links = UnitEventLink.objects.filter(event=OuterRef("pk")).filter(
            path_q("unit__path", prefixes)
        )
        return models.Q(Exists(links))


class UnitEventLink(models.Model):
    event = models.ForeignKey(UnitEvent, on_delete=models.CASCADE, related_name="links")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="event_links")
    role = models.CharField(max_length=20, choices=LinkRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "unit", "role"], name="org_event_link_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.unit}"


def unit_label(unit: Any) -> str:
    return f"{unit.name} ({UnitKind(unit.kind).label})"

"""The structure report (thống kê cơ cấu đảng viên) of any subtree, from the maintained counts
for today and from the year-end snapshots for a past date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import audit
from xaydungdang.core.access import MANAGE, VIEW, AccessDenied, actor_scope
from xaydungdang.core.actors import Actor
from xaydungdang.core.dates import vn_date
from xaydungdang.members.choices import (
    ETHNICITY_CHOICES,
    RELIGIONS,
    Activity,
    Education,
    MembershipType,
    TheoryLevel,
)
from xaydungdang.members.models import MemberSnapshot
from xaydungdang.members.structure import tallies as aggregates
from xaydungdang.org.models import Unit

AGE_BANDS = [(0, 30, "Đến 30 tuổi"), (31, 40, "31–40"), (41, 50, "41–50"), (51, 60, "51–60"),
             (61, 70, "61–70"), (71, 200, "Trên 70")]  # fmt: skip
LABELS: dict[str, dict[str, str]] = {
    "gender": {"male": "Nam", "female": "Nữ", "unknown": "Chưa rõ"},
    "ethnicity": dict(ETHNICITY_CHOICES),
    "religion": dict(RELIGIONS),
    "education": dict(Education.choices),
    "theory_level": dict(TheoryLevel.choices),
    "membership_type": dict(MembershipType.choices),
    "activity": dict(Activity.choices),
}
TITLES = {
    "gender": "Giới tính",
    "age": "Độ tuổi",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "education": "Trình độ chuyên môn",
    "theory_level": "Lý luận chính trị",
    "membership_type": "Loại đảng viên",
    "activity": "Tình trạng sinh hoạt",
}


def _age_bands(birth_years: dict[str, int], year: int) -> dict[str, int]:
    out = {label: 0 for _, _, label in AGE_BANDS}
    for born, count in birth_years.items():
        age = year - int(born)
        label = next(lb for lo, hi, lb in AGE_BANDS if lo <= age <= hi)
        out[label] += count
    return out


def _shape(counts: Counter[tuple[str, str]], year: int) -> dict[str, dict[str, int]]:
    raw: dict[str, dict[str, int]] = {}
    for (dimension, value), count in counts.items():
        if count:
            raw.setdefault(dimension, {})[value] = count
    shaped = {"age": _age_bands(raw.get("birth_year", {}), year)}
    for dimension, labels in LABELS.items():
        values = raw.get(dimension, {})
        order = list(labels)  # the order of the choices: Nam before Nữ, Kinh first, …
        ranked = sorted(
            values.items(),
            key=lambda vc: (order.index(vc[0]) if vc[0] in order else len(order), vc[0]),
        )
        shaped[dimension] = {labels.get(v, v): c for v, c in ranked}
    return shaped


def snapshot_year(as_of: dt.date) -> int:
    """The year whose 31/12 snapshot stands for ``as_of``: its own on 31/12, else the year
    before."""
    return as_of.year if as_of == dt.date(as_of.year, 12, 31) else as_of.year - 1


def structure_report(user: Any, unit: Unit, as_of: dt.date | None = None) -> dict[str, Any]:
    """Counts of the members on the roll in ``unit``'s subtree by each dimension. Today's come
    from the maintained counts; a past date's from the latest year-end snapshot before it."""
    if user is not None and not Unit.objects.restrict(user, VIEW).filter(pk=unit.pk).exists():
        raise AccessDenied("Không có quyền xem đơn vị này.")
    today = timezone.localdate()
    if as_of is None or as_of >= today:
        counts = aggregates.subtree(unit.pk)
        source, day = "Số liệu hiện thời (cập nhật cùng mỗi thay đổi)", today
    else:
        year = snapshot_year(as_of)
        frozen = MemberSnapshot.objects.filter(year=year)
        if not frozen.exists():
            raise ValidationError(
                f"Chưa có số liệu chốt ngày 31/12/{year}; không thể lập báo cáo tại "
                f"ngày {vn_date(as_of)}."
            )
        found = frozen.filter(unit=unit).values_list("counts", flat=True).first()
        counts = aggregates.from_json(found or {})
        source, day = f"Số liệu chốt ngày 31/12/{year}", dt.date(year, 12, 31)
    total = counts[("total", "all")]
    return {
        "unit": {"id": unit.pk, "name": unit.name, "code": unit.code},
        "as_of": day.isoformat(),
        "source": source,
        "total": total,
        "breakdowns": _shape(counts, day.year),
    }


def snapshot_year_end(*, year: int, actor: Actor) -> int:
    """Freeze today's counts of every unit's subtree as the counts of 31/12/``year`` (run on the
    last day of the year, or just after it before any change of the new year). The cells'
    own members are counted from the rows, once, in the same pass as the recount. A national
    write: only the whole system's managers may run it."""
    if not actor_scope(actor, MANAGE).everything:
        raise AccessDenied("Chỉ quản trị toàn hệ thống mới chốt số liệu cuối năm.")
    full = aggregates.member_rows(aggregates.rows(), own=True)
    with transaction.atomic():
        MemberSnapshot.objects.filter(year=year).delete()
        created = MemberSnapshot.objects.bulk_create(
            (MemberSnapshot(unit_id=u, year=year, counts=aggregates.to_json(p))
             for u, p in full.items() if +p),
            batch_size=2000,
        )  # fmt: skip
        summary = {"year": year, "units": len(created)}
        first = created[0] if created else MemberSnapshot(year=year)
        audit.record(actor=actor, obj=first, action="create", before=None, after=summary)
    return len(created)

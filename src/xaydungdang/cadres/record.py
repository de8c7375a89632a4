"""The parts of a cadre's record (sơ yếu lý lịch, mẫu 2C) and of the career page. Each cadre
app gives its part through ``hooks.CADRE_RECORD_SECTIONS``; this module gathers them, and
gives the cadre app's own parts: the posts held (10) and the personnel decisions (20)."""

from __future__ import annotations

from typing import Any

from xaydungdang.core import hooks
from xaydungdang.core.access import VIEW
from xaydungdang.core.dates import vn_date, vn_period
from xaydungdang.people.selectors import career
from xaydungdang.ui.record import RecordSection

from .models import Rotation
from .selectors import decisions_of

__all__ = ["RecordSection", "sections"]


def sections(user: Any, person: Any) -> list[RecordSection]:
    """Every part the apps give for ``person``, as ``user`` may see them, in order."""
    found = [provider(user, person) for provider in hooks.CADRE_RECORD_SECTIONS()]
    return sorted((s for s in found if s is not None), key=lambda s: s.order)


def posts_section(user: Any, person: Any) -> RecordSection:
    """The posts held, as the tenures record them, with the basis of each start."""
    rows = []
    for row in career(user, person):
        tenure = row.tenure
        basis = tenure.start_reference or tenure.get_start_basis_display()
        if tenure.attested_only:
            basis = f"theo nguồn tin ({tenure.source or basis})"
        rows.append((vn_period(tenure.start, tenure.end), row.label, basis))
    columns = ("Thời gian", "Chức danh, đơn vị", "Căn cứ")
    return RecordSection(10, "Tóm tắt quá trình công tác", columns, tuple(rows))


def decisions_section(user: Any, person: Any) -> RecordSection:
    rows = tuple(
        (
            d.number or "—",
            vn_date(d.signed_on),
            d.get_kind_display(),
            d.title.label(d.unit.name) if d.title and d.unit else (d.unit.name if d.unit else ""),
            d.issuer.name,
            d.get_status_display(),
        )
        for d in decisions_of(user, person)
    )
    columns = ("Số", "Ngày ký", "Loại", "Chức danh, đơn vị", "Cơ quan ban hành", "Trạng thái")
    return RecordSection(20, "Quyết định nhân sự", columns, rows)


def rotations_section(user: Any, person: Any) -> RecordSection:
    rows = tuple(
        (
            vn_period(r.start, r.ended_on),
            f"{r.to_title.name} – {r.to_unit.name}",
            vn_date(r.planned_end),
            r.purpose,
        )
        for r in Rotation.objects.restrict(user, VIEW)
        .filter(person=person)
        .select_related("to_title", "to_unit")
        .order_by("start")
    )
    columns = ("Thời gian", "Chức danh, đơn vị đến", "Thời hạn", "Mục đích")
    return RecordSection(40, "Luân chuyển", columns, rows)

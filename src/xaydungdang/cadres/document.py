"""The cadre record (sơ yếu lý lịch cán bộ, mẫu 2C) as a Party document: the managing unit's
heading block, the person's facts, one table per part of the record, and the managing
unit's certification where its head signs (domain.md R-DOC-6). Written by the kit."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from xaydungdang.org.choices import UnitKind
from xaydungdang.ui import documents as kit

from . import record

DOC_TYPE = "Sơ yếu lý lịch"
FORM_NOTE = "Mẫu 2C: tóm tắt từ dữ liệu của hệ thống; người khai bổ sung các mục còn thiếu."


def _facts(person: Any) -> tuple[kit.Block, ...]:
    lines = [
        f"1) Họ và tên: {person.full_name.upper()}",
        f"2) Giới tính: {person.get_gender_display()}",
        f"3) Năm sinh: {person.birth_year or 'chưa rõ'}",
        f"4) Đơn vị quản lý hồ sơ: {person.managing_unit.name}",
    ]
    return (kit.Heading("I. THÔNG TIN CÁ NHÂN"), *(kit.Paragraph(line) for line in lines))


def _part(number: int, section: record.RecordSection) -> tuple[kit.Block, ...]:
    heading = kit.Heading(f"{_ROMAN[number]}. {section.heading.upper()}")
    if not section.rows:
        return (heading, kit.Paragraph(section.empty))
    return (heading, kit.Table(section.columns, section.rows))


_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def cadre_record(user: Any, person: Any, day: dt.date) -> kit.PartyDocument:
    body: list[kit.Block] = [kit.Paragraph(FORM_NOTE), *_facts(person)]
    for number, section in enumerate(record.sections(user, person)[:9], start=2):
        body.extend(_part(number, section))
    unit = person.managing_unit
    issuer = kit.issuer_for(unit.name, unit.parent.name) if unit.parent else (unit.name,)
    return kit.PartyDocument(
        issuer=issuer,
        place=_place(unit),
        date=day,
        doc_type=DOC_TYPE,
        subject=f"Sơ yếu lý lịch cán bộ {person.full_name}",
        body=tuple(body),
        signature=kit.Signature(("XÁC NHẬN CỦA CƠ QUAN QUẢN LÝ CÁN BỘ",), "", ""),
        recipients=("Hồ sơ cán bộ", "Lưu hồ sơ"),
        file_stem=f"so yeu ly lich {person.full_name}",
    )


def _place(unit: Any) -> str:
    """The place line: the province or city of the unit's provincial committee ("Tỉnh ủy Bắc
    Ninh" writes "Bắc Ninh"); the central bodies write "Hà Nội"."""
    node = unit
    while node is not None and node.kind != UnitKind.PROVINCIAL_COMMITTEE:
        node = node.parent
    if node is None:
        return "Hà Nội"
    name = re.sub(r"^(Thành ủy|Tỉnh ủy|Đảng bộ)\s+", "", node.name)
    return re.sub(r"^Thành phố Hồ Chí Minh$", "TP. Hồ Chí Minh", name)

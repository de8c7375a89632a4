"""Checks of the member data sheet: choices, and card and dossier numbers per series."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError

from .choices import ETHNICITY_CHOICES, RELIGIONS, Education, MembershipType, TheoryLevel

# Card series: legacy cards (Chỉ thị 29-CT/TW, 2003) have 8 digits; the 2025 cards 12.
CARD_SERIES = {"legacy_2003": re.compile(r"\d{8}"), "card_2025": re.compile(r"\d{12}")}
# Dossier numbers: legacy 6 digits and 1–3 letters of the province; the new form 10 characters.
DOSSIER_SERIES = {"legacy": re.compile(r"\d{6}[A-ZĐ]{1,3}"), "new": re.compile(r"[0-9A-Z]{10}")}
_EDUCATION = re.compile(r"(\d{1,2})/(10|12)")


def card_series(number: str) -> str | None:
    return next((name for name, rx in CARD_SERIES.items() if rx.fullmatch(number)), None)


def number_problem(card: str, dossier: str, membership_type: str) -> str | None:
    """What is wrong with a card and a dossier number, or None."""
    if card:
        if card_series(card) is None:
            return (
                f"Số thẻ đảng viên “{card}” không đúng mẫu: 8 chữ số (thẻ cấp theo Chỉ thị "
                "29-CT/TW) hoặc 12 chữ số (thẻ mẫu 2025)."
            )
        if membership_type != MembershipType.FULL:
            return "Thẻ đảng viên chỉ cấp cho đảng viên chính thức."
    if dossier and not any(rx.fullmatch(dossier) for rx in DOSSIER_SERIES.values()):
        return (
            f"Số lý lịch “{dossier}” không đúng mẫu: 6 chữ số và 1–3 chữ cái mã tỉnh (mẫu cũ), "
            "hoặc 10 ký tự."
        )
    return None


def check_numbers(member: Any) -> None:
    problem = number_problem(member.card_number, member.dossier_number, member.membership_type)
    if problem:
        raise ValidationError(problem)


def general_education_ok(text: str) -> bool:
    """``lớp/hệ`` such as 12/12 or 9/10."""
    match = _EDUCATION.fullmatch(text)
    return bool(match) and int(match.group(1)) <= int(match.group(2))  # type: ignore[union-attr]


def check_sheet(sheet: Any) -> None:
    if sheet.ethnicity not in dict(ETHNICITY_CHOICES):
        raise ValidationError(f"Mã dân tộc “{sheet.ethnicity}” không có trong danh mục 54 dân tộc.")
    if sheet.religion not in dict(RELIGIONS):
        raise ValidationError(f"Tôn giáo “{sheet.religion}” không có trong danh mục.")
    if sheet.education not in Education.values:
        raise ValidationError(f"Trình độ chuyên môn “{sheet.education}” không hợp lệ.")
    if sheet.theory_level not in TheoryLevel.values:
        raise ValidationError(f"Trình độ lý luận chính trị “{sheet.theory_level}” không hợp lệ.")
    if not general_education_ok(sheet.general_education):
        raise ValidationError(
            f"Giáo dục phổ thông “{sheet.general_education}” phải có dạng lớp/hệ, ví dụ 12/12."
        )

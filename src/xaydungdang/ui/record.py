"""A part of a cadre's record (sơ yếu lý lịch, mẫu 2C): the type every cadre app returns on
``core.hooks.CADRE_RECORD_SECTIONS`` (in the kit, since those apps may not import each
other). The cadre app gathers the parts into the career page and the Word record."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class RecordSection:
    """One part: ``order`` places it (10 posts, 20 decisions, 30 planning, 40 rotations,
    50 training, 60 gradings, 70 appointment cases); ``rows`` are already-formatted texts
    (dates dd/mm/yyyy), one tuple per row, as long as ``columns``."""

    order: int
    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Chưa có thông tin."

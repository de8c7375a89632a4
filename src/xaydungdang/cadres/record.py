"""The parts of a cadre's record (sơ yếu lý lịch, mẫu 2C) and of the career page. Each cadre
app gives its part through ``hooks.CADRE_RECORD_SECTIONS``; this module gathers them."""

from __future__ import annotations

import dataclasses
from typing import Any

from xaydungdang.core import hooks


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


def sections(user: Any, person: Any) -> list[RecordSection]:
    """Every part the apps give for ``person``, as ``user`` may see them, in order."""
    found = [provider(user, person) for provider in hooks.CADRE_RECORD_SECTIONS()]
    return sorted((s for s in found if s is not None), key=lambda s: s.order)

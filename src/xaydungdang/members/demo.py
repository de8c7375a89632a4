"""``xdd demo --members N``: the synthetic national tree and N members, written through the
member import (the same checks, the same bulk writer, the counts built in the same transaction)."""

from __future__ import annotations

import random
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

from . import imports, synthetic
from .national import national_tree

Say = Callable[[str], None]


def synthetic_members(count: int, scale: float = 1.0, seed: int = 2025, say: Say = print) -> int:
    if not 0 < scale <= 1:
        raise ValidationError("Tỉ lệ cây tổ chức phải lớn hơn 0 và không quá 1.")
    cells = [u.code or str(u.pk) for u in national_tree(scale, seed, say)]
    table = synthetic.member_table(random.Random(seed), cells, count, timezone.localdate())
    made = imports.import_table(
        name="dữ liệu tổng hợp",
        table=table,
        rows_hint=count,
        acting_user=None,
        progress=lambda _p, m: say(m) if m.startswith("Đã nhập") else None,
        is_demo=True,
    )
    return made

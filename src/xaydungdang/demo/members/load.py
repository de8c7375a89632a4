"""``xdd demo --members N``: the synthetic national tree and N members, written through the
member import (the same checks, the same bulk writer, the counts built in the same transaction)."""

from __future__ import annotations

import random
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.demo.members import synthetic
from xaydungdang.demo.members.national import national_tree
from xaydungdang.members.models import Member
from xaydungdang.members.services import imports

Say = Callable[[str], None]


def synthetic_members(count: int, scale: float = 1.0, seed: int = 2025, say: Say = print) -> int:
    """Bring the synthetic members up to ``count`` (run again, it adds none). Returns how many
    were added."""
    if not 0 < scale <= 1:
        raise ValidationError("Tỉ lệ cây tổ chức phải lớn hơn 0 và không quá 1.")
    cells = [u.code or str(u.pk) for u in national_tree(scale, seed, say)]
    have = Member.objects.filter(is_demo=True, cell__code__startswith="qg-").count()
    if have >= count:
        say(f"Đã có {have:,} đảng viên tổng hợp.")
        return 0
    rng = random.Random(seed + have)
    table = synthetic.member_table(rng, cells, count - have, timezone.localdate())
    made = imports.import_table(
        name="dữ liệu tổng hợp",
        table=table,
        rows_hint=count - have,
        actor=SYSTEM_DEMO,
        progress=lambda _p, m: say(m) if m.startswith("Đã nhập") else None,
        is_demo=True,
    )
    return made

"""The counts the structure report reads, kept by the lifecycle services.

Every member on the roll counts once in each dimension, in their cell and in every unit above
it (the ids are the segments of the cell's path). A change of a member is a difference of two
such contributions, written in the same transaction as the change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from xaydungdang.org.services.common import SEGMENT

from .choices import Standing
from .models import Member, MemberCount

Key = tuple[int, str, str]
DIMENSIONS = (
    "total",
    "gender",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "theory_level",
    "membership_type",
    "activity",
)
# The member columns that the dimensions read (gender is the person's).
FIELDS = ("birth_date", "ethnicity", "religion", "education", "theory_level", "membership_type")


def ancestors(path: str) -> list[int]:
    """The unit ids from the root down to the unit whose path this is."""
    return [int(path[i : i + SEGMENT], 36) for i in range(0, len(path), SEGMENT)]


def values_of(row: dict[str, Any]) -> dict[str, str] | None:
    """The dimension values of one member (a dict of its fields), or None when not on the roll."""
    if row["standing"] != Standing.MEMBER:
        return None
    return {
        "total": "all",
        "gender": row["gender"] or "unknown",
        "birth_year": str(row["birth_date"].year),
        "ethnicity": row["ethnicity"],
        "religion": row["religion"],
        "education": row["education"],
        "theory_level": row["theory_level"],
        "membership_type": row["membership_type"],
        "activity": row["activity"],
    }


def state(member: Member) -> tuple[str, dict[str, str] | None]:
    row = {f: getattr(member, f) for f in FIELDS}
    row |= {
        "standing": member.standing,
        "activity": member.activity,
        "gender": member.person.gender,
    }
    return member.cell_path, values_of(row)


def contribution(path: str, values: dict[str, str] | None, sign: int = 1) -> Counter[Key]:
    out: Counter[Key] = Counter()
    if values is None:
        return out
    for unit_id in ancestors(path):
        for dimension, value in values.items():
            out[(unit_id, dimension, value)] += sign
    return out


def change(
    before: tuple[str, dict[str, str] | None] | None, after: tuple[str, dict[str, str] | None]
) -> None:
    """Apply the difference between a member's two states to the counts."""
    delta = contribution(*after)
    if before is not None:
        delta.subtract(contribution(before[0], before[1]))
    apply({k: v for k, v in delta.items() if v})


def apply(delta: dict[Key, int]) -> None:
    """Add ``delta`` to the counts (rows are created as needed)."""
    with transaction.atomic():
        for (unit_id, dimension, value), amount in delta.items():
            updated = MemberCount.objects.filter(
                unit_id=unit_id, dimension=dimension, value=value
            ).update(count=F("count") + amount)
            if not updated:
                MemberCount.objects.create(
                    unit_id=unit_id, dimension=dimension, value=value, count=amount
                )


def member_rows(members: Iterable[dict[str, Any]]) -> Counter[Key]:
    """The counts of many members at once (imports and the recount)."""
    total: Counter[Key] = Counter()
    for row in members:
        total.update(contribution(row["cell_path"], values_of(row)))
    return total


ROW_FIELDS = ("cell_path", "standing", "activity", *FIELDS)


def recount() -> Counter[Key]:
    """The counts recomputed from the member rows."""
    rows = Member.objects.values(*ROW_FIELDS, gender=F("person__gender")).iterator(chunk_size=20000)
    return member_rows(rows)


def stored() -> Counter[Key]:
    return Counter(
        {
            (u, d, v): c
            for u, d, v, c in MemberCount.objects.values_list(
                "unit_id", "dimension", "value", "count"
            )
            if c
        }
    )


def rebuild(counts: Counter[Key]) -> None:
    """Replace every stored count (after a bulk import)."""
    with transaction.atomic():
        MemberCount.objects.all().delete()
        MemberCount.objects.bulk_create(
            (
                MemberCount(unit_id=u, dimension=d, value=v, count=c)
                for (u, d, v), c in counts.items()
                if c
            ),
            batch_size=5000,
        )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE members_membercount")


def subtree_moved(old_path: str, new_path: str) -> None:
    """A unit moved in the tree: its subtree's totals (its own rows) leave the units that were
    above it and join the ones above it now."""
    unit_id = ancestors(new_path)[-1]
    before, after = set(ancestors(old_path)[:-1]), set(ancestors(new_path)[:-1])
    rows = MemberCount.objects.filter(unit_id=unit_id).exclude(count=0)
    delta: Counter[Key] = Counter()
    for dimension, value, count in rows.values_list("dimension", "value", "count"):
        for gone in before - after:
            delta[(gone, dimension, value)] -= count
        for joined in after - before:
            delta[(joined, dimension, value)] += count
    apply({k: v for k, v in delta.items() if v})

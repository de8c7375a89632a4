"""The counts the structure report reads, kept by the lifecycle services.

A unit's tally (``MemberTally``) counts, in each dimension, the members on the roll in the units
*below* it: every member counts once in the tally of each unit above their own cell (the ids are
the segments of the cell's path). The members directly in a unit are counted when the report is
read: a cell has a few dozen, so this is one indexed query, and it keeps the quarter of a million
cells out of the tallies. A change of a member is the difference of two contributions, written
in the same transaction as the change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from xaydungdang.members.choices import Standing
from xaydungdang.members.models import Member, MemberTally
from xaydungdang.org.services.common import SEGMENT

Key = tuple[int, str, str]  # (unit id, dimension, value): the flat form of the counts
Pair = tuple[str, str]  # (dimension, value)
Delta = dict[int, Counter[Pair]]
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
ROW_FIELDS = ("cell_path", "standing", "activity", *FIELDS)
TABLE = MemberTally._meta.db_table


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


def contribution(
    path: str, values: dict[str, str] | None, sign: int = 1, own: bool = False
) -> Delta:
    """What one member adds to the tallies: each unit above their cell (and the cell itself
    when ``own``), each dimension."""
    if values is None:
        return {}
    pairs = Counter({(d, v): sign for d, v in values.items()})
    units = ancestors(path) if own else ancestors(path)[:-1]
    return {unit_id: Counter(pairs) for unit_id in units}


def merge(into: Delta, delta: Delta, sign: int = 1) -> None:
    for unit_id, pairs in delta.items():
        target = into.setdefault(unit_id, Counter())
        if sign > 0:
            target.update(pairs)
        else:
            target.subtract(pairs)


def change(
    before: tuple[str, dict[str, str] | None] | None, after: tuple[str, dict[str, str] | None]
) -> None:
    """Apply the difference between a member's two states to the tallies."""
    delta = contribution(*after)
    if before is not None:
        merge(delta, contribution(*before), sign=-1)
    apply(delta)


def to_json(pairs: Counter[Pair]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for (dimension, value), count in sorted(pairs.items()):
        if count:
            out.setdefault(dimension, {})[value] = count
    return out


def from_json(counts: dict[str, dict[str, int]]) -> Counter[Pair]:
    return Counter({(d, v): c for d, values in counts.items() for v, c in values.items()})


def apply(delta: Delta) -> None:
    """Add ``delta`` to the tallies, locking their rows in unit order (tallies are created as
    needed). Large deltas (an import) go in chunks of plain statements."""
    ids = sorted(u for u, pairs in delta.items() if any(pairs.values()))
    field = MemberTally._meta.get_field("counts")
    with transaction.atomic():
        for start in range(0, len(ids), 2000):
            chunk = ids[start : start + 2000]
            found = dict(
                MemberTally.objects.select_for_update()
                .filter(unit_id__in=chunk)
                .order_by("unit_id")
                .values_list("unit_id", "counts")
            )
            new: list[tuple[Any, int]] = []
            changed: list[tuple[Any, int]] = []
            for unit_id in chunk:
                counts = from_json(found.get(unit_id) or {})
                counts.update(delta[unit_id])
                value = field.get_db_prep_value(to_json(counts), connection, prepared=False)
                (changed if unit_id in found else new).append((value, unit_id))
            with connection.cursor() as cur:
                cur.executemany(f"UPDATE {TABLE} SET counts = %s WHERE unit_id = %s", changed)
                cur.executemany(f"INSERT INTO {TABLE} (counts, unit_id) VALUES (%s, %s)", new)


def direct(unit_id: int) -> Counter[Pair]:
    """The counts of the members on the roll directly in one unit (one indexed query)."""
    rows = Member.objects.filter(cell_id=unit_id, standing=Standing.MEMBER).values(
        *ROW_FIELDS, gender=F("person__gender")
    )
    out: Counter[Pair] = Counter()
    for row in rows:
        out.update((values_of(row) or {}).items())
    return out


def _tally(unit_id: int) -> dict[str, dict[str, int]]:
    """The stored counts of the members below one unit (empty when it has none)."""
    tally = MemberTally.objects.filter(unit_id=unit_id).values_list("counts", flat=True).first()
    return tally or {}


def subtree(unit_id: int) -> Counter[Pair]:
    """The counts of everyone on the roll in the unit's subtree: its tally and its own members."""
    return from_json(_tally(unit_id)) + direct(unit_id)


def total(unit_id: int) -> int:
    """How many members are on the roll in the unit's subtree (two indexed reads)."""
    below = _tally(unit_id).get("total", {}).get("all", 0)
    return int(below) + Member.objects.filter(cell_id=unit_id, standing=Standing.MEMBER).count()


def member_rows(members: Iterable[dict[str, Any]], own: bool = False) -> Delta:
    """The tallies of many members at once (the recount); with ``own``, each unit's full
    counts, its own members included (the year-end snapshot)."""
    total: Delta = {}
    for row in members:
        merge(total, contribution(row["cell_path"], values_of(row), own=own))
    return total


def flat(delta: Delta) -> Counter[Key]:
    return Counter({(u, d, v): c for u, pairs in delta.items() for (d, v), c in pairs.items() if c})


def rows() -> Iterator[dict[str, Any]]:
    return Member.objects.values(*ROW_FIELDS, gender=F("person__gender")).iterator(chunk_size=20000)


def recount() -> Counter[Key]:
    """The tallies recomputed from the member rows, flat."""
    return flat(member_rows(rows()))


def stored() -> Counter[Key]:
    return flat({u: from_json(c) for u, c in MemberTally.objects.values_list("unit_id", "counts")})


def rebuild(delta: Delta) -> None:
    """Replace every stored tally."""
    with transaction.atomic():
        MemberTally.objects.all().delete()
        MemberTally.objects.bulk_create(
            (MemberTally(unit_id=u, counts=to_json(p)) for u, p in delta.items() if +p),
            batch_size=2000,
        )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE members_membertally")


def subtree_moved(old_path: str, new_path: str) -> None:
    """A unit moved in the tree: its subtree's counts leave the units that were above it and
    join the ones above it now."""
    unit_id = ancestors(new_path)[-1]
    before, after = set(ancestors(old_path)[:-1]), set(ancestors(new_path)[:-1])
    moved = subtree(unit_id)
    delta: Delta = {}
    for gone in before - after:
        delta[gone] = Counter({k: -c for k, c in moved.items()})
    for joined in after - before:
        delta[joined] = Counter(moved)
    apply(delta)

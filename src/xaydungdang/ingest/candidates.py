"""Who an article's person may be: the records of the same name that the reader may see, each
weighed on the evidence the article gives (titles and units held on the article's day, the unit
that keeps the file, the years), with the reasons shown to the reviewer.

Only the reader's scope is searched (``restrict``, the one choke point). A record outside it is
never named: at most the reader is told that a possible match exists elsewhere. Synthetic and
demo party members are never candidates for an article's official."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import QuerySet

from xaydungdang.core.access import VIEW
from xaydungdang.core.actors import Actor
from xaydungdang.core.text import fold
from xaydungdang.people.models import Person, Tenure, Title

OUTSIDE = "Có thể có bản ghi trùng ngoài phạm vi được phân quyền"
RECENT = dt.timedelta(days=366 * 5)  # a tenure ended more than five years before: another time


@dataclasses.dataclass
class Candidate:
    person: Person
    score: int
    fits: list[str]
    misses: list[str]

    def as_payload(self) -> dict[str, Any]:
        return {
            "person_id": self.person.pk,
            "name": self.person.full_name,
            "unit": self.person.managing_unit.name,
            "score": self.score,
            "fits": self.fits,
            "misses": self.misses,
        }


def visible(model: Any, actor: Actor, action: str = VIEW) -> QuerySet[Any]:
    """The rows of ``model`` that ``actor`` may see (every row for a system actor)."""
    return model.objects.restrict(actor, action)


def eligible(actor: Actor) -> QuerySet[Person]:
    """Persons an article may be linked to: in scope, and not synthetic party members."""
    return visible(Person, actor).exclude(member__is_demo=True)


def _covers(tenure: Tenure, day: dt.date) -> bool:
    return tenure.start <= day and (tenure.end is None or tenure.end > day)


def _weigh(
    person: Person,
    tenures: list[Tenure],
    parsed: list[tuple[Title, int]],
    units: list[int],
    day: dt.date,
) -> Candidate:
    fits: list[str] = []
    misses: list[str] = []
    score = 0
    for title, unit_id in parsed:
        same = [t for t in tenures if (t.title_id, t.unit_id) == (title.pk, unit_id)]
        label = title.label(same[0].unit.name) if same else title.name
        if any(_covers(t, day) or t.attested_only for t in same):
            score += 3
            fits.append(f"Giữ chức {label} vào thời điểm của bài")
        elif any(t.end is not None and t.end > day - RECENT for t in same):
            score += 1
            fits.append(f"Từng giữ chức {label} trong 5 năm trước")
        elif same:
            score -= 1
            misses.append(f"Giữ chức {label} đã lâu trước ngày của bài")
        elif any(t.unit_id == unit_id for t in tenures):
            score += 1
            fits.append("Có quá trình công tác tại đơn vị bài nêu")
        else:
            misses.append(f"Chưa ghi nhận chức danh {title.name} của người này")
    if person.managing_unit_id in units:
        score += 1
        fits.append(f"Hồ sơ do {person.managing_unit.name} quản lý, đơn vị bài nêu")
    if person.birth_year and day.year - person.birth_year < 18:
        score -= 5
        misses.append(f"Sinh năm {person.birth_year}: chưa đủ tuổi vào thời điểm của bài")
    return Candidate(person, score, fits, misses)


def weigh(
    name: str, parsed: list[tuple[Title, int]], units: list[int], day: dt.date, actor: Actor
) -> tuple[list[Candidate], bool]:
    """The in-scope candidates of ``name``, best first, and whether a record of that name
    exists outside the reader's scope (without saying which)."""
    key = fold(name)
    people = list(eligible(actor).filter(folded_name=key).select_related("managing_unit"))
    # Unscoped on purpose: it only says that a record exists elsewhere, never which one.
    others = Person.objects.exclude(member__is_demo=True).filter(folded_name=key)
    outside = others.exclude(pk__in=[p.pk for p in people]).exists()
    tenures: dict[int, list[Tenure]] = {p.pk: [] for p in people}
    for tenure in Tenure.objects.filter(person__in=people).select_related("unit"):
        tenures[tenure.person_id].append(tenure)
    found = [_weigh(p, tenures[p.pk], parsed, units, day) for p in people]
    return sorted(found, key=lambda c: -c.score), outside


def decide(candidates: list[Candidate], outside: bool) -> tuple[str, Candidate | None]:
    """ "matched" (one candidate that the evidence does not contradict, or the one that the
    evidence prefers), "new", "outside" (none here, a possible one elsewhere) or "ambiguous"."""
    if not candidates:
        return ("outside", None) if outside else ("new", None)
    best = candidates[0]
    if len(candidates) == 1:
        # Titles that the record does not show are not proof of another person, but a
        # record that fits none of them is not proof of the same one either.
        fits_well = best.score > 0 or (best.score == 0 and not best.misses)
        return ("matched", best) if fits_well else ("ambiguous", None)
    if best.score > 0 and best.score > candidates[1].score:
        return "matched", best
    return "ambiguous", None

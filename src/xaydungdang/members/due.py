"""What falls due in a unit's subtree: probationary members whose probation is over (or ends
soon) and who are not recognized yet, and the members due a Huy hiệu Đảng at an occasion.

The probation length is the rule in force on the ceremony date, so the query holds one range of
ceremony dates per rule period; it reads the partial index ``members_probation``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from xaydungdang.core import rules
from xaydungdang.core.access import VIEW, path_q
from xaydungdang.org.models import Unit

from .choices import MembershipType, Standing
from .models import Member
from .services.lifecycle import add_months, probation_end

SOON_DAYS = 30  # the list shows the probations that end within this many days too


@dataclasses.dataclass(frozen=True)
class ProbationDue:
    member: Member
    ends: dt.date
    overdue_days: int  # days since the probation ended (negative: days left)

    @property
    def days_left(self) -> int:
        return -self.overdue_days


def _ended_by(day: dt.date) -> Q:
    """Ceremony dates whose probation (the rule of their date) ends on or before ``day``."""
    ranges = Q(pk__in=[])
    for start, until, months in rules.periods("members.probation_months"):
        latest = add_months(day, -int(months))  # a ceremony on this date ends its probation on day
        period = Q(admission_ceremony_date__gte=start, admission_ceremony_date__lte=latest)
        if until is not None:
            period &= Q(admission_ceremony_date__lt=until)
        ranges |= period
    return ranges


def probations(user: Any, unit: Unit, today: dt.date) -> QuerySet[Member]:
    """Probationary members on the roll of the subtree whose probation has ended by today plus
    ``SOON_DAYS``, the longest overdue first."""
    horizon = today + dt.timedelta(days=SOON_DAYS)
    return (
        Member.objects.restrict(user, VIEW)
        .filter(
            path_q("cell_path", (unit.path,)),
            standing=Standing.MEMBER,
            membership_type=MembershipType.PROBATIONARY,
        )
        .filter(_ended_by(horizon))
        .select_related("person", "cell")
        .order_by("admission_ceremony_date", "pk")
    )


def probation_rows(members: list[Member], today: dt.date) -> list[ProbationDue]:
    at = rules.resolver("members.probation_months")  # one read for the whole page
    out = []
    for member in members:
        ends = probation_end(member, at)
        out.append(ProbationDue(member, ends, (today - ends).days))
    return out

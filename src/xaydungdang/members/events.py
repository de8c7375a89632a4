"""Typed business events of the members app: each lifecycle step also reaches the one
business-event feed (home page, history tab), beside the member's own timeline rows."""

from __future__ import annotations

import dataclasses

from xaydungdang.core.audit import Event, event_kind
from xaydungdang.core.dates import vn_date


@event_kind
@dataclasses.dataclass(frozen=True)
class MemberStep(Event):
    kind = "members.step"
    label = "Biến động đảng viên"
    member_id: int
    step: str  # members.choices.EventKind
    step_label: str
    name: str
    day: str  # ISO date

    def summary(self) -> str:
        import datetime as dt

        return f"{self.step_label}: {self.name} ({vn_date(dt.date.fromisoformat(self.day))})"

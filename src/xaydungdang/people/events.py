"""Typed business events of the people app."""

from __future__ import annotations

import dataclasses
import datetime as dt

from xaydungdang.core.audit import Event, event_kind
from xaydungdang.core.dates import vn_date


@event_kind
@dataclasses.dataclass(frozen=True)
class TenureStarted(Event):
    kind = "people.tenure_started"
    label = "Bắt đầu giữ chức danh"
    person_id: int
    person: str
    label_text: str
    start: str

    def summary(self) -> str:
        return f"{self.person} giữ chức {self.label_text} từ {_d(self.start)}"


@event_kind
@dataclasses.dataclass(frozen=True)
class TenureEnded(Event):
    kind = "people.tenure_ended"
    label = "Thôi giữ chức danh"
    person_id: int
    person: str
    label_text: str
    end: str

    def summary(self) -> str:
        return f"{self.person} thôi giữ chức {self.label_text} từ {_d(self.end)}"


def _d(iso: str) -> str:
    return vn_date(dt.date.fromisoformat(iso))

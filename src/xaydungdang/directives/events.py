"""Typed business events of the directives app."""

from __future__ import annotations

import dataclasses

from xaydungdang.core.audit import Event, event_kind


@event_kind
@dataclasses.dataclass(frozen=True)
class DocumentRegistered(Event):
    kind = "directives.document_registered"
    label = "Vào sổ văn bản"
    document_id: int
    reference: str

    def summary(self) -> str:
        return f"Vào sổ {self.reference}"


@event_kind
@dataclasses.dataclass(frozen=True)
class TaskAssigned(Event):
    kind = "directives.task_assigned"
    label = "Giao nhiệm vụ"
    task_id: int
    document: str
    lead_unit: str

    def summary(self) -> str:
        return f"Giao nhiệm vụ theo {self.document} cho {self.lead_unit}"


@event_kind
@dataclasses.dataclass(frozen=True)
class ProgressReported(Event):
    kind = "directives.progress_reported"
    label = "Báo cáo tiến độ"
    task_id: int
    percent: int
    lead_unit: str

    def summary(self) -> str:
        return f"{self.lead_unit} báo cáo tiến độ {self.percent}%"


@event_kind
@dataclasses.dataclass(frozen=True)
class TaskCompleted(Event):
    kind = "directives.task_completed"
    label = "Hoàn thành nhiệm vụ"
    task_id: int
    lead_unit: str

    def summary(self) -> str:
        return f"{self.lead_unit} hoàn thành nhiệm vụ"

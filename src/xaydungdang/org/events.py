"""Typed business events of the org app."""

from __future__ import annotations

import dataclasses

from xaydungdang.core.audit import Event, event_kind


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitEstablished(Event):
    kind = "org.unit_established"
    label = "Thành lập đơn vị"
    unit_id: int
    name: str
    parent_id: int | None
    effective_date: str | None

    def summary(self) -> str:
        return f"Thành lập {self.name}"


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitRenamed(Event):
    kind = "org.unit_renamed"
    label = "Đổi tên đơn vị"
    unit_id: int
    old_name: str
    new_name: str
    effective_date: str

    def summary(self) -> str:
        return f"Đổi tên {self.old_name} thành {self.new_name}"


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitReparented(Event):
    kind = "org.unit_reparented"
    label = "Chuyển trực thuộc"
    unit_id: int
    name: str
    old_parent_id: int | None
    new_parent_id: int | None
    effective_date: str

    def summary(self) -> str:
        return f"Chuyển {self.name} sang đơn vị trực thuộc mới"


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitsMerged(Event):
    kind = "org.units_merged"
    label = "Hợp nhất, sáp nhập đơn vị"
    predecessor_ids: list[int]
    successor_id: int
    successor_name: str
    effective_date: str

    def summary(self) -> str:
        return f"Hợp nhất {len(self.predecessor_ids)} đơn vị vào {self.successor_name}"


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitSplit(Event):
    kind = "org.unit_split"
    label = "Chia tách đơn vị"
    unit_id: int
    name: str
    successor_ids: list[int]
    effective_date: str

    def summary(self) -> str:
        return f"Chia tách {self.name} thành {len(self.successor_ids)} đơn vị"


@event_kind
@dataclasses.dataclass(frozen=True)
class UnitDissolved(Event):
    kind = "org.unit_dissolved"
    label = "Giải thể đơn vị"
    unit_id: int
    name: str
    effective_date: str

    def summary(self) -> str:
        return f"Giải thể {self.name}"

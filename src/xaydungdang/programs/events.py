"""Typed business events of the programs app."""

from __future__ import annotations

import dataclasses

from xaydungdang.core.audit import Event, event_kind


@event_kind
@dataclasses.dataclass(frozen=True)
class ProgramSigned(Event):
    kind = "programs.program_signed"
    label = "Ký kết chương trình phối hợp"
    program_id: int
    title: str

    def summary(self) -> str:
        return f"Ký kết {self.title}"


@event_kind
@dataclasses.dataclass(frozen=True)
class ItemReviewed(Event):
    kind = "programs.item_reviewed"
    label = "Cập nhật nội dung phối hợp"
    item_id: int
    year: int
    number: int
    status: str

    def summary(self) -> str:
        return f"Nội dung {self.number} năm {self.year}: {self.status}"


@event_kind
@dataclasses.dataclass(frozen=True)
class ReviewFinalized(Event):
    kind = "programs.review_finalized"
    label = "Hoàn thành báo cáo sơ kết, tổng kết"
    review_id: int
    title: str

    def summary(self) -> str:
        return f"Hoàn thành {self.title}"

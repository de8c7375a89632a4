"""The writes of members: the lifecycle (admission to the end of membership), badges and
imports. ``from xaydungdang.members import services`` gives the lifecycle services."""

from .lifecycle import (
    Sheet,
    add_months,
    member_admit,
    member_exempt,
    member_leave,
    member_readmit,
    member_recognize_full,
    member_transfer,
    person_changed,
    probation_end,
)

__all__ = [
    "Sheet",
    "add_months",
    "member_admit",
    "member_exempt",
    "member_leave",
    "member_readmit",
    "member_recognize_full",
    "member_transfer",
    "person_changed",
    "probation_end",
]

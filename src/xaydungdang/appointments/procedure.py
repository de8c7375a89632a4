"""The procedure of a kind of case, as the rule registry defines it: the ordered steps, who
votes in each, the quorum and the threshold. Counts are compared as fractions of integers so
that "more than 1/2" and "at least 2/3" are exact."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from xaydungdang.core import rules
from xaydungdang.core.models import RuleSet

RULE_KEY = "appointments.procedures"


@dataclasses.dataclass(frozen=True)
class Share:
    num: int
    den: int
    strict: bool  # "more than" rather than "at least"

    def met(self, count: int, total: int) -> bool:
        return (
            count * self.den > self.num * total
            if self.strict
            else (count * self.den >= self.num * total)
        )

    def needed(self, total: int) -> int:
        """The smallest count that meets the share of ``total``."""
        count = self.num * total // self.den
        return count + 1 if self.strict or count * self.den < self.num * total else count

    def text(self) -> str:
        word = "trên" if self.strict else "ít nhất"
        return f"{word} {self.num}/{self.den}"


@dataclasses.dataclass(frozen=True)
class Step:
    code: str
    label: str
    collective: str
    ballot: str
    quorum: Share
    threshold: Share | None  # None: a step without a vote


@dataclasses.dataclass(frozen=True)
class Procedure:
    kind: str
    label: str
    source: str  # "internal" or "external" (hooks.APPOINTMENT_CHECKS)
    proposer: str
    steps: tuple[Step, ...]


def _share(raw: dict[str, Any] | None, strict: bool) -> Share | None:
    if raw is None:
        return None
    return Share(int(raw["num"]), int(raw["den"]), bool(raw.get("strict", strict)))


def _procedure(kind: str, raw: dict[str, Any]) -> Procedure:
    steps = tuple(
        Step(
            code=s["code"],
            label=s["label"],
            collective=s.get("collective", ""),
            ballot=s.get("ballot", ""),
            quorum=_share(s["quorum"], False) or Share(0, 1, False),
            threshold=_share(s.get("threshold"), True),
        )
        for s in raw["steps"]
    )
    return Procedure(
        kind, raw["label"], raw.get("source", "internal"), raw.get("proposer", ""), steps
    )


def kinds(on: dt.date) -> tuple[RuleSet, dict[str, Procedure]]:
    """The rule set in force on ``on`` and the procedures it defines, by kind."""
    found = rules.resolve(RULE_KEY, on)
    return found.rule_set, {k: _procedure(k, raw) for k, raw in found.value.items()}


def of(rule_set: RuleSet, kind: str) -> Procedure:
    """The procedure of ``kind`` in ``rule_set`` (the set a case was opened under)."""
    rule = rule_set.rules.filter(key=RULE_KEY).first()
    if rule is None or kind not in rule.value:
        raise ValidationError(f"{rule_set.name} không quy định loại hồ sơ “{kind}”.")
    return _procedure(kind, rule.value[kind])

"""The dated rule registry: rule sets with an effective date; a decision stores the set it used."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from . import audit
from .actors import SYSTEM_MIGRATION, Actor
from .dates import vn_date
from .models import Rule, RuleSet

BASELINE = Path(__file__).with_name("data") / "rulesets.json"


@dataclasses.dataclass(frozen=True)
class Resolved:
    key: str
    value: Any
    rule_set: RuleSet


def resolve(key: str, on: dt.date) -> Resolved:
    """The value of rule ``key`` in force on ``on``: from the latest set effective by then."""
    rule = (
        Rule.objects.filter(key=key, rule_set__effective_from__lte=on)
        .select_related("rule_set")
        .order_by("-rule_set__effective_from", "-rule_set_id")
        .first()
    )
    if rule is None:
        raise ValidationError(
            f"Chưa có quy tắc “{key}” áp dụng cho ngày {vn_date(on)} trong sổ quy tắc."
        )
    return Resolved(key, rule.value, rule.rule_set)


def resolver(key: str) -> Callable[[dt.date], Resolved]:
    """``resolve`` for many dates at once (an import): the key's rules are read once."""
    rows = list(
        Rule.objects.filter(key=key)
        .select_related("rule_set")
        .order_by("-rule_set__effective_from", "-rule_set_id")
    )

    def at(on: dt.date) -> Resolved:
        for rule in rows:
            if rule.rule_set.effective_from <= on:
                return Resolved(key, rule.value, rule.rule_set)
        raise ValidationError(
            f"Chưa có quy tắc “{key}” áp dụng cho ngày {vn_date(on)} trong sổ quy tắc."
        )

    return at


def periods(key: str) -> list[tuple[dt.date, dt.date | None, Any]]:
    """(from, until, value) of each rule of ``key``, oldest first: until is the next rule's
    date (None for the rule in force), so a query can hold every period at once."""
    rows = list(
        Rule.objects.filter(key=key)
        .order_by("rule_set__effective_from", "rule_set_id")
        .values_list("rule_set__effective_from", "value")
    )
    return [
        (start, rows[i + 1][0] if i + 1 < len(rows) else None, value)
        for i, (start, value) in enumerate(rows)
    ]


def earliest_date() -> dt.date:
    """The effective date of the oldest registered rule set (for dates before the records)."""
    first = RuleSet.objects.order_by("effective_from").values_list("effective_from", flat=True)
    return first.first() or dt.date.min


def ruleset_create(
    *,
    code: str,
    name: str,
    source: str,
    effective_from: dt.date,
    rules: dict[str, Any],
    note: str = "",
    actor: Actor,
) -> RuleSet:
    """Register a rule set. Sets are immutable once registered: a change is a new dated set."""
    from . import access

    if not access.actor_scope(actor, access.MANAGE).everything:
        raise access.AccessDenied("Chỉ quản trị toàn hệ thống mới được ban hành bộ quy tắc.")
    if not rules:
        raise ValidationError("Bộ quy tắc phải có ít nhất một quy tắc.")
    rule_set = RuleSet(
        code=code.strip(), name=name.strip(), source=source.strip(), effective_from=effective_from
    )
    rule_set.note = note
    rule_set.full_clean()
    with transaction.atomic():
        rule_set.save()
        Rule.objects.bulk_create(
            Rule(rule_set=rule_set, key=k, value=v) for k, v in sorted(rules.items())
        )
        after = {**(audit.snapshot(rule_set) or {}), "rules": rules}
        audit.record(actor=actor, obj=rule_set, action="create", before=None, after=after)
    return rule_set


def baseline_files() -> list[Path]:
    """The core baseline, then each installed app's ``data/rulesets.json`` (its own rules)."""
    from django.apps import apps

    files = [BASELINE]
    for config in apps.get_app_configs():
        candidate = Path(config.path) / "data" / "rulesets.json"
        if candidate != BASELINE and candidate.exists():
            files.append(candidate)
    return files


def load_baseline(path: Path | None = None) -> int:
    """Register the missing baseline rule sets (idempotent); returns how many were added."""
    added = 0
    items = [
        item
        for file in ([path] if path else baseline_files())
        for item in json.loads(file.read_text(encoding="utf-8"))
    ]
    for item in items:
        if RuleSet.objects.filter(code=item["code"]).exists():
            continue
        ruleset_create(
            code=item["code"],
            name=item["name"],
            source=item["source"],
            effective_from=dt.date.fromisoformat(item["effective_from"]),
            rules=item["rules"],
            note=item.get("note", ""),
            actor=SYSTEM_MIGRATION,
        )
        added += 1
    return added

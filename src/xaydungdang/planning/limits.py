"""The registry's planning limits, read for a date (50-QĐ/TW before 08/10/2025, 377-QĐ/TW
after): a refusal names the rule set it comes from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from xaydungdang.core import rules
from xaydungdang.core.models import RuleSet

from .models import PlanningPool, PoolEntry

RULE_KEY = "planning.max_people_per_post"


def rule_set_on(day: dt.date) -> RuleSet:
    return rules.resolve(RULE_KEY, day).rule_set


def by_kind(value: Any, kind: str) -> Any:
    """A per-level value: the unit kind's own, else the "*" default."""
    if isinstance(value, dict):
        return value.get(kind, value.get("*"))
    return value


def _rule_name(resolved: rules.Resolved) -> str:
    return f"{resolved.rule_set.source or resolved.rule_set.name}"


def check_add(pool: PlanningPool, person: Any, day: dt.date) -> None:
    """Refuse an addition over a limit, naming the rule."""
    active = PoolEntry.objects.filter(removed_on__isnull=True)
    per_post = rules.resolve("planning.max_people_per_post", day)
    if active.filter(pool=pool).count() >= per_post.value:
        raise ValidationError(
            f"Chức danh {pool.title} của {pool.unit.name} đã đủ {per_post.value} người quy hoạch "
            f"(tối đa {per_post.value} người một chức danh theo {_rule_name(per_post)})."
        )
    per_person = rules.resolve("planning.max_posts_per_person", day)
    held = active.filter(person=person, pool__term_start=pool.term_start).count()
    if held >= per_person.value:
        raise ValidationError(
            f"{person} đã được quy hoạch {held} chức danh nhiệm kỳ {pool.term} (tối đa "
            f"{per_person.value} chức danh một người theo {_rule_name(per_person)})."
        )
    age_rule = rules.resolve("planning.max_age_at_term_start", day)
    limit = by_kind(age_rule.value, pool.unit.kind)
    if person.birth_year and limit is not None and pool.term_start - person.birth_year > limit:
        raise ValidationError(
            f"{person} {pool.term_start - person.birth_year} tuổi khi bắt đầu nhiệm kỳ "
            f"{pool.term}, quá tuổi tối đa {limit} để quy hoạch theo {_rule_name(age_rule)}."
        )

"""The dated rule registry: resolution by date, Vietnamese errors, decisions keep their set."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.core import rules
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord, RuleSet
from xaydungdang.org import services as org
from xaydungdang.org.models import UnitEvent

D = dt.date


def test_baseline_rule_sets_are_loaded_by_migrate(db: None) -> None:
    assert set(RuleSet.objects.values_list("code", flat=True)) >= {
        "to-chuc-4-cap",
        "294-QD-TW-to-chuc",
    }


def test_resolve_takes_the_set_in_force_on_the_date(db: None) -> None:
    before = rules.resolve("org.retired_unit_kinds", D(2025, 6, 30))
    after = rules.resolve("org.retired_unit_kinds", D(2025, 7, 1))
    assert before.value == [] and before.rule_set.code == "to-chuc-4-cap"
    assert after.value == ["district_committee"] and after.rule_set.code == "294-QD-TW-to-chuc"


def test_a_resolver_answers_like_resolve_for_every_date(db: None) -> None:
    at = rules.resolver("org.retired_unit_kinds")
    for day in (D(1930, 2, 3), D(2025, 6, 30), D(2025, 7, 1), D(2030, 1, 1)):
        assert at(day) == rules.resolve("org.retired_unit_kinds", day)
    with pytest.raises(ValidationError, match="Chưa có quy tắc"):
        at(D(1900, 1, 1))


def test_new_dated_set_overrides_from_its_date_only(db: None) -> None:
    rules.ruleset_create(
        code="thu-nghiem-2026",
        name="Thử nghiệm",
        source="Quy định giả định",
        effective_from=D(2026, 2, 1),
        rules={"org.grassroots_committee_min_members": 25},
        actor=SYSTEM_CLI,
    )
    assert rules.resolve("org.grassroots_committee_min_members", D(2026, 1, 31)).value == 30
    assert rules.resolve("org.grassroots_committee_min_members", D(2026, 2, 1)).value == 25
    record = ChangeRecord.objects.get(
        object_type="core.ruleset", action="create", object_repr__startswith="Thử nghiệm"
    )
    assert record.after["rules"] == {"org.grassroots_committee_min_members": 25}


def test_missing_rule_is_a_vietnamese_error(db: None) -> None:
    with pytest.raises(ValidationError) as err:
        rules.resolve("khong.ton.tai", D(2020, 1, 1))
    assert "Chưa có quy tắc" in err.value.messages[0] and "01/01/2020" in err.value.messages[0]


def test_decisions_store_the_rule_set_in_force(root: object) -> None:
    spec = org.UnitSpec(name="Huyện ủy Thử", kind="district_committee", parent=root)  # type: ignore[arg-type]
    unit = org.unit_create(spec=spec, valid_from=D(2010, 1, 1), actor=SYSTEM_CLI)
    org.unit_dissolve(unit=unit, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI)
    events = {e.kind: e.rule_set.code for e in UnitEvent.objects.filter(links__unit=unit)}
    assert events == {"establish": "to-chuc-4-cap", "dissolve": "294-QD-TW-to-chuc"}


def test_a_retired_kind_cannot_be_established_after_its_end(root: object) -> None:
    spec = org.UnitSpec(name="Huyện ủy Mới", kind="district_committee", parent=root)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err:
        org.unit_create(spec=spec, valid_from=D(2025, 8, 1), actor=SYSTEM_CLI)
    assert "Từ 01/07/2025 không còn loại đơn vị" in err.value.messages[0]
    assert "294-QĐ/TW" in err.value.messages[0]

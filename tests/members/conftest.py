"""Fixtures of the member tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit

D = dt.date


@pytest.fixture
def cells(root: Unit, make_unit: Callable[..., Unit]) -> dict[str, Unit]:
    province = make_unit("Tỉnh ủy Thử nghiệm", code="tu-t", valid_from=D(1940, 1, 1))
    other = make_unit("Tỉnh ủy Khác", code="tu-k", valid_from=D(1940, 1, 1))
    made = {"province": province, "other": other}
    for code, parent in (("cb-1", province), ("cb-2", province), ("cb-3", other)):
        made[code] = org.unit_create(
            spec=org.UnitSpec(
                name=f"Chi bộ {code}", kind="grassroots_cell", parent=parent, code=code
            ),
            valid_from=D(1950, 1, 1),
            actor=SYSTEM_CLI,
        )
    return made

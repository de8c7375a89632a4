from __future__ import annotations

from collections.abc import Callable

import pytest

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title


@pytest.fixture
def city(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit("Thành ủy Cần Thơ")


@pytest.fixture
def titles(db: None) -> dict[str, Title]:
    names = ["Bí thư", "Phó Bí thư", "Ủy viên Ban Thường vụ", "Chủ tịch"]
    return {
        n: people.title_create(name=n, unit_kinds=["provincial_committee"], actor=SYSTEM_CLI)
        for n in names
    }


@pytest.fixture
def make_person(city: Unit) -> Callable[..., Person]:
    def make(name: str, birth_year: int = 1975, gender: str = "male") -> Person:
        return people.person_create(
            full_name=name,
            managing_unit=city,
            birth_year=birth_year,
            gender=gender,
            actor=SYSTEM_CLI,
        )

    return make

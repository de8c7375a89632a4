"""Planning pools: each registry limit refuses an addition with the rule's name, under the
50-QĐ/TW set (before 08/10/2025) and the 377-QĐ/TW set (after); removals keep their reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.core import access, rules
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person, Title
from xaydungdang.planning import services as planning
from xaydungdang.planning.models import PlanningPool, PoolEntry

D = dt.date
# (decision day, term start, rule set code, the rule's source named in a refusal)
OLD = (D(2024, 3, 1), 2025, "quy-hoach-50-2021", "50-QĐ/TW")
NEW = (D(2026, 3, 1), 2030, "quy-hoach-377-2025", "377-QĐ/TW")
BOTH = pytest.mark.parametrize("era", [OLD, NEW], ids=["50-QĐ/TW", "377-QĐ/TW"])


def make_pool(title: Title, unit: Unit, era: tuple) -> PlanningPool:
    day, start, _, _ = era
    return planning.pool_create(
        title=title, unit=unit, term_start=start, term_end=start + 5, decided_on=day,
        decision_number="01-QĐ/TU", actor=SYSTEM_CLI,
    )  # fmt: skip


def add(pool: PlanningPool, person: Person) -> PoolEntry:
    return planning.pool_add_person(
        pool=pool, person=person, added_on=pool.decided_on, actor=SYSTEM_CLI
    )


@BOTH
def test_pool_and_entry_keep_the_rule_set_of_their_date(
    era: tuple, city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    pool = make_pool(titles["Bí thư"], city, era)
    entry = add(pool, make_person("Nguyễn Văn An"))
    assert pool.rule_set.code == entry.rule_set.code == era[2]
    assert ChangeRecord.objects.filter(object_id=str(entry.pk), action="create").exists()


@BOTH
def test_people_per_post_limit_refuses_one_more(
    era: tuple, city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    limit = rules.resolve("planning.max_people_per_post", era[0]).value
    pool = make_pool(titles["Bí thư"], city, era)
    for i in range(limit):
        add(pool, make_person(f"Cán bộ Số {i}"))
    with pytest.raises(ValidationError, match=f"tối đa {limit} người.*{era[3]}"):
        add(pool, make_person("Người Thừa"))
    assert pool.entries.count() == limit


def test_the_per_post_limit_differs_between_the_rule_sets(
    city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    """A fourth person fits under 50-QĐ/TW (4 a post) and not under 377-QĐ/TW (3 a post)."""
    old, new = make_pool(titles["Bí thư"], city, OLD), make_pool(titles["Bí thư"], city, NEW)
    for i in range(3):
        add(old, make_person(f"Cũ Văn {i}"))
        add(new, make_person(f"Mới Văn {i}"))
    add(old, make_person("Cũ Văn Tư"))
    with pytest.raises(ValidationError, match="377-QĐ/TW"):
        add(new, make_person("Mới Văn Tư"))


@BOTH
def test_posts_per_person_limit_counts_the_same_term(
    era: tuple, city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    limit = rules.resolve("planning.max_posts_per_person", era[0]).value
    person = make_person("Trần Thị Bình", gender="female")
    pools = [make_pool(t, city, era) for t in list(titles.values())[: limit + 1]]
    for pool in pools[:limit]:
        add(pool, person)
    with pytest.raises(ValidationError, match=f"tối đa\\s+{limit} chức danh.*{era[3]}"):
        add(pools[limit], person)
    other_term = OLD if era is NEW else NEW
    add(make_pool(pools[limit].title, city, other_term), person)  # another term: allowed


@BOTH
def test_age_at_term_start_limit(
    era: tuple, city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    limit = rules.resolve("planning.max_age_at_term_start", era[0]).value["*"]
    pool = make_pool(titles["Bí thư"], city, era)
    add(pool, make_person("Lê Văn Vừa", birth_year=era[1] - limit))
    with pytest.raises(ValidationError, match=f"quá tuổi tối đa {limit}.*{era[3]}"):
        add(pool, make_person("Lê Văn Quá", birth_year=era[1] - limit - 1))


def test_a_person_is_in_a_pool_once_and_leaves_it_with_a_reason(
    city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    pool = make_pool(titles["Bí thư"], city, NEW)
    person = make_person("Phạm Văn Cường")
    entry = add(pool, person)
    with pytest.raises(ValidationError, match="đã có trong quy hoạch"):
        add(pool, person)
    with pytest.raises(ValidationError, match="lý do"):
        planning.pool_remove_person(
            entry=entry, removed_on=D(2027, 1, 1), reason=" ", actor=SYSTEM_CLI
        )
    planning.pool_remove_person(
        entry=entry, removed_on=D(2027, 1, 1), reason="Không hoàn thành nhiệm vụ", actor=SYSTEM_CLI
    )
    with pytest.raises(ValidationError, match="đã được đưa ra"):
        planning.pool_remove_person(
            entry=entry, removed_on=D(2027, 2, 1), reason="x", actor=SYSTEM_CLI
        )
    entry.refresh_from_db()
    assert (entry.removed_on, entry.removed_reason) == (D(2027, 1, 1), "Không hoàn thành nhiệm vụ")
    add(pool, person)  # planned again after a removal
    assert pool.entries.filter(removed_on__isnull=True).count() == 1


def test_bad_input_changes_nothing(
    city: Unit, titles: dict[str, Title], make_person: Callable[..., Person]
) -> None:
    with pytest.raises(ValidationError, match="Năm kết thúc"):
        planning.pool_create(title=titles["Bí thư"], unit=city, term_start=2030, term_end=2030,
                             decided_on=D(2026, 1, 1), actor=SYSTEM_CLI)  # fmt: skip
    pool = make_pool(titles["Bí thư"], city, NEW)
    with pytest.raises(ValidationError, match="Đã có quy hoạch"):
        make_pool(titles["Bí thư"], city, NEW)
    with pytest.raises(ValidationError, match="từ ngày phê duyệt"):
        planning.pool_add_person(pool=pool, person=make_person("Sớm Văn Quá"),
                                 added_on=D(2025, 1, 1), actor=SYSTEM_CLI)  # fmt: skip
    assert PlanningPool.objects.count() == 1 and PoolEntry.objects.count() == 0


def test_a_user_outside_the_unit_is_refused(
    city: Unit,
    make_unit: Callable[..., Unit],
    titles: dict[str, Title],
    make_person: Callable[..., Person],
    scoped_user: Callable[..., object],
) -> None:
    other = scoped_user("ngoai", make_unit("Tỉnh ủy Khác"))
    with pytest.raises(access.AccessDenied):
        planning.pool_create(title=titles["Bí thư"], unit=city, term_start=2030, term_end=2035,
                             decided_on=D(2026, 1, 1), actor=other)  # fmt: skip
    pool = make_pool(titles["Bí thư"], city, NEW)
    assert not PlanningPool.objects.restrict(other, access.VIEW).exists()
    with pytest.raises(access.AccessDenied):
        planning.pool_add_person(pool=pool, person=make_person("Ai Đó"),
                                 added_on=D(2026, 3, 1), actor=other)  # fmt: skip

"""Edits racing on one person, tenure or unit: exactly one wins, the other is refused as stale
and changes nothing; and the same through the pages (a stale form)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title

from ..races import STALE, assert_one_wins, form_version, race

D = dt.date
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hanoi(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit("Thành ủy Hà Nội", code="tu-hn")


@pytest.fixture
def person(hanoi: Unit) -> Person:
    return people.person_create(full_name="Đinh Tiến Dũng", managing_unit=hanoi, actor=SYSTEM_CLI)


@pytest.fixture
def tenure(person: Person, hanoi: Unit) -> Tenure:
    title = Title.objects.get_or_create(name="Bí thư", defaults={"folded": "bi thu"})[0]
    return people.tenure_start(
        person=person, title=title, unit=hanoi, start=D(2023, 6, 1), actor=SYSTEM_CLI
    )


def test_two_person_edits(person: Person) -> None:
    first, second = Person.objects.get(pk=person.pk), Person.objects.get(pk=person.pk)
    assert_one_wins(
        race(
            lambda: people.person_update(person=first, birth_year=1961, actor=SYSTEM_CLI),
            lambda: people.person_update(person=second, note="Ghi chú mới", actor=SYSTEM_CLI),
        )
    )
    person.refresh_from_db()
    assert (person.birth_year == 1961) != (person.note == "Ghi chú mới")


def test_a_stale_person_copy_does_not_write_back_old_fields(person: Person) -> None:
    stale = Person.objects.get(pk=person.pk)
    people.person_update(person=person, full_name="Đinh Tiến Dũng (sửa)", actor=SYSTEM_CLI)
    with pytest.raises(Exception, match=STALE):
        people.person_update(person=stale, birth_year=1961, actor=SYSTEM_CLI)
    person.refresh_from_db()
    assert (person.full_name, person.birth_year) == ("Đinh Tiến Dũng (sửa)", None)


def test_ending_a_tenure_against_correcting_its_start(tenure: Tenure) -> None:
    first, second = Tenure.objects.get(pk=tenure.pk), Tenure.objects.get(pk=tenure.pk)
    assert_one_wins(
        race(
            lambda: people.tenure_end(tenure=first, end=D(2024, 1, 1), actor=SYSTEM_CLI),
            lambda: people.tenure_update(tenure=second, start=D(2023, 5, 1), actor=SYSTEM_CLI),
        )
    )
    tenure.refresh_from_db()
    assert (tenure.end is not None) != (tenure.start == D(2023, 5, 1))


def test_two_endings_of_one_tenure(tenure: Tenure) -> None:
    first, second = Tenure.objects.get(pk=tenure.pk), Tenure.objects.get(pk=tenure.pk)
    assert_one_wins(
        race(
            lambda: people.tenure_end(tenure=first, end=D(2024, 1, 1), actor=SYSTEM_CLI),
            lambda: people.tenure_end(tenure=second, end=D(2025, 1, 1), actor=SYSTEM_CLI),
        )
    )
    assert Tenure.objects.get(pk=tenure.pk).end in (D(2024, 1, 1), D(2025, 1, 1))


def test_renaming_against_moving_one_unit(hanoi: Unit, make_unit: Callable[..., Unit]) -> None:
    ward = make_unit("Đảng ủy phường Ba Đình", parent=hanoi, kind="commune_committee")
    other = make_unit("Tỉnh ủy Bắc Ninh", code="tu-bn")
    first, second = Unit.objects.get(pk=ward.pk), Unit.objects.get(pk=ward.pk)
    assert_one_wins(
        race(
            lambda: org.unit_rename(
                unit=first, name="Đảng ủy phường Ba Đình mới", effective_date=D(2025, 7, 1),
                actor=SYSTEM_CLI,
            ),
            lambda: org.unit_reparent(
                unit=second, new_parent=other, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI
            ),
        )
    )  # fmt: skip
    ward.refresh_from_db()
    assert (ward.name == "Đảng ủy phường Ba Đình mới") != (ward.parent_id == other.pk)
    assert ward.path.startswith((hanoi.path, other.path))


def test_a_child_created_while_its_parent_moves_lands_under_the_moved_path(
    hanoi: Unit, make_unit: Callable[..., Unit]
) -> None:
    ward = make_unit("Đảng ủy phường Hoàn Kiếm", parent=hanoi, kind="commune_committee")
    other = make_unit("Tỉnh ủy Hưng Yên", code="tu-hy")
    stale_parent = Unit.objects.get(pk=ward.pk)
    org.unit_reparent(unit=ward, new_parent=other, effective_date=D(2025, 7, 1), actor=SYSTEM_CLI)
    spec = org.UnitSpec(name="Chi bộ khu phố 1", kind="grassroots_cell", parent=stale_parent)
    with pytest.raises(Exception, match=STALE):
        org.unit_create(spec=spec, valid_from=D(2025, 8, 1), actor=SYSTEM_CLI)
    assert not Unit.objects.filter(name="Chi bộ khu phố 1").exists()


def test_a_stale_person_form_is_refused_and_changes_nothing(
    person: Person, superuser: object
) -> None:
    client = Client()
    client.force_login(superuser)  # type: ignore[arg-type]
    url = reverse("people:person_edit", args=[person.pk])
    form = {
        "full_name": "Đinh Tiến Dũng",
        "gender": "male",
        "birth_year": "1961",
        "note": "",
        "managing_unit": str(person.managing_unit_id),
        "version": form_version(client, url),
    }
    assert 'for="id_version"' not in client.get(url).content.decode()  # hidden, no label
    people.person_update(person=person, note="Sửa ở nơi khác", actor=superuser)
    page = client.post(url, form)
    assert page.status_code == 200 and STALE in page.content.decode()
    person.refresh_from_db()
    assert (person.note, person.birth_year) == ("Sửa ở nơi khác", None)
    form["version"] = form_version(client, url)
    assert client.post(url, form).status_code == 302
    person.refresh_from_db()
    assert person.birth_year == 1961

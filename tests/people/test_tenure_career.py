"""Tenures as a career record: attestations merge, "who held T in U on D" never answers a false
"nobody", titles belong to kinds of unit, scoping, and the who-held command on the demo data."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, TenureAttestation, Title
from xaydungdang.people.selectors import who_held

D = dt.date


@pytest.fixture
def secretary(db: None) -> Title:
    kinds = ["provincial_committee", "commune_committee"]
    return people.title_create(name="Bí thư", unit_kinds=kinds, actor=SYSTEM_CLI)


@pytest.fixture
def city(make_unit: Callable[..., Unit]) -> Unit:
    return make_unit("Thành ủy Cần Thơ")


def person(unit: Unit, name: str) -> Person:
    return people.person_create(full_name=name, managing_unit=unit, actor=SYSTEM_CLI)


def attest(p: Person, title: Title, unit: Unit, day: dt.date) -> Tenure:
    return people.tenure_attest(
        person=p, title=title, unit=unit, day=day, source=f"Bài {day}", actor=SYSTEM_CLI
    )


def test_attestations_merge_into_one_tenure_whose_span_grows(city: Unit, secretary: Title) -> None:
    p = person(city, "Lê Văn A")
    first = attest(p, secretary, city, D(2019, 5, 1))
    assert (first.start, first.end, first.attested_only) == (D(2019, 5, 1), D(2019, 5, 2), True)
    assert first.start_basis == first.end_basis == "article"
    later = attest(p, secretary, city, D(2020, 3, 10))
    earlier = attest(p, secretary, city, D(2018, 1, 2))
    inside = attest(p, secretary, city, D(2019, 9, 9))
    assert first.pk == later.pk == earlier.pk == inside.pk
    assert Tenure.objects.filter(person=p).count() == 1
    tenure = Tenure.objects.get(pk=first.pk)
    assert (tenure.start, tenure.end) == (D(2018, 1, 2), D(2020, 3, 11))
    days = sorted(TenureAttestation.objects.filter(tenure=tenure).values_list("day", flat=True))
    assert days == [D(2018, 1, 2), D(2019, 5, 1), D(2019, 9, 9), D(2020, 3, 10)]


def test_an_attestation_inside_a_decided_tenure_joins_it(city: Unit, secretary: Title) -> None:
    p = person(city, "Lê Văn A")
    decided = people.tenure_start(
        person=p,
        title=secretary,
        unit=city,
        start=D(2020, 10, 17),
        start_basis="decision",
        start_reference="Nghị quyết bầu cử",
        actor=SYSTEM_CLI,
    )
    assert attest(p, secretary, city, D(2022, 12, 23)).pk == decided.pk
    assert Tenure.objects.filter(person=p).count() == 1
    assert decided.attestations.count() == 1


def test_who_held_covering_between_and_before_the_first(city: Unit, secretary: Title) -> None:
    a, b, c = (person(city, n) for n in ("Lê Văn A", "Trần Thị B", "Phạm Văn C"))
    people.tenure_start(
        person=a,
        title=secretary,
        unit=city,
        start=D(2016, 2, 4),
        end=D(2017, 5, 9),
        start_basis="decision",
        end_basis="decision",
        actor=SYSTEM_CLI,
    )
    attest(b, secretary, city, D(2018, 6, 1))
    attest(b, secretary, city, D(2019, 6, 1))
    attest(c, secretary, city, D(2022, 1, 5))

    decided = who_held(SYSTEM_CLI, city, D(2017, 3, 15), secretary)
    assert [t.person for t in decided.holders] == [a]

    attested = who_held(SYSTEM_CLI, city, D(2019, 1, 1), secretary)
    assert [t.person for t in attested.holders] == [b]

    between = who_held(SYSTEM_CLI, city, D(2021, 1, 1), secretary)
    assert between.holders == [] and between.known
    assert [(n.tenure.person, n.day, n.attested) for n in between.before] == [
        (b, D(2019, 6, 1), True)
    ]
    assert [(n.tenure.person, n.day, n.attested) for n in between.after] == [
        (c, D(2022, 1, 5), True)
    ]

    first = who_held(SYSTEM_CLI, city, D(2010, 1, 1), secretary)
    assert first.holders == [] and first.before == []
    assert [(n.tenure.person, n.attested) for n in first.after] == [(a, False)]


def test_title_must_fit_the_kind_of_unit(city: Unit, secretary: Title, root: Unit) -> None:
    general = people.title_create(
        name="Tổng Bí thư", unit_kinds=["central_committee"], actor=SYSTEM_CLI
    )
    p = person(city, "Lê Văn A")
    with pytest.raises(ValidationError) as err:
        people.tenure_start(
            person=p, title=general, unit=city, start=D(2020, 1, 1), actor=SYSTEM_CLI
        )
    assert "không thuộc loại đơn vị" in " ".join(err.value.messages)
    assert not Tenure.objects.filter(person=p).exists()
    with pytest.raises(ValidationError):
        people.tenure_attest(
            person=p, title=secretary, unit=root, day=D(2020, 1, 1), actor=SYSTEM_CLI
        )
    with pytest.raises(ValidationError):
        people.title_create(name="X", unit_kinds=["planet"], actor=SYSTEM_CLI)
    assert people.tenure_start(
        person=p, title=general, unit=root, start=D(2020, 1, 1), actor=SYSTEM_CLI
    ).pk


def _who_held(*args: str) -> list[dict[str, object]]:
    out = io.StringIO()
    call_command("who-held", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def test_who_held_command_on_the_demo_data(demo: dict[str, Unit]) -> None:
    rows = _who_held("--title", "Bí thư", "--unit", "tu-hcm", "--date", "15/03/2017")
    assert [(r["person"], r["match"], r["basis"]) for r in rows] == [
        ("Đinh La Thăng", "covers", "decision")
    ]
    assert set(rows[0]) >= {"person", "title", "unit", "start", "end", "basis"}
    expected = {
        "01/06/2018": "Nguyễn Thiện Nhân",
        "23/12/2022": "Nguyễn Văn Nên",
        "15/10/2025": "Trần Lưu Quang",
    }
    for day, name in expected.items():
        rows = _who_held("--title", "Bí thư", "--unit", "tu-hcm", "--date", day)
        assert [r["person"] for r in rows if r["match"] == "covers"] == [name]
    heads = {"01/01/2019": "Phạm Minh Chính", "01/01/2023": "Trương Thị Mai"}
    heads["01/10/2025"] = "Lê Minh Hưng"
    for day, name in heads.items():
        rows = _who_held("--title", "Trưởng ban", "--unit", "btctw", "--date", day)
        assert [r["person"] for r in rows if r["match"] == "covers"] == [name]


def test_unit_page_and_home_on_the_demo_data(
    demo: dict[str, Unit], client_for: Callable[[str], object]
) -> None:
    client = client_for("btctw")
    secretary = Title.objects.get(name="Bí thư")
    page = client.get(  # type: ignore[attr-defined]
        f"/don-vi/{demo['tu-hcm'].pk}/", {"vao_ngay": "15/03/2017", "chuc_danh": secretary.pk}
    )
    html = page.content.decode()
    result = html[html.index('id="who-held-result"') :]
    assert "Đinh La Thăng" in result.split("</table>")[0]
    assert "Không có ai" not in html
    choices = html[html.index('id="chuc_danh"') :].split("</select>")[0]
    assert "Bí thư" in choices and "Tổng Bí thư" not in choices
    assert "Trần Lưu Quang" in html  # today's holder
    home = client.get("/").content.decode()  # type: ignore[attr-defined]
    assert " 0 chức danh đang đảm nhiệm" not in home


def test_scoping_hanoi_user_does_not_see_hcmc_tenures(
    demo: dict[str, Unit], user_named: Callable[[str], object]
) -> None:
    hanoi = user_named("hanoi")
    secretary = Title.objects.get(name="Bí thư")
    answer = who_held(hanoi, demo["tu-hcm"], D(2017, 3, 15), secretary)
    assert not answer.known
    mine = who_held(hanoi, demo["tu-hn"], D(2019, 1, 29), secretary)
    assert [t.person.full_name for t in mine.holders] == ["Hoàng Trung Hải"]
    assert (
        not TenureAttestation.objects.restrict(hanoi).filter(tenure__unit=demo["tu-hcm"]).exists()
    )

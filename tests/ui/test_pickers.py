"""The pickers' sources (units, persons, titles, documents, tasks, events) and fields: search
without diacritics, the exact match first, the unit's path, the user's scope, and the fallback
without JavaScript (the visible text resolved by code, number or exact name)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.core.exceptions import ValidationError

from xaydungdang import ui
from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives.models import Document
from xaydungdang.org import pickers as org_pickers
from xaydungdang.org import services as org
from xaydungdang.org.fields import UnitRefField, UnitsRefField
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person
from xaydungdang.ui.forms import UserForm
from xaydungdang.ui.pickers import Choice, Picked, sources

Users = Callable[[str], Any]


def labels(choices: list[Choice]) -> list[str]:
    return [c.label for c in choices]


def search(user: Any, source: str, query: str, action: str = VIEW) -> list[Choice]:
    return sources()[source].search(user, action, query, 12)


def cell_under(hcm: Unit, name: str = "Chi bộ 3") -> Unit:
    ward = org.unit_create(
        spec=org.UnitSpec(name="Đảng bộ phường Bến Nghé", kind="commune_committee", parent=hcm),
        valid_from=dt.date(2025, 7, 1),
        actor=SYSTEM_CLI,
    )
    return org.unit_create(
        spec=org.UnitSpec(name=name, kind="grassroots_cell", parent=ward, code="cb3-bn"),
        valid_from=dt.date(2025, 7, 1),
        actor=SYSTEM_CLI,
    )


def test_units_are_found_without_diacritics_with_their_path(
    demo: dict[str, Unit], user_named: Users, django_assert_num_queries: Any
) -> None:
    cell = cell_under(demo["tu-hcm"])
    btctw = user_named("btctw")
    found = search(btctw, "units", "ban to chuc thanh uy ha noi")
    assert labels(found)[0] == "Ban Tổ chức Thành ủy Hà Nội"
    assert found[0].value == str(demo["btc-hn"].pk)
    [chosen] = search(btctw, "units", "chi bo 3 ben nghe") or search(btctw, "units", "chi bo 3")
    assert chosen.value == str(cell.pk)
    assert chosen.detail.startswith("Đảng bộ phường Bến Nghé – Thành ủy TP.HCM · ")
    assert "mã cb3-bn" in chosen.detail
    btctw = user_named("btctw")  # scopes not cached yet: one query for the roles
    # roles, the exact matches, the candidates, and every shown ancestor in one query
    with django_assert_num_queries(4):
        assert search(btctw, "units", "chi bo")


def test_units_exact_match_comes_first_even_beyond_the_candidates(
    demo: dict[str, Unit], user_named: Users, monkeypatch: pytest.MonkeyPatch
) -> None:
    hcm = demo["tu-hcm"]
    for name in ("Chi bộ 3 khu phố 1", "Chi bộ 13", "Chi bộ 3"):
        org.unit_create(
            spec=org.UnitSpec(name=name, kind="grassroots_cell", parent=hcm),
            valid_from=None,
            actor=SYSTEM_CLI,
        )
    monkeypatch.setattr(org_pickers, "CANDIDATES", 1)  # the word search reads one row
    found = labels(search(user_named("hcm"), "units", "chi bo 3"))
    assert found[0] == "Chi bộ 3"
    monkeypatch.setattr(org_pickers, "CANDIDATES", 200)
    found = labels(search(user_named("hcm"), "units", "chi bo 3"))
    assert found[0] == "Chi bộ 3" and set(found[1:]) == {"Chi bộ 3 khu phố 1", "Chi bộ 13"}


def test_a_hanoi_user_never_meets_hcmc(demo: dict[str, Unit], user_named: Users) -> None:
    hanoi, hcm = user_named("hanoi"), user_named("hcm")
    # An HCMC cadre who never held a central title (a Politburo member is public).
    hcmc = people.person_create(
        full_name="Lê Thị Thu Hà", managing_unit=demo["tu-hcm"], actor=SYSTEM_CLI
    )
    assert search(hanoi, "persons", "nguyen van nen", VIEW)
    assert not search(hanoi, "persons", "nguyen van nen", CHANGE)
    for action in (VIEW, CHANGE):
        assert not search(hanoi, "units", "thanh pho ho chi minh", action)
        assert not search(hanoi, "units", "tp.hcm", action)
        assert not search(hanoi, "persons", "le thi thu ha", action)
        units, persons = sources()["units"], sources()["persons"]
        for text in ("tu-hcm", str(demo["tu-hcm"].pk), "Thành ủy Thành phố Hồ Chí Minh"):
            assert units.resolve(hanoi, action, text) is None
        assert units.get(hanoi, action, str(demo["tu-hcm"].pk)) is None
        assert persons.resolve(hanoi, action, "Lê Thị Thu Hà") is None
        assert persons.resolve(hanoi, action, str(hcmc.pk)) is None
    assert labels(search(hcm, "persons", "nguyen van nen")) == ["Nguyễn Văn Nên"]
    assert sources()["units"].resolve(hcm, CHANGE, "tu-hcm") == demo["tu-hcm"]


def test_units_resolve_by_code_number_or_only_exact_name(
    demo: dict[str, Unit], user_named: Users
) -> None:
    units, user = sources()["units"], user_named("btctw")
    hn = demo["btc-hn"]
    assert units.resolve(user, VIEW, "btc-hn") == hn
    assert units.resolve(user, VIEW, str(hn.pk)) == hn
    assert units.resolve(user, VIEW, "Ban Tổ chức Thành ủy Hà Nội") == hn
    assert units.resolve(user, VIEW, "ban to chuc thanh uy ha noi") == hn
    assert units.resolve(user, VIEW, "Ban Tổ chức") is None  # not a whole name
    for parent in (demo["tu-hn"], demo["tu-hcm"]):
        org.unit_create(
            spec=org.UnitSpec(name="Chi bộ 1", kind="grassroots_cell", parent=parent),
            valid_from=None,
            actor=SYSTEM_CLI,
        )
    assert units.resolve(user, VIEW, "Chi bộ 1") is None  # two namesakes: ambiguous
    assert units.resolve(user_named("hanoi"), VIEW, "Chi bộ 1") is not None  # one in scope
    for bad in ("", "²", "\x00", "9" * 40, "x" * 5000, "%", "_"):
        assert units.resolve(user, VIEW, bad) is None
        assert units.get(user, VIEW, bad) is None


def test_persons_show_where_their_file_is_kept(demo: dict[str, Unit], user_named: Users) -> None:
    person = Person.objects.get(full_name="Phạm Minh Chính")
    [found] = search(user_named("btctw"), "persons", "pham minh chinh")
    assert found.value == str(person.pk)
    assert found.detail.startswith(f"Hồ sơ tại {person.managing_unit.name}")
    assert labels(search(user_named("btctw"), "persons", "minh chinh")) == ["Phạm Minh Chính"]
    persons = sources()["persons"]
    assert persons.resolve(user_named("btctw"), VIEW, "pham minh chinh") == person
    assert persons.resolve(user_named("btctw"), VIEW, str(person.pk)) == person


def test_titles_by_name_exact_first(demo: dict[str, Unit], user_named: Users) -> None:
    found = labels(search(user_named("hanoi"), "titles", "pho bi thu"))
    assert found[0] == "Phó Bí thư" and "Phó Bí thư Thường trực" in found
    assert str(sources()["titles"].resolve(user_named("hanoi"), VIEW, "phó bí thư")) == (
        "Phó Bí thư"
    )


def test_documents_by_symbol_as_typed_or_title(demo: dict[str, Unit], user_named: Users) -> None:
    doc = Document.objects.get(symbol="18-NQ/TW")
    user = user_named("hanoi")
    for query in ("18-NQ/TW", "18/nq-tw", "nq 18", "to chuc bo may tinh gon"):
        assert search(user, "documents", query)[0].value == str(doc.pk), query
    documents = sources()["documents"]
    for text in ("18-NQ/TW", "Nghị quyết 18-NQ/TW", str(doc.pk)):
        assert documents.resolve(user, VIEW, text) == doc, text
    assert not [
        c for c in search(user, "documents", "chuong trinh hanh dong") if "TP.HCM" in c.detail
    ]


def test_tasks_and_events_by_words(demo: dict[str, Unit], user_named: Users) -> None:
    user = user_named("hanoi")
    tasks = search(user, "tasks", "18-NQ/TW")
    assert tasks and all("nhiệm vụ" in c.label for c in tasks)
    events = search(user, "events", "hoi nghi so ket")
    assert events and "(29/01/2019)" in events[0].label


class Form(UserForm):
    unit = UnitRefField(label="Đơn vị")
    partners = UnitsRefField(label="Các đơn vị", required=False)


def form(user: Any, data: dict[str, Any]) -> Form:
    return Form(data, user=user)


def test_without_javascript_the_text_is_resolved(demo: dict[str, Unit], user_named: Users) -> None:
    hcm = user_named("hcm")
    for text in ("btc-hcm", str(demo["btc-hcm"].pk), "Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh"):
        f = form(hcm, {"unit": text, "partners": "btv-hcm; mttq-hcm\nbtv-hcm"})
        assert f.is_valid(), f.errors
        assert f.cleaned_data["unit"] == demo["btc-hcm"]
        assert f.cleaned_data["partners"] == [demo["btv-hcm"], demo["mttq-hcm"]]
    f = form(user_named("hanoi"), {"unit": "btc-hcm", "partners": "tu-hcm"})
    assert not f.is_valid()
    assert "Không tìm thấy đơn vị “btc-hcm”" in f.errors["unit"][0]
    assert "Không tìm thấy đơn vị “tu-hcm”" in f.errors["partners"][0]
    assert "Trường này là bắt buộc" in form(hcm, {"unit": "  "}).errors["unit"][0]


def test_a_chosen_value_counts_while_the_text_shows_it(
    demo: dict[str, Unit], user_named: Users
) -> None:
    hcm, board = user_named("hcm"), demo["btc-hcm"]
    chosen = {"unit": board.name, "unit__chosen": str(board.pk)}
    f = form(hcm, chosen)
    assert f.is_valid() and f.cleaned_data["unit"] == board
    # typed something else after choosing (no JavaScript cleared the value): the text counts
    f = form(hcm, {"unit": "btv-hcm", "unit__chosen": str(board.pk)})
    assert f.is_valid() and f.cleaned_data["unit"] == demo["btv-hcm"]
    # a value outside the scope is never taken, whatever the text
    other = demo["btc-hn"]
    f = form(hcm, {"unit": other.name, "unit__chosen": str(other.pk)})
    assert not f.is_valid()
    data = {"unit": "btc-hcm", "partners": "", "partners__chosen": [str(other.pk)]}
    f = form(hcm, data)
    assert not f.is_valid() and "không còn trong phạm vi" in f.errors["partners"][0]


def test_widget_renders_htmx_a_hidden_value_and_the_chosen_items(
    demo: dict[str, Unit], user_named: Users
) -> None:
    hcm, board = user_named("hcm"), demo["btc-hcm"]
    bound = form(hcm, {"unit": "btc-hcm", "partners__chosen": [str(demo["btv-hcm"].pk)]})
    html = str(bound["unit"]) + str(bound["partners"])
    assert 'hx-get="/chon/units/?action=change"' in html
    assert 'hx-trigger="input changed delay:250ms"' in html
    assert 'role="combobox"' in html and 'aria-controls="id_unit_results"' in html
    assert f'name="unit__chosen" value="{board.pk}"' in html
    assert f'value="{board.name}"' in html  # the code typed is shown as the unit's name
    assert f'name="partners__chosen" value="{demo["btv-hcm"].pk}" checked' in html
    assert "<script" not in html and "onclick" not in html
    unbound = Form(user=hcm, initial={"unit": board})
    assert f'value="{board.name}"' in str(unbound["unit"])
    media = str(unbound.media)
    # htmx itself comes once from the base template, for every page; the widget adds its script
    assert "ui/pickers.js" in media and "htmx" not in media
    base = (Path(ui.__file__).parent / "templates/ui/base.html").read_text()
    assert "django_htmx/htmx-2.min.js" in base


def test_bad_chosen_values_are_ignored(demo: dict[str, Unit], user_named: Users) -> None:
    field = UnitRefField()
    field.user = user_named("hcm")
    for chosen in ("x", "", "²", "1" * 40, "-1"):
        with pytest.raises(ValidationError):
            field.clean(Picked("nothing of the kind", (chosen,)))
    assert isinstance(field.widget, forms.Widget)


def test_titles_follow_the_unit_chosen_in_the_same_form(
    demo: dict[str, Unit], user_named: Users, client_for: Callable[[str], Any]
) -> None:
    """A city committee has a Bí thư, not a Tổng Bí thư: once the form's unit is chosen, the
    title picker offers only the titles of that kind of unit."""
    from xaydungdang.people.forms import TenureForm

    city = demo["tu-hn"]
    html = str(TenureForm(user=user_named("hanoi"))["title"])
    assert 'hx-include="[name=&#x27;unit__chosen&#x27;]"' in html and "within=unit__chosen" in html
    assert "Tổng Bí thư" in labels(search(user_named("hanoi"), "titles", "bi thu"))
    client = client_for("hanoi")
    url, ask = "/chon/titles/", {"action": "view", "within": "unit__chosen", "q": "bi thu"}
    narrowed = client.get(url, {**ask, "unit__chosen": str(city.pk)}).content.decode()
    assert 'data-label="Bí thư"' in narrowed and "Tổng Bí thư" not in narrowed
    central = client.get(url, {**ask, "unit__chosen": str(demo["bchtw"].pk)})
    assert "Tổng Bí thư" in central.content.decode()
    for hostile in ("²", "9" * 40, "abc", ""):  # not a unit: the whole catalog
        page = client.get(url, {**ask, "unit__chosen": hostile})
        assert page.status_code == 200 and "Tổng Bí thư" in page.content.decode()

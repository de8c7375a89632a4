"""Query counts of the main pages are guarded: they must not grow with the data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests.conftest import queries_of
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.ingest.models import Article
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

# The unit and person pages each have two queries for their "Nguồn" (sources) panel (the sources,
# then which of their articles the reader may open), and one for
# their members panel (the unit's total: its tally and its own members; the person's member
# record).
PAGES = [
    ("unit page", lambda: f"/don-vi/{Unit.objects.get(code='tu-hcm').pk}/", 18),
    (
        "unit page with who-held",
        lambda: f"/don-vi/{Unit.objects.get(code='btctw').pk}/?vao_ngay=01/01/2017",
        19,
    ),
    # …one to tell the person's own file from the public record, one each for the panels of
    # decisions, gradings and appointment cases; "may change" is asked once for all panels.
    ("person page", lambda: f"/ca-nhan/{Person.objects.get(full_name='Phạm Minh Chính').pk}/", 16),
    ("review queue", lambda: "/doc-bai/", 5),
    # the count from the tally (two reads), then the page ids in index order
    ("member list", lambda: f"/dang-vien/don-vi/{Unit.objects.get(code='tu-hcm').pk}/", 7),
    (
        "structure report",
        lambda: f"/dang-vien/don-vi/{Unit.objects.get(code='tu-hcm').pk}/co-cau/",
        7,
    ),
    # probations (count, page, rule periods); badges (occasion and milestone rules, candidates,
    # their gaps and badges)
    ("due page", lambda: f"/dang-vien/don-vi/{Unit.objects.get(code='tu-hcm').pk}/den-han/", 12),
    ("article review", lambda: f"/doc-bai/{Article.objects.order_by('pk').first().pk}/", 6),
    ("tree", lambda: "/don-vi/?ngay=01/01/2020", 5),
    ("search", lambda: "/tim-kiem/?q=nguyen", 6),
    # session, user, roles; the exact matches, the candidates, the ancestors' names
    ("unit picker", lambda: "/chon/units/?q=thanh+uy&action=change", 6),
    ("person picker", lambda: "/chon/persons/?q=nguyen", 5),
    ("home", lambda: "/", 8),
]


@pytest.mark.parametrize(("label", "url", "limit"), PAGES, ids=[p[0] for p in PAGES])
def test_page_query_count(
    label: str,
    url: Callable[[], str],
    limit: int,
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    client = client_for("btctw")
    target = url()
    with django_assert_max_num_queries(limit):  # type: ignore[attr-defined]
        assert client.get(target).status_code == 200


def test_unit_and_person_pages_do_not_grow_with_data(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    import datetime as dt

    from xaydungdang.org import services as org
    from xaydungdang.people import services as people
    from xaydungdang.people.models import Title

    client = client_for("btctw")
    hcm = demo["tu-hcm"]
    person = Person.objects.get(full_name="Nguyễn Văn Nên")
    urls = [f"/don-vi/{hcm.pk}/", f"/ca-nhan/{person.pk}/"]

    def counts() -> list[int]:
        return [queries_of(client, u) for u in urls]

    before = counts()
    member = Title.objects.get(name="Ủy viên")
    for i in range(15):
        cell = org.unit_create(
            spec=org.UnitSpec(name=f"Chi bộ {i}", kind="grassroots_cell", parent=hcm),
            valid_from=dt.date(2020, 1, 1),
            actor=SYSTEM_CLI,
        )
        org.unit_rename(
            unit=cell, name=f"Chi bộ số {i}", effective_date=dt.date(2021, 1, 1), actor=SYSTEM_CLI
        )
        people.tenure_start(
            person=person, title=member, unit=cell, start=dt.date(2020, 2, 1), actor=SYSTEM_CLI
        )
    assert counts() == before

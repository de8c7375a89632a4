"""Linking that weighs the evidence (titles, unit, years against the candidates' tenures), shows
the candidates with why each fits or not, lets the reviewer choose; and provenance: a source
keeps its sentence whole and the same fact is not sourced twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.ingest import services
from xaydungdang.ingest.models import Article, Proposal, Source
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Title

D = dt.date

NAMES_KHANG = (
    "Hà Nội, ngày 14/5/2024\n"
    "Ban Tổ chức Thành ủy Hà Nội sơ kết công tác quý I\n"
    "Thứ Ba 14/5, đồng chí Đặng Minh Khang, Phó Trưởng Ban Tổ chức Thành ủy Hà Nội chủ trì "
    "hội nghị sơ kết."
)


def submit(text: str, who: Any, unit: str = "tu-hn") -> Article:
    return services.article_submit(text=text, unit=Unit.objects.get(code=unit), actor=who)


def person_of(article: Article, name: str) -> Proposal:
    return article.proposals.get(kind="person", label=name)


def two_khangs(demo: dict[str, Unit]) -> tuple[Person, Person]:
    """Two persons of one name in Hanoi's scope: one holds the title the article gives."""
    deputy = Title.objects.get(name="Phó Trưởng ban")
    holder = people.person_create(
        full_name="Đặng Minh Khang", managing_unit=demo["btc-hn"], actor=SYSTEM_CLI
    )
    people.tenure_start(
        person=holder, title=deputy, unit=demo["btc-hn"], start=D(2022, 3, 1), actor=SYSTEM_CLI
    )
    other = people.person_create(
        full_name="Đặng Minh Khang", managing_unit=demo["ubnd-hn"], birth_year=1990,
        actor=SYSTEM_CLI,
    )  # fmt: skip
    return holder, other


def test_the_evidence_picks_the_candidate_and_each_candidate_says_why(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    holder, other = two_khangs(demo)
    proposal = person_of(submit(NAMES_KHANG, user_named("hanoi")), "Đặng Minh Khang")
    assert proposal.payload["decision"] == "matched"
    assert proposal.payload["person_id"] == holder.pk
    shown = {c["person_id"]: c for c in proposal.payload["candidates"]}
    assert set(shown) == {holder.pk, other.pk}
    assert any("Phó Trưởng Ban Tổ chức Thành ủy Hà Nội" in f for f in shown[holder.pk]["fits"])
    assert shown[other.pk]["misses"] and not shown[other.pk]["fits"]
    assert shown[holder.pk]["score"] > shown[other.pk]["score"]


def test_a_lone_namesake_that_fits_nothing_is_not_linked_but_offered(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    namesake = people.person_create(
        full_name="Đặng Minh Khang", managing_unit=demo["ubnd-hn"], actor=SYSTEM_CLI
    )
    article = submit(NAMES_KHANG, user_named("hanoi"))
    proposal = person_of(article, "Đặng Minh Khang")
    assert proposal.payload["decision"] == "ambiguous" and not proposal.payload["ready"]
    assert [c["person_id"] for c in proposal.payload["candidates"]] == [namesake.pk]
    tenure = article.proposals.get(kind="tenure")
    assert not tenure.payload["ready"]
    services.proposal_choose(
        article=article, seq=proposal.seq, person_id=namesake.pk, actor=user_named("hanoi")
    )
    tenure.refresh_from_db()
    assert tenure.payload["ready"] and tenure.payload["person_id"] == namesake.pk
    services.proposals_decide(
        article=article, seqs=[tenure.seq], accept_them=True, actor=user_named("hanoi")
    )
    assert namesake.tenures.get().title.name == "Phó Trưởng ban"


def test_choosing_is_limited_to_the_candidates_in_the_choosers_scope(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    hcm_official = Person.objects.get(full_name="Võ Văn Tân")
    article = submit(
        "Hà Nội, ngày 5/3/2024\nGặp gỡ trao đổi kinh nghiệm công tác cán bộ\n"
        "Sáng 4/3, ông Võ Văn Tân trao đổi kinh nghiệm.",
        user_named("hanoi"),
    )
    proposal = person_of(article, "Võ Văn Tân")
    assert proposal.payload["decision"] == "outside"
    with pytest.raises(ValidationError, match="ngoài phạm vi"):
        services.proposal_choose(
            article=article, seq=proposal.seq, person_id=hcm_official.pk, actor=user_named("hanoi")
        )
    services.proposal_choose(
        article=article, seq=proposal.seq, person_id=None, actor=user_named("hanoi")
    )
    proposal.refresh_from_db()
    assert proposal.payload["decision"] == "new" and proposal.payload["ready"]
    assert f"#{hcm_official.pk}" not in proposal.match


def test_the_review_page_shows_the_candidates_and_a_way_to_choose(
    demo: dict[str, Unit], user_named: Callable[[str], Any], client_for: Callable[[str], Client]
) -> None:
    _, other = two_khangs(demo)
    article = submit(
        "Hà Nội, ngày 14/5/2024\nHội nghị sơ kết công tác dân vận quý I\n"
        "Sáng 14/5, ông Đặng Minh Khang phát biểu tại hội nghị.",
        user_named("hanoi"),
    )
    proposal = person_of(article, "Đặng Minh Khang")
    assert proposal.payload["decision"] == "ambiguous"
    client = client_for("hanoi")
    page = client.get(f"/doc-bai/{article.pk}/").content.decode()
    assert "2 người cùng tên trong phạm vi được phân quyền" in page
    assert page.count("Chọn người này") == 2 and "cá nhân mới" in page
    response = client.post(f"/doc-bai/{article.pk}/chon/{proposal.seq}/", {"person": other.pk})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.payload["person_id"] == other.pk and proposal.payload["ready"]


def test_a_source_keeps_its_first_letter_and_the_same_fact_is_sourced_once(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    assert services.sentence_at("Thứ Ba, ông A dự. Ông B phát biểu.", 8, 13) == (
        "Thứ Ba, ông A dự."
    )
    hanoi = user_named("hanoi")
    text = "Thứ Ba 14/5/2024, đồng chí Đặng Minh Khang, Phó Trưởng Ban Tổ chức Thành ủy Hà Nội dự."
    holder, _ = two_khangs(demo)
    for _ in range(2):  # the same article read and accepted twice
        article = services.article_submit(
            text=text, unit=demo["tu-hn"], day=D(2024, 5, 14), actor=hanoi
        )
        tenure = article.proposals.get(kind="tenure")
        services.proposals_decide(article=article, seqs=[tenure.seq], accept_them=True, actor=hanoi)
    sources = Source.objects.filter(target_type="people.tenure", target_id=holder.tenures.get().pk)
    assert sources.count() == 1
    assert sources.get().sentence.startswith("Thứ Ba 14/5/2024")

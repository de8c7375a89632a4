"""Reading an article stays inside the reader's scope: matches only among the records they may
see, nothing named or numbered from outside it, no write onto a record outside the accepter's
scope (checked again at accept time), and no link to an article the viewer cannot open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives.models import Document
from xaydungdang.ingest import services
from xaydungdang.ingest.models import Article, Decision, Proposal, Source
from xaydungdang.members.models import Member
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person

D = dt.date
OUTSIDE = "Có thể có bản ghi trùng ngoài phạm vi được phân quyền"

# Names an HCMC official (Võ Văn Tân, Phó Trưởng Ban Tổ chức Thành ủy TP.HCM in the demo).
NAMES_HCM_OFFICIAL = (
    "Hà Nội, ngày 5/3/2024\n"
    "Đoàn công tác Thành ủy TP.HCM trao đổi kinh nghiệm tại Hà Nội\n"
    "Sáng 4/3, Ban Tổ chức Thành ủy Hà Nội tiếp đoàn công tác do ông Võ Văn Tân dẫn đầu. "
    "Hai bên trao đổi kinh nghiệm về công tác cán bộ."
)


def submit(text: str, who: str, unit: str = "tu-hn", **kw: Any) -> Article:
    return services.article_submit(text=text, unit=Unit.objects.get(code=unit), actor=who, **kw)


def person_proposal(article: Article, name: str) -> Proposal:
    return article.proposals.get(kind="person", label=name)


def test_a_record_outside_the_readers_scope_is_never_named_nor_numbered(
    demo: dict[str, Unit], user_named: Callable[[str], Any], client_for: Callable[[str], Client]
) -> None:
    hcm_official = Person.objects.get(full_name="Võ Văn Tân")
    article = submit(NAMES_HCM_OFFICIAL, user_named("hanoi"))
    proposal = person_proposal(article, "Võ Văn Tân")
    assert proposal.payload["person_id"] is None
    assert proposal.payload["decision"] == "outside" and not proposal.payload["ready"]
    assert proposal.payload["candidates"] == []
    assert proposal.match.startswith(OUTSIDE)
    assert f"#{hcm_official.pk}" not in proposal.match
    page = client_for("hanoi").get(f"/doc-bai/{article.pk}/").content.decode()
    assert OUTSIDE in page
    assert f"#{hcm_official.pk}" not in page and "Đã có trong hệ thống" not in page
    # The HCMC user, whose scope holds the record, is offered it.
    theirs = submit(NAMES_HCM_OFFICIAL, user_named("hcm"), unit="tu-hcm")
    assert person_proposal(theirs, "Võ Văn Tân").payload["person_id"] == hcm_official.pk


def test_accepting_an_out_of_scope_match_writes_nothing(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    hcm_official = Person.objects.get(full_name="Võ Văn Tân")
    sources_before = Source.objects.count()
    article = submit(NAMES_HCM_OFFICIAL, user_named("hanoi"))
    proposal = person_proposal(article, "Võ Văn Tân")
    with pytest.raises(ValidationError, match="ngoài phạm vi"):
        services.proposals_decide(
            article=article, seqs=[proposal.seq], accept_them=True, actor=user_named("hanoi")
        )
    # A proposal matched by a reader who sees everything, accepted by the Hanoi user: the
    # scope is checked again when accepting, not only when reading.
    wide = submit(NAMES_HCM_OFFICIAL, user_named("btctw"))
    matched = person_proposal(wide, "Võ Văn Tân")
    assert matched.payload["person_id"] == hcm_official.pk and matched.payload["ready"]
    with pytest.raises(ValidationError, match="ngoài phạm vi"):
        services.proposals_decide(
            article=wide, seqs=[matched.seq], accept_them=True, actor=user_named("hanoi")
        )
    assert Source.objects.count() == sources_before
    assert not wide.proposals.exclude(decision=Decision.PENDING).exists()


def test_documents_and_events_outside_the_scope_are_not_matched(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    hcm_program = Document.objects.get(issuer__code="tu-hcm", number="10")
    text = (
        "Hà Nội, ngày 9/4/2024\n"
        "Thành ủy Hà Nội học tập kinh nghiệm thực hiện Nghị quyết 23\n"
        "Ngày 8/4, Ban Tổ chức Thành ủy Hà Nội nghiên cứu Chương trình hành động số 10 và "
        "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương."
    )
    mine = submit(text, user_named("hanoi"))
    docs = {p.label: p for p in mine.proposals.filter(kind="document")}
    assert docs["Chương trình hành động số 10"].payload["document_id"] is None
    central = docs["Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương"]
    assert central.payload["document_id"] is not None  # issued above the reader: in scope
    theirs = submit(text, user_named("hcm"), unit="tu-hcm")
    docs = {p.label: p for p in theirs.proposals.filter(kind="document")}
    assert docs["Chương trình hành động số 10"].payload["document_id"] == hcm_program.pk
    units = {p.payload["unit_id"] for p in mine.proposals.filter(kind="unit")}
    allowed = set(Unit.objects.restrict(user_named("hanoi")).values_list("pk", flat=True))
    assert units and units <= allowed


def test_the_sources_panel_does_not_link_articles_the_viewer_cannot_open(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    nen = Person.objects.get(full_name="Nguyễn Văn Nên")
    seeded = Source.objects.filter(target_type="people.tenure", target_id__in=nen.tenures.all())
    article_ids = set(seeded.values_list("article_id", flat=True))
    assert article_ids and not Article.objects.filter(pk__in=article_ids, unit__code="tu-hcm")
    page = client_for("hcm").get(f"/ca-nhan/{nen.pk}/").content.decode()
    assert "Nguồn" in page and "Bài viết ngoài phạm vi được phân quyền" in page
    for pk in article_ids:
        assert f"/doc-bai/{pk}/" not in page
        assert client_for("hcm").get(f"/doc-bai/{pk}/").status_code == 404
    wide = client_for("btctw").get(f"/ca-nhan/{nen.pk}/").content.decode()
    assert any(f"/doc-bai/{pk}/" in wide for pk in article_ids)


def test_synthetic_members_are_never_candidates(
    demo: dict[str, Unit], user_named: Callable[[str], Any]
) -> None:
    cell = demo["btc-hn"]
    synthetic = people.person_create(
        full_name="Trần Văn Khánh", managing_unit=cell, is_demo=True, actor=SYSTEM_CLI
    )
    Member.objects.create(
        person=synthetic,
        cell=cell,
        cell_path=cell.path,
        sort_key="khanh",
        folded_name="tran van khanh",
        birth_date=D(1980, 1, 1),
        admission_decision_date=D(2005, 1, 1),
        admission_ceremony_date=D(2005, 1, 1),
        is_demo=True,
    )
    article = submit(
        "Hà Nội, ngày 12/3/2024\nBan Tổ chức Thành ủy Hà Nội triển khai nhiệm vụ năm 2024\n"
        "Đồng chí Trần Văn Khánh, Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị.",
        user_named("hanoi"),
    )
    proposal = person_proposal(article, "Trần Văn Khánh")
    assert proposal.payload["decision"] == "new" and proposal.payload["person_id"] is None

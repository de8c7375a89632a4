"""Linking decisions (matched, new, ambiguous; confirm, extend, create) and accepting through the
record services, with audit and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.directives.models import Document
from xaydungdang.ingest import services
from xaydungdang.ingest.models import Article, ArticleStatus, Decision, Proposal, Source
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.programs.models import Event

D = dt.date

NEW_PERSON = (
    "Hà Nội, ngày 12/3/2024\n"
    "Ban Tổ chức Thành ủy Hà Nội triển khai nhiệm vụ năm 2024\n"
    "Sáng 11/3, Ban Tổ chức Thành ủy Hà Nội tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
    "Đồng chí Trần Văn Khánh, Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị. "
    "Hội nghị quán triệt Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương."
)


def user(name: str) -> Any:
    return get_user_model().objects.get(username=name)


def submit(text: str, unit: str = "tu-hn", who: str = "hanoi", **kw: Any) -> Article:
    return services.article_submit(
        text=text, unit=Unit.objects.get(code=unit), actor=user(who), **kw
    )


def by_kind(article: Article, kind: str) -> list[Proposal]:
    return list(article.proposals.filter(kind=kind))


def test_a_known_person_and_held_title_are_confirmed(demo: dict[str, Unit]) -> None:
    article = submit(
        "Ngày 29/1/2019, Bí thư Thành ủy Hà Nội Hoàng Trung Hải làm việc với Ban Tổ chức "
        "Trung ương.",
        day=D(2019, 1, 29),
    )
    (person,) = by_kind(article, "person")
    assert person.payload["person_id"] == Person.objects.get(full_name="Hoàng Trung Hải").pk
    assert person.match.startswith("Đã có trong hệ thống")
    (tenure,) = by_kind(article, "tenure")
    assert tenure.payload["action"] == "confirm"
    assert tenure.payload["unit_id"] == demo["tu-hn"].pk
    assert article.text[tenure.span_start : tenure.span_end] == "Bí thư Thành ủy Hà Nội"


def test_a_title_attested_outside_the_known_period_extends_it(demo: dict[str, Unit]) -> None:
    article = submit(
        "Ngày 10/5/2019, Bí thư Thành ủy Hà Nội Hoàng Trung Hải tiếp đoàn công tác.",
        day=D(2019, 5, 10),
    )
    (tenure,) = by_kind(article, "tenure")
    assert tenure.payload["action"] == "extend"
    services.proposals_decide(
        article=article, seqs=[tenure.seq], accept_them=True, actor=user("hanoi")
    )
    held = Tenure.objects.get(pk=tenure.payload["tenure_id"])
    assert held.start <= D(2019, 5, 10) < held.end  # type: ignore[operator]


def test_an_unknown_person_is_proposed_new_and_accepting_the_title_creates_both(
    demo: dict[str, Unit],
) -> None:
    article = submit(NEW_PERSON)
    assert article.day == D(2024, 3, 12)
    (person,) = by_kind(article, "person")
    assert person.payload["decision"] == "new" and person.match == "Cá nhân mới"
    (tenure,) = by_kind(article, "tenure")
    assert tenure.payload["action"] == "create" and tenure.payload["day"] == "2024-03-11"
    before = ChangeRecord.objects.count()
    services.proposals_decide(
        article=article, seqs=[tenure.seq], accept_them=True, actor=user("hanoi")
    )
    created = Person.objects.get(full_name="Trần Văn Khánh")
    assert created.managing_unit == demo["tu-hn"]
    held = Tenure.objects.get(person=created)
    assert (held.title.name, held.unit, held.start, held.attested_only) == (
        "Phó Bí thư",
        demo["tu-hn"],
        D(2024, 3, 11),
        True,
    )
    person.refresh_from_db()
    assert person.decision == Decision.ACCEPTED and person.target_id == created.pk
    kinds = set(ChangeRecord.objects.order_by("pk")[before:].values_list("object_type", "action"))
    assert {("people.person", "create"), ("people.tenure", "create")} <= kinds
    assert ("ingest.proposal", "update") in kinds
    source = Source.objects.get(target_type="people.tenure", target_id=held.pk)
    assert source.sentence == (
        "Đồng chí Trần Văn Khánh, Phó Bí thư Thành ủy Hà Nội chủ trì hội nghị."
    )
    assert source.quote == "Phó Bí thư Thành ủy Hà Nội"


def test_two_people_of_the_same_name_are_told_apart_by_their_titles(
    demo: dict[str, Unit],
) -> None:
    twin = people.person_create(
        full_name="Hoàng Trung Hải", managing_unit=demo["btc-hn"], actor=SYSTEM_CLI
    )
    article = submit(
        "Ngày 29/1/2019, Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu.", day=D(2019, 1, 29)
    )
    (person,) = by_kind(article, "person")
    assert person.payload["person_id"] != twin.pk and person.payload["decision"] == "matched"
    vague = submit("Ngày 29/1/2019, ông Hoàng Trung Hải phát biểu.", day=D(2019, 1, 29))
    (person,) = by_kind(vague, "person")
    assert person.payload["decision"] == "ambiguous" and not person.payload["ready"]
    with pytest.raises(ValidationError, match="Trùng tên"):
        services.proposals_decide(
            article=vague, seqs=[person.seq], accept_them=True, actor=user("hanoi")
        )


def test_documents_are_matched_by_symbol_or_by_type_and_number(demo: dict[str, Unit]) -> None:
    article = submit(
        "Ngày 4/4/2024, Thành ủy Hà Nội quán triệt Kết luận số 14-KL/TW và Nghị quyết số "
        "18-NQ/TW; thực hiện Kết luận số 14 của Bộ Chính trị.",
        day=D(2024, 4, 5),
        who="btctw",  # the Politburo's conclusions are not in the Hanoi user's registry scope
    )
    docs = {p.label: p for p in by_kind(article, "document")}
    kl14 = Document.objects.get(symbol="14-KL/TW")
    assert docs["Kết luận số 14-KL/TW"].payload["document_id"] == kl14.pk
    assert docs["Kết luận số 14 của Bộ Chính trị"].payload["document_id"] == kl14.pk
    assert docs["Nghị quyết số 18-NQ/TW"].match.startswith("Đã có trong sổ văn bản")


def test_a_new_central_document_is_registered_through_the_directive_service(
    demo: dict[str, Unit],
) -> None:
    article = submit(
        "Ngày 4/4/2024, Ban Tổ chức Trung ương triển khai Quy định số 144-QĐ/TW ngày 9/5/2024 "
        "của Bộ Chính trị.",
        unit="btctw",
        who="btctw",
        day=D(2024, 5, 20),
    )
    (doc,) = by_kind(article, "document")
    assert doc.payload["document_id"] is None and doc.payload["ready"]
    services.proposals_decide(
        article=article, seqs=[doc.seq], accept_them=True, actor=user("btctw")
    )
    created = Document.objects.get(symbol="144-QĐ/TW")
    assert created.issuer == demo["bchtw"] and created.issued_on == D(2024, 5, 9)
    assert ChangeRecord.objects.filter(
        object_type="directives.document", object_id=str(created.pk), action="create"
    ).exists()


def test_an_event_is_matched_to_the_recorded_one_or_created(demo: dict[str, Unit]) -> None:
    article = submit(NEW_PERSON)
    (event,) = by_kind(article, "event")
    assert event.payload["event_id"] is None and event.payload["date"] == "2024-03-11"
    services.proposals_decide(
        article=article,
        seqs=[p.seq for p in article.proposals.all() if p.payload["ready"]],
        accept_them=True,
        actor=user("hanoi"),
    )
    created = Event.objects.get(pk=Proposal.objects.get(pk=event.pk).target_id)
    assert created.held_on == D(2024, 3, 11)
    chair = created.participants.get(role="chair")
    assert chair.person.full_name == "Trần Văn Khánh"
    assert chair.titles == "Phó Bí thư Thành ủy Hà Nội"
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEWED
    again = submit(NEW_PERSON)
    (event,) = by_kind(again, "event")
    assert event.payload["event_id"] == created.pk


def test_accepting_is_all_or_nothing_and_needs_rights(
    demo: dict[str, Unit], scoped_user: Callable[..., Any]
) -> None:
    article = submit(
        "Ngày 29/1/2019, Trưởng Ban Tổ chức Trung ương Phạm Minh Chính và Bí thư Thành ủy "
        "Hà Nội Hoàng Trung Hải làm việc; đồng chí Lê Văn Mới, Phó Bí thư Thành ủy Hà Nội "
        "cùng dự.",
        day=D(2019, 6, 1),
    )
    tenures = by_kind(article, "tenure")
    before = (ChangeRecord.objects.count(), Person.objects.count(), Source.objects.count())
    with pytest.raises(ValidationError, match="Mục"):  # the Hanoi user may not write central
        services.proposals_decide(
            article=article,
            seqs=[p.seq for p in tenures],
            accept_them=True,
            actor=user("hanoi"),
        )
    after = (ChangeRecord.objects.count(), Person.objects.count(), Source.objects.count())
    assert after == before
    assert not article.proposals.exclude(decision=Decision.PENDING).exists()


def test_rejected_proposals_write_nothing_but_the_decision(demo: dict[str, Unit]) -> None:
    article = submit(NEW_PERSON)
    (person,) = by_kind(article, "person")
    services.proposals_decide(
        article=article, seqs=[person.seq], accept_them=False, actor=user("hanoi")
    )
    person.refresh_from_db()
    assert person.decision == Decision.REJECTED
    assert not Person.objects.filter(full_name="Trần Văn Khánh").exists()
    with pytest.raises(ValidationError, match="chưa được quyết định"):
        services.proposals_decide(
            article=article, seqs=[person.seq], accept_them=True, actor=user("hanoi")
        )


def test_submit_rejects_bad_input(demo: dict[str, Unit]) -> None:
    with pytest.raises(ValidationError, match="ngày của bài"):
        submit("Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu.")
    with pytest.raises(ValidationError, match="sau ngày hôm nay"):
        submit("Ông Hoàng Trung Hải phát biểu.", day=D(2099, 1, 1))
    with pytest.raises(ValidationError):
        submit("   ", day=D(2020, 1, 1))
    assert not Article.objects.filter(unit__code="tu-hn").exists()


def test_the_demo_ingests_the_seed_articles_automatically(demo: dict[str, Unit]) -> None:
    articles = Article.objects.filter(is_demo=True)
    assert articles.count() == 5
    assert set(articles.values_list("status", flat=True)) == {ArticleStatus.AUTO}
    chinh = Person.objects.get(full_name="Phạm Minh Chính")
    head = Tenure.objects.get(person=chinh, unit=demo["btctw"], title__name="Trưởng ban")
    sentences = Source.objects.filter(target_type="people.tenure", target_id=head.pk)
    assert sentences.filter(
        sentence__contains="Trưởng Ban Tổ chức Trung ương Phạm Minh Chính"
    ).exists()
    assert Proposal.objects.filter(decision=Decision.AUTO).count() >= 80
    assert Event.objects.count() == 6  # each article's event matched the recorded one
    assert Title.objects.filter(name="Trưởng ban").exists()

"""What accepting each kind of proposal writes, through the services of the record's app."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.core.actors import Actor
from xaydungdang.directives import services as directives
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.programs import services as programs
from xaydungdang.programs.choices import ParticipantRole
from xaydungdang.programs.models import Event

from .candidates import visible
from .models import Article, Decision, Proposal, ProposalKind

OUT_OF_SCOPE = "Bản ghi đối chiếu nằm ngoài phạm vi được phân quyền; không thể ghi nhận vào đó"

ORDER = [
    ProposalKind.PERSON,
    ProposalKind.UNIT,
    ProposalKind.DOCUMENT,
    ProposalKind.TENURE,
    ProposalKind.EVENT,
]


def order(proposal: Proposal) -> tuple[int, int]:
    return ORDER.index(ProposalKind(proposal.kind)), proposal.seq


@dataclasses.dataclass
class Batch:
    article: Article
    actor: Actor
    decision: str

    @property
    def day(self) -> dt.date:
        assert self.article.day is not None
        return self.article.day

    def scoped(self, model: Any, pk: Any, action: str = CHANGE) -> Any:
        """The record ``pk`` if the accepter may still reach it now, inside the transaction
        (the proposal was matched for its reader, perhaps another user, perhaps earlier)."""
        row = visible(model, self.actor, action).filter(pk=pk).first()
        if row is None:
            raise ValidationError(OUT_OF_SCOPE)
        return row

    def person(self, name: str, person_id: int | None) -> Person | None:
        """The person a tenure or event names: known, or accepted from this article."""
        if person_id is not None:
            return self.scoped(Person, person_id)
        accepted = self.article.proposals.filter(
            kind=ProposalKind.PERSON,
            payload__name=name,
            decision__in=[Decision.ACCEPTED, Decision.AUTO],
        ).first()
        if accepted is None or accepted.target_id is None:
            return None
        return self.scoped(Person, accepted.target_id)

    def person_by_seq(self, seq: int) -> Person | None:
        proposal = self.article.proposals.filter(seq=seq).first()
        if proposal is None:
            return None
        if proposal.decision in (Decision.ACCEPTED, Decision.AUTO) and proposal.target_id:
            return self.scoped(Person, proposal.target_id)
        return self.person(proposal.payload["name"], proposal.payload.get("person_id"))


def _person(p: Proposal, batch: Batch) -> tuple[Any, str]:
    data = p.payload
    if data.get("person_id"):
        person = batch.scoped(Person, data["person_id"])
        return person, person.managing_unit.path
    if data.get("decision") == "ambiguous":
        raise ValidationError("Trùng tên với nhiều người; hãy chọn người đúng.")
    if data.get("decision") == "outside":
        raise ValidationError(OUT_OF_SCOPE)
    unit_id = data.get("unit_id") or batch.article.unit_id
    unit = Unit.objects.get(pk=unit_id)
    person = people.person_create(
        full_name=data["name"],
        managing_unit=unit,
        note=f"Tạo từ bài “{batch.article.title}” ({batch.article.day:%d/%m/%Y}).",
        is_demo=batch.article.is_demo,
        actor=batch.actor,
    )
    return person, unit.path


def _tenure(p: Proposal, batch: Batch) -> tuple[Any, str]:
    data = p.payload
    person = batch.person(data["name"], data.get("person_id"))
    if person is None:
        raise ValidationError("Hãy chấp nhận cá nhân trước.")
    unit = Unit.objects.get(pk=data["unit_id"])
    day = dt.date.fromisoformat(data["day"]) if data.get("day") else batch.day
    if data["action"] == "confirm":
        return batch.scoped(Tenure, data["tenure_id"]), unit.path
    source = f"{batch.article.title} ({day:%d/%m/%Y})"
    if data["action"] == "extend":
        batch.scoped(Tenure, data["tenure_id"])
    # An article attests that the tenure covers its day: the attestation joins the tenure that
    # covers it or widens an attested one of the same person, title and unit.
    tenure = people.tenure_attest(
        person=person,
        title=Title.objects.get(pk=data["title_id"]),
        unit=unit,
        day=day,
        source=source,
        actor=batch.actor,
    )
    return tenure, unit.path


def _unit(p: Proposal, batch: Batch) -> tuple[Any, str]:
    unit = batch.scoped(Unit, p.payload["unit_id"])
    return unit, unit.path


def _document(p: Proposal, batch: Batch) -> tuple[Any, str]:
    data = p.payload
    if data.get("document_id"):
        doc = batch.scoped(Document, data["document_id"], VIEW)
        return doc, doc.issuer.path
    if not data.get("issuer_id") or not data.get("doc_type"):
        raise ValidationError(
            "Chưa xác định được loại hoặc cơ quan ban hành; hãy nhập văn bản ở sổ văn bản."
        )
    issuer = Unit.objects.get(pk=data["issuer_id"])
    doc = directives.document_create(
        doc_type=data["doc_type"],
        issuer=issuer,
        title=data["raw"],
        symbol=data["symbol"],
        number=data["number"],
        issued_on=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        is_demo=batch.article.is_demo,
        actor=batch.actor,
    )
    return doc, issuer.path


def _event(p: Proposal, batch: Batch) -> tuple[Any, str]:
    data = p.payload
    units = list(Unit.objects.filter(pk__in=data["unit_ids"]))
    if data.get("event_id"):
        event = batch.scoped(Event, data["event_id"])
        return event, units[0].path if units else batch.article.unit.path
    people_roles: list[tuple[Person, str]] = []
    for key, role in (("chairs", ParticipantRole.CHAIR), ("participants", "participant")):
        for index in data[key]:
            person = batch.person_by_seq(index + 1)
            if person is not None:
                people_roles.append((person, str(role)))
    event = programs.event_create(
        kind=data["kind"],
        title=data["title"],
        held_on=dt.date.fromisoformat(data["date"]),
        units=sorted(units, key=lambda u: data["unit_ids"].index(u.pk)),
        participants=people_roles,
        source=f"{batch.article.title} ({batch.day:%d/%m/%Y})",
        is_demo=batch.article.is_demo,
        actor=batch.actor,
    )
    return event, units[0].path


HANDLERS = {
    ProposalKind.PERSON: _person,
    ProposalKind.TENURE: _tenure,
    ProposalKind.UNIT: _unit,
    ProposalKind.DOCUMENT: _document,
    ProposalKind.EVENT: _event,
}


def apply(proposal: Proposal, batch: Batch) -> tuple[Any, str]:
    """Write (or find) the record that ``proposal`` stands for; its unit path for scoping."""
    return HANDLERS[ProposalKind(proposal.kind)](proposal, batch)


def dependencies(article: Article, chosen: list[Proposal]) -> list[Proposal]:
    """New persons that chosen tenures need: accepting a tenure accepts its person."""
    names = {
        p.payload["name"]
        for p in chosen
        if p.kind == ProposalKind.TENURE and not p.payload.get("person_id")
    }
    have = {p.pk for p in chosen}
    return [
        p
        for p in article.proposals.filter(kind=ProposalKind.PERSON, decision=Decision.PENDING)
        if p.payload["name"] in names and p.pk not in have
    ]

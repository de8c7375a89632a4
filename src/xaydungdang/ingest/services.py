"""Writes of the ingest app: an article is read into proposals; a reviewer accepts or rejects
them. Accepting calls the same services that the forms call (people, directives, programs),
and every accepted fact keeps a Source: the article, the sentence, the span."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, audit
from xaydungdang.core.actors import Actor, user_of
from xaydungdang.org.models import Unit

from . import accept, candidates, link, pipeline
from .models import Article, ArticleStatus, Decision, Proposal, ProposalKind, Source
from .normalize import headline

MAX_CHARS = 200_000


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the previous full stop or line break to the next.
    A text with neither before the span starts the sentence at its first character."""
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return text[left:right].strip()


def article_submit(
    *,
    text: str,
    unit: Unit,
    day: dt.date | None = None,
    file_name: str = "",
    is_demo: bool = False,
    actor: Actor,
) -> Article:
    """Read an article into an Article with its proposals (nothing else is written yet)."""
    access.require(actor, access.CHANGE, unit.path)
    if not text.strip():
        raise ValidationError("Hãy dán nội dung bài viết hoặc chọn tệp.")
    if len(text) > MAX_CHARS:
        raise ValidationError("Bài viết quá dài (tối đa 200.000 ký tự); hãy chia nhỏ.")
    result = pipeline.run(text, day)
    if not result["text"].strip():
        raise ValidationError("Sau khi bỏ phần trang web thừa, bài viết không còn nội dung.")
    day = dt.date.fromisoformat(result["date"]) if result["date"] else None
    if day is None:
        raise ValidationError("Không tìm thấy ngày của bài viết; hãy nhập ngày.")
    if day > timezone.localdate():
        raise ValidationError("Ngày của bài viết không được sau ngày hôm nay.")
    _, by_fold = pipeline.surface_forms(day)
    specs = link.propose(result, day, by_fold, actor=actor)
    body = result.pop("text")
    with transaction.atomic():
        article = Article.objects.create(
            title=headline(body),
            text=body,
            file_name=file_name[:255],
            day=day,
            unit=unit,
            extraction=result,
            created_by=user_of(actor),
            is_demo=is_demo,
        )
        Proposal.objects.bulk_create(
            Proposal(
                article=article,
                seq=i,
                kind=spec.kind,
                label=spec.label[:500],
                match=spec.match[:300],
                span_start=spec.span[0],
                span_end=spec.span[1],
                payload={**spec.payload, "ready": spec.ready},
            )
            for i, spec in enumerate(specs, start=1)
        )
        audit.record(actor=actor, obj=article, action="create", before=None, scope_path=unit.path)
    return article


def _source(proposal: Proposal, target: Any, scope_path: str) -> None:
    """The fact's source, once: the same sentence of an article of the same day for the same
    record (a fact accepted twice, the same article read twice) is not written again."""
    article = proposal.article
    key = {
        "target_type": audit.object_type(target),
        "target_id": target.pk,
        "sentence": sentence_at(article.text, proposal.span_start, proposal.span_end),
    }
    if Source.objects.filter(**key, article__day=article.day).exists():
        return
    Source.objects.create(
        **key,
        article=article,
        proposal=proposal,
        quote=article.text[proposal.span_start : proposal.span_end][:500],
        span_start=proposal.span_start,
        span_end=proposal.span_end,
        scope_path=scope_path,
    )


def _decide(proposal: Proposal, decision: str, actor: Actor) -> None:
    before = {"decision": proposal.decision}
    proposal.decision = decision
    proposal.decided_by = user_of(actor)
    proposal.decided_at = timezone.now()
    proposal.save(
        update_fields=["decision", "decided_by", "decided_at", "target_type", "target_id"]
    )
    audit.record(
        actor=actor,
        obj=proposal,
        action="update",
        before=before,
        after={"decision": decision, "target": f"{proposal.target_type}:{proposal.target_id}"},
        scope_path=proposal.article.unit.path,
    )


def _accept_one(proposal: Proposal, batch: accept.Batch, decision: str) -> None:
    if not proposal.payload.get("ready", True):
        raise ValidationError(f"Mục {proposal.seq} ({proposal.label}): {proposal.match}.")
    try:
        target, scope_path = accept.apply(proposal, batch)
    except access.AccessDenied as exc:
        raise ValidationError(f"Mục {proposal.seq} ({proposal.label}): {exc}") from None
    except ValidationError as exc:
        message = "; ".join(exc.messages)
        raise ValidationError(f"Mục {proposal.seq} ({proposal.label}): {message}") from None
    proposal.target_type, proposal.target_id = audit.object_type(target), target.pk
    _source(proposal, target, scope_path)
    _decide(proposal, decision, batch.actor)


def proposals_decide(
    *, article: Article, seqs: list[int], accept_them: bool, actor: Actor, auto: bool = False
) -> int:
    """Accept (through the record services) or reject the proposals ``seqs`` of ``article``,
    all or nothing; returns how many were decided."""
    access.require(actor, access.CHANGE, article.unit.path)
    chosen = list(article.proposals.filter(seq__in=seqs, decision=Decision.PENDING))
    if not chosen:
        raise ValidationError("Hãy chọn ít nhất một đề xuất chưa được quyết định.")
    decision = Decision.AUTO if auto else Decision.ACCEPTED
    with transaction.atomic():
        if accept_them:
            chosen += accept.dependencies(article, chosen)
            batch = accept.Batch(article, actor, decision)
            for proposal in sorted(chosen, key=accept.order):
                _accept_one(proposal, batch, decision)
        else:
            for proposal in chosen:
                _decide(proposal, Decision.REJECTED, actor)
        if not article.proposals.filter(decision=Decision.PENDING).exists():
            before = {"status": article.status}
            article.status = ArticleStatus.AUTO if auto else ArticleStatus.REVIEWED
            audit.save(article, actor=actor, before=before, scope_path=article.unit.path)
    return len(chosen)


def article_auto_accept(*, article: Article, actor: Actor) -> int:
    """Accept every proposal that can be accepted without a person's choice (the demo's seed
    articles); the article is marked as accepted automatically."""
    ready = [
        p.seq
        for p in article.proposals.filter(decision=Decision.PENDING)
        if p.payload.get("ready", True)
    ]
    count = (
        proposals_decide(article=article, seqs=ready, accept_them=True, actor=actor, auto=True)
        if ready
        else 0
    )
    if article.status != ArticleStatus.AUTO:
        before = {"status": article.status}
        article.status = ArticleStatus.AUTO
        audit.save(article, actor=actor, before=before, scope_path=article.unit.path)
    return count


def proposal_choose(*, article: Article, seq: int, person_id: int | None, actor: Actor) -> Proposal:
    """The reviewer's choice for a person the article names: one of the candidates shown (a
    record the chooser may see now) or, with ``person_id`` None, a new person. The person's
    tenure proposals are matched again against the chosen record."""
    access.require(actor, access.CHANGE, article.unit.path)
    with transaction.atomic():
        proposal = (
            article.proposals.select_for_update()
            .filter(seq=seq, kind=ProposalKind.PERSON, decision=Decision.PENDING)
            .first()
        )
        if proposal is None:
            raise ValidationError("Không tìm thấy đề xuất cá nhân đang chờ quyết định.")
        offered = {c["person_id"] for c in proposal.payload.get("candidates", [])}
        if person_id is not None and (
            person_id not in offered or not candidates.eligible(actor).filter(pk=person_id).exists()
        ):
            raise ValidationError(accept.OUT_OF_SCOPE)
        before = {k: proposal.payload.get(k) for k in ("person_id", "decision")}
        _choose(proposal, person_id)
        _rematch_tenures(article, proposal.payload["name"], person_id, actor)
        audit.record(
            actor=actor,
            obj=proposal,
            action="update",
            before=before,
            after={k: proposal.payload.get(k) for k in ("person_id", "decision")},
            scope_path=article.unit.path,
        )
    return proposal


def _choose(proposal: Proposal, person_id: int | None) -> None:
    decision = "matched" if person_id is not None else "new"
    proposal.payload.update(person_id=person_id, decision=decision, ready=True, chosen=True)
    proposal.match = (
        f"Người được chọn: #{person_id}" if person_id is not None else "Cá nhân mới (đã chọn)"
    )
    proposal.save(update_fields=["payload", "match"])


def _rematch_tenures(article: Article, name: str, person_id: int | None, actor: Actor) -> None:
    for tenure in article.proposals.filter(
        kind=ProposalKind.TENURE, decision=Decision.PENDING, payload__name=name
    ):
        data = tenure.payload
        day = dt.date.fromisoformat(data["day"]) if data.get("day") else article.day
        assert day is not None
        action = link.tenure_action(person_id, data["title_id"], data["unit_id"], day, actor)
        data.update(person_id=person_id, ready=True, **action)
        tenure.match = link.TENURE_MATCH[action["action"]]
        tenure.save(update_fields=["payload", "match"])

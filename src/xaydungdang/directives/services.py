"""Every write to documents, tasks and progress goes through these functions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, audit, locking
from xaydungdang.core.actors import Actor, user_of
from xaydungdang.core.actors import check as check_actor
from xaydungdang.core.plausible import check_date
from xaydungdang.core.text import clean, fold
from xaydungdang.core.uploads import check_upload
from xaydungdang.org.models import Unit

from .choices import IMPLEMENTING_TYPES, DocType, TaskStatus
from .docref import find_refs
from .events import DocumentRegistered, ProgressReported, TaskAssigned, TaskCompleted
from .models import Document, ProgressUpdate, Task

_ROMAN = re.compile(r"^[IVXL]{1,6}$")
DOC_FIELDS = {
    "doc_type",
    "number",
    "symbol",
    "issued_on",
    "term",
    "title",
    "summary",
    "implements",
    "attachment",
}
TASK_FIELDS = {"content", "lead_unit", "deadline", "expected_output", "weight", "ordinal", "status"}


def _check_symbol(doc: Document) -> None:
    doc.symbol = re.sub(r"\s*([-/])\s*", r"\1", clean(doc.symbol or ""))
    if not doc.symbol:
        return
    refs = [r for r in find_refs(doc.symbol) if r.symbol and r.raw.strip() == doc.symbol]
    if len(refs) != 1:
        raise ValidationError(
            f"Số và ký hiệu “{doc.symbol}” không đúng dạng (ví dụ 18-NQ/TW, 178/2024/NĐ-CP)."
        )
    doc.number = doc.number or (refs[0].number or "")
    doc.issuer_symbol = refs[0].issuer or ""
    if refs[0].number != doc.number:
        raise ValidationError(f"Số “{doc.number}” không khớp với ký hiệu “{doc.symbol}”.")


def _check_document(doc: Document) -> None:
    if doc.doc_type not in DocType.values:
        raise ValidationError("Thể loại văn bản không hợp lệ.")
    doc.title = clean(doc.title or "")
    if not doc.title:
        raise ValidationError("Trích yếu văn bản không được để trống.")
    _check_symbol(doc)
    doc.term = clean(doc.term or "").upper()
    if doc.term and not _ROMAN.match(doc.term):
        raise ValidationError("Khóa phải viết bằng số La Mã, ví dụ XII.")
    if doc.issued_on and doc.issued_on > timezone.localdate():
        raise ValidationError("Ngày ban hành không được sau ngày hôm nay.")
    if doc.implements_id is not None:
        seen, cur = {doc.pk}, doc.implements
        while cur is not None:
            if cur.pk in seen:
                raise ValidationError("Quan hệ thực hiện văn bản tạo thành vòng lặp.")
            seen.add(cur.pk)
            cur = cur.implements
    same = Document.objects.filter(symbol=doc.symbol, issuer=doc.issuer, issued_on=doc.issued_on)
    if doc.symbol and same.exclude(pk=doc.pk).exists():
        raise ValidationError(f"Văn bản {doc.symbol} của cơ quan này, cùng ngày, đã có trong sổ.")
    doc.folded = fold(f"{doc.symbol} {doc.get_doc_type_display()} {doc.number} {doc.title}")[:800]
    doc.full_clean()


def document_create(
    *,
    doc_type: str,
    issuer: Unit,
    title: str,
    symbol: str = "",
    number: str = "",
    issued_on: dt.date | None = None,
    term: str = "",
    summary: str = "",
    implements: Document | None = None,
    attachment: UploadedFile | None = None,
    is_demo: bool = False,
    actor: Actor,
) -> Document:
    """Register a document issued by ``issuer``; ``implements`` links it to a directive above."""
    access.require(actor, access.CHANGE, issuer.path)
    if implements is not None and not (
        Document.objects.restrict(actor).filter(pk=implements.pk).exists()
    ):
        raise access.AccessDenied("Không tìm thấy văn bản được thực hiện.")
    doc = Document(
        doc_type=doc_type,
        issuer=issuer,
        title=title,
        symbol=symbol,
        number=number,
        issued_on=issued_on,
        term=term,
        summary=summary,
        implements=implements,
        is_demo=is_demo,
    )
    if attachment is not None:
        check_upload(attachment, "attachment")
        doc.attachment = attachment
    _check_document(doc)
    with transaction.atomic():
        doc.save()
        audit.record(actor=actor, obj=doc, action="create", before=None, scope_path=issuer.path)
        audit.emit(
            DocumentRegistered(doc.pk, doc.reference),
            actor=actor,
            obj=doc,
            scope_path=issuer.path,
        )
    return doc


_DOC_DERIVED = ["symbol", "number", "issuer_symbol", "title", "term", "folded"]


def document_update(
    *, document: Document, actor: Actor, expected_version: str | None = None, **changes: Any
) -> Document:
    audit.check_fields(changes, DOC_FIELDS)
    with transaction.atomic():
        current = locking.locked(document, expected_version)
        access.require(actor, access.CHANGE, current.issuer.path)
        before = audit.apply_changes(current, changes)
        _check_document(current)
        fields = list(dict.fromkeys([*changes, *_DOC_DERIVED]))
        locking.write(current, {f: getattr(current, f) for f in fields}, caller=document)
        audit.record(
            actor=actor,
            obj=current,
            action="update",
            before=before,
            scope_path=current.issuer.path,
        )
    return document


def _check_task(task: Task) -> None:
    task.content = clean(task.content or "")
    if not task.content:
        raise ValidationError("Nội dung nhiệm vụ không được để trống.")
    if task.document.doc_type not in IMPLEMENTING_TYPES:
        raise ValidationError("Nhiệm vụ chỉ gắn với kế hoạch, chương trình hoặc đề án thực hiện.")
    if task.status not in TaskStatus.values:
        raise ValidationError("Trạng thái nhiệm vụ không hợp lệ.")
    if not task.lead_unit.is_active:
        raise ValidationError(f"Đơn vị chủ trì “{task.lead_unit.name}” đã kết thúc hoạt động.")
    if not isinstance(task.weight, int) or task.weight < 1:
        raise ValidationError("Trọng số phải là số nguyên dương.")
    if task.deadline and task.document.issued_on and task.deadline < task.document.issued_on:
        raise ValidationError("Thời hạn không được trước ngày ban hành văn bản.")
    task.lead_path = task.lead_unit.path
    task.expected_output = clean(task.expected_output or "")
    task.full_clean(exclude=["lead_path"])


def task_create(
    *,
    document: Document,
    content: str,
    lead_unit: Unit,
    deadline: dt.date | None = None,
    expected_output: str = "",
    weight: int = 1,
    ordinal: int | None = None,
    coordinating_units: Iterable[Unit] = (),
    is_demo: bool = False,
    actor: Actor,
) -> Task:
    """Assign a task of ``document`` to ``lead_unit``."""
    access.require(actor, access.CHANGE, document.issuer.path)
    if not access.actor_scope(actor, access.VIEW).covers(
        lead_unit.path
    ) and not lead_unit.path.startswith(document.issuer.path):
        raise access.AccessDenied("Không tìm thấy đơn vị chủ trì.")
    if ordinal is None:
        ordinal = (
            document.tasks.order_by("-ordinal").values_list("ordinal", flat=True).first() or 0
        ) + 1
    task = Task(
        document=document,
        content=content,
        lead_unit=lead_unit,
        deadline=deadline,
        expected_output=expected_output,
        weight=weight,
        ordinal=ordinal,
        is_demo=is_demo,
    )
    _check_task(task)
    with transaction.atomic():
        task.save()
        task.coordinating_units.set(list(coordinating_units))
        audit.record(actor=actor, obj=task, action="create", before=None, scope_path=lead_unit.path)
        audit.emit(
            TaskAssigned(task.pk, document.reference, lead_unit.name),
            actor=actor,
            obj=task,
            scope_path=lead_unit.path,
        )
    return task


def task_update(
    *, task: Task, actor: Actor, expected_version: str | None = None, **changes: Any
) -> Task:
    """Edit a task: read again under a lock, checked against the version the caller saw; only
    the fields edited (and what they derive) are written."""
    audit.check_fields(changes, TASK_FIELDS)
    with transaction.atomic():
        current = locking.locked(task, expected_version)
        access.require(actor, access.CHANGE, current.document.issuer.path)
        before = audit.apply_changes(current, changes)
        _check_task(current)
        fields = list(dict.fromkeys([*changes, "content", "lead_path", "expected_output"]))
        locking.write(current, {f: getattr(current, f) for f in fields}, caller=task)
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=current.lead_path
        )
    return task


def _require_reporter(user: Any, task: Task) -> None:
    check_actor(user)
    scope = access.scope_for(user, access.CHANGE)
    if not (scope.covers(task.lead_path) or scope.covers(task.document.issuer.path)):
        raise access.AccessDenied("Không có quyền báo cáo tiến độ nhiệm vụ này.")


def progress_report(
    *,
    task: Task,
    reported_on: dt.date,
    percent: int,
    text: str,
    attachment: UploadedFile | None = None,
    actor: Actor,
    expected_version: str | None = None,
) -> ProgressUpdate:
    """Report progress on ``task``; 100% completes it on ``reported_on``."""
    text = clean(text or "")
    if not text:
        raise ValidationError("Hãy nêu nội dung báo cáo tiến độ.")
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationError("Tiến độ phải là số từ 0 đến 100.")
    if reported_on > timezone.localdate():
        raise ValidationError("Ngày báo cáo không được sau ngày hôm nay.")
    check_date(reported_on, "progress", "Ngày báo cáo")
    user = user_of(actor)
    with transaction.atomic():
        current = locking.locked(task, expected_version)
        _require_reporter(actor, current)
        if current.status == TaskStatus.STOPPED:
            raise ValidationError("Nhiệm vụ đã dừng thực hiện, không nhận báo cáo tiến độ.")
        update = ProgressUpdate(
            task=current, reported_on=reported_on, percent=percent, text=text, reported_by=user
        )
        if attachment is not None:
            check_upload(attachment, "attachment")
            update.attachment = attachment
        update.full_clean()
        before = audit.snapshot(current)
        status = (
            TaskStatus.DONE
            if percent == 100
            else (TaskStatus.IN_PROGRESS if percent > 0 else TaskStatus.NOT_STARTED)
        )
        update.save()
        changes = {
            "progress": percent,
            "status": status,
            "completed_on": reported_on if percent == 100 else None,
        }
        locking.write(current, changes, caller=task)
        audit.record(
            actor=actor, obj=update, action="create", before=None, scope_path=current.lead_path
        )
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=current.lead_path
        )
        unit = current.lead_unit.name
        audit.emit(
            ProgressReported(current.pk, percent, unit),
            actor=actor,
            obj=current,
            scope_path=current.lead_path,
        )
        if percent == 100:
            audit.emit(
                TaskCompleted(current.pk, unit),
                actor=actor,
                obj=current,
                scope_path=current.lead_path,
            )
    return update

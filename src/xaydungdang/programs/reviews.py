"""Reviews (sơ kết, tổng kết): drafted from the data, edited, finalised, then immutable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from xaydungdang.core import access, actors, audit, jobs, locking
from xaydungdang.core.actors import Actor, user_of
from xaydungdang.core.dates import vn_date
from xaydungdang.core.models import Job
from xaydungdang.core.text import clean
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit, is_central_body

from .choices import ItemStatus, ReviewKind, ReviewStatus
from .events import ReviewFinalized
from .figures import directive_figures, program_figures
from .models import Program, Review
from .services import require_party

EDITABLE = {
    "title",
    "symbol",
    "place",
    "issued_on",
    "results",
    "limitations",
    "lessons",
    "proposals",
    "participants",
    "recipients",
    "event",
}


def compute_figures(review: Review) -> dict[str, Any]:
    if review.program is not None:
        return program_figures(review.program, review.period_start, review.period_end)
    assert review.directive is not None
    # A central body reviews the whole implementation; any other body its own subtree's.
    within = "" if is_central_body(review.issuer) else review.issuer.path
    period = (review.period_start, review.period_end)
    return directive_figures(review.directive, *period, within=within)


def results_text(figures: dict[str, Any]) -> str:
    """A first paragraph of results, written from the figures (the user edits it)."""
    if figures["kind"] == "directive":
        return (
            f"Trong kỳ đã ban hành {figures['documents_issued']} văn bản triển khai; "
            f"hoàn thành {figures['done_of_planned']} nhiệm vụ, "
            f"{figures['tasks_overdue']} nhiệm vụ quá hạn."
        )
    lines = []
    for y in figures["years"]:
        line = (
            f"Theo kế hoạch phối hợp năm {y['year']}, hai cơ quan đã triển khai, thực hiện "
            f"và hoàn thành {y['done_of_planned']} nội dung"
        )
        if y[ItemStatus.NOT_IMPLEMENTED]:
            line += f"; còn {y[ItemStatus.NOT_IMPLEMENTED]} nội dung chưa triển khai thực hiện"
        if y[ItemStatus.IN_PROGRESS] or y[ItemStatus.NOT_STARTED]:
            line += f"; {y[ItemStatus.IN_PROGRESS] + y[ItemStatus.NOT_STARTED]} nội dung đang làm"
        if y[ItemStatus.MOVED]:
            line += f"; {y[ItemStatus.MOVED]} nội dung chuyển sang năm sau"
        lines.append(line + ".")
    return "\n".join(lines) or "Chưa có kế hoạch phối hợp năm nào trong kỳ."


def review_draft(
    *,
    kind: str,
    issuer: Unit,
    period_start: dt.date,
    period_end: dt.date,
    title: str,
    program: Program | None = None,
    directive: Document | None = None,
    symbol: str = "",
    place: str = "Hà Nội",
    recipients: str = "",
    actor: Actor,
) -> Review:
    """Draft a review of a program or a directive over a period, its figures computed now."""
    access.require(actor, access.CHANGE, issuer.path)
    if (program is None) == (directive is None):
        raise ValidationError("Báo cáo phải là của một chương trình hoặc một văn bản chỉ đạo.")
    if program is not None:
        require_party(actor, program)
    if kind not in ReviewKind.values:
        raise ValidationError("Loại báo cáo không hợp lệ.")
    if period_start > period_end:
        raise ValidationError("Kỳ báo cáo: ngày bắt đầu phải trước ngày kết thúc.")
    review = Review(
        kind=kind,
        issuer=issuer,
        period_start=period_start,
        period_end=period_end,
        title=clean(title),
        program=program,
        directive=directive,
        symbol=clean(symbol),
        place=clean(place) or "Hà Nội",
        recipients=recipients,
    )
    if not review.title:
        raise ValidationError("Tiêu đề báo cáo không được để trống.")
    review.figures = compute_figures(review)
    review.results = results_text(review.figures)
    review.full_clean()
    audit.save(review, actor=actor, before=None, scope_path=issuer.path)
    return review


def _editable(review: Review, actor: Actor) -> None:
    access.require(actor, access.CHANGE, review.issuer.path)
    if review.is_final:
        when = (
            vn_date(timezone.localtime(review.finalized_at).date()) if review.finalized_at else ""
        )
        raise ValidationError(f"Báo cáo đã hoàn thành ngày {when}; không thể sửa đổi.")


def review_update(
    *, review: Review, actor: Actor, expected_version: str | None = None, **changes: Any
) -> Review:
    """Edit a draft. A finalised review refuses every change; only the fields edited are
    written, on the review read again under a lock."""
    audit.check_fields(changes, EDITABLE)
    with transaction.atomic():
        current = locking.locked(review, expected_version)
        _editable(current, actor)
        before = audit.apply_changes(current, changes)
        if "title" in changes:
            current.title = clean(current.title)
        if not current.title:
            raise ValidationError("Tiêu đề báo cáo không được để trống.")
        current.full_clean()
        fields = list(changes)
        locking.write(current, {f: getattr(current, f) for f in fields}, caller=review)
        audit.record(
            actor=actor, obj=current, action="update", before=before, scope_path=current.issuer.path
        )
    return review


def review_refresh_figures(
    *, review: Review, actor: Actor, expected_version: str | None = None
) -> Review:
    """Recount a draft's figures from the data as it is now."""
    with transaction.atomic():
        current = locking.locked(review, expected_version)
        _editable(current, actor)
        before = audit.snapshot(current)
        locking.write(current, {"figures": compute_figures(current)}, caller=review)
        audit.record(
            actor=actor,
            obj=current,
            action="update",
            before=before,
            scope_path=current.issuer.path,
        )
    return review


def review_finalize(*, review: Review, actor: Actor, expected_version: str | None = None) -> Review:
    user = user_of(actor)
    with transaction.atomic():
        current = locking.locked(review, expected_version)
        _editable(current, actor)
        before = audit.snapshot(current)
        changes = {
            "status": ReviewStatus.FINAL,
            "finalized_at": timezone.now(),
            "finalized_by": user,
        }
        locking.write(current, changes, caller=review)
        audit.record(
            actor=actor,
            obj=current,
            action="update",
            before=before,
            scope_path=current.issuer.path,
        )
        audit.emit(
            ReviewFinalized(current.pk, current.title),
            actor=actor,
            obj=current,
            scope_path=current.issuer.path,
        )
    return review


def review_file_start(*, review: Review, ext: str, actor: Actor) -> Job:
    """Write the review as a Word or PDF file in a job (audited: a Party document leaves the
    system)."""
    from .report import FORMATS, review_file

    actors.check(actor)
    if not Review.objects.restrict(actor, access.VIEW).filter(pk=review.pk).exists():
        raise access.AccessDenied("Không tìm thấy báo cáo.")
    if ext not in FORMATS:
        raise ValidationError("Định dạng tệp không hợp lệ.")

    def work(job: Job, progress: jobs.Report) -> None:
        name, data = review_file(review, ext, progress)
        jobs.save_result(job, name, data)

    label = f"Tạo tệp {FORMATS[ext][0]}: {review.title}"
    with transaction.atomic():
        job = jobs.start(kind=f"review_{ext}", label=label, work=work, user=actor)
        audit.record(actor=actor, obj=job, action="create", before=None,
                     scope_path=review.issuer.path)  # fmt: skip
    return job

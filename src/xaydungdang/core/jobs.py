"""Jobs: long work runs in a thread and reports its progress on a Job row the page polls.

``start`` records the job and launches it once the surrounding transaction commits. With the
setting ``XDD_JOBS_INLINE`` (the tests) it runs at once in the calling thread.

Work that runs in one transaction (an import: all or nothing) cannot show its progress through
its own connection: other connections see the row only when the work ends. So a report is kept
in this process, where the job's page reads it (``live``), and written on the row through a
connection of its own where the database lets a second writer in (PostgreSQL; SQLite has one
writer at a time, and the work holds it).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    close_old_connections,
    connection,
    connections,
    transaction,
)
from django.db.models import Q
from django.utils import timezone

from .dates import vn_date
from .models import Job

log = logging.getLogger(__name__)
Report = Callable[[int, str], None]
Work = Callable[[Job, Report], None]


_live: dict[int, tuple[int, str]] = {}  # job id: the last progress its work reported here
_here: set[int] = set()  # the jobs whose work runs in this process
_lock = threading.Lock()
DIED = (
    "Công việc đã dừng giữa chừng: tiến trình xử lý không còn chạy (lần cuối ghi nhận lúc {at}). "
    "Không có dữ liệu nào được ghi; hãy thực hiện lại."
)


def _seconds(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def sweep(now: Any = None) -> int:
    """Mark failed every unfinished job whose work gave no sign of life for
    ``XDD_JOB_STALE_SECONDS`` and does not run in this process; returns how many."""
    now = now or timezone.now()
    limit = now - dt.timedelta(seconds=_seconds("XDD_JOB_STALE_SECONDS", 120))
    silent = Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, created_at__lt=limit)
    with _lock:
        here = set(_here)
    stale = Job.objects.filter(silent, status__in=("queued", "running")).exclude(pk__in=here)
    count = 0
    for job in stale.only("pk", "heartbeat_at", "created_at"):
        last = timezone.localtime(job.heartbeat_at or job.created_at)
        message = DIED.format(at=f"{last:%H:%M} {vn_date(last.date())}")
        count += Job.objects.filter(pk=job.pk, status__in=("queued", "running")).update(
            status="failed", message=message[:500]
        )
    return count


def check_alive(job: Job) -> Job:
    """``job``, marked failed first if its process has died (the page of a job calls it)."""
    if not job.finished and sweep() and job.pk is not None:
        job.refresh_from_db()
    return job


def live(job: Job) -> Job:
    """``job`` with the progress its work last reported in this process, while it runs."""
    with _lock:
        found = _live.get(job.pk)
    if found is not None and not job.finished:
        job.progress, job.message = found
    return job


class _Reporter:
    """Reports of one job: kept in ``_live``; on the row at once when the work is outside a
    transaction, else through a second connection when the database allows it."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.side: Any = None  # the second connection, opened at the first report

    def __call__(self, percent: int, message: str) -> None:
        job = self.job
        job.progress, job.message = max(0, min(percent, 100)), message[:500]
        with _lock:
            _live[job.pk] = (job.progress, job.message)
        now = timezone.now()
        if not connection.in_atomic_block:
            Job.objects.filter(pk=job.pk).update(
                progress=job.progress, message=job.message, heartbeat_at=now
            )
        elif connection.vendor == "postgresql":
            if self.side is None:
                self.side = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.side.cursor() as cur:
                cur.execute(
                    f"UPDATE {Job._meta.db_table} SET progress = %s, message = %s, "
                    "heartbeat_at = %s WHERE id = %s",
                    [job.progress, job.message, now, job.pk],
                )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()
        with _lock:
            _live.pop(self.job.pk, None)


def _touch(job_id: int, stop: threading.Event) -> None:
    """The periodic sign of life of a running job, on a connection of its own. SQLite lets one
    writer in at a time: while the work holds it, the touch gives up (the page then sees the
    job in ``_here``, since SQLite runs in one server process)."""
    every = _seconds("XDD_JOB_HEARTBEAT_SECONDS", 10)
    while not stop.wait(every):
        try:
            Job.objects.filter(pk=job_id).update(heartbeat_at=timezone.now())
        except DatabaseError:
            pass
        finally:
            close_old_connections()
    connections.close_all()


def _run(job_id: int, work: Work) -> None:
    inline = getattr(settings, "XDD_JOBS_INLINE", False)
    if not inline:
        close_old_connections()
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(status="running", heartbeat_at=timezone.now())
    with _lock:
        _here.add(job.pk)
    stop = threading.Event()
    if not inline:
        toucher = threading.Thread(target=_touch, args=(job.pk, stop), daemon=True)
        toucher.start()
    reporter = _Reporter(job)
    try:
        work(job, reporter)
        job.status, job.progress = "done", 100
    except ValidationError as exc:
        job.status, job.message = "failed", " ".join(exc.messages)[:500]
    except Exception:  # a job must end with a status the user can read, whatever went wrong
        log.exception("job %s failed", job.pk)
        job.status, job.message = (
            "failed",
            "Có lỗi khi thực hiện; quản trị hệ thống đã được ghi nhận.",
        )
    stop.set()
    Job.objects.filter(pk=job.pk).update(
        status=job.status, progress=job.progress, message=job.message, heartbeat_at=timezone.now()
    )
    with _lock:
        _here.discard(job.pk)
    reporter.close()
    if not inline:
        connections.close_all()


def start(*, kind: str, label: str, work: Work, user: Any) -> Job:
    creator = user if getattr(user, "is_authenticated", False) else None
    job = Job.objects.create(kind=kind, label=label[:300], created_by=creator)
    if getattr(settings, "XDD_JOBS_INLINE", False):
        _run(job.pk, work)
        job.refresh_from_db()
        return job
    thread = threading.Thread(target=_run, args=(job.pk, work), daemon=True, name=f"job-{job.pk}")
    transaction.on_commit(thread.start)
    return job


def save_result(job: Job, name: str, data: bytes) -> None:
    """Keep the file a job produced, in a folder of its own (a second download of the same
    report keeps its name), and the address of its download."""
    from django.core.files.base import ContentFile
    from django.urls import reverse

    job.result.save(f"{job.pk}/{name}", ContentFile(data), save=False)
    job.result_url = reverse("job_file", args=[job.pk])
    job.save(update_fields=["result", "result_url"])

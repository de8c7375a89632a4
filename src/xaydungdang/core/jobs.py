"""Jobs: long work runs in a thread and reports its progress on a Job row the page polls.

``start`` records the job and launches it once the surrounding transaction commits. With the
setting ``XDD_JOBS_INLINE`` (the tests) it runs at once in the calling thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connections, transaction

from .models import Job

log = logging.getLogger(__name__)
Report = Callable[[int, str], None]
Work = Callable[[Job, Report], None]


def _report(job: Job) -> Report:
    def report(percent: int, message: str) -> None:
        job.progress, job.message = max(0, min(percent, 100)), message[:500]
        Job.objects.filter(pk=job.pk).update(progress=job.progress, message=job.message)

    return report


def _run(job_id: int, work: Work) -> None:
    inline = getattr(settings, "XDD_JOBS_INLINE", False)
    if not inline:
        close_old_connections()
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(status="running")
    try:
        work(job, _report(job))
        job.status, job.progress = "done", 100
    except ValidationError as exc:
        job.status, job.message = "failed", " ".join(exc.messages)[:500]
    except Exception:  # a job must end with a status the user can read, whatever went wrong
        log.exception("job %s failed", job.pk)
        job.status, job.message = (
            "failed",
            "Có lỗi khi thực hiện; quản trị hệ thống đã được ghi nhận.",
        )
    Job.objects.filter(pk=job.pk).update(
        status=job.status, progress=job.progress, message=job.message
    )
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

"""The page of a job: a progress bar that refreshes itself until the job has finished."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from xaydungdang.core import jobs
from xaydungdang.core.models import Job


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = Job.objects.filter(pk=pk).first()
    if job is None or (job.created_by_id != request.user.pk and not request.user.is_superuser):
        raise Http404("Không tìm thấy công việc.")
    return render(request, "site/job.html", {"job": jobs.live(jobs.check_alive(job))})


def job_file(request: HttpRequest, pk: int) -> FileResponse:
    job = Job.objects.filter(pk=pk, status="done").first()
    if (
        job is None
        or not job.result
        or (job.created_by_id != request.user.pk and not request.user.is_superuser)
    ):
        raise Http404("Không tìm thấy tệp.")
    return FileResponse(
        job.result.open("rb"),
        as_attachment=True,
        filename=Path(job.result.name or "ket-qua.docx").name,
    )

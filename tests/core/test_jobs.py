"""A job's progress is seen while its work runs, though the work is one transaction (an import)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test import Client

from xaydungdang.core import jobs
from xaydungdang.core.models import Job


def _page_from_another_thread(client: Client, url: str) -> str:
    """The page as another request sees it: its own thread, its own database connection."""
    seen: list[str] = []

    def get() -> None:
        try:
            seen.append(client.get(url).content.decode())
        finally:
            connections.close_all()

    thread = threading.Thread(target=get)
    thread.start()
    thread.join()
    return seen[0]


@pytest.mark.django_db(transaction=True)
def test_the_job_page_shows_the_progress_reported_inside_the_work() -> None:
    user = get_user_model().objects.create_user("nhap", password="x")
    client = Client()
    client.force_login(user)
    seen: list[str] = []

    def work(job: Job, report: Any) -> None:
        with transaction.atomic():  # as an import does: all or nothing
            report(37, "Đã đọc 20.000 dòng.")
            seen.append(_page_from_another_thread(client, f"/cong-viec/{job.pk}/"))

    job = jobs.start(kind="test", label="Nhập thử", work=work, user=user)
    assert "37%" in seen[0] and "Đã đọc 20.000 dòng." in seen[0]
    job.refresh_from_db()
    assert job.status == "done" and job.progress == 100
    assert jobs.live(job).progress == 100  # once finished, the row is the truth


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_row_shows_the_progress_to_other_connections() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer: the progress is kept in the process")
    job = Job.objects.create(kind="test", label="Nhập thử")
    reporter = jobs._Reporter(job)
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with transaction.atomic():
            reporter(55, "Đang ghi.")
            with other.cursor() as cur:
                cur.execute("SELECT progress, message FROM core_job WHERE id = %s", [job.pk])
                assert cur.fetchone() == (55, "Đang ghi.")
    finally:
        reporter.close()
        other.close()

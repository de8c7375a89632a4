"""Edits racing on one record (review, task, program item): exactly one wins, the other is
refused as stale and changes nothing; and the same through the pages (a stale form)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives import services as dirs
from xaydungdang.directives.models import Task
from xaydungdang.org.models import Unit
from xaydungdang.programs import reviews, services
from xaydungdang.programs.models import ProgramItem, Review

from ..races import STALE, assert_one_wins, form_version, race

D = dt.date
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def item(make_unit: Callable[..., Unit]) -> ProgramItem:
    a, b = make_unit("Ban Tổ chức Trung ương", kind="advisory_board"), make_unit("Tỉnh ủy X")
    program = services.program_create(
        title="Chương trình thử", party_a=a, party_b=b, start_year=2021, end_year=2025,
        actor=SYSTEM_CLI,
    )  # fmt: skip
    plan = services.plan_create(program=program, year=2022, actor=SYSTEM_CLI)
    return services.item_create(plan=plan, content="Nội dung 1", actor=SYSTEM_CLI)


@pytest.fixture
def review(item: ProgramItem) -> Review:
    program = item.plan.program
    return reviews.review_draft(
        kind="annual", issuer=program.party_b, period_start=D(2022, 1, 1),
        period_end=D(2022, 12, 31), title="Tổng kết năm 2022", program=program,
        actor=SYSTEM_CLI,
    )  # fmt: skip


@pytest.fixture
def task(make_unit: Callable[..., Unit]) -> Task:
    province = make_unit("Tỉnh ủy A", code="tu-a")
    doc = dirs.document_create(
        doc_type="plan", issuer=province, number="86", title="Kế hoạch thử",
        issued_on=D(2018, 1, 10), actor=SYSTEM_CLI,
    )  # fmt: skip
    return dirs.task_create(document=doc, content="Việc một", lead_unit=province, actor=SYSTEM_CLI)


def test_review_edit_against_finalise(review: Review) -> None:
    first, second = Review.objects.get(pk=review.pk), Review.objects.get(pk=review.pk)
    assert_one_wins(
        race(
            lambda: reviews.review_update(review=first, results="Sửa kết quả", actor=SYSTEM_CLI),
            lambda: reviews.review_finalize(review=second, actor=SYSTEM_CLI),
        )
    )
    review.refresh_from_db()
    assert review.is_final == (review.results != "Sửa kết quả")


def test_a_stale_edit_after_finalise_leaves_it_final(review: Review) -> None:
    stale = Review.objects.get(pk=review.pk)
    reviews.review_finalize(review=review, actor=SYSTEM_CLI)
    with pytest.raises(Exception, match=STALE):
        reviews.review_update(review=stale, results="Sửa muộn", actor=SYSTEM_CLI)
    review.refresh_from_db()
    assert review.is_final and review.results != "Sửa muộn"


def test_two_task_edits(task: Task) -> None:
    first, second = Task.objects.get(pk=task.pk), Task.objects.get(pk=task.pk)
    assert_one_wins(
        race(
            lambda: dirs.task_update(task=first, weight=5, actor=SYSTEM_CLI),
            lambda: dirs.task_update(task=second, content="Việc một, sửa", actor=SYSTEM_CLI),
        )
    )
    task.refresh_from_db()
    assert (task.weight == 5) != (task.content == "Việc một, sửa")


def test_a_stale_task_edit_after_a_full_progress_report(task: Task) -> None:
    stale = Task.objects.get(pk=task.pk)
    dirs.progress_report(
        task=task, reported_on=D(2024, 1, 1), percent=100, text="Xong", actor=SYSTEM_CLI
    )
    with pytest.raises(Exception, match=STALE):
        dirs.task_update(task=stale, status="in_progress", content="Việc một", actor=SYSTEM_CLI)
    task.refresh_from_db()
    assert (task.status, task.progress, task.completed_on) == ("done", 100, D(2024, 1, 1))


def test_a_stale_item_status(item: ProgramItem) -> None:
    first, second = ProgramItem.objects.get(pk=item.pk), ProgramItem.objects.get(pk=item.pk)
    assert_one_wins(
        race(
            lambda: services.item_set_status(
                item=first, status="done", note="Đã xong", actor=SYSTEM_CLI
            ),
            lambda: services.item_set_status(item=second, status="in_progress", actor=SYSTEM_CLI),
        )
    )
    item.refresh_from_db()
    assert (item.status == "done") == (item.status_note == "Đã xong")


def test_a_stale_task_form_is_refused_and_changes_nothing(task: Task, superuser: object) -> None:
    client = Client()
    client.force_login(superuser)  # type: ignore[arg-type]
    url = reverse("directives:task_edit", args=[task.pk])
    opened = form_version(client, url)
    form = {"content": "Việc một", "weight": 1, "status": "not_started", "version": opened}
    dirs.progress_report(
        task=task, reported_on=D(2024, 1, 1), percent=100, text="Xong", actor=superuser
    )
    page = client.post(url, form)
    assert page.status_code == 200
    assert "Bản ghi đã được thay đổi lúc" in page.content.decode()
    assert "bởi root" in page.content.decode()
    task.refresh_from_db()
    assert (task.status, task.progress) == ("done", 100)
    fresh = client.post(
        url, {**form, "status": "done", "weight": 2, "version": form_version(client, url)}
    )
    assert fresh.status_code == 302
    task.refresh_from_db()
    assert task.weight == 2


def test_a_stale_item_form_keeps_done_and_its_note(item: ProgramItem, superuser: object) -> None:
    client = Client()
    client.force_login(superuser)  # type: ignore[arg-type]
    url = reverse("programs:item_status", args=[item.pk])
    opened = form_version(client, url)
    services.item_set_status(item=item, status="done", note="Có biên bản", actor=superuser)
    page = client.post(url, {"status": "in_progress", "note": "", "version": opened})
    assert "Bản ghi đã được thay đổi lúc" in page.content.decode()
    item.refresh_from_db()
    assert (item.status, item.status_note) == ("done", "Có biên bản")


def test_a_stale_review_form_after_finalise(review: Review, superuser: object) -> None:
    client = Client()
    client.force_login(superuser)  # type: ignore[arg-type]
    url = reverse("programs:review_edit", args=[review.pk])
    opened = form_version(client, url)
    reviews.review_finalize(review=review, actor=superuser)
    data = {f: getattr(review, f) or "" for f in ("title", "place", "results")}
    page = client.post(url, {**data, "results": "Sửa muộn", "version": opened})
    assert page.status_code == 200
    review.refresh_from_db()
    assert review.is_final and review.results != "Sửa muộn"

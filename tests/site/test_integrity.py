"""Bad input never answers 500 and changes nothing (issue "Integrity", defects 7, 10, 11, 12):
unicode digits in ids, implausible dates in every dated service, formulas in exports, jobs
whose process died, uploads over their cap."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from tests.site.test_permissions import hcm_objects
from xaydungdang.core import jobs
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord, Job
from xaydungdang.directives import services as directives
from xaydungdang.org import services as org
from xaydungdang.people import services as people
from xaydungdang.programs import services as programs
from xaydungdang.ui.xlsx import workbook_bytes

D = dt.date
FAR, EARLY = D(9999, 12, 31), D(1, 1, 1)


def _state() -> tuple[int, int]:
    return ChangeRecord.objects.count(), BusinessEvent.objects.count()


@pytest.mark.parametrize(
    "url",
    [
        "/don-vi/?goc=²",
        "/van-ban/?co_quan=²&nam=²",
        "/van-ban/?nam=99999999999",
        "/van-ban/moi/?thuc_hien=²",
        "/chuong-trinh/bao-cao/moi/?chuong_trinh=²",
        "/chuong-trinh/bao-cao/moi/?van_ban=²",
    ],
)
def test_unicode_digits_in_get_parameters_do_not_answer_500(
    url: str, client_for: Callable[[str], Client]
) -> None:
    client = client_for("hcm")
    client.raise_request_exception = True
    assert client.get(url).status_code in (200, 404)


def test_a_unicode_digit_in_a_unit_field_is_a_form_error(
    client_for: Callable[[str], Client],
) -> None:
    client = client_for("hcm")
    client.raise_request_exception = True
    before = _state()
    page = client.post(reverse("people:person_create"), {"full_name": "A B", "managing_unit": "²"})
    assert page.status_code == 200 and "Không tìm thấy đơn vị" in page.content.decode()
    assert _state() == before


@pytest.mark.parametrize("day", [EARLY, FAR, D(1900, 1, 1)])
def test_every_dated_service_refuses_an_implausible_date(demo: Any, day: dt.date) -> None:
    o = hcm_objects()
    before = _state()
    calls: list[Callable[[], Any]] = [
        lambda: org.unit_rename(
            unit=o["unit"], name="Tên mới hẳn", effective_date=day, actor=SYSTEM_CLI
        ),
        lambda: people.tenure_start(
            person=o["person"], title=o["tenure"].title, unit=o["unit"], start=day, actor=SYSTEM_CLI
        ),
        lambda: directives.progress_report(
            task=o["task"], reported_on=day, percent=10, text="Báo cáo", actor=SYSTEM_CLI
        ),
        lambda: programs.event_create(
            kind="conference", title="Họp", held_on=day, units=[o["unit"]], actor=SYSTEM_CLI
        ),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as caught:
            call()
        assert "không được" in " ".join(caught.value.messages), call
    assert _state() == before


def test_the_bounds_come_from_the_rule_registry(db: None) -> None:
    from xaydungdang.core.plausible import bounds

    today = D(2026, 1, 1)
    assert bounds("admission", today) == (D(1930, 2, 3), D(2026, 2, 1))
    assert bounds("rename", today)[1] == D(2027, 1, 2)


def test_formula_text_is_written_as_text_in_exports() -> None:
    data = workbook_bytes("Nhiệm vụ", ["Nội dung"], [['=HYPERLINK("http://x","bấm")'], ["+1"]])
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    for cell in (sheet["A2"], sheet["A3"]):
        assert cell.data_type == "s" and cell.quotePrefix
    assert sheet["A2"].value == '=HYPERLINK("http://x","bấm")'
    from xaydungdang.ui.xlsx import append

    book = Workbook()
    other = book.active
    append(other, ["@SUM(A1)", "-2", 3])
    assert [c.data_type for c in other[1]] == ["s", "s", "n"]


def test_the_task_export_of_a_document_carries_no_formula(
    client_for: Callable[[str], Client],
) -> None:
    o = hcm_objects()
    o["task"].content = '=HYPERLINK("http://x")'
    o["task"].save(update_fields=["content"])
    answer = client_for("hcm").get(
        reverse("directives:document", args=[o["document"].pk]), {"xuat": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == o["task"].content]
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_job_whose_process_died_is_failed_when_its_page_is_read(
    client_for: Callable[[str], Client], user_named: Callable[[str], Any], settings: Any
) -> None:
    settings.XDD_JOB_STALE_SECONDS = 60
    job = Job.objects.create(kind="members_import", label="Nhập", created_by=user_named("hcm"))
    old = timezone.now() - dt.timedelta(seconds=61)
    Job.objects.filter(pk=job.pk).update(status="running", progress=0, heartbeat_at=old)
    alive = Job.objects.create(kind="x", label="Đang làm", status="running")
    Job.objects.filter(pk=alive.pk).update(heartbeat_at=timezone.now())
    page = client_for("hcm").get(reverse("job", args=[job.pk])).content.decode()
    job.refresh_from_db()
    assert job.status == "failed" and "đã dừng giữa chừng" in job.message
    assert 'http-equiv="refresh"' not in page and "đã dừng giữa chừng" in page
    alive.refresh_from_db()
    assert alive.status == "running"
    Job.objects.filter(pk=alive.pk).update(heartbeat_at=old)
    assert jobs.sweep() == 1


def test_an_upload_over_its_cap_is_refused_before_it_is_read(settings: Any) -> None:
    from xaydungdang.core.uploads import check_upload

    settings.XDD_UPLOAD_LIMITS = {"article": 100, "members": 100, "tasks": 100, "attachment": 100}

    class Unread(SimpleUploadedFile):
        def read(self, *args: Any) -> bytes:
            raise AssertionError("read before its size was checked")

    with pytest.raises(ValidationError) as caught:
        check_upload(Unread("bai.txt", b"x" * 101), "article")
    assert "quá lớn" in caught.value.messages[0]
    check_upload(SimpleUploadedFile("bai.txt", b"x" * 100), "article")


def test_the_pages_refuse_big_uploads_with_a_message(
    client_for: Callable[[str], Client], settings: Any
) -> None:
    settings.XDD_UPLOAD_LIMITS = {"article": 50, "members": 50, "tasks": 50, "attachment": 50}
    o = hcm_objects()
    client = client_for("hcm")
    client.raise_request_exception = True
    before = _state()
    big = b"x" * 60
    page = client.post(
        reverse("members:import", args=[o["unit"].pk]),
        {"upload": SimpleUploadedFile("ds.csv", big)},
    )
    assert page.status_code == 200 and "quá lớn" in page.content.decode()
    page = client.post(
        reverse("ingest:article_create"),
        {"upload": SimpleUploadedFile("bai.txt", big), "unit": str(o["unit"].pk)},
    )
    assert page.status_code == 200 and "quá lớn" in page.content.decode()
    page = client.post(
        reverse("directives:task_import", args=[o["document"].pk]),
        {"file": SimpleUploadedFile("nv.xlsx", big)},
    )
    assert page.status_code == 200 and "quá lớn" in page.content.decode()
    assert _state() == before
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    huge = client.generic("POST", reverse("ingest:article_create"), b"x" * 200,
                          content_type="application/octet-stream")  # fmt: skip
    assert huge.status_code == 413

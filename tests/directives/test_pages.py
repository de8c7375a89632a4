"""Directive pages as a user drives them: forms, Excel export and import, query counts."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import Workbook, load_workbook

from tests.conftest import queries_of
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.directives.imports import COLUMNS
from xaydungdang.directives.models import Document, Task
from xaydungdang.org.models import Unit


def test_register_filters_and_search(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("btctw")
    body = client.get("/van-ban/", {"q": "18-nq/tw"}).content.decode()
    assert "18-NQ/TW" in body and "14-KL/TW" not in body
    body = client.get("/van-ban/", {"loai": "conclusion"}).content.decode()
    assert "14-KL/TW" in body and "18-NQ/TW" not in body
    body = client.get("/van-ban/", {"khoa": "ix"}).content.decode()
    assert "Về phát huy sức mạnh đại đoàn kết" in body and "18-NQ/TW" not in body
    body = client.get("/van-ban/", {"nam": "2016"}).content.decode()
    assert "04-KH/TW" in body and "18-NQ/TW" not in body
    bct = demo["bct"].pk
    body = client.get("/van-ban/", {"co_quan": str(bct)}).content.decode()
    assert "14-KL/TW" in body and "18-NQ/TW" not in body
    assert client.get("/van-ban/", {"trang": "999", "nam": "abc"}).status_code == 200


def test_excel_export_reads_back(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("btctw")
    response = client.get("/van-ban/", {"xuat": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Thể loại", "Số, ký hiệu", "Ngày")
    assert ("Nghị quyết", "18-NQ/TW") in {r[:2] for r in rows}
    doc = Document.objects.get(symbol="18-NQ/TW")
    tasks = load_workbook(io.BytesIO(client.get(f"/van-ban/{doc.pk}/", {"xuat": "xlsx"}).content))
    assert tasks.active.max_row == 1 + Task.objects.filter(document__implements=doc).count()
    unit = demo["tu-hcm"].pk
    for url in (
        f"/van-ban/don-vi/{unit}/viec/?ca_cap_duoi=1&xuat=xlsx",
        f"/van-ban/don-vi/{unit}/tong-hop/?xuat=xlsx",
    ):
        assert load_workbook(io.BytesIO(client.get(url).content)).active.max_row > 1


def test_create_document_task_and_progress_through_forms(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("hanoi")
    central = Document.objects.get(symbol="18-NQ/TW")
    response = client.post(
        f"/van-ban/moi/?thuc_hien={central.pk}",
        {
            "doc_type": "plan",
            "symbol": "120-KH/TU",
            "issuer": "tu-hn",
            "issued_on": "05/03/2018",
            "title": "Kế hoạch thực hiện Nghị quyết 18-NQ/TW",
            "implements": str(central.pk),
        },
    )
    assert response.status_code == 302
    plan = Document.objects.get(symbol="120-KH/TU")
    assert plan.implements == central and plan.issuer_symbol == "TU"
    response = client.post(
        f"/van-ban/{plan.pk}/nhiem-vu/moi/",
        {
            "content": "Sắp xếp các ban đảng",
            "lead_unit": "btc-hn",
            "coordinating": "btv-hn",
            "deadline": "31/12/2019",
            "weight": "2",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(document=plan)
    response = client.post(
        f"/van-ban/nhiem-vu/{task.pk}/tien-do/",
        {"reported_on": "30/06/2019", "percent": "60", "text": "Đã trình đề án"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.progress == 60
    page = client.post(
        f"/van-ban/nhiem-vu/{task.pk}/tien-do/",
        {"reported_on": "30/06/2019", "percent": "160", "text": "x"},
    )
    assert page.status_code == 200 and "100" in page.content.decode()
    page = client.post(
        f"/van-ban/{plan.pk}/nhiem-vu/moi/",
        {"content": "Việc", "lead_unit": "tu-hcm", "weight": "1"},
    )
    assert "Không tìm thấy đơn vị" in page.content.decode()


def _xlsx(rows: list[list[object]]) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    data.name = "nhiem-vu.xlsx"
    return data


def test_import_page_shows_row_errors_and_writes_nothing(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("hcm")
    program = Document.objects.filter(issuer__code="tu-hcm", doc_type="action_program").first()
    assert program is not None
    before = Task.objects.count()
    page = client.post(
        f"/van-ban/{program.pk}/nhiem-vu/nhap/",
        {
            "file": _xlsx(
                [[1, "Việc", "btc-hcm", "", "", "", 1], [2, "Việc", "btc-hn", "", "", "", 1]]
            )
        },
    )
    assert page.status_code == 200
    assert "Dòng 3: không tìm thấy đơn vị chủ trì “btc-hn”" in page.content.decode()
    assert Task.objects.count() == before
    response = client.post(
        f"/van-ban/{program.pk}/nhiem-vu/nhap/",
        {
            "file": _xlsx(
                [
                    [1, "Việc A", "btc-hcm", "", "", "", 1],
                    [2, "Việc B", "Thành ủy TP.HCM", "", "", "", 1],
                ]
            )
        },
    )
    assert response.status_code == 302 and Task.objects.count() == before + 2


PAGES = [
    ("directive page", lambda: f"/van-ban/{Document.objects.get(symbol='18-NQ/TW').pk}/", 11),
    ("register", lambda: "/van-ban/", 7),
    ("dashboard", lambda: f"/van-ban/don-vi/{Unit.objects.get(code='bchtw').pk}/tong-hop/", 10),
    (
        "unit tasks",
        lambda: f"/van-ban/don-vi/{Unit.objects.get(code='tu-hcm').pk}/viec/?ca_cap_duoi=1",
        8,
    ),
    ("task", lambda: f"/van-ban/nhiem-vu/{Task.objects.first().pk}/", 9),  # type: ignore[union-attr]
]


@pytest.mark.parametrize(("label", "url", "limit"), PAGES, ids=[p[0] for p in PAGES])
def test_query_counts(
    label: str,
    url: Callable[[], str],
    limit: int,
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Callable[[int], object],
) -> None:
    client = client_for("btctw")
    target = url()
    with django_assert_max_num_queries(limit):  # type: ignore[attr-defined]
        assert client.get(target).status_code == 200


def test_directive_page_does_not_grow_with_tasks(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from xaydungdang.directives import services as dirs

    client = client_for("btctw")
    doc = Document.objects.get(symbol="18-NQ/TW")

    def count() -> int:
        return queries_of(client, f"/van-ban/{doc.pk}/")

    before = count()
    plan = Document.objects.filter(implements=doc).first()
    assert plan is not None
    for i in range(20):
        dirs.task_create(
            document=plan, content=f"Việc {i}", lead_unit=plan.issuer, actor=SYSTEM_CLI
        )
    assert count() == before


def test_attachments_upload_and_download_through_the_choke_point(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = Task.objects.filter(lead_unit__code="btc-hcm").first()
    assert task is not None
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minh hoa", "application/pdf")
    response = client_for("hcm").post(
        f"/van-ban/nhiem-vu/{task.pk}/tien-do/",
        {
            "reported_on": "01/10/2026",
            "percent": "100",
            "text": "Có biên bản",
            "attachment": upload,
        },
    )
    assert response.status_code == 302
    update = task.updates.get(text="Có biên bản")
    download = client_for("hcm").get(f"/van-ban/tien-do/{update.pk}/tep/")
    assert (
        download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 minh hoa"
    )
    assert 'filename="bien-ban' in download["Content-Disposition"]
    assert client_for("hanoi").get(f"/van-ban/tien-do/{update.pk}/tep/").status_code == 404

"""A review written by the kit's Party-format writer: the demo review of the Hanoi 2018
coordination program read back from Word and from PDF, who signs it, and the download jobs."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from django.db import connection
from django.test import Client
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.ui import readback as rb
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import Job
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Title
from xaydungdang.programs import reviews
from xaydungdang.programs.models import Program, Review
from xaydungdang.programs.report import review_docx, review_file, review_pdf

D = dt.date
# The journeys' convention (tests/e2e/conftest.py): one artifacts folder per database vendor.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SUBJECT = "sơ kết thực hiện chương trình phối hợp công tác năm 2018"


@pytest.fixture
def review(demo: dict[str, Unit]) -> Review:
    """The demo review, numbered and with every section written, as a user finishes it."""
    review = Program.objects.get(party_b__code="btv-hn").reviews.get()
    return reviews.review_update(
        review=review,
        symbol="15-BC/BTCTW",
        limitations="Có việc, có lúc phối hợp chưa thường xuyên, chưa chặt chẽ.",
        lessons="Thống nhất nhận thức, phân công rõ người, rõ việc, rõ thời gian.",
        proposals="Đề nghị tiếp tục ký kết chương trình phối hợp giai đoạn 2021 - 2025.",
        actor=SYSTEM_CLI,
    )


def _signature(data: bytes) -> list[str]:
    return rb.texts(rb.docx(data).tables[-1].cell(0, 1).paragraphs)


def test_demo_review_in_word_reads_like_a_party_document(review: Review) -> None:
    word = rb.docx(review_docx(review))
    (section,) = word.sections
    assert (round(rb.mm(section.page_width)), round(rb.mm(section.page_height))) == (210, 297)
    head = word.tables[0]
    issuer = head.cell(0, 0).paragraphs
    assert rb.texts(issuer) == ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC", "*"]
    assert rb.bold(issuer[1]) and not rb.bold(issuer[0])
    assert head.cell(0, 1).text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert head.cell(1, 0).text == "Số 15-BC/BTCTW"
    assert head.cell(1, 1).text == "Hà Nội, ngày 29 tháng 01 năm 2019"
    assert rb.italic(head.cell(1, 1).paragraphs[0])
    paragraphs = [p for p in word.paragraphs if p.text.strip()]
    kind, subject = paragraphs[0], paragraphs[1]
    assert (kind.text, subject.text) == ("BÁO CÁO", SUBJECT)
    assert rb.bold(subject) and subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    intro = paragraphs[3]
    assert intro.text.startswith("Thực hiện Chương trình phối hợp công tác giữa Ban Tổ chức")
    assert "từ ngày 01/01/2018 đến ngày 31/12/2018" in intro.text
    assert intro.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert rb.mm(intro.paragraph_format.first_line_indent) > 10
    grid = word.tables[1]
    assert [c.text for c in grid.rows[0].cells][:3] == ["Năm", "Kế hoạch", "Hoàn thành"]
    assert [c.text for c in grid.rows[-1].cells][:3] == ["Cộng", "10", "7"]
    assert _signature(review_docx(review)) == ["TRƯỞNG BAN", "Phạm Minh Chính"]


def test_demo_review_in_pdf_keeps_its_text_on_a4(review: Review) -> None:
    pdf = review_pdf(review)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (595.28, 841.89), abs=1
    )
    text = rb.pdf_text(pdf)
    for expected in (
        "BAN CHẤP HÀNH TRUNG ƯƠNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Hà Nội, ngày 29 tháng 01 năm 2019",
        "hoàn thành 7/10 nội dung",
        "Tổng số nội dung hoàn thành/kế hoạch: 7/10.",
        "III. BÀI HỌC KINH NGHIỆM",
        "rõ người, rõ việc, rõ thời gian",
        "- Bộ Chính trị, Ban Bí thư (để báo cáo),",
        "Phạm Minh Chính",
    ):
        assert expected in text, expected
    assert SUBJECT in " ".join(text.split())


def test_screenshot_of_the_review_pdf(review: Review) -> None:
    """Page 1 as an image, to look at beside a real Party document."""
    folder = ARTIFACTS / connection.vendor
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "review-pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", "-", str(target)],
        input=review_pdf(review),
        check=True,
    )
    png = target.with_suffix(".png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_a_title_that_begins_with_the_type_word_is_not_printed_twice(review: Review) -> None:
    reviews.review_update(review=review, title="Báo cáo sơ kết năm 2018", actor=SYSTEM_CLI)
    paragraphs = rb.texts(rb.docx(review_docx(review)).paragraphs)
    assert paragraphs[:2] == ["BÁO CÁO", "sơ kết năm 2018"]
    assert "BÁO CÁO\nsơ kết năm 2018\n" in rb.pdf_text(review_pdf(review))
    name, _ = review_file(review, "docx")
    assert name == "bao-cao-so-ket-2018-chuong-trinh-phoi-hop-thanh-uy-ha-noi.docx"


def test_a_standing_committee_review_signs_for_its_committee(demo: dict[str, Unit]) -> None:
    review = reviews.review_draft(
        kind="interim",
        program=Program.objects.get(party_b__code="btv-hn"),
        issuer=demo["btv-hn"],
        period_start=D(2018, 1, 1),
        period_end=D(2018, 12, 31),
        title="Sơ kết chương trình phối hợp với Ban Tổ chức Trung ương năm 2018",
        actor=SYSTEM_CLI,
    )
    reviews.review_update(review=review, issued_on=D(2019, 1, 29), actor=SYSTEM_CLI)
    data = review_docx(review)
    issuer = rb.docx(data).tables[0].cell(0, 0).paragraphs
    assert rb.texts(issuer) == ["THÀNH ỦY HÀ NỘI", "*"] and rb.bold(issuer[0])
    assert _signature(data) == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hoàng Trung Hải"]
    assert review_file(review, "pdf")[0] == (
        "bao-cao-so-ket-2018-chuong-trinh-phoi-hop-ban-to-chuc-trung-uong.pdf"
    )


def test_a_deputy_signs_in_the_heads_stead_and_no_one_leaves_the_name_blank(
    demo: dict[str, Unit],
) -> None:
    board = demo["btc-hn"]
    review = reviews.review_draft(
        kind="annual",
        program=Program.objects.get(party_b__code="btv-hn"),
        issuer=board,
        period_start=D(2019, 1, 1),
        period_end=D(2019, 12, 31),
        title="Tổng kết năm 2019",
        actor=SYSTEM_CLI,
    )
    assert _signature(review_docx(review)) == ["TRƯỞNG BAN"]  # to be signed by hand
    deputy = people.person_create(full_name="Trần Văn Phó", managing_unit=board, actor=SYSTEM_CLI)
    people.tenure_start(
        person=deputy,
        title=Title.objects.get(name="Phó Trưởng ban"),
        unit=board,
        start=D(2019, 6, 1),
        actor=SYSTEM_CLI,
    )
    assert _signature(review_docx(review)) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Văn Phó"]


def test_a_directive_review_says_what_it_implements(demo: dict[str, Unit]) -> None:
    from xaydungdang.directives.models import Document

    review = reviews.review_draft(
        kind="interim",
        directive=Document.objects.get(symbol="18-NQ/TW"),
        issuer=demo["btctw"],
        period_start=D(2017, 10, 25),
        period_end=D(2022, 12, 31),
        title="Sơ kết 5 năm Nghị quyết 18",
        actor=SYSTEM_CLI,
    )
    text = "\n".join(rb.texts(rb.docx(review_docx(review)).paragraphs))
    assert "Thực hiện Nghị quyết 18-NQ/TW" in text
    assert "từ ngày 25/10/2017 đến ngày 31/12/2022" in text
    assert "nhiệm vụ hoàn thành: 3/7; nhiệm vụ quá hạn: 1." in text
    assert review_file(review, "docx")[0] == "bao-cao-so-ket-2017-2022-nghi-quyet-18-nq-tw.docx"


@pytest.mark.parametrize(("path", "ext"), [("word", "docx"), ("pdf", "pdf")])
def test_review_files_through_a_job(
    client_for: Callable[[str], Client], review: Review, path: str, ext: str
) -> None:
    client = client_for("hanoi")
    url = f"/chuong-trinh/bao-cao/{review.pk}/{path}/"
    assert client.get(url).status_code == 302 and not Job.objects.exists()  # a GET starts nothing
    response = client.post(url)
    assert response.status_code == 302 and "/cong-viec/" in response["Location"]
    job = Job.objects.get()
    assert job.status == "done" and job.kind == f"review_{ext}"
    download = client.get(f"/cong-viec/{job.pk}/tai-ve/")
    name = f"bao-cao-so-ket-2018-chuong-trinh-phoi-hop-thanh-uy-ha-noi.{ext}"
    assert f'filename="{name}"' in download["Content-Disposition"]
    data = b"".join(download.streaming_content)
    text = rb.pdf_text(data) if ext == "pdf" else "\n".join(rb.texts(rb.docx(data).paragraphs))
    assert "Tổng số nội dung hoàn thành/kế hoạch: 7/10." in text
    assert client_for("hcm").get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404
    again = Job.objects.get(pk=client.post(url)["Location"].strip("/").split("/")[-1])
    second = client.get(f"/cong-viec/{again.pk}/tai-ve/")  # a second file keeps the clean name
    assert f'filename="{name}"' in second["Content-Disposition"]
    page = client.get(f"/chuong-trinh/bao-cao/{review.pk}/").content.decode()
    assert 'id="make-word"' in page and 'id="make-pdf"' in page

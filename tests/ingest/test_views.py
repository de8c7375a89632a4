"""The review queue through the web: submit, review the highlights, accept, see the sources."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord
from xaydungdang.ingest.models import Article, Decision
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person

TEXT = (
    "Thanh Hóa, ngày 15/4/2024\n"
    "Tỉnh ủy Thanh Hóa sơ kết công tác tổ chức xây dựng Đảng quý I\n"
    "Sáng 14/4, đồng chí Đỗ Trọng Hưng, Bí thư Tỉnh ủy Thanh Hóa chủ trì hội nghị. "
    "Đã hoàn thành 7/10 nội dung của kế hoạch."
)


def test_paste_review_accept_and_see_the_source_on_the_person_page(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    from xaydungdang.org import services as org

    org.unit_create(
        spec=org.UnitSpec(
            name="Tỉnh ủy Thanh Hóa",
            kind="provincial_committee",
            parent=demo["bchtw"],
            code="tu-th",
        ),
        valid_from=dt.date(1945, 1, 1),
        actor=SYSTEM_CLI,
    )
    client = client_for("btctw")
    response = client.post("/doc-bai/moi/", {"text": TEXT, "unit": "tu-th", "day": ""})
    assert response.status_code == 302
    article = Article.objects.get(unit__code="tu-th")
    page = client.get(response["Location"]).content.decode()
    assert '<mark class="hl-person"' in page and ">Đỗ Trọng Hưng</mark>" in page
    assert '<mark class="hl-tenure"' in page and ">Bí thư Tỉnh ủy Thanh Hóa</mark>" in page
    assert '<mark class="hl-figure"' in page and ">7/10 nội dung</mark>" in page
    assert "Cá nhân mới" in page and "15/04/2024" in page
    tenure = article.proposals.get(kind="tenure")
    response = client.post(
        f"/doc-bai/{article.pk}/quyet-dinh/", {"seq": [str(tenure.seq)], "action": "accept"}
    )
    assert response.status_code == 302
    person = Person.objects.get(full_name="Đỗ Trọng Hưng")
    profile = client.get(f"/ca-nhan/{person.pk}/").content.decode()
    assert "Nguồn" in profile and "<mark>Bí thư Tỉnh ủy Thanh Hóa</mark>" in profile
    assert "chủ trì hội nghị." in profile


def test_upload_a_docx(client_for: Callable[[str], Client]) -> None:
    document = docx.Document()
    for line in TEXT.replace("Thanh Hóa", "Hà Nội").split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("bao-cao.docx", buffer.getvalue())
    response = client_for("hanoi").post(
        "/doc-bai/moi/", {"text": "", "upload": upload, "unit": "tu-hn"}
    )
    assert response.status_code == 302
    article = Article.objects.get(file_name="bao-cao.docx")
    assert article.day == dt.date(2024, 4, 15) and "Bí thư Tỉnh ủy Hà Nội" in article.text


def test_bad_submissions_show_errors_and_write_nothing(
    client_for: Callable[[str], Client],
) -> None:
    client = client_for("hanoi")
    before = (Article.objects.count(), ChangeRecord.objects.count())
    page = client.post("/doc-bai/moi/", {"text": "", "unit": "tu-hn"}).content.decode()
    assert "Hãy dán nội dung bài viết hoặc chọn tệp." in page
    page = client.post(
        "/doc-bai/moi/", {"text": "Ông Lê Văn A phát biểu.", "unit": "tu-hn"}
    ).content.decode()
    assert "Không tìm thấy ngày của bài viết; hãy nhập ngày." in page
    page = client.post("/doc-bai/moi/", {"text": TEXT, "unit": "tu-hcm"}).content.decode()
    assert "trong phạm vi được phân quyền" in page
    upload = SimpleUploadedFile("anh.png", b"\x89PNG")
    page = client.post("/doc-bai/moi/", {"upload": upload, "unit": "tu-hn"}).content.decode()
    assert "Chỉ nhận tệp .txt, .docx, .html hoặc .pdf." in page
    assert (Article.objects.count(), ChangeRecord.objects.count()) == before


def test_deciding_needs_rights_and_a_choice(client_for: Callable[[str], Client]) -> None:
    hcm = client_for("hcm")
    hcm.post("/doc-bai/moi/", {"text": TEXT.replace("Thanh Hóa", "Bình Dương"), "unit": "tu-hcm"})
    article = Article.objects.get(unit__code="tu-hcm")
    seqs = [str(p.seq) for p in article.proposals.all()]
    before = ChangeRecord.objects.count()
    outsider = client_for("hanoi").post(
        f"/doc-bai/{article.pk}/quyet-dinh/", {"seq": seqs, "action": "accept"}
    )
    assert outsider.status_code == 404 and ChangeRecord.objects.count() == before
    response = hcm.post(f"/doc-bai/{article.pk}/quyet-dinh/", {"action": "accept"}, follow=True)
    assert "Hãy chọn ít nhất một đề xuất chưa được quyết định." in response.content.decode()
    response = hcm.post(
        f"/doc-bai/{article.pk}/quyet-dinh/", {"seq": seqs, "action": "reject"}, follow=True
    )
    assert f"Đã bỏ qua {len(seqs)} đề xuất." in response.content.decode()
    assert set(article.proposals.values_list("decision", flat=True)) == {Decision.REJECTED}
    article.refresh_from_db()
    assert article.status == "reviewed"
    history = hcm.get(f"/lich-su/article/{article.pk}/").content.decode()
    assert "Bỏ qua" in history or "rejected" in history

"""Coordination programs: figures from item statuses, events, reviews and their Word report."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from docx import Document as read_docx

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord, Job
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person
from xaydungdang.programs import reviews, services
from xaydungdang.programs.figures import plan_figures
from xaydungdang.programs.models import Event, Program, ProgramItem, Review
from xaydungdang.programs.report import review_docx

D = dt.date


def docx_text(data: bytes) -> str:
    doc = read_docx(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def hanoi_program(demo: dict[str, Unit]) -> Program:
    return Program.objects.get(party_b__code="btv-hn")


def test_demo_figures_come_from_the_items(hanoi_program: Program) -> None:
    plan = hanoi_program.years.get(year=2018)
    figures = plan_figures(plan)
    assert figures["planned"] == 10 and figures["done"] == 7 and figures["not_implemented"] == 3
    assert figures["done_of_planned"] == "7/10"
    review = hanoi_program.reviews.get()
    assert review.figures["totals"]["done_of_planned"] == "7/10"
    assert "hoàn thành 7/10 nội dung" in review.results
    assert "còn 3 nội dung chưa triển khai thực hiện" in review.results


def test_counts_follow_status_changes(make_unit: Callable[..., Unit]) -> None:
    a, b = make_unit("Ban Tổ chức Trung ương", kind="advisory_board"), make_unit("Tỉnh ủy X")
    program = services.program_create(
        title="Chương trình thử",
        party_a=a,
        party_b=b,
        start_year=2021,
        end_year=2025,
        actor=SYSTEM_CLI,
    )
    plan = services.plan_create(program=program, year=2022, actor=SYSTEM_CLI)
    items = [
        services.item_create(plan=plan, content=f"Nội dung {i}", actor=SYSTEM_CLI)
        for i in range(1, 6)
    ]
    for item, status in zip(
        items, ["done", "done", "in_progress", "moved", "not_implemented"], strict=True
    ):
        services.item_set_status(item=item, status=status, actor=SYSTEM_CLI)
    fig = plan_figures(plan)
    assert (
        fig["done"],
        fig["in_progress"],
        fig["moved"],
        fig["not_implemented"],
        fig["not_started"],
    ) == (2, 1, 1, 1, 0)
    assert fig["done_of_planned"] == "2/5" and [i.number for i in items] == [1, 2, 3, 4, 5]
    assert BusinessEvent.objects.filter(kind="programs.item_reviewed").count() == 5


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"start_year": 2025, "end_year": 2021}, "Giai đoạn"),
        ({"title": " "}, "không được để trống"),
        ({"same_parties": True}, "hai đơn vị khác nhau"),
    ],
)
def test_bad_programs_are_rejected(
    make_unit: Callable[..., Unit], kwargs: dict, fragment: str
) -> None:
    a, b = make_unit("Bên A"), make_unit("Bên B")
    data = {
        "title": "Chương trình",
        "party_a": a,
        "party_b": a if kwargs.pop("same_parties", False) else b,
        "start_year": 2021,
        "end_year": 2025,
        **kwargs,
    }
    before = (Program.objects.count(), ChangeRecord.objects.count())
    with pytest.raises(ValidationError) as err:
        services.program_create(actor=SYSTEM_CLI, **data)
    assert fragment in err.value.messages[0]
    assert (Program.objects.count(), ChangeRecord.objects.count()) == before


def test_plan_and_item_rules(hanoi_program: Program) -> None:
    with pytest.raises(ValidationError, match="ngoài giai đoạn"):
        services.plan_create(program=hanoi_program, year=2021, actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="đã có kế hoạch"):
        services.plan_create(program=hanoi_program, year=2018, actor=SYSTEM_CLI)
    plan = hanoi_program.years.get(year=2018)
    with pytest.raises(ValidationError, match="đã có nội dung số 3"):
        services.item_create(plan=plan, content="Trùng số", number=3, actor=SYSTEM_CLI)
    with pytest.raises(ValidationError, match="trong năm 2018"):
        services.item_create(plan=plan, content="Sai hạn", due_on=D(2019, 3, 1), actor=SYSTEM_CLI)


def test_event_keeps_the_titles_held_that_day(demo: dict[str, Unit]) -> None:
    event = Event.objects.get(held_on=D(2016, 8, 20))
    chair = event.participants.get(person__full_name="Phạm Minh Chính")
    assert chair.role == "chair"
    assert chair.titles == (
        "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương"
    )
    thang = event.participants.get(person__full_name="Đinh La Thăng")
    assert thang.titles == "Ủy viên Bộ Chính trị, Bí thư Thành ủy Thành phố Hồ Chí Minh"
    mai = Event.objects.get(held_on=D(2022, 12, 23), kind="conference").participants.get(
        person__full_name="Trương Thị Mai"
    )
    assert "Trưởng Ban Tổ chức Trung ương" in mai.titles
    with pytest.raises(ValidationError, match="sau ngày hôm nay"):
        services.event_create(
            kind="conference",
            title="Tương lai",
            held_on=D(2099, 1, 1),
            units=[demo["btctw"]],
            actor=SYSTEM_CLI,
        )


def test_review_docx_has_the_header_and_the_computed_figures(hanoi_program: Program) -> None:
    review = hanoi_program.reviews.get()
    reviews.review_update(
        review=review,
        symbol="15-BC/BTCTW",
        actor=SYSTEM_CLI,
        limitations="Có việc, có lúc phối hợp chưa thường xuyên.",
    )
    steps: list[int] = []
    text = docx_text(review_docx(review, lambda p, m: steps.append(p)))
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "BAN CHẤP HÀNH TRUNG ƯƠNG",
        "BAN TỔ CHỨC",
        "Số 15-BC/BTCTW",
        "Hà Nội, ngày 29 tháng 01 năm 2019",
        "BÁO CÁO",
        "sơ kết thực hiện chương trình phối hợp công tác năm 2018",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "II. HẠN CHẾ",
        "phối hợp chưa thường xuyên",
        "Tổng số nội dung hoàn thành/kế hoạch: 7/10",
        "Nơi nhận:",
        "- Ban Thường vụ Thành ủy Hà Nội,",
        "- Lưu VP.",
    ):
        assert expected in text, expected
    assert steps == sorted(steps) and steps[-1] == 90


def test_a_finalised_review_is_immutable(hanoi_program: Program, superuser: object) -> None:
    review = hanoi_program.reviews.get()
    reviews.review_finalize(review=review, actor=superuser)
    before = ChangeRecord.objects.count()
    with pytest.raises(ValidationError) as err:
        reviews.review_update(review=review, results="Sửa sau khi xong", actor=superuser)
    assert "Báo cáo đã hoàn thành ngày" in err.value.messages[0]
    assert "không thể sửa đổi" in err.value.messages[0]
    for call in (
        lambda: reviews.review_finalize(review=review, actor=superuser),
        lambda: reviews.review_refresh_figures(review=review, actor=superuser),
    ):
        with pytest.raises(ValidationError):
            call()
    item = ProgramItem.objects.filter(plan__program=hanoi_program, status="done").first()
    assert item is not None
    with pytest.raises(ValidationError, match="đã có báo cáo hoàn thành"):
        services.item_set_status(item=item, status="not_implemented", actor=superuser)
    assert ChangeRecord.objects.count() == before
    review.refresh_from_db()
    assert review.is_final and review.finalized_by == superuser
    assert BusinessEvent.objects.filter(kind="programs.review_finalized").count() == 1


def test_directive_review_counts_tasks_and_documents(demo: dict[str, Unit]) -> None:
    from xaydungdang.directives.models import Document

    directive = Document.objects.get(symbol="18-NQ/TW")
    review = reviews.review_draft(
        kind="interim",
        directive=directive,
        issuer=demo["btctw"],
        period_start=D(2017, 10, 25),
        period_end=D(2022, 12, 31),
        title="Sơ kết 5 năm Nghị quyết 18",
        actor=SYSTEM_CLI,
    )
    assert review.figures["documents_issued"] == 2
    assert review.figures["tasks_total"] == 7
    assert review.figures["tasks_done"] == 3 and review.figures["done_of_planned"] == "3/7"
    assert review.figures["tasks_overdue"] == 1


def test_scoping_of_programs_events_and_reviews(client_for: Callable[[str], Client]) -> None:
    hanoi, hcm = client_for("hanoi"), client_for("hcm")
    hn_program = Program.objects.get(party_b__code="btv-hn")
    hcm_program = Program.objects.get(party_b__code="btv-hcm")
    listing = hanoi.get("/chuong-trinh/").content.decode()
    assert hn_program.title in listing and hcm_program.title not in listing
    assert hanoi.get(f"/chuong-trinh/{hcm_program.pk}/").status_code == 404
    assert hcm.get(f"/chuong-trinh/{hcm_program.pk}/").status_code == 200
    review = Review.objects.get()
    assert hcm.get(f"/chuong-trinh/bao-cao/{review.pk}/").status_code == 404
    assert hanoi.get(f"/chuong-trinh/bao-cao/{review.pk}/").status_code == 200
    signing = Event.objects.get(held_on=D(2016, 8, 20))
    assert hanoi.get(f"/chuong-trinh/su-kien/{signing.pk}/").status_code == 404
    events = hanoi.get("/chuong-trinh/su-kien/").content.decode()
    assert "Hội nghị sơ kết" in events and "ký kết chương trình" not in events


def test_unit_and_person_pages_list_their_events(
    client_for: Callable[[str], Client], demo: dict[str, Unit]
) -> None:
    client = client_for("btctw")
    page = client.get(f"/don-vi/{demo['btv-hn'].pk}/").content.decode()
    assert "Hội nghị sơ kết chương trình phối hợp" in page
    person = Person.objects.get(full_name="Hoàng Trung Hải")
    page = client.get(f"/ca-nhan/{person.pk}/").content.decode()
    assert "Sự kiện đã tham dự" in page and "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội" in page


def test_word_report_through_a_job(
    client_for: Callable[[str], Client], hanoi_program: Program
) -> None:
    client = client_for("hanoi")
    review = hanoi_program.reviews.get()
    response = client.post(f"/chuong-trinh/bao-cao/{review.pk}/word/")
    assert response.status_code == 302 and "/cong-viec/" in response["Location"]
    job = Job.objects.get()
    assert job.status == "done" and job.progress == 100
    page = client.get(response["Location"]).content.decode()
    assert "Hoàn thành" in page and f"/cong-viec/{job.pk}/tai-ve/" in page
    download = client.get(f"/cong-viec/{job.pk}/tai-ve/")
    assert "7/10" in docx_text(b"".join(download.streaming_content))
    assert client_for("hcm").get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404


def test_evidence_links_documents_tasks_and_events(
    client_for: Callable[[str], Client], hanoi_program: Program
) -> None:
    from xaydungdang.directives.models import Document, Task

    client = client_for("hanoi")
    item = ProgramItem.objects.get(plan__program=hanoi_program, number=4)
    doc = Document.objects.get(symbol="18-NQ/TW")
    task = Task.objects.filter(lead_unit__code="btc-hn").first()
    event = Event.objects.get(held_on=D(2019, 1, 29))
    assert task is not None
    response = client.post(
        f"/chuong-trinh/noi-dung/{item.pk}/minh-chung/",
        {"documents": str(doc.pk), "tasks": str(task.pk), "events": str(event.pk)},
    )
    assert response.status_code == 302
    assert list(item.evidence_documents.all()) == [doc]
    assert list(item.evidence_tasks.all()) == [task] and list(item.evidence_events.all()) == [event]
    page = client.get(f"/chuong-trinh/{hanoi_program.pk}/").content.decode()
    assert "Minh chứng: " in page and "Nghị quyết 18-NQ/TW" in page
    hcm_task = Task.objects.filter(lead_unit__code="btc-hcm").first()
    assert hcm_task is not None
    page = client.post(f"/chuong-trinh/noi-dung/{item.pk}/minh-chung/", {"tasks": str(hcm_task.pk)})
    assert "Không tìm thấy nhiệm vụ" in page.content.decode()
    assert (
        ChangeRecord.objects.filter(
            object_type="programs.programitem", object_id=str(item.pk), action="update"
        ).count()
        == 1
    )


def test_a_provincial_review_of_a_central_directive_counts_only_its_own_subtree(
    demo: dict[str, Unit],
) -> None:
    from xaydungdang.directives import services as directives
    from xaydungdang.directives.models import Document

    directive = Document.objects.get(symbol="18-NQ/TW")

    def figures(issuer: Unit) -> dict[str, object]:
        return reviews.review_draft(
            kind="interim", directive=directive, issuer=issuer, period_start=D(2017, 10, 25),
            period_end=D(2022, 12, 31), title="Sơ kết", actor=SYSTEM_CLI,
        ).figures  # fmt: skip

    central, hcm, hanoi = figures(demo["btctw"]), figures(demo["tu-hcm"]), figures(demo["tu-hn"])
    hanoi_plan = directives.document_create(
        doc_type="plan", issuer=demo["tu-hn"], title="Kế hoạch của Hà Nội", actor=SYSTEM_CLI,
        implements=directive, issued_on=D(2018, 3, 1),
    )  # fmt: skip
    directives.task_create(
        document=hanoi_plan, content="Việc của Hà Nội", lead_unit=demo["tu-hn"], actor=SYSTEM_CLI
    )
    # Hà Nội's new plan and task count for Hà Nội and for the centre, never for HCMC.
    assert figures(demo["tu-hcm"]) == hcm
    after = figures(demo["tu-hn"])
    assert after["documents_issued"] == hanoi["documents_issued"] + 1  # type: ignore[operator]
    assert after["tasks_total"] == hanoi["tasks_total"] + 1  # type: ignore[operator]
    assert figures(demo["btctw"])["tasks_total"] == central["tasks_total"] + 1  # type: ignore[operator]

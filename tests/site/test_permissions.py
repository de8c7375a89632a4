"""The permission matrix: every URL pattern, for an anonymous visitor, a Hanoi-scoped user and an
HCMC-scoped user, against HCMC objects. Forbidden and absent both answer 404."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord, Job
from xaydungdang.directives.models import Document, ProgressUpdate, Task
from xaydungdang.ingest import services as ingest
from xaydungdang.ingest.models import Article
from xaydungdang.members import services as members
from xaydungdang.members.models import Member
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Person, Tenure, Title
from xaydungdang.programs import reviews, services
from xaydungdang.programs.models import Event, Program

ANON_OK = {"login", "healthz"}


def pattern_names(patterns: list[Any] | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                names.add("admin")
                continue
            names |= pattern_names(p.url_patterns, f"{p.namespace}:" if p.namespace else prefix)
        elif isinstance(p, URLPattern) and p.name:
            names.add(prefix + p.name)
    return names


def _member(ward: Unit) -> Member:
    cell = org.unit_create(
        spec=org.UnitSpec(
            name="Chi bộ Khu phố 1", kind="grassroots_cell", parent=ward, code="cb-saigon-1"
        ),
        valid_from=dt.date(2025, 7, 1),
        actor=SYSTEM_CLI,
    )
    return members.member_admit(
        person=people.person_create(full_name="Phạm Thị Thử", managing_unit=cell, actor=SYSTEM_CLI),
        cell=cell,
        sheet=members.Sheet(birth_date=dt.date(1990, 1, 1)),
        decision_date=dt.date(2025, 8, 1),
        ceremony_date=dt.date(2025, 8, 2),
        actor=SYSTEM_CLI,
    )


def hcm_program_objects() -> dict[str, Any]:
    """A plan, an item, a draft review and a finished job of the HCMC program (made once)."""
    program = Program.objects.get(party_b__code="btv-hcm")
    plan = program.years.first() or services.plan_create(
        program=program, year=2017, actor=SYSTEM_CLI
    )
    item = plan.items.first() or services.item_create(
        plan=plan, content="Nội dung", actor=SYSTEM_CLI
    )
    review = program.reviews.first() or reviews.review_draft(
        kind="annual",
        program=program,
        issuer=Unit.objects.get(code="btv-hcm"),
        period_start=dt.date(2017, 1, 1),
        period_end=dt.date(2017, 12, 31),
        title="Tổng kết năm 2017",
        actor=SYSTEM_CLI,
    )
    hcm_user = get_user_model().objects.get(username="hcm")
    job = Job.objects.filter(created_by=hcm_user).first()
    if job is None:
        job = Job.objects.create(
            kind="review_docx", label="Tệp Word", created_by=hcm_user, status="done"
        )
        job.result.save("bao-cao.docx", ContentFile(b"docx"))
    event = Event.objects.get(held_on=dt.date(2016, 8, 20))
    article = Article.objects.filter(unit__code="tu-hcm").first() or ingest.article_submit(
        text="Ngày 5/3/2024, Bí thư Thành ủy Thành phố Hồ Chí Minh Nguyễn Văn Nên làm việc "
        "với Ban Tổ chức Thành ủy.",
        unit=Unit.objects.get(code="tu-hcm"),
        day=dt.date(2024, 3, 6),
        actor=SYSTEM_CLI,
    )
    member = Member.objects.filter(cell__code="cb-saigon-1").first() or _member(
        Unit.objects.get(code="du-p-saigon")
    )
    return {
        "member": member,
        "article": article,
        "program": program,
        "plan": plan,
        "item": item,
        "review": review,
        "job": job,
        "event": event,
    }


PRIVATE_NAME = "Lê Thị Thu Hà"  # an HCMC cadre who never held a central title


def _private_person() -> Person:
    hcm = Unit.objects.get(code="tu-hcm")
    found = Person.objects.filter(full_name=PRIVATE_NAME).first()
    return found or people.person_create(
        full_name=PRIVATE_NAME, managing_unit=hcm, birth_year=1979, actor=SYSTEM_CLI
    )


def hcm_objects() -> dict[str, Any]:
    tenure = Tenure.objects.filter(unit__code="tu-hcm").select_related("person").first()
    doc = Document.objects.filter(issuer__code="tu-hcm", tasks__isnull=False).first()
    task = Task.objects.filter(document=doc).first()
    assert tenure is not None and doc is not None and task is not None
    update = ProgressUpdate.objects.filter(task__document=doc).first()
    assert update is not None
    extra = hcm_program_objects()
    if not doc.attachment:
        doc.attachment.save("chuong-trinh.txt", ContentFile(b"noi dung"))
        update.attachment.save("bao-cao.txt", ContentFile(b"bao cao"))
    for app_objects in APP_OBJECTS:
        extra.update(app_objects())
    return {
        **extra,
        "update": update,
        "document": doc,
        "task": task,
        "unit": Unit.objects.get(code="tu-hcm"),
        "person": _private_person(),
        "tenure": tenure,
        "title": Title.objects.first(),
    }


# name -> (args builder, status for the Hanoi user, status for the HCMC user)
MATRIX: dict[str, tuple[Callable[[dict[str, Any]], Any], int, int]] = {
    "home": (lambda o: [], 200, 200),
    "healthz": (lambda o: [], 200, 200),
    "search": (lambda o: [], 200, 200),
    "login": (lambda o: [], 200, 200),
    "logout": (lambda o: [], 405, 405),
    "history": (lambda o: ["unit", o["unit"].pk], 404, 200),
    "pick": (lambda o: ["units"], 200, 200),
    "org:tree": (lambda o: [], 200, 200),
    "org:root_create": (lambda o: [], 404, 404),
    "org:unit": (lambda o: [o["unit"].pk], 404, 200),
    "org:children": (lambda o: [o["unit"].pk], 404, 200),
    "org:create": (lambda o: [o["unit"].pk], 404, 200),
    "org:edit": (lambda o: [o["unit"].pk], 404, 200),
    "org:rename": (lambda o: [o["unit"].pk], 404, 200),
    "org:reparent": (lambda o: [o["unit"].pk], 404, 200),
    "org:merge": (lambda o: [o["unit"].pk], 404, 200),
    "org:split": (lambda o: [o["unit"].pk], 404, 200),
    "org:dissolve": (lambda o: [o["unit"].pk], 404, 200),
    "people:person": (lambda o: [o["person"].pk], 404, 200),
    "people:person_edit": (lambda o: [o["person"].pk], 404, 200),
    "people:person_create": (lambda o: [], 200, 200),
    "people:titles": (lambda o: [], 200, 200),
    "people:title_create": (lambda o: [], 404, 404),
    "people:title_edit": (lambda o: [o["title"].pk], 404, 404),
    "people:tenure_create": (lambda o: [], 200, 200),
    "people:tenure_edit": (lambda o: [o["tenure"].pk], 404, 200),
    "people:tenure_end": (lambda o: [o["tenure"].pk], 404, 200),
    "admin": (lambda o: [], 302, 302),
    "directives:register": (lambda o: [], 200, 200),
    "directives:document_create": (lambda o: [], 200, 200),
    "directives:document": (lambda o: [o["document"].pk], 404, 200),
    "directives:document_edit": (lambda o: [o["document"].pk], 404, 200),
    "directives:task_create": (lambda o: [o["document"].pk], 404, 200),
    "directives:task_import": (lambda o: [o["document"].pk], 404, 200),
    "directives:task": (lambda o: [o["task"].pk], 404, 200),
    "directives:task_edit": (lambda o: [o["task"].pk], 404, 200),
    "directives:progress": (lambda o: [o["task"].pk], 404, 200),
    "directives:unit_tasks": (lambda o: [o["unit"].pk], 404, 200),
    "directives:dashboard": (lambda o: [o["unit"].pk], 404, 200),
    "directives:document_file": (lambda o: [o["document"].pk], 404, 200),
    "programs:list": (lambda o: [], 200, 200),
    "programs:program_create": (lambda o: [], 200, 200),
    "programs:program": (lambda o: [o["program"].pk], 404, 200),
    "programs:plan_create": (lambda o: [o["program"].pk], 404, 200),
    "programs:item_create": (lambda o: [o["plan"].pk], 404, 200),
    "programs:item_status": (lambda o: [o["item"].pk], 404, 200),
    "programs:item_evidence": (lambda o: [o["item"].pk], 404, 200),
    "programs:review_create": (
        lambda o: f"/chuong-trinh/bao-cao/moi/?chuong_trinh={o['program'].pk}",
        404,
        200,
    ),
    "programs:review": (lambda o: [o["review"].pk], 404, 200),
    "programs:review_edit": (lambda o: [o["review"].pk], 404, 200),
    "programs:review_finalize": (lambda o: [o["review"].pk], 404, 200),
    "programs:review_word": (lambda o: [o["review"].pk], 404, 302),
    "programs:review_pdf": (lambda o: [o["review"].pk], 404, 302),
    "programs:events": (lambda o: [], 200, 200),
    "programs:event_create": (lambda o: [], 200, 200),
    "programs:event": (lambda o: [o["event"].pk], 404, 200),
    "job": (lambda o: [o["job"].pk], 404, 200),
    "job_file": (lambda o: [o["job"].pk], 404, 200),
    "directives:progress_file": (lambda o: [o["update"].pk], 404, 200),
    "ingest:list": (lambda o: [], 200, 200),
    "ingest:article_create": (lambda o: [], 200, 200),
    "ingest:article": (lambda o: [o["article"].pk], 404, 200),
    "ingest:article_decide": (lambda o: [o["article"].pk], 405, 405),
    "ingest:proposal_choose": (lambda o: [o["article"].pk, 1], 405, 405),
    "members:list": (lambda o: [o["unit"].pk], 404, 200),
    "members:report": (lambda o: [o["unit"].pk], 404, 200),
    "members:import": (lambda o: [o["unit"].pk], 404, 200),
    "members:member": (lambda o: [o["member"].pk], 404, 200),
    "members:recognize_full": (lambda o: [o["member"].pk], 404, 200),
    "members:transfer": (lambda o: [o["member"].pk], 404, 200),
    "members:leave": (lambda o: [o["member"].pk], 404, 200),
    "members:due": (lambda o: [o["unit"].pk], 404, 200),
    "members:badge_award": (lambda o: [o["member"].pk], 404, 200),
}


def _app_rows() -> None:
    """Rows a newer app keeps beside its own tests, in ``tests/<app>/permission_cases.py``: a
    ``MATRIX`` dict of the same shape, and optionally ``objects()`` giving the HCMC objects its
    rows need (merged into the shared ones), so that apps do not share one table."""
    for path in sorted(Path(__file__).parents[1].glob("*/permission_cases.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.permission_cases")
        MATRIX.update(module.MATRIX)
        if hasattr(module, "objects"):
            APP_OBJECTS.append(module.objects)


APP_OBJECTS: list[Callable[[], dict[str, Any]]] = []
_app_rows()


def url_of(name: str, objects: dict[str, Any]) -> str:
    if name == "admin":
        return "/quan-tri/"
    args = MATRIX[name][0](objects)
    return args if isinstance(args, str) else reverse(name, args=args)


def test_matrix_covers_every_url_pattern() -> None:
    assert pattern_names() == set(MATRIX), "add every new URL pattern to the permission matrix"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_scoped_access(name: str, client_for: Callable[[str], Client]) -> None:
    objects = hcm_objects()
    url = url_of(name, objects)
    _, hanoi_status, hcm_status = MATRIX[name]
    assert client_for("hanoi").get(url).status_code == hanoi_status, url
    assert client_for("hcm").get(url).status_code == hcm_status, url
    anon = Client().get(url)
    if name in ANON_OK:
        assert anon.status_code == 200
    elif name != "logout":
        assert (anon.status_code == 302 and "dang-nhap" in anon["Location"]) or name == "admin"


@pytest.mark.parametrize("name", [n for n, (_, h, _c) in MATRIX.items() if h == 404])
def test_forbidden_posts_change_nothing(name: str, client_for: Callable[[str], Client]) -> None:
    url = url_of(name, hcm_objects())
    before = (ChangeRecord.objects.count(), BusinessEvent.objects.count(), Unit.objects.count())
    response = client_for("hanoi").post(
        url,
        {
            "name": "Chiếm quyền",
            "effective_date": "01/01/2024",
            "kind": "advisory_board",
            "end": "01/01/2024",
        },
    )
    assert response.status_code == 404
    assert (
        ChangeRecord.objects.count(),
        BusinessEvent.objects.count(),
        Unit.objects.count(),
    ) == before


def test_forbidden_and_absent_look_the_same(client_for: Callable[[str], Client]) -> None:
    hanoi = client_for("hanoi")
    forbidden = hanoi.get(reverse("org:unit", args=[hcm_objects()["unit"].pk]))
    absent = hanoi.get(reverse("org:unit", args=[999_999]))
    assert forbidden.status_code == absent.status_code == 404
    # The 404 page is in the site's layout, whose logout form carries a CSRF token masked
    # afresh on every response: compare the pages without it.
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub(b"", forbidden.content) == token.sub(b"", absent.content)


def test_search_and_history_respect_scope(client_for: Callable[[str], Client]) -> None:
    hanoi, hcm = client_for("hanoi"), client_for("hcm")
    private = _private_person()
    for query in (PRIVATE_NAME, "le thi thu ha"):
        assert "Không tìm thấy kết quả" in hanoi.get("/tim-kiem/", {"q": query}).content.decode()
    # A leader of the central bodies is on the public record: found by every staff user.
    assert "Phạm Minh Chính" in hanoi.get("/tim-kiem/", {"q": "pham minh chinh"}).content.decode()
    # The city's committee is out of scope; a Politburo resolution about the city is the
    # Party's public record and is found.
    page = hanoi.get("/tim-kiem/", {"q": "Thành ủy Thành phố Hồ Chí Minh"}).content.decode()
    assert reverse("org:unit", args=[hcm_objects()["unit"].pk]) not in page
    assert "Nghị quyết 16" in page
    hcm_unit = hcm_objects()["unit"]
    assert (
        reverse("org:unit", args=[hcm_unit.pk])
        not in hanoi.get("/tim-kiem/", {"q": "TP.HCM"}).content.decode()
    )
    assert PRIVATE_NAME in hcm.get("/tim-kiem/", {"q": "le thi thu ha"}).content.decode()
    assert hanoi.get(reverse("history", args=["person", private.pk])).status_code == 404
    assert hcm.get(reverse("history", args=["person", private.pk])).status_code == 200
    assert hanoi.get(reverse("history", args=["nothing", 1])).status_code == 404


def test_central_leaders_are_public_but_their_files_stay_with_their_unit(
    client_for: Callable[[str], Client],
) -> None:
    hanoi = client_for("hanoi")
    own = Person.objects.get(full_name="Hoàng Trung Hải")
    central = Person.objects.get(full_name="Phạm Minh Chính")
    page = hanoi.get(reverse("people:person", args=[own.pk]))
    assert page.status_code == 200 and "Bí thư Thành ủy Hà Nội" in page.content.decode()
    public = hanoi.get(reverse("people:person", args=[central.pk]))
    body = public.content.decode()
    assert public.status_code == 200 and "Ủy viên Bộ Chính trị" in body
    # The data sheet's own fields, its history and any change stay with the managing unit.
    assert "Thông tin công khai" in body and "Đơn vị quản lý hồ sơ" not in body
    assert reverse("history", args=["person", central.pk]) not in body
    assert hanoi.get(reverse("history", args=["person", central.pk])).status_code == 404
    assert hanoi.get(reverse("people:person_edit", args=[central.pk])).status_code == 404
    # An HCMC cadre who never held a central title is not public to Hà Nội.
    assert hanoi.get(reverse("people:person", args=[_private_person().pk])).status_code == 404


def test_classified_central_documents_stay_with_their_issuer(
    client_for: Callable[[str], Client],
) -> None:
    politburo = Unit.objects.get(code="bct")
    secret = Document.objects.create(
        doc_type=Document.objects.get(symbol="18-NQ/TW").doc_type,
        issuer=politburo,
        title="Văn bản mật dùng để kiểm thử phạm vi",
        classified=True,
    )
    public = Document.objects.get(symbol="18-NQ/TW")
    hanoi = client_for("hanoi")
    assert hanoi.get(reverse("directives:document", args=[public.pk])).status_code == 200
    assert hanoi.get(reverse("directives:document", args=[secret.pk])).status_code == 404
    assert secret.title not in hanoi.get(reverse("directives:register")).content.decode()


def test_central_directives_are_readable_below_but_changed_only_by_their_issuer(
    client_for: Callable[[str], Client],
) -> None:
    central = Document.objects.get(symbol="18-NQ/TW")
    for name in ("hanoi", "hcm"):
        client = client_for(name)
        page = client.get(reverse("directives:document", args=[central.pk]))
        assert page.status_code == 200
        assert client.get(reverse("directives:task_create", args=[central.pk])).status_code == 404
    hanoi_page = client_for("hanoi").get(reverse("directives:document", args=[central.pk]))
    body = hanoi_page.content.decode()
    assert "Thành ủy Hà Nội thực hiện" in body and "Thành ủy TP.HCM thực hiện" not in body
    hcm_task = hcm_objects()["task"]
    assert (
        client_for("hanoi").get(reverse("history", args=["task", hcm_task.pk])).status_code == 404
    )
    assert client_for("hcm").get(reverse("history", args=["task", hcm_task.pk])).status_code == 200
    register = client_for("hanoi").get(reverse("directives:register")).content.decode()
    assert "18-NQ/TW" in register and "Chương trình hành động số 10" not in register

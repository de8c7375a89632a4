"""Every public service takes an explicit actor, refuses a forbidden one and records an allowed
call in the audit.

The services are found by walking the ``services`` modules (and ``rules`` and ``reviews``):
any public function there that takes ``actor`` is a service. ``CASES`` says how to call each
one on the demo data: the user allowed to, and the keyword arguments (built afresh for each
call). A new service without a case fails ``test_every_service_has_a_case``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

import xaydungdang
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import ChangeRecord, RoleAssignment
from xaydungdang.directives import services as directives
from xaydungdang.ingest import services as ingest
from xaydungdang.members import services as members
from xaydungdang.members.services.imports import COLUMNS
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit
from xaydungdang.people import services as people
from xaydungdang.people.models import Title
from xaydungdang.programs import reviews
from xaydungdang.programs import services as programs

D = dt.date
TODAY = dt.date.today()
JAN_2024 = D(2024, 1, 5)
SERVICE_MODULES = ("services", "rules", "reviews", "report", "structure")


def service_functions() -> dict[str, Callable[..., Any]]:
    found = {}
    for info in pkgutil.walk_packages(xaydungdang.__path__, "xaydungdang."):
        if not any(part in SERVICE_MODULES for part in info.name.split(".")[2:]):
            continue
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            public = fn.__module__ == info.name and not name.startswith("_")
            if public and "actor" in inspect.signature(fn).parameters:
                found[name] = fn
    return found


@dataclasses.dataclass
class World:
    """Objects of the HCMC subtree (``hcm`` may change them, ``hanoi`` may not)."""

    city: Unit
    cell: Unit
    other_cell: Unit
    committee: Unit

    def person(self, name: str = "Trần Văn Hợp") -> Any:
        return people.person_create(full_name=name, managing_unit=self.cell, actor=SYSTEM_CLI)

    def member(self, name: str = "Lê Thị Thuận", admitted: dt.date = JAN_2024) -> Any:
        return members.member_admit(
            person=self.person(name),
            cell=self.cell,
            sheet=members.Sheet(birth_date=D(admitted.year - 30, 1, 1)),
            decision_date=admitted,
            ceremony_date=admitted + dt.timedelta(days=5),
            actor=SYSTEM_CLI,
        )

    def document(self) -> Any:
        return directives.document_create(
            doc_type="plan", issuer=self.city, title="Kế hoạch thử", actor=SYSTEM_CLI
        )

    def task(self) -> Any:
        return directives.task_create(
            document=self.document(), content="Việc thử", lead_unit=self.city, actor=SYSTEM_CLI
        )

    def tenure(self) -> Any:
        title = Title.objects.get(name="Phó Bí thư")
        return people.tenure_start(
            person=self.person(), title=title, unit=self.city, start=D(2020, 1, 1), actor=SYSTEM_CLI
        )

    def program(self) -> Any:
        return programs.program_create(
            title="Chương trình phối hợp thử", party_a=self.city, party_b=self.committee,
            start_year=2026, end_year=2030, actor=SYSTEM_CLI,
        )  # fmt: skip

    def plan(self) -> Any:
        return programs.plan_create(program=self.program(), year=2027, actor=SYSTEM_CLI)

    def item(self) -> Any:
        return programs.item_create(plan=self.plan(), content="Nội dung thử", actor=SYSTEM_CLI)

    def review(self) -> Any:
        return reviews.review_draft(
            kind="interim",
            issuer=self.city,
            period_start=D(2016, 1, 1),
            period_end=D(2018, 12, 31),
            title="Sơ kết thử",
            program=self.program(),
            actor=SYSTEM_CLI,
        )

    def article(self) -> Any:
        text = "Ngày 05/3/2024, đồng chí Trần Văn Hợp, Phó Bí thư Thành ủy, dự hội nghị."
        return ingest.article_submit(text=text, unit=self.city, actor=SYSTEM_CLI)


Case = tuple[str, Callable[[World], dict[str, Any]]]  # (the allowed user, kwargs)


def _csv(w: World) -> bytes:
    row = ["Phan Văn Nhập", "Nam", "01/01/1990", "Kinh", "", "", "", "", ""]
    row += ["01/01/2020", "02/01/2020", "", "", "", w.cell.code or ""]
    return (",".join(COLUMNS) + "\n" + ",".join(row)).encode()


CASES: dict[str, Case] = {
    "ruleset_create": (
        "quantri",
        lambda w: dict(
            code=f"thu-{TODAY}", name="Thử", source="Quy định thử", effective_from=TODAY,
            rules={"members.probation_months": 12},
        ),
    ),
    "role_grant": ("quantri", lambda w: dict(user=get_user_model().objects.get(username="hcm"),
                                             role="viewer", unit=w.city)),
    "role_revoke": ("quantri", lambda w: dict(grant=RoleAssignment.objects.get(
        user__username="hcm"))),
    "document_create": ("hcm", lambda w: dict(doc_type="plan", issuer=w.city, title="Kế hoạch")),
    "document_update": ("hcm", lambda w: dict(document=w.document(), title="Mới")),
    "task_create": ("hcm", lambda w: dict(document=w.document(), content="Việc",
                                          lead_unit=w.city)),
    "task_update": ("hcm", lambda w: dict(task=w.task(), content="Việc mới")),
    "progress_report": ("hcm", lambda w: dict(task=w.task(), reported_on=TODAY, percent=40,
                                              text="Đã làm")),
    "article_submit": ("hcm", lambda w: dict(text="Hội nghị ngày 05/3/2024.", unit=w.city)),
    "article_auto_accept": ("hcm", lambda w: dict(article=w.article())),
    "proposals_decide": ("hcm", lambda w: dict(article=w.article(), seqs=[1], accept_them=False)),
    "proposal_choose": ("hcm", lambda w: dict(article=w.article(), seq=1, person_id=None)),
    "badge_award": ("hcm", lambda w: dict(member=w.member(admitted=D(1995, 6, 1)),
                                          milestone=30, occasion=D(2025, 9, 2))),
    "members_import": ("hcm", lambda w: dict(name="dv.csv", data=_csv(w))),
    "import_table": ("hcm", lambda w: dict(
        name="dv.csv", table=iter(enumerate([line.split(",") for line in
                                             _csv(w).decode().splitlines()], 1)), rows_hint=1)),
    "member_admit": ("hcm", lambda w: dict(
        person=w.person(), cell=w.cell, sheet=members.Sheet(birth_date=D(1995, 5, 5)),
        decision_date=D(2025, 1, 5), ceremony_date=D(2025, 1, 10))),
    "member_recognize_full": ("hcm", lambda w: dict(member=w.member(), decided_on=D(2025, 2, 1))),
    "member_transfer": ("hcm", lambda w: dict(member=w.member(), to_cell=w.other_cell,
                                              day=D(2025, 3, 1))),
    "member_exempt": ("hcm", lambda w: dict(member=w.member(), day=D(2025, 3, 1),
                                            reason="Tuổi cao")),
    "member_leave": ("hcm", lambda w: dict(member=w.member(), kind="death", day=D(2025, 3, 1))),
    "member_readmit": ("hcm", lambda w: dict(
        member=_removed(w), cell=w.cell, decision_date=D(2025, 6, 1),
        ceremony_date=D(2025, 6, 5))),
    "units_bulk_create": ("hcm", lambda w: dict(
        nodes=[org.Node(code="cb-bulk", name="Chi bộ khối thử", kind="grassroots_cell",
                        parent=w.city)], valid_from=D(2025, 7, 1))),
    "unit_create": ("hcm", lambda w: dict(
        spec=org.UnitSpec(name="Chi bộ mới thử", kind="grassroots_cell", parent=w.city),
        valid_from=D(2025, 7, 1))),
    "unit_update": ("hcm", lambda w: dict(unit=w.other_cell, short_name="CB thử")),
    "unit_rename": ("hcm", lambda w: dict(unit=w.other_cell, name="Chi bộ đổi tên",
                                          effective_date=D(2025, 8, 1))),
    "unit_reparent": ("hcm", lambda w: dict(unit=w.other_cell, new_parent=w.committee,
                                            effective_date=D(2025, 8, 1))),
    "unit_dissolve": ("hcm", lambda w: dict(unit=w.other_cell, effective_date=D(2025, 8, 1))),
    "units_merge": ("hcm", lambda w: dict(units=[w.other_cell, _empty_cell(w)],
                                          successor=w.other_cell, effective_date=D(2025, 8, 1))),
    "unit_split": ("hcm", lambda w: dict(
        unit=_empty_cell(w),
        parts=[org.UnitSpec(name="Chi bộ phần A", kind="grassroots_cell", parent=w.city),
               org.UnitSpec(name="Chi bộ phần B", kind="grassroots_cell", parent=w.city)],
        effective_date=D(2025, 8, 1))),
    "person_create": ("hcm", lambda w: dict(full_name="Võ Thị Mới", managing_unit=w.city)),
    "person_update": ("hcm", lambda w: dict(person=w.person(), birth_year=1970)),
    "tenure_start": ("hcm", lambda w: dict(person=w.person(), title=Title.objects.get(
        name="Phó Bí thư"), unit=w.city, start=D(2021, 1, 1))),
    "tenure_attest": ("hcm", lambda w: dict(person=w.person(), title=Title.objects.get(
        name="Phó Bí thư"), unit=w.city, day=D(2021, 1, 1), source="Bài thử")),
    "tenure_update": ("hcm", lambda w: dict(tenure=w.tenure(), note="Ghi chú")),
    "tenure_end": ("hcm", lambda w: dict(tenure=w.tenure(), end=D(2022, 1, 1))),
    "title_create": ("quantri", lambda w: dict(name="Chức danh thử")),
    "title_update": ("quantri", lambda w: dict(title=Title.objects.get(name="Phó Bí thư"),
                                               description="Mô tả")),
    "review_draft": ("hcm", lambda w: dict(
        kind="interim", issuer=w.city, period_start=D(2016, 1, 1), period_end=D(2018, 12, 31),
        title="Sơ kết", program=w.program())),
    "review_update": ("hcm", lambda w: dict(review=w.review(), title="Sơ kết mới")),
    "review_refresh_figures": ("hcm", lambda w: dict(review=w.review())),
    "review_finalize": ("hcm", lambda w: dict(review=w.review())),
    "review_file_start": ("hcm", lambda w: dict(review=w.review(), ext="docx")),
    "snapshot_year_end": ("quantri", lambda w: dict(year=2022)),
    "program_create": ("hcm", lambda w: dict(
        title="Chương trình thử", party_a=w.city, party_b=w.cell, start_year=2026,
        end_year=2030)),
    "plan_create": ("hcm", lambda w: dict(program=w.program(), year=2028)),
    "item_create": ("hcm", lambda w: dict(plan=w.plan(), content="Nội dung")),
    "item_set_status": ("hcm", lambda w: dict(item=w.item(), status="in_progress")),
    "item_add_evidence": ("hcm", lambda w: dict(item=w.item(), documents=[w.document()])),
    "event_create": ("hcm", lambda w: dict(kind="working_session", title="Làm việc",
                                           held_on=D(2025, 5, 5), units=[w.city])),
}  # fmt: skip


# Services whose refusal of an out-of-scope record is a validation error that names it.
SCOPE_AS_VALIDATION = {"members_import", "import_table"}


def _app_cases() -> dict[str, Case]:
    """The cases a newer app keeps beside its own tests, in ``tests/<app>/service_cases.py``
    (a ``CASES`` dict of the same shape), so that apps do not share one table."""
    found: dict[str, Case] = {}
    for path in sorted(Path(__file__).parents[1].glob("*/service_cases.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.service_cases")
        found.update(module.CASES)
    return found


CASES.update(_app_cases())


def _removed(w: World) -> Any:
    member = w.member(name="Đỗ Văn Lại")
    return members.member_leave(member=member, kind="removal", day=D(2024, 6, 1), actor=SYSTEM_CLI)


_cells = itertools.count(1)


def _empty_cell(w: World) -> Unit:
    name = f"Chi bộ trống {next(_cells)}"
    spec = org.UnitSpec(name=name, kind="grassroots_cell", parent=w.city)
    return org.unit_create(spec=spec, valid_from=D(2020, 1, 1), actor=SYSTEM_CLI)


@pytest.fixture
def world(demo: dict[str, Unit]) -> World:
    city = demo["tu-hcm"]
    made = []
    for code in ("cb-hd-1", "cb-hd-2"):
        spec = org.UnitSpec(name=f"Chi bộ {code}", kind="grassroots_cell", parent=city, code=code)
        made.append(org.unit_create(spec=spec, valid_from=D(1990, 1, 1), actor=SYSTEM_CLI))
    spec = org.UnitSpec(name="Đảng bộ cơ sở thử", kind="grassroots_committee", parent=city)
    committee = org.unit_create(spec=spec, valid_from=D(1990, 1, 1), actor=SYSTEM_CLI)
    return World(city=city, cell=made[0], other_cell=made[1], committee=committee)


def test_every_service_has_a_case() -> None:
    assert sorted(set(service_functions()) - set(CASES)) == []


@pytest.mark.parametrize("name", sorted(service_functions()))
def test_the_actor_is_keyword_only_and_required(name: str) -> None:
    actor = inspect.signature(service_functions()[name]).parameters["actor"]
    assert actor.kind is inspect.Parameter.KEYWORD_ONLY
    assert actor.default is inspect.Parameter.empty


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_missing_actor_is_refused(name: str, world: World) -> None:
    with pytest.raises(TypeError):
        service_functions()[name](**CASES[name][1](world), actor=None)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_forbidden_actor_is_refused_and_an_allowed_call_is_recorded(
    name: str, world: World
) -> None:
    service = service_functions()[name]
    allowed, kwargs_of = CASES[name]
    hanoi = get_user_model().objects.get(username="hanoi")
    kwargs = kwargs_of(world)
    before = ChangeRecord.objects.count()
    # An importer reads out-of-scope cells as absent, and says so per row.
    refusal = ValidationError if name in SCOPE_AS_VALIDATION else PermissionDenied
    with pytest.raises(refusal):
        service(**kwargs, actor=hanoi)
    assert ChangeRecord.objects.count() == before
    kwargs = kwargs_of(world)
    before = ChangeRecord.objects.count()
    service(**kwargs, actor=get_user_model().objects.get(username=allowed))
    assert ChangeRecord.objects.filter(actor__username=allowed).count() > 0
    assert ChangeRecord.objects.count() > before

"""Documents, tasks and progress: identity rules, validation, audit, roll-up and warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from xaydungdang.core import rules
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.models import BusinessEvent, ChangeRecord
from xaydungdang.directives import services as dirs
from xaydungdang.directives.choices import TaskStatus, Warning
from xaydungdang.directives.dashboard import dashboard
from xaydungdang.directives.models import Document, Task
from xaydungdang.directives.rollup import thresholds, warning
from xaydungdang.directives.selectors import implementation_tree
from xaydungdang.org import services as org
from xaydungdang.org.models import Unit

D = dt.date


def counts() -> tuple[int, int, int]:
    return Document.objects.count(), Task.objects.count(), ChangeRecord.objects.count()


def test_a_symbol_recurs_across_issuers_and_dates(
    root: Unit, make_unit: Callable[..., Unit]
) -> None:
    for day in (D(2012, 1, 5), D(2016, 9, 20), D(2021, 9, 28)):
        dirs.document_create(
            doc_type="guidance",
            issuer=root,
            symbol="01-HD/TW",
            issued_on=day,
            title=f"Hướng dẫn {day.year}",
            actor=SYSTEM_CLI,
        )
    other = make_unit("Tỉnh ủy B")
    dirs.document_create(
        doc_type="guidance",
        issuer=other,
        symbol="01-HD/TW",
        issued_on=D(2021, 9, 28),
        title="Hướng dẫn của tỉnh",
        actor=SYSTEM_CLI,
    )
    assert Document.objects.filter(symbol="01-HD/TW").count() == 4
    before = counts()
    with pytest.raises(ValidationError) as err:
        dirs.document_create(
            doc_type="guidance",
            issuer=root,
            symbol="01-HD/TW",
            issued_on=D(2021, 9, 28),
            title="Trùng",
            actor=SYSTEM_CLI,
        )
    assert "đã có trong sổ" in err.value.messages[0] and counts() == before


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"symbol": "18NQTW"}, "không đúng dạng"),
        ({"symbol": "18-NQ/TW", "number": "19"}, "không khớp"),
        ({"title": "  "}, "không được để trống"),
        ({"term": "12"}, "số La Mã"),
        ({"issued_on": D(2099, 1, 1)}, "sau ngày hôm nay"),
        ({"doc_type": "bogus"}, "Thể loại"),
    ],
)
def test_bad_documents_are_rejected(root: Unit, kwargs: dict, fragment: str) -> None:
    data = {"doc_type": "resolution", "title": "Nghị quyết", **kwargs}
    before = counts()
    with pytest.raises(ValidationError) as err:
        dirs.document_create(issuer=root, actor=SYSTEM_CLI, **data)
    assert fragment in " ".join(err.value.messages) and counts() == before


def test_symbol_fills_number_and_issuer_symbol(root: Unit) -> None:
    doc = dirs.document_create(
        doc_type="plan", issuer=root, symbol="04 - KH/TW", title="Kế hoạch", actor=SYSTEM_CLI
    )
    assert (doc.symbol, doc.number, doc.issuer_symbol) == ("04-KH/TW", "04", "TW")
    assert str(doc) == "Kế hoạch 04-KH/TW"


def test_task_rules(plan: Document, make_unit: Callable[..., Unit]) -> None:
    board = make_unit("Ban Tổ chức Tỉnh ủy A", parent=plan.issuer, kind="advisory_board")
    before = counts()
    for kwargs, fragment in [
        ({"content": ""}, "không được để trống"),
        ({"deadline": D(2017, 1, 1)}, "trước ngày ban hành"),
        ({"weight": 0}, "nguyên dương"),
    ]:
        with pytest.raises(ValidationError) as err:
            dirs.task_create(
                document=plan, lead_unit=board, actor=SYSTEM_CLI, **{"content": "Rà soát", **kwargs}
            )
        assert fragment in " ".join(err.value.messages)
    with pytest.raises(ValidationError) as err:
        dirs.task_create(document=plan.implements, content="X", lead_unit=board, actor=SYSTEM_CLI)  # type: ignore[arg-type]
    assert "chỉ gắn với kế hoạch" in err.value.messages[0]
    assert counts() == before
    task = dirs.task_create(document=plan, content="Rà soát", lead_unit=board, actor=SYSTEM_CLI)
    assert task.ordinal == 1 and task.lead_path == board.path
    assert (
        dirs.task_create(document=plan, content="Hai", lead_unit=board, actor=SYSTEM_CLI).ordinal
        == 2
    )


def test_progress_updates_status_and_is_audited(plan: Document) -> None:
    task = dirs.task_create(
        document=plan,
        content="Rà soát",
        lead_unit=plan.issuer,
        deadline=D(2019, 12, 31),
        actor=SYSTEM_CLI,
    )
    dirs.progress_report(
        task=task, reported_on=D(2018, 6, 1), percent=40, text="Đang làm", actor=SYSTEM_CLI
    )
    task.refresh_from_db()
    assert (task.status, task.progress, task.completed_on) == (TaskStatus.IN_PROGRESS, 40, None)
    dirs.progress_report(
        task=task, reported_on=D(2019, 6, 1), percent=100, text="Xong", actor=SYSTEM_CLI
    )
    task.refresh_from_db()
    assert (task.status, task.completed_on) == (TaskStatus.DONE, D(2019, 6, 1))
    kinds = list(
        BusinessEvent.objects.filter(object_type="directives.task").values_list("kind", flat=True)
    )
    assert kinds.count("directives.progress_reported") == 2 and "directives.task_completed" in kinds
    assert ChangeRecord.objects.filter(object_type="directives.progressupdate").count() == 2
    for bad, fragment in [
        ({"percent": 101}, "từ 0 đến 100"),
        ({"text": ""}, "nội dung"),
        ({"reported_on": D(2099, 1, 1)}, "sau ngày hôm nay"),
    ]:
        with pytest.raises(ValidationError) as err:
            dirs.progress_report(
                task=task,
                actor=SYSTEM_CLI,
                **{"reported_on": D(2019, 7, 1), "percent": 50, "text": "x", **bad},
            )
        assert fragment in " ".join(err.value.messages)


def test_weighted_rollup_ignores_tasks_without_figures(plan: Document, superuser: object) -> None:
    def task(weight: int, percent: int | None, done: bool = False, stopped: bool = False) -> Task:
        t = dirs.task_create(
            document=plan,
            content=f"Nhiệm vụ {weight}-{percent}",
            lead_unit=plan.issuer,
            weight=weight,
            actor=SYSTEM_CLI,
        )
        if percent is not None:
            dirs.progress_report(
                task=t, reported_on=D(2020, 1, 1), percent=percent, text="báo cáo", actor=SYSTEM_CLI
            )
        if stopped:
            dirs.task_update(task=t, status=TaskStatus.STOPPED, actor=SYSTEM_CLI)
        return t

    task(3, 100)  # done: 3 × 100
    task(1, 40)  # 1 × 40
    task(2, None)  # no figure: left out, does not drag the total down
    task(5, 10, stopped=True)  # stopped: left out
    tree, _ = implementation_tree(superuser, plan.implements, D(2021, 1, 1))  # type: ignore[arg-type]
    plan_node = tree.children[0]
    assert plan_node.own.percent == round((300 + 40) / 4, 1) == 85.0
    assert (plan_node.own.tasks, plan_node.own.with_figure, plan_node.own.done) == (3, 2, 1)
    assert tree.total.percent == 85.0 and tree.own.tasks == 0


def test_warnings_follow_the_dated_rule_set(plan: Document) -> None:
    t = dirs.task_create(
        document=plan,
        content="Hạn gần",
        lead_unit=plan.issuer,
        deadline=D(2026, 3, 20),
        actor=SYSTEM_CLI,
    )
    dirs.progress_report(
        task=t, reported_on=D(2026, 1, 5), percent=40, text="40%", actor=SYSTEM_CLI
    )
    t.refresh_from_db()
    limits = thresholds(D(2026, 3, 1))
    assert (limits.days_left, limits.min_percent) == (30, 50)
    assert warning(t, D(2026, 2, 1), limits) == Warning.ON_TRACK  # 47 days left
    assert warning(t, D(2026, 3, 1), limits) == Warning.AT_RISK  # 19 days, 40% < 50%
    assert warning(t, D(2026, 3, 21), limits) == Warning.OVERDUE
    rules.ruleset_create(
        code="nguong-2026",
        name="Ngưỡng chặt hơn",
        source="Quy chế giả định",
        effective_from=D(2026, 2, 1),
        rules={"directives.at_risk_min_percent": 30, "directives.at_risk_days_left": 30},
        actor=SYSTEM_CLI,
    )
    later = thresholds(D(2026, 3, 1))
    assert later.min_percent == 30 and later.rule_set.code == "nguong-2026"
    assert warning(t, D(2026, 3, 1), later) == Warning.ON_TRACK
    assert thresholds(D(2026, 1, 15)).min_percent == 50


def test_dashboard_counts_match_the_tasks(plan: Document, make_unit: Callable[..., Unit]) -> None:
    board = make_unit("Ban Tổ chức Tỉnh ủy A", parent=plan.issuer, kind="advisory_board")
    ward = make_unit("Đảng ủy xã X", parent=plan.issuer, kind="commune_committee")
    today = D(2026, 6, 1)
    specs = [
        (board, D(2025, 1, 1), 100),
        (board, D(2025, 1, 1), 50),
        (ward, D(2026, 6, 10), 20),
        (ward, D(2027, 1, 1), None),
        (plan.issuer, D(2026, 1, 1), None),
    ]
    for lead, deadline, percent in specs:
        t = dirs.task_create(
            document=plan,
            content=f"Việc {lead}",
            lead_unit=lead,
            deadline=deadline,
            actor=SYSTEM_CLI,
        )
        if percent is not None:
            dirs.progress_report(
                task=t, reported_on=D(2024, 12, 1), percent=percent, text="x", actor=SYSTEM_CLI
            )
    board_view = dashboard(plan.issuer, today)
    assert (board_view.total, board_view.done, board_view.overdue, board_view.at_risk) == (
        5,
        1,
        2,
        1,
    )
    assert board_view.in_time == 2
    by_unit = {r.unit.name: r for r in board_view.children if r.unit}
    assert (
        by_unit["Ban Tổ chức Tỉnh ủy A"].tasks == 2 and by_unit["Ban Tổ chức Tỉnh ủy A"].done == 1
    )
    assert by_unit["Tỉnh ủy A"].tasks == 1, "the unit's own tasks form their own row"
    assert board_view.slowest[0].overdue == 1
    assert dashboard(ward, today).total == 2


def test_task_paths_follow_tree_moves(plan: Document, make_unit: Callable[..., Unit]) -> None:
    other = make_unit("Tỉnh ủy C")
    ward = make_unit("Đảng ủy xã Y", parent=plan.issuer, kind="commune_committee")
    task = dirs.task_create(document=plan, content="Việc", lead_unit=ward, actor=SYSTEM_CLI)
    org.unit_reparent(unit=ward, new_parent=other, effective_date=D(2024, 1, 1), actor=SYSTEM_CLI)
    task.refresh_from_db()
    ward.refresh_from_db()
    assert task.lead_path == ward.path and task.lead_path.startswith(other.path)
    assert dashboard(other, D(2024, 6, 1)).total == 1

"""Figures of reviews, computed from the data (never typed in): "7/10 nội dung" is the count of
done items over planned items of a year's plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from xaydungdang.core.access import path_q
from xaydungdang.directives.choices import TaskStatus
from xaydungdang.directives.models import Document, Task
from xaydungdang.directives.selectors import descendants

from .choices import ItemStatus
from .models import Program, ProgramYear


def plan_figures(plan: ProgramYear) -> dict[str, Any]:
    counts = dict.fromkeys(ItemStatus.values, 0)
    for row in plan.items.values("status").annotate(n=Count("id")).order_by():
        counts[row["status"]] = row["n"]
    planned = sum(counts.values())
    return {
        "year": plan.year,
        "planned": planned,
        **counts,
        "done_of_planned": f"{counts[ItemStatus.DONE]}/{planned}",
    }


def program_figures(program: Program, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Per-year and total counts of the plans whose year falls in [start, end]."""
    plans = program.years.filter(year__gte=start.year, year__lte=end.year).order_by("year")
    years = [plan_figures(p) for p in plans]
    totals = {key: sum(y[key] for y in years) for key in ("planned", *ItemStatus.values)}
    totals["done_of_planned"] = f"{totals[ItemStatus.DONE]}/{totals['planned']}"
    return {"kind": "program", "years": years, "totals": totals}


def directive_figures(
    directive: Document, start: dt.date, end: dt.date, within: str
) -> dict[str, Any]:
    """Implementing documents issued in the period, and their tasks as they stood at its end:
    done by then, or overdue by then (past the deadline and not done by the end). Only the
    work of the reviewing body's subtree (``within``, its path) counts: a province's review of
    a central resolution never reads another province's documents or dates."""
    subtree = (within,)
    walk = Document.objects.filter(path_q("issuer__path", subtree)).only("pk")
    docs = [directive.pk, *(d.pk for d in descendants(walk, directive))]
    issued = Document.objects.filter(
        pk__in=docs[1:], issued_on__gte=start, issued_on__lte=end
    ).count()
    in_force = Q(document__issued_on__isnull=True) | Q(document__issued_on__lte=end)
    # The directive's own tasks count where they are led inside the subtree.
    own = Q(document_id=directive.pk) & path_q("lead_path", subtree)
    tasks = Task.objects.filter(in_force).filter(Q(document_id__in=docs[1:]) | own)
    done_by_end = Q(status=TaskStatus.DONE, completed_on__lte=end)
    late_by_end = Q(deadline__lte=end) & ~done_by_end & ~Q(status=TaskStatus.STOPPED)
    counts = tasks.aggregate(
        total=Count("id"),
        done=Count("id", filter=done_by_end),
        overdue=Count("id", filter=late_by_end),
    )
    return {
        "kind": "directive",
        "documents_issued": issued,
        "tasks_total": counts["total"],
        "tasks_done": counts["done"],
        "tasks_overdue": counts["overdue"],
        "done_of_planned": f"{counts['done']}/{counts['total']}",
    }

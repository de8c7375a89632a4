"""Directives' hooks: a task copies its lead unit's path; documents in the search and the
pickers; the history of documents and of tasks with their progress reports."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.urls import reverse

from xaydungdang.core import hooks
from xaydungdang.core.access import VIEW
from xaydungdang.ui.history import Target, rows_of, rows_of_ids, simple_target

from . import pickers
from .models import Document, ProgressUpdate, Task
from .search import search_documents

hooks.SEARCH_PROVIDERS.register(search_documents, order=20)
hooks.PICKER_SOURCES.register(pickers.picker_sources)


@hooks.PATH_COPIES.register
def task_lead_path() -> tuple[type[Task], str]:
    return Task, "lead_path"


def _task(user: Any, pk: int) -> tuple[Any, Q, str]:
    task = Task.objects.restrict(user, VIEW).get(pk=pk)
    updates = ProgressUpdate.objects.restrict(user, VIEW).filter(task=task)
    rows = rows_of(task) | rows_of_ids(ProgressUpdate, updates.values_list("pk", flat=True))
    return task, rows, reverse("directives:task", args=[pk])


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"document": simple_target(Document, "directives:document"), "task": _task}

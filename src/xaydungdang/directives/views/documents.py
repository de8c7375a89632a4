"""Pages of the directive register, a directive's implementation tree, tasks and progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core.access import CHANGE, VIEW, scope_for
from xaydungdang.core.hooks import DOCUMENT_PANELS
from xaydungdang.directives import forms, imports, selectors, services
from xaydungdang.directives.choices import DocType
from xaydungdang.directives.models import Document, ProgressUpdate, Task
from xaydungdang.directives.rollup import thresholds, warning
from xaydungdang.org.models import Unit
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import render_panels
from xaydungdang.ui.params import int_param
from xaydungdang.ui.xlsx import xlsx_response

PAGE = 50


def _document(request: HttpRequest, pk: int) -> Document:
    try:
        return selectors.document_for(request.user, pk)
    except Document.DoesNotExist:
        raise Http404("Không tìm thấy văn bản.") from None


def _task(request: HttpRequest, pk: int) -> Task:
    tasks = Task.objects.restrict(request.user, VIEW)
    return tasks.select_related("document__issuer", "lead_unit").get_or_404(pk)


def _can_change(request: HttpRequest, path: str) -> bool:
    return scope_for(request.user, CHANGE).covers(path)


def register(request: HttpRequest) -> HttpResponse:
    docs = selectors.register(request.user, request.GET.dict())
    if request.GET.get("xuat") == "xlsx":
        rows = (
            (
                d.get_doc_type_display(),
                d.symbol or d.number,
                d.issued_on,
                d.term,
                d.issuer.name,
                d.title,
            )
            for d in docs[:20000]
        )
        return xlsx_response(
            "so-van-ban",
            "Sổ văn bản",
            ["Thể loại", "Số, ký hiệu", "Ngày", "Khóa", "Cơ quan ban hành", "Trích yếu"],
            rows,
        )
    page = Paginator(docs, PAGE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    issuers = Unit.objects.restrict(request.user, VIEW).filter(documents__isnull=False).distinct()
    return render(
        request,
        "directives/register.html",
        {
            "page": page,
            "types": DocType.choices,
            "params": request.GET,
            "query": query.urlencode(),
            "issuers": issuers.order_by("sort_key"),
        },
    )


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document(request, pk)
    day = timezone.localdate()
    tree, limits = selectors.implementation_tree(request.user, doc, day)
    nodes = selectors.flatten(tree)
    if request.GET.get("xuat") == "xlsx":
        rows = (
            (
                n.document.reference,
                t.ordinal,
                t.content,
                t.lead_unit.name,
                t.deadline,
                t.get_status_display(),
                t.effective_progress,
                t.weight,
            )
            for n in nodes
            for t, _ in n.tasks
        )
        return xlsx_response(
            f"nhiem-vu-{doc.pk}",
            "Nhiệm vụ",
            [
                "Văn bản",
                "STT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Trạng thái",
                "Tiến độ (%)",
                "Trọng số",
            ],
            rows,
        )
    return render(
        request,
        "directives/document_detail.html",
        {
            "doc": doc,
            "tree": tree,
            "nodes": nodes,
            "limits": limits,
            "day": day,
            "can_change": _can_change(request, doc.issuer.path),
            "panels": render_panels(DOCUMENT_PANELS, request, doc),
        },
    )


def _document_call(request: HttpRequest) -> Any:
    def call(d: dict[str, Any]) -> Document:
        return services.document_create(
            doc_type=d["doc_type"],
            issuer=d["issuer"],
            title=d["title"],
            symbol=d["symbol"],
            number=d["number"],
            issued_on=d["issued_on"],
            term=d["term"],
            summary=d["summary"],
            implements=d["implements"],
            attachment=d["attachment"],
            actor=request.user,
        )

    return call


def document_create(request: HttpRequest) -> HttpResponse:
    parent = int_param(request, "thuc_hien")
    initial: dict[str, Any] = {"implements": parent}
    if parent is not None:
        initial["doc_type"] = DocType.ACTION_PROGRAM
    return service_page(
        request,
        form_class=forms.DocumentForm,
        heading="Vào sổ văn bản",
        initial=initial,
        call=_document_call(request),
        cancel_url=reverse("directives:register"),
        success=lambda d: reverse("directives:document", args=[d.pk]),
        done_message="Đã vào sổ văn bản.",
    )


def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document(request, pk)
    if not _can_change(request, doc.issuer.path):
        raise Http404("Không tìm thấy văn bản.")
    initial = {
        "doc_type": doc.doc_type,
        "symbol": doc.symbol,
        "number": doc.number,
        "issuer": doc.issuer.code or doc.issuer_id,
        "issued_on": doc.issued_on,
        "term": doc.term,
        "title": doc.title,
        "summary": doc.summary,
        "implements": doc.implements_id,
    }

    def call(d: dict[str, Any]) -> Document:
        changes = {
            k: d[k]
            for k in (
                "doc_type",
                "symbol",
                "number",
                "issued_on",
                "term",
                "title",
                "summary",
                "implements",
            )
        }
        if d["attachment"]:
            changes["attachment"] = d["attachment"]
        return services.document_update(document=doc, actor=request.user, **changes)

    back = reverse("directives:document", args=[pk])
    return service_page(
        request,
        form_class=forms.DocumentForm,
        heading=f"Sửa {doc.reference}",
        initial=initial,
        record=doc,
        call=call,
        cancel_url=back,
        success=lambda _: back,
    )


def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document(request, pk)
    if not _can_change(request, doc.issuer.path):
        raise Http404("Không tìm thấy văn bản.")

    def call(d: dict[str, Any]) -> Task:
        return services.task_create(
            document=doc,
            content=d["content"],
            lead_unit=d["lead_unit"],
            coordinating_units=d["coordinating"],
            deadline=d["deadline"],
            expected_output=d["expected_output"],
            weight=d["weight"],
            actor=request.user,
        )

    back = reverse("directives:document", args=[pk])
    return service_page(
        request,
        form_class=forms.TaskForm,
        heading=f"Giao nhiệm vụ: {doc}",
        call=call,
        cancel_url=back,
        success=lambda _: back,
        done_message="Đã giao nhiệm vụ.",
    )


def task_import(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _document(request, pk)
    if not _can_change(request, doc.issuer.path):
        raise Http404("Không tìm thấy văn bản.")
    back = reverse("directives:document", args=[pk])
    return service_page(
        request,
        form_class=forms.ImportForm,
        heading=f"Nhập danh sách nhiệm vụ: {doc}",
        call=lambda d: imports.import_tasks(document=doc, file=d["file"], actor=request.user),
        cancel_url=back,
        success=lambda _: back,
        done_message="Đã nhập danh sách nhiệm vụ.",
        intro="Cột: " + " | ".join(imports.COLUMNS) + ". Có lỗi ở bất kỳ dòng nào thì không "
        "dòng nào được nhập.",
    )


def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    day = timezone.localdate()
    updates = ProgressUpdate.objects.restrict(request.user, VIEW).filter(task=task)
    scope = scope_for(request.user, CHANGE)
    return render(
        request,
        "directives/task_detail.html",
        {
            "task": task,
            "warning": warning(task, day, thresholds(day)),
            "updates": updates.select_related("reported_by"),
            "co_units": task.coordinating_units.order_by("sort_key"),
            "can_report": scope.covers(task.lead_path) or scope.covers(task.document.issuer.path),
            "can_edit": scope.covers(task.document.issuer.path),
            "form": forms.ProgressForm(user=request.user),
        },
    )


def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    if not _can_change(request, task.document.issuer.path):
        raise Http404("Không tìm thấy nhiệm vụ.")
    initial = {
        "content": task.content,
        "deadline": task.deadline,
        "weight": task.weight,
        "expected_output": task.expected_output,
        "status": task.status,
    }
    back = reverse("directives:task", args=[pk])
    return service_page(
        request,
        form_class=forms.TaskEditForm,
        heading="Sửa nhiệm vụ",
        initial=initial,
        record=task,
        cancel_url=back,
        success=lambda _: back,
        call=lambda d: services.task_update(task=task, actor=request.user, **d),
    )


def progress_create(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    scope = scope_for(request.user, CHANGE)
    if not (scope.covers(task.lead_path) or scope.covers(task.document.issuer.path)):
        raise Http404("Không tìm thấy nhiệm vụ.")
    back = reverse("directives:task", args=[pk])
    return service_page(
        request,
        form_class=forms.ProgressForm,
        heading="Báo cáo tiến độ",
        cancel_url=back,
        success=lambda _: back,
        done_message="Đã ghi nhận báo cáo tiến độ.",
        call=lambda d: services.progress_report(task=task, actor=request.user, **d),
    )


def _file(field: Any) -> FileResponse:
    if not field:
        raise Http404("Không có tệp đính kèm.")
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404("Không tìm thấy tệp đính kèm.") from None
    return FileResponse(handle, as_attachment=True, filename=Path(field.name).name)


def document_file(request: HttpRequest, pk: int) -> FileResponse:
    return _file(_document(request, pk).attachment)


def progress_file(request: HttpRequest, pk: int) -> FileResponse:
    update = ProgressUpdate.objects.restrict(request.user, VIEW).filter(pk=pk).first()
    if update is None:
        raise Http404("Không tìm thấy.")
    return _file(update.attachment)

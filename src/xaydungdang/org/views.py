"""Pages of the org tree: the tree as of a date, a unit, and the forms of its changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from xaydungdang.core.access import CHANGE, VIEW
from xaydungdang.core.dates import vn_date
from xaydungdang.core.hooks import UNIT_PANELS
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import render_panels
from xaydungdang.ui.params import day_param, int_param

from . import forms, selectors, services, timeline
from .models import Unit

COMPARE = "so_voi"  # the second date of the tree's date switch


def _unit(request: HttpRequest, pk: int, action: str = VIEW) -> Unit:
    try:
        return selectors.unit_for(request.user, pk, action)
    except Unit.DoesNotExist:
        raise Http404("Không tìm thấy đơn vị.") from None


def _compare(request: HttpRequest, day: dt.date) -> tuple[dt.date | None, str]:
    """The second date of the switch ("so sánh với ngày"), if one was asked for."""
    if not request.GET.get(COMPARE, "").strip():
        return None, ""
    other, error = day_param(request, COMPARE)
    return (None, error) if error else (other, "")


def _mark(user: Any, nodes: list[selectors.TreeNode], day: dt.date, other: dt.date | None) -> None:
    """Badge the nodes with the changes they went through between the two dates."""
    if other is None:
        return
    marks = timeline.marks_for(user, [n.unit_id for n in nodes], day, other)
    for node in nodes:
        node.changes = marks.get(node.unit_id, [])


def _tree_query(day: dt.date, other: dt.date | None) -> str:
    query = QueryDict(mutable=True)
    query["ngay"] = vn_date(day)
    if other is not None:
        query[COMPARE] = vn_date(other)
    return query.urlencode()


def _root(request: HttpRequest) -> Unit | None:
    """The unit asked for as the tree's root (``?goc=``): a number that is no unit the reader
    may see answers 404; text that is no number is ignored."""
    raw = request.GET.get("goc", "").strip()
    pk = int_param(request, "goc")
    if pk is None and raw.isascii() and raw.isdecimal():
        raise Http404("Không tìm thấy đơn vị.")  # an id longer than any id
    return _unit(request, pk) if pk is not None else None


def tree(request: HttpRequest) -> HttpResponse:
    """The tree as of a day, opened one level below its top; deeper levels load on demand
    (``tree_children``). With a second date, what changed between the two."""
    day, error = day_param(request)
    other, other_error = _compare(request, day)
    root = _root(request)
    nodes = selectors.tree_as_of(request.user, day, root)
    _mark(request.user, selectors.tree_flat(nodes), day, other)
    changes, more = timeline.changes_between(request.user, day, other) if other else ([], False)
    timeline.name_parts(request.user, changes)
    context = {
        "nodes": nodes,
        "day": day,
        "other": other,
        "error": error or other_error,
        "root": root,
        "changes": changes,
        "more_changes": more,
        "span": timeline.period(day, other) if other else None,
        "tree_query": _tree_query(day, other),
    }
    return render(request, "org/tree.html", context)


def tree_children(request: HttpRequest, pk: int) -> HttpResponse:
    """The direct children of a unit as of the day, within the user's scope: the fragment the
    tree loads when a node is opened."""
    unit = _unit(request, pk)
    day, _ = day_param(request)
    other, _ = _compare(request, day)
    nodes = selectors.tree_children(request.user, day, [unit.pk], 1)
    _mark(request.user, nodes, day, other)
    context = {"nodes": nodes, "tree_query": _tree_query(day, other)}
    return render(request, "org/_tree_nodes.html", context)


def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk)
    today = timezone.localdate()
    events = selectors.unit_events(request.user, unit)
    link_ids = {link.unit_id for e in events for link in e.links.all()}
    visible = set(
        Unit.objects.restrict(request.user, VIEW)
        .filter(pk__in=link_ids)
        .values_list("pk", flat=True)
    )
    context = {
        "unit": unit,
        "today": today,
        "children": selectors.children(request.user, unit, today),
        "events": events,
        "visible": visible,
        "versions": selectors.versions_of(unit),
        "aliases": unit.aliases.order_by("alias"),
        "can_change": Unit.objects.restrict(request.user, CHANGE).filter(pk=pk).exists(),
        "panels": render_panels(UNIT_PANELS, request, unit),
    }
    return render(request, "org/unit_detail.html", context)


def unit_create(request: HttpRequest, parent_pk: int | None = None) -> HttpResponse:
    parent = _unit(request, parent_pk, CHANGE) if parent_pk else None

    def call(d: dict[str, Any]) -> Unit:
        spec = services.UnitSpec(
            name=d["name"],
            kind=d["kind"],
            parent=parent,
            short_name=d["short_name"],
            code=d["code"] or None,
            aliases=forms.split_lines(d["aliases"]),
        )
        return services.unit_create(
            spec=spec,
            valid_from=d["valid_from"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        )

    if parent is None and not request.user.is_superuser:
        from xaydungdang.core.access import scope_for

        if not scope_for(request.user, CHANGE).everything:
            raise Http404("Không tìm thấy.")
    return service_page(
        request,
        form_class=forms.UnitCreateForm,
        call=call,
        heading=f"Thành lập đơn vị trực thuộc {parent.name}" if parent else "Thành lập đơn vị gốc",
        success=lambda u: reverse("org:unit", args=[u.pk]),
        done_message="Đã thành lập đơn vị.",
        cancel_url=reverse("org:unit", args=[parent.pk]) if parent else reverse("org:tree"),
    )


def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)
    initial = {
        "short_name": unit.short_name,
        "code": unit.code or "",
        "aliases": "\n".join(unit.aliases.order_by("alias").values_list("alias", flat=True)),
    }
    return service_page(
        request,
        form_class=forms.UnitEditForm,
        initial=initial,
        call=lambda d: services.unit_update(
            unit=unit,
            short_name=d["short_name"],
            code=d["code"],
            aliases=forms.split_lines(d["aliases"]),
            actor=request.user,
        ),
        heading=f"Sửa thông tin {unit.name}",
        success=lambda _: reverse("org:unit", args=[pk]),
        cancel_url=reverse("org:unit", args=[pk]),
        intro="Đổi tên, chuyển trực thuộc, hợp nhất, chia tách là sự kiện có ngày hiệu lực: "
        "dùng các nút trên trang đơn vị.",
    )


def _change_page(
    request: HttpRequest, unit: Unit, form_class: type, heading: str, call: Any, done: str
) -> HttpResponse:
    return service_page(
        request,
        form_class=form_class,
        call=call,
        heading=heading,
        done_message=done,
        success=lambda result: reverse("org:unit", args=[getattr(result, "pk", unit.pk)]),
        cancel_url=reverse("org:unit", args=[unit.pk]),
    )


def unit_rename(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)
    return _change_page(
        request,
        unit,
        forms.RenameForm,
        f"Đổi tên {unit.name}",
        lambda d: services.unit_rename(
            unit=unit,
            name=d["name"],
            short_name=d["short_name"],
            effective_date=d["effective_date"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        ),
        "Đã đổi tên đơn vị.",
    )


def unit_reparent(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)
    return _change_page(
        request,
        unit,
        forms.ReparentForm,
        f"Chuyển trực thuộc: {unit.name}",
        lambda d: services.unit_reparent(
            unit=unit,
            new_parent=d["new_parent"],
            effective_date=d["effective_date"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        ),
        "Đã chuyển trực thuộc.",
    )


def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)

    def call(d: dict[str, Any]) -> Unit:
        new = None
        if d["new_name"]:
            new = services.UnitSpec(name=d["new_name"], kind=d["new_kind"], parent=unit.parent)
        return services.units_merge(
            units=[unit, *d["others"]],
            successor=None if new else unit,
            new_unit=new,
            effective_date=d["effective_date"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        )

    return _change_page(
        request,
        unit,
        forms.MergeForm,
        f"Hợp nhất, sáp nhập vào {unit.name}",
        call,
        "Đã hợp nhất đơn vị.",
    )


def unit_split(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)

    def call(d: dict[str, Any]) -> Unit:
        parts = [services.UnitSpec(name=n, kind=d["kind"]) for n in forms.split_lines(d["parts"])]
        created = services.unit_split(
            unit=unit,
            parts=parts,
            effective_date=d["effective_date"],
            keep_original=d["keep_original"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        )
        return created[0]

    return _change_page(
        request, unit, forms.SplitForm, f"Chia tách {unit.name}", call, "Đã chia tách đơn vị."
    )


def unit_dissolve(request: HttpRequest, pk: int) -> HttpResponse:
    unit = _unit(request, pk, CHANGE)
    return _change_page(
        request,
        unit,
        forms.DissolveForm,
        f"Giải thể {unit.name}",
        lambda d: services.unit_dissolve(
            unit=unit,
            effective_date=d["effective_date"],
            decision_ref=d["decision_ref"],
            actor=request.user,
        ),
        "Đã giải thể đơn vị.",
    )

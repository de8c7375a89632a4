"""One way to render a form page whose valid submission calls a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from xaydungdang.core import locking

from .forms import VERSION_FIELD, carry_version, run_service


def service_page(
    request: HttpRequest,
    *,
    form_class: type[forms.Form],
    heading: str,
    call: Callable[[dict[str, Any]], Any],
    success: Callable[[Any], str],
    cancel_url: str,
    done_message: str = "Đã lưu.",
    initial: dict[str, Any] | None = None,
    intro: str = "",
    extra: dict[str, Any] | None = None,
    record: models.Model | None = None,
) -> HttpResponse:
    """``record`` is the record the form edits: the form carries the version it was opened on
    and the service refuses a submission made on an older one."""
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = form_class(data, files, user=request.user, initial=initial)  # type: ignore[call-arg]
    if record is not None:
        carry_version(form, locking.version(record))
    if data is not None and form.is_valid():
        sentinel = object()
        cleaned = dict(form.cleaned_data)
        expected = cleaned.pop(VERSION_FIELD, None) or None

        def run() -> Any:
            with locking.expecting(expected):
                return call(cleaned) or sentinel

        result = run_service(form, run)
        if not form.errors:
            messages.success(request, done_message)
            return redirect(success(None if result is sentinel else result))
    context = {"form": form, "heading": heading, "cancel_url": cancel_url, "intro": intro}
    return render(request, "ui/form.html", {**context, **(extra or {})})

"""One way to render a form page whose valid submission calls a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .forms import run_service


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
) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = form_class(data, files, user=request.user, initial=initial)  # type: ignore[call-arg]
    if data is not None and form.is_valid():
        sentinel = object()
        result = run_service(form, lambda: call(form.cleaned_data) or sentinel)
        if not form.errors:
            messages.success(request, done_message)
            return redirect(success(None if result is sentinel else result))
    context = {"form": form, "heading": heading, "cancel_url": cancel_url, "intro": intro}
    return render(request, "ui/form.html", {**context, **(extra or {})})

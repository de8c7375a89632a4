"""The cadre-work hub: one page linking every section that the cadre apps register."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from xaydungdang.core import hooks


@login_required
def index(request: HttpRequest) -> HttpResponse:
    sections = sorted(
        (section for provider in hooks.CADRE_SECTIONS() for section in provider()),
        key=lambda s: s[0],
    )
    links = [(label, reverse(url_name)) for _, label, url_name in sections]
    return render(request, "cadres/index.html", {"links": links})

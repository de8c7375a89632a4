"""The pages run under a Content-Security-Policy with no inline script or style: no template
may carry a style attribute, a <style> block, an inline script or an event handler."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from xaydungdang.ui.templatetags.vn import depth_class, width_class

SRC = Path(__file__).resolve().parents[2] / "src" / "xaydungdang"
INLINE = re.compile(r"\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=", re.IGNORECASE)


def test_no_template_carries_inline_style_or_script() -> None:
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("templates/**/*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INLINE.search(line)
    ]
    assert found == []


@pytest.mark.django_db
def test_pages_are_served_with_the_policy(superuser: object) -> None:
    client = Client()
    client.force_login(superuser)  # type: ignore[arg-type]
    policy = client.get("/")["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "w-0"), (37.4, "w-37"), (99.6, "w-100"), (250, "w-100"), (-3, "w-0"), (None, "w-0")],
)
def test_shares_become_width_classes(value: object, expected: str) -> None:
    assert width_class(value) == expected


def test_depths_become_indent_classes() -> None:
    assert [depth_class(d) for d in (0, 3, 20, "x")] == ["depth-0", "depth-3", "depth-8", "depth-0"]

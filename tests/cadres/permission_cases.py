"""The cadre apps' rows of the permission matrix (``tests/site/test_permissions.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MATRIX: dict[str, tuple[Callable[[dict[str, Any]], Any], int, int]] = {
    "cadres:index": (lambda o: [], 200, 200),
}

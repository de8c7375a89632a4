"""Run calls at once, each in its own thread with its own database connection."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.test import Client

from xaydungdang.core.locking import StaleVersion

STALE = "Bản ghi đã được thay đổi lúc"


def race(*calls: Callable[[], Any]) -> list[tuple[str, Any]]:
    """Start the calls together (a barrier); each result is ("ok", value) or ("error", exc)."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[str, Any]] = [("none", None)] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[i] = ("ok", call())
        except Exception as exc:
            results[i] = ("error", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def assert_one_wins(results: list[tuple[str, Any]]) -> Any:
    """Exactly one call succeeded; the other was refused as stale, with the message."""
    ok = [v for kind, v in results if kind == "ok"]
    errors = [v for kind, v in results if kind == "error"]
    assert len(ok) == 1, results
    assert len(errors) == 1 and isinstance(errors[0], StaleVersion), results
    assert STALE in errors[0].messages[0]
    assert "hãy mở lại trang để xem bản mới nhất" in errors[0].messages[0]
    return ok[0]


def form_version(client: Client, url: str) -> str:
    """The version an edit form at ``url`` carries (the hidden field it was opened on)."""
    found = re.search(r'name="version" value="([^"]+)"', client.get(url).content.decode())
    assert found, "the edit form carries the version it was opened on"
    return found.group(1)

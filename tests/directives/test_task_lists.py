"""Task lists put what needs action first; the dashboard's cards open the list behind them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from xaydungdang.directives.selectors import WARNING_ORDER, unit_tasks
from xaydungdang.org.models import Unit

ROW = re.compile(r'<tr><td><span class="warn (\w+)">')


def test_overdue_first(demo: dict[str, Unit], user_named: Callable[[str], object]) -> None:
    rows = unit_tasks(user_named("btctw"), demo["bchtw"], dt.date(2026, 1, 1), subtree=True)
    order = [WARNING_ORDER[w] for _, w in rows]
    assert rows and order == sorted(order) and rows[0][1] == "overdue"
    overdue = [t.deadline for t, w in rows if w == "overdue"]
    assert overdue == sorted(overdue)


def test_cards_link_to_their_lists(
    demo: dict[str, Unit], client_for: Callable[[str], Client]
) -> None:
    client = client_for("btctw")
    unit = demo["bchtw"]
    board = client.get(reverse("directives:dashboard", args=[unit.pk])).content.decode()
    cards = re.findall(
        r'<a class="card stat-card" href="([^"]+)"><span class="stat[^"]*">(\d+)</span>', board
    )
    assert len(cards) == 5
    for href, number in cards:
        listing = client.get(href.replace("&amp;", "&")).content.decode()
        assert len(ROW.findall(listing)) == int(number), href
    page = client.get(reverse("directives:unit_tasks", args=[unit.pk]), {"ca_cap_duoi": "1"})
    warnings = ROW.findall(page.content.decode())
    assert warnings == sorted(warnings, key=WARNING_ORDER.__getitem__)
    bad = client.get(reverse("directives:unit_tasks", args=[unit.pk]), {"canh_bao": "x"})
    assert bad.status_code == 200

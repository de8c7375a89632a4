"""The extraction pipeline: normalize, find every candidate fact, resolve organizations to units
of the tree as of the article's date. The output is the ``xdd extract`` contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

from xaydungdang.core.models import valid_on_q
from xaydungdang.core.text import fold
from xaydungdang.org.models import Unit, UnitAlias

from . import extract
from .normalize import article_date, headline, normalize


def surface_forms(day: dt.date | None) -> tuple[list[str], dict[str, int]]:
    """Surface forms (names, short names, aliases) of the units that existed on ``day``, and
    the same forms folded → unit id, from one read of the units and one of the aliases."""
    units = Unit.objects.all() if day is None else Unit.objects.filter(valid_on_q(day))
    rows = [
        (pk, form)
        for pk, name, short in units.values_list("pk", "name", "short_name")
        for form in (name, short)
        if form
    ]
    rows += list(UnitAlias.objects.filter(unit__in=units).values_list("unit_id", "alias"))
    by_fold: dict[str, int] = {}
    for pk, form in rows:
        by_fold.setdefault(fold(form), pk)
    return [form for _, form in rows], by_fold


def _event(
    text: str, kind: str | None, persons: list[extract.PersonFact], dates: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    if kind is None:
        return []
    chairs = [
        p.name
        for p in persons
        if any(
            "chủ trì" in text[e : text.find(".", e) if text.find(".", e) > 0 else None]
            or "chủ trì" in text[max(0, s - 200) : s].split(".")[-1]
            for s, e in p.spans
        )
    ]
    title = headline(text)
    body = max(text.find(title), 0)  # dates of the header lines above the title do not count
    when = next((d["iso"] for d in dates if d["iso"] and d["cue"] and d["span"][0] >= body), None)
    return [
        {
            "type": kind,
            "date": when,
            "chairs": chairs,
            "participants": [p.name for p in persons if p.name not in chairs],
        }
    ]


def run(raw_text: str, day: dt.date | None = None) -> dict[str, Any]:
    text = normalize(raw_text)
    day = day or article_date(raw_text)
    forms, by_fold = surface_forms(day)
    persons = extract.find_persons(text, forms)
    documents = extract.documents(text)
    in_refs = [d["span"] for d in documents]
    dates = [
        d
        for d in extract.find_dates(text, day)
        if not any(a <= d["span"][0] < b for a, b in in_refs)
    ]
    kind = extract.event_type(text)
    orgs = []
    seen = set()
    for s, e in extract.find_organizations(text, forms):
        name = text[s:e]
        if name in seen:
            continue
        seen.add(name)
        orgs.append({"name": name, "unit_id": by_fold.get(fold(name)), "span": [s, e]})
    return {
        "date": day.isoformat() if day else None,
        "persons": [
            {"name": p.name, "positions": p.positions, "span": list(p.spans[0])} for p in persons
        ],
        "organizations": orgs,
        "documents": documents,
        "dates": dates,
        "figures": extract.find_figures(text),
        "event_type": kind,
        "events": _event(text, kind, persons, dates),
        "text": text,
    }

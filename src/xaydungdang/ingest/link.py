"""Linking: each extracted fact is matched to the records that exist (a person by name, title
and date; a unit; a directive), or proposed as new. The output is a list of proposal specs that
``services.article_submit`` stores and a reviewer decides on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Any

from xaydungdang.core.access import CHANGE
from xaydungdang.core.actors import Actor
from xaydungdang.core.text import fold
from xaydungdang.directives.choices import DocType
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Tenure, Title
from xaydungdang.programs.models import Event

from . import candidates
from .candidates import visible
from .models import ProposalKind
from .normalize import headline

# Issuer suffixes of Party symbols (…/TW) → the code of the issuing body in the tree.
ISSUER_CODES = {"TW": "bchtw"}
_DOC_TYPES = {label: value for value, label in DocType.choices}


@dataclasses.dataclass
class Spec:
    kind: str
    label: str
    match: str
    span: tuple[int, int]
    payload: dict[str, Any]
    ready: bool = True


@dataclasses.dataclass
class Context:
    day: dt.date
    by_fold: dict[str, int]
    article_units: list[int]
    titles: list[Title]
    actor: Actor  # the reader: every lookup is within what they may see


def _prefix(title: Title) -> tuple[str, bool]:
    """The words a title's label starts with, and whether a unit follows them."""
    template = title.label_template
    if "{unit}" not in template:
        return template.format(title=title.name).strip(), False
    return template.split("{unit}")[0].format(title=title.name).strip(), True


def _default_unit(title: Title) -> int | None:
    """For a title written without its unit ("Bí thư Trung ương Đảng"): where it is held."""
    counts = Counter(Tenure.objects.filter(title=title).values_list("unit_id", flat=True))
    return counts.most_common(1)[0][0] if counts else None


def parse_title(written: str, ctx: Context) -> tuple[Title, int] | None:
    """(title, unit id) of a title as written, by the longest label prefix whose rest names a
    unit of the tree on the article's date ("Thành ủy" alone: the one the article names)."""
    key = fold(written)
    best: tuple[int, Title, int] | None = None
    for title in ctx.titles:
        prefix, has_unit = _prefix(title)
        head = fold(prefix)
        if not has_unit:
            unit_id = _default_unit(title) if key == head else None
        elif key.startswith(head + " "):
            unit_id = _unit_of(key[len(head) + 1 :], ctx)
        else:
            unit_id = None
        if unit_id is not None and (best is None or len(head) > best[0]):
            best = (len(head), title, unit_id)
    return (best[1], best[2]) if best else None


def _unit_of(rest: str, ctx: Context) -> int | None:
    if rest in ctx.by_fold:
        return ctx.by_fold[rest]
    named = {uid for form, uid in ctx.by_fold.items() if form.startswith(rest + " ")}
    named &= set(ctx.article_units)
    return named.pop() if len(named) == 1 else None


def tenure_action(
    person_id: int | None, title: Title | int, unit_id: int, day: dt.date, actor: Actor
) -> dict[str, Any]:
    """Whether the article confirms a tenure the reader may see, extends an attested one, or
    records a new one."""
    if person_id is None:
        return {"action": "create", "tenure_id": None}
    rows = visible(Tenure, actor).filter(person_id=person_id, title=title, unit_id=unit_id)
    for tenure in rows:
        if tenure.start <= day and (tenure.end is None or tenure.end > day):
            return {"action": "confirm", "tenure_id": tenure.pk}
    attested = next((t for t in rows if t.attested_only), None)
    if attested is not None:
        return {"action": "extend", "tenure_id": attested.pk}
    return {"action": "create", "tenure_id": None}


def _pick_person(
    name: str, parsed: list[tuple[Title, int]], ctx: Context
) -> tuple[str, candidates.Candidate | None, list[candidates.Candidate]]:
    """The decision on ``name`` among the records the reader may see, weighed on the evidence."""
    found, outside = candidates.weigh(name, parsed, ctx.article_units, ctx.day, ctx.actor)
    decision, best = candidates.decide(found, outside)
    return decision, best, found


_MATCH = {
    "new": "Cá nhân mới",
    "outside": candidates.OUTSIDE + "; hãy nhờ đơn vị quản lý hồ sơ đối chiếu trước khi ghi nhận",
}


def _person_match(decision: str, person_id: int | None, found: list[Any]) -> str:
    if decision == "matched":
        return f"Đã có trong hệ thống (#{person_id})"
    if decision == "ambiguous":
        return f"Trùng tên với {len(found)} người; hãy chọn người đúng trước khi chấp nhận"
    return _MATCH[decision]


def _title_span(text: str, title: str, near: tuple[int, int]) -> tuple[int, int]:
    spots = _find_all(text, title)
    if not spots:
        return near
    best = min(spots, key=lambda i: abs(i - near[0]))
    return best, best + len(title)


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _person_specs(result: dict[str, Any], ctx: Context) -> list[Spec]:
    specs: list[Spec] = []
    text = result["text"]
    for person in result["persons"]:
        span = _span(person["span"])
        current = [t for t in person["positions"] if not fold(t).startswith("nguyen ")]
        parsed = {t: parse_title(t, ctx) for t in current}
        decision, best, found = _pick_person(person["name"], [p for p in parsed.values() if p], ctx)
        person_id = best.person.pk if best is not None else None
        match = _person_match(decision, person_id, found)
        ready = decision in ("matched", "new")
        first_unit = next((p[1] for p in parsed.values() if p), None)
        specs.append(
            Spec(
                ProposalKind.PERSON,
                person["name"],
                match,
                (span[0], span[1]),
                {
                    "name": person["name"],
                    "person_id": person_id,
                    "decision": decision,
                    "unit_id": first_unit or (ctx.article_units[0] if ctx.article_units else None),
                    "candidates": [c.as_payload() for c in found],
                },
                ready=ready,
            )
        )
        tenures = _tenure_specs(text, person, parsed, person_id, ctx)
        for spec in tenures:
            spec.ready = ready
        specs += tenures
    return specs


TENURE_MATCH = {
    "confirm": "Khớp quá trình giữ chức đã có",
    "extend": "Mở rộng khoảng thời gian đã ghi nhận",
    "create": "Quá trình giữ chức mới (ghi nhận theo bài)",
}


def _tenure_specs(
    text: str,
    person: dict[str, Any],
    parsed: dict[str, tuple[Title, int] | None],
    person_id: int | None,
    ctx: Context,
) -> list[Spec]:
    specs = []
    near = (person["span"][0], person["span"][1])
    for written, found in parsed.items():
        if found is None:
            continue
        title, unit_id = found
        action = tenure_action(person_id, title, unit_id, ctx.day, ctx.actor)
        match = TENURE_MATCH[action["action"]]
        specs.append(
            Spec(
                ProposalKind.TENURE,
                f"{person['name']} — {written}",
                match,
                _title_span(text, written, near),
                {
                    "name": person["name"],
                    "person_id": person_id,
                    "title_id": title.pk,
                    "unit_id": unit_id,
                    "written": written,
                    "day": ctx.day.isoformat(),
                    **action,
                },
            )
        )
    return specs


def _span(pair: list[int]) -> tuple[int, int]:
    return int(pair[0]), int(pair[1])


def _unit_specs(result: dict[str, Any], ctx: Context) -> list[Spec]:
    specs = []
    seen: set[int] = set()
    names = dict(
        visible(Unit, ctx.actor)
        .filter(pk__in=[o["unit_id"] for o in result["organizations"] if o["unit_id"]])
        .values_list("pk", "name")
    )
    for org in result["organizations"]:
        uid = org["unit_id"]
        if uid is None or uid in seen or uid not in names:
            continue
        seen.add(uid)
        match = f"Đơn vị: {names[uid]}"
        specs.append(
            Spec(ProposalKind.UNIT, org["name"], match, _span(org["span"]), {"unit_id": uid})
        )
    return specs


def _issuer(ref: dict[str, Any], actor: Actor) -> int | None:
    """The issuing body of a new document, if the reader may register documents there."""
    code = ISSUER_CODES.get((ref.get("code") or "").rsplit("/", 1)[-1])
    if code is None:
        return None
    return visible(Unit, actor, CHANGE).filter(code=code).values_list("pk", flat=True).first()


def _known_document(ref: dict[str, Any], actor: Actor) -> Document | None:
    """By symbol; a reference without one ("Kết luận số 14 của Bộ Chính trị") by its type and
    number when exactly one document that the reader may see has them."""
    documents = visible(Document, actor).select_related("issuer")
    if ref["code"]:
        return documents.filter(symbol=ref["code"]).first()
    doc_type = _DOC_TYPES.get(ref["type"] or "")
    if not doc_type or not ref.get("number"):
        return None
    found = list(documents.filter(doc_type=doc_type, number=ref["number"])[:2])
    return found[0] if len(found) == 1 else None


def _document_specs(result: dict[str, Any], actor: Actor) -> list[Spec]:
    specs = []
    seen: set[str] = set()
    for ref in result["documents"]:
        key = ref["code"] or fold(ref["raw"])
        if key in seen:
            continue
        seen.add(key)
        found = _known_document(ref, actor)
        issuer = None if found else _issuer(ref, actor)
        ready = found is not None or (issuer is not None and ref["type"] in _DOC_TYPES)
        if found is not None:
            match = f"Đã có trong sổ văn bản: {found.reference}"
        elif ready:
            match = "Văn bản mới, sẽ ghi vào sổ văn bản"
        else:
            match = "Chưa có trong sổ; hãy nhập văn bản ở sổ văn bản"
        payload = {
            "document_id": found.pk if found else None,
            "doc_type": _DOC_TYPES.get(ref["type"] or ""),
            "symbol": ref["code"] or "",
            "number": ref.get("number") or "",
            "date": ref["date"],
            "issuer_id": issuer,
            "raw": ref["raw"],
        }
        specs.append(
            Spec(ProposalKind.DOCUMENT, ref["raw"], match, _span(ref["span"]), payload, ready)
        )
    return specs


def _existing_event(day: dt.date, kind: str, unit_ids: list[int], actor: Actor) -> Event | None:
    """The recorded event of that day, among those the reader may see, sharing the most units
    with the article (kind breaks ties): "Hội nghị tổng kết" may be a conference or a review."""
    best: tuple[int, int, Event] | None = None
    for event in visible(Event, actor).filter(held_on=day).prefetch_related("units"):
        shared = len({u.pk for u in event.units.all()} & set(unit_ids))
        score = (shared, int(event.kind == kind))
        if shared and (best is None or score > best[:2]):
            best = (*score, event)
    return best[2] if best else None


def _lead_units(result: dict[str, Any], ctx: Context) -> list[int]:
    """Units named in the article's lead (its first 600 characters), else its first two."""
    lead = [o["unit_id"] for o in result["organizations"] if o["unit_id"] and o["span"][0] < 600]
    return list(dict.fromkeys(lead)) or ctx.article_units[:2]


def _event_spec(result: dict[str, Any], specs: list[Spec], ctx: Context) -> list[Spec]:
    if not result["events"] or not ctx.article_units:
        return []
    event = result["events"][0]
    day = dt.date.fromisoformat(event["date"]) if event["date"] else ctx.day
    text = result["text"]
    title = headline(text)
    unit_ids = _lead_units(result, ctx)
    existing = _existing_event(day, event["type"], unit_ids, ctx.actor)
    persons = {s.payload["name"]: i for i, s in enumerate(specs) if s.kind == ProposalKind.PERSON}
    end = text.find(".")
    payload = {
        "kind": event["type"],
        "date": day.isoformat(),
        "title": title,
        "unit_ids": unit_ids,
        "chairs": [persons[n] for n in event["chairs"] if n in persons],
        "participants": [persons[n] for n in event["participants"] if n in persons],
        "event_id": existing.pk if existing else None,
    }
    match = f"Khớp sự kiện đã có: {existing.title}" if existing else "Sự kiện mới"
    return [Spec(ProposalKind.EVENT, title, match, (0, end if end > 0 else len(title)), payload)]


def propose(
    result: dict[str, Any], day: dt.date, by_fold: dict[str, int], *, actor: Actor
) -> list[Spec]:
    """The proposals for one extraction ``result`` of an article dated ``day``, matched only
    against what ``actor`` may see."""
    article_units = list(
        dict.fromkeys(o["unit_id"] for o in result["organizations"] if o["unit_id"])
    )
    event = result["events"][0] if result["events"] else None
    if event and event["date"] and event["date"] <= day.isoformat():
        day = dt.date.fromisoformat(event["date"])  # titles are as of the event's day
    ctx = Context(day, by_fold, article_units, list(Title.objects.all()), actor)
    specs = _person_specs(result, ctx)
    specs += _unit_specs(result, ctx)
    specs += _document_specs(result, actor)
    return specs + _event_spec(result, specs, ctx)

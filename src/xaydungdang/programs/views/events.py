"""Pages of events, and the event lists on the unit and person pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from xaydungdang.core.access import VIEW
from xaydungdang.core.hooks import EVENT_PANELS
from xaydungdang.programs import forms, services
from xaydungdang.programs.choices import ParticipantRole
from xaydungdang.programs.models import Event, Participant
from xaydungdang.ui.pages import service_page
from xaydungdang.ui.panels import Panel, render_panels


def event_list(request: HttpRequest) -> HttpResponse:
    events = Event.objects.restrict(request.user, VIEW).order_by("-held_on")[:200]
    return render(request, "programs/event_list.html", {"events": events})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = Event.objects.restrict(request.user, VIEW).filter(pk=pk).first()
    if event is None:
        raise Http404("Không tìm thấy sự kiện.")
    return render(
        request,
        "programs/event_detail.html",
        {
            "event": event,
            "participants": event.participants.select_related("person").order_by("role", "id"),
            "units": event.units.order_by("sort_key"),
            "programs": event.programs.all(),
            "documents": event.documents.all(),
            "panels": render_panels(EVENT_PANELS, request, event),
        },
    )


def event_create(request: HttpRequest) -> HttpResponse:
    def call(d: dict[str, Any]) -> Event:
        people = [(p, ParticipantRole.CHAIR) for p in d["chairs"]] + [
            (p, ParticipantRole.PARTICIPANT) for p in d["attendees"]
        ]
        return services.event_create(
            kind=d["kind"],
            title=d["title"],
            held_on=d["held_on"],
            place=d["place"],
            units=d["units"],
            summary=d["summary"],
            participants=people,
            actor=request.user,
        )

    return service_page(
        request,
        form_class=forms.EventForm,
        heading="Ghi nhận sự kiện",
        call=call,
        success=lambda e: reverse("programs:event", args=[e.pk]),
        cancel_url=reverse("programs:events"),
        done_message="Đã ghi nhận sự kiện.",
    )


def unit_events_panel(request: Any, unit: Any) -> Panel | None:
    events = Event.objects.restrict(request.user, VIEW).filter(units=unit).order_by("-held_on")[:20]
    return Panel("programs/_event_panel.html", {"events": list(events)})


def person_events_panel(request: Any, person: Any) -> Panel | None:
    user = request.user
    rows = (
        Participant.objects.filter(person=person, event__in=Event.objects.restrict(user, VIEW))
        .select_related("event")
        .order_by("-event__held_on")[:20]
    )
    return Panel("programs/_participation_panel.html", {"rows": list(rows)})

"""Programs' hooks: the events of a unit and of a person on their pages; events in the pickers."""

from xaydungdang.core import hooks
from xaydungdang.ui.history import Target, simple_target

from . import pickers
from .models import Event, Program, Review
from .views.events import person_events_panel, unit_events_panel

hooks.UNIT_PANELS.register(unit_events_panel)
hooks.PERSON_PANELS.register(person_events_panel)
hooks.PICKER_SOURCES.register(pickers.picker_sources)


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {
        "program": simple_target(Program, "programs:program"),
        "review": simple_target(Review, "programs:review"),
        "event": simple_target(Event, "programs:event"),
    }

"""Org's hooks: units in the global search, the pickers and the history tab."""

from xaydungdang.core import hooks
from xaydungdang.ui.history import Target, simple_target

from . import pickers
from .models import Unit
from .search import search_units

hooks.SEARCH_PROVIDERS.register(search_units, order=0)
hooks.PICKER_SOURCES.register(pickers.picker_sources)


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"unit": simple_target(Unit, "org:unit")}

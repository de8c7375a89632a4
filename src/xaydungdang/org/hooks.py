"""Org's hooks: units in the global search and in the history tab."""

from xaydungdang.core import hooks
from xaydungdang.ui.history import Target, simple_target

from .models import Unit
from .search import search_units

hooks.SEARCH_PROVIDERS.register(search_units, order=0)


@hooks.HISTORY_TARGETS.register
def history_targets() -> dict[str, Target]:
    return {"unit": simple_target(Unit, "org:unit")}

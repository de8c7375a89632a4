"""Form fields of org: units picked by name (``ui.pickers``) among those the user may act on."""

from __future__ import annotations

from typing import Any

from xaydungdang.core.access import CHANGE
from xaydungdang.ui.pickers import MultiPickerField, PickerField


class UnitRefField(PickerField):
    """A unit, among those the user may ``action`` (change, unless told): typed part of its
    name and chosen in the list, or, without JavaScript, its code, number or exact name."""

    def __init__(self, *, action: str = CHANGE, **kwargs: Any) -> None:
        super().__init__("units", action=action, **kwargs)


class UnitsRefField(MultiPickerField):
    """Several units, the same way."""

    def __init__(self, *, action: str = CHANGE, **kwargs: Any) -> None:
        super().__init__("units", action=action, **kwargs)

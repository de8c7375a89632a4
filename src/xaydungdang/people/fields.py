"""Form fields of people: persons and titles picked by name (``ui.pickers``)."""

from __future__ import annotations

from typing import Any

from xaydungdang.core.access import VIEW
from xaydungdang.ui.pickers import MultiPickerField, PickerField


class PersonRefField(PickerField):
    """A person the user may see: typed part of the name and chosen in the list, or, without
    JavaScript, the person's number or exact name."""

    def __init__(self, *, action: str = VIEW, **kwargs: Any) -> None:
        super().__init__("persons", action=action, **kwargs)


class PersonsRefField(MultiPickerField):
    """Several persons, the same way."""

    def __init__(self, *, action: str = VIEW, **kwargs: Any) -> None:
        super().__init__("persons", action=action, **kwargs)


class TitleRefField(PickerField):
    """A title of the catalog, by name."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text", "Gõ một phần tên chức danh (không dấu cũng được) rồi chọn trong danh sách."
        )
        super().__init__("titles", action=VIEW, **kwargs)

"""Form fields of directives: documents picked by symbol or title (``ui.pickers``)."""

from __future__ import annotations

from typing import Any

from xaydungdang.core.access import VIEW
from xaydungdang.ui.pickers import MultiPickerField, PickerField

HELP = "Gõ số, ký hiệu (18-NQ/TW, nq 18) hoặc vài chữ của trích yếu rồi chọn trong danh sách."


class DocumentRefField(PickerField):
    """A document the user may see, by symbol as typed or title words."""

    def __init__(self, *, action: str = VIEW, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", HELP)
        super().__init__("documents", action=action, **kwargs)


class DocumentsRefField(MultiPickerField):
    """Several documents, the same way."""

    def __init__(self, *, action: str = VIEW, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", HELP + " Chọn được nhiều.")
        super().__init__("documents", action=action, **kwargs)

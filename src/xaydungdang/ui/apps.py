from django.apps import AppConfig


class UiConfig(AppConfig):
    """The kit every page uses: form fields, pickers, panels, writers, base templates."""

    name = "xaydungdang.ui"
    verbose_name = "Bộ giao diện dùng chung"

from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "xaydungdang.org"
    verbose_name = "Tổ chức bộ máy"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the typed events)

from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "xaydungdang.directives"
    verbose_name = "Văn bản và tổ chức thực hiện"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the typed events)

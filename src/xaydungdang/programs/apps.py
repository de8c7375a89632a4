from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "xaydungdang.programs"
    verbose_name = "Chương trình phối hợp, sự kiện, sơ kết"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the typed events)

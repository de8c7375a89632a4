from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "xaydungdang.members"
    verbose_name = "Đảng viên"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the typed events)

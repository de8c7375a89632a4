from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "xaydungdang.people"
    verbose_name = "Cán bộ và chức danh"

    def ready(self) -> None:
        from . import events  # noqa: F401  (registers the typed events)

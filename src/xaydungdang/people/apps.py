from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "xaydungdang.people"
    verbose_name = "Cán bộ và chức danh"

    def ready(self) -> None:
        from xaydungdang.org.services.changes import UNIT_END_CHECKS

        from . import events  # noqa: F401  (registers the typed events)
        from .services import open_tenures_check

        if open_tenures_check not in UNIT_END_CHECKS:
            UNIT_END_CHECKS.append(open_tenures_check)

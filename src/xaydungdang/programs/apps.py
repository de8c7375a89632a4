from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "xaydungdang.programs"
    verbose_name = "Chương trình phối hợp, sự kiện, sơ kết"

    def ready(self) -> None:
        from xaydungdang.web.panels import PERSON_PANELS, UNIT_PANELS

        from . import events  # noqa: F401  (registers the typed events)
        from .event_views import person_events_panel, unit_events_panel

        if unit_events_panel not in UNIT_PANELS:
            UNIT_PANELS.append(unit_events_panel)
        if person_events_panel not in PERSON_PANELS:
            PERSON_PANELS.append(person_events_panel)

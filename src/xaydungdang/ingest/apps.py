from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "xaydungdang.ingest"
    verbose_name = "Đọc văn bản thành dữ liệu"

    def ready(self) -> None:
        from xaydungdang.web import panels

        from . import views

        for registry, panel in (
            (panels.PERSON_PANELS, views.person_sources_panel),
            (panels.UNIT_PANELS, views.unit_sources_panel),
            (panels.DOCUMENT_PANELS, views.document_sources_panel),
            (panels.EVENT_PANELS, views.event_sources_panel),
        ):
            if panel not in registry:
                registry.append(panel)

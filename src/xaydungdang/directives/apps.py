from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "xaydungdang.directives"
    verbose_name = "Văn bản và tổ chức thực hiện"

    def ready(self) -> None:
        from xaydungdang.org.services.common import PATH_COPIES

        from . import events  # noqa: F401  (registers the typed events)
        from .models import Task

        if (Task, "lead_path") not in PATH_COPIES:
            PATH_COPIES.append((Task, "lead_path"))

from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "xaydungdang.planning"
    verbose_name = "Quy hoạch cán bộ"

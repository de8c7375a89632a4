from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "xaydungdang.staffing"
    verbose_name = "Biên chế và vị trí việc làm"

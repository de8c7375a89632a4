from django.apps import AppConfig


class CadresConfig(AppConfig):
    name = "xaydungdang.cadres"
    verbose_name = "Công tác cán bộ: quyết định nhân sự, luân chuyển, lý lịch"

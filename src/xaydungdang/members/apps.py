from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "xaydungdang.members"
    verbose_name = "Đảng viên"

from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "xaydungdang.appointments"
    verbose_name = "Quy trình bổ nhiệm, giới thiệu ứng cử"

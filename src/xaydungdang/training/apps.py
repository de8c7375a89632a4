from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "xaydungdang.training"
    verbose_name = "Đào tạo, bồi dưỡng và tiêu chuẩn chức danh"

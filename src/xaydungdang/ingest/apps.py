from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "xaydungdang.ingest"
    verbose_name = "Đọc văn bản thành dữ liệu"

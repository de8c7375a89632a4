from typing import Any

from django.core.management.base import BaseCommand

from xaydungdang.demo.loader import load


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa từ các bài báo nguồn (chạy lại nhiều lần không sinh trùng)."

    def handle(self, *args: Any, **options: Any) -> None:
        load(say=self.stdout.write)

from typing import Any

from django.core.management.base import BaseCommand

from xaydungdang.core.jobs import sweep


class Command(BaseCommand):
    help = (
        "Đánh dấu lỗi các công việc nền mà tiến trình xử lý đã dừng (không còn tín hiệu hoạt "
        "động); chạy khi khởi động máy chủ."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = sweep()
        self.stdout.write(f"Đã đánh dấu {count} công việc nền bị dừng giữa chừng.")

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from xaydungdang.members import aggregates


class Command(BaseCommand):
    help = "Đếm lại số đảng viên từ từng hồ sơ và so với số liệu tổng hợp; báo lỗi nếu khác."

    def handle(self, *args: Any, **options: Any) -> None:
        counted, stored = aggregates.recount(), aggregates.stored()
        counted = +counted  # drop zeros
        wrong = sorted(k for k in counted.keys() | stored.keys() if counted[k] != stored[k])
        for unit_id, dimension, value in wrong[:50]:
            key = (unit_id, dimension, value)
            self.stderr.write(
                f"Đơn vị {unit_id}, {dimension}={value}: "
                f"tổng hợp {stored[key]}, đếm lại {counted[key]}"
            )
        if wrong:
            raise CommandError(f"{len(wrong)} số liệu tổng hợp không khớp với hồ sơ.")
        self.stdout.write(f"Khớp: {len(stored)} số liệu tổng hợp đúng với hồ sơ.")

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from xaydungdang.members.structure import tallies as aggregates


class Command(BaseCommand):
    help = "Đếm lại số đảng viên từ từng hồ sơ và so với số liệu tổng hợp; báo lỗi nếu khác."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--rebuild", action="store_true", help="Ghi lại số liệu tổng hợp theo số đếm lại."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            aggregates.rebuild(aggregates.member_rows(aggregates.rows()))
        counted, stored = aggregates.recount(), aggregates.stored()
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

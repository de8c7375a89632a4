from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from xaydungdang.demo.loader import load


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu minh họa từ các bài báo nguồn (chạy lại nhiều lần không sinh trùng); với "
        "--members N, thêm cây tổ chức toàn quốc tổng hợp và N đảng viên tổng hợp."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int, default=0, help="Số đảng viên tổng hợp.")
        parser.add_argument(
            "--tree-scale",
            type=float,
            default=1.0,
            help="Tỉ lệ cây tổ chức tổng hợp so với cả nước (1 = khoảng 55.000 tổ chức cơ sở).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        load(say=self.stdout.write)
        if options["members"] > 0:
            from xaydungdang.demo.members.load import synthetic_members

            synthetic_members(
                options["members"], scale=options["tree_scale"], say=self.stdout.write
            )

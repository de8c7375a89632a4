from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.core.actors import SYSTEM_IMPORT
from xaydungdang.members.services.imports import members_import


class Command(BaseCommand):
    help = "Nhập đảng viên từ tệp .csv hoặc .xlsx (tất cả hoặc không dòng nào)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Nhập lại tệp đã nhập: bỏ qua (và liệt kê) các đảng viên đã có trên hệ thống.",
        )
        parser.add_argument(
            "--exclusive",
            action="store_true",
            help="Lần nạp đầu toàn quốc khi không ai khác dùng cơ sở dữ liệu (SQLite): ghi qua "
            "nhật ký rollback thay cho WAL, nhanh hơn; người dùng khác phải chờ đến khi xong.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không đọc được tệp “{path}”.")

        def progress(percent: int, message: str) -> None:
            self.stdout.write(f"{percent:3d}% {message}")

        try:
            count = members_import(
                name=path.name,
                data=path,
                actor=SYSTEM_IMPORT,
                progress=progress,
                exclusive=options["exclusive"],
                update=options["update"],
            )
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        self.stdout.write(f"Đã nhập {count} đảng viên từ {path.name}.")

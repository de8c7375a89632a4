import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.ingest.evaluate import evaluate, report


class Command(BaseCommand):
    help = "Chấm kết quả đọc văn bản so với tệp chú giải (JSONL): precision, recall, F1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--details",
            action="store_true",
            help="thêm điểm theo từng loại lỗi (nhãn của đoạn trích) và số lỗi theo loại",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không đọc được tệp “{path}”.")
        try:
            if not options["details"]:
                for kind, score in evaluate(path).items():
                    self.stdout.write(json.dumps({"kind": kind, **score}, ensure_ascii=False))
                return
            full = report(path)
        except (ValueError, KeyError, OSError) as exc:
            raise CommandError(f"Tệp chú giải không hợp lệ: {exc}") from exc
        for kind, score in full["overall"].items():
            self.stdout.write(json.dumps({"kind": kind, **score}, ensure_ascii=False))
        for tag, f1 in full["by_tag"].items():
            self.stdout.write(json.dumps({"tag": tag, **f1}, ensure_ascii=False))
        self.stdout.write(json.dumps({"errors": full["errors"]}, ensure_ascii=False))

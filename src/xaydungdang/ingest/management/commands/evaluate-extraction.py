import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.ingest.evaluate import evaluate


class Command(BaseCommand):
    help = "Chấm kết quả đọc văn bản so với tệp chú giải (JSONL): precision, recall, F1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không đọc được tệp “{path}”.")
        try:
            scores = evaluate(path)
        except (ValueError, KeyError, OSError) as exc:
            raise CommandError(f"Tệp chú giải không hợp lệ: {exc}") from exc
        for kind, score in scores.items():
            self.stdout.write(json.dumps({"kind": kind, **score}, ensure_ascii=False))

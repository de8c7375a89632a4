import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.core.dates import parse_vn_date
from xaydungdang.ingest.pipeline import run
from xaydungdang.ingest.readers import read_upload


class Command(BaseCommand):
    help = (
        "Đọc một bài viết (tệp .txt, .docx, .html, .pdf) và in các dữ kiện đề xuất dưới dạng "
        "một đối tượng JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--date", help="ngày của bài viết (YYYY-MM-DD) nếu bài không ghi")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không đọc được tệp “{path}”.")
        try:
            day = parse_vn_date(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        try:
            text = read_upload(path.name, path.read_bytes())
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        result = run(text, day)
        result.pop("text")
        self.stdout.write(json.dumps(result, ensure_ascii=False))

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from xaydungdang.directives.docref import find_refs


class Command(BaseCommand):
    help = "In các văn bản được dẫn chiếu trong TEXT, mỗi dòng một đối tượng JSON, theo thứ tự."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="+", help="đoạn văn bản (có thể gồm nhiều đối số)")

    def handle(self, *args: Any, **options: Any) -> None:
        for ref in find_refs(" ".join(options["text"])):
            self.stdout.write(json.dumps(ref.as_json(), ensure_ascii=False))

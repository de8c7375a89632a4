"""``xdd who-held --title T --unit U --date D``: who held T in U on D, as JSON lines."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.core.access import parse_id
from xaydungdang.core.actors import SYSTEM_CLI
from xaydungdang.core.dates import parse_vn_date
from xaydungdang.core.text import fold
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Tenure, Title
from xaydungdang.people.selectors import who_held


def _row(tenure: Tenure, match: str, **extra: Any) -> dict[str, Any]:
    return {
        "person": tenure.person.full_name,
        "title": tenure.title.name,
        "unit": tenure.unit.name,
        "start": tenure.start.isoformat(),
        "start_precision": tenure.start_precision,
        "end": tenure.end.isoformat() if tenure.end else None,
        "end_precision": tenure.end_precision,
        "basis": tenure.start_basis,
        "reference": tenure.start_reference or tenure.source,
        "match": match,
        **extra,
    }


class Command(BaseCommand):
    help = "Ai giữ chức danh T tại đơn vị U vào ngày D (mỗi dòng một đối tượng JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--title", required=True, help="tên chức danh, ví dụ “Bí thư”")
        parser.add_argument("--unit", required=True, help="mã hoặc số hiệu đơn vị")
        parser.add_argument("--date", required=True, help="ngày (dd/mm/yyyy hoặc YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        ref = options["unit"]
        pk = parse_id(ref)
        unit = Unit.objects.filter(code=ref).first() or (
            Unit.objects.filter(pk=pk).first() if pk is not None else None
        )
        if unit is None:
            raise CommandError(f"Không tìm thấy đơn vị “{ref}”.")
        title = Title.objects.filter(folded=fold(options["title"])).first()
        if title is None:
            raise CommandError(f"Không tìm thấy chức danh “{options['title']}”.")
        try:
            day = parse_vn_date(options["date"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        answer = who_held(SYSTEM_CLI, unit, day, title)
        for t in answer.holders:
            self.stdout.write(json.dumps(_row(t, "covers"), ensure_ascii=False))
        for n in answer.before:
            near = _row(n.tenure, "before", known_day=n.day.isoformat(), attested=n.attested)
            self.stdout.write(json.dumps(near, ensure_ascii=False))
        for n in answer.after:
            near = _row(n.tenure, "after", known_day=n.day.isoformat(), attested=n.attested)
            self.stdout.write(json.dumps(near, ensure_ascii=False))
        if not answer.known:
            self.stderr.write(
                "Chưa có dữ liệu về chức danh này tại đơn vị; "
                "không có nghĩa là không có ai giữ chức."
            )

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from xaydungdang.core.dates import parse_vn_date
from xaydungdang.members.structure.report import TITLES, structure_report
from xaydungdang.org.models import Unit
from xaydungdang.ui.params import parse_id


class Command(BaseCommand):
    help = "In báo cáo thống kê cơ cấu đảng viên của một đơn vị (và các đơn vị trực thuộc)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--unit", required=True, help="mã hoặc số hiệu đơn vị")
        parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
        parser.add_argument(
            "--as-of", dest="as_of", help="ngày báo cáo (YYYY-MM-DD hoặc dd/mm/yyyy)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        ref = options["unit"]
        unit = Unit.objects.filter(code=ref).first() or (
            Unit.objects.filter(pk=parse_id(ref) or 0).first()
            if parse_id(ref) is not None
            else None
        )
        if unit is None:
            raise CommandError(f"Không tìm thấy đơn vị “{ref}”.")
        try:
            day = parse_vn_date(options["as_of"]) if options["as_of"] else None
            report = structure_report(None, unit, day)
        except (ValueError, ValidationError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
            return
        self.stdout.write(
            f"{report['unit']['name']} · {report['source']} · {report['total']} đảng viên"
        )
        for dimension, counts in report["breakdowns"].items():
            parts = ", ".join(f"{k}: {v}" for k, v in counts.items()) or "không có"
            self.stdout.write(f"  {TITLES.get(dimension, dimension)}: {parts}")

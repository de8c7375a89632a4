"""Documents named in the seed articles, and plausible implementation trees (marked as demo).

The articles give the symbols, dates and subjects used here; where an article gives no date the
date stays empty. Implementing programs, tasks and progress reports are illustrations: their
titles say so and they carry ``is_demo``. Deadlines of the open tasks are set relative to the
day the demo is loaded, so that the warnings have something to show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.directives import services as dirs
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit

D = dt.date

# key, type, symbol, number, issuer code, date, term, title
DOCUMENTS = [
    (
        "18",
        "resolution",
        "18-NQ/TW",
        "",
        "bchtw",
        D(2017, 10, 25),
        "XII",
        "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị "
        "tinh gọn, hoạt động hiệu lực, hiệu quả",
    ),
    (
        "14",
        "conclusion",
        "14-KL/TW",
        "",
        "bct",
        D(2021, 9, 22),
        "",
        "Về chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung",
    ),
    (
        "05",
        "directive",
        "05-CT/TW",
        "",
        "bct",
        None,
        "",
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "04",
        "plan",
        "04-KH/TW",
        "",
        "bct",
        D(2016, 11, 16),
        "",
        "Về tăng cường xây dựng, chỉnh đốn Đảng (14 nhiệm vụ cần thực hiện ngay, thường xuyên)",
    ),
    (
        "23",
        "resolution",
        "",
        "23",
        "bchtw",
        None,
        "IX",
        "Về phát huy sức mạnh đại đoàn kết toàn dân tộc vì dân giàu, nước mạnh, xã hội công bằng, "
        "dân chủ, văn minh",
    ),
    (
        "16",
        "resolution",
        "",
        "16",
        "bct",
        None,
        "",
        "Về định hướng phát triển Thành phố Hồ Chí Minh đến năm 2020",
    ),
    (
        "tw4-xi",
        "resolution",
        "",
        "",
        "bchtw",
        None,
        "XI",
        "Nghị quyết Trung ương 4 khóa XI: Một số vấn đề cấp bách về xây dựng Đảng hiện nay",
    ),
    (
        "tw4-xii",
        "resolution",
        "",
        "",
        "bchtw",
        None,
        "XII",
        "Nghị quyết Trung ương 4 khóa XII: Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, "
        "đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "
        "“tự diễn biến”, “tự chuyển hóa” trong nội bộ",
    ),
]
# key, implements, type, number, issuer, date, title
PROGRAMS = [
    (
        "ctr10-hcm",
        "23",
        "action_program",
        "10",
        "tu-hcm",
        None,
        "Chương trình hành động số 10 của Thành ủy TP.HCM thực hiện Nghị quyết 23 khóa IX",
    ),
    (
        "ctr18-hcm",
        "18",
        "action_program",
        "",
        "tu-hcm",
        D(2018, 3, 1),
        "Chương trình hành động của Thành ủy TP.HCM thực hiện Nghị quyết 18-NQ/TW (minh họa)",
    ),
    (
        "kh18-hn",
        "18",
        "plan",
        "",
        "tu-hn",
        D(2018, 2, 1),
        "Kế hoạch của Thành ủy Hà Nội thực hiện Nghị quyết 18-NQ/TW (minh họa)",
    ),
]
# program key, lead unit, content, deadline (date, or days from today), progress reports
TASKS: list[tuple[str, str, str, D | int, list[tuple[D, int]]]] = [
    (
        "ctr18-hcm",
        "btc-hcm",
        "Rà soát, sắp xếp các cơ quan tham mưu, giúp việc của Thành ủy",
        D(2019, 12, 31),
        [(D(2018, 9, 30), 40), (D(2019, 12, 20), 100)],
    ),
    (
        "ctr18-hcm",
        "btc-hcm",
        "Xây dựng đề án vị trí việc làm các cơ quan đảng, đoàn thể thành phố",
        D(2022, 12, 31),
        [(D(2021, 6, 30), 60), (D(2022, 12, 15), 100)],
    ),
    (
        "ctr18-hcm",
        "du-p-saigon",
        "Kiện toàn tổ chức bộ máy Đảng ủy phường sau sắp xếp",
        20,
        [(D(2025, 9, 1), 20)],
    ),
    (
        "ctr18-hcm",
        "mttq-hcm",
        "Sắp xếp đầu mối các tổ chức chính trị - xã hội trực thuộc Mặt trận",
        D(2026, 6, 30),
        [(D(2026, 1, 15), 35)],
    ),
    (
        "kh18-hn",
        "btc-hn",
        "Tinh giản biên chế các cơ quan đảng, đoàn thể thành phố giai đoạn 2018-2021",
        D(2021, 12, 31),
        [(D(2021, 12, 20), 100)],
    ),
    (
        "kh18-hn",
        "ubnd-hn",
        "Thí điểm mô hình tổ chức chính quyền đô thị",
        D(2020, 12, 31),
        [(D(2019, 1, 15), 50), (D(2020, 6, 30), 80)],
    ),
    ("kh18-hn", "btc-hn", "Tổng kết thực hiện Nghị quyết 18-NQ/TW trên địa bàn thành phố", 90, []),
    (
        "ctr10-hcm",
        "mttq-hcm",
        "Phát huy vai trò Mặt trận Tổ quốc trong củng cố khối đại đoàn kết",
        D(2022, 12, 31),
        [(D(2022, 12, 12), 100)],
    ),
]
PLAN_04_LEADS = [
    "btctw",
    "ubkttw",
    "vptw",
    "btctw",
    "tu-hcm",
    "tu-hn",
    "ubkttw",
    "btctw",
    "vptw",
    "tu-hcm",
    "tu-hn",
    "btctw",
    "ubkttw",
    "btctw",
]


def _doc(docs: dict[str, Document], key: str, **fields: Any) -> None:
    found = Document.objects.filter(title=fields["title"], issuer=fields["issuer"]).first()
    docs[key] = found or dirs.document_create(actor=SYSTEM_DEMO, **fields)


def _deadline(value: D | int) -> D:
    return value if isinstance(value, D) else timezone.localdate() + dt.timedelta(days=value)


def _task(
    doc: Document, lead: Unit, content: str, deadline: D | int, reports: list[tuple[D, int]]
) -> None:
    if doc.tasks.filter(content=content).exists():
        return
    task = dirs.task_create(
        document=doc,
        content=content,
        lead_unit=lead,
        deadline=_deadline(deadline),
        is_demo=True,
        actor=SYSTEM_DEMO,
    )
    for day, percent in reports:
        dirs.progress_report(
            task=task,
            reported_on=day,
            percent=percent,
            actor=SYSTEM_DEMO,
            text=f"Báo cáo tiến độ (minh họa): đạt {percent}%.",
        )


def load(units: dict[str, Unit]) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for key, kind, symbol, number, issuer, day, term, title in DOCUMENTS:
        _doc(
            docs,
            key,
            doc_type=kind,
            symbol=symbol,
            number=number,
            issuer=units[issuer],
            issued_on=day,
            term=term,
            title=title,
        )
    for key, parent, kind, number, issuer, day, title in PROGRAMS:
        _doc(
            docs,
            key,
            doc_type=kind,
            number=number,
            issuer=units[issuer],
            issued_on=day,
            title=title,
            implements=docs[parent],
            is_demo=True,
        )
    for key, lead, content, deadline, reports in TASKS:
        _task(docs[key], units[lead], content, deadline, reports)
    for i, lead in enumerate(PLAN_04_LEADS, start=1):
        done = i <= 11
        reports = [(D(2018, 12, 31), 100)] if done else [(D(2019, 6, 30), 30 + 10 * (i - 11))]
        _task(
            docs["04"],
            units[lead],
            f"Nhiệm vụ {i} của Kế hoạch 04-KH/TW (nội dung minh họa)",
            D(2018, 12, 31) if done else D(2020, 12, 31),
            reports,
        )
    return docs

"""The coordination programs and events of the seed articles.

Public facts: the HCMC program 2016–2020 signed on 20/08/2016 (article 000); the Hanoi program
2017–2020 and its 2018 plan, "7/10 nội dung" done and 3 not implemented (article 004); the events
of the five articles with the persons who chaired and took part. The ten items' wording is an
illustration (the article does not list them), so the Hanoi plan is marked as demo; the figures
come from the items' statuses, never typed in.
"""

from __future__ import annotations

import datetime as dt

from xaydungdang.core.actors import SYSTEM_DEMO
from xaydungdang.directives.models import Document
from xaydungdang.org.models import Unit
from xaydungdang.people.models import Person
from xaydungdang.programs import reviews, services
from xaydungdang.programs.models import Event, Program

from . import data

D = dt.date
HANOI_2018 = [
    ("Phối hợp hoàn thiện Đề án thí điểm quản lý theo mô hình chính quyền đô thị", "done"),
    ("Phối hợp chuẩn bị nhân sự cấp ủy, chuẩn hóa quy trình trước Đại hội", "done"),
    ("Sắp xếp, tinh gọn tổ chức bộ máy các cơ quan đảng, đoàn thể thành phố", "done"),
    ("Thực hiện tinh giản biên chế gắn với vị trí việc làm", "done"),
    ("Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý", "done"),
    ("Tập huấn nghiệp vụ công tác tổ chức xây dựng Đảng", "done"),
    ("Trao đổi kinh nghiệm luân chuyển, điều động cán bộ", "done"),
    ("Khảo sát mô hình hợp nhất cơ quan tham mưu cấp huyện", "not_implemented"),
    ("Tổng kết thực tiễn công tác đảng viên ở khu dân cư", "not_implemented"),
    ("Ứng dụng công nghệ thông tin trong quản lý cơ sở dữ liệu đảng viên", "not_implemented"),
]
# date, kind, title, units, programs, document symbols/keys, [(person, role)], source
EVENTS = [
    (
        D(2016, 8, 20),
        "signing",
        "Ban Tổ chức Trung ương làm việc và ký kết chương trình phối hợp với "
        "Ban Thường vụ Thành ủy TP.HCM",
        ["btctw", "btv-hcm"],
        ["hcm"],
        [],
        [("Phạm Minh Chính", "chair"), ("Đinh La Thăng", "chair"), ("Võ Thị Dung", "reporter")],
        data.SRC[data.ART_000],
    ),
    (
        D(2017, 3, 4),
        "conference",
        "Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2016, triển khai nhiệm vụ năm 2017",
        ["btctw"],
        [],
        ["05-CT/TW", "04-KH/TW"],
        [("Phạm Minh Chính", "chair")],
        data.SRC[data.ART_002],
    ),
    (
        D(2019, 1, 29),
        "review_conference",
        "Hội nghị sơ kết chương trình phối hợp công tác giữa Ban Tổ chức Trung ương và "
        "Ban Thường vụ Thành ủy Hà Nội",
        ["btctw", "btv-hn"],
        ["hn"],
        [],
        [
            ("Phạm Minh Chính", "participant"),
            ("Hoàng Trung Hải", "participant"),
            ("Nguyễn Thanh Bình", "participant"),
            ("Ngô Thị Thanh Hằng", "participant"),
            ("Nguyễn Đức Chung", "participant"),
        ],
        data.SRC[data.ART_004],
    ),
    (
        D(2022, 12, 12),
        "survey_visit",
        "Đoàn khảo sát Ban Chỉ đạo Trung ương tổng kết 20 năm Nghị quyết 23 làm việc với "
        "Ban Thường vụ Thành ủy TP.HCM",
        ["bcd-nq23", "btv-hcm"],
        [],
        [],
        [("Võ Văn Thưởng", "chair"), ("Nguyễn Hồ Hải", "reporter")],
        data.SRC[data.ART_003],
    ),
    (
        D(2022, 12, 23),
        "conference",
        "Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2022 của Thành ủy TP.HCM",
        ["tu-hcm", "btctw"],
        [],
        ["14-KL/TW", "18-NQ/TW"],
        [("Trương Thị Mai", "participant"), ("Nguyễn Văn Nên", "chair")],
        data.SRC[data.ART_001],
    ),
    (
        D(2022, 12, 23),
        "award_ceremony",
        "Trao Bằng khen của Ban Tổ chức Trung ương cho Ban Tổ chức Thành ủy TP.HCM",
        ["btc-hcm", "btctw"],
        [],
        [],
        [("Nguyễn Văn Nên", "chair"), ("Võ Văn Tân", "participant")],
        data.SRC[data.ART_001],
    ),
]


def _programs(units: dict[str, Unit]) -> dict[str, Program]:
    specs = {
        "hcm": (
            "Chương trình phối hợp về công tác xây dựng Đảng giữa Ban Tổ chức Trung ương và "
            "Ban Thường vụ Thành ủy TP.HCM",
            "btv-hcm",
            2016,
            2020,
            D(2016, 8, 20),
        ),
        "hn": (
            "Chương trình phối hợp công tác giữa Ban Tổ chức Trung ương và Ban Thường vụ "
            "Thành ủy Hà Nội",
            "btv-hn",
            2017,
            2020,
            None,
        ),
    }
    out = {}
    for key, (title, party_b, start, end, signed) in specs.items():
        program = Program.objects.filter(title=title).first() or services.program_create(
            title=title,
            party_a=units["btctw"],
            party_b=units[party_b],
            start_year=start,
            end_year=end,
            signed_on=signed,
            actor=SYSTEM_DEMO,
        )
        out[key] = program
    return out


def _hanoi_2018(program: Program, units: dict[str, Unit]) -> None:
    plan = program.years.filter(year=2018).first() or services.plan_create(
        program=program,
        year=2018,
        actor=SYSTEM_DEMO,
        note="Nội dung từng mục là minh họa; số liệu 7/10 theo bài báo ngày 29/01/2019.",
    )
    for number, (content, status) in enumerate(HANOI_2018, start=1):
        if plan.items.filter(number=number).exists():
            continue
        services.item_create(
            plan=plan,
            number=number,
            content=content,
            lead_a=units["btctw"],
            lead_b=units["btc-hn"],
            status=status,
            actor=SYSTEM_DEMO,
        )


def _events(units: dict[str, Unit], programs: dict[str, Program]) -> dict[str, Event]:
    out = {}
    for day, kind, title, unit_codes, program_keys, symbols, people, source in EVENTS:
        event = Event.objects.filter(title=title, held_on=day).first()
        if event is None:
            event = services.event_create(
                kind=kind,
                title=title,
                held_on=day,
                units=[units[c] for c in unit_codes],
                programs=[programs[k] for k in program_keys],
                source=source,
                documents=Document.objects.filter(symbol__in=symbols),
                participants=[(Person.objects.get(full_name=n), r) for n, r in people],
                actor=SYSTEM_DEMO,
            )
        out[title] = event
    return out


def load(units: dict[str, Unit]) -> None:
    programs = _programs(units)
    _hanoi_2018(programs["hn"], units)
    events = _events(units, programs)
    if not programs["hn"].reviews.exists():
        review = reviews.review_draft(
            kind="interim",
            program=programs["hn"],
            issuer=units["btctw"],
            period_start=D(2018, 1, 1),
            period_end=D(2018, 12, 31),
            actor=SYSTEM_DEMO,
            title="Sơ kết thực hiện chương trình phối hợp công tác năm 2018",
            recipients="Bộ Chính trị, Ban Bí thư (để báo cáo)\nBan Thường vụ Thành ủy Hà Nội",
        )
        reviews.review_update(
            review=review,
            actor=SYSTEM_DEMO,
            issued_on=D(2019, 1, 29),
            event=next(e for t, e in events.items() if "sơ kết" in t),
        )

"""Public facts of the seed articles (../shared/seeds/), as demo data.

The dates the articles give are attestations: the tenure covers that day. The real start and
end of the posts, each with its public source, are in ``careers.py``.
"""

from __future__ import annotations

import datetime as dt

D = dt.date
# Dates the articles give (000: 20/08/2016; 002: 04/03/2017; 004: 29/01/2019; 003: 12/12/2022;
# 001: conference of 23/12/2022, published 30/01/2023).
ART_000, ART_002, ART_004 = D(2016, 8, 20), D(2017, 3, 4), D(2019, 1, 29)
ART_003, ART_001 = D(2022, 12, 12), D(2022, 12, 23)
SRC = {
    ART_000: "VietnamPlus/TTXVN, 20/08/2016 (ký kết chương trình phối hợp BTCTW – Thành ủy TP.HCM)",
    ART_002: "TTXVN, 04/03/2017 (Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2016)",
    ART_004: "Hội nghị sơ kết chương trình phối hợp BTCTW – Thành ủy Hà Nội, 29/01/2019",
    ART_003: "Chinhphu.vn/SGGP, 12/12/2022 (khảo sát tổng kết 20 năm Nghị quyết 23)",
    ART_001: "Thanhuytphcm.vn, 30/01/2023 (Hội nghị tổng kết ngày 23/12/2022)",
}

# code, name, short name, kind, parent code, aliases
UNITS: list[tuple[str, str, str, str, str | None, list[str]]] = [
    (
        "bchtw",
        "Ban Chấp hành Trung ương Đảng",
        "BCH TW",
        "central_committee",
        None,
        ["Ban Chấp hành Trung ương", "Trung ương Đảng", "BCHTW"],
    ),
    ("bct", "Bộ Chính trị", "BCT", "politburo", "bchtw", []),
    ("bbt", "Ban Bí thư", "BBT", "secretariat", "bchtw", ["Ban Bí thư Trung ương Đảng"]),
    (
        "ubkttw",
        "Ủy ban Kiểm tra Trung ương",
        "UBKT TW",
        "inspection_commission",
        "bchtw",
        ["UBKTTW"],
    ),
    (
        "btctw",
        "Ban Tổ chức Trung ương",
        "BTCTW",
        "advisory_board",
        "bchtw",
        ["Ban Tổ chức TW", "Ban Tổ chức Trung ương Đảng"],
    ),
    ("vptw", "Văn phòng Trung ương Đảng", "VPTW", "advisory_board", "bchtw", []),
    (
        "bcd-nq23",
        "Ban Chỉ đạo Trung ương tổng kết 20 năm thực hiện Nghị quyết 23-NQ/TW khóa IX",
        "Ban Chỉ đạo tổng kết Nghị quyết 23",
        "steering_committee",
        "bchtw",
        ["Ban Chỉ đạo Trung ương"],
    ),
    (
        "tu-hcm",
        "Thành ủy Thành phố Hồ Chí Minh",
        "Thành ủy TP.HCM",
        "provincial_committee",
        "bchtw",
        [
            "TP.HCM",
            "TPHCM",
            "Tp. HCM",
            "Thành phố Hồ Chí Minh",
            "Thành ủy TPHCM",
            "Đảng bộ Thành phố Hồ Chí Minh",
            "Đảng bộ TPHCM",
        ],
    ),
    (
        "btv-hcm",
        "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh",
        "Ban Thường vụ Thành ủy TP.HCM",
        "standing_committee",
        "tu-hcm",
        ["Ban Thường vụ Thành ủy TPHCM"],
    ),
    (
        "btc-hcm",
        "Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh",
        "Ban Tổ chức Thành ủy TP.HCM",
        "advisory_board",
        "tu-hcm",
        ["Ban Tổ chức Thành ủy TPHCM"],
    ),
    (
        "mttq-hcm",
        "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh",
        "MTTQ TP.HCM",
        "fatherland_front",
        "tu-hcm",
        [],
    ),
    (
        "tu-bd",
        "Tỉnh ủy Bình Dương",
        "",
        "provincial_committee",
        "bchtw",
        ["Đảng bộ tỉnh Bình Dương"],
    ),
    ("btc-bd", "Ban Tổ chức Tỉnh ủy Bình Dương", "", "advisory_board", "tu-bd", []),
    (
        "tu-brvt",
        "Tỉnh ủy Bà Rịa - Vũng Tàu",
        "",
        "provincial_committee",
        "bchtw",
        ["Đảng bộ tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"],
    ),
    ("btc-brvt", "Ban Tổ chức Tỉnh ủy Bà Rịa - Vũng Tàu", "", "advisory_board", "tu-brvt", []),
    (
        "tu-hn",
        "Thành ủy Hà Nội",
        "",
        "provincial_committee",
        "bchtw",
        ["Hà Nội", "Thành phố Hà Nội", "Đảng bộ thành phố Hà Nội", "Thành ủy thành phố Hà Nội"],
    ),
    ("btv-hn", "Ban Thường vụ Thành ủy Hà Nội", "", "standing_committee", "tu-hn", []),
    ("btc-hn", "Ban Tổ chức Thành ủy Hà Nội", "", "advisory_board", "tu-hn", []),
    (
        "ubnd-hn",
        "Ủy ban nhân dân thành phố Hà Nội",
        "UBND thành phố Hà Nội",
        "state_body",
        "tu-hn",
        ["UBND Hà Nội", "UBND TP Hà Nội"],
    ),
    (
        "mttq",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "MTTQ Việt Nam",
        "fatherland_front",
        None,
        ["Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "MTTQ"],
    ),
    ("qh", "Quốc hội", "", "state_body", None, []),
    ("cp", "Chính phủ", "", "state_body", None, []),
]

# A legacy district committee, ended when the district level was abolished (294-QĐ/TW).
LEGACY_DISTRICT = ("qu-q1", "Quận ủy Quận 1", "district_committee", "tu-hcm", D(1976, 7, 2))
NEW_WARD = ("du-p-saigon", "Đảng ủy phường Sài Gòn", "commune_committee", "tu-hcm", D(2025, 7, 1))
RESTRUCTURE_DAY = D(2025, 7, 1)
MERGE_DECISION = (
    "Quyết định 321-QĐ/TW của Bộ Chính trị (hợp nhất Đảng bộ TP.HCM, Bà Rịa - Vũng Tàu, Bình Dương)"
)

# name, label template, rank
TITLES: list[tuple[str, str, int]] = [
    ("Tổng Bí thư", "{title}", 1),
    ("Thường trực Ban Bí thư", "{title}", 2),
    ("Bí thư Trung ương Đảng", "{title}", 5),
    ("Ủy viên", "{title} {unit}", 10),
    ("Trưởng ban", "Trưởng {unit}", 20),
    ("Phó Trưởng ban Thường trực", "Phó Trưởng ban Thường trực {unit}", 21),
    ("Phó Trưởng ban", "Phó Trưởng {unit}", 22),
    ("Bí thư", "{title} {unit}", 30),
    ("Phó Bí thư Thường trực", "{title} {unit}", 31),
    ("Phó Bí thư", "{title} {unit}", 32),
    ("Ủy viên Ban Thường vụ", "{title} {unit}", 33),
    ("Chủ tịch", "{title} {unit}", 40),
]

# full name, gender (only where the article says ông/bà), managing unit,
# [(title, unit code, attested dates)]
PERSONS: list[tuple[str, str, str, list[tuple[str, str, list[dt.date]]]]] = [
    (
        "Phạm Minh Chính",
        "male",
        "btctw",
        [
            ("Ủy viên", "bct", [ART_000, ART_002, ART_004]),
            ("Bí thư Trung ương Đảng", "bbt", [ART_000, ART_002, ART_004]),
            ("Trưởng ban", "btctw", [ART_000, ART_002, ART_004]),
        ],
    ),
    (
        "Đinh La Thăng",
        "unknown",
        "tu-hcm",
        [
            ("Ủy viên", "bct", [ART_000]),
            ("Bí thư", "tu-hcm", [ART_000]),
        ],
    ),
    ("Võ Thị Dung", "female", "tu-hcm", [("Phó Bí thư", "tu-hcm", [ART_000])]),
    (
        "Trương Thị Mai",
        "unknown",
        "btctw",
        [
            ("Ủy viên", "bct", [ART_001]),
            ("Bí thư Trung ương Đảng", "bbt", [ART_001]),
            ("Trưởng ban", "btctw", [ART_001]),
        ],
    ),
    (
        "Nguyễn Văn Nên",
        "unknown",
        "tu-hcm",
        [
            ("Ủy viên", "bct", [ART_001]),
            ("Bí thư", "tu-hcm", [ART_001]),
        ],
    ),
    ("Võ Văn Tân", "unknown", "tu-hcm", [("Phó Trưởng ban", "btc-hcm", [ART_001])]),
    (
        "Võ Văn Thưởng",
        "unknown",
        "bbt",
        [
            ("Ủy viên", "bct", [ART_003]),
            ("Thường trực Ban Bí thư", "bbt", [ART_003]),
            ("Trưởng ban", "bcd-nq23", [ART_003]),
        ],
    ),
    ("Nguyễn Hồ Hải", "unknown", "tu-hcm", [("Phó Bí thư", "tu-hcm", [ART_003])]),
    (
        "Hoàng Trung Hải",
        "unknown",
        "tu-hn",
        [
            ("Ủy viên", "bct", [ART_004]),
            ("Bí thư", "tu-hn", [ART_004]),
        ],
    ),
    (
        "Nguyễn Thanh Bình",
        "unknown",
        "btctw",
        [
            ("Ủy viên", "bchtw", [ART_004]),
            ("Phó Trưởng ban Thường trực", "btctw", [ART_004]),
        ],
    ),
    (
        "Ngô Thị Thanh Hằng",
        "unknown",
        "tu-hn",
        [
            ("Ủy viên", "bchtw", [ART_004]),
            ("Phó Bí thư Thường trực", "tu-hn", [ART_004]),
        ],
    ),
    (
        "Nguyễn Đức Chung",
        "unknown",
        "tu-hn",
        [
            ("Ủy viên", "bchtw", [ART_004]),
            ("Phó Bí thư", "tu-hn", [ART_004]),
            ("Chủ tịch", "ubnd-hn", [ART_004]),
        ],
    ),
]

DEMO_PASSWORD = "demo12345"
# username, display name, role, unit code (None: whole system), superuser
USERS: list[tuple[str, str, str, str | None, bool]] = [
    ("quantri", "Quản trị hệ thống", "manager", None, True),
    ("btctw", "Chuyên viên Ban Tổ chức Trung ương", "editor", None, False),
    ("hcm", "Chuyên viên Ban Tổ chức Thành ủy TP.HCM", "editor", "tu-hcm", False),
    ("hanoi", "Chuyên viên Ban Tổ chức Thành ủy Hà Nội", "editor", "tu-hn", False),
]

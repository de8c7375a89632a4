"""Public facts: the real start and end of the seed articles' officials' posts, each with its
source (a public article that reports the decision or the election). A date that no source
found here confirms is given with its precision (year) or left unknown, never invented.

Each row: person, title, unit code, (start, precision, basis, reference), (end, precision,
basis, reference) or None while the post is held, and the sources."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

D = dt.date


class Bound(NamedTuple):
    day: dt.date
    precision: str  # day, month, year
    basis: str  # decision, article, manual
    reference: str
    # A bound set by a personnel decision the demo records as such (cadres.DecisionKind),
    # issued by the unit of code ``issuer``; "" leaves the bound on the tenure alone.
    kind: str = ""
    issuer: str = "bct"
    number: str = ""


class Career(NamedTuple):
    person: str
    home: str
    title: str
    unit: str
    start: Bound
    end: Bound | None
    source: str


QD01_2016 = "Quyết định 01-QĐNS/TW ngày 04/02/2016 phân công Ủy viên Bộ Chính trị khóa XII"
SRC_QD01 = (
    "http://laodongthudo.vn/phan-cong-nhiem-vu-uy-vien-bo-chinh-tri-uy-vien-ban-bi-thu-khoa-xii"
    "-32989.html; https://kinhtedothi.vn/dong-chi-dinh-la-thang-giu-chuc-bi-thu-thanh-uy-tp-hcm"
    ".html (công bố tại TP.HCM chiều 05/02/2016)"
)
QD_9_5_2017 = "Quyết định của Bộ Chính trị ngày 09/05/2017 (công bố ngày 10/05/2017)"
SRC_2017 = (
    "http://congan.nghean.gov.vn/tin-tuc-su-kien/trong-nuoc/201705/ong-nguyen-thien-nhan-lam-"
    "bi-thu-tp-ho-chi-minh-ong-dinh-la-thang-lam-pho-ban-kinh-te-tw-736746"
)
ELECT_2020 = "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ TP.HCM khóa XI bầu, ngày 17/10/2020"
SRC_2020 = (
    "https://vadi.vn/su-kien/qua-trinh-tro-thanh-bi-thu-thanh-uy-tphcm-cua-ong-nguyen-van-nen-"
    "1032114; https://thanhnien.vn/thoi-su/gioi-thieu-ong-nguyen-van-nen-de-bau-bi-thu-thanh-"
    "uy-tphcm-1289960.html"
)
QD_25_8_2025 = "Quyết định của Bộ Chính trị công bố ngày 25/08/2025"
SRC_2025 = (
    "https://vietnamnet.vn/ong-nguyen-van-nen-thoi-giu-chuc-bi-thu-thanh-uy-tp-hcm-de-nhan-"
    "nhiem-vu-moi-2435692.html; https://amp.vtcnews.vn/ong-tran-luu-quang-tiep-tuc-lam-bi-thu-"
    "thanh-uy-tp-hcm-ar970993.html (chỉ định tiếp nhiệm kỳ 2025-2030 ngày 14/10/2025)"
)
SRC_MAI = "https://vi.m.wikipedia.org/wiki/Tr%C6%B0%C6%A1ng_Th%E1%BB%8B_Mai (08/04/2021)"
SRC_HUNG = (
    "https://tapchidongnama.vn/bo-chinh-tri-bo-nhiem-ong-le-minh-hung-lam-truong-ban-to-chuc-"
    "trung-uong/ (16/05/2024); https://plo.vn/bo-chinh-tri-phan-cong-10-uy-vien-tham-gia-ban-"
    "bi-thu-khoa-xiv-post893830.html (vẫn giữ chức ngày 30/01/2026)"
)

CAREERS: list[Career] = [
    Career(
        "Đinh La Thăng",
        "tu-hcm",
        "Bí thư",
        "tu-hcm",
        Bound(D(2016, 2, 4), "day", "decision", QD01_2016, "designation", "bct", "01-QĐNS/TW"),
        Bound(D(2017, 5, 9), "day", "decision", QD_9_5_2017, "relief"),
        f"{SRC_QD01}; {SRC_2017}",
    ),
    Career(
        "Nguyễn Thiện Nhân",
        "tu-hcm",
        "Bí thư",
        "tu-hcm",
        Bound(D(2017, 5, 9), "day", "decision", QD_9_5_2017, "designation"),
        Bound(D(2020, 10, 17), "day", "decision", ELECT_2020 + " người kế nhiệm"),
        f"{SRC_2017}; {SRC_2020}",
    ),
    Career(
        "Nguyễn Văn Nên",
        "tu-hcm",
        "Bí thư",
        "tu-hcm",
        Bound(D(2020, 10, 17), "day", "decision", ELECT_2020, "election"),
        Bound(D(2025, 8, 25), "day", "decision", QD_25_8_2025, "relief"),
        f"{SRC_2020}; {SRC_2025}",
    ),
    Career(
        "Trần Lưu Quang",
        "tu-hcm",
        "Bí thư",
        "tu-hcm",
        Bound(D(2025, 8, 25), "day", "decision", QD_25_8_2025, "designation"),
        None,
        SRC_2025,
    ),
    Career(
        "Phạm Minh Chính",
        "btctw",
        "Trưởng ban",
        "btctw",
        Bound(D(2016, 2, 4), "day", "decision", QD01_2016, "designation", "bct", "01-QĐNS/TW"),
        Bound(D(2021, 4, 8), "day", "decision", "Bộ Chính trị phân công người kế nhiệm"),
        f"{SRC_QD01}; {SRC_MAI}",
    ),
    Career(
        "Trương Thị Mai",
        "btctw",
        "Trưởng ban",
        "btctw",
        Bound(
            D(2021, 4, 8), "day", "decision", "Bộ Chính trị phân công, 08/04/2021", "designation"
        ),
        Bound(
            D(2024, 5, 16),
            "day",
            "decision",
            "Trung ương cho thôi giữ chức, 16/05/2024",
            "relief",
            "bchtw",
        ),
        SRC_MAI,
    ),
    Career(
        "Lê Minh Hưng",
        "btctw",
        "Trưởng ban",
        "btctw",
        Bound(
            D(2024, 5, 16), "day", "decision", "Bộ Chính trị phân công, 16/05/2024", "designation"
        ),
        None,
        SRC_HUNG,
    ),
]
